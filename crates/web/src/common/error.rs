//! One error type for handlers, mapped to a page or a JSON body in the
//! person's language by the error-rendering layer.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_store::StoreError;

/// What went wrong, as a person needs to hear it. Internal causes are
/// logged with a reference and never shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    Forbidden,
    SignInRequired,
    CsrfFailed,
    BadRequest,
    TooLarge,
    MethodNotAllowed,
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::SignInRequired => StatusCode::UNAUTHORIZED,
            ErrorKind::CsrfFailed => StatusCode::FORBIDDEN,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code an API client sees, and the stem of the page's
    /// message ids (`error-<code>-title`, `error-<code>-body`).
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not-found",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::SignInRequired => "sign-in-required",
            ErrorKind::CsrfFailed => "csrf",
            ErrorKind::BadRequest => "bad-request",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::MethodNotAllowed => "method-not-allowed",
            ErrorKind::Internal => "internal",
        }
    }

    pub fn from_status(status: StatusCode) -> Option<ErrorKind> {
        match status {
            StatusCode::NOT_FOUND => Some(ErrorKind::NotFound),
            StatusCode::PAYLOAD_TOO_LARGE => Some(ErrorKind::TooLarge),
            StatusCode::METHOD_NOT_ALLOWED => Some(ErrorKind::MethodNotAllowed),
            StatusCode::BAD_REQUEST
            | StatusCode::UNPROCESSABLE_ENTITY
            | StatusCode::UNSUPPORTED_MEDIA_TYPE => Some(ErrorKind::BadRequest),
            StatusCode::UNAUTHORIZED => Some(ErrorKind::SignInRequired),
            StatusCode::FORBIDDEN => Some(ErrorKind::Forbidden),
            s if s.is_server_error() => Some(ErrorKind::Internal),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0:?}")]
    Kind(ErrorKind),
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
    #[error("a page failed to render: {0}")]
    Render(#[from] askama::Error),
    #[error("a document failed to render: {0}")]
    Document(#[from] cylch_documents::pdf::PdfError),
    #[error("a password could not be hashed: {0}")]
    PasswordHash(argon2::password_hash::Error),
    #[error("work done beside the request stopped: {0}")]
    Background(#[from] tokio::task::JoinError),
    #[error("the password hashers were shut down")]
    HashersClosed(#[from] tokio::sync::AcquireError),
    #[error("a JSON document failed to write: {0}")]
    Json(#[from] serde_json::Error),
    /// The books answered a read with a refusal: a figure that overflows
    /// or a period that runs backwards is a fault, not something the
    /// person asked for. A missing record is still "not found".
    #[error("the books could not be read: {0}")]
    Ledger(#[from] cylch_store::ledger::LedgerError),
    #[error("a sum of money overflowed")]
    Overflow(#[from] cylch_ledger::Overflow),
    #[error("a report could not be made: {0}")]
    Report(#[from] cylch_ledger::report::ReportError),
    #[error("a date could not be worked out: {0}")]
    Date(#[from] jiff::Error),
    #[error("an email could not be sent: {0}")]
    Mail(#[from] crate::common::mail::MailError),
}

impl AppError {
    pub const NOT_FOUND: AppError = AppError::Kind(ErrorKind::NotFound);
    pub const FORBIDDEN: AppError = AppError::Kind(ErrorKind::Forbidden);

    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::Kind(kind) => *kind,
            AppError::Store(StoreError::NotFound)
            | AppError::Ledger(cylch_store::ledger::LedgerError::Store(StoreError::NotFound)) => {
                ErrorKind::NotFound
            }
            AppError::Store(_)
            | AppError::Render(_)
            | AppError::Document(_)
            | AppError::PasswordHash(_)
            | AppError::Background(_)
            | AppError::HashersClosed(_)
            | AppError::Json(_)
            | AppError::Ledger(_)
            | AppError::Overflow(_)
            | AppError::Report(_)
            | AppError::Date(_)
            | AppError::Mail(_) => ErrorKind::Internal,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let kind = self.kind();
        if kind == ErrorKind::Internal {
            // The reference lets an administrator find the cause in the log
            // without the person ever seeing it.
            let reference = cylch_store::ids::random_id();
            tracing::error!(reference = &reference[..8], error = %self, "request failed");
            let mut response = kind.status().into_response();
            response.extensions_mut().insert(kind);
            response
                .extensions_mut()
                .insert(ErrorReference(reference[..8].to_owned()));
            return response;
        }
        let mut response = kind.status().into_response();
        response.extensions_mut().insert(kind);
        response
    }
}

/// The short reference shown on the "something went wrong" page.
#[derive(Debug, Clone)]
pub struct ErrorReference(pub String);
