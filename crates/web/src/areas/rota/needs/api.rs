//! Needs, availability and the planning problem through the API: the same
//! commands as the pages, and the instance in the roster format for any
//! run of days, so that `cylch roster` (or any other tool) can plan it.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_store::rota::availability::{Availability, AvailabilityExceptionKind, Contracted};
use cylch_store::rota::instance::PlanError;
use cylch_store::rota::needs::{ExceptionKind, Needs, Times};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::commands::{
    self, AvailabilityExceptionFields, EndFields, HoursFields, NeedExceptionFields,
    PreferenceFields, RoutineFields, SlotFields,
};
use crate::AppState;
use crate::common::api::{ApiErrorBody, Caller, answer_refused, rejected, scope};
use crate::common::error::{AppError, ErrorKind};
use crate::common::fields::parse_date;

#[derive(Serialize, ToSchema)]
pub struct NeedPersonView {
    id: String,
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct RoutineView {
    id: String,
    /// `morning`, `lunch`, `tea`, `bed`, `sleep_in`, `waking_night` or
    /// `community`
    call: String,
    /// The rota's kind of shift for the call.
    kind: String,
    /// ISO weekdays, 1 (Monday) to 7 (Sunday).
    weekdays: Vec<i8>,
    /// Local time in Wales, `HH:MM`.
    start: String,
    /// Local time in Wales, `HH:MM`; at or before the start, the next day.
    end: String,
    pas_required: i64,
    skills: Vec<String>,
    starts_on: String,
    /// The last day it was needed, once ended.
    ended_on: Option<String>,
    /// Everyone it supports: more than one is a shared session.
    people: Vec<NeedPersonView>,
}

#[derive(Serialize, ToSchema)]
pub struct NeedExceptionView {
    id: String,
    date: String,
    /// `skip` or `extra`
    kind: String,
    /// For `skip`: the routine not needed that day.
    routine: Option<String>,
    call: Option<String>,
    start: Option<String>,
    end: Option<String>,
    pas_required: Option<i64>,
    skills: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PaChoiceView {
    employment: String,
    name: String,
    welsh_speaker: bool,
}

#[derive(Serialize, ToSchema)]
pub struct NeedsView {
    person: NeedPersonView,
    /// The Active Offer: `none`, `preferred` or `required`.
    welsh: String,
    preferred: Vec<String>,
    not_wanted: Vec<String>,
    /// The PAs who work with the person: the choices.
    pas: Vec<PaChoiceView>,
    routines: Vec<RoutineView>,
    exceptions: Vec<NeedExceptionView>,
}

fn hhmm(t: jiff::civil::Time) -> String {
    t.strftime("%H:%M").to_string()
}

fn needs_view(id: &str, name: &str, n: &Needs) -> NeedsView {
    NeedsView {
        person: NeedPersonView {
            id: id.to_owned(),
            name: name.to_owned(),
        },
        welsh: n.preferences.welsh.code().to_owned(),
        preferred: n
            .preferences
            .preferred
            .iter()
            .map(|p| p.to_string())
            .collect(),
        not_wanted: n
            .preferences
            .not_wanted
            .iter()
            .map(|p| p.to_string())
            .collect(),
        pas: n
            .pas()
            .iter()
            .map(|p| PaChoiceView {
                employment: p.employment.to_string(),
                name: p.name.clone(),
                welsh_speaker: p.welsh_speaker,
            })
            .collect(),
        routines: n
            .routines
            .iter()
            .map(|r| RoutineView {
                id: r.id.clone(),
                call: r.call.code().to_owned(),
                kind: r.call.kind().code().to_owned(),
                weekdays: r
                    .weekdays
                    .days()
                    .iter()
                    .map(|d| d.to_monday_one_offset())
                    .collect(),
                start: hhmm(r.times.start),
                end: hhmm(r.times.end),
                pas_required: r.pas_required,
                skills: r.skills.iter().map(|s| s.code().to_owned()).collect(),
                starts_on: r.starts_on.to_string(),
                ended_on: r.ended_on.map(|d| d.to_string()),
                people: r
                    .people
                    .iter()
                    .map(|p| NeedPersonView {
                        id: p.id.clone(),
                        name: p.name.clone(),
                    })
                    .collect(),
            })
            .collect(),
        exceptions: n
            .exceptions
            .iter()
            .map(|e| match &e.kind {
                ExceptionKind::Skip { routine } => NeedExceptionView {
                    id: e.id.clone(),
                    date: e.date.to_string(),
                    kind: "skip".into(),
                    routine: Some(routine.clone()),
                    call: None,
                    start: None,
                    end: None,
                    pas_required: None,
                    skills: Vec::new(),
                },
                ExceptionKind::Extra(c) => NeedExceptionView {
                    id: e.id.clone(),
                    date: e.date.to_string(),
                    kind: "extra".into(),
                    routine: None,
                    call: Some(c.call.code().to_owned()),
                    start: Some(hhmm(c.times.start)),
                    end: Some(hhmm(c.times.end)),
                    pas_required: Some(c.pas_required),
                    skills: c.skills.iter().map(|s| s.code().to_owned()).collect(),
                },
            })
            .collect(),
    }
}

async fn needs_answer(
    state: &AppState,
    scope: &cylch_store::CoopScope,
    person: &cylch_store::people::PersonScope,
    status: StatusCode,
) -> Result<Response, AppError> {
    let n = state
        .store
        .needs(scope, person)
        .await
        .map_err(|_| AppError::NOT_FOUND)?;
    Ok((
        status,
        Json(needs_view(person.person().as_str(), person.name(), &n)),
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/rota/needs/{supported}", params(("id" = String, Path), ("supported" = String, Path, description = "The supported person's id")),
    responses((status = 200, body = NeedsView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn needs(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, person)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    needs_answer(&state, &scope, &person, StatusCode::OK).await
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/rota/needs/{supported}/preferences", params(("id" = String, Path), ("supported" = String, Path, description = "The supported person's id")), request_body = PreferenceFields,
    responses((status = 200, body = NeedsView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn set_preferences(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, person)): Path<(String, String)>,
    body: Result<Json<PreferenceFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::set_preferences(&state, &scope, &person, &body, account.language).await {
        Ok(()) => needs_answer(&state, &scope, &person, StatusCode::OK).await,
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rota/needs/{supported}/routines", params(("id" = String, Path), ("supported" = String, Path, description = "The supported person's id")), request_body = RoutineFields,
    responses((status = 201, body = NeedsView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn add_routine(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, person)): Path<(String, String)>,
    body: Result<Json<RoutineFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::add_routine(&state, &scope, &person, &body, account.language).await {
        Ok(_) => needs_answer(&state, &scope, &person, StatusCode::CREATED).await,
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/rota/needs/{supported}/routines/{routine}", params(("id" = String, Path), ("supported" = String, Path, description = "The supported person's id"), ("routine" = String, Path)), request_body = RoutineFields,
    responses((status = 200, body = NeedsView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn change_routine(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, person, routine)): Path<(String, String, String)>,
    body: Result<Json<RoutineFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::change_routine(&state, &scope, &person, &routine, &body, account.language).await
    {
        Ok(()) => needs_answer(&state, &scope, &person, StatusCode::OK).await,
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rota/needs/{supported}/routines/{routine}/end", params(("id" = String, Path), ("supported" = String, Path, description = "The supported person's id"), ("routine" = String, Path)), request_body = EndFields,
    responses((status = 200, description = "Ended; it stays on record with its last day", body = NeedsView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn end_routine(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, person, routine)): Path<(String, String, String)>,
    body: Result<Json<EndFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::end_routine(&state, &scope, &person, &routine, &body, account.language).await {
        Ok(()) => needs_answer(&state, &scope, &person, StatusCode::OK).await,
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rota/needs/{supported}/exceptions", params(("id" = String, Path), ("supported" = String, Path, description = "The supported person's id")), request_body = NeedExceptionFields,
    responses((status = 201, body = NeedsView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn add_exception(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, person)): Path<(String, String)>,
    body: Result<Json<NeedExceptionFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::add_need_exception(&state, &scope, &person, &body, false, account.language)
        .await
    {
        Ok(_) => needs_answer(&state, &scope, &person, StatusCode::CREATED).await,
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(delete, path = "/api/v1/coops/{id}/rota/needs/{supported}/exceptions/{need_exception}", params(("id" = String, Path), ("supported" = String, Path, description = "The supported person's id"), ("need_exception" = String, Path)),
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn remove_exception(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, person, exception)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    match commands::remove_need_exception(&state, &scope, &person, &exception, account.language)
        .await
    {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[derive(Serialize, ToSchema)]
pub struct SlotView {
    id: String,
    weekdays: Vec<i8>,
    start: String,
    end: String,
}

#[derive(Serialize, ToSchema)]
pub struct AvailabilityExceptionView {
    id: String,
    date: String,
    /// `unavailable` or `extra`
    kind: String,
    start: Option<String>,
    end: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AwayView {
    /// `holiday`, `sickness` or `other-leave`
    kind: String,
    first: String,
    /// None while a sickness goes on.
    last: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AvailabilityView {
    employment: String,
    name: String,
    /// Contracted minutes a week, if any.
    contracted_minutes_per_week: Option<i64>,
    /// `employment` (fixed hours in the employment record) or `agreed`
    /// (irregular hours, agreed here).
    contracted_from: String,
    slots: Vec<SlotView>,
    exceptions: Vec<AvailabilityExceptionView>,
    /// Holiday, sickness and other leave from today, from the leave records.
    away: Vec<AwayView>,
}

fn times(t: Times) -> (String, String) {
    (hhmm(t.start), hhmm(t.end))
}

fn availability_view(
    pa: &cylch_store::rota::availability::PaScope,
    a: &Availability,
) -> AvailabilityView {
    AvailabilityView {
        employment: pa.employment().to_string(),
        name: pa.name().to_owned(),
        contracted_minutes_per_week: a.contracted.minutes(),
        contracted_from: match a.contracted {
            Contracted::Employment(_) => "employment",
            Contracted::Agreed(_) => "agreed",
        }
        .to_owned(),
        slots: a
            .slots
            .iter()
            .map(|s| {
                let (start, end) = times(s.times);
                SlotView {
                    id: s.id.clone(),
                    weekdays: s
                        .weekdays
                        .days()
                        .iter()
                        .map(|d| d.to_monday_one_offset())
                        .collect(),
                    start,
                    end,
                }
            })
            .collect(),
        exceptions: a
            .exceptions
            .iter()
            .map(|e| match e.kind {
                AvailabilityExceptionKind::Unavailable => AvailabilityExceptionView {
                    id: e.id.clone(),
                    date: e.date.to_string(),
                    kind: "unavailable".into(),
                    start: None,
                    end: None,
                },
                AvailabilityExceptionKind::Extra(t) => {
                    let (start, end) = times(t);
                    AvailabilityExceptionView {
                        id: e.id.clone(),
                        date: e.date.to_string(),
                        kind: "extra".into(),
                        start: Some(start),
                        end: Some(end),
                    }
                }
            })
            .collect(),
        away: a
            .away
            .iter()
            .map(|w| AwayView {
                kind: w.kind.code().to_owned(),
                first: w.first.to_string(),
                last: w.last.map(|d| d.to_string()),
            })
            .collect(),
    }
}

async fn availability_answer(
    state: &AppState,
    scope: &cylch_store::CoopScope,
    pa: &cylch_store::rota::availability::PaScope,
    status: StatusCode,
) -> Result<Response, AppError> {
    let a = state
        .store
        .availability(scope, pa)
        .await
        .map_err(|_| AppError::NOT_FOUND)?;
    Ok((status, Json(availability_view(pa, &a))).into_response())
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/rota/availability/{pa}", params(("id" = String, Path), ("pa" = String, Path, description = "The PA's employment id")),
    responses((status = 200, body = AvailabilityView), (status = 404, body = ApiErrorBody)))]
pub async fn availability(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    availability_answer(&state, &scope, &pa, StatusCode::OK).await
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rota/availability/{pa}/slots", params(("id" = String, Path), ("pa" = String, Path)), request_body = SlotFields,
    responses((status = 201, body = AvailabilityView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn add_slot(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<SlotFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::add_slot(&state, &scope, &pa, &body, account.language).await {
        Ok(_) => availability_answer(&state, &scope, &pa, StatusCode::CREATED).await,
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(delete, path = "/api/v1/coops/{id}/rota/availability/{pa}/slots/{slot}", params(("id" = String, Path), ("pa" = String, Path), ("slot" = String, Path)),
    responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub async fn remove_slot(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa, slot)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    match commands::remove_slot(&state, &scope, &pa, &slot, account.language).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/rota/availability/{pa}/exceptions", params(("id" = String, Path), ("pa" = String, Path)), request_body = AvailabilityExceptionFields,
    responses((status = 201, body = AvailabilityView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn add_availability_exception(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<AvailabilityExceptionFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::add_availability_exception(&state, &scope, &pa, &body, account.language).await {
        Ok(_) => availability_answer(&state, &scope, &pa, StatusCode::CREATED).await,
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(delete, path = "/api/v1/coops/{id}/rota/availability/{pa}/exceptions/{pa_exception}", params(("id" = String, Path), ("pa" = String, Path), ("pa_exception" = String, Path)),
    responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub async fn remove_availability_exception(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa, exception)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    match commands::remove_availability_exception(&state, &scope, &pa, &exception, account.language)
        .await
    {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/rota/availability/{pa}/hours", params(("id" = String, Path), ("pa" = String, Path)), request_body = HoursFields,
    responses((status = 200, body = AvailabilityView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn set_hours(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<HoursFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    let Json(body) = body.map_err(rejected)?;
    match commands::set_hours(&state, &scope, &pa, &body, account.language).await {
        Ok(()) => availability_answer(&state, &scope, &pa, StatusCode::OK).await,
        Err(refused) => answer_refused(&state, account.language, refused),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InstanceQuery {
    from: String,
    to: String,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/rota/instance", params(("id" = String, Path),
        ("from" = String, Query, description = "YYYY-MM-DD: the first day"),
        ("to" = String, Query, description = "YYYY-MM-DD: the last day, included; at most 62 days in all")),
    responses((status = 200, description = "The planning problem in the roster format (shared/docs/roster-format.md): every person's needs and every PA's availability, in local times in Wales"),
        (status = 400, body = ApiErrorBody), (status = 403, body = ApiErrorBody)))]
pub async fn instance(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    Query(query): Query<InstanceQuery>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ExportRoster).await?;
    let bad = || AppError::Kind(ErrorKind::BadRequest);
    let from = parse_date(&query.from).map_err(|_| bad())?;
    let to = parse_date(&query.to).map_err(|_| bad())?;
    match state.store.roster_instance(&scope, from, to).await {
        Ok(instance) => Ok(Json(instance).into_response()),
        Err(PlanError::BadRange) => Err(bad()),
        Err(PlanError::NeedsEmployerDuties) => Err(AppError::FORBIDDEN),
        Err(PlanError::Store(err)) => Err(err.into()),
    }
}

/// These API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/rota/instance", instance).documented::<__path_instance>(),
        route("GET", "/api/v1/coops/{id}/rota/needs/{supported}", needs)
            .documented::<__path_needs>(),
        route(
            "PUT",
            "/api/v1/coops/{id}/rota/needs/{supported}/preferences",
            set_preferences,
        )
        .documented::<__path_set_preferences>(),
        route(
            "POST",
            "/api/v1/coops/{id}/rota/needs/{supported}/routines",
            add_routine,
        )
        .documented::<__path_add_routine>(),
        route(
            "PUT",
            "/api/v1/coops/{id}/rota/needs/{supported}/routines/{routine}",
            change_routine,
        )
        .documented::<__path_change_routine>(),
        route(
            "POST",
            "/api/v1/coops/{id}/rota/needs/{supported}/routines/{routine}/end",
            end_routine,
        )
        .documented::<__path_end_routine>(),
        route(
            "POST",
            "/api/v1/coops/{id}/rota/needs/{supported}/exceptions",
            add_exception,
        )
        .documented::<__path_add_exception>(),
        route(
            "DELETE",
            "/api/v1/coops/{id}/rota/needs/{supported}/exceptions/{need_exception}",
            remove_exception,
        )
        .documented::<__path_remove_exception>(),
        route(
            "GET",
            "/api/v1/coops/{id}/rota/availability/{pa}",
            availability,
        )
        .documented::<__path_availability>(),
        route(
            "POST",
            "/api/v1/coops/{id}/rota/availability/{pa}/slots",
            add_slot,
        )
        .documented::<__path_add_slot>(),
        route(
            "DELETE",
            "/api/v1/coops/{id}/rota/availability/{pa}/slots/{slot}",
            remove_slot,
        )
        .documented::<__path_remove_slot>(),
        route(
            "POST",
            "/api/v1/coops/{id}/rota/availability/{pa}/exceptions",
            add_availability_exception,
        )
        .documented::<__path_add_availability_exception>(),
        route(
            "DELETE",
            "/api/v1/coops/{id}/rota/availability/{pa}/exceptions/{pa_exception}",
            remove_availability_exception,
        )
        .documented::<__path_remove_availability_exception>(),
        route(
            "PUT",
            "/api/v1/coops/{id}/rota/availability/{pa}/hours",
            set_hours,
        )
        .documented::<__path_set_hours>(),
    ]
}
