//! Reports from what is stored, worked out by the ledger crate: loading is
//! this module's only job, so two reports over the same books agree.

use cylch_ledger::report::accounts::{AnnualAccounts, FundColumns};
use cylch_ledger::report::{
    self, Forecast, LaReturn, Period, PersonStatement, SurplusRule, TrialBalance,
};
use cylch_ledger::{Chart, FundId, Pence, PersonId};
use jiff::civil::Date;
use serde::Serialize;

use super::arrangements::{arrangement_for, load_arrangements};
use super::entries::{load_entries, posted};
use super::plans::load_plans;
use super::{LedgerError, check_people, settings_in};
use crate::{CoopScope, Store};

/// The co-operative's totals for a period, as every member may see them:
/// no one person's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoopTotals {
    pub period: Period,
    pub income: FundColumns,
    pub spending: FundColumns,
    /// What the co-operative holds at the end of the period, all funds
    /// together.
    pub net_assets: Pence,
}

impl Store {
    /// A person's statement: opening balance, what came in, what was spent
    /// by category (shares of shared costs shown as such), closing balance.
    pub async fn person_statement(
        &self,
        scope: &CoopScope,
        person: &PersonId,
        period: Period,
    ) -> Result<PersonStatement, LedgerError> {
        let mut tx = self.pool().begin().await?;
        check_people(&mut tx, scope, [person]).await?;
        let entries = load_entries(&mut tx, scope).await?;
        tx.commit().await?;
        Ok(report::person_statement(
            &posted(&entries),
            &Chart::standard(),
            person,
            period,
        )?)
    }

    /// The council's monitoring return for a person and period, with the
    /// surplus above the co-operative's threshold flagged.
    pub async fn la_return(
        &self,
        scope: &CoopScope,
        person: &PersonId,
        period: Period,
    ) -> Result<LaReturn, LedgerError> {
        let mut tx = self.pool().begin().await?;
        check_people(&mut tx, scope, [person]).await?;
        let arrangements = load_arrangements(&mut tx, scope).await?;
        let settings = settings_in(&mut tx, scope).await?;
        let entries = load_entries(&mut tx, scope).await?;
        tx.commit().await?;
        let arrangement = arrangement_for(&arrangements, person, period.to())
            .ok_or(LedgerError::NoArrangement(period.to()))?;
        Ok(report::la_return(
            &posted(&entries),
            &Chart::standard(),
            &arrangement.arrangement,
            period,
            SurplusRule {
                weeks: settings.surplus_weeks,
            },
        )?)
    }

    /// The trial balance on `as_at`, for one fund or for all.
    pub async fn trial_balance(
        &self,
        scope: &CoopScope,
        as_at: Date,
        fund: Option<&FundId>,
    ) -> Result<TrialBalance, LedgerError> {
        let mut tx = self.pool().begin().await?;
        if let Some(person) = fund.and_then(FundId::person) {
            check_people(&mut tx, scope, [person]).await?;
        }
        let entries = load_entries(&mut tx, scope).await?;
        tx.commit().await?;
        Ok(report::trial_balance(
            &posted(&entries),
            &Chart::standard(),
            as_at,
            fund,
        )?)
    }

    /// The co-operative's accounts for a period (usually its financial
    /// year): income and spending by account, restricted and unrestricted,
    /// each fund's movement and the balance sheet at the period's end.
    pub async fn annual_accounts(
        &self,
        scope: &CoopScope,
        period: Period,
    ) -> Result<AnnualAccounts, LedgerError> {
        let entries = self.ledger_entries(scope).await?;
        Ok(report::annual_accounts(
            &posted(&entries),
            &Chart::standard(),
            period,
        )?)
    }

    /// The co-operative's income, spending and what it holds, all funds
    /// together.
    pub async fn coop_totals(
        &self,
        scope: &CoopScope,
        period: Period,
    ) -> Result<CoopTotals, LedgerError> {
        let entries = self.ledger_entries(scope).await?;
        let accounts = report::annual_accounts(&posted(&entries), &Chart::standard(), period)?;
        Ok(CoopTotals {
            period,
            income: accounts.total_income,
            spending: accounts.total_spending,
            net_assets: accounts.net_assets,
        })
    }

    /// A person's fund over the coming `months` from the month holding
    /// `start`: their expected receipts against the spending planned from
    /// it, warning when it would fall below nil.
    pub async fn fund_forecast(
        &self,
        scope: &CoopScope,
        person: &PersonId,
        start: Date,
        months: u16,
    ) -> Result<Forecast, LedgerError> {
        let mut tx = self.pool().begin().await?;
        check_people(&mut tx, scope, [person]).await?;
        let arrangements = load_arrangements(&mut tx, scope).await?;
        let entries = load_entries(&mut tx, scope).await?;
        let plans = load_plans(&mut tx, scope).await?;
        tx.commit().await?;
        let fund = FundId::Person(person.clone());
        let from = start.first_of_month();
        let opening = report::fund_balance(&posted(&entries), &Chart::standard(), &fund, from)?;
        let until = from
            .checked_add(jiff::Span::new().months(i64::from(months)))
            .map_err(|_| cylch_ledger::schedule::ScheduleError::DateOutOfRange)?;
        let mut receipts = Vec::new();
        for stored in arrangements
            .iter()
            .filter(|a| &a.arrangement.person == person)
        {
            receipts.extend(stored.arrangement.expected_receipts(from, until)?);
        }
        Ok(report::forecast(
            &fund,
            opening,
            from,
            months,
            &receipts,
            &plans,
            Pence::ZERO,
        )?)
    }
}
