//! The rota's calendar files and printed sheet, read back as others read
//! them: the calendar through the `icalendar` crate's parser (not this
//! crate's idea of what it wrote), its time zone checked against the time
//! zone database for forty years and used, as a phone would, to place
//! shifts on the days the clocks change; the sheet through poppler.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test

use cylch_documents::ical::{CalendarFile, Event, EventTime, write};
use cylch_documents::pdf;
use cylch_documents::rota::{RotaSheet, SheetCall, SheetDay};
use cylch_domain::Language;
use icalendar::parser::{Component, read_calendar, unfold};
use jiff::civil::{Date, DateTime};
use jiff::{Timestamp, ToSpan};

fn at(raw: &str) -> DateTime {
    raw.parse().unwrap()
}

fn instant(raw: &str) -> Timestamp {
    raw.parse().unwrap()
}

fn event(uid: &str, start: EventTime, end: EventTime, cancelled: bool) -> Event {
    Event {
        uid: uid.into(),
        summary: "Dydd gyda Sioned, Tomos; a \\ rhagor".into(),
        start,
        end,
        cancelled,
        sequence: 3,
        created: instant("2026-03-01T10:00:00Z"),
        modified: instant("2026-03-02T10:00:00Z"),
    }
}

/// A calendar with a shift on the last Sunday of March and of October, one
/// in the hour October repeats (the second time round), and a cancelled
/// one.
fn calendar() -> String {
    write(&CalendarFile {
        language: Language::Cy,
        name: "Rota Cylch: Megan — shifftiau'r PA, gydag enw hir iawn i'w blygu".into(),
        events: vec![
            event(
                "spring@cylch",
                EventTime::Local(at("2026-03-29T07:00")),
                EventTime::Local(at("2026-03-29T09:30")),
                false,
            ),
            event(
                "autumn@cylch",
                EventTime::Local(at("2026-10-25T07:00")),
                EventTime::Local(at("2026-10-25T09:30")),
                false,
            ),
            event(
                "repeated-hour@cylch",
                EventTime::Utc(instant("2026-10-25T01:30:00Z")),
                EventTime::Local(at("2026-10-25T06:00")),
                false,
            ),
            event(
                "cancelled@cylch",
                EventTime::Local(at("2026-06-01T08:00")),
                EventTime::Local(at("2026-06-01T12:00")),
                true,
            ),
        ],
    })
}

fn prop<'a>(c: &'a Component<'a>, name: &str) -> Option<&'a icalendar::parser::Property<'a>> {
    c.properties.iter().find(|p| p.name.as_str() == name)
}

fn value<'a>(c: &'a Component<'a>, name: &str) -> &'a str {
    prop(c, name)
        .map(|p| p.val.as_str())
        .unwrap_or_else(|| panic!("{name} in {}", c.name.as_str()))
}

fn offset_minutes(raw: &str) -> i32 {
    let sign = if raw.starts_with('-') { -1 } else { 1 };
    let hours: i32 = raw[1..3].parse().unwrap();
    let minutes: i32 = raw[3..5].parse().unwrap();
    sign * (hours * 60 + minutes)
}

/// One observance of the VTIMEZONE: its offset, and its onset in a year as
/// a local time in the offset before it, read from its RRULE.
struct Observance {
    from: i32,
    to: i32,
    month: i8,
    hour: i8,
}

impl Observance {
    fn read(c: &Component<'_>) -> Observance {
        let rule = value(c, "RRULE");
        let parts: Vec<&str> = rule.split(';').collect();
        assert!(parts.contains(&"FREQ=YEARLY"), "{rule}");
        assert!(parts.contains(&"BYDAY=-1SU"), "{rule}");
        let month = parts
            .iter()
            .find_map(|p| p.strip_prefix("BYMONTH="))
            .unwrap()
            .parse()
            .unwrap();
        let start = value(c, "DTSTART");
        Observance {
            from: offset_minutes(value(c, "TZOFFSETFROM")),
            to: offset_minutes(value(c, "TZOFFSETTO")),
            month,
            hour: start[9..11].parse().unwrap(),
        }
    }

    /// The local time (in the offset before it) it begins in `year`.
    fn onset(&self, year: i16) -> DateTime {
        let last = Date::new(year, self.month, 1).unwrap().last_of_month();
        let back = i64::from(last.weekday().to_sunday_zero_offset());
        last.checked_sub(back.days())
            .unwrap()
            .at(self.hour, 0, 0, 0)
    }

    /// The UTC instant it begins in `year`.
    fn onset_instant(&self, year: i16) -> Timestamp {
        local_to_utc(self.onset(year), self.from)
    }
}

fn local_to_utc(local: DateTime, offset_minutes: i32) -> Timestamp {
    local
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .checked_sub(i64::from(offset_minutes).minutes())
        .unwrap()
}

/// The zone as the file describes it: (daylight, standard).
fn zone(parsed: &[Component<'_>]) -> (Observance, Observance) {
    let tz = parsed
        .iter()
        .find(|c| c.name.as_str() == "VTIMEZONE")
        .expect("a VTIMEZONE");
    assert_eq!(value(tz, "TZID"), "Europe/London");
    let find = |name: &str| {
        Observance::read(
            tz.components
                .iter()
                .find(|c| c.name.as_str() == name)
                .unwrap_or_else(|| panic!("{name} in the VTIMEZONE")),
        )
    };
    (find("DAYLIGHT"), find("STANDARD"))
}

/// What a calendar reading the file makes of an event's time: a local time
/// with TZID placed by the file's own VTIMEZONE, or a UTC time.
fn placed(
    c: &Component<'_>,
    name: &str,
    daylight: &Observance,
    standard: &Observance,
) -> Timestamp {
    let p = prop(c, name).unwrap();
    let raw = p.val.as_str();
    if let Some(utc) = raw.strip_suffix('Z') {
        assert!(p.params.is_empty());
        let local: DateTime = jiff::fmt::strtime::parse("%Y%m%dT%H%M%S", utc)
            .unwrap()
            .to_datetime()
            .unwrap();
        return local_to_utc(local, 0);
    }
    let tzid = p
        .params
        .iter()
        .find(|param| param.key.as_str() == "TZID")
        .and_then(|param| param.val.as_ref())
        .map(|v| v.as_str().to_owned());
    assert_eq!(tzid.as_deref(), Some("Europe/London"), "{name} has a TZID");
    let local: DateTime = jiff::fmt::strtime::parse("%Y%m%dT%H%M%S", raw)
        .unwrap()
        .to_datetime()
        .unwrap();
    let year = local.year();
    // RFC 5545: a local time in daylight time from its onset (local, in
    // standard time) until the standard onset (local, in daylight time).
    let summer = local >= daylight.onset(year) && local < standard.onset(year);
    local_to_utc(local, if summer { daylight.to } else { standard.to })
}

#[test]
fn the_file_parses_folds_its_lines_and_ends_them_with_crlf() {
    let text = calendar();
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'));
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    assert!(
        text.split("\r\n").any(|l| l.starts_with(' ')),
        "the long name is folded"
    );
    assert!(text.contains("SUMMARY;LANGUAGE=cy:Dydd gyda Sioned\\, Tomos\\; a \\\\ rhagor\r\n"));
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap();
    assert!(
        parsed
            .properties
            .iter()
            .any(|p| p.name.as_str() == "VERSION" && p.val.as_str() == "2.0")
    );
    assert!(
        parsed
            .properties
            .iter()
            .any(|p| p.name.as_str() == "PRODID")
    );
    let events: Vec<&Component> = parsed
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert_eq!(events.len(), 4);
    for e in &events {
        for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY"] {
            assert!(prop(e, required).is_some(), "{required}");
        }
        assert_eq!(value(e, "SEQUENCE"), "3");
        assert_eq!(value(e, "DTSTAMP"), "20260302T100000Z");
        // Escaped as TEXT, and read back as it was written.
        assert_eq!(value(e, "SUMMARY"), "Dydd gyda Sioned, Tomos; a \\ rhagor");
    }
    let statuses: Vec<&str> = events.iter().map(|e| value(e, "STATUS")).collect();
    assert_eq!(
        statuses,
        vec!["CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED"]
    );
}

#[test]
fn the_time_zone_agrees_with_the_time_zone_database_for_forty_years() {
    let text = calendar();
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap();
    let (daylight, standard) = zone(&parsed.components);
    assert_eq!((daylight.from, daylight.to), (0, 60));
    assert_eq!((standard.from, standard.to), (60, 0));
    let london = jiff::tz::TimeZone::get("Europe/London").unwrap();
    for year in 2000..2040 {
        for onset in [daylight.onset_instant(year), standard.onset_instant(year)] {
            let before = london.to_offset(onset.checked_sub(1.second()).unwrap());
            let after = london.to_offset(onset);
            assert_ne!(before, after, "the clocks change at {onset} in {year}");
        }
    }
}

#[test]
fn shifts_on_the_days_the_clocks_change_are_at_the_right_hour() {
    let text = calendar();
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap();
    let (daylight, standard) = zone(&parsed.components);
    let event = |uid: &str| {
        parsed
            .components
            .iter()
            .find(|c| c.name.as_str() == "VEVENT" && value(c, "UID") == uid)
            .unwrap()
    };
    let spring = event("spring@cylch");
    // 29 March 2026, the last Sunday of March: 07:00 BST is 06:00 UTC.
    assert_eq!(value(spring, "DTSTART"), "20260329T070000");
    assert_eq!(
        placed(spring, "DTSTART", &daylight, &standard),
        instant("2026-03-29T06:00:00Z")
    );
    let autumn = event("autumn@cylch");
    // 25 October 2026, the last Sunday of October: 07:00 GMT is 07:00 UTC.
    assert_eq!(value(autumn, "DTSTART"), "20261025T070000");
    assert_eq!(
        placed(autumn, "DTSTART", &daylight, &standard),
        instant("2026-10-25T07:00:00Z")
    );
    assert_eq!(
        placed(autumn, "DTEND", &daylight, &standard),
        instant("2026-10-25T09:30:00Z")
    );
    // The second 01:30 of that night is written as the instant it is.
    let repeated = event("repeated-hour@cylch");
    assert_eq!(
        placed(repeated, "DTSTART", &daylight, &standard),
        instant("2026-10-25T01:30:00Z")
    );
}

#[test]
fn a_rota_sheet_is_a_tagged_pdf_in_the_readers_language() {
    let sheet = RotaSheet {
        language: Language::Cy,
        title: "Rota Siân".into(),
        subtitles: vec![
            "Cydweithfa Tŷ'r Ysgol".into(),
            "01/06/2026 i 07/06/2026".into(),
        ],
        generated: "Gwnaed ar 25/05/2026".into(),
        heading: "Yr wythnos".into(),
        columns: [
            "Diwrnod".into(),
            "Amser".into(),
            "Cymorth".into(),
            "PA".into(),
        ],
        nothing_planned: "Dim wedi'i drefnu".into(),
        empty: "Dim diwrnodau".into(),
        days: vec![
            SheetDay {
                day: "Dydd Llun 01/06/2026".into(),
                calls: vec![SheetCall {
                    times: "07:30–09:30".into(),
                    kind: "Dydd".into(),
                    pa: "Megan".into(),
                }],
            },
            SheetDay {
                day: "Dydd Mawrth 02/06/2026".into(),
                calls: Vec::new(),
            },
        ],
    };
    let bytes = pdf::render(&sheet.document(), |page, pages| {
        format!("Tudalen {page} o {pages}")
    })
    .unwrap();
    let file = std::env::temp_dir().join(format!("cylch-rota-sheet-{}.pdf", std::process::id()));
    std::fs::write(&file, &bytes).unwrap();
    let run = |tool: &str, args: &[&str]| {
        let mut command = std::process::Command::new(tool);
        command.args(args).arg(&file);
        if tool == "pdftotext" {
            command.arg("-");
        }
        let out = command
            .output()
            .unwrap_or_else(|e| panic!("{tool} (apt install poppler-utils): {e}"));
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let info = run("pdfinfo", &[]);
    let structure = run("pdfinfo", &["-struct-text"]);
    let text = run("pdftotext", &["-raw", "-enc", "UTF-8"]);
    let _ = std::fs::remove_file(&file);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Title:           Rota Siân"), "{info}");
    assert!(
        structure.contains("TH:\n         /Scope /Row\n        \"Dydd Llun 01/06/2026\""),
        "{structure}"
    );
    for expected in ["07:30–09:30", "Megan", "Dim wedi'i drefnu"] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}
