//! The people a co-operative supports, through the API.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_domain::{FieldError, PersonName};
use cylch_store::support::{
    NewSupportedPerson, SupportError, SupportedPerson, end_reason_code, parse_end_reason,
};
use cylch_store::{AccountId, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::common::api::{ApiErrorBody, Caller, rejected, scope};
use crate::common::error::AppError;
use crate::common::fields::parse_date;
use crate::common::problems::Problems;

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

/// A refusal under the co-operative's rules: 409, with the rule's code.
fn refused(state: &AppState, language: cylch_domain::Language, code: &str) -> Response {
    let body =
        serde_json::json!({"error": {"code": code, "message": state.i18n.text(language, code)}});
    (StatusCode::CONFLICT, Json(body)).into_response()
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
    let mut invalid = Problems::default();
    let name = invalid.check("name", PersonName::parse(&body.name));
    let starts = invalid.check("starts_on", parse_date(&body.starts_on));
    let parse_account = |raw: &Option<String>| {
        raw.as_deref()
            .map(|r| AccountId::parse(r).ok_or(FieldError::UnknownChoice))
            .transpose()
    };
    let member = invalid.check("member_account", parse_account(&body.member_account));
    let represented = invalid.check("represented_by", parse_account(&body.represented_by));
    let (Some(name), Some(starts), Some(member), Some(represented)) =
        (name, starts, member, represented)
    else {
        return Ok(invalid.respond(&state, account.language));
    };
    let added = state
        .store
        .add_supported_person(
            &scope,
            NewSupportedPerson {
                name: name.as_str(),
                member_account: member.as_ref(),
                represented_by: represented.as_ref(),
                starts_on: starts,
            },
        )
        .await;
    match added {
        Ok(person) => Ok((
            StatusCode::CREATED,
            Json(SupportedPersonView::from(&person)),
        )
            .into_response()),
        Err(SupportError::Refused(refusal)) => {
            Ok(refused(&state, account.language, refusal.code()))
        }
        Err(SupportError::NotAMemberHere) => {
            invalid.add("member_account", "support-not-member-here");
            Ok(invalid.respond(&state, account.language))
        }
        Err(SupportError::Store(err)) => Err(err.into()),
        Err(other) => Err(AppError::Internal(other.to_string())),
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
    let mut invalid = Problems::default();
    let ends = invalid.check("ends_on", parse_date(&body.ends_on));
    let reason = invalid.check(
        "reason",
        parse_end_reason(&body.reason).ok_or(FieldError::UnknownChoice),
    );
    let (Some(ends), Some(reason)) = (ends, reason) else {
        return Ok(invalid.respond(&state, account.language));
    };
    match state.store.end_support(&scope, &person, ends, reason).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(SupportError::CannotEnd(err)) => Ok(refused(&state, account.language, err.code())),
        Err(SupportError::Store(StoreError::NotFound)) => Err(AppError::NOT_FOUND),
        Err(SupportError::Store(err)) => Err(err.into()),
        Err(other) => Err(AppError::Internal(other.to_string())),
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
