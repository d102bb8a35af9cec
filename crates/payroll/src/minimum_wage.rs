//! National Living Wage and National Minimum Wage by age and date.

use crate::date::Date;
use crate::money::Pence;

/// Hourly rates in force from a date (rates change on 1 April).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MinimumWageRates {
    pub from: Date,
    /// 21 and over (National Living Wage).
    pub age_21_and_over: Pence,
    pub age_18_to_20: Pence,
    /// 16 and 17 (also the apprentice rate, which Cylch does not model).
    pub under_18: Pence,
}

/// Oldest first. National Minimum Wage (Amendment) Regulations 2025 and 2026.
pub const RATES: [MinimumWageRates; 2] = [
    MinimumWageRates {
        from: Date::known(2025, 4, 1),
        age_21_and_over: 1_221,
        age_18_to_20: 1_000,
        under_18: 755,
    },
    MinimumWageRates {
        from: Date::known(2026, 4, 1),
        age_21_and_over: 1_271,
        age_18_to_20: 1_085,
        under_18: 800,
    },
];

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MinimumWageError {
    #[error(
        "£{rate} an hour is below the legal minimum of £{minimum} for someone aged {age} on {date}; raise the hourly rate"
    )]
    BelowMinimum {
        rate: String,
        minimum: String,
        age: i32,
        date: Date,
    },
    #[error("Cylch has no minimum wage rates for {0}")]
    NoRates(Date),
}

/// The legal minimum hourly rate for a worker of `age` on `date`; `None`
/// under 16, where no minimum applies.
pub fn minimum_for(age: i32, date: Date) -> Result<Option<Pence>, MinimumWageError> {
    let rates = RATES
        .iter()
        .rev()
        .find(|r| r.from <= date)
        .ok_or(MinimumWageError::NoRates(date))?;
    Ok(match age {
        ..16 => None,
        16 | 17 => Some(rates.under_18),
        18..=20 => Some(rates.age_18_to_20),
        _ => Some(rates.age_21_and_over),
    })
}

/// Refuses an hourly rate below the minimum for the worker's age on `date`.
pub fn check(hourly_rate: Pence, born: Date, date: Date) -> Result<(), MinimumWageError> {
    let age = born.age_on(date);
    match minimum_for(age, date)? {
        Some(minimum) if hourly_rate < minimum => Err(MinimumWageError::BelowMinimum {
            rate: pounds(hourly_rate),
            minimum: pounds(minimum),
            age,
            date,
        }),
        _ => Ok(()),
    }
}

fn pounds(p: Pence) -> String {
    let sign = if p < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", (p / 100).abs(), (p % 100).abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn rates_change_on_1_april() {
        assert_eq!(minimum_for(30, d(2026, 3, 31)).unwrap(), Some(1_221));
        assert_eq!(minimum_for(30, d(2026, 4, 1)).unwrap(), Some(1_271));
        assert_eq!(minimum_for(19, d(2026, 4, 1)).unwrap(), Some(1_085));
        assert_eq!(minimum_for(17, d(2025, 6, 1)).unwrap(), Some(755));
        assert_eq!(minimum_for(15, d(2025, 6, 1)).unwrap(), None);
        assert!(check(1_270, d(1990, 1, 1), d(2026, 4, 2)).is_err());
        assert!(check(1_271, d(1990, 1, 1), d(2026, 4, 2)).is_ok());
    }
}
