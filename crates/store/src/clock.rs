//! What time it is, for every rule that depends on it: the wall clock in
//! service, a clock a test sets where the day matters.
//!
//! The law counts many things in days in Wales (a member admitted "today",
//! notice of a meeting, a vote's window, a quarter's return), so a test that
//! used the wall clock would pass on one day and fail on another. Each
//! [`Store`](crate::Store) carries one `Clock`, shared by its clones and by
//! the web layer, and nothing that decides behaviour reads the time any
//! other way.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Marks a clock that follows the wall clock.
const WALL: i64 = i64::MIN;

/// The time as the service sees it: the wall clock unless a test has pinned
/// it. Cheap to clone; clones share one setting.
#[derive(Clone)]
pub struct Clock {
    /// Milliseconds since the epoch while pinned, or [`WALL`].
    pinned_ms: Arc<AtomicI64>,
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pinned() {
            None => f.write_str("Clock(wall)"),
            Some(at) => write!(f, "Clock(pinned at {at})"),
        }
    }
}

impl Clock {
    /// The wall clock.
    pub fn wall() -> Clock {
        Clock {
            pinned_ms: Arc::new(AtomicI64::new(WALL)),
        }
    }

    fn pinned(&self) -> Option<Timestamp> {
        match self.pinned_ms.load(Ordering::Relaxed) {
            WALL => None,
            ms => Timestamp::from_millisecond(ms).ok(),
        }
    }

    /// Stops the clock at `at`, where it stays until pinned again: for
    /// tests whose dates must hold on any day they are run.
    pub fn pin(&self, at: Timestamp) {
        self.pinned_ms.store(at.as_millisecond(), Ordering::Relaxed);
    }

    /// Now.
    pub fn now(&self) -> Timestamp {
        self.pinned().unwrap_or_else(Timestamp::now)
    }

    /// Now, in milliseconds since the Unix epoch: how instants are stored.
    pub fn now_ms(&self) -> i64 {
        self.now().as_millisecond()
    }

    /// Today's date in Wales, for dates the law counts in days.
    pub fn today_in_wales(&self) -> Date {
        self.now().to_zoned_datetime(wales()).date()
    }
}

/// Wales keeps the time of Europe/London; the database of time zones is
/// bundled, so the fallback to UTC is never taken in practice.
pub fn wales() -> TimeZone {
    TimeZone::get("Europe/London").unwrap_or(TimeZone::UTC)
}

/// When a row was written, for the stamps that record a write rather than
/// decide anything (an audit entry's time, a row's `updated_at`): these
/// keep the real time even while a test pins the clock.
pub(crate) fn written_at_ms() -> i64 {
    Timestamp::now().as_millisecond()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_clock_stands_still_and_its_clones_share_it() {
        let clock = Clock::wall();
        let shared = clock.clone();
        assert!(shared.now() > "2026-01-01T00:00:00Z".parse().unwrap());
        let at: Timestamp = "2026-03-29T00:30:00Z".parse().unwrap();
        clock.pin(at);
        assert_eq!(shared.now(), at);
        assert_eq!(shared.today_in_wales().to_string(), "2026-03-29");
        // Late evening in summer is already tomorrow in Wales.
        clock.pin("2026-06-30T23:30:00Z".parse().unwrap());
        assert_eq!(shared.today_in_wales().to_string(), "2026-07-01");
    }
}
