//! The trial balance: every account's balance on its debit or credit side
//! at a date. Because every posted entry balances, the two columns always
//! add up to the same figure; a page can still show the check.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ReportError, kind_of, postings};
use crate::account::{AccountCode, Chart};
use crate::fund::FundId;
use crate::journal::PostedEntry;
use crate::money::Pence;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialBalanceRow {
    pub account: AccountCode,
    pub name: String,
    pub debit: Pence,
    pub credit: Pence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialBalance {
    pub as_at: Date,
    /// `None` for the whole co-operative, or one fund's own trial balance.
    pub fund: Option<FundId>,
    pub rows: Vec<TrialBalanceRow>,
    pub total_debit: Pence,
    pub total_credit: Pence,
}

impl TrialBalance {
    pub fn balances(&self) -> bool {
        self.total_debit == self.total_credit
    }
}

/// Balances from every entry dated on or before `as_at`, by account code;
/// accounts with a nil balance are left out.
pub fn trial_balance(
    entries: &[PostedEntry],
    chart: &Chart,
    as_at: Date,
    fund: Option<&FundId>,
) -> Result<TrialBalance, ReportError> {
    let mut net: BTreeMap<AccountCode, Pence> = BTreeMap::new();
    for (entry, line) in postings(entries) {
        if entry.date() > as_at || fund.is_some_and(|f| f != &line.fund) {
            continue;
        }
        kind_of(chart, entry, line)?;
        let slot = net.entry(line.account.clone()).or_default();
        *slot = slot.checked_add(line.signed()?)?;
    }
    let mut rows = Vec::new();
    for (account, balance) in net {
        if balance.is_zero() {
            continue;
        }
        let (debit, credit) = if balance.is_positive() {
            (balance, Pence::ZERO)
        } else {
            (Pence::ZERO, balance.checked_neg()?)
        };
        rows.push(TrialBalanceRow {
            name: chart
                .get(&account)
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            account,
            debit,
            credit,
        });
    }
    let total_debit = Pence::sum(rows.iter().map(|r| r.debit))?;
    let total_credit = Pence::sum(rows.iter().map(|r| r.credit))?;
    Ok(TrialBalance {
        as_at,
        fund: fund.cloned(),
        rows,
        total_debit,
        total_credit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::codes;
    use crate::fund::PersonId;
    use crate::journal::{EntryDraft, EntryId, Line, reverse};

    #[test]
    fn a_small_ledger_by_hand() {
        let ann = FundId::Person(PersonId::new("ann").unwrap());
        let d = Date::constant;
        let post = |id: &str, lines: Vec<Line>| {
            EntryDraft {
                id: EntryId::new(id),
                date: d(2026, 4, 1),
                description: id.into(),
                lines,
                allocation: None,
                reverses: None,
            }
            .post(&Chart::standard())
            .unwrap()
        };
        let dp = post(
            "dp",
            vec![
                Line::debit(codes::BANK, ann.clone(), Pence::new(100_000)),
                Line::credit(
                    codes::DIRECT_PAYMENT_INCOME,
                    ann.clone(),
                    Pence::new(100_000),
                ),
            ],
        );
        let grant = post(
            "grant",
            vec![
                Line::debit(codes::BANK, FundId::General, Pence::new(50_000)),
                Line::credit(codes::GRANTS, FundId::General, Pence::new(50_000)),
            ],
        );
        let wrong = post(
            "wrong",
            vec![
                Line::debit(codes::INSURANCE, ann.clone(), Pence::new(7_000)),
                Line::credit(codes::BANK, ann.clone(), Pence::new(7_000)),
            ],
        );
        let undo = reverse(
            &wrong,
            EntryId::new("undo"),
            d(2026, 4, 2),
            "should be general",
        );
        let entries = vec![dp, grant, wrong, undo];

        let tb = trial_balance(&entries, &Chart::standard(), d(2026, 4, 30), None).unwrap();
        let rows: Vec<(&str, i64, i64)> = tb
            .rows
            .iter()
            .map(|r| (r.account.as_str(), r.debit.get(), r.credit.get()))
            .collect();
        // Insurance is back to nil and left out.
        assert_eq!(
            rows,
            vec![
                ("1000", 150_000, 0),
                ("4000", 0, 100_000),
                ("4300", 0, 50_000)
            ]
        );
        assert!(tb.balances());

        // Before the reversal, insurance shows.
        let tb = trial_balance(&entries, &Chart::standard(), d(2026, 4, 1), None).unwrap();
        assert!(
            tb.rows
                .iter()
                .any(|r| r.account.as_str() == codes::INSURANCE)
        );
        assert_eq!(tb.total_debit, Pence::new(150_000));

        // One fund on its own balances too.
        let tb = trial_balance(&entries, &Chart::standard(), d(2026, 4, 1), Some(&ann)).unwrap();
        assert_eq!(tb.total_debit, Pence::new(100_000));
        assert!(tb.balances());
    }
}
