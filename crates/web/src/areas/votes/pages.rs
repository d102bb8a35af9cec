//! Proposals, their discussion, votes and the decisions log, on pages that
//! work without JavaScript.
//!
//! A member votes for, against or abstains, and may change the vote until
//! the close. On a secret ballot the store gives a receipt instead of
//! keeping the choice with the voter: the page keeps it in a cookie on the
//! voter's own device (and shows it, so it can be typed on another), and
//! never shows anyone's choice. Running counts are not shown before the
//! result is recorded.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::http::header::SET_COOKIE;
use axum::response::{Html, IntoResponse, Redirect, Response};
use cylch_domain::policy::{self, Action};
use cylch_governance::proposal::Subject;
use cylch_governance::vote::{DecisionRule, OutcomeReason};
use cylch_store::votes::{
    BallotChannel, CHOICES, ChannelCounts, DECISION_RULES, ProposalRecord, RecordedOutcome,
    SUBJECTS, choice_code, subject_code,
};
use cylch_store::{AccountId, CoopScope};
use jiff::Timestamp;
use serde::Deserialize;

use crate::AppState;
use crate::areas::votes::commands::{self, RaiseProposal, Refused};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::fields::local_field;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Explain;
use crate::common::viewer::{Viewer, cookie, set_cookie};

pub const MAX_TITLE: usize = 200;
pub const MAX_BACKGROUND: usize = 10_000;
pub const MAX_COMMENT: usize = 4_000;

/// A proposal id as it arrives in a URL: only its shape is checked here.
pub fn proposal_id(raw: &str) -> Result<String, AppError> {
    if raw.len() == 32
        && raw
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        Ok(raw.to_owned())
    } else {
        Err(AppError::NOT_FOUND)
    }
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Upcoming,
    Open,
    /// Voting has closed; the result is not yet recorded.
    Closed,
    Decided,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Open => "open",
            Status::Closed => "closed",
            Status::Decided => "decided",
        }
    }
}

pub fn status(record: &ProposalRecord, now: Timestamp) -> Status {
    if record.decided.is_some() {
        Status::Decided
    } else if now < record.window.opens() {
        Status::Upcoming
    } else if now < record.window.closes() {
        Status::Open
    } else {
        Status::Closed
    }
}

pub fn outcome_reason_code(reason: OutcomeReason) -> &'static str {
    match reason {
        OutcomeReason::NoVotesCast => "no_votes_cast",
        OutcomeReason::MajorityReached => "majority_reached",
        OutcomeReason::Tie => "tie",
        OutcomeReason::MajorityNotReached => "majority_not_reached",
        OutcomeReason::NoObjections => "no_objections",
        OutcomeReason::Objections { .. } => "objections",
    }
}

fn shown(at: Timestamp) -> String {
    at.to_zoned_datetime(crate::common::fields::wales())
        .strftime("%d/%m/%Y %H:%M")
        .to_string()
}

fn receipt_cookie(proposal: &str) -> String {
    format!("cylch_receipt_{proposal}")
}

pub struct ProposalRow {
    pub id: String,
    pub title: String,
    pub rule: String,
    pub status: String,
    pub closes: String,
}

fn row(state: &AppState, viewer: &Viewer, record: &ProposalRecord, now: Timestamp) -> ProposalRow {
    let t = |id: &str| state.i18n.text(viewer.language, id);
    let status = status(record, now);
    ProposalRow {
        id: record.id.clone(),
        title: record.title.clone(),
        rule: t(&format!("votes-rule-{}", record.rule.code())),
        status: match (status, &record.decided) {
            (Status::Decided, Some(d)) => t(&format!("votes-outcome-{}", d.result.outcome.code())),
            _ => t(&format!("votes-status-{}", status.code())),
        },
        closes: shown(record.window.closes()),
    }
}

#[derive(Template)]
#[template(path = "votes/proposals.html")]
struct ProposalsPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    coop_name: String,
    rows: Vec<ProposalRow>,
    subjects: Vec<(String, String)>,
    rules: Vec<(String, String, String)>,
    form: RaiseForm,
    secret_always: bool,
}

/// What was typed into the form that raises a proposal.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RaiseForm {
    title: String,
    background: String,
    subject: String,
    decision_rule: String,
    secret_ballot: String,
    opens_at: String,
    closes_at: String,
}

async fn proposals_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    form: RaiseForm,
) -> Result<ProposalsPage, AppError> {
    let now = state.clock().now();
    let records = state.store.proposals(scope).await?;
    let t = |id: &str| state.i18n.text(viewer.language, id);
    let mut chrome = Chrome::new(state, viewer, "votes-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(ProposalsPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        rows: records.iter().map(|r| row(state, viewer, r, now)).collect(),
        subjects: SUBJECTS
            .iter()
            .map(|s| {
                let code = subject_code(*s);
                (code.to_owned(), t(&format!("votes-subject-{code}")))
            })
            .collect(),
        rules: DECISION_RULES
            .iter()
            .map(|r| {
                (
                    r.code().to_owned(),
                    t(&format!("votes-rule-{}", r.code())),
                    t(&format!("votes-rule-{}-hint", r.code())),
                )
            })
            .collect(),
        secret_always: state.store.rules(scope).await?.secret_ballot_always,
        form,
    })
}

pub async fn list(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewDecisions).await?;
    let now = state.clock().now();
    let form = RaiseForm {
        subject: subject_code(Subject::General).to_owned(),
        decision_rule: DecisionRule::OrdinaryResolution.code().to_owned(),
        opens_at: local_field(now),
        closes_at: local_field(
            Timestamp::from_second(now.as_second() + 7 * 24 * 3600).unwrap_or(now),
        ),
        ..RaiseForm::default()
    };
    render(&proposals_page(&state, &viewer, &scope, Problems::default(), form).await?)
}

pub async fn raise(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RaiseForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RaiseProposal).await?;
    let raised = commands::raise_proposal(
        &state,
        &scope,
        RaiseProposal {
            title: &form.title,
            background: &form.background,
            subject: &form.subject,
            decision_rule: &form.decision_rule,
            secret_asked: !form.secret_ballot.is_empty(),
            opens_at: &form.opens_at,
            closes_at: &form.closes_at,
        },
    )
    .await;
    match raised {
        Ok(record) => Ok(Redirect::to(&format!(
            "/coops/{}/proposals/{}",
            scope.coop_id(),
            record.id
        ))
        .into_response()),
        Err(Refused::Fields(problems)) => {
            let mut errors = Problems::default();
            for (field, message) in problems {
                errors.add(field, message);
            }
            render_invalid(&proposals_page(&state, &viewer, &scope, errors, form).await?)
        }
        Err(Refused::Voting(err)) => {
            let refusal = err.explain(&state, viewer.language)?;
            refusal.to_page(
                &state,
                &viewer,
                &format!("/coops/{}/proposals", scope.coop_id()),
            )
        }
    }
}

pub struct CommentRow {
    pub author: String,
    pub at: String,
    pub paragraphs: Vec<String>,
}

pub struct BallotLine {
    pub name: String,
    pub channel: String,
    pub recorded_by: String,
    pub at: String,
    pub choice: String,
}

pub struct CountRow {
    pub label: String,
    pub for_votes: u32,
    pub against: u32,
    pub abstentions: u32,
}

/// The recorded result, in words.
pub struct ResultBox {
    pub outcome: String,
    pub reason: String,
    pub counts: Vec<CountRow>,
    pub quorum: String,
    pub channels: String,
    pub recorded: String,
}

#[derive(Template)]
#[template(path = "votes/proposal.html")]
pub(super) struct ProposalPage {
    chrome: Chrome,
    errors: Problems,
    refusal: String,
    notice: String,
    coop_id: String,
    id: String,
    title: String,
    background: Vec<String>,
    raised: String,
    subject: String,
    rule: String,
    rule_hint: String,
    ballot: String,
    window: String,
    status: String,
    turnout: String,
    result: Option<ResultBox>,
    is_open: bool,
    is_closed: bool,
    secret: bool,
    can_vote: bool,
    my_vote: String,
    has_voted: bool,
    receipt: String,
    choices: Vec<(String, String)>,
    chosen: String,
    can_assist: bool,
    can_enter_paper: bool,
    can_declare: bool,
    voters_left: Vec<(String, String)>,
    ballots: Vec<BallotLine>,
    comments: Vec<CommentRow>,
    can_comment: bool,
    comment_text: String,
    /// The rules allow proxies and the viewer has a vote on an open ballot.
    proxies_open: bool,
    /// Whom the viewer has named, as a sentence; empty if nobody.
    my_proxy: String,
    /// Members the viewer may name as proxy.
    proxy_candidates: Vec<(String, String)>,
    /// Members whose proxy the viewer holds and who have not yet voted.
    held_left: Vec<(String, String)>,
    /// Members whose proxy the viewer holds and whose vote is in.
    held_voted: Vec<String>,
    /// Whom the proposal would admit, as a sentence; empty if nobody.
    admission: String,
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

fn channels_sentence(state: &AppState, viewer: &Viewer, counts: ChannelCounts) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("total", i64::from(counts.total()));
    args.set("online", i64::from(counts.online));
    args.set("assisted", i64::from(counts.assisted));
    args.set("paper", i64::from(counts.paper));
    args.set("proxy", i64::from(counts.proxy));
    state
        .i18n
        .format(viewer.language, "votes-turnout", Some(&args))
}

fn result_box(state: &AppState, viewer: &Viewer, record: &ProposalRecord) -> Option<ResultBox> {
    let decided = record.decided.as_ref()?;
    let r = &decided.result;
    let language = viewer.language;
    let i18n = &state.i18n;
    let t = |id: &str| i18n.text(language, id);
    let tally = &r.resolution.tally;
    let reason = match r.resolution.reason {
        OutcomeReason::Objections { count } => {
            i18n.with_count(language, "votes-reason-objections", i64::from(count))
        }
        other => t(&format!("votes-reason-{}", outcome_reason_code(other))),
    };
    let mut counts = vec![CountRow {
        label: t("votes-count-all"),
        for_votes: tally.for_votes,
        against: tally.against,
        abstentions: tally.abstentions,
    }];
    // On a secret ballot a class with one voter would show that member's
    // choice, so only the totals are shown.
    if tally.per_class.len() > 1 && !record.secret {
        counts.extend(tally.per_class.iter().map(|c| CountRow {
            label: t(&format!("class-{}", c.class.code())),
            for_votes: c.for_votes,
            against: c.against,
            abstentions: c.abstentions,
        }));
    }
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("took_part", i64::from(r.took_part));
    args.set("entitled", i64::from(r.entitled));
    args.set("required", i64::from(r.quorum_required));
    let quorum = i18n.format(
        language,
        if r.quorate {
            "votes-quorum-met"
        } else {
            "votes-quorum-not-met"
        },
        Some(&args),
    );
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("name", decided.by_name.clone());
    args.set(
        "when",
        Timestamp::from_millisecond(decided.at_ms)
            .map(shown)
            .unwrap_or_default(),
    );
    Some(ResultBox {
        outcome: t(&format!("votes-outcome-{}", r.outcome.code())),
        reason: match (r.outcome, r.turnout_needed) {
            (RecordedOutcome::TurnoutTooLow, Some(needed)) => {
                i18n.with_count(language, "votes-reason-turnout", i64::from(needed))
            }
            _ => reason,
        },
        counts,
        quorum,
        channels: channels_sentence(state, viewer, r.by_channel),
        recorded: i18n.format(language, "votes-recorded-by", Some(&args)),
    })
}

/// What a handler hands the proposal page beyond the stored records.
#[derive(Default)]
pub(super) struct Extras {
    pub(super) errors: Problems,
    pub(super) refusal: String,
    pub(super) notice: String,
    pub(super) chosen: String,
    pub(super) comment_text: String,
    /// A receipt just issued, when it cannot yet be read from the cookie.
    pub(super) receipt: Option<String>,
}

pub(super) async fn proposal_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    record: &ProposalRecord,
    headers: &HeaderMap,
    extras: Extras,
) -> Result<ProposalPage, AppError> {
    let now = state.clock().now();
    let language = viewer.language;
    let i18n = &state.i18n;
    let t = |id: &str| i18n.text(language, id);
    let allowed = |action| policy::decide(viewer.actor(), Some(scope.roles()), action).is_allowed();
    let status = status(record, now);
    let ballots = state.store.ballots(scope, &record.id).await?;
    let mut counts = ChannelCounts::default();
    for ballot in &ballots {
        counts.add(ballot.channel);
    }
    let mine = ballots.iter().find(|b| &b.member == scope.account());
    let my_vote = match mine {
        None => String::new(),
        Some(b) => {
            let how = t(&format!("votes-channel-{}", b.channel.code()));
            match b.choice {
                Some(choice) => {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set(
                        "choice",
                        t(&format!("votes-choice-{}", choice_code(choice))),
                    );
                    args.set("how", how);
                    i18n.format(language, "votes-you-voted", Some(&args))
                }
                None => i18n.with_arg(language, "votes-you-voted-secret", "how", &how),
            }
        }
    };
    let receipt = extras
        .receipt
        .clone()
        .or_else(|| cookie(headers, &receipt_cookie(&record.id)))
        .filter(|_| record.secret && mine.is_some())
        .unwrap_or_default();
    let can_declare = allowed(Action::DeclareResult);
    let members = if allowed(Action::RecordAssistedVote) || allowed(Action::RecordPaperVotes) {
        state.store.members(scope).await?
    } else {
        Vec::new()
    };
    let voters_left = members
        .iter()
        .filter(|m| m.roles.class.is_some() && &m.account != scope.account())
        .filter(|m| !ballots.iter().any(|b| b.member == m.account))
        .map(|m| (m.account.to_string(), m.name.clone()))
        .collect();
    let ballot_lines = if can_declare {
        ballots
            .iter()
            .map(|b| BallotLine {
                name: b.member_name.clone(),
                channel: t(&format!("votes-channel-{}", b.channel.code())),
                recorded_by: b.recorded_by_name.clone(),
                at: Timestamp::from_millisecond(b.cast_at_ms)
                    .map(shown)
                    .unwrap_or_default(),
                // An open ballot's choices are shown once the result is
                // recorded; a secret ballot has none to show.
                choice: b
                    .choice
                    .filter(|_| status == Status::Decided)
                    .map(|c| t(&format!("votes-choice-{}", choice_code(c))))
                    .unwrap_or_default(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let comments = state
        .store
        .comments(scope, &record.id)
        .await?
        .into_iter()
        .map(|c| CommentRow {
            author: c.author_name,
            at: Timestamp::from_millisecond(c.at_ms)
                .map(shown)
                .unwrap_or_default(),
            paragraphs: paragraphs(&c.body),
        })
        .collect();
    let can_vote = allowed(Action::Vote);
    let proxies_open =
        can_vote && status == Status::Open && state.store.rules(scope).await?.proxies.allowed;
    let voted = |member: &AccountId| ballots.iter().any(|b| &b.member == member);
    let (my_proxy, proxy_candidates, held_left, held_voted) = if proxies_open {
        let named = state.store.my_proxy(scope, &record.id).await?;
        let candidates = if named.is_none() && mine.is_none() {
            state
                .store
                .members(scope)
                .await?
                .into_iter()
                .filter(|m| m.roles.class.is_some() && &m.account != scope.account())
                .map(|m| (m.account.to_string(), m.name))
                .collect()
        } else {
            Vec::new()
        };
        let held = state.store.proxies_held(scope, &record.id).await?;
        let (done, left): (Vec<_>, Vec<_>) = held.into_iter().partition(|p| voted(&p.member));
        (
            named
                .map(|p| i18n.with_arg(language, "votes-proxy-named", "name", &p.holder_name))
                .unwrap_or_default(),
            candidates,
            left.into_iter()
                .map(|p| (p.member.to_string(), p.member_name))
                .collect(),
            done.into_iter().map(|p| p.member_name).collect(),
        )
    } else {
        Default::default()
    };
    let admission = match state.store.admission_of(scope, &record.id).await? {
        Some(person) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("name", person.name);
            args.set("class", t(&format!("class-{}", person.class.code())));
            let id = if person.invited {
                "votes-admission-invited"
            } else {
                "votes-admission"
            };
            i18n.format(language, id, Some(&args))
        }
        None => String::new(),
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("name", record.raised_by_name.clone());
    args.set(
        "when",
        Timestamp::from_millisecond(record.created_at_ms)
            .map(shown)
            .unwrap_or_default(),
    );
    let raised = i18n.format(language, "votes-raised-by", Some(&args));
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("opens", shown(record.window.opens()));
    args.set("closes", shown(record.window.closes()));
    let window = i18n.format(language, "votes-window", Some(&args));
    let mut chrome = Chrome::new(state, viewer, "votes-title");
    chrome.title = record.title.clone();
    if !extras.errors.is_empty() || !extras.refusal.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(ProposalPage {
        errors: extras.errors,
        refusal: extras.refusal,
        notice: extras.notice,
        coop_id: scope.coop_id().to_string(),
        id: record.id.clone(),
        title: record.title.clone(),
        background: paragraphs(&record.background),
        raised,
        subject: t(&format!("votes-subject-{}", subject_code(record.subject))),
        rule: t(&format!("votes-rule-{}", record.rule.code())),
        rule_hint: t(&format!("votes-rule-{}-hint", record.rule.code())),
        ballot: t(if record.secret {
            "votes-ballot-secret"
        } else {
            "votes-ballot-open"
        }),
        window,
        status: t(&format!("votes-status-{}", status.code())),
        turnout: channels_sentence(state, viewer, counts),
        result: result_box(state, viewer, record),
        is_open: status == Status::Open,
        is_closed: status == Status::Closed,
        secret: record.secret,
        can_vote,
        has_voted: mine.is_some(),
        my_vote,
        receipt,
        choices: CHOICES
            .iter()
            .map(|c| {
                (
                    choice_code(*c).to_owned(),
                    t(&format!("votes-choice-{}", choice_code(*c))),
                )
            })
            .collect(),
        chosen: extras.chosen,
        can_assist: allowed(Action::RecordAssistedVote) && status == Status::Open,
        can_enter_paper: allowed(Action::RecordPaperVotes) && status == Status::Open,
        can_declare,
        voters_left,
        ballots: ballot_lines,
        comments,
        can_comment: allowed(Action::Comment) && status != Status::Decided,
        comment_text: extras.comment_text,
        proxies_open,
        my_proxy,
        proxy_candidates,
        held_left,
        held_voted,
        admission,
        chrome,
    })
}

pub(super) async fn load(
    state: &AppState,
    scope: &CoopScope,
    raw: &str,
) -> Result<ProposalRecord, AppError> {
    let id = proposal_id(raw)?;
    state
        .store
        .proposal(scope, &id)
        .await?
        .ok_or(AppError::NOT_FOUND)
}

pub(super) fn back(scope: &CoopScope, record: &ProposalRecord) -> Response {
    Redirect::to(&format!(
        "/coops/{}/proposals/{}",
        scope.coop_id(),
        record.id
    ))
    .into_response()
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    headers: HeaderMap,
    Path((id, proposal)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewDecisions).await?;
    let record = load(&state, &scope, &proposal).await?;
    render(
        &proposal_page(
            &state,
            &viewer,
            &scope,
            &record,
            &headers,
            Extras::default(),
        )
        .await?,
    )
}

/// Answers a refused action on the proposal page: the problems at the
/// form's own fields (`field` names each as the page does), or the store's
/// refusal, explained once, at the top of the page with its status.
#[allow(clippy::too_many_arguments)]
pub(super) async fn answer_refused(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    record: &ProposalRecord,
    headers: &HeaderMap,
    refused: Refused,
    field: impl Fn(&'static str) -> &'static str,
    extras: Extras,
) -> Result<Response, AppError> {
    match refused {
        Refused::Fields(problems) => {
            let mut errors = Problems::default();
            for (name, message) in problems {
                errors.add(field(name), message);
            }
            let extras = Extras { errors, ..extras };
            render_invalid(&proposal_page(state, viewer, scope, record, headers, extras).await?)
        }
        Refused::Voting(err) => {
            let refusal = err.explain(state, viewer.language)?;
            let extras = Extras {
                refusal: refusal.message,
                ..extras
            };
            let page = proposal_page(state, viewer, scope, record, headers, extras).await?;
            Ok((refusal.status, Html(page.render()?)).into_response())
        }
    }
}

/// The page's fields are named as the API's.
fn same(field: &'static str) -> &'static str {
    field
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CommentForm {
    body: String,
}

pub async fn comment(
    State(state): State<AppState>,
    viewer: ViewerExt,
    headers: HeaderMap,
    Path((id, proposal)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::Comment).await?;
    let record = load(&state, &scope, &proposal).await?;
    match commands::comment(&state, &scope, &record.id, &form.body).await {
        Ok(()) => Ok(back(&scope, &record)),
        Err(refused) => {
            let extras = Extras {
                comment_text: form.body.clone(),
                ..Extras::default()
            };
            answer_refused(
                &state, &viewer, &scope, &record, &headers, refused, same, extras,
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VoteForm {
    pub(super) choice: String,
    receipt: String,
    pub(super) member: String,
}

pub async fn vote(
    State(state): State<AppState>,
    viewer: ViewerExt,
    headers: HeaderMap,
    Path((id, proposal)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<VoteForm>,
) -> Result<Response, AppError> {
    // Everyone in the co-operative may reach the form; whether they have a
    // vote is decided with the choice in hand.
    let scope = scope_for(&state, &viewer, &id, Action::ViewDecisions).await?;
    let record = load(&state, &scope, &proposal).await?;
    // A receipt not typed is read from the cookie the page left on this
    // device.
    let typed = form.receipt.trim();
    let receipt = if typed.is_empty() {
        cookie(&headers, &receipt_cookie(&record.id))
    } else {
        Some(typed.to_owned())
    };
    let cast = commands::vote(
        &state,
        &scope,
        viewer.actor(),
        &record.id,
        commands::Vote {
            choice: &form.choice,
            receipt: receipt.as_deref(),
        },
    )
    .await;
    match cast {
        Ok(cast) => {
            let mut response = back(&scope, &record);
            if let Some(receipt) = cast.receipt {
                let until_close =
                    record.window.closes().as_second() - state.clock().now().as_second();
                response.headers_mut().append(
                    SET_COOKIE,
                    set_cookie(
                        &receipt_cookie(&record.id),
                        &receipt,
                        Some(until_close.max(0) + 3600),
                        state.config.secure_cookies,
                    ),
                );
            }
            Ok(response)
        }
        Err(refused) => {
            answer_refused(
                &state,
                &viewer,
                &scope,
                &record,
                &headers,
                refused,
                same,
                Extras::default(),
            )
            .await
        }
    }
}

async fn vote_for(
    state: AppState,
    viewer: ViewerExt,
    headers: HeaderMap,
    id: String,
    proposal: String,
    form: VoteForm,
    channel: BallotChannel,
) -> Result<Response, AppError> {
    let action = if channel == BallotChannel::Paper {
        Action::RecordPaperVotes
    } else {
        Action::RecordAssistedVote
    };
    let scope = scope_for(&state, &viewer, &id, action).await?;
    let record = load(&state, &scope, &proposal).await?;
    let paper = channel == BallotChannel::Paper;
    let field = move |name: &'static str| match (name, paper) {
        ("member", true) => "paper-member",
        ("member", false) => "assisted-member",
        (_, true) => "paper-choice",
        (_, false) => "assisted-choice",
    };
    let input = commands::VoteFor {
        member: &form.member,
        choice: &form.choice,
    };
    match commands::record_vote_for(&state, &scope, &record.id, input, channel).await {
        // On a secret ballot the officer is shown the receipt once, to hand
        // to the member, who needs it to change the vote.
        Ok(cast) => match cast.receipt {
            Some(receipt) => {
                let extras = Extras {
                    notice: state.i18n.with_arg(
                        viewer.language,
                        "votes-recorded-receipt",
                        "receipt",
                        &receipt,
                    ),
                    ..Extras::default()
                };
                render(&proposal_page(&state, &viewer, &scope, &record, &headers, extras).await?)
            }
            None => Ok(back(&scope, &record)),
        },
        Err(refused) => {
            answer_refused(
                &state,
                &viewer,
                &scope,
                &record,
                &headers,
                refused,
                field,
                Extras::default(),
            )
            .await
        }
    }
}

pub async fn assisted(
    State(state): State<AppState>,
    viewer: ViewerExt,
    headers: HeaderMap,
    Path((id, proposal)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<VoteForm>,
) -> Result<Response, AppError> {
    vote_for(
        state,
        viewer,
        headers,
        id,
        proposal,
        form,
        BallotChannel::Assisted,
    )
    .await
}

pub async fn paper(
    State(state): State<AppState>,
    viewer: ViewerExt,
    headers: HeaderMap,
    Path((id, proposal)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<VoteForm>,
) -> Result<Response, AppError> {
    vote_for(
        state,
        viewer,
        headers,
        id,
        proposal,
        form,
        BallotChannel::Paper,
    )
    .await
}

pub async fn declare(
    State(state): State<AppState>,
    viewer: ViewerExt,
    headers: HeaderMap,
    Path((id, proposal)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::DeclareResult).await?;
    let record = load(&state, &scope, &proposal).await?;
    match commands::declare_result(&state, &scope, &record.id).await {
        Ok(()) => Ok(back(&scope, &record)),
        Err(refused) => {
            answer_refused(
                &state,
                &viewer,
                &scope,
                &record,
                &headers,
                refused,
                same,
                Extras::default(),
            )
            .await
        }
    }
}

pub struct DecisionRow {
    pub id: String,
    pub title: String,
    pub decided: String,
    pub rule: String,
    pub outcome: String,
    pub for_votes: u32,
    pub against: u32,
    pub abstentions: u32,
}

#[derive(Template)]
#[template(path = "votes/proposal_decisions.html")]
struct DecisionsPage {
    chrome: Chrome,
    coop_id: String,
    coop_name: String,
    q: String,
    rows: Vec<DecisionRow>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    q: String,
}

pub async fn decisions(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    Query(query): Query<SearchQuery>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewDecisions).await?;
    let q: String = query.q.trim().chars().take(MAX_TITLE).collect();
    let records = state.store.decisions(&scope, &q).await?;
    let t = |id: &str| state.i18n.text(viewer.language, id);
    let rows = records
        .iter()
        .filter_map(|r| {
            let decided = r.decided.as_ref()?;
            let tally = &decided.result.resolution.tally;
            Some(DecisionRow {
                id: r.id.clone(),
                title: r.title.clone(),
                decided: Timestamp::from_millisecond(decided.at_ms)
                    .map(shown)
                    .unwrap_or_default(),
                rule: t(&format!("votes-rule-{}", r.rule.code())),
                outcome: t(&format!("votes-outcome-{}", decided.result.outcome.code())),
                for_votes: tally.for_votes,
                against: tally.against,
                abstentions: tally.abstentions,
            })
        })
        .collect();
    render(&DecisionsPage {
        chrome: Chrome::new(&state, &viewer, "votes-decisions-title"),
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        q,
        rows,
    })
}

/// The routes of this area, for the router and the permission test.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/proposals", list),
        route("POST", "/coops/{id}/proposals", raise),
        route("GET", "/coops/{id}/proposals/{proposal}", show),
        route("POST", "/coops/{id}/proposals/{proposal}/comments", comment),
        route("POST", "/coops/{id}/proposals/{proposal}/vote", vote),
        route(
            "POST",
            "/coops/{id}/proposals/{proposal}/assisted",
            assisted,
        ),
        route("POST", "/coops/{id}/proposals/{proposal}/paper", paper),
        route("POST", "/coops/{id}/proposals/{proposal}/result", declare),
        route("GET", "/coops/{id}/decisions", decisions),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::fields::parse_local;

    #[test]
    fn times_are_read_as_the_time_in_wales() {
        // 1 July is British Summer Time: 10:00 in Wales is 09:00 UTC.
        assert_eq!(
            parse_local("2026-07-01T10:00").unwrap().to_string(),
            "2026-07-01T09:00:00Z"
        );
        assert_eq!(
            parse_local("2026-12-01 10:00").unwrap().to_string(),
            "2026-12-01T10:00:00Z"
        );
        assert!(parse_local("tomorrow").is_none());
    }

    #[test]
    fn proposal_ids_are_checked_for_shape() {
        assert!(proposal_id(&"a1".repeat(16)).is_ok());
        assert!(proposal_id("../etc").is_err());
        assert!(proposal_id(&"A".repeat(32)).is_err());
    }
}
