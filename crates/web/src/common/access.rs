//! Turning the policy's answer into a response, in one place for pages and
//! the API alike.

use cylch_domain::policy::{self, Action, Decision, Refusal};
use cylch_store::accounts::Account;
use cylch_store::{CoopId, CoopScope};

use crate::AppState;
use crate::common::error::{AppError, ErrorKind};
use crate::common::viewer::Viewer;

impl From<Refusal> for AppError {
    fn from(refusal: Refusal) -> AppError {
        match refusal {
            // Nobody learns which co-operatives exist by being refused one.
            Refusal::NotInCoop => AppError::NOT_FOUND,
            Refusal::NotSignedIn => AppError::Kind(ErrorKind::SignInRequired),
            Refusal::NeedsOffice | Refusal::NeedsInstanceAdmin | Refusal::NeedsMembership => {
                AppError::FORBIDDEN
            }
        }
    }
}

/// `Ok` when the policy allows, else the refusal as an error.
pub fn allowed(decision: Decision) -> Result<(), AppError> {
    match decision {
        Decision::Allow => Ok(()),
        Decision::Refuse(refusal) => Err(refusal.into()),
    }
}

fn actor(account: &Account) -> cylch_domain::Actor {
    cylch_domain::Actor::person(account.instance_admin)
}

/// The scope in which `account` may do `action` in the co-operative named
/// by `raw_id` in a URL.
pub async fn coop_scope(
    state: &AppState,
    account: &Account,
    raw_id: &str,
    action: Action,
) -> Result<CoopScope, AppError> {
    let id = CoopId::parse(raw_id).ok_or(AppError::NOT_FOUND)?;
    let scope = state.store.scope(&account.id, &id).await?;
    allowed(policy::decide(
        actor(account),
        scope.as_ref().map(CoopScope::roles),
        action,
    ))?;
    scope.ok_or(AppError::NOT_FOUND)
}

/// Refuses anyone the policy does not allow to run the instance.
pub fn instance(account: Option<&Account>, action: Action) -> Result<(), AppError> {
    let actor = account.map(actor).unwrap_or(cylch_domain::Actor::ANONYMOUS);
    allowed(policy::decide(actor, None, action))
}

/// The scope for a co-operative in the URL, after the policy has allowed
/// `action`. Someone outside the co-operative gets "not found", so nobody
/// learns which co-operatives exist.
pub async fn scope_for(
    state: &AppState,
    viewer: &Viewer,
    raw_id: &str,
    action: Action,
) -> Result<CoopScope, AppError> {
    coop_scope(state, viewer.require_account()?, raw_id, action).await
}
