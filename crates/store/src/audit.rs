//! The audit trail: who changed what, when, from what to what.
//!
//! Entries are written in the same transaction as the change they describe,
//! so a change without its entry cannot be committed.

use serde::Serialize;
use sqlx::Row;

use crate::{AccountId, CoopId, CoopScope, Store, StoreError, Tx, ids::random_id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Created,
    Updated,
    Deleted,
}

impl AuditAction {
    fn code(self) -> &'static str {
        match self {
            AuditAction::Created => "created",
            AuditAction::Updated => "updated",
            AuditAction::Deleted => "deleted",
        }
    }
}

/// One change, as it is about to be recorded.
pub struct Change<'a> {
    pub coop: Option<&'a CoopId>,
    pub actor: Option<&'a AccountId>,
    pub record_kind: &'a str,
    pub record_id: &'a str,
    pub action: AuditAction,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// An entry's id: the time, then a count of the entries this process has
/// written, then randomness. Sorted as text, entries written within the
/// same millisecond keep the order they were written in (the count), and
/// two servers' entries never share an id (the randomness).
fn entry_id(now: i64) -> String {
    static WRITTEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = WRITTEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{now:016x}{count:016x}{}", &random_id()[..8])
}

pub(crate) async fn record(tx: &mut Tx, change: Change<'_>) -> Result<(), StoreError> {
    let now = crate::clock::written_at_ms();
    sqlx::query(
        "INSERT INTO audit_log (id, coop_id, actor_account_id, at, record_kind, record_id, action, before_json, after_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(entry_id(now))
    .bind(change.coop.map(|c| c.as_str().to_owned()))
    .bind(change.actor.map(|a| a.as_str().to_owned()))
    .bind(now)
    .bind(change.record_kind)
    .bind(change.record_id)
    .bind(change.action.code())
    .bind(change.before.map(|v| v.to_string()))
    .bind(change.after.map(|v| v.to_string()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One recorded change, as officers read it.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: String,
    pub at_ms: i64,
    pub actor_name: Option<String>,
    pub record_kind: String,
    pub record_id: String,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

fn parse_json(raw: Option<String>) -> Option<serde_json::Value> {
    raw.and_then(|text| serde_json::from_str(&text).ok())
}

impl Store {
    /// The co-operative's audit trail, newest first.
    pub async fn audit_trail(
        &self,
        scope: &CoopScope,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT l.id, l.at, a.name, l.record_kind, l.record_id, l.action, l.before_json, l.after_json
             FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_account_id
             WHERE l.coop_id = $1 ORDER BY l.at DESC, l.id DESC LIMIT $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(entry_from_row).collect()
    }

    /// Every entry about one record, oldest first: what an audit test reads.
    pub async fn audit_of_record(
        &self,
        record_kind: &str,
        record_id: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT l.id, l.at, a.name, l.record_kind, l.record_id, l.action, l.before_json, l.after_json
             FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_account_id
             WHERE l.record_kind = $1 AND l.record_id = $2 ORDER BY l.at, l.id",
        )
        .bind(record_kind)
        .bind(record_id)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(entry_from_row).collect()
    }
}

fn entry_from_row(row: sqlx::any::AnyRow) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        id: row.try_get(0)?,
        at_ms: row.try_get(1)?,
        actor_name: row.try_get(2)?,
        record_kind: row.try_get(3)?,
        record_id: row.try_get(4)?,
        action: row.try_get(5)?,
        before: parse_json(row.try_get(6)?),
        after: parse_json(row.try_get(7)?),
    })
}
