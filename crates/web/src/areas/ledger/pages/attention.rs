//! Direct Payments that did not arrive as the arrangement says: late,
//! short, more than expected, or not at all. The treasurer sees them on the
//! money page so that the council can be asked before the fund runs short.

use cylch_domain::Language;
use cylch_ledger::PersonId;
use cylch_ledger::schedule::{ReceiptCheck, ReceiptFlag, ReceiptOutcome};
use cylch_ledger::{ExpectedReceipt, ReceiptSource};
use cylch_store::CoopScope;
use cylch_store::ledger::LedgerError;
use fluent_bundle::{FluentArgs, FluentValue};
use jiff::ToSpan;
use jiff::civil::Date;

use super::money;
use crate::AppState;
use crate::common::error::AppError;

/// How far back the money page looks: a payment missed at the end of one
/// quarter is still shown early in the next.
const LOOK_BACK_MONTHS: i64 = 3;

/// One expected receipt that needs looking into.
pub struct FlagRow {
    pub person: String,
    pub from: String,
    pub due: String,
    pub expected: String,
    /// What went wrong, in words: "Arrived 9 days late, on 10/04/2026".
    pub problems: Vec<String>,
}

fn date(d: Date) -> String {
    d.strftime("%d/%m/%Y").to_string()
}

fn days(state: &AppState, language: Language, id: &str, days: i64, on: Option<Date>) -> String {
    let mut args = FluentArgs::new();
    args.set("days", FluentValue::from(days));
    if let Some(on) = on {
        args.set("date", FluentValue::from(date(on)));
    }
    state.i18n.format(language, id, Some(&args))
}

fn problems(state: &AppState, language: Language, check: &ReceiptCheck) -> Vec<String> {
    match &check.outcome {
        ReceiptOutcome::Received {
            date: arrived,
            flags,
            ..
        } => flags
            .iter()
            .map(|flag| match flag {
                ReceiptFlag::Late { days: late } => days(
                    state,
                    language,
                    "ledger-attention-late",
                    *late,
                    Some(*arrived),
                ),
                ReceiptFlag::Short { by } => {
                    state
                        .i18n
                        .with_arg(language, "ledger-attention-short", "amount", &money(*by))
                }
                ReceiptFlag::Overpaid { by } => state.i18n.with_arg(
                    language,
                    "ledger-attention-overpaid",
                    "amount",
                    &money(*by),
                ),
            })
            .collect(),
        ReceiptOutcome::Missing { overdue_days } => vec![days(
            state,
            language,
            "ledger-attention-missing",
            *overdue_days,
            None,
        )],
        ReceiptOutcome::NotYetDue => Vec::new(),
    }
}

fn source(state: &AppState, language: Language, expected: &ExpectedReceipt) -> String {
    match &expected.source {
        ReceiptSource::Council(council) => council.clone(),
        ReceiptSource::ClientContribution => {
            state.i18n.text(language, "ledger-attention-contribution")
        }
    }
}

/// Every expected receipt of the last three months, up to `today`, that
/// arrived late, short or over, or has not arrived, for the people given.
pub async fn flagged_receipts(
    state: &AppState,
    language: Language,
    scope: &CoopScope,
    people: &[(PersonId, String)],
    today: Date,
) -> Result<Vec<FlagRow>, AppError> {
    let from = today
        .checked_sub(LOOK_BACK_MONTHS.months())
        .map_err(AppError::from)?;
    let mut rows = Vec::new();
    for (person, name) in people {
        let matching = match state
            .store
            .receipt_checks(scope, person, from, today, today)
            .await
        {
            Ok(matching) => matching,
            Err(LedgerError::Store(err)) => return Err(err.into()),
            Err(err) => return Err(err.into()),
        };
        for check in matching.checks.iter().filter(|c| c.needs_attention()) {
            rows.push(FlagRow {
                person: name.clone(),
                from: source(state, language, &check.expected),
                due: date(check.expected.due),
                expected: money(check.expected.amount),
                problems: problems(state, language, check),
            });
        }
    }
    Ok(rows)
}
