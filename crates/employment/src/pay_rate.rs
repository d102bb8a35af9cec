//! An hourly rate against the law and against the Real Living Wage.
//!
//! The legal minimum is the National Minimum or Living Wage for the PA's
//! age **on the shift's date** (rule 13): a birthday or a 1 April change
//! part-way through a pay period changes the minimum from that day. The
//! figures come from the payroll engine's dated table
//! ([`cylch_payroll::minimum_wage`]); nothing is repeated here.
//!
//! The Real Living Wage is voluntary in law but funded for PAs by the Welsh
//! Government since April 2022; a rate below it is a warning, not a
//! refusal, and its figure is a dated setting passed in.
//!
//! Sleep-ins: under the National Minimum Wage Regulations 2015 reg. 32(2)
//! and *Royal Mencap Society v Tomlinson-Blake* [2021] UKSC 8, time a worker
//! is permitted to sleep, with suitable facilities, counts for the minimum
//! wage only while they are awake for the purposes of working. A flat sum
//! may pay the time asleep; the time awake must reach the minimum.

use cylch_payroll::minimum_wage::{MinimumWageError, minimum_for};
use cylch_payroll::money::{self, Overflow};
use cylch_payroll::{Date, Pence};

use crate::employment::{RateKind, Rates, over_school_age};

/// Why a rate is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PayRateError {
    #[error(
        "{rate}p an hour is below the legal minimum of {minimum}p for someone aged {age} on {date}"
    )]
    BelowMinimum {
        rate: Pence,
        minimum: Pence,
        age: i32,
        date: Date,
    },
    #[error("Cylch has no minimum wage rates for {0}")]
    NoRates(Date),
}

impl PayRateError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::BelowMinimum { .. } => "rate-below-minimum",
            Self::NoRates(_) => "no-minimum-wage-rates",
        }
    }
}

impl From<MinimumWageError> for PayRateError {
    fn from(e: MinimumWageError) -> Self {
        match e {
            MinimumWageError::NoRates(d) => Self::NoRates(d),
            // `minimum_for` only ever reports missing rates.
            MinimumWageError::BelowMinimum { date, .. } => Self::NoRates(date),
        }
    }
}

/// The Real Living Wage as a dated setting: each figure applies from its
/// date until the next. The Living Wage Foundation's rate is for everyone
/// aged 18 and over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RealLivingWage {
    from_oldest: Vec<(Date, Pence)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RealLivingWageError {
    #[error("a Real Living Wage figure must be more than nothing and at most £1,000 an hour")]
    OutOfRange,
    #[error("two Real Living Wage figures start on the same day")]
    SameDay,
    #[error("a setting holds at most 100 figures")]
    TooMany,
}

impl RealLivingWage {
    pub fn new(mut figures: Vec<(Date, Pence)>) -> Result<Self, RealLivingWageError> {
        if figures.len() > 100 {
            return Err(RealLivingWageError::TooMany);
        }
        if figures.iter().any(|(_, p)| *p <= 0 || *p > Rates::MAX) {
            return Err(RealLivingWageError::OutOfRange);
        }
        figures.sort();
        if figures.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(RealLivingWageError::SameDay);
        }
        Ok(Self {
            from_oldest: figures,
        })
    }

    /// The figure in force on `date`, if any.
    pub fn on(&self, date: Date) -> Option<Pence> {
        self.from_oldest
            .iter()
            .rev()
            .find(|(from, _)| *from <= date)
            .map(|(_, p)| *p)
    }
}

/// The legal minimum hourly rate on `date` for someone born on `born`;
/// `None` while they are of compulsory school age (no minimum applies).
///
/// The payroll table gives no minimum under 16; but someone with a July or
/// August birthday leaves school at 15 and is then owed the under-18 rate
/// (HMRC's National Minimum Wage Manual NMWM03070), which this applies.
pub fn legal_minimum(born: Date, date: Date) -> Result<Option<Pence>, PayRateError> {
    let age = born.age_on(date);
    if !over_school_age(born, date) {
        return Ok(None);
    }
    Ok(minimum_for(age.max(16), date)?)
}

/// A rate that is lawful, and how it compares with the Real Living Wage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateCheck {
    Fine,
    /// Lawful but below the Real Living Wage in force (a warning).
    BelowRealLivingWage {
        rate: Pence,
        real_living_wage: Pence,
    },
}

/// Checks one hourly rate for a shift on `date` (rule 13).
pub fn check_rate(
    rate: Pence,
    born: Date,
    date: Date,
    real_living_wage: Option<&RealLivingWage>,
) -> Result<RateCheck, PayRateError> {
    let age = born.age_on(date);
    if let Some(minimum) = legal_minimum(born, date)?
        && rate < minimum
    {
        return Err(PayRateError::BelowMinimum {
            rate,
            minimum,
            age,
            date,
        });
    }
    match real_living_wage.and_then(|r| r.on(date)) {
        Some(rlw) if age >= 18 && rate < rlw => Ok(RateCheck::BelowRealLivingWage {
            rate,
            real_living_wage: rlw,
        }),
        _ => Ok(RateCheck::Fine),
    }
}

/// Every hourly rate of a PA checked for `date`: refusals and warnings,
/// each at its kind of rate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RatesOutcome {
    pub refused: Vec<(RateKind, PayRateError)>,
    pub warnings: Vec<(RateKind, RateCheck)>,
}

pub fn check_rates(
    rates: &Rates,
    born: Date,
    date: Date,
    real_living_wage: Option<&RealLivingWage>,
) -> RatesOutcome {
    let mut out = RatesOutcome::default();
    for kind in RateKind::ALL {
        match check_rate(rates.hourly(kind), born, date, real_living_wage) {
            Ok(RateCheck::Fine) => {}
            Ok(warning) => out.warnings.push((kind, warning)),
            Err(e) => out.refused.push((kind, e)),
        }
    }
    out
}

/// A shift's time for the minimum wage, in whole minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShiftMinutes {
    /// From start to end.
    pub total: i64,
    /// The part during which the PA may sleep, with somewhere to sleep.
    pub sleep_in: i64,
    /// Of the sleep-in, the time the PA was woken and working.
    pub woken: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShiftMinutesError {
    #[error("a shift's minutes cannot be negative")]
    Negative,
    #[error("the sleep-in is longer than the shift")]
    SleepInTooLong,
    #[error("the time woken is longer than the sleep-in")]
    WokenTooLong,
    #[error("a shift lasts at most 72 hours")]
    TooLong,
}

/// The minutes of a shift that count for the minimum wage: all of it except
/// the sleep-in, plus the time woken during the sleep-in.
pub fn minimum_wage_minutes(shift: ShiftMinutes) -> Result<i64, ShiftMinutesError> {
    let ShiftMinutes {
        total,
        sleep_in,
        woken,
    } = shift;
    if total < 0 || sleep_in < 0 || woken < 0 {
        return Err(ShiftMinutesError::Negative);
    }
    if total > 72 * 60 {
        return Err(ShiftMinutesError::TooLong);
    }
    if sleep_in > total {
        return Err(ShiftMinutesError::SleepInTooLong);
    }
    if woken > sleep_in {
        return Err(ShiftMinutesError::WokenTooLong);
    }
    Ok(total - sleep_in + woken)
}

/// The least a shift may be paid for its counted minutes at `hourly`,
/// rounded up to the penny so that it is never below the minimum.
pub fn minimum_pay(counted_minutes: i64, hourly: Pence) -> Result<Pence, Overflow> {
    money::to_pence(money::div_ceil(
        i128::from(counted_minutes) * i128::from(hourly),
        60,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::{d, megan};

    #[test]
    fn the_day_after_a_birthday_raises_the_minimum() {
        // Payroll's table (NMW (Amendment) Regulations 2025): from 1 April
        // 2025, £10.00 at 18-20 and £12.21 at 21+.
        let born = d(2004, 7, 10);
        assert_eq!(legal_minimum(born, d(2025, 7, 9)).unwrap(), Some(1_000));
        assert_eq!(legal_minimum(born, d(2025, 7, 10)).unwrap(), Some(1_221));
        assert!(check_rate(1_100, born, d(2025, 7, 9), None).is_ok());
        assert_eq!(
            check_rate(1_100, born, d(2025, 7, 10), None),
            Err(PayRateError::BelowMinimum {
                rate: 1_100,
                minimum: 1_221,
                age: 21,
                date: d(2025, 7, 10)
            })
        );
    }

    #[test]
    fn the_1_april_change_applies_from_that_day() {
        // From 1 April 2026, £12.71 at 21+ (NMW (Amendment) Regulations 2026).
        let born = d(1990, 1, 1);
        assert!(check_rate(1_250, born, d(2026, 3, 31), None).is_ok());
        assert!(check_rate(1_250, born, d(2026, 4, 1), None).is_err());
        assert!(check_rate(1_271, born, d(2026, 4, 1), None).is_ok());
        assert_eq!(
            check_rate(1_000, born, d(2024, 4, 1), None),
            Err(PayRateError::NoRates(d(2024, 4, 1)))
        );
    }

    #[test]
    fn school_leavers_at_15_are_owed_the_under_18_rate() {
        let born = d(2010, 8, 31);
        assert_eq!(legal_minimum(born, d(2026, 6, 26)).unwrap(), None);
        assert_eq!(legal_minimum(born, d(2026, 6, 27)).unwrap(), Some(800));
    }

    #[test]
    fn below_the_real_living_wage_warns() {
        // An illustrative dated setting (the co-operative enters its own figures).
        let rlw =
            RealLivingWage::new(vec![(d(2026, 4, 1), 1_345), (d(2025, 4, 1), 1_260)]).unwrap();
        let born = d(1990, 1, 1);
        assert_eq!(
            check_rate(1_300, born, d(2026, 4, 1), Some(&rlw)),
            Ok(RateCheck::BelowRealLivingWage {
                rate: 1_300,
                real_living_wage: 1_345
            })
        );
        assert_eq!(
            check_rate(1_300, born, d(2026, 3, 31), Some(&rlw)),
            Ok(RateCheck::Fine)
        );
        // Under 18: the Real Living Wage is for 18 and over.
        assert_eq!(
            check_rate(900, d(2009, 1, 1), d(2026, 4, 1), Some(&rlw)),
            Ok(RateCheck::Fine)
        );
        assert!(RealLivingWage::new(vec![(d(2026, 4, 1), 1), (d(2026, 4, 1), 2)]).is_err());
        assert!(RealLivingWage::new(vec![(d(2026, 4, 1), 0)]).is_err());
    }

    #[test]
    fn all_rates_are_checked_at_once() {
        let mut e = megan();
        e.rates.night = 1_200;
        let rlw = RealLivingWage::new(vec![(d(2025, 4, 1), 1_380)]).unwrap();
        let out = check_rates(&e.rates, e.born, d(2026, 5, 1), Some(&rlw));
        assert_eq!(out.refused.len(), 1);
        assert_eq!(out.refused[0].0, RateKind::Night);
        assert_eq!(out.refused[0].1.code(), "rate-below-minimum");
        let warned: Vec<_> = out.warnings.iter().map(|(k, _)| *k).collect();
        assert_eq!(warned, vec![RateKind::Day]);
    }

    #[test]
    fn sleep_in_time_asleep_does_not_count() {
        // 22:00-07:00 sleep-in after a 16:00-22:00 shift, woken 45 minutes.
        let counted = minimum_wage_minutes(ShiftMinutes {
            total: 15 * 60,
            sleep_in: 9 * 60,
            woken: 45,
        })
        .unwrap();
        assert_eq!(counted, 6 * 60 + 45);
        // 405 minutes at £12.71: 405 × 1271 / 60 = 8579.25p, up to 8580p.
        assert_eq!(minimum_pay(counted, 1_271).unwrap(), 8_580);
        assert_eq!(
            minimum_wage_minutes(ShiftMinutes {
                total: 60,
                sleep_in: 61,
                woken: 0
            }),
            Err(ShiftMinutesError::SleepInTooLong)
        );
        assert_eq!(
            minimum_wage_minutes(ShiftMinutes {
                total: 600,
                sleep_in: 60,
                woken: 61
            }),
            Err(ShiftMinutesError::WokenTooLong)
        );
    }

    proptest::proptest! {
        #[test]
        fn a_rate_at_the_minimum_is_never_refused(
            days in 0i64..800, born_days in 5_000i64..30_000
        ) {
            let date = d(2025, 4, 1).add_days(days).unwrap();
            let born = date.add_days(-born_days).unwrap();
            if let Some(min) = legal_minimum(born, date).unwrap() {
                proptest::prop_assert!(check_rate(min, born, date, None).is_ok());
                proptest::prop_assert!(check_rate(min - 1, born, date, None).is_err());
            }
        }
    }
}
