//! Forms: the token check every unsafe request passes, and the errors a form
//! shows back at its fields.

use std::borrow::Cow;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, StatusCode};
use cylch_domain::FieldError;
use serde::de::DeserializeOwned;

use crate::common::error::{AppError, ErrorKind};
use crate::common::viewer::Viewer;

/// A form body that has passed the CSRF checks: the token matches the
/// viewer's, and the browser did not send it from another site.
pub struct CsrfForm<T>(pub T);

pub(crate) fn same_origin(headers: &HeaderMap) -> bool {
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site")
    {
        return false;
    }
    match (
        headers.get(ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some("null"), _) => false,
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest == host),
        _ => true,
    }
}

/// Compares without stopping at the first difference, so timing reveals
/// nothing about the token.
pub(crate) fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl<T, S> FromRequest<S> for CsrfForm<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let viewer = request
            .extensions()
            .get::<Arc<Viewer>>()
            .cloned()
            .ok_or(AppError::Kind(ErrorKind::Internal))?;
        if !same_origin(request.headers()) {
            return Err(AppError::Kind(ErrorKind::CsrfFailed));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::Kind(ErrorKind::TooLarge)
                } else {
                    AppError::Kind(ErrorKind::BadRequest)
                }
            })?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
        let token = pairs
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        if !same_token(token, &viewer.csrf_token) {
            return Err(AppError::Kind(ErrorKind::CsrfFailed));
        }
        let value = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
        Ok(CsrfForm(value))
    }
}

/// A form that carries nothing but its token, such as a sign-out button.
#[derive(serde::Deserialize)]
pub struct NoFields {}

/// One problem with one field: the field's id (for the summary's link), its
/// name and the message id to show.
#[derive(Debug, Clone)]
pub struct FieldProblem {
    /// The field's id on the page: its name, or, on a page with a form for
    /// each of many rows, its name and the row's (`shares-3f2a…`).
    pub field: Cow<'static, str>,
    /// The field's name, which picks the words of a general message
    /// ("Enter the date" rather than "Enter a value").
    pub name: &'static str,
    pub message: String,
}

/// The problems with a submitted form, in the order the fields appear.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    problems: Vec<FieldProblem>,
    /// The row whose form these are, when the page has a form for each of
    /// many rows.
    row: Option<String>,
}

impl FormErrors {
    /// The problems with the form of one row among many on a page (a member
    /// in the register, a person given support): each field's id is its
    /// name and the row's, as the page names that row's fields.
    pub fn for_row(row: impl std::fmt::Display) -> FormErrors {
        FormErrors {
            problems: Vec::new(),
            row: Some(row.to_string()),
        }
    }

    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        let id = match &self.row {
            Some(row) => Cow::Owned(format!("{field}-{row}")),
            None => Cow::Borrowed(field),
        };
        if self.get(&id).is_none() {
            self.problems.push(FieldProblem {
                field: id,
                name: field,
                message: message.into(),
            });
        }
    }

    pub fn field(&mut self, field: &'static str, error: FieldError) {
        self.add(field, error.code());
    }

    /// Records the error of a parse, if any, and returns the value.
    pub fn check<T>(&mut self, field: &'static str, parsed: Result<T, FieldError>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(error) => {
                self.field(field, error);
                None
            }
        }
    }

    /// The message for the field with this id on the page.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| p.field == id)
            .map(|p| p.message.as_str())
    }

    /// The message for the field `name` of the form of `row`.
    pub fn get_in(&self, name: &str, row: &str) -> Option<&str> {
        if self.row.as_deref() != Some(row) {
            return None;
        }
        self.problems
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn list(&self) -> &[FieldProblem] {
        &self.problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_site_posts_are_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(HOST, "cylch.example".parse().unwrap());
        assert!(same_origin(&headers));
        headers.insert(ORIGIN, "https://cylch.example".parse().unwrap());
        assert!(same_origin(&headers));
        headers.insert(ORIGIN, "https://evil.example".parse().unwrap());
        assert!(!same_origin(&headers));
        headers.insert(ORIGIN, "null".parse().unwrap());
        assert!(!same_origin(&headers));
        headers.remove(ORIGIN);
        headers.insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert!(!same_origin(&headers));
    }

    #[test]
    fn tokens_compare_exactly() {
        assert!(same_token("abc", "abc"));
        assert!(!same_token("abc", "abd"));
        assert!(!same_token("abc", "abcd"));
        assert!(!same_token("", "a"));
    }

    #[test]
    fn the_first_problem_with_a_field_is_kept() {
        let mut errors = FormErrors::default();
        errors.field("email", FieldError::Missing);
        errors.field("email", FieldError::EmailFormat);
        assert_eq!(errors.get("email"), Some("error-missing"));
        assert_eq!(errors.list().len(), 1);
    }

    #[test]
    fn a_row_s_problems_name_its_own_fields() {
        let mut errors = FormErrors::for_row("a1b2");
        errors.field("shares", FieldError::Missing);
        errors.add("shares", "register-error-shares");
        assert_eq!(errors.list().len(), 1);
        assert_eq!(errors.list()[0].field, "shares-a1b2");
        assert_eq!(errors.list()[0].name, "shares");
        assert_eq!(errors.get("shares-a1b2"), Some("error-missing"));
        assert_eq!(
            errors.get("shares"),
            None,
            "the plain name is another form's field"
        );
        assert_eq!(errors.get_in("shares", "a1b2"), Some("error-missing"));
        assert_eq!(
            errors.get_in("shares", "c3d4"),
            None,
            "another row has no problem"
        );
        assert_eq!(FormErrors::default().get_in("shares", "a1b2"), None);
    }
}
