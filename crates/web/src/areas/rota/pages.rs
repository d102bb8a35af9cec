//! The rota's pages: a week of shifts as the viewer may see them, one
//! shift with the PAs who could work it (each with the reasons they may
//! not, before anyone chooses), and the form for a new shift.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::Language;
use cylch_domain::policy::{Action, has_employer_duties};
use cylch_employment::rostering::ShiftKind;
use cylch_store::CoopScope;
use cylch_store::employment::EmploymentEntry;
use cylch_store::rota::RotaShift;
use serde::Deserialize;

use crate::AppState;
use crate::areas::rota::commands::{
    self, ShiftFields, caution_words, code_words, day_words, said_once, unfit_words,
};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::fields::{parse_date, wales};
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::{Refusal, Refused};
use crate::common::viewer::Viewer;

/// One shift as a line of the rota.
pub struct ShiftRow {
    pub link: String,
    pub times: String,
    pub kind: String,
    pub people: String,
    pub pa: Option<String>,
    /// Who Cylch took off it and why, while it still needs a PA.
    pub taken_off: Option<String>,
    pub cancelled: bool,
}

fn row(state: &AppState, language: Language, coop: &str, s: &RotaShift) -> ShiftRow {
    let next_day = if s.end.date() > s.start.date() {
        format!(" {}", state.i18n.text(language, "rota-next-day"))
    } else {
        String::new()
    };
    let taken_off = match (&s.pa, &s.taken_off, s.cancelled) {
        (None, Some(off), false) => {
            let reasons: Vec<String> = off
                .reasons
                .iter()
                .map(|c| code_words(state, language, c))
                .collect();
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("pa", off.pa.name.clone());
            args.set("reasons", reasons.join(" "));
            Some(state.i18n.format(language, "rota-taken-off", Some(&args)))
        }
        _ => None,
    };
    ShiftRow {
        link: format!("/coops/{coop}/rota/{}", s.id),
        times: format!(
            "{}–{}{next_day}",
            s.start.strftime("%H:%M"),
            s.end.strftime("%H:%M")
        ),
        kind: kind_words(state, language, s.kind),
        people: s
            .people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        pa: s.pa.as_ref().map(|p| p.name.clone()),
        taken_off,
        cancelled: s.cancelled,
    }
}

fn kind_words(state: &AppState, language: Language, kind: ShiftKind) -> String {
    state
        .i18n
        .text(language, &format!("rota-kind-{}", kind.code()))
}

pub struct Day {
    pub heading: String,
    pub shifts: Vec<ShiftRow>,
}

#[derive(Template)]
#[template(path = "rota/week.html")]
struct WeekPage {
    chrome: Chrome,
    coop_id: String,
    employer: bool,
    days: Vec<Day>,
    previous: String,
    next: String,
    empty: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WeekQuery {
    from: String,
}

fn today(state: &AppState) -> jiff::civil::Date {
    state.clock().now().to_zoned_datetime(wales()).date()
}

pub async fn week(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    Query(query): Query<WeekQuery>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRota).await?;
    // A week from Monday; a date that cannot be read shows this week.
    let asked = parse_date(&query.from).unwrap_or_else(|_| today(&state));
    let monday = asked
        .checked_sub(jiff::Span::new().days(i64::from(asked.weekday().to_monday_zero_offset())))
        .unwrap_or(asked);
    let shifts = state.store.shifts(&scope, monday, 7).await?;
    let language = viewer.language;
    let coop = scope.coop_id().to_string();
    let mut days = Vec::new();
    for offset in 0..7 {
        let Ok(day) = monday.checked_add(jiff::Span::new().days(offset)) else {
            continue;
        };
        let heading = day_words(&state, language, day);
        days.push(Day {
            heading,
            shifts: shifts
                .iter()
                .filter(|s| s.day() == day)
                .map(|s| row(&state, language, &coop, s))
                .collect(),
        });
    }
    let step = |days: i64| {
        monday
            .checked_add(jiff::Span::new().days(days))
            .map(|d| format!("/coops/{coop}/rota?from={d}"))
            .unwrap_or_default()
    };
    let page = WeekPage {
        chrome: Chrome::new(&state, &viewer, "rota-title"),
        employer: has_employer_duties(scope.roles()),
        empty: shifts.is_empty(),
        previous: step(-7),
        next: step(7),
        coop_id: coop,
        days,
    };
    render(&page)
}

/// What was typed into the shift form, to show again.
#[derive(Default)]
pub struct Typed {
    pub date: String,
    pub start: String,
    pub end: String,
    pub kind: String,
    pub break_minutes: String,
    pub people: Vec<String>,
    pub pa: String,
}

impl Typed {
    fn from_pairs(pairs: &[(String, String)]) -> (Typed, ShiftFields) {
        let mut f = ShiftFields::default();
        for (key, value) in pairs {
            match key.as_str() {
                "date" => f.date = value.clone(),
                "start" => f.start = value.clone(),
                "end" => f.end = value.clone(),
                "kind" => f.kind = value.clone(),
                "break_minutes" => f.break_minutes = value.clone(),
                "people" => f.people.push(value.clone()),
                "pa" => f.pa = value.clone(),
                _ => {}
            }
        }
        (
            Typed {
                date: f.date.clone(),
                start: f.start.clone(),
                end: f.end.clone(),
                kind: f.kind.clone(),
                break_minutes: f.break_minutes.clone(),
                people: f.people.clone(),
                pa: f.pa.clone(),
            },
            f,
        )
    }

    pub fn ticked(&self, person: &str) -> bool {
        self.people.iter().any(|p| p == person)
    }

    pub fn kind_is(&self, kind: &str) -> bool {
        self.kind == kind || (self.kind.is_empty() && kind == "day")
    }
}

/// A refusal of a PA for a shift, with every reason.
pub struct Unfit {
    pub message: String,
    pub reasons: Vec<String>,
}

fn unfit_of(refusal: &Refusal) -> Unfit {
    Unfit {
        message: refusal.message.clone(),
        reasons: refusal.reasons.iter().map(|(_, r)| r.clone()).collect(),
    }
}

pub struct Choice {
    pub id: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "rota/new.html")]
struct NewShiftPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    typed: Typed,
    people: Vec<Choice>,
    pas: Vec<Choice>,
    kinds: Vec<Choice>,
    unfit: Option<Unfit>,
}

async fn new_shift_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    typed: Typed,
    unfit: Option<Unfit>,
) -> Result<Response, AppError> {
    let language = viewer.language;
    let today = today(state);
    let (register, _) = state.store.support_register(scope).await?;
    let people = register
        .iter()
        .filter(|p| p.ends_on.is_none_or(|end| end >= today))
        .map(|p| Choice {
            id: p.id.clone(),
            name: p.name.clone(),
        })
        .collect();
    let pas = state
        .store
        .employments(scope)
        .await?
        .into_iter()
        .filter_map(|e| match e {
            EmploymentEntry::Full(r) if r.employment.ending.is_none() => Some(Choice {
                id: r.id.to_string(),
                name: r.employment.name.as_str().to_owned(),
            }),
            _ => None,
        })
        .collect();
    let kinds = ShiftKind::ALL
        .iter()
        .map(|k| Choice {
            id: k.code().to_owned(),
            name: kind_words(state, language, *k),
        })
        .collect();
    let mut chrome = Chrome::new(state, viewer, "rota-new-title");
    let invalid = !errors.is_empty();
    if invalid {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let page = NewShiftPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        typed,
        people,
        pas,
        kinds,
        unfit,
    };
    if invalid {
        render_invalid(&page)
    } else {
        render(&page)
    }
}

pub async fn new_shift(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageRota).await?;
    let typed = Typed {
        date: today(&state).to_string(),
        ..Typed::default()
    };
    new_shift_page(&state, &viewer, &scope, Problems::default(), typed, None).await
}

/// The problems of a refusal of the PA, as the error summary names them.
fn pa_problem() -> Problems {
    let mut errors = Problems::default();
    errors.add("pa", "rota-error-pa-unfit");
    errors
}

pub async fn add(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageRota).await?;
    let (typed, fields) = Typed::from_pairs(&pairs);
    match commands::add_shift(&state, &scope, &fields, viewer.language).await {
        Ok((shift, _)) => {
            Ok(Redirect::to(&format!("/coops/{id}/rota/{}", shift.id)).into_response())
        }
        Err(Refused::Fields(errors)) => {
            new_shift_page(&state, &viewer, &scope, errors, typed, None).await
        }
        Err(Refused::Rule(refusal)) => {
            let unfit = Some(unfit_of(&refusal));
            new_shift_page(&state, &viewer, &scope, pa_problem(), typed, unfit).await
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub struct Candidate {
    pub id: String,
    pub name: String,
    pub fit: bool,
    pub current: bool,
    pub reasons: Vec<String>,
    pub cautions: Vec<String>,
}

#[derive(Template)]
#[template(path = "rota/shift.html")]
struct ShiftPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    shift_id: String,
    /// The shift's day, for the way back to its week.
    day: String,
    when: String,
    row: ShiftRow,
    employer: bool,
    candidates: Vec<Candidate>,
    unfit: Option<Unfit>,
    chosen: String,
}

async fn shift_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    shift: &str,
    errors: Problems,
    unfit: Option<Unfit>,
    chosen: String,
) -> Result<Response, AppError> {
    let language = viewer.language;
    let id = cylch_store::ShiftId::parse(shift).ok_or(AppError::NOT_FOUND)?;
    let s = state
        .store
        .shift(scope, &id)
        .await
        .map_err(|_| AppError::NOT_FOUND)?;
    let employer = has_employer_duties(scope.roles());
    let mut candidates = Vec::new();
    if employer && !s.cancelled {
        let people = s
            .people
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        for (pa, assessment) in state
            .store
            .candidates(scope, &id)
            .await
            .map_err(|_| AppError::NOT_FOUND)?
        {
            candidates.push(Candidate {
                current: s.pa.as_ref().is_some_and(|p| p.employment == pa.employment),
                id: pa.employment.to_string(),
                name: pa.name,
                fit: assessment.fit(),
                reasons: said_once(
                    assessment
                        .unfit
                        .iter()
                        .map(|u| unfit_words(state, language, u, &people))
                        .collect(),
                ),
                cautions: said_once(
                    assessment
                        .cautions
                        .iter()
                        .map(|c| caution_words(state, language, c))
                        .collect(),
                ),
            });
        }
    }
    let coop = scope.coop_id().to_string();
    let mut chrome = Chrome::new(state, viewer, "rota-shift-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let page = ShiftPage {
        chrome,
        when: day_words(state, language, s.day()),
        day: s.day().to_string(),
        row: row(state, language, &coop, &s),
        coop_id: coop,
        shift_id: s.id.to_string(),
        employer,
        candidates,
        unfit,
        chosen,
        errors,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, shift)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRota).await?;
    shift_page(
        &state,
        &viewer,
        &scope,
        &shift,
        Problems::default(),
        None,
        String::new(),
    )
    .await
}

#[derive(Deserialize, serde::Serialize, Default)]
#[serde(default)]
pub struct AssignForm {
    pa: String,
}

pub async fn assign(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, shift)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageRota).await?;
    match commands::assign(&state, &scope, &shift, &form.pa, viewer.language).await {
        Ok(_) => Ok(Redirect::to(&format!("/coops/{id}/rota/{shift}")).into_response()),
        Err(Refused::Fields(errors)) => {
            shift_page(&state, &viewer, &scope, &shift, errors, None, form.pa).await
        }
        Err(Refused::Rule(refusal)) if refusal.field == Some("pa") => {
            let unfit = Some(unfit_of(&refusal));
            shift_page(
                &state,
                &viewer,
                &scope,
                &shift,
                pa_problem(),
                unfit,
                form.pa,
            )
            .await
        }
        Err(Refused::Rule(refusal)) => {
            refusal.to_page(&state, &viewer, &format!("/coops/{id}/rota/{shift}"))
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub async fn unassign(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, shift)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageRota).await?;
    done(
        &state,
        &viewer,
        &id,
        &shift,
        commands::unassign(&state, &scope, &shift, viewer.language).await,
    )
}

pub async fn cancel(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, shift)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageRota).await?;
    done(
        &state,
        &viewer,
        &id,
        &shift,
        commands::cancel(&state, &scope, &shift, viewer.language).await,
    )
}

fn done(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    shift: &str,
    outcome: Result<(), Refused>,
) -> Result<Response, AppError> {
    let back = format!("/coops/{id}/rota/{shift}");
    match outcome {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Rule(refusal)) => refusal.to_page(state, viewer, &back),
        Err(Refused::Fields(_)) => Err(AppError::Kind(crate::common::error::ErrorKind::BadRequest)),
        Err(Refused::Failed(err)) => Err(err),
    }
}

/// This area's pages.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/rota", week),
        route("POST", "/coops/{id}/rota", add),
        route("GET", "/coops/{id}/rota/new", new_shift),
        route("GET", "/coops/{id}/rota/{shift}", show),
        route("POST", "/coops/{id}/rota/{shift}/assign", assign),
        route("POST", "/coops/{id}/rota/{shift}/unassign", unassign),
        route("POST", "/coops/{id}/rota/{shift}/cancel", cancel),
    ]
}
