//! The Employer Payment Summary: what the employer tells HMRC apart from
//! pay. Cylch needs it for a tax month in which nobody was paid, for the
//! Employment Allowance claim and for statutory pay it recovers.
//!
//! Structure and formats are HMRC's `EmployerPaymentSummary-2026-v1-0.xsd`;
//! the GovTalk class is `HMRC-PAYE-RTI-EPS`.

use super::amount::{Limits, checked};
use super::{
    Employer, FinalSubmission, RtiError, short_year, write_emp_refs, write_final_submission,
    write_message,
};
use crate::date::Date;
use crate::money::Pence;
use crate::period::{Frequency, Period};
use crate::tax_year::TaxYear;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployerPaymentSummary {
    pub employer: Employer,
    pub year: TaxYear,
    pub no_payment: Option<NoPaymentPeriod>,
    pub employment_allowance: Option<EmploymentAllowance>,
    pub recoverable: Option<RecoverableAmounts>,
    pub final_submission: Option<FinalSubmission>,
}

/// Tax months in which nobody was paid, first to last inclusive. HMRC
/// takes them as dates from the 6th of the first month to the 5th after
/// the last (`NoPaymentDates`, patterns `\d{4}-\d{2}-06` and `…-05`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoPaymentPeriod {
    pub from_month: u8,
    pub to_month: u8,
}

/// `EmpAllceInd`: "yes" claims the Employment Allowance for the year,
/// "no" withdraws a claim made in error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmploymentAllowance {
    Claim { state_aid: StateAidSector },
    Withdraw,
}

/// The de minimis state aid sector HMRC asks of an employer claiming the
/// Employment Allowance (`DeMinimisStateAid`). A care co-operative's is
/// `NotApplicable`: the allowance is not state aid to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateAidSector {
    Agriculture,
    FisheriesAquaculture,
    RoadTransport,
    Industrial,
    NotApplicable,
}

/// Statutory payments recovered this tax year to date, up to the end of
/// `tax_month` (`RecoverableAmountsYTD`). Each is the year's running
/// total, not the month's, so a later EPS replaces an earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct RecoverableAmounts {
    pub tax_month: u8,
    pub maternity: Option<Recovery>,
    pub paternity: Option<Recovery>,
    pub adoption: Option<Recovery>,
    pub shared_parental: Option<Recovery>,
    pub parental_bereavement: Option<Recovery>,
    pub neonatal_care: Option<Recovery>,
}

/// One statutory payment's recovery: the amount recovered (92%, or 103%
/// with compensation for a small employer, as HMRC sets it) and the NIC
/// compensation part of it, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Recovery {
    pub recovered: Pence,
    pub nic_compensation: Pence,
}

/// The complete GovTalk message for `eps`, or the first thing in it HMRC
/// would refuse.
pub fn write_eps(eps: &EmployerPaymentSummary) -> Result<String, RtiError> {
    if eps.no_payment.is_none()
        && eps.employment_allowance.is_none()
        && eps.recoverable.is_none()
        && eps.final_submission.is_none()
    {
        return Err(RtiError::EmptyEps);
    }
    let no_payment_dates = eps
        .no_payment
        .map(|n| no_payment_dates(eps.year, n))
        .transpose()?;
    write_message(
        "HMRC-PAYE-RTI-EPS",
        "EmployerPaymentSummary",
        eps.year,
        &eps.employer,
        |w| {
            w.element("EmployerPaymentSummary", &[], |w| {
                write_emp_refs(w, &eps.employer)?;
                if let Some((from, to)) = no_payment_dates {
                    w.leaf("NoPaymentForPeriod", "yes");
                    w.element("NoPaymentDates", &[], |w| {
                        w.leaf("From", &from.to_string());
                        w.leaf("To", &to.to_string());
                        Ok::<(), RtiError>(())
                    })?;
                }
                match eps.employment_allowance {
                    Some(EmploymentAllowance::Claim { state_aid }) => {
                        w.leaf("EmpAllceInd", "yes");
                        w.element("DeMinimisStateAid", &[], |w| {
                            w.leaf(
                                match state_aid {
                                    StateAidSector::Agriculture => "Agri",
                                    StateAidSector::FisheriesAquaculture => "FisheriesAqua",
                                    StateAidSector::RoadTransport => "RoadTrans",
                                    StateAidSector::Industrial => "Indust",
                                    StateAidSector::NotApplicable => "NA",
                                },
                                "yes",
                            );
                            Ok::<(), RtiError>(())
                        })?;
                    }
                    Some(EmploymentAllowance::Withdraw) => w.leaf("EmpAllceInd", "no"),
                    None => {}
                }
                if let Some(r) = &eps.recoverable {
                    write_recoverable(w, r)?;
                }
                w.leaf("RelatedTaxYear", &short_year(eps.year));
                write_final_submission(w, eps.year, eps.final_submission)
            })
        },
    )
}

/// 6th of the first month to the 5th after the last, within the year.
fn no_payment_dates(year: TaxYear, n: NoPaymentPeriod) -> Result<(Date, Date), RtiError> {
    let month = |field, m: u8| {
        Period::new(Frequency::Monthly, i64::from(m))
            .map_err(|_| RtiError::TaxMonth { field, given: m })
    };
    let first = month("the first month with no payment", n.from_month)?;
    let last = month("the last month with no payment", n.to_month)?;
    if last.number() < first.number() {
        return Err(RtiError::TaxMonth {
            field: "the last month with no payment",
            given: n.to_month,
        });
    }
    let from = year
        .first_day()
        .add_months(i32::from(n.from_month) - 1)
        .map_err(|_| RtiError::TaxMonth {
            field: "the first month with no payment",
            given: n.from_month,
        })?;
    Ok((from, last.last_day(year)))
}

fn write_recoverable(
    w: &mut super::xml::XmlWriter,
    r: &RecoverableAmounts,
) -> Result<(), RtiError> {
    if !(1..=12).contains(&r.tax_month) {
        return Err(RtiError::TaxMonth {
            field: "the tax month of the amounts recovered",
            given: r.tax_month,
        });
    }
    // Every recovered amount is 0.00 to 99,999,999.99.
    let amount = |field: &'static str, pence: Pence| {
        checked(pence, Limits::non_negative_to(9_999_999_999)).map_err(|problem| {
            RtiError::EpsAmount {
                field,
                amount: super::pounds(pence),
                problem,
            }
        })
    };
    let kinds = [
        ("SMPRecovered", "NICCompensationOnSMP", "SMP", r.maternity),
        ("SPPRecovered", "NICCompensationOnSPP", "SPP", r.paternity),
        ("SAPRecovered", "NICCompensationOnSAP", "SAP", r.adoption),
        (
            "ShPPRecovered",
            "NICCompensationOnShPP",
            "ShPP",
            r.shared_parental,
        ),
        (
            "SPBPRecovered",
            "NICCompensationOnSPBP",
            "SPBP",
            r.parental_bereavement,
        ),
        (
            "SNCPRecovered",
            "NICCompensationOnSNCP",
            "SNCP",
            r.neonatal_care,
        ),
    ];
    w.element("RecoverableAmountsYTD", &[], |w| {
        w.leaf("TaxMonth", &r.tax_month.to_string());
        // The schema lists every amount recovered, then every NIC
        // compensation, each in the same order.
        for (element, _, field, value) in kinds {
            if let Some(v) = value {
                w.leaf(element, &amount(field, v.recovered)?);
            }
        }
        for (_, element, field, value) in kinds {
            if let Some(v) = value
                && v.nic_compensation != 0
            {
                w.leaf(element, &amount(field, v.nic_compensation)?);
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_payment_months_become_dates() {
        let y = TaxYear::Y2025_26;
        let dates = |a, b| {
            no_payment_dates(
                y,
                NoPaymentPeriod {
                    from_month: a,
                    to_month: b,
                },
            )
            .map(|(f, t)| (f.to_string(), t.to_string()))
        };
        assert_eq!(
            dates(1, 1).unwrap(),
            ("2025-04-06".into(), "2025-05-05".into())
        );
        assert_eq!(
            dates(9, 12).unwrap(),
            ("2025-12-06".into(), "2026-04-05".into())
        );
        assert!(dates(0, 1).is_err());
        assert!(dates(3, 2).is_err());
        assert!(dates(12, 13).is_err());
    }
}
