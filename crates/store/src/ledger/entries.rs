//! Posting, reversing and loading journal entries. An entry and its lines
//! are written once, in one transaction; the database refuses any later
//! change (see the 0003 migration's triggers), and every load re-posts the
//! stored draft through `EntryDraft::post`, so a row that no longer passes
//! the rules is reported as corrupt rather than counted.

use cylch_ledger::{
    Allocation, Chart, EntryDraft, EntryId, Line, PostedEntry, Side, check_reversal, reverse,
};
use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;

use super::{LedgerError, check_people, fund_column, fund_from_column, parse_date};
use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{AccountId, CoopScope, Store, StoreError, Tx};

/// A posted entry with who posted it, and the entry that reversed it, if
/// one has.
#[derive(Debug, Clone)]
pub struct StoredEntry {
    pub entry: PostedEntry,
    pub posted_by: Option<AccountId>,
    pub posted_at_ms: i64,
    pub reversed_by: Option<EntryId>,
}

fn side_code(side: Side) -> &'static str {
    match side {
        Side::Debit => "debit",
        Side::Credit => "credit",
    }
}

fn parse_side(raw: &str) -> Result<Side, StoreError> {
    match raw {
        "debit" => Ok(Side::Debit),
        "credit" => Ok(Side::Credit),
        other => Err(StoreError::Corrupt(format!("ledger line side {other:?}"))),
    }
}

/// A fresh entry id, in the same form as every other record id.
pub(crate) fn new_entry_id() -> EntryId {
    EntryId::new(random_id())
}

/// Writes a posted entry and its lines, and audits it. The caller has
/// checked everything the rules need; a reversal racing another for the
/// same entry is stopped here by the unique `reverses` column.
pub(crate) async fn insert_entry(
    tx: &mut Tx,
    scope: &CoopScope,
    entry: &PostedEntry,
) -> Result<(), LedgerError> {
    let people: Vec<_> = entry
        .lines()
        .iter()
        .filter_map(|l| l.fund.person())
        .chain(
            entry
                .allocation()
                .map(|a| a.rule.people())
                .unwrap_or_default(),
        )
        .collect();
    check_people(tx, scope, people).await?;
    let allocation = entry
        .allocation()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let coop = scope.coop_id().as_str();
    let inserted = sqlx::query(
        "INSERT INTO ledger_entries (id, coop_id, entry_date, description, allocation_json, reverses, posted_by, posted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(entry.id().as_str())
    .bind(coop)
    .bind(entry.date().to_string())
    .bind(entry.description())
    .bind(allocation)
    .bind(entry.reverses().map(|r| r.as_str().to_owned()))
    .bind(scope.account().as_str())
    .bind(crate::clock::written_at_ms())
    .execute(&mut **tx)
    .await;
    // Reversals are serialised by the co-operative lock, so the unique
    // `reverses` column only ever stops a bug; its refusal is a database
    // error like any other.
    inserted?;
    for (index, line) in entry.lines().iter().enumerate() {
        let number = i64::try_from(index)
            .map_err(|_| StoreError::Corrupt("too many lines".into()))?
            .saturating_add(1);
        sqlx::query(
            "INSERT INTO ledger_lines (entry_id, line_no, coop_id, account_code, fund_person_id, side, amount)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(entry.id().as_str())
        .bind(number)
        .bind(coop)
        .bind(line.account.as_str())
        .bind(fund_column(&line.fund))
        .bind(side_code(line.side))
        .bind(line.amount.get())
        .execute(&mut **tx)
        .await?;
    }
    audit::record(
        tx,
        Change {
            coop: Some(scope.coop_id()),
            actor: Some(scope.account()),
            record_kind: "ledger_entry",
            record_id: entry.id().as_str(),
            action: AuditAction::Created,
            before: None,
            after: Some(json!(entry.to_draft())),
        },
    )
    .await?;
    Ok(())
}

/// Every entry of the co-operative, re-posted, in date order (then the
/// order they were posted).
pub(crate) async fn load_entries(
    tx: &mut Tx,
    scope: &CoopScope,
) -> Result<Vec<StoredEntry>, StoreError> {
    let rows = sqlx::query(
        "SELECT e.id, e.entry_date, e.description, e.allocation_json, e.reverses, e.posted_by, e.posted_at,
                l.account_code, l.fund_person_id, l.side, l.amount,
                (SELECT r.id FROM ledger_entries r WHERE r.reverses = e.id)
         FROM ledger_entries e JOIN ledger_lines l ON l.entry_id = e.id
         WHERE e.coop_id = $1
         ORDER BY e.entry_date, e.posted_at, e.id, l.line_no",
    )
    .bind(scope.coop_id().as_str())
    .fetch_all(&mut **tx)
    .await?;
    let chart = Chart::standard();
    let mut loaded: Vec<StoredEntry> = Vec::new();
    let mut current: Option<(EntryDraft, Option<AccountId>, i64, Option<EntryId>)> = None;
    for row in &rows {
        let id: String = row.try_get(0)?;
        let line = Line {
            account: cylch_ledger::AccountCode::new(row.try_get::<String, _>(7)?),
            fund: fund_from_column(row.try_get(8)?)?,
            side: parse_side(&row.try_get::<String, _>(9)?)?,
            amount: cylch_ledger::Pence::new(row.try_get(10)?),
        };
        if let Some((draft, ..)) = current.as_mut()
            && draft.id.as_str() == id
        {
            draft.lines.push(line);
            continue;
        }
        if let Some(done) = current.take() {
            loaded.push(repost(done, &chart)?);
        }
        let allocation: Option<String> = row.try_get(3)?;
        let allocation: Option<Allocation> = allocation
            .map(|text| serde_json::from_str(&text))
            .transpose()
            .map_err(|e| StoreError::Corrupt(format!("entry {id}'s sharing rule: {e}")))?;
        current = Some((
            EntryDraft {
                id: EntryId::new(id),
                date: parse_date(&row.try_get::<String, _>(1)?)?,
                description: row.try_get(2)?,
                lines: vec![line],
                allocation,
                reverses: row.try_get::<Option<String>, _>(4)?.map(EntryId::new),
            },
            row.try_get::<Option<String>, _>(5)?.map(AccountId::from_db),
            row.try_get(6)?,
            row.try_get::<Option<String>, _>(11)?.map(EntryId::new),
        ));
    }
    if let Some(done) = current.take() {
        loaded.push(repost(done, &chart)?);
    }
    Ok(loaded)
}

fn repost(
    (draft, posted_by, posted_at_ms, reversed_by): (
        EntryDraft,
        Option<AccountId>,
        i64,
        Option<EntryId>,
    ),
    chart: &Chart,
) -> Result<StoredEntry, StoreError> {
    let id = draft.id.clone();
    let entry = draft.post(chart).map_err(|e| {
        StoreError::Corrupt(format!(
            "entry {id} no longer passes the ledger's rules: {e}"
        ))
    })?;
    Ok(StoredEntry {
        entry,
        posted_by,
        posted_at_ms,
        reversed_by,
    })
}

/// The posted entries alone, as the ledger crate's reports take them.
pub(crate) fn posted(entries: &[StoredEntry]) -> Vec<PostedEntry> {
    entries.iter().map(|e| e.entry.clone()).collect()
}

impl Store {
    /// Posts an entry after the ledger's checks (every fund balances, every
    /// account is in the chart, a shared cost's rule covers its funds) and
    /// the store's own (every fund is someone the co-operative supports).
    pub async fn post_entry(
        &self,
        scope: &CoopScope,
        draft: EntryDraft,
    ) -> Result<PostedEntry, LedgerError> {
        if draft.reverses.is_some() {
            return Err(LedgerError::ReversalPostedDirectly);
        }
        let entry = draft.post(&Chart::standard())?;
        let mut tx = self.begin().await?;
        insert_entry(&mut tx, scope, &entry).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// An entry with its lines built by one of the ledger crate's postings
    /// (spending, a receipt, a transfer), under a new id.
    pub async fn post_lines(
        &self,
        scope: &CoopScope,
        date: Date,
        description: &str,
        posting: cylch_ledger::posting::Posting,
    ) -> Result<PostedEntry, LedgerError> {
        self.post_entry(
            scope,
            EntryDraft {
                id: new_entry_id(),
                date,
                description: description.trim().to_owned(),
                lines: posting.lines,
                allocation: posting.allocation,
                reverses: None,
            },
        )
        .await
    }

    /// Cancels a posted entry with its exact opposite, dated `date`. An
    /// entry is reversed once at most and a reversal is never reversed.
    pub async fn reverse_entry(
        &self,
        scope: &CoopScope,
        entry: &EntryId,
        date: Date,
        reason: &str,
    ) -> Result<PostedEntry, LedgerError> {
        let mut tx = self.begin().await?;
        self.dialect().lock_coop(&mut tx, scope.coop_id()).await?;
        let entries = load_entries(&mut tx, scope).await?;
        let original = entries
            .iter()
            .find(|e| e.entry.id() == entry)
            .ok_or(StoreError::NotFound)?;
        check_reversal(&original.entry, &posted(&entries))?;
        let reversal = reverse(&original.entry, new_entry_id(), date, reason);
        insert_entry(&mut tx, scope, &reversal).await?;
        tx.commit().await?;
        Ok(reversal)
    }

    /// Every entry in the co-operative's books, oldest first.
    pub async fn ledger_entries(&self, scope: &CoopScope) -> Result<Vec<StoredEntry>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let entries = load_entries(&mut tx, scope).await?;
        tx.commit().await?;
        Ok(entries)
    }

    /// One entry, re-posted.
    pub async fn ledger_entry(
        &self,
        scope: &CoopScope,
        id: &EntryId,
    ) -> Result<StoredEntry, StoreError> {
        self.ledger_entries(scope)
            .await?
            .into_iter()
            .find(|e| e.entry.id() == id)
            .ok_or(StoreError::NotFound)
    }
}
