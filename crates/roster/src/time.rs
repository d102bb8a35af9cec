//! Local wall-clock times to real instants.
//!
//! Every time in an instance is a local time in the instance's zone. We turn
//! each into whole minutes since the Unix epoch, so that durations are real
//! elapsed minutes even across a clock change (a 00:00–04:00 need on the
//! spring-forward night lasts three hours, on the autumn night five).

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};

/// Why a local time could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TimeError {
    #[error("\"{0}\" is not a local time written YYYY-MM-DDTHH:MM")]
    Malformed(String),
    #[error("{0} does not exist in {1}: the clocks go forward over it")]
    Nonexistent(String, String),
    #[error("{0} cannot be placed on the time line of {1}")]
    OutOfRange(String, String),
}

/// Minutes since the Unix epoch of a local date-time in `tz`.
///
/// A time inside the spring gap is refused; a time that happens twice in the
/// autumn means its first occurrence (the format says so).
pub fn instant_minutes(tz: &TimeZone, zone_name: &str, local: DateTime) -> Result<i64, TimeError> {
    let text = local.strftime("%Y-%m-%dT%H:%M").to_string();
    let ambiguous = tz.to_ambiguous_timestamp(local);
    if let AmbiguousOffset::Gap { .. } = ambiguous.offset() {
        return Err(TimeError::Nonexistent(text, zone_name.to_string()));
    }
    let ts = ambiguous
        .earlier()
        .map_err(|_| TimeError::OutOfRange(text, zone_name.to_string()))?;
    Ok(ts.as_second().div_euclid(60))
}

/// Reads `YYYY-MM-DDTHH:MM` (seconds, if given, must be zero).
pub fn parse_local(text: &str) -> Result<DateTime, TimeError> {
    let dt: DateTime = text
        .parse()
        .map_err(|_| TimeError::Malformed(text.to_string()))?;
    if dt.second() != 0 || dt.subsec_nanosecond() != 0 {
        return Err(TimeError::Malformed(text.to_string()));
    }
    Ok(dt)
}

/// Reads a calendar date `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    text.parse().ok()
}

/// Reads a wall-clock time `HH:MM`.
pub fn parse_clock(text: &str) -> Option<Time> {
    let t: Time = text.parse().ok()?;
    (t.second() == 0 && t.subsec_nanosecond() == 0).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn london() -> TimeZone {
        TimeZone::get("Europe/London").unwrap()
    }

    #[test]
    fn spring_gap_is_refused() {
        let dt = parse_local("2026-03-29T01:30").unwrap();
        assert!(matches!(
            instant_minutes(&london(), "Europe/London", dt),
            Err(TimeError::Nonexistent(..))
        ));
    }

    #[test]
    fn elapsed_minutes_follow_the_clock_change() {
        let tz = london();
        let m = |s: &str| instant_minutes(&tz, "Europe/London", parse_local(s).unwrap()).unwrap();
        // Spring: 00:00 to 04:00 local is three real hours.
        assert_eq!(m("2026-03-29T04:00") - m("2026-03-29T00:00"), 180);
        // Autumn: 00:00 to 04:00 local is five real hours; 01:30 is the first one.
        assert_eq!(m("2026-10-25T04:00") - m("2026-10-25T00:00"), 300);
        assert_eq!(m("2026-10-25T01:30") - m("2026-10-25T00:00"), 90);
    }
}
