//! The actions on pay, shared by the pages and the API: run a pay period,
//! approve a run (which posts it to the ledger), record a payment of what
//! a run owes the PAs, HMRC or the pension scheme; record what HMRC needs
//! (the employer's references, each PA's gender as HMRC holds it) and make
//! a run's Full Payment Submission.

use cylch_domain::Language;
use cylch_payroll::rti::{AccountsOfficeReference, Gender, PayeReference, write_fps};
use cylch_payroll::{Date, Frequency, Period, TaxYear};
use cylch_store::payroll::{EmployerReferences, PayRun, PayRunError, Payee, RunPayment};
use cylch_store::{CoopScope, EmploymentId, PayRunId, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::fields::parse_date;
use crate::common::mail::OutgoingEmail;
use crate::common::problems::Problems;
use crate::common::refusal::Explain;

pub(crate) use crate::common::refusal::Refused;

/// The store's refusal as the fronts answer it.
fn refused(state: &AppState, language: Language, err: PayRunError) -> Refused {
    match err.explain(state, language) {
        Ok(refusal) => Refused::Rule(refusal),
        Err(failed) => Refused::Failed(failed),
    }
}

/// The pay period to run, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct StartFields {
    pub frequency: String,
    pub tax_year: String,
    pub period: String,
    pub pay_date: String,
}

/// Today in Wales, as the payroll engine counts days.
pub fn today(state: &AppState) -> Date {
    let t = state.clock().today_in_wales();
    Date::new(
        i32::from(t.year()),
        u32::try_from(t.month()).unwrap_or(1),
        u32::try_from(t.day()).unwrap_or(1),
    )
    .unwrap_or_else(|_| TaxYear::Y2026_27.first_day())
}

/// The monthly period holding `day`, to offer on the form: its tax year,
/// tax month and last day (the usual pay date).
pub fn suggested(day: Date) -> Option<StartFields> {
    let year = TaxYear::ALL.into_iter().find(|y| y.contains(day))?;
    (1..=12).find_map(|month| {
        let period = Period::new(Frequency::Monthly, month).ok()?;
        let last = period.last_day(year);
        (day <= last).then(|| StartFields {
            frequency: "monthly".to_owned(),
            tax_year: year.data().name.to_owned(),
            period: month.to_string(),
            pay_date: last.to_string(),
        })
    })
}

/// Runs pay for the period typed: every problem with what was typed at
/// once, at its field; then the store's refusal, if any.
pub async fn start_run(
    state: &AppState,
    scope: &CoopScope,
    fields: &StartFields,
    language: Language,
) -> Result<PayRun, Refused> {
    let mut errors = Problems::default();
    let frequency = Frequency::parse(fields.frequency.trim()).ok();
    if frequency.is_none() {
        errors.add("frequency", "payroll-bad-frequency");
    }
    let tax_year = TaxYear::parse(fields.tax_year.trim()).ok();
    if tax_year.is_none() {
        errors.add("tax_year", "payroll-bad-tax-year");
    }
    let period = fields.period.trim().parse::<i64>().ok();
    if period.is_none() {
        errors.add("period", "payroll-bad-period");
    }
    let pay_date = parse_date(&fields.pay_date)
        .ok()
        .and_then(|d| Date::parse(&d.to_string()).ok());
    if pay_date.is_none() {
        errors.add("pay_date", "payroll-bad-pay-date");
    }
    let (Some(frequency), Some(tax_year), Some(period), Some(pay_date)) =
        (frequency, tax_year, period, pay_date)
    else {
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .start_pay_run(scope, frequency, tax_year, period, pay_date)
        .await
        .map_err(|err| refused(state, language, err))
}

/// Approves a draft run: it is locked and posted to the ledger, and each
/// PA who signs in is told by email, in their language, that their
/// payslip is ready (a link, never the figures: an inbox is not a safe
/// place for pay). A failed email is logged; the approval stands.
pub async fn approve_run(
    state: &AppState,
    scope: &CoopScope,
    run: &PayRunId,
    language: Language,
) -> Result<PayRun, Refused> {
    let approved = state
        .store
        .approve_pay_run(scope, run)
        .await
        .map_err(|err| refused(state, language, err))?;
    let ready = state
        .store
        .payslips_ready(scope, run)
        .await
        .map_err(|err| refused(state, language, err))?;
    for pa in ready {
        let link = format!(
            "{}/coops/{}/payslips/{}",
            state.config.base_url,
            scope.coop_id(),
            pa.payslip
        );
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("coop", scope.coop().name.clone());
        args.set("link", link);
        let email = OutgoingEmail {
            to: pa.email.clone(),
            subject: state.i18n.with_arg(
                pa.language,
                "payslip-email-subject",
                "coop",
                &scope.coop().name,
            ),
            body: state
                .i18n
                .format(pa.language, "payslip-email-body", Some(&args)),
        };
        if let Err(err) = state.mailer.send(&email).await {
            tracing::warn!(error = %err, "a payslip email could not be sent");
        }
    }
    Ok(approved)
}

/// A payment of what a run owes, as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct PaymentFields {
    /// `pas` (the PAs' net pay), `hmrc` or `pension`
    pub payee: String,
    /// `YYYY-MM-DD`: the day the money left the bank.
    pub date: String,
}

/// Records paying one payee what the run owes them.
pub async fn record_payment(
    state: &AppState,
    scope: &CoopScope,
    run: &PayRunId,
    fields: &PaymentFields,
    language: Language,
) -> Result<RunPayment, Refused> {
    let mut errors = Problems::default();
    let payee = Payee::parse(fields.payee.trim());
    if payee.is_none() {
        errors.add("payee", "payroll-bad-payee");
    }
    let date = errors.check("date", parse_date(&fields.date));
    let (Some(payee), Some(date)) = (payee, date) else {
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .record_pay_run_payment(scope, run, payee, date)
        .await
        .map_err(|err| refused(state, language, err))
}

/// The employer's references as typed, from HMRC's letter.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct ReferenceFields {
    /// `123/AB45678`
    pub paye_reference: String,
    /// `123PA00045678`
    pub accounts_office_reference: String,
}

/// Records the employer's references: both read first, each problem at
/// its field.
pub async fn record_references(
    state: &AppState,
    scope: &CoopScope,
    fields: &ReferenceFields,
    language: Language,
) -> Result<(), Refused> {
    let mut errors = Problems::default();
    let paye = PayeReference::parse(fields.paye_reference.trim()).ok();
    if paye.is_none() {
        errors.add("paye_reference", "payroll-bad-paye-reference");
    }
    let office = AccountsOfficeReference::parse(fields.accounts_office_reference.trim()).ok();
    if office.is_none() {
        errors.add(
            "accounts_office_reference",
            "payroll-bad-accounts-office-reference",
        );
    }
    let (Some(paye), Some(accounts_office)) = (paye, office) else {
        return Err(Refused::Fields(errors));
    };
    state
        .store
        .set_employer_references(
            scope,
            &EmployerReferences {
                paye,
                accounts_office,
            },
        )
        .await
        .map_err(|err| refused(state, language, err))
}

/// A PA's gender as HMRC holds it, as chosen.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct GenderFields {
    /// `F` or `M`: HMRC's record has only these.
    pub gender: String,
}

/// Records the gender HMRC holds for a PA.
pub async fn record_gender(
    state: &AppState,
    scope: &CoopScope,
    pa: &str,
    fields: &GenderFields,
    language: Language,
) -> Result<(), Refused> {
    let pa = EmploymentId::parse(pa).ok_or(Refused::Failed(AppError::NOT_FOUND))?;
    let gender = match fields.gender.trim() {
        "F" | "f" => Gender::Female,
        "M" | "m" => Gender::Male,
        _ => {
            let mut errors = Problems::default();
            errors.add("gender", "payroll-bad-gender");
            return Err(Refused::Fields(errors));
        }
    };
    state
        .store
        .set_hmrc_gender(scope, &pa, gender)
        .await
        .map_err(|err| refused(state, language, err))
}

/// A run's Full Payment Submission as HMRC's XML, or what is missing.
pub async fn fps_file(
    state: &AppState,
    scope: &CoopScope,
    run: &PayRunId,
    language: Language,
) -> Result<String, Refused> {
    let fps = state
        .store
        .pay_run_fps(scope, run)
        .await
        .map_err(|err| refused(state, language, err))?;
    write_fps(&fps).map_err(|err| refused(state, language, PayRunError::Rti(err.to_string())))
}

/// A read that failed, as the fronts answer it: not found, not allowed,
/// or the service failing. A read refuses nothing else.
pub fn read_failed(err: PayRunError) -> AppError {
    match err {
        PayRunError::NeedsEmployerDuties => AppError::FORBIDDEN,
        PayRunError::NotFound | PayRunError::Store(StoreError::NotFound) => AppError::NOT_FOUND,
        PayRunError::Store(err) => err.into(),
        other => StoreError::Corrupt(other.to_string()).into(),
    }
}

/// The run, or not found as the fronts answer it.
pub fn run_id(raw: &str) -> Result<PayRunId, AppError> {
    PayRunId::parse(raw).ok_or(AppError::NOT_FOUND)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_period_is_the_tax_month_holding_the_day() {
        let s = suggested(Date::parse("2026-12-08").unwrap()).unwrap();
        assert_eq!(
            (s.tax_year.as_str(), s.period.as_str(), s.pay_date.as_str()),
            ("2026-27", "9", "2027-01-05")
        );
        let s = suggested(Date::parse("2026-04-06").unwrap()).unwrap();
        assert_eq!(
            (s.period.as_str(), s.pay_date.as_str()),
            ("1", "2026-05-05")
        );
        assert!(suggested(Date::parse("2030-01-01").unwrap()).is_none());
    }
}
