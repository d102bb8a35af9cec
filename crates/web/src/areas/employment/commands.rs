//! The actions on employing PAs, shared by the pages and the API: hire a
//! PA, end an employment, record who they work with, record each check and
//! the co-operative's insurance, record the council's authorisation to pay
//! a relative, issue the written statement and acknowledge it.
//!
//! Every input is typed text, as a form or a JSON body brings it; every
//! problem is found at once and named at its field (as both fronts name
//! it), and nothing is saved while any remains.

use std::collections::BTreeSet;

use cylch_domain::{FieldError, Language, PersonName};
use cylch_employment::checks::{
    Course, Dbs, DbsCertificateNumber, EmployersLiability, LEGAL_MINIMUM_COVER, Reference,
    RightToWork, RightToWorkLimit, RightToWorkMethod, StatusOutcome, Training, UpdateService,
};
use cylch_employment::employment::{
    CouncilAuthorisation, EndReason, Ending, Engagement, Field, Hours, Household, P45,
    PensionChoice, Probation, Problem, RateKind, Rates, Starter, StarterDeclaration, validate,
};
use cylch_employment::particulars::{EmployerFacts, Statement, Value};
use cylch_employment::text::Text;
use cylch_employment::{Employment, NiNumber};
use cylch_payroll::money::parse_decimal;
use cylch_payroll::{Date, Frequency, Pence, TaxCode};
use cylch_store::employment::{
    EmploymentEntry, EmploymentError, EmploymentRecord, PaDetails, StatementVersion,
};
use cylch_store::{AccountId, CoopScope, EmploymentId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::error::ErrorKind;
use crate::common::fields::parse_date;
use crate::common::problems::Problems;
use crate::common::refusal::Explain;

pub(crate) use crate::common::refusal::Refused;

/// The fields this area names in its own words when they are left blank,
/// so that a summary of several blank fields never says the same thing
/// twice.
pub const NAMED_WHEN_BLANK: &[&str] = &[
    "name",
    "born",
    "address",
    "start",
    "job_title",
    "place_of_work",
    "weekly_hours",
    "days_per_week",
    "rate_day",
    "p45_pay",
    "p45_tax",
    "p45_tax_code",
    "p45_leaving_date",
    "pension_date",
    "notice_employer",
    "notice_worker",
    "authorisation_date",
    "authorisation_reference",
    "rtw_checked_on",
    "rtw_checked_by",
    "dbs_certificate",
    "dbs_issued",
    "dbs_status_checked_on",
    "referee",
    "reference_received",
    "training_completed",
    "insurer",
    "policy",
    "cover",
    "insurance_starts",
    "insurance_expires",
    "last_day",
    "employer_address",
    "person",
    "version",
];

/// The lists this area names in its own words when nothing on them is
/// chosen.
pub const NAMED_WHEN_UNCHOSEN: &[&str] = &[
    "account",
    "engagement",
    "household",
    "hours",
    "pay_frequency",
    "starter",
    "pension",
    "reason",
    "rtw_method",
    "dbs_status_outcome",
    "course",
    "statement_language",
];

/// Problems with what was typed, a blank field named in words of its own.
fn at_fields(errors: Problems) -> Refused {
    let mut named = Problems::default();
    for p in errors.list() {
        let words = |prefix: &str| format!("employment-{prefix}-{}", p.name.replace('_', "-"));
        let message =
            if p.message == FieldError::Missing.code() && NAMED_WHEN_BLANK.contains(&p.name) {
                words("enter")
            } else if p.message == FieldError::UnknownChoice.code()
                && NAMED_WHEN_UNCHOSEN.contains(&p.name)
            {
                words("choose")
            } else {
                p.message.clone()
            };
        named.add(p.name, message);
    }
    Refused::Fields(named)
}

/// The store's refusal as the fronts answer it: a problem at its field
/// when it is about one thing typed, else the refusal whole.
fn refused(state: &AppState, language: Language, err: EmploymentError) -> Refused {
    if let EmploymentError::Invalid(found) = err {
        let mut errors = Problems::default();
        for p in found {
            errors.add(field_name(p.field), problem_message(p.problem));
        }
        return Refused::Fields(errors);
    }
    match err.explain(state, language) {
        Ok(refusal) => match refusal.field {
            Some(field) if refusal.status.as_u16() == 422 => {
                let mut errors = Problems::default();
                errors.add(field, refusal.code);
                Refused::Fields(errors)
            }
            _ => Refused::Rule(refusal),
        },
        Err(failed) => Refused::Failed(failed),
    }
}

/// The name both fronts give the field the employment rules name.
pub fn field_name(field: Field) -> &'static str {
    match field {
        Field::Born => "born",
        Field::Start => "start",
        Field::ContinuousFrom => "continuous_from",
        Field::Household => "authorisation_date",
        Field::WeeklyHours => "weekly_hours",
        Field::DaysPerWeek => "days_per_week",
        Field::Rate(RateKind::Day) => "rate_day",
        Field::Rate(RateKind::Night) => "rate_night",
        Field::Rate(RateKind::Weekend) => "rate_weekend",
        Field::Rate(RateKind::BankHoliday) => "rate_bank_holiday",
        Field::SleepIn => "sleep_in",
        Field::P45PayToDate => "p45_pay",
        Field::P45TaxToDate => "p45_tax",
        Field::P45LeavingDate => "p45_leaving_date",
        Field::Pension => "pension_date",
        Field::Probation => "probation_weeks",
        Field::FixedTermEnd => "fixed_term_end",
        Field::NoticeFromEmployer => "notice_employer",
        Field::NoticeFromWorker => "notice_worker",
        Field::LastDay => "last_day",
    }
}

/// The message id for a problem the employment rules find.
pub fn problem_message(problem: Problem) -> &'static str {
    match problem {
        Problem::InFuture => "employment-problem-in-future",
        Problem::Implausible => "employment-problem-implausible-date",
        Problem::UnderSchoolLeavingAge => "employment-problem-under-school-leaving-age",
        Problem::Negative => "employment-problem-negative",
        Problem::Zero => "employment-problem-zero",
        Problem::TooLarge => "employment-problem-too-large",
        Problem::BeforeStart => "employment-problem-before-start",
        Problem::NotBeforeStart => "employment-problem-not-before-start",
        Problem::TaxAbovePay => "employment-problem-tax-above-pay",
        Problem::BelowStatutoryNotice => "employment-problem-below-statutory-notice",
        Problem::NeedsCouncilAuthorisation => "employment-problem-needs-council-authorisation",
        Problem::AuthorisationAfterStart => "employment-problem-authorisation-after-start",
        Problem::PostponedTooLong => "employment-problem-postponed-too-long",
    }
}

// ---- Field readers -------------------------------------------------------

/// A date as typed, as the employment rules count days.
pub fn day(raw: &str) -> Result<Date, FieldError> {
    let d = parse_date(raw)?;
    Date::new(
        i32::from(d.year()),
        u32::try_from(d.month()).unwrap_or(0),
        u32::try_from(d.day()).unwrap_or(0),
    )
    .map_err(|_| FieldError::DateFormat)
}

/// A date that may be left blank.
fn optional_day(raw: &str) -> Result<Option<Date>, FieldError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        day(raw).map(Some)
    }
}

/// Today in Wales, as the employment rules count days.
pub fn today(state: &AppState) -> Result<Date, AppError> {
    day(&state.clock().today_in_wales().to_string())
        .map_err(|_| AppError::Kind(ErrorKind::Internal))
}

/// A signed decimal (`12.60`, `-1`, `£1,200.50`) scaled by 10^`places`.
fn signed_decimal(raw: &str, places: u32) -> Option<i64> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '£' && *c != ' ')
        .collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    let value = parse_decimal(digits, places).ok()?;
    Some(if negative { -value } else { value })
}

/// An amount of money in pounds, as pence; negative amounts are read so
/// that the rules can say they are negative.
pub(crate) fn money(raw: &str) -> Result<Pence, &'static str> {
    if raw.trim().is_empty() {
        return Err(FieldError::Missing.code());
    }
    signed_decimal(raw, 2).ok_or("employment-error-amount")
}

/// A whole number of weeks.
fn weeks(raw: &str) -> Result<u32, &'static str> {
    if raw.trim().is_empty() {
        return Err(FieldError::Missing.code());
    }
    raw.trim().parse().map_err(|_| "employment-error-weeks")
}

/// Records a problem at `field` and returns the value.
fn take<T, E: Into<String>>(
    errors: &mut Problems,
    bad: &mut BTreeSet<&'static str>,
    field: &'static str,
    parsed: Result<T, E>,
) -> Option<T> {
    match parsed {
        Ok(v) => Some(v),
        Err(e) => {
            errors.add(field, e);
            bad.insert(field);
            None
        }
    }
}

fn field_code(e: FieldError) -> &'static str {
    e.code()
}

fn text_code(e: cylch_employment::text::TextError) -> &'static str {
    e.code()
}

/// Free text that may be left blank.
fn optional_text(raw: &str) -> Result<Option<Text>, &'static str> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        Text::parse(raw).map(Some).map_err(text_code)
    }
}

/// An account named by its id, or none when blank.
fn account(raw: &str) -> Result<Option<AccountId>, &'static str> {
    match raw.trim() {
        "" => Ok(None),
        raw => AccountId::parse(raw)
            .map(Some)
            .ok_or(FieldError::UnknownChoice.code()),
    }
}

fn employment_id(raw: &str) -> Result<EmploymentId, Refused> {
    EmploymentId::parse(raw).ok_or(Refused::Failed(AppError::NOT_FOUND))
}

// ---- Hiring ------------------------------------------------------------------

/// A PA to hire, as typed. Blank optional fields mean "none".
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct HireFields {
    pub name: String,
    /// The PA's own account, if they are a member and sign in.
    pub account: String,
    /// `YYYY-MM-DD`
    pub born: String,
    /// Blank when the PA has none yet.
    pub ni_number: String,
    pub address: String,
    /// `YYYY-MM-DD`
    pub start: String,
    /// `YYYY-MM-DD`, when earlier work counts towards continuous employment.
    pub continuous_from: String,
    pub job_title: String,
    pub duties: String,
    pub place_of_work: String,
    /// `employee` (the default), `self_employed` or `agency`
    pub engagement: String,
    /// `unrelated` (the default) or `relative`: a relative living in the
    /// supported person's household.
    pub household: String,
    /// The council's authorisation to pay a relative in the household.
    pub authorisation_date: String,
    pub authorisation_reference: String,
    /// `fixed`, `part_year` or `irregular`
    pub hours: String,
    /// Hours a week, for fixed hours (`37.5`).
    pub weekly_hours: String,
    /// Days a week, for fixed hours (`5`).
    pub days_per_week: String,
    /// Pounds an hour (`12.60`).
    pub rate_day: String,
    /// Pounds an hour; blank for the day rate.
    pub rate_night: String,
    pub rate_weekend: String,
    pub rate_bank_holiday: String,
    /// Pounds a sleep-in night; blank for none.
    pub sleep_in: String,
    /// `weekly`, `two_weekly`, `four_weekly` or `monthly`
    pub pay_frequency: String,
    /// The starter declaration `A`, `B` or `C`, or `p45`.
    pub starter: String,
    pub p45_pay: String,
    pub p45_tax: String,
    pub p45_tax_code: String,
    pub p45_leaving_date: String,
    /// The tax code payroll uses now, if known.
    pub tax_code: String,
    /// `plan_1`, `plan_2`, `plan_4` or `plan_5`; blank for none.
    pub student_loan: String,
    /// Whether a postgraduate loan is repaid too.
    pub postgraduate_loan: bool,
    /// `assess` (the default), `opted_in`, `opted_out` or `postponed`
    pub pension: String,
    /// The date of the pension choice (or the end of postponement).
    pub pension_date: String,
    /// Blank for no probation.
    pub probation_weeks: String,
    /// The last day of a fixed-term contract; blank for permanent.
    pub fixed_term_end: String,
    pub notice_employer: String,
    pub notice_worker: String,
}

/// Reads the hire form: the record and the store's details, or every
/// problem at its field.
pub fn read_hire(
    f: &HireFields,
    welsh_speaker: bool,
    today: Date,
) -> Result<(Employment, PaDetails), Problems> {
    let mut errors = Problems::default();
    let mut bad = BTreeSet::new();
    let e = &mut errors;
    let b = &mut bad;
    let name = take(e, b, "name", PersonName::parse(&f.name).map_err(field_code));
    let account = take(e, b, "account", account(&f.account));
    let born = take(e, b, "born", day(&f.born).map_err(field_code));
    let ni_number = take(
        e,
        b,
        "ni_number",
        match f.ni_number.trim() {
            "" => Ok(None),
            raw => NiNumber::parse(raw)
                .map(Some)
                .map_err(|err| format!("employment-{}", err.code())),
        },
    );
    let address = take(e, b, "address", Text::parse(&f.address).map_err(text_code));
    let start = take(e, b, "start", day(&f.start).map_err(field_code));
    let continuous_from = take(
        e,
        b,
        "continuous_from",
        optional_day(&f.continuous_from).map_err(field_code),
    );
    let job_title = take(
        e,
        b,
        "job_title",
        Text::parse(&f.job_title).map_err(text_code),
    );
    let duties = take(e, b, "duties", optional_text(&f.duties));
    let place_of_work = take(
        e,
        b,
        "place_of_work",
        Text::parse(&f.place_of_work).map_err(text_code),
    );
    let engagement = take(
        e,
        b,
        "engagement",
        match f.engagement.trim() {
            "" | "employee" => Ok(Engagement::Employee),
            "self_employed" => Ok(Engagement::SelfEmployed),
            "agency" => Ok(Engagement::Agency),
            _ => Err(FieldError::UnknownChoice.code()),
        },
    );
    let household = match f.household.trim() {
        "" | "unrelated" => Some(Household::Unrelated),
        "relative" => {
            let date = take(
                e,
                b,
                "authorisation_date",
                optional_day(&f.authorisation_date).map_err(field_code),
            );
            let reference = take(
                e,
                b,
                "authorisation_reference",
                optional_text(&f.authorisation_reference),
            );
            match (date, reference) {
                (Some(None), Some(None)) => Some(Household::RelativeInSameHousehold {
                    authorisation: None,
                }),
                (Some(Some(date)), Some(Some(reference))) => {
                    Some(Household::RelativeInSameHousehold {
                        authorisation: Some(CouncilAuthorisation { date, reference }),
                    })
                }
                (Some(Some(_)), Some(None)) => {
                    e.add("authorisation_reference", FieldError::Missing.code());
                    None
                }
                (Some(None), Some(Some(_))) => {
                    e.add("authorisation_date", FieldError::Missing.code());
                    None
                }
                _ => None,
            }
        }
        _ => take(
            e,
            b,
            "household",
            Err::<Household, _>(FieldError::UnknownChoice.code()),
        ),
    };
    let hours = match f.hours.trim() {
        "irregular" => Some(Hours::Irregular),
        kind @ ("fixed" | "part_year") => {
            let weekly = take(
                e,
                b,
                "weekly_hours",
                match f.weekly_hours.trim() {
                    "" => Err(FieldError::Missing.code()),
                    raw => signed_decimal(raw, 4).ok_or("employment-error-hours"),
                },
            );
            let days = take(
                e,
                b,
                "days_per_week",
                match f.days_per_week.trim() {
                    "" => Err(FieldError::Missing.code()),
                    raw => signed_decimal(raw, 4).ok_or("employment-error-days"),
                },
            );
            match (weekly, days) {
                (Some(weekly), Some(days_per_week)) => Some(Hours::Fixed {
                    weekly,
                    days_per_week,
                    part_year: kind == "part_year",
                }),
                _ => None,
            }
        }
        _ => take(
            e,
            b,
            "hours",
            Err::<Hours, _>(FieldError::UnknownChoice.code()),
        ),
    };
    let rate_day = take(e, b, "rate_day", money(&f.rate_day));
    let or_day = |raw: &str| -> Result<Pence, &'static str> {
        if raw.trim().is_empty() {
            Ok(rate_day.unwrap_or(0))
        } else {
            money(raw)
        }
    };
    let rate_night = take(e, b, "rate_night", or_day(&f.rate_night));
    let rate_weekend = take(e, b, "rate_weekend", or_day(&f.rate_weekend));
    let rate_bank_holiday = take(e, b, "rate_bank_holiday", or_day(&f.rate_bank_holiday));
    let sleep_in = take(
        e,
        b,
        "sleep_in",
        if f.sleep_in.trim().is_empty() {
            Ok(0)
        } else {
            money(&f.sleep_in)
        },
    );
    let pay_frequency = take(
        e,
        b,
        "pay_frequency",
        Frequency::parse(f.pay_frequency.trim()).map_err(|_| FieldError::UnknownChoice.code()),
    );
    let starter = match f.starter.trim() {
        "A" => Some(Starter::Declaration(StarterDeclaration::A)),
        "B" => Some(Starter::Declaration(StarterDeclaration::B)),
        "C" => Some(Starter::Declaration(StarterDeclaration::C)),
        "p45" => {
            let pay = take(e, b, "p45_pay", money(&f.p45_pay));
            let tax = take(e, b, "p45_tax", money(&f.p45_tax));
            let code = take(
                e,
                b,
                "p45_tax_code",
                TaxCode::parse(&f.p45_tax_code).map_err(|_| "employment-error-tax-code"),
            );
            let leaving = take(
                e,
                b,
                "p45_leaving_date",
                day(&f.p45_leaving_date).map_err(field_code),
            );
            match (pay, tax, code, leaving) {
                (Some(pay), Some(tax), Some(code), Some(leaving)) => Some(Starter::P45(P45 {
                    previous_pay_to_date: pay,
                    previous_tax_to_date: tax,
                    tax_code: code,
                    leaving_date: leaving,
                })),
                _ => None,
            }
        }
        _ => take(
            e,
            b,
            "starter",
            Err::<Starter, _>(FieldError::UnknownChoice.code()),
        ),
    };
    let tax_code = take(
        e,
        b,
        "tax_code",
        match f.tax_code.trim() {
            "" => Ok(None),
            raw => TaxCode::parse(raw)
                .map(Some)
                .map_err(|_| "employment-error-tax-code"),
        },
    );
    let student_loan = take(
        e,
        b,
        "student_loan",
        match f.student_loan.trim() {
            "" | "none" => Ok(None),
            raw => cylch_employment::employment::StudentLoanPlan::parse(raw)
                .map(Some)
                .ok_or(FieldError::UnknownChoice.code()),
        },
    );
    let pension = match f.pension.trim() {
        "" | "assess" => Some(PensionChoice::Assess),
        kind @ ("opted_in" | "opted_out" | "postponed") => take(
            e,
            b,
            "pension_date",
            day(&f.pension_date).map_err(field_code),
        )
        .map(|on| match kind {
            "opted_in" => PensionChoice::OptedIn { on },
            "opted_out" => PensionChoice::OptedOut { on },
            _ => PensionChoice::Postponed { until: on },
        }),
        _ => take(
            e,
            b,
            "pension",
            Err::<PensionChoice, _>(FieldError::UnknownChoice.code()),
        ),
    };
    let probation = take(
        e,
        b,
        "probation_weeks",
        match f.probation_weeks.trim() {
            "" | "0" => Ok(None),
            raw => weeks(raw).map(|weeks| {
                Some(Probation {
                    weeks,
                    conditions: None,
                })
            }),
        },
    );
    let fixed_term_end = take(
        e,
        b,
        "fixed_term_end",
        optional_day(&f.fixed_term_end).map_err(field_code),
    );
    let notice_employer = take(e, b, "notice_employer", weeks(&f.notice_employer));
    let notice_worker = take(e, b, "notice_worker", weeks(&f.notice_worker));

    // What only the whole record shows, for the fields that were read: the
    // dates of birth and start are needed to judge the rest.
    let (Some(born), Some(start)) = (born, start) else {
        return Err(errors);
    };
    let placeholder = (|| {
        Some(Employment {
            name: name.clone().or_else(|| PersonName::parse("PA").ok())?,
            born,
            ni_number: ni_number.clone().flatten(),
            start,
            continuous_from: continuous_from.flatten(),
            job_title: job_title.clone().or_else(|| Text::parse("PA").ok())?,
            place_of_work: place_of_work.clone().or_else(|| Text::parse("PA").ok())?,
            engagement: engagement.unwrap_or(Engagement::Employee),
            household: household.clone().unwrap_or(Household::Unrelated),
            hours: hours.unwrap_or(Hours::Irregular),
            rates: Rates {
                day: rate_day.unwrap_or(0),
                night: rate_night.unwrap_or(0),
                weekend: rate_weekend.unwrap_or(0),
                bank_holiday: rate_bank_holiday.unwrap_or(0),
                sleep_in_per_night: sleep_in.unwrap_or(0),
            },
            pay_frequency: pay_frequency.unwrap_or(Frequency::Monthly),
            starter: starter.unwrap_or(Starter::Declaration(StarterDeclaration::A)),
            pension: pension.unwrap_or(PensionChoice::Assess),
            probation: probation.clone().flatten(),
            fixed_term_end: fixed_term_end.flatten(),
            notice_from_employer_weeks: notice_employer.unwrap_or(1),
            notice_from_worker_weeks: notice_worker.unwrap_or(1),
            ending: None,
        })
    })();
    let Some(placeholder) = placeholder else {
        return Err(errors);
    };
    if let Err(found) = validate(&placeholder, today) {
        for p in found {
            // Recording a relative while the council decides is allowed;
            // paying them is not (rule 10).
            if p.field == Field::Household && p.problem == Problem::NeedsCouncilAuthorisation {
                continue;
            }
            let field = field_name(p.field);
            if !bad.contains(field) {
                errors.add(field, problem_message(p.problem));
            }
        }
    }
    // A rate below the legal minimum for the PA's age on their first day is
    // refused at its field; each shift is held to the minimum on its own
    // date, when birthdays and April's new rates come.
    let rates = cylch_employment::pay_rate::check_rates(
        &placeholder.rates,
        placeholder.born,
        placeholder.start,
        None,
    );
    for (kind, _) in rates.refused {
        let field = field_name(Field::Rate(kind));
        if !bad.contains(field) {
            errors.add(field, "employment-problem-below-minimum");
        }
    }
    let (
        Some(_),
        Some(account),
        Some(ni_number),
        Some(address),
        Some(_),
        Some(duties),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        Some(tax_code),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        Some(_),
        true,
    ) = (
        name,
        account,
        ni_number,
        address,
        continuous_from,
        duties,
        job_title,
        place_of_work,
        engagement,
        household,
        hours,
        rate_day,
        rate_night,
        rate_weekend,
        rate_bank_holiday,
        sleep_in,
        tax_code,
        pay_frequency,
        starter,
        pension,
        probation,
        fixed_term_end,
        notice_employer.zip(notice_worker),
        errors.is_empty(),
    )
    else {
        return Err(errors);
    };
    let Some(student_loan) = student_loan else {
        return Err(errors);
    };
    let employment = Employment {
        ni_number,
        ..placeholder
    };
    Ok((
        employment,
        PaDetails {
            account,
            address,
            duties,
            welsh_speaker,
            tax_code,
            student_loan,
            postgraduate_loan: f.postgraduate_loan,
        },
    ))
}

/// Pence as a form shows pounds (`12.60`).
fn pounds_field(pence: Pence) -> String {
    format!("{}.{:02}", pence / 100, pence.rem_euclid(100))
}

/// Ten-thousandths as a form shows them (`37.5`).
fn tenths_field(value: i64) -> String {
    let whole = value / 10_000;
    let fraction = value.rem_euclid(10_000);
    if fraction == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", format!("{fraction:04}").trim_end_matches('0'))
    }
}

impl HireFields {
    /// A record as the form shows it, for changing it: `read_hire` reads
    /// it back to the same record.
    pub fn of(record: &EmploymentRecord) -> HireFields {
        let e = &record.employment;
        let d = &record.details;
        let (hours, weekly_hours, days_per_week) = match e.hours {
            Hours::Fixed {
                weekly,
                days_per_week,
                part_year,
            } => (
                if part_year { "part_year" } else { "fixed" },
                tenths_field(weekly),
                tenths_field(days_per_week),
            ),
            Hours::Irregular => ("irregular", String::new(), String::new()),
        };
        let (household, authorisation_date, authorisation_reference) = match &e.household {
            Household::Unrelated => ("unrelated", String::new(), String::new()),
            Household::RelativeInSameHousehold { authorisation } => (
                "relative",
                authorisation
                    .as_ref()
                    .map(|a| a.date.to_string())
                    .unwrap_or_default(),
                authorisation
                    .as_ref()
                    .map(|a| a.reference.as_str().to_owned())
                    .unwrap_or_default(),
            ),
        };
        let (starter, p45_pay, p45_tax, p45_tax_code, p45_leaving_date) = match &e.starter {
            Starter::Declaration(d) => (
                d.code().to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
            Starter::P45(p) => (
                "p45".to_owned(),
                pounds_field(p.previous_pay_to_date),
                pounds_field(p.previous_tax_to_date),
                p.tax_code.to_string(),
                p.leaving_date.to_string(),
            ),
        };
        let (pension, pension_date) = match e.pension {
            PensionChoice::Assess => ("assess", String::new()),
            PensionChoice::OptedIn { on } => ("opted_in", on.to_string()),
            PensionChoice::OptedOut { on } => ("opted_out", on.to_string()),
            PensionChoice::Postponed { until } => ("postponed", until.to_string()),
        };
        HireFields {
            name: e.name.as_str().to_owned(),
            account: d
                .account
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            born: e.born.to_string(),
            ni_number: e
                .ni_number
                .as_ref()
                .map(|n| n.full().to_owned())
                .unwrap_or_default(),
            address: d.address.as_str().to_owned(),
            start: e.start.to_string(),
            continuous_from: e.continuous_from.map(|x| x.to_string()).unwrap_or_default(),
            job_title: e.job_title.as_str().to_owned(),
            duties: d
                .duties
                .as_ref()
                .map(|x| x.as_str().to_owned())
                .unwrap_or_default(),
            place_of_work: e.place_of_work.as_str().to_owned(),
            engagement: match e.engagement {
                Engagement::Employee => "employee",
                Engagement::SelfEmployed => "self_employed",
                Engagement::Agency => "agency",
            }
            .to_owned(),
            household: household.to_owned(),
            authorisation_date,
            authorisation_reference,
            hours: hours.to_owned(),
            weekly_hours,
            days_per_week,
            rate_day: pounds_field(e.rates.day),
            rate_night: pounds_field(e.rates.night),
            rate_weekend: pounds_field(e.rates.weekend),
            rate_bank_holiday: pounds_field(e.rates.bank_holiday),
            sleep_in: pounds_field(e.rates.sleep_in_per_night),
            pay_frequency: match e.pay_frequency {
                Frequency::Weekly => "weekly",
                Frequency::TwoWeekly => "two_weekly",
                Frequency::FourWeekly => "four_weekly",
                Frequency::Monthly => "monthly",
            }
            .to_owned(),
            starter,
            p45_pay,
            p45_tax,
            p45_tax_code,
            p45_leaving_date,
            tax_code: d.tax_code.map(|c| c.to_string()).unwrap_or_default(),
            student_loan: d
                .student_loan
                .map(|l| l.code().to_owned())
                .unwrap_or_default(),
            postgraduate_loan: d.postgraduate_loan,
            pension: pension.to_owned(),
            pension_date,
            probation_weeks: e
                .probation
                .as_ref()
                .map(|p| p.weeks.to_string())
                .unwrap_or_default(),
            fixed_term_end: e.fixed_term_end.map(|x| x.to_string()).unwrap_or_default(),
            notice_employer: e.notice_from_employer_weeks.to_string(),
            notice_worker: e.notice_from_worker_weeks.to_string(),
        }
    }
}

/// Changes a PA's record: read and checked as when hiring, its ending
/// kept as it was.
pub(crate) async fn update(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    fields: &HireFields,
    welsh_speaker: bool,
    language: Language,
) -> Result<(), Refused> {
    let id = employment_id(id)?;
    let (employment, details) =
        read_hire(fields, welsh_speaker, today(state)?).map_err(at_fields)?;
    state
        .store
        .update_employment(scope, &id, &employment, &details)
        .await
        .map_err(|err| refused(state, language, err))
}

/// Hires a PA: every problem with the record at its field, or the record
/// saved with its audit entry.
pub(crate) async fn hire(
    state: &AppState,
    scope: &CoopScope,
    fields: &HireFields,
    welsh_speaker: bool,
    language: Language,
) -> Result<EmploymentRecord, Refused> {
    let (employment, details) =
        read_hire(fields, welsh_speaker, today(state)?).map_err(at_fields)?;
    state
        .store
        .hire(scope, &employment, &details)
        .await
        .map_err(|err| refused(state, language, err))
}

// ---- Ending, people, authorisation ---------------------------------------

pub const END_REASONS: [EndReason; 8] = [
    EndReason::Resigned,
    EndReason::Dismissed,
    EndReason::Redundancy,
    EndReason::FixedTermEnded,
    EndReason::Retired,
    EndReason::SupportEnded,
    EndReason::Died,
    EndReason::Other,
];

/// The end of an employment, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct EndFields {
    /// `YYYY-MM-DD`
    pub last_day: String,
    /// `resigned`, `dismissed`, `redundancy`, `fixed-term-ended`,
    /// `retired`, `support-ended`, `died` or `other`
    pub reason: String,
}

pub(crate) async fn end_employment(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    f: &EndFields,
    language: Language,
) -> Result<(), Refused> {
    let id = employment_id(id)?;
    let mut errors = Problems::default();
    let last_day = errors.check("last_day", day(&f.last_day));
    let reason = END_REASONS
        .into_iter()
        .find(|r| r.code() == f.reason.trim());
    if reason.is_none() {
        errors.field("reason", FieldError::UnknownChoice);
    }
    let (Some(last_day), Some(reason)) = (last_day, reason) else {
        return Err(at_fields(errors));
    };
    state
        .store
        .end_employment(scope, &id, Ending { last_day, reason })
        .await
        .map_err(|err| refused(state, language, err))
}

/// A supported person a PA works with, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct LinkFields {
    /// The supported person's id.
    pub person: String,
    /// Whether their support includes medication.
    pub needs_medication: bool,
}

pub(crate) async fn link_person(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    f: &LinkFields,
    language: Language,
) -> Result<(), Refused> {
    let id = employment_id(id)?;
    if f.person.trim().is_empty() {
        let mut errors = Problems::default();
        errors.field("person", FieldError::Missing);
        return Err(at_fields(errors));
    }
    state
        .store
        .link_person(scope, &id, f.person.trim(), f.needs_medication)
        .await
        .map_err(|err| refused(state, language, err))
}

pub(crate) async fn unlink_person(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    person: &str,
    language: Language,
) -> Result<(), Refused> {
    let id = employment_id(id)?;
    if person.trim().is_empty() {
        let mut errors = Problems::default();
        errors.field("person", FieldError::Missing);
        return Err(at_fields(errors));
    }
    state
        .store
        .unlink_person(scope, &id, person.trim())
        .await
        .map_err(|err| refused(state, language, err))
}

/// The council's authorisation to pay a relative in the household.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct AuthorisationFields {
    /// `YYYY-MM-DD`, on or before the start of the employment.
    pub authorisation_date: String,
    pub authorisation_reference: String,
}

pub(crate) async fn record_authorisation(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    f: &AuthorisationFields,
    language: Language,
) -> Result<(), Refused> {
    let id = employment_id(id)?;
    let mut errors = Problems::default();
    let date = errors.check("authorisation_date", day(&f.authorisation_date));
    let reference = match Text::parse(&f.authorisation_reference) {
        Ok(t) => Some(t),
        Err(err) => {
            errors.add("authorisation_reference", err.code());
            None
        }
    };
    if let Some(date) = date
        && date > today(state)?
    {
        errors.add("authorisation_date", "employment-problem-in-future");
    }
    let (Some(date), Some(reference), true) = (date, reference, errors.is_empty()) else {
        return Err(at_fields(errors));
    };
    state
        .store
        .record_council_authorisation(scope, &id, CouncilAuthorisation { date, reference })
        .await
        .map_err(|err| refused(state, language, err))
}

// ---- Checks ------------------------------------------------------------------

/// A date on which something was done: not after today.
fn done_on(errors: &mut Problems, field: &'static str, raw: &str, today: Date) -> Option<Date> {
    let d = errors.check(field, day(raw))?;
    if d > today {
        errors.add(field, "employment-problem-in-future");
        return None;
    }
    Some(d)
}

/// An end date that may be blank, not before `from`.
fn ends_after(
    errors: &mut Problems,
    field: &'static str,
    raw: &str,
    from: Option<Date>,
) -> Option<Option<Date>> {
    let d = errors.check(field, optional_day(raw))?;
    if let (Some(d), Some(from)) = (d, from)
        && d < from
    {
        errors.add(field, "employment-problem-expiry-before-issue");
        return None;
    }
    Some(d)
}

pub const RTW_METHODS: [(&str, RightToWorkMethod); 3] = [
    ("manual_document", RightToWorkMethod::ManualDocument),
    ("home_office_online", RightToWorkMethod::HomeOfficeOnline),
    (
        "identity_service_provider",
        RightToWorkMethod::IdentityServiceProvider,
    ),
];

/// A right-to-work check, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct RightToWorkFields {
    /// `manual_document`, `home_office_online` or `identity_service_provider`
    pub rtw_method: String,
    /// `YYYY-MM-DD`
    pub rtw_checked_on: String,
    pub rtw_checked_by: String,
    /// The last day of time-limited permission; blank for a continuous right.
    pub rtw_valid_until: String,
}

pub(crate) async fn record_right_to_work(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    f: &RightToWorkFields,
    language: Language,
) -> Result<(), Refused> {
    let id = employment_id(id)?;
    let mut errors = Problems::default();
    let method = RTW_METHODS
        .iter()
        .find(|(code, _)| *code == f.rtw_method.trim())
        .map(|(_, m)| *m);
    if method.is_none() {
        errors.field("rtw_method", FieldError::UnknownChoice);
    }
    let checked_on = done_on(
        &mut errors,
        "rtw_checked_on",
        &f.rtw_checked_on,
        today(state)?,
    );
    let checked_by = errors.check("rtw_checked_by", PersonName::parse(&f.rtw_checked_by));
    let until = ends_after(
        &mut errors,
        "rtw_valid_until",
        &f.rtw_valid_until,
        checked_on,
    );
    let (Some(method), Some(checked_on), Some(checked_by), Some(until), true) =
        (method, checked_on, checked_by, until, errors.is_empty())
    else {
        return Err(at_fields(errors));
    };
    let check = RightToWork {
        method,
        checked_on,
        checked_by,
        limit: until.map_or(RightToWorkLimit::Unlimited, RightToWorkLimit::Until),
    };
    state
        .store
        .record_right_to_work(scope, &id, &check)
        .await
        .map_err(|err| refused(state, language, err))
}

/// An enhanced DBS certificate, or a new Update Service status check, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct DbsFields {
    /// Twelve digits.
    pub dbs_certificate: String,
    /// `YYYY-MM-DD`
    pub dbs_issued: String,
    /// Whether the adults' barred list was checked.
    pub dbs_barred_list: bool,
    /// The last Update Service status check, if on the Update Service.
    pub dbs_status_checked_on: String,
    /// `no_new_information` or `new_information`, with a status check.
    pub dbs_status_outcome: String,
}

pub(crate) async fn record_dbs(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    f: &DbsFields,
    language: Language,
) -> Result<(), Refused> {
    let id = employment_id(id)?;
    let mut errors = Problems::default();
    let certificate = match DbsCertificateNumber::parse(&f.dbs_certificate) {
        Ok(c) => Some(c),
        Err(_) if f.dbs_certificate.trim().is_empty() => {
            errors.field("dbs_certificate", FieldError::Missing);
            None
        }
        Err(_) => {
            errors.add("dbs_certificate", "employment-error-dbs-certificate");
            None
        }
    };
    let today = today(state)?;
    let issued = done_on(&mut errors, "dbs_issued", &f.dbs_issued, today);
    let status = match f.dbs_status_checked_on.trim() {
        "" => Some(None),
        raw => {
            let on = done_on(&mut errors, "dbs_status_checked_on", raw, today);
            if let (Some(on), Some(issued)) = (on, issued)
                && on < issued
            {
                errors.add(
                    "dbs_status_checked_on",
                    "employment-problem-expiry-before-issue",
                );
            }
            let outcome = match f.dbs_status_outcome.trim() {
                "no_new_information" | "" => Some(StatusOutcome::NoNewInformation),
                "new_information" => Some(StatusOutcome::NewInformation),
                _ => {
                    errors.field("dbs_status_outcome", FieldError::UnknownChoice);
                    None
                }
            };
            on.zip(outcome).map(|(last_status_check, outcome)| {
                Some(UpdateService {
                    last_status_check,
                    outcome,
                })
            })
        }
    };
    let (Some(certificate), Some(issued), Some(update_service), true) =
        (certificate, issued, status, errors.is_empty())
    else {
        return Err(at_fields(errors));
    };
    let dbs = Dbs {
        certificate,
        issued,
        adults_barred_list: f.dbs_barred_list,
        update_service,
    };
    state
        .store
        .record_dbs(scope, &id, &dbs)
        .await
        .map_err(|err| refused(state, language, err))
}

/// A reference received, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ReferenceFields {
    pub referee: String,
    /// `YYYY-MM-DD`
    pub reference_received: String,
    pub reference_satisfactory: bool,
}

pub(crate) async fn record_reference(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    f: &ReferenceFields,
    language: Language,
) -> Result<(), Refused> {
    let id = employment_id(id)?;
    let mut errors = Problems::default();
    let from = errors.check("referee", PersonName::parse(&f.referee));
    let received = done_on(
        &mut errors,
        "reference_received",
        &f.reference_received,
        today(state)?,
    );
    let (Some(from), Some(received), true) = (from, received, errors.is_empty()) else {
        return Err(at_fields(errors));
    };
    let reference = Reference {
        from,
        received,
        satisfactory: f.reference_satisfactory,
    };
    state
        .store
        .record_reference(scope, &id, &reference)
        .await
        .map_err(|err| refused(state, language, err))
}

pub const COURSES: [Course; 4] = [
    Course::MovingAndHandling,
    Course::FirstAid,
    Course::Safeguarding,
    Course::Medication,
];

/// Training completed, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct TrainingFields {
    /// `moving-and-handling`, `first-aid`, `safeguarding` or `medication`
    pub course: String,
    /// `YYYY-MM-DD`
    pub training_completed: String,
    /// The last day it counts; blank if it does not expire.
    pub training_expires: String,
}

pub(crate) async fn record_training(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    f: &TrainingFields,
    language: Language,
) -> Result<(), Refused> {
    let id = employment_id(id)?;
    let mut errors = Problems::default();
    let course = COURSES.into_iter().find(|c| c.code() == f.course.trim());
    if course.is_none() {
        errors.field("course", FieldError::UnknownChoice);
    }
    let completed = done_on(
        &mut errors,
        "training_completed",
        &f.training_completed,
        today(state)?,
    );
    let expires = ends_after(
        &mut errors,
        "training_expires",
        &f.training_expires,
        completed,
    );
    let (Some(course), Some(completed), Some(expires), true) =
        (course, completed, expires, errors.is_empty())
    else {
        return Err(at_fields(errors));
    };
    let training = Training {
        course,
        completed,
        expires,
    };
    state
        .store
        .record_training(scope, &id, &training)
        .await
        .map_err(|err| refused(state, language, err))
}

/// A policy of employer's liability insurance, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct InsuranceFields {
    pub insurer: String,
    pub policy: String,
    /// Pounds of cover (at least 5,000,000).
    pub cover: String,
    /// `YYYY-MM-DD`
    pub insurance_starts: String,
    /// `YYYY-MM-DD`, the last day of cover.
    pub insurance_expires: String,
}

pub(crate) async fn record_insurance(
    state: &AppState,
    scope: &CoopScope,
    f: &InsuranceFields,
    language: Language,
) -> Result<(), Refused> {
    let mut errors = Problems::default();
    let insurer = match Text::parse(&f.insurer) {
        Ok(t) => Some(t),
        Err(err) => {
            errors.add("insurer", err.code());
            None
        }
    };
    let policy = match Text::parse(&f.policy) {
        Ok(t) => Some(t),
        Err(err) => {
            errors.add("policy", err.code());
            None
        }
    };
    let cover = match money(&f.cover) {
        Ok(c) if c < 0 => {
            errors.add("cover", "employment-problem-negative");
            None
        }
        Ok(c) if c < LEGAL_MINIMUM_COVER => {
            errors.add("cover", "employment-error-cover-too-low");
            None
        }
        Ok(c) => Some(c),
        Err(code) => {
            errors.add("cover", code);
            None
        }
    };
    let starts = errors.check("insurance_starts", day(&f.insurance_starts));
    let expires = errors.check("insurance_expires", day(&f.insurance_expires));
    if let (Some(s), Some(e)) = (starts, expires)
        && e < s
    {
        errors.add(
            "insurance_expires",
            "employment-problem-expiry-before-issue",
        );
    }
    let (Some(insurer), Some(policy), Some(cover), Some(starts), Some(expires), true) =
        (insurer, policy, cover, starts, expires, errors.is_empty())
    else {
        return Err(at_fields(errors));
    };
    state
        .store
        .record_insurance(
            scope,
            &EmployersLiability {
                insurer,
                policy,
                cover,
                starts,
                expires,
            },
        )
        .await
        .map_err(|err| refused(state, language, err))
}

// ---- The written statement ---------------------------------------------------

/// A new version of the written statement, as asked for.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct StatementFields {
    /// The co-operative's address as employer.
    pub employer_address: String,
    /// `en` or `cy`: the PA's language.
    pub statement_language: String,
}

/// The co-operative's facts for every PA's statement, in `language`.
fn employer_facts(
    state: &AppState,
    scope: &CoopScope,
    address: Text,
    language: Language,
) -> Result<EmployerFacts, Refused> {
    let say = |id: &str| {
        Text::parse(&state.i18n.text(language, id))
            .map_err(|_| Refused::Failed(AppError::Kind(crate::common::error::ErrorKind::Internal)))
    };
    let name = Text::parse(&scope.coop().name)
        .map_err(|_| Refused::Failed(AppError::Kind(crate::common::error::ErrorKind::Internal)))?;
    let handbook = say("employment-facts-handbook")?;
    Ok(EmployerFacts {
        name,
        address,
        sick_leave_and_pay: Some(Value::Text(say("employment-facts-sick-pay")?)),
        other_paid_leave: Some(Value::ReferTo(handbook.clone())),
        benefits: Some(Value::None),
        work_abroad: Some(Value::None),
        required_training: Some(Value::Text(say("employment-facts-required-training")?)),
        pension_scheme: None,
        collective_agreements: Some(Value::None),
        other_training: Some(Value::None),
        disciplinary: Some(Value::ReferTo(handbook.clone())),
        grievance: Some(Value::ReferTo(handbook)),
    })
}

/// The whole record, when the caller sees it whole.
pub(crate) async fn full_record(
    state: &AppState,
    scope: &CoopScope,
    id: &EmploymentId,
) -> Result<EmploymentRecord, Refused> {
    match state.store.employment(scope, id).await {
        Ok(EmploymentEntry::Full(record)) => Ok(*record),
        Ok(EmploymentEntry::Supported(_)) => Err(Refused::Failed(AppError::NOT_FOUND)),
        Err(EmploymentError::Store(err)) => Err(err.into()),
        Err(_) => Err(Refused::Failed(AppError::NOT_FOUND)),
    }
}

/// Issues a new version of a PA's written statement from their record.
pub(crate) async fn issue_statement(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    f: &StatementFields,
    language: Language,
) -> Result<StatementVersion, Refused> {
    let id = employment_id(id)?;
    let mut errors = Problems::default();
    let address = match Text::parse(&f.employer_address) {
        Ok(t) => Some(t),
        Err(err) => {
            errors.add("employer_address", err.code());
            None
        }
    };
    let statement_language = Language::from_code(f.statement_language.trim());
    if statement_language.is_none() {
        errors.field("statement_language", FieldError::UnknownChoice);
    }
    let (Some(address), Some(statement_language)) = (address, statement_language) else {
        return Err(at_fields(errors));
    };
    if !cylch_domain::policy::has_employer_duties(scope.roles()) {
        return Err(Refused::Failed(AppError::FORBIDDEN));
    }
    let record = full_record(state, scope, &id).await?;
    let facts = employer_facts(state, scope, address, statement_language)?;
    let statement = Statement::build(&record.employment, &facts);
    state
        .store
        .issue_statement(scope, &id, statement, statement_language)
        .await
        .map_err(|err| refused(state, language, err))
}

/// The PA acknowledges a version of their statement.
pub(crate) async fn acknowledge_statement(
    state: &AppState,
    scope: &CoopScope,
    id: &str,
    version: &str,
    language: Language,
) -> Result<StatementVersion, Refused> {
    let id = employment_id(id)?;
    // Only whoever sees the record whole reaches its statements.
    full_record(state, scope, &id).await?;
    let Ok(version) = version.trim().parse::<i64>() else {
        let mut errors = Problems::default();
        errors.field(
            "version",
            if version.trim().is_empty() {
                FieldError::Missing
            } else {
                FieldError::UnknownChoice
            },
        );
        return Err(at_fields(errors));
    };
    state
        .store
        .acknowledge_statement(scope, &id, version)
        .await
        .map_err(|err| refused(state, language, err))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use cylch_payroll::holiday::HOUR;

    fn good() -> HireFields {
        HireFields {
            name: "Megan Jones".into(),
            born: "1996-03-14".into(),
            ni_number: "AB 12 34 56 C".into(),
            address: "2 Heol y Bont".into(),
            start: "2026-05-01".into(),
            job_title: "Personal Assistant".into(),
            place_of_work: "Aberystwyth".into(),
            hours: "fixed".into(),
            weekly_hours: "30".into(),
            days_per_week: "4".into(),
            rate_day: "13.60".into(),
            pay_frequency: "monthly".into(),
            starter: "B".into(),
            notice_employer: "1".into(),
            notice_worker: "1".into(),
            ..HireFields::default()
        }
    }

    fn on() -> Date {
        day("2026-04-20").unwrap()
    }

    #[test]
    fn a_good_form_reads_whole() {
        let (e, p) = read_hire(&good(), true, on())
            .map_err(|p| format!("{p:?}"))
            .unwrap();
        assert_eq!(e.rates.night, 1_360);
        assert_eq!(e.hours.code(), "fixed");
        assert!(p.welsh_speaker);
        assert_eq!(e.ni_number.as_ref().map(NiNumber::full), Some("AB123456C"));
    }

    #[test]
    fn a_rate_below_the_minimum_for_the_age_on_the_first_day_is_refused() {
        // £12.00 an hour, from 1 May 2026: below the £12.71 owed from 21,
        // above the £10.85 owed at 18 to 20.
        let hire = |born: &str| {
            let mut f = good();
            f.rate_day = "12.00".into();
            f.born = born.into();
            read_hire(&f, false, on())
        };
        let twenty_one = hire("2005-05-01").err().unwrap_or_default();
        assert_eq!(
            twenty_one.get("rate_day"),
            Some("employment-problem-below-minimum"),
            "21 on the first day"
        );
        assert!(
            hire("2005-05-02").is_ok(),
            "20 on the first day: the lower rate applies until the birthday"
        );
    }

    #[test]
    fn every_problem_is_at_its_field() {
        let mut f = good();
        f.ni_number = "QQ 12 34 56 A".into();
        f.born = "2030-01-01".into();
        f.rate_day = "-1".into();
        f.notice_worker = "0".into();
        let errors = read_hire(&f, false, on()).err().unwrap_or_default();
        let got: Vec<(&str, &str)> = errors
            .list()
            .iter()
            .map(|p| (p.name, p.message.as_str()))
            .collect();
        assert!(
            got.contains(&("ni_number", "employment-ni-number-prefix")),
            "{got:?}"
        );
        assert!(
            got.contains(&("born", "employment-problem-in-future")),
            "{got:?}"
        );
        assert!(
            got.contains(&("rate_day", "employment-problem-negative")),
            "{got:?}"
        );
        assert!(
            got.contains(&("notice_worker", "employment-problem-below-statutory-notice")),
            "{got:?}"
        );
    }

    #[test]
    fn blank_fields_are_named_in_their_own_words() {
        let errors = read_hire(&HireFields::default(), false, on())
            .err()
            .unwrap_or_default();
        let Refused::Fields(named) = at_fields(errors) else {
            unreachable!("fields are fields")
        };
        let messages: Vec<&str> = named.list().iter().map(|p| p.message.as_str()).collect();
        assert!(messages.contains(&"employment-enter-name"), "{messages:?}");
        assert!(messages.contains(&"employment-enter-born"), "{messages:?}");
        let mut unique = messages.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), messages.len(), "{messages:?}");
    }

    #[test]
    fn amounts_read_with_signs_and_pounds() {
        assert_eq!(signed_decimal("£1,200.50", 2), Some(120_050));
        assert_eq!(signed_decimal("-1", 2), Some(-100));
        assert_eq!(signed_decimal("37.5", 4), Some(37 * HOUR + HOUR / 2));
        assert_eq!(signed_decimal("twelve", 2), None);
    }
}
