//! Calendar files (iCalendar, RFC 5545) for the rota's feeds: the events a
//! caller describes in plain values, written with the Europe/London time
//! zone in full, so that a phone puts each shift at the right hour on both
//! sides of the clock changes whatever time zone database it has.
//!
//! # Why our own writer
//!
//! The `icalendar` crate (0.17) is well kept and its parser reads these
//! files back in our tests, but its builder writes a calendar's time zone
//! only as `X-WR-TIMEZONE`, with no `VTIMEZONE` component, which RFC 5545
//! requires for every `TZID` an event names; and it would bring chrono and
//! uuid into a build that keeps time with jiff. What a feed needs of the
//! format is small and fixed: one time zone, events with a handful of
//! properties, text escaped, lines folded at 75 octets and ended with CRLF.

use cylch_domain::Language;
use jiff::Timestamp;
use jiff::civil::DateTime;

/// The time zone every local time in a feed is in.
pub const TZID: &str = "Europe/London";

/// Europe/London as RFC 5545 writes a time zone: British Summer Time from
/// 01:00 GMT on the last Sunday of March, Greenwich Mean Time from 02:00 BST
/// on the last Sunday of October (the rules since 1996; the first onsets
/// given are days those rules held).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "X-LIC-LOCATION:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// A calendar: its name as the phone shows it, and its events.
#[derive(Debug, Clone)]
pub struct CalendarFile {
    /// The language its text is written in.
    pub language: Language,
    pub name: String,
    pub events: Vec<Event>,
}

/// When an event starts or ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTime {
    /// A wall-clock time in [`TZID`].
    Local(DateTime),
    /// An instant, for the one local hour in October that happens twice
    /// when the later of the two is meant: RFC 5545 reads a repeated local
    /// time as the first.
    Utc(Timestamp),
}

/// One event.
#[derive(Debug, Clone)]
pub struct Event {
    /// The same for the same event in every version of the feed, so a
    /// calendar updates it rather than adding another.
    pub uid: String,
    pub summary: String,
    pub start: EventTime,
    pub end: EventTime,
    /// Written as `STATUS:CANCELLED`, so that calendars take it away.
    pub cancelled: bool,
    /// Grows whenever the event changes (RFC 5545 3.8.7.4).
    pub sequence: i64,
    pub created: Timestamp,
    /// When it last changed: its `DTSTAMP` and `LAST-MODIFIED`.
    pub modified: Timestamp,
}

/// Writes the calendar: CRLF line ends, lines folded at 75 octets.
pub fn write(calendar: &CalendarFile) -> String {
    let mut out = String::new();
    let lang = calendar.language.code();
    let mut line = |text: &str| fold_into(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Cylch//Rota//EN");
    line("CALSCALE:GREGORIAN");
    line(&format!("NAME;LANGUAGE={lang}:{}", escape(&calendar.name)));
    line(&format!("X-WR-CALNAME:{}", escape(&calendar.name)));
    line(&format!("X-WR-TIMEZONE:{TZID}"));
    // Calendars that honour these read the rota again every hour.
    line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    line("X-PUBLISHED-TTL:PT1H");
    for text in VTIMEZONE {
        line(text);
    }
    for event in &calendar.events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&event.uid)));
        // With no METHOD, DTSTAMP is when the event was last revised.
        line(&format!("DTSTAMP:{}", utc(event.modified)));
        line(&format!("CREATED:{}", utc(event.created)));
        line(&format!("LAST-MODIFIED:{}", utc(event.modified)));
        line(&format!("SEQUENCE:{}", event.sequence.max(0)));
        line(&time("DTSTART", event.start));
        line(&time("DTEND", event.end));
        line(&format!(
            "SUMMARY;LANGUAGE={lang}:{}",
            escape(&event.summary)
        ));
        line(if event.cancelled {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        });
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

fn utc(at: Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn time(name: &str, at: EventTime) -> String {
    match at {
        EventTime::Local(local) => {
            format!("{name};TZID={TZID}:{}", local.strftime("%Y%m%dT%H%M%S"))
        }
        EventTime::Utc(at) => format!("{name}:{}", utc(at)),
    }
}

/// TEXT as RFC 5545 3.3.11 escapes it; other control characters, which
/// the format cannot carry, are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line is longer than 75
/// octets (RFC 5545 3.1), never inside a character, each ended with CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut room = 75;
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > room {
            out.push_str("\r\n ");
            // The space that begins a continuation line counts.
            room = 74;
            used = 0;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "Siân Ŵyn, ".repeat(20));
        fold_into(&mut out, &text);
        assert!(out.ends_with("\r\n"));
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 2);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
            assert_eq!(i > 0, l.starts_with(' '));
        }
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, text);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("Bore; cinio, te\\swper\nnos\u{7}"),
            "Bore\\; cinio\\, te\\\\swper\\nnos"
        );
    }
}
