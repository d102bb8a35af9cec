//! Proxies on the proposal page: a member names another member to vote for
//! them, takes the appointment back, and a holder casts the votes they hold.
//! Refusals are shown at the form's own fields on the proposal page.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use cylch_domain::policy::Action;

use crate::AppState;
use crate::areas::votes::commands::{self, Refused};
use crate::areas::votes::pages::{Extras, VoteForm, answer_refused, back, load};
use crate::common::access::scope_for;
use crate::common::error::AppError;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::ViewerExt;

/// Answers a proxy form: back to the proposal when done, else the proposal
/// page with the problem at the form's field (`field` names it as the page
/// does) or the refusal at the top. Every member may reach the proposal.
async fn answer(
    state: &AppState,
    viewer: &ViewerExt,
    headers: &HeaderMap,
    id: &str,
    proposal: &str,
    field: fn(&'static str) -> &'static str,
    attempt: impl AsyncFnOnce(&AppState, &cylch_store::CoopScope, &str) -> Result<(), Refused>,
) -> Result<Response, AppError> {
    let scope = scope_for(state, viewer, id, Action::ViewDecisions).await?;
    let record = load(state, &scope, proposal).await?;
    match attempt(state, &scope, &record.id).await {
        Ok(()) => Ok(back(&scope, &record)),
        Err(refused) => {
            answer_refused(
                state,
                viewer,
                &scope,
                &record,
                headers,
                refused,
                field,
                Extras::default(),
            )
            .await
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
    let actor = viewer.actor();
    answer(
        &state,
        &viewer,
        &headers,
        &id,
        &proposal,
        |_| "proxy-member",
        async |state, scope, proposal| {
            commands::appoint_proxy(state, scope, actor, proposal, &form.member).await
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
        |_| "proxy-member",
        async |state, scope, proposal| commands::revoke_proxy(state, scope, proposal).await,
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
    let actor = viewer.actor();
    answer(
        &state,
        &viewer,
        &headers,
        &id,
        &proposal,
        |name| match name {
            "choice" => "proxy-vote-choice",
            _ => "proxy-vote-member",
        },
        async |state, scope, proposal| {
            let input = commands::VoteFor {
                member: &form.member,
                choice: &form.choice,
            };
            commands::vote_as_proxy(state, scope, actor, proposal, input)
                .await
                .map(|_| ())
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
