//! The employment record of a PA and the checks on a new one.
//!
//! The value types are already parsed (money in pence, dates, names);
//! [`validate`] checks what only the whole record can show (a date of birth
//! against the start date, a P45 against the start) and returns every
//! problem at its field at once, so that a form can show them all together
//! in its error summary rather than one per submission.

use cylch_domain::PersonName;
use cylch_payroll::holiday::{HOUR, Hours as HourCount};
use cylch_payroll::pension::{PostponementError, postpone};
use cylch_payroll::{Date, Frequency, Pence, TaxCode};

use crate::ni_number::NiNumber;
use crate::text::Text;

/// How many hours a PA is contracted for, which decides how their holiday
/// is worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hours {
    /// A fixed number of hours each week.
    Fixed {
        /// Ten-thousandths of an hour (37.5 hours = 375_000), as in payroll.
        weekly: HourCount,
        /// Ten-thousandths of a day (5 days = 50_000).
        days_per_week: i64,
        /// Contracted for only part of the year, with unpaid weeks off
        /// (term-time work): holiday accrues by hours worked, as for
        /// irregular hours (Working Time Regulations 1998 reg. 15B).
        part_year: bool,
    },
    /// Hours wholly or mostly variable, including zero hours.
    Irregular,
}

impl Hours {
    /// Whether holiday accrues at 12.07% of hours worked (irregular-hours
    /// and part-year workers) rather than as 5.6 weeks pro rata.
    pub fn accrues_holiday(self) -> bool {
        match self {
            Self::Fixed { part_year, .. } => part_year,
            Self::Irregular => true,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Fixed {
                part_year: false, ..
            } => "fixed",
            Self::Fixed {
                part_year: true, ..
            } => "fixed-part-year",
            Self::Irregular => "irregular",
        }
    }
}

/// The kinds of hourly rate a PA may be paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RateKind {
    Day,
    Night,
    Weekend,
    BankHoliday,
}

impl RateKind {
    pub const ALL: [RateKind; 4] = [Self::Day, Self::Night, Self::Weekend, Self::BankHoliday];

    pub fn code(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Night => "night",
            Self::Weekend => "weekend",
            Self::BankHoliday => "bank-holiday",
        }
    }
}

/// A PA's rates of pay: hourly rates in pence, and a flat sum for each
/// sleep-in night (the time asleep is not working time for the minimum
/// wage; see [`crate::pay_rate`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rates {
    pub day: Pence,
    pub night: Pence,
    pub weekend: Pence,
    pub bank_holiday: Pence,
    pub sleep_in_per_night: Pence,
}

impl Rates {
    /// The largest hourly rate or sleep-in sum accepted: £1,000 an hour
    /// or a night is a typing mistake, not a rate.
    pub const MAX: Pence = 100_000;

    pub fn hourly(&self, kind: RateKind) -> Pence {
        match kind {
            RateKind::Day => self.day,
            RateKind::Night => self.night,
            RateKind::Weekend => self.weekend,
            RateKind::BankHoliday => self.bank_holiday,
        }
    }
}

/// The new starter's declaration on HMRC's starter checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StarterDeclaration {
    /// A: this is my first job since 6 April, with no benefits or pensions.
    A,
    /// B: this is now my only job.
    B,
    /// C: I have another job or a pension.
    C,
}

impl StarterDeclaration {
    pub fn code(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
        }
    }
}

/// What a P45 from the previous employer carries over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct P45 {
    pub previous_pay_to_date: Pence,
    pub previous_tax_to_date: Pence,
    pub tax_code: TaxCode,
    pub leaving_date: Date,
}

/// How a new PA's tax starts: a P45, or the starter checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Starter {
    Declaration(StarterDeclaration),
    P45(P45),
}

/// The student loan a PA repays through payroll (HMRC's start notice, the
/// starter checklist or a P45 tells the employer), and whether they also
/// repay a postgraduate loan, which is deducted beside any plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StudentLoanPlan {
    Plan1,
    Plan2,
    Plan4,
    Plan5,
}

impl StudentLoanPlan {
    pub const ALL: [StudentLoanPlan; 4] = [Self::Plan1, Self::Plan2, Self::Plan4, Self::Plan5];

    pub fn code(self) -> &'static str {
        match self {
            Self::Plan1 => "plan_1",
            Self::Plan2 => "plan_2",
            Self::Plan4 => "plan_4",
            Self::Plan5 => "plan_5",
        }
    }

    pub fn parse(code: &str) -> Option<StudentLoanPlan> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// Why an employment ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EndReason {
    Resigned,
    Dismissed,
    Redundancy,
    FixedTermEnded,
    Retired,
    /// The supported person no longer needs the support (death, moving
    /// into residential care, the Direct Payment ending).
    SupportEnded,
    Died,
    Other,
}

impl EndReason {
    pub fn code(self) -> &'static str {
        match self {
            Self::Resigned => "resigned",
            Self::Dismissed => "dismissed",
            Self::Redundancy => "redundancy",
            Self::FixedTermEnded => "fixed-term-ended",
            Self::Retired => "retired",
            Self::SupportEnded => "support-ended",
            Self::Died => "died",
            Self::Other => "other",
        }
    }
}

/// The end of an employment: its last day and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ending {
    pub last_day: Date,
    pub reason: EndReason,
}

/// The PA's workplace pension position; payroll assesses each period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PensionChoice {
    /// Assess each pay period and enrol automatically when eligible.
    Assess,
    /// Asked to join (a non-eligible jobholder or an entitled worker).
    OptedIn { on: Date },
    /// Opted out after enrolment.
    OptedOut { on: Date },
    /// Automatic enrolment postponed (at most three months).
    Postponed { until: Date },
}

impl PensionChoice {
    pub fn code(self) -> &'static str {
        match self {
            Self::Assess => "assess",
            Self::OptedIn { .. } => "opted-in",
            Self::OptedOut { .. } => "opted-out",
            Self::Postponed { .. } => "postponed",
        }
    }
}

/// On what footing the person works (rule 3: PAs who give care are the
/// co-operative's employees).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Engagement {
    Employee,
    SelfEmployed,
    Agency,
}

/// The council's recorded authorisation to pay a relative living in the
/// same household (rule 10).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CouncilAuthorisation {
    pub date: Date,
    pub reference: Text,
}

/// Whether the PA is a relative living in the supported person's household.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Household {
    Unrelated,
    RelativeInSameHousehold {
        authorisation: Option<CouncilAuthorisation>,
    },
}

impl Household {
    /// Rule 10: a relative living in the supported person's household may
    /// be paid from a Direct Payment only once the council has authorised
    /// it; until then their time is held, not paid.
    pub fn payable(&self) -> bool {
        !matches!(
            self,
            Household::RelativeInSameHousehold {
                authorisation: None
            }
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probation {
    pub weeks: u32,
    pub conditions: Option<Text>,
}

/// A PA's employment with the co-operative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Employment {
    pub name: PersonName,
    pub born: Date,
    /// Not every new starter has one yet; payroll can start without it.
    pub ni_number: Option<NiNumber>,
    pub start: Date,
    /// When continuous employment began, if earlier work counts.
    pub continuous_from: Option<Date>,
    pub job_title: Text,
    pub place_of_work: Text,
    pub engagement: Engagement,
    pub household: Household,
    pub hours: Hours,
    pub rates: Rates,
    pub pay_frequency: Frequency,
    pub starter: Starter,
    pub pension: PensionChoice,
    pub probation: Option<Probation>,
    /// The last day of a fixed-term contract.
    pub fixed_term_end: Option<Date>,
    pub notice_from_employer_weeks: u32,
    pub notice_from_worker_weeks: u32,
    pub ending: Option<Ending>,
}

/// A field of the employment form; `code()` names it in the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Born,
    Start,
    ContinuousFrom,
    Household,
    WeeklyHours,
    DaysPerWeek,
    Rate(RateKind),
    SleepIn,
    P45PayToDate,
    P45TaxToDate,
    P45LeavingDate,
    Pension,
    Probation,
    FixedTermEnd,
    NoticeFromEmployer,
    NoticeFromWorker,
    LastDay,
}

impl Field {
    pub fn code(self) -> &'static str {
        match self {
            Self::Born => "born",
            Self::Start => "start",
            Self::ContinuousFrom => "continuous-from",
            Self::Household => "household",
            Self::WeeklyHours => "weekly-hours",
            Self::DaysPerWeek => "days-per-week",
            Self::Rate(RateKind::Day) => "rate-day",
            Self::Rate(RateKind::Night) => "rate-night",
            Self::Rate(RateKind::Weekend) => "rate-weekend",
            Self::Rate(RateKind::BankHoliday) => "rate-bank-holiday",
            Self::SleepIn => "sleep-in",
            Self::P45PayToDate => "p45-pay",
            Self::P45TaxToDate => "p45-tax",
            Self::P45LeavingDate => "p45-leaving-date",
            Self::Pension => "pension",
            Self::Probation => "probation",
            Self::FixedTermEnd => "fixed-term-end",
            Self::NoticeFromEmployer => "notice-employer",
            Self::NoticeFromWorker => "notice-worker",
            Self::LastDay => "last-day",
        }
    }
}

/// What is wrong with a field; `code()` is the message key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    /// A date after today where only the past makes sense.
    InFuture,
    /// A date too far from today to be real (before 1900, or a start more
    /// than a year ahead).
    Implausible,
    /// Still of compulsory school age on the first day of work.
    UnderSchoolLeavingAge,
    Negative,
    /// Zero where something is needed (no hours in a fixed week).
    Zero,
    TooLarge,
    /// Must be on or after the start of employment.
    BeforeStart,
    /// Must be before the start of employment.
    NotBeforeStart,
    /// More tax to date than pay to date on a P45.
    TaxAbovePay,
    /// Below the statutory minimum notice of one week.
    BelowStatutoryNotice,
    /// A relative in the same household without the council's recorded
    /// authorisation (rule 10).
    NeedsCouncilAuthorisation,
    /// The council's authorisation is dated after the start.
    AuthorisationAfterStart,
    /// Postponement of automatic enrolment beyond three months.
    PostponedTooLong,
}

impl Problem {
    pub fn code(self) -> &'static str {
        match self {
            Self::InFuture => "in-future",
            Self::Implausible => "implausible-date",
            Self::UnderSchoolLeavingAge => "under-school-leaving-age",
            Self::Negative => "negative",
            Self::Zero => "zero",
            Self::TooLarge => "too-large",
            Self::BeforeStart => "before-start",
            Self::NotBeforeStart => "not-before-start",
            Self::TaxAbovePay => "tax-above-pay",
            Self::BelowStatutoryNotice => "below-statutory-notice",
            Self::NeedsCouncilAuthorisation => "needs-council-authorisation",
            Self::AuthorisationAfterStart => "authorisation-after-start",
            Self::PostponedTooLong => "postponed-too-long",
        }
    }
}

/// One problem at one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldProblem {
    pub field: Field,
    pub problem: Problem,
}

/// Something worth a second look that does not stop the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Warning {
    /// Rule 3: care given by someone self-employed or from an agency.
    NotAnEmployee,
    /// Payroll can run, but HMRC needs the number when the PA has one.
    NoNiNumber,
}

impl Warning {
    pub fn code(self) -> &'static str {
        match self {
            Self::NotAnEmployee => "not-an-employee",
            Self::NoNiNumber => "no-ni-number",
        }
    }
}

/// The largest P45 figure accepted: £10m.
const MAX_P45: Pence = 1_000_000_000;
/// A week has 168 hours.
const MAX_WEEKLY_HOURS: HourCount = 168 * HOUR;
/// Probation beyond two years is not probation.
const MAX_PROBATION_WEEKS: u32 = 104;
/// Notice beyond a year is a typing mistake.
const MAX_NOTICE_WEEKS: u32 = 52;
/// A start more than this many days ahead is a typing mistake.
const MAX_DAYS_AHEAD: i64 = 366;

/// The last day on which someone born on `born` is of compulsory school
/// age in England and Wales: the last Friday in June of the school year
/// (1 September to 31 August) in which they turn 16 (Education (School
/// Leaving Date) Order 1997; HMRC's National Minimum Wage Manual
/// NMWM03070). Someone with a July or August birthday leaves at 15.
pub fn school_leaving_date(born: Date) -> Option<Date> {
    let sixteenth_year = born.year().checked_add(16)?;
    let leaving_year = if born.month() >= 9 {
        sixteenth_year.checked_add(1)?
    } else {
        sixteenth_year
    };
    let june_30 = Date::new(leaving_year, 6, 30).ok()?;
    // Friday is 4 counting from Monday as 0.
    let back = (i64::from(june_30.weekday_from_monday()) - 4).rem_euclid(7);
    june_30.add_days(-back).ok()
}

/// Whether someone born on `born` is over compulsory school age on `on`,
/// and so may work full time and is owed the minimum wage.
pub fn over_school_age(born: Date, on: Date) -> bool {
    school_leaving_date(born).is_some_and(|last| on > last)
}

/// Checks a whole employment record on `today`, returning every problem at
/// its field.
pub fn validate(e: &Employment, today: Date) -> Result<(), Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut add = |field, problem| problems.push(FieldProblem { field, problem });
    let earliest = Date::new(1900, 1, 1).ok();
    let latest_start = today.add_days(MAX_DAYS_AHEAD).ok();

    if e.born > today {
        add(Field::Born, Problem::InFuture);
    } else if earliest.is_some_and(|d| e.born < d) {
        add(Field::Born, Problem::Implausible);
    } else if !over_school_age(e.born, e.start) {
        add(Field::Born, Problem::UnderSchoolLeavingAge);
    }
    if latest_start.is_some_and(|d| e.start > d) || earliest.is_some_and(|d| e.start < d) {
        add(Field::Start, Problem::Implausible);
    }
    if e.continuous_from.is_some_and(|d| d > e.start) {
        add(Field::ContinuousFrom, Problem::BeforeStart);
    }

    if let Household::RelativeInSameHousehold { authorisation } = &e.household {
        match authorisation {
            None => add(Field::Household, Problem::NeedsCouncilAuthorisation),
            Some(a) if a.date > e.start => add(Field::Household, Problem::AuthorisationAfterStart),
            Some(_) => {}
        }
    }

    if let Hours::Fixed {
        weekly,
        days_per_week,
        ..
    } = e.hours
    {
        match weekly {
            ..0 => add(Field::WeeklyHours, Problem::Negative),
            0 => add(Field::WeeklyHours, Problem::Zero),
            w if w > MAX_WEEKLY_HOURS => add(Field::WeeklyHours, Problem::TooLarge),
            _ => {}
        }
        match days_per_week {
            ..0 => add(Field::DaysPerWeek, Problem::Negative),
            0 => add(Field::DaysPerWeek, Problem::Zero),
            d if d > 7 * HOUR => add(Field::DaysPerWeek, Problem::TooLarge),
            _ => {}
        }
    }

    for kind in RateKind::ALL {
        if let Some(p) = amount_problem(e.rates.hourly(kind), Rates::MAX) {
            add(Field::Rate(kind), p);
        }
    }
    if let Some(p) = amount_problem(e.rates.sleep_in_per_night, Rates::MAX) {
        add(Field::SleepIn, p);
    }

    if let Starter::P45(p45) = &e.starter {
        let pay = amount_problem(p45.previous_pay_to_date, MAX_P45);
        if let Some(p) = pay {
            add(Field::P45PayToDate, p);
        }
        // Tax to date may be negative after a refund; bounded both ways.
        if p45.previous_tax_to_date.unsigned_abs() > MAX_P45.unsigned_abs() {
            add(Field::P45TaxToDate, Problem::TooLarge);
        } else if pay.is_none() && p45.previous_tax_to_date > p45.previous_pay_to_date {
            add(Field::P45TaxToDate, Problem::TaxAbovePay);
        }
        if p45.leaving_date >= e.start {
            add(Field::P45LeavingDate, Problem::NotBeforeStart);
        }
    }

    match e.pension {
        PensionChoice::Assess => {}
        PensionChoice::OptedIn { on } | PensionChoice::OptedOut { on } => {
            if on < e.start {
                add(Field::Pension, Problem::BeforeStart);
            }
        }
        PensionChoice::Postponed { until } => match postpone(e.start, until) {
            Ok(_) => {}
            Err(PostponementError::BeforeStart { .. }) => add(Field::Pension, Problem::BeforeStart),
            Err(_) => add(Field::Pension, Problem::PostponedTooLong),
        },
    }

    if e.probation
        .as_ref()
        .is_some_and(|p| p.weeks > MAX_PROBATION_WEEKS)
    {
        add(Field::Probation, Problem::TooLarge);
    }
    if e.fixed_term_end.is_some_and(|d| d < e.start) {
        add(Field::FixedTermEnd, Problem::BeforeStart);
    }
    // Employment Rights Act 1996 s.86: at least one week's notice either
    // way once employed for a month; a contract may give more, not less.
    for (field, weeks) in [
        (Field::NoticeFromEmployer, e.notice_from_employer_weeks),
        (Field::NoticeFromWorker, e.notice_from_worker_weeks),
    ] {
        if weeks == 0 {
            add(field, Problem::BelowStatutoryNotice);
        } else if weeks > MAX_NOTICE_WEEKS {
            add(field, Problem::TooLarge);
        }
    }
    if let Some(ending) = e.ending
        && ending.last_day < e.start
    {
        add(Field::LastDay, Problem::BeforeStart);
    }

    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// What deserves a second look without stopping the record.
pub fn warnings(e: &Employment) -> Vec<Warning> {
    let mut out = Vec::new();
    if e.engagement != Engagement::Employee {
        out.push(Warning::NotAnEmployee);
    }
    if e.ni_number.is_none() {
        out.push(Warning::NoNiNumber);
    }
    out
}

fn amount_problem(amount: Pence, max: Pence) -> Option<Problem> {
    if amount < 0 {
        Some(Problem::Negative)
    } else if amount > max {
        Some(Problem::TooLarge)
    } else {
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    /// A valid record: Megan, 30, fixed 30 hours over 4 days, from 1 May 2026.
    pub(crate) fn megan() -> Employment {
        Employment {
            name: PersonName::parse("Megan Jones").unwrap(),
            born: d(1996, 3, 14),
            ni_number: Some(NiNumber::parse("AB123456C").unwrap()),
            start: d(2026, 5, 1),
            continuous_from: None,
            job_title: Text::parse("Personal Assistant").unwrap(),
            place_of_work: Text::parse("The supported person's home, Aberystwyth").unwrap(),
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
                sleep_in_per_night: 8_000,
            },
            pay_frequency: Frequency::Monthly,
            starter: Starter::Declaration(StarterDeclaration::B),
            pension: PensionChoice::Assess,
            probation: Some(Probation {
                weeks: 12,
                conditions: None,
            }),
            fixed_term_end: None,
            notice_from_employer_weeks: 1,
            notice_from_worker_weeks: 1,
            ending: None,
        }
    }

    fn today() -> Date {
        d(2026, 4, 20)
    }

    fn problems(e: &Employment) -> Vec<(&'static str, &'static str)> {
        match validate(e, today()) {
            Ok(()) => vec![],
            Err(ps) => ps
                .into_iter()
                .map(|p| (p.field.code(), p.problem.code()))
                .collect(),
        }
    }

    #[test]
    fn a_good_record_passes() {
        assert_eq!(problems(&megan()), vec![]);
        assert_eq!(warnings(&megan()), vec![]);
    }

    #[test]
    fn every_problem_is_returned_at_once() {
        let mut e = megan();
        e.born = d(2027, 1, 1);
        e.rates.day = -1;
        e.rates.sleep_in_per_night = Rates::MAX + 1;
        e.hours = Hours::Fixed {
            weekly: 0,
            days_per_week: 8 * HOUR,
            part_year: false,
        };
        e.notice_from_employer_weeks = 0;
        e.fixed_term_end = Some(d(2026, 4, 30));
        e.household = Household::RelativeInSameHousehold {
            authorisation: None,
        };
        assert_eq!(
            problems(&e),
            vec![
                ("born", "in-future"),
                ("household", "needs-council-authorisation"),
                ("weekly-hours", "zero"),
                ("days-per-week", "too-large"),
                ("rate-day", "negative"),
                ("sleep-in", "too-large"),
                ("fixed-term-end", "before-start"),
                ("notice-employer", "below-statutory-notice"),
            ]
        );
    }

    #[test]
    fn school_leaving_age_in_wales() {
        // NMWM03070: after the last Friday in June of the school year in
        // which the 16th birthday falls. 26 June 2026 is a Friday.
        assert_eq!(school_leaving_date(d(2010, 8, 31)), Some(d(2026, 6, 26)));
        assert_eq!(school_leaving_date(d(2010, 1, 15)), Some(d(2026, 6, 26)));
        // Born 1 September: the 16th birthday falls in the next school year.
        assert_eq!(school_leaving_date(d(2010, 9, 1)), Some(d(2027, 6, 25)));
        // A 15-year-old with an August birthday may start the next day.
        let mut e = megan();
        e.born = d(2010, 8, 31);
        e.start = d(2026, 6, 27);
        assert_eq!(problems(&e), vec![]);
        e.start = d(2026, 6, 26);
        assert_eq!(problems(&e), vec![("born", "under-school-leaving-age")]);
        // 16 is not enough on its own: turned 16 in May, still at school.
        e.born = d(2010, 5, 1);
        e.start = d(2026, 5, 2);
        assert_eq!(problems(&e), vec![("born", "under-school-leaving-age")]);
    }

    #[test]
    fn p45_and_pension_and_household() {
        let mut e = megan();
        e.starter = Starter::P45(P45 {
            previous_pay_to_date: 100_000,
            previous_tax_to_date: 100_001,
            tax_code: TaxCode::parse("C1257L").unwrap(),
            leaving_date: d(2026, 5, 1),
        });
        e.pension = PensionChoice::Postponed {
            until: d(2026, 8, 2),
        };
        e.household = Household::RelativeInSameHousehold {
            authorisation: Some(CouncilAuthorisation {
                date: d(2026, 5, 2),
                reference: Text::parse("DP/123").unwrap(),
            }),
        };
        assert_eq!(
            problems(&e),
            vec![
                ("household", "authorisation-after-start"),
                ("p45-tax", "tax-above-pay"),
                ("p45-leaving-date", "not-before-start"),
                ("pension", "postponed-too-long"),
            ]
        );
        e.pension = PensionChoice::Postponed {
            until: d(2026, 8, 1),
        };
        e.household = Household::RelativeInSameHousehold {
            authorisation: Some(CouncilAuthorisation {
                date: d(2026, 5, 1),
                reference: Text::parse("DP/123").unwrap(),
            }),
        };
        e.starter = Starter::P45(P45 {
            previous_pay_to_date: 100_000,
            previous_tax_to_date: -500,
            tax_code: TaxCode::parse("C1257L").unwrap(),
            leaving_date: d(2026, 4, 30),
        });
        assert_eq!(problems(&e), vec![]);
    }

    #[test]
    fn warns_about_agency_care_and_missing_ni() {
        let mut e = megan();
        e.engagement = Engagement::Agency;
        e.ni_number = None;
        assert_eq!(
            warnings(&e),
            vec![Warning::NotAnEmployee, Warning::NoNiNumber]
        );
    }
}
