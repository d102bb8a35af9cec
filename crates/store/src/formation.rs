//! Forming a co-operative: the tasks a group has done and the evidence it
//! kept, checked by the governance rules and stored whole per co-operative.

use cylch_governance::formation::{Evidence, FormationError, FormationRecord, Task};
use serde_json::json;

use crate::audit::{self, AuditAction, Change};
use crate::{CoopScope, Store, StoreError, Tx};

#[derive(Debug, thiserror::Error)]
pub enum FormationStoreError {
    #[error(transparent)]
    Refused(#[from] FormationError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for FormationStoreError {
    fn from(err: sqlx::Error) -> Self {
        FormationStoreError::Store(err.into())
    }
}

async fn load(tx: &mut Tx, coop: &str) -> Result<Option<FormationRecord>, StoreError> {
    let json: Option<String> =
        sqlx::query_scalar("SELECT record_json FROM formation_records WHERE coop_id = $1")
            .bind(coop)
            .fetch_optional(&mut **tx)
            .await?;
    json.map(|text| {
        serde_json::from_str(&text)
            .map_err(|e| StoreError::Corrupt(format!("formation record: {e}")))
    })
    .transpose()
}

async fn save(
    tx: &mut Tx,
    coop: &str,
    existed: bool,
    record: &FormationRecord,
) -> Result<(), StoreError> {
    let text = serde_json::to_string(record).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let now = crate::clock::written_at_ms();
    let statement = if existed {
        "UPDATE formation_records SET record_json = $2, updated_at = $3 WHERE coop_id = $1"
    } else {
        "INSERT INTO formation_records (coop_id, record_json, created_at, updated_at) VALUES ($1, $2, $3, $3)"
    };
    sqlx::query(statement)
        .bind(coop)
        .bind(text)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    /// What the group has done so far (nothing, before its first task).
    pub async fn formation(&self, scope: &CoopScope) -> Result<FormationRecord, StoreError> {
        let mut tx = self.pool().begin().await?;
        let record = load(&mut tx, scope.coop_id().as_str()).await?;
        tx.commit().await?;
        Ok(record.unwrap_or_default())
    }

    /// Records a task as done with its evidence, which the rules check
    /// first (insurance cover, the number of founders, the form of an HMRC
    /// reference, …). Recording a task again replaces its evidence.
    pub async fn record_formation_task(
        &self,
        scope: &CoopScope,
        task: Task,
        evidence: Evidence,
    ) -> Result<(), FormationStoreError> {
        self.change_formation(scope, task.code(), |record| {
            let before = record.evidence_for(task).cloned();
            record.complete(scope.coop().kind, task, evidence.clone())?;
            Ok((
                json!({"task": task.code(), "evidence": before}),
                json!({"task": task.code(), "evidence": evidence}),
            ))
        })
        .await
    }

    /// Adds a council whose Direct Payments someone in the group receives.
    pub async fn add_formation_council(
        &self,
        scope: &CoopScope,
        council: &str,
    ) -> Result<(), FormationStoreError> {
        self.change_formation(scope, "councils", |record| {
            let before = json!({"councils": record.councils()});
            record.add_council(council)?;
            Ok((before, json!({"councils": record.councils()})))
        })
        .await
    }

    async fn change_formation(
        &self,
        scope: &CoopScope,
        what: &str,
        change: impl FnOnce(
            &mut FormationRecord,
        ) -> Result<(serde_json::Value, serde_json::Value), FormationError>,
    ) -> Result<(), FormationStoreError> {
        let coop = scope.coop_id().as_str();
        let mut tx = self.begin().await?;
        self.dialect().lock_coop(&mut tx, scope.coop_id()).await?;
        let existing = load(&mut tx, coop).await?;
        let existed = existing.is_some();
        let mut record = existing.unwrap_or_default();
        let (before, after) = change(&mut record)?;
        save(&mut tx, coop, existed, &record).await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "formation",
                record_id: &format!("{coop}:{what}"),
                action: if existed {
                    AuditAction::Updated
                } else {
                    AuditAction::Created
                },
                before: Some(before),
                after: Some(after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
