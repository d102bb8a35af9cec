//! One refusal mapping. Each area's error says once what it means to a
//! person, as a [`Refusal`]: a stable code, the status, the field it
//! concerns (if any) and the sentence in the person's language. The page
//! and the API render that one answer, so the two fronts cannot disagree,
//! and a failure of the database is never mistaken for a refusal: it stays
//! an [`AppError`], logged with a reference and shown as "something went
//! wrong".

use askama::Template;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use cylch_domain::Language;

use crate::AppState;
use crate::common::api::{ApiErrorBody, ApiErrorDetail, FieldProblemView};
use crate::common::error::AppError;
use crate::common::page::MessagePage;
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

/// Why an action was not taken, as a person needs to hear it.
#[derive(Debug, Clone)]
pub(crate) struct Refusal {
    /// The stable code an API client reads (`meetings-not-entitled`).
    pub code: &'static str,
    /// 404 when the record is not there (or not theirs), 409 when it has
    /// moved on, 422 for everything the rules refuse.
    pub status: StatusCode,
    /// The field the refusal concerns, when it is about one thing typed.
    pub field: Option<&'static str>,
    /// What to do about it, in the person's language.
    pub message: String,
    /// When one refusal has several reasons (a PA who may not work a shift
    /// for three), each with its code and its sentence: a page lists them
    /// and the API returns them at the refusal's field.
    pub reasons: Vec<(&'static str, String)>,
}

impl Refusal {
    /// A refusal under the rules (422), said by one message.
    pub fn rule(
        state: &AppState,
        language: Language,
        code: &'static str,
        message_id: &str,
    ) -> Refusal {
        Refusal {
            code,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            field: None,
            message: state.i18n.text(language, message_id),
            reasons: Vec::new(),
        }
    }

    /// The same refusal with its reasons, each a code and a sentence.
    pub fn with_reasons(mut self, reasons: Vec<(&'static str, String)>) -> Refusal {
        self.reasons = reasons;
        self
    }

    /// The same refusal, shown at one field.
    pub fn at(mut self, field: &'static str) -> Refusal {
        self.field = Some(field);
        self
    }

    /// The same refusal with another status.
    pub fn with_status(mut self, status: StatusCode) -> Refusal {
        self.status = status;
        self
    }

    /// The API's answer: the status, and the error body with the code, the
    /// sentence and the field it concerns.
    pub fn to_json(&self) -> Response {
        let fields = match self.field {
            None => Vec::new(),
            Some(field) if self.reasons.is_empty() => vec![FieldProblemView {
                field: field.to_owned(),
                code: self.code.to_owned(),
                message: self.message.clone(),
            }],
            Some(field) => self
                .reasons
                .iter()
                .map(|(code, message)| FieldProblemView {
                    field: field.to_owned(),
                    code: (*code).to_owned(),
                    message: message.clone(),
                })
                .collect(),
        };
        let body = ApiErrorBody {
            error: ApiErrorDetail {
                code: self.code.to_owned(),
                message: self.message.clone(),
                fields,
            },
        };
        (self.status, Json(body)).into_response()
    }

    /// A page's answer when the refusal has no form to be shown on: the
    /// status, and a page that says what happened and leads back.
    pub fn to_page(
        &self,
        state: &AppState,
        viewer: &Viewer,
        back: &str,
    ) -> Result<Response, AppError> {
        let mut page = MessagePage::new(state, viewer, "error-refused-title", &[]);
        page.paragraphs.push(self.message.clone());
        page.paragraphs
            .extend(self.reasons.iter().map(|(_, reason)| reason.clone()));
        let page = page.link(back, "error-refused-back");
        Ok((self.status, Html(page.render()?)).into_response())
    }
}

/// Why an action was not taken: the one answer every area's commands give,
/// which the page and the API handlers each render in their own way.
#[derive(Debug)]
pub(crate) enum Refused {
    /// Problems with what was typed, each at its field.
    Fields(Problems),
    /// A refusal under the rules, said whole.
    Rule(Refusal),
    /// Not found, not allowed, or the service failed.
    Failed(AppError),
}

impl From<cylch_store::StoreError> for Refused {
    fn from(err: cylch_store::StoreError) -> Refused {
        Refused::Failed(err.into())
    }
}

impl From<AppError> for Refused {
    fn from(err: AppError) -> Refused {
        Refused::Failed(err)
    }
}

impl From<Problems> for Refused {
    fn from(problems: Problems) -> Refused {
        Refused::Fields(problems)
    }
}

/// An area's error, read as a person needs to hear it: a refusal, or the
/// failure of the service it really is.
pub(crate) trait Explain {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError>;
}
