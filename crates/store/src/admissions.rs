//! Admission by the members: where the rules say so, a person is admitted
//! only if an ordinary resolution to admit them is carried. The proposal
//! carries who they are; once it is carried, the service invites them
//! (exactly once, whichever server gets there first), and accepting the
//! invitation makes them a member.

use cylch_domain::{EmailAddress, MemberClass, PersonName};
use cylch_governance::proposal::Subject;
use cylch_governance::vote::DecisionRule;
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::invitations::{self, Invitation, NewInvitation};
use crate::votes::{Carries, NewProposal, ProposalRecord, VotingError};
use crate::{AccountId, CoopId, CoopScope, Store, StoreError, Tx};

/// The person the members are asked to admit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAdmission<'a> {
    pub name: &'a PersonName,
    pub email: &'a EmailAddress,
    pub class: MemberClass,
}

/// A person a proposal would admit, as stored with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admission {
    pub name: String,
    pub email: String,
    pub class: MemberClass,
    /// Whether their invitation has gone.
    pub invited: bool,
}

fn corrupt(what: &str, raw: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {raw:?}"))
}

pub(crate) async fn attach(
    tx: &mut Tx,
    scope: &CoopScope,
    proposal: &str,
    person: &NewAdmission<'_>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO admission_proposals (proposal_id, coop_id, name, email, class) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(proposal)
    .bind(scope.coop_id().as_str())
    .bind(person.name.as_str())
    .bind(person.email.as_str())
    .bind(person.class.code())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Puts the admission of a person to the members as an ordinary
    /// resolution; the proposal's title and background say who and why.
    pub async fn propose_admission(
        &self,
        scope: &CoopScope,
        new: NewProposal<'_>,
        person: &NewAdmission<'_>,
    ) -> Result<ProposalRecord, VotingError> {
        let new = NewProposal {
            subject: Subject::General,
            rule: DecisionRule::OrdinaryResolution,
            ..new
        };
        self.raise_proposal_carrying(scope, new, Some(Carries::Admission(person)))
            .await
    }

    /// The person a proposal would admit, if it is an admission.
    pub async fn admission_of(
        &self,
        scope: &CoopScope,
        proposal: &str,
    ) -> Result<Option<Admission>, StoreError> {
        let row = sqlx::query(
            "SELECT name, email, class, invitation_id FROM admission_proposals WHERE proposal_id = $1 AND coop_id = $2",
        )
        .bind(proposal)
        .bind(scope.coop_id().as_str())
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| {
            let class: String = row.try_get(2)?;
            Ok(Admission {
                name: row.try_get(0)?,
                email: row.try_get(1)?,
                class: MemberClass::parse(&class).map_err(|_| corrupt("class", &class))?,
                invited: row.try_get::<Option<String>, _>(3)?.is_some(),
            })
        })
        .transpose()
    }

    /// Invites everyone whose admission the members have carried and who
    /// has not been invited yet, across the instance; returns each
    /// invitation with its secret, for the email. Each is claimed in the
    /// transaction that creates the invitation, so two servers never both
    /// invite the same person.
    pub async fn invite_admitted(&self) -> Result<Vec<(Invitation, String)>, StoreError> {
        let due = sqlx::query(
            "SELECT ap.proposal_id, ap.coop_id, c.name, ap.name, ap.email, ap.class, p.decided_by
             FROM admission_proposals ap JOIN proposals p ON p.id = ap.proposal_id JOIN coops c ON c.id = ap.coop_id
             WHERE ap.invitation_id IS NULL AND p.outcome = 'carried' ORDER BY p.decided_at, ap.proposal_id",
        )
        .fetch_all(self.pool())
        .await?;
        let mut invited = Vec::new();
        for row in &due {
            let proposal: String = row.try_get(0)?;
            let coop = CoopId::from_db(row.try_get(1)?);
            let coop_name: String = row.try_get(2)?;
            let name: String = row.try_get(3)?;
            let email: String = row.try_get(4)?;
            let class: String = row.try_get(5)?;
            let decided_by: Option<String> = row.try_get(6)?;
            let Some(actor) = decided_by.map(AccountId::from_db) else {
                continue;
            };
            let name = PersonName::parse(&name).map_err(|_| corrupt("name", &name))?;
            let email = EmailAddress::parse(&email).map_err(|_| corrupt("email", &email))?;
            let class = MemberClass::parse(&class).map_err(|_| corrupt("class", &class))?;
            let mut tx = self.begin().await?;
            let (invitation, secret) = invitations::create_in(
                &mut tx,
                &actor,
                &coop_name,
                NewInvitation {
                    coop: &coop,
                    email: &email,
                    name: &name,
                    office: None,
                    class: Some(class),
                },
                self.now_ms(),
            )
            .await?;
            let claimed = sqlx::query(
                "UPDATE admission_proposals SET invitation_id = $1 WHERE proposal_id = $2 AND invitation_id IS NULL",
            )
            .bind(&invitation.id)
            .bind(&proposal)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 0 {
                // Another server invited them first.
                tx.rollback().await?;
                continue;
            }
            audit::record(
                &mut tx,
                Change {
                    coop: Some(&coop),
                    actor: Some(&actor),
                    record_kind: "admission",
                    record_id: &proposal,
                    action: AuditAction::Updated,
                    before: Some(json!({"invited": false})),
                    after: Some(json!({"invited": true, "invitation": invitation.id})),
                },
            )
            .await?;
            tx.commit().await?;
            invited.push((invitation, secret));
        }
        Ok(invited)
    }
}
