//! The JSON contract's handling of bad input (docs/payroll-contract.md:
//! every bad input gets `{"error": {"field", "message"}}` and exit status
//! 2): amounts at the edge of the range, keys given twice, bytes that are
//! not UTF-8, and values too large to echo back.

use cylch_payroll::contract::{Outcome, calc_json, calc_json_bytes};
use serde_json::{Value, json};

fn base() -> Value {
    json!({"tax_year": "2025-26", "frequency": "monthly", "period": 1,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 180000})
}

fn output(outcome: &Outcome) -> Value {
    serde_json::from_str(&outcome.output).unwrap()
}

/// The one error of a single-object input: (field, message).
fn error_of(input: &str) -> (String, String) {
    let outcome = calc_json(input);
    assert_eq!(outcome.exit_status, 2, "{}", outcome.output);
    let v = output(&outcome);
    let field = v["error"]["field"].as_str().unwrap().to_owned();
    let message = v["error"]["message"].as_str().unwrap().to_owned();
    assert!(!message.is_empty());
    (field, message)
}

fn with(key: &str, value: Value) -> String {
    let mut v = base();
    v[key] = value;
    v.to_string()
}

/// `i64::MIN` has no positive counterpart, so its absolute value cannot be
/// compared with the limit the ordinary way; it is refused like any
/// amount beyond £10 trillion, on every pence field, and the limit itself
/// is accepted.
#[test]
fn amounts_beyond_the_range_are_refused() {
    for key in [
        "tax_to_date_pence",
        "gross_pay_pence",
        "taxable_pay_to_date_pence",
        "employment_allowance_left_pence",
        "hourly_rate_pence",
    ] {
        for value in [i64::MIN, i64::MIN + 1, -1_000_000_000_000_001, i64::MAX] {
            let (field, _) = error_of(&with(key, json!(value)));
            assert_eq!(field, key, "{key} = {value}");
        }
    }
    let outcome = calc_json(&with(
        "tax_to_date_pence",
        json!(-1_000_000_000_000_000_i64),
    ));
    assert_eq!(outcome.exit_status, 0, "{}", outcome.output);
    let outcome = calc_json(&with("tax_to_date_pence", json!(1_000_000_000_000_000_i64)));
    assert_eq!(outcome.exit_status, 0, "{}", outcome.output);
}

/// A key given twice is refused, naming the key, even with the same value
/// both times; inside `pension` it names `pension`. In an array only that
/// element fails.
#[test]
fn keys_given_twice_are_refused() {
    let twice = r#"{"tax_year": "2025-26", "frequency": "monthly", "period": 1,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 180000,
        "period": 2}"#;
    let (field, message) = error_of(twice);
    assert_eq!(field, "period");
    assert!(message.contains("more than once"), "{message}");
    let same = r#"{"tax_year": "2025-26", "tax_year": "2025-26", "frequency": "monthly",
        "period": 1, "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 1}"#;
    assert_eq!(error_of(same).0, "tax_year");
    let in_pension = r#"{"tax_year": "2025-26", "frequency": "monthly", "period": 1,
        "tax_code": "1257L", "ni_category": "A", "gross_pay_pence": 180000,
        "pension": {"arrangement": "net_pay", "basis": "all_pay", "basis": "qualifying_earnings",
        "employee_percent": "5", "employer_percent": "3", "enrolled": true}}"#;
    assert_eq!(error_of(in_pension).0, "pension");

    let array = format!("[{}, {twice}, {}]", base(), base());
    let outcome = calc_json(&array);
    assert_eq!(outcome.exit_status, 2);
    let v = output(&outcome);
    assert_eq!(v[0]["tax_pence"], json!(15_020));
    assert_eq!(v[1]["error"]["field"], json!("period"));
    assert_eq!(v[2]["tax_pence"], json!(15_020));
}

/// Input that is not UTF-8 gets the contract's error on `input`, not a
/// message on standard error alone; UTF-8 input is read as before.
#[test]
fn bytes_that_are_not_utf8_are_refused() {
    let mut bytes = base().to_string().into_bytes();
    let at = bytes.iter().position(|&b| b == b'1').unwrap();
    bytes.insert(at, 0xff);
    let outcome = calc_json_bytes(&bytes);
    assert_eq!(outcome.exit_status, 2);
    let v = output(&outcome);
    assert_eq!(v["error"]["field"], json!("input"));
    assert!(v["error"]["message"].as_str().unwrap().contains("UTF-8"));
    // A lone continuation byte and a truncated sequence likewise.
    for bad in [&b"\x80"[..], &b"{\"tax_code\": \"\xe2\x82\"}"[..]] {
        let outcome = calc_json_bytes(bad);
        assert_eq!(outcome.exit_status, 2);
        assert_eq!(output(&outcome)["error"]["field"], json!("input"));
    }
    let good = calc_json_bytes(base().to_string().as_bytes());
    assert_eq!(good.exit_status, 0);
    assert_eq!(output(&good)["tax_pence"], json!(15_020));
}

/// However large a bad value or key, the error quotes only its start and
/// says how long it is.
#[test]
fn huge_bad_values_are_not_echoed_whole() {
    let huge = "Z".repeat(100_000);
    let pension = |arrangement: &str, percent: &str| {
        json!({"arrangement": arrangement, "basis": "all_pay", "employee_percent": percent,
            "employer_percent": "3", "enrolled": true})
    };
    let cases = [
        (with("tax_code", json!(huge)), "tax_code"),
        (with("tax_year", json!(huge)), "tax_year"),
        (with("frequency", json!(huge)), "frequency"),
        (with("ni_category", json!(huge)), "ni_category"),
        (with("date_of_birth", json!(huge)), "date_of_birth"),
        (with("pay_date", json!(huge)), "pay_date"),
        (with("hours_worked", json!(huge)), "hours_worked"),
        (with("pension", pension(&huge, "5")), "pension"),
        (
            with("pension", pension("net_pay", &"9".repeat(100_000))),
            "pension",
        ),
    ];
    for (input, key) in cases {
        let outcome = calc_json(&input);
        assert_eq!(outcome.exit_status, 2);
        assert!(
            outcome.output.len() < 500,
            "{key}: {} bytes",
            outcome.output.len()
        );
        let v = output(&outcome);
        assert_eq!(v["error"]["field"], json!(key));
        assert!(
            v["error"]["message"]
                .as_str()
                .unwrap()
                .contains("100000 characters"),
            "{key}: {v}"
        );
    }
    // An unknown key of 100,000 characters: the field names its start.
    let mut v = base();
    v[huge.as_str()] = json!(1);
    let outcome = calc_json(&v.to_string());
    assert_eq!(outcome.exit_status, 2);
    assert!(outcome.output.len() < 500, "{} bytes", outcome.output.len());
    let field = output(&outcome)["error"]["field"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(field.starts_with("ZZZZ") && field.ends_with('…'), "{field}");
    // A key given twice, huge.
    let twice = format!(r#"{{"{huge}": 1, "{huge}": 2}}"#);
    let outcome = calc_json(&twice);
    assert_eq!(outcome.exit_status, 2);
    assert!(outcome.output.len() < 500, "{} bytes", outcome.output.len());
    // Short bad values are still quoted whole.
    let (field, message) = error_of(&with("tax_code", json!("1257Q")));
    assert_eq!(field, "tax_code");
    assert!(message.contains("\"1257Q\""), "{message}");
}
