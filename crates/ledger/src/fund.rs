//! Funds: whose money a posting belongs to. Every supported person's Direct
//! Payment is a restricted fund, so each pound can be traced to the person
//! whose care and support plan it was paid for.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A supported person, by the id the rest of Cylch gives them. The ledger
/// only needs the id to be stable and non-empty.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonId(String);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("a person's id cannot be empty")]
pub struct EmptyPersonId;

impl PersonId {
    pub fn new(id: impl Into<String>) -> Result<Self, EmptyPersonId> {
        let id = id.into();
        if id.trim().is_empty() {
            return Err(EmptyPersonId);
        }
        Ok(PersonId(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PersonId {
    type Error = EmptyPersonId;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        PersonId::new(value)
    }
}

impl From<PersonId> for String {
    fn from(value: PersonId) -> Self {
        value.0
    }
}

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which fund a posting belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "person", rename_all = "snake_case")]
pub enum FundId {
    /// The co-operative's own money (member contributions, unrestricted
    /// grants, reserves): free to be spent on anything the members decide.
    General,
    /// One person's Direct Payment (and their own contribution paid in with
    /// it): may only be spent on that person's assessed needs.
    Person(PersonId),
}

impl FundId {
    pub fn person(&self) -> Option<&PersonId> {
        match self {
            FundId::General => None,
            FundId::Person(p) => Some(p),
        }
    }

    pub fn is_restricted(&self) -> bool {
        matches!(self, FundId::Person(_))
    }
}

impl fmt::Display for FundId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FundId::General => f.write_str("general fund"),
            FundId::Person(p) => write!(f, "{p}'s Direct Payment fund"),
        }
    }
}

impl EmptyPersonId {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        "ledger-empty-person-id"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_ids_are_never_empty() {
        assert_eq!(PersonId::new(""), Err(EmptyPersonId));
        assert_eq!(PersonId::new("  "), Err(EmptyPersonId));
        assert_eq!(PersonId::new("ann").unwrap().as_str(), "ann");
        // Loading from storage goes through the same check.
        assert_eq!(PersonId::try_from(String::new()), Err(EmptyPersonId));
    }

    #[test]
    fn only_person_funds_are_restricted() {
        let ann = FundId::Person(PersonId::new("ann").unwrap());
        assert!(ann.is_restricted());
        assert!(!FundId::General.is_restricted());
        assert_eq!(ann.person().map(PersonId::as_str), Some("ann"));
        assert_eq!(FundId::General.person(), None);
    }
}
