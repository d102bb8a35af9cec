//! The rules, inviting members and notifications, in the API: the same
//! policy and store calls as the pages.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_domain::{EmailAddress, MemberClass, PersonName};
use cylch_governance::Rules;
use cylch_governance::proposal::Subject;
use cylch_governance::rules::Admission;
use cylch_governance::vote::DecisionRule;
use cylch_store::StoreError;
use cylch_store::admissions::NewAdmission;
use cylch_store::invitations::NewInvitation;
use cylch_store::notifications::NotificationKind;
use cylch_store::rules::RecordRulesError;
use cylch_store::votes::{NewProposal, VotingError};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Caller, Invalid, rejected, scope};
use crate::AppState;
use crate::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct RuleVersionView {
    version: i64,
    adopted_on: String,
    /// The special resolution that adopted it; none for the rules as
    /// registered.
    proposal: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RulesView {
    /// The rules in force, as Cylch stores them.
    #[schema(value_type = Object)]
    rules: serde_json::Value,
    /// Every recorded version, newest first; empty while the model rules
    /// apply.
    history: Vec<RuleVersionView>,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/rules", params(("id" = String, Path)),
    responses((status = 200, body = RulesView), (status = 404, body = super::ApiErrorBody)))]
pub async fn rules(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<RulesView>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewRules).await?;
    let rules = state.store.rules(&scope).await?;
    let history = state.store.rule_history(&scope).await?;
    Ok(Json(RulesView {
        rules: serde_json::to_value(&rules).map_err(|e| AppError::Internal(e.to_string()))?,
        history: history
            .into_iter()
            .map(|v| RuleVersionView {
                version: v.version,
                adopted_on: v.adopted_on.to_string(),
                proposal: v.proposal_id,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct RecordRulesBody {
    /// The whole rules, in the form `GET …/rules` gives them.
    #[schema(value_type = Object)]
    rules: serde_json::Value,
    /// When they came into force, as YYYY-MM-DD.
    adopted_on: String,
}

fn parse_rules(raw: serde_json::Value, invalid: &mut Invalid) -> Option<Rules> {
    match serde_json::from_value::<Rules>(raw) {
        Ok(rules) => match rules.validate() {
            Ok(()) => Some(rules),
            Err(err) => {
                invalid.add("rules", err.code());
                None
            }
        },
        Err(_) => {
            invalid.add("rules", "rules-error-shape");
            None
        }
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rules", params(("id" = String, Path)), request_body = RecordRulesBody,
    responses((status = 204), (status = 403, body = super::ApiErrorBody), (status = 404, body = super::ApiErrorBody), (status = 422, body = super::ApiErrorBody)))]
pub async fn record_rules(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<RecordRulesBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordRules).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Invalid::new();
    let adopted: Option<Date> = body.adopted_on.trim().parse().ok();
    if adopted.is_none() {
        invalid.add("adopted_on", "rules-error-date");
    }
    let rules = parse_rules(body.rules, &mut invalid);
    let (Some(rules), Some(adopted)) = (rules, adopted) else {
        return Ok(invalid.respond(&state, account.language));
    };
    match state
        .store
        .record_registered_rules(&scope, &rules, adopted)
        .await
    {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(RecordRulesError::Store(err)) => Err(err.into()),
        Err(err) => {
            invalid.add("rules", err.code());
            Ok(invalid.respond(&state, account.language))
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct RuleChangeBody {
    title: String,
    #[serde(default)]
    background: String,
    /// RFC 3339 instants.
    opens_at: String,
    closes_at: String,
    /// The whole proposed rules.
    #[schema(value_type = Object)]
    rules: serde_json::Value,
}

#[derive(Serialize, ToSchema)]
pub struct RaisedView {
    /// The proposal the members now vote on.
    proposal: String,
}

fn instant(raw: &str, field: &'static str, invalid: &mut Invalid) -> Option<Timestamp> {
    let parsed = raw.trim().parse::<Timestamp>().ok();
    if parsed.is_none() {
        invalid.add(field, "error-unknown-choice");
    }
    parsed
}

fn raised(record: cylch_store::votes::ProposalRecord) -> Response {
    (
        StatusCode::CREATED,
        Json(RaisedView {
            proposal: record.id,
        }),
    )
        .into_response()
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rules/changes", params(("id" = String, Path)), request_body = RuleChangeBody,
    responses((status = 201, body = RaisedView), (status = 403, body = super::ApiErrorBody), (status = 404, body = super::ApiErrorBody), (status = 422, body = super::ApiErrorBody)))]
pub async fn propose_rules(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<RuleChangeBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RaiseProposal).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Invalid::new();
    let title = body.title.trim();
    if title.is_empty() {
        invalid.add("title", "votes-error-title");
    }
    let opens = instant(&body.opens_at, "opens_at", &mut invalid);
    let closes = instant(&body.closes_at, "closes_at", &mut invalid);
    let rules = parse_rules(body.rules, &mut invalid);
    let (Some(rules), Some(opens), Some(closes), false) = (rules, opens, closes, title.is_empty())
    else {
        return Ok(invalid.respond(&state, account.language));
    };
    let proposal = NewProposal {
        title,
        background: &body.background,
        subject: Subject::RuleChange,
        rule: DecisionRule::SpecialResolution,
        secret_asked: false,
        opens,
        closes,
    };
    match state
        .store
        .propose_rule_change(&scope, proposal, &rules)
        .await
    {
        Ok(record) => Ok(raised(record)),
        Err(VotingError::Store(err)) => Err(err.into()),
        Err(err) => {
            invalid.add("rules", err.code());
            Ok(invalid.respond(&state, account.language))
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct InviteMemberBody {
    name: String,
    email: String,
    /// `supported_person`, `representative`, `family_or_carer`, `pa` or
    /// `supporter`.
    class: String,
    /// Where the members admit: why, and when they vote (RFC 3339).
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
    responses((status = 201, body = InvitedView), (status = 403, body = super::ApiErrorBody), (status = 404, body = super::ApiErrorBody), (status = 422, body = super::ApiErrorBody)))]
pub async fn invite_member(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<InviteMemberBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::InviteMember).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Invalid::new();
    let name = invalid.check("name", PersonName::parse(&body.name));
    let email = invalid.check("email", EmailAddress::parse(&body.email));
    let class = invalid.check("class", MemberClass::parse(body.class.trim()));
    if state.store.rules(&scope).await?.admission == Admission::ByMembers {
        let opens = instant(&body.opens_at, "opens_at", &mut invalid);
        let closes = instant(&body.closes_at, "closes_at", &mut invalid);
        let (Some(name), Some(email), Some(class), Some(opens), Some(closes)) =
            (name, email, class, opens, closes)
        else {
            return Ok(invalid.respond(&state, account.language));
        };
        let title = state.i18n.with_arg(
            account.language,
            "members-admit-title",
            "name",
            name.as_str(),
        );
        let raised = state
            .store
            .propose_admission(
                &scope,
                NewProposal {
                    title: &title,
                    background: &body.background,
                    subject: Subject::General,
                    rule: DecisionRule::OrdinaryResolution,
                    secret_asked: false,
                    opens,
                    closes,
                },
                &NewAdmission {
                    name: &name,
                    email: &email,
                    class,
                },
            )
            .await;
        return match raised {
            Ok(record) => Ok((
                StatusCode::CREATED,
                Json(InvitedView {
                    invited: false,
                    proposal: Some(record.id),
                }),
            )
                .into_response()),
            Err(VotingError::Store(err)) => Err(err.into()),
            Err(err) => {
                invalid.add("closes_at", err.code());
                Ok(invalid.respond(&state, account.language))
            }
        };
    }
    let (Some(name), Some(email), Some(class)) = (name, email, class) else {
        return Ok(invalid.respond(&state, account.language));
    };
    let (invitation, secret) = state
        .store
        .create_invitation(
            scope.account(),
            NewInvitation {
                coop: scope.coop_id(),
                email: &email,
                name: &name,
                office: None,
                class: Some(class),
            },
        )
        .await?;
    crate::pages::admin::send_invitation(&state, &invitation, &secret).await?;
    Ok((
        StatusCode::CREATED,
        Json(InvitedView {
            invited: true,
            proposal: None,
        }),
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct NotificationView {
    id: String,
    coop: String,
    /// `new_proposal`, `vote_closing`, `meeting_notice` or `result`.
    kind: String,
    /// What happened, in the caller's language.
    text: String,
    /// The page it is about.
    path: String,
    at: String,
    read: bool,
}

#[utoipa::path(get, path = "/api/v1/notifications",
    responses((status = 200, body = [NotificationView]), (status = 401, body = super::ApiErrorBody)))]
pub async fn notifications(
    State(state): State<AppState>,
    Caller(account): Caller,
) -> Result<Json<Vec<NotificationView>>, AppError> {
    let list = state.store.notifications_for(&account.id, 100).await?;
    Ok(Json(
        list.iter()
            .map(|n| NotificationView {
                id: n.id.clone(),
                coop: n.coop_id.to_string(),
                kind: n.kind.code().to_owned(),
                text: crate::notify::headline(&state, account.language, n),
                path: crate::notify::link(n),
                at: Timestamp::from_millisecond(n.created_at_ms)
                    .map(|t| t.to_string())
                    .unwrap_or_default(),
                read: n.read,
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/notifications/{id}/read", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = super::ApiErrorBody)))]
pub async fn mark_read(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    match state.store.mark_notification_read(&account.id, &id).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(StoreError::NotFound) => Err(AppError::NOT_FOUND),
        Err(err) => Err(err.into()),
    }
}

/// Whether the caller hears of each kind by email from this co-operative.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct EmailChoices {
    new_proposal: bool,
    vote_closing: bool,
    meeting_notice: bool,
    result: bool,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/notifications/settings", params(("id" = String, Path)),
    responses((status = 200, body = EmailChoices), (status = 404, body = super::ApiErrorBody)))]
pub async fn settings(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<EmailChoices>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewCoop).await?;
    let s = state.store.notification_settings(&scope).await?;
    let get = |k| s.get(&k).copied().unwrap_or(true);
    Ok(Json(EmailChoices {
        new_proposal: get(NotificationKind::NewProposal),
        vote_closing: get(NotificationKind::VoteClosing),
        meeting_notice: get(NotificationKind::MeetingNotice),
        result: get(NotificationKind::Result),
    }))
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/notifications/settings", params(("id" = String, Path)), request_body = EmailChoices,
    responses((status = 204), (status = 400, body = super::ApiErrorBody), (status = 404, body = super::ApiErrorBody)))]
pub async fn save_settings(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<EmailChoices>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewCoop).await?;
    let Json(body) = body.map_err(rejected)?;
    let choices = [
        (NotificationKind::NewProposal, body.new_proposal),
        (NotificationKind::VoteClosing, body.vote_closing),
        (NotificationKind::MeetingNotice, body.meeting_notice),
        (NotificationKind::Result, body.result),
    ]
    .into_iter()
    .collect();
    state
        .store
        .set_notification_settings(&scope, &choices)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
