//! Holiday and absence through the API: the same actions as the pages,
//! through the same commands, and a PA's leave in the view each caller may
//! see. Hours are ten-thousandths of an hour, days ten-thousandths of a
//! day, as in the employment API.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_employment::absence::Span;
use cylch_employment::holiday::Method;
use cylch_store::EmploymentId;
use cylch_store::employment::leave::{
    HolidayRequest, LeaveEntry, OtherLeaveRecord, SicknessAbsence,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::employment::commands::today;
use crate::areas::leave::commands::{
    self, CancelFields, DecisionFields, HolidayFields, HoursWorkedFields, LeaveYearFields,
    OtherLeaveFields, Refused, SicknessFields, SicknessUpdateFields,
};
use crate::common::api::{ApiErrorBody, Caller, rejected, scope};
use crate::common::error::AppError;
use crate::common::refusal::Explain;

/// A holiday request.
#[derive(Serialize, ToSchema)]
pub struct RequestView {
    id: String,
    employment: String,
    pa_name: String,
    first_day: String,
    last_day: String,
    /// As asked, for a PA who asks in days.
    days: Option<i64>,
    /// What it takes from the balance.
    hours: i64,
    note: Option<String>,
    /// `requested`, `approved`, `declined` or `cancelled`
    state: String,
    decided_by: Option<String>,
    decline_reason: Option<String>,
}

impl From<&HolidayRequest> for RequestView {
    fn from(r: &HolidayRequest) -> Self {
        RequestView {
            id: r.id.clone(),
            employment: r.employment.as_str().to_owned(),
            pa_name: r.pa_name.clone(),
            first_day: r.first.to_string(),
            last_day: r.last.to_string(),
            days: r.days,
            hours: r.hours,
            note: r.note.as_ref().map(|t| t.as_str().to_owned()),
            state: r.state.code().to_owned(),
            decided_by: r.decided_by.clone(),
            decline_reason: r.decline_reason.as_ref().map(|t| t.as_str().to_owned()),
        }
    }
}

/// A sickness absence: for the PA and the employer's officers only.
#[derive(Serialize, ToSchema)]
pub struct SicknessView {
    id: String,
    first_day: String,
    /// `null` while the PA is still off.
    last_day: Option<String>,
    fit_note_received: Option<String>,
    reason: Option<String>,
    /// Calendar days off, to the last day or today.
    days: i64,
    /// More than seven days in a row and no fit note yet.
    fit_note_missing: bool,
}

fn sickness_view(s: &SicknessAbsence, today: cylch_payroll::Date) -> SicknessView {
    SicknessView {
        id: s.id.clone(),
        first_day: s.sickness.first.to_string(),
        last_day: s.sickness.last.map(|d| d.to_string()),
        fit_note_received: s.sickness.fit_note_received.map(|d| d.to_string()),
        reason: s.reason.as_ref().map(|t| t.as_str().to_owned()),
        days: s.sickness.days(today),
        fit_note_missing: s.sickness.fit_note_missing(today),
    }
}

/// Other leave.
#[derive(Serialize, ToSchema)]
pub struct OtherLeaveView {
    id: String,
    kind: String,
    first_day: String,
    last_day: String,
    note: Option<String>,
}

impl From<&OtherLeaveRecord> for OtherLeaveView {
    fn from(o: &OtherLeaveRecord) -> Self {
        OtherLeaveView {
            id: o.id.clone(),
            kind: o.kind.code().to_owned(),
            first_day: o.span.first.to_string(),
            last_day: o.span.last.to_string(),
            note: o.note.as_ref().map(|t| t.as_str().to_owned()),
        }
    }
}

/// Days in a row.
#[derive(Serialize, ToSchema)]
pub struct SpanView {
    first_day: String,
    last_day: String,
}

impl From<&Span> for SpanView {
    fn from(s: &Span) -> Self {
        SpanView {
            first_day: s.first.to_string(),
            last_day: s.last.to_string(),
        }
    }
}

/// Hours worked in a pay period.
#[derive(Serialize, ToSchema)]
pub struct HoursWorkedView {
    period_end: String,
    hours: i64,
}

/// A PA's leave in full, with this leave year's balance.
#[derive(Serialize, ToSchema)]
pub struct FullLeaveView {
    year_first_day: String,
    year_last_day: String,
    /// `pro_rata` (5.6 weeks, capped at 28 days) or `accrual` (12.07%)
    method: String,
    /// A working day, for a PA who asks in days.
    day_length: Option<i64>,
    entitlement: i64,
    taken: i64,
    booked: i64,
    pending: i64,
    remaining: i64,
    requests: Vec<RequestView>,
    sickness: Vec<SicknessView>,
    other: Vec<OtherLeaveView>,
    hours_worked: Vec<HoursWorkedView>,
}

/// Days a PA is away, as a supported person sees them: never why.
#[derive(Serialize, ToSchema)]
pub struct AwayView {
    requests: Vec<RequestView>,
    away: Vec<SpanView>,
}

/// A PA's leave in the view the caller may see.
#[derive(Serialize, ToSchema)]
pub struct LeaveView {
    employment: String,
    pa_name: String,
    /// `full` or `away`
    view: String,
    full: Option<FullLeaveView>,
    away: Option<AwayView>,
}

fn leave_view(entry: &LeaveEntry, today: cylch_payroll::Date) -> LeaveView {
    match entry {
        LeaveEntry::Full(r) => {
            let y = &r.this_year;
            LeaveView {
                employment: r.employment.as_str().to_owned(),
                pa_name: r.pa_name.clone(),
                view: "full".into(),
                full: Some(FullLeaveView {
                    year_first_day: y.year.first.to_string(),
                    year_last_day: y.year.last.to_string(),
                    method: match y.method {
                        Method::ProRata => "pro_rata",
                        Method::Accrual => "accrual",
                    }
                    .into(),
                    day_length: r.day_length,
                    entitlement: y.balance.entitlement,
                    taken: y.balance.taken,
                    booked: y.balance.booked,
                    pending: y.pending,
                    remaining: y.remaining().unwrap_or(0),
                    requests: r.requests.iter().map(RequestView::from).collect(),
                    sickness: r.sickness.iter().map(|s| sickness_view(s, today)).collect(),
                    other: r.other.iter().map(OtherLeaveView::from).collect(),
                    hours_worked: r
                        .hours_worked
                        .iter()
                        .map(|p| HoursWorkedView {
                            period_end: p.period_end.to_string(),
                            hours: p.hours_worked,
                        })
                        .collect(),
                }),
                away: None,
            }
        }
        LeaveEntry::Away(a) => LeaveView {
            employment: a.employment.as_str().to_owned(),
            pa_name: a.pa_name.clone(),
            view: "away".into(),
            full: None,
            away: Some(AwayView {
                requests: a.requests.iter().map(RequestView::from).collect(),
                away: a.away.iter().map(SpanView::from).collect(),
            }),
        },
    }
}

fn refused(state: &AppState, language: Language, refused: Refused) -> Result<Response, AppError> {
    match refused {
        Refused::Fields(problems) => Ok(problems.respond(state, language)),
        Refused::Rule(refusal) => Ok(refusal.to_json()),
        Refused::Failed(err) => Err(err),
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
        Err(err) => refused(state, language, err),
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/employment/{pa}/leave",
    params(("id" = String, Path), ("pa" = String, Path)),
    responses((status = 200, body = LeaveView), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let pa = EmploymentId::parse(&pa).ok_or(AppError::NOT_FOUND)?;
    let entry = match state.store.leave(&scope, &pa).await {
        Ok(entry) => entry,
        Err(err) => {
            return Err(err
                .explain(&state, account.language)
                .err()
                .unwrap_or(AppError::NOT_FOUND));
        }
    };
    Ok(Json(leave_view(&entry, today(&state)?)).into_response())
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/leave/requests", params(("id" = String, Path)),
    responses((status = 200, body = [RequestView]), (status = 404, body = ApiErrorBody)))]
pub async fn awaiting(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<RequestView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let waiting = state.store.holiday_requests_awaiting(&scope).await?;
    Ok(Json(waiting.iter().map(RequestView::from).collect()))
}

/// The first day of each leave year.
#[derive(Serialize, ToSchema)]
pub struct LeaveYearView {
    month: u32,
    day: u32,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/leave/year", params(("id" = String, Path)),
    responses((status = 200, body = LeaveYearView), (status = 404, body = ApiErrorBody)))]
pub async fn year(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<LeaveYearView>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let (month, day) = state.store.leave_year_start(&scope).await?;
    Ok(Json(LeaveYearView { month, day }))
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/leave/year", params(("id" = String, Path)), request_body = LeaveYearFields,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn set_year(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<LeaveYearFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome = commands::set_leave_year(&state, &scope, &body, account.language).await;
    answer(&state, account.language, outcome, |()| {
        StatusCode::NO_CONTENT.into_response()
    })
}

/// An action on one PA's leave with a JSON body; who may take it is the
/// store's decision, record by record.
macro_rules! leave_action {
    ($name:ident, $body:ty, $path:literal, $command:path, $status:expr, $view:expr, $resp:ty) => {
        #[utoipa::path(post, path = $path, params(("id" = String, Path), ("pa" = String, Path)), request_body = $body,
            responses((status = $status, body = $resp), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
        pub async fn $name(
            State(state): State<AppState>,
            Caller(account): Caller,
            Path((id, pa)): Path<(String, String)>,
            body: Result<Json<$body>, JsonRejection>,
        ) -> Result<Response, AppError> {
            let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
            let Json(body) = body.map_err(rejected)?;
            let today = today(&state)?;
            let outcome = $command(&state, &scope, &pa, &body, account.language).await;
            answer(&state, account.language, outcome, |v| {
                let status = StatusCode::from_u16($status).unwrap_or(StatusCode::OK);
                #[allow(clippy::redundant_closure_call)]
                let view: $resp = ($view)(&v, today);
                (status, Json(view)).into_response()
            })
        }
    };
}

fn request_view(r: &HolidayRequest, _: cylch_payroll::Date) -> RequestView {
    RequestView::from(r)
}

fn other_view(o: &OtherLeaveRecord, _: cylch_payroll::Date) -> OtherLeaveView {
    OtherLeaveView::from(o)
}

leave_action!(
    request,
    HolidayFields,
    "/api/v1/coops/{id}/employment/{pa}/leave/requests",
    commands::request_holiday,
    201,
    request_view,
    RequestView
);
leave_action!(
    approve,
    DecisionFields,
    "/api/v1/coops/{id}/employment/{pa}/leave/approve",
    commands::approve,
    200,
    request_view,
    RequestView
);
leave_action!(
    decline,
    DecisionFields,
    "/api/v1/coops/{id}/employment/{pa}/leave/decline",
    commands::decline,
    200,
    request_view,
    RequestView
);
leave_action!(
    cancel,
    CancelFields,
    "/api/v1/coops/{id}/employment/{pa}/leave/cancel",
    commands::cancel,
    200,
    request_view,
    RequestView
);
leave_action!(
    sickness,
    SicknessFields,
    "/api/v1/coops/{id}/employment/{pa}/leave/sickness",
    commands::record_sickness,
    201,
    sickness_view,
    SicknessView
);
leave_action!(
    sickness_update,
    SicknessUpdateFields,
    "/api/v1/coops/{id}/employment/{pa}/leave/sickness/update",
    commands::update_sickness,
    200,
    sickness_view,
    SicknessView
);
leave_action!(
    other,
    OtherLeaveFields,
    "/api/v1/coops/{id}/employment/{pa}/leave/other",
    commands::record_other_leave,
    201,
    other_view,
    OtherLeaveView
);

#[utoipa::path(post, path = "/api/v1/coops/{id}/employment/{pa}/leave/hours",
    params(("id" = String, Path), ("pa" = String, Path)), request_body = HoursWorkedFields,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn hours(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<HoursWorkedFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome = commands::record_hours_worked(&state, &scope, &pa, &body, account.language).await;
    answer(&state, account.language, outcome, |()| {
        StatusCode::NO_CONTENT.into_response()
    })
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/leave/requests", awaiting).documented::<__path_awaiting>(),
        route("GET", "/api/v1/coops/{id}/leave/year", year).documented::<__path_year>(),
        route("POST", "/api/v1/coops/{id}/leave/year", set_year).documented::<__path_set_year>(),
        route("GET", "/api/v1/coops/{id}/employment/{pa}/leave", show).documented::<__path_show>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/leave/requests",
            request,
        )
        .documented::<__path_request>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/leave/approve",
            approve,
        )
        .documented::<__path_approve>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/leave/decline",
            decline,
        )
        .documented::<__path_decline>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/leave/cancel",
            cancel,
        )
        .documented::<__path_cancel>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/leave/sickness",
            sickness,
        )
        .documented::<__path_sickness>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/leave/sickness/update",
            sickness_update,
        )
        .documented::<__path_sickness_update>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/leave/other",
            other,
        )
        .documented::<__path_other>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/leave/hours",
            hours,
        )
        .documented::<__path_hours>(),
    ]
}
