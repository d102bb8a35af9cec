//! Invariants of the engine, checked with proptest.

use cylch_payroll::money::{Percent, floor_to_pound};
use cylch_payroll::paye::{self, tax_on_bands};
use cylch_payroll::pension::{Arrangement, ContributionBasis, PensionScheme};
use cylch_payroll::tax_code::{CodeKind, TaxCode};
use cylch_payroll::{Date, Frequency, NiCategory, PayInput, Period, TaxYear, calculate, ni};
use proptest::prelude::*;

fn years() -> impl Strategy<Value = TaxYear> {
    prop::sample::select(TaxYear::ALL.to_vec())
}

fn frequencies() -> impl Strategy<Value = Frequency> {
    prop::sample::select(vec![
        Frequency::Weekly,
        Frequency::TwoWeekly,
        Frequency::FourWeekly,
        Frequency::Monthly,
    ])
}

fn letters() -> impl Strategy<Value = NiCategory> {
    prop::sample::select(NiCategory::ALL.to_vec())
}

fn prefixes() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", "C", "S"])
}

/// Any valid period for the frequency, extra weeks included.
fn period_for(frequency: Frequency, pick: i64) -> Period {
    let number = match frequency {
        Frequency::Weekly => 1 + pick % 53,
        Frequency::TwoWeekly => 2 * (1 + pick % 27),
        Frequency::FourWeekly => 4 * (1 + pick % 14),
        Frequency::Monthly => 1 + pick % 12,
    };
    Period::new(frequency, number).unwrap()
}

fn input(year: TaxYear, period: Period, code: TaxCode, gross: i64) -> PayInput {
    PayInput {
        year,
        period,
        code,
        week1_month1: false,
        category: NiCategory::A,
        gross,
        pension: None,
        taxable_pay_to_date: 0,
        tax_to_date: 0,
        employment_allowance_left: 0,
        date_of_birth: None,
        hourly_rate: None,
        hours_worked: None,
        pay_date: period.last_day(year),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Over a whole year at a steady wage, cumulative PAYE adds up to the
    /// annual liability on the code's allowance, within HMRC's rounding:
    /// period free pay is rounded up before multiplying (a few pence a
    /// year per block of 500), and taxable pay is rounded down to the pound.
    #[test]
    fn cumulative_year_equals_annual_liability(
        year in years(),
        frequency in frequencies(),
        prefix in prefixes(),
        number in 0u32..1_600,
        k in any::<bool>(),
        per_period in 0i64..2_000_000,
    ) {
        let code_text = match (k, number) {
            (true, 0) | (false, 0) => format!("{prefix}0T"),
            (true, n) => format!("{prefix}K{n}"),
            (false, n) => format!("{prefix}{n}L"),
        };
        let code = TaxCode::parse(&code_text).unwrap();
        let step = frequency.units_per_period();
        let last = frequency.units_per_year();
        let (mut pay, mut tax, mut limited) = (0i64, 0i64, false);
        let mut unit = step;
        while unit <= last {
            let mut i = input(year, Period::new(frequency, unit).unwrap(), code, per_period);
            i.taxable_pay_to_date = pay;
            i.tax_to_date = tax;
            let slip = calculate(&i).unwrap();
            limited |= slip.notes.iter().any(|n| n == "overriding limit applied");
            pay = slip.taxable_pay_to_date;
            tax = slip.tax_to_date;
            unit += step;
        }
        prop_assume!(!limited);
        let allowance = if number == 0 { 0 } else { (i64::from(number) * 10 + 9) * 100 };
        let annual_taxable = if k { pay + allowance } else { pay - allowance };
        let schedule = paye::schedule(year, code.regime);
        let liability = tax_on_bands(floor_to_pound(annual_taxable), schedule, 1, 1).unwrap();
        let free_to_date = paye::pay_adjustment(number, frequency, last).unwrap();
        let drift = (free_to_date - allowance).abs();
        // Top rate 48%: the pay adjustment drift plus a pound of rounding.
        let tolerance = (drift + 100) * 48 / 100 + 1;
        prop_assert!((tax - liability).abs() <= tolerance,
            "{code_text} {frequency:?} {per_period}: paid {tax}, liability {liability}, tolerance {tolerance}");
    }

    /// A week 1/month 1 code never depends on earlier periods.
    #[test]
    fn week1_month1_ignores_earlier_periods(
        year in years(),
        frequency in frequencies(),
        pick in 0i64..100,
        prefix in prefixes(),
        form in 0usize..5,
        number in 1u32..2_000,
        gross in 0i64..5_000_000,
        earlier_pay in 0i64..100_000_000,
        earlier_tax in -1_000_000i64..50_000_000,
        by_flag in any::<bool>(),
    ) {
        let body = match form {
            0 => format!("{number}L"),
            1 => format!("K{number}"),
            2 => "BR".to_owned(),
            3 => "0T".to_owned(),
            _ => "D1".to_owned(),
        };
        let text = if by_flag { format!("{prefix}{body}") } else { format!("{prefix}{body} W1") };
        let code = TaxCode::parse(&text).unwrap();
        let period = period_for(frequency, pick);
        let mut fresh = input(year, period, code, gross);
        fresh.week1_month1 = by_flag;
        let mut later = fresh;
        later.taxable_pay_to_date = earlier_pay;
        later.tax_to_date = earlier_tax;
        let a = calculate(&fresh).unwrap();
        let b = calculate(&later).unwrap();
        prop_assert_eq!(a.tax, b.tax);
        prop_assert_eq!(b.tax_to_date, earlier_tax + b.tax);
        prop_assert_eq!(b.taxable_pay_to_date, earlier_pay + b.taxable_pay);
    }

    /// NI is never negative, for any letter, frequency, year and pay, and
    /// never falls as pay rises.
    #[test]
    fn ni_never_negative_and_monotone(
        year in years(),
        frequency in frequencies(),
        letter in letters(),
        pay in 0i64..2_000_000_000,
        more in 0i64..1_000_000,
    ) {
        let a = ni::calculate(year, frequency, letter, pay).unwrap();
        let b = ni::calculate(year, frequency, letter, pay + more).unwrap();
        prop_assert!(a.employee >= 0 && a.employer >= 0);
        prop_assert!(b.employee >= a.employee && b.employer >= a.employer);
    }

    /// For every code form and pay, on either basis, with or without a net
    /// pay pension, tax in the period is at most half of the period's pay
    /// (docs/payroll-contract.md, "Overriding limit, every code").
    #[test]
    fn overriding_limit_holds_for_every_code(
        year in years(),
        frequency in frequencies(),
        pick in 0i64..100,
        prefix in prefixes(),
        form in 0usize..8,
        number in 1u32..10_000,
        gross in 0i64..10_000_000,
        earlier_pay in 0i64..50_000_000,
        earlier_tax in -500_000i64..5_000_000,
        w1 in any::<bool>(),
        pension in any::<bool>(),
    ) {
        let body = match form {
            0 => format!("K{number}"),
            1 => format!("{number}L"),
            2 => format!("{number}T"),
            3 => "BR".to_owned(),
            4 => "0T".to_owned(),
            5 => "D0".to_owned(),
            6 => "D1".to_owned(),
            _ => "NT".to_owned(),
        };
        // SNT and CNT are not codes.
        prop_assume!(body != "NT" || prefix.is_empty());
        let code = TaxCode::parse(&format!("{prefix}{body}")).unwrap();
        prop_assert_eq!(form == 0, matches!(code.kind, CodeKind::K { .. }));
        let mut i = input(year, period_for(frequency, pick), code, gross);
        i.week1_month1 = w1;
        i.taxable_pay_to_date = earlier_pay;
        i.tax_to_date = earlier_tax;
        if pension {
            i.pension = Some(PensionScheme {
                arrangement: Arrangement::NetPay,
                basis: ContributionBasis::AllPay,
                employee: Percent::parse("6").unwrap(),
                employer: Percent::parse("3").unwrap(),
                enrolled: true,
            });
        }
        let slip = calculate(&i).unwrap();
        prop_assert!(slip.tax <= slip.taxable_pay / 2, "{} > half of {}", slip.tax, slip.taxable_pay);
        // When the limit cuts the tax, the tax is exactly the limit: half
        // the period's pay less net-pay pension, rounded down to the penny.
        if slip.notes.iter().any(|n| n == "overriding limit applied") {
            prop_assert_eq!(slip.tax, slip.taxable_pay / 2);
        }
        prop_assert_eq!(slip.net_pay,
            gross - slip.tax - slip.employee_ni - slip.employee_pension);
    }

    /// On the cumulative basis the limit only defers tax: whatever was
    /// deducted before, tax to date after this period is the tax due to
    /// date (what a large enough pay would take) or falls short of it by
    /// exactly what the limit held back, and a refund is never limited.
    #[test]
    fn overriding_limit_defers_cumulative_tax(
        year in years(),
        frequency in frequencies(),
        pick in 0i64..100,
        prefix in prefixes(),
        form in 0usize..6,
        number in 1u32..2_000,
        gross in 0i64..1_000_000,
        earlier_pay in 0i64..50_000_000,
        earlier_tax in -500_000i64..500_000,
    ) {
        let body = match form {
            0 => format!("{number}L"),
            1 => "BR".to_owned(),
            2 => "0T".to_owned(),
            3 => "D0".to_owned(),
            4 => format!("K{number}"),
            _ => "NT".to_owned(),
        };
        prop_assume!(body != "NT" || prefix.is_empty());
        let code = TaxCode::parse(&format!("{prefix}{body}")).unwrap();
        let period = period_for(frequency, pick);
        prop_assume!(!period.is_extra_week());
        let mut i = input(year, period, code, gross);
        i.taxable_pay_to_date = earlier_pay;
        i.tax_to_date = earlier_tax;
        let slip = calculate(&i).unwrap();
        let limited = slip.notes.iter().any(|n| n == "overriding limit applied");
        // The tax due to date, free of the limit: the same figures with
        // everything already deducted makes the period's own tax nil or a
        // refund, which the limit never touches.
        let mut unlimited = i;
        unlimited.tax_to_date = i64::MAX / 4;
        let due = calculate(&unlimited).unwrap();
        let due_to_date = due.tax_to_date;
        if limited {
            prop_assert_eq!(slip.tax, slip.taxable_pay / 2);
            prop_assert!(slip.tax_to_date < due_to_date);
        } else {
            prop_assert_eq!(slip.tax_to_date, due_to_date);
        }
        if slip.tax < 0 {
            prop_assert!(!limited);
        }
    }

    /// Whatever the figures, the engine answers with a result or a typed
    /// error, never a panic or a wrapped-around amount.
    #[test]
    fn never_panics_on_extreme_amounts(
        year in years(),
        frequency in frequencies(),
        pick in 0i64..100,
        letter in letters(),
        number in 1u32..10_000,
        k in any::<bool>(),
        gross in any::<i64>(),
        earlier_pay in any::<i64>(),
        earlier_tax in any::<i64>(),
        allowance in any::<i64>(),
    ) {
        let code = TaxCode::parse(&if k { format!("K{number}") } else { format!("{number}L") }).unwrap();
        let mut i = input(year, period_for(frequency, pick), code, gross);
        i.category = letter;
        i.taxable_pay_to_date = earlier_pay;
        i.tax_to_date = earlier_tax;
        i.employment_allowance_left = allowance;
        i.pension = Some(PensionScheme {
            arrangement: Arrangement::NetPay,
            basis: ContributionBasis::AllPay,
            employee: Percent::parse("100").unwrap(),
            employer: Percent::parse("100").unwrap(),
            enrolled: true,
        });
        if let Ok(slip) = calculate(&i) {
            prop_assert!(slip.employee_ni >= 0 && slip.employer_ni >= 0);
        }
    }

    /// The to-date outputs are the inputs plus this period, on every basis.
    #[test]
    fn to_date_figures_add_up(
        year in years(),
        frequency in frequencies(),
        pick in 0i64..100,
        gross in 0i64..1_000_000,
        earlier_pay in 0i64..10_000_000,
        earlier_tax in -100_000i64..2_000_000,
    ) {
        let mut i = input(year, period_for(frequency, pick), TaxCode::parse("S1257L").unwrap(), gross);
        i.taxable_pay_to_date = earlier_pay;
        i.tax_to_date = earlier_tax;
        i.date_of_birth = Some(Date::new(1990, 1, 1).unwrap());
        let slip = calculate(&i).unwrap();
        prop_assert_eq!(slip.taxable_pay_to_date, earlier_pay + gross);
        prop_assert_eq!(slip.tax_to_date, earlier_tax + slip.tax);
    }
}
