//! A calendar date without time or zone: payroll only ever needs days.
//!
//! Kept in-crate (days-from-civil arithmetic) so the engine stays free of
//! time-zone data and of any clock.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date could not be read or built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("write the date as YYYY-MM-DD, for example 2026-04-30")]
    Format,
    #[error("{year:04}-{month:02}-{day:02} is not a day in the calendar")]
    NoSuchDay { year: i32, month: u32, day: u32 },
}

impl Date {
    /// Builds a date, refusing days that do not exist (30 February, month 13).
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let bad = DateError::NoSuchDay { year, month, day };
        if !(1..=12).contains(&month) || !(1..=9999).contains(&year) {
            return Err(bad);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(bad);
        }
        Ok(Self {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// A date the caller knows exists (6 April, 5 April, the 5th of a
    /// month): for dates fixed by law, not for input.
    pub(crate) const fn known(year: i32, month: u8, day: u8) -> Self {
        Self { year, month, day }
    }

    /// Reads `YYYY-MM-DD` exactly (ten characters, leading zeros).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(DateError::Format);
        }
        let digits = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &text[range];
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Format);
            }
            part.parse::<u32>().map_err(|_| DateError::Format)
        };
        let year = digits(0..4)?;
        let month = digits(5..7)?;
        let day = digits(8..10)?;
        Self::new(year as i32, month, day)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's
    /// days-from-civil algorithm.
    pub fn day_number(self) -> i64 {
        let (mut y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        if m <= 2 {
            y -= 1;
        }
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::day_number`].
    pub fn from_day_number(days: i64) -> Result<Self, DateError> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = i32::try_from(year).map_err(|_| DateError::Format)?;
        Self::new(year, month as u32, day as u32)
    }

    /// This date moved by `days` (which may be negative).
    pub fn add_days(self, days: i64) -> Result<Self, DateError> {
        Self::from_day_number(self.day_number() + days)
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// The same day `months` calendar months later, clamped to the month's
    /// last day (31 January + 1 month is 28 or 29 February).
    pub fn add_months(self, months: i32) -> Result<Self, DateError> {
        let index = self.year * 12 + (i32::from(self.month) - 1) + months;
        let year = index.div_euclid(12);
        let month = (index.rem_euclid(12) + 1) as u32;
        let day = self.day().min(days_in_month(year, month));
        Self::new(year, month, day)
    }

    /// Monday is 0, Sunday is 6.
    pub fn weekday_from_monday(self) -> u32 {
        // 1970-01-01 was a Thursday (3 counting from Monday as 0).
        (self.day_number() + 3).rem_euclid(7) as u32
    }

    /// Age in whole years on `on` for someone born on `self`. Someone born
    /// on 29 February has a birthday on 1 March in other years, as in UK law.
    pub fn age_on(self, on: Date) -> i32 {
        let mut age = on.year - self.year;
        let birthday_passed = if self.month == 2 && self.day == 29 && !is_leap(on.year) {
            (on.month, on.day) >= (3, 1)
        } else {
            (on.month, on.day) >= (self.month, self.day)
        };
        if !birthday_passed {
            age -= 1;
        }
        age
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_day_numbers() {
        for n in -700_000..2_000_000i64 {
            if n % 997 != 0 {
                continue;
            }
            let d = Date::from_day_number(n).unwrap();
            assert_eq!(d.day_number(), n);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().day_number(), 0);
        assert_eq!(Date::new(2026, 4, 6).unwrap().weekday_from_monday(), 0);
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2026-02-28").unwrap().to_string(), "2026-02-28");
        assert!(Date::parse("2026-02-29").is_err());
        assert!(Date::parse("2026-2-28").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn ages_and_months() {
        let born = Date::new(2004, 2, 29).unwrap();
        assert_eq!(born.age_on(Date::new(2025, 2, 28).unwrap()), 20);
        assert_eq!(born.age_on(Date::new(2025, 3, 1).unwrap()), 21);
        let jan31 = Date::new(2026, 1, 31).unwrap();
        assert_eq!(
            jan31.add_months(1).unwrap(),
            Date::new(2026, 2, 28).unwrap()
        );
    }
}
