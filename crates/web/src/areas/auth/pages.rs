//! Signing in and out, and resetting a forgotten password.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::{EmailAddress, FieldError, Password};
use cylch_store::StoreError;
use cylch_store::throttle::Throttle;
use serde::Deserialize;

use crate::AppState;
use crate::common::chrome::Chrome;
use crate::common::client::ClientAddress;
use crate::common::error::AppError;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::mail::OutgoingEmail;
use crate::common::page::{MessagePage, ViewerExt, render, render_invalid, safe_next};
use crate::common::problems::Problems;
use crate::common::viewer::{SESSION_COOKIE, clear_cookie, set_cookie};

#[derive(Template)]
#[template(path = "auth/sign_in.html")]
struct SignInPage {
    chrome: Chrome,
    errors: Problems,
    email: String,
    next: String,
    expired: bool,
    reset_done: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignInQuery {
    next: Option<String>,
    expired: Option<String>,
    reset: Option<String>,
}

pub async fn sign_in_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Query(query): Query<SignInQuery>,
) -> Result<Response, AppError> {
    if viewer.account().is_some() {
        return Ok(Redirect::to(&safe_next(query.next.as_deref())).into_response());
    }
    render(&SignInPage {
        chrome: Chrome::new(&state, &viewer, "sign-in-title"),
        errors: Problems::default(),
        email: String::new(),
        next: safe_next(query.next.as_deref()),
        expired: query.expired.is_some(),
        reset_done: query.reset.is_some(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignInForm {
    email: String,
    password: String,
    next: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    viewer: ViewerExt,
    ClientAddress(client): ClientAddress,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Result<Response, AppError> {
    let mut errors = Problems::default();
    let email = errors.check("email", EmailAddress::parse(&form.email));
    if form.password.is_empty() {
        errors.field("password", FieldError::Missing);
    }
    let next = safe_next(Some(&form.next));
    let page = |errors: Problems| SignInPage {
        chrome: Chrome::new(&state, &viewer, "sign-in-title"),
        errors,
        email: form.email.clone(),
        next: next.clone(),
        expired: false,
        reset_done: false,
    };
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return render_invalid(&page(errors));
    };
    if state.store.sign_in_throttled(&email).await? {
        errors.add("email", "sign-in-throttled");
        return render_invalid(&page(errors));
    }
    if let Some(client) = client
        && state.store.throttled(Throttle::Client(client)).await?
    {
        errors.add("email", "sign-in-throttled-client");
        return render_invalid(&page(errors));
    }
    let account = state.store.account_by_email(&email).await?;
    let hash = account.as_ref().and_then(|a| a.password_hash.as_deref());
    let verified = state.hasher.verify(&form.password, hash).await?;
    state.store.record_sign_in_attempt(&email, verified).await?;
    // Only failures count against the client: a success clears nothing, or
    // one real account would let its holder guess at everyone else's.
    if let Some(client) = client
        && !verified
    {
        state
            .store
            .record_attempt(Throttle::Client(client), false)
            .await?;
    }
    let Some(account) = account.filter(|_| verified) else {
        // One message for an unknown address and a wrong password, so the
        // form does not reveal who has an account.
        errors.add("email", "sign-in-wrong");
        return render_invalid(&page(errors));
    };
    let session = state.store.start_session(&account).await?;
    Ok((
        [(
            SET_COOKIE,
            set_cookie(
                SESSION_COOKIE,
                &session.token,
                None,
                state.config.secure_cookies,
            ),
        )],
        Redirect::to(&next),
    )
        .into_response())
}

pub async fn sign_out(
    State(state): State<AppState>,
    viewer: ViewerExt,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    if let Some(session) = &viewer.session {
        state.store.end_session(session).await?;
    }
    // A redirect, so the confirmation is drawn for someone signed out (no
    // account link, no sign-out button) and its language link is a GET.
    Ok((
        [(
            SET_COOKIE,
            clear_cookie(SESSION_COOKIE, state.config.secure_cookies),
        )],
        Redirect::to("/signed-out"),
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignedOutQuery {
    everywhere: Option<String>,
}

/// The confirmation after signing out, here or everywhere.
pub async fn signed_out(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Query(query): Query<SignedOutQuery>,
) -> Result<Response, AppError> {
    let (title, body) = if query.everywhere.is_some() {
        ("signed-out-everywhere-title", "signed-out-everywhere-body")
    } else {
        ("signed-out-title", "signed-out-body")
    };
    render(&MessagePage::new(&state, &viewer, title, &[body]).link("/sign-in", "nav-sign-in"))
}

#[derive(Template)]
#[template(path = "auth/reset_request.html")]
struct ResetRequestPage {
    chrome: Chrome,
    errors: Problems,
    email: String,
}

pub async fn reset_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
) -> Result<Response, AppError> {
    render(&ResetRequestPage {
        chrome: Chrome::new(&state, &viewer, "reset-title"),
        errors: Problems::default(),
        email: String::new(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResetForm {
    email: String,
}

pub async fn reset_request(
    State(state): State<AppState>,
    viewer: ViewerExt,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> Result<Response, AppError> {
    let mut errors = Problems::default();
    let Some(email) = errors.check("email", EmailAddress::parse(&form.email)) else {
        return render_invalid(&ResetRequestPage {
            chrome: Chrome::new(&state, &viewer, "reset-title"),
            errors,
            email: form.email,
        });
    };
    // Reset requests have their own throttle, so the form cannot be used to
    // flood someone's inbox. It counts every address, with an account or
    // not, and leaves sign-in alone: had requests counted only where there
    // is an account, or towards signing in, a few of them then one sign-in
    // would tell whether the address is registered.
    let throttle = Throttle::Reset(&email);
    let throttled = state.store.throttled(throttle).await?;
    state.store.record_attempt(throttle, false).await?;
    if !throttled && let Some(account) = state.store.account_by_email(&email).await? {
        let secret = state.store.create_password_reset(&account).await?;
        let link = format!("{}/reset-password/{secret}", state.config.base_url);
        let language = account.language;
        let email = OutgoingEmail {
            to: account.email.clone(),
            subject: state.i18n.text(language, "email-reset-subject"),
            body: state
                .i18n
                .with_arg(language, "email-reset-body", "link", &link),
        };
        state.mailer.send(&email).await?;
    }
    // The same answer whether or not the address has an account.
    render(&MessagePage::new(
        &state,
        &viewer,
        "reset-sent-title",
        &["reset-sent-body"],
    ))
}

#[derive(Template)]
#[template(path = "auth/new_password.html")]
pub struct NewPasswordPage {
    pub chrome: Chrome,
    pub errors: Problems,
    pub action: String,
    pub intro: String,
    pub ask_language: bool,
    /// The language chosen on the form, kept when it comes back with
    /// problems.
    pub language: String,
}

pub async fn new_password_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(secret): Path<String>,
) -> Result<Response, AppError> {
    if !state.store.password_reset_is_live(&secret).await? {
        return link_expired(&state, &viewer);
    }
    render(&NewPasswordPage {
        chrome: Chrome::new(&state, &viewer, "new-password-title"),
        errors: Problems::default(),
        action: format!("/reset-password/{secret}"),
        intro: String::new(),
        ask_language: false,
        language: viewer.language.code().to_owned(),
    })
}

fn link_expired(state: &AppState, viewer: &ViewerExt) -> Result<Response, AppError> {
    let page = MessagePage::new(
        state,
        viewer,
        "reset-expired-title",
        &["reset-expired-body"],
    )
    .link("/reset-password", "reset-send");
    let mut response = render(&page)?;
    *response.status_mut() = axum::http::StatusCode::NOT_FOUND;
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewPasswordForm {
    pub password: String,
    pub confirm: String,
    pub language: String,
}

/// Checks a new password and its confirmation.
pub fn check_new_password(
    errors: &mut Problems,
    password: &str,
    confirm: &str,
) -> Option<Password> {
    let password = errors.check("password", Password::parse(password));
    if password.is_some() && password.as_ref().map(Password::expose) != Some(confirm) {
        errors.add("confirm", "error-password-mismatch");
        return None;
    }
    password
}

pub async fn set_new_password(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(secret): Path<String>,
    CsrfForm(form): CsrfForm<NewPasswordForm>,
) -> Result<Response, AppError> {
    if !state.store.password_reset_is_live(&secret).await? {
        return link_expired(&state, &viewer);
    }
    let mut errors = Problems::default();
    let Some(password) = check_new_password(&mut errors, &form.password, &form.confirm) else {
        return render_invalid(&NewPasswordPage {
            chrome: Chrome::new(&state, &viewer, "new-password-title"),
            errors,
            action: format!("/reset-password/{secret}"),
            intro: String::new(),
            ask_language: false,
            language: viewer.language.code().to_owned(),
        });
    };
    let hash = state.hasher.hash(password.expose()).await?;
    match state.store.complete_password_reset(&secret, &hash).await {
        Ok(_) => Ok(Redirect::to("/sign-in?reset=1").into_response()),
        Err(StoreError::NotFound) => link_expired(&state, &viewer),
        Err(err) => Err(err.into()),
    }
}
