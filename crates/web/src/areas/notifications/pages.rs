//! The member's side of notifications: marking one read from the home page,
//! and choosing, co-operative by co-operative, what to hear of by email.
//! Everything is always listed on the home page.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::policy::Action;
use serde::Deserialize;

use crate::AppState;
use crate::areas::notifications::commands::{self, EmailChoices};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::{ViewerExt, render};

pub async fn mark_read(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    commands::mark_read(&state, &account.id, &id).await?;
    Ok(Redirect::to("/").into_response())
}

#[derive(Template)]
#[template(path = "notifications/notifications.html")]
struct SettingsPage {
    chrome: Chrome,
    coop_id: String,
    coop_name: String,
    saved: bool,
    /// (kind code, label message id, emailed).
    kinds: Vec<(String, String, bool)>,
}

async fn page(
    state: &AppState,
    viewer: &ViewerExt,
    id: &str,
    saved: bool,
) -> Result<SettingsPage, AppError> {
    let scope = scope_for(state, viewer, id, Action::ViewCoop).await?;
    let settings = state.store.notification_settings(&scope).await?;
    Ok(SettingsPage {
        chrome: Chrome::new(state, viewer, "notify-settings-title"),
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        saved,
        kinds: settings
            .iter()
            .map(|(kind, email)| {
                (
                    kind.code().to_owned(),
                    format!("notify-setting-{}", kind.code()),
                    *email,
                )
            })
            .collect(),
    })
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    render(&page(&state, &viewer, &id, false).await?)
}

/// The ticked boxes: each kind's code as a field, present when ticked.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    new_proposal: Option<String>,
    vote_closing: Option<String>,
    meeting_notice: Option<String>,
    result: Option<String>,
}

pub async fn save(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewCoop).await?;
    let choices = EmailChoices {
        new_proposal: form.new_proposal.is_some(),
        vote_closing: form.vote_closing.is_some(),
        meeting_notice: form.meeting_notice.is_some(),
        result: form.result.is_some(),
    };
    commands::save_email_choices(&state, &scope, choices).await?;
    render(&page(&state, &viewer, &id, true).await?)
}

/// The routes of this area, for the router and the permission test.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("POST", "/notifications/{id}/read", mark_read),
        route("GET", "/coops/{id}/notifications", show),
        route("POST", "/coops/{id}/notifications", save),
    ]
}
