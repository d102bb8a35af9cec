//! The rules in the API: read them, record them, propose a change.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_governance::Rules;
use cylch_governance::proposal::Subject;
use cylch_governance::vote::DecisionRule;
use cylch_store::rules::RecordRulesError;
use cylch_store::votes::{NewProposal, VotingError};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::common::api::{Caller, rejected, scope};
use crate::common::error::AppError;
use crate::common::problems::Problems;

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
    responses((status = 200, body = RulesView), (status = 404, body = crate::common::api::ApiErrorBody)))]
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

fn parse_rules(raw: serde_json::Value, invalid: &mut Problems) -> Option<Rules> {
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
    responses((status = 204), (status = 403, body = crate::common::api::ApiErrorBody), (status = 404, body = crate::common::api::ApiErrorBody), (status = 422, body = crate::common::api::ApiErrorBody)))]
pub async fn record_rules(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<RecordRulesBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordRules).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
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

pub(crate) fn instant(raw: &str, field: &'static str, invalid: &mut Problems) -> Option<Timestamp> {
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
    responses((status = 201, body = RaisedView), (status = 403, body = crate::common::api::ApiErrorBody), (status = 404, body = crate::common::api::ApiErrorBody), (status = 422, body = crate::common::api::ApiErrorBody)))]
pub async fn propose_rules(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<RuleChangeBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RaiseProposal).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
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

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/rules", rules).documented::<__path_rules>(),
        route("POST", "/api/v1/coops/{id}/rules", record_rules).documented::<__path_record_rules>(),
        route("POST", "/api/v1/coops/{id}/rules/changes", propose_rules)
            .documented::<__path_propose_rules>(),
    ]
}
