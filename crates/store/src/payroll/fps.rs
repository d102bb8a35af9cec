//! The Full Payment Submission of an approved run, built from what the run
//! paid and each PA's payslips so far this tax year, for the writer in
//! `cylch_payroll::rti` to turn into HMRC's XML.
//!
//! What HMRC needs that employment does not hold (the employer's
//! references, each PA's gender as HMRC holds it) comes from [`super::hmrc`];
//! when any of it is missing the run's FPS is refused with the list of
//! what to record, rather than a file HMRC would reject.

use cylch_employment::employment::{
    Hours, Starter as EmploymentStarter, StarterDeclaration as Declaration,
    StudentLoanPlan as LoanPlan,
};
use cylch_payroll::rti::{
    Address, AddressEnd, EmployeeDetails, Employer, Employment, FiguresToDate, FpsEmployee,
    FullPaymentSubmission, HoursWorked, NiNumber, NicBands, NicFigures, Payment,
    PensionContributions, PersonName, PreviousEmployment, Starter, StarterDeclaration,
    StudentLoanDeduction, StudentLoanPlan,
};
use cylch_payroll::{NiCategory, Pence, Period, TaxCode};
use sqlx::Row;

use super::{PayRunError, RunState, hmrc, load_run, require_employer};
use crate::employment as employment_store;
use crate::{CoopScope, PayRunId, Store, StoreError};

/// What must be recorded before a run's FPS can be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// The employer's PAYE and Accounts Office references.
    EmployerReferences,
    /// The gender HMRC holds for this PA.
    Gender(String),
}

/// An address typed as lines separated by commas or line breaks, as HMRC
/// takes it: up to four lines and a UK postcode when the last part is one.
/// Lines past the fourth are kept on the fourth, so nothing is dropped.
pub fn address_for_hmrc(text: &str) -> Option<Address> {
    let mut parts: Vec<String> = text
        .split([',', '\n'])
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    let postcode = parts
        .last()
        .filter(|p| is_uk_postcode(p))
        .cloned()
        .inspect(|_| {
            parts.pop();
        });
    if parts.is_empty() {
        return None;
    }
    if parts.len() > 4 {
        let rest = parts.split_off(3).join(", ");
        parts.push(rest);
    }
    Some(Address {
        lines: parts,
        end: postcode.map(AddressEnd::UkPostcode),
    })
}

/// A UK postcode's shape: an outward code of a letter or two, a digit and
/// perhaps a letter or digit, then an inward code of a digit and two
/// letters (SA31 1AA, CF10 3AT, SY23 1AA).
fn is_uk_postcode(text: &str) -> bool {
    let compact: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !(5..=7).contains(&compact.len()) {
        return false;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = inward[0].is_ascii_digit()
        && inward[1].is_ascii_alphabetic()
        && inward[2].is_ascii_alphabetic();
    let outward_ok = outward[0].is_ascii_alphabetic()
        && outward.iter().any(char::is_ascii_digit)
        && outward.iter().all(char::is_ascii_alphanumeric);
    inward_ok && outward_ok
}

/// A name as HMRC takes it: the last word is the surname, those before
/// it the forenames.
fn name_for_hmrc(full: &str) -> PersonName {
    let mut words: Vec<String> = full.split_whitespace().map(str::to_owned).collect();
    let surname = words.pop().unwrap_or_default();
    PersonName {
        title: None,
        forenames: words,
        surname,
    }
}

fn loan_plan(plan: LoanPlan) -> StudentLoanPlan {
    match plan {
        LoanPlan::Plan1 => StudentLoanPlan::Plan1,
        LoanPlan::Plan2 => StudentLoanPlan::Plan2,
        LoanPlan::Plan4 => StudentLoanPlan::Plan4,
        LoanPlan::Plan5 => StudentLoanPlan::Plan5,
    }
}

/// One payslip of the employment this tax year, as the FPS counts it.
struct Paid {
    payslip: String,
    gross: Pence,
    taxable_pay: Pence,
    tax: Pence,
    employee_ni: Pence,
    employer_ni: Pence,
    employee_pension: Pence,
    student_loan: Pence,
    taxable_pay_to_date: Pence,
    tax_to_date: Pence,
    input: serde_json::Value,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.to_owned())
}

impl Store {
    /// The Full Payment Submission of an approved run.
    pub async fn pay_run_fps(
        &self,
        scope: &CoopScope,
        run: &PayRunId,
    ) -> Result<FullPaymentSubmission, PayRunError> {
        require_employer(scope)?;
        let mut conn = self.pool().acquire().await?;
        let found = load_run(&mut conn, scope, run)
            .await?
            .ok_or(PayRunError::NotFound)?;
        if found.state != RunState::Approved {
            return Err(PayRunError::NotApproved);
        }
        let mut missing = Vec::new();
        let employer = hmrc::employer_references(&mut conn, scope).await?;
        if employer.is_none() {
            missing.push(Missing::EmployerReferences);
        }
        let year = found.tax_year.data().name;
        let period = Period::new(found.frequency, found.period)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut employees = Vec::new();
        for slip in &found.payslips {
            let stored = employment_store::load_one(&mut conn, scope.coop_id(), &slip.employment)
                .await?
                .ok_or_else(|| corrupt("payslip of no employment"))?;
            let Some(gender) = hmrc::gender(&mut conn, scope, &slip.employment).await? else {
                missing.push(Missing::Gender(slip.pa_name.clone()));
                continue;
            };
            // Every approved payslip of this employment this tax year, up
            // to this run's, in the order they were paid.
            let rows = sqlx::query(
                "SELECT p.id, p.gross_pence, p.taxable_pay_pence, p.tax_pence, p.employee_ni_pence,
                     p.employer_ni_pence, p.employee_pension_pence, p.student_loan_pence,
                     p.taxable_pay_to_date_pence, p.tax_to_date_pence, p.input_json
                 FROM payslips p JOIN pay_runs r ON r.coop_id = p.coop_id AND r.id = p.run_id
                 WHERE p.coop_id = $1 AND p.employment_id = $2 AND r.state = 'approved'
                     AND r.tax_year = $3 AND r.pay_date <= $4
                 ORDER BY r.pay_date, r.period",
            )
            .bind(scope.coop_id().as_str())
            .bind(slip.employment.as_str())
            .bind(year)
            .bind(found.pay_date.to_string())
            .fetch_all(&mut *conn)
            .await?;
            let paid: Vec<Paid> = rows
                .iter()
                .map(|row| {
                    let input: String = row.try_get(10)?;
                    Ok(Paid {
                        payslip: row.try_get(0)?,
                        gross: row.try_get(1)?,
                        taxable_pay: row.try_get(2)?,
                        tax: row.try_get(3)?,
                        employee_ni: row.try_get(4)?,
                        employer_ni: row.try_get(5)?,
                        employee_pension: row.try_get(6)?,
                        student_loan: row.try_get(7)?,
                        taxable_pay_to_date: row.try_get(8)?,
                        tax_to_date: row.try_get(9)?,
                        input: serde_json::from_str(&input)
                            .map_err(|_| corrupt("payslip input"))?,
                    })
                })
                .collect::<Result<_, StoreError>>()?;
            let this = paid
                .iter()
                .find(|p| p.payslip == slip.id.as_str())
                .ok_or_else(|| corrupt("the run's payslip"))?;
            let first_ever: i64 = sqlx::query(
                "SELECT p.id FROM payslips p JOIN pay_runs r ON r.coop_id = p.coop_id AND r.id = p.run_id
                 WHERE p.coop_id = $1 AND p.employment_id = $2 AND r.state = 'approved'
                     AND r.pay_date < $3",
            )
            .bind(scope.coop_id().as_str())
            .bind(slip.employment.as_str())
            .bind(found.pay_date.to_string())
            .fetch_all(&mut *conn)
            .await?
            .len()
            .try_into()
            .unwrap_or(i64::MAX);
            let e = &stored.employment;
            let text = |key: &str| this.input[key].as_str().unwrap_or_default().to_owned();
            let category =
                NiCategory::parse(&text("ni_category")).map_err(|_| corrupt("NI category"))?;
            let code = TaxCode::parse(&text("tax_code")).map_err(|_| corrupt("tax code"))?;
            let mut nic = NicFigures {
                category,
                gross_earnings: this.gross,
                gross_earnings_to_date: 0,
                bands_to_date: NicBands::default(),
                employer: this.employer_ni,
                employer_to_date: 0,
                employee: this.employee_ni,
                employee_to_date: 0,
            };
            let overflow = || corrupt("figures to date overflow");
            let mut pension_to_date: Pence = 0;
            let mut loan_to_date: Pence = 0;
            for p in &paid {
                nic.gross_earnings_to_date = nic
                    .gross_earnings_to_date
                    .checked_add(p.gross)
                    .ok_or_else(overflow)?;
                nic.bands_to_date = nic
                    .bands_to_date
                    .plus(NicBands::of_period(
                        found.tax_year,
                        found.frequency,
                        category,
                        p.gross,
                    ))
                    .map_err(|_| overflow())?;
                nic.employer_to_date = nic
                    .employer_to_date
                    .checked_add(p.employer_ni)
                    .ok_or_else(overflow)?;
                nic.employee_to_date = nic
                    .employee_to_date
                    .checked_add(p.employee_ni)
                    .ok_or_else(overflow)?;
                pension_to_date = pension_to_date
                    .checked_add(p.employee_pension)
                    .ok_or_else(overflow)?;
                loan_to_date = loan_to_date
                    .checked_add(p.student_loan)
                    .ok_or_else(overflow)?;
            }
            let previous = match e.starter {
                EmploymentStarter::P45(p45) if found.tax_year.contains(p45.leaving_date) => {
                    Some(PreviousEmployment {
                        taxable_pay: p45.previous_pay_to_date,
                        tax: p45.previous_tax_to_date,
                    })
                }
                _ => None,
            };
            let loan = stored.details.student_loan.map(loan_plan);
            let starter = (first_ever == 0).then(|| Starter {
                start_date: e.start,
                // A P45 brought means another job earlier this year: B.
                declaration: match e.starter {
                    EmploymentStarter::Declaration(Declaration::A) => {
                        StarterDeclaration::FirstJobSinceApril
                    }
                    EmploymentStarter::Declaration(Declaration::C) => {
                        StarterDeclaration::AnotherJobOrPension
                    }
                    _ => StarterDeclaration::OnlyJob,
                },
                student_loan: loan.is_some(),
                postgraduate_loan: stored.details.postgraduate_loan,
            });
            let (hours, irregular) = match e.hours {
                Hours::Fixed { weekly, .. } => (HoursWorked::from_weekly_hours(weekly), false),
                Hours::Irregular => (HoursWorked::Other, true),
            };
            let employment = Employment {
                payroll_id: slip.employment.as_str().to_owned(),
                starter,
                irregular_payment_pattern: irregular,
                leaving_date: e
                    .ending
                    .map(|end| end.last_day)
                    .filter(|last| *last <= found.last),
                previous_employment: previous,
                to_date: FiguresToDate {
                    taxable_pay: this.taxable_pay_to_date,
                    tax: this.tax_to_date,
                    student_loan: loan.map(|_| loan_to_date),
                    postgraduate_loan: stored.details.postgraduate_loan.then_some(0),
                    pension: PensionContributions {
                        net_pay_arrangement: 0,
                        relief_at_source: pension_to_date,
                    },
                },
                payment: Payment {
                    period,
                    payment_date: found.pay_date,
                    periods_covered: 1,
                    late_reason: None,
                    hours,
                    tax_code: code,
                    week1_month1: this.input["week1_month1"].as_bool().unwrap_or(false),
                    taxable_pay: this.taxable_pay,
                    non_taxable_payments: None,
                    deductions_from_net_pay: None,
                    pay_after_statutory_deductions: Some(
                        this.gross - this.tax - this.employee_ni - this.student_loan,
                    ),
                    pension: PensionContributions {
                        net_pay_arrangement: 0,
                        relief_at_source: this.employee_pension,
                    },
                    student_loan: loan.map(|plan| StudentLoanDeduction {
                        plan,
                        amount: this.student_loan,
                    }),
                    postgraduate_loan: stored.details.postgraduate_loan.then_some(0),
                    tax: this.tax,
                    after_leaving: false,
                    unpaid_absence: false,
                    statutory_to_date: Default::default(),
                },
                nics: vec![nic],
            };
            let ni_number = e
                .ni_number
                .as_ref()
                .map(|n| NiNumber::parse(n.full()))
                .transpose()
                .map_err(|err| PayRunError::Rti(err.to_string()))?;
            employees.push(FpsEmployee {
                details: EmployeeDetails {
                    ni_number,
                    name: name_for_hmrc(e.name.as_str()),
                    address: address_for_hmrc(stored.details.address.as_str()),
                    birth_date: e.born,
                    gender,
                },
                employments: vec![employment],
            });
        }
        if !missing.is_empty() {
            return Err(PayRunError::HmrcDetailsMissing(missing));
        }
        let Some(references) = employer else {
            return Err(PayRunError::HmrcDetailsMissing(vec![
                Missing::EmployerReferences,
            ]));
        };
        Ok(FullPaymentSubmission {
            employer: Employer {
                paye_reference: references.paye,
                accounts_office_reference: references.accounts_office,
            },
            year: found.tax_year,
            employees,
            final_submission: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_read_into_lines_and_a_postcode() {
        let a = address_for_hmrc("2 Heol y Bont, Aberystwyth, SY23 1AA").unwrap();
        assert_eq!(a.lines, vec!["2 Heol y Bont", "Aberystwyth"]);
        assert_eq!(a.end, Some(AddressEnd::UkPostcode("SY23 1AA".to_owned())));
        let a = address_for_hmrc("Tŷ Gwyn\nLôn Fêl\nPen-y-bâ\nLlanfair\nCeredigion").unwrap();
        assert_eq!(a.lines.len(), 4, "a fifth line joins the fourth");
        assert_eq!(a.lines[3], "Llanfair, Ceredigion");
        assert_eq!(a.end, None);
        assert!(address_for_hmrc(" , ").is_none());
        assert!(is_uk_postcode("cf10 3at") && is_uk_postcode("W1A1AA"));
        assert!(!is_uk_postcode("Aberystwyth") && !is_uk_postcode("12345"));
    }

    #[test]
    fn the_last_word_is_the_surname() {
        let n = name_for_hmrc("Siân Gwenllïan Morgan");
        assert_eq!(n.forenames, vec!["Siân", "Gwenllïan"]);
        assert_eq!(n.surname, "Morgan");
    }
}
