//! The pay pages for the officers with the employer's duties: the runs
//! with the form that runs a period, and one run with its payslips, its
//! approval and, once approved, what it owes the PAs, HMRC and the pension
//! scheme with the forms that record each payment.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::policy::Action;
use cylch_payroll::{Frequency, TaxYear};
use cylch_store::CoopScope;
use cylch_store::payroll::{PayRun, RunPayment, RunState, frequency_code};

use crate::AppState;
use crate::areas::employment::statement::{pounds, shown_date};
use crate::areas::payroll::commands::{self, PaymentFields, Refused, StartFields};
use crate::areas::timesheets::pages::hours;
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Refusal;
use crate::common::viewer::Viewer;

fn run_link(coop: &str, run: &PayRun) -> String {
    format!("/coops/{coop}/payroll/runs/{}", run.id)
}

fn period_words(run: &PayRun) -> String {
    format!(
        "{} – {}",
        shown_date(&run.first.to_string()),
        shown_date(&run.last.to_string())
    )
}

fn sum(run: &PayRun, figure: impl Fn(&cylch_store::payroll::StoredPayslip) -> i64) -> i64 {
    run.payslips
        .iter()
        .map(figure)
        .fold(0_i64, i64::saturating_add)
}

// ---- The runs ------------------------------------------------------------------

pub struct RunRow {
    pub link: String,
    pub period: String,
    pub frequency: String,
    pub pay_date: String,
    pub state_code: &'static str,
    pub state: String,
    pub payslips: usize,
    pub gross: String,
    pub net: String,
}

#[derive(Template)]
#[template(path = "payroll/runs.html")]
struct RunsPage {
    chrome: Chrome,
    coop_id: String,
    runs: Vec<RunRow>,
    typed: StartFields,
    frequencies: Vec<(String, String)>,
    years: Vec<String>,
    errors: Problems,
}

async fn runs_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    typed: StartFields,
    errors: Problems,
) -> Result<Response, AppError> {
    let mut chrome = Chrome::new(state, viewer, "payroll-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let coop = scope.coop_id().as_str().to_owned();
    let runs = state
        .store
        .pay_runs(scope)
        .await
        .map_err(commands::read_failed)?;
    let rows = runs
        .iter()
        .map(|run| RunRow {
            link: run_link(&coop, run),
            period: period_words(run),
            frequency: chrome.t(&format!(
                "payroll-frequency-{}",
                frequency_code(run.frequency)
            )),
            pay_date: shown_date(&run.pay_date.to_string()),
            state_code: run.state.code(),
            state: chrome.t(&format!("payroll-state-{}", run.state.code())),
            payslips: run.payslips.len(),
            gross: pounds(sum(run, |p| p.gross)),
            net: pounds(sum(run, |p| p.net_pay)),
        })
        .collect();
    let frequencies = [
        Frequency::Weekly,
        Frequency::TwoWeekly,
        Frequency::FourWeekly,
        Frequency::Monthly,
    ]
    .into_iter()
    .map(|f| {
        let code = frequency_code(f);
        (
            code.to_owned(),
            chrome.t(&format!("payroll-frequency-{code}")),
        )
    })
    .collect();
    let page = RunsPage {
        chrome,
        coop_id: coop,
        runs: rows,
        typed,
        frequencies,
        years: TaxYear::ALL
            .iter()
            .map(|y| y.data().name.to_owned())
            .collect(),
        errors,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn runs(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RunPayroll).await?;
    let typed = commands::suggested(commands::today(&state)).unwrap_or_default();
    runs_page(&state, &viewer, &scope, typed, Problems::default()).await
}

pub async fn start(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<StartFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RunPayroll).await?;
    match commands::start_run(&state, &scope, &form, viewer.language).await {
        Ok(run) => Ok(Redirect::to(&run_link(&id, &run)).into_response()),
        Err(Refused::Fields(errors)) => runs_page(&state, &viewer, &scope, form, errors).await,
        Err(Refused::Rule(refusal)) => {
            let mut errors = Problems::default();
            errors.add(refusal.field.unwrap_or("period"), refusal.code);
            runs_page(&state, &viewer, &scope, form, errors).await
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

// ---- One run -------------------------------------------------------------------

pub struct SlipRow {
    pub link: String,
    pub pa: String,
    pub hours: String,
    pub gross: String,
    pub tax: String,
    pub employee_ni: String,
    pub employee_pension: String,
    pub net: String,
    pub employer_ni: String,
    pub employer_pension: String,
}

pub struct PaymentRow {
    pub payee: &'static str,
    /// The date typed for this payee came back with a problem.
    pub invalid: bool,
    /// The date field's id: `date` when it has the problem, so that the
    /// error summary's link finds it.
    pub field_id: String,
    pub name: String,
    pub amount: String,
    pub paid: Option<String>,
}

#[derive(Template)]
#[template(path = "payroll/run.html")]
struct RunPage {
    chrome: Chrome,
    coop_id: String,
    run_id: String,
    heading: String,
    period: String,
    pay_date: String,
    state_code: &'static str,
    state: String,
    draft: bool,
    rows: Vec<SlipRow>,
    totals: SlipRow,
    payments: Vec<PaymentRow>,
    /// PAs with approved time not paid because the council has not yet
    /// authorised paying them (rule 10).
    held_back: Vec<String>,
    today: String,
    errors: Problems,
    typed: PaymentFields,
}

async fn run_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    run: &str,
    typed: PaymentFields,
    errors: Problems,
) -> Result<Response, AppError> {
    let mut chrome = Chrome::new(state, viewer, "payroll-run-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let coop = scope.coop_id().as_str().to_owned();
    let id = commands::run_id(run)?;
    let run = state
        .store
        .pay_run(scope, &id)
        .await
        .map_err(commands::read_failed)?;
    let payments = state
        .store
        .pay_run_payments(scope, &id)
        .await
        .map_err(commands::read_failed)?;
    let held_back = state
        .store
        .pay_run_held_back(scope, &id)
        .await
        .map_err(commands::read_failed)?;
    let row = |p: &cylch_store::payroll::StoredPayslip| SlipRow {
        link: format!("/coops/{coop}/payslips/{}", p.id),
        pa: p.pa_name.clone(),
        hours: hours(p.minutes_paid),
        gross: pounds(p.gross),
        tax: pounds(p.tax),
        employee_ni: pounds(p.employee_ni),
        employee_pension: pounds(p.employee_pension),
        net: pounds(p.net_pay),
        employer_ni: pounds(p.employer_ni - p.employment_allowance_used),
        employer_pension: pounds(p.employer_pension),
    };
    let totals = SlipRow {
        link: String::new(),
        pa: chrome.t("payroll-total"),
        hours: hours(sum(&run, |p| p.minutes_paid)),
        gross: pounds(sum(&run, |p| p.gross)),
        tax: pounds(sum(&run, |p| p.tax)),
        employee_ni: pounds(sum(&run, |p| p.employee_ni)),
        employee_pension: pounds(sum(&run, |p| p.employee_pension)),
        net: pounds(sum(&run, |p| p.net_pay)),
        employer_ni: pounds(sum(&run, |p| p.employer_ni - p.employment_allowance_used)),
        employer_pension: pounds(sum(&run, |p| p.employer_pension)),
    };
    let payments = payments
        .iter()
        .map(|p: &RunPayment| PaymentRow {
            payee: p.payee.code(),
            invalid: typed.payee == p.payee.code() && errors.get("date").is_some(),
            field_id: if typed.payee == p.payee.code() && errors.get("date").is_some() {
                "date".to_owned()
            } else {
                format!("date-{}", p.payee.code())
            },
            name: chrome.t(&format!("payroll-payee-{}", p.payee.code())),
            amount: pounds(p.amount),
            paid: p
                .paid
                .as_ref()
                .map(|(_, date)| shown_date(&date.to_string())),
        })
        .collect();
    let heading = chrome.t1(
        "payroll-run-heading",
        "period",
        &format!(
            "{} {} {}",
            run.tax_year.data().name,
            chrome.t(&format!(
                "payroll-frequency-{}",
                frequency_code(run.frequency)
            )),
            run.period
        ),
    );
    let page = RunPage {
        run_id: run.id.to_string(),
        heading,
        period: period_words(&run),
        pay_date: shown_date(&run.pay_date.to_string()),
        state_code: run.state.code(),
        state: chrome.t(&format!("payroll-state-{}", run.state.code())),
        draft: run.state == RunState::Draft,
        rows: run.payslips.iter().map(row).collect(),
        totals,
        payments,
        held_back,
        today: commands::today(state).to_string(),
        chrome,
        coop_id: coop,
        errors,
        typed,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn run(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, run)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RunPayroll).await?;
    run_page(
        &state,
        &viewer,
        &scope,
        &run,
        PaymentFields::default(),
        Problems::default(),
    )
    .await
}

pub async fn approve(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, run)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RunPayroll).await?;
    let run_id = commands::run_id(&run)?;
    let back = format!("/coops/{id}/payroll/runs/{run}");
    match commands::approve_run(&state, &scope, &run_id, viewer.language).await {
        Ok(_) => Ok(Redirect::to(&format!("{back}#payments")).into_response()),
        Err(Refused::Rule(refusal)) => refusal.to_page(&state, &viewer, &back),
        Err(Refused::Fields(errors)) => {
            run_page(
                &state,
                &viewer,
                &scope,
                &run,
                PaymentFields::default(),
                errors,
            )
            .await
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub async fn pay(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, run)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<PaymentFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RunPayroll).await?;
    let run_id = commands::run_id(&run)?;
    let back = format!("/coops/{id}/payroll/runs/{run}");
    match commands::record_payment(&state, &scope, &run_id, &form, viewer.language).await {
        Ok(_) => Ok(Redirect::to(&format!("{back}#payments")).into_response()),
        // The payee is the form's own hidden field, not something typed:
        // without a known one there is no form to show the problem on.
        Err(Refused::Fields(errors)) if errors.get("payee").is_some() => Refusal::rule(
            &state,
            viewer.language,
            "payroll-bad-payee",
            "payroll-bad-payee",
        )
        .to_page(&state, &viewer, &back),
        Err(Refused::Fields(errors)) => run_page(&state, &viewer, &scope, &run, form, errors).await,
        Err(Refused::Rule(refusal)) => refusal.to_page(&state, &viewer, &back),
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/payroll", runs),
        route("POST", "/coops/{id}/payroll/runs", start),
        route("GET", "/coops/{id}/payroll/runs/{run}", run),
        route("POST", "/coops/{id}/payroll/runs/{run}/approve", approve),
        route("POST", "/coops/{id}/payroll/runs/{run}/payments", pay),
    ]
}
