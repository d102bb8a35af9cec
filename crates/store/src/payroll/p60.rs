//! The P60: a PA's pay and deductions for a tax year in this employment,
//! from their approved payslips of that year. The figures are the same
//! sums the year's FPS files report to date (the year test checks that
//! the last payslip's to-date figures equal the sum of every FPS), so the
//! P60 agrees with what HMRC was told.
//!
//! Given to each PA employed on the last day of the tax year, by 31 May;
//! a PA reads their own, the officers with the employer's duties anyone's.

use cylch_employment::employment::Starter as EmploymentStarter;
use cylch_payroll::rti::NicBands;
use cylch_payroll::{NiCategory, Pence, TaxYear};
use sqlx::Row;

use super::{PayRunError, hmrc};
use crate::employment as employment_store;
use crate::{CoopScope, EmploymentId, Store, StoreError};

/// One NI letter's figures for the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct P60Nic {
    pub letter: String,
    pub bands: NicBands,
    /// Employee's contributions above the primary threshold.
    pub employee: Pence,
}

/// A P60's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct P60 {
    pub year: TaxYear,
    pub employer: String,
    /// `123/AB45678`, once recorded.
    pub paye_reference: Option<String>,
    pub pa_name: String,
    pub ni_number: Option<String>,
    pub payroll_id: String,
    pub final_tax_code: String,
    /// Pay and tax in previous employments this year (the P45's).
    pub previous_pay: Pence,
    pub previous_tax: Pence,
    /// Pay and tax in this employment.
    pub pay: Pence,
    pub tax: Pence,
    pub nics: Vec<P60Nic>,
    pub student_loan: Pence,
    pub employee_pension: Pence,
}

impl Store {
    /// The P60 for one employment and tax year: for the PA themselves or an
    /// officer with the employer's duties; anyone else finds none. `None`
    /// when the employment was paid nothing that year.
    pub async fn p60(
        &self,
        scope: &CoopScope,
        employment: &EmploymentId,
        year: TaxYear,
    ) -> Result<Option<P60>, PayRunError> {
        let mut conn = self.pool().acquire().await?;
        let stored = employment_store::load_one(&mut conn, scope.coop_id(), employment)
            .await?
            .ok_or(PayRunError::NotFound)?;
        let own = stored.details.account.as_ref() == Some(scope.account());
        if !own && !cylch_domain::policy::has_employer_duties(scope.roles()) {
            return Err(PayRunError::NotFound);
        }
        let rows = sqlx::query(
            "SELECT p.gross_pence, p.employee_ni_pence, p.student_loan_pence, p.employee_pension_pence,
                 p.taxable_pay_to_date_pence, p.tax_to_date_pence, p.input_json, r.frequency
             FROM payslips p JOIN pay_runs r ON r.coop_id = p.coop_id AND r.id = p.run_id
             WHERE p.coop_id = $1 AND p.employment_id = $2 AND r.state = 'approved' AND r.tax_year = $3
             ORDER BY r.pay_date, r.period",
        )
        .bind(scope.coop_id().as_str())
        .bind(employment.as_str())
        .bind(year.data().name)
        .fetch_all(&mut *conn)
        .await?;
        if rows.is_empty() {
            return Ok(None);
        }
        let overflow = || StoreError::Corrupt("P60 figures overflow".to_owned());
        let mut nics: Vec<P60Nic> = Vec::new();
        let (mut loan, mut pension): (Pence, Pence) = (0, 0);
        let (mut taxable_to_date, mut tax_to_date, mut code): (Pence, Pence, String) =
            (0, 0, String::new());
        for row in &rows {
            let gross: i64 = row.try_get(0)?;
            let input: String = row.try_get(6)?;
            let input: serde_json::Value = serde_json::from_str(&input)
                .map_err(|_| StoreError::Corrupt("payslip input".to_owned()))?;
            let letter = input["ni_category"].as_str().unwrap_or_default().to_owned();
            let category = NiCategory::parse(&letter)
                .map_err(|_| StoreError::Corrupt("NI category".to_owned()))?;
            let frequency: String = row.try_get(7)?;
            let frequency = cylch_payroll::Frequency::parse(&frequency)
                .map_err(|_| StoreError::Corrupt("frequency".to_owned()))?;
            let bands = NicBands::of_period(year, frequency, category, gross);
            let employee: i64 = row.try_get(1)?;
            match nics.iter_mut().find(|n| n.letter == letter) {
                Some(n) => {
                    n.bands = n.bands.plus(bands).map_err(|_| overflow())?;
                    n.employee = n.employee.checked_add(employee).ok_or_else(overflow)?;
                }
                None => nics.push(P60Nic {
                    letter,
                    bands,
                    employee,
                }),
            }
            loan = loan.checked_add(row.try_get(2)?).ok_or_else(overflow)?;
            pension = pension.checked_add(row.try_get(3)?).ok_or_else(overflow)?;
            taxable_to_date = row.try_get(4)?;
            tax_to_date = row.try_get(5)?;
            code = input["tax_code"].as_str().unwrap_or_default().to_owned();
        }
        let e = &stored.employment;
        let (previous_pay, previous_tax) = match e.starter {
            EmploymentStarter::P45(p45) if year.contains(p45.leaving_date) => {
                (p45.previous_pay_to_date, p45.previous_tax_to_date)
            }
            _ => (0, 0),
        };
        let employer: String = sqlx::query_scalar("SELECT name FROM coops WHERE id = $1")
            .bind(scope.coop_id().as_str())
            .fetch_one(&mut *conn)
            .await?;
        let paye_reference = hmrc::employer_references(&mut conn, scope)
            .await?
            .map(|r| hmrc::paye_text(&r.paye));
        Ok(Some(P60 {
            year,
            employer,
            paye_reference,
            pa_name: e.name.as_str().to_owned(),
            ni_number: e.ni_number.as_ref().map(|n| n.full().to_owned()),
            payroll_id: employment.as_str().to_owned(),
            final_tax_code: code,
            previous_pay,
            previous_tax,
            pay: taxable_to_date
                .checked_sub(previous_pay)
                .ok_or_else(overflow)?,
            tax: tax_to_date.checked_sub(previous_tax).ok_or_else(overflow)?,
            nics,
            student_loan: loan,
            employee_pension: pension,
        }))
    }
}
