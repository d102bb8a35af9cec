//! The Full Payment Submission: every person paid in a pay run, what they
//! were paid and what was deducted, with their figures for the year so far.
//!
//! Field names and rules are HMRC's (`FullPaymentSubmission-2026-v1-0.xsd`
//! for structure and formats, `.sch` for the business rules, cited by
//! HMRC's error number). Money goes in as pence exactly as the payroll
//! engine computed it; nothing is rounded here, and a figure the schema
//! wants in whole pounds that is not is an error, not a silent rounding.

use super::amount::{Limits, checked};
use super::text::{Charset, clean};
use super::xml::XmlWriter;
use super::{
    Employer, FinalSubmission, NamePart, NiLetterProblem, NiNumber, RtiError, check_in_year,
    short_year, write_emp_refs, write_final_submission, write_message,
};
use crate::date::Date;
use crate::holiday::{HOUR, Hours};
use crate::money::{self, Overflow, Pence};
use crate::ni::{NiCategory, period_thresholds};
use crate::period::{Frequency, Period};
use crate::tax_code::{CodeKind, Regime, TaxCode};
use crate::tax_year::TaxYear;

/// One FPS: the employer, the tax year and everyone paid (or otherwise
/// reported) in this pay run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FullPaymentSubmission {
    pub employer: Employer,
    pub year: TaxYear,
    pub employees: Vec<FpsEmployee>,
    pub final_submission: Option<FinalSubmission>,
}

/// One person and their employments with the employer (usually one; HMRC
/// allows up to 15).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FpsEmployee {
    pub details: EmployeeDetails,
    pub employments: Vec<Employment>,
}

/// How HMRC matches the payment to the person's record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployeeDetails {
    /// Without it, HMRC needs at least two address lines (rule 7823).
    pub ni_number: Option<NiNumber>,
    pub name: PersonName,
    pub address: Option<Address>,
    /// Required unless the payment is to a non-individual (rule 7907),
    /// which a PA never is.
    pub birth_date: Date,
    pub gender: Gender,
}

/// The gender HMRC holds for the person. HMRC uses it with the name, date
/// of birth and NI number to match the employment to their record, and
/// its schema has only these two values (`M`, `F`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

/// The name as the person writes it; the FPS carries it transliterated
/// (see `rti::text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName {
    pub title: Option<String>,
    /// First name, then middle names; the FPS has room for two (`Fore`
    /// `maxOccurs="2"`), so a third and later are not sent.
    pub forenames: Vec<String>,
    pub surname: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// Up to four lines (`Line` `maxOccurs="4"`).
    pub lines: Vec<String>,
    pub end: Option<AddressEnd>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressEnd {
    UkPostcode(String),
    /// A foreign address needs two lines too (rule 7825).
    ForeignCountry(String),
}

/// One employment, and the one payment in it this FPS reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Employment {
    /// Cylch's own ID for the employment (`PayId`). It must stay the same
    /// on every FPS, so it is checked, never changed to fit.
    pub payroll_id: String,
    /// On the first FPS of a new employment only.
    pub starter: Option<Starter>,
    /// The PA is not paid regularly, so HMRC should not take a gap in
    /// payments for a leaving (`IrrEmp`).
    pub irregular_payment_pattern: bool,
    pub leaving_date: Option<Date>,
    /// Pay and tax from a P45 of this tax year. The to-date figures below
    /// include them, as the payroll engine's do (docs/payroll-contract.md,
    /// `taxable_pay_to_date_pence`); HMRC's to-date figures are for this
    /// employment alone ("taxable pay to date in this employment"), so the
    /// writer takes these off.
    pub previous_employment: Option<PreviousEmployment>,
    pub to_date: FiguresToDate,
    pub payment: Payment,
    /// One entry per NI letter used in the year, up to four.
    pub nics: Vec<NicFigures>,
}

/// What the starter checklist (or the P45 and the employee's answers) says
/// on the first FPS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Starter {
    pub start_date: Date,
    /// Needed whenever the start date is sent, P45 or not (rule 7881).
    pub declaration: StarterDeclaration,
    /// The employee has a student loan to repay through pay.
    pub student_loan: bool,
    pub postgraduate_loan: bool,
}

/// The starter checklist statements (`StartDec`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StarterDeclaration {
    /// A: first job since 6 April, no taxable benefits or pension.
    FirstJobSinceApril,
    /// B: only job now, but had another job or benefits since 6 April.
    OnlyJob,
    /// C: has another job or a pension.
    AnotherJobOrPension,
}

/// Figures from the P45 the employee brought (items "total pay to date"
/// and "total tax to date").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PreviousEmployment {
    pub taxable_pay: Pence,
    pub tax: Pence,
}

/// The year's figures to date after this payment, as the payroll engine
/// keeps them (P45 pay and tax included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FiguresToDate {
    pub taxable_pay: Pence,
    pub tax: Pence,
    /// Student loan deducted to date, whole pounds; `None` when the
    /// employee has no loan.
    pub student_loan: Option<Pence>,
    pub postgraduate_loan: Option<Pence>,
    pub pension: PensionContributions,
}

/// Employee pension contributions, by how they get tax relief.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PensionContributions {
    /// Taken before tax (`EmpeePenContribnsPaid`).
    pub net_pay_arrangement: Pence,
    /// Taken from net pay; the scheme claims the relief
    /// (`EmpeePenContribnsNotPaid`).
    pub relief_at_source: Pence,
}

/// The payment this FPS reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    /// The pay frequency and the tax week or month of the payment date.
    pub period: Period,
    pub payment_date: Date,
    /// Pay periods this payment covers; 1 unless pay for several periods
    /// is paid at once.
    pub periods_covered: u8,
    pub late_reason: Option<LateReason>,
    pub hours: HoursWorked,
    pub tax_code: TaxCode,
    /// The code is operated week 1/month 1 even if it has no W1/M1 marker.
    pub week1_month1: bool,
    pub taxable_pay: Pence,
    /// Payments neither taxed nor subject to NI, such as expenses repaid.
    pub non_taxable_payments: Option<Pence>,
    pub deductions_from_net_pay: Option<Pence>,
    pub pay_after_statutory_deductions: Option<Pence>,
    pub pension: PensionContributions,
    pub student_loan: Option<StudentLoanDeduction>,
    /// Whole pounds.
    pub postgraduate_loan: Option<Pence>,
    /// Tax deducted, negative for a refund.
    pub tax: Pence,
    /// Paid after the leaving date (rule 7847: the leaving date is needed).
    pub after_leaving: bool,
    /// The PA was on unpaid leave for part of the period.
    pub unpaid_absence: bool,
    pub statutory_to_date: StatutoryPaymentsToDate,
}

/// Statutory pay this year to date. Statutory Sick Pay and holiday pay
/// have no place in the FPS: they are in taxable pay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct StatutoryPaymentsToDate {
    pub maternity: Pence,
    pub paternity: Pence,
    pub adoption: Pence,
    pub shared_parental: Pence,
    pub parental_bereavement: Pence,
    pub neonatal_care: Pence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StudentLoanDeduction {
    pub plan: StudentLoanPlan,
    /// Whole pounds: HMRC's tables deduct whole pounds and the schema
    /// takes nothing else (`IRwholeUnitsMonetaryType`).
    pub amount: Pence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StudentLoanPlan {
    Plan1,
    Plan2,
    Plan4,
    /// Repayments start in 2026-27; the 2025-26 schema has no code for it.
    Plan5,
}

/// Why the payment was reported after the payment date (`LateReason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LateReason {
    /// F: no requirement to keep a deductions working sheet, or work done
    /// on the day could not be reported that day.
    ImpracticalToReport,
    /// G: a reasonable excuse.
    ReasonableExcuse,
    /// H: a correction to an earlier submission.
    Correction,
}

/// The band of hours normally worked in a week (`HoursWorked`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoursWorked {
    /// A: up to 15.99 hours.
    UpTo16,
    /// B: 16 to 23.99 hours.
    From16To24,
    /// C: 24 to 29.99 hours.
    From24To30,
    /// D: 30 hours or more.
    ThirtyOrMore,
    /// E: other, when no normal week can be given.
    Other,
}

impl HoursWorked {
    /// The band for the hours normally worked in a week (ten-thousandths
    /// of an hour, as `holiday::Hours`).
    pub fn from_weekly_hours(hours: Hours) -> Self {
        if hours < 16 * HOUR {
            Self::UpTo16
        } else if hours < 24 * HOUR {
            Self::From16To24
        } else if hours < 30 * HOUR {
            Self::From24To30
        } else {
            Self::ThirtyOrMore
        }
    }

    fn code(self) -> &'static str {
        match self {
            Self::UpTo16 => "A",
            Self::From16To24 => "B",
            Self::From24To30 => "C",
            Self::ThirtyOrMore => "D",
            Self::Other => "E",
        }
    }
}

/// Class 1 NI for one letter (`NIlettersAndValues`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NicFigures {
    pub category: NiCategory,
    pub gross_earnings: Pence,
    pub gross_earnings_to_date: Pence,
    /// Earnings in each band this year to date (see [`NicBands`]).
    pub bands_to_date: NicBands,
    pub employer: Pence,
    pub employer_to_date: Pence,
    pub employee: Pence,
    pub employee_to_date: Pence,
}

/// Earnings at the lower earnings limit, above it to the primary
/// threshold, and above that to the upper earnings limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct NicBands {
    pub at_lel: Pence,
    pub lel_to_pt: Pence,
    pub pt_to_uel: Pence,
}

impl NicBands {
    /// The bands of one period's NI-able pay, with the same thresholds the
    /// engine uses (`ni::period_thresholds`). Letter X reports nothing in
    /// the bands (rules 7852 to 7854). The LEL is whole pounds in every
    /// period, which is why HMRC can take `AtLELYTD` in whole pounds.
    pub fn of_period(
        year: TaxYear,
        frequency: Frequency,
        category: NiCategory,
        gross: Pence,
    ) -> Self {
        if category == NiCategory::X {
            return Self::default();
        }
        let t = period_thresholds(year, frequency);
        let gross = gross.max(0);
        Self {
            at_lel: if gross >= t.lel { t.lel } else { 0 },
            lel_to_pt: (gross.min(t.pt) - t.lel).max(0),
            pt_to_uel: (gross.min(t.uel) - t.pt).max(0),
        }
    }

    /// Adds a period's bands to the year's so far.
    pub fn plus(self, other: NicBands) -> Result<Self, Overflow> {
        Ok(Self {
            at_lel: money::add(self.at_lel, other.at_lel)?,
            lel_to_pt: money::add(self.lel_to_pt, other.lel_to_pt)?,
            pt_to_uel: money::add(self.pt_to_uel, other.pt_to_uel)?,
        })
    }
}

/// The complete GovTalk message (class `HMRC-PAYE-RTI-FPS`, rule 7837) for
/// `fps`, or the first thing in it HMRC would refuse.
pub fn write_fps(fps: &FullPaymentSubmission) -> Result<String, RtiError> {
    // An FPS needs an employee or a final-submission flag (rule 7877).
    if fps.employees.is_empty() && fps.final_submission.is_none() {
        return Err(RtiError::NoEmployees);
    }
    write_message(
        "HMRC-PAYE-RTI-FPS",
        "FullPaymentSubmission",
        fps.year,
        &fps.employer,
        |w| {
            w.element("FullPaymentSubmission", &[], |w| {
                write_emp_refs(w, &fps.employer)?;
                // Must be the schema's own year (rule 7889).
                w.leaf("RelatedTaxYear", &short_year(fps.year));
                for employee in &fps.employees {
                    write_employee(w, fps.year, employee)?;
                }
                write_final_submission(w, fps.year, fps.final_submission)
            })
        },
    )
}

fn write_employee(w: &mut XmlWriter, year: TaxYear, e: &FpsEmployee) -> Result<(), RtiError> {
    let who = e
        .employments
        .first()
        .map(|x| x.payroll_id.clone())
        .unwrap_or_default();
    if e.employments.is_empty() || e.employments.len() > 15 {
        return Err(RtiError::EmploymentCount {
            employee: who,
            count: e.employments.len(),
        });
    }
    let d = &e.details;
    let starting = e.employments.iter().any(|x| x.starter.is_some());
    w.element("Employee", &[], |w| {
        w.element("EmployeeDetails", &[], |w| {
            if let Some(nino) = &d.ni_number {
                w.leaf("NINO", nino.as_str());
            }
            write_name(w, &who, &d.name)?;
            write_address(w, &who, d, starting)?;
            w.leaf("BirthDate", &d.birth_date.to_string());
            w.leaf(
                "Gender",
                match d.gender {
                    Gender::Female => "F",
                    Gender::Male => "M",
                },
            );
            Ok(())
        })?;
        for employment in &e.employments {
            write_employment(w, year, d, employment)?;
        }
        Ok(())
    })
}

fn write_name(w: &mut XmlWriter, who: &str, name: &PersonName) -> Result<(), RtiError> {
    let missing = |part| RtiError::Name {
        employee: who.to_owned(),
        part,
    };
    // `Ttl` is CharsetH, `Fore` and `Sur` CharsetD, each 1 to 35
    // characters starting with a letter.
    let title = name
        .title
        .as_deref()
        .map(|t| clean(t, Charset::Title, 35))
        .filter(|t| !t.is_empty());
    let forenames: Vec<String> = name
        .forenames
        .iter()
        .map(|f| clean(f, Charset::Name, 35))
        .filter(|f| !f.is_empty())
        .take(2)
        .collect();
    // A forename (or initials) is required (rule 7824).
    if forenames.is_empty() {
        return Err(missing(NamePart::Forename));
    }
    let surname = clean(&name.surname, Charset::Name, 35);
    if surname.is_empty() {
        return Err(missing(NamePart::Surname));
    }
    w.element("Name", &[], |w| {
        if let Some(title) = &title {
            w.leaf("Ttl", title);
        }
        for forename in &forenames {
            w.leaf("Fore", forename);
        }
        w.leaf("Sur", &surname);
        Ok(())
    })
}

fn write_address(
    w: &mut XmlWriter,
    who: &str,
    d: &EmployeeDetails,
    starting: bool,
) -> Result<(), RtiError> {
    let (lines, end) = match &d.address {
        Some(a) => {
            let lines: Vec<String> = a
                .lines
                .iter()
                .map(|l| clean(l, Charset::Address, 35))
                .filter(|l| !l.is_empty())
                .collect();
            // An end with nothing writable left is left out: both are
            // optional, and the line checks below still apply.
            let end = match &a.end {
                Some(AddressEnd::UkPostcode(p)) => {
                    let p = clean(p, Charset::Postcode, 10).to_ascii_uppercase();
                    (!p.is_empty()).then_some(("UKPostcode", p))
                }
                Some(AddressEnd::ForeignCountry(c)) => {
                    let c = clean(c, Charset::Country, 35);
                    (!c.is_empty()).then_some(("ForeignCountry", c))
                }
                None => None,
            };
            (lines, end)
        }
        None => (Vec::new(), None),
    };
    if lines.len() > 4 {
        return Err(RtiError::TooManyAddressLines {
            employee: who.to_owned(),
            count: lines.len(),
        });
    }
    let reason = if starting {
        Some("for a new starter")
    } else if d.ni_number.is_none() {
        Some("when the NI number is not known")
    } else if matches!(end, Some(("ForeignCountry", _))) {
        Some("for an address abroad")
    } else {
        None
    };
    if let Some(reason) = reason
        && lines.len() < 2
    {
        return Err(RtiError::AddressTooShort {
            employee: who.to_owned(),
            reason,
        });
    }
    // An Address element needs a line or a postcode (rule 7932).
    if lines.is_empty() && end.is_none() {
        return Ok(());
    }
    w.element("Address", &[], |w| {
        for line in &lines {
            w.leaf("Line", line);
        }
        if let Some((element, value)) = &end {
            w.leaf(element, value);
        }
        Ok(())
    })
}

/// `PayId`: CharsetG, 1 to 35 characters, not starting with a space.
fn check_payroll_id(id: &str) -> Result<(), RtiError> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || " .,-()/=!\"%&*;<>'+:?".contains(c);
    let ok = !id.is_empty()
        && id.chars().count() <= 35
        && !id.starts_with(' ')
        && id.chars().all(allowed);
    if ok {
        Ok(())
    } else {
        Err(RtiError::PayrollId(id.to_owned()))
    }
}

fn write_employment(
    w: &mut XmlWriter,
    year: TaxYear,
    d: &EmployeeDetails,
    e: &Employment,
) -> Result<(), RtiError> {
    let who = e.payroll_id.as_str();
    check_payroll_id(who)?;
    let amount = |field: &'static str, pence: Pence, limits: Limits| {
        checked(pence, limits).map_err(|problem| RtiError::Amount {
            employee: who.to_owned(),
            field,
            amount: super::pounds(pence),
            problem,
        })
    };

    if let Some(leaving) = e.leaving_date {
        let earliest = Date::new(2019, 4, 6).map_err(|_| RtiError::LeavingDate {
            employee: who.to_owned(),
            date: leaving,
        })?;
        let started_after = e.starter.is_some_and(|s| s.start_date > leaving);
        if leaving < earliest || started_after {
            return Err(RtiError::LeavingDate {
                employee: who.to_owned(),
                date: leaving,
            });
        }
    }
    if e.payment.after_leaving && e.leaving_date.is_none() {
        return Err(RtiError::PaymentAfterLeavingWithoutDate(who.to_owned()));
    }

    // HMRC's to-date figures are for this employment only.
    let previous = e.previous_employment.unwrap_or(PreviousEmployment {
        taxable_pay: 0,
        tax: 0,
    });
    let p45 = |field| RtiError::PreviousEmployment {
        employee: who.to_owned(),
        field,
    };
    let taxable_to_date =
        money::sub(e.to_date.taxable_pay, previous.taxable_pay).map_err(|_| p45("taxable pay"))?;
    if taxable_to_date < 0 && previous.taxable_pay != 0 {
        return Err(p45("taxable pay"));
    }
    let tax_to_date = money::sub(e.to_date.tax, previous.tax).map_err(|_| p45("tax"))?;

    w.element("Employment", &[], |w| {
        if let Some(s) = &e.starter {
            w.element("Starter", &[], |w| {
                w.leaf("StartDate", &s.start_date.to_string());
                w.leaf(
                    "StartDec",
                    match s.declaration {
                        StarterDeclaration::FirstJobSinceApril => "A",
                        StarterDeclaration::OnlyJob => "B",
                        StarterDeclaration::AnotherJobOrPension => "C",
                    },
                );
                w.yes_if("StudentLoan", s.student_loan);
                w.yes_if("PostgradLoan", s.postgraduate_loan);
                Ok::<(), RtiError>(())
            })?;
        }
        w.leaf("PayId", who);
        w.yes_if("IrrEmp", e.irregular_payment_pattern);
        if let Some(leaving) = e.leaving_date {
            w.leaf("LeavingDate", &leaving.to_string());
        }

        let p = &e.payment;
        let t = &e.to_date;
        w.element("FiguresToDate", &[], |w| {
            w.leaf(
                "TaxablePay",
                &amount("taxable pay to date", taxable_to_date, Limits::NON_NEGATIVE)?,
            );
            w.leaf(
                "TotalTax",
                &amount("tax to date", tax_to_date, Limits::SIGNED)?,
            );
            let loans = Limits::whole_pounds(0, 9_999_900);
            if let Some(v) = t.student_loan.or(p.student_loan.map(|_| 0)) {
                w.leaf("StudentLoansTD", &amount("student loan to date", v, loans)?);
            }
            if let Some(v) = t.postgraduate_loan.or(p.postgraduate_loan.map(|_| 0)) {
                w.leaf(
                    "PostgradLoansTD",
                    &amount("postgraduate loan to date", v, loans)?,
                );
            }
            if t.pension.net_pay_arrangement != 0 || p.pension.net_pay_arrangement != 0 {
                w.leaf(
                    "EmpeePenContribnsPaidYTD",
                    &amount(
                        "net pay pension contributions to date",
                        t.pension.net_pay_arrangement,
                        Limits::NON_NEGATIVE,
                    )?,
                );
            }
            if t.pension.relief_at_source != 0 || p.pension.relief_at_source != 0 {
                w.leaf(
                    "EmpeePenContribnsNotPaidYTD",
                    &amount(
                        "relief at source pension contributions to date",
                        t.pension.relief_at_source,
                        Limits::NON_NEGATIVE,
                    )?,
                );
            }
            Ok(())
        })?;

        write_payment(w, year, who, p, t, &amount)?;

        write_nics(w, d, who, &e.nics, &amount)
    })
}

fn write_payment(
    w: &mut XmlWriter,
    year: TaxYear,
    who: &str,
    p: &Payment,
    t: &FiguresToDate,
    amount: &dyn Fn(&'static str, Pence, Limits) -> Result<String, RtiError>,
) -> Result<(), RtiError> {
    // `PmtDate` lies in the schema's tax year (min and max inclusive).
    check_in_year("the payment date", p.payment_date, year)?;
    if let Some(expected) = period_of_date(year, p.period.frequency(), p.payment_date)
        && expected != p.period.number()
    {
        return Err(RtiError::PeriodNotOfPaymentDate {
            employee: who.to_owned(),
            number: p.period.number(),
            date: p.payment_date,
        });
    }
    if !(1..=99).contains(&p.periods_covered) {
        return Err(RtiError::PeriodsCovered {
            employee: who.to_owned(),
            given: p.periods_covered,
        });
    }
    w.element("Payment", &[], |w| {
        let frequency = p.period.frequency();
        w.leaf(
            "PayFreq",
            match frequency {
                Frequency::Weekly => "W1",
                Frequency::TwoWeekly => "W2",
                Frequency::FourWeekly => "W4",
                Frequency::Monthly => "M1",
            },
        );
        w.leaf("PmtDate", &p.payment_date.to_string());
        if let Some(reason) = p.late_reason {
            w.leaf(
                "LateReason",
                match reason {
                    LateReason::ImpracticalToReport => "F",
                    LateReason::ReasonableExcuse => "G",
                    LateReason::Correction => "H",
                },
            );
        }
        // `Period` already holds the schema's ranges: weeks 1 to 53, 54
        // or 56 by frequency, months 1 to 12.
        let number = p.period.number().to_string();
        match frequency {
            Frequency::Monthly => w.leaf("MonthNo", &number),
            _ => w.leaf("WeekNo", &number),
        }
        w.leaf("PeriodsCovered", &p.periods_covered.to_string());
        w.yes_if("PmtAfterLeaving", p.after_leaving);
        w.leaf("HoursWorked", p.hours.code());
        write_tax_code(w, p.tax_code, p.week1_month1);
        w.leaf(
            "TaxablePay",
            &amount("taxable pay", p.taxable_pay, Limits::SIGNED)?,
        );
        if let Some(v) = p.non_taxable_payments {
            w.leaf(
                "NonTaxOrNICPmt",
                &amount("payments not subject to tax or NI", v, Limits::SIGNED)?,
            );
        }
        if let Some(v) = p.deductions_from_net_pay {
            w.leaf(
                "DednsFromNetPay",
                &amount("deductions from net pay", v, Limits::SIGNED)?,
            );
        }
        if let Some(v) = p.pay_after_statutory_deductions {
            w.leaf(
                "PayAfterStatDedns",
                &amount("pay after statutory deductions", v, Limits::SIGNED)?,
            );
        }
        if p.pension.net_pay_arrangement != 0 || t.pension.net_pay_arrangement != 0 {
            w.leaf(
                "EmpeePenContribnsPaid",
                &amount(
                    "net pay pension contributions",
                    p.pension.net_pay_arrangement,
                    Limits::SIGNED,
                )?,
            );
        }
        if p.pension.relief_at_source != 0 || t.pension.relief_at_source != 0 {
            w.leaf(
                "EmpeePenContribnsNotPaid",
                &amount(
                    "relief at source pension contributions",
                    p.pension.relief_at_source,
                    Limits::SIGNED,
                )?,
            );
        }
        let loan = Limits::whole_pounds(-9_999_900, 9_999_900);
        if let Some(s) = p.student_loan {
            let plan = match s.plan {
                StudentLoanPlan::Plan1 => "01",
                StudentLoanPlan::Plan2 => "02",
                StudentLoanPlan::Plan4 => "04",
                // HMRC added plan type 05 for 2026-27, when plan 5
                // repayments begin; the 2025-26 schema has 01, 02 and 04.
                StudentLoanPlan::Plan5 if year != TaxYear::Y2025_26 => "05",
                StudentLoanPlan::Plan5 => {
                    return Err(RtiError::StudentLoanPlan {
                        employee: who.to_owned(),
                        plan: s.plan,
                        year: year.data().name,
                    });
                }
            };
            w.leaf_with(
                "StudentLoanRecovered",
                &[("PlanType", plan)],
                &amount("student loan deducted", s.amount, loan)?,
            );
        }
        if let Some(v) = p.postgraduate_loan {
            w.leaf(
                "PostgradLoanRecovered",
                &amount("postgraduate loan deducted", v, loan)?,
            );
        }
        w.leaf(
            "TaxDeductedOrRefunded",
            &amount(
                "tax deducted or refunded",
                p.tax,
                Limits {
                    min: -999_999_999_999,
                    max: 999_999_999_999,
                    whole_pounds: false,
                },
            )?,
        );
        w.yes_if("UnpaidAbsence", p.unpaid_absence);
        let s = &p.statutory_to_date;
        let statutory = Limits::non_negative_to(99_999_999);
        for (element, field, value) in [
            ("SMPYTD", "statutory maternity pay to date", s.maternity),
            ("SPPYTD", "statutory paternity pay to date", s.paternity),
            ("SAPYTD", "statutory adoption pay to date", s.adoption),
            (
                "ShPPYTD",
                "statutory shared parental pay to date",
                s.shared_parental,
            ),
            (
                "SPBPYTD",
                "statutory parental bereavement pay to date",
                s.parental_bereavement,
            ),
            (
                "SNCPYTD",
                "statutory neonatal care pay to date",
                s.neonatal_care,
            ),
        ] {
            if value != 0 {
                w.leaf(element, &amount(field, value, statutory)?);
            }
        }
        Ok(())
    })
}

/// The tax month or week a payment date falls in, which is the one HMRC
/// expects in `MonthNo` or `WeekNo` for a monthly or weekly payroll (tax
/// month 1 runs 6 April to 5 May; week 1 is 6 to 12 April). Two- and
/// four-weekly payrolls number their periods by the last week they cover,
/// so they are left as the payroll gives them.
fn period_of_date(year: TaxYear, frequency: Frequency, date: Date) -> Option<i64> {
    let first = year.first_day();
    match frequency {
        Frequency::Monthly => {
            let months = (i64::from(date.year()) * 12 + i64::from(date.month()))
                - (i64::from(first.year()) * 12 + i64::from(first.month()));
            Some(months + i64::from(date.day() >= 6))
        }
        Frequency::Weekly => Some(first.days_until(date).div_euclid(7) + 1),
        Frequency::TwoWeekly | Frequency::FourWeekly => None,
    }
}

/// `TaxCode`: the code without its prefix or basis marker
/// (`[1-9][0-9]{0,5}[LMNPTY]`, `BR`, `0T`, `NT`, `D[0-8]`, `K[1-9][0-9]{0,5}`);
/// the Welsh or Scottish prefix goes in `TaxRegime` (C or S) and W1/M1 in
/// `BasisNonCumulative`.
fn write_tax_code(w: &mut XmlWriter, code: TaxCode, week1_month1: bool) {
    let text = match code.kind {
        CodeKind::Allowance { number, suffix } => format!("{number}{suffix:?}"),
        CodeKind::K { number } => format!("K{number}"),
        CodeKind::BasicRate => "BR".to_owned(),
        CodeKind::Flat { index } => format!("D{index}"),
        CodeKind::NoTax => "NT".to_owned(),
    };
    let mut attributes: Vec<(&'static str, &str)> = Vec::new();
    if code.non_cumulative || week1_month1 {
        attributes.push(("BasisNonCumulative", "yes"));
    }
    match code.regime {
        Regime::RestOfUk => {}
        Regime::Wales => attributes.push(("TaxRegime", "C")),
        Regime::Scotland => attributes.push(("TaxRegime", "S")),
    }
    w.leaf_with("TaxCode", &attributes, &text);
}

fn ni_letter(category: NiCategory) -> &'static str {
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

fn write_nics(
    w: &mut XmlWriter,
    d: &EmployeeDetails,
    who: &str,
    nics: &[NicFigures],
    amount: &dyn Fn(&'static str, Pence, Limits) -> Result<String, RtiError>,
) -> Result<(), RtiError> {
    let problem = |problem| RtiError::NiLetters {
        employee: who.to_owned(),
        problem,
    };
    if nics.len() > 4 {
        return Err(problem(NiLetterProblem::TooMany));
    }
    for (i, n) in nics.iter().enumerate() {
        if nics[..i].iter().any(|m| m.category == n.category) {
            return Err(problem(NiLetterProblem::Repeated));
        }
        if n.category == NiCategory::B {
            if d.gender == Gender::Male {
                return Err(problem(NiLetterProblem::ReducedRateMale));
            }
            let born_by = Date::new(1961, 4, 5)
                .map_err(|_| problem(NiLetterProblem::ReducedRateBornAfter1961))?;
            if d.birth_date > born_by {
                return Err(problem(NiLetterProblem::ReducedRateBornAfter1961));
            }
        }
        let b = n.bands_to_date;
        let no_ni = n.category == NiCategory::X
            && (b != NicBands::default() || n.employer != 0 || n.employer_to_date != 0);
        let no_employee_ni = matches!(n.category, NiCategory::X | NiCategory::C)
            && (n.employee != 0 || n.employee_to_date != 0);
        if no_ni || no_employee_ni {
            return Err(problem(NiLetterProblem::ContributionsForLetter));
        }
    }
    for n in nics {
        w.element("NIlettersAndValues", &[], |w| {
            let b = n.bands_to_date;
            w.leaf("NIletter", ni_letter(n.category));
            w.leaf(
                "GrossEarningsForNICsInPd",
                &amount("gross earnings for NI", n.gross_earnings, Limits::SIGNED)?,
            );
            w.leaf(
                "GrossEarningsForNICsYTD",
                &amount(
                    "gross earnings for NI to date",
                    n.gross_earnings_to_date,
                    Limits::NON_NEGATIVE,
                )?,
            );
            // Earnings at the LEL to date are whole pounds, at most
            // £9,999; the bands above it have their own ceilings.
            w.leaf(
                "AtLELYTD",
                &amount(
                    "earnings at the LEL to date",
                    b.at_lel,
                    Limits::whole_pounds(0, 999_900),
                )?,
            );
            w.leaf(
                "LELtoPTYTD",
                &amount(
                    "earnings from the LEL to the PT to date",
                    b.lel_to_pt,
                    Limits::non_negative_to(999_999),
                )?,
            );
            w.leaf(
                "PTtoUELYTD",
                &amount(
                    "earnings from the PT to the UEL to date",
                    b.pt_to_uel,
                    Limits::non_negative_to(9_999_999),
                )?,
            );
            w.leaf(
                "TotalEmpNICInPd",
                &amount("employer NI", n.employer, Limits::SIGNED)?,
            );
            w.leaf(
                "TotalEmpNICYTD",
                &amount(
                    "employer NI to date",
                    n.employer_to_date,
                    Limits::NON_NEGATIVE,
                )?,
            );
            w.leaf(
                "EmpeeContribnsInPd",
                &amount("employee NI", n.employee, Limits::SIGNED)?,
            );
            w.leaf(
                "EmpeeContribnsYTD",
                &amount(
                    "employee NI to date",
                    n.employee_to_date,
                    Limits::NON_NEGATIVE,
                )?,
            );
            Ok::<(), RtiError>(())
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_bands() {
        assert_eq!(HoursWorked::from_weekly_hours(0), HoursWorked::UpTo16);
        assert_eq!(HoursWorked::from_weekly_hours(159_999), HoursWorked::UpTo16);
        assert_eq!(
            HoursWorked::from_weekly_hours(16 * HOUR),
            HoursWorked::From16To24
        );
        assert_eq!(
            HoursWorked::from_weekly_hours(29 * HOUR),
            HoursWorked::From24To30
        );
        assert_eq!(
            HoursWorked::from_weekly_hours(375_000),
            HoursWorked::ThirtyOrMore
        );
    }

    #[test]
    fn periods_of_payment_dates() {
        let y = TaxYear::Y2025_26;
        let d = |t| Date::parse(t).unwrap();
        let m = |t| period_of_date(y, Frequency::Monthly, d(t));
        let w = |t| period_of_date(y, Frequency::Weekly, d(t));
        assert_eq!(m("2025-04-06"), Some(1));
        assert_eq!(m("2025-05-05"), Some(1));
        assert_eq!(m("2025-05-06"), Some(2));
        assert_eq!(m("2025-12-24"), Some(9));
        assert_eq!(m("2026-04-05"), Some(12));
        assert_eq!(w("2025-04-06"), Some(1));
        assert_eq!(w("2025-04-12"), Some(1));
        assert_eq!(w("2025-04-13"), Some(2));
        assert_eq!(w("2026-04-05"), Some(53));
    }

    #[test]
    fn nic_bands_of_a_period() {
        // 2025-26 monthly: LEL £542, PT £1,048, UEL £4,189.
        let y = TaxYear::Y2025_26;
        let m = Frequency::Monthly;
        let bands = |c, g| NicBands::of_period(y, m, c, g);
        assert_eq!(bands(NiCategory::A, 50_000), NicBands::default());
        assert_eq!(
            bands(NiCategory::A, 54_200),
            NicBands {
                at_lel: 54_200,
                lel_to_pt: 0,
                pt_to_uel: 0
            }
        );
        assert_eq!(
            bands(NiCategory::A, 180_000),
            NicBands {
                at_lel: 54_200,
                lel_to_pt: 50_600,
                pt_to_uel: 75_200
            }
        );
        assert_eq!(
            bands(NiCategory::A, 500_000),
            NicBands {
                at_lel: 54_200,
                lel_to_pt: 50_600,
                pt_to_uel: 314_100
            }
        );
        assert_eq!(bands(NiCategory::X, 180_000), NicBands::default());
    }
}
