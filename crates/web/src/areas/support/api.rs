//! The people a co-operative supports, through the API.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_store::support::{SupportedPerson, end_reason_code};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::support::commands::{
    AddSupportedPerson, EndSupport, Refused, add_supported_person, end_support,
};
use crate::common::api::{ApiErrorBody, Caller, rejected, scope};
use crate::common::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct SupportedPersonView {
    id: String,
    name: String,
    member_account: Option<String>,
    represented_by: Option<String>,
    /// `YYYY-MM-DD`
    starts_on: String,
    ends_on: Option<String>,
    end_reason: Option<String>,
}

impl From<&SupportedPerson> for SupportedPersonView {
    fn from(p: &SupportedPerson) -> Self {
        SupportedPersonView {
            id: p.id.clone(),
            name: p.name.clone(),
            member_account: p.member_account.as_ref().map(ToString::to_string),
            represented_by: p.represented_by.as_ref().map(ToString::to_string),
            starts_on: p.starts_on.to_string(),
            ends_on: p.ends_on.map(|d| d.to_string()),
            end_reason: p.end_reason.map(|r| end_reason_code(r).to_owned()),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/support", params(("id" = String, Path)),
    responses((status = 200, body = [SupportedPersonView]), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<SupportedPersonView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewSupportRegister).await?;
    let (people, _) = state.store.support_register(&scope).await?;
    Ok(Json(people.iter().map(SupportedPersonView::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct NewPlace {
    name: String,
    /// The person's own account, when they are a member.
    member_account: Option<String>,
    /// The member who represents them.
    represented_by: Option<String>,
    /// `YYYY-MM-DD`
    starts_on: String,
}

/// The API's answer to a refused action: the field problems (422), or the
/// refusal under the rules (409, with its code and the whole explanation).
fn refused(
    state: &AppState,
    language: cylch_domain::Language,
    refused: Refused,
) -> Result<Response, AppError> {
    match refused {
        Refused::Fields(problems) => Ok(problems.respond(state, language)),
        Refused::Rule { refusal, .. } => Ok(refusal.to_json()),
        Refused::Failed(err) => Err(err),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/support", params(("id" = String, Path)), request_body = NewPlace,
    responses((status = 201, body = SupportedPersonView), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn add(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewPlace>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageSupport).await?;
    let Json(body) = body.map_err(rejected)?;
    let added = add_supported_person(
        &state,
        &scope,
        AddSupportedPerson {
            name: &body.name,
            member_account: body.member_account.as_deref(),
            represented_by: body.represented_by.as_deref(),
            starts_on: &body.starts_on,
            language: account.language,
        },
    )
    .await;
    match added {
        Ok(person) => Ok((
            StatusCode::CREATED,
            Json(SupportedPersonView::from(&person)),
        )
            .into_response()),
        Err(err) => refused(&state, account.language, err),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct EndPlace {
    /// `YYYY-MM-DD`
    ends_on: String,
    /// `no_longer_needed`, `moved_away`, `chose_another_provider`, `died`, `moved_to_another_coop` or `other`
    reason: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/support/{person}/end", params(("id" = String, Path), ("person" = String, Path)), request_body = EndPlace,
    responses((status = 204), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn end(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, person)): Path<(String, String)>,
    body: Result<Json<EndPlace>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageSupport).await?;
    let Json(body) = body.map_err(rejected)?;
    let ended = end_support(
        &state,
        &scope,
        EndSupport {
            person: &person,
            ends_on: &body.ends_on,
            reason: &body.reason,
            row: None,
            language: account.language,
        },
    )
    .await;
    match ended {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(err) => refused(&state, account.language, err),
    }
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/support", list).documented::<__path_list>(),
        route("POST", "/api/v1/coops/{id}/support", add).documented::<__path_add>(),
        route("POST", "/api/v1/coops/{id}/support/{person}/end", end).documented::<__path_end>(),
    ]
}
