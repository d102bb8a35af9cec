//! The co-operative's books in the database: posted entries (append-only,
//! re-posted through the ledger crate's checks whenever they are loaded),
//! Direct Payment arrangements, payment claims and their approvals, bank
//! statements and their reconciliation, and the reports worked out from
//! what is stored.
//!
//! The rules are the ledger crate's; this module only keeps what they
//! produce, inside the co-operative's scope, with every change audited in
//! the transaction that makes it.

mod arrangements;
mod bank;
mod budgets;
mod claims;
pub(crate) mod entries;
mod plans;
mod reports;

use cylch_ledger::approval::{ApprovalError, ClaimError};
use cylch_ledger::bank::BankFileError;
use cylch_ledger::posting::PostingError;
use cylch_ledger::report::ReportError;
use cylch_ledger::schedule::ScheduleError;
use cylch_ledger::{ApprovalPolicy, EntryError, FundId, Pence, PersonId, ReversalError};
use jiff::civil::Date;
use sqlx::Row;

use crate::{CoopScope, Store, StoreError, Tx};

pub use arrangements::{StoredArrangement, frequency_code, parse_frequency};
pub use bank::{ImportSummary, ReconcileSummary, StoredBankLine};
pub use budgets::StoredBudget;
pub use claims::StoredClaim;
pub use entries::StoredEntry;
pub use reports::CoopTotals;

/// Why a change to the books was refused, or could not be made. Each has a
/// stable `code()` for pages and the API to translate.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error(transparent)]
    Entry(#[from] EntryError),
    #[error(transparent)]
    Reversal(#[from] ReversalError),
    #[error(transparent)]
    Posting(#[from] PostingError),
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    #[error(transparent)]
    Approval(#[from] ApprovalError),
    #[error(transparent)]
    Claim(#[from] ClaimError),
    #[error(transparent)]
    Bank(#[from] BankFileError),
    #[error(transparent)]
    Report(#[from] ReportError),
    /// A fund or a split names someone the co-operative does not support.
    #[error("{0} is not a person this co-operative supports; choose one from the support register")]
    UnknownPerson(String),
    /// An entry given to `post_entry` says it reverses another: reversals
    /// go through `reverse_entry`, which checks the entry was not reversed
    /// already.
    #[error("a reversal is made from the entry it reverses, not posted as a new entry")]
    ReversalPostedDirectly,
    #[error(
        "this person has no Direct Payment arrangement starting on or before {0}; record the arrangement first"
    )]
    NoArrangement(Date),
    #[error("this claim has already been paid, by entry {0}")]
    AlreadyPaid(String),
    /// A budget is what may be spent: nothing, or more than nothing.
    #[error("a budget cannot be less than nothing")]
    NegativeBudget,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for LedgerError {
    fn from(err: sqlx::Error) -> Self {
        LedgerError::Store(err.into())
    }
}

impl LedgerError {
    /// A stable code for pages and the API to translate; the message is for
    /// logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            LedgerError::Entry(e) => e.code(),
            LedgerError::Reversal(e) => e.code(),
            LedgerError::Posting(e) => e.code(),
            LedgerError::Schedule(e) => e.code(),
            LedgerError::Approval(e) => e.code(),
            LedgerError::Claim(e) => e.code(),
            LedgerError::Bank(e) => e.code(),
            LedgerError::Report(e) => e.code(),
            LedgerError::UnknownPerson(_) => "ledger-unknown-person",
            LedgerError::ReversalPostedDirectly => "ledger-reversal-posted-directly",
            LedgerError::NoArrangement(_) => "ledger-no-arrangement",
            LedgerError::AlreadyPaid(_) => "ledger-claim-already-paid",
            LedgerError::NegativeBudget => "ledger-budget-negative",
            LedgerError::Store(_) => "internal",
        }
    }
}

/// The co-operative's own choices about its books.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerSettings {
    /// Payments above this need two officers' approval.
    pub two_officer_limit: Pence,
    /// How many weeks of a person's Direct Payment their fund may hold
    /// before the council return flags a surplus.
    pub surplus_weeks: u32,
}

impl Default for LedgerSettings {
    fn default() -> Self {
        LedgerSettings {
            two_officer_limit: ApprovalPolicy::SUGGESTED_LIMIT,
            surplus_weeks: cylch_ledger::report::SurplusRule::default().weeks,
        }
    }
}

pub(crate) fn parse_date(raw: &str) -> Result<Date, StoreError> {
    raw.parse()
        .map_err(|_| StoreError::Corrupt(format!("date {raw:?}")))
}

pub(crate) fn person_id(raw: &str) -> Result<PersonId, StoreError> {
    PersonId::new(raw).map_err(|_| StoreError::Corrupt("an empty person id".into()))
}

/// A fund as stored: NULL for the general fund, else the person's id.
pub(crate) fn fund_column(fund: &FundId) -> Option<String> {
    fund.person().map(|p| p.as_str().to_owned())
}

pub(crate) fn fund_from_column(raw: Option<String>) -> Result<FundId, StoreError> {
    Ok(match raw {
        None => FundId::General,
        Some(person) => FundId::Person(person_id(&person)?),
    })
}

/// The ids of everyone the co-operative supports or has supported: the only
/// people whose funds its entries may touch.
pub(crate) async fn supported_ids(
    tx: &mut Tx,
    scope: &CoopScope,
) -> Result<Vec<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM supported_people WHERE coop_id = $1")
            .bind(scope.coop_id().as_str())
            .fetch_all(&mut **tx)
            .await?,
    )
}

/// Refuses anyone not on the co-operative's support register.
pub(crate) async fn check_people<'a>(
    tx: &mut Tx,
    scope: &CoopScope,
    people: impl IntoIterator<Item = &'a PersonId>,
) -> Result<(), LedgerError> {
    let known = supported_ids(tx, scope).await?;
    for person in people {
        if !known.iter().any(|k| k == person.as_str()) {
            return Err(LedgerError::UnknownPerson(person.as_str().to_owned()));
        }
    }
    Ok(())
}

pub(crate) async fn settings_in(
    tx: &mut Tx,
    scope: &CoopScope,
) -> Result<LedgerSettings, StoreError> {
    let row = sqlx::query(
        "SELECT two_officer_limit, surplus_weeks FROM ledger_settings WHERE coop_id = $1",
    )
    .bind(scope.coop_id().as_str())
    .fetch_optional(&mut **tx)
    .await?;
    match row {
        None => Ok(LedgerSettings::default()),
        Some(row) => {
            let weeks: i64 = row.try_get(1)?;
            Ok(LedgerSettings {
                two_officer_limit: Pence::new(row.try_get(0)?),
                surplus_weeks: u32::try_from(weeks)
                    .map_err(|_| StoreError::Corrupt(format!("surplus weeks {weeks}")))?,
            })
        }
    }
}

impl Store {
    /// The co-operative's two-officer limit and surplus rule.
    pub async fn ledger_settings(&self, scope: &CoopScope) -> Result<LedgerSettings, StoreError> {
        let mut tx = self.pool().begin().await?;
        let settings = settings_in(&mut tx, scope).await?;
        tx.commit().await?;
        Ok(settings)
    }

    /// Sets the two-officer limit and surplus rule, as the members decided.
    pub async fn set_ledger_settings(
        &self,
        scope: &CoopScope,
        settings: LedgerSettings,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let before = settings_in(&mut tx, scope).await?;
        let coop = scope.coop_id().as_str();
        sqlx::query("DELETE FROM ledger_settings WHERE coop_id = $1")
            .bind(coop)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO ledger_settings (coop_id, two_officer_limit, surplus_weeks, updated_at) VALUES ($1, $2, $3, $4)")
            .bind(coop)
            .bind(settings.two_officer_limit.get())
            .bind(i64::from(settings.surplus_weeks))
            .bind(self.now_ms())
            .execute(&mut *tx)
            .await?;
        let view = |s: LedgerSettings| serde_json::json!({"two_officer_limit": s.two_officer_limit.get(), "surplus_weeks": s.surplus_weeks});
        crate::audit::record(
            &mut tx,
            crate::audit::Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "ledger_settings",
                record_id: coop,
                action: crate::audit::AuditAction::Updated,
                before: Some(view(before)),
                after: Some(view(settings)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
