//! The actions on timesheets, shared by the pages and the API: build a
//! PA's timesheet from the rota, add time by hand, confirm, correct,
//! adjust, approve, and choose who approves.
//!
//! Every input is typed text, as a form or a JSON body brings it; every
//! problem is found at once and named at its field, and nothing is saved
//! while any remains.

use cylch_domain::Language;
use cylch_employment::timesheet::{Approver, Figures, LineField, LineKind};
use cylch_payroll::Date;
use cylch_store::timesheets::{NewLine, Timesheet, TimesheetError};
use cylch_store::{CoopScope, EmploymentId, TimesheetLineId};
use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::problems::Problems;
use crate::common::refusal::Explain;

pub(crate) use crate::common::refusal::Refused;

/// The store's refusal as the fronts answer it: each problem at its field,
/// else the refusal whole.
fn refused(state: &AppState, language: Language, err: TimesheetError) -> Refused {
    if let TimesheetError::Invalid(found) = err {
        let mut errors = Problems::default();
        for (field, problem) in found {
            errors.add(
                field_name(field),
                format!("timesheets-problem-{}", problem.code()),
            );
        }
        return Refused::Fields(errors);
    }
    match err.explain(state, language) {
        Ok(refusal) => Refused::Rule(refusal),
        Err(failed) => Refused::Failed(failed),
    }
}

/// The name both fronts give a line's field.
pub fn field_name(field: LineField) -> &'static str {
    match field {
        LineField::Start => "start",
        LineField::End => "end",
        LineField::Break => "break_minutes",
        LineField::Woken => "woken_minutes",
        LineField::People => "people",
        LineField::Reason => "reason",
    }
}

pub(crate) fn employment_id(raw: &str) -> Result<EmploymentId, AppError> {
    EmploymentId::parse(raw.trim()).ok_or(AppError::NOT_FOUND)
}

/// A day as the payroll calendar counts it, from `YYYY-MM-DD`.
fn day(raw: &str) -> Option<Date> {
    Date::parse(raw.trim()).ok()
}

/// The day a timesheet is asked for: any day of its pay period, today's
/// period when none (or nonsense) is given.
pub fn on_day(state: &AppState, raw: &str) -> Date {
    day(raw).unwrap_or_else(|| today(state))
}

pub fn today(state: &AppState) -> Date {
    let t = state.clock().today_in_wales();
    Date::new(
        i32::from(t.year()),
        u32::try_from(t.month()).unwrap_or(1),
        u32::try_from(t.day()).unwrap_or(1),
    )
    .unwrap_or_else(|_| Date::new(2026, 1, 1).unwrap_or_else(|_| unreachable_date()))
}

#[allow(clippy::unwrap_used)]
fn unreachable_date() -> Date {
    // 2000-01-01 is a valid date; this is only reached if the calendar
    // itself is broken.
    Date::from_day_number(10_957).unwrap()
}

/// A local date and time as typed: `YYYY-MM-DDTHH:MM` (what a
/// `datetime-local` field sends), or with a space between.
fn local(raw: &str, blank: &'static str) -> Result<DateTime, &'static str> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(blank);
    }
    let raw = raw.replacen(' ', "T", 1);
    raw.parse::<DateTime>()
        .ok()
        .filter(|d| d.second() == 0 && d.subsec_nanosecond() == 0)
        .ok_or("timesheets-problem-time-format")
}

fn at_field<T>(
    errors: &mut Problems,
    field: &'static str,
    r: Result<T, &'static str>,
) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(code) => {
            errors.add(field, code);
            None
        }
    }
}

/// Whole minutes as typed; blank is none.
fn minutes(raw: &str) -> Result<i64, &'static str> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(0);
    }
    match raw.parse::<i64>() {
        Ok(n) if (0..=72 * 60).contains(&n) => Ok(n),
        _ => Err("timesheets-problem-not-minutes"),
    }
}

/// The figures of a line, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct FiguresFields {
    /// `YYYY-MM-DDTHH:MM`, local time in Wales.
    pub start: String,
    /// `YYYY-MM-DDTHH:MM`, local time in Wales.
    pub end: String,
    /// Whole minutes; blank is none.
    pub break_minutes: String,
    /// `day`, `night`, `sleep_in`, `waking_night`, `holiday` or `sickness`
    pub kind: String,
    /// For a sleep-in, whole minutes woken and working; blank is none.
    pub woken_minutes: String,
}

fn read_figures(f: &FiguresFields, errors: &mut Problems) -> Option<Figures> {
    let start = at_field(errors, "start", local(&f.start, "timesheets-enter-start"));
    let end = at_field(errors, "end", local(&f.end, "timesheets-enter-end"));
    let break_minutes = at_field(errors, "break_minutes", minutes(&f.break_minutes));
    let woken_minutes = at_field(errors, "woken_minutes", minutes(&f.woken_minutes));
    let kind = LineKind::parse(f.kind.trim());
    if kind.is_none() {
        errors.add("kind", "timesheets-choose-kind");
    }
    Some(Figures {
        start: start?,
        end: end?,
        break_minutes: break_minutes?,
        kind: kind?,
        woken_minutes: woken_minutes?,
    })
}

/// The store's problems beside those found in the typing, at once.
fn with_store_problems(
    state: &AppState,
    language: Language,
    mut errors: Problems,
    err: TimesheetError,
) -> Refused {
    match refused(state, language, err) {
        Refused::Fields(more) => {
            for p in more.list() {
                errors.add(p.name, p.message.clone());
            }
            Refused::Fields(errors)
        }
        other => other,
    }
}

/// Builds the PA's timesheet for the pay period of `on` from the rota.
pub(crate) async fn build(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    on: &str,
    language: Language,
) -> Result<usize, Refused> {
    let pa = employment_id(pa)?;
    state
        .store
        .build_timesheet(scope, &pa, on_day(state, on))
        .await
        .map_err(|e| refused(state, language, e))
}

/// The PA confirms the lines waiting for them.
pub(crate) async fn confirm(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    on: &str,
    language: Language,
) -> Result<usize, Refused> {
    let pa = employment_id(pa)?;
    state
        .store
        .confirm_timesheet(scope, &pa, on_day(state, on))
        .await
        .map_err(|e| refused(state, language, e))
}

/// Time to add by hand.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct LineFields {
    #[serde(flatten)]
    pub figures: FiguresFields,
    /// The supported people the time was for, by id.
    pub people: Vec<String>,
}

/// The PA's timesheet this pay period, when the caller may see it: asked
/// first, so that someone who may not is told it does not exist before
/// anything they typed is read.
async fn visible(
    state: &AppState,
    scope: &CoopScope,
    pa: &EmploymentId,
    language: Language,
) -> Result<Timesheet, Refused> {
    state
        .store
        .timesheet(scope, pa, today(state))
        .await
        .map_err(|e| refused(state, language, e))
}

pub(crate) async fn add_line(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &LineFields,
    language: Language,
) -> Result<TimesheetLineId, Refused> {
    let pa = employment_id(pa)?;
    if !visible(state, scope, &pa, language).await?.may_add {
        return Err(Refused::Failed(AppError::FORBIDDEN));
    }
    let mut errors = Problems::default();
    let figures = read_figures(&f.figures, &mut errors);
    let people: Vec<String> = f
        .people
        .iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if people.is_empty() {
        errors.add("people", "timesheets-problem-no-people");
    }
    let Some(figures) = figures else {
        return Err(Refused::Fields(errors));
    };
    let outcome = state
        .store
        .add_timesheet_line(scope, &pa, &NewLine { figures, people })
        .await;
    match outcome {
        Ok(id) if errors.is_empty() => Ok(id),
        Ok(_) => Err(Refused::Fields(errors)),
        Err(e) => Err(with_store_problems(state, language, errors, e)),
    }
}

/// New figures for a line, and why.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ChangeFields {
    /// The line's id.
    pub line: String,
    #[serde(flatten)]
    pub figures: FiguresFields,
    /// Why the figures change.
    pub reason: String,
}

/// Whether the change corrects a line still open or adjusts an approved
/// one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Correct,
    Adjust,
}

pub(crate) async fn change(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &ChangeFields,
    how: Change,
    language: Language,
) -> Result<Option<TimesheetLineId>, Refused> {
    let pa = employment_id(pa)?;
    visible(state, scope, &pa, language).await?;
    let mut errors = Problems::default();
    let line = TimesheetLineId::parse(f.line.trim());
    if line.is_none() {
        errors.add("line", "timesheets-choose-line");
    }
    let figures = read_figures(&f.figures, &mut errors);
    let (Some(figures), Some(line)) = (figures, line) else {
        if f.reason.trim().is_empty() {
            errors.add("reason", "timesheets-problem-no-reason");
        }
        return Err(Refused::Fields(errors));
    };
    // The store checks the reason with the figures, so every problem is
    // named at once.
    let reason = f.reason.as_str();
    match how {
        Change::Correct => state
            .store
            .correct_timesheet_line(scope, &pa, &line, figures, reason)
            .await
            .map(|()| None),
        Change::Adjust => state
            .store
            .adjust_timesheet_line(scope, &pa, &line, figures, reason)
            .await
            .map(Some),
    }
    .map_err(|e| with_store_problems(state, language, errors, e))
}

/// Approves the time spent with one person in the PA's timesheet.
pub(crate) async fn approve(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    on: &str,
    person: &str,
    language: Language,
) -> Result<usize, Refused> {
    let pa = employment_id(pa)?;
    visible(state, scope, &pa, language).await?;
    if person.trim().is_empty() {
        let mut errors = Problems::default();
        errors.add("person", "timesheets-choose-person");
        return Err(Refused::Fields(errors));
    }
    state
        .store
        .approve_timesheet(scope, &pa, on_day(state, on), person.trim())
        .await
        .map_err(|e| refused(state, language, e))
}

/// Who approves the time spent with a person.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ApproverFields {
    /// The supported person's id.
    pub person: String,
    /// `person` (they or their representative) or `coordinator`
    pub approver: String,
}

pub(crate) async fn choose_approver(
    state: &AppState,
    scope: &CoopScope,
    f: &ApproverFields,
    language: Language,
) -> Result<(), Refused> {
    let mut errors = Problems::default();
    if f.person.trim().is_empty() {
        errors.add("person", "timesheets-choose-person");
    }
    let approver = Approver::parse(f.approver.trim());
    if approver.is_none() {
        errors.add("approver", "timesheets-choose-approver");
    }
    let Some(approver) = approver.filter(|_| errors.is_empty()) else {
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .choose_timesheet_approver(scope, f.person.trim(), approver)
        .await
        .map_err(|e| refused(state, language, e))
}

/// The PA's timesheet for the pay period of `on`, as the caller may see it.
pub(crate) async fn timesheet(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    on: &str,
    language: Language,
) -> Result<Timesheet, Refused> {
    let pa = employment_id(pa)?;
    state
        .store
        .timesheet(scope, &pa, on_day(state, on))
        .await
        .map_err(|e| refused(state, language, e))
}
