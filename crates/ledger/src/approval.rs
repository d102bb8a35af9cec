//! Approving payments. Above the co-operative's limit a payment needs two
//! officers; at or below it, one. Nobody approves their own claim, and
//! nobody counts twice, so "two officers" always means two different people
//! other than the one who will be paid.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::category::Category;
use crate::fund::PersonId;
use crate::money::Pence;

/// The co-operative's approval rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalPolicy {
    /// Payments above this need two officers' approval.
    pub two_officer_limit: Pence,
    /// The people who may approve payments (the co-operative's officers at
    /// the time of approval).
    pub officers: Vec<PersonId>,
}

impl ApprovalPolicy {
    /// A starting limit for a small co-operative: £250. It is a setting;
    /// the co-operative's rules or its council agreement may set another.
    pub const SUGGESTED_LIMIT: Pence = Pence::new(25_000);

    pub fn approvals_needed(&self, amount: Pence) -> usize {
        if amount > self.two_officer_limit {
            2
        } else {
            1
        }
    }
}

/// A request to pay someone: an expense claim, an invoice, a wage payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
///
/// Its fields are read-only: changing the amount after approval would carry
/// approvals over to a payment nobody approved, so a changed claim is a new
/// claim.
pub struct Claim {
    id: String,
    /// Who will receive the money (or put in the claim for it).
    claimant: PersonId,
    amount: Pence,
    category: Category,
    description: String,
    /// Officers who have approved so far, in order.
    approvals: Vec<PersonId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ClaimStatus {
    AwaitingApproval { have: usize, needed: usize },
    Approved,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClaimError {
    #[error("a claim must be for more than zero")]
    NotPositive,
    #[error("a claim needs a description saying what it is for")]
    NoDescription,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApprovalError {
    #[error("{0} is not an officer of the co-operative, so cannot approve payments")]
    NotAnOfficer(PersonId),
    #[error("{0} cannot approve their own claim; another officer must")]
    OwnClaim(PersonId),
    #[error(
        "{0} has already approved this claim; a different officer must give the second approval"
    )]
    AlreadyApprovedBy(PersonId),
    #[error("this claim already has all the approvals it needs")]
    AlreadyApproved,
}

impl Claim {
    pub fn new(
        id: impl Into<String>,
        claimant: PersonId,
        amount: Pence,
        category: Category,
        description: impl Into<String>,
    ) -> Result<Claim, ClaimError> {
        let description = description.into();
        if !amount.is_positive() {
            return Err(ClaimError::NotPositive);
        }
        if description.trim().is_empty() {
            return Err(ClaimError::NoDescription);
        }
        Ok(Claim {
            id: id.into(),
            claimant,
            amount,
            category,
            description,
            approvals: Vec::new(),
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn claimant(&self) -> &PersonId {
        &self.claimant
    }

    pub fn amount(&self) -> Pence {
        self.amount
    }

    pub fn category(&self) -> Category {
        self.category
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    pub fn approvals(&self) -> &[PersonId] {
        &self.approvals
    }

    pub fn status(&self, policy: &ApprovalPolicy) -> ClaimStatus {
        let needed = policy.approvals_needed(self.amount);
        let have = self.approvals.len();
        if have >= needed {
            ClaimStatus::Approved
        } else {
            ClaimStatus::AwaitingApproval { have, needed }
        }
    }

    /// Records `approver`'s approval, returning the claim as it now stands.
    /// The claim passed in is unchanged, so a refused approval leaves
    /// nothing half-done.
    pub fn approve(
        &self,
        approver: &PersonId,
        policy: &ApprovalPolicy,
    ) -> Result<Claim, ApprovalError> {
        if !policy.officers.contains(approver) {
            return Err(ApprovalError::NotAnOfficer(approver.clone()));
        }
        if approver == &self.claimant {
            return Err(ApprovalError::OwnClaim(approver.clone()));
        }
        if self.approvals.contains(approver) {
            return Err(ApprovalError::AlreadyApprovedBy(approver.clone()));
        }
        if self.status(policy) == ClaimStatus::Approved {
            return Err(ApprovalError::AlreadyApproved);
        }
        let mut approved = self.clone();
        approved.approvals.push(approver.clone());
        Ok(approved)
    }
}

impl ClaimError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ClaimError::NotPositive => "ledger-claim-not-positive",
            ClaimError::NoDescription => "ledger-claim-no-description",
        }
    }
}

impl ApprovalError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ApprovalError::NotAnOfficer(_) => "ledger-approval-not-an-officer",
            ApprovalError::OwnClaim(_) => "ledger-approval-own-claim",
            ApprovalError::AlreadyApprovedBy(_) => "ledger-approval-already-approved-by",
            ApprovalError::AlreadyApproved => "ledger-approval-already-approved",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: &str) -> PersonId {
        PersonId::new(id).unwrap()
    }

    fn policy() -> ApprovalPolicy {
        ApprovalPolicy {
            two_officer_limit: ApprovalPolicy::SUGGESTED_LIMIT,
            officers: vec![p("chair"), p("treasurer"), p("secretary")],
        }
    }

    fn claim(amount: i64) -> Claim {
        Claim::new(
            "c1",
            p("treasurer"),
            Pence::new(amount),
            Category::Equipment,
            "Hoist sling",
        )
        .unwrap()
    }

    #[test]
    fn at_the_limit_one_officer_is_enough() {
        let c = claim(25_000);
        assert_eq!(
            c.status(&policy()),
            ClaimStatus::AwaitingApproval { have: 0, needed: 1 }
        );
        let c = c.approve(&p("chair"), &policy()).unwrap();
        assert_eq!(c.status(&policy()), ClaimStatus::Approved);
        assert_eq!(
            c.approve(&p("secretary"), &policy()),
            Err(ApprovalError::AlreadyApproved)
        );
    }

    #[test]
    fn above_the_limit_needs_two_different_officers_neither_the_claimant() {
        let c = claim(25_001);
        assert_eq!(
            c.approve(&p("treasurer"), &policy()),
            Err(ApprovalError::OwnClaim(p("treasurer")))
        );
        let once = c.approve(&p("chair"), &policy()).unwrap();
        assert_eq!(
            once.status(&policy()),
            ClaimStatus::AwaitingApproval { have: 1, needed: 2 }
        );
        assert_eq!(
            once.approve(&p("chair"), &policy()),
            Err(ApprovalError::AlreadyApprovedBy(p("chair")))
        );
        let twice = once.approve(&p("secretary"), &policy()).unwrap();
        assert_eq!(twice.status(&policy()), ClaimStatus::Approved);
        assert_eq!(twice.approvals(), &[p("chair"), p("secretary")]);
        // The earlier value is untouched.
        assert_eq!(once.approvals().len(), 1);
    }

    #[test]
    fn only_officers_approve() {
        assert_eq!(
            claim(100).approve(&p("pa-dafydd"), &policy()),
            Err(ApprovalError::NotAnOfficer(p("pa-dafydd")))
        );
    }

    #[test]
    fn claims_must_be_for_something() {
        assert_eq!(
            Claim::new("c", p("a"), Pence::ZERO, Category::Admin, "x"),
            Err(ClaimError::NotPositive)
        );
        assert_eq!(
            Claim::new("c", p("a"), Pence::new(1), Category::Admin, " "),
            Err(ClaimError::NoDescription)
        );
    }
}
