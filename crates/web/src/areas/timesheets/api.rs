//! Timesheets through the API: the same actions as the pages, through the
//! same commands, and the same reads in the view each caller may see.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_employment::timesheet::Figures;
use cylch_store::timesheets::{Timesheet, TimesheetLine, TimesheetView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::timesheets::commands::{
    self, ApproverFields, Change, ChangeFields, LineFields, Refused,
};
use crate::common::api::{ApiErrorBody, Caller, rejected, scope};
use crate::common::error::AppError;

/// A line's figures.
#[derive(Serialize, ToSchema)]
pub struct FiguresView {
    /// `YYYY-MM-DDTHH:MM`, local time in Wales.
    start: String,
    end: String,
    break_minutes: i64,
    /// `day`, `night`, `sleep_in`, `waking_night`, `holiday` or `sickness`
    kind: String,
    woken_minutes: i64,
}

impl From<&Figures> for FiguresView {
    fn from(f: &Figures) -> Self {
        FiguresView {
            start: f.start.strftime("%Y-%m-%dT%H:%M").to_string(),
            end: f.end.strftime("%Y-%m-%dT%H:%M").to_string(),
            break_minutes: f.break_minutes,
            kind: f.kind.code().to_owned(),
            woken_minutes: f.woken_minutes,
        }
    }
}

/// One person's part of a line.
#[derive(Serialize, ToSchema)]
pub struct LinePersonView {
    id: String,
    name: String,
    approved: bool,
    /// The caller may approve this part now.
    may_approve: bool,
}

/// One line of a timesheet.
#[derive(Serialize, ToSchema)]
pub struct LineView {
    id: String,
    /// `rota`, `hand` or `adjustment`
    source: String,
    /// The approved line this adjustment replaces.
    adjusts: Option<String>,
    /// The adjustment that replaces this line, waiting or approved.
    adjusted_by: Option<String>,
    day: String,
    figures: FiguresView,
    /// Minutes less the break.
    minutes: i64,
    minimum_wage_minutes: i64,
    /// The figures before the PA corrected them.
    original: Option<FiguresView>,
    reason: Option<String>,
    /// `to-confirm`, `to-approve` or `approved`
    state: String,
    people: Vec<LinePersonView>,
}

impl From<&TimesheetLine> for LineView {
    fn from(l: &TimesheetLine) -> Self {
        LineView {
            id: l.id.to_string(),
            source: l.source.code().to_owned(),
            adjusts: l.adjusts.as_ref().map(ToString::to_string),
            adjusted_by: l.adjusted_by.as_ref().map(ToString::to_string),
            day: l.day.to_string(),
            figures: FiguresView::from(&l.figures),
            minutes: l.minutes,
            minimum_wage_minutes: l.minimum_wage_minutes,
            original: l.original.as_ref().map(FiguresView::from),
            reason: l.reason.clone(),
            state: l.state.code().to_owned(),
            people: l
                .people
                .iter()
                .map(|p| LinePersonView {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    approved: p.approved,
                    may_approve: p.may_approve,
                })
                .collect(),
        }
    }
}

/// One PA's timesheet for one pay period, as the caller may see it.
#[derive(Serialize, ToSchema)]
pub struct TimesheetBody {
    pa: String,
    pa_name: String,
    period_first: String,
    period_last: String,
    /// `whole` (the PA, the officers) or `their-people` (a supported
    /// person or their representative: only time spent with them)
    view: String,
    /// `empty`, `to-confirm`, `to-approve` or `locked`
    state: String,
    /// Minutes in the lines counted (not replaced by an adjustment).
    minutes: i64,
    lines: Vec<LineView>,
}

impl From<&Timesheet> for TimesheetBody {
    fn from(s: &Timesheet) -> Self {
        TimesheetBody {
            pa: s.pa.to_string(),
            pa_name: s.pa_name.clone(),
            period_first: s.period.first.to_string(),
            period_last: s.period.last.to_string(),
            view: match s.view {
                TimesheetView::Whole => "whole",
                TimesheetView::TheirPeople => "their-people",
            }
            .to_owned(),
            state: s.state.code().to_owned(),
            minutes: s.minutes(),
            lines: s.lines.iter().map(LineView::from).collect(),
        }
    }
}

fn answer<T>(
    state: &AppState,
    language: Language,
    outcome: Result<T, Refused>,
    ok: impl FnOnce(T) -> Response,
) -> Result<Response, AppError> {
    match outcome {
        Ok(value) => Ok(ok(value)),
        Err(Refused::Fields(problems)) => Ok(problems.respond(state, language)),
        Err(Refused::Rule(refusal)) => Ok(refusal.to_json()),
        Err(Refused::Failed(err)) => Err(err),
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/timesheets", params(("id" = String, Path)),
    responses((status = 200, body = [TimesheetBody]), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<TimesheetBody>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewTimesheets).await?;
    let sheets = state.store.timesheets(&scope).await?;
    Ok(Json(sheets.iter().map(TimesheetBody::from).collect()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OnQuery {
    /// Any day of the pay period, `YYYY-MM-DD`; today when absent.
    on: String,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/timesheets/{pa}",
    params(("id" = String, Path), ("pa" = String, Path), ("on" = Option<String>, Query, description = "any day of the pay period, YYYY-MM-DD")),
    responses((status = 200, body = TimesheetBody), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    Query(query): Query<OnQuery>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewTimesheets).await?;
    let outcome = commands::timesheet(&state, &scope, &pa, &query.on, account.language).await;
    answer(&state, account.language, outcome, |s| {
        Json(TimesheetBody::from(&s)).into_response()
    })
}

/// The pay period to act on: any day of it.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default)]
pub struct OnBody {
    /// `YYYY-MM-DD`; today when absent.
    on: String,
}

/// How many lines an action touched.
#[derive(Serialize, ToSchema)]
pub struct CountBody {
    count: usize,
}

fn counted(n: usize) -> Response {
    Json(CountBody { count: n }).into_response()
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/timesheets/{pa}/build",
    params(("id" = String, Path), ("pa" = String, Path)), request_body = OnBody,
    responses((status = 200, body = CountBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn build(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<OnBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewTimesheets).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome = commands::build(&state, &scope, &pa, &body.on, account.language).await;
    answer(&state, account.language, outcome, counted)
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/timesheets/{pa}/confirm",
    params(("id" = String, Path), ("pa" = String, Path)), request_body = OnBody,
    responses((status = 200, body = CountBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)))]
pub async fn confirm(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<OnBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewTimesheets).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome = commands::confirm(&state, &scope, &pa, &body.on, account.language).await;
    answer(&state, account.language, outcome, counted)
}

/// The time to approve: one person's, in one pay period.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default)]
pub struct ApproveBody {
    /// Any day of the pay period, `YYYY-MM-DD`; today when absent.
    on: String,
    /// The supported person whose time with the PA is approved.
    person: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/timesheets/{pa}/approve",
    params(("id" = String, Path), ("pa" = String, Path)), request_body = ApproveBody,
    responses((status = 200, body = CountBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn approve(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<ApproveBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewTimesheets).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome = commands::approve(
        &state,
        &scope,
        &pa,
        &body.on,
        &body.person,
        account.language,
    )
    .await;
    answer(&state, account.language, outcome, counted)
}

/// The line an action made or changed.
#[derive(Serialize, ToSchema)]
pub struct LineIdBody {
    line: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/timesheets/{pa}/lines",
    params(("id" = String, Path), ("pa" = String, Path)), request_body = LineFields,
    responses((status = 201, body = LineIdBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn add(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<LineFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewTimesheets).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome = commands::add_line(&state, &scope, &pa, &body, account.language).await;
    answer(&state, account.language, outcome, |line| {
        (
            StatusCode::CREATED,
            Json(LineIdBody {
                line: line.to_string(),
            }),
        )
            .into_response()
    })
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/timesheets/{pa}/correct",
    params(("id" = String, Path), ("pa" = String, Path)), request_body = ChangeFields,
    responses((status = 200, body = LineIdBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn correct(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<ChangeFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewTimesheets).await?;
    let Json(body) = body.map_err(rejected)?;
    let line = body.line.clone();
    let outcome = commands::change(
        &state,
        &scope,
        &pa,
        &body,
        Change::Correct,
        account.language,
    )
    .await;
    answer(&state, account.language, outcome, |_| {
        Json(LineIdBody { line }).into_response()
    })
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/timesheets/{pa}/adjust",
    params(("id" = String, Path), ("pa" = String, Path)), request_body = ChangeFields,
    responses((status = 201, body = LineIdBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn adjust(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<ChangeFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewTimesheets).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome =
        commands::change(&state, &scope, &pa, &body, Change::Adjust, account.language).await;
    answer(&state, account.language, outcome, |line| {
        (
            StatusCode::CREATED,
            Json(LineIdBody {
                line: line.map(|l| l.to_string()).unwrap_or_default(),
            }),
        )
            .into_response()
    })
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/timesheets/approver",
    params(("id" = String, Path)), request_body = ApproverFields,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn choose_approver(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<ApproverFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewTimesheets).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome = commands::choose_approver(&state, &scope, &body, account.language).await;
    answer(&state, account.language, outcome, |()| {
        StatusCode::NO_CONTENT.into_response()
    })
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/timesheets", list).documented::<__path_list>(),
        route(
            "POST",
            "/api/v1/coops/{id}/timesheets/approver",
            choose_approver,
        )
        .documented::<__path_choose_approver>(),
        route("GET", "/api/v1/coops/{id}/timesheets/{pa}", show).documented::<__path_show>(),
        route("POST", "/api/v1/coops/{id}/timesheets/{pa}/build", build)
            .documented::<__path_build>(),
        route(
            "POST",
            "/api/v1/coops/{id}/timesheets/{pa}/confirm",
            confirm,
        )
        .documented::<__path_confirm>(),
        route(
            "POST",
            "/api/v1/coops/{id}/timesheets/{pa}/approve",
            approve,
        )
        .documented::<__path_approve>(),
        route("POST", "/api/v1/coops/{id}/timesheets/{pa}/lines", add).documented::<__path_add>(),
        route(
            "POST",
            "/api/v1/coops/{id}/timesheets/{pa}/correct",
            correct,
        )
        .documented::<__path_correct>(),
        route("POST", "/api/v1/coops/{id}/timesheets/{pa}/adjust", adjust)
            .documented::<__path_adjust>(),
    ]
}
