//! The rules in the API: read them, record them, propose a change.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_governance::Rules;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::rules::commands::{
    self, ProposeRuleChange, RecordRules, Refused, propose_rule_change,
};
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
        rules: serde_json::to_value(&rules)?,
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

/// The API's answer to a refused action on the rules.
fn refused(
    state: &AppState,
    language: cylch_domain::Language,
    refused: Refused,
) -> Result<Response, AppError> {
    let problems = match refused {
        Refused::Fields(problems) => problems,
        Refused::Rules(refusal, mut problems) => {
            problems.add(refusal.field.unwrap_or("rules"), refusal.code);
            problems
        }
        Refused::Failed(err) => return Err(err),
    };
    Ok(problems.respond(state, language))
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
    let mut problems = Problems::default();
    let rules = parse_rules(body.rules, &mut problems);
    let recorded = commands::record_rules(
        &state,
        &scope,
        RecordRules {
            rules,
            problems,
            adopted_on: &body.adopted_on,
            language: account.language,
        },
    )
    .await;
    match recorded {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(err) => refused(&state, account.language, err),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct RuleChangeBody {
    title: String,
    #[serde(default)]
    background: String,
    /// RFC 3339 instants (or `YYYY-MM-DDTHH:MM`, read as the time in
    /// Wales).
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
    let mut problems = Problems::default();
    let rules = parse_rules(body.rules, &mut problems);
    let raised = propose_rule_change(
        &state,
        &scope,
        ProposeRuleChange {
            title: &body.title,
            background: &body.background,
            opens_at: &body.opens_at,
            closes_at: &body.closes_at,
            rules,
            problems,
            language: account.language,
        },
    )
    .await;
    match raised {
        Ok(record) => Ok((
            StatusCode::CREATED,
            Json(RaisedView {
                proposal: record.id,
            }),
        )
            .into_response()),
        Err(err) => refused(&state, account.language, err),
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
