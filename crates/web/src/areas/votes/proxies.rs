//! Proxies on the proposal page: a member names another member to vote for
//! them, takes the appointment back, and a holder casts the votes they hold.
//! Refusals are shown at the form's own fields on the proposal page.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use cylch_domain::policy::{self, Action};
use cylch_store::AccountId;
use cylch_store::votes::{VotingError, parse_choice};

use crate::AppState;
use crate::areas::coops::pages::scope_for;
use crate::areas::votes::pages::{Extras, VoteForm, back, load, proposal_page, refuse};
use crate::common::error::AppError;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::{ViewerExt, render_invalid};
use crate::common::problems::Problems;

/// The refusals that belong at a proxy form's field rather than at the top
/// of the page.
fn at_field(err: &VotingError) -> bool {
    matches!(
        err,
        VotingError::OwnProxy
            | VotingError::ProxyHolderCannotVote
            | VotingError::TooManyProxies { .. }
            | VotingError::NoProxy
            | VotingError::AlreadyVoted
    )
}

/// Answers a proxy form. Every member may reach the proposal; problems
/// with the form's own fields come first (422), then the right to vote
/// (403), then the store's refusals, at `field` where they belong there.
#[allow(clippy::too_many_arguments)]
async fn answer(
    state: &AppState,
    viewer: &ViewerExt,
    headers: &HeaderMap,
    id: &str,
    proposal: &str,
    field: &'static str,
    mut errors: Problems,
    needs_vote: bool,
    attempt: impl AsyncFnOnce(&AppState, &cylch_store::CoopScope, &str) -> Result<(), VotingError>,
) -> Result<Response, AppError> {
    let scope = scope_for(state, viewer, id, Action::ViewDecisions).await?;
    let record = load(state, &scope, proposal).await?;
    let result = if !errors.is_empty() {
        Ok(())
    } else if needs_vote
        && !policy::decide(viewer.actor(), Some(scope.roles()), Action::Vote).is_allowed()
    {
        Err(VotingError::NotAMember)
    } else {
        attempt(state, &scope, &record.id).await
    };
    match result {
        Ok(()) if errors.is_empty() => Ok(back(&scope, &record)),
        Err(err) if !at_field(&err) => refuse(state, viewer, &scope, &record, headers, err).await,
        outcome => {
            if let Err(err) = outcome {
                errors.add(field, err.code());
            }
            let extras = Extras {
                errors,
                ..Extras::default()
            };
            render_invalid(&proposal_page(state, viewer, &scope, &record, headers, extras).await?)
        }
    }
}

pub async fn appoint(
    State(state): State<AppState>,
    viewer: ViewerExt,
    headers: HeaderMap,
    Path((id, proposal)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<VoteForm>,
) -> Result<Response, AppError> {
    let holder = AccountId::parse(form.member.trim());
    let mut errors = Problems::default();
    if holder.is_none() {
        errors.add("proxy-member", "votes-error-member");
    }
    answer(
        &state,
        &viewer,
        &headers,
        &id,
        &proposal,
        "proxy-member",
        errors,
        true,
        async |state, scope, proposal| match holder {
            Some(holder) => {
                state
                    .store
                    .appoint_proxy(scope, proposal, &holder, state.clock().now())
                    .await
            }
            None => Err(VotingError::ProxyHolderCannotVote),
        },
    )
    .await
}

pub async fn revoke(
    State(state): State<AppState>,
    viewer: ViewerExt,
    headers: HeaderMap,
    Path((id, proposal)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    answer(
        &state,
        &viewer,
        &headers,
        &id,
        &proposal,
        "proxy-member",
        Problems::default(),
        // Taking back one's own appointment needs no vote: only a member
        // who had one can have made it.
        false,
        async |state, scope, proposal| {
            state
                .store
                .revoke_proxy(scope, proposal, state.clock().now())
                .await
        },
    )
    .await
}

pub async fn vote(
    State(state): State<AppState>,
    viewer: ViewerExt,
    headers: HeaderMap,
    Path((id, proposal)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<VoteForm>,
) -> Result<Response, AppError> {
    let member = AccountId::parse(form.member.trim());
    let choice = parse_choice(form.choice.trim());
    let mut errors = Problems::default();
    if member.is_none() {
        errors.add("proxy-vote-member", "votes-error-member");
    }
    if choice.is_none() {
        errors.add("proxy-vote-choice", "votes-error-choice");
    }
    answer(
        &state,
        &viewer,
        &headers,
        &id,
        &proposal,
        "proxy-vote-member",
        errors,
        true,
        async |state, scope, proposal| match (member, choice) {
            (Some(member), Some(choice)) => state
                .store
                .vote_by_proxy(scope, proposal, &member, choice, state.clock().now())
                .await
                .map(|_| ()),
            _ => Err(VotingError::NoProxy),
        },
    )
    .await
}

/// The routes of this area, for the router and the permission test.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("POST", "/coops/{id}/proposals/{proposal}/proxy", appoint),
        route(
            "POST",
            "/coops/{id}/proposals/{proposal}/proxy/revoke",
            revoke,
        ),
        route("POST", "/coops/{id}/proposals/{proposal}/proxy-vote", vote),
    ]
}
