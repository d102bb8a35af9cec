//! Whose record: the supported people whose records a caller may see, and a
//! scope for one of them that only this module can hand out.
//!
//! As [`CoopScope`] keeps every query inside one co-operative, a
//! [`PersonScope`] keeps a query about one person's fund, plan or
//! timesheets to a person the policy lets the caller see: a handler cannot
//! read someone else's record by forgetting a check, because it cannot make
//! the scope without passing it.

use cylch_domain::policy::{PersonRecord, Tie, sees_person};
use cylch_ledger::PersonId;

use crate::support::SupportedPerson;
use crate::{CoopScope, Store, StoreError};

/// One supported person whose `record` the caller may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonScope {
    person: PersonId,
    name: String,
    tie: Tie,
}

impl PersonScope {
    pub fn person(&self) -> &PersonId {
        &self.person
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// How the caller stands to the person.
    pub fn tie(&self) -> Tie {
        self.tie
    }
}

/// Why no scope was handed out. Officers, who may see everyone's, are told
/// a person is not found; anyone else is refused, so that nobody learns
/// which people another family's fund belongs to.
#[derive(Debug, thiserror::Error)]
pub enum PersonScopeError {
    #[error("nobody with that reference is supported here")]
    NotFound,
    #[error("that person's records are not the caller's to see")]
    Refused,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PersonScopeError {
    /// The answer for a person who is not among those the caller may see.
    pub fn missing(scope: &CoopScope, record: PersonRecord) -> PersonScopeError {
        if sees_person(scope.roles(), Tie::Unrelated, record) {
            PersonScopeError::NotFound
        } else {
            PersonScopeError::Refused
        }
    }
}

fn tie(scope: &CoopScope, person: &SupportedPerson) -> Tie {
    if person.represented_by.as_ref() == Some(scope.account()) {
        Tie::Representative
    } else if person.member_account.as_ref() == Some(scope.account()) {
        Tie::Themselves
    } else {
        Tie::Unrelated
    }
}

impl Store {
    /// The supported people whose `record` the caller may see, in the
    /// register's order: everyone for an officer's fund view, otherwise the
    /// caller themselves and the people they act for.
    pub async fn visible_people(
        &self,
        scope: &CoopScope,
        record: PersonRecord,
    ) -> Result<Vec<PersonScope>, StoreError> {
        let (people, _) = self.support_register(scope).await?;
        people
            .into_iter()
            .filter_map(|p| {
                let tie = tie(scope, &p);
                sees_person(scope.roles(), tie, record).then_some((p, tie))
            })
            .map(|(p, tie)| {
                let person = PersonId::new(p.id.clone())
                    .map_err(|_| StoreError::Corrupt(format!("supported person id {:?}", p.id)))?;
                Ok(PersonScope {
                    person,
                    name: p.name,
                    tie,
                })
            })
            .collect()
    }

    /// The scope of the person with reference `person`, if the caller may
    /// see their `record`.
    pub async fn person_scope(
        &self,
        scope: &CoopScope,
        person: &str,
        record: PersonRecord,
    ) -> Result<PersonScope, PersonScopeError> {
        let wanted = person.trim();
        self.visible_people(scope, record)
            .await?
            .into_iter()
            .find(|p| p.person.as_str() == wanted)
            .ok_or_else(|| PersonScopeError::missing(scope, record))
    }
}
