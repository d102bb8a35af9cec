//! The actions on holiday and absence, shared by the pages and the API: ask
//! for holiday, approve, decline or cancel a request, record sickness (and
//! its end or fit note), other leave, hours worked, and the leave year.
//!
//! Every input is typed text, as a form or a JSON body brings it; every
//! problem is found at once and named at its field, and nothing is saved
//! while any remains. Who may do each is the store's decision (the policy's
//! `employment_view` and `decides_holiday`), so the pages and the API
//! cannot differ.

use cylch_domain::{FieldError, Language};
use cylch_employment::absence::{AbsenceError, Amount, OtherLeave, Sickness, Span};
use cylch_employment::holiday::PeriodHours;
use cylch_employment::text::Text;
use cylch_payroll::Date;
use cylch_payroll::money::parse_decimal;
use cylch_store::employment::leave::{
    Decision, HolidayRequest, LeaveEntry, LeaveError, LeaveRights, NewHoliday, OtherLeaveRecord,
    SicknessAbsence,
};
use cylch_store::{CoopScope, EmploymentId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
pub(crate) use crate::areas::employment::commands::Refused;
use crate::areas::employment::commands::{day, today};
use crate::areas::employment::statement::tenths;
use crate::common::error::AppError;
use crate::common::problems::Problems;
use crate::common::refusal::{Explain, Refusal};

/// The fields this area names in its own words when left blank.
const NAMED_WHEN_BLANK: &[&str] = &[
    "first_day",
    "last_day",
    "days",
    "hours",
    "reason",
    "request",
    "absence",
    "period_end",
];

/// Problems with what was typed, a blank field named in words of its own.
fn at_fields(errors: Problems) -> Refused {
    let mut named = Problems::default();
    for p in errors.list() {
        let message =
            if p.message == FieldError::Missing.code() && NAMED_WHEN_BLANK.contains(&p.name) {
                format!("leave-enter-{}", p.name.replace('_', "-"))
            } else if p.message == FieldError::UnknownChoice.code() {
                format!("leave-choose-{}", p.name.replace('_', "-"))
            } else {
                p.message.clone()
            };
        named.add(p.name, message);
    }
    Refused::Fields(named)
}

/// The field a date rule is about.
pub fn absence_field(e: AbsenceError, amount_field: &'static str) -> &'static str {
    match e {
        AbsenceError::LastBeforeFirst | AbsenceError::AcrossLeaveYears => "last_day",
        AbsenceError::TooFarInPast | AbsenceError::SicknessInFuture => "first_day",
        AbsenceError::NothingAsked | AbsenceError::MoreThanTheDays | AbsenceError::Overflow => {
            amount_field
        }
        AbsenceError::FitNoteBeforeFirst => "fit_note_received",
    }
}

/// The store's refusal as both fronts answer it; `amount_field` names the
/// field an amount of holiday was typed in (`days` or `hours`).
fn refused(
    state: &AppState,
    language: Language,
    err: LeaveError,
    amount_field: &'static str,
) -> Refused {
    if let LeaveError::NotEnough { asked, available } = err {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("asked", tenths(asked));
        args.set("available", tenths(available));
        let mut refusal =
            Refusal::rule(state, language, "leave-not-enough", "leave-not-enough").at(amount_field);
        refusal.message = state.i18n.format(language, "leave-not-enough", Some(&args));
        return Refused::Rule(refusal);
    }
    let amount = matches!(
        err,
        LeaveError::Dates(
            AbsenceError::NothingAsked | AbsenceError::MoreThanTheDays | AbsenceError::Overflow
        )
    );
    match err.explain(state, language) {
        Ok(refusal) => match refusal.field {
            Some(field) if refusal.status.as_u16() == 422 => {
                let mut errors = Problems::default();
                errors.add(if amount { amount_field } else { field }, refusal.code);
                Refused::Fields(errors)
            }
            _ => Refused::Rule(refusal),
        },
        Err(failed) => Refused::Failed(failed),
    }
}

fn employment_id(raw: &str) -> Result<EmploymentId, Refused> {
    EmploymentId::parse(raw).ok_or(Refused::Failed(AppError::NOT_FOUND))
}

/// The PA named in the path, if the caller may take the action `may`
/// allows: 404 for a PA they may not see, 403 for one they may see but not
/// act on, before anything typed is read.
async fn acting_on(
    state: &AppState,
    scope: &CoopScope,
    raw: &str,
    language: Language,
    may: fn(&LeaveRights) -> bool,
) -> Result<EmploymentId, Refused> {
    let id = employment_id(raw)?;
    match state.store.leave_rights(scope, &id).await {
        Ok(rights) if may(&rights) => Ok(id),
        Ok(_) => Err(Refused::Failed(AppError::FORBIDDEN)),
        Err(err) => Err(refused(state, language, err, "request")),
    }
}

/// Free text that may be left blank.
fn optional_text(errors: &mut Problems, field: &'static str, raw: &str) -> Option<Option<Text>> {
    if raw.trim().is_empty() {
        return Some(None);
    }
    match Text::parse(raw) {
        Ok(t) => Some(Some(t)),
        Err(e) => {
            errors.add(field, e.code());
            None
        }
    }
}

/// A date that may be left blank.
fn optional_day(errors: &mut Problems, field: &'static str, raw: &str) -> Option<Option<Date>> {
    if raw.trim().is_empty() {
        return Some(None);
    }
    errors.check(field, day(raw)).map(Some)
}

/// An amount in days or hours, to four decimal places, more than nothing.
fn amount(errors: &mut Problems, field: &'static str, raw: &str) -> Option<i64> {
    let cleaned = raw.trim();
    if cleaned.is_empty() {
        errors.field(field, FieldError::Missing);
        return None;
    }
    match parse_decimal(cleaned, 4) {
        Ok(v) if v > 0 => Some(v),
        Ok(_) => {
            errors.add(field, AbsenceError::NothingAsked.code());
            None
        }
        Err(_) => {
            errors.add(field, "leave-error-number");
            None
        }
    }
}

// ---- Holiday -----------------------------------------------------------------

/// Holiday asked for. A PA on fixed hours gives `days`; a PA whose holiday
/// accrues gives `hours`; the other is ignored.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct HolidayFields {
    /// `YYYY-MM-DD`
    pub first_day: String,
    /// `YYYY-MM-DD`, the same as the first for one day.
    pub last_day: String,
    /// Working days, such as `2` or `0.5`, for a PA on fixed hours.
    pub days: String,
    /// Hours, such as `7.5`, for a PA whose holiday accrues by the hour.
    pub hours: String,
    /// For whoever decides; optional.
    pub note: String,
}

/// Whether a PA asks in days (fixed hours) rather than hours.
async fn asks_in_days(
    state: &AppState,
    scope: &CoopScope,
    id: &EmploymentId,
    language: Language,
) -> Result<bool, Refused> {
    match state.store.leave(scope, id).await {
        Ok(LeaveEntry::Full(r)) => Ok(r.day_length.is_some()),
        Ok(LeaveEntry::Away(_)) => Ok(false),
        Err(err) => Err(refused(state, language, err, "hours")),
    }
}

pub(crate) async fn request_holiday(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &HolidayFields,
    language: Language,
) -> Result<HolidayRequest, Refused> {
    let id = acting_on(state, scope, pa, language, |r| r.request).await?;
    let in_days = asks_in_days(state, scope, &id, language).await?;
    let amount_field = if in_days { "days" } else { "hours" };
    let mut errors = Problems::default();
    let first = errors.check("first_day", day(&f.first_day));
    let last = errors.check("last_day", day(&f.last_day));
    let typed = amount(
        &mut errors,
        amount_field,
        if in_days { &f.days } else { &f.hours },
    );
    let note = optional_text(&mut errors, "note", &f.note);
    let (Some(first), Some(last), Some(typed), Some(note), true) =
        (first, last, typed, note, errors.is_empty())
    else {
        return Err(at_fields(errors));
    };
    let new = NewHoliday {
        first,
        last,
        amount: if in_days {
            Amount::Days(typed)
        } else {
            Amount::Hours(typed)
        },
        note,
    };
    state
        .store
        .request_holiday(scope, &id, &new)
        .await
        .map_err(|err| refused(state, language, err, amount_field))
}

/// The request decided, and for a decline the reason.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct DecisionFields {
    /// The request's id.
    pub request: String,
    /// Why it is declined; needed to decline, ignored to approve.
    pub reason: String,
}

pub(crate) async fn approve(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &DecisionFields,
    language: Language,
) -> Result<HolidayRequest, Refused> {
    let id = acting_on(state, scope, pa, language, |r| r.decide).await?;
    if f.request.trim().is_empty() {
        let mut errors = Problems::default();
        errors.field("request", FieldError::Missing);
        return Err(at_fields(errors));
    }
    state
        .store
        .decide_holiday(scope, &id, f.request.trim(), &Decision::Approve)
        .await
        .map_err(|err| refused(state, language, err, "request"))
}

pub(crate) async fn decline(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &DecisionFields,
    language: Language,
) -> Result<HolidayRequest, Refused> {
    let id = acting_on(state, scope, pa, language, |r| r.decide).await?;
    let mut errors = Problems::default();
    if f.request.trim().is_empty() {
        errors.field("request", FieldError::Missing);
    }
    let reason = match Text::parse(&f.reason) {
        Ok(t) => Some(t),
        Err(e) => {
            errors.add("reason", e.code());
            None
        }
    };
    let (Some(reason), true) = (reason, errors.is_empty()) else {
        return Err(at_fields(errors));
    };
    state
        .store
        .decide_holiday(scope, &id, f.request.trim(), &Decision::Decline(reason))
        .await
        .map_err(|err| refused(state, language, err, "request"))
}

/// The request cancelled.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct CancelFields {
    /// The request's id.
    pub request: String,
}

pub(crate) async fn cancel(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &CancelFields,
    language: Language,
) -> Result<HolidayRequest, Refused> {
    let id = acting_on(state, scope, pa, language, |r| r.request).await?;
    if f.request.trim().is_empty() {
        let mut errors = Problems::default();
        errors.field("request", FieldError::Missing);
        return Err(at_fields(errors));
    }
    state
        .store
        .cancel_holiday(scope, &id, f.request.trim())
        .await
        .map_err(|err| refused(state, language, err, "request"))
}

// ---- Sickness and other leave ----------------------------------------------

/// A sickness absence. The reason is health data: only the PA and the
/// officers with the employer's duties ever see it.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct SicknessFields {
    /// `YYYY-MM-DD`, not after today.
    pub first_day: String,
    /// `YYYY-MM-DD`; blank while the PA is still off.
    pub last_day: String,
    /// `YYYY-MM-DD` the fit note arrived; blank if none yet.
    pub fit_note_received: String,
    /// Optional.
    pub reason: String,
}

pub(crate) async fn record_sickness(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &SicknessFields,
    language: Language,
) -> Result<SicknessAbsence, Refused> {
    let id = acting_on(state, scope, pa, language, |r| r.record_sickness).await?;
    let mut errors = Problems::default();
    let first = errors.check("first_day", day(&f.first_day));
    let last = optional_day(&mut errors, "last_day", &f.last_day);
    let fit = optional_day(&mut errors, "fit_note_received", &f.fit_note_received);
    let reason = optional_text(&mut errors, "reason", &f.reason);
    if let (Some(first), Some(last), Some(fit)) = (first, last, fit)
        && let Err(e) = Sickness::new(first, last, fit, today(state)?)
    {
        errors.add(absence_field(e, "first_day"), e.code());
    }
    let (Some(first), Some(last), Some(fit), Some(reason), true) =
        (first, last, fit, reason, errors.is_empty())
    else {
        return Err(at_fields(errors));
    };
    let sickness = Sickness {
        first,
        last,
        fit_note_received: fit,
    };
    state
        .store
        .record_sickness(scope, &id, &sickness, reason.as_ref())
        .await
        .map_err(|err| refused(state, language, err, "first_day"))
}

/// The end of a sickness absence, or its fit note; a blank keeps what was
/// recorded.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct SicknessUpdateFields {
    /// The absence's id.
    pub absence: String,
    /// `YYYY-MM-DD`
    pub last_day: String,
    /// `YYYY-MM-DD`
    pub fit_note_received: String,
}

pub(crate) async fn update_sickness(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &SicknessUpdateFields,
    language: Language,
) -> Result<SicknessAbsence, Refused> {
    let id = acting_on(state, scope, pa, language, |r| r.record_sickness).await?;
    let mut errors = Problems::default();
    if f.absence.trim().is_empty() {
        errors.field("absence", FieldError::Missing);
    }
    let last = optional_day(&mut errors, "last_day", &f.last_day);
    let fit = optional_day(&mut errors, "fit_note_received", &f.fit_note_received);
    if let (Some(None), Some(None)) = (last, fit) {
        errors.add("last_day", "leave-enter-end-or-fit-note");
    }
    let (Some(last), Some(fit), true) = (last, fit, errors.is_empty()) else {
        return Err(at_fields(errors));
    };
    state
        .store
        .update_sickness(scope, &id, f.absence.trim(), last, fit)
        .await
        .map_err(|err| refused(state, language, err, "last_day"))
}

/// Other leave: compassionate, parental, jury service and the rest.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct OtherLeaveFields {
    /// `compassionate`, `maternity`, `paternity`, `adoption`,
    /// `shared_parental`, `parental`, `parental_bereavement`, `neonatal`,
    /// `carers`, `dependants`, `jury_service`, `unpaid` or `other`
    pub kind: String,
    /// `YYYY-MM-DD`
    pub first_day: String,
    /// `YYYY-MM-DD`
    pub last_day: String,
    /// Optional.
    pub note: String,
}

pub(crate) async fn record_other_leave(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &OtherLeaveFields,
    language: Language,
) -> Result<OtherLeaveRecord, Refused> {
    let id = acting_on(state, scope, pa, language, |r| r.record_other).await?;
    let mut errors = Problems::default();
    let kind = OtherLeave::from_code(f.kind.trim());
    if kind.is_none() {
        errors.field("kind", FieldError::UnknownChoice);
    }
    let first = errors.check("first_day", day(&f.first_day));
    let last = errors.check("last_day", day(&f.last_day));
    let note = optional_text(&mut errors, "note", &f.note);
    let span = match (first, last) {
        (Some(first), Some(last)) => match Span::new(first, last) {
            Ok(span) => Some(span),
            Err(e) => {
                errors.add("last_day", e.code());
                None
            }
        },
        _ => None,
    };
    let (Some(kind), Some(span), Some(note), true) = (kind, span, note, errors.is_empty()) else {
        return Err(at_fields(errors));
    };
    state
        .store
        .record_other_leave(scope, &id, kind, span, note.as_ref())
        .await
        .map_err(|err| refused(state, language, err, "first_day"))
}

/// Hours worked in a pay period, on which holiday accrues for PAs with
/// irregular hours or a part year (until timesheets record them).
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct HoursWorkedFields {
    /// `YYYY-MM-DD`, the last day of the pay period.
    pub period_end: String,
    /// Hours, such as `86.5`.
    pub hours: String,
}

pub(crate) async fn record_hours_worked(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &HoursWorkedFields,
    language: Language,
) -> Result<(), Refused> {
    let id = acting_on(state, scope, pa, language, |r| r.record_other).await?;
    let mut errors = Problems::default();
    let end = errors.check("period_end", day(&f.period_end));
    if let Some(end) = end
        && end > today(state)?
    {
        errors.add("period_end", "leave-problem-period-in-future");
    }
    let hours = if f.hours.trim() == "0" {
        Some(0)
    } else {
        amount(&mut errors, "hours", &f.hours)
    };
    let (Some(end), Some(hours), true) = (end, hours, errors.is_empty()) else {
        return Err(at_fields(errors));
    };
    state
        .store
        .record_hours_worked(
            scope,
            &id,
            PeriodHours {
                period_end: end,
                hours_worked: hours,
            },
        )
        .await
        .map_err(|err| refused(state, language, err, "hours"))
}

/// The first day of each leave year.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct LeaveYearFields {
    /// 1 to 12
    pub month: String,
    /// 1 to 31
    pub day: String,
}

pub(crate) async fn set_leave_year(
    state: &AppState,
    scope: &CoopScope,
    f: &LeaveYearFields,
    language: Language,
) -> Result<(), Refused> {
    let mut errors = Problems::default();
    let month = f
        .month
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=12).contains(m));
    if month.is_none() {
        errors.field("month", FieldError::UnknownChoice);
    }
    let day = f
        .day
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d));
    if day.is_none() {
        errors.field("day", FieldError::UnknownChoice);
    }
    let (Some(month), Some(day)) = (month, day) else {
        return Err(at_fields(errors));
    };
    state
        .store
        .set_leave_year_start(scope, month, day)
        .await
        .map_err(|err| refused(state, language, err, "day"))
}
