//! Forms: the token check every unsafe request passes.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, StatusCode};
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
}
