//! The field parsers both fronts use: a page's form and an API body name
//! their values in their own way, but a date, a time or an amount is read
//! by one function, so what one front accepts the other does too.

use cylch_domain::FieldError;
use cylch_ledger::Pence;
use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;

/// The time zone every date and time a person types is read in.
pub(crate) fn wales() -> TimeZone {
    TimeZone::get("Europe/London").unwrap_or(TimeZone::UTC)
}

/// A UK date as typed: `2026-04-06` (what a date field and an API client
/// send) or `6/4/2026` (also with dots or dashes).
pub fn parse_date(raw: &str) -> Result<Date, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::Missing);
    }
    if let Ok(date) = raw.parse::<Date>() {
        return Ok(date);
    }
    let parts: Vec<&str> = raw.split(['/', '.', '-']).collect();
    if let [d, m, y] = parts.as_slice()
        && let (Ok(d), Ok(m), Ok(y)) = (d.parse::<i8>(), m.parse::<i8>(), y.parse::<i16>())
        && let Ok(date) = Date::new(y, m, d)
    {
        return Ok(date);
    }
    Err(FieldError::DateFormat)
}

/// A time of day as a time field sends it: `19:00` (or with seconds).
pub fn parse_time(raw: &str) -> Option<Time> {
    let raw = raw.trim();
    Time::strptime("%H:%M", raw)
        .ok()
        .or_else(|| Time::strptime("%H:%M:%S", raw).ok())
}

/// A date and time as a `datetime-local` field sends it (or with a space),
/// read as the time in Wales.
pub fn parse_local(raw: &str) -> Option<Timestamp> {
    let raw = raw.trim().replace(' ', "T");
    let civil: DateTime = raw.parse().ok()?;
    civil.to_zoned_datetime(wales()).ok().map(|z| z.timestamp())
}

/// An instant as `datetime-local` shows it, in Wales.
pub(crate) fn local_field(at: Timestamp) -> String {
    at.to_zoned_datetime(wales())
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

/// The most one amount of money may be: £10,000,000. A co-operative
/// pooling Direct Payments handles tens or hundreds of thousands of pounds
/// a year, so no real line comes near it, and a typo of a few extra
/// digits is caught. Nine thousand million such lines would be needed to
/// overflow a sum in pence, so once every amount is within it the books'
/// totals cannot be poisoned by one absurd entry that can never be removed.
pub const MAX_PENCE: i64 = 1_000_000_000;

/// An amount within [`MAX_PENCE`]; the message id says what is wrong.
pub fn within_bound(amount: Pence) -> Result<Pence, &'static str> {
    if amount.get() > MAX_PENCE {
        Err("error-amount-too-large")
    } else {
        Ok(amount)
    }
}

/// An amount of money as typed (`12.50`, `£1,200`), more than nothing and
/// within [`MAX_PENCE`]. The message id says what is wrong, for the field
/// it concerns.
pub fn parse_amount(raw: &str) -> Result<Pence, &'static str> {
    if raw.trim().is_empty() {
        return Err(FieldError::Missing.code());
    }
    match Pence::parse(raw) {
        Ok(amount) if amount.is_positive() => within_bound(amount),
        Ok(_) => Err("ledger-posting-not-positive"),
        Err(err) => Err(err.code()),
    }
}

/// Text that must not be blank, trimmed, without control characters (a
/// description or a reason may run over several lines).
pub fn required(raw: &str) -> Result<String, FieldError> {
    cylch_domain::parse_text(raw, cylch_domain::Lines::Several).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_a_date_field_or_a_person_writes_them() {
        let june = jiff::civil::date(2026, 6, 20);
        assert_eq!(parse_date("2026-06-20"), Ok(june));
        assert_eq!(parse_date(" 20/06/2026 "), Ok(june));
        assert_eq!(parse_date("20.6.2026"), Ok(june));
        assert_eq!(parse_date("2026-02-30"), Err(FieldError::DateFormat));
        assert_eq!(parse_date("30/02/2026"), Err(FieldError::DateFormat));
        assert_eq!(parse_date("  "), Err(FieldError::Missing));
    }

    #[test]
    fn times_and_local_instants_are_read_in_wales() {
        assert_eq!(parse_time("19:00"), Some(jiff::civil::time(19, 0, 0, 0)));
        assert_eq!(parse_time("7pm"), None);
        // 1 July is in British Summer Time: 10:00 in Wales is 09:00 UTC.
        let summer = parse_local("2026-07-01T10:00");
        assert_eq!(summer, "2026-07-01T09:00:00Z".parse().ok());
        assert_eq!(summer.map(local_field).as_deref(), Some("2026-07-01T10:00"));
        assert_eq!(
            parse_local("2026-12-01 10:00"),
            "2026-12-01T10:00:00Z".parse().ok()
        );
    }

    #[test]
    fn an_amount_is_more_than_nothing() {
        assert_eq!(parse_amount("12.50"), Ok(Pence::new(1250)));
        assert_eq!(parse_amount(""), Err("error-missing"));
        assert_eq!(parse_amount("0"), Err("ledger-posting-not-positive"));
        assert!(parse_amount("twelve").is_err());
        assert_eq!(parse_amount("10,000,000"), Ok(Pence::new(MAX_PENCE)));
        assert_eq!(parse_amount("10000000.01"), Err("error-amount-too-large"));
    }
}
