//! Income tax under PAYE, following HMRC's "Specification for PAYE Tax
//! Table Routines" as HMRC's own test data shows it, with the readings
//! docs/payroll-contract.md fixes: free pay (or K-code additional pay) from
//! the code number; the band chosen with the unrounded taxable pay to date
//! against band limits to date rounded up to the pound, and the tax
//! computed on taxable pay to date rounded down to the pound against the
//! unrounded limits; tax rounded down to the penny; and, for every code,
//! the overriding limit of 50% of the period's pay.
//!
//! `tests/payroll/hmrc_test_data.rs` checks the routine against every case
//! of HMRC's PAYE test data for 2016-17 and 2025-26.

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
    /// The overriding limit cut this period's tax; on the cumulative basis
    /// the rest is collected later by the cumulative calculation.
    pub overriding_limit_applied: bool,
}

/// Tax due on taxable pay (to date, or this period), with each band scaled
/// by `units / units_per_year`, as HMRC's test data and
/// docs/payroll-contract.md ("Rounding in tax") fix it. `taxable` is the
/// taxable pay to date U, *not* rounded. Each band's limit to date c is the
/// annual limit × `units` ÷ `units_per_year`; the band is chosen with U
/// against each c rounded *up* to the whole pound (U at or below it stays
/// in that band); the tax is then the tax of the bands below, k, plus
/// (T − c of the band below) × the band's rate, where T is U rounded down
/// to the pound; neither c nor k is rounded; the total is rounded down to
/// the penny. So £3,142.00 against a limit of £3,141.66⅔ (rounded up:
/// £3,142) is all at the first rate, and £3,142.01 passes it.
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
    let unrounded = i128::from(taxable);
    // Amounts are multiplied by `units_per_year` so pro-rated limits are
    // whole numbers; tax is further multiplied by 10,000 (basis points).
    let whole_pounds = i128::from(money::floor_to_pound(taxable)) * per_year;
    let mut lower: i128 = 0;
    let mut below: i128 = 0;
    let mut rate: i128 = 0;
    for band in schedule.bands {
        rate = i128::from(band.rate_bp);
        let Some(annual) = band.upper_pence else {
            break;
        };
        let limit = i128::from(annual) * i128::from(units);
        // The limit to date rounded up to the whole pound, in pence.
        let rounded_up = money::div_ceil(limit, per_year * 100) * 100;
        if unrounded <= rounded_up {
            break;
        }
        below += (limit - lower) * rate;
        lower = limit;
    }
    // T is at least the rounded-up limit below, so never under `lower`.
    let total = below + (whole_pounds - lower) * rate;
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

    // The overriding limit, for every code since 6 April 2015 (PAYE
    // Regulations 2003 reg. 2(1) and regs. 23(5), 28(5), as amended by
    // SI 2014/2689): never more than half of this period's pay (after
    // net-pay pension), rounded down to the penny. It never reduces a
    // refund. On the cumulative basis what is not deducted now is
    // collected later by the cumulative calculation; on the
    // non-cumulative basis it is not.
    let limit = money::to_pence(money::div_floor(i128::from(input.taxable_pay.max(0)), 2))?;
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

    #[test]
    fn band_chosen_on_unrounded_pay_against_limits_rounded_up() {
        // 2025-26 rest of UK, month 1: basic rate limit £37,700 ÷ 12 =
        // £3,141.66⅔, rounded up to £3,142 to choose the band
        // (payroll-contract.md, "Rounding in tax"). £3,142.00 taxable does
        // not pass it: all at 20%, £628.40.
        let s = schedule(TaxYear::Y2025_26, Regime::RestOfUk);
        assert_eq!(tax_on_bands(314_200, s, 1, 12).unwrap(), 62_840);
        // £3,142.01 passes it: £3,141.66⅔ × 20% + (£3,142 − £3,141.66⅔) ×
        // 40% = £628.46⅔, rounded down £628.46. Past the band edge the pence
        // play no further part: £3,142.99 is taxed as £3,142.
        assert_eq!(tax_on_bands(314_201, s, 1, 12).unwrap(), 62_846);
        assert_eq!(tax_on_bands(314_299, s, 1, 12).unwrap(), 62_846);
        // £3,141.99 is £3,141 at 20%.
        assert_eq!(tax_on_bands(314_199, s, 1, 12).unwrap(), 62_820);
        assert_eq!(tax_on_bands(99, s, 1, 12).unwrap(), 0);
        assert_eq!(tax_on_bands(-500, s, 1, 12).unwrap(), 0);
        // A limit to date that is a whole pound already: month 12, £37,700.
        // £37,700.00 stays at 20%; £37,700.01 passes, with nothing of T
        // above the limit: still £7,540.
        assert_eq!(tax_on_bands(3_770_000, s, 12, 12).unwrap(), 754_000);
        assert_eq!(tax_on_bands(3_770_001, s, 12, 12).unwrap(), 754_000);
    }

    fn input(code: &str, taxable_pay: Pence, pay_before: Pence, tax_before: Pence) -> PayeInput {
        PayeInput {
            year: TaxYear::Y2025_26,
            period: Period::new(Frequency::Monthly, 6).unwrap(),
            code: TaxCode::parse(code).unwrap(),
            week1_month1: false,
            taxable_pay,
            taxable_pay_to_date_before: pay_before,
            tax_to_date_before: tax_before,
        }
    }

    #[test]
    fn overriding_limit_for_every_code() {
        // Month 6, £2,000 this month, £15,000 earlier, nothing deducted.
        // 1257L: free pay £6,289.56, taxable £10,710, band to date
        // £18,850: £2,142.00 due, capped at half of £2,000.
        let r = calculate(&input("1257L", 200_000, 1_500_000, 0)).unwrap();
        assert_eq!(r.tax, 100_000);
        assert!(r.overriding_limit_applied);
        // K475: additional pay 6 × (4759 ÷ 12 → £396.59) = £2,379.54,
        // taxable £19,379, tax due £3,770 + £529 × 40% = £3,981.60; capped
        // at half of £2,000. BR, D0 and 0T likewise, with any prefix.
        for code in [
            "K475", "CK475", "SK475", "BR", "SBR", "D0", "CD1", "SD3", "0T", "S1257L",
        ] {
            let r = calculate(&input(code, 200_000, 1_500_000, 0)).unwrap();
            assert_eq!(r.tax, 100_000, "{code}");
            assert!(r.overriding_limit_applied, "{code}");
            assert_eq!(r.tax_to_date, 100_000, "{code}");
        }
        // Half of an odd number of pence is rounded down to the penny.
        let r = calculate(&input("K475", 1, 1_500_000, 0)).unwrap();
        assert_eq!(r.tax, 0);
        assert!(r.overriding_limit_applied);
        // Under the limit nothing changes: on 1257L with £1,500 deducted
        // before, £2,142.00 − £1,500 = £642.00, under half of £2,000.
        let r = calculate(&input("1257L", 200_000, 1_500_000, 150_000)).unwrap();
        assert_eq!(r.tax, 64_200);
        assert!(!r.overriding_limit_applied);
        // A refund is never reduced: NT after £5,000 deducted.
        let r = calculate(&input("NT", 200_000, 1_500_000, 500_000)).unwrap();
        assert_eq!(r.tax, -500_000);
        assert!(!r.overriding_limit_applied);
    }
}
