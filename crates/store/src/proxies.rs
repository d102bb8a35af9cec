//! Proxies: a member who cannot vote themselves names another member to
//! cast their vote on one proposal, where the rules allow it. The holder's
//! vote is the member's one ballot; the member can still vote in person,
//! which replaces it, and can revoke the appointment until the holder has
//! voted.

use cylch_governance::Rules;
use cylch_governance::vote::VoteChoice;
use jiff::Timestamp;
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::votes::{BallotChannel, CastVote, VotingError, lock_proposal, voting_class};
use crate::{AccountId, CoopScope, Store, StoreError, Tx};

/// A live appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyAppointment {
    pub member: AccountId,
    pub member_name: String,
    pub holder: AccountId,
    pub holder_name: String,
    pub appointed_at_ms: i64,
}

/// Refuses a proxy vote unless the rules allow proxies and the voter holds
/// the member's live appointment on this proposal.
pub(crate) async fn check_held(
    tx: &mut Tx,
    scope: &CoopScope,
    rules: &Rules,
    proposal: &str,
    member: &AccountId,
) -> Result<(), VotingError> {
    if !rules.proxies.allowed {
        return Err(VotingError::ProxiesNotAllowed);
    }
    let held: Option<String> = sqlx::query_scalar(
        "SELECT id FROM proxy_appointments
         WHERE proposal_id = $1 AND coop_id = $2 AND member_account_id = $3 AND holder_account_id = $4 AND revoked_at IS NULL",
    )
    .bind(proposal)
    .bind(scope.coop_id().as_str())
    .bind(member.as_str())
    .bind(scope.account().as_str())
    .fetch_optional(&mut **tx)
    .await?;
    held.map(|_| ()).ok_or(VotingError::NoProxy)
}

const APPOINTMENT_QUERY: &str = "SELECT p.member_account_id, m.name, p.holder_account_id, h.name, p.appointed_at
     FROM proxy_appointments p JOIN accounts m ON m.id = p.member_account_id JOIN accounts h ON h.id = p.holder_account_id
     WHERE p.proposal_id = $1 AND p.coop_id = $2 AND p.revoked_at IS NULL";

fn appointment(row: &sqlx::any::AnyRow) -> Result<ProxyAppointment, StoreError> {
    Ok(ProxyAppointment {
        member: AccountId::from_db(row.try_get(0)?),
        member_name: row.try_get(1)?,
        holder: AccountId::from_db(row.try_get(2)?),
        holder_name: row.try_get(3)?,
        appointed_at_ms: row.try_get(4)?,
    })
}

async fn revoke_live(
    tx: &mut Tx,
    scope: &CoopScope,
    proposal: &str,
    at: Timestamp,
) -> Result<Option<String>, StoreError> {
    let live: Option<(String, String)> = sqlx::query_as(
        "SELECT id, holder_account_id FROM proxy_appointments
         WHERE proposal_id = $1 AND coop_id = $2 AND member_account_id = $3 AND revoked_at IS NULL",
    )
    .bind(proposal)
    .bind(scope.coop_id().as_str())
    .bind(scope.account().as_str())
    .fetch_optional(&mut **tx)
    .await?;
    let Some((id, holder)) = live else {
        return Ok(None);
    };
    sqlx::query("UPDATE proxy_appointments SET revoked_at = $1 WHERE id = $2")
        .bind(at.as_millisecond())
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    audit::record(
        tx,
        Change {
            coop: Some(scope.coop_id()),
            actor: Some(scope.account()),
            record_kind: "proxy",
            record_id: &id,
            action: AuditAction::Updated,
            before: Some(json!({"proposal": proposal, "holder": holder})),
            after: Some(json!({"proposal": proposal, "holder": holder, "revoked": true})),
        },
    )
    .await?;
    Ok(Some(holder))
}

async fn has_voted(tx: &mut Tx, proposal: &str, member: &AccountId) -> Result<bool, StoreError> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT member_account_id FROM ballots WHERE proposal_id = $1 AND member_account_id = $2",
    )
    .bind(proposal)
    .bind(member.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    Ok(found.is_some())
}

impl Store {
    /// The signed-in member names `holder` to vote for them on `proposal`,
    /// replacing any earlier appointment. Refused once they have voted, when
    /// voting is not open, and beyond the rules' limit per holder.
    pub async fn appoint_proxy(
        &self,
        scope: &CoopScope,
        proposal: &str,
        holder: &AccountId,
        at: Timestamp,
    ) -> Result<(), VotingError> {
        let member = scope.account().clone();
        if holder == &member {
            return Err(VotingError::OwnProxy);
        }
        let mut tx = self.begin().await?;
        // The proposal's row lock queues appointments on it, so two members
        // naming the same holder at once cannot pass the limit together.
        let record = lock_proposal(self.dialect(), &mut tx, scope, proposal).await?;
        let rules = crate::rules::current(&mut *tx, scope).await?;
        if !rules.proxies.allowed {
            return Err(VotingError::ProxiesNotAllowed);
        }
        record
            .window
            .accepts(at)
            .map_err(VotingError::from_window)?;
        voting_class(&mut tx, scope, &rules, &member).await?;
        match voting_class(&mut tx, scope, &rules, holder).await {
            Ok(_) => {}
            Err(VotingError::Store(err)) => return Err(err.into()),
            Err(_) => return Err(VotingError::ProxyHolderCannotVote),
        }
        if has_voted(&mut tx, proposal, &member).await? {
            return Err(VotingError::AlreadyVoted);
        }
        revoke_live(&mut tx, scope, proposal, at).await?;
        let held: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM proxy_appointments WHERE proposal_id = $1 AND holder_account_id = $2 AND revoked_at IS NULL",
        )
        .bind(proposal)
        .bind(holder.as_str())
        .fetch_one(&mut *tx)
        .await?;
        let limit = rules.proxies.max_per_holder;
        if held >= i64::from(limit) {
            return Err(VotingError::TooManyProxies { limit });
        }
        let id = random_id();
        sqlx::query(
            "INSERT INTO proxy_appointments (id, proposal_id, coop_id, member_account_id, holder_account_id, appointed_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(proposal)
        .bind(scope.coop_id().as_str())
        .bind(member.as_str())
        .bind(holder.as_str())
        .bind(at.as_millisecond())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "proxy",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"proposal": proposal, "holder": holder.as_str()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The signed-in member takes back their proxy on `proposal`.
    pub async fn revoke_proxy(
        &self,
        scope: &CoopScope,
        proposal: &str,
        at: Timestamp,
    ) -> Result<(), VotingError> {
        let mut tx = self.begin().await?;
        lock_proposal(self.dialect(), &mut tx, scope, proposal).await?;
        if revoke_live(&mut tx, scope, proposal, at).await?.is_none() {
            return Err(VotingError::NoProxy);
        }
        tx.commit().await?;
        Ok(())
    }

    /// The signed-in member's live appointment on `proposal`, if any.
    pub async fn my_proxy(
        &self,
        scope: &CoopScope,
        proposal: &str,
    ) -> Result<Option<ProxyAppointment>, StoreError> {
        let query = format!("{APPOINTMENT_QUERY} AND p.member_account_id = $3");
        let row = sqlx::query(sqlx::AssertSqlSafe(query))
            .bind(proposal)
            .bind(scope.coop_id().as_str())
            .bind(scope.account().as_str())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(appointment).transpose()
    }

    /// The proxies the signed-in member holds on `proposal`.
    pub async fn proxies_held(
        &self,
        scope: &CoopScope,
        proposal: &str,
    ) -> Result<Vec<ProxyAppointment>, StoreError> {
        let query = format!("{APPOINTMENT_QUERY} AND p.holder_account_id = $3 ORDER BY m.name");
        let rows = sqlx::query(sqlx::AssertSqlSafe(query))
            .bind(proposal)
            .bind(scope.coop_id().as_str())
            .bind(scope.account().as_str())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(appointment).collect()
    }

    /// The holder casts `member`'s vote. Refused if the member has voted
    /// in any way already; the member's own vote later replaces this one.
    pub async fn vote_by_proxy(
        &self,
        scope: &CoopScope,
        proposal: &str,
        member: &AccountId,
        choice: VoteChoice,
        at: Timestamp,
    ) -> Result<CastVote, VotingError> {
        if member == scope.account() {
            return Err(VotingError::OwnProxy);
        }
        self.put_ballot(
            scope,
            proposal,
            member,
            choice,
            BallotChannel::Proxy,
            None,
            at,
        )
        .await
    }
}
