//! Holiday entitlement and holiday pay.
//!
//! Hours are held exactly in ten-thousandths of an hour.

use crate::money::{self, Overflow, Pence};

/// Hours in ten-thousandths of an hour (37.5 hours = 375_000).
pub type Hours = i64;

pub const HOUR: Hours = 10_000;

/// Irregular-hours and part-year workers accrue 12.07% of the hours worked
/// in each pay period (Working Time Regulations 1998 reg. 15B, from
/// 1 April 2024). Rounded to the nearest ten-thousandth of an hour.
pub fn accrual_irregular(hours_worked: Hours) -> Result<Hours, Overflow> {
    money::to_pence(money::div_round_half_up(
        i128::from(hours_worked) * 1207,
        10_000,
    ))
}

/// Entitlement of a regular worker: 5.6 weeks of their working week,
/// capped at 28 days' worth (reg. 13 and 13A). `days_per_week` in
/// ten-thousandths of a day; result in ten-thousandths of a day.
pub fn entitlement_days(days_per_week: i64) -> i64 {
    let days = days_per_week.saturating_mul(56) / 10;
    days.min(28 * HOUR)
}

/// Entitlement in hours for a regular worker: 5.6 × weekly hours, capped at
/// the hours of 28 days when the working week is longer than five days.
pub fn entitlement_hours(weekly_hours: Hours, days_per_week: i64) -> Hours {
    let hours = weekly_hours.saturating_mul(56) / 10;
    if days_per_week > 5 * HOUR {
        let cap = money::div_floor(
            i128::from(weekly_hours) * 28 * i128::from(HOUR),
            i128::from(days_per_week),
        ) as Hours;
        hours.min(cap)
    } else {
        hours
    }
}

/// A regular worker who starts or leaves part-way through the leave year
/// gets the share of the year's entitlement for the days employed
/// (reg. 13(5)), in ten-thousandths of an hour, rounded half up.
pub fn entitlement_hours_pro_rata(
    weekly_hours: Hours,
    days_per_week: i64,
    days_employed: i64,
    days_in_leave_year: i64,
) -> Hours {
    if days_in_leave_year <= 0 {
        return 0;
    }
    let full = entitlement_hours(weekly_hours, days_per_week);
    let share = days_employed.clamp(0, days_in_leave_year);
    money::div_round_half_up(
        i128::from(full) * i128::from(share),
        i128::from(days_in_leave_year),
    ) as Hours
}

/// A holiday balance: accrued or granted hours less hours taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    pub accrued: Hours,
    pub taken: Hours,
}

impl Balance {
    pub fn remaining(&self) -> Hours {
        self.accrued - self.taken
    }

    pub fn accrue(self, hours: Hours) -> Self {
        Self {
            accrued: self.accrued + hours,
            ..self
        }
    }

    /// Records holiday taken; a worker may not take more than they have.
    pub fn take(self, hours: Hours) -> Result<Self, HolidayError> {
        if hours > self.remaining() {
            return Err(HolidayError::NotEnough {
                asked: hours,
                remaining: self.remaining(),
            });
        }
        Ok(Self {
            taken: self.taken + hours,
            ..self
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HolidayError {
    #[error("{asked} ten-thousandths of an hour asked for, but only {remaining} remain")]
    NotEnough { asked: Hours, remaining: Hours },
    #[error("no paid week in the last 104 weeks to average holiday pay over")]
    NoPaidWeeks,
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

/// A week's holiday pay: the average of the last 52 weeks in which the
/// worker was paid, looking back no more than 104 weeks (Employment Rights
/// Act 1996 s.224 as amended in 2020). `weeks` is most recent first; `None`
/// is a week without pay, which is skipped.
pub fn average_weekly_pay(weeks: &[Option<Pence>]) -> Result<Pence, HolidayError> {
    let paid: Vec<Pence> = weeks
        .iter()
        .take(104)
        .filter_map(|w| *w)
        .filter(|p| *p > 0)
        .take(52)
        .collect();
    if paid.is_empty() {
        return Err(HolidayError::NoPaidWeeks);
    }
    let total: i128 = paid.iter().map(|p| i128::from(*p)).sum();
    Ok(money::to_pence(money::div_round_half_up(
        total,
        paid.len() as i128,
    ))?)
}

/// Holiday pay for `hours` of leave at the 52-week average, given the
/// average weekly pay and the average weekly hours over the same weeks.
pub fn holiday_pay(
    average_weekly_pay: Pence,
    average_weekly_hours: Hours,
    hours: Hours,
) -> Result<Pence, HolidayError> {
    if average_weekly_hours <= 0 {
        return Ok(0);
    }
    Ok(money::to_pence(money::div_round_half_up(
        i128::from(average_weekly_pay) * i128::from(hours),
        i128::from(average_weekly_hours),
    ))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accrual_is_12_07_percent() {
        // GOV.UK "Holiday entitlement for irregular hours and part-year
        // workers": 12.07% of hours worked; 100 hours accrue 12.07 hours.
        assert_eq!(accrual_irregular(100 * HOUR).unwrap(), 120_700);
        assert_eq!(accrual_irregular(375_000).unwrap(), 45_263);
    }

    #[test]
    fn regular_entitlement() {
        assert_eq!(entitlement_days(5 * HOUR), 28 * HOUR);
        assert_eq!(entitlement_days(6 * HOUR), 28 * HOUR);
        assert_eq!(entitlement_days(3 * HOUR), 168_000);
        assert_eq!(entitlement_hours(375_000, 5 * HOUR), 2_100_000);
        // Six days a week of 8 hours: 5.6 × 48 = 268.8 hours, capped at 28
        // days of 8 hours = 224 hours.
        assert_eq!(entitlement_hours(480_000, 6 * HOUR), 2_240_000);
        // Half a 365-day leave year at 37.5 hours: 105 hours (GOV.UK
        // holiday entitlement: part-year start, pro rata).
        assert_eq!(
            entitlement_hours_pro_rata(375_000, 5 * HOUR, 365, 365),
            2_100_000
        );
        assert_eq!(entitlement_hours_pro_rata(375_000, 5 * HOUR, 0, 365), 0);
        assert_eq!(
            entitlement_hours_pro_rata(375_000, 5 * HOUR, 730, 365),
            2_100_000
        );
    }

    #[test]
    fn average_skips_unpaid_weeks() {
        let mut weeks = vec![Some(10_000); 50];
        weeks.insert(3, None);
        weeks.push(Some(40_000));
        weeks.push(Some(40_000));
        weeks.push(Some(99_999));
        let avg = average_weekly_pay(&weeks).unwrap();
        assert_eq!(avg, (50 * 10_000 + 2 * 40_000) / 52 + 1);
        let mut balance = Balance::default().accrue(HOUR);
        balance = balance.take(HOUR / 2).unwrap();
        assert_eq!(balance.remaining(), HOUR / 2);
        assert!(balance.take(HOUR).is_err());
    }
}
