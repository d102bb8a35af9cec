//! A form that may carry a file: `multipart/form-data` as browsers send a
//! file input, or an ordinary form without one. Either way the CSRF checks
//! of every other form apply before anything in it is used.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;

use crate::common::error::{AppError, ErrorKind};
use crate::common::form::{same_origin, same_token};
use crate::common::viewer::Viewer;

/// A bank statement is larger than a form: a year of a busy account fits.
pub const UPLOAD_LIMIT_BYTES: usize = 2 * 1024 * 1024;

/// One field of a submitted form.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Field {
    name: String,
    /// Set for a file input, even when no file was chosen (then empty).
    filename: Option<String>,
    data: Vec<u8>,
}

/// A form body that passed the CSRF checks, file fields and all.
#[derive(Debug, Default)]
pub struct UploadForm(Vec<Field>);

impl UploadForm {
    /// The text of a field, or empty when it was not sent or is not text.
    pub fn text(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|f| f.name == name && f.filename.is_none())
            .and_then(|f| String::from_utf8(f.data.clone()).ok())
            .unwrap_or_default()
    }

    /// Every value of a field sent more than once (checkboxes).
    pub fn texts(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|f| f.name == name && f.filename.is_none())
            .filter_map(|f| String::from_utf8(f.data.clone()).ok())
            .collect()
    }

    /// The bytes of a chosen file, if one was chosen and is not empty.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.0
            .iter()
            .find(|f| f.name == name && f.filename.as_deref().is_some_and(|n| !n.is_empty()))
            .map(|f| f.data.as_slice())
            .filter(|d| !d.is_empty())
    }
}

impl<S> FromRequest<S> for UploadForm
where
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
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::Kind(ErrorKind::TooLarge)
                } else {
                    AppError::Kind(ErrorKind::BadRequest)
                }
            })?;
        let fields = match boundary(&content_type) {
            Some(boundary) => {
                parse_multipart(&boundary, &bytes).ok_or(AppError::Kind(ErrorKind::BadRequest))?
            }
            None => serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
                .map_err(|_| AppError::Kind(ErrorKind::BadRequest))?
                .into_iter()
                .map(|(name, value)| Field {
                    name,
                    filename: None,
                    data: value.into_bytes(),
                })
                .collect(),
        };
        let form = UploadForm(fields);
        if !same_token(&form.text("csrf"), &viewer.csrf_token) {
            return Err(AppError::Kind(ErrorKind::CsrfFailed));
        }
        Ok(form)
    }
}

/// The boundary of a `multipart/form-data` body, if it is one.
fn boundary(content_type: &str) -> Option<String> {
    let mut parts = content_type.split(';');
    let kind = parts.next()?.trim();
    if !kind.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    parts.find_map(|p| {
        let (key, value) = p.trim().split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|b| !b.is_empty() && b.len() <= 70)
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads a multipart body (RFC 7578). Anything malformed, including a body
/// that ends before its closing boundary, is refused whole.
fn parse_multipart(boundary: &str, body: &[u8]) -> Option<Vec<Field>> {
    let delimiter = [b"--".as_slice(), boundary.as_bytes()].concat();
    let next = [b"\r\n".as_slice(), &delimiter].concat();
    let start = find(body, &delimiter)?;
    let mut rest = body.get(start.checked_add(delimiter.len())?..)?;
    let mut fields = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Some(fields);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let end = find(rest, &next)?;
        let part = rest.get(..end)?;
        rest = rest.get(end.checked_add(next.len())?..)?;
        let head_end = find(part, b"\r\n\r\n")?;
        let head = std::str::from_utf8(part.get(..head_end)?).ok()?;
        let data = part.get(head_end.checked_add(4)?..)?.to_vec();
        let disposition = head.split("\r\n").find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case("content-disposition")
                .then_some(value)
        })?;
        let name = parameter(disposition, "name")?;
        let filename = parameter(disposition, "filename");
        fields.push(Field {
            name,
            filename,
            data,
        });
    }
}

/// A quoted or bare parameter of a header value: `name="statement"`.
fn parameter(value: &str, key: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_files_as_a_browser_sends_them() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n--XyZ\r\nContent-Disposition: form-data; name=\"statement\"; filename=\"may.csv\"\r\nContent-Type: text/csv\r\n\r\nDate,Amount\r\n01/05/2026,1.00\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name=\"statement2\"; filename=\"\"\r\n\r\n\r\n--XyZ--\r\n";
        let form = UploadForm(parse_multipart("XyZ", body).unwrap());
        assert_eq!(form.text("csrf"), "abc");
        assert_eq!(
            form.file("statement"),
            Some(b"Date,Amount\r\n01/05/2026,1.00\r\n".as_slice())
        );
        assert_eq!(form.text("statement"), "", "a file is not text");
        assert_eq!(form.file("statement2"), None, "no file chosen");
        assert_eq!(
            boundary("multipart/form-data; boundary=\"XyZ\""),
            Some("XyZ".into())
        );
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
    }

    #[test]
    fn refuses_a_body_cut_short() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n--XyZ\r\nContent-Disposition: form-data; name=\"statement\"; filename=\"may.csv\"\r\n\r\nDate,Amount\r\n01/05";
        assert_eq!(parse_multipart("XyZ", body), None);
        assert_eq!(parse_multipart("XyZ", b"no boundary here"), None);
        assert_eq!(
            parse_multipart(
                "XyZ",
                b"--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--"
            ),
            None,
            "a part without a name"
        );
    }
}
