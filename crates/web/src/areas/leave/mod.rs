//! Holiday and absence of employed PAs: a PA's balance, holiday requests
//! and who decides them, sickness absences (which a supported person sees
//! only as days away) and other leave; and the requests awaiting each
//! person's decision.

pub mod api;
pub mod commands;
pub mod pages;

use axum::http::StatusCode;
use cylch_domain::Language;
use cylch_employment::holiday::HolidayError;
use cylch_store::StoreError;
use cylch_store::employment::leave::LeaveError;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::refusal::{Explain, Refusal};

impl Explain for LeaveError {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        let rule = |code: &'static str| Refusal::rule(state, language, code, code);
        match self {
            LeaveError::NotFound => Err(AppError::NOT_FOUND),
            LeaveError::NotAllowed => Err(AppError::FORBIDDEN),
            LeaveError::OwnRequest => {
                Ok(rule("leave-own-request").with_status(StatusCode::FORBIDDEN))
            }
            LeaveError::Dates(e) => Ok(rule(e.code()).at(commands::absence_field(e, "days"))),
            LeaveError::Holiday(HolidayError::LeaveYearStart) => {
                Ok(rule("leave-problem-year-start").at("day"))
            }
            LeaveError::Holiday(HolidayError::BeforeReform) => {
                Ok(rule("leave-problem-before-reform"))
            }
            LeaveError::Holiday(HolidayError::Negative) => {
                Ok(rule("leave-problem-negative").at("hours"))
            }
            LeaveError::Holiday(HolidayError::NotEnough { .. } | HolidayError::Overflow) => {
                Ok(rule("leave-problem-too-large"))
            }
            LeaveError::NotEnough { .. } => Ok(rule("leave-not-enough")),
            LeaveError::Overlaps => Ok(rule("leave-problem-overlaps").at("first_day")),
            LeaveError::OutsideEmployment => {
                Ok(rule("leave-problem-outside-employment").at("first_day"))
            }
            LeaveError::NotAwaiting => {
                Ok(rule("leave-not-awaiting").with_status(StatusCode::CONFLICT))
            }
            LeaveError::AlreadyBegun => {
                Ok(rule("leave-already-begun").with_status(StatusCode::CONFLICT))
            }
            LeaveError::Store(StoreError::NotFound) => Err(AppError::NOT_FOUND),
            LeaveError::Store(err) => Err(err.into()),
        }
    }
}
