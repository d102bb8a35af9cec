//! Budget against actual, by fund and category, for a period.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Period, ReportError, fund_effect, kind_of, postings};
use crate::account::{AccountKind, Chart};
use crate::category::Category;
use crate::fund::FundId;
use crate::journal::PostedEntry;
use crate::money::Pence;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub fund: FundId,
    pub category: Category,
    /// The amount budgeted for the whole period.
    pub amount: Pence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetRow {
    pub fund: FundId,
    pub category: Category,
    pub budget: Pence,
    pub actual: Pence,
    /// Budget less actual: negative means overspent.
    pub remaining: Pence,
}

/// One row per fund and category that has a budget or any spending,
/// ordered by fund then category. Budget lines for the same fund and
/// category are added together.
pub fn budget_vs_actual(
    entries: &[PostedEntry],
    chart: &Chart,
    budget: &[BudgetLine],
    period: Period,
) -> Result<Vec<BudgetRow>, ReportError> {
    let mut rows: BTreeMap<(FundId, Category), (Pence, Pence)> = BTreeMap::new();
    for b in budget {
        let slot = rows.entry((b.fund.clone(), b.category)).or_default();
        slot.0 = slot.0.checked_add(b.amount)?;
    }
    for (entry, line) in postings(entries) {
        if !period.contains(entry.date()) {
            continue;
        }
        let kind = kind_of(chart, entry, line)?;
        if let AccountKind::Expense(category) = kind {
            let cost = fund_effect(kind, line)?.checked_neg()?;
            let slot = rows.entry((line.fund.clone(), category)).or_default();
            slot.1 = slot.1.checked_add(cost)?;
        }
    }
    rows.into_iter()
        .map(|((fund, category), (budget, actual))| {
            Ok(BudgetRow {
                fund,
                category,
                budget,
                actual,
                remaining: budget.checked_sub(actual)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::codes;
    use crate::fund::PersonId;
    use crate::journal::{EntryDraft, EntryId, Line};
    use jiff::civil::Date;

    #[test]
    fn overspending_shows_as_negative_remaining() {
        let ann = FundId::Person(PersonId::new("ann").unwrap());
        let d = Date::constant;
        let spend = |id: &str, date: Date, account: &str, amount: i64| {
            EntryDraft {
                id: EntryId::new(id),
                date,
                description: id.into(),
                lines: vec![
                    Line::debit(account, ann.clone(), Pence::new(amount)),
                    Line::credit(codes::BANK, ann.clone(), Pence::new(amount)),
                ],
                allocation: None,
                reverses: None,
            }
            .post(&Chart::standard())
            .unwrap()
        };
        let entries = vec![
            spend("a", d(2026, 4, 5), codes::ACTIVITIES, 6_000),
            spend("b", d(2026, 5, 5), codes::ACTIVITIES, 5_000),
            spend("c", d(2026, 5, 6), codes::TRAINING, 2_500),
            spend("d", d(2026, 7, 1), codes::ACTIVITIES, 99_999),
        ];
        let budget = vec![
            BudgetLine {
                fund: ann.clone(),
                category: Category::Activities,
                amount: Pence::new(10_000),
            },
            BudgetLine {
                fund: ann.clone(),
                category: Category::Equipment,
                amount: Pence::new(3_000),
            },
        ];
        let period = Period::new(d(2026, 4, 1), d(2026, 6, 30)).unwrap();
        let rows = budget_vs_actual(&entries, &Chart::standard(), &budget, period).unwrap();
        let summary: Vec<(Category, i64, i64, i64)> = rows
            .iter()
            .map(|r| {
                (
                    r.category,
                    r.budget.get(),
                    r.actual.get(),
                    r.remaining.get(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (Category::Activities, 10_000, 11_000, -1_000),
                (Category::Equipment, 3_000, 0, 3_000),
                (Category::Training, 0, 2_500, -2_500),
            ]
        );
    }
}
