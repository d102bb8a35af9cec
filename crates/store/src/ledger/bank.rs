//! Bank statements: a file is read whole by the ledger crate (refused whole
//! when anything is wrong) and stored in one transaction, lines already
//! seen skipped by their fingerprints; then lines are matched with the
//! entries that moved money through the bank.

use std::collections::BTreeSet;

use cylch_ledger::account::codes;
use cylch_ledger::bank::reconcile::DEFAULT_WINDOW_DAYS;
use cylch_ledger::bank::{
    BankLine, ExpectedMovement, Fingerprint, LayoutChoice, new_lines, parse_statement, reconcile,
};
use cylch_ledger::{Pence, Side};
use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;

use super::entries::load_entries;
use super::{LedgerError, parse_date};
use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{CoopScope, Store, StoreError, Tx};

/// What an import did. A file whose every line was already imported adds
/// nothing and records no import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub import_id: Option<String>,
    pub layout: String,
    pub lines_in_file: usize,
    pub lines_added: usize,
    pub already_imported: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBankLine {
    pub id: String,
    pub date: Date,
    pub description: String,
    /// Money in positive, money out negative.
    pub amount: Pence,
    pub balance: Option<Pence>,
    pub fingerprint: String,
    /// The entry this line was matched with, once reconciled.
    pub matched_entry: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReconcileSummary {
    pub matched_now: usize,
    pub unreconciled_lines: Vec<StoredBankLine>,
    /// Entries that moved money through the bank with no statement line
    /// yet: their id, date and amount as the bank would show it.
    pub unmatched_entries: Vec<ExpectedMovement>,
}

async fn known_fingerprints(
    tx: &mut Tx,
    scope: &CoopScope,
) -> Result<BTreeSet<Fingerprint>, StoreError> {
    let rows: Vec<String> =
        sqlx::query_scalar("SELECT fingerprint FROM bank_lines WHERE coop_id = $1")
            .bind(scope.coop_id().as_str())
            .fetch_all(&mut **tx)
            .await?;
    // Fingerprints are only made by the ledger crate; reading one back goes
    // through serde, the only way to build one from text.
    rows.into_iter()
        .map(|f| {
            serde_json::from_value(serde_json::Value::String(f))
                .map_err(|e| StoreError::Corrupt(format!("bank line fingerprint: {e}")))
        })
        .collect()
}

async fn load_bank_lines(
    tx: &mut Tx,
    scope: &CoopScope,
) -> Result<Vec<StoredBankLine>, StoreError> {
    let rows = sqlx::query(
        "SELECT b.id, b.line_date, b.description, b.amount, b.balance, b.fingerprint, m.entry_id
         FROM bank_lines b LEFT JOIN bank_matches m ON m.bank_line_id = b.id
         JOIN bank_imports i ON i.id = b.import_id
         WHERE b.coop_id = $1 ORDER BY b.line_date, i.imported_at, b.file_line, b.id",
    )
    .bind(scope.coop_id().as_str())
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredBankLine {
                id: row.try_get(0)?,
                date: parse_date(&row.try_get::<String, _>(1)?)?,
                description: row.try_get(2)?,
                amount: Pence::new(row.try_get(3)?),
                balance: row.try_get::<Option<i64>, _>(4)?.map(Pence::new),
                fingerprint: row.try_get(5)?,
                matched_entry: row.try_get(6)?,
            })
        })
        .collect()
}

impl Store {
    /// Imports a statement file: all of it, or none of it. Lines already
    /// imported (the same file again, or an overlapping later export) are
    /// skipped by their fingerprints.
    pub async fn import_statement(
        &self,
        scope: &CoopScope,
        bytes: &[u8],
        choice: &LayoutChoice,
    ) -> Result<ImportSummary, LedgerError> {
        let statement = parse_statement(bytes, choice)?;
        let mut tx = self.begin().await?;
        // Two imports at once must not both decide a line is new.
        self.dialect().lock_coop(&mut tx, scope.coop_id()).await?;
        let known = known_fingerprints(&mut tx, scope).await?;
        let fresh = new_lines(&statement, &known);
        let mut summary = ImportSummary {
            import_id: None,
            layout: statement.layout.clone(),
            lines_in_file: statement.lines.len(),
            lines_added: fresh.len(),
            already_imported: statement.lines.len().saturating_sub(fresh.len()),
        };
        if fresh.is_empty() {
            tx.commit().await?;
            return Ok(summary);
        }
        let import_id = random_id();
        let coop = scope.coop_id().as_str();
        let count =
            |n: usize| i64::try_from(n).map_err(|_| StoreError::Corrupt("line count".into()));
        sqlx::query(
            "INSERT INTO bank_imports (id, coop_id, layout, lines_in_file, lines_added, imported_by, imported_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&import_id)
        .bind(coop)
        .bind(&statement.layout)
        .bind(count(summary.lines_in_file)?)
        .bind(count(summary.lines_added)?)
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        for line in &fresh {
            sqlx::query(
                "INSERT INTO bank_lines (id, coop_id, import_id, file_line, line_date, description, amount, balance, fingerprint)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(random_id())
            .bind(coop)
            .bind(&import_id)
            .bind(count(line.line)?)
            .bind(line.date.to_string())
            .bind(&line.description)
            .bind(line.amount.get())
            .bind(line.balance.map(Pence::get))
            .bind(line.fingerprint.as_str())
            .execute(&mut *tx)
            .await?;
        }
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "bank_import",
                record_id: &import_id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({
                    "layout": statement.layout,
                    "lines_in_file": summary.lines_in_file,
                    "lines_added": summary.lines_added,
                })),
            },
        )
        .await?;
        tx.commit().await?;
        summary.import_id = Some(import_id);
        Ok(summary)
    }

    /// Every imported bank line, by date.
    pub async fn bank_lines(&self, scope: &CoopScope) -> Result<Vec<StoredBankLine>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let lines = load_bank_lines(&mut tx, scope).await?;
        tx.commit().await?;
        Ok(lines)
    }

    /// Matches unreconciled bank lines with entries that moved the same
    /// amount through the bank within a few days, records the matches, and
    /// says what is still unexplained on either side.
    pub async fn reconcile_bank(&self, scope: &CoopScope) -> Result<ReconcileSummary, LedgerError> {
        let mut tx = self.begin().await?;
        self.dialect().lock_coop(&mut tx, scope.coop_id()).await?;
        let lines = load_bank_lines(&mut tx, scope).await?;
        let entries = load_entries(&mut tx, scope).await?;
        let matched_entries: BTreeSet<&str> = lines
            .iter()
            .filter_map(|l| l.matched_entry.as_deref())
            .collect();
        let mut expected = Vec::new();
        for stored in &entries {
            let entry = &stored.entry;
            // A reversed entry and its reversal cancel out at the bank.
            if stored.reversed_by.is_some()
                || entry.reverses().is_some()
                || matched_entries.contains(entry.id().as_str())
            {
                continue;
            }
            let mut movement = Pence::ZERO;
            for line in entry
                .lines()
                .iter()
                .filter(|l| l.account.as_str() == codes::BANK)
            {
                movement = match line.side {
                    Side::Debit => movement.checked_add(line.amount),
                    Side::Credit => movement.checked_sub(line.amount),
                }
                .map_err(cylch_ledger::posting::PostingError::from)?;
            }
            if !movement.is_zero() {
                expected.push(ExpectedMovement {
                    id: entry.id().as_str().to_owned(),
                    date: entry.date(),
                    amount: movement,
                });
            }
        }
        let open: Vec<&StoredBankLine> =
            lines.iter().filter(|l| l.matched_entry.is_none()).collect();
        let as_bank_lines: Vec<BankLine> = open
            .iter()
            .enumerate()
            .map(|(index, l)| {
                Ok(BankLine {
                    line: index,
                    date: l.date,
                    description: l.description.clone(),
                    amount: l.amount,
                    balance: l.balance,
                    fingerprint: serde_json::from_value(serde_json::Value::String(
                        l.fingerprint.clone(),
                    ))
                    .map_err(|e| StoreError::Corrupt(format!("bank line fingerprint: {e}")))?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let result = reconcile(&as_bank_lines, &expected, DEFAULT_WINDOW_DAYS)?;
        let now = self.now_ms();
        for matched in &result.matched {
            let Some(line) = open
                .iter()
                .find(|l| l.fingerprint == matched.fingerprint.as_str())
            else {
                continue;
            };
            sqlx::query(
                "INSERT INTO bank_matches (bank_line_id, entry_id, matched_by, matched_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(&line.id)
            .bind(&matched.expected_id)
            .bind(scope.account().as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                Change {
                    coop: Some(scope.coop_id()),
                    actor: Some(scope.account()),
                    record_kind: "bank_match",
                    record_id: &line.id,
                    action: AuditAction::Created,
                    before: None,
                    after: Some(
                        json!({"entry": matched.expected_id, "days_apart": matched.days_apart}),
                    ),
                },
            )
            .await?;
        }
        let unreconciled_lines = open
            .iter()
            .filter(|l| {
                !result
                    .matched
                    .iter()
                    .any(|m| m.fingerprint.as_str() == l.fingerprint)
            })
            .map(|l| (*l).clone())
            .collect();
        tx.commit().await?;
        Ok(ReconcileSummary {
            matched_now: result.matched.len(),
            unreconciled_lines,
            unmatched_entries: result.unmatched_expected,
        })
    }
}
