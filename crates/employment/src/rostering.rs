//! Whether a PA may be put on one shift: every rule at once, so that the
//! coordinator reads the whole reason in one refusal and the rota's
//! explanations say the same.
//!
//! The rules, from domain §8:
//! - the PA is employed on the shift's day and works with everyone the
//!   shift supports;
//! - rule 10: a relative in the same household only with the council's
//!   recorded authorisation;
//! - rule 12: every check before work in date on the shift's day
//!   ([`crate::checks::fit_for_shift`]);
//! - rule 13: every hourly rate at least the legal minimum for the PA's age
//!   on the shift's day; below the Real Living Wage only warns;
//! - rule 14: the Working Time Regulations over the PA's shifts with this
//!   one added. A breach this shift would cause refuses it; one already in
//!   the PA's other shifts is not this shift's fault and is left to the
//!   rota's own report. A break shorter than the law asks only warns: the
//!   break is planned on the day and recorded on the timesheet.

use cylch_payroll::Date;
use jiff::tz::TimeZone;

use crate::checks::{CheckSettings, Checks, Missing, Needs, fit_for_shift};
use crate::employment::{Employment, Household, RateKind};
use crate::pay_rate::{PayRateError, RateCheck, RealLivingWage, check_rates};
use crate::working_time::{self, Breach, Limits, Shift, Worker, WorkingTimeError};

/// The kinds of shift, which decide the rate and how the time counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ShiftKind {
    Day,
    Night,
    /// Asleep at the workplace, on call: paid a flat sum for the night, and
    /// not counted for the minimum wage while asleep.
    SleepIn,
    /// Awake all night: working time like any other.
    WakingNight,
}

impl ShiftKind {
    pub const ALL: [ShiftKind; 4] = [
        ShiftKind::Day,
        ShiftKind::Night,
        ShiftKind::SleepIn,
        ShiftKind::WakingNight,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ShiftKind::Day => "day",
            ShiftKind::Night => "night",
            ShiftKind::SleepIn => "sleep_in",
            ShiftKind::WakingNight => "waking_night",
        }
    }

    pub fn parse(code: &str) -> Option<ShiftKind> {
        ShiftKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One reason a PA may not work a shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unfit {
    /// Their employment starts after the shift's day.
    NotStarted(Date),
    /// Their employment ended on this day, before the shift.
    Ended(Date),
    /// They do not work with this supported person (named by id).
    NotTheirPa(String),
    /// Rule 10.
    NeedsCouncilAuthorisation,
    /// Rule 12.
    Check(Missing),
    /// Rule 13.
    Rate(RateKind, PayRateError),
    /// Rule 14: a breach this shift would cause.
    WorkingTime(Breach),
}

impl Unfit {
    pub fn code(&self) -> &'static str {
        match self {
            Unfit::NotStarted(_) => "not-started",
            Unfit::Ended(_) => "ended",
            Unfit::NotTheirPa(_) => "not-their-pa",
            Unfit::NeedsCouncilAuthorisation => "needs-council-authorisation",
            Unfit::Check(m) => m.code(),
            Unfit::Rate(_, e) => e.code(),
            Unfit::WorkingTime(b) => b.code(),
        }
    }
}

/// Something worth knowing that does not stop the PA working the shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caution {
    BelowRealLivingWage {
        kind: RateKind,
        rate: i64,
        real_living_wage: i64,
    },
    /// The shift is long enough to need a break of `needed` minutes.
    Break { needed: i64, planned: i64 },
}

/// The verdict on one PA for one shift.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    pub unfit: Vec<Unfit>,
    pub cautions: Vec<Caution>,
}

impl Assessment {
    pub fn fit(&self) -> bool {
        self.unfit.is_empty()
    }
}

/// Everything known about the PA that the rules read.
pub struct Candidate<'a> {
    pub employment: &'a Employment,
    pub checks: &'a Checks,
    pub settings: &'a CheckSettings,
    pub needs: Needs,
    /// The supported people the PA works with, by id.
    pub works_with: &'a [String],
    /// The PA's other shifts near this one (the 17-week reference period
    /// before it and the fortnight after), in any order.
    pub other_shifts: &'a [Shift],
    /// A signed opt-out of the 48-hour average is on file.
    pub opted_out: bool,
    pub limits: &'a Limits,
    pub real_living_wage: Option<&'a RealLivingWage>,
}

/// The shift being filled: its instants, its kind, the people it supports
/// and the day it counts on (the local day it starts).
pub struct Opening<'a> {
    pub shift: Shift,
    pub kind: ShiftKind,
    pub people: &'a [String],
    pub day: Date,
}

/// Whether `candidate` may work `opening`: every reason at once.
pub fn assess(
    candidate: &Candidate<'_>,
    opening: &Opening<'_>,
    tz: &TimeZone,
) -> Result<Assessment, WorkingTimeError> {
    let e = candidate.employment;
    let day = opening.day;
    let mut out = Assessment::default();
    if day < e.start {
        out.unfit.push(Unfit::NotStarted(e.start));
    }
    if let Some(ending) = e.ending
        && ending.last_day < day
    {
        out.unfit.push(Unfit::Ended(ending.last_day));
    }
    for person in opening.people {
        if !candidate.works_with.contains(person) {
            out.unfit.push(Unfit::NotTheirPa(person.clone()));
        }
    }
    if let Household::RelativeInSameHousehold {
        authorisation: None,
    } = e.household
    {
        out.unfit.push(Unfit::NeedsCouncilAuthorisation);
    }
    if let Err(missing) = fit_for_shift(candidate.checks, candidate.settings, day, candidate.needs)
    {
        out.unfit.extend(missing.into_iter().map(Unfit::Check));
    }
    let rates = check_rates(&e.rates, e.born, day, candidate.real_living_wage);
    out.unfit.extend(
        rates
            .refused
            .into_iter()
            .map(|(k, err)| Unfit::Rate(k, err)),
    );
    out.cautions.extend(
        rates
            .warnings
            .into_iter()
            .filter_map(|(kind, check)| match check {
                RateCheck::BelowRealLivingWage {
                    rate,
                    real_living_wage,
                } => Some(Caution::BelowRealLivingWage {
                    kind,
                    rate,
                    real_living_wage,
                }),
                RateCheck::Fine => None,
            }),
    );
    let (unfit, cautions) = working_time_verdict(candidate, opening, tz)?;
    out.unfit.extend(unfit);
    out.cautions.extend(cautions);
    Ok(out)
}

/// The breaches this shift adds to the PA's others. Breaches are compared
/// by what they say with shift indices left out, because adding a shift
/// moves no other shift's index but names the new one last.
fn working_time_verdict(
    candidate: &Candidate<'_>,
    opening: &Opening<'_>,
    tz: &TimeZone,
) -> Result<(Vec<Unfit>, Vec<Caution>), WorkingTimeError> {
    let e = candidate.employment;
    let worker = Worker {
        born: e.born,
        start: e.start,
        opted_out: candidate.opted_out,
    };
    let mut others = candidate.other_shifts.to_vec();
    others.sort_by_key(|s| (s.start(), s.end()));
    let before = working_time::check(&others, &worker, candidate.limits, tz)?;
    let mut with = others.clone();
    with.push(opening.shift);
    let new_index = with.len() - 1;
    let after = working_time::check(&with, &worker, candidate.limits, tz)?;
    let mut unfit = Vec::new();
    let mut cautions = Vec::new();
    for breach in after {
        match breach {
            Breach::Break {
                shift,
                needed,
                recorded,
            } if shift == new_index => cautions.push(Caution::Break {
                needed,
                planned: recorded,
            }),
            Breach::Break { .. } => {}
            Breach::Overlap { first, second } if first == new_index || second == new_index => {
                unfit.push(Unfit::WorkingTime(breach));
            }
            Breach::Overlap { .. } => {}
            Breach::DailyRest { shift, .. } if shift == new_index => {
                unfit.push(Unfit::WorkingTime(breach));
            }
            Breach::DailyRest { shift, .. } => {
                // Another shift's 24 hours now lack rest: new only if that
                // shift had enough before.
                let had = before
                    .iter()
                    .any(|b| matches!(b, Breach::DailyRest { shift: s, .. } if *s == shift));
                if !had {
                    unfit.push(Unfit::WorkingTime(breach));
                }
            }
            Breach::WeeklyRest { week, .. } => {
                if !before
                    .iter()
                    .any(|b| matches!(b, Breach::WeeklyRest { week: w, .. } if *w == week))
                {
                    unfit.push(Unfit::WorkingTime(breach));
                }
            }
            Breach::WeeklyAverage { week, .. } => {
                if !before
                    .iter()
                    .any(|b| matches!(b, Breach::WeeklyAverage { week: w, .. } if *w == week))
                {
                    unfit.push(Unfit::WorkingTime(breach));
                }
            }
            Breach::YoungDaily { day, .. } => {
                if !before
                    .iter()
                    .any(|b| matches!(b, Breach::YoungDaily { day: d, .. } if *d == day))
                {
                    unfit.push(Unfit::WorkingTime(breach));
                }
            }
            Breach::YoungWeekly { week, .. } => {
                if !before
                    .iter()
                    .any(|b| matches!(b, Breach::YoungWeekly { week: w, .. } if *w == week))
                {
                    unfit.push(Unfit::WorkingTime(breach));
                }
            }
        }
    }
    Ok((unfit, cautions))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::checks::{
        Course, Dbs, DbsCertificateNumber, EmployersLiability, Reference, RightToWork,
        RightToWorkLimit, RightToWorkMethod, Training,
    };
    use crate::employment::{
        CouncilAuthorisation, Engagement, Hours, PensionChoice, Rates, Starter, StarterDeclaration,
    };
    use crate::text::Text;
    use cylch_domain::PersonName;
    use cylch_payroll::Frequency;
    use cylch_payroll::holiday::HOUR;
    use jiff::civil::date;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn employment(born: Date) -> Employment {
        Employment {
            name: PersonName::parse("Megan Jones").unwrap(),
            born,
            ni_number: None,
            start: d(2026, 5, 1),
            continuous_from: None,
            job_title: Text::parse("Personal Assistant").unwrap(),
            place_of_work: Text::parse("Aberystwyth").unwrap(),
            engagement: Engagement::Employee,
            household: Household::Unrelated,
            hours: Hours::Fixed {
                weekly: 30 * HOUR,
                days_per_week: 4 * HOUR,
                part_year: false,
            },
            rates: Rates {
                day: 1_360,
                night: 1_400,
                weekend: 1_450,
                bank_holiday: 2_040,
                sleep_in_per_night: 9_000,
            },
            pay_frequency: Frequency::Monthly,
            starter: Starter::Declaration(StarterDeclaration::A),
            pension: PensionChoice::Assess,
            probation: None,
            fixed_term_end: None,
            notice_from_employer_weeks: 1,
            notice_from_worker_weeks: 1,
            ending: None,
        }
    }

    fn all_checks(dbs_issued: Date) -> Checks {
        Checks {
            right_to_work: Some(RightToWork {
                method: RightToWorkMethod::ManualDocument,
                checked_on: d(2026, 4, 1),
                checked_by: PersonName::parse("Cadeirydd").unwrap(),
                limit: RightToWorkLimit::Unlimited,
            }),
            dbs: Some(Dbs {
                certificate: DbsCertificateNumber::parse("001234567890").unwrap(),
                issued: dbs_issued,
                adults_barred_list: true,
                update_service: None,
            }),
            references: vec![
                Reference {
                    from: PersonName::parse("Ann").unwrap(),
                    received: d(2026, 4, 2),
                    satisfactory: true,
                },
                Reference {
                    from: PersonName::parse("Bob").unwrap(),
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
                expires: Some(d(2028, 1, 9)),
            })
            .collect(),
            statement_signed: Some(d(2026, 5, 1)),
            employers_liability: Some(EmployersLiability {
                insurer: Text::parse("PA Insurers").unwrap(),
                policy: Text::parse("EL-1").unwrap(),
                cover: 1_000_000_000,
                starts: d(2026, 1, 1),
                expires: d(2027, 12, 31),
            }),
        }
    }

    fn shift(y: i16, m: i8, day: i8, from: (i8, i8), to_next_day: bool, to: (i8, i8)) -> Shift {
        let tz = TimeZone::get("Europe/London").unwrap();
        let start = date(y, m, day).at(from.0, from.1, 0, 0);
        let end_day = if to_next_day {
            date(y, m, day).tomorrow().unwrap()
        } else {
            date(y, m, day)
        };
        Shift::local(&tz, start, end_day.at(to.0, to.1, 0, 0), 0).unwrap()
    }

    fn verdict(
        e: &Employment,
        checks: &Checks,
        others: &[Shift],
        new: Shift,
        day: Date,
    ) -> Assessment {
        let tz = TimeZone::get("Europe/London").unwrap();
        let people = vec!["sioned".to_owned()];
        assess(
            &Candidate {
                employment: e,
                checks,
                settings: &CheckSettings::default(),
                needs: Needs::default(),
                works_with: &people,
                other_shifts: others,
                opted_out: false,
                limits: &Limits::default(),
                real_living_wage: None,
            },
            &Opening {
                shift: new,
                kind: ShiftKind::Day,
                people: &people,
                day,
            },
            &tz,
        )
        .unwrap()
    }

    #[test]
    fn a_pa_with_everything_in_date_may_work() {
        let e = employment(d(1996, 3, 14));
        let a = verdict(
            &e,
            &all_checks(d(2026, 3, 1)),
            &[],
            shift(2026, 6, 1, (8, 0), false, (12, 0)),
            d(2026, 6, 1),
        );
        assert_eq!(a, Assessment::default());
    }

    #[test]
    fn an_expired_dbs_and_a_missing_statement_are_both_reasons() {
        let e = employment(d(1996, 3, 14));
        let mut checks = all_checks(d(2023, 5, 1));
        checks.statement_signed = None;
        let a = verdict(
            &e,
            &checks,
            &[],
            shift(2026, 6, 1, (8, 0), false, (12, 0)),
            d(2026, 6, 1),
        );
        assert_eq!(
            a.unfit,
            vec![
                Unfit::Check(Missing::DbsRecheckDue(d(2026, 5, 1))),
                Unfit::Check(Missing::WrittenStatement),
            ]
        );
    }

    #[test]
    fn a_relative_in_the_household_needs_the_councils_authorisation() {
        let mut e = employment(d(1996, 3, 14));
        e.household = Household::RelativeInSameHousehold {
            authorisation: None,
        };
        let checks = all_checks(d(2026, 3, 1));
        let new = shift(2026, 6, 1, (8, 0), false, (12, 0));
        let a = verdict(&e, &checks, &[], new, d(2026, 6, 1));
        assert_eq!(a.unfit, vec![Unfit::NeedsCouncilAuthorisation]);
        e.household = Household::RelativeInSameHousehold {
            authorisation: Some(CouncilAuthorisation {
                reference: Text::parse("DP/123").unwrap(),
                date: d(2026, 4, 1),
            }),
        };
        assert!(verdict(&e, &checks, &[], new, d(2026, 6, 1)).fit());
    }

    #[test]
    fn a_rate_lawful_the_day_before_a_21st_birthday_is_refused_the_day_after() {
        // Born 2 June 2005: 20 until 1 June 2026, 21 from 2 June. £10.85 is
        // the 18-20 rate from April 2026; the 21+ rate is £12.71.
        let mut e = employment(d(2005, 6, 2));
        e.rates = Rates {
            day: 1_085,
            night: 1_085,
            weekend: 1_085,
            bank_holiday: 1_085,
            sleep_in_per_night: 5_000,
        };
        let checks = all_checks(d(2026, 3, 1));
        let before = verdict(
            &e,
            &checks,
            &[],
            shift(2026, 6, 1, (8, 0), false, (12, 0)),
            d(2026, 6, 1),
        );
        assert!(before.fit(), "{before:?}");
        let after = verdict(
            &e,
            &checks,
            &[],
            shift(2026, 6, 2, (8, 0), false, (12, 0)),
            d(2026, 6, 2),
        );
        assert_eq!(after.unfit.len(), RateKind::ALL.len(), "{after:?}");
        assert!(after.unfit.iter().all(|u| u.code() == "rate-below-minimum"));
    }

    #[test]
    fn only_the_breaches_this_shift_causes_refuse_it() {
        let e = employment(d(1996, 3, 14));
        let checks = all_checks(d(2026, 3, 1));
        // A late shift ending at 23:00, then an early one at 07:00: 8 hours'
        // rest where 11 are needed.
        let late = shift(2026, 6, 1, (15, 0), false, (23, 0));
        let early = shift(2026, 6, 2, (7, 0), false, (11, 0));
        let a = verdict(&e, &checks, &[late], early, d(2026, 6, 2));
        assert_eq!(
            a.unfit.iter().map(Unfit::code).collect::<Vec<_>>(),
            vec!["daily-rest-too-short"]
        );
        // The same shift overlapping another is refused for the overlap.
        let overlapping = shift(2026, 6, 1, (22, 0), true, (2, 0));
        let b = verdict(&e, &checks, &[late], overlapping, d(2026, 6, 1));
        assert!(
            b.unfit.iter().any(|u| u.code() == "shifts-overlap"),
            "{b:?}"
        );
        // A long shift without a planned break only warns.
        let long = shift(2026, 6, 10, (8, 0), false, (16, 0));
        let c = verdict(&e, &checks, &[], long, d(2026, 6, 10));
        assert!(c.fit(), "{c:?}");
        assert_eq!(
            c.cautions,
            vec![Caution::Break {
                needed: 20,
                planned: 0
            }]
        );
    }

    #[test]
    fn a_shift_outside_the_employment_or_for_someone_else_is_refused() {
        let mut e = employment(d(1996, 3, 14));
        let checks = all_checks(d(2026, 3, 1));
        let tz = TimeZone::get("Europe/London").unwrap();
        let works_with = vec!["sioned".to_owned()];
        let people = vec!["tomos".to_owned()];
        e.ending = Some(crate::employment::Ending {
            last_day: d(2026, 5, 31),
            reason: crate::employment::EndReason::Resigned,
        });
        let a = assess(
            &Candidate {
                employment: &e,
                checks: &checks,
                settings: &CheckSettings::default(),
                needs: Needs::default(),
                works_with: &works_with,
                other_shifts: &[],
                opted_out: false,
                limits: &Limits::default(),
                real_living_wage: None,
            },
            &Opening {
                shift: shift(2026, 6, 1, (8, 0), false, (12, 0)),
                kind: ShiftKind::Day,
                people: &people,
                day: d(2026, 6, 1),
            },
            &tz,
        )
        .unwrap();
        assert_eq!(
            a.unfit,
            vec![
                Unfit::Ended(d(2026, 5, 31)),
                Unfit::NotTheirPa("tomos".to_owned())
            ]
        );
    }
}
