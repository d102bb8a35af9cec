//! The instance administrator's API: every co-operative, new ones, their first officers.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_store::accounts::Account;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::admin::commands::{self, CreateCoop, InviteOfficer, Refused, coop_for_admin};
use crate::areas::coops::api::CoopView;
use crate::common::api::{ApiErrorBody, Caller, rejected, require_admin};
use crate::common::error::AppError;

#[utoipa::path(get, path = "/api/v1/admin/coops", responses((status = 200, body = [CoopView]), (status = 403, body = ApiErrorBody)))]
pub(crate) async fn all_coops(
    State(state): State<AppState>,
    Caller(account): Caller,
) -> Result<Json<Vec<CoopView>>, AppError> {
    require_admin(&account, Action::ListAllCoops)?;
    Ok(Json(
        state
            .store
            .all_coops()
            .await?
            .into_iter()
            .map(|c| CoopView {
                id: c.id.to_string(),
                name: c.name,
                kind: c.kind.code().into(),
                roles: None,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct NewCoop {
    name: String,
    /// `family`, `pa_coop` or `citizen_led`.
    kind: String,
}

#[utoipa::path(post, path = "/api/v1/admin/coops", request_body = NewCoop,
    responses((status = 201, body = CoopView), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn create_coop(
    State(state): State<AppState>,
    Caller(account): Caller,
    body: Result<Json<NewCoop>, JsonRejection>,
) -> Result<Response, AppError> {
    require_admin(&account, Action::CreateCoop)?;
    let Json(body) = body.map_err(rejected)?;
    let created = commands::create_coop(
        &state,
        &account,
        CreateCoop {
            name: &body.name,
            kind: &body.kind,
        },
    )
    .await;
    let coop = match created {
        Ok(coop) => coop,
        Err(err) => return refused(&state, &account, err),
    };
    let view = CoopView {
        id: coop.id.to_string(),
        name: coop.name,
        kind: coop.kind.code().into(),
        roles: None,
    };
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct NewOfficer {
    name: String,
    email: String,
    /// `chair`, `secretary`, `treasurer` or `coordinator`.
    office: String,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedInvitation {
    id: String,
    /// Whether the invitation was emailed. When it could not be, it is
    /// saved but the invitee has no link: invite them again once email
    /// works.
    emailed: bool,
}

#[utoipa::path(post, path = "/api/v1/admin/coops/{id}/invitations", params(("id" = String, Path)), request_body = NewOfficer,
    responses((status = 201, body = CreatedInvitation), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub(crate) async fn invite_officer(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewOfficer>, JsonRejection>,
) -> Result<Response, AppError> {
    require_admin(&account, Action::InviteFirstOfficer)?;
    let Json(body) = body.map_err(rejected)?;
    let coop = coop_for_admin(&state, &id).await?;
    let invited = commands::invite_first_officer(
        &state,
        &account,
        &coop,
        InviteOfficer {
            name: &body.name,
            email: &body.email,
            office: &body.office,
        },
    )
    .await;
    match invited {
        Ok(invited) => Ok((
            StatusCode::CREATED,
            Json(CreatedInvitation {
                id: invited.invitation.id,
                emailed: invited.emailed,
            }),
        )
            .into_response()),
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

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/admin/coops", all_coops).documented::<__path_all_coops>(),
        route("POST", "/api/v1/admin/coops", create_coop).documented::<__path_create_coop>(),
        route(
            "POST",
            "/api/v1/admin/coops/{id}/invitations",
            invite_officer,
        )
        .documented::<__path_invite_officer>(),
    ]
}
