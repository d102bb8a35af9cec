//! Proposals, discussion, votes and the decisions log through the API.
//!
//! A vote's choice is never part of any answer about someone else's vote
//! on a secret ballot, and running counts are not given before the result
//! is recorded: watching them move would show how people voted. Instants
//! are RFC 3339 (`2026-11-25T18:00:00Z`).

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_store::CoopScope;
use cylch_store::votes::{
    BallotChannel, BallotRow, ChannelCounts, ProposalRecord, choice_code, subject_code,
};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::votes::commands::{self, RaiseProposal, Refused};
use crate::areas::votes::pages::{outcome_reason_code, proposal_id, status};
use crate::common::api::{ApiErrorBody, Caller, actor, rejected, scope};
use crate::common::error::AppError;
use crate::common::problems::Problems;
use crate::common::refusal::Explain;

#[derive(Serialize, ToSchema)]
pub struct ChannelCountsView {
    online: u32,
    assisted: u32,
    paper: u32,
    proxy: u32,
    total: u32,
}

impl From<ChannelCounts> for ChannelCountsView {
    fn from(c: ChannelCounts) -> Self {
        ChannelCountsView {
            online: c.online,
            assisted: c.assisted,
            paper: c.paper,
            proxy: c.proxy,
            total: c.total(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ClassCountView {
    class: String,
    for_votes: u32,
    against: u32,
    abstentions: u32,
}

#[derive(Serialize, ToSchema)]
pub struct ResultView {
    /// `carried`, `lost`, `inquorate` or `turnout_too_low`.
    outcome: String,
    /// Why, under the decision rule: `majority_reached`, `tie`,
    /// `majority_not_reached`, `no_votes_cast`, `no_objections`, `objections`.
    reason: String,
    for_votes: u32,
    against: u32,
    abstentions: u32,
    /// The count in each class; empty on a secret ballot.
    per_class: Vec<ClassCountView>,
    entitled: u32,
    took_part: u32,
    quorum_required: u32,
    quorate: bool,
    turnout_needed: Option<u32>,
    by_channel: ChannelCountsView,
    decided_at: String,
    decided_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct MyVoteView {
    /// `online`, `assisted` or `paper`.
    channel: String,
    /// Absent on a secret ballot: the choice is not stored with the voter.
    choice: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ProposalView {
    id: String,
    title: String,
    background: String,
    subject: String,
    /// `ordinary_resolution`, `special_resolution` or `consent`.
    decision_rule: String,
    secret: bool,
    opens_at: String,
    closes_at: String,
    raised_by: String,
    /// `upcoming`, `open`, `closed` (awaiting the count) or `decided`.
    status: String,
    turnout: ChannelCountsView,
    my_vote: Option<MyVoteView>,
    result: Option<ResultView>,
}

fn instant(ms: i64) -> String {
    Timestamp::from_millisecond(ms)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

fn result_view(record: &ProposalRecord) -> Option<ResultView> {
    let decided = record.decided.as_ref()?;
    let r = &decided.result;
    let tally = &r.resolution.tally;
    Some(ResultView {
        outcome: r.outcome.code().to_owned(),
        reason: outcome_reason_code(r.resolution.reason).to_owned(),
        for_votes: tally.for_votes,
        against: tally.against,
        abstentions: tally.abstentions,
        // On a secret ballot a class with one voter would show that
        // member's choice, so only the totals are given.
        per_class: tally
            .per_class
            .iter()
            .filter(|_| !record.secret)
            .map(|c| ClassCountView {
                class: c.class.code().to_owned(),
                for_votes: c.for_votes,
                against: c.against,
                abstentions: c.abstentions,
            })
            .collect(),
        entitled: r.entitled,
        took_part: r.took_part,
        quorum_required: r.quorum_required,
        quorate: r.quorate,
        turnout_needed: r.turnout_needed,
        by_channel: r.by_channel.into(),
        decided_at: instant(decided.at_ms),
        decided_by: decided.by_name.clone(),
    })
}

async fn view(
    state: &AppState,
    scope: &CoopScope,
    record: &ProposalRecord,
) -> Result<ProposalView, AppError> {
    let ballots = state.store.ballots(scope, &record.id).await?;
    let mut turnout = ChannelCounts::default();
    for ballot in &ballots {
        turnout.add(ballot.channel);
    }
    let my_vote = ballots
        .iter()
        .find(|b| &b.member == scope.account())
        .map(|b| MyVoteView {
            channel: b.channel.code().to_owned(),
            choice: b.choice.map(|c| choice_code(c).to_owned()),
        });
    Ok(ProposalView {
        id: record.id.clone(),
        title: record.title.clone(),
        background: record.background.clone(),
        subject: subject_code(record.subject).to_owned(),
        decision_rule: record.rule.code().to_owned(),
        secret: record.secret,
        opens_at: record.window.opens().to_string(),
        closes_at: record.window.closes().to_string(),
        raised_by: record.raised_by_name.clone(),
        status: status(record, state.clock().now()).code().to_owned(),
        turnout: turnout.into(),
        my_vote,
        result: result_view(record),
    })
}

/// A refused action's answer: 422 with the problems at their fields, or
/// the store's refusal, explained once, with its code and sentence.
fn answer(state: &AppState, language: Language, refused: Refused) -> Result<Response, AppError> {
    match refused {
        Refused::Fields(problems) => {
            let mut invalid = Problems::default();
            for (field, message) in problems {
                invalid.add(field, message);
            }
            Ok(invalid.respond(state, language))
        }
        Refused::Voting(err) => Ok(err.explain(state, language)?.to_json()),
    }
}

async fn load(state: &AppState, scope: &CoopScope, raw: &str) -> Result<ProposalRecord, AppError> {
    let id = proposal_id(raw)?;
    state
        .store
        .proposal(scope, &id)
        .await?
        .ok_or(AppError::NOT_FOUND)
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/proposals", params(("id" = String, Path)),
    responses((status = 200, body = [ProposalView]), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<ProposalView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewDecisions).await?;
    let mut views = Vec::new();
    for record in state.store.proposals(&scope).await? {
        views.push(view(&state, &scope, &record).await?);
    }
    Ok(Json(views))
}

#[derive(Deserialize, ToSchema)]
pub struct NewProposalBody {
    title: String,
    background: String,
    /// `general`, `rule_change`, `expel_member`, `wind_up`,
    /// `convert_to_company` or `informal`.
    subject: String,
    /// `ordinary_resolution`, `special_resolution` or `consent`.
    decision_rule: String,
    /// Ask for a secret ballot (the rules may require one anyway).
    #[serde(default)]
    secret_ballot: bool,
    /// RFC 3339; voting opens then.
    opens_at: String,
    /// RFC 3339; votes arriving at or after this instant are refused.
    closes_at: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/proposals", params(("id" = String, Path)), request_body = NewProposalBody,
    responses((status = 201, body = ProposalView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn raise(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewProposalBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RaiseProposal).await?;
    let Json(body) = body.map_err(rejected)?;
    let raised = commands::raise_proposal(
        &state,
        &scope,
        RaiseProposal {
            title: &body.title,
            background: &body.background,
            subject: &body.subject,
            decision_rule: &body.decision_rule,
            secret_asked: body.secret_ballot,
            opens_at: &body.opens_at,
            closes_at: &body.closes_at,
        },
    )
    .await;
    match raised {
        Ok(record) => Ok((
            StatusCode::CREATED,
            Json(view(&state, &scope, &record).await?),
        )
            .into_response()),
        Err(refused) => answer(&state, account.language, refused),
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/proposals/{proposal}", params(("id" = String, Path), ("proposal" = String, Path)),
    responses((status = 200, body = ProposalView), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
) -> Result<Json<ProposalView>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewDecisions).await?;
    let record = load(&state, &scope, &proposal).await?;
    Ok(Json(view(&state, &scope, &record).await?))
}

#[derive(Serialize, ToSchema)]
pub struct CommentView {
    id: String,
    author: String,
    body: String,
    at: String,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/proposals/{proposal}/comments", params(("id" = String, Path), ("proposal" = String, Path)),
    responses((status = 200, body = [CommentView]), (status = 404, body = ApiErrorBody)))]
pub async fn comments(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
) -> Result<Json<Vec<CommentView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewDecisions).await?;
    let record = load(&state, &scope, &proposal).await?;
    let comments = state.store.comments(&scope, &record.id).await?;
    Ok(Json(
        comments
            .into_iter()
            .map(|c| CommentView {
                id: c.id,
                author: c.author_name,
                body: c.body,
                at: instant(c.at_ms),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct NewComment {
    body: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/proposals/{proposal}/comments", params(("id" = String, Path), ("proposal" = String, Path)), request_body = NewComment,
    responses((status = 201), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn comment(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
    body: Result<Json<NewComment>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::Comment).await?;
    let Json(body) = body.map_err(rejected)?;
    let proposal = proposal_id(&proposal)?;
    match commands::comment(&state, &scope, &proposal, &body.body).await {
        Ok(()) => Ok(StatusCode::CREATED.into_response()),
        Err(refused) => answer(&state, account.language, refused),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct VoteBody {
    /// `for`, `against` or `abstain`.
    choice: String,
    /// On a secret ballot, the receipt from the vote being changed.
    receipt: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct VoteReceipt {
    /// Whether an earlier vote was replaced.
    changed: bool,
    /// On a secret ballot: keep this to change the vote before the close.
    /// It is not stored and cannot be shown again.
    receipt: Option<String>,
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/proposals/{proposal}/vote", params(("id" = String, Path), ("proposal" = String, Path)), request_body = VoteBody,
    responses((status = 200, body = VoteReceipt), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn vote(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
    body: Result<Json<VoteBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewDecisions).await?;
    let Json(body) = body.map_err(rejected)?;
    let proposal = proposal_id(&proposal)?;
    let cast = commands::vote(
        &state,
        &scope,
        actor(&account),
        &proposal,
        commands::Vote {
            choice: &body.choice,
            receipt: body.receipt.as_deref(),
        },
    )
    .await;
    match cast {
        Ok(cast) => Ok(Json(VoteReceipt {
            changed: cast.changed,
            receipt: cast.receipt,
        })
        .into_response()),
        Err(refused) => answer(&state, account.language, refused),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct VoteForBody {
    /// The member's account id.
    member: String,
    /// `for`, `against` or `abstain`.
    choice: String,
}

async fn vote_for(
    state: AppState,
    account: cylch_store::accounts::Account,
    id: String,
    proposal: String,
    body: Result<Json<VoteForBody>, JsonRejection>,
    channel: BallotChannel,
) -> Result<Response, AppError> {
    let action = match channel {
        BallotChannel::Paper => Action::RecordPaperVotes,
        _ => Action::RecordAssistedVote,
    };
    let scope = scope(&state, &account, &id, action).await?;
    let Json(body) = body.map_err(rejected)?;
    let proposal = proposal_id(&proposal)?;
    let input = commands::VoteFor {
        member: &body.member,
        choice: &body.choice,
    };
    match commands::record_vote_for(&state, &scope, &proposal, input, channel).await {
        Ok(cast) => Ok(recorded(cast)),
        Err(refused) => answer(&state, account.language, refused),
    }
}

/// A vote recorded for another member: 201 with the receipt, if any.
fn recorded(cast: cylch_store::votes::CastVote) -> Response {
    (
        StatusCode::CREATED,
        Json(VoteReceipt {
            changed: cast.changed,
            receipt: cast.receipt,
        }),
    )
        .into_response()
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/proposals/{proposal}/assisted", params(("id" = String, Path), ("proposal" = String, Path)), request_body = VoteForBody,
    responses((status = 201, body = VoteReceipt), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn assisted(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
    body: Result<Json<VoteForBody>, JsonRejection>,
) -> Result<Response, AppError> {
    vote_for(state, account, id, proposal, body, BallotChannel::Assisted).await
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/proposals/{proposal}/paper", params(("id" = String, Path), ("proposal" = String, Path)), request_body = VoteForBody,
    responses((status = 201, body = VoteReceipt), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn paper(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
    body: Result<Json<VoteForBody>, JsonRejection>,
) -> Result<Response, AppError> {
    vote_for(state, account, id, proposal, body, BallotChannel::Paper).await
}

#[derive(Serialize, ToSchema)]
pub struct BallotView {
    member: String,
    member_name: String,
    /// `online`, `assisted` or `paper`.
    channel: String,
    recorded_by: String,
    at: String,
    /// Only on an open ballot once the result is recorded; never on a
    /// secret ballot.
    choice: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/proposals/{proposal}/ballots", params(("id" = String, Path), ("proposal" = String, Path)),
    responses((status = 200, body = [BallotView]), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn ballots(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
) -> Result<Json<Vec<BallotView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::DeclareResult).await?;
    let record = load(&state, &scope, &proposal).await?;
    let decided = record.decided.is_some();
    let rows = state.store.ballots(&scope, &record.id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|b: BallotRow| BallotView {
                member: b.member.to_string(),
                member_name: b.member_name,
                channel: b.channel.code().to_owned(),
                recorded_by: b.recorded_by_name,
                at: instant(b.cast_at_ms),
                choice: b
                    .choice
                    .filter(|_| decided)
                    .map(|c| choice_code(c).to_owned()),
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/proposals/{proposal}/result", params(("id" = String, Path), ("proposal" = String, Path)),
    responses((status = 201, body = ProposalView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn result(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::DeclareResult).await?;
    let proposal = proposal_id(&proposal)?;
    match commands::declare_result(&state, &scope, &proposal).await {
        Ok(()) => {
            let record = load(&state, &scope, &proposal).await?;
            Ok((
                StatusCode::CREATED,
                Json(view(&state, &scope, &record).await?),
            )
                .into_response())
        }
        Err(refused) => answer(&state, account.language, refused),
    }
}

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/decisions", params(("id" = String, Path), ("q" = Option<String>, Query, description = "Words to find in the title or background")),
    responses((status = 200, body = [ProposalView]), (status = 404, body = ApiErrorBody)))]
pub async fn decisions(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    Query(query): Query<SearchQuery>,
) -> Result<Json<Vec<ProposalView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewDecisions).await?;
    let mut views = Vec::new();
    for record in state.store.decisions(&scope, &query.q).await? {
        views.push(view(&state, &scope, &record).await?);
    }
    Ok(Json(views))
}

#[derive(Deserialize, ToSchema)]
pub struct ProxyBody {
    /// The account id of the member who is to vote for the caller.
    holder: String,
}

/// The caller's proxy on an open proposal: who holds it (`null` if nobody)
/// and the members whose proxies the caller holds.
#[derive(Serialize, ToSchema)]
pub struct ProxyView {
    holder: Option<String>,
    holder_name: Option<String>,
    held: Vec<HeldProxyView>,
}

#[derive(Serialize, ToSchema)]
pub struct HeldProxyView {
    member: String,
    member_name: String,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/proposals/{proposal}/proxy", params(("id" = String, Path), ("proposal" = String, Path)),
    responses((status = 200, body = ProxyView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn proxy(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
) -> Result<Json<ProxyView>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewDecisions).await?;
    let record = load(&state, &scope, &proposal).await?;
    let mine = state.store.my_proxy(&scope, &record.id).await?;
    let held = state.store.proxies_held(&scope, &record.id).await?;
    Ok(Json(ProxyView {
        holder: mine.as_ref().map(|p| p.holder.to_string()),
        holder_name: mine.map(|p| p.holder_name),
        held: held
            .into_iter()
            .map(|p| HeldProxyView {
                member: p.member.to_string(),
                member_name: p.member_name,
            })
            .collect(),
    }))
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/proposals/{proposal}/proxy", params(("id" = String, Path), ("proposal" = String, Path)), request_body = ProxyBody,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn appoint_proxy(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
    body: Result<Json<ProxyBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewDecisions).await?;
    let Json(body) = body.map_err(rejected)?;
    let record = load(&state, &scope, &proposal).await?;
    match commands::appoint_proxy(&state, &scope, actor(&account), &record.id, &body.holder).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer(&state, account.language, refused),
    }
}

#[utoipa::path(delete, path = "/api/v1/coops/{id}/proposals/{proposal}/proxy", params(("id" = String, Path), ("proposal" = String, Path)),
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn revoke_proxy(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewDecisions).await?;
    let record = load(&state, &scope, &proposal).await?;
    match commands::revoke_proxy(&state, &scope, &record.id).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer(&state, account.language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/proposals/{proposal}/proxy-votes", params(("id" = String, Path), ("proposal" = String, Path)), request_body = VoteForBody,
    responses((status = 201, body = VoteReceipt), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn proxy_vote(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, proposal)): Path<(String, String)>,
    body: Result<Json<VoteForBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewDecisions).await?;
    let Json(body) = body.map_err(rejected)?;
    let record = load(&state, &scope, &proposal).await?;
    let input = commands::VoteFor {
        member: &body.member,
        choice: &body.choice,
    };
    match commands::vote_as_proxy(&state, &scope, actor(&account), &record.id, input).await {
        Ok(cast) => Ok(recorded(cast)),
        Err(refused) => answer(&state, account.language, refused),
    }
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/proposals", list).documented::<__path_list>(),
        route("POST", "/api/v1/coops/{id}/proposals", raise).documented::<__path_raise>(),
        route("GET", "/api/v1/coops/{id}/proposals/{proposal}", show).documented::<__path_show>(),
        route(
            "GET",
            "/api/v1/coops/{id}/proposals/{proposal}/comments",
            comments,
        )
        .documented::<__path_comments>(),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/comments",
            comment,
        )
        .documented::<__path_comment>(),
        route("PUT", "/api/v1/coops/{id}/proposals/{proposal}/vote", vote)
            .documented::<__path_vote>(),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/assisted",
            assisted,
        )
        .documented::<__path_assisted>(),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/paper",
            paper,
        )
        .documented::<__path_paper>(),
        route(
            "GET",
            "/api/v1/coops/{id}/proposals/{proposal}/ballots",
            ballots,
        )
        .documented::<__path_ballots>(),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/result",
            result,
        )
        .documented::<__path_result>(),
        route("GET", "/api/v1/coops/{id}/decisions", decisions).documented::<__path_decisions>(),
        route(
            "GET",
            "/api/v1/coops/{id}/proposals/{proposal}/proxy",
            proxy,
        )
        .documented::<__path_proxy>(),
        route(
            "PUT",
            "/api/v1/coops/{id}/proposals/{proposal}/proxy",
            appoint_proxy,
        )
        .documented::<__path_appoint_proxy>(),
        route(
            "DELETE",
            "/api/v1/coops/{id}/proposals/{proposal}/proxy",
            revoke_proxy,
        )
        .documented::<__path_revoke_proxy>(),
        route(
            "POST",
            "/api/v1/coops/{id}/proposals/{proposal}/proxy-votes",
            proxy_vote,
        )
        .documented::<__path_proxy_vote>(),
    ]
}
