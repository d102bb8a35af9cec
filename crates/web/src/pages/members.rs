//! Inviting members. Under the model rules the committee admits members;
//! here the secretary or chair records that decision by inviting the
//! person, with the class they join in, and the invitation admits them when
//! they accept it (the register then shows the date).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cylch_domain::policy::Action;
use cylch_domain::{EmailAddress, MemberClass, PersonName};
use cylch_store::CoopScope;
use cylch_store::invitations::NewInvitation;
use serde::Deserialize;

use super::admin::send_invitation;
use super::coops::scope_for;
use super::{MessagePage, ViewerExt, render, render_invalid};
use crate::AppState;
use crate::chrome::Chrome;
use crate::error::AppError;
use crate::form::{CsrfForm, FormErrors};
use crate::viewer::Viewer;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteMemberForm {
    name: String,
    email: String,
    class: String,
}

#[derive(Template)]
#[template(path = "members_invite.html")]
struct InviteMemberPage {
    chrome: Chrome,
    errors: FormErrors,
    coop_id: String,
    classes: Vec<(String, String)>,
    form: InviteMemberForm,
}

fn page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: FormErrors,
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
        form,
    }
}

pub async fn invite_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::InviteMember).await?;
    render(&page(
        &state,
        &viewer,
        &scope,
        FormErrors::default(),
        InviteMemberForm::default(),
    ))
}

pub async fn invite(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<InviteMemberForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::InviteMember).await?;
    let mut errors = FormErrors::default();
    let name = errors.check("name", PersonName::parse(&form.name));
    let email = errors.check("email", EmailAddress::parse(&form.email));
    let class = errors.check("class", MemberClass::parse(form.class.trim()));
    let (Some(name), Some(email), Some(class)) = (name, email, class) else {
        return render_invalid(&page(&state, &viewer, &scope, errors, form));
    };
    let (invitation, secret) = state
        .store
        .create_invitation(
            scope.account(),
            NewInvitation {
                coop: scope.coop_id(),
                email: &email,
                name: &name,
                office: None,
                class: Some(class),
            },
        )
        .await?;
    send_invitation(&state, &invitation, &secret).await?;
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

/// The routes of this area, for the router and the permission test.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/members/invite", invite_form),
        route("POST", "/coops/{id}/members/invite", invite),
    ]
}
