//! A person's own account: details, language, password, sessions, API tokens.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::{EmailAddress, FieldError, Language, PersonName};
use cylch_store::StoreError;
use cylch_store::accounts::Account;
use cylch_store::tokens::ApiToken;
use serde::Deserialize;

use crate::AppState;
use crate::areas::auth::pages::check_new_password;
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
}

pub async fn save_details(
    State(state): State<AppState>,
    viewer: ViewerExt,
    CsrfForm(form): CsrfForm<DetailsForm>,
) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    let mut errors = Problems::default();
    let name = errors.check("name", PersonName::parse(&form.name));
    let email = errors.check("email", EmailAddress::parse(&form.email));
    let language = errors.check(
        "language",
        Language::from_code(&form.language).ok_or(FieldError::UnknownChoice),
    );
    let typed = Typed {
        name: form.name.clone(),
        email: form.email.clone(),
        language: form.language.clone(),
        token_name: String::new(),
    };
    let (Some(name), Some(email), Some(language)) = (name, email, language) else {
        return render_invalid(&page(&state, &viewer, account, typed, errors, None, None).await?);
    };
    match state
        .store
        .update_profile(&account.id, &name, &email, language)
        .await
    {
        Ok(_) => {}
        Err(StoreError::EmailTaken) => {
            errors.add("email", "error-email-taken");
            return render_invalid(
                &page(&state, &viewer, account, typed, errors, None, None).await?,
            );
        }
        Err(err) => return Err(err.into()),
    }
    // The saved language is also the one this browser now shows.
    let one_year = 365 * 24 * 60 * 60;
    Ok((
        [(
            SET_COOKIE,
            set_cookie(
                LANGUAGE_COOKIE,
                language.code(),
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
    let mut errors = Problems::default();
    if form.current.is_empty() {
        errors.field("current", FieldError::Missing);
    } else if !state
        .hasher
        .verify(&form.current, account.password_hash.as_deref())
        .await?
    {
        errors.add("current", "error-current-password");
    }
    let password = check_new_password(&mut errors, &form.password, &form.confirm);
    let Some(password) = password.filter(|_| errors.is_empty()) else {
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
    };
    let hash = state.hasher.hash(password.expose()).await?;
    let keep = viewer.session.as_ref().map(|s| s.token.as_str());
    state.store.set_password(&account.id, &hash, keep).await?;
    Ok(Redirect::to("/account?saved=password").into_response())
}

pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    viewer: ViewerExt,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    state.store.end_all_sessions(&account.id).await?;
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
    let mut errors = Problems::default();
    let name = errors.check("token_name", PersonName::parse(&form.token_name));
    let Some(name) = name else {
        let typed = Typed {
            token_name: form.token_name.clone(),
            ..Typed::from(account)
        };
        return render_invalid(&page(&state, &viewer, account, typed, errors, None, None).await?);
    };
    let (_, secret) = state
        .store
        .create_api_token(&account.id, name.as_str())
        .await?;
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
    state.store.revoke_api_token(&account.id, &id).await?;
    Ok(Redirect::to("/account?saved=token").into_response())
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
