//! Reports as data: pages and exports decide how they look; these decide
//! what the figures are. Every report is worked out from posted entries
//! alone, so two reports over the same entries always agree.

pub mod accounts;
pub mod budget;
pub mod forecast;
pub mod la_return;
pub mod statement;
pub mod trial_balance;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::account::{AccountCode, AccountKind, Chart};
use crate::fund::FundId;
use crate::journal::{EntryId, Line, PostedEntry};
use crate::money::{Overflow, Pence};
use crate::schedule::ScheduleError;

pub use accounts::{AnnualAccounts, annual_accounts};
pub use budget::{Budget, BudgetLine, BudgetRow, budget_for, budget_vs_actual};
pub use forecast::{Forecast, ForecastMonth, PlannedSpend, forecast};
pub use la_return::{LaReturn, SurplusRule, la_return};
pub use statement::{PersonStatement, person_statement};
pub use trial_balance::{TrialBalance, trial_balance};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReportError {
    #[error("entry {entry} uses account {account}, which is not in the chart of accounts")]
    UnknownAccount {
        entry: EntryId,
        account: AccountCode,
    },
    #[error("the period ends ({to}) before it starts ({from})")]
    BackwardsPeriod { from: Date, to: Date },
    #[error("a forecast needs at least one month")]
    NoMonths,
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

impl ReportError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ReportError::UnknownAccount { .. } => "ledger-report-unknown-account",
            ReportError::BackwardsPeriod { .. } => "ledger-backwards-period",
            ReportError::NoMonths => "ledger-report-no-months",
            ReportError::Schedule(inner) => inner.code(),
            ReportError::Overflow(inner) => inner.code(),
        }
    }
}

/// A reporting period, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PeriodFields")]
pub struct Period {
    from: Date,
    to: Date,
}

/// A period as stored, checked on the way in.
#[derive(Deserialize)]
struct PeriodFields {
    from: Date,
    to: Date,
}

impl TryFrom<PeriodFields> for Period {
    type Error = ReportError;
    fn try_from(fields: PeriodFields) -> Result<Self, Self::Error> {
        Period::new(fields.from, fields.to)
    }
}

impl Period {
    pub fn new(from: Date, to: Date) -> Result<Period, ReportError> {
        if to < from {
            return Err(ReportError::BackwardsPeriod { from, to });
        }
        Ok(Period { from, to })
    }

    pub fn from(self) -> Date {
        self.from
    }

    pub fn to(self) -> Date {
        self.to
    }

    pub fn contains(self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// The calendar quarter holding `date` (January–March, April–June,
    /// July–September, October–December). These are also the quarters of
    /// the UK financial year from 1 April, which councils' quarterly
    /// returns usually follow.
    pub fn quarter_containing(date: Date) -> Period {
        let first_month = date
            .month()
            .saturating_sub(1)
            .div_euclid(3)
            .saturating_mul(3)
            .saturating_add(1);
        let from = date.first_of_month().with().month(first_month).build();
        let from = from.unwrap_or(date);
        let to = from
            .with()
            .month(first_month.saturating_add(2))
            .build()
            .map(|d| d.last_of_month())
            .unwrap_or(date);
        Period { from, to }
    }

    /// The UK financial year holding `date`, 1 April to 31 March: the year
    /// a small society's accounts and the councils' returns usually follow.
    pub fn financial_year_containing(date: Date) -> Period {
        let start_year = if date.month() >= 4 {
            date.year()
        } else {
            date.year().saturating_sub(1)
        };
        let from = Date::new(start_year, 4, 1).unwrap_or(date);
        let to = Date::new(start_year.saturating_add(1), 3, 31).unwrap_or(date);
        Period { from, to }
    }
}

/// Every line with its entry, in entry order.
pub(crate) fn postings(entries: &[PostedEntry]) -> impl Iterator<Item = (&PostedEntry, &Line)> {
    entries
        .iter()
        .flat_map(|e| e.lines().iter().map(move |l| (e, l)))
}

pub(crate) fn kind_of(
    chart: &Chart,
    entry: &PostedEntry,
    line: &Line,
) -> Result<AccountKind, ReportError> {
    chart
        .get(&line.account)
        .map(|a| a.kind)
        .ok_or_else(|| ReportError::UnknownAccount {
            entry: entry.id().clone(),
            account: line.account.clone(),
        })
}

/// What a line adds to its fund's balance: income and reserves credited
/// add, spending debited takes away. Asset and liability lines only move
/// money between forms, so they add nothing; by double entry the fund's
/// balance equals its share of the bank and other assets less what it owes.
pub(crate) fn fund_effect(kind: AccountKind, line: &Line) -> Result<Pence, Overflow> {
    match kind {
        AccountKind::Income | AccountKind::Equity | AccountKind::Expense(_) => {
            line.signed()?.checked_neg()
        }
        AccountKind::Asset | AccountKind::Liability => Ok(Pence::ZERO),
    }
}

/// A fund's balance from every entry dated before `before`.
pub fn fund_balance(
    entries: &[PostedEntry],
    chart: &Chart,
    fund: &FundId,
    before: Date,
) -> Result<Pence, ReportError> {
    let mut balance = Pence::ZERO;
    for (entry, line) in postings(entries) {
        if entry.date() < before && &line.fund == fund {
            balance = balance.checked_add(fund_effect(kind_of(chart, entry, line)?, line)?)?;
        }
    }
    Ok(balance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters() {
        let q = Period::quarter_containing(Date::constant(2026, 5, 17));
        assert_eq!(q.from(), Date::constant(2026, 4, 1));
        assert_eq!(q.to(), Date::constant(2026, 6, 30));
        let q = Period::quarter_containing(Date::constant(2027, 3, 31));
        assert_eq!(q.from(), Date::constant(2027, 1, 1));
        assert_eq!(q.to(), Date::constant(2027, 3, 31));
        let q = Period::quarter_containing(Date::constant(2026, 12, 1));
        assert_eq!(q.from(), Date::constant(2026, 10, 1));
        assert_eq!(q.to(), Date::constant(2026, 12, 31));
    }

    #[test]
    fn financial_years_run_from_april() {
        for (day, from, to) in [
            (Date::constant(2026, 4, 1), 2026, 2027),
            (Date::constant(2026, 12, 31), 2026, 2027),
            (Date::constant(2027, 3, 31), 2026, 2027),
            (Date::constant(2027, 1, 1), 2026, 2027),
            (Date::constant(2026, 3, 31), 2025, 2026),
        ] {
            let year = Period::financial_year_containing(day);
            assert_eq!(year.from(), Date::constant(from, 4, 1), "{day}");
            assert_eq!(year.to(), Date::constant(to, 3, 31), "{day}");
        }
    }

    #[test]
    fn periods_run_forwards() {
        let a = Date::constant(2026, 4, 1);
        let b = Date::constant(2026, 3, 31);
        assert_eq!(
            Period::new(a, b),
            Err(ReportError::BackwardsPeriod { from: a, to: b })
        );
        assert!(Period::new(a, a).unwrap().contains(a));
    }
}
