//! The JSON API under `/api/v1`: everything the pages can do, for personal
//! API tokens (`Authorization: Bearer cylch_…`), through the same policy.
//! The OpenAPI document is generated from these handlers.

use axum::Json;
use axum::extract::FromRequestParts;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_store::CoopScope;
use cylch_store::accounts::Account;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::common::error::{AppError, ErrorKind};
use crate::common::problems::Problems;

/// The account behind a request's bearer token.
pub struct Caller(pub Account);

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let secret = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|s| s.starts_with(cylch_store::tokens::TOKEN_PREFIX) && s.len() < 200)
            .ok_or(AppError::Kind(ErrorKind::SignInRequired))?;
        let account = state
            .store
            .account_for_api_token(secret)
            .await?
            .ok_or(AppError::Kind(ErrorKind::SignInRequired))?;
        Ok(Caller(account))
    }
}

pub(crate) fn actor(account: &Account) -> cylch_domain::Actor {
    cylch_domain::Actor::person(account.instance_admin)
}

pub(crate) async fn scope(
    state: &AppState,
    account: &Account,
    raw: &str,
    action: Action,
) -> Result<CoopScope, AppError> {
    crate::common::access::coop_scope(state, account, raw, action).await
}

/// A body that could not be read as the JSON this route takes. Read only
/// after the permission check, so that a refusal never depends on the body.
pub(crate) fn rejected(rejection: JsonRejection) -> AppError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::Kind(ErrorKind::TooLarge)
    } else {
        AppError::Kind(ErrorKind::BadRequest)
    }
}

pub(crate) fn require_admin(account: &Account, action: Action) -> Result<(), AppError> {
    crate::common::access::instance(Some(account), action)
}

/// An error body: a stable code, a sentence in the caller's language, and
/// for invalid input each field's problem.
#[derive(Serialize, ToSchema)]
pub struct ApiErrorBody {
    pub(crate) error: ApiErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ApiErrorDetail {
    pub(crate) code: String,
    pub(crate) message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) fields: Vec<FieldProblemView>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblemView {
    pub(crate) field: String,
    pub(crate) code: String,
    pub(crate) message: String,
}

/// The API's answer to input with problems: 422, with each field's
/// problem as the page would show it at that field.
impl Problems {
    pub(crate) fn respond(self, state: &AppState, language: Language) -> Response {
        let fields = self
            .list()
            .iter()
            .map(|problem| FieldProblemView {
                field: problem.name.to_owned(),
                message: state.i18n.text(language, &problem.message),
                code: problem.message.clone(),
            })
            .collect();
        let body = ApiErrorBody {
            error: ApiErrorDetail {
                code: "invalid".into(),
                message: state.i18n.text(language, "error-summary-title"),
                fields,
            },
        };
        (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
    }
}

/// The API's answer to a refused action: the problems at their fields
/// (422), or the refusal under the rules with its code, its status and its
/// reasons.
pub(crate) fn answer_refused(
    state: &AppState,
    language: Language,
    refused: crate::common::refusal::Refused,
) -> Result<Response, AppError> {
    use crate::common::refusal::Refused;
    match refused {
        Refused::Fields(problems) => Ok(problems.respond(state, language)),
        Refused::Rule(refusal) => Ok(refusal.to_json()),
        Refused::Failed(err) => Err(err),
    }
}
