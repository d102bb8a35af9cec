//! The books as an accountant and a general meeting read them: the trial
//! balance on any day (officers), and the co-operative's accounts for a
//! financial year — income and spending by account, restricted (the Direct
//! Payments) apart from unrestricted, each fund's movement, and the balance
//! sheet. Members who are not officers see the year's totals only, with no
//! one person's figures.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_ledger::report::Period;
use cylch_ledger::report::accounts::{AnnualAccounts, FundColumns};
use cylch_ledger::{AccountCode, FundId, Pence};
use cylch_store::ledger::LedgerError;
use jiff::civil::Date;
use serde::Deserialize;

use super::{allowed, money};
use crate::AppState;
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::{AppError, ErrorKind};
use crate::common::fields::parse_date;
use crate::common::page::{ViewerExt, render};

/// How many financial years back the accounts page offers.
const YEARS_OFFERED: i16 = 6;

fn store_error(err: LedgerError) -> AppError {
    match err {
        LedgerError::Store(err) => err.into(),
        other => other.into(),
    }
}

fn account_name(state: &AppState, language: Language, account: &AccountCode) -> String {
    state
        .i18n
        .text(language, &format!("ledger-account-{}", account.as_str()))
}

fn day(date: Date) -> String {
    date.strftime("%d/%m/%Y").to_string()
}

pub struct TrialRow {
    pub code: String,
    pub name: String,
    pub debit: String,
    pub credit: String,
}

#[derive(Template)]
#[template(path = "ledger/trial_balance.html")]
struct TrialBalancePage {
    chrome: Chrome,
    coop_id: String,
    as_at: String,
    as_at_day: String,
    rows: Vec<TrialRow>,
    total_debit: String,
    total_credit: String,
    balances: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TrialQuery {
    as_at: String,
}

pub async fn trial_balance(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    query: Result<Query<TrialQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewAllFunds).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let as_at = if query.as_at.trim().is_empty() {
        state.clock().today_in_wales()
    } else {
        parse_date(&query.as_at).map_err(|_| AppError::Kind(ErrorKind::BadRequest))?
    };
    let tb = state
        .store
        .trial_balance(&scope, as_at, None)
        .await
        .map_err(store_error)?;
    let language = viewer.language;
    let rows = tb
        .rows
        .iter()
        .map(|row| TrialRow {
            code: row.account.as_str().to_owned(),
            name: account_name(&state, language, &row.account),
            debit: if row.debit.is_zero() {
                String::new()
            } else {
                money(row.debit)
            },
            credit: if row.credit.is_zero() {
                String::new()
            } else {
                money(row.credit)
            },
        })
        .collect();
    render(&TrialBalancePage {
        chrome: Chrome::new(&state, &viewer, "ledger-trial-title"),
        coop_id: scope.coop_id().to_string(),
        as_at: as_at.to_string(),
        as_at_day: day(as_at),
        rows,
        total_debit: money(tb.total_debit),
        total_credit: money(tb.total_credit),
        balances: tb.balances(),
    })
}

/// A line of the statement of financial activities: an account with its
/// restricted, unrestricted and total figures.
pub struct ColumnsRow {
    pub name: String,
    pub restricted: String,
    pub unrestricted: String,
    pub total: String,
}

fn columns_row(name: String, c: &FundColumns) -> ColumnsRow {
    ColumnsRow {
        name,
        restricted: money(c.restricted),
        unrestricted: money(c.unrestricted),
        total: money(c.total),
    }
}

pub struct FundRow {
    pub name: String,
    pub opening: String,
    pub income: String,
    pub spending: String,
    pub transfers: String,
    pub closing: String,
}

pub struct SheetRow {
    pub name: String,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "ledger/accounts.html")]
struct AccountsPage {
    chrome: Chrome,
    coop_id: String,
    coop_name: String,
    /// The year's first day, as the year picker's value.
    year: String,
    years: Vec<(String, String)>,
    period: String,
    /// Officers see every account and fund; other members the totals.
    detail: bool,
    income: Vec<ColumnsRow>,
    total_income: ColumnsRow,
    spending: Vec<ColumnsRow>,
    total_spending: ColumnsRow,
    net_movement: ColumnsRow,
    funds: Vec<FundRow>,
    assets: Vec<SheetRow>,
    liabilities: Vec<SheetRow>,
    net_assets: String,
    restricted_funds: String,
    unrestricted_funds: String,
    total_funds: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct YearQuery {
    /// The first day of the financial year, 1 April.
    year: String,
}

/// "2026–27" for the year from 1 April 2026.
fn year_label(period: Period) -> String {
    format!(
        "{}–{:02}",
        period.from().year(),
        period.to().year().rem_euclid(100)
    )
}

fn year_of(query: &YearQuery, today: Date) -> Result<Period, AppError> {
    let bad = || AppError::Kind(ErrorKind::BadRequest);
    if query.year.trim().is_empty() {
        return Ok(Period::financial_year_containing(today));
    }
    let first = parse_date(&query.year).map_err(|_| bad())?;
    let year = Period::financial_year_containing(first);
    if year.from() != first {
        return Err(bad());
    }
    Ok(year)
}

fn movement(income: &FundColumns, spending: &FundColumns) -> Result<FundColumns, AppError> {
    let minus = |a: Pence, b: Pence| a.checked_sub(b).map_err(AppError::from);
    Ok(FundColumns {
        restricted: minus(income.restricted, spending.restricted)?,
        unrestricted: minus(income.unrestricted, spending.unrestricted)?,
        total: minus(income.total, spending.total)?,
    })
}

pub async fn accounts(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    query: Result<Query<YearQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewCoopTotals).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let today = state.clock().today_in_wales();
    let year = year_of(&query, today)?;
    let detail = allowed(&viewer, &scope, Action::ViewAllFunds);
    let a: AnnualAccounts = state
        .store
        .annual_accounts(&scope, year)
        .await
        .map_err(store_error)?;
    let language = viewer.language;
    let t = |id: &str| state.i18n.text(language, id);
    let named = |rows: &[cylch_ledger::report::accounts::AccountRow]| -> Vec<ColumnsRow> {
        rows.iter()
            .map(|r| columns_row(account_name(&state, language, &r.account), &r.amounts))
            .collect()
    };
    let sum = |funds: &mut dyn Iterator<Item = Pence>| Pence::sum(funds).map_err(AppError::from);
    let restricted = sum(&mut a
        .funds
        .iter()
        .filter(|f| f.fund.is_restricted())
        .map(|f| f.closing))?;
    let unrestricted = sum(&mut a
        .funds
        .iter()
        .filter(|f| !f.fund.is_restricted())
        .map(|f| f.closing))?;
    let total_funds = restricted
        .checked_add(unrestricted)
        .map_err(AppError::from)?;
    let funds = if detail {
        let people = crate::common::whose::funds(&state, &scope).await?;
        a.funds
            .iter()
            .map(|f| FundRow {
                name: match &f.fund {
                    FundId::General => t("ledger-fund-general"),
                    FundId::Person(person) => people
                        .iter()
                        .find(|(p, _)| p == person)
                        .map(|(_, name)| name.clone())
                        .unwrap_or_else(|| person.as_str().to_owned()),
                },
                opening: money(f.opening),
                income: money(f.income),
                spending: money(f.spending),
                transfers: money(f.transfers),
                closing: money(f.closing),
            })
            .collect()
    } else {
        Vec::new()
    };
    let sheet = |liability: bool| -> Result<Vec<SheetRow>, AppError> {
        a.balance_sheet
            .iter()
            .filter(|r| r.amount.is_negative() == liability)
            .map(|r| {
                let amount = if liability {
                    r.amount.checked_neg().map_err(AppError::from)?
                } else {
                    r.amount
                };
                Ok(SheetRow {
                    name: account_name(&state, language, &r.account),
                    amount: money(amount),
                })
            })
            .collect()
    };
    let first_year = Period::financial_year_containing(today).from().year();
    let years = (0..YEARS_OFFERED)
        .filter_map(|back| {
            let start = Date::new(first_year.checked_sub(back)?, 4, 1).ok()?;
            let period = Period::financial_year_containing(start);
            Some((start.to_string(), year_label(period)))
        })
        .collect();
    render(&AccountsPage {
        chrome: Chrome::new(&state, &viewer, "ledger-accounts-title"),
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        year: year.from().to_string(),
        years,
        period: format!("{} – {}", day(year.from()), day(year.to())),
        detail,
        income: if detail { named(&a.income) } else { Vec::new() },
        total_income: columns_row(t("ledger-accounts-total-income"), &a.total_income),
        spending: if detail {
            named(&a.spending)
        } else {
            Vec::new()
        },
        total_spending: columns_row(t("ledger-accounts-total-spending"), &a.total_spending),
        net_movement: columns_row(
            t("ledger-accounts-net"),
            &movement(&a.total_income, &a.total_spending)?,
        ),
        funds,
        assets: if detail { sheet(false)? } else { Vec::new() },
        liabilities: if detail { sheet(true)? } else { Vec::new() },
        net_assets: money(a.net_assets),
        restricted_funds: money(restricted),
        unrestricted_funds: money(unrestricted),
        total_funds: money(total_funds),
    })
}
