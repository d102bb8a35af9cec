//! How the employment crate's values are written to columns and read back.
//! Enum codes in the database are snake_case, as in the rest of the schema;
//! a value the database holds that does not read back is `Corrupt`.

use cylch_domain::PersonName;
use cylch_employment::checks::{Course, RightToWorkMethod, StatusOutcome};
use cylch_employment::employment::{
    CouncilAuthorisation, EndReason, Ending, Engagement, Hours, Household, P45, PensionChoice,
    Probation, Rates, Starter, StarterDeclaration,
};
use cylch_employment::text::Text;
use cylch_employment::{Employment, NiNumber};
use cylch_payroll::{Date, Frequency, TaxCode};
use sqlx::Row;

use super::{PaDetails, Stored};
use crate::{AccountId, EmploymentId, StoreError};

pub(super) fn corrupt(what: &str, raw: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {raw:?}"))
}

pub(super) fn date(raw: &str) -> Result<Date, StoreError> {
    Date::parse(raw).map_err(|_| corrupt("date", raw))
}

pub(super) fn opt_date(raw: Option<String>) -> Result<Option<Date>, StoreError> {
    raw.as_deref().map(date).transpose()
}

pub(super) fn text(raw: &str) -> Result<Text, StoreError> {
    Text::parse(raw).map_err(|_| corrupt("text", raw))
}

/// The store's clock works in `jiff` dates, the employment rules in
/// payroll's; both are the proleptic Gregorian calendar.
pub(crate) fn from_jiff(d: jiff::civil::Date) -> Result<Date, StoreError> {
    Date::new(
        i32::from(d.year()),
        u32::try_from(d.month()).unwrap_or(0),
        u32::try_from(d.day()).unwrap_or(0),
    )
    .map_err(|_| corrupt("date", &d.to_string()))
}

/// The day in Wales of an instant stored in milliseconds.
pub(super) fn wales_day(ms: i64) -> Result<Date, StoreError> {
    let at =
        jiff::Timestamp::from_millisecond(ms).map_err(|_| corrupt("instant", &ms.to_string()))?;
    from_jiff(at.to_zoned_datetime(crate::clock::wales()).date())
}

pub(super) fn flag(raw: i64) -> bool {
    raw != 0
}

pub(super) fn frequency_code(f: Frequency) -> &'static str {
    match f {
        Frequency::Weekly => "weekly",
        Frequency::TwoWeekly => "two_weekly",
        Frequency::FourWeekly => "four_weekly",
        Frequency::Monthly => "monthly",
    }
}

fn engagement_code(e: Engagement) -> &'static str {
    match e {
        Engagement::Employee => "employee",
        Engagement::SelfEmployed => "self_employed",
        Engagement::Agency => "agency",
    }
}

fn engagement(raw: &str) -> Result<Engagement, StoreError> {
    match raw {
        "employee" => Ok(Engagement::Employee),
        "self_employed" => Ok(Engagement::SelfEmployed),
        "agency" => Ok(Engagement::Agency),
        _ => Err(corrupt("engagement", raw)),
    }
}

pub(super) const END_REASONS: [EndReason; 8] = [
    EndReason::Resigned,
    EndReason::Dismissed,
    EndReason::Redundancy,
    EndReason::FixedTermEnded,
    EndReason::Retired,
    EndReason::SupportEnded,
    EndReason::Died,
    EndReason::Other,
];

pub(super) fn end_reason_code(r: EndReason) -> &'static str {
    match r {
        EndReason::Resigned => "resigned",
        EndReason::Dismissed => "dismissed",
        EndReason::Redundancy => "redundancy",
        EndReason::FixedTermEnded => "fixed_term_ended",
        EndReason::Retired => "retired",
        EndReason::SupportEnded => "support_ended",
        EndReason::Died => "died",
        EndReason::Other => "other",
    }
}

fn end_reason(raw: &str) -> Result<EndReason, StoreError> {
    END_REASONS
        .into_iter()
        .find(|r| end_reason_code(*r) == raw)
        .ok_or_else(|| corrupt("end reason", raw))
}

fn pension_code(p: PensionChoice) -> (&'static str, Option<Date>) {
    match p {
        PensionChoice::Assess => ("assess", None),
        PensionChoice::OptedIn { on } => ("opted_in", Some(on)),
        PensionChoice::OptedOut { on } => ("opted_out", Some(on)),
        PensionChoice::Postponed { until } => ("postponed", Some(until)),
    }
}

fn pension(raw: &str, on: Option<Date>) -> Result<PensionChoice, StoreError> {
    let needs_date = || on.ok_or_else(|| corrupt("pension without its date", raw));
    match raw {
        "assess" => Ok(PensionChoice::Assess),
        "opted_in" => Ok(PensionChoice::OptedIn { on: needs_date()? }),
        "opted_out" => Ok(PensionChoice::OptedOut { on: needs_date()? }),
        "postponed" => Ok(PensionChoice::Postponed {
            until: needs_date()?,
        }),
        _ => Err(corrupt("pension", raw)),
    }
}

fn declaration(raw: &str) -> Result<StarterDeclaration, StoreError> {
    match raw {
        "A" => Ok(StarterDeclaration::A),
        "B" => Ok(StarterDeclaration::B),
        "C" => Ok(StarterDeclaration::C),
        _ => Err(corrupt("starter declaration", raw)),
    }
}

pub(super) fn tax_code(raw: &str) -> Result<TaxCode, StoreError> {
    TaxCode::parse(raw).map_err(|_| corrupt("tax code", raw))
}

pub(super) fn course_code(c: Course) -> &'static str {
    match c {
        Course::MovingAndHandling => "moving_and_handling",
        Course::FirstAid => "first_aid",
        Course::Safeguarding => "safeguarding",
        Course::Medication => "medication",
    }
}

pub(super) fn course(raw: &str) -> Result<Course, StoreError> {
    [
        Course::MovingAndHandling,
        Course::FirstAid,
        Course::Safeguarding,
        Course::Medication,
    ]
    .into_iter()
    .find(|c| course_code(*c) == raw)
    .ok_or_else(|| corrupt("course", raw))
}

pub(super) fn method_code(m: RightToWorkMethod) -> &'static str {
    match m {
        RightToWorkMethod::ManualDocument => "manual_document",
        RightToWorkMethod::HomeOfficeOnline => "home_office_online",
        RightToWorkMethod::IdentityServiceProvider => "identity_service_provider",
    }
}

pub(super) fn method(raw: &str) -> Result<RightToWorkMethod, StoreError> {
    match raw {
        "manual_document" => Ok(RightToWorkMethod::ManualDocument),
        "home_office_online" => Ok(RightToWorkMethod::HomeOfficeOnline),
        "identity_service_provider" => Ok(RightToWorkMethod::IdentityServiceProvider),
        _ => Err(corrupt("right to work method", raw)),
    }
}

pub(super) fn outcome_code(o: StatusOutcome) -> &'static str {
    match o {
        StatusOutcome::NoNewInformation => "no_new_information",
        StatusOutcome::NewInformation => "new_information",
    }
}

pub(super) fn outcome(raw: &str) -> Result<StatusOutcome, StoreError> {
    match raw {
        "no_new_information" => Ok(StatusOutcome::NoNewInformation),
        "new_information" => Ok(StatusOutcome::NewInformation),
        _ => Err(corrupt("status check outcome", raw)),
    }
}

/// One column's value, to bind.
pub(super) enum Val {
    Text(Option<String>),
    Int(Option<i64>),
}

fn t(s: impl Into<String>) -> Val {
    Val::Text(Some(s.into()))
}

fn ot<S: Into<String>>(s: Option<S>) -> Val {
    Val::Text(s.map(Into::into))
}

fn d(x: Date) -> Val {
    t(x.to_string())
}

fn od(x: Option<Date>) -> Val {
    ot(x.map(|d| d.to_string()))
}

fn i(x: i64) -> Val {
    Val::Int(Some(x))
}

fn oi(x: Option<i64>) -> Val {
    Val::Int(x)
}

/// The columns an employment is written to, in [`values`]'s order.
pub(super) const COLUMNS: [&str; 41] = [
    "account_id",
    "name",
    "born",
    "ni_number",
    "address",
    "job_title",
    "duties",
    "place_of_work",
    "engagement",
    "hours_kind",
    "weekly_hours",
    "days_per_week",
    "rate_day",
    "rate_night",
    "rate_weekend",
    "rate_bank_holiday",
    "sleep_in_per_night",
    "pay_frequency",
    "tax_code",
    "starter_declaration",
    "p45_pay_to_date",
    "p45_tax_to_date",
    "p45_tax_code",
    "p45_leaving_date",
    "pension",
    "pension_date",
    "probation_weeks",
    "probation_conditions",
    "fixed_term_end",
    "notice_employer_weeks",
    "notice_worker_weeks",
    "welsh_speaker",
    "starts_on",
    "continuous_from",
    "last_day",
    "end_reason",
    "relative_in_household",
    "council_authorisation_reference",
    "council_authorisation_date",
    "student_loan_plan",
    "postgraduate_loan",
];

pub(super) fn values(e: &Employment, p: &PaDetails) -> Vec<Val> {
    let (hours_kind, weekly, days) = match e.hours {
        Hours::Fixed {
            weekly,
            days_per_week,
            part_year,
        } => (
            if part_year {
                "fixed_part_year"
            } else {
                "fixed"
            },
            Some(weekly),
            Some(days_per_week),
        ),
        Hours::Irregular => ("irregular", None, None),
    };
    let (declaration, p45) = match e.starter {
        Starter::Declaration(dcl) => (Some(dcl.code()), None),
        Starter::P45(p45) => (None, Some(p45)),
    };
    let (pension, pension_date) = pension_code(e.pension);
    let (relative, authorisation) = match &e.household {
        Household::Unrelated => (false, None),
        Household::RelativeInSameHousehold { authorisation } => (true, authorisation.as_ref()),
    };
    vec![
        ot(p.account.as_ref().map(|a| a.as_str().to_owned())),
        t(e.name.as_str()),
        d(e.born),
        ot(e.ni_number.as_ref().map(|n| n.full().to_owned())),
        t(p.address.as_str()),
        t(e.job_title.as_str()),
        ot(p.duties.as_ref().map(|x| x.as_str().to_owned())),
        t(e.place_of_work.as_str()),
        t(engagement_code(e.engagement)),
        t(hours_kind),
        oi(weekly),
        oi(days),
        i(e.rates.day),
        i(e.rates.night),
        i(e.rates.weekend),
        i(e.rates.bank_holiday),
        i(e.rates.sleep_in_per_night),
        t(frequency_code(e.pay_frequency)),
        ot(p.tax_code.map(|c| c.to_string())),
        ot(declaration),
        oi(p45.map(|x| x.previous_pay_to_date)),
        oi(p45.map(|x| x.previous_tax_to_date)),
        ot(p45.map(|x| x.tax_code.to_string())),
        od(p45.map(|x| x.leaving_date)),
        t(pension),
        od(pension_date),
        oi(e.probation.as_ref().map(|x| i64::from(x.weeks))),
        ot(e.probation
            .as_ref()
            .and_then(|x| x.conditions.as_ref())
            .map(|c| c.as_str().to_owned())),
        od(e.fixed_term_end),
        i(i64::from(e.notice_from_employer_weeks)),
        i(i64::from(e.notice_from_worker_weeks)),
        i(i64::from(p.welsh_speaker)),
        d(e.start),
        od(e.continuous_from),
        od(e.ending.map(|x| x.last_day)),
        ot(e.ending.map(|x| end_reason_code(x.reason))),
        i(i64::from(relative)),
        ot(authorisation.map(|a| a.reference.as_str().to_owned())),
        od(authorisation.map(|a| a.date)),
        ot(p.student_loan.map(|l| l.code().to_owned())),
        i(i64::from(p.postgraduate_loan)),
    ]
}

pub(super) fn bind<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    values: Vec<Val>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    for v in values {
        q = match v {
            Val::Text(x) => q.bind(x),
            Val::Int(x) => q.bind(x),
        };
    }
    q
}

fn weeks(raw: i64, what: &str) -> Result<u32, StoreError> {
    u32::try_from(raw).map_err(|_| corrupt(what, &raw.to_string()))
}

/// An employment read back from its row, selected as [`COLUMNS`] names.
pub(super) fn from_row(row: &sqlx::any::AnyRow) -> Result<Stored, StoreError> {
    let s = |name: &str| row.try_get::<String, _>(name);
    let os = |name: &str| row.try_get::<Option<String>, _>(name);
    let n = |name: &str| row.try_get::<i64, _>(name);
    let on = |name: &str| row.try_get::<Option<i64>, _>(name);

    let name_raw = s("name")?;
    let name = PersonName::parse(&name_raw).map_err(|_| corrupt("name", &name_raw))?;
    let ni_number = os("ni_number")?
        .map(|raw| NiNumber::parse(&raw).map_err(|_| corrupt("NI number", "(hidden)")))
        .transpose()?;
    let hours_kind = s("hours_kind")?;
    let hours = match hours_kind.as_str() {
        "irregular" => Hours::Irregular,
        "fixed" | "fixed_part_year" => Hours::Fixed {
            weekly: on("weekly_hours")?.ok_or_else(|| corrupt("weekly hours", "NULL"))?,
            days_per_week: on("days_per_week")?.ok_or_else(|| corrupt("days per week", "NULL"))?,
            part_year: hours_kind == "fixed_part_year",
        },
        other => return Err(corrupt("hours kind", other)),
    };
    let starter = match os("starter_declaration")? {
        Some(dcl) => Starter::Declaration(declaration(&dcl)?),
        None => Starter::P45(P45 {
            previous_pay_to_date: on("p45_pay_to_date")?
                .ok_or_else(|| corrupt("P45 pay", "NULL"))?,
            previous_tax_to_date: on("p45_tax_to_date")?
                .ok_or_else(|| corrupt("P45 tax", "NULL"))?,
            tax_code: tax_code(
                &os("p45_tax_code")?.ok_or_else(|| corrupt("P45 tax code", "NULL"))?,
            )?,
            leaving_date: date(
                &os("p45_leaving_date")?.ok_or_else(|| corrupt("P45 leaving date", "NULL"))?,
            )?,
        }),
    };
    let probation = on("probation_weeks")?
        .map(|w| -> Result<Probation, StoreError> {
            Ok(Probation {
                weeks: weeks(w, "probation")?,
                conditions: os("probation_conditions")?
                    .as_deref()
                    .map(text)
                    .transpose()?,
            })
        })
        .transpose()?;
    let ending = match (os("last_day")?, os("end_reason")?) {
        (Some(day), Some(reason)) => Some(Ending {
            last_day: date(&day)?,
            reason: end_reason(&reason)?,
        }),
        (None, None) => None,
        _ => return Err(corrupt("ending", "half recorded")),
    };
    let household = if flag(n("relative_in_household")?) {
        let authorisation = match (
            os("council_authorisation_reference")?,
            os("council_authorisation_date")?,
        ) {
            (Some(reference), Some(on)) => Some(CouncilAuthorisation {
                date: date(&on)?,
                reference: text(&reference)?,
            }),
            _ => None,
        };
        Household::RelativeInSameHousehold { authorisation }
    } else {
        Household::Unrelated
    };
    let frequency_raw = s("pay_frequency")?;
    let employment = Employment {
        name,
        born: date(&s("born")?)?,
        ni_number,
        start: date(&s("starts_on")?)?,
        continuous_from: opt_date(os("continuous_from")?)?,
        job_title: text(&s("job_title")?)?,
        place_of_work: text(&s("place_of_work")?)?,
        engagement: engagement(&s("engagement")?)?,
        household,
        hours,
        rates: Rates {
            day: n("rate_day")?,
            night: n("rate_night")?,
            weekend: n("rate_weekend")?,
            bank_holiday: n("rate_bank_holiday")?,
            sleep_in_per_night: n("sleep_in_per_night")?,
        },
        pay_frequency: Frequency::parse(&frequency_raw)
            .map_err(|_| corrupt("pay frequency", &frequency_raw))?,
        starter,
        pension: pension(&s("pension")?, opt_date(os("pension_date")?)?)?,
        probation,
        fixed_term_end: opt_date(os("fixed_term_end")?)?,
        notice_from_employer_weeks: weeks(n("notice_employer_weeks")?, "notice")?,
        notice_from_worker_weeks: weeks(n("notice_worker_weeks")?, "notice")?,
        ending,
    };
    let details = PaDetails {
        account: os("account_id")?.map(AccountId::from_db),
        address: text(&s("address")?)?,
        duties: os("duties")?.as_deref().map(text).transpose()?,
        welsh_speaker: flag(n("welsh_speaker")?),
        tax_code: os("tax_code")?.as_deref().map(tax_code).transpose()?,
        student_loan: os("student_loan_plan")?
            .map(|raw| {
                cylch_employment::employment::StudentLoanPlan::parse(&raw)
                    .ok_or_else(|| corrupt("student loan plan", &raw))
            })
            .transpose()?,
        postgraduate_loan: flag(n("postgraduate_loan")?),
    };
    Ok(Stored {
        id: EmploymentId::from_db(s("id")?),
        employment,
        details,
    })
}
