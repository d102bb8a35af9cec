//! The actions on the rota, shared by the pages and the API: put a shift on
//! the rota (with its PA, if one is chosen), put a PA on a shift, take them
//! off it, cancel it; and, in the background, take PAs off the shifts they
//! may no longer work and tell the coordinators.
//!
//! A shift is typed as a day and two times: an end at or before the start
//! is the next morning, as a night shift is written on a paper rota.

use cylch_domain::{FieldError, Language};
use cylch_employment::checks::Missing;
use cylch_employment::employment::RateKind;
use cylch_employment::pay_rate::PayRateError;
use cylch_employment::rostering::{Caution, ShiftKind, Unfit};
use cylch_employment::working_time::Breach;
use cylch_store::rota::{NewShift, RotaError, RotaShift, ShiftField, TakenOffShift};
use cylch_store::{CoopScope, EmploymentId, ShiftId};
use fluent_bundle::FluentArgs;
use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::fields::{parse_date, parse_time};
use crate::common::mail::OutgoingEmail;
use crate::common::problems::Problems;
use crate::common::refusal::{Refusal, Refused};

/// A shift as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ShiftFields {
    /// `YYYY-MM-DD`: the day the shift starts.
    pub date: String,
    /// `HH:MM`
    pub start: String,
    /// `HH:MM`; at or before the start, the next day.
    pub end: String,
    /// `day`, `night`, `sleep_in` or `waking_night`
    pub kind: String,
    /// Whole minutes of break planned; blank for none.
    pub break_minutes: String,
    /// The supported people it is for, by id.
    pub people: Vec<String>,
    /// The PA's employment id; blank to leave the shift to be covered.
    pub pa: String,
}

/// The most minutes of break a shift may plan: a typing mistake beyond.
const MAX_BREAK: i64 = 24 * 60;

/// Reads a shift as typed: every problem at once, at its field.
pub fn read_shift(f: &ShiftFields) -> Result<NewShift, Problems> {
    let mut errors = Problems::default();
    let date = errors.check("date", parse_date(&f.date));
    let start = time(&mut errors, "start", &f.start);
    let end = time(&mut errors, "end", &f.end);
    let kind = match ShiftKind::parse(f.kind.trim()) {
        Some(kind) => Some(kind),
        None if f.kind.trim().is_empty() => Some(ShiftKind::Day),
        None => {
            errors.add("kind", "rota-error-kind");
            None
        }
    };
    let break_minutes = match f.break_minutes.trim() {
        "" => Some(0),
        raw => match raw.parse::<i64>() {
            Ok(m) if (0..=MAX_BREAK).contains(&m) => Some(m),
            _ => {
                errors.add("break_minutes", "rota-error-break");
                None
            }
        },
    };
    let people: Vec<String> = f
        .people
        .iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if people.is_empty() {
        errors.add("people", "rota-error-no-people");
    }
    let pa = match f.pa.trim() {
        "" => Some(None),
        raw => match EmploymentId::parse(raw) {
            Some(id) => Some(Some(id)),
            None => {
                errors.add("pa", "rota-error-choose-pa");
                None
            }
        },
    };
    let (Some(date), Some(start), Some(end), Some(kind), Some(break_minutes), Some(pa), true) =
        (date, start, end, kind, break_minutes, pa, errors.is_empty())
    else {
        return Err(errors);
    };
    let starts = date.to_datetime(start);
    let end_day = if end <= start {
        date.tomorrow().ok()
    } else {
        Some(date)
    };
    let Some(end_day) = end_day else {
        errors.field("date", FieldError::DateFormat);
        return Err(errors);
    };
    Ok(NewShift {
        start: starts,
        end: end_day.to_datetime(end),
        kind,
        break_minutes,
        people,
        pa,
    })
}

fn time(errors: &mut Problems, field: &'static str, raw: &str) -> Option<jiff::civil::Time> {
    if raw.trim().is_empty() {
        errors.add(field, format!("rota-error-{field}-missing"));
        return None;
    }
    let parsed = parse_time(raw);
    if parsed.is_none() {
        errors.add(field, "rota-error-time");
    }
    parsed
}

fn shift_id(raw: &str) -> Result<ShiftId, Refused> {
    ShiftId::parse(raw).ok_or(Refused::Failed(AppError::NOT_FOUND))
}

/// Puts a shift on the rota; the cautions about its PA come back with it.
pub(crate) async fn add_shift(
    state: &AppState,
    scope: &CoopScope,
    f: &ShiftFields,
    language: Language,
) -> Result<(RotaShift, Vec<Caution>), Refused> {
    let shift = read_shift(f)?;
    state
        .store
        .add_shift(scope, &shift)
        .await
        .map_err(|err| refused(state, language, err))
}

/// Puts a PA on a shift.
pub(crate) async fn assign(
    state: &AppState,
    scope: &CoopScope,
    shift: &str,
    pa: &str,
    language: Language,
) -> Result<Vec<Caution>, Refused> {
    let shift = shift_id(shift)?;
    let Some(pa) = EmploymentId::parse(pa.trim()) else {
        let mut errors = Problems::default();
        errors.add("pa", "rota-error-choose-pa");
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .assign_shift(scope, &shift, &pa)
        .await
        .map_err(|err| refused(state, language, err))
}

/// Takes the PA off a shift, leaving it to be covered.
pub(crate) async fn unassign(
    state: &AppState,
    scope: &CoopScope,
    shift: &str,
    language: Language,
) -> Result<(), Refused> {
    let shift = shift_id(shift)?;
    state
        .store
        .unassign_shift(scope, &shift)
        .await
        .map_err(|err| refused(state, language, err))
}

/// Cancels a shift; it stays on record.
pub(crate) async fn cancel(
    state: &AppState,
    scope: &CoopScope,
    shift: &str,
    language: Language,
) -> Result<(), Refused> {
    let shift = shift_id(shift)?;
    state
        .store
        .cancel_shift(scope, &shift)
        .await
        .map_err(|err| refused(state, language, err))
}

/// Takes PAs off the shifts to come that they may no longer work, and
/// tells each co-operative's coordinators by email, in their language.
/// Returns how many shifts lost their PA.
pub async fn take_unfit_off_shifts(state: &AppState) -> Result<usize, cylch_store::StoreError> {
    let taken = state.store.take_unfit_off_shifts().await?;
    for shift in &taken {
        for recipient in &shift.tell {
            let email = taken_off_email(state, recipient.language, &recipient.name, shift);
            let outgoing = OutgoingEmail {
                to: recipient.email.clone(),
                subject: email.0,
                body: email.1,
            };
            if let Err(err) = state.mailer.send(&outgoing).await {
                // The shift shows it needs a PA on the rota whatever
                // happens to the email.
                tracing::warn!(shift = shift.shift.as_str(), error = %err, "a coordinator could not be told of a shift without a PA");
            }
        }
    }
    Ok(taken.len())
}

fn taken_off_email(
    state: &AppState,
    language: Language,
    name: &str,
    shift: &TakenOffShift,
) -> (String, String) {
    let when = when_words(state, language, shift.start);
    let mut args = FluentArgs::new();
    args.set("pa", shift.pa.clone());
    args.set("when", when);
    let subject = state
        .i18n
        .format(language, "rota-taken-off-subject", Some(&args));
    let reasons: Vec<String> = shift
        .reasons
        .iter()
        .map(|code| code_words(state, language, code))
        .collect();
    args.set("name", name.to_owned());
    args.set("reasons", reasons.join("\n- "));
    args.set(
        "link",
        format!(
            "{}/coops/{}/rota/{}",
            state.config.base_url,
            shift.coop.as_str(),
            shift.shift.as_str()
        ),
    );
    let body = state
        .i18n
        .format(language, "rota-taken-off-body", Some(&args));
    (subject, body)
}

/// A weekday and date as the rota shows them.
pub fn day_words(state: &AppState, language: Language, day: jiff::civil::Date) -> String {
    let weekday = state.i18n.text(
        language,
        &format!("rota-weekday-{}", day.weekday().to_monday_one_offset()),
    );
    format!("{weekday} {}", day.strftime("%d/%m/%Y"))
}

/// A weekday, date and time as the rota shows them.
pub fn when_words(state: &AppState, language: Language, at: DateTime) -> String {
    format!(
        "{} {}",
        day_words(state, language, at.date()),
        at.strftime("%H:%M")
    )
}

/// Reasons in words, each said once: the same breach in several of the
/// PA's weeks reads as one line.
pub fn said_once(mut words: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    words.retain(|w| seen.insert(w.clone()));
    words
}

/// The words for a reason kept on a shift by its code, as the sweep keeps
/// them.
pub fn code_words(state: &AppState, language: Language, code: &str) -> String {
    state.i18n.text(language, &format!("rota-reason-{code}"))
}

/// One reason a PA may not work a shift, in words.
pub fn unfit_words(
    state: &AppState,
    language: Language,
    unfit: &Unfit,
    people: &std::collections::BTreeMap<String, String>,
) -> String {
    let i18n = &state.i18n;
    let mut args = FluentArgs::new();
    let id = match unfit {
        Unfit::Check(missing) => return missing_words(state, language, *missing),
        Unfit::NotStarted(d) | Unfit::Ended(d) => {
            args.set("date", shown(*d));
            format!("rota-unfit-{}", unfit.code())
        }
        Unfit::NotTheirPa(person) => {
            args.set(
                "person",
                people
                    .get(person)
                    .cloned()
                    .unwrap_or_else(|| person.clone()),
            );
            "rota-unfit-not-their-pa".to_owned()
        }
        Unfit::NeedsCouncilAuthorisation => "rota-unfit-needs-council-authorisation".to_owned(),
        Unfit::Rate(
            kind,
            PayRateError::BelowMinimum {
                rate, minimum, age, ..
            },
        ) => {
            args.set("kind", rate_kind_words(state, language, *kind));
            args.set("rate", crate::areas::employment::statement::pounds(*rate));
            args.set(
                "minimum",
                crate::areas::employment::statement::pounds(*minimum),
            );
            args.set("age", i64::from(*age));
            "rota-unfit-rate-below-minimum".to_owned()
        }
        Unfit::Rate(_, PayRateError::NoRates(d)) => {
            args.set("date", shown(*d));
            "rota-unfit-no-minimum-wage-rates".to_owned()
        }
        Unfit::WorkingTime(breach) => {
            match breach {
                Breach::DailyRest {
                    longest, needed, ..
                }
                | Breach::WeeklyRest {
                    longest, needed, ..
                } => {
                    args.set("longest", hours(*longest));
                    args.set("needed", hours(*needed));
                }
                Breach::WeeklyAverage { average, limit, .. } => {
                    args.set("average", hours(*average));
                    args.set("limit", hours(*limit));
                }
                Breach::YoungDaily { minutes, limit, .. }
                | Breach::YoungWeekly { minutes, limit, .. } => {
                    args.set("minutes", hours(*minutes));
                    args.set("limit", hours(*limit));
                }
                Breach::Overlap { .. } | Breach::Break { .. } => {}
            }
            format!("rota-unfit-{}", breach.code())
        }
    };
    i18n.format(language, &id, Some(&args))
}

/// A caution about a PA on a shift, in words.
pub fn caution_words(state: &AppState, language: Language, caution: &Caution) -> String {
    let mut args = FluentArgs::new();
    let id = match caution {
        Caution::BelowRealLivingWage {
            kind,
            rate,
            real_living_wage,
        } => {
            args.set("kind", rate_kind_words(state, language, *kind));
            args.set("rate", crate::areas::employment::statement::pounds(*rate));
            args.set(
                "rlw",
                crate::areas::employment::statement::pounds(*real_living_wage),
            );
            "rota-caution-below-real-living-wage"
        }
        Caution::Break { needed, planned } => {
            args.set("needed", *needed);
            args.set("planned", *planned);
            "rota-caution-break"
        }
    };
    state.i18n.format(language, id, Some(&args))
}

fn missing_words(state: &AppState, language: Language, missing: Missing) -> String {
    crate::areas::employment::pages::missing_words(state, language, missing)
}

fn rate_kind_words(state: &AppState, language: Language, kind: RateKind) -> String {
    state
        .i18n
        .text(language, &format!("rota-rate-{}", kind.code()))
}

fn shown(d: cylch_payroll::Date) -> String {
    crate::areas::employment::statement::shown_date(&d.to_string())
}

/// Minutes as hours and minutes (`11:00`).
fn hours(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// The rota's errors, said once.
fn refused(state: &AppState, language: Language, err: RotaError) -> Refused {
    match err {
        RotaError::Invalid(problems) => {
            let mut errors = Problems::default();
            for (field, problem) in problems {
                errors.add(
                    field_name(field),
                    format!("rota-problem-{}", problem.code()),
                );
            }
            Refused::Fields(errors)
        }
        RotaError::NotFound => Refused::Failed(AppError::NOT_FOUND),
        RotaError::NeedsEmployerDuties => Refused::Failed(AppError::FORBIDDEN),
        RotaError::Cancelled => Refused::Rule(Refusal::rule(
            state,
            language,
            "rota-cancelled",
            "rota-cancelled",
        )),
        RotaError::NoPa => {
            Refused::Rule(Refusal::rule(state, language, "rota-no-pa", "rota-no-pa"))
        }
        RotaError::Unfit {
            pa,
            reasons,
            people,
        } => {
            let mut seen = std::collections::BTreeSet::new();
            let reasons: Vec<(&'static str, String)> = reasons
                .iter()
                .map(|u| (u.code(), unfit_words(state, language, u, &people)))
                .filter(|(_, words)| seen.insert(words.clone()))
                .collect();
            let mut refusal =
                Refusal::rule(state, language, "rota-pa-unfit", "rota-error-pa-unfit")
                    .at("pa")
                    .with_reasons(reasons);
            refusal.message = state.i18n.with_arg(language, "rota-pa-unfit", "pa", &pa);
            Refused::Rule(refusal)
        }
        RotaError::Store(err) => Refused::Failed(err.into()),
    }
}

fn field_name(field: ShiftField) -> &'static str {
    match field {
        // A time in the spring gap, or an end that does not follow the
        // start, is a problem with the time typed.
        ShiftField::Start => "start",
        ShiftField::End => "end",
        ShiftField::Break => "break_minutes",
        ShiftField::People => "people",
        ShiftField::Pa => "pa",
    }
}
