//! HMRC Real Time Information: the Full Payment Submission (FPS) of each
//! pay run and the Employer Payment Summary (EPS), as complete GovTalk
//! messages (envelope and body) ready to keep or to hand to a submitter.
//!
//! Pure: no clock, no I/O. Where HMRC's schemas and business rules
//! (`FullPaymentSubmission-2026-v1-0.xsd` and `.sch`,
//! `EmployerPaymentSummary-2026-v1-0.xsd`, `envelope-v2-0-HMRC.xsd`) would
//! refuse what it was given, the writer returns a typed [`RtiError`]
//! instead of a file HMRC would reject. The rules that compare a date with
//! today (a start or leaving date at most 30 days ahead, a date of birth
//! within 130 years) need a clock and are left to the caller; the tests
//! run HMRC's own checks over every file. Sending is not here: it needs HMRC vendor recognition, a
//! vendor ID in `ChannelRouting`, the sender's credentials and an IRmark,
//! none of which Cylch has; the envelope leaves them out (all optional in
//! the envelope schema).
//!
//! The namespace follows the tax year (`…/FullPaymentSubmission/25-26/1`
//! for 2025-26); the files were checked against HMRC's 2025-26 schemas,
//! and HMRC's 2026-27 schemas follow the same pattern.

mod amount;
pub mod check;
mod eps;
mod fps;
mod text;
mod xml;

pub use amount::{AmountProblem, pounds};
pub use eps::{
    EmployerPaymentSummary, EmploymentAllowance, NoPaymentPeriod, RecoverableAmounts, Recovery,
    StateAidSector, write_eps,
};
pub use fps::{
    Address, AddressEnd, EmployeeDetails, Employment, FiguresToDate, FpsEmployee,
    FullPaymentSubmission, Gender, HoursWorked, LateReason, NicBands, NicFigures, Payment,
    PensionContributions, PersonName, PreviousEmployment, Starter, StarterDeclaration,
    StatutoryPaymentsToDate, StudentLoanDeduction, StudentLoanPlan, write_fps,
};
pub use text::transliterate;

use crate::date::Date;
use crate::tax_year::TaxYear;
use xml::XmlWriter;

/// The employer's PAYE reference as HMRC's letters show it, `123/AB45678`:
/// the HMRC office number (`OfficeNo`, three digits) and the employer's
/// reference within that office (`PayeRef`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PayeReference {
    office: String,
    reference: String,
}

impl PayeReference {
    /// Reads `123/AB45678` (spaces and case forgiven: `123 / ab45678`).
    pub fn parse(text: &str) -> Result<Self, RtiError> {
        let bad = || RtiError::PayeReference(text.to_owned());
        let (office, reference) = text.split_once('/').ok_or_else(bad)?;
        let office = office.trim();
        let reference: String = reference
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        // OfficeNo: `[0-9]{3}`. PayeRef: 1 to 10 characters of CharsetG;
        // real references are letters and digits, and the same value must
        // also be a valid IRheader key (`IRheaderStringType`), so only
        // those are taken.
        if office.len() != 3 || !office.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        if reference.is_empty()
            || reference.len() > 10
            || !reference.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return Err(bad());
        }
        Ok(Self {
            office: office.to_owned(),
            reference,
        })
    }

    pub fn office_number(&self) -> &str {
        &self.office
    }

    pub fn reference(&self) -> &str {
        &self.reference
    }
}

/// The Accounts Office reference the employer pays HMRC under, such as
/// `123PA00045678`: `[0-9]{3}P[A-Z][0-9]{7}[0-9X]` in the FPS and EPS
/// schemas (`AORef`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AccountsOfficeReference(String);

impl AccountsOfficeReference {
    pub fn parse(text: &str) -> Result<Self, RtiError> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let b = compact.as_bytes();
        let ok = b.len() == 13
            && b[..3].iter().all(u8::is_ascii_digit)
            && b[3] == b'P'
            && b[4].is_ascii_uppercase()
            && b[5..12].iter().all(u8::is_ascii_digit)
            && (b[12].is_ascii_digit() || b[12] == b'X');
        if ok {
            Ok(Self(compact))
        } else {
            Err(RtiError::AccountsOfficeReference(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who the employer is to HMRC: everything an FPS or EPS says about it.
/// (Neither message carries the employer's name; HMRC knows the employer
/// by these references.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Employer {
    pub paye_reference: PayeReference,
    pub accounts_office_reference: AccountsOfficeReference,
}

/// A National Insurance number in the form HMRC's `PAYENINOtype` accepts:
/// two prefix letters from the allocated series, six digits and a suffix
/// A to D (a space when the suffix is not known). Temporary numbers
/// (TN…) are refused there, so they are refused here.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NiNumber(String);

impl NiNumber {
    /// Reads `QQ 12 34 56 C` or `qq123456c`; eight characters mean the
    /// suffix is not known.
    pub fn parse(text: &str) -> Result<Self, RtiError> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let b = compact.as_bytes();
        let bad = || RtiError::NiNumber(text.to_owned());
        if !(b.len() == 8 || b.len() == 9) {
            return Err(bad());
        }
        // The second letters each first letter may take, from the pattern
        // of `FullPaymentSubmission_PAYENINOtype`.
        let second: &[u8] = match b[0] {
            b'A' | b'C' | b'E' | b'H' | b'J' | b'L' | b'M' | b'O' | b'P' | b'R' | b'S' | b'W'
            | b'X' | b'Y' => b"ABCEGHJKLMNPRSTWXYZ",
            b'B' => b"ABCEHJKLMNPRSTWXYZ",
            b'G' => b"ACEGHJKLMNPRSTWXYZ",
            b'K' | b'T' => b"ABCEGHJKLMPRSTWXYZ",
            b'N' => b"ABCEGHJLMNPRSWXYZ",
            b'Z' => b"ABCEGHJKLMNPRSTWXY",
            _ => return Err(bad()),
        };
        if !second.contains(&b[1]) || !b[2..8].iter().all(u8::is_ascii_digit) {
            return Err(bad());
        }
        let suffix = match b.get(8) {
            None => ' ',
            Some(s @ b'A'..=b'D') => char::from(*s),
            Some(_) => return Err(bad()),
        };
        Ok(Self(format!("{}{suffix}", &compact[..8])))
    }

    /// The nine characters written in the FPS (the ninth a space when the
    /// suffix is not known).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A final submission: the last FPS or EPS of the tax year, or of the
/// PAYE scheme when it closes (`FinalSubmission`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinalSubmission {
    ForYear,
    /// The scheme ceased on this date; HMRC requires the date with the
    /// indicator (rule 7875) and it must not be in the future (7876).
    SchemeCeased {
        on: Date,
    },
}

/// The part of a name that could not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamePart {
    Forename,
    Surname,
}

/// What is wrong with an employment's NI letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NiLetterProblem {
    /// More than four letters in one employment (`maxOccurs="4"`).
    TooMany,
    /// A letter given twice (rule 7850).
    Repeated,
    /// Letter B (married women's reduced rate) for someone HMRC records as
    /// male (rule 7849).
    ReducedRateMale,
    /// Letter B for someone born after 5 April 1961 (rule 7955).
    ReducedRateBornAfter1961,
    /// Letter X (no NI due) with earnings in the bands or employer NI, or
    /// employee NI under X or C (rules 7852 to 7854 and 7863 to 7866).
    ContributionsForLetter,
}

/// Why a submission could not be written. Each says which employment (by
/// payroll ID) and which field, so the person running payroll can fix the
/// record; none quotes a name or an NI number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RtiError {
    #[error(
        "the employer PAYE reference must be the three-digit HMRC office number, a slash and up to ten letters and digits, as in 123/AB45678; \"{0}\" is not"
    )]
    PayeReference(String),
    #[error(
        "the Accounts Office reference has 13 characters: three digits, P, a letter, seven digits and a digit or X, as in 123PA00045678; \"{0}\" is not"
    )]
    AccountsOfficeReference(String),
    #[error(
        "that is not a National Insurance number HMRC accepts: two letters, six digits and A, B, C or D (temporary numbers are not accepted; leave it out and give the address instead)"
    )]
    NiNumber(String),
    #[error(
        "an FPS reports people paid; with nobody to report, send an EPS for the period instead"
    )]
    NoEmployees,
    #[error("payroll ID {employee:?}: a person has 1 to 15 employments in one FPS, not {count}")]
    EmploymentCount { employee: String, count: usize },
    #[error(
        "payroll ID {0:?}: a payroll ID is 1 to 35 letters, digits, spaces or .,-()/=!\"%&*;<>'+:? and does not start with a space; it is never changed to fit, because HMRC would take a new ID for a new employment"
    )]
    PayrollId(String),
    #[error(
        "payroll ID {employee:?}: the {part:?} has no letters HMRC's FPS accepts once accents are removed; enter it in Latin letters for HMRC"
    )]
    Name { employee: String, part: NamePart },
    #[error(
        "payroll ID {employee:?}: HMRC needs at least two address lines {reason} (FPS business rules 7823, 7825 and 7829)"
    )]
    AddressTooShort {
        employee: String,
        reason: &'static str,
    },
    #[error("payroll ID {employee:?}: an FPS address has at most four lines, not {count}")]
    TooManyAddressLines { employee: String, count: usize },
    #[error("payroll ID {employee:?}: {field} of {amount} {problem}")]
    Amount {
        employee: String,
        field: &'static str,
        amount: String,
        problem: AmountProblem,
    },
    #[error("{field} {date} is outside the tax year {year} this submission is for")]
    DateOutsideYear {
        field: &'static str,
        date: Date,
        year: &'static str,
    },
    #[error(
        "payroll ID {employee:?}: the leaving date {date} is before the start date or before 6 April 2019, the earliest the FPS accepts"
    )]
    LeavingDate { employee: String, date: Date },
    #[error("payroll ID {employee:?}: NI letters: {problem:?}")]
    NiLetters {
        employee: String,
        problem: NiLetterProblem,
    },
    #[error(
        "payroll ID {employee:?}: student loan {plan:?} has no code in HMRC's {year} FPS (it has plans 1, 2 and 4)"
    )]
    StudentLoanPlan {
        employee: String,
        plan: StudentLoanPlan,
        year: &'static str,
    },
    #[error(
        "payroll ID {employee:?}: the payment date {date} is not in tax period {number}; HMRC takes the tax week or month the payment date falls in"
    )]
    PeriodNotOfPaymentDate {
        employee: String,
        number: i64,
        date: Date,
    },
    #[error("payroll ID {employee:?}: a payment covers 1 to 99 pay periods, not {given}")]
    PeriodsCovered { employee: String, given: u8 },
    #[error(
        "payroll ID {employee:?}: the P45 {field} is more than the figure to date it is part of; the to-date figures must include the P45's"
    )]
    PreviousEmployment {
        employee: String,
        field: &'static str,
    },
    #[error(
        "payroll ID {0:?}: a payment after leaving needs the leaving date (FPS business rule 7847)"
    )]
    PaymentAfterLeavingWithoutDate(String),
    #[error(
        "an EPS must say something: no payment, the Employment Allowance, amounts recovered or a final submission"
    )]
    EmptyEps,
    #[error(
        "{field}: tax months run from 1 to 12 (and a period of no payment forwards), not {given}"
    )]
    TaxMonth { field: &'static str, given: u8 },
    #[error("the EPS {field} amount of {amount} {problem}")]
    EpsAmount {
        field: &'static str,
        amount: String,
        problem: AmountProblem,
    },
}

/// Schema years go by the tax year's two-digit years: `25-26`.
fn short_year(year: TaxYear) -> String {
    let start = year.data().starts_in;
    format!("{:02}-{:02}", start % 100, (start + 1) % 100)
}

/// The GovTalk envelope HMRC's RTI messages travel in, around the
/// `IRenvelope` that `body` writes. The keys in `GovTalkDetails` must
/// equal those in the `IRheader` (rule r1004, error 5005), and the
/// IRheader's `TaxOfficeNumber` and `TaxOfficeReference` keys must equal
/// `EmpRefs` (errors 7821 and 7822): all three are written here from the
/// one [`PayeReference`].
fn write_message(
    class: &'static str,
    message: &'static str,
    year: TaxYear,
    employer: &Employer,
    body: impl FnOnce(&mut XmlWriter) -> Result<(), RtiError>,
) -> Result<String, RtiError> {
    let keys = |w: &mut XmlWriter| {
        w.leaf_with(
            "Key",
            &[("Type", "TaxOfficeNumber")],
            employer.paye_reference.office_number(),
        );
        w.leaf_with(
            "Key",
            &[("Type", "TaxOfficeReference")],
            employer.paye_reference.reference(),
        );
        Ok::<(), RtiError>(())
    };
    let namespace = format!(
        "http://www.govtalk.gov.uk/taxation/PAYE/RTI/{message}/{}/1",
        short_year(year)
    );
    let mut w = XmlWriter::new();
    w.element(
        "GovTalkMessage",
        &[("xmlns", "http://www.govtalk.gov.uk/CM/envelope")],
        |w| {
            w.leaf("EnvelopeVersion", "2.0");
            w.element("Header", &[], |w| {
                w.element("MessageDetails", &[], |w| {
                    w.leaf("Class", class);
                    w.leaf("Qualifier", "request");
                    w.leaf("Function", "submit");
                    w.leaf("Transformation", "XML");
                    Ok::<(), RtiError>(())
                })
            })?;
            w.element("GovTalkDetails", &[], |w| w.element("Keys", &[], keys))?;
            w.element("Body", &[], |w| {
                // The IRenvelope declares its own namespace so that it
                // stands alone: it is what HMRC's FPS and EPS schemas
                // describe, and what the IRmark would be taken over.
                w.element("IRenvelope", &[("xmlns", &namespace)], |w| {
                    w.element("IRheader", &[], |w| {
                        w.element("Keys", &[], keys)?;
                        // PeriodEnd must lie in RelatedTaxYear (rule
                        // RELATEDTAXYEAR.2); HMRC's examples give the
                        // year's last day.
                        w.leaf("PeriodEnd", &year.last_day().to_string());
                        w.leaf("DefaultCurrency", "GBP");
                        w.leaf("Sender", "Employer");
                        Ok(())
                    })?;
                    body(w)
                })
            })
        },
    )?;
    Ok(w.finish())
}

/// `FinalSubmission`, shared by FPS and EPS.
fn write_final_submission(
    w: &mut XmlWriter,
    year: TaxYear,
    last: Option<FinalSubmission>,
) -> Result<(), RtiError> {
    let Some(last) = last else {
        return Ok(());
    };
    w.element("FinalSubmission", &[], |w| {
        match last {
            FinalSubmission::ForYear => w.leaf("ForYear", "yes"),
            FinalSubmission::SchemeCeased { on } => {
                check_in_year("the date the scheme ceased", on, year)?;
                w.leaf("BecauseSchemeCeased", "yes");
                w.leaf("DateSchemeCeased", &on.to_string());
            }
        }
        Ok(())
    })
}

fn check_in_year(field: &'static str, date: Date, year: TaxYear) -> Result<(), RtiError> {
    if year.contains(date) {
        Ok(())
    } else {
        Err(RtiError::DateOutsideYear {
            field,
            date,
            year: year.data().name,
        })
    }
}

/// `EmpRefs`, the same in FPS and EPS.
fn write_emp_refs(w: &mut XmlWriter, employer: &Employer) -> Result<(), RtiError> {
    w.element("EmpRefs", &[], |w| {
        w.leaf("OfficeNo", employer.paye_reference.office_number());
        w.leaf("PayeRef", employer.paye_reference.reference());
        w.leaf("AORef", employer.accounts_office_reference.as_str());
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn employer_references() {
        let r = PayeReference::parse("123 / ab45678").unwrap();
        assert_eq!((r.office_number(), r.reference()), ("123", "AB45678"));
        assert!(PayeReference::parse("12/AB45678").is_err());
        assert!(PayeReference::parse("123AB45678").is_err());
        assert!(PayeReference::parse("123/").is_err());
        assert!(PayeReference::parse("123/AB4567890123").is_err());
        assert!(PayeReference::parse("123/AB-45678").is_err());
        assert_eq!(
            AccountsOfficeReference::parse("123pa0004567x")
                .unwrap()
                .as_str(),
            "123PA0004567X"
        );
        assert!(AccountsOfficeReference::parse("123PA000456").is_err());
        assert!(AccountsOfficeReference::parse("123QA00045678").is_err());
    }

    #[test]
    fn ni_numbers() {
        assert_eq!(
            NiNumber::parse("QQ 12 34 56 C").unwrap_err(),
            RtiError::NiNumber("QQ 12 34 56 C".into())
        );
        assert_eq!(
            NiNumber::parse("ab 12 34 56 c").unwrap().as_str(),
            "AB123456C"
        );
        assert_eq!(NiNumber::parse("JK123456").unwrap().as_str(), "JK123456 ");
        // Temporary numbers, unallocated prefixes and suffixes past D.
        assert!(NiNumber::parse("TN123456A").is_err());
        assert!(NiNumber::parse("DA123456A").is_err());
        assert!(NiNumber::parse("AD123456A").is_err());
        assert!(NiNumber::parse("BG123456A").is_err());
        assert!(NiNumber::parse("NK123456A").is_err());
        assert!(NiNumber::parse("AB123456E").is_err());
        assert!(NiNumber::parse("AB12345A").is_err());
    }

    #[test]
    fn schema_years() {
        assert_eq!(short_year(TaxYear::Y2025_26), "25-26");
        assert_eq!(short_year(TaxYear::Y2026_27), "26-27");
    }
}
