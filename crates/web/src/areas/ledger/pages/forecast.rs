//! A person's fund over the coming year: the balance month by month from
//! the Direct Payments expected and the spending planned, drawn as a chart
//! with the same numbers in a table (the chart is an image to a screen
//! reader; the table and the warning carry the meaning), and a warning
//! when the fund would run short.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::FieldError;
use cylch_domain::policy::Action;
use cylch_ledger::report::forecast::{ForecastMonth, PlannedSpend};
use cylch_ledger::{Category, FundId, Pence, PersonId, Schedule};
use cylch_store::CoopScope;
use cylch_store::ledger::{LedgerError, frequency_code, parse_frequency};
use serde::Deserialize;

use super::{FundQuery, allowed, chosen_fund, money, parse_money, parse_person, required};
use crate::AppState;
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::{AppError, ErrorKind};
use crate::common::fields::parse_date;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

/// How far ahead the forecast looks.
const MONTHS: u16 = 12;

pub struct MonthRow {
    pub month: String,
    pub opening: String,
    pub receipts: String,
    pub spending: String,
    pub closing: String,
    pub short: bool,
}

/// One bar of the chart, in the SVG's own units.
pub struct Bar {
    pub x: i64,
    pub y: i64,
    pub height: i64,
    pub label_x: i64,
    pub label: String,
    pub short: bool,
}

pub struct PlanRow {
    pub description: String,
    pub category: String,
    pub amount: String,
    pub frequency: String,
    pub starts: String,
}

const CHART_WIDTH: i64 = 640;
const CHART_HEIGHT: i64 = 240;
const LEFT: i64 = 16;
const TOP: i64 = 16;
const PLOT_HEIGHT: i64 = 180;

/// Bars for each month's closing balance, scaled so the largest balance
/// (above or below nil) fills the plot, with nil where it falls.
fn bars(months: &[ForecastMonth]) -> (Vec<Bar>, i64) {
    let highest = months
        .iter()
        .map(|m| m.closing.get().max(0))
        .max()
        .unwrap_or(0);
    let lowest = months
        .iter()
        .map(|m| m.closing.get().min(0))
        .min()
        .unwrap_or(0);
    let span = highest.saturating_sub(lowest).max(1);
    let scale = |pence: i64| -> i64 {
        i64::try_from(i128::from(pence).saturating_mul(i128::from(PLOT_HEIGHT)) / i128::from(span))
            .unwrap_or(0)
    };
    let zero = TOP.saturating_add(scale(highest));
    let count = i64::try_from(months.len()).unwrap_or(1).max(1);
    let step = CHART_WIDTH.saturating_sub(LEFT.saturating_mul(2)) / count;
    let width = step.saturating_mul(2) / 3;
    let bars = months
        .iter()
        .zip(0i64..)
        .map(|(m, i)| {
            let value = m.closing.get();
            let height = scale(value).abs();
            let x = LEFT.saturating_add(step.saturating_mul(i));
            Bar {
                x,
                y: if value >= 0 {
                    zero.saturating_sub(height)
                } else {
                    zero
                },
                height: height.max(1),
                label_x: x.saturating_add(width / 2),
                label: m.month.strftime("%m/%y").to_string(),
                short: value < 0,
            }
        })
        .collect();
    (bars, zero)
}

#[derive(Template)]
#[template(path = "ledger/forecast.html")]
struct ForecastPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    people: Vec<(String, String)>,
    person: String,
    name: String,
    rows: Vec<MonthRow>,
    bars: Vec<Bar>,
    zero: i64,
    bar_width: i64,
    chart_width: i64,
    chart_height: i64,
    label_y: i64,
    /// Said when the fund would run short, naming the month.
    warning: String,
    plans: Vec<PlanRow>,
    can_record: bool,
    categories: Vec<(String, String)>,
    frequencies: Vec<(String, String)>,
    typed: PlanTyped,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PlanTyped {
    plan_person: String,
    plan_description: String,
    plan_category: String,
    plan_amount: String,
    plan_frequency: String,
    plan_starts_on: String,
}

async fn forecast_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    raw_person: &str,
    errors: Problems,
    typed: PlanTyped,
) -> Result<ForecastPage, AppError> {
    let language = viewer.language;
    let t = |id: &str| state.i18n.text(language, id);
    let (people, chosen) = chosen_fund(state, scope, raw_person).await?;
    let mut rows = Vec::new();
    let mut drawn = (Vec::new(), 0);
    let mut warning = String::new();
    let mut plans = Vec::new();
    let (person, name) = match &chosen {
        Some((p, n)) => (p.as_str().to_owned(), n.clone()),
        None => (String::new(), String::new()),
    };
    if let Some((person_id, _)) = &chosen {
        let forecast = match state
            .store
            .fund_forecast(scope, person_id, state.clock().today_in_wales(), MONTHS)
            .await
        {
            Ok(f) => f,
            Err(LedgerError::Store(err)) => return Err(err.into()),
            Err(err) => return Err(err.into()),
        };
        if let Some(month) = forecast.first_shortfall {
            warning = state.i18n.with_arg(
                language,
                "ledger-forecast-short",
                "month",
                &month.strftime("%m/%Y").to_string(),
            );
        }
        rows = forecast
            .months
            .iter()
            .map(|m| MonthRow {
                month: m.month.strftime("%m/%Y").to_string(),
                opening: money(m.opening),
                receipts: money(m.receipts),
                spending: money(m.spending),
                closing: money(m.closing),
                short: m.closing < Pence::ZERO,
            })
            .collect();
        drawn = bars(&forecast.months);
        let fund = FundId::Person(person_id.clone());
        plans = state
            .store
            .planned_spending(scope)
            .await?
            .into_iter()
            .filter(|p| p.fund == fund)
            .map(|p| PlanRow {
                description: p.description,
                category: t(&format!("ledger-category-{}", p.category.code())),
                amount: money(p.schedule.amount),
                frequency: t(&format!(
                    "ledger-frequency-{}",
                    frequency_code(p.schedule.frequency)
                )),
                starts: p.schedule.start.strftime("%d/%m/%Y").to_string(),
            })
            .collect();
    }
    let (bars, zero) = drawn;
    let mut chrome = Chrome::new(state, viewer, "ledger-forecast-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let count = i64::try_from(rows.len()).unwrap_or(1).max(1);
    let mut typed = typed;
    if typed.plan_person.is_empty() {
        typed.plan_person.clone_from(&person);
    }
    Ok(ForecastPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        people: people
            .into_iter()
            .map(|(id, name)| (id.as_str().to_owned(), name))
            .collect(),
        person,
        name,
        rows,
        bars,
        zero,
        bar_width: (CHART_WIDTH.saturating_sub(LEFT.saturating_mul(2)) / count).saturating_mul(2)
            / 3,
        chart_width: CHART_WIDTH,
        chart_height: CHART_HEIGHT,
        label_y: TOP.saturating_add(PLOT_HEIGHT).saturating_add(30),
        warning,
        plans,
        can_record: allowed(viewer, scope, Action::RecordMoney),
        categories: Category::ALL
            .iter()
            .map(|c| {
                (
                    c.code().to_owned(),
                    t(&format!("ledger-category-{}", c.code())),
                )
            })
            .collect(),
        frequencies: ["weekly", "four_weekly", "monthly"]
            .iter()
            .map(|f| ((*f).to_owned(), t(&format!("ledger-frequency-{f}"))))
            .collect(),
        typed,
    })
}

/// `GET /coops/{id}/ledger/forecast?person=`
pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewOwnFund).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    render(
        &forecast_page(
            &state,
            &viewer,
            &scope,
            &query.person,
            Problems::default(),
            PlanTyped::default(),
        )
        .await?,
    )
}

/// `POST /coops/{id}/ledger/plans`: spending planned from a person's fund.
pub async fn add_plan(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<PlanTyped>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordMoney).await?;
    let mut errors = Problems::default();
    let person: Option<PersonId> = parse_person(&mut errors, "plan_person", &form.plan_person);
    let description = required(&mut errors, "plan_description", &form.plan_description);
    let category = errors.check(
        "plan_category",
        Category::from_code(form.plan_category.trim()).ok_or(FieldError::UnknownChoice),
    );
    let amount = parse_money(&mut errors, "plan_amount", &form.plan_amount);
    let frequency = errors.check(
        "plan_frequency",
        parse_frequency(form.plan_frequency.trim()).ok_or(FieldError::UnknownChoice),
    );
    let start = errors.check("plan_starts_on", parse_date(&form.plan_starts_on));
    let (
        Some(person),
        Some(description),
        Some(category),
        Some(amount),
        Some(frequency),
        Some(start),
    ) = (person, description, category, amount, frequency, start)
    else {
        return render_invalid(&forecast_page(&state, &viewer, &scope, "", errors, form).await?);
    };
    let plan = PlannedSpend {
        fund: FundId::Person(person.clone()),
        description,
        category,
        schedule: Schedule {
            amount,
            frequency,
            start,
            end: None,
        },
    };
    match state.store.add_planned_spend(&scope, &plan).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/coops/{}/ledger/forecast?person={}",
            scope.coop_id(),
            crate::common::page::encode_query(person.as_str())
        ))
        .into_response()),
        Err(LedgerError::Store(err)) => Err(err.into()),
        Err(err) => {
            errors.add("plan_person", err.code());
            render_invalid(&forecast_page(&state, &viewer, &scope, "", errors, form).await?)
        }
    }
}
