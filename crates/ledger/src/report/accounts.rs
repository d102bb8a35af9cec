//! The year's accounts in the shape small charities and societies use:
//! income and spending split between restricted funds (the Direct
//! Payments) and unrestricted money, each fund's movement for the year, and
//! the balance sheet at the year end.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Period, ReportError, fund_balance, fund_effect, kind_of, postings};
use crate::account::{AccountCode, AccountKind, Chart};
use crate::fund::FundId;
use crate::journal::PostedEntry;
use crate::money::Pence;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundColumns {
    pub restricted: Pence,
    pub unrestricted: Pence,
    pub total: Pence,
}

impl FundColumns {
    fn add(&mut self, fund: &FundId, amount: Pence) -> Result<(), ReportError> {
        if fund.is_restricted() {
            self.restricted = self.restricted.checked_add(amount)?;
        } else {
            self.unrestricted = self.unrestricted.checked_add(amount)?;
        }
        self.total = self.total.checked_add(amount)?;
        Ok(())
    }

    fn sum<'a>(rows: impl Iterator<Item = &'a FundColumns>) -> Result<FundColumns, ReportError> {
        let mut total = FundColumns::default();
        for r in rows {
            total.restricted = total.restricted.checked_add(r.restricted)?;
            total.unrestricted = total.unrestricted.checked_add(r.unrestricted)?;
            total.total = total.total.checked_add(r.total)?;
        }
        Ok(total)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub account: AccountCode,
    pub name: String,
    pub amounts: FundColumns,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundMovement {
    pub fund: FundId,
    pub opening: Pence,
    pub income: Pence,
    pub spending: Pence,
    /// Balances brought forward and transfers to or from reserves.
    pub transfers: Pence,
    pub closing: Pence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceRow {
    pub account: AccountCode,
    pub name: String,
    /// Assets positive, liabilities negative.
    pub amount: Pence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualAccounts {
    pub period: Period,
    pub income: Vec<AccountRow>,
    pub total_income: FundColumns,
    pub spending: Vec<AccountRow>,
    pub total_spending: FundColumns,
    pub funds: Vec<FundMovement>,
    pub balance_sheet: Vec<BalanceRow>,
    /// Assets less liabilities: always equal to the funds' closing total.
    pub net_assets: Pence,
}

pub fn annual_accounts(
    entries: &[PostedEntry],
    chart: &Chart,
    period: Period,
) -> Result<AnnualAccounts, ReportError> {
    let mut income: BTreeMap<AccountCode, FundColumns> = BTreeMap::new();
    let mut spending: BTreeMap<AccountCode, FundColumns> = BTreeMap::new();
    let mut movements: BTreeMap<FundId, (Pence, Pence, Pence)> = BTreeMap::new();
    let mut balances: BTreeMap<AccountCode, Pence> = BTreeMap::new();

    for (entry, line) in postings(entries) {
        let kind = kind_of(chart, entry, line)?;
        if entry.date() > period.to() {
            continue;
        }
        match kind {
            AccountKind::Asset | AccountKind::Liability => {
                let slot = balances.entry(line.account.clone()).or_default();
                *slot = slot.checked_add(line.signed()?)?;
            }
            _ => {}
        }
        movements.entry(line.fund.clone()).or_default();
        if entry.date() < period.from() {
            continue;
        }
        let effect = fund_effect(kind, line)?;
        let movement = movements.entry(line.fund.clone()).or_default();
        match kind {
            AccountKind::Income => {
                income
                    .entry(line.account.clone())
                    .or_default()
                    .add(&line.fund, effect)?;
                movement.0 = movement.0.checked_add(effect)?;
            }
            AccountKind::Expense(_) => {
                let cost = effect.checked_neg()?;
                spending
                    .entry(line.account.clone())
                    .or_default()
                    .add(&line.fund, cost)?;
                movement.1 = movement.1.checked_add(cost)?;
            }
            AccountKind::Equity => movement.2 = movement.2.checked_add(effect)?,
            AccountKind::Asset | AccountKind::Liability => {}
        }
    }

    let named = |rows: BTreeMap<AccountCode, FundColumns>| -> Vec<AccountRow> {
        rows.into_iter()
            .map(|(account, amounts)| AccountRow {
                name: chart
                    .get(&account)
                    .map(|a| a.name.clone())
                    .unwrap_or_default(),
                account,
                amounts,
            })
            .collect()
    };
    let income = named(income);
    let spending = named(spending);
    let total_income = FundColumns::sum(income.iter().map(|r| &r.amounts))?;
    let total_spending = FundColumns::sum(spending.iter().map(|r| &r.amounts))?;

    let mut funds = Vec::with_capacity(movements.len());
    for (fund, (fund_income, fund_spending, transfers)) in movements {
        let opening = fund_balance(entries, chart, &fund, period.from())?;
        let closing = opening
            .checked_add(fund_income)?
            .checked_sub(fund_spending)?
            .checked_add(transfers)?;
        funds.push(FundMovement {
            fund,
            opening,
            income: fund_income,
            spending: fund_spending,
            transfers,
            closing,
        });
    }

    let balance_sheet: Vec<BalanceRow> = balances
        .into_iter()
        .filter(|(_, amount)| !amount.is_zero())
        .map(|(account, amount)| BalanceRow {
            name: chart
                .get(&account)
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            account,
            amount,
        })
        .collect();
    let net_assets = Pence::sum(balance_sheet.iter().map(|r| r.amount))?;

    Ok(AnnualAccounts {
        period,
        income,
        total_income,
        spending,
        total_spending,
        funds,
        balance_sheet,
        net_assets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::codes;
    use crate::fund::PersonId;
    use crate::journal::{EntryDraft, EntryId, Line};
    use jiff::civil::Date;

    #[test]
    fn restricted_and_unrestricted_columns_and_a_balance_sheet_that_agrees() {
        let ann = FundId::Person(PersonId::new("ann").unwrap());
        let d = Date::constant;
        let post = |id: &str, date: Date, lines: Vec<Line>| {
            EntryDraft {
                id: EntryId::new(id),
                date,
                description: id.into(),
                lines,
                allocation: None,
                reverses: None,
            }
            .post(&Chart::standard())
            .unwrap()
        };
        let entries = vec![
            post(
                "last-year",
                d(2026, 3, 1),
                vec![
                    Line::debit(codes::BANK, ann.clone(), Pence::new(30_000)),
                    Line::credit(
                        codes::DIRECT_PAYMENT_INCOME,
                        ann.clone(),
                        Pence::new(30_000),
                    ),
                ],
            ),
            post(
                "dp",
                d(2026, 4, 1),
                vec![
                    Line::debit(codes::BANK, ann.clone(), Pence::new(100_000)),
                    Line::credit(
                        codes::DIRECT_PAYMENT_INCOME,
                        ann.clone(),
                        Pence::new(100_000),
                    ),
                ],
            ),
            post(
                "subs",
                d(2026, 5, 1),
                vec![
                    Line::debit(codes::BANK, FundId::General, Pence::new(1_200)),
                    Line::credit(
                        codes::MEMBER_CONTRIBUTIONS,
                        FundId::General,
                        Pence::new(1_200),
                    ),
                ],
            ),
            post(
                "pay",
                d(2026, 5, 31),
                vec![
                    Line::debit(codes::PA_WAGES, ann.clone(), Pence::new(80_000)),
                    Line::credit(codes::PAYROLL_CONTROL, ann.clone(), Pence::new(80_000)),
                ],
            ),
            post(
                "insurance",
                d(2026, 6, 1),
                vec![
                    Line::debit(codes::INSURANCE, FundId::General, Pence::new(900)),
                    Line::credit(codes::BANK, FundId::General, Pence::new(900)),
                ],
            ),
        ];
        let year = Period::new(d(2026, 4, 1), d(2027, 3, 31)).unwrap();
        let a = annual_accounts(&entries, &Chart::standard(), year).unwrap();
        assert_eq!(
            a.total_income,
            FundColumns {
                restricted: Pence::new(100_000),
                unrestricted: Pence::new(1_200),
                total: Pence::new(101_200),
            }
        );
        assert_eq!(a.total_spending.total, Pence::new(80_900));
        let ann_fund = a.funds.iter().find(|f| f.fund == ann).unwrap();
        assert_eq!(
            (ann_fund.opening, ann_fund.closing),
            (Pence::new(30_000), Pence::new(50_000))
        );
        let general = a.funds.iter().find(|f| f.fund == FundId::General).unwrap();
        assert_eq!(general.closing, Pence::new(300));
        // Bank 1,300 + 12 - 9 = 1,303.00; wages owed 800.00.
        let sheet: Vec<(&str, i64)> = a
            .balance_sheet
            .iter()
            .map(|r| (r.account.as_str(), r.amount.get()))
            .collect();
        assert_eq!(sheet, vec![("1000", 130_300), ("2100", -80_000)]);
        assert_eq!(a.net_assets, Pence::new(50_300));
        let funds_total = Pence::sum(a.funds.iter().map(|f| f.closing)).unwrap();
        assert_eq!(funds_total, a.net_assets);
    }
}
