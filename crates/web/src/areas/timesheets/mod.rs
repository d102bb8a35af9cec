//! Timesheets: each PA's time in each pay period, built from the rota or
//! entered by hand, confirmed or corrected by the PA and approved by the
//! people it was for (or the coordinator, where they chose), then locked.

pub mod api;
pub mod commands;
pub mod pages;

use axum::http::StatusCode;
use cylch_domain::Language;
use cylch_employment::timesheet::{NotAdjustable, NotApprover};
use cylch_store::StoreError;
use cylch_store::timesheets::TimesheetError;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::refusal::{Explain, Refusal};

impl Explain for TimesheetError {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        let rule = |code: &'static str| Refusal::rule(state, language, code, code);
        match self {
            TimesheetError::Invalid(_) => Ok(rule("timesheets-invalid")),
            TimesheetError::NotFound => Err(AppError::NOT_FOUND),
            // A rule, not a permission: the page is theirs to read, and
            // the answer says who confirms.
            TimesheetError::NotThePa => Ok(rule("timesheets-not-the-pa")),
            TimesheetError::NeedsPaOrEmployer => Err(AppError::FORBIDDEN),
            TimesheetError::Locked => {
                Ok(rule("timesheets-locked").with_status(StatusCode::CONFLICT))
            }
            TimesheetError::NotAdjustable(NotAdjustable::NotApproved) => {
                Ok(rule("timesheets-not-approved-yet").with_status(StatusCode::CONFLICT))
            }
            TimesheetError::NotAdjustable(NotAdjustable::AlreadyReplaced) => {
                Ok(rule("timesheets-already-adjusted").with_status(StatusCode::CONFLICT))
            }
            TimesheetError::NotApprover(NotApprover::OwnTime) => {
                Ok(rule("timesheets-own-time").with_status(StatusCode::FORBIDDEN))
            }
            TimesheetError::NotApprover(NotApprover::NotTheirs) => {
                Ok(rule("timesheets-not-approver").with_status(StatusCode::FORBIDDEN))
            }
            TimesheetError::NotTheirChoice => {
                Ok(rule("timesheets-not-their-choice").with_status(StatusCode::FORBIDDEN))
            }
            TimesheetError::NothingToConfirm => Ok(rule("timesheets-nothing-to-confirm")),
            TimesheetError::NothingToApprove => Ok(rule("timesheets-nothing-to-approve")),
            TimesheetError::Store(StoreError::NotFound) => Err(AppError::NOT_FOUND),
            TimesheetError::Store(err) => Err(err.into()),
        }
    }
}
