//! The checks before a PA works, and whether they are all in date on a
//! shift's date (rule 12), with what falls due soon for the dashboard.
//!
//! - **Right to work** before employment starts; for time-limited
//!   permission the employer's statutory excuse lasts only until the
//!   permission ends, so a follow-up check is due by then (Home Office
//!   employer's guide; for a Positive Verification Notice, six months from
//!   its date).
//! - **Enhanced DBS with the adults' barred list** for personal care
//!   (regulated activity). A DBS certificate has no expiry date in law;
//!   how often to re-check is the co-operative's policy (default every 3
//!   years). On the DBS Update Service the certificate is kept current and
//!   the employer makes free status checks instead, so the certificate does
//!   not fall due by age; a status check does (default every 12 months), and
//!   a status check showing new information calls for a new certificate.
//! - **References**: a number set by the co-operative (default 2), received
//!   and satisfactory.
//! - **Training** with expiry: moving and handling, first aid and
//!   safeguarding by default; medication where the support needs it.
//! - **Written statement** signed (rule 12).
//! - **The co-operative's employer's liability insurance**: at least £5m
//!   (Employers' Liability (Compulsory Insurance) Regulations 1998 reg. 3),
//!   in force on the day.
//!
//! Dates: "expires" on training and insurance is the last day covered. A
//! re-check interval counts calendar months from the issue or status-check
//! date, and the day that many months later is the first day it is due.

use cylch_domain::PersonName;
use cylch_payroll::{Date, Pence};

use crate::text::Text;

/// How the right to work was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RightToWorkMethod {
    /// Original documents seen and copied (List A or List B).
    ManualDocument,
    /// The Home Office online service with a share code.
    HomeOfficeOnline,
    /// A certified identity service provider (British and Irish passports).
    IdentityServiceProvider,
}

/// How long the statutory excuse lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RightToWorkLimit {
    /// A continuous right to work (British or Irish citizen, settled status,
    /// indefinite leave): no follow-up.
    Unlimited,
    /// Time-limited permission: the last day the excuse covers.
    Until(Date),
}

impl RightToWorkLimit {
    /// A Positive Verification Notice from the Employer Checking Service
    /// gives an excuse for six months from the notice's date.
    pub fn from_positive_verification_notice(notice: Date) -> Option<Self> {
        let six_months = notice.add_months(6).ok()?;
        Some(Self::Until(six_months.add_days(-1).ok()?))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RightToWork {
    pub method: RightToWorkMethod,
    pub checked_on: Date,
    pub checked_by: PersonName,
    pub limit: RightToWorkLimit,
}

/// A DBS certificate number: twelve digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DbsCertificateNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DbsNumberError {
    #[error("a DBS certificate number is 12 digits")]
    Format,
}

impl DbsCertificateNumber {
    pub fn parse(raw: &str) -> Result<Self, DbsNumberError> {
        if raw.len() > 30 {
            return Err(DbsNumberError::Format);
        }
        let digits: String = raw.chars().filter(|c| *c != ' ').collect();
        if digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(digits))
        } else {
            Err(DbsNumberError::Format)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The outcome of an Update Service status check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusOutcome {
    NoNewInformation,
    /// New information since the certificate: apply for a new one.
    NewInformation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UpdateService {
    pub last_status_check: Date,
    pub outcome: StatusOutcome,
}

/// An enhanced DBS certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dbs {
    pub certificate: DbsCertificateNumber,
    pub issued: Date,
    /// Whether the adults' barred list was checked (needed for personal care).
    pub adults_barred_list: bool,
    pub update_service: Option<UpdateService>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub from: PersonName,
    pub received: Date,
    pub satisfactory: bool,
}

/// Training a PA may need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Course {
    MovingAndHandling,
    FirstAid,
    Safeguarding,
    Medication,
}

impl Course {
    pub fn code(self) -> &'static str {
        match self {
            Self::MovingAndHandling => "moving-and-handling",
            Self::FirstAid => "first-aid",
            Self::Safeguarding => "safeguarding",
            Self::Medication => "medication",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Training {
    pub course: Course,
    pub completed: Date,
    /// The last day the training counts; `None` if it does not expire.
    pub expires: Option<Date>,
}

/// The co-operative's employer's liability insurance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployersLiability {
    pub insurer: Text,
    pub policy: Text,
    pub cover: Pence,
    pub starts: Date,
    /// The last day of cover.
    pub expires: Date,
}

/// Everything on file for one PA, with the co-operative's insurance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checks {
    pub right_to_work: Option<RightToWork>,
    pub dbs: Option<Dbs>,
    pub references: Vec<Reference>,
    pub training: Vec<Training>,
    /// The day the PA signed the written statement.
    pub statement_signed: Option<Date>,
    pub employers_liability: Option<EmployersLiability>,
}

/// The co-operative's settings for the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckSettings {
    /// Months after issue when a DBS certificate not on the Update Service
    /// must be renewed.
    pub dbs_recheck_months: u32,
    /// Months between Update Service status checks.
    pub status_check_months: u32,
    pub references_required: usize,
    /// Training every PA needs; medication is added where the support needs it.
    pub required_training: Vec<Course>,
    pub minimum_cover: Pence,
}

/// £5 million, the legal minimum cover.
pub const LEGAL_MINIMUM_COVER: Pence = 500_000_000;

impl Default for CheckSettings {
    fn default() -> Self {
        Self {
            dbs_recheck_months: 36,
            status_check_months: 12,
            references_required: 2,
            required_training: vec![
                Course::MovingAndHandling,
                Course::FirstAid,
                Course::Safeguarding,
            ],
            minimum_cover: LEGAL_MINIMUM_COVER,
        }
    }
}

/// What the support the PA gives needs beyond the usual.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    pub medication: bool,
}

/// One thing missing or out of date on a shift's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Missing {
    RightToWork,
    /// The time-limited excuse ended on this day.
    RightToWorkEnded(Date),
    Dbs,
    DbsWithoutAdultsBarredList,
    /// Renewal was due from this day.
    DbsRecheckDue(Date),
    /// An Update Service status check was due from this day.
    DbsStatusCheckDue(Date),
    DbsNewInformation,
    References {
        have: usize,
        need: usize,
    },
    Training(Course),
    /// Expired: the last day it counted.
    TrainingExpired(Course, Date),
    WrittenStatement,
    Insurance,
    InsuranceNotStarted(Date),
    InsuranceExpired(Date),
    InsuranceCoverTooLow {
        cover: Pence,
        minimum: Pence,
    },
}

impl Missing {
    pub fn code(self) -> &'static str {
        match self {
            Self::RightToWork => "right-to-work-missing",
            Self::RightToWorkEnded(_) => "right-to-work-ended",
            Self::Dbs => "dbs-missing",
            Self::DbsWithoutAdultsBarredList => "dbs-without-adults-barred-list",
            Self::DbsRecheckDue(_) => "dbs-recheck-due",
            Self::DbsStatusCheckDue(_) => "dbs-status-check-due",
            Self::DbsNewInformation => "dbs-new-information",
            Self::References { .. } => "references-missing",
            Self::Training(_) => "training-missing",
            Self::TrainingExpired(..) => "training-expired",
            Self::WrittenStatement => "written-statement-missing",
            Self::Insurance => "insurance-missing",
            Self::InsuranceNotStarted(_) => "insurance-not-started",
            Self::InsuranceExpired(_) => "insurance-expired",
            Self::InsuranceCoverTooLow { .. } => "insurance-cover-too-low",
        }
    }
}

/// The first day a DBS check is out of date without a new check: the
/// renewal date, or for the Update Service the next status check.
fn dbs_due(dbs: &Dbs, settings: &CheckSettings) -> Option<(DueItem, Date)> {
    let (item, from, months) = match dbs.update_service {
        Some(us) => (
            DueItem::DbsStatusCheck,
            us.last_status_check,
            settings.status_check_months,
        ),
        None => (DueItem::DbsRecheck, dbs.issued, settings.dbs_recheck_months),
    };
    let months = i32::try_from(months).ok()?;
    Some((item, from.add_months(months).ok()?))
}

/// Whether the PA may work on `shift_date`: `Ok` or every missing or
/// expired check at once (rule 12).
pub fn fit_for_shift(
    checks: &Checks,
    settings: &CheckSettings,
    shift_date: Date,
    needs: Needs,
) -> Result<(), Vec<Missing>> {
    let mut missing = Vec::new();

    match &checks.right_to_work {
        Some(rtw) if rtw.checked_on <= shift_date => {
            if let RightToWorkLimit::Until(last) = rtw.limit
                && shift_date > last
            {
                missing.push(Missing::RightToWorkEnded(last));
            }
        }
        _ => missing.push(Missing::RightToWork),
    }

    match &checks.dbs {
        Some(dbs) if dbs.issued <= shift_date => {
            if !dbs.adults_barred_list {
                missing.push(Missing::DbsWithoutAdultsBarredList);
            }
            if dbs
                .update_service
                .is_some_and(|us| us.outcome == StatusOutcome::NewInformation)
            {
                missing.push(Missing::DbsNewInformation);
            }
            match dbs_due(dbs, settings) {
                Some((DueItem::DbsStatusCheck, due)) if shift_date >= due => {
                    missing.push(Missing::DbsStatusCheckDue(due));
                }
                Some((_, due)) if shift_date >= due => missing.push(Missing::DbsRecheckDue(due)),
                Some(_) => {}
                // A date beyond the calendar: treat as not in date.
                None => missing.push(Missing::Dbs),
            }
        }
        _ => missing.push(Missing::Dbs),
    }

    let have = checks
        .references
        .iter()
        .filter(|r| r.satisfactory && r.received <= shift_date)
        .count();
    if have < settings.references_required {
        missing.push(Missing::References {
            have,
            need: settings.references_required,
        });
    }

    let mut courses = settings.required_training.clone();
    if needs.medication {
        courses.push(Course::Medication);
    }
    courses.sort();
    courses.dedup();
    for course in courses {
        let taken: Vec<&Training> = checks
            .training
            .iter()
            .filter(|t| t.course == course && t.completed <= shift_date)
            .collect();
        if taken.is_empty() {
            missing.push(Missing::Training(course));
        } else if !taken
            .iter()
            .any(|t| t.expires.is_none_or(|e| shift_date <= e))
        {
            let last = taken.iter().filter_map(|t| t.expires).max();
            if let Some(last) = last {
                missing.push(Missing::TrainingExpired(course, last));
            }
        }
    }

    if checks.statement_signed.is_none_or(|d| d > shift_date) {
        missing.push(Missing::WrittenStatement);
    }

    match &checks.employers_liability {
        None => missing.push(Missing::Insurance),
        Some(el) => {
            let minimum = settings.minimum_cover.max(LEGAL_MINIMUM_COVER);
            if el.cover < minimum {
                missing.push(Missing::InsuranceCoverTooLow {
                    cover: el.cover,
                    minimum,
                });
            }
            if shift_date < el.starts {
                missing.push(Missing::InsuranceNotStarted(el.starts));
            } else if shift_date > el.expires {
                missing.push(Missing::InsuranceExpired(el.expires));
            }
        }
    }

    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing)
    }
}

/// Something that falls due on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DueItem {
    RightToWorkFollowUp,
    DbsRecheck,
    DbsStatusCheck,
    Training(Course),
    Insurance,
}

impl DueItem {
    pub fn code(self) -> &'static str {
        match self {
            Self::RightToWorkFollowUp => "right-to-work-follow-up",
            Self::DbsRecheck => "dbs-recheck",
            Self::DbsStatusCheck => "dbs-status-check",
            Self::Training(_) => "training-renewal",
            Self::Insurance => "insurance-renewal",
        }
    }
}

/// One item for the dashboard: the last day it is still in date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Due {
    pub last_valid_day: Date,
    pub item: DueItem,
}

/// What runs out on or before `today + days` (already overdue included),
/// soonest first: the 60-day dashboard asks with `days = 60`.
pub fn due_within(checks: &Checks, settings: &CheckSettings, today: Date, days: u32) -> Vec<Due> {
    let Ok(horizon) = today.add_days(i64::from(days)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(RightToWork {
        limit: RightToWorkLimit::Until(last),
        ..
    }) = &checks.right_to_work
    {
        out.push(Due {
            last_valid_day: *last,
            item: DueItem::RightToWorkFollowUp,
        });
    }
    if let Some(dbs) = &checks.dbs
        && let Some((item, due)) = dbs_due(dbs, settings)
        && let Ok(last) = due.add_days(-1)
    {
        out.push(Due {
            last_valid_day: last,
            item,
        });
    }
    // Only the latest expiry of each course matters.
    let mut latest: Vec<(Course, Date)> = Vec::new();
    for t in &checks.training {
        let Some(expires) = t.expires else { continue };
        match latest.iter_mut().find(|(c, _)| *c == t.course) {
            Some((_, d)) => *d = (*d).max(expires),
            None => latest.push((t.course, expires)),
        }
    }
    // A course with a non-expiring record never falls due.
    latest.retain(|(c, _)| {
        !checks
            .training
            .iter()
            .any(|t| t.course == *c && t.expires.is_none())
    });
    out.extend(latest.into_iter().map(|(c, d)| Due {
        last_valid_day: d,
        item: DueItem::Training(c),
    }));
    if let Some(el) = &checks.employers_liability {
        out.push(Due {
            last_valid_day: el.expires,
            item: DueItem::Insurance,
        });
    }
    out.retain(|d| d.last_valid_day <= horizon);
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::d;

    fn name(s: &str) -> PersonName {
        PersonName::parse(s).unwrap()
    }

    fn all_in_date() -> Checks {
        Checks {
            right_to_work: Some(RightToWork {
                method: RightToWorkMethod::HomeOfficeOnline,
                checked_on: d(2026, 4, 1),
                checked_by: name("Siân Evans"),
                limit: RightToWorkLimit::Unlimited,
            }),
            dbs: Some(Dbs {
                certificate: DbsCertificateNumber::parse("0012 3456 7890").unwrap(),
                issued: d(2025, 6, 1),
                adults_barred_list: true,
                update_service: None,
            }),
            references: vec![
                Reference {
                    from: name("A"),
                    received: d(2026, 4, 2),
                    satisfactory: true,
                },
                Reference {
                    from: name("B"),
                    received: d(2026, 4, 3),
                    satisfactory: true,
                },
            ],
            training: [
                Course::MovingAndHandling,
                Course::FirstAid,
                Course::Safeguarding,
            ]
            .into_iter()
            .map(|course| Training {
                course,
                completed: d(2026, 1, 10),
                expires: Some(d(2027, 1, 9)),
            })
            .collect(),
            statement_signed: Some(d(2026, 4, 20)),
            employers_liability: Some(EmployersLiability {
                insurer: Text::parse("PA Insurers Ltd").unwrap(),
                policy: Text::parse("EL-1").unwrap(),
                cover: 1_000_000_000,
                starts: d(2026, 1, 1),
                expires: d(2026, 12, 31),
            }),
        }
    }

    fn dbs_issued_1_may_2023() -> Checks {
        let mut checks = all_in_date();
        if let Some(dbs) = &mut checks.dbs {
            dbs.issued = d(2023, 5, 1);
        }
        checks
    }

    fn fit(checks: &Checks, on: Date) -> Result<(), Vec<Missing>> {
        fit_for_shift(checks, &CheckSettings::default(), on, Needs::default())
    }

    #[test]
    fn all_in_date_is_fit() {
        assert_eq!(fit(&all_in_date(), d(2026, 4, 30)), Ok(()));
    }

    #[test]
    fn nothing_on_file_lists_everything() {
        let missing = fit_for_shift(
            &Checks::default(),
            &CheckSettings::default(),
            d(2026, 5, 1),
            Needs { medication: true },
        )
        .unwrap_err();
        let codes: Vec<_> = missing.iter().map(|m| m.code()).collect();
        assert_eq!(
            codes,
            vec![
                "right-to-work-missing",
                "dbs-missing",
                "references-missing",
                "training-missing",
                "training-missing",
                "training-missing",
                "training-missing",
                "written-statement-missing",
                "insurance-missing",
            ]
        );
    }

    #[test]
    fn an_expired_dbs_refuses_from_its_due_day() {
        // Issued 1 May 2023, re-check every 3 years: 30 April 2026 is the
        // last valid day.
        let checks = dbs_issued_1_may_2023();
        assert_eq!(fit(&checks, d(2026, 4, 30)), Ok(()));
        assert_eq!(
            fit(&checks, d(2026, 5, 1)),
            Err(vec![Missing::DbsRecheckDue(d(2026, 5, 1))])
        );
    }

    #[test]
    fn the_update_service_replaces_renewal_with_status_checks() {
        let mut checks = all_in_date();
        if let Some(dbs) = &mut checks.dbs {
            dbs.issued = d(2019, 1, 1);
            dbs.update_service = Some(UpdateService {
                last_status_check: d(2026, 3, 1),
                outcome: StatusOutcome::NoNewInformation,
            });
        }
        // Seven years old, yet in date: a status check was made this year.
        assert_eq!(fit(&checks, d(2026, 5, 1)), Ok(()));
        // Status checks every 6 months: 31 August is the last valid day.
        let six = CheckSettings {
            status_check_months: 6,
            ..CheckSettings::default()
        };
        let fit6 = |c: &Checks, on| fit_for_shift(c, &six, on, Needs::default());
        assert_eq!(fit6(&checks, d(2026, 8, 31)), Ok(()));
        assert_eq!(
            fit6(&checks, d(2026, 9, 1)),
            Err(vec![Missing::DbsStatusCheckDue(d(2026, 9, 1))])
        );
        if let Some(dbs) = &mut checks.dbs {
            dbs.update_service = Some(UpdateService {
                last_status_check: d(2026, 3, 1),
                outcome: StatusOutcome::NewInformation,
            });
            dbs.adults_barred_list = false;
        }
        assert_eq!(
            fit(&checks, d(2026, 5, 1)),
            Err(vec![
                Missing::DbsWithoutAdultsBarredList,
                Missing::DbsNewInformation
            ])
        );
    }

    #[test]
    fn expiry_boundaries_are_the_last_valid_day() {
        let mut checks = all_in_date();
        // Training expires 9 January 2027; insurance 31 December 2026.
        assert!(fit(&checks, d(2026, 12, 31)).is_ok());
        assert_eq!(
            fit(&checks, d(2027, 1, 1)),
            Err(vec![Missing::InsuranceExpired(d(2026, 12, 31))])
        );
        if let Some(el) = &mut checks.employers_liability {
            el.expires = d(2027, 12, 31);
            el.cover = LEGAL_MINIMUM_COVER - 1;
        }
        if let Some(dbs) = &mut checks.dbs {
            dbs.issued = d(2026, 1, 1);
        }
        assert_eq!(
            fit(&checks, d(2027, 1, 10)),
            Err(vec![
                Missing::TrainingExpired(Course::MovingAndHandling, d(2027, 1, 9)),
                Missing::TrainingExpired(Course::FirstAid, d(2027, 1, 9)),
                Missing::TrainingExpired(Course::Safeguarding, d(2027, 1, 9)),
                Missing::InsuranceCoverTooLow {
                    cover: LEGAL_MINIMUM_COVER - 1,
                    minimum: LEGAL_MINIMUM_COVER
                },
            ])
        );
    }

    #[test]
    fn time_limited_right_to_work_and_medication() {
        let mut checks = all_in_date();
        if let Some(rtw) = &mut checks.right_to_work {
            rtw.limit = RightToWorkLimit::from_positive_verification_notice(d(2026, 4, 1)).unwrap();
        }
        // A PVN of 1 April 2026 covers to 30 September 2026.
        assert!(fit(&checks, d(2026, 9, 30)).is_ok());
        assert_eq!(
            fit(&checks, d(2026, 10, 1)),
            Err(vec![Missing::RightToWorkEnded(d(2026, 9, 30))])
        );
        let with_medication = fit_for_shift(
            &checks,
            &CheckSettings::default(),
            d(2026, 5, 1),
            Needs { medication: true },
        );
        assert_eq!(
            with_medication,
            Err(vec![Missing::Training(Course::Medication)])
        );
        // A check made after the shift does not cover it.
        assert!(fit(&checks, d(2026, 3, 31)).is_err());
    }

    #[test]
    fn the_dashboard_lists_what_falls_due_soonest_first() {
        let checks = dbs_issued_1_may_2023();
        let settings = CheckSettings::default();
        let due = due_within(&checks, &settings, d(2026, 3, 15), 60);
        assert_eq!(
            due,
            vec![Due {
                last_valid_day: d(2026, 4, 30),
                item: DueItem::DbsRecheck
            }]
        );
        // The boundary is inclusive: 60 days from 1 March is 30 April.
        assert_eq!(due_within(&checks, &settings, d(2026, 2, 28), 60), vec![]);
        assert_eq!(due_within(&checks, &settings, d(2026, 3, 1), 60).len(), 1);
        let later = due_within(&checks, &settings, d(2026, 11, 15), 60);
        let items: Vec<_> = later.iter().map(|d| d.item).collect();
        assert_eq!(
            items,
            vec![
                DueItem::DbsRecheck,
                DueItem::Insurance,
                DueItem::Training(Course::MovingAndHandling),
                DueItem::Training(Course::FirstAid),
                DueItem::Training(Course::Safeguarding),
            ]
        );
    }

    #[test]
    fn dbs_numbers() {
        assert_eq!(
            DbsCertificateNumber::parse("001234567890")
                .unwrap()
                .as_str(),
            "001234567890"
        );
        assert!(DbsCertificateNumber::parse("00123456789").is_err());
        assert!(DbsCertificateNumber::parse("00123456789a").is_err());
    }
}
