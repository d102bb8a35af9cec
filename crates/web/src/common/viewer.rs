//! Who is asking, and in which language: worked out once per request from
//! the session cookie, the language choice and the browser's preferences.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cylch_domain::{Actor, Language};
use cylch_store::accounts::Account;
use cylch_store::sessions::{Session, SessionLookup};

use crate::AppState;
use crate::common::error::{AppError, ErrorKind, ErrorReference};
use crate::common::page;

pub const SESSION_COOKIE: &str = "cylch_session";
pub const CSRF_COOKIE: &str = "cylch_csrf";
pub const LANGUAGE_COOKIE: &str = "cylch_lang";

/// The person making a request, as the pages see them.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub session: Option<Session>,
    /// A session cookie came with the request, but its session had ended.
    pub session_expired: bool,
    pub language: Language,
    /// The token every form must return: the session's, or before sign-in a
    /// random value also held in a cookie (double submit).
    pub csrf_token: String,
    /// The path and query of this request, for "come back here" links.
    pub here: String,
}

impl Viewer {
    pub fn account(&self) -> Option<&Account> {
        self.session.as_ref().map(|s| &s.account)
    }

    pub fn require_account(&self) -> Result<&Account, AppError> {
        self.account()
            .ok_or(AppError::Kind(ErrorKind::SignInRequired))
    }

    pub fn actor(&self) -> Actor {
        match self.account() {
            Some(account) => Actor::person(account.instance_admin),
            None => Actor::ANONYMOUS,
        }
    }
}

/// Reads one cookie from the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// A `Set-Cookie` value with the settings every Cylch cookie shares.
pub fn set_cookie(name: &str, value: &str, max_age_secs: Option<i64>, secure: bool) -> HeaderValue {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_secs {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie)
        .unwrap_or_else(|_| HeaderValue::from_static("cylch_invalid=; Max-Age=0"))
}

pub fn clear_cookie(name: &str, secure: bool) -> HeaderValue {
    set_cookie(name, "", Some(0), secure)
}

fn is_token_shaped(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Works out the viewer, runs the request, then renders any error the
/// handlers or the framework returned as a page (or JSON under `/api`) in
/// the viewer's language.
pub async fn layer(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let api = request.uri().path().starts_with("/api/");
    let here = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let (session, session_expired) = match cookie(headers, SESSION_COOKIE) {
        Some(token) if !api && is_token_shaped(&token) => match state.store.session(&token).await {
            Ok(SessionLookup::Active(session)) => (Some(session), false),
            Ok(SessionLookup::Expired) => (None, true),
            Ok(SessionLookup::Unknown) => (None, false),
            Err(err) => return AppError::from(err).into_response(),
        },
        Some(_) => (None, false),
        None => (None, false),
    };
    let language = cookie(headers, LANGUAGE_COOKIE)
        .and_then(|code| Language::from_code(&code))
        .or_else(|| session.as_ref().map(|s| s.account.language))
        .unwrap_or_else(|| {
            Language::negotiate(
                headers
                    .get(ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or(""),
            )
        });
    let pre_session_csrf = cookie(headers, CSRF_COOKIE).filter(|t| is_token_shaped(t));
    let mut new_csrf_cookie = None;
    let csrf_token = match (&session, pre_session_csrf) {
        (Some(session), _) => session.csrf_token.clone(),
        (None, Some(token)) => token,
        (None, None) => {
            let token = cylch_store::ids::random_secret();
            new_csrf_cookie = Some(token.clone());
            token
        }
    };
    let viewer = Arc::new(Viewer {
        session,
        session_expired,
        language,
        csrf_token,
        here,
    });
    request.extensions_mut().insert(viewer.clone());

    let mut response = next.run(request).await;
    let secure = state.config.secure_cookies;
    if viewer.session_expired {
        response
            .headers_mut()
            .append(SET_COOKIE, clear_cookie(SESSION_COOKIE, secure));
    }
    if let Some(token) = new_csrf_cookie
        && !api
    {
        response
            .headers_mut()
            .append(SET_COOKIE, set_cookie(CSRF_COOKIE, &token, None, secure));
    }
    render_error(&state, &viewer, api, response)
}

fn render_error(state: &AppState, viewer: &Viewer, api: bool, response: Response) -> Response {
    let kind = match response.extensions().get::<ErrorKind>() {
        Some(kind) => *kind,
        None => {
            // Errors from the framework itself (an unknown route, a body
            // over the limit) arrive as bare statuses with plain-text bodies.
            let is_rendered = response
                .headers()
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
            match ErrorKind::from_status(response.status()) {
                Some(kind) if !is_rendered => kind,
                _ => return response,
            }
        }
    };
    let reference = response
        .extensions()
        .get::<ErrorReference>()
        .map(|r| r.0.clone());
    let mut headers = response.headers().clone();
    headers.remove(CONTENT_TYPE);
    headers.remove(axum::http::header::CONTENT_LENGTH);
    let mut rendered = if api {
        let message = state
            .i18n
            .text(viewer.language, &format!("error-{}-body", kind.code()));
        (
            kind.status(),
            axum::Json(serde_json::json!({"error": {"code": kind.code(), "message": message}})),
        )
            .into_response()
    } else if kind == ErrorKind::SignInRequired {
        let mut target = format!("/sign-in?next={}", page::encode_query(&viewer.here));
        if viewer.session_expired {
            target.push_str("&expired=1");
        }
        let mut redirect = StatusCode::SEE_OTHER.into_response();
        if let Ok(location) = HeaderValue::from_str(&target) {
            redirect.headers_mut().insert(LOCATION, location);
        }
        redirect
    } else {
        page::error_page(state, viewer, kind, reference)
    };
    for (name, value) in headers.iter() {
        if name == SET_COOKIE {
            rendered.headers_mut().append(name, value.clone());
        }
    }
    rendered
}
