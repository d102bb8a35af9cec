//! Notifications in the API: the caller's list, marking one read, and email choices.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_store::notifications::NotificationKind;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::notifications::commands;
use crate::common::api::{Caller, rejected, scope};
use crate::common::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct NotificationView {
    id: String,
    coop: String,
    /// `new_proposal`, `vote_closing`, `meeting_notice` or `result`.
    kind: String,
    /// What happened, in the caller's language.
    text: String,
    /// The page it is about.
    path: String,
    at: String,
    read: bool,
}

#[utoipa::path(get, path = "/api/v1/notifications",
    responses((status = 200, body = [NotificationView]), (status = 401, body = crate::common::api::ApiErrorBody)))]
pub async fn notifications(
    State(state): State<AppState>,
    Caller(account): Caller,
) -> Result<Json<Vec<NotificationView>>, AppError> {
    let list = state.store.notifications_for(&account.id, 100).await?;
    Ok(Json(
        list.iter()
            .map(|n| NotificationView {
                id: n.id.clone(),
                coop: n.coop_id.to_string(),
                kind: n.kind.code().to_owned(),
                text: crate::common::notify::headline(&state, account.language, n),
                path: crate::common::notify::link(n),
                at: Timestamp::from_millisecond(n.created_at_ms)
                    .map(|t| t.to_string())
                    .unwrap_or_default(),
                read: n.read,
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/notifications/{id}/read", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = crate::common::api::ApiErrorBody)))]
pub async fn mark_read(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    commands::mark_read(&state, &account.id, &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Whether the caller hears of each kind by email from this co-operative.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct EmailChoices {
    new_proposal: bool,
    vote_closing: bool,
    meeting_notice: bool,
    result: bool,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/notifications/settings", params(("id" = String, Path)),
    responses((status = 200, body = EmailChoices), (status = 404, body = crate::common::api::ApiErrorBody)))]
pub async fn settings(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<EmailChoices>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewCoop).await?;
    let s = state.store.notification_settings(&scope).await?;
    let get = |k| s.get(&k).copied().unwrap_or(true);
    Ok(Json(EmailChoices {
        new_proposal: get(NotificationKind::NewProposal),
        vote_closing: get(NotificationKind::VoteClosing),
        meeting_notice: get(NotificationKind::MeetingNotice),
        result: get(NotificationKind::Result),
    }))
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/notifications/settings", params(("id" = String, Path)), request_body = EmailChoices,
    responses((status = 204), (status = 400, body = crate::common::api::ApiErrorBody), (status = 404, body = crate::common::api::ApiErrorBody)))]
pub async fn save_settings(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<EmailChoices>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewCoop).await?;
    let Json(body) = body.map_err(rejected)?;
    let choices = commands::EmailChoices {
        new_proposal: body.new_proposal,
        vote_closing: body.vote_closing,
        meeting_notice: body.meeting_notice,
        result: body.result,
    };
    commands::save_email_choices(&state, &scope, choices).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/notifications", notifications).documented::<__path_notifications>(),
        route("POST", "/api/v1/notifications/{id}/read", mark_read)
            .documented::<__path_mark_read>(),
        route("GET", "/api/v1/coops/{id}/notifications/settings", settings)
            .documented::<__path_settings>(),
        route(
            "PUT",
            "/api/v1/coops/{id}/notifications/settings",
            save_settings,
        )
        .documented::<__path_save_settings>(),
    ]
}
