//! What a refusal of the votes area means to a person, said once for the
//! pages and the API.

use axum::http::StatusCode;
use cylch_domain::Language;
use cylch_store::StoreError;
use cylch_store::votes::VotingError;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::refusal::{Explain, Refusal};

/// A record that is not there (or not the caller's) is "not found"; any
/// other failure of the database stays a failure, never "not found" nor a
/// refusal; the rules' refusals are 403 when the caller has no vote and
/// 422 otherwise, each with its stable code and its sentence.
impl Explain for VotingError {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        match self {
            VotingError::Store(StoreError::NotFound) => Err(AppError::NOT_FOUND),
            VotingError::Store(err) => Err(AppError::Store(err)),
            err => {
                let refusal = Refusal::rule(state, language, err.code(), err.code());
                Ok(if err.is_no_right() {
                    refusal.with_status(StatusCode::FORBIDDEN)
                } else {
                    refusal
                })
            }
        }
    }
}
