//! The co-operatives a caller belongs to, their members and audit log, in the API.

use axum::Json;
use axum::extract::{Path, State};
use cylch_domain::CoopRoles;
use cylch_domain::policy::Action;
use cylch_store::CoopScope;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::common::api::{ApiErrorBody, Caller, scope};
use crate::common::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct RolesView {
    class: Option<String>,
    offices: Vec<String>,
}

impl From<&CoopRoles> for RolesView {
    fn from(roles: &CoopRoles) -> RolesView {
        RolesView {
            class: roles.class.map(|c| c.code().to_owned()),
            offices: roles.offices.iter().map(|o| o.code().to_owned()).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CoopView {
    pub(crate) id: String,
    pub(crate) name: String,
    /// `family`, `pa_coop` or `citizen_led`.
    pub(crate) kind: String,
    /// The caller's roles; absent in the administrator's list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) roles: Option<RolesView>,
}

pub(crate) fn coop_view(scope: &CoopScope) -> CoopView {
    CoopView {
        id: scope.coop_id().to_string(),
        name: scope.coop().name.clone(),
        kind: scope.coop().kind.code().into(),
        roles: Some(RolesView::from(scope.roles())),
    }
}

#[utoipa::path(get, path = "/api/v1/coops", responses((status = 200, body = [CoopView])))]
pub(crate) async fn my_coops(
    State(state): State<AppState>,
    Caller(account): Caller,
) -> Result<Json<Vec<CoopView>>, AppError> {
    Ok(Json(
        state
            .store
            .coops_of(&account.id)
            .await?
            .iter()
            .map(coop_view)
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/coops/{id}", params(("id" = String, Path)),
    responses((status = 200, body = CoopView), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn coop(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<CoopView>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewCoop).await?;
    Ok(Json(coop_view(&scope)))
}

#[derive(Serialize, ToSchema)]
pub struct MemberView {
    name: String,
    roles: RolesView,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/members", params(("id" = String, Path)),
    responses((status = 200, body = [MemberView]), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn members(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<MemberView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewCoop).await?;
    let members = state.store.members(&scope).await?;
    Ok(Json(
        members
            .iter()
            .map(|m| MemberView {
                name: m.name.clone(),
                roles: RolesView::from(&m.roles),
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct AuditView {
    at_ms: i64,
    actor: Option<String>,
    record_kind: String,
    record_id: String,
    action: String,
    #[schema(value_type = Object)]
    before: Option<serde_json::Value>,
    #[schema(value_type = Object)]
    after: Option<serde_json::Value>,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/audit", params(("id" = String, Path)),
    responses((status = 200, body = [AuditView]), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub(crate) async fn audit(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<AuditView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewAuditTrail).await?;
    let entries = state.store.audit_trail(&scope, 500).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| AuditView {
                at_ms: e.at_ms,
                actor: e.actor_name,
                record_kind: e.record_kind,
                record_id: e.record_id,
                action: e.action,
                before: e.before,
                after: e.after,
            })
            .collect(),
    ))
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops", my_coops).documented::<__path_my_coops>(),
        route("GET", "/api/v1/coops/{id}", coop).documented::<__path_coop>(),
        route("GET", "/api/v1/coops/{id}/members", members).documented::<__path_members>(),
        route("GET", "/api/v1/coops/{id}/audit", audit).documented::<__path_audit>(),
    ]
}
