//! Inviting members. Under the model rules the committee admits members;
//! here the secretary or chair records that decision by inviting the
//! person, with the class they join in, and the invitation admits them when
//! they accept it (the register then shows the date). Where the rules put
//! admissions to the members, the same form raises an ordinary resolution
//! to admit the person instead; the invitation goes once it is carried.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::MemberClass;
use cylch_domain::policy::Action;
use cylch_store::CoopScope;
use jiff::Timestamp;
use serde::Deserialize;

use crate::AppState;
use crate::areas::members::commands::{AdmitMember, Admitted, Refused, admit_member, by_members};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::fields::local_field;
use crate::common::form::CsrfForm;
use crate::common::page::{MessagePage, ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteMemberForm {
    name: String,
    email: String,
    class: String,
    // When the members decide: why, and when they vote.
    background: String,
    opens_at: String,
    closes_at: String,
}

#[derive(Template)]
#[template(path = "members/invite.html")]
struct InviteMemberPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    classes: Vec<(String, String)>,
    /// The rules put admissions to the members.
    by_members: bool,
    form: InviteMemberForm,
}

fn page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    by_members: bool,
    errors: Problems,
    form: InviteMemberForm,
) -> InviteMemberPage {
    let mut chrome = Chrome::new(state, viewer, "members-invite-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    InviteMemberPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        classes: MemberClass::ALL
            .iter()
            .map(|c| (c.code().to_owned(), format!("class-{}", c.code())))
            .collect(),
        by_members,
        form,
    }
}

pub async fn invite_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::InviteMember).await?;
    let now = state.clock().now();
    let form = InviteMemberForm {
        opens_at: local_field(now),
        closes_at: local_field(
            Timestamp::from_second(now.as_second() + 14 * 86_400).unwrap_or(now),
        ),
        ..InviteMemberForm::default()
    };
    let by_members = by_members(&state, &scope).await?;
    render(&page(
        &state,
        &viewer,
        &scope,
        by_members,
        Problems::default(),
        form,
    ))
}

pub async fn invite(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<InviteMemberForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::InviteMember).await?;
    let admitted = admit_member(
        &state,
        &scope,
        AdmitMember {
            name: &form.name,
            email: &form.email,
            class: &form.class,
            background: &form.background,
            opens_at: &form.opens_at,
            closes_at: &form.closes_at,
            language: viewer.language,
        },
    )
    .await;
    match admitted {
        Ok(Admitted::Proposed(record)) => Ok(Redirect::to(&format!(
            "/coops/{}/proposals/{}",
            scope.coop_id(),
            record.id
        ))
        .into_response()),
        Ok(Admitted::Invited(email)) => {
            let mut sent = MessagePage::new(&state, &viewer, "invite-sent-title", &[])
                .link(&format!("/coops/{}", scope.coop_id()), "members-back");
            sent.paragraphs.push(state.i18n.with_arg(
                viewer.language,
                "invite-sent-body",
                "email",
                email.as_str(),
            ));
            render(&sent)
        }
        Err(Refused::Fields(errors)) => {
            let by_members = by_members(&state, &scope).await?;
            render_invalid(&page(&state, &viewer, &scope, by_members, errors, form))
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

/// The routes of this area, for the router and the permission test.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/members/invite", invite_form),
        route("POST", "/coops/{id}/members/invite", invite),
    ]
}
