//! Admitting members in the API: invite one, or raise the resolution the rules ask for.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::members::commands::{AdmitMember, Admitted, Refused, admit_member};
use crate::common::api::{Caller, rejected, scope};
use crate::common::error::AppError;

#[derive(Deserialize, ToSchema)]
pub struct InviteMemberBody {
    name: String,
    email: String,
    /// `supported_person`, `representative`, `family_or_carer`, `pa` or
    /// `supporter`.
    class: String,
    /// Where the members admit: why, and when they vote (RFC 3339, or
    /// `YYYY-MM-DDTHH:MM` read as the time in Wales).
    #[serde(default)]
    background: String,
    #[serde(default)]
    opens_at: String,
    #[serde(default)]
    closes_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct InvitedView {
    /// Whether the invitation went now (admission by the committee).
    invited: bool,
    /// The proposal to admit them, where the members decide.
    proposal: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/members/invitations", params(("id" = String, Path)), request_body = InviteMemberBody,
    responses((status = 201, body = InvitedView), (status = 403, body = crate::common::api::ApiErrorBody), (status = 404, body = crate::common::api::ApiErrorBody), (status = 422, body = crate::common::api::ApiErrorBody)))]
pub async fn invite_member(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<InviteMemberBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::InviteMember).await?;
    let Json(body) = body.map_err(rejected)?;
    let admitted = admit_member(
        &state,
        &scope,
        AdmitMember {
            name: &body.name,
            email: &body.email,
            class: &body.class,
            background: &body.background,
            opens_at: &body.opens_at,
            closes_at: &body.closes_at,
            language: account.language,
        },
    )
    .await;
    let view = match admitted {
        Ok(Admitted::Proposed(record)) => InvitedView {
            invited: false,
            proposal: Some(record.id),
        },
        Ok(Admitted::Invited(_)) => InvitedView {
            invited: true,
            proposal: None,
        },
        Err(Refused::Fields(problems)) => return Ok(problems.respond(&state, account.language)),
        Err(Refused::Failed(err)) => return Err(err),
    };
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route(
            "POST",
            "/api/v1/coops/{id}/members/invitations",
            invite_member,
        )
        .documented::<__path_invite_member>(),
    ]
}
