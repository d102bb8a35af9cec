//! The timesheet pages: the list (a PA's own, the time waiting for a
//! supported person's approval, every PA's for the officers, and who
//! approves each person's time), one timesheet with its actions, and the
//! question pages that add a line or change one.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::Language;
use cylch_domain::policy::{Action, has_employer_duties};
use cylch_employment::timesheet::{Figures, LineKind, LineState};
use cylch_payroll::Date;
use cylch_store::CoopScope;
use cylch_store::employment::EmploymentEntry;
use cylch_store::timesheets::{Timesheet, TimesheetLine, TimesheetView};
use serde::Deserialize;

use crate::AppState;
use crate::areas::employment::statement::shown_date;
use crate::areas::timesheets::commands::{
    self, ApproverFields, Change, ChangeFields, FiguresFields, LineFields, Refused,
};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

fn sheet_link(coop: &str, pa: &str, on: Date) -> String {
    format!("/coops/{coop}/timesheets/{pa}?on={on}")
}

/// Minutes as hours and minutes: `7:30`.
pub fn hours(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

fn period_words(chrome: &Chrome, sheet: &Timesheet) -> String {
    let from = shown_date(&sheet.period.first.to_string());
    let to = shown_date(&sheet.period.last.to_string());
    chrome.t1("timesheets-period", "from", &format!("{from} – {to}"))
}

/// What was typed into a form, to show again beside its problems.
#[derive(Default)]
pub struct Typed(BTreeMap<String, String>);

impl Typed {
    fn of_figures(f: &FiguresFields) -> Typed {
        let mut map = BTreeMap::new();
        map.insert("start".into(), f.start.clone());
        map.insert("end".into(), f.end.clone());
        map.insert("break_minutes".into(), f.break_minutes.clone());
        map.insert("kind".into(), f.kind.clone());
        map.insert("woken_minutes".into(), f.woken_minutes.clone());
        Typed(map)
    }

    fn of_line(l: &TimesheetLine) -> Typed {
        Typed::of_figures(&figures_fields(&l.figures))
    }

    pub fn v(&self, name: &str) -> String {
        self.0.get(name).cloned().unwrap_or_default()
    }
}

fn figures_fields(f: &Figures) -> FiguresFields {
    FiguresFields {
        start: f.start.strftime("%Y-%m-%dT%H:%M").to_string(),
        end: f.end.strftime("%Y-%m-%dT%H:%M").to_string(),
        break_minutes: f.break_minutes.to_string(),
        kind: f.kind.code().to_owned(),
        woken_minutes: f.woken_minutes.to_string(),
    }
}

fn kinds(chrome: &Chrome) -> Vec<(String, String)> {
    LineKind::ALL
        .iter()
        .map(|k| {
            (
                k.code().to_owned(),
                chrome.t(&format!("timesheets-kind-{}", k.code())),
            )
        })
        .collect()
}

// ---- The list ----------------------------------------------------------------

pub struct SheetRow {
    pub link: String,
    pub pa: String,
    pub period: String,
    pub state: String,
    pub hours: String,
    pub awaiting: usize,
}

pub struct ChoiceRow {
    pub person: String,
    pub name: String,
    pub coordinator: bool,
    pub officers_only: bool,
}

#[derive(Template)]
#[template(path = "timesheets/list.html")]
struct ListPage {
    chrome: Chrome,
    coop_id: String,
    own: Option<String>,
    to_approve: Vec<SheetRow>,
    all: Vec<SheetRow>,
    employer: bool,
    pas: Vec<(String, String)>,
    choices: Vec<ChoiceRow>,
    errors: Problems,
}

async fn list_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
) -> Result<Response, AppError> {
    let chrome = Chrome::new(state, viewer, "timesheets-title");
    let coop = scope.coop_id().as_str().to_owned();
    let employer = has_employer_duties(scope.roles());
    let entries = state.store.employments(scope).await?;
    let today = commands::today(state);
    let mut own = None;
    let mut pas = Vec::new();
    for entry in &entries {
        if let EmploymentEntry::Full(r) = entry {
            let link = sheet_link(&coop, r.id.as_str(), today);
            if r.details.account.as_ref() == Some(scope.account()) {
                own = Some(link.clone());
            }
            if employer {
                pas.push((link, r.employment.name.as_str().to_owned()));
            }
        }
    }
    let sheets = state.store.timesheets(scope).await?;
    let row = |s: &Timesheet| SheetRow {
        link: sheet_link(&coop, s.pa.as_str(), s.period.first),
        pa: s.pa_name.clone(),
        period: period_words(&chrome, s),
        state: chrome.t(&format!("timesheets-state-{}", s.state.code())),
        hours: hours(s.minutes()),
        awaiting: s.awaiting_caller(),
    };
    let to_approve = sheets
        .iter()
        .filter(|s| s.awaiting_caller() > 0)
        .map(row)
        .collect();
    let all = sheets
        .iter()
        .filter(|s| s.view == TimesheetView::Whole)
        .map(row)
        .collect();
    let choices = state
        .store
        .approver_choices(scope)
        .await?
        .into_iter()
        .filter(|c| !employer || c.officers_only || !pas.is_empty())
        .map(|c| ChoiceRow {
            person: c.person,
            name: c.name,
            coordinator: c.approver == cylch_employment::timesheet::Approver::Coordinator,
            officers_only: c.officers_only,
        })
        .collect();
    let page = ListPage {
        chrome,
        coop_id: coop,
        own,
        to_approve,
        all,
        employer,
        pas,
        choices,
        errors,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn list(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    list_page(&state, &viewer, &scope, Problems::default()).await
}

pub async fn choose_approver(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ApproverFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    let back = format!("/coops/{id}/timesheets");
    match commands::choose_approver(&state, &scope, &form, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&format!("{back}#approvers")).into_response()),
        Err(Refused::Fields(errors)) => list_page(&state, &viewer, &scope, errors).await,
        Err(Refused::Rule(refusal)) => refusal.to_page(&state, &viewer, &back),
        Err(Refused::Failed(err)) => Err(err),
    }
}

// ---- One timesheet -------------------------------------------------------------

pub struct PersonCell {
    pub name: String,
    pub approved: bool,
}

pub struct LineRow {
    pub day: String,
    pub start: String,
    pub end: String,
    pub break_minutes: i64,
    pub kind: String,
    pub hours: String,
    pub people: Vec<PersonCell>,
    pub state_code: &'static str,
    pub state: String,
    pub notes: Vec<String>,
    pub change_link: String,
    pub change_words: String,
}

#[derive(Template)]
#[template(path = "timesheets/timesheet.html")]
struct SheetPage {
    chrome: Chrome,
    coop_id: String,
    pa_id: String,
    pa_name: String,
    period: String,
    on: String,
    previous: String,
    next: String,
    state_code: &'static str,
    state: String,
    rows: Vec<LineRow>,
    total: String,
    own: bool,
    may_add: bool,
    to_confirm: usize,
    approvals: Vec<(String, String)>,
}

fn line_row(chrome: &Chrome, coop: &str, sheet: &Timesheet, line: &TimesheetLine) -> LineRow {
    let f = &line.figures;
    let end = if f.end.date() == f.start.date() {
        f.end.strftime("%H:%M").to_string()
    } else {
        format!(
            "{} {}",
            shown_date(&f.end.date().to_string()),
            f.end.strftime("%H:%M")
        )
    };
    let mut notes = Vec::new();
    if let Some(o) = &line.original {
        notes.push(chrome.t1(
            "timesheets-note-original",
            "figures",
            &format!(
                "{}–{}, {} min, {}",
                o.start.strftime("%H:%M"),
                o.end.strftime("%H:%M"),
                o.break_minutes,
                chrome.t(&format!("timesheets-kind-{}", o.kind.code()))
            ),
        ));
    }
    if let Some(r) = &line.reason {
        notes.push(chrome.t1("timesheets-note-reason", "reason", r));
    }
    if line.adjusts.is_some() {
        notes.push(chrome.t("timesheets-note-adjustment"));
    }
    if line.superseded(&sheet.lines) {
        notes.push(chrome.t("timesheets-note-replaced"));
    } else if line.adjusted_by.is_some() {
        notes.push(chrome.t("timesheets-note-adjustment-waits"));
    }
    if f.kind == LineKind::SleepIn && f.woken_minutes > 0 {
        notes.push(chrome.t1(
            "timesheets-note-woken",
            "minutes",
            &f.woken_minutes.to_string(),
        ));
    }
    let nobody_approved = line.people.iter().all(|p| !p.approved);
    let (change_link, change_words) = if sheet.own
        && line.state != LineState::Approved
        && nobody_approved
        && sheet.view == TimesheetView::Whole
    {
        ("timesheets-correct-link", true)
    } else if sheet.may_add && line.state == LineState::Approved && line.adjusted_by.is_none() {
        ("timesheets-adjust-link", true)
    } else {
        ("", false)
    };
    LineRow {
        day: shown_date(&line.day.to_string()),
        start: f.start.strftime("%H:%M").to_string(),
        end,
        break_minutes: f.break_minutes,
        kind: chrome.t(&format!("timesheets-kind-{}", f.kind.code())),
        hours: hours(line.minutes),
        people: line
            .people
            .iter()
            .map(|p| PersonCell {
                name: p.name.clone(),
                approved: p.approved,
            })
            .collect(),
        state_code: line.state.code(),
        state: chrome.t(&format!("timesheets-line-{}", line.state.code())),
        notes,
        change_link: if change_words {
            format!(
                "/coops/{coop}/timesheets/{}/change?line={}&on={}",
                sheet.pa.as_str(),
                line.id.as_str(),
                sheet.period.first
            )
        } else {
            String::new()
        },
        change_words: if change_words {
            chrome.t(change_link)
        } else {
            String::new()
        },
    }
}

async fn sheet_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    sheet: Timesheet,
) -> Result<Response, AppError> {
    let chrome = Chrome::new(state, viewer, "timesheets-sheet-title");
    let coop = scope.coop_id().as_str().to_owned();
    let rows = sheet
        .lines
        .iter()
        .map(|l| line_row(&chrome, &coop, &sheet, l))
        .collect();
    let mut approvals: BTreeMap<String, String> = BTreeMap::new();
    for p in sheet.lines.iter().flat_map(|l| &l.people) {
        if p.may_approve {
            approvals.insert(p.id.clone(), p.name.clone());
        }
    }
    let mut approvals: Vec<(String, String)> = approvals.into_iter().collect();
    approvals.sort_by(|a, b| a.1.cmp(&b.1));
    let previous = sheet
        .period
        .first
        .add_days(-1)
        .unwrap_or(sheet.period.first);
    let next = sheet.period.last.add_days(1).unwrap_or(sheet.period.last);
    let page = SheetPage {
        period: period_words(&chrome, &sheet),
        state: chrome.t(&format!("timesheets-state-{}", sheet.state.code())),
        chrome,
        pa_id: sheet.pa.as_str().to_owned(),
        pa_name: sheet.pa_name.clone(),
        on: sheet.period.first.to_string(),
        previous: sheet_link(&coop, sheet.pa.as_str(), previous),
        next: sheet_link(&coop, sheet.pa.as_str(), next),
        coop_id: coop,
        state_code: sheet.state.code(),
        rows,
        total: hours(sheet.minutes()),
        own: sheet.own,
        may_add: sheet.may_add,
        to_confirm: if sheet.own { sheet.to_confirm() } else { 0 },
        approvals,
    };
    render(&page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OnQuery {
    on: String,
    line: String,
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    Query(query): Query<OnQuery>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    match commands::timesheet(&state, &scope, &pa, &query.on, viewer.language).await {
        Ok(sheet) => sheet_page(&state, &viewer, &scope, sheet).await,
        Err(Refused::Rule(refusal)) => {
            refusal.to_page(&state, &viewer, &format!("/coops/{id}/timesheets"))
        }
        Err(Refused::Fields(_)) => Err(AppError::NOT_FOUND),
        Err(Refused::Failed(err)) => Err(err),
    }
}

/// After an action on a timesheet: back to it, or the refusal.
fn after<T>(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    pa: &str,
    on: &str,
    outcome: Result<T, Refused>,
) -> Result<Response, AppError> {
    let link = sheet_link(scope.coop_id().as_str(), pa, commands::on_day(state, on));
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("{link}#lines")).into_response()),
        Err(Refused::Rule(refusal)) => refusal.to_page(state, viewer, &link),
        Err(Refused::Fields(errors)) => {
            // Only the approval form has a field, chosen by its button.
            let refusal = crate::common::refusal::Refusal::rule(
                state,
                viewer.language,
                "timesheets-invalid",
                errors
                    .list()
                    .first()
                    .map_or("timesheets-invalid", |p| p.message.as_str()),
            );
            refusal.to_page(state, viewer, &link)
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OnForm {
    on: String,
    person: String,
}

pub async fn build(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<OnForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    let outcome = commands::build(&state, &scope, &pa, &form.on, viewer.language).await;
    after(&state, &viewer, &scope, &pa, &form.on, outcome)
}

pub async fn confirm(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<OnForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    let outcome = commands::confirm(&state, &scope, &pa, &form.on, viewer.language).await;
    after(&state, &viewer, &scope, &pa, &form.on, outcome)
}

pub async fn approve(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<OnForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    let outcome =
        commands::approve(&state, &scope, &pa, &form.on, &form.person, viewer.language).await;
    after(&state, &viewer, &scope, &pa, &form.on, outcome)
}

// ---- Adding and changing a line ------------------------------------------------

#[derive(Template)]
#[template(path = "timesheets/line.html")]
struct LinePage {
    chrome: Chrome,
    coop_id: String,
    pa_id: String,
    pa_name: String,
    period: String,
    on: String,
    /// `add`, `correct` or `adjust`
    mode: &'static str,
    title_id: String,
    intro_id: String,
    button_id: String,
    action: String,
    line: String,
    kinds: Vec<(String, String)>,
    people: Vec<(String, String, bool)>,
    typed: Typed,
    reason: String,
    errors: Problems,
}

#[allow(clippy::too_many_arguments)]
fn line_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    sheet: &Timesheet,
    mode: &'static str,
    line: &str,
    typed: Typed,
    chosen: &[String],
    reason: &str,
    errors: Problems,
) -> Result<Response, AppError> {
    let chrome = Chrome::new(state, viewer, &format!("timesheets-{mode}-title"));
    let coop = scope.coop_id().as_str().to_owned();
    let action = match mode {
        "add" => "lines",
        other => other,
    };
    let page = LinePage {
        period: period_words(&chrome, sheet),
        kinds: kinds(&chrome),
        chrome,
        action: format!("/coops/{coop}/timesheets/{}/{action}", sheet.pa.as_str()),
        coop_id: coop,
        pa_id: sheet.pa.as_str().to_owned(),
        pa_name: sheet.pa_name.clone(),
        on: sheet.period.first.to_string(),
        mode,
        title_id: format!("timesheets-{mode}-title"),
        intro_id: format!("timesheets-{mode}-intro"),
        button_id: format!("timesheets-{mode}-button"),
        line: line.to_owned(),
        people: sheet
            .works_with
            .iter()
            .map(|(id, name)| (id.clone(), name.clone(), chosen.contains(id)))
            .collect(),
        typed,
        reason: reason.to_owned(),
        errors,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

/// The timesheet to show a form over, or the refusal.
async fn sheet_for(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    on: &str,
    language: Language,
) -> Result<Timesheet, AppError> {
    match commands::timesheet(state, scope, pa, on, language).await {
        Ok(sheet) => Ok(sheet),
        Err(Refused::Failed(err)) => Err(err),
        Err(_) => Err(AppError::NOT_FOUND),
    }
}

pub async fn add_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    Query(query): Query<OnQuery>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    let sheet = sheet_for(&state, &scope, &pa, &query.on, viewer.language).await?;
    if !sheet.may_add {
        return Err(AppError::FORBIDDEN);
    }
    let mut typed = Typed::default();
    typed.0.insert("kind".into(), "day".into());
    line_page(
        &state,
        &viewer,
        &scope,
        &sheet,
        "add",
        "",
        typed,
        &[],
        "",
        Problems::default(),
    )
}

/// The add form as sent: its people are a list of boxes ticked.
fn line_fields(pairs: &[(String, String)]) -> (LineFields, String) {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    (
        LineFields {
            figures: FiguresFields {
                start: get("start"),
                end: get("end"),
                break_minutes: get("break_minutes"),
                kind: get("kind"),
                woken_minutes: get("woken_minutes"),
            },
            people: pairs
                .iter()
                .filter(|(k, _)| k == "people")
                .map(|(_, v)| v.clone())
                .collect(),
        },
        get("on"),
    )
}

pub async fn add(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    let (fields, on) = line_fields(&pairs);
    match commands::add_line(&state, &scope, &pa, &fields, viewer.language).await {
        Ok(_) => {
            let day = fields
                .figures
                .start
                .get(..10)
                .and_then(|d| Date::parse(d).ok())
                .unwrap_or_else(|| commands::on_day(&state, &on));
            Ok(Redirect::to(&format!(
                "{}#lines",
                sheet_link(scope.coop_id().as_str(), &pa, day)
            ))
            .into_response())
        }
        Err(Refused::Fields(errors)) => {
            let sheet = sheet_for(&state, &scope, &pa, &on, viewer.language).await?;
            line_page(
                &state,
                &viewer,
                &scope,
                &sheet,
                "add",
                "",
                Typed::of_figures(&fields.figures),
                &fields.people,
                "",
                errors,
            )
        }
        Err(Refused::Rule(refusal)) => refusal.to_page(
            &state,
            &viewer,
            &sheet_link(scope.coop_id().as_str(), &pa, commands::on_day(&state, &on)),
        ),
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub async fn change_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    Query(query): Query<OnQuery>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    let sheet = sheet_for(&state, &scope, &pa, &query.on, viewer.language).await?;
    let Some(line) = sheet.lines.iter().find(|l| l.id.as_str() == query.line) else {
        // No line named: the timesheet itself.
        return Ok(Redirect::to(&sheet_link(
            scope.coop_id().as_str(),
            &pa,
            sheet.period.first,
        ))
        .into_response());
    };
    let mode = if line.state == LineState::Approved {
        "adjust"
    } else {
        "correct"
    };
    line_page(
        &state,
        &viewer,
        &scope,
        &sheet,
        mode,
        line.id.as_str(),
        Typed::of_line(line),
        &[],
        "",
        Problems::default(),
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ChangeForm {
    on: String,
    #[serde(flatten)]
    fields: ChangeFields,
}

async fn change(
    state: AppState,
    viewer: ViewerExt,
    id: String,
    pa: String,
    form: ChangeForm,
    how: Change,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewTimesheets).await?;
    let outcome = commands::change(&state, &scope, &pa, &form.fields, how, viewer.language).await;
    let link = sheet_link(
        scope.coop_id().as_str(),
        &pa,
        commands::on_day(&state, &form.on),
    );
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("{link}#lines")).into_response()),
        Err(Refused::Fields(errors)) => {
            let sheet = sheet_for(&state, &scope, &pa, &form.on, viewer.language).await?;
            line_page(
                &state,
                &viewer,
                &scope,
                &sheet,
                match how {
                    Change::Correct => "correct",
                    Change::Adjust => "adjust",
                },
                &form.fields.line,
                Typed::of_figures(&form.fields.figures),
                &[],
                &form.fields.reason,
                errors,
            )
        }
        Err(Refused::Rule(refusal)) => refusal.to_page(&state, &viewer, &link),
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub async fn correct(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> Result<Response, AppError> {
    change(state, viewer, id, pa, form, Change::Correct).await
}

pub async fn adjust(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> Result<Response, AppError> {
    change(state, viewer, id, pa, form, Change::Adjust).await
}

/// This area's pages.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/timesheets", list),
        route("POST", "/coops/{id}/timesheets/approver", choose_approver),
        route("GET", "/coops/{id}/timesheets/{pa}", show),
        route("POST", "/coops/{id}/timesheets/{pa}/build", build),
        route("POST", "/coops/{id}/timesheets/{pa}/confirm", confirm),
        route("POST", "/coops/{id}/timesheets/{pa}/approve", approve),
        route("GET", "/coops/{id}/timesheets/{pa}/add", add_form),
        route("POST", "/coops/{id}/timesheets/{pa}/lines", add),
        route("GET", "/coops/{id}/timesheets/{pa}/change", change_form),
        route("POST", "/coops/{id}/timesheets/{pa}/correct", correct),
        route("POST", "/coops/{id}/timesheets/{pa}/adjust", adjust),
    ]
}
