//! Pay runs through the API: start one, read them, approve one, and read
//! each PA's input to the payroll engine in the contract's JSON.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_store::PayRunId;
use cylch_store::payroll::{
    PayRun, PayRunError, RunPayment, StoredPayslip, frequency_code, paye_text,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::payroll::commands::{
    self, GenderFields, PaymentFields, ReferenceFields, StartFields,
};
use crate::common::api::{ApiErrorBody, Caller, answer_refused, rejected, scope};
use crate::common::error::AppError;
use crate::common::refusal::Explain;

/// One PA's payslip in a run. Money in pence.
#[derive(Serialize, ToSchema)]
pub struct PayslipBody {
    id: String,
    employment: String,
    pa_name: String,
    /// Minutes paid at an hourly rate.
    minutes_paid: i64,
    sleep_in_nights: i64,
    gross_pence: i64,
    taxable_pay_pence: i64,
    tax_pence: i64,
    employee_ni_pence: i64,
    employer_ni_pence: i64,
    employment_allowance_used_pence: i64,
    employee_pension_pence: i64,
    employer_pension_pence: i64,
    student_loan_pence: i64,
    net_pay_pence: i64,
    /// After this payslip, P45 pay and tax included.
    taxable_pay_to_date_pence: i64,
    tax_to_date_pence: i64,
    /// This employment's own figures to date this tax year.
    gross_to_date_pence: i64,
    employee_ni_to_date_pence: i64,
    employee_pension_to_date_pence: i64,
    /// `eligible_jobholder`, `non_eligible_jobholder`, `entitled_worker`
    /// or null.
    auto_enrolment: Option<String>,
    pension_enrolled: bool,
    /// How the tax code was chosen, and the engine's notes.
    notes: Vec<String>,
}

impl From<&StoredPayslip> for PayslipBody {
    fn from(p: &StoredPayslip) -> Self {
        PayslipBody {
            id: p.id.to_string(),
            employment: p.employment.to_string(),
            pa_name: p.pa_name.clone(),
            minutes_paid: p.minutes_paid,
            sleep_in_nights: p.sleep_in_nights,
            gross_pence: p.gross,
            taxable_pay_pence: p.taxable_pay,
            tax_pence: p.tax,
            employee_ni_pence: p.employee_ni,
            employer_ni_pence: p.employer_ni,
            employment_allowance_used_pence: p.employment_allowance_used,
            employee_pension_pence: p.employee_pension,
            employer_pension_pence: p.employer_pension,
            student_loan_pence: p.student_loan,
            net_pay_pence: p.net_pay,
            taxable_pay_to_date_pence: p.taxable_pay_to_date,
            tax_to_date_pence: p.tax_to_date,
            gross_to_date_pence: p.gross_to_date,
            employee_ni_to_date_pence: p.employee_ni_to_date,
            employee_pension_to_date_pence: p.employee_pension_to_date,
            auto_enrolment: p.auto_enrolment.clone(),
            pension_enrolled: p.pension_enrolled,
            notes: p.notes.clone(),
        }
    }
}

/// A pay run and its payslips.
#[derive(Serialize, ToSchema)]
pub struct PayRunBody {
    id: String,
    /// `weekly`, `two_weekly`, `four_weekly` or `monthly`
    frequency: String,
    /// `2025-26` or `2026-27`
    tax_year: String,
    /// Tax week or tax month.
    period: i64,
    period_first: String,
    period_last: String,
    pay_date: String,
    /// `draft` or `approved` (locked)
    state: String,
    created_by: String,
    approved_by: Option<String>,
    payslips: Vec<PayslipBody>,
}

impl From<&PayRun> for PayRunBody {
    fn from(r: &PayRun) -> Self {
        PayRunBody {
            id: r.id.to_string(),
            frequency: frequency_code(r.frequency).to_owned(),
            tax_year: r.tax_year.data().name.to_owned(),
            period: r.period,
            period_first: r.first.to_string(),
            period_last: r.last.to_string(),
            pay_date: r.pay_date.to_string(),
            state: r.state.code().to_owned(),
            created_by: r.created_by.to_string(),
            approved_by: r.approved_by.as_ref().map(ToString::to_string),
            payslips: r.payslips.iter().map(PayslipBody::from).collect(),
        }
    }
}

/// One PA's input to the payroll engine, as `cylch payroll calc` reads it
/// (`docs/payroll-contract.md`): `[.[].input]` of this route's answer is
/// the command's input for the whole run.
#[derive(Serialize, ToSchema)]
pub struct PayslipInputBody {
    employment: String,
    pa_name: String,
    #[schema(value_type = Object)]
    input: serde_json::Value,
}

/// The pay period to run.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default)]
pub struct StartBody {
    /// `weekly`, `two_weekly`, `four_weekly` or `monthly`
    frequency: String,
    /// `2025-26` or `2026-27`
    tax_year: String,
    /// Tax week (1–53; two-weekly even weeks, four-weekly multiples of 4)
    /// or tax month (1–12).
    period: Option<i64>,
    /// `YYYY-MM-DD`, within the tax year.
    pay_date: String,
}

fn refused(err: PayRunError, state: &AppState, language: Language) -> Result<Response, AppError> {
    Ok(err.explain(state, language)?.to_json())
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/payroll/runs", params(("id" = String, Path)),
    responses((status = 200, body = [PayRunBody]), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    match state.store.pay_runs(&scope).await {
        Ok(runs) => Ok(Json(runs.iter().map(PayRunBody::from).collect::<Vec<_>>()).into_response()),
        Err(err) => refused(err, &state, account.language),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/payroll/runs", params(("id" = String, Path)),
    request_body = StartBody,
    responses((status = 201, body = PayRunBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody, description = "the period has already been run"), (status = 422, body = ApiErrorBody)))]
pub async fn start(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<StartBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let Json(body) = body.map_err(rejected)?;
    let fields = StartFields {
        frequency: body.frequency,
        tax_year: body.tax_year,
        period: body.period.map(|p| p.to_string()).unwrap_or_default(),
        pay_date: body.pay_date,
    };
    match commands::start_run(&state, &scope, &fields, account.language).await {
        Ok(run) => Ok((StatusCode::CREATED, Json(PayRunBody::from(&run))).into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/payroll/runs/{run}",
    params(("id" = String, Path), ("run" = String, Path)),
    responses((status = 200, body = PayRunBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, run)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let run = PayRunId::parse(&run).ok_or(AppError::NOT_FOUND)?;
    match state.store.pay_run(&scope, &run).await {
        Ok(run) => Ok(Json(PayRunBody::from(&run)).into_response()),
        Err(err) => refused(err, &state, account.language),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/payroll/runs/{run}/approve",
    params(("id" = String, Path), ("run" = String, Path)),
    responses((status = 200, body = PayRunBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody, description = "already approved (locked), or the officer who started it while another could approve")))]
pub async fn approve(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, run)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let run = commands::run_id(&run)?;
    match commands::approve_run(&state, &scope, &run, account.language).await {
        Ok(run) => Ok(Json(PayRunBody::from(&run)).into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

/// What an approved run owes one payee, and whether it is paid.
#[derive(Serialize, ToSchema)]
pub struct PaymentBody {
    /// `pas` (the PAs' net pay), `hmrc` or `pension`
    payee: String,
    amount_pence: i64,
    /// The ledger entry that paid it, once recorded.
    entry: Option<String>,
    #[schema(format = Date)]
    paid_on: Option<String>,
}

impl From<&RunPayment> for PaymentBody {
    fn from(p: &RunPayment) -> Self {
        PaymentBody {
            payee: p.payee.code().to_owned(),
            amount_pence: p.amount,
            entry: p.paid.as_ref().map(|(entry, _)| entry.clone()),
            paid_on: p.paid.as_ref().map(|(_, date)| date.to_string()),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/payroll/runs/{run}/payments",
    params(("id" = String, Path), ("run" = String, Path)),
    responses((status = 200, body = [PaymentBody], description = "empty while the run is a draft"),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn payments(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, run)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let run = commands::run_id(&run)?;
    match state.store.pay_run_payments(&scope, &run).await {
        Ok(list) => {
            Ok(Json(list.iter().map(PaymentBody::from).collect::<Vec<_>>()).into_response())
        }
        Err(err) => refused(err, &state, account.language),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/payroll/runs/{run}/payments",
    params(("id" = String, Path), ("run" = String, Path)),
    request_body = PaymentFields,
    responses((status = 201, body = PaymentBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody, description = "this payee's payment is already recorded"),
        (status = 422, body = ApiErrorBody)))]
pub async fn pay(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, run)): Path<(String, String)>,
    body: Result<Json<PaymentFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let run = commands::run_id(&run)?;
    let Json(body) = body.map_err(rejected)?;
    match commands::record_payment(&state, &scope, &run, &body, account.language).await {
        Ok(paid) => Ok((StatusCode::CREATED, Json(PaymentBody::from(&paid))).into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/payroll/runs/{run}/inputs",
    params(("id" = String, Path), ("run" = String, Path)),
    responses((status = 200, body = [PayslipInputBody]), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn inputs(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, run)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let run = PayRunId::parse(&run).ok_or(AppError::NOT_FOUND)?;
    match state.store.pay_run_inputs(&scope, &run).await {
        Ok(inputs) => Ok(Json(
            inputs
                .into_iter()
                .map(|i| PayslipInputBody {
                    employment: i.employment.to_string(),
                    pa_name: i.pa_name,
                    input: i.input,
                })
                .collect::<Vec<_>>(),
        )
        .into_response()),
        Err(err) => refused(err, &state, account.language),
    }
}

/// What HMRC needs that Cylch asks for: the employer's references (null
/// until recorded) and each PA's gender as HMRC holds it.
#[derive(Serialize, ToSchema)]
pub struct HmrcBody {
    paye_reference: Option<String>,
    accounts_office_reference: Option<String>,
    pas: Vec<HmrcPaBody>,
}

#[derive(Serialize, ToSchema)]
pub struct HmrcPaBody {
    employment: String,
    name: String,
    /// `F`, `M`, or null until recorded.
    gender: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/payroll/hmrc", params(("id" = String, Path)),
    responses((status = 200, body = HmrcBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn hmrc(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let details = state
        .store
        .hmrc_details(&scope)
        .await
        .map_err(commands::read_failed)?;
    Ok(Json(HmrcBody {
        paye_reference: details.employer.as_ref().map(|r| paye_text(&r.paye)),
        accounts_office_reference: details
            .employer
            .as_ref()
            .map(|r| r.accounts_office.as_str().to_owned()),
        pas: details
            .pas
            .into_iter()
            .map(|p| HmrcPaBody {
                employment: p.employment.to_string(),
                name: p.name,
                gender: p.gender.map(|g| {
                    match g {
                        cylch_payroll::rti::Gender::Female => "F",
                        cylch_payroll::rti::Gender::Male => "M",
                    }
                    .to_owned()
                }),
            })
            .collect(),
    })
    .into_response())
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/payroll/hmrc/employer", params(("id" = String, Path)),
    request_body = ReferenceFields,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn references(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<ReferenceFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::record_references(&state, &scope, &body, account.language).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/payroll/hmrc/pas/{pa}",
    params(("id" = String, Path), ("pa" = String, Path)),
    request_body = GenderFields,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn gender(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<GenderFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::record_gender(&state, &scope, &pa, &body, account.language).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/payroll/runs/{run}/fps",
    params(("id" = String, Path), ("run" = String, Path)),
    responses((status = 200, content_type = "application/xml", body = String,
            description = "the run's Full Payment Submission, HMRC's GovTalk message"),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody, description = "the run is not approved, or HMRC's details are missing (each named)")))]
pub async fn fps(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, run)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RunPayroll).await?;
    let run = commands::run_id(&run)?;
    match commands::fps_file(&state, &scope, &run, account.language).await {
        Ok(xml) => {
            Ok(([(axum::http::header::CONTENT_TYPE, "application/xml")], xml).into_response())
        }
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/payroll/runs", list).documented::<__path_list>(),
        route("POST", "/api/v1/coops/{id}/payroll/runs", start).documented::<__path_start>(),
        route("GET", "/api/v1/coops/{id}/payroll/runs/{run}", show).documented::<__path_show>(),
        route(
            "POST",
            "/api/v1/coops/{id}/payroll/runs/{run}/approve",
            approve,
        )
        .documented::<__path_approve>(),
        route(
            "GET",
            "/api/v1/coops/{id}/payroll/runs/{run}/inputs",
            inputs,
        )
        .documented::<__path_inputs>(),
        route(
            "GET",
            "/api/v1/coops/{id}/payroll/runs/{run}/payments",
            payments,
        )
        .documented::<__path_payments>(),
        route(
            "POST",
            "/api/v1/coops/{id}/payroll/runs/{run}/payments",
            pay,
        )
        .documented::<__path_pay>(),
        route("GET", "/api/v1/coops/{id}/payroll/hmrc", hmrc).documented::<__path_hmrc>(),
        route(
            "PUT",
            "/api/v1/coops/{id}/payroll/hmrc/employer",
            references,
        )
        .documented::<__path_references>(),
        route("PUT", "/api/v1/coops/{id}/payroll/hmrc/pas/{pa}", gender)
            .documented::<__path_gender>(),
        route("GET", "/api/v1/coops/{id}/payroll/runs/{run}/fps", fps).documented::<__path_fps>(),
    ]
}
