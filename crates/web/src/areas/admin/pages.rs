//! Running the instance: creating co-operatives and inviting their first
//! officers; and accepting an invitation.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::policy::Action;
use cylch_domain::{CoopKind, FieldError, Language, Office};
use cylch_store::invitations::{Invitation, NewSignIn};
use cylch_store::{CoopId, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::areas::admin::commands::{self, CreateCoop, InviteOfficer, Refused, coop_for_admin};
use crate::areas::auth::pages::{NewPasswordForm, NewPasswordPage, check_new_password};
use crate::areas::coops::pages::kind_message;
use crate::common::chrome::Chrome;
use crate::common::error::{AppError, ErrorKind};
use crate::common::form::CsrfForm;
use crate::common::page::{MessagePage, ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::{SESSION_COOKIE, Viewer, set_cookie};

/// Refuses anyone but the instance administrator.
pub fn require_admin(viewer: &Viewer, action: Action) -> Result<(), AppError> {
    crate::common::access::instance(viewer.account(), action)
}

#[derive(Template)]
#[template(path = "admin/admin.html")]
struct AdminPage {
    chrome: Chrome,
    errors: Problems,
    /// Name, id and kind message of each co-operative.
    coops: Vec<(String, String, String)>,
    kinds: Vec<(String, String, String)>,
    name: String,
    kind: String,
}

async fn admin_page(
    state: &AppState,
    viewer: &Viewer,
    errors: Problems,
    name: String,
    kind: String,
) -> Result<AdminPage, AppError> {
    let coops = state
        .store
        .all_coops()
        .await?
        .into_iter()
        .map(|c| (c.name, c.id.to_string(), kind_message(c.kind)))
        .collect();
    let kinds = CoopKind::ALL
        .iter()
        .map(|k| {
            (
                k.code().to_owned(),
                kind_message(*k),
                format!("{}-hint", kind_message(*k)),
            )
        })
        .collect();
    Ok(AdminPage {
        chrome: Chrome::new(state, viewer, "admin-title"),
        errors,
        coops,
        kinds,
        name,
        kind,
    })
}

pub async fn show(State(state): State<AppState>, viewer: ViewerExt) -> Result<Response, AppError> {
    require_admin(&viewer, Action::ListAllCoops)?;
    render(
        &admin_page(
            &state,
            &viewer,
            Problems::default(),
            String::new(),
            String::new(),
        )
        .await?,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CreateCoopForm {
    name: String,
    kind: String,
}

pub async fn create_coop(
    State(state): State<AppState>,
    viewer: ViewerExt,
    CsrfForm(form): CsrfForm<CreateCoopForm>,
) -> Result<Response, AppError> {
    require_admin(&viewer, Action::CreateCoop)?;
    let account = viewer.require_account()?;
    let created = commands::create_coop(
        &state,
        account,
        CreateCoop {
            name: &form.name,
            kind: &form.kind,
        },
    )
    .await;
    match created {
        Ok(coop) => Ok(Redirect::to(&format!("/admin/coops/{}/invite", coop.id)).into_response()),
        Err(Refused::Fields(errors)) => {
            render_invalid(&admin_page(&state, &viewer, errors, form.name, form.kind).await?)
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

#[derive(Template)]
#[template(path = "admin/invite.html")]
struct InvitePage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    coop_name: String,
    offices: Vec<(String, String)>,
    name: String,
    email: String,
    office: String,
}

fn invite_page(
    state: &AppState,
    viewer: &Viewer,
    coop_id: &CoopId,
    coop_name: &str,
    errors: Problems,
    form: InviteForm,
) -> InvitePage {
    let mut chrome = Chrome::new(state, viewer, "invite-page-title");
    chrome.title = state
        .i18n
        .with_arg(viewer.language, "invite-title", "coop", coop_name);
    InvitePage {
        chrome,
        errors,
        coop_id: coop_id.to_string(),
        coop_name: coop_name.to_owned(),
        offices: Office::ALL
            .iter()
            .map(|o| (o.code().to_owned(), format!("office-{}", o.code())))
            .collect(),
        name: form.name,
        email: form.email,
        office: form.office,
    }
}

pub async fn invite_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    require_admin(&viewer, Action::InviteFirstOfficer)?;
    let coop = coop_for_admin(&state, &id).await?;
    render(&invite_page(
        &state,
        &viewer,
        &coop.id,
        &coop.name,
        Problems::default(),
        InviteForm {
            office: "chair".into(),
            ..InviteForm::default()
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteForm {
    name: String,
    email: String,
    office: String,
}

pub async fn invite(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> Result<Response, AppError> {
    require_admin(&viewer, Action::InviteFirstOfficer)?;
    let account = viewer.require_account()?;
    let coop = coop_for_admin(&state, &id).await?;
    let invited = commands::invite_first_officer(
        &state,
        account,
        &coop,
        InviteOfficer {
            name: &form.name,
            email: &form.email,
            office: &form.office,
        },
    )
    .await;
    let invited = match invited {
        Ok(invited) => invited,
        Err(Refused::Fields(errors)) => {
            return render_invalid(&invite_page(
                &state, &viewer, &coop.id, &coop.name, errors, form,
            ));
        }
        Err(Refused::Failed(err)) => return Err(err),
    };
    let email = invited.invitation.email.as_str();
    let mut page = if invited.emailed {
        MessagePage::new(&state, &viewer, "invite-sent-title", &[]).link("/admin", "nav-admin")
    } else {
        MessagePage::new(&state, &viewer, "invite-not-sent-title", &[]).link(
            &format!("/admin/coops/{}/invite", coop.id),
            "invite-not-sent-again",
        )
    };
    let body = if invited.emailed {
        "invite-sent-body"
    } else {
        "invite-not-sent-body"
    };
    page.paragraphs
        .push(state.i18n.with_arg(viewer.language, body, "email", email));
    render(&page)
}

#[derive(Template)]
#[template(path = "admin/accept.html")]
struct AcceptPage {
    chrome: Chrome,
    intro: String,
    action: String,
}

fn invitation_intro(state: &AppState, viewer: &Viewer, invitation: &Invitation) -> String {
    let role = invitation
        .office
        .map(|o| format!("office-{}", o.code()))
        .or_else(|| invitation.class.map(|c| format!("class-{}", c.code())))
        .map(|id| state.i18n.text(viewer.language, &id))
        .unwrap_or_default();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("coop", invitation.coop_name.clone());
    args.set("role", role);
    state
        .i18n
        .format(viewer.language, "invitation-intro", Some(&args))
}

fn invitation_gone(state: &AppState, viewer: &Viewer) -> Result<Response, AppError> {
    let mut response = render(&MessagePage::new(
        state,
        viewer,
        "invitation-gone-title",
        &["invitation-gone-body"],
    ))?;
    *response.status_mut() = axum::http::StatusCode::NOT_FOUND;
    Ok(response)
}

pub async fn invitation(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(secret): Path<String>,
) -> Result<Response, AppError> {
    let Some(invitation) = state.store.invitation(&secret).await? else {
        return invitation_gone(&state, &viewer);
    };
    let action = format!("/invitations/{secret}");
    let intro = invitation_intro(&state, &viewer, &invitation);
    match state.store.account_by_email(&invitation.email).await? {
        None => render(&NewPasswordPage {
            chrome: Chrome::new(&state, &viewer, "invitation-title"),
            errors: Problems::default(),
            action,
            intro,
            ask_language: true,
            language: viewer.language.code().to_owned(),
        }),
        Some(existing) if viewer.account().is_some_and(|a| a.id == existing.id) => {
            render(&AcceptPage {
                chrome: Chrome::new(&state, &viewer, "invitation-title"),
                intro,
                action,
            })
        }
        Some(_) => Err(AppError::Kind(ErrorKind::SignInRequired)),
    }
}

pub async fn accept(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(secret): Path<String>,
    CsrfForm(form): CsrfForm<NewPasswordForm>,
) -> Result<Response, AppError> {
    let Some(invitation) = state.store.invitation(&secret).await? else {
        return invitation_gone(&state, &viewer);
    };
    let existing = state.store.account_by_email(&invitation.email).await?;
    let accepted = match existing {
        Some(existing) => {
            if viewer.account().is_none_or(|a| a.id != existing.id) {
                return Err(AppError::Kind(ErrorKind::SignInRequired));
            }
            state.store.accept_invitation(&secret, None).await
        }
        None => {
            let mut errors = Problems::default();
            let language = errors.check(
                "language",
                Language::from_code(&form.language).ok_or(FieldError::UnknownChoice),
            );
            let password = check_new_password(&mut errors, &form.password, &form.confirm);
            let (Some(language), Some(password)) = (language, password) else {
                return render_invalid(&NewPasswordPage {
                    chrome: Chrome::new(&state, &viewer, "invitation-title"),
                    errors,
                    action: format!("/invitations/{secret}"),
                    intro: invitation_intro(&state, &viewer, &invitation),
                    ask_language: true,
                    language: Language::from_code(&form.language)
                        .unwrap_or(viewer.language)
                        .code()
                        .to_owned(),
                });
            };
            let hash = state.hasher.hash(password.expose()).await?;
            state
                .store
                .accept_invitation(
                    &secret,
                    Some(NewSignIn {
                        password_hash: &hash,
                        language,
                    }),
                )
                .await
        }
    };
    let account = match accepted {
        Ok(account) => account,
        Err(StoreError::NotFound) => return invitation_gone(&state, &viewer),
        Err(err) => return Err(err.into()),
    };
    let target = format!("/coops/{}", invitation.coop_id);
    if viewer.account().is_some() {
        return Ok(Redirect::to(&target).into_response());
    }
    let session = state.store.start_session(&account).await?;
    let secure = state.config.secure_cookies;
    let one_year = 365 * 24 * 60 * 60;
    // The language chosen on the form is the one this browser now shows.
    Ok((
        axum::response::AppendHeaders([
            (
                SET_COOKIE,
                set_cookie(SESSION_COOKIE, &session.token, None, secure),
            ),
            (
                SET_COOKIE,
                set_cookie(
                    crate::common::viewer::LANGUAGE_COOKIE,
                    account.language.code(),
                    Some(one_year),
                    secure,
                ),
            ),
        ]),
        Redirect::to(&target),
    )
        .into_response())
}
