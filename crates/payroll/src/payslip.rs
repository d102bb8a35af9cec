//! One pay period of one employment, gross to net: the engine's front door.

use crate::date::{Date, DateError};
use crate::holiday::Hours;
use crate::minimum_wage::{self, MinimumWageError};
use crate::money::{self, Overflow, Pence};
use crate::ni::{self, NiCategory};
use crate::paye::{self, Basis, PayeInput};
use crate::pension::{self, ContributionBasis, PensionScheme, WorkerCategory};
use crate::period::Period;
use crate::tax_code::TaxCode;
use crate::tax_year::TaxYear;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PayInput {
    pub year: TaxYear,
    pub period: Period,
    pub code: TaxCode,
    pub week1_month1: bool,
    pub category: NiCategory,
    pub gross: Pence,
    pub pension: Option<PensionScheme>,
    /// Taxable pay of earlier periods this tax year (P45 pay included).
    pub taxable_pay_to_date: Pence,
    pub tax_to_date: Pence,
    pub employment_allowance_left: Pence,
    pub date_of_birth: Option<Date>,
    pub hourly_rate: Option<Pence>,
    pub hours_worked: Option<Hours>,
    pub pay_date: Date,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payslip {
    pub taxable_pay: Pence,
    pub tax: Pence,
    pub employee_ni: Pence,
    pub employer_ni: Pence,
    pub employment_allowance_used: Pence,
    pub employee_pension: Pence,
    pub employer_pension: Pence,
    pub auto_enrolment: Option<WorkerCategory>,
    pub net_pay: Pence,
    pub taxable_pay_to_date: Pence,
    pub tax_to_date: Pence,
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PayError {
    #[error(transparent)]
    MinimumWage(#[from] MinimumWageError),
    #[error("the minimum wage check needs the date of birth")]
    MinimumWageNeedsBirthDate,
    #[error(transparent)]
    Overflow(#[from] Overflow),
    #[error(transparent)]
    Date(#[from] DateError),
}

pub fn calculate(input: &PayInput) -> Result<Payslip, PayError> {
    let frequency = input.period.frequency();
    let mut notes = Vec::new();

    if let Some(rate) = input.hourly_rate {
        let born = input
            .date_of_birth
            .ok_or(PayError::MinimumWageNeedsBirthDate)?;
        minimum_wage::check(rate, born, input.pay_date)?;
    }

    let auto_enrolment = match input.date_of_birth {
        Some(born) => pension::assess(input.year, frequency, born, input.pay_date, input.gross)?,
        None => None,
    };

    let contributions = match &input.pension {
        Some(scheme) => {
            if scheme.enrolled
                && scheme.basis == ContributionBasis::QualifyingEarnings
                && !pension::meets_minimum(scheme)
            {
                notes.push(
                    "pension contributions are below the auto-enrolment minimum (8% in all, 3% from the employer)"
                        .to_owned(),
                );
            }
            pension::contributions(input.year, frequency, scheme, input.gross)?
        }
        None => pension::Contributions::default(),
    };

    let taxable_pay = money::sub(input.gross, contributions.before_tax)?;
    let paye = paye::calculate(&PayeInput {
        year: input.year,
        period: input.period,
        code: input.code,
        week1_month1: input.week1_month1,
        taxable_pay,
        taxable_pay_to_date_before: input.taxable_pay_to_date,
        tax_to_date_before: input.tax_to_date,
    })?;
    if paye.basis == Basis::ExtraWeek {
        notes.push(format!(
            "week {}: taxed on the non-cumulative basis (PAYE70015)",
            input.period.number()
        ));
    }
    if paye.overriding_limit_applied {
        notes.push("overriding limit applied".to_owned());
    }
    if paye.tax < 0 {
        notes.push("tax refund".to_owned());
    }

    let ni = ni::calculate(input.year, frequency, input.category, input.gross)?;
    let employment_allowance_used = ni.employer.min(input.employment_allowance_left.max(0));

    let net_pay = money::sub(
        money::sub(money::sub(input.gross, paye.tax)?, ni.employee)?,
        contributions.employee_deducted,
    )?;

    Ok(Payslip {
        taxable_pay,
        tax: paye.tax,
        employee_ni: ni.employee,
        employer_ni: ni.employer,
        employment_allowance_used,
        employee_pension: contributions.employee_deducted,
        employer_pension: contributions.employer,
        auto_enrolment,
        net_pay,
        taxable_pay_to_date: paye.taxable_pay_to_date,
        tax_to_date: paye.tax_to_date,
        notes,
    })
}
