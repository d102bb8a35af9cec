//! A person's own account: details, language, password, sessions, API tokens.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use cylch_store::accounts::Account;
use cylch_store::tokens::ApiToken;
use serde::Deserialize;

use crate::AppState;
use crate::areas::account::commands::{self, ChangePassword, Refused, SaveDetails};
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::{LANGUAGE_COOKIE, SESSION_COOKIE, Viewer, clear_cookie, set_cookie};

#[derive(Template)]
#[template(path = "account/account.html")]
struct AccountPage {
    chrome: Chrome,
    errors: Problems,
    notice: Option<String>,
    name: String,
    email: String,
    language: String,
    session_count: usize,
    tokens: Vec<ApiToken>,
    token_name: String,
    new_secret: Option<String>,
}

/// The account page, with the values a person typed when a form comes back.
struct Typed {
    name: String,
    email: String,
    language: String,
    token_name: String,
}

impl Typed {
    fn from(account: &Account) -> Typed {
        Typed {
            name: account.name.clone(),
            email: account.email.to_string(),
            language: account.language.code().to_owned(),
            token_name: String::new(),
        }
    }
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    account: &Account,
    typed: Typed,
    errors: Problems,
    notice: Option<&str>,
    new_secret: Option<String>,
) -> Result<AccountPage, AppError> {
    let mut chrome = Chrome::new(state, viewer, "account-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(AccountPage {
        chrome,
        errors,
        notice: notice.map(str::to_owned),
        name: typed.name,
        email: typed.email,
        language: typed.language,
        session_count: usize::try_from(state.store.session_count(&account.id).await?).unwrap_or(0),
        tokens: state.store.api_tokens(&account.id).await?,
        token_name: typed.token_name,
        new_secret,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DetailsForm {
    name: String,
    email: String,
    language: String,
    /// Named apart from the password form's field, which is on the same
    /// page.
    details_current: String,
}

pub async fn save_details(
    State(state): State<AppState>,
    viewer: ViewerExt,
    CsrfForm(form): CsrfForm<DetailsForm>,
) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    let saved = commands::save_details(
        &state,
        account,
        SaveDetails {
            name: &form.name,
            email: &form.email,
            language: &form.language,
            current_password: &form.details_current,
        },
    )
    .await;
    let updated = match saved {
        Ok(updated) => updated,
        Err(Refused::Fields(problems)) => {
            let errors = on_page(&problems, &[("current_password", "details_current")]);
            let typed = Typed {
                name: form.name,
                email: form.email,
                language: form.language,
                token_name: String::new(),
            };
            return render_invalid(
                &page(&state, &viewer, account, typed, errors, None, None).await?,
            );
        }
        Err(Refused::Failed(err)) => return Err(err),
    };
    // The saved language is also the one this browser now shows.
    let one_year = 365 * 24 * 60 * 60;
    Ok((
        [(
            SET_COOKIE,
            set_cookie(
                LANGUAGE_COOKIE,
                updated.language.code(),
                Some(one_year),
                state.config.secure_cookies,
            ),
        )],
        Redirect::to("/account?saved=details"),
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current: String,
    password: String,
    confirm: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    viewer: ViewerExt,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    let changed = commands::change_password(
        &state,
        account,
        ChangePassword {
            current_password: &form.current,
            new_password: &form.password,
            confirm: Some(&form.confirm),
            keep_session: viewer.session.as_ref().map(|s| s.token.as_str()),
        },
    )
    .await;
    match changed {
        Ok(()) => {}
        Err(Refused::Fields(problems)) => {
            let errors = on_page(
                &problems,
                &[
                    ("current_password", "current"),
                    ("new_password", "password"),
                ],
            );
            return render_invalid(
                &page(
                    &state,
                    &viewer,
                    account,
                    Typed::from(account),
                    errors,
                    None,
                    None,
                )
                .await?,
            );
        }
        Err(Refused::Failed(err)) => return Err(err),
    }
    Ok(Redirect::to("/account?saved=password").into_response())
}

pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    viewer: ViewerExt,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    commands::sign_out_everywhere(&state, account).await?;
    Ok((
        [(
            SET_COOKIE,
            clear_cookie(SESSION_COOKIE, state.config.secure_cookies),
        )],
        Redirect::to("/signed-out?everywhere=1"),
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    token_name: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    viewer: ViewerExt,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    let secret = match commands::create_token(&state, account, &form.token_name).await {
        Ok((_, secret)) => secret,
        Err(Refused::Fields(problems)) => {
            let errors = on_page(&problems, &[("name", "token_name")]);
            let typed = Typed {
                token_name: form.token_name,
                ..Typed::from(account)
            };
            return render_invalid(
                &page(&state, &viewer, account, typed, errors, None, None).await?,
            );
        }
        Err(Refused::Failed(err)) => return Err(err),
    };
    // The secret is shown once, on this response, and never stored in clear.
    render(
        &page(
            &state,
            &viewer,
            account,
            Typed::from(account),
            Problems::default(),
            None,
            Some(secret),
        )
        .await?,
    )
}

pub async fn revoke_token(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    commands::revoke_token(&state, account, &id).await?;
    Ok(Redirect::to("/account?saved=token").into_response())
}

/// The problems as this page names its fields: each `(API name, page
/// name)` in `names`, and any other by the name the API gives it.
fn on_page(problems: &Problems, names: &[(&str, &'static str)]) -> Problems {
    let mut errors = Problems::default();
    for problem in problems.list() {
        let field = names
            .iter()
            .find(|(api, _)| *api == problem.name)
            .map_or(problem.name, |(_, page)| *page);
        errors.add(field, problem.message.clone());
    }
    errors
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    axum::extract::Query(query): axum::extract::Query<SavedQuery>,
) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    let notice = match query.saved.as_deref() {
        Some("details") => Some("account-saved-details"),
        Some("password") => Some("account-saved-password"),
        Some("token") => Some("account-saved-token"),
        _ => None,
    };
    render(
        &page(
            &state,
            &viewer,
            account,
            Typed::from(account),
            Problems::default(),
            notice,
            None,
        )
        .await?,
    )
}
