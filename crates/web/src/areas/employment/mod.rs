//! Employing PAs: each PA's employment record, who they work with, the
//! checks before they work, the co-operative's insurance and the written
//! statement of particulars.

pub mod api;
pub mod commands;
pub mod pages;
pub mod settings;
pub mod statement;

use axum::http::StatusCode;
use cylch_domain::Language;
use cylch_store::StoreError;
use cylch_store::employment::EmploymentError;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::refusal::{Explain, Refusal};

impl Explain for EmploymentError {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        let rule = |code: &'static str| Refusal::rule(state, language, code, code);
        match self {
            EmploymentError::Invalid(_) => Ok(rule("employment-invalid")),
            EmploymentError::NotFound => Err(AppError::NOT_FOUND),
            EmploymentError::NeedsEmployerDuties => Err(AppError::FORBIDDEN),
            EmploymentError::AccountNotMember => {
                Ok(rule("employment-account-not-member").at("account"))
            }
            EmploymentError::PersonNotHere => Ok(rule("employment-person-not-here").at("person")),
            EmploymentError::NotThePa => {
                Ok(rule("employment-not-the-pa").with_status(StatusCode::FORBIDDEN))
            }
            EmploymentError::AlreadyAcknowledged => {
                Ok(rule("employment-already-acknowledged").with_status(StatusCode::CONFLICT))
            }
            EmploymentError::Incomplete(kinds) => {
                let mut refusal = rule("employment-statement-incomplete");
                let names: Vec<String> = kinds
                    .iter()
                    .map(|k| {
                        state
                            .i18n
                            .text(language, &format!("employment-particular-{}", k.code()))
                    })
                    .collect();
                refusal.message = state.i18n.with_arg(
                    language,
                    "employment-statement-incomplete",
                    "particulars",
                    &names.join(", "),
                );
                Ok(refusal)
            }
            EmploymentError::Store(StoreError::NotFound) => Err(AppError::NOT_FOUND),
            EmploymentError::Store(err) => Err(err.into()),
        }
    }
}
