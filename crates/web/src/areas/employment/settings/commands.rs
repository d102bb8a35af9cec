//! The actions on the co-operative's settings as an employer, shared by the
//! page and the API: change the settings, record a Real Living Wage figure,
//! and record a PA's signed opt-out of the 48-hour average.

use cylch_domain::{FieldError, Language};
use cylch_employment::working_time::WeeklyRest;
use cylch_store::employment::{EmployerSettings, SettingsError};
use cylch_store::rota::RotaError;
use cylch_store::{CoopScope, EmploymentId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::employment::commands::{day, money};
use crate::common::error::AppError;
use crate::common::problems::Problems;
use crate::common::refusal::{Explain, Refused};

/// The settings as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct SettingsFields {
    /// Months between DBS certificates for PAs not on the Update Service.
    pub dbs_recheck_months: String,
    /// Months between Update Service status checks.
    pub status_check_months: String,
    /// Satisfactory references asked for, 0 to 5.
    pub references_required: String,
    /// Whether the 48-hour average applies.
    pub weekly_average_applies: bool,
    /// Hours a week on average, when it applies.
    pub weekly_average_hours: String,
    /// Weeks the average is taken over.
    pub reference_weeks: String,
    /// `each_week` or `each_fortnight`
    pub weekly_rest: String,
    /// Whether the Real Living Wage is required (a warning below it).
    pub real_living_wage_required: bool,
}

impl SettingsFields {
    /// The settings as a form shows them.
    pub fn of(s: &EmployerSettings) -> SettingsFields {
        SettingsFields {
            dbs_recheck_months: s.dbs_recheck_months.to_string(),
            status_check_months: s.status_check_months.to_string(),
            references_required: s.references_required.to_string(),
            weekly_average_applies: s.weekly_average_minutes.is_some(),
            weekly_average_hours: (s.weekly_average_minutes.unwrap_or(48 * 60) / 60).to_string(),
            reference_weeks: s.reference_weeks.to_string(),
            weekly_rest: match s.weekly_rest {
                WeeklyRest::EachWeek => "each_week",
                WeeklyRest::EachFortnight => "each_fortnight",
            }
            .to_owned(),
            real_living_wage_required: s.real_living_wage_required,
        }
    }
}

fn whole(
    errors: &mut Problems,
    field: &'static str,
    raw: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Option<i64> {
    match raw.trim().parse::<i64>() {
        Ok(n) if range.contains(&n) => Some(n),
        _ => {
            errors.add(
                field,
                format!("employment-settings-error-{}", field.replace('_', "-")),
            );
            None
        }
    }
}

/// Reads the settings as typed: every problem at once, at its field.
pub fn read_settings(f: &SettingsFields) -> Result<EmployerSettings, Problems> {
    let mut errors = Problems::default();
    let dbs = whole(
        &mut errors,
        "dbs_recheck_months",
        &f.dbs_recheck_months,
        1..=120,
    );
    let status = whole(
        &mut errors,
        "status_check_months",
        &f.status_check_months,
        1..=60,
    );
    let references = whole(
        &mut errors,
        "references_required",
        &f.references_required,
        0..=5,
    );
    let average = if f.weekly_average_applies {
        whole(
            &mut errors,
            "weekly_average_hours",
            &f.weekly_average_hours,
            1..=168,
        )
        .map(|h| Some(h * 60))
    } else {
        Some(None)
    };
    let weeks = whole(&mut errors, "reference_weeks", &f.reference_weeks, 1..=52);
    let rest = match f.weekly_rest.trim() {
        "each_week" | "" => Some(WeeklyRest::EachWeek),
        "each_fortnight" => Some(WeeklyRest::EachFortnight),
        _ => {
            errors.add("weekly_rest", "employment-settings-error-weekly-rest");
            None
        }
    };
    match (dbs, status, references, average, weeks, rest) {
        (Some(dbs), Some(status), Some(references), Some(average), Some(weeks), Some(rest))
            if errors.is_empty() =>
        {
            Ok(EmployerSettings {
                dbs_recheck_months: u32::try_from(dbs).unwrap_or(36),
                status_check_months: u32::try_from(status).unwrap_or(12),
                references_required: usize::try_from(references).unwrap_or(2),
                weekly_average_minutes: average,
                reference_weeks: weeks,
                weekly_rest: rest,
                real_living_wage_required: f.real_living_wage_required,
            })
        }
        _ => Err(errors),
    }
}

fn refused(state: &AppState, language: Language, err: SettingsError) -> Refused {
    match err {
        SettingsError::Invalid(fields) => {
            let mut errors = Problems::default();
            for field in fields {
                let name = match field.code() {
                    "dbs_recheck_months" => "dbs_recheck_months",
                    "status_check_months" => "status_check_months",
                    "references_required" => "references_required",
                    "weekly_average_hours" => "weekly_average_hours",
                    "reference_weeks" => "reference_weeks",
                    _ => "rlw_hourly",
                };
                errors.add(
                    name,
                    format!("employment-settings-error-{}", name.replace('_', "-")),
                );
            }
            Refused::Fields(errors)
        }
        SettingsError::Employment(err) => match err.explain(state, language) {
            Ok(refusal) => Refused::Rule(refusal),
            Err(err) => Refused::Failed(err),
        },
    }
}

pub(crate) async fn save_settings(
    state: &AppState,
    scope: &CoopScope,
    f: &SettingsFields,
    language: Language,
) -> Result<EmployerSettings, Refused> {
    let settings = read_settings(f)?;
    state
        .store
        .set_employer_settings(scope, &settings)
        .await
        .map_err(|err| refused(state, language, err))?;
    Ok(settings)
}

/// A Real Living Wage figure as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct RealLivingWageFields {
    /// `YYYY-MM-DD`: the day the figure applies from.
    pub rlw_from: String,
    /// Pounds an hour, like `13.45`.
    pub rlw_hourly: String,
}

pub(crate) async fn record_real_living_wage(
    state: &AppState,
    scope: &CoopScope,
    f: &RealLivingWageFields,
    language: Language,
) -> Result<(), Refused> {
    let mut errors = Problems::default();
    // Each blank field named in its own words: a summary of two blanks
    // never says the same thing twice.
    let from = match day(&f.rlw_from) {
        Ok(d) => Some(d),
        Err(FieldError::Missing) => {
            errors.add("rlw_from", "employment-settings-error-rlw-from");
            None
        }
        Err(e) => {
            errors.field("rlw_from", e);
            None
        }
    };
    let hourly = match money(&f.rlw_hourly) {
        Ok(p) if p > 0 && p <= cylch_employment::Rates::MAX => Some(p),
        Ok(_) => {
            errors.add("rlw_hourly", "employment-settings-error-rlw-hourly");
            None
        }
        Err(message) if message == FieldError::Missing.code() => {
            errors.add("rlw_hourly", "employment-settings-error-rlw-hourly-missing");
            None
        }
        Err(message) => {
            errors.add("rlw_hourly", message);
            None
        }
    };
    let (Some(from), Some(hourly), true) = (from, hourly, errors.is_empty()) else {
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .set_real_living_wage(scope, from, hourly)
        .await
        .map_err(|err| refused(state, language, err))
}

/// A PA's signed opt-out of the 48-hour average, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct OptOutFields {
    /// `YYYY-MM-DD`: the day the PA signed it.
    pub opt_out_signed_on: String,
}

pub(crate) async fn record_opt_out(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    f: &OptOutFields,
) -> Result<(), Refused> {
    let pa = EmploymentId::parse(pa).ok_or(Refused::Failed(AppError::NOT_FOUND))?;
    let mut errors = Problems::default();
    let signed = match day(&f.opt_out_signed_on) {
        Ok(d) => Some(d),
        Err(FieldError::Missing) => {
            errors.add(
                "opt_out_signed_on",
                "employment-settings-error-opt-out-missing",
            );
            None
        }
        Err(e) => {
            errors.field("opt_out_signed_on", e);
            None
        }
    };
    let today = crate::areas::employment::commands::today(state)?;
    if signed.is_some_and(|d| d > today) {
        errors.add(
            "opt_out_signed_on",
            "employment-settings-error-opt-out-future",
        );
    }
    let (Some(signed), true) = (signed, errors.is_empty()) else {
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .record_opt_out(scope, &pa, signed)
        .await
        .map_err(|err| match err {
            RotaError::NotFound => Refused::Failed(AppError::NOT_FOUND),
            RotaError::NeedsEmployerDuties => Refused::Failed(AppError::FORBIDDEN),
            RotaError::Store(e) => Refused::Failed(e.into()),
            other => Refused::Failed(AppError::from(cylch_store::StoreError::Corrupt(
                other.to_string(),
            ))),
        })
}
