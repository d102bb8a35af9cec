//! A person's home page, their co-operatives and the audit trail.

use crate::common::access::scope_for;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cylch_domain::policy::{self, Action};
use cylch_domain::{CoopKind, CoopRoles};
use cylch_store::audit::AuditEntry;

use crate::AppState;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::page::{ViewerExt, render};
use crate::common::viewer::Viewer;

/// Roles as words in the viewer's language, e.g. "Chair, Family or carer".
pub fn describe_roles(state: &AppState, viewer: &Viewer, roles: &CoopRoles) -> String {
    let mut words: Vec<String> = roles
        .offices
        .iter()
        .map(|o| {
            state
                .i18n
                .text(viewer.language, &format!("office-{}", o.code()))
        })
        .collect();
    if let Some(class) = roles.class {
        words.push(
            state
                .i18n
                .text(viewer.language, &format!("class-{}", class.code())),
        );
    }
    words.join(", ")
}

pub fn kind_message(kind: CoopKind) -> String {
    format!("kind-{}", kind.code())
}

pub struct CoopCard {
    pub id: String,
    pub name: String,
    pub kind_id: String,
    pub roles: String,
}

#[derive(Template)]
#[template(path = "coops/home.html")]
struct HomePage {
    chrome: Chrome,
    name: String,
    coops: Vec<CoopCard>,
    /// What the person has been told, newest first.
    news: Vec<NewsLine>,
}

struct NewsLine {
    id: String,
    text: String,
    href: String,
    when: i64,
    read: bool,
}

pub async fn home(State(state): State<AppState>, viewer: ViewerExt) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    let coops = state
        .store
        .coops_of(&account.id)
        .await?
        .iter()
        .map(|scope| CoopCard {
            id: scope.coop_id().to_string(),
            name: scope.coop().name.clone(),
            kind_id: kind_message(scope.coop().kind),
            roles: describe_roles(&state, &viewer, scope.roles()),
        })
        .collect();
    let news = state
        .store
        .notifications_for(&account.id, 20)
        .await?
        .iter()
        .map(|n| NewsLine {
            id: n.id.clone(),
            text: crate::common::notify::headline(&state, viewer.language, n),
            href: crate::common::notify::link(n),
            when: n.created_at_ms,
            read: n.read,
        })
        .collect();
    render(&HomePage {
        chrome: Chrome::new(&state, &viewer, "home-page-title"),
        name: account.name.clone(),
        coops,
        news,
    })
}

#[derive(Template)]
#[template(path = "coops/coop.html")]
struct CoopPage {
    chrome: Chrome,
    coop_id: String,
    coop_name: String,
    kind_id: String,
    my_roles: String,
    can_audit: bool,
    can_see_support: bool,
    can_see_registers: bool,
    can_invite: bool,
    can_run_payroll: bool,
    member_count: usize,
    members: Vec<(String, String)>,
}

pub async fn coop(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewCoop).await?;
    let members: Vec<(String, String)> = state
        .store
        .members(&scope)
        .await?
        .into_iter()
        .map(|m| (m.name, describe_roles(&state, &viewer, &m.roles)))
        .collect();
    let mut chrome = Chrome::new(&state, &viewer, "coop-page-title");
    chrome.title = scope.coop().name.clone();
    render(&CoopPage {
        chrome,
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        kind_id: kind_message(scope.coop().kind),
        my_roles: describe_roles(&state, &viewer, scope.roles()),
        can_audit: policy::decide(viewer.actor(), Some(scope.roles()), Action::ViewAuditTrail)
            .is_allowed(),
        can_see_registers: policy::decide(
            viewer.actor(),
            Some(scope.roles()),
            Action::ViewRegisters,
        )
        .is_allowed(),
        can_invite: policy::decide(viewer.actor(), Some(scope.roles()), Action::InviteMember)
            .is_allowed(),
        can_see_support: scope.coop().kind.provides_support()
            && policy::decide(
                viewer.actor(),
                Some(scope.roles()),
                Action::ViewSupportRegister,
            )
            .is_allowed(),
        can_run_payroll: policy::decide(viewer.actor(), Some(scope.roles()), Action::RunPayroll)
            .is_allowed(),
        member_count: members.len(),
        members,
    })
}

#[derive(Template)]
#[template(path = "coops/audit.html")]
struct AuditPage {
    chrome: Chrome,
    coop_name: String,
    entries: Vec<AuditEntry>,
}

pub async fn audit(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewAuditTrail).await?;
    let entries = state.store.audit_trail(&scope, 500).await?;
    render(&AuditPage {
        chrome: Chrome::new(&state, &viewer, "audit-title"),
        coop_name: scope.coop().name.clone(),
        entries,
    })
}
