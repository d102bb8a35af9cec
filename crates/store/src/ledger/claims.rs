//! Payment claims and the two-officer rule. A claim, each approval and its
//! payment are rows written once: a claim cannot change under the
//! approvals given to it.

use cylch_ledger::account::codes;
use cylch_ledger::approval::ClaimStatus;
use cylch_ledger::{
    AccountCode, ApprovalPolicy, Category, ChargeTo, Chart, Claim, EntryDraft, EntryId, Pence,
    PersonId, PostedEntry,
};
use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;

use super::entries::{insert_entry, new_entry_id};
use super::{LedgerError, check_people, person_id, settings_in};
use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{AccountId, CoopScope, Store, StoreError, Tx};

/// A claim as stored, with its approvals in order and the entry that paid
/// it.
#[derive(Debug, Clone)]
pub struct StoredClaim {
    pub claim: Claim,
    pub claimant: AccountId,
    pub charge_to: ChargeTo,
    pub status: ClaimStatus,
    pub paid_by: Option<EntryId>,
}

fn account_person(account: &AccountId) -> Result<PersonId, StoreError> {
    person_id(account.as_str())
}

/// The co-operative's officers now: who may approve a payment.
async fn officers(tx: &mut Tx, scope: &CoopScope) -> Result<Vec<PersonId>, StoreError> {
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT account_id FROM offices WHERE coop_id = $1")
            .bind(scope.coop_id().as_str())
            .fetch_all(&mut **tx)
            .await?;
    ids.iter().map(|id| person_id(id)).collect()
}

async fn load_claims(
    tx: &mut Tx,
    scope: &CoopScope,
    limit: Pence,
) -> Result<Vec<StoredClaim>, StoreError> {
    let coop = scope.coop_id().as_str();
    let rows = sqlx::query(
        "SELECT c.id, c.claimant_account_id, c.amount, c.category, c.description, c.charge_to_json, p.entry_id
         FROM payment_claims c LEFT JOIN claim_payments p ON p.claim_id = c.id
         WHERE c.coop_id = $1 ORDER BY c.created_at, c.id",
    )
    .bind(coop)
    .fetch_all(&mut **tx)
    .await?;
    let approvals = sqlx::query(
        "SELECT a.claim_id, a.approver_account_id FROM claim_approvals a
         JOIN payment_claims c ON c.id = a.claim_id
         WHERE c.coop_id = $1 ORDER BY a.claim_id, a.position",
    )
    .bind(coop)
    .fetch_all(&mut **tx)
    .await?;
    let mut claims = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: String = row.try_get(0)?;
        let claimant = AccountId::from_db(row.try_get(1)?);
        let category: String = row.try_get(3)?;
        let category = Category::from_code(&category)
            .ok_or_else(|| StoreError::Corrupt(format!("category {category:?}")))?;
        let mut claim = Claim::new(
            id.clone(),
            account_person(&claimant)?,
            Pence::new(row.try_get(2)?),
            category,
            row.try_get::<String, _>(4)?,
        )
        .map_err(|e| StoreError::Corrupt(format!("claim {id}: {e}")))?;
        let approvers: Vec<PersonId> = approvals
            .iter()
            .filter(|a| a.try_get::<String, _>(0).is_ok_and(|c| c == id))
            .map(|a| person_id(&a.try_get::<String, _>(1)?))
            .collect::<Result<_, _>>()?;
        // The approvers were officers when they approved; the replay only
        // needs them to be officers of this policy.
        let replay = ApprovalPolicy {
            two_officer_limit: limit,
            officers: approvers.clone(),
        };
        for approver in &approvers {
            match claim.approve(approver, &replay) {
                Ok(next) => claim = next,
                // The limit was lowered after the approvals were given: the
                // claim already has what it needs.
                Err(cylch_ledger::ApprovalError::AlreadyApproved) => break,
                Err(e) => return Err(StoreError::Corrupt(format!("claim {id}: {e}"))),
            }
        }
        let charge_to: String = row.try_get(5)?;
        let charge_to: ChargeTo = serde_json::from_str(&charge_to)
            .map_err(|e| StoreError::Corrupt(format!("claim {id}'s charge: {e}")))?;
        claims.push(StoredClaim {
            status: claim.status(&replay),
            claim,
            claimant,
            charge_to,
            paid_by: row.try_get::<Option<String>, _>(6)?.map(EntryId::new),
        });
    }
    Ok(claims)
}

fn claim_view(claim: &StoredClaim) -> serde_json::Value {
    json!({
        "claimant": claim.claimant.as_str(),
        "amount": claim.claim.amount().get(),
        "category": claim.claim.category().code(),
        "description": claim.claim.description(),
        "charge_to": claim.charge_to,
    })
}

impl Store {
    /// Puts in a claim for money, made by the person signed in, charged to
    /// the fund or funds named.
    pub async fn make_claim(
        &self,
        scope: &CoopScope,
        amount: Pence,
        category: Category,
        description: &str,
        charge_to: ChargeTo,
    ) -> Result<StoredClaim, LedgerError> {
        let id = random_id();
        let claim = Claim::new(
            id.clone(),
            account_person(scope.account())?,
            amount,
            category,
            description.trim(),
        )?;
        // The charge must be one the books would accept when it is paid.
        cylch_ledger::posting::spending(
            &cylch_ledger::Spending {
                category,
                amount,
                charge_to: charge_to.clone(),
                paid_from: AccountCode::new(codes::BANK),
            },
            &Chart::standard(),
        )?;
        let mut tx = self.begin().await?;
        let people: Vec<&PersonId> = match &charge_to {
            ChargeTo::Person { person } => vec![person],
            ChargeTo::General => Vec::new(),
            ChargeTo::Shared { rule } => rule.people(),
        };
        check_people(&mut tx, scope, people).await?;
        let charge_json =
            serde_json::to_string(&charge_to).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO payment_claims (id, coop_id, claimant_account_id, amount, category, description, charge_to_json, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(scope.account().as_str())
        .bind(amount.get())
        .bind(category.code())
        .bind(claim.description())
        .bind(charge_json)
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        let settings = settings_in(&mut tx, scope).await?;
        let stored = StoredClaim {
            status: claim.status(&ApprovalPolicy {
                two_officer_limit: settings.two_officer_limit,
                officers: Vec::new(),
            }),
            claim,
            claimant: scope.account().clone(),
            charge_to,
            paid_by: None,
        };
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "payment_claim",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(claim_view(&stored)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Every claim, oldest first, with where it stands.
    pub async fn claims(&self, scope: &CoopScope) -> Result<Vec<StoredClaim>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let limit = settings_in(&mut tx, scope).await?.two_officer_limit;
        let claims = load_claims(&mut tx, scope, limit).await?;
        tx.commit().await?;
        Ok(claims)
    }

    /// The signed-in officer approves a claim. Above the limit two
    /// different officers must approve; nobody approves their own claim.
    pub async fn approve_claim(
        &self,
        scope: &CoopScope,
        claim_id: &str,
    ) -> Result<StoredClaim, LedgerError> {
        let mut tx = self.begin().await?;
        self.dialect().lock_coop(&mut tx, scope.coop_id()).await?;
        let limit = settings_in(&mut tx, scope).await?.two_officer_limit;
        let stored = load_claims(&mut tx, scope, limit)
            .await?
            .into_iter()
            .find(|c| c.claim.id() == claim_id)
            .ok_or(StoreError::NotFound)?;
        let policy = ApprovalPolicy {
            two_officer_limit: limit,
            officers: officers(&mut tx, scope).await?,
        };
        let approved = stored
            .claim
            .approve(&account_person(scope.account())?, &policy)?;
        let position = i64::try_from(approved.approvals().len())
            .map_err(|_| StoreError::Corrupt("too many approvals".into()))?;
        sqlx::query(
            "INSERT INTO claim_approvals (claim_id, approver_account_id, position, approved_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(claim_id)
        .bind(scope.account().as_str())
        .bind(position)
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "claim_approval",
                record_id: &format!("{claim_id}:{}", scope.account().as_str()),
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"claim": claim_id, "position": position})),
            },
        )
        .await?;
        tx.commit().await?;
        let status = approved.status(&policy);
        Ok(StoredClaim {
            claim: approved,
            status,
            ..stored
        })
    }

    /// Pays an approved claim from the bank on `date`: the entry is refused
    /// until the claim has every approval it needs, and a claim is paid
    /// once.
    pub async fn pay_claim(
        &self,
        scope: &CoopScope,
        claim_id: &str,
        date: Date,
    ) -> Result<PostedEntry, LedgerError> {
        let mut tx = self.begin().await?;
        self.dialect().lock_coop(&mut tx, scope.coop_id()).await?;
        let limit = settings_in(&mut tx, scope).await?.two_officer_limit;
        let stored = load_claims(&mut tx, scope, limit)
            .await?
            .into_iter()
            .find(|c| c.claim.id() == claim_id)
            .ok_or(StoreError::NotFound)?;
        if let Some(entry) = &stored.paid_by {
            return Err(LedgerError::AlreadyPaid(entry.as_str().to_owned()));
        }
        let policy = ApprovalPolicy {
            two_officer_limit: limit,
            officers: officers(&mut tx, scope).await?,
        };
        let posting = cylch_ledger::posting::pay_claim(
            &stored.claim,
            &policy,
            stored.charge_to.clone(),
            AccountCode::new(codes::BANK),
            &Chart::standard(),
        )?;
        let entry = EntryDraft {
            id: new_entry_id(),
            date,
            description: stored.claim.description().to_owned(),
            lines: posting.lines,
            allocation: posting.allocation,
            reverses: None,
        }
        .post(&Chart::standard())?;
        insert_entry(&mut tx, scope, &entry).await?;
        sqlx::query("INSERT INTO claim_payments (claim_id, entry_id) VALUES ($1, $2)")
            .bind(claim_id)
            .bind(entry.id().as_str())
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "claim_payment",
                record_id: claim_id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"entry": entry.id().as_str()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(entry)
    }
}
