//! The JSON API under `/api/v1`: everything the pages can do, for personal
//! API tokens (`Authorization: Bearer cylch_…`), through the same policy.
//! The OpenAPI document is generated from these handlers.

mod governance;
mod ledger;
mod meetings;
mod support;
mod votes;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_domain::{
    CoopKind, CoopName, CoopRoles, EmailAddress, FieldError, Language, Office, Password, PersonName,
};
use cylch_store::accounts::Account;
use cylch_store::invitations::NewInvitation;
use cylch_store::{CoopId, CoopScope, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::AppState;
use crate::error::{AppError, ErrorKind};
use crate::routes::{Route, route};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cylch API",
        description = "The JSON API of Cylch. Authenticate with a personal API token: `Authorization: Bearer cylch_…`."
    ),
    paths(
        me,
        update_me,
        change_password,
        sign_out_everywhere,
        tokens,
        create_token,
        revoke_token,
        my_coops,
        coop,
        members,
        audit,
        all_coops,
        create_coop,
        invite_officer,
        support::list,
        support::add,
        support::end,
        votes::list,
        votes::raise,
        votes::show,
        votes::comments,
        votes::comment,
        votes::vote,
        votes::assisted,
        votes::paper,
        votes::ballots,
        votes::result,
        votes::decisions,
        votes::proxy,
        votes::appoint_proxy,
        votes::revoke_proxy,
        votes::proxy_vote,
        governance::rules,
        governance::record_rules,
        governance::propose_rules,
        governance::invite_member,
        governance::notifications,
        governance::mark_read,
        governance::settings,
        governance::save_settings,
        ledger::totals,
        ledger::funds,
        ledger::statement,
        ledger::la_return,
        ledger::la_return_csv,
        ledger::entries,
        ledger::post_spending,
        ledger::record_receipt,
        ledger::reverse,
        ledger::arrangements,
        ledger::add_arrangement,
        ledger::claims,
        ledger::make_claim,
        ledger::approve,
        ledger::pay,
        ledger::import,
        ledger::bank_lines,
        ledger::reconcile,
        ledger::trial_balance,
        ledger::receipt_checks,
        ledger::forecast,
        ledger::annual_accounts,
        ledger::budget_vs_actual,
        ledger::set_budget,
        meetings::list,
        meetings::schedule,
        meetings::show,
        meetings::give_notice,
        meetings::record_attendance,
        meetings::hold,
        meetings::vote,
        meetings::draft_minutes,
        meetings::approve_minutes,
        meetings::lock_minutes,
        meetings::cancel
    ),
    components(schemas(
        support::SupportedPersonView,
        support::NewPlace,
        support::EndPlace,
        votes::ProposalView,
        votes::ResultView,
        votes::ClassCountView,
        votes::ChannelCountsView,
        votes::MyVoteView,
        votes::NewProposalBody,
        votes::CommentView,
        votes::NewComment,
        votes::VoteBody,
        votes::VoteForBody,
        votes::VoteReceipt,
        votes::BallotView,
        votes::ProxyBody,
        votes::ProxyView,
        votes::HeldProxyView,
        governance::RulesView,
        governance::RuleVersionView,
        governance::RecordRulesBody,
        governance::RuleChangeBody,
        governance::RaisedView,
        governance::InviteMemberBody,
        governance::InvitedView,
        governance::NotificationView,
        governance::EmailChoices,
        ledger::NewSpending,
        ledger::NewReceipt,
        ledger::NewReversal,
        ledger::NewArrangement,
        ledger::NewClaim,
        ledger::ClaimApproval,
        ledger::ClaimPayment,
        ledger::NewImport,
        ledger::NewBudget,
        meetings::MeetingView,
        meetings::QuorumView,
        meetings::LinkedProposalView,
        meetings::AttendanceView,
        meetings::NewMeetingBody,
        meetings::NoticeBody,
        meetings::NoticeSentView,
        meetings::AttendanceEntry,
        meetings::AttendanceBody,
        meetings::MeetingVoteBody,
        meetings::MinutesBody,
        meetings::ApproveBody,
        Me,
        UpdateMe,
        NewPasswordBody,
        TokenView,
        NewToken,
        CreatedToken,
        CoopView,
        RolesView,
        MemberView,
        AuditView,
        NewCoop,
        NewOfficer,
        CreatedInvitation,
        ApiErrorBody,
        ApiErrorDetail,
        FieldProblemView
    ))
)]
pub struct ApiDoc;

pub(crate) fn routes() -> Vec<Route> {
    let mut routes = vec![
        route("GET", "/api/v1/openapi.json", openapi),
        route("GET", "/api/v1/me", me),
        route("PUT", "/api/v1/me", update_me),
        route("PUT", "/api/v1/me/password", change_password),
        route(
            "POST",
            "/api/v1/me/sign-out-everywhere",
            sign_out_everywhere,
        ),
        route("GET", "/api/v1/tokens", tokens),
        route("POST", "/api/v1/tokens", create_token),
        route("DELETE", "/api/v1/tokens/{id}", revoke_token),
        route("GET", "/api/v1/coops", my_coops),
        route("GET", "/api/v1/coops/{id}", coop),
        route("GET", "/api/v1/coops/{id}/members", members),
        route("GET", "/api/v1/coops/{id}/audit", audit),
        route("GET", "/api/v1/admin/coops", all_coops),
        route("POST", "/api/v1/admin/coops", create_coop),
        route(
            "POST",
            "/api/v1/admin/coops/{id}/invitations",
            invite_officer,
        ),
        route("GET", "/api/v1/coops/{id}/support", support::list),
        route("POST", "/api/v1/coops/{id}/support", support::add),
        route(
            "POST",
            "/api/v1/coops/{id}/support/{person}/end",
            support::end,
        ),
        route("GET", "/api/v1/coops/{id}/proposals", votes::list),
        route("POST", "/api/v1/coops/{id}/proposals", votes::raise),
        route(
            "GET",
            "/api/v1/coops/{id}/proposals/{proposal}",
            votes::show,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/proposals/{proposal}/comments",
            votes::comments,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/comments",
            votes::comment,
        ),
        route(
            "PUT",
            "/api/v1/coops/{id}/proposals/{proposal}/vote",
            votes::vote,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/assisted",
            votes::assisted,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/paper",
            votes::paper,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/proposals/{proposal}/ballots",
            votes::ballots,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/result",
            votes::result,
        ),
        route("GET", "/api/v1/coops/{id}/decisions", votes::decisions),
        route(
            "GET",
            "/api/v1/coops/{id}/proposals/{proposal}/proxy",
            votes::proxy,
        ),
        route(
            "PUT",
            "/api/v1/coops/{id}/proposals/{proposal}/proxy",
            votes::appoint_proxy,
        ),
        route(
            "DELETE",
            "/api/v1/coops/{id}/proposals/{proposal}/proxy",
            votes::revoke_proxy,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/proxy-votes",
            votes::proxy_vote,
        ),
        route("GET", "/api/v1/coops/{id}/rules", governance::rules),
        route("POST", "/api/v1/coops/{id}/rules", governance::record_rules),
        route(
            "POST",
            "/api/v1/coops/{id}/rules/changes",
            governance::propose_rules,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/members/invitations",
            governance::invite_member,
        ),
        route("GET", "/api/v1/notifications", governance::notifications),
        route(
            "POST",
            "/api/v1/notifications/{id}/read",
            governance::mark_read,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/notifications/settings",
            governance::settings,
        ),
        route(
            "PUT",
            "/api/v1/coops/{id}/notifications/settings",
            governance::save_settings,
        ),
        route("GET", "/api/v1/coops/{id}/ledger/totals", ledger::totals),
        route("GET", "/api/v1/coops/{id}/ledger/funds", ledger::funds),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/statement",
            ledger::statement,
        ),
        route("GET", "/api/v1/coops/{id}/ledger/return", ledger::la_return),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/return.csv",
            ledger::la_return_csv,
        ),
        route("GET", "/api/v1/coops/{id}/ledger/entries", ledger::entries),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/entries",
            ledger::post_spending,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/receipts",
            ledger::record_receipt,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/reversals",
            ledger::reverse,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/arrangements",
            ledger::arrangements,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/arrangements",
            ledger::add_arrangement,
        ),
        route("GET", "/api/v1/coops/{id}/ledger/claims", ledger::claims),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/claims",
            ledger::make_claim,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/approvals",
            ledger::approve,
        ),
        route("POST", "/api/v1/coops/{id}/ledger/payments", ledger::pay),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/bank/imports",
            ledger::import,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/bank/lines",
            ledger::bank_lines,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/bank/reconcile",
            ledger::reconcile,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/trial-balance",
            ledger::trial_balance,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/receipts",
            ledger::receipt_checks,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/forecast",
            ledger::forecast,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/accounts",
            ledger::annual_accounts,
        ),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/budget",
            ledger::budget_vs_actual,
        ),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/budgets",
            ledger::set_budget,
        ),
    ];
    routes.extend(meetings::routes());
    routes
}

async fn openapi() -> Response {
    match ApiDoc::openapi().to_json() {
        Ok(json) => (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            json,
        )
            .into_response(),
        Err(err) => AppError::Internal(err.to_string()).into_response(),
    }
}

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

fn actor(account: &Account) -> cylch_domain::Actor {
    cylch_domain::Actor::person(account.instance_admin)
}

pub(crate) async fn scope(
    state: &AppState,
    account: &Account,
    raw: &str,
    action: Action,
) -> Result<CoopScope, AppError> {
    crate::access::coop_scope(state, account, raw, action).await
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

fn require_admin(account: &Account, action: Action) -> Result<(), AppError> {
    crate::access::instance(Some(account), action)
}

/// An error body: a stable code, a sentence in the caller's language, and
/// for invalid input each field's problem.
#[derive(Serialize, ToSchema)]
pub struct ApiErrorBody {
    error: ApiErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ApiErrorDetail {
    code: String,
    message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fields: Vec<FieldProblemView>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblemView {
    field: String,
    code: String,
    message: String,
}

/// Field problems collected while parsing a body.
pub(crate) struct Invalid(Vec<(&'static str, String)>);

impl Invalid {
    pub(crate) fn new() -> Self {
        Invalid(Vec::new())
    }

    pub(crate) fn check<T>(
        &mut self,
        field: &'static str,
        parsed: Result<T, FieldError>,
    ) -> Option<T> {
        parsed
            .map_err(|e| self.0.push((field, e.code().to_owned())))
            .ok()
    }

    pub(crate) fn add(&mut self, field: &'static str, code: &str) {
        self.0.push((field, code.to_owned()));
    }

    pub(crate) fn respond(self, state: &AppState, language: Language) -> Response {
        let fields = self
            .0
            .into_iter()
            .map(|(field, code)| FieldProblemView {
                field: field.to_owned(),
                message: state.i18n.text(language, &code),
                code,
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
async fn me(Caller(account): Caller) -> Json<Me> {
    Json(Me::from(&account))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateMe {
    name: String,
    email: String,
    /// `en` or `cy`.
    language: String,
}

#[utoipa::path(put, path = "/api/v1/me", request_body = UpdateMe,
    responses((status = 200, body = Me), (status = 422, body = ApiErrorBody)))]
async fn update_me(
    State(state): State<AppState>,
    Caller(account): Caller,
    body: Result<Json<UpdateMe>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Invalid::new();
    let name = invalid.check("name", PersonName::parse(&body.name));
    let email = invalid.check("email", EmailAddress::parse(&body.email));
    let language = invalid.check(
        "language",
        Language::from_code(&body.language).ok_or(FieldError::UnknownChoice),
    );
    let (Some(name), Some(email), Some(language)) = (name, email, language) else {
        return Ok(invalid.respond(&state, account.language));
    };
    match state
        .store
        .update_profile(&account.id, &name, &email, language)
        .await
    {
        Ok(updated) => Ok(Json(Me::from(&updated)).into_response()),
        Err(StoreError::EmailTaken) => {
            invalid.add("email", "error-email-taken");
            Ok(invalid.respond(&state, account.language))
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewPasswordBody {
    current_password: String,
    new_password: String,
}

#[utoipa::path(put, path = "/api/v1/me/password", request_body = NewPasswordBody,
    responses((status = 204), (status = 422, body = ApiErrorBody)))]
async fn change_password(
    State(state): State<AppState>,
    Caller(account): Caller,
    body: Result<Json<NewPasswordBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Invalid::new();
    if !state
        .hasher
        .verify(&body.current_password, account.password_hash.as_deref())
        .await?
    {
        invalid.add("current_password", "error-current-password");
    }
    let password = invalid.check("new_password", Password::parse(&body.new_password));
    let Some(password) = password.filter(|_| invalid.0.is_empty()) else {
        return Ok(invalid.respond(&state, account.language));
    };
    let hash = state.hasher.hash(password.expose()).await?;
    state.store.set_password(&account.id, &hash, None).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(post, path = "/api/v1/me/sign-out-everywhere", responses((status = 204)))]
async fn sign_out_everywhere(
    State(state): State<AppState>,
    Caller(account): Caller,
) -> Result<StatusCode, AppError> {
    state.store.end_all_sessions(&account.id).await?;
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
async fn tokens(
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
async fn create_token(
    State(state): State<AppState>,
    Caller(account): Caller,
    body: Result<Json<NewToken>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Invalid::new();
    let Some(name) = invalid.check("name", PersonName::parse(&body.name)) else {
        return Ok(invalid.respond(&state, account.language));
    };
    let (token, secret) = state
        .store
        .create_api_token(&account.id, name.as_str())
        .await?;
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
async fn revoke_token(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    state.store.revoke_api_token(&account.id, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

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
    id: String,
    name: String,
    /// `family`, `pa_coop` or `citizen_led`.
    kind: String,
    /// The caller's roles; absent in the administrator's list.
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<RolesView>,
}

fn coop_view(scope: &CoopScope) -> CoopView {
    CoopView {
        id: scope.coop_id().to_string(),
        name: scope.coop().name.clone(),
        kind: scope.coop().kind.code().into(),
        roles: Some(RolesView::from(scope.roles())),
    }
}

#[utoipa::path(get, path = "/api/v1/coops", responses((status = 200, body = [CoopView])))]
async fn my_coops(
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
async fn coop(
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
async fn members(
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
async fn audit(
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

#[utoipa::path(get, path = "/api/v1/admin/coops", responses((status = 200, body = [CoopView]), (status = 403, body = ApiErrorBody)))]
async fn all_coops(
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
async fn create_coop(
    State(state): State<AppState>,
    Caller(account): Caller,
    body: Result<Json<NewCoop>, JsonRejection>,
) -> Result<Response, AppError> {
    require_admin(&account, Action::CreateCoop)?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Invalid::new();
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
async fn invite_officer(
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
    let mut invalid = Invalid::new();
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
    crate::pages::admin::send_invitation(&state, &invitation, &secret).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedInvitation { id: invitation.id }),
    )
        .into_response())
}
