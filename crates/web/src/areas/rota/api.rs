//! The rota through the API: the shifts the caller may see, one shift, and
//! the officers' actions on them.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_employment::rostering::Caution;
use cylch_store::rota::RotaShift;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::rota::commands::{self, ShiftFields, caution_words, code_words};
use crate::common::api::{ApiErrorBody, Caller, answer_refused, rejected, scope};
use crate::common::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct ShiftPersonView {
    id: String,
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct ShiftPaView {
    /// The PA's employment id.
    employment: String,
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct TakenOffView {
    pa: ShiftPaView,
    /// Why Cylch took them off, each a code and its sentence.
    reasons: Vec<ReasonView>,
}

#[derive(Serialize, ToSchema)]
pub struct ReasonView {
    code: String,
    message: String,
}

#[derive(Serialize, ToSchema)]
pub struct ShiftView {
    id: String,
    /// Local time in Wales, `YYYY-MM-DDTHH:MM`.
    start: String,
    /// Local time in Wales, `YYYY-MM-DDTHH:MM`.
    end: String,
    /// `day`, `night`, `sleep_in` or `waking_night`
    kind: String,
    break_minutes: i64,
    people: Vec<ShiftPersonView>,
    /// The PA on it; none while it needs covering.
    pa: Option<ShiftPaView>,
    /// The PA Cylch last took off it, and why.
    taken_off: Option<TakenOffView>,
    cancelled: bool,
}

fn local(at: jiff::civil::DateTime) -> String {
    at.strftime("%Y-%m-%dT%H:%M").to_string()
}

fn view(state: &AppState, language: Language, s: &RotaShift) -> ShiftView {
    let pa = |p: &cylch_store::rota::ShiftPa| ShiftPaView {
        employment: p.employment.to_string(),
        name: p.name.clone(),
    };
    ShiftView {
        id: s.id.to_string(),
        start: local(s.start),
        end: local(s.end),
        kind: s.kind.code().to_owned(),
        break_minutes: s.break_minutes,
        people: s
            .people
            .iter()
            .map(|p| ShiftPersonView {
                id: p.id.clone(),
                name: p.name.clone(),
            })
            .collect(),
        pa: s.pa.as_ref().map(pa),
        taken_off: s.taken_off.as_ref().map(|t| TakenOffView {
            pa: pa(&t.pa),
            reasons: t
                .reasons
                .iter()
                .map(|code| ReasonView {
                    code: code.clone(),
                    message: code_words(state, language, code),
                })
                .collect(),
        }),
        cancelled: s.cancelled,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RotaQuery {
    /// `YYYY-MM-DD`: the first day; today when left out.
    from: String,
    /// How many days, 1 to 62; 7 when left out.
    days: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/rota", params(("id" = String, Path),
        ("from" = Option<String>, Query, description = "YYYY-MM-DD: the first day; today when left out"),
        ("days" = Option<i64>, Query, description = "How many days, 1 to 62; 7 when left out")),
    responses((status = 200, body = [ShiftView]), (status = 400, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    Query(query): Query<RotaQuery>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewRota).await?;
    let from = match query.from.trim() {
        "" => state
            .clock()
            .now()
            .to_zoned_datetime(crate::common::fields::wales())
            .date(),
        raw => crate::common::fields::parse_date(raw)
            .map_err(|_| AppError::Kind(crate::common::error::ErrorKind::BadRequest))?,
    };
    let days = query.days.unwrap_or(7);
    if !(1..=cylch_store::rota::MAX_DAYS).contains(&days) {
        return Err(AppError::Kind(crate::common::error::ErrorKind::BadRequest));
    }
    let shifts = state.store.shifts(&scope, from, days).await?;
    Ok(Json(
        shifts
            .iter()
            .map(|s| view(&state, account.language, s))
            .collect::<Vec<_>>(),
    )
    .into_response())
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/rota/{shift}", params(("id" = String, Path), ("shift" = String, Path)),
    responses((status = 200, body = ShiftView), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, shift)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewRota).await?;
    let shift = cylch_store::ShiftId::parse(&shift).ok_or(AppError::NOT_FOUND)?;
    match state.store.shift(&scope, &shift).await {
        Ok(s) => Ok(Json(view(&state, account.language, &s)).into_response()),
        Err(_) => Err(AppError::NOT_FOUND),
    }
}

/// A shift added or a PA put on one, with what is worth knowing about it.
#[derive(Serialize, ToSchema)]
pub struct Outcome {
    shift: ShiftView,
    cautions: Vec<String>,
}

fn cautions(state: &AppState, language: Language, cautions: &[Caution]) -> Vec<String> {
    cautions
        .iter()
        .map(|c| caution_words(state, language, c))
        .collect()
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rota", params(("id" = String, Path)), request_body = ShiftFields,
    responses((status = 201, body = Outcome), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn add(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<ShiftFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageRota).await?;
    let Json(body) = body.map_err(rejected)?;
    let language = account.language;
    match commands::add_shift(&state, &scope, &body, language).await {
        Ok((shift, c)) => Ok((
            StatusCode::CREATED,
            Json(Outcome {
                shift: view(&state, language, &shift),
                cautions: cautions(&state, language, &c),
            }),
        )
            .into_response()),
        Err(refused) => answer_refused(&state, language, refused),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct AssignBody {
    /// The PA's employment id.
    pa: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rota/{shift}/assign", params(("id" = String, Path), ("shift" = String, Path)), request_body = AssignBody,
    responses((status = 200, body = Outcome), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn assign(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, shift)): Path<(String, String)>,
    body: Result<Json<AssignBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageRota).await?;
    let Json(body) = body.map_err(rejected)?;
    let language = account.language;
    match commands::assign(&state, &scope, &shift, &body.pa, language).await {
        Ok(c) => {
            let id = cylch_store::ShiftId::parse(&shift).ok_or(AppError::NOT_FOUND)?;
            let shift = state
                .store
                .shift(&scope, &id)
                .await
                .map_err(|_| AppError::NOT_FOUND)?;
            Ok(Json(Outcome {
                shift: view(&state, language, &shift),
                cautions: cautions(&state, language, &c),
            })
            .into_response())
        }
        Err(refused) => answer_refused(&state, language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rota/{shift}/unassign", params(("id" = String, Path), ("shift" = String, Path)),
    responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub async fn unassign(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, shift)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageRota).await?;
    match commands::unassign(&state, &scope, &shift, account.language).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rota/{shift}/cancel", params(("id" = String, Path), ("shift" = String, Path)),
    responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub async fn cancel(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, shift)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageRota).await?;
    match commands::cancel(&state, &scope, &shift, account.language).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/rota", list).documented::<__path_list>(),
        route("POST", "/api/v1/coops/{id}/rota", add).documented::<__path_add>(),
        route("GET", "/api/v1/coops/{id}/rota/{shift}", show).documented::<__path_show>(),
        route("POST", "/api/v1/coops/{id}/rota/{shift}/assign", assign)
            .documented::<__path_assign>(),
        route("POST", "/api/v1/coops/{id}/rota/{shift}/unassign", unassign)
            .documented::<__path_unassign>(),
        route("POST", "/api/v1/coops/{id}/rota/{shift}/cancel", cancel)
            .documented::<__path_cancel>(),
    ]
}
