//! The caller's own account in the API: details, password and tokens.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_store::accounts::Account;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::account::commands::{self, ChangePassword, Refused, SaveDetails};
use crate::common::api::{ApiErrorBody, Caller, rejected};
use crate::common::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct Me {
    id: String,
    email: String,
    name: String,
    language: String,
    instance_admin: bool,
}

impl From<&Account> for Me {
    fn from(a: &Account) -> Me {
        Me {
            id: a.id.to_string(),
            email: a.email.to_string(),
            name: a.name.clone(),
            language: a.language.code().into(),
            instance_admin: a.instance_admin,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = Me), (status = 401, body = ApiErrorBody)))]
pub(crate) async fn me(Caller(account): Caller) -> Json<Me> {
    Json(Me::from(&account))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateMe {
    name: String,
    email: String,
    /// `en` or `cy`.
    language: String,
    /// The current password: needed only when `email` changes.
    #[serde(default)]
    current_password: String,
}

#[utoipa::path(put, path = "/api/v1/me", request_body = UpdateMe,
    responses((status = 200, body = Me), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn update_me(
    State(state): State<AppState>,
    Caller(account): Caller,
    body: Result<Json<UpdateMe>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(body) = body.map_err(rejected)?;
    let saved = commands::save_details(
        &state,
        &account,
        SaveDetails {
            name: &body.name,
            email: &body.email,
            language: &body.language,
            current_password: &body.current_password,
        },
    )
    .await;
    match saved {
        Ok(updated) => Ok(Json(Me::from(&updated)).into_response()),
        Err(err) => refused(&state, &account, err),
    }
}

/// The API's answer to an action not taken: 422 with each field's problem,
/// or the failure.
fn refused(state: &AppState, account: &Account, err: Refused) -> Result<Response, AppError> {
    match err {
        Refused::Fields(problems) => Ok(problems.respond(state, account.language)),
        Refused::Failed(err) => Err(err),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewPasswordBody {
    current_password: String,
    new_password: String,
}

#[utoipa::path(put, path = "/api/v1/me/password", request_body = NewPasswordBody,
    responses((status = 204), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn change_password(
    State(state): State<AppState>,
    Caller(account): Caller,
    body: Result<Json<NewPasswordBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(body) = body.map_err(rejected)?;
    let changed = commands::change_password(
        &state,
        &account,
        ChangePassword {
            current_password: &body.current_password,
            new_password: &body.new_password,
            // A token is no session: every session ends.
            confirm: None,
            keep_session: None,
        },
    )
    .await;
    match changed {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(err) => refused(&state, &account, err),
    }
}

#[utoipa::path(post, path = "/api/v1/me/sign-out-everywhere", responses((status = 204)))]
pub(crate) async fn sign_out_everywhere(
    State(state): State<AppState>,
    Caller(account): Caller,
) -> Result<StatusCode, AppError> {
    commands::sign_out_everywhere(&state, &account).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct TokenView {
    id: String,
    name: String,
    created_at_ms: i64,
    last_used_at_ms: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/tokens", responses((status = 200, body = [TokenView])))]
pub(crate) async fn tokens(
    State(state): State<AppState>,
    Caller(account): Caller,
) -> Result<Json<Vec<TokenView>>, AppError> {
    let tokens = state.store.api_tokens(&account.id).await?;
    Ok(Json(
        tokens
            .into_iter()
            .map(|t| TokenView {
                id: t.id,
                name: t.name,
                created_at_ms: t.created_at_ms,
                last_used_at_ms: t.last_used_at_ms,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct NewToken {
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    id: String,
    name: String,
    /// Shown once; only its hash is kept.
    secret: String,
}

#[utoipa::path(post, path = "/api/v1/tokens", request_body = NewToken,
    responses((status = 201, body = CreatedToken), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn create_token(
    State(state): State<AppState>,
    Caller(account): Caller,
    body: Result<Json<NewToken>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(body) = body.map_err(rejected)?;
    let (token, secret) = match commands::create_token(&state, &account, &body.name).await {
        Ok(created) => created,
        Err(err) => return refused(&state, &account, err),
    };
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            id: token.id,
            name: token.name,
            secret,
        }),
    )
        .into_response())
}

#[utoipa::path(delete, path = "/api/v1/tokens/{id}", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn revoke_token(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    commands::revoke_token(&state, &account, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/me", me).documented::<__path_me>(),
        route("PUT", "/api/v1/me", update_me).documented::<__path_update_me>(),
        route("PUT", "/api/v1/me/password", change_password).documented::<__path_change_password>(),
        route(
            "POST",
            "/api/v1/me/sign-out-everywhere",
            sign_out_everywhere,
        )
        .documented::<__path_sign_out_everywhere>(),
        route("GET", "/api/v1/tokens", tokens).documented::<__path_tokens>(),
        route("POST", "/api/v1/tokens", create_token).documented::<__path_create_token>(),
        route("DELETE", "/api/v1/tokens/{id}", revoke_token).documented::<__path_revoke_token>(),
    ]
}
