//! The co-operative's settings as an employer through the API.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::employment::settings::commands::{
    self, OptOutFields, RealLivingWageFields, SettingsFields,
};
use crate::common::api::{ApiErrorBody, Caller, answer_refused, rejected, scope};
use crate::common::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct RealLivingWageView {
    /// `YYYY-MM-DD`
    from: String,
    /// Pence an hour.
    hourly_pence: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SettingsView {
    settings: SettingsFields,
    real_living_wage: Vec<RealLivingWageView>,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/employment/settings", params(("id" = String, Path)),
    responses((status = 200, body = SettingsView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
    let in_force = state.store.employer_settings(&scope).await?;
    Ok(Json(SettingsView {
        settings: SettingsFields::of(&in_force.settings),
        real_living_wage: in_force
            .real_living_wage_rates
            .iter()
            .map(|(from, pence)| RealLivingWageView {
                from: from.to_string(),
                hourly_pence: *pence,
            })
            .collect(),
    })
    .into_response())
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/employment/settings", params(("id" = String, Path)), request_body = SettingsFields,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn save(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<SettingsFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::save_settings(&state, &scope, &body, account.language).await {
        Ok(_) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/employment/settings/real-living-wage", params(("id" = String, Path)), request_body = RealLivingWageFields,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn real_living_wage(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<RealLivingWageFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::record_real_living_wage(&state, &scope, &body, account.language).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/employment/{pa}/opt-out", params(("id" = String, Path), ("pa" = String, Path)), request_body = OptOutFields,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn opt_out(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<OptOutFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::record_opt_out(&state, &scope, &pa, &body).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

/// This part's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/employment/settings", show).documented::<__path_show>(),
        route("PUT", "/api/v1/coops/{id}/employment/settings", save).documented::<__path_save>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/settings/real-living-wage",
            real_living_wage,
        )
        .documented::<__path_real_living_wage>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/opt-out",
            opt_out,
        )
        .documented::<__path_opt_out>(),
    ]
}
