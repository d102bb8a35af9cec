//! The pages for holiday and absence: a PA's leave (their balance, requests,
//! sickness and other leave, with the forms that keep them) and the holiday
//! requests awaiting the viewer's decision.
//!
//! Several forms share a PA's page, so each field's id is its form's name
//! and its own (`holiday-first_day`, `decline-<request>-reason`): ids stay
//! unique, and a problem is shown at the field of the form that was sent.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::Language;
use cylch_domain::policy::{Action, has_employer_duties};
use cylch_employment::absence::OtherLeave;
use cylch_employment::holiday::Method;
use cylch_payroll::Date;
use cylch_payroll::holiday::Hours as HourCount;
use cylch_store::CoopScope;
use cylch_store::employment::leave::{HolidayRequest, LeaveEntry, RequestState};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::areas::employment::commands::today;
use crate::areas::employment::statement::{shown_date, tenths};
use crate::areas::leave::commands::{
    self, CancelFields, DecisionFields, HolidayFields, HoursWorkedFields, LeaveYearFields,
    OtherLeaveFields, Refused, SicknessFields, SicknessUpdateFields,
};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Explain;
use crate::common::viewer::Viewer;

/// One problem, already in the viewer's words, at its field.
pub struct Shown {
    pub id: String,
    pub text: String,
}

/// The problems of the one form that was sent, in the viewer's words.
#[derive(Default)]
pub struct Errors {
    list: Vec<Shown>,
}

impl Errors {
    fn of(chrome: &Chrome, form: &str, problems: &Problems) -> Errors {
        Errors {
            list: problems
                .list()
                .iter()
                .map(|p| Shown {
                    id: format!("{form}-{}", p.name),
                    text: chrome.problem(p.name, &p.message),
                })
                .collect(),
        }
    }

    /// A refusal about one field, said whole (with the balance in it).
    fn said(form: &str, field: &str, text: String) -> Errors {
        Errors {
            list: vec![Shown {
                id: format!("{form}-{field}"),
                text,
            }],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn list(&self) -> &[Shown] {
        &self.list
    }

    /// The problem at field `name` of form `form`.
    pub fn get(&self, form: &str, name: &str) -> Option<&str> {
        let id = format!("{form}-{name}");
        self.list
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.text.as_str())
    }
}

/// What was typed into the form that was sent, to show again.
#[derive(Default)]
pub struct Typed {
    form: String,
    values: serde_json::Map<String, serde_json::Value>,
}

impl Typed {
    fn of(form: &str, fields: &impl Serialize) -> Typed {
        match serde_json::to_value(fields) {
            Ok(serde_json::Value::Object(values)) => Typed {
                form: form.to_owned(),
                values,
            },
            _ => Typed::default(),
        }
    }

    pub fn v(&self, form: &str, name: &str) -> String {
        if self.form != form {
            return String::new();
        }
        match self.values.get(name) {
            Some(serde_json::Value::String(s)) => s.clone(),
            _ => String::new(),
        }
    }

    pub fn chosen(&self, form: &str, name: &str, value: &str) -> bool {
        self.v(form, name) == value
    }
}

fn leave_link(coop: &str, pa: &str) -> String {
    format!("/coops/{coop}/employment/{pa}/leave")
}

fn date_words(d: Date) -> String {
    shown_date(&d.to_string())
}

fn span_words(first: Date, last: Date) -> String {
    if first == last {
        date_words(first)
    } else {
        format!("{} – {}", date_words(first), date_words(last))
    }
}

/// Hours in words, with the days they make for a PA who counts in days.
fn hours_words(
    state: &AppState,
    language: Language,
    hours: HourCount,
    day: Option<HourCount>,
) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("hours", tenths(hours));
    match day {
        Some(day) if day > 0 => {
            let days = i64::try_from(i128::from(hours) * 10_000 / i128::from(day)).unwrap_or(0);
            args.set("days", tenths(days));
            state
                .i18n
                .format(language, "leave-hours-and-days", Some(&args))
        }
        _ => state.i18n.format(language, "leave-hours", Some(&args)),
    }
}

pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct RequestRow {
    pub id: String,
    pub pa_name: String,
    pub link: String,
    pub dates: String,
    pub amount: String,
    pub note: String,
    pub state: String,
    pub decided: String,
    pub can_cancel: bool,
    pub can_decide: bool,
}

pub struct SicknessRow {
    pub id: String,
    pub dates: String,
    pub days: i64,
    pub fit_note: String,
    pub reason: String,
}

pub struct OtherRow {
    pub kind: String,
    pub dates: String,
    pub note: String,
}

/// What the viewer may do on the requests shown.
#[derive(Clone, Copy)]
struct May {
    cancel: bool,
    decide: bool,
}

fn request_row(
    state: &AppState,
    language: Language,
    coop: &str,
    r: &HolidayRequest,
    day: Option<HourCount>,
    today: Date,
    may: May,
) -> RequestRow {
    let t = |id: &str| state.i18n.text(language, id);
    let awaiting = r.state == RequestState::Requested;
    let decided = match (&r.decided_by, r.state) {
        (Some(who), RequestState::Approved | RequestState::Declined) => {
            state
                .i18n
                .with_arg(language, "leave-decided-by", "name", who)
        }
        _ => String::new(),
    };
    RequestRow {
        id: r.id.clone(),
        pa_name: r.pa_name.clone(),
        link: leave_link(coop, r.employment.as_str()),
        dates: span_words(r.first, r.last),
        amount: hours_words(state, language, r.hours, day),
        note: r
            .note
            .as_ref()
            .map(|n| n.as_str().to_owned())
            .unwrap_or_default(),
        state: match (&r.decline_reason, r.state) {
            (Some(reason), RequestState::Declined) => {
                format!("{}: {}", t("leave-state-declined"), reason.as_str())
            }
            _ => t(&format!("leave-state-{}", r.state.code())),
        },
        decided,
        can_cancel: may.cancel
            && (awaiting || (r.state == RequestState::Approved && r.first > today)),
        can_decide: may.decide && awaiting,
    }
}

#[derive(Template)]
#[template(path = "leave/pa.html")]
struct PaPage {
    chrome: Chrome,
    errors: Errors,
    typed: Typed,
    coop_id: String,
    pa_id: String,
    pa_name: String,
    /// The whole record (the PA, the employer's officers) or days away.
    full: bool,
    year: String,
    method: String,
    balance: Vec<Fact>,
    asks_in_days: bool,
    day_hint: String,
    accrues: bool,
    reminders: Vec<String>,
    requests: Vec<RequestRow>,
    sickness: Vec<SicknessRow>,
    other: Vec<OtherRow>,
    away: Vec<String>,
    hours_worked: Vec<Fact>,
    can_request: bool,
    can_record_sickness: bool,
    can_record_other: bool,
    kinds: Vec<(String, String)>,
}

async fn pa_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    pa: &str,
    errors: Option<(&str, Problems)>,
    said: Option<Errors>,
    typed: Typed,
) -> Result<Response, AppError> {
    let id = cylch_store::EmploymentId::parse(pa).ok_or(AppError::NOT_FOUND)?;
    // A refusal to read is "not found"; a failure stays a failure.
    let entry = state.store.leave(scope, &id).await.map_err(|err| {
        match err.explain(state, viewer.language) {
            Ok(_) => AppError::NOT_FOUND,
            Err(e) => e,
        }
    })?;
    let language = viewer.language;
    let t = |id: &str| state.i18n.text(language, id);
    let coop = scope.coop_id().to_string();
    let today = today(state)?;
    let mut chrome = Chrome::new(state, viewer, "leave-title");
    let errors = match (errors, said) {
        (_, Some(said)) => said,
        (Some((form, problems)), None) => Errors::of(&chrome, form, &problems),
        (None, None) => Errors::default(),
    };
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let kinds = OtherLeave::ALL
        .iter()
        .map(|k| (k.code().to_owned(), t(&format!("leave-kind-{}", k.code()))))
        .collect();
    let mut page = PaPage {
        chrome,
        errors,
        typed,
        coop_id: coop.clone(),
        pa_id: id.as_str().to_owned(),
        pa_name: String::new(),
        full: false,
        year: String::new(),
        method: String::new(),
        balance: Vec::new(),
        asks_in_days: false,
        day_hint: String::new(),
        accrues: false,
        reminders: Vec::new(),
        requests: Vec::new(),
        sickness: Vec::new(),
        other: Vec::new(),
        away: Vec::new(),
        hours_worked: Vec::new(),
        can_request: false,
        can_record_sickness: false,
        can_record_other: false,
        kinds,
    };
    match entry {
        LeaveEntry::Away(a) => {
            page.pa_name = a.pa_name.clone();
            page.requests = a
                .requests
                .iter()
                .map(|r| {
                    request_row(
                        state,
                        language,
                        &coop,
                        r,
                        None,
                        today,
                        May {
                            cancel: false,
                            decide: a.rights.decide,
                        },
                    )
                })
                .collect();
            page.away = a.away.iter().map(|s| span_words(s.first, s.last)).collect();
        }
        LeaveEntry::Full(r) => {
            let day = r.day_length;
            let y = &r.this_year;
            let words = |h: HourCount| hours_words(state, language, h, day);
            page.pa_name = r.pa_name.clone();
            page.full = true;
            page.year = span_words(y.year.first, y.year.last);
            page.method = t(match y.method {
                Method::ProRata => "leave-method-pro-rata",
                Method::Accrual => "leave-method-accrual",
            });
            page.accrues = y.method == Method::Accrual;
            page.balance = vec![
                Fact {
                    label: t(if page.accrues {
                        "leave-balance-accrued"
                    } else {
                        "leave-balance-entitlement"
                    }),
                    value: words(y.balance.entitlement),
                },
                Fact {
                    label: t("leave-balance-taken"),
                    value: words(y.balance.taken),
                },
                Fact {
                    label: t("leave-balance-booked"),
                    value: words(y.balance.booked),
                },
                Fact {
                    label: t("leave-balance-pending"),
                    value: words(y.pending),
                },
                Fact {
                    label: t("leave-balance-remaining"),
                    value: words(y.remaining().unwrap_or(0)),
                },
            ];
            page.asks_in_days = day.is_some();
            page.day_hint = day
                .map(|d| {
                    state
                        .i18n
                        .with_arg(language, "leave-hint-days", "hours", &tenths(d))
                })
                .unwrap_or_default();
            page.requests = r
                .requests
                .iter()
                .rev()
                .map(|q| {
                    request_row(
                        state,
                        language,
                        &coop,
                        q,
                        day,
                        today,
                        May {
                            cancel: r.rights.request,
                            decide: r.rights.decide,
                        },
                    )
                })
                .collect();
            for s in &r.sickness {
                let reminder = s.sickness.fit_note_missing(today);
                if reminder {
                    page.reminders.push(
                        state.i18n.with_arg(
                            language,
                            "leave-fit-note-reminder",
                            "date",
                            &s.sickness
                                .fit_note_from()
                                .map(date_words)
                                .unwrap_or_default(),
                        ),
                    );
                }
                page.sickness.push(SicknessRow {
                    id: s.id.clone(),
                    dates: match s.sickness.last {
                        Some(last) => span_words(s.sickness.first, last),
                        None => state.i18n.with_arg(
                            language,
                            "leave-sick-since",
                            "date",
                            &date_words(s.sickness.first),
                        ),
                    },
                    days: s.sickness.days(today),
                    fit_note: match s.sickness.fit_note_received {
                        Some(d) => date_words(d),
                        None if s.sickness.needs_fit_note(today) => t("leave-fit-note-missing"),
                        None => t("leave-fit-note-not-needed"),
                    },
                    reason: s
                        .reason
                        .as_ref()
                        .map(|x| x.as_str().to_owned())
                        .unwrap_or_default(),
                });
            }
            page.other = r
                .other
                .iter()
                .map(|o| OtherRow {
                    kind: t(&format!("leave-kind-{}", o.kind.code())),
                    dates: span_words(o.span.first, o.span.last),
                    note: o
                        .note
                        .as_ref()
                        .map(|x| x.as_str().to_owned())
                        .unwrap_or_default(),
                })
                .collect();
            page.hours_worked = r
                .hours_worked
                .iter()
                .rev()
                .map(|p| Fact {
                    label: date_words(p.period_end),
                    value: words(p.hours_worked),
                })
                .collect();
            page.can_request = r.rights.request;
            page.can_record_sickness = r.rights.record_sickness;
            page.can_record_other = r.rights.record_other;
        }
    }
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    pa_page(&state, &viewer, &scope, &pa, None, None, Typed::default()).await
}

/// After an action on a PA's leave: back to the page (or to `back`), or the
/// page again with the form's problems, or the refusal.
#[allow(clippy::too_many_arguments)]
async fn answer<T>(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    pa: &str,
    outcome: Result<T, Refused>,
    form: &str,
    typed: Typed,
    back: Option<String>,
) -> Result<Response, AppError> {
    let link = leave_link(scope.coop_id().as_str(), pa);
    match outcome {
        Ok(_) => Ok(Redirect::to(&back.unwrap_or(link)).into_response()),
        Err(Refused::Fields(errors)) => {
            pa_page(state, viewer, scope, pa, Some((form, errors)), None, typed).await
        }
        Err(Refused::Rule(refusal)) => match refusal.field {
            Some(field) if refusal.status.as_u16() == 422 => {
                let said = Errors::said(form, field, refusal.message);
                pa_page(state, viewer, scope, pa, None, Some(said), typed).await
            }
            _ => refusal.to_page(state, viewer, &link),
        },
        Err(Refused::Failed(err)) => Err(err),
    }
}

/// The forms' fields as a browser sends them, with the CSRF token, which
/// the extractor has already checked.
macro_rules! leave_action {
    ($name:ident, $fields:ty, $form:literal, $command:path) => {
        pub async fn $name(
            State(state): State<AppState>,
            viewer: ViewerExt,
            Path((id, pa)): Path<(String, String)>,
            CsrfForm(f): CsrfForm<$fields>,
        ) -> Result<Response, AppError> {
            let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
            let outcome = $command(&state, &scope, &pa, &f, viewer.language).await;
            answer(
                &state,
                &viewer,
                &scope,
                &pa,
                outcome,
                $form,
                Typed::of($form, &f),
                None,
            )
            .await
        }
    };
}

leave_action!(request, HolidayFields, "holiday", commands::request_holiday);
leave_action!(cancel, CancelFields, "cancel", commands::cancel);
leave_action!(
    sickness,
    SicknessFields,
    "sickness",
    commands::record_sickness
);
leave_action!(
    other,
    OtherLeaveFields,
    "other",
    commands::record_other_leave
);
leave_action!(
    hours,
    HoursWorkedFields,
    "hours",
    commands::record_hours_worked
);

/// The form to end a sickness absence or record its fit note, one for each
/// absence: its fields' ids carry the absence's.
pub async fn sickness_update(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<SicknessUpdateFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    let outcome = commands::update_sickness(&state, &scope, &pa, &f, viewer.language).await;
    let form = format!("sick-{}", f.absence.trim());
    answer(
        &state,
        &viewer,
        &scope,
        &pa,
        outcome,
        &form,
        Typed::of(&form, &f),
        None,
    )
    .await
}

/// A decision as a browser sends it: from the PA's page, or from the list
/// of requests awaiting the viewer (`from=requests`), which it returns to.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct DecisionForm {
    #[serde(flatten)]
    fields: DecisionFields,
    from: String,
}

async fn decide(
    state: AppState,
    viewer: ViewerExt,
    id: String,
    pa: String,
    form: DecisionForm,
    approve: bool,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    let outcome = if approve {
        commands::approve(&state, &scope, &pa, &form.fields, viewer.language).await
    } else {
        commands::decline(&state, &scope, &pa, &form.fields, viewer.language).await
    };
    let back = (form.from == "requests").then(|| format!("/coops/{id}/leave/requests"));
    let name = format!("decide-{}", form.fields.request.trim());
    answer(
        &state,
        &viewer,
        &scope,
        &pa,
        outcome,
        &name,
        Typed::of(&name, &form.fields),
        back,
    )
    .await
}

pub async fn approve(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, AppError> {
    decide(state, viewer, id, pa, form, true).await
}

pub async fn decline(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, AppError> {
    decide(state, viewer, id, pa, form, false).await
}

// ---- Requests awaiting the viewer ------------------------------------------

#[derive(Template)]
#[template(path = "leave/requests.html")]
struct RequestsPage {
    chrome: Chrome,
    errors: Errors,
    coop_id: String,
    requests: Vec<RequestRow>,
    employer: bool,
    year_start: String,
    months: Vec<(String, String)>,
    month: String,
    day: String,
}

async fn requests_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Option<Problems>,
) -> Result<Response, AppError> {
    let language = viewer.language;
    let today = today(state)?;
    let waiting = state.store.holiday_requests_awaiting(scope).await?;
    let coop = scope.coop_id().to_string();
    let (month, day) = state.store.leave_year_start(scope).await?;
    let mut chrome = Chrome::new(state, viewer, "leave-requests-title");
    let errors = errors
        .map(|p| Errors::of(&chrome, "year", &p))
        .unwrap_or_default();
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let months = (1..=12)
        .map(|m| {
            (
                m.to_string(),
                state.i18n.text(language, &format!("leave-month-{m}")),
            )
        })
        .collect();
    let page = RequestsPage {
        coop_id: coop.clone(),
        requests: waiting
            .iter()
            .map(|r| {
                request_row(
                    state,
                    language,
                    &coop,
                    r,
                    None,
                    today,
                    May {
                        cancel: false,
                        decide: true,
                    },
                )
            })
            .collect(),
        employer: has_employer_duties(scope.roles()),
        year_start: format!(
            "{day} {}",
            state.i18n.text(language, &format!("leave-month-{month}"))
        ),
        months,
        month: month.to_string(),
        day: day.to_string(),
        chrome,
        errors,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn requests(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    requests_page(&state, &viewer, &scope, None).await
}

pub async fn leave_year(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<LeaveYearFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    match commands::set_leave_year(&state, &scope, &f, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&format!("/coops/{id}/leave/requests")).into_response()),
        Err(Refused::Fields(problems)) => {
            requests_page(&state, &viewer, &scope, Some(problems)).await
        }
        Err(Refused::Rule(refusal)) => match refusal.field {
            Some(field) if refusal.status.as_u16() == 422 => {
                let mut problems = Problems::default();
                problems.add(field, refusal.code);
                requests_page(&state, &viewer, &scope, Some(problems)).await
            }
            _ => refusal.to_page(&state, &viewer, &format!("/coops/{id}/leave/requests")),
        },
        Err(Refused::Failed(err)) => Err(err),
    }
}

/// This area's pages.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/leave/requests", requests),
        route("POST", "/coops/{id}/leave/year", leave_year),
        route("GET", "/coops/{id}/employment/{pa}/leave", show),
        route(
            "POST",
            "/coops/{id}/employment/{pa}/leave/requests",
            request,
        ),
        route("POST", "/coops/{id}/employment/{pa}/leave/approve", approve),
        route("POST", "/coops/{id}/employment/{pa}/leave/decline", decline),
        route("POST", "/coops/{id}/employment/{pa}/leave/cancel", cancel),
        route(
            "POST",
            "/coops/{id}/employment/{pa}/leave/sickness",
            sickness,
        ),
        route(
            "POST",
            "/coops/{id}/employment/{pa}/leave/sickness/update",
            sickness_update,
        ),
        route("POST", "/coops/{id}/employment/{pa}/leave/other", other),
        route("POST", "/coops/{id}/employment/{pa}/leave/hours", hours),
    ]
}
