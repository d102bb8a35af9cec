//! Server-rendered pages. Each handler parses its input, asks the policy,
//! calls the store and renders a template in the viewer's language.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, SET_COOKIE};
use axum::response::{Html, IntoResponse, Redirect, Response};
use cylch_domain::Language;
use serde::Deserialize;

use crate::AppState;
use crate::common::chrome::Chrome;
use crate::common::error::{AppError, ErrorKind};
use crate::common::viewer::{LANGUAGE_COOKIE, Viewer, set_cookie};

pub type ViewerExt = Extension<Arc<Viewer>>;

/// Renders a template as an HTML response.
pub fn render(template: &impl Template) -> Result<Response, AppError> {
    Ok(Html(template.render()?).into_response())
}

/// A file to download (a PDF, a CSV), saved under `name`.
pub fn attachment(kind: &str, name: String, body: impl IntoResponse) -> Response {
    (
        [
            (CONTENT_TYPE, kind.to_owned()),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// Renders a form page that came back with problems: 422, so that scripts
/// and tests see the refusal, with the page that names each problem.
pub fn render_invalid(template: &impl Template) -> Result<Response, AppError> {
    Ok((
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        Html(template.render()?),
    )
        .into_response())
}

/// Percent-encodes a value for a query string.
pub fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where to go after signing in or switching language: only a path on this
/// site, never another site (an open redirect would help phishing).
///
/// The check is made on the address as a browser will read it: browsers
/// drop tabs and newlines anywhere in a URL and control characters and
/// spaces at its ends, so `/<TAB>/evil.example` becomes `//evil.example`,
/// another site. Anything with a control character or a space is refused
/// outright rather than cleaned, and what is left must start with one `/`
/// followed by neither `/` nor `\` (which browsers treat as `/`).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if is_local_path(path) => path.to_owned(),
        _ => "/".to_owned(),
    }
}

fn is_local_path(path: &str) -> bool {
    // Refusing every control character and space covers all the browser
    // would clean away, and keeps the Location header valid.
    if path.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    let mut chars = path.chars();
    chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\')) && !path.contains('\\')
}

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub chrome: Chrome,
    pub paragraphs: Vec<String>,
    pub link: Option<(String, String)>,
}

impl MessagePage {
    pub fn new(
        state: &AppState,
        viewer: &Viewer,
        title_id: &str,
        paragraph_ids: &[&str],
    ) -> MessagePage {
        let chrome = Chrome::new(state, viewer, title_id);
        let paragraphs = paragraph_ids.iter().map(|id| chrome.t(id)).collect();
        MessagePage {
            chrome,
            paragraphs,
            link: None,
        }
    }

    pub fn link(mut self, href: &str, text_id: &str) -> MessagePage {
        self.link = Some((href.to_owned(), self.chrome.t(text_id)));
        self
    }
}

/// The page shown for an error, in the viewer's language.
pub fn error_page(
    state: &AppState,
    viewer: &Viewer,
    kind: ErrorKind,
    reference: Option<String>,
) -> Response {
    let code = kind.code();
    let mut page = MessagePage::new(
        state,
        viewer,
        &format!("error-{code}-title"),
        &[&format!("error-{code}-body")],
    );
    if let Some(reference) = reference {
        page.paragraphs.push(state.i18n.with_arg(
            viewer.language,
            "error-reference",
            "reference",
            &reference,
        ));
    }
    let page = page.link("/", "error-go-home");
    match page.render() {
        Ok(html) => (kind.status(), Html(html)).into_response(),
        Err(err) => {
            tracing::error!(%err, "the error page failed to render");
            (
                kind.status(),
                "Cylch: something went wrong. Aeth rhywbeth o'i le.",
            )
                .into_response()
        }
    }
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// The link on every page that switches language. It sets a cookie, so the
/// choice holds before sign-in too, then returns to the same page.
pub async fn switch_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<NextQuery>,
) -> Result<Response, AppError> {
    let language = Language::from_code(&code).ok_or(AppError::NOT_FOUND)?;
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
        Redirect::to(&safe_next(query.next.as_deref())),
    )
        .into_response())
}

pub async fn stylesheet() -> Response {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/cylch.css"),
    )
        .into_response()
}

pub async fn not_found() -> AppError {
    AppError::NOT_FOUND
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_never_leaves_the_site() {
        assert_eq!(safe_next(Some("/account")), "/account");
        assert_eq!(safe_next(Some("/coops/abc?x=1")), "/coops/abc?x=1");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "evil",
            "/a\r\nSet-Cookie: x",
            "/\t/evil.example",
            "/\n/evil.example",
            "\t//evil.example",
            " //evil.example",
            "/\r\\evil.example",
            "/a\u{7}b",
            "/a\u{90}b",
            "/a b",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode_query("/coops/a?b=c&d"), "/coops/a%3Fb%3Dc%26d");
    }
}
