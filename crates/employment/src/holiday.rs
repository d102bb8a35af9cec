//! Holiday by leave year (rule 15), built on the payroll engine's holiday
//! arithmetic ([`cylch_payroll::holiday`]): it already holds the 12.07%
//! accrual, the 5.6-week entitlement with its 28-day cap and the pro-rata
//! share for part of a year. What is added here is the leave year, which
//! method applies to a PA in it, and a balance with booked holiday.
//!
//! - Fixed hours: 5.6 weeks of the working week, capped at 28 days (WTR
//!   regs. 13 and 13A), pro rata for the days employed in the leave year.
//! - Irregular-hours and part-year workers, in leave years beginning on or
//!   after 1 April 2024: 12.07% of the hours worked in each pay period,
//!   accruing on its last day (WTR reg. 15B, inserted by the Employment
//!   Rights (Amendment, Revocation and Transitional Provision) Regulations
//!   2023). Earlier leave years used the old rules, which Cylch does not
//!   compute.

use cylch_payroll::Date;
use cylch_payroll::holiday::{
    Hours as HourCount, accrual_irregular, entitlement_hours, entitlement_hours_pro_rata,
};

use crate::employment::Hours;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HolidayError {
    #[error("the leave year must start on a real day of the year (not 29 February)")]
    LeaveYearStart,
    #[error(
        "for leave years before 1 April 2024 irregular-hours holiday followed the old rules, which Cylch does not compute"
    )]
    BeforeReform,
    #[error("the hours are too large to add up")]
    Overflow,
    #[error("{asked} ten-thousandths of an hour asked for, but only {remaining} remain")]
    NotEnough {
        asked: HourCount,
        remaining: HourCount,
    },
    #[error("hours cannot be negative")]
    Negative,
}

impl HolidayError {
    pub fn code(self) -> &'static str {
        match self {
            Self::LeaveYearStart => "leave-year-start",
            Self::BeforeReform => "holiday-before-reform",
            Self::Overflow => "holiday-overflow",
            Self::NotEnough { .. } => "holiday-not-enough",
            Self::Negative => "holiday-negative",
        }
    }
}

/// A leave year: its first and last days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeaveYear {
    pub first: Date,
    pub last: Date,
}

impl LeaveYear {
    pub fn contains(self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }

    pub fn days(self) -> i64 {
        self.first.days_until(self.last) + 1
    }
}

/// The leave year containing `date`, for a co-operative whose leave years
/// start each year on `month`/`day` (1 April, 1 January, a start date).
pub fn leave_year_containing(month: u32, day: u32, date: Date) -> Result<LeaveYear, HolidayError> {
    if month == 2 && day == 29 {
        return Err(HolidayError::LeaveYearStart);
    }
    let start_in = |year| Date::new(year, month, day).map_err(|_| HolidayError::LeaveYearStart);
    let this = start_in(date.year())?;
    let first = if this <= date {
        this
    } else {
        start_in(date.year() - 1)?
    };
    let next = start_in(first.year() + 1)?;
    let last = next
        .add_days(-1)
        .map_err(|_| HolidayError::LeaveYearStart)?;
    Ok(LeaveYear { first, last })
}

/// How holiday is worked out for a PA in a leave year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// 5.6 weeks of the working week, capped at 28 days, pro rata.
    ProRata,
    /// 12.07% of hours worked in each pay period.
    Accrual,
}

/// The first day of the reform for irregular-hours and part-year workers.
fn reform_start() -> Option<Date> {
    Date::new(2024, 4, 1).ok()
}

pub fn method(hours: Hours, year: LeaveYear) -> Result<Method, HolidayError> {
    if !hours.accrues_holiday() {
        return Ok(Method::ProRata);
    }
    if reform_start().is_some_and(|r| year.first >= r) {
        Ok(Method::Accrual)
    } else {
        Err(HolidayError::BeforeReform)
    }
}

/// Hours worked in one pay period, ending on `period_end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodHours {
    pub period_end: Date,
    pub hours_worked: HourCount,
}

/// The hours of holiday a PA has for the leave year: the pro-rata
/// entitlement for the days employed in it, or what has accrued by the pay
/// periods ending in it.
pub fn entitlement(
    hours: Hours,
    employed_from: Date,
    employed_to: Option<Date>,
    year: LeaveYear,
    periods: &[PeriodHours],
) -> Result<HourCount, HolidayError> {
    match (method(hours, year)?, hours) {
        (
            Method::ProRata,
            Hours::Fixed {
                weekly,
                days_per_week,
                ..
            },
        ) => {
            let from = employed_from.max(year.first);
            let to = employed_to.map_or(year.last, |d| d.min(year.last));
            let days = (from.days_until(to) + 1).max(0);
            Ok(entitlement_hours_pro_rata(
                weekly,
                days_per_week,
                days,
                year.days(),
            ))
        }
        _ => {
            let mut total: HourCount = 0;
            for p in periods.iter().filter(|p| year.contains(p.period_end)) {
                if p.hours_worked < 0 {
                    return Err(HolidayError::Negative);
                }
                let accrued =
                    accrual_irregular(p.hours_worked).map_err(|_| HolidayError::Overflow)?;
                total = total.checked_add(accrued).ok_or(HolidayError::Overflow)?;
            }
            Ok(total)
        }
    }
}

/// A full leave year's entitlement for fixed hours, for the written
/// statement; `None` for those whose holiday accrues.
pub fn full_year_hours(hours: Hours) -> Option<HourCount> {
    match hours {
        Hours::Fixed {
            weekly,
            days_per_week,
            part_year: false,
        } => Some(entitlement_hours(weekly, days_per_week)),
        _ => None,
    }
}

/// A leave year's holiday: entitlement (or accrued) less taken less booked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    pub entitlement: HourCount,
    pub taken: HourCount,
    pub booked: HourCount,
}

impl Balance {
    /// What is left to book; negative if more was taken than accrued.
    pub fn remaining(&self) -> Result<HourCount, HolidayError> {
        self.entitlement
            .checked_sub(self.taken)
            .and_then(|r| r.checked_sub(self.booked))
            .ok_or(HolidayError::Overflow)
    }

    /// Books holiday, refusing more than remains.
    pub fn book(self, hours: HourCount) -> Result<Self, HolidayError> {
        if hours < 0 {
            return Err(HolidayError::Negative);
        }
        let remaining = self.remaining()?;
        if hours > remaining {
            return Err(HolidayError::NotEnough {
                asked: hours,
                remaining,
            });
        }
        Ok(Self {
            booked: self.booked + hours,
            ..self
        })
    }

    /// Booked holiday taken: it moves from booked to taken.
    pub fn take_booked(self, hours: HourCount) -> Result<Self, HolidayError> {
        if hours < 0 {
            return Err(HolidayError::Negative);
        }
        if hours > self.booked {
            return Err(HolidayError::NotEnough {
                asked: hours,
                remaining: self.booked,
            });
        }
        Ok(Self {
            booked: self.booked - hours,
            taken: self
                .taken
                .checked_add(hours)
                .ok_or(HolidayError::Overflow)?,
            ..self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::d;
    use cylch_payroll::holiday::HOUR;

    const FIXED: Hours = Hours::Fixed {
        weekly: 30 * HOUR,
        days_per_week: 4 * HOUR,
        part_year: false,
    };

    #[test]
    fn leave_years() {
        let y = leave_year_containing(4, 1, d(2026, 3, 31)).unwrap();
        assert_eq!((y.first, y.last), (d(2025, 4, 1), d(2026, 3, 31)));
        let y = leave_year_containing(4, 1, d(2026, 4, 1)).unwrap();
        assert_eq!(
            (y.first, y.last, y.days()),
            (d(2026, 4, 1), d(2027, 3, 31), 365)
        );
        assert!(leave_year_containing(2, 29, d(2026, 4, 1)).is_err());
    }

    #[test]
    fn fixed_hours_pro_rata() {
        let year = leave_year_containing(4, 1, d(2026, 4, 1)).unwrap();
        // A full year of 30 hours over 4 days: 5.6 × 30 = 168 hours
        // (GOV.UK holiday entitlement: 5.6 times the working week).
        assert_eq!(
            entitlement(FIXED, d(2020, 1, 1), None, year, &[]).unwrap(),
            168 * HOUR
        );
        assert_eq!(full_year_hours(FIXED), Some(168 * HOUR));
        // Starting on 1 October 2026: 182 of 365 days, 168 × 182 / 365 =
        // 83.7699 hours, to the nearest ten-thousandth.
        assert_eq!(
            entitlement(FIXED, d(2026, 10, 1), None, year, &[]).unwrap(),
            837_699
        );
        // Left before the year began: nothing.
        assert_eq!(
            entitlement(FIXED, d(2020, 1, 1), Some(d(2026, 3, 31)), year, &[]).unwrap(),
            0
        );
    }

    #[test]
    fn irregular_hours_accrue_by_pay_period_from_april_2024() {
        let year = leave_year_containing(4, 1, d(2026, 4, 1)).unwrap();
        let periods = [
            PeriodHours {
                period_end: d(2026, 3, 31),
                hours_worked: 100 * HOUR,
            },
            PeriodHours {
                period_end: d(2026, 4, 30),
                hours_worked: 100 * HOUR,
            },
            PeriodHours {
                period_end: d(2026, 5, 31),
                hours_worked: 50 * HOUR,
            },
        ];
        // GOV.UK: 12.07% of hours worked; 150 hours in the year: 18.105 hours.
        assert_eq!(
            entitlement(Hours::Irregular, d(2025, 1, 1), None, year, &periods).unwrap(),
            181_050
        );
        let part_year = Hours::Fixed {
            weekly: 20 * HOUR,
            days_per_week: 5 * HOUR,
            part_year: true,
        };
        assert_eq!(method(part_year, year), Ok(Method::Accrual));
        assert_eq!(full_year_hours(part_year), None);
        // A leave year that began on 1 January 2024 is before the reform.
        let old = leave_year_containing(1, 1, d(2024, 6, 1)).unwrap();
        assert_eq!(
            method(Hours::Irregular, old),
            Err(HolidayError::BeforeReform)
        );
        let first = leave_year_containing(4, 1, d(2024, 6, 1)).unwrap();
        assert_eq!(method(Hours::Irregular, first), Ok(Method::Accrual));
    }

    #[test]
    fn balance_with_bookings() {
        let b = Balance {
            entitlement: 168 * HOUR,
            taken: 0,
            booked: 0,
        };
        let b = b.book(60 * HOUR).unwrap().take_booked(30 * HOUR).unwrap();
        assert_eq!(
            (b.taken, b.booked, b.remaining().unwrap()),
            (30 * HOUR, 30 * HOUR, 108 * HOUR)
        );
        assert_eq!(
            b.book(109 * HOUR),
            Err(HolidayError::NotEnough {
                asked: 109 * HOUR,
                remaining: 108 * HOUR
            })
        );
        assert!(b.book(-1).is_err());
        assert!(b.take_booked(31 * HOUR).is_err());
    }

    proptest::proptest! {
        #[test]
        fn booking_never_goes_below_nothing(
            entitlement in 0i64..3_000_000, asks in proptest::collection::vec(0i64..500_000, 0..20)
        ) {
            let mut b = Balance { entitlement, taken: 0, booked: 0 };
            for ask in asks {
                if let Ok(next) = b.book(ask) { b = next; }
                proptest::prop_assert!(b.remaining().unwrap() >= 0);
                proptest::prop_assert_eq!(b.remaining().unwrap(), entitlement - b.booked - b.taken);
            }
        }
    }
}
