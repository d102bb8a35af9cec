//! The chart of accounts: what kinds of thing money sits in or moves
//! through. Funds say *whose* money it is; accounts say *what* it is.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::category::Category;

/// An account's code, e.g. `"1000"`. Codes are what entries refer to, so a
/// renamed account keeps its history.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountCode(String);

impl AccountCode {
    pub fn new(code: impl Into<String>) -> Self {
        AccountCode(code.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The five kinds of account. An expense account always says which
/// spending category it reports under, so budget against actual never has
/// an "unknown" row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "category", rename_all = "snake_case")]
pub enum AccountKind {
    Asset,
    Liability,
    Income,
    Expense(Category),
    /// Reserves and balances brought forward.
    Equity,
}

impl AccountKind {
    /// Whether the account's balance normally sits on the debit side.
    pub fn is_debit_normal(self) -> bool {
        matches!(self, AccountKind::Asset | AccountKind::Expense(_))
    }

    pub fn category(self) -> Option<Category> {
        match self {
            AccountKind::Expense(c) => Some(c),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub code: AccountCode,
    pub name: String,
    pub kind: AccountKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChartError {
    #[error("account code {0} is used twice in the chart of accounts")]
    DuplicateCode(AccountCode),
    #[error("an account code cannot be empty")]
    EmptyCode,
}

/// The accounts a co-operative uses, by code. Stored as a list of
/// accounts and checked again when loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Account>", into = "Vec<Account>")]
pub struct Chart {
    accounts: BTreeMap<AccountCode, Account>,
}

impl TryFrom<Vec<Account>> for Chart {
    type Error = ChartError;
    fn try_from(accounts: Vec<Account>) -> Result<Self, Self::Error> {
        Chart::new(accounts)
    }
}

impl From<Chart> for Vec<Account> {
    fn from(chart: Chart) -> Self {
        chart.accounts.into_values().collect()
    }
}

/// Codes of the standard chart, for code that posts the usual entries.
pub mod codes {
    pub const BANK: &str = "1000";
    pub const RECEIVABLES: &str = "1100";
    pub const PAYABLES: &str = "2000";
    /// Gross wages and employer costs owed for a pay run, cleared as net pay,
    /// HMRC and the pension scheme are paid.
    pub const PAYROLL_CONTROL: &str = "2100";
    pub const HMRC: &str = "2200";
    pub const PENSION: &str = "2300";
    /// Direct Payment money a council has asked to have back.
    pub const REPAYABLE_TO_COUNCIL: &str = "2400";
    pub const BROUGHT_FORWARD: &str = "3000";
    pub const GENERAL_RESERVE: &str = "3100";
    /// Money moved from one fund to another, e.g. the general fund covering
    /// a person's shortfall. Across all funds it always nets to nil.
    pub const TRANSFERS: &str = "3200";
    pub const DIRECT_PAYMENT_INCOME: &str = "4000";
    pub const CLIENT_CONTRIBUTIONS: &str = "4100";
    pub const MEMBER_CONTRIBUTIONS: &str = "4200";
    pub const GRANTS: &str = "4300";
    pub const OTHER_INCOME: &str = "4900";
    pub const PA_WAGES: &str = "5000";
    pub const EMPLOYER_COSTS: &str = "5100";
    pub const ACTIVITIES: &str = "5200";
    pub const EQUIPMENT: &str = "5300";
    pub const TRAINING: &str = "5400";
    pub const INSURANCE: &str = "5500";
    pub const ADMIN: &str = "5600";
}

impl Chart {
    pub fn new(accounts: impl IntoIterator<Item = Account>) -> Result<Self, ChartError> {
        let mut map = BTreeMap::new();
        for account in accounts {
            if account.code.as_str().trim().is_empty() {
                return Err(ChartError::EmptyCode);
            }
            let code = account.code.clone();
            if map.insert(code.clone(), account).is_some() {
                return Err(ChartError::DuplicateCode(code));
            }
        }
        Ok(Chart { accounts: map })
    }

    /// The chart a small care co-operative starts with. Direct Payment
    /// income is one account; *whose* income it is comes from the fund on
    /// each posting, so a new member needs a fund, not new accounts.
    pub fn standard() -> Self {
        use AccountKind::*;
        let rows: [(&str, &str, AccountKind); 22] = [
            (codes::BANK, "Bank current account", Asset),
            (codes::RECEIVABLES, "Money owed to the co-operative", Asset),
            (codes::PAYABLES, "Bills to pay", Liability),
            (
                codes::PAYROLL_CONTROL,
                "Wages and employer costs to pay",
                Liability,
            ),
            (
                codes::HMRC,
                "PAYE and National Insurance due to HMRC",
                Liability,
            ),
            (codes::PENSION, "Pension contributions due", Liability),
            (
                codes::REPAYABLE_TO_COUNCIL,
                "Direct Payments to repay to the council",
                Liability,
            ),
            (codes::BROUGHT_FORWARD, "Balances brought forward", Equity),
            (codes::GENERAL_RESERVE, "General reserve", Equity),
            (codes::TRANSFERS, "Transfers between funds", Equity),
            (
                codes::DIRECT_PAYMENT_INCOME,
                "Direct Payments received",
                Income,
            ),
            (codes::CLIENT_CONTRIBUTIONS, "Client contributions", Income),
            (codes::MEMBER_CONTRIBUTIONS, "Member contributions", Income),
            (codes::GRANTS, "Grants", Income),
            (codes::OTHER_INCOME, "Other income", Income),
            (codes::PA_WAGES, "PA wages", Expense(Category::PaWages)),
            (
                codes::EMPLOYER_COSTS,
                "Employer costs",
                Expense(Category::EmployerCosts),
            ),
            (
                codes::ACTIVITIES,
                "Activities",
                Expense(Category::Activities),
            ),
            (codes::EQUIPMENT, "Equipment", Expense(Category::Equipment)),
            (codes::TRAINING, "Training", Expense(Category::Training)),
            (codes::INSURANCE, "Insurance", Expense(Category::Insurance)),
            (codes::ADMIN, "Admin", Expense(Category::Admin)),
        ];
        let accounts = rows.into_iter().map(|(code, name, kind)| Account {
            code: AccountCode::new(code),
            name: name.to_owned(),
            kind,
        });
        Chart {
            accounts: accounts.map(|a| (a.code.clone(), a)).collect(),
        }
    }

    pub fn get(&self, code: &AccountCode) -> Option<&Account> {
        self.accounts.get(code)
    }

    pub fn accounts(&self) -> impl Iterator<Item = &Account> {
        self.accounts.values()
    }

    /// The expense account the standard chart uses for a category.
    pub fn expense_account_for(&self, category: Category) -> Option<&Account> {
        self.accounts
            .values()
            .find(|a| a.kind == AccountKind::Expense(category))
    }
}

impl ChartError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ChartError::DuplicateCode(_) => "ledger-chart-duplicate-code",
            ChartError::EmptyCode => "ledger-chart-empty-code",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_chart_has_an_expense_account_for_every_category() {
        let chart = Chart::standard();
        for c in Category::ALL {
            assert!(chart.expense_account_for(c).is_some(), "{c}");
        }
        assert_eq!(chart.accounts().count(), 22);
    }

    #[test]
    fn a_chart_refuses_duplicate_and_empty_codes() {
        let a = Account {
            code: AccountCode::new("1"),
            name: "Bank".into(),
            kind: AccountKind::Asset,
        };
        assert_eq!(
            Chart::new([a.clone(), a.clone()]),
            Err(ChartError::DuplicateCode(AccountCode::new("1")))
        );
        let empty = Account {
            code: AccountCode::new(""),
            ..a
        };
        assert_eq!(Chart::new([empty]), Err(ChartError::EmptyCode));
    }

    #[test]
    fn normal_sides() {
        assert!(AccountKind::Asset.is_debit_normal());
        assert!(AccountKind::Expense(Category::Admin).is_debit_normal());
        assert!(!AccountKind::Income.is_debit_normal());
        assert!(!AccountKind::Liability.is_debit_normal());
        assert!(!AccountKind::Equity.is_debit_normal());
    }
}
