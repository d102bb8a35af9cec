//! The engine's input for one PA in one period, in the payroll contract's
//! JSON: tax code, NI category, pension and the figures to date.

use cylch_employment::employment::{PensionChoice, Starter, StarterDeclaration};
use cylch_payroll::pension::{self, WorkerCategory};
use cylch_payroll::{Date, Frequency, NiCategory, Pence, Period, TaxCode, TaxYear};
use serde_json::{Value, json};
use sqlx::{AnyConnection, Row};

use crate::employment::Stored;
use crate::{CoopScope, EmploymentId, StoreError};

pub fn frequency_code(frequency: Frequency) -> &'static str {
    match frequency {
        Frequency::Weekly => "weekly",
        Frequency::TwoWeekly => "two_weekly",
        Frequency::FourWeekly => "four_weekly",
        Frequency::Monthly => "monthly",
    }
}

/// This employment's approved payslips so far this tax year, summed.
#[derive(Debug, Default)]
pub(super) struct ToDate {
    pub(super) taxable_pay: Pence,
    pub(super) tax: Pence,
    pub(super) gross: Pence,
    pub(super) employee_ni: Pence,
    pub(super) employee_pension: Pence,
    /// Enrolled in the pension on any earlier payslip (any tax year): once
    /// enrolled, a PA stays in until they opt out.
    pub(super) enrolled: bool,
}

pub(super) async fn to_date(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    employment: &EmploymentId,
    year: TaxYear,
) -> Result<ToDate, StoreError> {
    // Summed here, not in SQL: PostgreSQL's SUM of a BIGINT is NUMERIC,
    // which the portable driver cannot read, and a year has at most 56 rows.
    let rows = sqlx::query(
        "SELECT r.tax_year, p.taxable_pay_pence, p.tax_pence, p.gross_pence, p.employee_ni_pence,
             p.employee_pension_pence, p.pension_enrolled
         FROM payslips p JOIN pay_runs r ON r.coop_id = p.coop_id AND r.id = p.run_id
         WHERE p.coop_id = $1 AND p.employment_id = $2 AND r.state = 'approved'",
    )
    .bind(scope.coop_id().as_str())
    .bind(employment.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let mut out = ToDate::default();
    let overflow = || StoreError::Corrupt("figures to date overflow".to_owned());
    for row in &rows {
        if row.try_get::<i64, _>(6)? == 1 {
            out.enrolled = true;
        }
        if row.try_get::<String, _>(0)? != year.data().name {
            continue;
        }
        let sum = |a: Pence, i: usize| -> Result<Pence, StoreError> {
            a.checked_add(row.try_get::<i64, _>(i)?)
                .ok_or_else(overflow)
        };
        out.taxable_pay = sum(out.taxable_pay, 1)?;
        out.tax = sum(out.tax, 2)?;
        out.gross = sum(out.gross, 3)?;
        out.employee_ni = sum(out.employee_ni, 4)?;
        out.employee_pension = sum(out.employee_pension, 5)?;
    }
    Ok(out)
}

/// The input for one payslip, with the store's own notes on how it chose.
pub(super) struct Built {
    pub(super) input: Value,
    pub(super) enrolled: bool,
    pub(super) notes: Vec<String>,
}

/// The emergency code HMRC's starter checklist gives when no code has come
/// from HMRC: statement A, 1257L cumulative; B, 1257L on the week 1 /
/// month 1 basis; C, BR.
fn starter_code(declaration: StarterDeclaration) -> (&'static str, bool, &'static str) {
    match declaration {
        StarterDeclaration::A => (
            "1257L",
            false,
            "no tax code from HMRC: emergency code 1257L, cumulative (starter statement A)",
        ),
        StarterDeclaration::B => (
            "1257L",
            true,
            "no tax code from HMRC: emergency code 1257L on the week 1/month 1 basis (starter statement B)",
        ),
        StarterDeclaration::C => (
            "BR",
            false,
            "no tax code from HMRC: BR (starter statement C, another job or a pension)",
        ),
    }
}

fn category_letter(category: NiCategory) -> &'static str {
    match category {
        NiCategory::A => "A",
        NiCategory::B => "B",
        NiCategory::C => "C",
        NiCategory::H => "H",
        NiCategory::J => "J",
        NiCategory::M => "M",
        NiCategory::V => "V",
        NiCategory::X => "X",
        NiCategory::Z => "Z",
    }
}

/// The NI category from what Cylch knows: C from State Pension age, M under
/// 21, otherwise A. B, H, J, V, X and Z need facts the employment record
/// does not hold yet (a reduced-rate election, an apprenticeship,
/// deferment, a veteran's first job).
fn category(born: Date, pay_date: Date) -> Result<NiCategory, StoreError> {
    let pension_age = pension::state_pension_date(born)
        .map_err(|e| StoreError::Corrupt(format!("date of birth: {e}")))?;
    Ok(if pay_date >= pension_age {
        NiCategory::C
    } else if born.age_on(pay_date) < 21 {
        NiCategory::M
    } else {
        NiCategory::A
    })
}

/// Whether the PA is in the pension scheme this period. Assessment each
/// period: an eligible jobholder is enrolled, unless enrolment is postponed
/// to a later date or they have opted out; one who asked to join is in
/// from the day they asked; one enrolled before stays in.
fn enrolled(
    choice: PensionChoice,
    assessed: Option<WorkerCategory>,
    before: bool,
    pay_date: Date,
) -> bool {
    match choice {
        PensionChoice::OptedOut { on } if on <= pay_date => false,
        PensionChoice::Postponed { until } if pay_date < until => false,
        PensionChoice::OptedIn { on } if on <= pay_date => true,
        _ => before || assessed == Some(WorkerCategory::EligibleJobholder),
    }
}

pub(super) fn build(
    stored: &Stored,
    year: TaxYear,
    period: Period,
    pay_date: Date,
    gross: Pence,
    before: &ToDate,
) -> Result<Built, String> {
    let e = &stored.employment;
    let mut notes = Vec::new();
    let mut taxable_to_date = before.taxable_pay;
    let mut tax_to_date = before.tax;
    let (code, week1): (TaxCode, bool) = match (stored.details.tax_code, e.starter) {
        (Some(code), _) => (code, false),
        (None, Starter::P45(p45)) if year.contains(p45.leaving_date) => {
            notes.push("tax code from the P45".to_owned());
            (p45.tax_code, false)
        }
        (None, Starter::P45(_)) => {
            notes.push(
                "no tax code from HMRC and the P45 is from an earlier tax year: emergency code 1257L on the week 1/month 1 basis"
                    .to_owned(),
            );
            (TaxCode::parse("1257L").map_err(|e| e.to_string())?, true)
        }
        (None, Starter::Declaration(declaration)) => {
            let (text, week1, note) = starter_code(declaration);
            notes.push(note.to_owned());
            (TaxCode::parse(text).map_err(|e| e.to_string())?, week1)
        }
    };
    // The previous employment's pay and tax this year count toward this
    // one's figures to date (HMRC: a P45's parts 2 and 3).
    if let Starter::P45(p45) = e.starter
        && year.contains(p45.leaving_date)
    {
        taxable_to_date = taxable_to_date
            .checked_add(p45.previous_pay_to_date)
            .ok_or("P45 pay overflows")?;
        tax_to_date = tax_to_date
            .checked_add(p45.previous_tax_to_date)
            .ok_or("P45 tax overflows")?;
    }
    let category = category(e.born, pay_date).map_err(|e| e.to_string())?;
    let assessed = pension::assess(year, period.frequency(), e.born, pay_date, gross)
        .map_err(|e| e.to_string())?;
    let enrolled = enrolled(e.pension, assessed, before.enrolled, pay_date);

    let mut input = json!({
        "tax_year": year.data().name,
        "frequency": frequency_code(period.frequency()),
        "period": period.number(),
        "tax_code": code.to_string(),
        "ni_category": category_letter(category),
        "gross_pay_pence": gross,
        "taxable_pay_to_date_pence": taxable_to_date,
        "tax_to_date_pence": tax_to_date,
        "date_of_birth": e.born.to_string(),
        "pay_date": pay_date.to_string(),
    });
    if week1 {
        input["week1_month1"] = json!(true);
    }
    if enrolled {
        // The statutory minimum on qualifying earnings under relief at
        // source, the usual terms of the schemes care employers use; the
        // co-operative's own scheme terms are not yet recorded.
        input["pension"] = json!({
            "arrangement": "relief_at_source",
            "basis": "qualifying_earnings",
            "employee_percent": "5",
            "employer_percent": "3",
            "enrolled": true,
        });
    }
    Ok(Built {
        input,
        enrolled,
        notes,
    })
}
