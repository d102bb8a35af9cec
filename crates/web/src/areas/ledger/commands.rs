//! The actions on the books, shared by the pages and the API. Each front
//! decodes its own representation (the API's integer pence and JSON
//! charge, the page's typed pounds and radio buttons) into the typed
//! inputs here; the rules after decoding, the store call (which is the
//! transaction and writes the audit entry) and what a refusal means to a
//! person are here, once.

use cylch_domain::{FieldError, Language};
use cylch_ledger::account::codes;
use cylch_ledger::bank::LayoutChoice;
use cylch_ledger::journal::PostedEntry;
use cylch_ledger::report::Budget;
use cylch_ledger::schedule::ArrangementWarning;
use cylch_ledger::{AccountCode, Arrangement, Category, ChargeTo, Chart, EntryId, Pence, Spending};
use cylch_store::ledger::{ImportSummary, LedgerError, ReconcileSummary, StoredClaim};
use cylch_store::{CoopScope, StoreError};
use jiff::civil::Date;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::refusal::{Explain, Refusal};

/// A problem with one input of an action: the input's name as the command
/// knows it (each front names its own field) and the message id.
pub type Problem = (&'static str, &'static str);

/// Why an action was not taken: a problem with one input, or the books'
/// refusal (or the database's failure, which stays one).
#[derive(Debug)]
pub enum Refused {
    Field(Problem),
    Ledger(LedgerError),
}

impl From<LedgerError> for Refused {
    fn from(err: LedgerError) -> Self {
        Refused::Ledger(err)
    }
}

/// The line of a bank file a refusal is about, if it is about one.
pub fn bank_line(err: &LedgerError) -> Option<usize> {
    match err {
        LedgerError::Bank(bank) => bank.line(),
        _ => None,
    }
}

impl Explain for LedgerError {
    /// A missing record is "not found" and any other failure of the store
    /// stays a failure; everything else is a refusal under the ledger's
    /// rules (422), said by the message its code names, with the line of a
    /// refused bank file.
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        match self {
            LedgerError::Store(StoreError::NotFound) => Err(AppError::NOT_FOUND),
            LedgerError::Store(err) => Err(err.into()),
            err => {
                let code = err.code();
                let mut refusal = Refusal::rule(state, language, code, code);
                if let Some(line) = bank_line(&err) {
                    refusal.message =
                        state
                            .i18n
                            .with_arg(language, code, "line", &line.to_string());
                }
                Ok(refusal)
            }
        }
    }
}

impl Explain for Refused {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        match self {
            Refused::Field((field, code)) => {
                Ok(Refusal::rule(state, language, code, code).at(field))
            }
            Refused::Ledger(err) => err.explain(state, language),
        }
    }
}

/// The id of a claim, which must be given.
fn claim_id(raw: &str) -> Result<&str, Refused> {
    match raw.trim() {
        "" => Err(Refused::Field(("claim", FieldError::Missing.code()))),
        claim => Ok(claim),
    }
}

/// Spending paid from the bank, as the person asks for it.
#[derive(Debug)]
pub struct PostSpending<'a> {
    pub date: Date,
    pub description: &'a str,
    pub category: Category,
    /// More than zero.
    pub amount: Pence,
    pub charge_to: ChargeTo,
}

/// Posts spending paid from the bank, on the standard chart's lines for
/// its category, charged to a fund or shared by a rule.
pub async fn post_spending(
    state: &AppState,
    scope: &CoopScope,
    input: PostSpending<'_>,
) -> Result<PostedEntry, Refused> {
    let posting = cylch_ledger::posting::spending(
        &Spending {
            category: input.category,
            amount: input.amount,
            charge_to: input.charge_to,
            paid_from: AccountCode::new(codes::BANK),
        },
        &Chart::standard(),
    )
    .map_err(LedgerError::from)?;
    Ok(state
        .store
        .post_lines(scope, input.date, input.description, posting)
        .await?)
}

/// Money received into a person's fund.
#[derive(Debug)]
pub struct RecordReceipt<'a> {
    pub person: cylch_ledger::PersonId,
    /// The person's own contribution, or else the council's Direct Payment.
    pub contribution: bool,
    pub date: Date,
    pub amount: Pence,
    pub description: &'a str,
}

pub async fn record_receipt(
    state: &AppState,
    scope: &CoopScope,
    input: RecordReceipt<'_>,
) -> Result<PostedEntry, Refused> {
    Ok(state
        .store
        .record_receipt(
            scope,
            &input.person,
            input.contribution,
            input.date,
            input.amount,
            input.description,
        )
        .await?)
}

/// The only correction the books allow: the entry's exact opposite, with a
/// reason.
#[derive(Debug)]
pub struct ReverseEntry<'a> {
    pub entry: &'a str,
    pub date: Date,
    pub reason: &'a str,
}

pub async fn reverse_entry(
    state: &AppState,
    scope: &CoopScope,
    input: ReverseEntry<'_>,
) -> Result<PostedEntry, Refused> {
    let entry = match input.entry.trim() {
        "" => return Err(Refused::Field(("entry", FieldError::Missing.code()))),
        entry => EntryId::new(entry.to_owned()),
    };
    Ok(state
        .store
        .reverse_entry(scope, &entry, input.date, input.reason)
        .await?)
}

/// Records a Direct Payment arrangement; the warnings are for the person
/// to read (a contribution above the Welsh weekly cap).
pub async fn add_arrangement(
    state: &AppState,
    scope: &CoopScope,
    arrangement: &Arrangement,
) -> Result<(String, Vec<ArrangementWarning>), Refused> {
    Ok(state.store.add_arrangement(scope, arrangement).await?)
}

/// A claim for money, in the caller's name.
#[derive(Debug)]
pub struct MakeClaim<'a> {
    pub amount: Pence,
    pub category: Category,
    pub description: &'a str,
    pub charge_to: ChargeTo,
}

pub async fn make_claim(
    state: &AppState,
    scope: &CoopScope,
    input: MakeClaim<'_>,
) -> Result<StoredClaim, Refused> {
    Ok(state
        .store
        .make_claim(
            scope,
            input.amount,
            input.category,
            input.description,
            input.charge_to,
        )
        .await?)
}

/// The caller's approval of a claim. A claim not named is a problem with
/// the input, not a claim that is not there.
pub async fn approve_claim(
    state: &AppState,
    scope: &CoopScope,
    claim: &str,
) -> Result<StoredClaim, Refused> {
    let claim = claim_id(claim)?;
    Ok(state.store.approve_claim(scope, claim).await?)
}

/// Pays an approved claim from the bank on `date`.
pub async fn pay_claim(
    state: &AppState,
    scope: &CoopScope,
    claim: &str,
    date: Date,
) -> Result<PostedEntry, Refused> {
    let claim = claim_id(claim)?;
    Ok(state.store.pay_claim(scope, claim, date).await?)
}

/// A bank statement file, imported whole and once, or refused naming the
/// line.
pub async fn import_statement(
    state: &AppState,
    scope: &CoopScope,
    file: &[u8],
    layout: &LayoutChoice,
) -> Result<ImportSummary, Refused> {
    Ok(state.store.import_statement(scope, file, layout).await?)
}

/// Matches the imported bank lines with the entries that moved money.
pub async fn reconcile_bank(
    state: &AppState,
    scope: &CoopScope,
) -> Result<ReconcileSummary, Refused> {
    Ok(state.store.reconcile_bank(scope).await?)
}

/// Sets what may be spent from a fund on a category over a period,
/// replacing a budget set before for the same three.
pub async fn set_budget(
    state: &AppState,
    scope: &CoopScope,
    budget: &Budget,
) -> Result<String, Refused> {
    if budget.amount.is_negative() {
        return Err(Refused::Field(("amount", "ledger-budget-negative")));
    }
    Ok(state.store.set_budget(scope, budget).await?)
}
