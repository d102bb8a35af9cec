//! Class 1 National Insurance per pay period, by category letter, with
//! HMRC's exact percentage method and its rounding: each contribution is
//! the amount up to the UEL and the amount above it, each rounded to the
//! penny on its own by the third decimal place alone.

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

/// One band's contribution rounded to the penny as HMRC's NICs guidance
/// for software developers and its 2025-26 NIC test data round it: the
/// exact amount is cut after the third decimal place of a pound (tenths of
/// a penny), and that digit alone decides: 5 or less rounds down, 6 or more
/// up. So £0.0056 → £0.00, £0.0064 → £0.01, £26.825 → £26.82.
fn band_amount(earnings_in_band: Pence, rate_bp: i64) -> Result<Pence, Overflow> {
    // pence × basis points is in millionths of a pound; ÷ 1,000 gives
    // tenths of a penny, cut.
    let tenths = money::div_floor(i128::from(earnings_in_band) * i128::from(rate_bp), 1_000);
    money::to_pence(money::round_by_third_decimal(tenths))
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
    // Each contribution is two amounts rounded apart: earnings up to the
    // UEL and earnings above it (docs/payroll-contract.md, "Rounding in
    // NI").
    let employee = match main_rate {
        Some(rate) => money::add(
            band_amount(slice(pay, t.pt, Some(t.uel)), rate)?,
            band_amount(slice(pay, t.uel, None), rates.employee_upper_bp)?,
        )?,
        None => 0,
    };

    let employer = match category {
        NiCategory::X => 0,
        c => {
            // H, M, V and Z: 0% from the ST to the UST (AUST, VUST), which
            // equals the UEL in both years; only pay above it costs.
            let from = if c.employer_relief_to_ust() {
                t.ust
            } else {
                t.st
            };
            let upper = t.uel.max(from);
            money::add(
                band_amount(slice(pay, from, Some(upper)), rates.employer_bp)?,
                band_amount(slice(pay, upper, None), rates.employer_bp)?,
            )?
        }
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
    fn rounded_band_by_band_by_the_third_decimal() {
        let ni =
            |letter, frequency, pay| calculate(TaxYear::Y2025_26, frequency, letter, pay).unwrap();
        // HMRC 2025-26 NIC test data: weekly, A, £242.07: 7p × 8% =
        // £0.0056, third decimal 5: £0.00; £242.08: £0.0064 → £0.01.
        assert_eq!(ni(NiCategory::A, Frequency::Weekly, 24_207).employee, 0);
        assert_eq!(ni(NiCategory::A, Frequency::Weekly, 24_208).employee, 1);
        // Fortnightly, B, £1,934.05: £1,450 × 1.85% = £26.825 → £26.82,
        // and £0.05 × 2% = £0.001 → £0.00, rounded apart: £26.82.
        assert_eq!(
            ni(NiCategory::B, Frequency::TwoWeekly, 193_405).employee,
            2_682
        );
        // Employer on each side of the UEL: monthly £4,190.26, A:
        // £3,772 × 15% = £565.80 and £1.26 × 15% = £0.189 → £0.19.
        assert_eq!(
            ni(NiCategory::A, Frequency::Monthly, 419_026).employer,
            56_599
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
