//! Whose record a caller may see, for both fronts: the decision is the
//! policy's ([`cylch_domain::policy::sees_person`]) and the scope the
//! store's ([`PersonScope`]); here it only becomes a list or an answer.

use cylch_domain::PersonRecord;
use cylch_ledger::PersonId;
use cylch_store::CoopScope;
use cylch_store::people::{PersonScope, PersonScopeError};

use crate::AppState;
use crate::common::error::AppError;

/// The people whose funds the caller may see, with their names, in the
/// register's order.
pub async fn funds(
    state: &AppState,
    scope: &CoopScope,
) -> Result<Vec<(PersonId, String)>, AppError> {
    Ok(state
        .store
        .visible_people(scope, PersonRecord::Fund)
        .await?
        .into_iter()
        .map(|p| (p.person().clone(), p.name().to_owned()))
        .collect())
}

/// The fund of the person with reference `raw`, if the caller may see it:
/// officers are told a stranger is not found, anyone else is refused.
pub async fn fund(state: &AppState, scope: &CoopScope, raw: &str) -> Result<PersonScope, AppError> {
    state
        .store
        .person_scope(scope, raw, PersonRecord::Fund)
        .await
        .map_err(answer)
}

/// The answer when the person asked for is not among `people`, the funds
/// the caller may see: for a page that has the list already.
pub fn not_among(scope: &CoopScope) -> AppError {
    answer(PersonScopeError::missing(scope, PersonRecord::Fund))
}

fn answer(err: PersonScopeError) -> AppError {
    match err {
        PersonScopeError::NotFound => AppError::NOT_FOUND,
        PersonScopeError::Refused => AppError::FORBIDDEN,
        PersonScopeError::Store(err) => err.into(),
    }
}
