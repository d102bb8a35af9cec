//! Employing PAs through the API: the same actions as the pages, through
//! the same commands, and the same reads in the view each caller may see.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_employment::employment::{Hours, Household};
use cylch_store::EmploymentId;
use cylch_store::employment::{
    EmploymentEntry, EmploymentError, EmploymentRecord, StatementVersion, SupportingPa,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::employment::commands::{
    self, AuthorisationFields, DbsFields, EndFields, HireFields, InsuranceFields, LinkFields,
    ReferenceFields, Refused, RightToWorkFields, StatementFields, TrainingFields,
};
use crate::areas::employment::pages::{DASHBOARD_DAYS, missing_words};
use crate::common::api::{ApiErrorBody, Caller, rejected, scope};
use crate::common::error::AppError;

/// The rates of pay, in pence.
#[derive(Serialize, ToSchema)]
pub struct RatesView {
    day: i64,
    night: i64,
    weekend: i64,
    bank_holiday: i64,
    sleep_in_per_night: i64,
}

#[derive(Serialize, ToSchema)]
pub struct WorksWithView {
    person: String,
    name: String,
    needs_medication: bool,
}

#[derive(Serialize, ToSchema)]
pub struct TrainingView {
    /// `moving-and-handling`, `first-aid`, `safeguarding` or `medication`
    course: String,
    completed: String,
    expires: Option<String>,
}

/// A PA's whole record: for the officers with the employer's duties and
/// the PA.
#[derive(Serialize, ToSchema)]
pub struct FullView {
    name: String,
    account: Option<String>,
    born: String,
    /// Masked (`•• •• •• 56 C`) unless asked for with `reveal=ni`.
    ni_number: Option<String>,
    address: String,
    job_title: String,
    duties: Option<String>,
    place_of_work: String,
    start: String,
    last_day: Option<String>,
    end_reason: Option<String>,
    /// `fixed`, `fixed-part-year` or `irregular`
    hours: String,
    /// Ten-thousandths of an hour, for fixed hours.
    weekly_hours: Option<i64>,
    rates: RatesView,
    /// `weekly`, `two_weekly`, `four_weekly` or `monthly`
    pay_frequency: String,
    tax_code: Option<String>,
    /// `plan_1`, `plan_2`, `plan_4` or `plan_5`; none when no student loan.
    student_loan: Option<String>,
    postgraduate_loan: bool,
    /// `assess`, `opted-in`, `opted-out` or `postponed`
    pension: String,
    welsh_speaker: bool,
    relative_in_household: bool,
    council_authorised: bool,
    works_with: Vec<WorksWithView>,
}

/// A PA as a supported person or their representative sees them.
#[derive(Serialize, ToSchema)]
pub struct SupportingView {
    name: String,
    welsh_speaker: bool,
    training: Vec<TrainingView>,
    supports: Vec<String>,
}

/// One employment in the view the caller may see: `full` or `supported`.
#[derive(Serialize, ToSchema)]
pub struct EmploymentView {
    id: String,
    /// `full` or `supported`
    view: String,
    full: Option<FullView>,
    supported: Option<SupportingView>,
}

fn frequency(f: cylch_payroll::Frequency) -> &'static str {
    match f {
        cylch_payroll::Frequency::Weekly => "weekly",
        cylch_payroll::Frequency::TwoWeekly => "two_weekly",
        cylch_payroll::Frequency::FourWeekly => "four_weekly",
        cylch_payroll::Frequency::Monthly => "monthly",
    }
}

fn full_view(r: &EmploymentRecord, reveal: bool) -> FullView {
    let e = &r.employment;
    FullView {
        name: e.name.as_str().to_owned(),
        account: r.details.account.as_ref().map(ToString::to_string),
        born: e.born.to_string(),
        ni_number: e.ni_number.as_ref().map(|n| {
            if reveal {
                n.full().to_owned()
            } else {
                n.masked()
            }
        }),
        address: r.details.address.as_str().to_owned(),
        job_title: e.job_title.as_str().to_owned(),
        duties: r.details.duties.as_ref().map(|d| d.as_str().to_owned()),
        place_of_work: e.place_of_work.as_str().to_owned(),
        start: e.start.to_string(),
        last_day: e.ending.map(|x| x.last_day.to_string()),
        end_reason: e.ending.map(|x| x.reason.code().to_owned()),
        hours: e.hours.code().to_owned(),
        weekly_hours: match e.hours {
            Hours::Fixed { weekly, .. } => Some(weekly),
            Hours::Irregular => None,
        },
        rates: RatesView {
            day: e.rates.day,
            night: e.rates.night,
            weekend: e.rates.weekend,
            bank_holiday: e.rates.bank_holiday,
            sleep_in_per_night: e.rates.sleep_in_per_night,
        },
        pay_frequency: frequency(e.pay_frequency).to_owned(),
        tax_code: r.details.tax_code.map(|c| c.to_string()),
        student_loan: r.details.student_loan.map(|l| l.code().to_owned()),
        postgraduate_loan: r.details.postgraduate_loan,
        pension: e.pension.code().to_owned(),
        welsh_speaker: r.details.welsh_speaker,
        relative_in_household: matches!(e.household, Household::RelativeInSameHousehold { .. }),
        council_authorised: matches!(
            e.household,
            Household::RelativeInSameHousehold {
                authorisation: Some(_)
            }
        ),
        works_with: r
            .works_with
            .iter()
            .map(|w| WorksWithView {
                person: w.person.clone(),
                name: w.name.clone(),
                needs_medication: w.needs_medication,
            })
            .collect(),
    }
}

fn supporting_view(pa: &SupportingPa) -> SupportingView {
    SupportingView {
        name: pa.name.as_str().to_owned(),
        welsh_speaker: pa.welsh_speaker,
        training: pa
            .training
            .iter()
            .map(|t| TrainingView {
                course: t.course.code().to_owned(),
                completed: t.completed.to_string(),
                expires: t.expires.map(|d| d.to_string()),
            })
            .collect(),
        supports: pa.supports.clone(),
    }
}

fn view(entry: &EmploymentEntry, reveal: bool) -> EmploymentView {
    match entry {
        EmploymentEntry::Full(r) => EmploymentView {
            id: r.id.as_str().to_owned(),
            view: "full".into(),
            full: Some(full_view(r, reveal)),
            supported: None,
        },
        EmploymentEntry::Supported(pa) => EmploymentView {
            id: pa.id.as_str().to_owned(),
            view: "supported".into(),
            full: None,
            supported: Some(supporting_view(pa)),
        },
    }
}

/// The API's answer to a refused action.
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

fn store_err(err: EmploymentError) -> AppError {
    match err {
        EmploymentError::Store(err) => err.into(),
        _ => AppError::NOT_FOUND,
    }
}

fn employment_id(raw: &str) -> Result<EmploymentId, AppError> {
    EmploymentId::parse(raw).ok_or(AppError::NOT_FOUND)
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/employment", params(("id" = String, Path)),
    responses((status = 200, body = [EmploymentView]), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<EmploymentView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let entries = state.store.employments(&scope).await?;
    Ok(Json(entries.iter().map(|e| view(e, false)).collect()))
}

/// A PA to hire: the fields of the hire form, and whether they speak Welsh.
#[derive(Deserialize, ToSchema)]
pub struct HireBody {
    #[serde(flatten)]
    fields: HireFields,
    #[serde(default)]
    welsh_speaker: bool,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/employment", params(("id" = String, Path)), request_body = HireBody,
    responses((status = 201, body = EmploymentView), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn hire(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<HireBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    let hired = commands::hire(
        &state,
        &scope,
        &body.fields,
        body.welsh_speaker,
        account.language,
    )
    .await;
    answer(&state, account.language, hired, |record| {
        let entry = EmploymentEntry::Full(Box::new(record));
        (StatusCode::CREATED, Json(view(&entry, false))).into_response()
    })
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/employment/{pa}", params(("id" = String, Path), ("pa" = String, Path)), request_body = HireBody,
    responses((status = 200, body = EmploymentView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<HireBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    let changed = commands::update(
        &state,
        &scope,
        &pa,
        &body.fields,
        body.welsh_speaker,
        account.language,
    )
    .await;
    answer(&state, account.language, changed, |()| {
        StatusCode::NO_CONTENT.into_response()
    })
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/employment/{pa}",
    params(("id" = String, Path), ("pa" = String, Path)),
    responses((status = 200, body = EmploymentView), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
) -> Result<Json<EmploymentView>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let entry = state
        .store
        .employment(&scope, &employment_id(&pa)?)
        .await
        .map_err(store_err)?;
    Ok(Json(view(&entry, false)))
}

/// The whole NI number.
#[derive(Serialize, ToSchema)]
pub struct NiNumberView {
    ni_number: Option<String>,
}

/// The whole NI number, for an officer with the employer's duties or the
/// PA; each call is written to the audit log.
#[utoipa::path(post, path = "/api/v1/coops/{id}/employment/{pa}/ni-number",
    params(("id" = String, Path), ("pa" = String, Path)),
    responses((status = 200, body = NiNumberView), (status = 404, body = ApiErrorBody)))]
pub async fn reveal_ni_number(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
) -> Result<Json<NiNumberView>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let number = state
        .store
        .reveal_ni_number(&scope, &employment_id(&pa)?)
        .await
        .map_err(store_err)?;
    Ok(Json(NiNumberView {
        ni_number: number.map(|n| n.full().to_owned()),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct MissingView {
    code: String,
    message: String,
}

/// What stops the PA working a shift on a day (rule 12).
#[derive(Serialize, ToSchema)]
pub struct FitView {
    date: String,
    fit: bool,
    missing: Vec<MissingView>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FitQuery {
    /// `YYYY-MM-DD`; today when absent.
    date: String,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/employment/{pa}/fit",
    params(("id" = String, Path), ("pa" = String, Path), ("date" = Option<String>, Query)),
    responses((status = 200, body = FitView), (status = 404, body = ApiErrorBody)))]
pub async fn fit(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    Query(query): Query<FitQuery>,
) -> Result<Json<FitView>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let on = match query.date.trim() {
        "" => commands::today(&state)?,
        raw => commands::day(raw)
            .map_err(|_| AppError::Kind(crate::common::error::ErrorKind::BadRequest))?,
    };
    let missing = state
        .store
        .fit_for_shift(&scope, &employment_id(&pa)?, on)
        .await
        .map_err(store_err)?;
    Ok(Json(FitView {
        date: on.to_string(),
        fit: missing.is_empty(),
        missing: missing
            .into_iter()
            .map(|m| MissingView {
                code: m.code().to_owned(),
                message: missing_words(&state, account.language, m),
            })
            .collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct DueView {
    /// The PA's employment; none for the co-operative's insurance.
    employment: Option<String>,
    name: Option<String>,
    /// `right-to-work-follow-up`, `dbs-recheck`, `dbs-status-check`,
    /// `training-renewal` or `insurance-renewal`
    item: String,
    last_valid_day: String,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/employment/due", params(("id" = String, Path)),
    responses((status = 200, body = [DueView]), (status = 404, body = ApiErrorBody)))]
pub async fn due(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<DueView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let due = state.store.due_within(&scope, DASHBOARD_DAYS).await?;
    Ok(Json(
        due.into_iter()
            .map(|d| DueView {
                employment: d.employment.map(|e| e.as_str().to_owned()),
                name: d.name,
                item: d.due.item.code().to_owned(),
                last_valid_day: d.due.last_valid_day.to_string(),
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/employment/insurance", params(("id" = String, Path)), request_body = InsuranceFields,
    responses((status = 204), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn insurance(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<InsuranceFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome = commands::record_insurance(&state, &scope, &body, account.language).await;
    answer(&state, account.language, outcome, |()| {
        StatusCode::NO_CONTENT.into_response()
    })
}

/// An action on one PA's record with a JSON body, answered 204.
macro_rules! record_action {
    ($name:ident, $body:ty, $path:literal, $command:path) => {
        #[utoipa::path(post, path = $path, params(("id" = String, Path), ("pa" = String, Path)), request_body = $body,
            responses((status = 204), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
        pub async fn $name(
            State(state): State<AppState>,
            Caller(account): Caller,
            Path((id, pa)): Path<(String, String)>,
            body: Result<Json<$body>, JsonRejection>,
        ) -> Result<Response, AppError> {
            let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
            let Json(body) = body.map_err(rejected)?;
            let outcome = $command(&state, &scope, &pa, &body, account.language).await;
            answer(&state, account.language, outcome, |_| {
                StatusCode::NO_CONTENT.into_response()
            })
        }
    };
}

record_action!(
    end,
    EndFields,
    "/api/v1/coops/{id}/employment/{pa}/end",
    commands::end_employment
);
record_action!(
    link,
    LinkFields,
    "/api/v1/coops/{id}/employment/{pa}/people",
    commands::link_person
);
record_action!(
    authorise,
    AuthorisationFields,
    "/api/v1/coops/{id}/employment/{pa}/authorisation",
    commands::record_authorisation
);
record_action!(
    right_to_work,
    RightToWorkFields,
    "/api/v1/coops/{id}/employment/{pa}/right-to-work",
    commands::record_right_to_work
);
record_action!(
    dbs,
    DbsFields,
    "/api/v1/coops/{id}/employment/{pa}/dbs",
    commands::record_dbs
);
record_action!(
    reference,
    ReferenceFields,
    "/api/v1/coops/{id}/employment/{pa}/references",
    commands::record_reference
);
record_action!(
    training,
    TrainingFields,
    "/api/v1/coops/{id}/employment/{pa}/training",
    commands::record_training
);

/// The supported person a PA no longer works with.
#[derive(Deserialize, ToSchema)]
pub struct UnlinkBody {
    #[serde(default)]
    person: String,
}

async fn unlink_command(
    state: &AppState,
    scope: &cylch_store::CoopScope,
    pa: &str,
    body: &UnlinkBody,
    language: Language,
) -> Result<(), Refused> {
    commands::unlink_person(state, scope, pa, &body.person, language).await
}

record_action!(
    unlink,
    UnlinkBody,
    "/api/v1/coops/{id}/employment/{pa}/people/remove",
    unlink_command
);

/// One version of a PA's written statement.
#[derive(Serialize, ToSchema)]
pub struct StatementView {
    version: i64,
    /// `en` or `cy`
    language: String,
    issued_at_ms: i64,
    acknowledged_at_ms: Option<i64>,
    /// Every particular in order: `[{"particular": code, "value": …}]`.
    #[schema(value_type = Object)]
    particulars: serde_json::Value,
}

impl From<&StatementVersion> for StatementView {
    fn from(v: &StatementVersion) -> Self {
        StatementView {
            version: v.version,
            language: v.language.code().to_owned(),
            issued_at_ms: v.issued_at_ms,
            acknowledged_at_ms: v.acknowledged_at_ms,
            particulars: v.particulars.clone(),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/employment/{pa}/statements",
    params(("id" = String, Path), ("pa" = String, Path)),
    responses((status = 200, body = [StatementView]), (status = 404, body = ApiErrorBody)))]
pub async fn statements(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
) -> Result<Json<Vec<StatementView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let versions = state
        .store
        .statements(&scope, &employment_id(&pa)?)
        .await
        .map_err(store_err)?;
    Ok(Json(versions.iter().map(StatementView::from).collect()))
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/employment/{pa}/statements",
    params(("id" = String, Path), ("pa" = String, Path)), request_body = StatementFields,
    responses((status = 201, body = StatementView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn issue_statement(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<StatementFields>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    let outcome = commands::issue_statement(&state, &scope, &pa, &body, account.language).await;
    answer(&state, account.language, outcome, |v| {
        (StatusCode::CREATED, Json(StatementView::from(&v))).into_response()
    })
}

/// The version of the statement the PA acknowledges.
#[derive(Deserialize, ToSchema)]
pub struct AcknowledgeBody {
    #[serde(default)]
    version: Option<i64>,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/employment/{pa}/statements/acknowledge",
    params(("id" = String, Path), ("pa" = String, Path)), request_body = AcknowledgeBody,
    responses((status = 200, body = StatementView), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn acknowledge(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, pa)): Path<(String, String)>,
    body: Result<Json<AcknowledgeBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewEmployment).await?;
    let Json(body) = body.map_err(rejected)?;
    let version = body.version.map(|v| v.to_string()).unwrap_or_default();
    let outcome =
        commands::acknowledge_statement(&state, &scope, &pa, &version, account.language).await;
    answer(&state, account.language, outcome, |v| {
        Json(StatementView::from(&v)).into_response()
    })
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/employment", list).documented::<__path_list>(),
        route("POST", "/api/v1/coops/{id}/employment", hire).documented::<__path_hire>(),
        route("GET", "/api/v1/coops/{id}/employment/due", due).documented::<__path_due>(),
        route("POST", "/api/v1/coops/{id}/employment/insurance", insurance)
            .documented::<__path_insurance>(),
        route("GET", "/api/v1/coops/{id}/employment/{pa}", show).documented::<__path_show>(),
        route("PUT", "/api/v1/coops/{id}/employment/{pa}", update).documented::<__path_update>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/ni-number",
            reveal_ni_number,
        )
        .documented::<__path_reveal_ni_number>(),
        route("GET", "/api/v1/coops/{id}/employment/{pa}/fit", fit).documented::<__path_fit>(),
        route("POST", "/api/v1/coops/{id}/employment/{pa}/end", end).documented::<__path_end>(),
        route("POST", "/api/v1/coops/{id}/employment/{pa}/people", link)
            .documented::<__path_link>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/people/remove",
            unlink,
        )
        .documented::<__path_unlink>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/authorisation",
            authorise,
        )
        .documented::<__path_authorise>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/right-to-work",
            right_to_work,
        )
        .documented::<__path_right_to_work>(),
        route("POST", "/api/v1/coops/{id}/employment/{pa}/dbs", dbs).documented::<__path_dbs>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/references",
            reference,
        )
        .documented::<__path_reference>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/training",
            training,
        )
        .documented::<__path_training>(),
        route(
            "GET",
            "/api/v1/coops/{id}/employment/{pa}/statements",
            statements,
        )
        .documented::<__path_statements>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/statements",
            issue_statement,
        )
        .documented::<__path_issue_statement>(),
        route(
            "POST",
            "/api/v1/coops/{id}/employment/{pa}/statements/acknowledge",
            acknowledge,
        )
        .documented::<__path_acknowledge>(),
    ]
}
