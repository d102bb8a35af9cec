//! The actions on proposals and votes, shared by the pages and the API:
//! each takes the caller's scope and what was typed, applies the rules, and
//! calls the store (which is the transaction and writes the audit entry).
//! Problems with what was typed are named by the API's field names; a page
//! shows them at its own form's fields.

use cylch_domain::Actor;
use cylch_domain::policy::{self, Action};
use cylch_store::votes::{
    BallotChannel, CastVote, NewProposal, ProposalRecord, VotingError, parse_choice, parse_rule,
    parse_subject,
};
use cylch_store::{AccountId, CoopScope};
use jiff::Timestamp;

use crate::AppState;
use crate::areas::votes::pages::{MAX_BACKGROUND, MAX_COMMENT, MAX_TITLE};
use crate::common::fields::parse_local;

/// A problem with one field of an action's input: the field's name as the
/// API knows it and the message id that says what to do.
pub type Problem = (&'static str, &'static str);

/// Why an action was not taken: problems with what was typed, shown at
/// their fields, or the store's refusal, explained once (`explain.rs`).
#[derive(Debug)]
pub enum Refused {
    Fields(Vec<Problem>),
    Voting(VotingError),
}

impl From<VotingError> for Refused {
    fn from(err: VotingError) -> Self {
        Refused::Voting(err)
    }
}

/// An instant as typed: RFC 3339 (`2026-11-25T18:00:00Z`, what an API
/// client sends) or as a `datetime-local` field sends it, read as the time
/// in Wales.
pub fn parse_instant(raw: &str) -> Option<Timestamp> {
    raw.trim()
        .parse::<Timestamp>()
        .ok()
        .or_else(|| parse_local(raw))
}

/// The fields every proposal has: the title (returned trimmed), the
/// background and the voting window. Each problem is named at its field.
pub fn proposal_fields<'a>(
    problems: &mut Vec<Problem>,
    title: &'a str,
    background: &str,
    opens_at: &str,
    closes_at: &str,
) -> (&'a str, Option<Timestamp>, Option<Timestamp>) {
    let title = title.trim();
    if title.is_empty() {
        problems.push(("title", "votes-error-title"));
    } else if title.chars().count() > MAX_TITLE {
        problems.push(("title", "votes-error-title-long"));
    }
    if background.chars().count() > MAX_BACKGROUND {
        problems.push(("background", "votes-error-background-long"));
    }
    let opens = parse_instant(opens_at);
    if opens.is_none() {
        problems.push(("opens_at", "votes-error-opens"));
    }
    let closes = parse_instant(closes_at);
    if closes.is_none() {
        problems.push(("closes_at", "votes-error-closes"));
    }
    (title, opens, closes)
}

/// A proposal as the person raises it, as typed.
#[derive(Debug, Default)]
pub struct RaiseProposal<'a> {
    pub title: &'a str,
    pub background: &'a str,
    /// `general`, `rule_change`, …
    pub subject: &'a str,
    /// `ordinary_resolution`, `special_resolution` or `consent`.
    pub decision_rule: &'a str,
    /// A secret ballot asked for (the rules may require one anyway).
    pub secret_asked: bool,
    pub opens_at: &'a str,
    pub closes_at: &'a str,
}

/// Raises a proposal. Every problem with the fields is found at once.
pub async fn raise_proposal(
    state: &AppState,
    scope: &CoopScope,
    input: RaiseProposal<'_>,
) -> Result<ProposalRecord, Refused> {
    let mut problems = Vec::new();
    let (title, opens, closes) = proposal_fields(
        &mut problems,
        input.title,
        input.background,
        input.opens_at,
        input.closes_at,
    );
    let subject = parse_subject(input.subject.trim());
    if subject.is_none() {
        problems.push(("subject", "error-unknown-choice"));
    }
    let rule = parse_rule(input.decision_rule.trim());
    if rule.is_none() {
        problems.push(("decision_rule", "votes-error-rule"));
    }
    let (Some(subject), Some(rule), Some(opens), Some(closes), true) =
        (subject, rule, opens, closes, problems.is_empty())
    else {
        return Err(Refused::Fields(problems));
    };
    state
        .store
        .raise_proposal(
            scope,
            NewProposal {
                title,
                background: input.background,
                subject,
                rule,
                secret_asked: input.secret_asked,
                opens,
                closes,
            },
        )
        .await
        .map_err(|err| match err {
            VotingError::Proposal(err) => {
                let field = if err.code() == "governance-window-closes-before-opening" {
                    "closes_at"
                } else {
                    "decision_rule"
                };
                Refused::Fields(vec![(field, err.code())])
            }
            err => Refused::Voting(err),
        })
}

/// Adds a comment to a proposal's discussion.
pub async fn comment(
    state: &AppState,
    scope: &CoopScope,
    proposal: &str,
    body: &str,
) -> Result<(), Refused> {
    let body = body.trim();
    if body.is_empty() {
        return Err(Refused::Fields(vec![("body", "votes-error-comment")]));
    }
    if body.chars().count() > MAX_COMMENT {
        return Err(Refused::Fields(vec![("body", "votes-error-comment-long")]));
    }
    state.store.add_comment(scope, proposal, body).await?;
    Ok(())
}

fn may_vote(actor: Actor, scope: &CoopScope) -> bool {
    policy::decide(actor, Some(scope.roles()), Action::Vote).is_allowed()
}

/// The caller's own vote, as typed.
#[derive(Debug, Default)]
pub struct Vote<'a> {
    /// `for`, `against` or `abstain`.
    pub choice: &'a str,
    /// On a secret ballot, the receipt of the vote being changed.
    pub receipt: Option<&'a str>,
}

/// Casts (or changes) the caller's own vote. Everyone in the co-operative
/// may ask; whether they have a vote is decided with the choice in hand,
/// so that an empty choice is answered with its problem either way.
pub async fn vote(
    state: &AppState,
    scope: &CoopScope,
    actor: Actor,
    proposal: &str,
    input: Vote<'_>,
) -> Result<CastVote, Refused> {
    let Some(choice) = parse_choice(input.choice.trim()) else {
        return Err(Refused::Fields(vec![("choice", "votes-error-choice")]));
    };
    if !may_vote(actor, scope) {
        return Err(Refused::Voting(VotingError::NotAMember));
    }
    let receipt = input.receipt.map(str::trim).filter(|r| !r.is_empty());
    Ok(state
        .store
        .vote(scope, proposal, choice, receipt, state.clock().now())
        .await?)
}

/// A vote for another member, as typed: the member's account id and the
/// choice.
#[derive(Debug, Default)]
pub struct VoteFor<'a> {
    pub member: &'a str,
    pub choice: &'a str,
}

/// An officer records a member's vote given in person (assisted) or on
/// paper. The member named having no vote, or having voted already, is a
/// problem with the member field, not with the officer's right.
pub async fn record_vote_for(
    state: &AppState,
    scope: &CoopScope,
    proposal: &str,
    input: VoteFor<'_>,
    channel: BallotChannel,
) -> Result<CastVote, Refused> {
    let mut problems = Vec::new();
    let member = AccountId::parse(input.member.trim());
    if member.is_none() {
        problems.push(("member", "votes-error-member"));
    }
    let choice = parse_choice(input.choice.trim());
    if choice.is_none() {
        problems.push(("choice", "votes-error-choice"));
    }
    let (Some(member), Some(choice)) = (member, choice) else {
        return Err(Refused::Fields(problems));
    };
    state
        .store
        .record_vote_for(
            scope,
            proposal,
            &member,
            choice,
            channel,
            state.clock().now(),
        )
        .await
        .map_err(|err| {
            if err.is_no_right() || matches!(err, VotingError::AlreadyVoted) {
                Refused::Fields(vec![("member", err.code())])
            } else {
                Refused::Voting(err)
            }
        })
}

/// Counts the votes of a closed proposal and records the result.
pub async fn declare_result(
    state: &AppState,
    scope: &CoopScope,
    proposal: &str,
) -> Result<(), Refused> {
    state
        .store
        .record_result(scope, proposal, state.clock().now())
        .await?;
    Ok(())
}

/// The caller names another member to vote for them. A holder who cannot
/// be named is a problem with the holder field; the caller's own lack of
/// a vote (403) or having voted already is a refusal of the whole action.
pub async fn appoint_proxy(
    state: &AppState,
    scope: &CoopScope,
    actor: Actor,
    proposal: &str,
    holder: &str,
) -> Result<(), Refused> {
    let Some(holder) = AccountId::parse(holder.trim()) else {
        return Err(Refused::Fields(vec![(
            "holder",
            "votes-proxy-holder-cannot-vote",
        )]));
    };
    if !may_vote(actor, scope) {
        return Err(Refused::Voting(VotingError::NotAMember));
    }
    state
        .store
        .appoint_proxy(scope, proposal, &holder, state.clock().now())
        .await
        .map_err(|err| match err {
            VotingError::OwnProxy
            | VotingError::ProxyHolderCannotVote
            | VotingError::TooManyProxies { .. } => Refused::Fields(vec![("holder", err.code())]),
            err => Refused::Voting(err),
        })
}

/// The caller takes back their appointment. It needs no vote: only a
/// member who had one can have made it.
pub async fn revoke_proxy(
    state: &AppState,
    scope: &CoopScope,
    proposal: &str,
) -> Result<(), Refused> {
    state
        .store
        .revoke_proxy(scope, proposal, state.clock().now())
        .await?;
    Ok(())
}

/// The caller casts a vote they hold as a member's proxy. A member whose
/// proxy the caller does not hold, or who has voted already, is a problem
/// with the member field.
pub async fn vote_as_proxy(
    state: &AppState,
    scope: &CoopScope,
    actor: Actor,
    proposal: &str,
    input: VoteFor<'_>,
) -> Result<CastVote, Refused> {
    let mut problems = Vec::new();
    let member = AccountId::parse(input.member.trim());
    if member.is_none() {
        problems.push(("member", "votes-error-member"));
    }
    let choice = parse_choice(input.choice.trim());
    if choice.is_none() {
        problems.push(("choice", "votes-error-choice"));
    }
    let (Some(member), Some(choice)) = (member, choice) else {
        return Err(Refused::Fields(problems));
    };
    if !may_vote(actor, scope) {
        return Err(Refused::Voting(VotingError::NotAMember));
    }
    state
        .store
        .vote_by_proxy(scope, proposal, &member, choice, state.clock().now())
        .await
        .map_err(|err| match err {
            VotingError::NoProxy
            | VotingError::OwnProxy
            | VotingError::AlreadyVoted
            | VotingError::ProxyHolderCannotVote
            | VotingError::TooManyProxies { .. } => Refused::Fields(vec![("member", err.code())]),
            err => Refused::Voting(err),
        })
}
