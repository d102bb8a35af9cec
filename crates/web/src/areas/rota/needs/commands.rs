//! The actions on needs and availability, shared by the pages and the API:
//! each reads what was typed into the store's types (every problem at its
//! field at once), asks the store for the scope of whose record it is, and
//! makes the change, which the store audits.

use cylch_domain::Language;
use cylch_store::CoopScope;
use cylch_store::EmploymentId;
use cylch_store::people::{PersonScope, PersonScopeError};
use cylch_store::rota::availability::{
    AvailabilityError, AvailabilityExceptionKind, PaScope, WEEK_MINUTES,
};
use cylch_store::rota::needs::{
    Call, ExceptionInput, ExtraCall, NeedsError, Preferences, RoutineInput, Skill, Times, Weekdays,
    WelshNeed,
};
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::fields::{parse_date, parse_time, wales};
use crate::common::problems::Problems;
use crate::common::refusal::{Refusal, Refused};

/// A routine as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct RoutineFields {
    /// `morning`, `lunch`, `tea`, `bed`, `sleep_in`, `waking_night` or
    /// `community`
    pub call: String,
    /// ISO weekdays, `1` (Monday) to `7` (Sunday).
    pub weekdays: Vec<String>,
    /// `HH:MM`
    pub start: String,
    /// `HH:MM`; at or before the start, the next day.
    pub end: String,
    /// How many PAs at once, 1 to 4; blank for 1.
    pub pas_required: String,
    /// `hoist`, `medication`, `first-aid`
    pub skills: Vec<String>,
    /// `YYYY-MM-DD`: the first day it is needed; blank for today.
    pub starts_on: String,
    /// Other supported people in the same session, by id.
    pub shared_with: Vec<String>,
}

/// A person's choices of who supports them, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct PreferenceFields {
    /// `none`, `preferred` or `required`
    pub welsh: String,
    /// Employment ids of PAs the person prefers.
    pub preferred: Vec<String>,
    /// Employment ids of PAs the person does not want.
    pub not_wanted: Vec<String>,
}

/// A dated exception to a person's needs, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct NeedExceptionFields {
    /// `skip` (a routine not needed that day) or `extra` (an extra call).
    pub kind: String,
    /// `YYYY-MM-DD`
    pub date: String,
    /// For `skip`: the routine's id.
    pub routine: String,
    /// For `extra`: the call, its times, PAs and skills, as for a routine.
    pub call: String,
    pub start: String,
    pub end: String,
    pub pas_required: String,
    pub skills: Vec<String>,
}

/// The last day a routine is needed, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct EndFields {
    /// `YYYY-MM-DD`; blank for today.
    pub last_day: String,
}

/// Hours of the week a PA can work, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct SlotFields {
    /// ISO weekdays, `1` (Monday) to `7` (Sunday).
    pub weekdays: Vec<String>,
    /// `HH:MM`
    pub start: String,
    /// `HH:MM`; at or before the start, the next day.
    pub end: String,
}

/// A dated exception to a PA's availability, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct AvailabilityExceptionFields {
    /// `unavailable` (the whole day) or `extra` (these hours besides).
    pub kind: String,
    /// `YYYY-MM-DD`
    pub date: String,
    /// For `extra`: `HH:MM`
    pub start: String,
    /// For `extra`: `HH:MM`; at or before the start, the next day.
    pub end: String,
}

/// Contracted hours, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct HoursFields {
    /// Hours a week, like `16` or `22.5`; blank for none agreed.
    pub hours: String,
}

pub(crate) fn today(state: &AppState) -> Date {
    state.clock().now().to_zoned_datetime(wales()).date()
}

fn weekdays(errors: &mut Problems, field: &'static str, raw: &[String]) -> Option<Weekdays> {
    let mut days = Vec::new();
    for r in raw {
        let day = r
            .trim()
            .parse::<i8>()
            .ok()
            .and_then(|n| Weekday::from_monday_one_offset(n).ok());
        match day {
            Some(d) => days.push(d),
            None => {
                errors.add(field, "needs-error-weekdays");
                return None;
            }
        }
    }
    if days.is_empty() {
        errors.add(field, "needs-error-weekdays");
        return None;
    }
    Some(Weekdays::of(&days))
}

fn time(
    errors: &mut Problems,
    field: &'static str,
    raw: &str,
    missing: &str,
) -> Option<jiff::civil::Time> {
    if raw.trim().is_empty() {
        errors.add(field, missing.to_owned());
        return None;
    }
    let parsed = parse_time(raw);
    if parsed.is_none() {
        errors.add(field, "needs-error-time");
    }
    parsed
}

fn times(
    errors: &mut Problems,
    start: (&'static str, &str),
    end: (&'static str, &str),
) -> Option<Times> {
    let s = time(errors, start.0, start.1, "needs-error-start-missing");
    let e = time(errors, end.0, end.1, "needs-error-end-missing");
    Some(Times { start: s?, end: e? })
}

fn call(errors: &mut Problems, field: &'static str, raw: &str) -> Option<Call> {
    let parsed = Call::parse(raw.trim());
    if parsed.is_none() {
        errors.add(field, "needs-error-call");
    }
    parsed
}

fn pas_required(errors: &mut Problems, field: &'static str, raw: &str) -> Option<i64> {
    match raw.trim() {
        "" => Some(1),
        raw => match raw.parse::<i64>() {
            Ok(n) if (1..=cylch_store::rota::needs::MAX_PAS_REQUIRED).contains(&n) => Some(n),
            _ => {
                errors.add(field, "needs-error-pas-required");
                None
            }
        },
    }
}

fn skills(errors: &mut Problems, field: &'static str, raw: &[String]) -> Option<Vec<Skill>> {
    let mut out = Vec::new();
    for r in raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        match Skill::parse(r) {
            Some(s) if !out.contains(&s) => out.push(s),
            Some(_) => {}
            None => {
                errors.add(field, "needs-error-skill");
                return None;
            }
        }
    }
    Some(out)
}

fn date(
    errors: &mut Problems,
    field: &'static str,
    raw: &str,
    default: Option<Date>,
) -> Option<Date> {
    if raw.trim().is_empty()
        && let Some(d) = default
    {
        return Some(d);
    }
    match parse_date(raw) {
        Ok(d) => Some(d),
        Err(cylch_domain::FieldError::Missing) => {
            errors.add(field, "needs-error-date-missing");
            None
        }
        Err(_) => {
            errors.add(field, "needs-error-date");
            None
        }
    }
}

/// Reads a routine as typed: every problem at once, at its field.
pub fn read_routine(f: &RoutineFields, today: Date) -> Result<RoutineInput, Problems> {
    let mut errors = Problems::default();
    let c = call(&mut errors, "call", &f.call);
    let w = weekdays(&mut errors, "weekdays", &f.weekdays);
    let t = times(&mut errors, ("start", &f.start), ("end", &f.end));
    let p = pas_required(&mut errors, "pas_required", &f.pas_required);
    let s = skills(&mut errors, "skills", &f.skills);
    let from = date(&mut errors, "starts_on", &f.starts_on, Some(today));
    match (c, w, t, p, s, from) {
        (
            Some(call),
            Some(weekdays),
            Some(times),
            Some(pas_required),
            Some(skills),
            Some(starts_on),
        ) if errors.is_empty() => Ok(RoutineInput {
            call,
            weekdays,
            times,
            pas_required,
            skills,
            starts_on,
            shared_with: f
                .shared_with
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
        }),
        _ => Err(errors),
    }
}

/// Reads a dated exception as typed. Its fields are named with `prefix`
/// on the page, where it shares the page with other forms.
pub fn read_need_exception(
    f: &NeedExceptionFields,
    prefix: bool,
) -> Result<ExceptionInput, Problems> {
    let n = |plain: &'static str, prefixed: &'static str| if prefix { prefixed } else { plain };
    let mut errors = Problems::default();
    let d = date(&mut errors, n("date", "exception_date"), &f.date, None);
    let out = match f.kind.trim() {
        "skip" => {
            if f.routine.trim().is_empty() {
                errors.add(n("routine", "exception_routine"), "needs-error-routine");
            }
            d.map(|date| ExceptionInput::Skip {
                date,
                routine: f.routine.trim().to_owned(),
            })
        }
        "extra" => {
            let c = call(&mut errors, n("call", "exception_call"), &f.call);
            let t = times(
                &mut errors,
                (n("start", "exception_start"), &f.start),
                (n("end", "exception_end"), &f.end),
            );
            let p = pas_required(
                &mut errors,
                n("pas_required", "exception_pas_required"),
                &f.pas_required,
            );
            let s = skills(&mut errors, n("skills", "exception_skills"), &f.skills);
            match (d, c, t, p, s) {
                (Some(date), Some(call), Some(times), Some(pas_required), Some(skills)) => {
                    Some(ExceptionInput::Extra {
                        date,
                        call: ExtraCall {
                            call,
                            times,
                            pas_required,
                            skills,
                        },
                    })
                }
                _ => None,
            }
        }
        _ => {
            errors.add(n("kind", "exception_kind"), "needs-error-exception-kind");
            None
        }
    };
    match out {
        Some(input) if errors.is_empty() => Ok(input),
        _ => Err(errors),
    }
}

pub fn read_preferences(f: &PreferenceFields) -> Result<Preferences, Problems> {
    let mut errors = Problems::default();
    let welsh = match f.welsh.trim() {
        "" => Some(WelshNeed::None),
        raw => WelshNeed::parse(raw),
    };
    if welsh.is_none() {
        errors.add("welsh", "needs-error-welsh");
    }
    let ids = |errors: &mut Problems, field: &'static str, raw: &[String]| -> Vec<EmploymentId> {
        let mut out = Vec::new();
        for r in raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
            match EmploymentId::parse(r) {
                Some(id) => out.push(id),
                None => errors.add(field, "needs-problem-no-such-pa"),
            }
        }
        out
    };
    let preferred = ids(&mut errors, "preferred", &f.preferred);
    let not_wanted = ids(&mut errors, "not_wanted", &f.not_wanted);
    match welsh {
        Some(welsh) if errors.is_empty() => Ok(Preferences {
            welsh,
            preferred,
            not_wanted,
        }),
        _ => Err(errors),
    }
}

/// The scope of the person's needs, answered as the rest of the rota
/// answers a record that is not the caller's.
pub(crate) async fn person(
    state: &AppState,
    scope: &CoopScope,
    raw: &str,
) -> Result<PersonScope, AppError> {
    state
        .store
        .needs_scope(scope, raw)
        .await
        .map_err(|err| match err {
            PersonScopeError::NotFound => AppError::NOT_FOUND,
            PersonScopeError::Refused => AppError::FORBIDDEN,
            PersonScopeError::Store(err) => err.into(),
        })
}

pub(crate) async fn pa(
    state: &AppState,
    scope: &CoopScope,
    raw: &str,
) -> Result<PaScope, AppError> {
    state
        .store
        .availability_scope(scope, raw)
        .await
        .map_err(|err| match err {
            AvailabilityError::Store(err) => err.into(),
            _ => AppError::NOT_FOUND,
        })
}

fn needs_refused(state: &AppState, language: Language, err: NeedsError, prefix: bool) -> Refused {
    match err {
        NeedsError::Invalid(problems) => {
            let mut errors = Problems::default();
            for (field, problem) in problems {
                let name = match (prefix, field.code()) {
                    (true, "date") => "exception_date",
                    (true, "routine") => "exception_routine",
                    (true, "end") => "exception_end",
                    (true, "pas_required") => "exception_pas_required",
                    (_, code) => code,
                };
                errors.add(name, format!("needs-problem-{}", problem.code()));
            }
            Refused::Fields(errors)
        }
        NeedsError::NotFound => Refused::Failed(AppError::NOT_FOUND),
        NeedsError::SharedWithOthers => Refused::Rule(Refusal::rule(
            state,
            language,
            "needs-shared-with-others",
            "needs-shared-with-others",
        )),
        NeedsError::AlreadyRemoved => Refused::Rule(Refusal::rule(
            state,
            language,
            "needs-already-removed",
            "needs-already-removed",
        )),
        NeedsError::Store(err) => Refused::Failed(err.into()),
    }
}

fn availability_refused(state: &AppState, language: Language, err: AvailabilityError) -> Refused {
    match err {
        AvailabilityError::Invalid(problems) => {
            let mut errors = Problems::default();
            for (field, problem) in problems {
                let name = match field.code() {
                    "weekdays" => "weekdays",
                    "end" => "end",
                    "date" => "exception_date",
                    _ => "hours",
                };
                errors.add(name, format!("availability-problem-{}", problem.code()));
            }
            Refused::Fields(errors)
        }
        AvailabilityError::NotFound => Refused::Failed(AppError::NOT_FOUND),
        AvailabilityError::AlreadyRemoved => Refused::Rule(Refusal::rule(
            state,
            language,
            "needs-already-removed",
            "needs-already-removed",
        )),
        AvailabilityError::Store(err) => Refused::Failed(err.into()),
    }
}

pub(crate) async fn add_routine(
    state: &AppState,
    scope: &CoopScope,
    person: &PersonScope,
    f: &RoutineFields,
    language: Language,
) -> Result<String, Refused> {
    let input = read_routine(f, today(state))?;
    state
        .store
        .add_routine(scope, person, &input)
        .await
        .map_err(|e| needs_refused(state, language, e, false))
}

pub(crate) async fn change_routine(
    state: &AppState,
    scope: &CoopScope,
    person: &PersonScope,
    routine: &str,
    f: &RoutineFields,
    language: Language,
) -> Result<(), Refused> {
    let input = read_routine(f, today(state))?;
    state
        .store
        .change_routine(scope, person, routine, &input)
        .await
        .map_err(|e| needs_refused(state, language, e, false))
}

pub(crate) async fn end_routine(
    state: &AppState,
    scope: &CoopScope,
    person: &PersonScope,
    routine: &str,
    f: &EndFields,
    language: Language,
) -> Result<(), Refused> {
    let mut errors = Problems::default();
    let Some(last_day) = date(&mut errors, "last_day", &f.last_day, Some(today(state))) else {
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .end_routine(scope, person, routine, last_day)
        .await
        .map_err(|e| needs_refused(state, language, e, false))
}

pub(crate) async fn set_preferences(
    state: &AppState,
    scope: &CoopScope,
    person: &PersonScope,
    f: &PreferenceFields,
    language: Language,
) -> Result<(), Refused> {
    let prefs = read_preferences(f)?;
    state
        .store
        .set_need_preferences(scope, person, &prefs)
        .await
        .map_err(|e| needs_refused(state, language, e, false))
}

pub(crate) async fn add_need_exception(
    state: &AppState,
    scope: &CoopScope,
    person: &PersonScope,
    f: &NeedExceptionFields,
    prefix: bool,
    language: Language,
) -> Result<String, Refused> {
    let input = read_need_exception(f, prefix)?;
    state
        .store
        .add_need_exception(scope, person, &input)
        .await
        .map_err(|e| needs_refused(state, language, e, prefix))
}

pub(crate) async fn remove_need_exception(
    state: &AppState,
    scope: &CoopScope,
    person: &PersonScope,
    exception: &str,
    language: Language,
) -> Result<(), Refused> {
    state
        .store
        .remove_need_exception(scope, person, exception)
        .await
        .map_err(|e| needs_refused(state, language, e, false))
}

pub(crate) async fn add_slot(
    state: &AppState,
    scope: &CoopScope,
    pa: &PaScope,
    f: &SlotFields,
    language: Language,
) -> Result<String, Refused> {
    let mut errors = Problems::default();
    let w = weekdays(&mut errors, "weekdays", &f.weekdays);
    let t = times(&mut errors, ("start", &f.start), ("end", &f.end));
    let (Some(w), Some(t), true) = (w, t, errors.is_empty()) else {
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .add_availability(scope, pa, w, t)
        .await
        .map_err(|e| availability_refused(state, language, e))
}

pub(crate) async fn remove_slot(
    state: &AppState,
    scope: &CoopScope,
    pa: &PaScope,
    slot: &str,
    language: Language,
) -> Result<(), Refused> {
    state
        .store
        .remove_availability(scope, pa, slot)
        .await
        .map_err(|e| availability_refused(state, language, e))
}

/// Fields of the availability exception form; on the page they carry the
/// `exception_` prefix, as the page has other forms.
pub(crate) async fn add_availability_exception(
    state: &AppState,
    scope: &CoopScope,
    pa: &PaScope,
    f: &AvailabilityExceptionFields,
    language: Language,
) -> Result<String, Refused> {
    let mut errors = Problems::default();
    let d = date(&mut errors, "exception_date", &f.date, None);
    let kind = match f.kind.trim() {
        "unavailable" => Some(AvailabilityExceptionKind::Unavailable),
        "extra" => times(
            &mut errors,
            ("exception_start", &f.start),
            ("exception_end", &f.end),
        )
        .map(AvailabilityExceptionKind::Extra),
        _ => {
            errors.add("exception_kind", "availability-error-kind");
            None
        }
    };
    let (Some(d), Some(kind), true) = (d, kind, errors.is_empty()) else {
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .add_availability_exception(scope, pa, d, kind)
        .await
        .map_err(|e| match availability_refused(state, language, e) {
            Refused::Fields(problems) => {
                // The form's end is `exception_end`.
                let mut errors = Problems::default();
                for p in problems.list() {
                    let name = if p.name == "end" {
                        "exception_end"
                    } else {
                        p.name
                    };
                    errors.add(name, p.message.clone());
                }
                Refused::Fields(errors)
            }
            other => other,
        })
}

pub(crate) async fn remove_availability_exception(
    state: &AppState,
    scope: &CoopScope,
    pa: &PaScope,
    exception: &str,
    language: Language,
) -> Result<(), Refused> {
    state
        .store
        .remove_availability_exception(scope, pa, exception)
        .await
        .map_err(|e| availability_refused(state, language, e))
}

/// Hours as typed (`16`, `22.5`, `7:30`) in minutes.
fn minutes(raw: &str) -> Option<i64> {
    let raw = raw.trim();
    if let Some((h, m)) = raw.split_once(':') {
        let (h, m) = (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?);
        return (0..60)
            .contains(&m)
            .then(|| h.checked_mul(60)?.checked_add(m))
            .flatten();
    }
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw, ""));
    let whole = whole.parse::<i64>().ok()?;
    let fraction = if fraction.is_empty() {
        0
    } else {
        let digits: String = fraction.chars().take(2).collect();
        let n = digits.parse::<i64>().ok()?;
        if digits.len() == 1 {
            n * 6
        } else {
            n * 60 / 100
        }
    };
    whole.checked_mul(60)?.checked_add(fraction)
}

pub(crate) async fn set_hours(
    state: &AppState,
    scope: &CoopScope,
    pa: &PaScope,
    f: &HoursFields,
    language: Language,
) -> Result<(), Refused> {
    let value = if f.hours.trim().is_empty() {
        None
    } else {
        match minutes(&f.hours) {
            Some(m) if (0..=WEEK_MINUTES).contains(&m) => Some(m),
            _ => {
                let mut errors = Problems::default();
                errors.add("hours", "availability-error-hours");
                return Err(Refused::Fields(errors));
            }
        }
    };
    state
        .store
        .set_contracted_hours(scope, pa, value)
        .await
        .map_err(|e| availability_refused(state, language, e))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn hours_are_read_as_people_write_them() {
        assert_eq!(minutes("16"), Some(960));
        assert_eq!(minutes("22.5"), Some(1350));
        assert_eq!(minutes("7:30"), Some(450));
        assert_eq!(minutes("seven"), None);
        assert_eq!(minutes("99999999999999999999"), None);
    }

    #[test]
    fn a_routine_typed_wrong_names_every_field() {
        let f = RoutineFields {
            call: "brunch".into(),
            start: "25:00".into(),
            pas_required: "9".into(),
            skills: vec!["juggling".into()],
            ..RoutineFields::default()
        };
        let errors = read_routine(&f, "2026-05-01".parse().unwrap()).unwrap_err();
        let fields: Vec<&str> = errors.list().iter().map(|p| p.name).collect();
        assert_eq!(
            fields,
            vec!["call", "weekdays", "start", "end", "pas_required", "skills"]
        );
    }
}
