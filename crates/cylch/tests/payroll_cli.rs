//! `cylch payroll calc` as people and other tools meet it: the real binary,
//! JSON on standard input, JSON on standard output, exit status per
//! docs/payroll-contract.md.

// Test helpers outside `#[test]` functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

/// Runs `cylch payroll calc` on `stdin`; with `reader_gone`, nobody reads
/// its output (as under `| head -c0`).
fn calc(stdin: &[u8], reader_gone: bool) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cylch"))
        .args(["payroll", "calc"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start cylch");
    if reader_gone {
        drop(child.stdout.take());
    }
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("wait for cylch")
}

fn run(stdin: &str) -> (Value, i32) {
    let out = calc(stdin.as_bytes(), false);
    let text = String::from_utf8(out.stdout).expect("utf-8 output");
    let value = serde_json::from_str(text.trim())
        .unwrap_or_else(|e| panic!("output is not JSON ({e}): {text}"));
    (value, out.status.code().expect("exit code"))
}

const KEYS: [&str; 12] = [
    "taxable_pay_pence",
    "tax_pence",
    "employee_ni_pence",
    "employer_ni_pence",
    "employment_allowance_used_pence",
    "employee_pension_pence",
    "employer_pension_pence",
    "auto_enrolment",
    "net_pay_pence",
    "taxable_pay_to_date_pence",
    "tax_to_date_pence",
    "notes",
];

/// The contract's example; expected figures from docs/payroll.md worked
/// example 1 (Welsh rates equal the rest of the UK's).
#[test]
fn one_object_in_one_object_out() {
    let (v, status) = run(
        r#"{"tax_year": "2026-27", "frequency": "monthly", "period": 1,
 "tax_code": "C1257L", "ni_category": "A", "gross_pay_pence": 180000}"#,
    );
    assert_eq!(status, 0);
    let obj = v.as_object().expect("an object");
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut want = KEYS.to_vec();
    want.sort_unstable();
    assert_eq!(keys, want, "exactly the contract's output keys");
    assert_eq!(v["taxable_pay_pence"], json!(180_000));
    assert_eq!(v["tax_pence"], json!(15_020));
    assert_eq!(v["employee_ni_pence"], json!(6_016));
    assert_eq!(v["employer_ni_pence"], json!(20_745));
    assert_eq!(v["employment_allowance_used_pence"], json!(0));
    assert_eq!(v["employee_pension_pence"], json!(0));
    assert_eq!(v["employer_pension_pence"], json!(0));
    assert_eq!(v["auto_enrolment"], Value::Null);
    assert_eq!(v["net_pay_pence"], json!(158_964));
    assert_eq!(v["taxable_pay_to_date_pence"], json!(180_000));
    assert_eq!(v["tax_to_date_pence"], json!(15_020));
    assert_eq!(v["notes"], json!([]));
}

/// An array gives an array in the same order; payroll.md examples 1 and 2.
#[test]
fn array_in_array_out_in_order() {
    let input = json!([
        {"tax_year": "2025-26", "frequency": "monthly", "period": 1, "tax_code": "1257L",
         "ni_category": "A", "gross_pay_pence": 180000},
        {"tax_year": "2025-26", "frequency": "monthly", "period": 2, "tax_code": "1257L",
         "ni_category": "A", "gross_pay_pence": 180000,
         "taxable_pay_to_date_pence": 180000, "tax_to_date_pence": 15020}
    ]);
    let (v, status) = run(&input.to_string());
    assert_eq!(status, 0);
    assert_eq!(v[0]["tax_pence"], json!(15_020));
    assert_eq!(v[1]["tax_pence"], json!(15_040));
    assert_eq!(v[1]["tax_to_date_pence"], json!(30_060));
}

/// Bad input: one error object naming the field, exit status 2.
#[test]
fn bad_input_names_the_field_and_exits_2() {
    let base = json!({"tax_year": "2025-26", "frequency": "monthly", "period": 1,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 180000});
    let with = |key: &str, value: Value| {
        let mut v = base.clone();
        v[key] = value;
        v.to_string()
    };
    let without = |key: &str| {
        let mut v = base.clone();
        v.as_object_mut().expect("object").remove(key);
        v.to_string()
    };
    let cases: Vec<(String, &str)> = vec![
        (with("tax_code", json!("1257Q")), "tax_code"),
        (with("tax_code", json!("SNT")), "tax_code"),
        (with("tax_code", json!("D2")), "tax_code"),
        (with("tax_year", json!("2024-25")), "tax_year"),
        (with("frequency", json!("daily")), "frequency"),
        (with("period", json!(13)), "period"),
        (with("period", json!("1")), "period"),
        (with("ni_category", json!("Q")), "ni_category"),
        (with("gross_pay_pence", json!(1800.5)), "gross_pay_pence"),
        (with("gross_pay_pence", json!(-1)), "gross_pay_pence"),
        (with("bonus", json!(1)), "bonus"),
        (with("pay_date", json!("2026-04-06")), "pay_date"),
        (
            with(
                "pension",
                json!({"arrangement": "salary_sacrifice", "basis": "all_pay",
            "employee_percent": "5", "employer_percent": "3", "enrolled": true}),
            ),
            "pension",
        ),
        (with("hourly_rate_pence", json!(1221)), "date_of_birth"),
        (without("ni_category"), "ni_category"),
        (without("tax_year"), "tax_year"),
    ];
    for (input, field) in cases {
        let (v, status) = run(&input);
        assert_eq!(status, 2, "{input}");
        assert_eq!(v["error"]["field"], json!(field), "{input} gave {v}");
        assert!(
            v["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    // Two-weekly periods are even; four-weekly multiples of 4.
    let (v, status) = run(&json!({"tax_year": "2025-26", "frequency": "two_weekly",
        "period": 3, "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 1})
    .to_string());
    assert_eq!((v["error"]["field"].clone(), status), (json!("period"), 2));
}

/// In an array each bad element gets its own error; good ones still compute.
#[test]
fn array_with_a_bad_element() {
    let input = json!([
        {"tax_year": "2025-26", "frequency": "weekly", "period": 1, "tax_code": "1257L",
         "ni_category": "A", "gross_pay_pence": 50000},
        {"tax_year": "2025-26", "frequency": "weekly", "period": 1, "tax_code": "1257L",
         "ni_category": "A", "gross_pay_pence": 50000, "hourly_rate_pence": 1000,
         "date_of_birth": "1980-01-01"}
    ]);
    let (v, status) = run(&input.to_string());
    assert_eq!(status, 2);
    // Week 1, 1257L, £500: free pay £241.92, taxable £258, tax £51.60;
    // NI (£500 − £242) × 8% = £20.64 (hand calculation per payroll.md).
    assert_eq!(v[0]["tax_pence"], json!(5_160));
    assert_eq!(v[0]["employee_ni_pence"], json!(2_064));
    assert_eq!(v[1]["error"]["field"], json!("hourly_rate_pence"));
}

#[test]
fn not_json_is_an_error_with_status_2() {
    let (v, status) = run("this is not json");
    assert_eq!(status, 2);
    assert!(v["error"]["field"].is_string());
}

/// HMRC's method, as its test data and the PAYE Regulations settle it: the
/// band is chosen on the unrounded taxable pay to date against limits
/// rounded up to the pound (£4,190.26 a month stays in the basic band:
/// £628.40), and the overriding limit of half the period's pay applies to
/// every tax code since April 2015 (a £2,142.00 catch-up on 1257L is capped
/// at half of £2,000, as is the £3,981.60 due on K475).
#[test]
fn band_choice_and_overriding_limit_follow_the_contract() {
    let input = json!([
        {"tax_year": "2025-26", "frequency": "monthly", "period": 1, "tax_code": "1257L",
         "ni_category": "A", "gross_pay_pence": 419_026},
        {"tax_year": "2026-27", "frequency": "monthly", "period": 6, "tax_code": "1257L",
         "ni_category": "A", "gross_pay_pence": 200_000,
         "taxable_pay_to_date_pence": 1_500_000, "tax_to_date_pence": 0},
        {"tax_year": "2026-27", "frequency": "monthly", "period": 6, "tax_code": "K475",
         "ni_category": "A", "gross_pay_pence": 200_000,
         "taxable_pay_to_date_pence": 1_500_000, "tax_to_date_pence": 0}
    ]);
    let (v, status) = run(&input.to_string());
    assert_eq!(status, 0);
    assert_eq!(v[0]["tax_pence"], json!(62_840));
    assert_eq!(v[1]["tax_pence"], json!(100_000));
    assert_eq!(v[1]["notes"], json!(["overriding limit applied"]));
    assert_eq!(v[2]["tax_pence"], json!(100_000));
    assert_eq!(v[2]["notes"], json!(["overriding limit applied"]));
}

/// Input that is not UTF-8 gets the contract's JSON error on `input`, not
/// only a line on standard error.
#[test]
fn input_that_is_not_utf8_is_a_json_error() {
    let out = calc(b"{\"tax_code\": \"1257L\xff\"}", false);
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(v["error"]["field"], "input");
}

/// A reader that goes away before the answer is written (`| head -c0`) is
/// no reason to panic.
#[test]
fn a_closed_output_is_not_a_panic() {
    let out = calc(
        br#"{"tax_year": "2026-27", "frequency": "monthly", "period": 1, "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 200000}"#,
        true,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
