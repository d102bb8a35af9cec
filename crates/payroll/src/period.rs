//! Pay frequencies and the tax week or month a payment belongs to.

use crate::date::Date;
use crate::tax_year::TaxYear;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frequency {
    Weekly,
    TwoWeekly,
    FourWeekly,
    Monthly,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("frequency must be weekly, two_weekly, four_weekly or monthly, not \"{0}\"")]
    UnknownFrequency(String),
    #[error("a weekly payroll runs from week 1 to week 53; {0} is not a tax week it can use")]
    Weekly(i64),
    #[error("a two-weekly payroll uses the even tax weeks 2 to 52, and 54; week {0} is not one")]
    TwoWeekly(i64),
    #[error("a four-weekly payroll uses tax weeks 4, 8, … 52, and 56; week {0} is not one")]
    FourWeekly(i64),
    #[error("a monthly payroll runs from month 1 to month 12; {0} is not a tax month")]
    Monthly(i64),
}

impl Frequency {
    pub fn parse(text: &str) -> Result<Self, PeriodError> {
        match text {
            "weekly" => Ok(Self::Weekly),
            "two_weekly" => Ok(Self::TwoWeekly),
            "four_weekly" => Ok(Self::FourWeekly),
            "monthly" => Ok(Self::Monthly),
            other => Err(PeriodError::UnknownFrequency(other.to_owned())),
        }
    }

    /// Weeks in one pay period; `None` for monthly pay.
    pub fn weeks(self) -> Option<i64> {
        match self {
            Self::Weekly => Some(1),
            Self::TwoWeekly => Some(2),
            Self::FourWeekly => Some(4),
            Self::Monthly => None,
        }
    }

    /// The unit PAYE counts in: 52 weeks or 12 months a year.
    pub fn units_per_year(self) -> i64 {
        match self {
            Self::Monthly => 12,
            _ => 52,
        }
    }

    /// Units (weeks or months) one pay period covers.
    pub fn units_per_period(self) -> i64 {
        self.weeks().unwrap_or(1)
    }
}

/// A validated tax week or tax month for a frequency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    frequency: Frequency,
    /// Tax week (weekly, two-weekly, four-weekly) or tax month (monthly).
    number: i64,
}

impl Period {
    pub fn new(frequency: Frequency, number: i64) -> Result<Self, PeriodError> {
        let ok = match frequency {
            Frequency::Weekly => (1..=53).contains(&number),
            Frequency::TwoWeekly => (2..=54).contains(&number) && number % 2 == 0,
            Frequency::FourWeekly => (4..=56).contains(&number) && number % 4 == 0,
            Frequency::Monthly => (1..=12).contains(&number),
        };
        if ok {
            Ok(Self { frequency, number })
        } else {
            Err(match frequency {
                Frequency::Weekly => PeriodError::Weekly(number),
                Frequency::TwoWeekly => PeriodError::TwoWeekly(number),
                Frequency::FourWeekly => PeriodError::FourWeekly(number),
                Frequency::Monthly => PeriodError::Monthly(number),
            })
        }
    }

    pub fn frequency(self) -> Frequency {
        self.frequency
    }

    pub fn number(self) -> i64 {
        self.number
    }

    /// Week 53 (weekly), 54 (two-weekly) or 56 (four-weekly): the extra pay
    /// day HMRC taxes on the non-cumulative basis (PAYE70015).
    pub fn is_extra_week(self) -> bool {
        matches!(
            (self.frequency, self.number),
            (Frequency::Weekly, 53) | (Frequency::TwoWeekly, 54) | (Frequency::FourWeekly, 56)
        )
    }

    /// Last day of the week or month, or 5 April for the extra weeks that
    /// run past the year's end.
    pub fn last_day(self, year: TaxYear) -> Date {
        let first = year.first_day();
        let last = match self.frequency {
            Frequency::Monthly => {
                // Tax month m ends on the 5th of the m-th month after April.
                let index = i64::from(first.year()) * 12 + 3 + self.number;
                let y = index.div_euclid(12) as i32;
                let m = (index.rem_euclid(12) + 1) as u8;
                Date::known(y, m, 5)
            }
            _ => first
                .add_days(self.number * 7 - 1)
                .unwrap_or(year.last_day()),
        };
        last.min(year.last_day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_days() {
        let y = TaxYear::Y2026_27;
        let p = |f, n| Period::new(f, n).unwrap().last_day(y).to_string();
        assert_eq!(p(Frequency::Monthly, 1), "2026-05-05");
        assert_eq!(p(Frequency::Monthly, 9), "2027-01-05");
        assert_eq!(p(Frequency::Monthly, 12), "2027-04-05");
        assert_eq!(p(Frequency::Weekly, 1), "2026-04-12");
        assert_eq!(p(Frequency::Weekly, 52), "2027-04-04");
        assert_eq!(p(Frequency::Weekly, 53), "2027-04-05");
        assert_eq!(p(Frequency::FourWeekly, 56), "2027-04-05");
        assert!(Period::new(Frequency::TwoWeekly, 53).is_err());
        assert!(Period::new(Frequency::FourWeekly, 54).is_err());
        assert!(Period::new(Frequency::Weekly, 54).is_err());
        assert!(Period::new(Frequency::Monthly, 13).is_err());
    }
}
