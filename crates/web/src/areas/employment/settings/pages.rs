//! The settings page, and the opt-out form on a PA's record.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::policy::Action;
use cylch_store::CoopScope;
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::areas::employment::settings::commands::{
    self, OptOutFields, RealLivingWageFields, SettingsFields,
};
use crate::areas::employment::statement::{pounds, shown_date};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Refused;
use crate::common::viewer::Viewer;

#[derive(Template)]
#[template(path = "employment/settings.html")]
struct SettingsPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    typed: SettingsFields,
    rlw: RealLivingWageFields,
    /// The Real Living Wage figures, newest first: from, pounds an hour.
    figures: Vec<(String, String)>,
}

async fn settings_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    typed: Option<SettingsFields>,
    rlw: RealLivingWageFields,
) -> Result<Response, AppError> {
    let in_force = state.store.employer_settings(scope).await?;
    let mut chrome = Chrome::new(state, viewer, "employment-settings-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let page = SettingsPage {
        chrome,
        coop_id: scope.coop_id().to_string(),
        typed: typed.unwrap_or_else(|| SettingsFields::of(&in_force.settings)),
        rlw,
        figures: in_force
            .real_living_wage_rates
            .iter()
            .rev()
            .map(|(from, pence)| (shown_date(&from.to_string()), pounds(*pence)))
            .collect(),
        errors,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    settings_page(
        &state,
        &viewer,
        &scope,
        Problems::default(),
        None,
        RealLivingWageFields::default(),
    )
    .await
}

/// The settings form as a browser sends it: boxes ticked are present.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    dbs_recheck_months: String,
    status_check_months: String,
    references_required: String,
    weekly_average_applies: String,
    weekly_average_hours: String,
    reference_weeks: String,
    weekly_rest: String,
    real_living_wage_required: String,
}

pub async fn save(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    let fields = SettingsFields {
        dbs_recheck_months: form.dbs_recheck_months,
        status_check_months: form.status_check_months,
        references_required: form.references_required,
        weekly_average_applies: !form.weekly_average_applies.is_empty(),
        weekly_average_hours: form.weekly_average_hours,
        reference_weeks: form.reference_weeks,
        weekly_rest: form.weekly_rest,
        real_living_wage_required: !form.real_living_wage_required.is_empty(),
    };
    let back = format!("/coops/{id}/employment/settings");
    match commands::save_settings(&state, &scope, &fields, viewer.language).await {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            settings_page(
                &state,
                &viewer,
                &scope,
                errors,
                Some(fields),
                RealLivingWageFields::default(),
            )
            .await
        }
        Err(Refused::Rule(refusal)) => refusal.to_page(&state, &viewer, &back),
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub async fn real_living_wage(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RealLivingWageFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    let back = format!("/coops/{id}/employment/settings");
    match commands::record_real_living_wage(&state, &scope, &form, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&format!("{back}#rlw-heading")).into_response()),
        Err(Refused::Fields(errors)) => {
            settings_page(&state, &viewer, &scope, errors, None, form).await
        }
        Err(Refused::Rule(refusal)) => refusal.to_page(&state, &viewer, &back),
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub async fn opt_out(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<OptOutFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    let back = format!("/coops/{id}/employment/{pa}");
    match commands::record_opt_out(&state, &scope, &pa, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("{back}#working-time")).into_response()),
        Err(Refused::Fields(errors)) => {
            crate::areas::employment::pages::record_with_problems(
                &state, &viewer, &scope, &pa, errors,
            )
            .await
        }
        Err(Refused::Rule(refusal)) => refusal.to_page(&state, &viewer, &back),
        Err(Refused::Failed(err)) => Err(err),
    }
}

/// This part's pages.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/employment/settings", show),
        route("POST", "/coops/{id}/employment/settings", save),
        route(
            "POST",
            "/coops/{id}/employment/settings/real-living-wage",
            real_living_wage,
        ),
        route("POST", "/coops/{id}/employment/{pa}/opt-out", opt_out),
    ]
}

/// The working-time limits the rota applies to a PA born on `born`, in
/// words: the young workers' limits while they are under 18 on `today`.
pub fn limits_in_words(
    state: &AppState,
    language: cylch_domain::Language,
    settings: &cylch_store::employment::EmployerSettings,
    born: cylch_payroll::Date,
    today: cylch_payroll::Date,
) -> Vec<String> {
    use cylch_employment::working_time::WeeklyRest;
    let i18n = &state.i18n;
    if born.age_on(today) < 18 {
        return [
            "employment-wt-young-hours",
            "employment-wt-young-daily-rest",
            "employment-wt-young-weekly-rest",
            "employment-wt-young-break",
        ]
        .iter()
        .map(|id| i18n.text(language, id))
        .collect();
    }
    let mut out = Vec::new();
    match settings.weekly_average_minutes {
        Some(minutes) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("hours", minutes / 60);
            args.set("weeks", settings.reference_weeks);
            out.push(i18n.format(language, "employment-wt-average", Some(&args)));
        }
        None => out.push(i18n.text(language, "employment-wt-average-off")),
    }
    out.push(i18n.text(language, "employment-wt-daily-rest"));
    out.push(i18n.text(
        language,
        match settings.weekly_rest {
            WeeklyRest::EachWeek => "employment-wt-weekly-rest-week",
            WeeklyRest::EachFortnight => "employment-wt-weekly-rest-fortnight",
        },
    ));
    out.push(i18n.text(language, "employment-wt-break"));
    out
}
