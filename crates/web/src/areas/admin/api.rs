//! The instance administrator's API: every co-operative, new ones, their first officers.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_domain::{CoopKind, CoopName, EmailAddress, Office, PersonName};
use cylch_store::CoopId;
use cylch_store::invitations::NewInvitation;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::coops::api::CoopView;
use crate::common::api::{ApiErrorBody, Caller, rejected, require_admin};
use crate::common::error::AppError;
use crate::common::problems::Problems;

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
    let mut invalid = Problems::default();
    let name = invalid.check("name", CoopName::parse(&body.name));
    let kind = invalid.check("kind", CoopKind::parse(&body.kind));
    let (Some(name), Some(kind)) = (name, kind) else {
        return Ok(invalid.respond(&state, account.language));
    };
    let coop = state.store.create_coop(&account.id, &name, kind).await?;
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
    let coop_id = CoopId::parse(&id).ok_or(AppError::NOT_FOUND)?;
    state
        .store
        .coop_summary(&coop_id)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    let mut invalid = Problems::default();
    let name = invalid.check("name", PersonName::parse(&body.name));
    let email = invalid.check("email", EmailAddress::parse(&body.email));
    let office = invalid.check("office", Office::parse(&body.office));
    let (Some(name), Some(email), Some(office)) = (name, email, office) else {
        return Ok(invalid.respond(&state, account.language));
    };
    let (invitation, secret) = state
        .store
        .create_invitation(
            &account.id,
            NewInvitation {
                coop: &coop_id,
                email: &email,
                name: &name,
                office: Some(office),
                class: None,
            },
        )
        .await?;
    crate::areas::admin::pages::send_invitation(&state, &invitation, &secret).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedInvitation { id: invitation.id }),
    )
        .into_response())
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
