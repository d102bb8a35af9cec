//! The pages of needs and availability: who the caller keeps records for,
//! one person's needs (routines, dated exceptions, choices of PA) with the
//! form for a routine on its own page, and one PA's availability with its
//! forms. Each form posts without JavaScript and comes back with its
//! problems at the fields.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_store::CoopScope;
use cylch_store::people::PersonScope;
use cylch_store::rota::availability::{AvailabilityExceptionKind, AwayKind, Contracted, PaScope};
use cylch_store::rota::needs::{Call, ExceptionKind, Routine, Skill, Times, Weekdays, WelshNeed};

use super::commands::{
    self, AvailabilityExceptionFields, EndFields, HoursFields, NeedExceptionFields,
    PreferenceFields, RoutineFields, SlotFields,
};
use crate::AppState;
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Refused;
use crate::common::viewer::Viewer;

/// A choice on a form: its value, its words, and whether it is ticked.
pub struct Choice {
    pub id: String,
    pub name: String,
    pub ticked: bool,
}

fn weekday_words(state: &AppState, language: Language, days: Weekdays) -> String {
    let all = days.days();
    if all.len() == 7 {
        return state.i18n.text(language, "needs-every-day");
    }
    all.iter()
        .map(|d| {
            state.i18n.text(
                language,
                &format!("rota-weekday-{}", d.to_monday_one_offset()),
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn times_words(state: &AppState, language: Language, t: Times) -> String {
    let next = if t.overnight() {
        format!(" {}", state.i18n.text(language, "rota-next-day"))
    } else {
        String::new()
    };
    format!(
        "{}–{}{next}",
        t.start.strftime("%H:%M"),
        t.end.strftime("%H:%M")
    )
}

fn call_words(state: &AppState, language: Language, call: Call) -> String {
    state
        .i18n
        .text(language, &format!("needs-call-{}", call.code()))
}

fn skill_words(state: &AppState, language: Language, skills: &[Skill]) -> String {
    skills
        .iter()
        .map(|s| {
            state
                .i18n
                .text(language, &format!("needs-skill-{}", s.code()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn shown_date(d: jiff::civil::Date) -> String {
    d.strftime("%d/%m/%Y").to_string()
}

fn weekday_choices(state: &AppState, language: Language, ticked: &[String]) -> Vec<Choice> {
    (1..=7)
        .map(|n| Choice {
            id: n.to_string(),
            name: state.i18n.text(language, &format!("rota-weekday-{n}")),
            ticked: ticked.iter().any(|t| t == &n.to_string()),
        })
        .collect()
}

fn call_choices(state: &AppState, language: Language, chosen: &str) -> Vec<Choice> {
    Call::ALL
        .iter()
        .map(|c| Choice {
            id: c.code().to_owned(),
            name: call_words(state, language, *c),
            ticked: c.code() == chosen,
        })
        .collect()
}

fn skill_choices(state: &AppState, language: Language, ticked: &[String]) -> Vec<Choice> {
    Skill::ALL
        .iter()
        .map(|s| Choice {
            id: s.code().to_owned(),
            name: state
                .i18n
                .text(language, &format!("needs-skill-{}", s.code())),
            ticked: ticked.iter().any(|t| t == s.code()),
        })
        .collect()
}

/// What the caller keeps, linked from the rota.
#[derive(Template)]
#[template(path = "rota/needs_index.html")]
struct IndexPage {
    chrome: Chrome,
    coop_id: String,
    people: Vec<Choice>,
    pas: Vec<Choice>,
}

pub async fn index(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRota).await?;
    let people = state
        .store
        .needs_people(&scope)
        .await?
        .into_iter()
        .map(|p| Choice {
            id: p.person().as_str().to_owned(),
            name: p.name().to_owned(),
            ticked: false,
        })
        .collect();
    let pas = state
        .store
        .availability_pas(&scope)
        .await?
        .into_iter()
        .map(|p| Choice {
            id: p.employment().to_string(),
            name: p.name().to_owned(),
            ticked: p.own(),
        })
        .collect();
    render(&IndexPage {
        chrome: Chrome::new(&state, &viewer, "needs-index-title"),
        coop_id: scope.coop_id().to_string(),
        people,
        pas,
    })
}

/// One routine as a line of the needs page.
pub struct RoutineRow {
    pub id: String,
    pub call: String,
    pub days: String,
    pub times: String,
    pub pas: i64,
    pub skills: String,
    pub shared_with: String,
    pub from: String,
    pub ended: Option<String>,
}

fn routine_row(state: &AppState, language: Language, person: &str, r: &Routine) -> RoutineRow {
    RoutineRow {
        id: r.id.clone(),
        call: call_words(state, language, r.call),
        days: weekday_words(state, language, r.weekdays),
        times: times_words(state, language, r.times),
        pas: r.pas_required,
        skills: skill_words(state, language, &r.skills),
        shared_with: r
            .people
            .iter()
            .filter(|p| p.id != person)
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        from: shown_date(r.starts_on),
        ended: r.ended_on.map(shown_date),
    }
}

pub struct ExceptionRow {
    pub id: String,
    pub date: String,
    pub words: String,
}

/// What was typed into the needs page's forms, to show again.
#[derive(Default)]
pub struct NeedsTyped {
    pub exception: NeedExceptionFields,
    pub welsh: String,
    pub preferred: Vec<String>,
    pub not_wanted: Vec<String>,
}

#[derive(Template)]
#[template(path = "rota/needs.html")]
struct NeedsPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    person_id: String,
    name: String,
    routines: Vec<RoutineRow>,
    exceptions: Vec<ExceptionRow>,
    running: Vec<Choice>,
    calls: Vec<Choice>,
    welsh: Vec<Choice>,
    preferred: Vec<Choice>,
    not_wanted: Vec<Choice>,
    typed: NeedsTyped,
}

impl NeedsPage {
    fn exception_kind_is(&self, kind: &str) -> bool {
        self.typed.exception.kind == kind
    }
}

async fn needs_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    person: &PersonScope,
    errors: Problems,
    typed: Option<NeedsTyped>,
) -> Result<Response, AppError> {
    let language = viewer.language;
    let needs = state
        .store
        .needs(scope, person)
        .await
        .map_err(|_| AppError::NOT_FOUND)?;
    let pid = person.person().as_str();
    let routines: Vec<RoutineRow> = needs
        .routines
        .iter()
        .map(|r| routine_row(state, language, pid, r))
        .collect();
    let routine_name = |id: &str| {
        routines
            .iter()
            .find(|r| r.id == id)
            .map(|r| format!("{} {}", r.call, r.times))
            .unwrap_or_default()
    };
    let exceptions = needs
        .exceptions
        .iter()
        .map(|e| ExceptionRow {
            id: e.id.clone(),
            date: crate::areas::rota::commands::day_words(state, language, e.date),
            words: match &e.kind {
                ExceptionKind::Skip { routine } => state.i18n.with_arg(
                    language,
                    "needs-exception-skip",
                    "routine",
                    &routine_name(routine),
                ),
                ExceptionKind::Extra(call) => state.i18n.with_arg(
                    language,
                    "needs-exception-extra",
                    "call",
                    &format!(
                        "{} {}",
                        call_words(state, language, call.call),
                        times_words(state, language, call.times)
                    ),
                ),
            },
        })
        .collect();
    let typed = typed.unwrap_or_else(|| NeedsTyped {
        welsh: needs.preferences.welsh.code().to_owned(),
        preferred: needs
            .preferences
            .preferred
            .iter()
            .map(|p| p.to_string())
            .collect(),
        not_wanted: needs
            .preferences
            .not_wanted
            .iter()
            .map(|p| p.to_string())
            .collect(),
        ..NeedsTyped::default()
    });
    let running = needs
        .routines
        .iter()
        .filter(|r| r.ended_on.is_none())
        .map(|r| Choice {
            id: r.id.clone(),
            name: format!(
                "{} ({}, {})",
                call_words(state, language, r.call),
                weekday_words(state, language, r.weekdays),
                times_words(state, language, r.times)
            ),
            ticked: typed.exception.routine == r.id,
        })
        .collect();
    let pa_choice = |list: &[String]| -> Vec<Choice> {
        needs
            .pas()
            .iter()
            .map(|p| Choice {
                id: p.employment.to_string(),
                name: if p.welsh_speaker {
                    format!(
                        "{} ({})",
                        p.name,
                        state.i18n.text(language, "needs-speaks-welsh")
                    )
                } else {
                    p.name.clone()
                },
                ticked: list.iter().any(|t| t == p.employment.as_str()),
            })
            .collect()
    };
    let welsh = WelshNeed::ALL
        .iter()
        .map(|w| Choice {
            id: w.code().to_owned(),
            name: state
                .i18n
                .text(language, &format!("needs-welsh-{}", w.code())),
            ticked: typed.welsh == w.code(),
        })
        .collect();
    let mut chrome = Chrome::new(state, viewer, "needs-title");
    chrome.title = format!("{} – {}", chrome.title, person.name());
    let invalid = !errors.is_empty();
    if invalid {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let page = NeedsPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        person_id: pid.to_owned(),
        name: person.name().to_owned(),
        routines,
        exceptions,
        running,
        calls: call_choices(state, language, &typed.exception.call),
        welsh,
        preferred: pa_choice(&typed.preferred),
        not_wanted: pa_choice(&typed.not_wanted),
        typed,
    };
    if invalid {
        render_invalid(&page)
    } else {
        render(&page)
    }
}

pub async fn needs(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    needs_page(&state, &viewer, &scope, &person, Problems::default(), None).await
}

fn needs_link(id: &str, person: &str) -> String {
    format!("/coops/{id}/rota/needs/{person}")
}

/// A refusal of a change with no form of its own: the rule's page, or
/// the failure.
fn elsewhere(
    state: &AppState,
    viewer: &Viewer,
    back: &str,
    refused: Refused,
) -> Result<Response, AppError> {
    match refused {
        Refused::Rule(refusal) => refusal.to_page(state, viewer, back),
        Refused::Fields(_) => Err(AppError::Kind(crate::common::error::ErrorKind::BadRequest)),
        Refused::Failed(err) => Err(err),
    }
}

pub async fn set_preferences(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let mut f = PreferenceFields::default();
    for (key, value) in pairs {
        match key.as_str() {
            "welsh" => f.welsh = value,
            "preferred" => f.preferred.push(value),
            "not_wanted" => f.not_wanted.push(value),
            _ => {}
        }
    }
    let back = needs_link(&id, person.person().as_str());
    match commands::set_preferences(&state, &scope, &person, &f, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            let typed = NeedsTyped {
                welsh: f.welsh,
                preferred: f.preferred,
                not_wanted: f.not_wanted,
                ..NeedsTyped::default()
            };
            needs_page(&state, &viewer, &scope, &person, errors, Some(typed)).await
        }
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

pub async fn add_exception(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let mut f = NeedExceptionFields::default();
    for (key, value) in pairs {
        match key.as_str() {
            "exception_kind" => f.kind = value,
            "exception_date" => f.date = value,
            "exception_routine" => f.routine = value,
            "exception_call" => f.call = value,
            "exception_start" => f.start = value,
            "exception_end" => f.end = value,
            "exception_pas_required" => f.pas_required = value,
            _ => {}
        }
    }
    let back = needs_link(&id, person.person().as_str());
    match commands::add_need_exception(&state, &scope, &person, &f, true, viewer.language).await {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            let needs = state.store.needs(&scope, &person).await.ok();
            let typed = NeedsTyped {
                exception: f,
                welsh: needs
                    .as_ref()
                    .map(|n| n.preferences.welsh.code().to_owned())
                    .unwrap_or_default(),
                ..NeedsTyped::default()
            };
            needs_page(&state, &viewer, &scope, &person, errors, Some(typed)).await
        }
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

pub async fn remove_exception(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person, exception)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let back = needs_link(&id, person.person().as_str());
    match commands::remove_need_exception(&state, &scope, &person, &exception, viewer.language)
        .await
    {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

#[derive(Template)]
#[template(path = "rota/routine.html")]
struct RoutinePage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    person_id: String,
    name: String,
    /// The routine's id when changing one.
    routine: Option<String>,
    typed: RoutineFields,
    calls: Vec<Choice>,
    weekdays: Vec<Choice>,
    skills: Vec<Choice>,
    others: Vec<Choice>,
    last_day: String,
}

impl RoutinePage {
    fn action(&self) -> String {
        match &self.routine {
            Some(r) => format!(
                "/coops/{}/rota/needs/{}/routines/{r}",
                self.coop_id, self.person_id
            ),
            None => format!(
                "/coops/{}/rota/needs/{}/routines",
                self.coop_id, self.person_id
            ),
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn routine_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    person: &PersonScope,
    routine: Option<String>,
    typed: RoutineFields,
    errors: Problems,
    last_day: String,
) -> Result<Response, AppError> {
    let language = viewer.language;
    let others = state
        .store
        .needs_people(scope)
        .await?
        .into_iter()
        .filter(|p| p.person() != person.person())
        .map(|p| Choice {
            id: p.person().as_str().to_owned(),
            ticked: typed.shared_with.iter().any(|s| s == p.person().as_str()),
            name: p.name().to_owned(),
        })
        .collect();
    let title = if routine.is_some() {
        "needs-change-routine-title"
    } else {
        "needs-new-routine-title"
    };
    let mut chrome = Chrome::new(state, viewer, title);
    let invalid = !errors.is_empty();
    if invalid {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let page = RoutinePage {
        chrome,
        coop_id: scope.coop_id().to_string(),
        person_id: person.person().as_str().to_owned(),
        name: person.name().to_owned(),
        routine,
        calls: call_choices(state, language, &typed.call),
        weekdays: weekday_choices(state, language, &typed.weekdays),
        skills: skill_choices(state, language, &typed.skills),
        others,
        typed,
        errors,
        last_day,
    };
    if invalid {
        render_invalid(&page)
    } else {
        render(&page)
    }
}

fn routine_fields(pairs: Vec<(String, String)>) -> RoutineFields {
    let mut f = RoutineFields::default();
    for (key, value) in pairs {
        match key.as_str() {
            "call" => f.call = value,
            "weekdays" => f.weekdays.push(value),
            "start" => f.start = value,
            "end" => f.end = value,
            "pas_required" => f.pas_required = value,
            "skills" => f.skills.push(value),
            "starts_on" => f.starts_on = value,
            "shared_with" => f.shared_with.push(value),
            _ => {}
        }
    }
    f
}

pub async fn new_routine(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let typed = RoutineFields {
        pas_required: "1".into(),
        starts_on: commands::today(&state).to_string(),
        ..RoutineFields::default()
    };
    routine_page(
        &state,
        &viewer,
        &scope,
        &person,
        None,
        typed,
        Problems::default(),
        String::new(),
    )
    .await
}

pub async fn add_routine(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let f = routine_fields(pairs);
    let back = needs_link(&id, person.person().as_str());
    match commands::add_routine(&state, &scope, &person, &f, viewer.language).await {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            routine_page(
                &state,
                &viewer,
                &scope,
                &person,
                None,
                f,
                errors,
                String::new(),
            )
            .await
        }
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

pub async fn show_routine(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person, routine)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let needs = state
        .store
        .needs(&scope, &person)
        .await
        .map_err(|_| AppError::NOT_FOUND)?;
    let r = needs
        .routines
        .iter()
        .find(|r| r.id == routine)
        .ok_or(AppError::NOT_FOUND)?;
    let typed = RoutineFields {
        call: r.call.code().to_owned(),
        weekdays: r
            .weekdays
            .days()
            .iter()
            .map(|d| d.to_monday_one_offset().to_string())
            .collect(),
        start: r.times.start.strftime("%H:%M").to_string(),
        end: r.times.end.strftime("%H:%M").to_string(),
        pas_required: r.pas_required.to_string(),
        skills: r.skills.iter().map(|s| s.code().to_owned()).collect(),
        starts_on: r.starts_on.to_string(),
        shared_with: r
            .people
            .iter()
            .filter(|p| p.id != person.person().as_str())
            .map(|p| p.id.clone())
            .collect(),
    };
    let today = commands::today(&state).to_string();
    routine_page(
        &state,
        &viewer,
        &scope,
        &person,
        Some(routine),
        typed,
        Problems::default(),
        today,
    )
    .await
}

pub async fn change_routine(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person, routine)): Path<(String, String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let f = routine_fields(pairs);
    let back = needs_link(&id, person.person().as_str());
    match commands::change_routine(&state, &scope, &person, &routine, &f, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            let today = commands::today(&state).to_string();
            routine_page(
                &state,
                &viewer,
                &scope,
                &person,
                Some(routine),
                f,
                errors,
                today,
            )
            .await
        }
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(default)]
pub struct EndForm {
    last_day: String,
}

pub async fn end_routine(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person, routine)): Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<EndForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageNeeds).await?;
    let person = commands::person(&state, &scope, &person).await?;
    let back = needs_link(&id, person.person().as_str());
    let f = EndFields {
        last_day: form.last_day.clone(),
    };
    match commands::end_routine(&state, &scope, &person, &routine, &f, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            let needs = state
                .store
                .needs(&scope, &person)
                .await
                .map_err(|_| AppError::NOT_FOUND)?;
            let Some(r) = needs.routines.iter().find(|r| r.id == routine) else {
                return Err(AppError::NOT_FOUND);
            };
            let typed = RoutineFields {
                call: r.call.code().to_owned(),
                weekdays: r
                    .weekdays
                    .days()
                    .iter()
                    .map(|d| d.to_monday_one_offset().to_string())
                    .collect(),
                start: r.times.start.strftime("%H:%M").to_string(),
                end: r.times.end.strftime("%H:%M").to_string(),
                pas_required: r.pas_required.to_string(),
                skills: r.skills.iter().map(|s| s.code().to_owned()).collect(),
                starts_on: r.starts_on.to_string(),
                shared_with: Vec::new(),
            };
            routine_page(
                &state,
                &viewer,
                &scope,
                &person,
                Some(routine),
                typed,
                errors,
                form.last_day,
            )
            .await
        }
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

pub struct SlotRow {
    pub id: String,
    pub days: String,
    pub times: String,
}

/// What was typed into the availability page's forms, to show again.
#[derive(Default)]
pub struct AvailabilityTyped {
    pub slot: SlotFields,
    pub exception: AvailabilityExceptionFields,
    pub hours: String,
}

#[derive(Template)]
#[template(path = "rota/availability.html")]
struct AvailabilityPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    pa_id: String,
    name: String,
    own: bool,
    slots: Vec<SlotRow>,
    exceptions: Vec<ExceptionRow>,
    away: Vec<ExceptionRow>,
    /// Fixed hours from the employment record, in words; `None` when they
    /// are agreed here.
    fixed_hours: Option<String>,
    weekdays: Vec<Choice>,
    typed: AvailabilityTyped,
}

impl AvailabilityPage {
    fn exception_kind_is(&self, kind: &str) -> bool {
        self.typed.exception.kind == kind
    }
}

fn hours_words(minutes: i64) -> String {
    if minutes % 60 == 0 {
        (minutes / 60).to_string()
    } else {
        format!("{}:{:02}", minutes / 60, minutes % 60)
    }
}

async fn availability_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    pa: &PaScope,
    errors: Problems,
    typed: Option<AvailabilityTyped>,
) -> Result<Response, AppError> {
    let language = viewer.language;
    let a = state
        .store
        .availability(scope, pa)
        .await
        .map_err(|_| AppError::NOT_FOUND)?;
    let typed = typed.unwrap_or_else(|| AvailabilityTyped {
        hours: match a.contracted {
            Contracted::Agreed(Some(m)) => hours_words(m),
            _ => String::new(),
        },
        ..AvailabilityTyped::default()
    });
    let day = |d| crate::areas::rota::commands::day_words(state, language, d);
    let page = AvailabilityPage {
        errors,
        coop_id: scope.coop_id().to_string(),
        pa_id: pa.employment().to_string(),
        name: pa.name().to_owned(),
        own: pa.own(),
        slots: a
            .slots
            .iter()
            .map(|s| SlotRow {
                id: s.id.clone(),
                days: weekday_words(state, language, s.weekdays),
                times: times_words(state, language, s.times),
            })
            .collect(),
        exceptions: a
            .exceptions
            .iter()
            .map(|e| ExceptionRow {
                id: e.id.clone(),
                date: day(e.date),
                words: match e.kind {
                    AvailabilityExceptionKind::Unavailable => state
                        .i18n
                        .text(language, "availability-exception-unavailable"),
                    AvailabilityExceptionKind::Extra(t) => state.i18n.with_arg(
                        language,
                        "availability-exception-extra",
                        "times",
                        &times_words(state, language, t),
                    ),
                },
            })
            .collect(),
        away: a
            .away
            .iter()
            .map(|w| ExceptionRow {
                id: String::new(),
                date: match w.last {
                    Some(last) if last != w.first => format!("{} – {}", day(w.first), day(last)),
                    Some(_) => day(w.first),
                    None => state.i18n.with_arg(
                        language,
                        "availability-away-from",
                        "date",
                        &day(w.first),
                    ),
                },
                words: state.i18n.text(
                    language,
                    &format!(
                        "availability-away-{}",
                        match w.kind {
                            AwayKind::Holiday => "holiday",
                            AwayKind::Sickness => "sickness",
                            AwayKind::OtherLeave => "other-leave",
                        }
                    ),
                ),
            })
            .collect(),
        fixed_hours: match a.contracted {
            Contracted::Employment(m) => Some(hours_words(m)),
            Contracted::Agreed(_) => None,
        },
        weekdays: weekday_choices(state, language, &typed.slot.weekdays),
        typed,
        chrome: {
            let mut chrome = Chrome::new(state, viewer, "availability-title");
            chrome.title = format!("{} – {}", chrome.title, pa.name());
            chrome
        },
    };
    let mut page = page;
    if !page.errors.is_empty() {
        page.chrome.title = format!(
            "{} {}",
            page.chrome.t("error-title-prefix"),
            page.chrome.title
        );
        render_invalid(&page)
    } else {
        render(&page)
    }
}

pub async fn availability(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    availability_page(&state, &viewer, &scope, &pa, Problems::default(), None).await
}

fn availability_link(id: &str, pa: &PaScope) -> String {
    format!("/coops/{id}/rota/availability/{}", pa.employment())
}

pub async fn add_slot(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    let mut f = SlotFields::default();
    for (key, value) in pairs {
        match key.as_str() {
            "weekdays" => f.weekdays.push(value),
            "start" => f.start = value,
            "end" => f.end = value,
            _ => {}
        }
    }
    let back = availability_link(&id, &pa);
    match commands::add_slot(&state, &scope, &pa, &f, viewer.language).await {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            let typed = AvailabilityTyped {
                slot: f,
                ..AvailabilityTyped::default()
            };
            availability_page(&state, &viewer, &scope, &pa, errors, Some(typed)).await
        }
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

pub async fn remove_slot(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa, slot)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    let back = availability_link(&id, &pa);
    match commands::remove_slot(&state, &scope, &pa, &slot, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(default)]
pub struct ExceptionForm {
    exception_kind: String,
    exception_date: String,
    exception_start: String,
    exception_end: String,
}

pub async fn add_availability_exception(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ExceptionForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    let f = AvailabilityExceptionFields {
        kind: form.exception_kind,
        date: form.exception_date,
        start: form.exception_start,
        end: form.exception_end,
    };
    let back = availability_link(&id, &pa);
    match commands::add_availability_exception(&state, &scope, &pa, &f, viewer.language).await {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            let typed = AvailabilityTyped {
                exception: f,
                ..AvailabilityTyped::default()
            };
            availability_page(&state, &viewer, &scope, &pa, errors, Some(typed)).await
        }
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

pub async fn remove_availability_exception(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa, exception)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    let back = availability_link(&id, &pa);
    match commands::remove_availability_exception(&state, &scope, &pa, &exception, viewer.language)
        .await
    {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

pub async fn set_hours(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<HoursFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageAvailability).await?;
    let pa = commands::pa(&state, &scope, &pa).await?;
    let back = availability_link(&id, &pa);
    match commands::set_hours(&state, &scope, &pa, &form, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            let typed = AvailabilityTyped {
                hours: form.hours,
                ..AvailabilityTyped::default()
            };
            availability_page(&state, &viewer, &scope, &pa, errors, Some(typed)).await
        }
        Err(other) => elsewhere(&state, &viewer, &back, other),
    }
}

/// These pages' routes.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/rota/needs", index),
        route("GET", "/coops/{id}/rota/needs/{supported}", needs),
        route(
            "POST",
            "/coops/{id}/rota/needs/{supported}/preferences",
            set_preferences,
        ),
        route(
            "POST",
            "/coops/{id}/rota/needs/{supported}/exceptions",
            add_exception,
        ),
        route(
            "POST",
            "/coops/{id}/rota/needs/{supported}/exceptions/{need_exception}/remove",
            remove_exception,
        ),
        route(
            "GET",
            "/coops/{id}/rota/needs/{supported}/routines/new",
            new_routine,
        ),
        route(
            "POST",
            "/coops/{id}/rota/needs/{supported}/routines",
            add_routine,
        ),
        route(
            "GET",
            "/coops/{id}/rota/needs/{supported}/routines/{routine}",
            show_routine,
        ),
        route(
            "POST",
            "/coops/{id}/rota/needs/{supported}/routines/{routine}",
            change_routine,
        ),
        route(
            "POST",
            "/coops/{id}/rota/needs/{supported}/routines/{routine}/end",
            end_routine,
        ),
        route("GET", "/coops/{id}/rota/availability/{pa}", availability),
        route("POST", "/coops/{id}/rota/availability/{pa}/slots", add_slot),
        route(
            "POST",
            "/coops/{id}/rota/availability/{pa}/slots/{slot}/remove",
            remove_slot,
        ),
        route(
            "POST",
            "/coops/{id}/rota/availability/{pa}/exceptions",
            add_availability_exception,
        ),
        route(
            "POST",
            "/coops/{id}/rota/availability/{pa}/exceptions/{pa_exception}/remove",
            remove_availability_exception,
        ),
        route(
            "POST",
            "/coops/{id}/rota/availability/{pa}/hours",
            set_hours,
        ),
    ]
}
