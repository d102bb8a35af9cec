//! Income tax under PAYE, following HMRC's "Specification for PAYE Tax
//! Table Routines": free pay (or K-code additional pay) from the code
//! number, taxable pay to date rounded down to the pound, bands pro-rated
//! to the period, tax rounded down to the penny, and the regulatory
//! (overriding) limit of 50% of the period's pay.
//!
//! Two points where HMRC's published test data decides against a looser
//! reading (see `tests/payroll/hmrc_test_data.rs`):
//! - the band a taxable pay falls in is chosen by comparing the *unrounded*
//!   taxable pay to date with each pro-rated band limit rounded *up* to the
//!   pound (the spec's "C values"); the tax is then priced on the exact
//!   limits. So £2,649.00 against a limit of £2,648.75 is still taxed
//!   wholly at the lower rate;
//! - the 50% limit applies to every code with a tax deduction, not only K
//!   codes, so a cumulative catch-up (after NT, say) is spread too.

use crate::money::{self, Overflow, Pence};
use crate::period::{Frequency, Period};
use crate::tax_code::{CodeKind, Regime, TaxCode};
use crate::tax_year::{TaxSchedule, TaxYear};

/// Pay adjustment of one 500 block of code number for one week or month:
/// £5,000 ÷ 52 and ÷ 12, rounded up to the penny, as in Tables A.
const BLOCK_WEEKLY: Pence = 9_616;
const BLOCK_MONTHLY: Pence = 41_667;

/// The pay adjustment (free pay, or additional pay for a K code) for one
/// week or one month for a code number.
pub fn pay_adjustment_per_unit(number: u32, frequency: Frequency) -> Pence {
    if number == 0 {
        return 0;
    }
    let n = i64::from(number);
    // Exact multiples of 500 keep a full 500 remainder: 1000 = 500 + 500.
    let blocks = (n - 1) / 500;
    let remainder = n - 500 * blocks;
    let annual_remainder = (remainder * 10 + 9) * 100;
    let (block, units) = match frequency {
        Frequency::Monthly => (BLOCK_MONTHLY, 12),
        _ => (BLOCK_WEEKLY, 52),
    };
    let per_unit = money::div_ceil(i128::from(annual_remainder), units) as Pence;
    blocks * block + per_unit
}

/// Pay adjustment to date: one unit's figure (rounded first) times the
/// number of weeks or months, as HMRC's tax table routine orders.
pub fn pay_adjustment(number: u32, frequency: Frequency, units: i64) -> Result<Pence, Overflow> {
    pay_adjustment_per_unit(number, frequency)
        .checked_mul(units)
        .ok_or(Overflow)
}

/// Everything PAYE needs about one payment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PayeInput {
    pub year: TaxYear,
    pub period: Period,
    pub code: TaxCode,
    /// Week 1/month 1 basis chosen outside the code (the FPS indicator).
    pub week1_month1: bool,
    /// This period's pay subject to tax (gross less net-pay pension).
    pub taxable_pay: Pence,
    pub taxable_pay_to_date_before: Pence,
    pub tax_to_date_before: Pence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Cumulative,
    /// Week 1/month 1, by the code or the indicator.
    NonCumulative,
    /// Week 53, 54 or 56: non-cumulative by law, whatever the code says.
    ExtraWeek,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PayeResult {
    /// Tax this period; negative is a refund.
    pub tax: Pence,
    pub taxable_pay_to_date: Pence,
    pub tax_to_date: Pence,
    pub basis: Basis,
    /// The K-code limit cut this period's tax; the rest is carried forward
    /// by the cumulative calculation.
    pub overriding_limit_applied: bool,
}

/// Tax due on unrounded taxable pay (to date, or this period), with each
/// band scaled by `units / units_per_year`, following the spec's tax
/// formulae: the band is the first whose limit, rounded up to the pound,
/// is not below the unrounded pay; the tax is the lower bands in full at
/// their exact pro-rated limits plus the chosen band's rate on the pay
/// rounded down to the pound above the previous exact limit; the total is
/// rounded down to the penny.
pub fn tax_on_bands(
    taxable: Pence,
    schedule: &TaxSchedule,
    units: i64,
    units_per_year: i64,
) -> Result<Pence, Overflow> {
    if taxable <= 0 {
        return Ok(0);
    }
    let per_year = i128::from(units_per_year);
    // Amounts are multiplied by `units_per_year` so pro-rated limits are
    // whole numbers.
    let unrounded = i128::from(taxable) * per_year;
    let whole_pounds = i128::from(money::floor_to_pound(taxable)) * per_year;
    let mut lower: i128 = 0;
    let mut total: i128 = 0;
    for band in schedule.bands {
        let Some(upper_annual) = band.upper_pence else {
            total += (whole_pounds - lower) * i128::from(band.rate_bp);
            break;
        };
        let upper = i128::from(upper_annual) * i128::from(units);
        // The "C value": the limit to date rounded up to the whole pound.
        let c_value = money::div_ceil(upper, per_year * 100) * 100 * per_year;
        if unrounded <= c_value {
            total += (whole_pounds - lower) * i128::from(band.rate_bp);
            break;
        }
        total += (upper - lower) * i128::from(band.rate_bp);
        lower = upper;
    }
    money::to_pence(money::div_floor(total, per_year * 10_000))
}

pub fn schedule(year: TaxYear, regime: Regime) -> &'static TaxSchedule {
    let data = year.data();
    match regime {
        Regime::RestOfUk => &data.rest_of_uk,
        Regime::Wales => &data.wales,
        Regime::Scotland => &data.scotland,
    }
}

/// Tax due on `pay` (to date, or this period) for `units` weeks or months.
fn tax_due(
    code: TaxCode,
    schedule: &TaxSchedule,
    pay: Pence,
    frequency: Frequency,
    units: i64,
) -> Result<Pence, Overflow> {
    let flat = |rate_bp: i64| -> Result<Pence, Overflow> {
        let pounds = money::floor_to_pound(pay.max(0));
        money::to_pence(money::div_floor(
            i128::from(pounds) * i128::from(rate_bp),
            10_000,
        ))
    };
    match code.kind {
        CodeKind::NoTax => Ok(0),
        CodeKind::BasicRate => flat(schedule.basic_rate_bp),
        CodeKind::Flat { index } => {
            let rate = schedule
                .d_code_rates_bp
                .get(usize::from(index))
                .copied()
                .ok_or(Overflow)?;
            flat(rate)
        }
        CodeKind::Allowance { number, .. } => {
            let free = pay_adjustment(number, frequency, units)?;
            tax_on_bands(
                money::sub(pay, free)?,
                schedule,
                units,
                frequency.units_per_year(),
            )
        }
        CodeKind::K { number } => {
            let extra = pay_adjustment(number, frequency, units)?;
            tax_on_bands(
                money::add(pay, extra)?,
                schedule,
                units,
                frequency.units_per_year(),
            )
        }
    }
}

/// Computes this period's tax with the year's schedule for the code's
/// regime.
pub fn calculate(input: &PayeInput) -> Result<PayeResult, Overflow> {
    calculate_with(input, schedule(input.year, input.code.regime))
}

/// Computes this period's tax with the given schedule (the routine itself,
/// independent of which year's figures it runs on).
pub fn calculate_with(input: &PayeInput, schedule: &TaxSchedule) -> Result<PayeResult, Overflow> {
    let frequency = input.period.frequency();
    let basis = if input.period.is_extra_week() {
        Basis::ExtraWeek
    } else if input.week1_month1 || input.code.non_cumulative {
        Basis::NonCumulative
    } else {
        Basis::Cumulative
    };
    let taxable_pay_to_date = money::add(input.taxable_pay_to_date_before, input.taxable_pay)?;

    let mut tax = match basis {
        // Cumulative NT too: nothing is due to date, so tax already
        // deducted this year comes back (HMRC test data, code NT test 3).
        Basis::Cumulative => money::sub(
            tax_due(
                input.code,
                schedule,
                taxable_pay_to_date,
                frequency,
                input.period.number(),
            )?,
            input.tax_to_date_before,
        )?,
        Basis::NonCumulative | Basis::ExtraWeek => tax_due(
            input.code,
            schedule,
            input.taxable_pay,
            frequency,
            frequency.units_per_period(),
        )?,
    };

    // The regulatory limit: never more than half of this period's pay
    // (after net-pay pension); what is not collected now is collected later
    // by the cumulative calculation.
    let limit = money::div_floor(i128::from(input.taxable_pay.max(0)), 2) as Pence;
    let overriding_limit_applied = tax > limit;
    if overriding_limit_applied {
        tax = limit;
    }

    Ok(PayeResult {
        tax,
        taxable_pay_to_date,
        tax_to_date: money::add(input.tax_to_date_before, tax)?,
        basis,
        overriding_limit_applied,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_pay_matches_tables_a() {
        // payroll.md and HMRC Tables A: 1257L month 1 £1,048.26, week 1
        // £241.92; 510L week 8 £786.08.
        assert_eq!(
            pay_adjustment(1257, Frequency::Monthly, 1).unwrap(),
            104_826
        );
        assert_eq!(
            pay_adjustment(1257, Frequency::Monthly, 2).unwrap(),
            209_652
        );
        assert_eq!(
            pay_adjustment(1257, Frequency::Monthly, 3).unwrap(),
            314_478
        );
        assert_eq!(pay_adjustment(1257, Frequency::Weekly, 1).unwrap(), 24_192);
        assert_eq!(pay_adjustment(510, Frequency::Weekly, 8).unwrap(), 78_608);
        assert_eq!(pay_adjustment(0, Frequency::Weekly, 8).unwrap(), 0);
        // 1000 = 500 + 500: two blocks' worth, not one block and nothing.
        assert_eq!(
            pay_adjustment_per_unit(1000, Frequency::Monthly),
            41_667 + money::div_ceil(500_900, 12) as Pence
        );
    }
}
