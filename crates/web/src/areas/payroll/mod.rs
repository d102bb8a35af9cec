//! Pay runs: a pay period of one frequency run for every PA with approved
//! time, reviewed, then approved (locked, and posted to the ledger), then
//! paid; and each PA's payslips. The store decides everything
//! ([`cylch_store::payroll`]).

pub mod api;
pub mod commands;
pub mod hmrc;
pub mod pages;
pub mod payslips;

use axum::http::StatusCode;
use cylch_domain::Language;
use cylch_store::StoreError;
use cylch_store::payroll::{Missing, PayRunError};

use crate::AppState;
use crate::common::error::AppError;
use crate::common::refusal::{Explain, Refusal};

impl Explain for PayRunError {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        let rule = |code: &'static str| Refusal::rule(state, language, code, code);
        match self {
            PayRunError::NeedsEmployerDuties => Err(AppError::FORBIDDEN),
            PayRunError::NotFound | PayRunError::Store(StoreError::NotFound) => {
                Err(AppError::NOT_FOUND)
            }
            // Two officers pressing at once: the second is told the period
            // is paid, as a conflict with what now exists.
            PayRunError::AlreadyRun => {
                Ok(rule("payroll-already-run").with_status(StatusCode::CONFLICT))
            }
            PayRunError::BadPeriod(_) => Ok(rule("payroll-bad-period").at("period")),
            PayRunError::PayDateOutsideYear => {
                Ok(rule("payroll-pay-date-outside-year").at("pay_date"))
            }
            PayRunError::EarlierRunNotApproved => Ok(rule("payroll-earlier-run-waiting")),
            PayRunError::LaterPeriodRun => Ok(rule("payroll-later-period-run")),
            PayRunError::Locked => Ok(rule("payroll-locked")),
            PayRunError::SameOfficer => Ok(rule("payroll-same-officer")),
            PayRunError::Engine { pa, error } => Ok(rule("payroll-engine-refused")
                .at("input")
                .with_reasons(vec![("payroll-engine-refused", format!("{pa}: {error}"))])),
            PayRunError::NotApproved => Ok(rule("payroll-not-approved")),
            PayRunError::AlreadyPaid => {
                Ok(rule("payroll-already-paid").with_status(StatusCode::CONFLICT))
            }
            PayRunError::NothingOwed => Ok(rule("payroll-nothing-owed").at("payee")),
            // The ledger refusing a run's own figures is a fault in Cylch,
            // not something an officer can put right.
            PayRunError::Posting(reason) => Err(StoreError::Corrupt(reason).into()),
            PayRunError::HmrcDetailsMissing(missing) => {
                let reasons = missing
                    .iter()
                    .map(|m| match m {
                        Missing::EmployerReferences => (
                            "payroll-hmrc-missing-references",
                            state.i18n.text(language, "payroll-hmrc-missing-references"),
                        ),
                        Missing::Gender(name) => (
                            "payroll-hmrc-missing-gender",
                            state.i18n.with_arg(
                                language,
                                "payroll-hmrc-missing-gender",
                                "name",
                                name,
                            ),
                        ),
                    })
                    .collect();
                Ok(rule("payroll-hmrc-missing").with_reasons(reasons))
            }
            PayRunError::Rti(reason) => {
                Ok(rule("payroll-fps-refused").with_reasons(vec![("payroll-fps-refused", reason)]))
            }
            PayRunError::Store(err) => Err(err.into()),
        }
    }
}
