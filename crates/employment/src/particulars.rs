//! The written statement of employment particulars (Employment Rights Act
//! 1996 ss.1-7B, as amended from 6 April 2020): due on or before the first
//! day for every employee and worker.
//!
//! The list follows GOV.UK and Acas ("What the written statement must
//! include"). Most particulars must be in the principal statement from day
//! one; pensions, collective agreements, training the employer offers but
//! does not require, and the disciplinary and grievance procedures may
//! follow within two months. Sick pay, other paid leave, pensions and the
//! procedures may be given by reference to another document the worker can
//! reach. Where there is nothing to say under a heading, the statement must
//! say so (s.2(1)), which is [`Value::None`], distinct from absent.
//!
//! No words here: each particular has a stable code the web layer
//! translates, and each value is data.

use cylch_payroll::holiday::Hours as HourCount;
use cylch_payroll::{Date, Frequency};

use crate::employment::{Employment, Hours, PensionChoice, Rates};
use crate::holiday::full_year_hours;
use crate::text::Text;

/// A particular the statement must give, in the order it is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParticularKind {
    EmployerName,
    WorkerName,
    StartDate,
    ContinuousEmploymentDate,
    JobTitle,
    EmployerAddress,
    PlaceOfWork,
    PayRates,
    PayInterval,
    Hours,
    Holiday,
    SickLeaveAndPay,
    OtherPaidLeave,
    Benefits,
    Notice,
    Duration,
    Probation,
    WorkAbroad,
    RequiredTraining,
    Pension,
    CollectiveAgreements,
    OtherTraining,
    Disciplinary,
    Grievance,
}

impl ParticularKind {
    pub const ALL: [ParticularKind; 24] = [
        Self::EmployerName,
        Self::WorkerName,
        Self::StartDate,
        Self::ContinuousEmploymentDate,
        Self::JobTitle,
        Self::EmployerAddress,
        Self::PlaceOfWork,
        Self::PayRates,
        Self::PayInterval,
        Self::Hours,
        Self::Holiday,
        Self::SickLeaveAndPay,
        Self::OtherPaidLeave,
        Self::Benefits,
        Self::Notice,
        Self::Duration,
        Self::Probation,
        Self::WorkAbroad,
        Self::RequiredTraining,
        Self::Pension,
        Self::CollectiveAgreements,
        Self::OtherTraining,
        Self::Disciplinary,
        Self::Grievance,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::EmployerName => "employer-name",
            Self::WorkerName => "worker-name",
            Self::StartDate => "start-date",
            Self::ContinuousEmploymentDate => "continuous-employment-date",
            Self::JobTitle => "job-title",
            Self::EmployerAddress => "employer-address",
            Self::PlaceOfWork => "place-of-work",
            Self::PayRates => "pay-rates",
            Self::PayInterval => "pay-interval",
            Self::Hours => "hours",
            Self::Holiday => "holiday",
            Self::SickLeaveAndPay => "sick-leave-and-pay",
            Self::OtherPaidLeave => "other-paid-leave",
            Self::Benefits => "benefits",
            Self::Notice => "notice",
            Self::Duration => "duration",
            Self::Probation => "probation",
            Self::WorkAbroad => "work-abroad",
            Self::RequiredTraining => "required-training",
            Self::Pension => "pension",
            Self::CollectiveAgreements => "collective-agreements",
            Self::OtherTraining => "other-training",
            Self::Disciplinary => "disciplinary",
            Self::Grievance => "grievance",
        }
    }

    /// Whether the particular must be given on or before the first day;
    /// the others may follow within two months (s.2(4) and (6)).
    pub fn day_one(self) -> bool {
        !matches!(
            self,
            Self::Pension
                | Self::CollectiveAgreements
                | Self::OtherTraining
                | Self::Disciplinary
                | Self::Grievance
        )
    }
}

/// How holiday is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayTerm {
    /// Hours in a full leave year (5.6 weeks, capped at 28 days).
    HoursPerYear(HourCount),
    /// 12.07% of hours worked in each pay period.
    Accrual,
}

/// The value of a particular: data, not words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(Text),
    Date(Date),
    Rates(Rates),
    Interval(Frequency),
    Hours(Hours),
    Holiday(HolidayTerm),
    Notice {
        employer_weeks: u32,
        worker_weeks: u32,
    },
    Weeks(u32),
    Pension(PensionChoice),
    /// Given in another document the worker can reach, named here.
    ReferTo(Text),
    /// The statement says there is nothing under this heading.
    None,
}

/// What the co-operative states for every PA.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployerFacts {
    pub name: Text,
    pub address: Text,
    pub sick_leave_and_pay: Option<Value>,
    pub other_paid_leave: Option<Value>,
    pub benefits: Option<Value>,
    pub work_abroad: Option<Value>,
    pub required_training: Option<Value>,
    pub pension_scheme: Option<Value>,
    pub collective_agreements: Option<Value>,
    pub other_training: Option<Value>,
    pub disciplinary: Option<Value>,
    pub grievance: Option<Value>,
}

/// A written statement: every particular in order, with its value if given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    entries: Vec<(ParticularKind, Option<Value>)>,
}

/// A statement cannot be issued with these particulars absent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the written statement lacks {} particulars", .0.len())]
pub struct Incomplete(pub Vec<ParticularKind>);

impl Statement {
    /// The statement for an employment, from its record and the
    /// co-operative's facts.
    pub fn build(e: &Employment, employer: &EmployerFacts) -> Self {
        use ParticularKind as K;
        let text = |t: &Text| Some(Value::Text(t.clone()));
        let holiday = match full_year_hours(e.hours) {
            Some(h) => HolidayTerm::HoursPerYear(h),
            None => HolidayTerm::Accrual,
        };
        let pension = match &employer.pension_scheme {
            Some(v) => Some(v.clone()),
            None => Some(Value::Pension(e.pension)),
        };
        let entries = K::ALL
            .into_iter()
            .map(|kind| {
                let value = match kind {
                    K::EmployerName => text(&employer.name),
                    K::WorkerName => Text::parse(e.name.as_str()).ok().map(Value::Text),
                    K::StartDate => Some(Value::Date(e.start)),
                    K::ContinuousEmploymentDate => {
                        Some(Value::Date(e.continuous_from.unwrap_or(e.start)))
                    }
                    K::JobTitle => text(&e.job_title),
                    K::EmployerAddress => text(&employer.address),
                    K::PlaceOfWork => text(&e.place_of_work),
                    K::PayRates => Some(Value::Rates(e.rates)),
                    K::PayInterval => Some(Value::Interval(e.pay_frequency)),
                    K::Hours => Some(Value::Hours(e.hours)),
                    K::Holiday => Some(Value::Holiday(holiday)),
                    K::SickLeaveAndPay => employer.sick_leave_and_pay.clone(),
                    K::OtherPaidLeave => employer.other_paid_leave.clone(),
                    K::Benefits => employer.benefits.clone(),
                    K::Notice => Some(Value::Notice {
                        employer_weeks: e.notice_from_employer_weeks,
                        worker_weeks: e.notice_from_worker_weeks,
                    }),
                    K::Duration => Some(e.fixed_term_end.map_or(Value::None, Value::Date)),
                    K::Probation => Some(
                        e.probation
                            .as_ref()
                            .map_or(Value::None, |p| Value::Weeks(p.weeks)),
                    ),
                    K::WorkAbroad => employer.work_abroad.clone(),
                    K::RequiredTraining => employer.required_training.clone(),
                    K::Pension => pension.clone(),
                    K::CollectiveAgreements => employer.collective_agreements.clone(),
                    K::OtherTraining => employer.other_training.clone(),
                    K::Disciplinary => employer.disciplinary.clone(),
                    K::Grievance => employer.grievance.clone(),
                };
                (kind, value)
            })
            .collect();
        Self { entries }
    }

    pub fn entries(&self) -> &[(ParticularKind, Option<Value>)] {
        &self.entries
    }

    /// Sets or replaces one particular (an officer filling a gap).
    pub fn set(&mut self, kind: ParticularKind, value: Value) {
        if let Some(entry) = self.entries.iter_mut().find(|(k, _)| *k == kind) {
            entry.1 = Some(value);
        }
    }

    /// Day-one particulars not given: the statement cannot be issued.
    pub fn missing(&self) -> Vec<ParticularKind> {
        self.entries
            .iter()
            .filter(|(k, v)| k.day_one() && v.is_none())
            .map(|(k, _)| *k)
            .collect()
    }

    /// Every particular not given, day-one or later: what the statement
    /// must still gain within two months of the start.
    pub fn missing_any(&self) -> Vec<ParticularKind> {
        self.entries
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(k, _)| *k)
            .collect()
    }

    /// The statement, ready to issue, or the day-one particulars it lacks.
    pub fn ready(self) -> Result<Self, Incomplete> {
        let missing = self.missing();
        if missing.is_empty() {
            Ok(self)
        } else {
            Err(Incomplete(missing))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::{d, megan};
    use cylch_payroll::holiday::HOUR;

    fn facts() -> EmployerFacts {
        let t = |s: &str| Some(Value::Text(Text::parse(s).unwrap()));
        EmployerFacts {
            name: Text::parse("Cylch Cymorth Cyf").unwrap(),
            address: Text::parse("1 Stryd Fawr, Aberystwyth").unwrap(),
            sick_leave_and_pay: Some(Value::ReferTo(Text::parse("Sickness policy").unwrap())),
            other_paid_leave: Some(Value::None),
            benefits: Some(Value::None),
            work_abroad: Some(Value::None),
            required_training: t("Moving and handling, first aid, safeguarding"),
            pension_scheme: None,
            collective_agreements: Some(Value::None),
            other_training: None,
            disciplinary: None,
            grievance: None,
        }
    }

    #[test]
    fn a_full_statement_is_ready_on_day_one() {
        let s = Statement::build(&megan(), &facts());
        assert_eq!(s.missing(), vec![]);
        assert_eq!(
            s.missing_any(),
            vec![
                ParticularKind::OtherTraining,
                ParticularKind::Disciplinary,
                ParticularKind::Grievance
            ]
        );
        let codes: Vec<_> = s.entries().iter().map(|(k, _)| k.code()).collect();
        assert_eq!(codes.len(), 24);
        assert_eq!(codes[0], "employer-name");
        let holiday = s
            .entries()
            .iter()
            .find(|(k, _)| *k == ParticularKind::Holiday)
            .and_then(|(_, v)| v.clone());
        assert_eq!(
            holiday,
            Some(Value::Holiday(HolidayTerm::HoursPerYear(168 * HOUR)))
        );
        assert!(s.ready().is_ok());
    }

    #[test]
    fn cannot_issue_without_day_one_particulars() {
        let mut f = facts();
        f.sick_leave_and_pay = None;
        f.required_training = None;
        let s = Statement::build(&megan(), &f);
        assert_eq!(
            s.clone().ready(),
            Err(Incomplete(vec![
                ParticularKind::SickLeaveAndPay,
                ParticularKind::RequiredTraining
            ]))
        );
        let mut s = s;
        s.set(
            ParticularKind::SickLeaveAndPay,
            Value::ReferTo(Text::parse("Handbook").unwrap()),
        );
        s.set(ParticularKind::RequiredTraining, Value::None);
        assert!(s.ready().is_ok());
    }

    #[test]
    fn none_is_stated_not_absent() {
        let mut e = megan();
        e.probation = None;
        e.fixed_term_end = Some(d(2027, 4, 30));
        e.hours = Hours::Irregular;
        let s = Statement::build(&e, &facts());
        let value = |kind| {
            s.entries()
                .iter()
                .find(|(k, _)| *k == kind)
                .and_then(|(_, v)| v.clone())
        };
        assert_eq!(value(ParticularKind::Probation), Some(Value::None));
        assert_eq!(
            value(ParticularKind::Duration),
            Some(Value::Date(d(2027, 4, 30)))
        );
        assert_eq!(
            value(ParticularKind::Holiday),
            Some(Value::Holiday(HolidayTerm::Accrual))
        );
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<_> = ParticularKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), ParticularKind::ALL.len());
    }
}
