//! Budgets and how spending compares with them, for any period: by
//! category, by person (and the general fund), and each fund by category.
//! Officers set a budget for a fund and category over a period, usually
//! the financial year; a shorter period counts each budget for its share of
//! the days. A supported person and their representative see only their
//! own fund's rows.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::policy::Action;
use cylch_ledger::report::{Budget, BudgetRow, Period};
use cylch_ledger::{Category, FundId, Pence, PersonId};
use cylch_store::CoopScope;
use cylch_store::ledger::LedgerError;
use serde::Deserialize;

use super::{FundQuery, allowed, money};
use crate::AppState;
use crate::areas::ledger::commands::{self, Refused};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::{AppError, ErrorKind};
use crate::common::fields::parse_date;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Explain;
use crate::common::viewer::Viewer;

/// Budget, spending and what is left, in words a reader can act on.
pub struct CompareRow {
    pub name: String,
    /// The category, in the table of each fund by category.
    pub category: String,
    pub budget: String,
    pub actual: String,
    pub remaining: String,
    pub overspent: bool,
}

pub struct SetRow {
    pub fund: String,
    pub category: String,
    pub period: String,
    pub amount: String,
}

/// What was typed into the budget form, kept when it comes back.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct BudgetForm {
    budget_fund: String,
    budget_category: String,
    budget_from: String,
    budget_to: String,
    budget_amount: String,
}

#[derive(Template)]
#[template(path = "ledger/budget.html")]
struct BudgetPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    from: String,
    to: String,
    period: String,
    by_category: Vec<CompareRow>,
    by_fund: Vec<CompareRow>,
    detail: Vec<CompareRow>,
    can_set: bool,
    budgets: Vec<SetRow>,
    funds: Vec<(String, String)>,
    categories: Vec<(String, String)>,
    typed: BudgetForm,
}

fn day(date: jiff::civil::Date) -> String {
    date.strftime("%d/%m/%Y").to_string()
}

/// Adds rows up under a name: the budget, the spending and what is left.
fn total(
    name: String,
    category: String,
    rows: &[&BudgetRow],
    overspent: &dyn Fn(Pence) -> String,
) -> Result<CompareRow, AppError> {
    let budget = Pence::sum(rows.iter().map(|r| r.budget)).map_err(AppError::from)?;
    let actual = Pence::sum(rows.iter().map(|r| r.actual)).map_err(AppError::from)?;
    let remaining = budget.checked_sub(actual).map_err(AppError::from)?;
    let over = remaining.is_negative();
    Ok(CompareRow {
        name,
        category,
        budget: money(budget),
        actual: money(actual),
        remaining: if over {
            overspent(remaining.checked_neg().map_err(AppError::from)?)
        } else {
            money(remaining)
        },
        overspent: over,
    })
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    period: Period,
    errors: Problems,
    typed: BudgetForm,
) -> Result<BudgetPage, AppError> {
    let language = viewer.language;
    let t = |id: &str| state.i18n.text(language, id);
    let everyone = allowed(viewer, scope, Action::ViewAllFunds);
    let people = crate::common::whose::funds(state, scope).await?;
    let fund_name = |fund: &FundId| match fund {
        FundId::General => Some(t("ledger-fund-general")),
        FundId::Person(person) => people
            .iter()
            .find(|(p, _)| p == person)
            .map(|(_, name)| name.clone()),
    };
    let visible = |fund: &FundId| match fund {
        FundId::General => everyone,
        FundId::Person(person) => people.iter().any(|(p, _)| p == person),
    };
    let rows: Vec<BudgetRow> = match state.store.budget_vs_actual(scope, period).await {
        Ok(rows) => rows.into_iter().filter(|r| visible(&r.fund)).collect(),
        Err(LedgerError::Store(err)) => return Err(err.into()),
        Err(err) => return Err(err.into()),
    };
    // Said in words, not only by colour: "£12.00 over budget".
    let overspent = |by: Pence| {
        state
            .i18n
            .with_arg(language, "ledger-budget-overspent", "amount", &money(by))
    };
    let category_name = |c: Category| t(&format!("ledger-category-{}", c.code()));
    let mut by_category = Vec::new();
    for category in Category::ALL {
        let these: Vec<&BudgetRow> = rows.iter().filter(|r| r.category == category).collect();
        if !these.is_empty() {
            by_category.push(total(
                category_name(category),
                String::new(),
                &these,
                &overspent,
            )?);
        }
    }
    let mut by_fund = Vec::new();
    let mut funds_seen: Vec<&FundId> = rows.iter().map(|r| &r.fund).collect();
    funds_seen.dedup();
    for fund in funds_seen {
        let these: Vec<&BudgetRow> = rows.iter().filter(|r| &r.fund == fund).collect();
        let name = fund_name(fund).unwrap_or_default();
        by_fund.push(total(name, String::new(), &these, &overspent)?);
    }
    let detail = rows
        .iter()
        .map(|r| {
            total(
                fund_name(&r.fund).unwrap_or_default(),
                category_name(r.category),
                &[r],
                &overspent,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    let can_set = allowed(viewer, scope, Action::RecordMoney);
    let budgets = if can_set {
        state
            .store
            .budgets(scope)
            .await?
            .into_iter()
            .map(|b| SetRow {
                fund: fund_name(&b.budget.fund).unwrap_or_default(),
                category: category_name(b.budget.category),
                period: format!(
                    "{} – {}",
                    day(b.budget.period.from()),
                    day(b.budget.period.to())
                ),
                amount: money(b.budget.amount),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut funds = vec![(String::from("general"), t("ledger-fund-general"))];
    funds.extend(
        people
            .iter()
            .map(|(id, name)| (id.as_str().to_owned(), name.clone())),
    );
    let mut chrome = Chrome::new(state, viewer, "ledger-budget-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let year = Period::financial_year_containing(state.clock().today_in_wales());
    let mut typed = typed;
    if typed.budget_from.is_empty() && typed.budget_to.is_empty() {
        typed.budget_from = year.from().to_string();
        typed.budget_to = year.to().to_string();
    }
    Ok(BudgetPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        from: period.from().to_string(),
        to: period.to().to_string(),
        period: format!("{} – {}", day(period.from()), day(period.to())),
        by_category,
        by_fund,
        detail,
        can_set,
        budgets,
        funds,
        categories: Category::ALL
            .iter()
            .map(|c| (c.code().to_owned(), category_name(*c)))
            .collect(),
        typed,
    })
}

/// The period asked for, or the financial year holding today.
fn period_of(query: &FundQuery, today: jiff::civil::Date) -> Result<Period, AppError> {
    let bad = |_| AppError::Kind(ErrorKind::BadRequest);
    if query.from.trim().is_empty() && query.to.trim().is_empty() {
        return Ok(Period::financial_year_containing(today));
    }
    Period::new(
        parse_date(&query.from).map_err(bad)?,
        parse_date(&query.to).map_err(bad)?,
    )
    .map_err(|_| AppError::Kind(ErrorKind::BadRequest))
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewOwnFund).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let period = period_of(&query, state.clock().today_in_wales())?;
    render(
        &page(
            &state,
            &viewer,
            &scope,
            period,
            Problems::default(),
            BudgetForm::default(),
        )
        .await?,
    )
}

/// Sets one budget; a budget already set for the same fund, category and
/// period is replaced.
pub async fn set(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<BudgetForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordMoney).await?;
    let mut errors = Problems::default();
    let fund = match form.budget_fund.trim() {
        "" => {
            errors.add("budget_fund", "ledger-budget-choose-fund");
            None
        }
        "general" => Some(FundId::General),
        other => match PersonId::new(other) {
            Ok(person) => Some(FundId::Person(person)),
            Err(_) => {
                errors.add("budget_fund", "ledger-budget-choose-fund");
                None
            }
        },
    };
    let category = Category::from_code(form.budget_category.trim());
    if category.is_none() {
        errors.add("budget_category", "ledger-budget-choose-category");
    }
    let mut date = |field: &'static str, raw: &str, missing: &'static str| {
        if raw.trim().is_empty() {
            errors.add(field, missing);
            return None;
        }
        errors.check(field, parse_date(raw))
    };
    let from = date("budget_from", &form.budget_from, "ledger-budget-enter-from");
    let to = date("budget_to", &form.budget_to, "ledger-budget-enter-to");
    let amount = if form.budget_amount.trim().is_empty() {
        errors.add("budget_amount", "ledger-budget-enter-amount");
        None
    } else {
        match Pence::parse(&form.budget_amount) {
            Ok(amount) if amount.is_negative() => {
                errors.add("budget_amount", "ledger-budget-negative");
                None
            }
            Ok(amount) => crate::common::fields::within_bound(amount)
                .map_err(|code| errors.add("budget_amount", code))
                .ok(),
            Err(err) => {
                errors.add("budget_amount", err.code());
                None
            }
        }
    };
    let period = match (from, to) {
        (Some(from), Some(to)) => match Period::new(from, to) {
            Ok(period) => Some(period),
            Err(_) => {
                errors.add("budget_to", "ledger-budget-backwards");
                None
            }
        },
        _ => None,
    };
    let shown = Period::financial_year_containing(state.clock().today_in_wales());
    let (Some(fund), Some(category), Some(period), Some(amount)) = (fund, category, period, amount)
    else {
        return render_invalid(&page(&state, &viewer, &scope, shown, errors, form).await?);
    };
    let budget = Budget {
        fund,
        category,
        period,
        amount,
    };
    match commands::set_budget(&state, &scope, &budget).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/coops/{}/ledger/budget?from={}&to={}",
            scope.coop_id(),
            period.from(),
            period.to()
        ))
        .into_response()),
        Err(err) => {
            let field = match err {
                Refused::Ledger(LedgerError::UnknownPerson(_)) => "budget_fund",
                _ => "budget_amount",
            };
            let refusal = err.explain(&state, viewer.language)?;
            errors.add(field, refusal.code);
            render_invalid(&page(&state, &viewer, &scope, shown, errors, form).await?)
        }
    }
}
