//! Class 1 National Insurance per pay period, by category letter, with
//! HMRC's exact percentage method and its rounding.

use crate::money::{self, Overflow, Pence};
use crate::period::Frequency;
use crate::tax_year::{NiThresholds, TaxYear};

/// The category letters a care co-operative's PAs can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NiCategory {
    A,
    B,
    C,
    H,
    J,
    M,
    V,
    X,
    Z,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("NI category must be one of A, B, C, H, J, M, V, X, Z; \"{0}\" is not one Cylch handles")]
pub struct UnknownCategory(pub String);

impl NiCategory {
    pub const ALL: [NiCategory; 9] = [
        Self::A,
        Self::B,
        Self::C,
        Self::H,
        Self::J,
        Self::M,
        Self::V,
        Self::X,
        Self::Z,
    ];

    pub fn parse(text: &str) -> Result<Self, UnknownCategory> {
        Ok(match text {
            "A" => Self::A,
            "B" => Self::B,
            "C" => Self::C,
            "H" => Self::H,
            "J" => Self::J,
            "M" => Self::M,
            "V" => Self::V,
            "X" => Self::X,
            "Z" => Self::Z,
            other => return Err(UnknownCategory(other.to_owned())),
        })
    }

    /// Employer pays nothing up to the UST, AUST or VUST.
    fn employer_relief_to_ust(self) -> bool {
        matches!(self, Self::H | Self::M | Self::V | Self::Z)
    }
}

/// Thresholds for one pay period. Weekly and monthly as HMRC publishes
/// them; two- and four-weekly from the yearly figure ÷ 52 × weeks rounded
/// up to the pound, the LEL as the weekly LEL × weeks (reg. 11, NIM01206).
pub fn period_thresholds(year: TaxYear, frequency: Frequency) -> NiThresholds {
    let data = year.data();
    match frequency {
        Frequency::Weekly => data.ni_weekly,
        Frequency::Monthly => data.ni_monthly,
        Frequency::TwoWeekly | Frequency::FourWeekly => {
            let weeks = frequency.weeks().unwrap_or(1);
            let derive = |annual: Pence| -> Pence {
                let pounds = money::div_ceil(i128::from(annual / 100 * weeks), 52);
                pounds as Pence * 100
            };
            let a = data.ni_annual;
            NiThresholds {
                lel: data.ni_weekly.lel * weeks,
                pt: derive(a.pt),
                st: derive(a.st),
                uel: derive(a.uel),
                ust: derive(a.ust),
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct NiResult {
    pub employee: Pence,
    pub employer: Pence,
}

/// One band's product, truncated to 4 decimal places of a pound (hundredths
/// of a penny).
fn band_product(earnings_in_band: Pence, rate_bp: i64) -> i128 {
    // pence × basis points is in millionths of a pound; /100 truncates.
    money::div_floor(i128::from(earnings_in_band) * i128::from(rate_bp), 100)
}

/// Sum of band products rounded to the penny, a half penny or less
/// disregarded.
fn round_sum(hundredths_of_penny: i128) -> Result<Pence, Overflow> {
    money::to_pence(money::div_round_half_down(hundredths_of_penny, 100))
}

fn slice(pay: Pence, from: Pence, to: Option<Pence>) -> Pence {
    let top = to.map_or(pay, |t| pay.min(t));
    (top - from).max(0)
}

/// Employee and employer contributions on this period's NI-able pay.
pub fn calculate(
    year: TaxYear,
    frequency: Frequency,
    category: NiCategory,
    pay: Pence,
) -> Result<NiResult, Overflow> {
    let t = period_thresholds(year, frequency);
    let rates = year.data().ni_rates;
    let pay = pay.max(0);

    let main_rate = match category {
        NiCategory::A | NiCategory::H | NiCategory::M | NiCategory::V => {
            Some(rates.employee_main_bp)
        }
        NiCategory::B => Some(rates.employee_reduced_bp),
        NiCategory::J | NiCategory::Z => Some(rates.employee_deferred_bp),
        NiCategory::C | NiCategory::X => None,
    };
    let employee = match main_rate {
        Some(rate) => round_sum(
            band_product(slice(pay, t.pt, Some(t.uel)), rate)
                + band_product(slice(pay, t.uel, None), rates.employee_upper_bp),
        )?,
        None => 0,
    };

    let employer = match category {
        NiCategory::X => 0,
        c if c.employer_relief_to_ust() => {
            // 0% from ST to UST is still a band; only pay above the UST costs.
            round_sum(band_product(slice(pay, t.ust, None), rates.employer_bp))?
        }
        _ => round_sum(band_product(slice(pay, t.st, None), rates.employer_bp))?,
    };
    Ok(NiResult { employee, employer })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_thresholds_match_the_contract() {
        // payroll-contract.md: 2025-26 two-weekly PT £484, ST £193, UEL £1,934;
        // four-weekly PT £967, ST £385, UEL £3,867.
        let two = period_thresholds(TaxYear::Y2025_26, Frequency::TwoWeekly);
        assert_eq!(
            (two.pt, two.st, two.uel, two.lel),
            (48_400, 19_300, 193_400, 25_000)
        );
        let four = period_thresholds(TaxYear::Y2025_26, Frequency::FourWeekly);
        assert_eq!(
            (four.pt, four.st, four.uel, four.lel),
            (96_700, 38_500, 386_700, 50_000)
        );
    }

    #[test]
    fn worked_example_one() {
        // payroll.md example 1: £1,800 monthly, category A.
        let r = calculate(
            TaxYear::Y2025_26,
            Frequency::Monthly,
            NiCategory::A,
            180_000,
        )
        .unwrap();
        assert_eq!(
            r,
            NiResult {
                employee: 6_016,
                employer: 20_745
            }
        );
    }
}
