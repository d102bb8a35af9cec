//! Workplace pensions: the auto-enrolment assessment, contributions on
//! qualifying earnings or all pay, relief at source or net pay, and
//! postponement.

use crate::date::{Date, DateError};
use crate::money::{self, Overflow, Pence, Percent};
use crate::period::Frequency;
use crate::tax_year::TaxYear;

/// The worker's category under the Pensions Act 2008 for one pay period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WorkerCategory {
    /// 22 to State Pension age and earning above the trigger: must be enrolled.
    EligibleJobholder,
    /// May opt in, with employer contributions.
    NonEligibleJobholder,
    /// May join a scheme, without a duty on the employer to contribute.
    EntitledWorker,
}

impl WorkerCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EligibleJobholder => "eligible_jobholder",
            Self::NonEligibleJobholder => "non_eligible_jobholder",
            Self::EntitledWorker => "entitled_worker",
        }
    }
}

/// State Pension age as a date, from the date of birth, by the tables in
/// the Pensions Acts 1995 (as amended 2011 and 2014) and 2007.
///
/// Everyone born before 6 October 1954 reached State Pension age before
/// 6 April 2025, the first day Cylch pays in; for them the 65th birthday is
/// returned, which is on or before their statutory date and so gives the
/// same answer for every pay date the engine accepts.
pub fn state_pension_date(born: Date) -> Result<Date, DateError> {
    let ymd = |y, m, d| Date::new(y, m, d);
    if born < ymd(1954, 10, 6)? {
        return born.add_months(65 * 12);
    }
    if born < ymd(1960, 4, 6)? {
        return born.add_months(66 * 12);
    }
    if born < ymd(1961, 3, 6)? {
        // Pensions Act 2014 s.27: 66 years and 1 to 11 months, one month more
        // for each month of birth from 6 April 1960.
        let months_after =
            (born.year() - 1960) * 12 + born.month() as i32 - 4 - i32::from(born.day() < 6);
        return born.add_months(66 * 12 + months_after + 1);
    }
    if born < ymd(1977, 4, 6)? {
        return born.add_months(67 * 12);
    }
    if born < ymd(1978, 4, 6)? {
        // Pensions Act 2007 Sch. 3 table: a fixed date, two months later
        // for each month of birth from 6 April 1977, starting 6 May 2044.
        let months_after =
            (born.year() - 1977) * 12 + born.month() as i32 - 4 - i32::from(born.day() < 6);
        return ymd(2044, 5, 6)?.add_months(2 * months_after);
    }
    born.add_months(68 * 12)
}

/// Assesses the worker on the pay date against this period's gross pay.
pub fn assess(
    year: TaxYear,
    frequency: Frequency,
    born: Date,
    pay_date: Date,
    gross: Pence,
) -> Result<Option<WorkerCategory>, DateError> {
    let age = born.age_on(pay_date);
    if !(16..75).contains(&age) {
        return Ok(None);
    }
    let t = year.data().pension.get(frequency);
    let below_spa = pay_date < state_pension_date(born)?;
    Ok(Some(if age >= 22 && below_spa && gross > t.trigger {
        WorkerCategory::EligibleJobholder
    } else if gross > t.qualifying_lower {
        WorkerCategory::NonEligibleJobholder
    } else {
        WorkerCategory::EntitledWorker
    }))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arrangement {
    /// Employee pays from net pay; the scheme claims 20% from HMRC, so the
    /// deduction is 80% of the contribution.
    ReliefAtSource,
    /// Contribution taken before tax (not before NI).
    NetPay,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContributionBasis {
    QualifyingEarnings,
    AllPay,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PensionScheme {
    pub arrangement: Arrangement,
    pub basis: ContributionBasis,
    pub employee: Percent,
    pub employer: Percent,
    pub enrolled: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Contributions {
    /// The employee's contribution before any relief at source.
    pub employee_gross: Pence,
    /// What comes off the payslip.
    pub employee_deducted: Pence,
    pub employer: Pence,
    /// Reduces taxable pay (net pay arrangements only).
    pub before_tax: Pence,
}

/// Earnings the percentages apply to this period.
pub fn pensionable_earnings(
    year: TaxYear,
    frequency: Frequency,
    basis: ContributionBasis,
    gross: Pence,
) -> Pence {
    let gross = gross.max(0);
    match basis {
        ContributionBasis::AllPay => gross,
        ContributionBasis::QualifyingEarnings => {
            let t = year.data().pension.get(frequency);
            (gross.min(t.qualifying_upper) - t.qualifying_lower).max(0)
        }
    }
}

pub fn contributions(
    year: TaxYear,
    frequency: Frequency,
    scheme: &PensionScheme,
    gross: Pence,
) -> Result<Contributions, Overflow> {
    if !scheme.enrolled {
        return Ok(Contributions::default());
    }
    let earnings = pensionable_earnings(year, frequency, scheme.basis, gross);
    let employee_gross = scheme.employee.of_half_up(earnings)?;
    let employer = scheme.employer.of_half_up(earnings)?;
    let (employee_deducted, before_tax) = match scheme.arrangement {
        Arrangement::ReliefAtSource => (
            money::to_pence(money::div_round_half_up(
                i128::from(employee_gross) * 80,
                100,
            ))?,
            0,
        ),
        Arrangement::NetPay => (employee_gross, employee_gross),
    };
    Ok(Contributions {
        employee_gross,
        employee_deducted,
        employer,
        before_tax,
    })
}

/// Whether the contributions meet the statutory minimum for a
/// qualifying-earnings scheme: 8% in all, at least 3% from the employer.
pub fn meets_minimum(scheme: &PensionScheme) -> bool {
    let total = scheme.employee.ten_thousandths() + scheme.employer.ten_thousandths();
    total >= 8 * Percent::SCALE && scheme.employer.ten_thousandths() >= 3 * Percent::SCALE
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PostponementError {
    #[error(
        "postponement can end no later than three months after {start} (that is {latest}); {asked} is too late"
    )]
    TooLong {
        start: Date,
        latest: Date,
        asked: Date,
    },
    #[error("postponement cannot end before it starts ({start})")]
    BeforeStart { start: Date },
    #[error(transparent)]
    Date(#[from] DateError),
}

/// Checks a postponement (deferral) of automatic enrolment: it may last up
/// to three months from the staging date, the start of employment or the
/// day the worker first became eligible. Returns the deferral date.
pub fn postpone(start: Date, until: Date) -> Result<Date, PostponementError> {
    let latest = start.add_months(3)?;
    if until < start {
        return Err(PostponementError::BeforeStart { start });
    }
    if until > latest {
        return Err(PostponementError::TooLong {
            start,
            latest,
            asked: until,
        });
    }
    Ok(until)
}

/// Whether automatic enrolment is due on `pay_date` for an eligible
/// jobholder, given an optional postponement ending on `deferral_date`.
pub fn enrolment_due(pay_date: Date, deferral_date: Option<Date>) -> bool {
    deferral_date.is_none_or(|d| pay_date >= d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn state_pension_dates() {
        // GOV.UK State Pension age timetable.
        assert_eq!(state_pension_date(d(1959, 1, 1)).unwrap(), d(2025, 1, 1));
        assert_eq!(state_pension_date(d(1960, 4, 6)).unwrap(), d(2026, 5, 6));
        assert_eq!(state_pension_date(d(1960, 5, 5)).unwrap(), d(2026, 6, 5));
        assert_eq!(state_pension_date(d(1960, 5, 6)).unwrap(), d(2026, 7, 6));
        assert_eq!(state_pension_date(d(1961, 3, 5)).unwrap(), d(2028, 2, 5));
        assert_eq!(state_pension_date(d(1961, 3, 6)).unwrap(), d(2028, 3, 6));
        assert_eq!(state_pension_date(d(1977, 4, 6)).unwrap(), d(2044, 5, 6));
        assert_eq!(state_pension_date(d(1978, 3, 6)).unwrap(), d(2046, 3, 6));
        assert_eq!(state_pension_date(d(1990, 7, 1)).unwrap(), d(2058, 7, 1));
    }

    #[test]
    fn postponement_is_three_months_at_most() {
        assert!(postpone(d(2026, 1, 31), d(2026, 4, 30)).is_ok());
        assert!(postpone(d(2026, 1, 31), d(2026, 5, 1)).is_err());
        assert!(enrolment_due(d(2026, 5, 1), Some(d(2026, 4, 30))));
        assert!(!enrolment_due(d(2026, 4, 29), Some(d(2026, 4, 30))));
    }
}
