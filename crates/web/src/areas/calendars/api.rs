//! The calendars through the API: the feeds the caller keeps, and making
//! or revoking a feed's secret address.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::calendars::commands::{self, FeedFields};
use crate::common::api::{ApiErrorBody, Caller, answer_refused, rejected, scope};
use crate::common::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct FeedView {
    /// `pa` or `person`
    owner: String,
    /// The PA's employment id, or the supported person's id.
    id: String,
    name: String,
    /// When the live address was made (milliseconds since 1970); none
    /// while there is no live address.
    live_since_ms: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct NewFeed {
    owner: String,
    id: String,
    /// The secret address, shown this once: anyone holding it reads the
    /// feed.
    url: String,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/calendars", params(("id" = String, Path)),
    responses((status = 200, body = [FeedView]), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewRota).await?;
    let feeds: Vec<FeedView> = state
        .store
        .calendar_feeds(&scope)
        .await?
        .into_iter()
        .map(|line| FeedView {
            owner: line.owner.kind().to_owned(),
            id: line.owner.id().to_owned(),
            name: line.name,
            live_since_ms: line.live_since_ms,
        })
        .collect();
    Ok(Json(feeds).into_response())
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/calendars", params(("id" = String, Path)), request_body = FeedFields,
    responses((status = 201, body = NewFeed), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<FeedFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewRota).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::create_feed(&state, &scope, &body, account.language).await {
        Ok((owner, url)) => Ok((
            StatusCode::CREATED,
            Json(NewFeed {
                owner: owner.kind().to_owned(),
                id: owner.id().to_owned(),
                url,
            }),
        )
            .into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/calendars/revoke", params(("id" = String, Path)), request_body = FeedFields,
    responses((status = 204), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<FeedFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewRota).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::revoke_feed(&state, &scope, &body, account.language).await {
        Ok(_) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/calendars", list).documented::<__path_list>(),
        route("POST", "/api/v1/coops/{id}/calendars", create).documented::<__path_create>(),
        route("POST", "/api/v1/coops/{id}/calendars/revoke", revoke).documented::<__path_revoke>(),
    ]
}
