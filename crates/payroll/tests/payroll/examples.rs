//! Worked examples and published figures. Each test names its source.

use cylch_payroll::contract::calc_json;
use cylch_payroll::paye::{pay_adjustment, tax_on_bands};
use cylch_payroll::tax_code::Regime;
use cylch_payroll::{Frequency, NiCategory, TaxYear, ni, paye};
use serde_json::{Value, json};

fn calc(input: Value) -> Value {
    let out = calc_json(&input.to_string());
    let v: Value = serde_json::from_str(&out.output).unwrap();
    assert_eq!(out.exit_status, 0, "{v}");
    v
}

fn pence(v: &Value, key: &str) -> i64 {
    v[key].as_i64().unwrap()
}

/// docs/payroll.md worked example 1 (HMRC method, hand calculation there):
/// monthly, 1257L, category A, month 1, £1,800: tax £150.20, employee NI
/// £60.16, employer NI £207.45, net £1,589.64.
#[test]
fn payroll_md_example_1() {
    for year in ["2025-26", "2026-27"] {
        let v = calc(
            json!({"tax_year": year, "frequency": "monthly", "period": 1,
            "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 180000}),
        );
        assert_eq!(pence(&v, "tax_pence"), 15_020);
        assert_eq!(pence(&v, "employee_ni_pence"), 6_016);
        assert_eq!(pence(&v, "employer_ni_pence"), 20_745);
        assert_eq!(pence(&v, "net_pay_pence"), 158_964);
        assert_eq!(pence(&v, "taxable_pay_pence"), 180_000);
        assert_eq!(pence(&v, "taxable_pay_to_date_pence"), 180_000);
        assert_eq!(pence(&v, "tax_to_date_pence"), 15_020);
    }
}

/// docs/payroll.md worked example 2: month 2, £1,800 again, £150.20 paid to
/// date: free pay to date £2,096.52, taxable £1,503, tax due to date
/// £300.60, so £150.40 this month.
#[test]
fn payroll_md_example_2() {
    let v = calc(
        json!({"tax_year": "2025-26", "frequency": "monthly", "period": 2,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 180000,
        "taxable_pay_to_date_pence": 180000, "tax_to_date_pence": 15020}),
    );
    assert_eq!(pence(&v, "tax_pence"), 15_040);
    assert_eq!(pence(&v, "tax_to_date_pence"), 30_060);
    assert_eq!(pence(&v, "taxable_pay_to_date_pence"), 360_000);
}

/// The contract's own example (Welsh code, 2026-27): Welsh rates equal the
/// rest of the UK's, so the figures are example 1's.
#[test]
fn contract_example_welsh() {
    let v = calc(
        json!({"tax_year": "2026-27", "frequency": "monthly", "period": 1,
        "tax_code": "C1257L", "ni_category": "A", "gross_pay_pence": 180000}),
    );
    assert_eq!(pence(&v, "tax_pence"), 15_020);
    assert_eq!(pence(&v, "net_pay_pence"), 158_964);
    assert_eq!(v["auto_enrolment"], Value::Null);
    assert_eq!(v["notes"], json!([]));
}

/// HMRC Tables A pay adjustments quoted in docs/payroll.md: 1257L month 1
/// £1,048.26, month 2 £2,096.52, month 3 £3,144.78; week 1 £241.92; 510L
/// week 8 £786.08 (the figure that shows round-then-multiply).
#[test]
fn tables_a_pay_adjustments() {
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
    // Tables A's box for each 500: £96.16 a week, £416.67 a month.
    // 500L itself: (5009 ÷ 52 → £96.33); 1000L is one box plus 500L.
    assert_eq!(pay_adjustment(500, Frequency::Weekly, 1).unwrap(), 9_633);
    assert_eq!(
        pay_adjustment(1000, Frequency::Weekly, 1).unwrap(),
        9_616 + 9_633
    );
}

/// HMRC "Rates and thresholds for employers" (both years) and
/// docs/payroll-contract.md (reg. 11, NIM01206) for derived periods.
#[test]
fn ni_period_thresholds() {
    for year in TaxYear::ALL {
        let w = ni::period_thresholds(year, Frequency::Weekly);
        assert_eq!((w.pt, w.st, w.uel), (24_200, 9_600, 96_700));
        let m = ni::period_thresholds(year, Frequency::Monthly);
        assert_eq!((m.pt, m.st, m.uel), (104_800, 41_700, 418_900));
        let two = ni::period_thresholds(year, Frequency::TwoWeekly);
        assert_eq!((two.pt, two.st, two.uel), (48_400, 19_300, 193_400));
        let four = ni::period_thresholds(year, Frequency::FourWeekly);
        assert_eq!((four.pt, four.st, four.uel), (96_700, 38_500, 386_700));
    }
    assert_eq!(
        ni::period_thresholds(TaxYear::Y2025_26, Frequency::Weekly).lel,
        12_500
    );
    assert_eq!(
        ni::period_thresholds(TaxYear::Y2025_26, Frequency::Monthly).lel,
        54_200
    );
    assert_eq!(
        ni::period_thresholds(TaxYear::Y2026_27, Frequency::Weekly).lel,
        12_900
    );
    assert_eq!(
        ni::period_thresholds(TaxYear::Y2026_27, Frequency::Monthly).lel,
        55_900
    );
}

/// Scottish tax on a year's taxable income, 2026-27, from the Scottish
/// Budget bands as Deloitte worked them for BBC News (13 January 2026):
/// £16,000 salary, £3,430 taxable: £651.70; £33,000 salary, £20,430
/// taxable: £4,081.07.
#[test]
fn scottish_2026_27_published_examples() {
    let s = paye::schedule(TaxYear::Y2026_27, Regime::Scotland);
    assert_eq!(tax_on_bands(343_000, s, 12, 12).unwrap(), 65_170);
    assert_eq!(tax_on_bands(2_043_000, s, 12, 12).unwrap(), 408_107);
    // The same through PAYE: month 12, S1257L, pay to date chosen so that
    // taxable pay to date is £20,430 after £12,579.12 free pay, and £3,581.07
    // paid before, so £500 is due this month.
    let v = calc(
        json!({"tax_year": "2026-27", "frequency": "monthly", "period": 12,
        "tax_code": "S1257L", "ni_category": "A", "gross_pay_pence": 275_000,
        "taxable_pay_to_date_pence": 3_300_912 - 275_000, "tax_to_date_pence": 358_107}),
    );
    assert_eq!(pence(&v, "tax_pence"), 50_000);
    assert_eq!(pence(&v, "tax_to_date_pence"), 408_107);
}

/// Rest-of-UK tax on £37,700 taxable (the whole basic rate band) is
/// £7,540, and on £50,000 taxable £12,460 (HMRC income tax rates:
/// 20% to £37,700, 40% above; hand calculation).
#[test]
fn rest_of_uk_annual_bands() {
    let s = paye::schedule(TaxYear::Y2025_26, Regime::RestOfUk);
    assert_eq!(tax_on_bands(3_770_000, s, 12, 12).unwrap(), 754_000);
    assert_eq!(tax_on_bands(5_000_000, s, 12, 12).unwrap(), 1_246_000);
    // Above £125,140 taxable at 45%: £7,540 + £34,976 + 45% of £14,860.
    assert_eq!(
        tax_on_bands(14_000_000, s, 52, 52).unwrap(),
        754_000 + 3_497_600 + 668_700
    );
}

/// Hand calculation following the specification step by step: a K code
/// whose tax would exceed half the pay is capped (the overriding limit),
/// and the shortfall is collected next month on the cumulative basis.
#[test]
fn k_code_overriding_limit_and_carry_forward() {
    // K1000, month 1, £400: additional pay £416.67 + (5009/12 → £417.42)
    // = £834.09; taxable £1,234 (rounded down); 20% = £246.80; limit 50%
    // of £400 = £200.00.
    let v = calc(
        json!({"tax_year": "2025-26", "frequency": "monthly", "period": 1,
        "tax_code": "K1000", "ni_category": "A", "gross_pay_pence": 40000}),
    );
    assert_eq!(pence(&v, "tax_pence"), 20_000);
    assert_eq!(v["notes"], json!(["overriding limit applied"]));
    // Month 2, £3,000: pay to date £3,400 + £1,668.18 = £5,068 taxable;
    // band to date £6,283.33, so £1,013.60 due; £200 paid: £813.60, under
    // the £1,500 limit.
    let v = calc(
        json!({"tax_year": "2025-26", "frequency": "monthly", "period": 2,
        "tax_code": "K1000", "ni_category": "A", "gross_pay_pence": 300000,
        "taxable_pay_to_date_pence": 40000, "tax_to_date_pence": 20000}),
    );
    assert_eq!(pence(&v, "tax_pence"), 81_360);
}

/// Hand calculation: week 53 on a weekly payroll is taxed week-1 style
/// whatever the code's basis (PAYE70015): 1257L, £500: free pay £241.92,
/// taxable £258, tax £51.60; the to-date figures still add up.
#[test]
fn week_53_is_non_cumulative() {
    let v = calc(
        json!({"tax_year": "2025-26", "frequency": "weekly", "period": 53,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 50000,
        "taxable_pay_to_date_pence": 2_600_000, "tax_to_date_pence": 268_000}),
    );
    assert_eq!(pence(&v, "tax_pence"), 5_160);
    assert_eq!(pence(&v, "tax_to_date_pence"), 273_160);
    assert_eq!(pence(&v, "taxable_pay_to_date_pence"), 2_650_000);
}

/// Hand calculation: a refund on the cumulative basis. Month 3, 1257L, no
/// pay this month after £1,800 in each of months 1 and 2 with £300.60 paid:
/// £3,600 less free pay to date £3,144.78 leaves £455 taxable, due £91.00,
/// so £209.60 comes back.
#[test]
fn cumulative_refund() {
    let v = calc(
        json!({"tax_year": "2026-27", "frequency": "monthly", "period": 3,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 0,
        "taxable_pay_to_date_pence": 360000, "tax_to_date_pence": 30060}),
    );
    assert_eq!(pence(&v, "tax_pence"), -20_960);
    assert_eq!(pence(&v, "net_pay_pence"), 20_960);
    assert_eq!(v["notes"], json!(["tax refund"]));
}

/// Hand calculation of the exact percentage method's rounding: category B
/// weekly £300: (£300 − £242) × 1.85% = £1.073 → £1.07; employer (£300 −
/// £96) × 15% = £30.60. Category M: no employer NI up to the UST; each
/// side of the UEL rounded on its own.
#[test]
fn ni_exact_percentages() {
    let r = ni::calculate(TaxYear::Y2025_26, Frequency::Weekly, NiCategory::B, 30_000).unwrap();
    assert_eq!((r.employee, r.employer), (107, 3_060));
    let r = ni::calculate(TaxYear::Y2025_26, Frequency::Weekly, NiCategory::M, 100_000).unwrap();
    // Employee 8% of £725 + 2% of £33 = £58.66; employer 15% of £33 = £4.95.
    assert_eq!((r.employee, r.employer), (5_866, 495));
    // The third decimal place of a pound alone decides (docs/payroll-
    // contract.md, "Rounding in NI"): B, £242.28 → 28p × 1.85% = £0.00518,
    // third decimal 5: £0.00 (HMRC's 2025-26 NIC test data has £242.31 and
    // £242.32 at £0.00 too); £242.33 → £0.0061…, 6: £0.01.
    let r = ni::calculate(TaxYear::Y2025_26, Frequency::Weekly, NiCategory::B, 24_228).unwrap();
    assert_eq!(r.employee, 0);
    let r = ni::calculate(TaxYear::Y2025_26, Frequency::Weekly, NiCategory::B, 24_232).unwrap();
    assert_eq!(r.employee, 0);
    let r = ni::calculate(TaxYear::Y2025_26, Frequency::Weekly, NiCategory::B, 24_233).unwrap();
    assert_eq!(r.employee, 1);
}

/// Employment Allowance is set against employer NI, never more than what
/// is left (docs/payroll-contract.md).
#[test]
fn employment_allowance() {
    let v = calc(
        json!({"tax_year": "2025-26", "frequency": "monthly", "period": 1,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 180000,
        "employment_allowance_left_pence": 10000}),
    );
    assert_eq!(pence(&v, "employment_allowance_used_pence"), 10_000);
    let v = calc(
        json!({"tax_year": "2025-26", "frequency": "monthly", "period": 1,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 180000,
        "employment_allowance_left_pence": 1_050_000}),
    );
    assert_eq!(pence(&v, "employment_allowance_used_pence"), 20_745);
}

/// The Pensions Regulator's example method, hand calculation: monthly
/// £1,800 on qualifying earnings (£520 to £4,189): £1,280 × 5% = £64.00,
/// relief at source deducts £51.20; employer 3% = £38.40. Under net pay the
/// £64 comes off before tax: taxable £1,736, tax £137.40.
#[test]
fn pension_contributions() {
    let base = json!({"tax_year": "2025-26", "frequency": "monthly", "period": 1,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 180000,
        "date_of_birth": "1990-07-14"});
    let mut ras = base.clone();
    ras["pension"] = json!({"arrangement": "relief_at_source", "basis": "qualifying_earnings",
        "employee_percent": "5", "employer_percent": "3", "enrolled": true});
    let v = calc(ras);
    assert_eq!(pence(&v, "employee_pension_pence"), 5_120);
    assert_eq!(pence(&v, "employer_pension_pence"), 3_840);
    assert_eq!(pence(&v, "tax_pence"), 15_020);
    assert_eq!(pence(&v, "net_pay_pence"), 180_000 - 15_020 - 6_016 - 5_120);
    assert_eq!(v["auto_enrolment"], json!("eligible_jobholder"));
    let mut net = base;
    net["pension"] = json!({"arrangement": "net_pay", "basis": "qualifying_earnings",
        "employee_percent": "5", "employer_percent": "3", "enrolled": true});
    let v = calc(net);
    assert_eq!(pence(&v, "taxable_pay_pence"), 173_600);
    assert_eq!(pence(&v, "tax_pence"), 13_740);
    assert_eq!(pence(&v, "employee_pension_pence"), 6_400);
    assert_eq!(pence(&v, "employee_ni_pence"), 6_016);
}

/// Auto-enrolment categories from The Pensions Regulator's assessment
/// rules with the per-period figures of payroll.md (monthly trigger £833,
/// lower limit £520).
#[test]
fn auto_enrolment_categories() {
    let cat = |born: &str, gross: i64| {
        calc(
            json!({"tax_year": "2026-27", "frequency": "monthly", "period": 6,
            "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": gross,
            "date_of_birth": born}),
        )["auto_enrolment"]
            .clone()
    };
    assert_eq!(cat("1990-01-01", 83_301), json!("eligible_jobholder"));
    assert_eq!(cat("1990-01-01", 83_300), json!("non_eligible_jobholder"));
    assert_eq!(cat("1990-01-01", 52_001), json!("non_eligible_jobholder"));
    assert_eq!(cat("1990-01-01", 52_000), json!("entitled_worker"));
    // 21 on the pay date (5 October 2026): not eligible, however paid.
    assert_eq!(cat("2005-01-01", 300_000), json!("non_eligible_jobholder"));
    // Over State Pension age (born 1959: 66) but under 75.
    assert_eq!(cat("1959-01-01", 300_000), json!("non_eligible_jobholder"));
    // Under 16 and 75 or over: no category.
    assert_eq!(cat("2011-01-01", 300_000), Value::Null);
    assert_eq!(cat("1951-01-01", 300_000), Value::Null);
}

/// National Minimum Wage rates (GOV.UK, from 1 April 2025 and 2026): a rate
/// below the minimum for the age on the pay date is an error on
/// hourly_rate_pence; rates change on 1 April, inside tax year 2025-26.
#[test]
fn minimum_wage_checks() {
    let run = |rate: i64, born: &str, pay_date: &str| {
        calc_json(
            &json!({"tax_year": "2025-26", "frequency": "weekly", "period": 52,
            "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 40000,
            "hourly_rate_pence": rate, "hours_worked": "32.5", "date_of_birth": born,
            "pay_date": pay_date})
            .to_string(),
        )
    };
    assert_eq!(run(1_221, "1990-01-01", "2026-03-31").exit_status, 0);
    let late = run(1_221, "1990-01-01", "2026-04-01");
    assert_eq!(late.exit_status, 2);
    let v: Value = serde_json::from_str(&late.output).unwrap();
    assert_eq!(v["error"]["field"], json!("hourly_rate_pence"));
    assert_eq!(run(1_000, "2006-06-01", "2025-06-01").exit_status, 0);
    assert_eq!(run(999, "2006-06-01", "2025-06-01").exit_status, 2);
    assert_eq!(run(755, "2009-01-01", "2025-06-01").exit_status, 0);
    assert_eq!(run(100, "2011-01-01", "2025-06-01").exit_status, 0);
}

/// The band edge as docs/payroll-contract.md fixes it ("Rounding in tax",
/// HMRC's test data) and docs/payroll.md worked example 3, 2026-27 (the
/// same figures in 2025-26): month 1, 1257L, free pay £1,048.26; basic
/// rate limit £37,700 ÷ 12 = £3,141.66⅔, rounded up to £3,142 to choose
/// the band. £4,190.25 leaves U = £3,141.99, taxed as £3,141: £628.20.
/// £4,190.26 leaves U = £3,142.00, not above £3,142: all at 20%, £628.40.
/// £4,190.27 leaves £3,142.01, above it: £628.33⅓ + (£3,142 − £3,141.66⅔)
/// × 40% = £628.46⅔, so £628.46; £3,142.99 is taxed as £3,142 too. £3,143
/// adds 40p: £628.86. The pay is above the UEL (£4,189), so NI has two
/// amounts each, rounded apart: at £4,190.26 employee £3,141 × 8% =
/// £251.28 plus £1.26 × 2% = £0.0252 → £0.02, £251.30; employer £3,772 ×
/// 15% = £565.80 plus £1.26 × 15% = £0.189 → £0.19, £565.99.
#[test]
fn band_edge_follows_hmrc() {
    for year in ["2025-26", "2026-27"] {
        let run = |gross: i64| {
            calc(
                json!({"tax_year": year, "frequency": "monthly", "period": 1,
                "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": gross}),
            )
        };
        let tax = |gross: i64| pence(&run(gross), "tax_pence");
        assert_eq!(tax(419_025), 62_820);
        assert_eq!(tax(419_026), 62_840);
        assert_eq!(tax(419_027), 62_846);
        assert_eq!(tax(419_125), 62_846);
        assert_eq!(tax(419_126), 62_886);
        let v = run(419_026);
        assert_eq!(pence(&v, "employee_ni_pence"), 25_130);
        assert_eq!(pence(&v, "employer_ni_pence"), 56_599);
    }
}

/// The overriding limit applies to every code (docs/payroll-contract.md,
/// "Overriding limit, every code"; PAYE Regulations 2003 regs. 23(5),
/// 28(5) as amended by SI 2014/2689). Hand calculation, 2026-27, month 6,
/// £2,000 this month after £15,000 with nothing deducted (a PA moving from
/// NT): on 1257L, free pay 6 × £1,048.26 = £6,289.56, taxable £10,710.44
/// → £10,710, within the band to date (£18,850): £2,142.00 due, limited to
/// half of £2,000; the rest is collected in later months. On K475,
/// additional pay 6 × (4,759 ÷ 12 → £396.59) = £2,379.54, taxable
/// £19,379.54 → £19,379: £3,770 + £529 × 40% = £3,981.60 due, limited the
/// same. Month 7, £2,000 again, on 1257L: £19,000 − 7 × £1,048.26 =
/// £11,662.18 → £11,662, £2,332.40 due to date; less £1,000 deducted is
/// £1,332.40, limited again to £1,000.
#[test]
fn overriding_limit_for_every_code() {
    let month = |code: &str, period: i64, pay_before: i64, tax_before: i64| {
        calc(
            json!({"tax_year": "2026-27", "frequency": "monthly", "period": period,
            "tax_code": code, "ni_category": "A", "gross_pay_pence": 200_000,
            "taxable_pay_to_date_pence": pay_before, "tax_to_date_pence": tax_before}),
        )
    };
    for code in ["1257L", "K475", "BR", "0T", "D0", "S1257L", "C1257L"] {
        let v = month(code, 6, 1_500_000, 0);
        assert_eq!(pence(&v, "tax_pence"), 100_000, "{code}");
        assert_eq!(v["notes"], json!(["overriding limit applied"]), "{code}");
    }
    let v = month("1257L", 7, 1_700_000, 100_000);
    assert_eq!(pence(&v, "tax_pence"), 100_000);
    assert_eq!(pence(&v, "tax_to_date_pence"), 200_000);
    // Month 8 with the same pay: £21,000 − £8,386.08 = £12,613.92 →
    // £12,613, £2,522.60 due to date; less £2,000 is £522.60, under the
    // limit: the shortfall is collected.
    let v = month("1257L", 8, 1_900_000, 200_000);
    assert_eq!(pence(&v, "tax_pence"), 52_260);
    assert_eq!(v["notes"], json!([]));
}
