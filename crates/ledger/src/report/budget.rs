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

/// A budget as the officers set it: an amount for one fund and category
/// over a period of their choosing (usually the financial year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub fund: FundId,
    pub category: Category,
    pub period: Period,
    pub amount: Pence,
}

/// The budget lines for `period` from budgets set for other periods: each
/// budget counts for the share of its days that fall in `period`, rounded
/// down to the penny (so a year's budget seen a quarter at a time never
/// adds up to more than was set). Budgets that do not overlap are left out.
pub fn budget_for(budgets: &[Budget], period: Period) -> Result<Vec<BudgetLine>, ReportError> {
    let mut lines = Vec::new();
    for b in budgets {
        let from = b.period.from().max(period.from());
        let to = b.period.to().min(period.to());
        if to < from {
            continue;
        }
        let overlap = i128::from(days_inclusive(from, to)?);
        let whole = i128::from(days_inclusive(b.period.from(), b.period.to())?);
        let share = i128::from(b.amount.get())
            .checked_mul(overlap)
            .and_then(|v| v.checked_div_euclid(whole))
            .and_then(|v| i64::try_from(v).ok())
            .ok_or(crate::money::Overflow)?;
        lines.push(BudgetLine {
            fund: b.fund.clone(),
            category: b.category,
            amount: Pence::new(share),
        });
    }
    Ok(lines)
}

/// Days from `from` to `to`, both counted.
fn days_inclusive(from: jiff::civil::Date, to: jiff::civil::Date) -> Result<i64, ReportError> {
    let span = from
        .until((jiff::Unit::Day, to))
        .map_err(|_| crate::money::Overflow)?;
    i64::from(span.get_days())
        .checked_add(1)
        .ok_or(crate::money::Overflow.into())
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
    fn a_years_budget_counts_by_the_days_of_the_period_asked_for() {
        let ann = FundId::Person(PersonId::new("ann").unwrap());
        let d = Date::constant;
        let year = Period::new(d(2026, 4, 1), d(2027, 3, 31)).unwrap();
        let budgets = vec![
            Budget {
                fund: ann.clone(),
                category: Category::Activities,
                period: year,
                amount: Pence::new(36_500),
            },
            Budget {
                fund: FundId::General,
                category: Category::Insurance,
                period: Period::new(d(2025, 4, 1), d(2026, 3, 31)).unwrap(),
                amount: Pence::new(10_000),
            },
        ];
        // The whole year: all of it; the general fund's budget for last
        // year is left out.
        let whole = budget_for(&budgets, year).unwrap();
        assert_eq!(whole.len(), 1);
        assert_eq!(whole[0].amount, Pence::new(36_500));
        // April to June is 91 of the year's 365 days: £365 × 91 / 365.
        let quarter = Period::new(d(2026, 4, 1), d(2026, 6, 30)).unwrap();
        assert_eq!(
            budget_for(&budgets, quarter).unwrap()[0].amount,
            Pence::new(9_100)
        );
        // A period running past the year counts only the days inside it.
        let across = Period::new(d(2027, 3, 1), d(2027, 4, 30)).unwrap();
        assert_eq!(
            budget_for(&budgets, across).unwrap()[0].amount,
            Pence::new(3_100)
        );
        // A third of a penny a day, rounded down: never more than was set.
        let odd = vec![Budget {
            amount: Pence::new(100),
            ..budgets[0].clone()
        }];
        let months: Vec<i64> = (4..=12)
            .map(|m| {
                let from = d(2026, m, 1);
                let p = Period::new(from, from.last_of_month()).unwrap();
                budget_for(&odd, p).unwrap()[0].amount.get()
            })
            .collect();
        assert!(months.iter().sum::<i64>() <= 100);
    }

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
