//! Forming a co-operative, stage by stage: a task list that shows where the
//! group is and what comes next, and a page per task for its evidence.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::FieldError;
use cylch_domain::policy::{self, Action};
use cylch_governance::formation::{
    Evidence, EvidenceField, EvidenceValue, FormationRecord, Task, Who, progress,
};
use cylch_ledger::money::Pence;
use cylch_store::CoopScope;
use cylch_store::formation::FormationStoreError;
use serde::Deserialize;
use std::collections::BTreeMap;

use crate::AppState;
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::fields::parse_date;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

pub struct TaskRow {
    pub code: String,
    pub name: String,
    pub who: String,
    pub done: bool,
}

pub struct StageRow {
    pub number: usize,
    pub name: String,
    pub complete: bool,
    pub current: bool,
    pub tasks: Vec<TaskRow>,
}

#[derive(Template)]
#[template(path = "formation/formation.html")]
struct FormationPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    coop_name: String,
    summary: String,
    next: Option<(String, String)>,
    stages: Vec<StageRow>,
    councils: Vec<String>,
    waiting_councils: String,
    can_record: bool,
    asks_councils: bool,
}

fn who_text(state: &AppState, viewer: &Viewer, who: Who) -> String {
    let id = match who {
        Who::SteeringGroup => "who-steering_group".to_owned(),
        Who::EachSupportedPerson => "who-each_supported_person".to_owned(),
        Who::FounderMembers => "who-founder_members".to_owned(),
        Who::Office(office) => format!("office-{}", office.code()),
    };
    state.i18n.text(viewer.language, &id)
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
) -> Result<FormationPage, AppError> {
    let record = state.store.formation(scope).await?;
    let kind = scope.coop().kind;
    let progress = progress(kind, &record);
    let t = |id: &str| state.i18n.text(viewer.language, id);
    let stages: Vec<StageRow> = progress
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| StageRow {
            number: i + 1,
            name: t(&format!("stage-{}", stage.stage.code())),
            complete: stage.complete,
            current: Some(stage.stage) == progress.current_stage,
            tasks: stage
                .tasks
                .iter()
                .map(|task| TaskRow {
                    code: task.task.code().to_owned(),
                    name: t(&format!("task-{}", task.task.code())),
                    who: who_text(state, viewer, task.who),
                    done: task.done,
                })
                .collect(),
        })
        .collect();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("done", i64::from(progress.tasks_done));
    args.set("total", i64::from(progress.tasks_total));
    let summary = match progress.current_stage {
        Some(stage) => {
            args.set("stage", t(&format!("stage-{}", stage.code())));
            state
                .i18n
                .format(viewer.language, "formation-summary", Some(&args))
        }
        None => state
            .i18n
            .format(viewer.language, "formation-all-done", Some(&args)),
    };
    let mut chrome = Chrome::new(state, viewer, "formation-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(FormationPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        summary,
        next: progress
            .next_task
            .map(|task| (task.code().to_owned(), t(&format!("task-{}", task.code())))),
        stages,
        councils: record.councils().iter().cloned().collect(),
        waiting_councils: progress.councils_without_agreement.join(", "),
        can_record: policy::decide(viewer.actor(), Some(scope.roles()), Action::RecordFormation)
            .is_allowed(),
        asks_councils: kind.provides_support(),
    })
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewFormation).await?;
    render(&page(&state, &viewer, &scope, Problems::default()).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CouncilForm {
    council: String,
}

pub async fn add_council(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<CouncilForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordFormation).await?;
    match state
        .store
        .add_formation_council(&scope, &form.council)
        .await
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("/coops/{}/formation", scope.coop_id())).into_response())
        }
        Err(FormationStoreError::Refused(err)) => {
            let mut errors = Problems::default();
            errors.add("council", err.code());
            render_invalid(&page(&state, &viewer, &scope, errors).await?)
        }
        Err(FormationStoreError::Store(err)) => Err(err.into()),
    }
}

/// One evidence field of a task, as its form shows it.
pub struct FieldRow {
    pub id: String,
    pub label: String,
    pub kind: &'static str,
    pub value: String,
    pub hint: String,
    /// Chosen from the co-operative's list of councils, not typed.
    pub is_council: bool,
}

#[derive(Template)]
#[template(path = "formation/task.html")]
struct TaskPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    task: String,
    task_name: String,
    help_id: String,
    stage_name: String,
    who: String,
    fields: Vec<FieldRow>,
    councils: Vec<String>,
    done: bool,
}

fn task_from(code: &str, scope: &CoopScope) -> Result<Task, AppError> {
    cylch_governance::formation::Stage::template(scope.coop().kind)
        .into_iter()
        .flat_map(|stage| stage.tasks(scope.coop().kind))
        .find(|task| task.code() == code)
        .ok_or(AppError::NOT_FOUND)
}

fn shown(value: &EvidenceValue) -> String {
    match value {
        EvidenceValue::Text(text) | EvidenceValue::Document(text) => text.clone(),
        EvidenceValue::Date(date) => date.to_string(),
        EvidenceValue::Count(n) => n.to_string(),
        EvidenceValue::Pence(p) => i64::try_from(*p)
            .map(|p| cylch_ledger::export::plain_money(Pence::new(p)))
            .unwrap_or_default(),
    }
}

fn input_kind(field: EvidenceField) -> &'static str {
    match field {
        EvidenceField::Date | EvidenceField::ExpiresOn => "date",
        _ => "text",
    }
}

fn task_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    record: &FormationRecord,
    task: Task,
    errors: Problems,
    typed: Option<&BTreeMap<String, String>>,
) -> TaskPage {
    let t = |id: &str| state.i18n.text(viewer.language, id);
    let stored = record.evidence_for(task);
    let fields = task
        .evidence()
        .iter()
        .map(|field| {
            let value = match typed {
                Some(typed) => typed.get(field.code()).cloned().unwrap_or_default(),
                None => stored
                    .and_then(|e| e.get(field))
                    .map(shown)
                    .unwrap_or_default(),
            };
            FieldRow {
                id: field.code().to_owned(),
                label: t(&format!("evidence-{}", field.code())),
                kind: input_kind(*field),
                value,
                hint: match field {
                    EvidenceField::Date | EvidenceField::ExpiresOn => t("hint-date"),
                    EvidenceField::Document => t("evidence-document-hint"),
                    EvidenceField::CoverPence => t("evidence-cover_pence-hint"),
                    EvidenceField::HmrcEmployerReference => {
                        t("evidence-hmrc_employer_reference-hint")
                    }
                    _ => String::new(),
                },
                is_council: *field == EvidenceField::Council,
            }
        })
        .collect();
    let mut chrome = Chrome::new(state, viewer, "formation-title");
    chrome.title = t(&format!("task-{}", task.code()));
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    TaskPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        task: task.code().to_owned(),
        task_name: t(&format!("task-{}", task.code())),
        help_id: format!("task-{}-help", task.code()),
        stage_name: t(&format!("stage-{}", task.stage().code())),
        who: who_text(state, viewer, task.who()),
        fields,
        councils: record.councils().iter().cloned().collect(),
        done: stored.is_some(),
    }
}

pub async fn task_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, code)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordFormation).await?;
    let task = task_from(&code, &scope)?;
    let record = state.store.formation(&scope).await?;
    render(&task_page(
        &state,
        &viewer,
        &scope,
        &record,
        task,
        Problems::default(),
        None,
    ))
}

/// Reads one evidence field from what was typed; a problem is named at its
/// field.
fn read_field(errors: &mut Problems, field: EvidenceField, raw: &str) -> Option<EvidenceValue> {
    let id: &'static str = field.code();
    let raw = raw.trim();
    if raw.is_empty() {
        errors.field(id, FieldError::Missing);
        return None;
    }
    match field {
        EvidenceField::Date | EvidenceField::ExpiresOn => {
            errors.check(id, parse_date(raw)).map(EvidenceValue::Date)
        }
        EvidenceField::PeopleCount => match raw.parse::<u32>() {
            Ok(n) => Some(EvidenceValue::Count(n)),
            Err(_) => {
                errors.add(id, "formation-error-count");
                None
            }
        },
        EvidenceField::CoverPence => match Pence::parse(raw)
            .ok()
            .and_then(|p| u64::try_from(p.get()).ok())
        {
            Some(p) => Some(EvidenceValue::Pence(p)),
            None => {
                errors.add(id, "formation-error-money");
                None
            }
        },
        EvidenceField::Document => Some(EvidenceValue::Document(raw.to_owned())),
        _ => Some(EvidenceValue::Text(raw.to_owned())),
    }
}

pub async fn record_task(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, code)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordFormation).await?;
    let task = task_from(&code, &scope)?;
    let mut errors = Problems::default();
    let mut evidence = Evidence::new();
    for field in task.evidence() {
        let raw = form.get(field.code()).map(String::as_str).unwrap_or("");
        if let Some(value) = read_field(&mut errors, *field, raw) {
            evidence.insert(*field, value);
        }
    }
    if !errors.is_empty() {
        let record = state.store.formation(&scope).await?;
        return render_invalid(&task_page(
            &state,
            &viewer,
            &scope,
            &record,
            task,
            errors,
            Some(&form),
        ));
    }
    match state
        .store
        .record_formation_task(&scope, task, evidence)
        .await
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("/coops/{}/formation", scope.coop_id())).into_response())
        }
        Err(FormationStoreError::Refused(err)) => {
            let field: &'static str = match &err {
                cylch_governance::formation::FormationError::MissingEvidence { field, .. }
                | cylch_governance::formation::FormationError::WrongValue { field }
                | cylch_governance::formation::FormationError::Blank { field } => field.code(),
                cylch_governance::formation::FormationError::CoverTooLow { .. } => {
                    EvidenceField::CoverPence.code()
                }
                cylch_governance::formation::FormationError::TooFewPeople { .. } => {
                    EvidenceField::PeopleCount.code()
                }
                cylch_governance::formation::FormationError::EmployerReferenceForm => {
                    EvidenceField::HmrcEmployerReference.code()
                }
                cylch_governance::formation::FormationError::UnknownCouncil { .. } => {
                    EvidenceField::Council.code()
                }
                cylch_governance::formation::FormationError::NotInTemplate { .. } => {
                    return Err(AppError::NOT_FOUND);
                }
            };
            errors.add(field, err.code());
            let record = state.store.formation(&scope).await?;
            render_invalid(&task_page(
                &state,
                &viewer,
                &scope,
                &record,
                task,
                errors,
                Some(&form),
            ))
        }
        Err(FormationStoreError::Store(err)) => Err(err.into()),
    }
}
