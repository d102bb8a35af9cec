//! The JSON contract of `cylch payroll calc` (docs/payroll-contract.md):
//! parse one object or an array, compute, and render results or errors
//! that name the field at fault.
//!
//! The figures follow the contract's rules, which follow HMRC's own test
//! data; see the crate README.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value, json};

use crate::date::Date;
use crate::money::{self, Pence, Percent};
use crate::ni::NiCategory;
use crate::payslip::{self, PayError, PayInput, Payslip};
use crate::pension::{Arrangement, ContributionBasis, PensionScheme};
use crate::period::{Frequency, Period};
use crate::tax_code::TaxCode;
use crate::tax_year::TaxYear;

/// What the command prints and the status it exits with.
pub struct Outcome {
    pub output: String,
    pub exit_status: u8,
}

/// An input problem, named by the one field at fault.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    fn to_json(&self) -> Value {
        json!({"error": {"field": self.field, "message": self.message}})
    }
}

const KEYS: [&str; 15] = [
    "tax_year",
    "frequency",
    "period",
    "tax_code",
    "week1_month1",
    "ni_category",
    "gross_pay_pence",
    "pension",
    "taxable_pay_to_date_pence",
    "tax_to_date_pence",
    "employment_allowance_left_pence",
    "date_of_birth",
    "hourly_rate_pence",
    "hours_worked",
    "pay_date",
];

const PENSION_KEYS: [&str; 5] = [
    "arrangement",
    "basis",
    "employee_percent",
    "employer_percent",
    "enrolled",
];

/// Largest amount accepted in any pence field: £10 trillion. Far above any
/// pay, and low enough that no intermediate product can overflow.
const MAX_PENCE: i64 = 1_000_000_000_000_000;

/// Longest text any field can hold (a tax code, a date, a percentage);
/// anything longer is refused before it is read, and an error quotes only
/// its start.
const MAX_TEXT_CHARS: usize = 64;

/// How much of an over-long text or key an error message quotes.
const QUOTED_CHARS: usize = 32;

/// The command's input as bytes, as read from standard input: text that is
/// not UTF-8 gets the contract's error like any other bad input.
pub fn calc_json_bytes(input: &[u8]) -> Outcome {
    match std::str::from_utf8(input) {
        Ok(text) => calc_json(text),
        Err(err) => failure(FieldError::new(
            "input",
            format!(
                "standard input is not UTF-8 text (the first bad byte is byte {} of the input); send JSON in UTF-8",
                err.valid_up_to() + 1
            ),
        )),
    }
}

pub fn calc_json(input: &str) -> Outcome {
    let node: Node = match serde_json::from_str(input) {
        Ok(v) => v,
        Err(err) => {
            return failure(FieldError::new(
                "input",
                format!(
                    "standard input is not valid JSON ({err}); send one object or an array of objects"
                ),
            ));
        }
    };
    match node {
        Node::Array(items) => {
            let mut any_error = false;
            let results: Vec<Value> = items
                .into_iter()
                .map(|item| match element(item).and_then(|v| calc_value(&v)) {
                    Ok(v) => v,
                    Err(e) => {
                        any_error = true;
                        e.to_json()
                    }
                })
                .collect();
            Outcome {
                output: Value::Array(results).to_string(),
                exit_status: if any_error { 2 } else { 0 },
            }
        }
        other => match element(other).and_then(|v| calc_value(&v)) {
            Ok(v) => Outcome {
                output: v.to_string(),
                exit_status: 0,
            },
            Err(e) => failure(e),
        },
    }
}

/// A JSON value as read, each object's keys in order with any repeats
/// kept, so that a key given twice is refused instead of silently taking
/// the last (serde_json's `Value` keeps only one).
enum Node {
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    Scalar(Value),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(Value::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(Value::from(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(Value::from(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(Value::from(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(Value::String(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Scalar(Value::String(v)))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, Node>()? {
            entries.push(entry);
        }
        Ok(Node::Object(entries))
    }
}

/// A key given more than once: `key` is the key of the pay period's own
/// object that is repeated (`inside` false) or whose value holds the
/// repeat (`inside` true, as in a `pension` with two `basis` keys).
struct Repeated {
    key: String,
    inside: bool,
}

fn to_value(node: Node) -> Result<Value, Repeated> {
    match node {
        Node::Scalar(v) => Ok(v),
        Node::Array(items) => items
            .into_iter()
            .map(to_value)
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        Node::Object(entries) => {
            let mut map = Map::new();
            for (key, node) in entries {
                let value = match to_value(node) {
                    Ok(value) => value,
                    Err(_) => return Err(Repeated { key, inside: true }),
                };
                if map.contains_key(&key) {
                    return Err(Repeated { key, inside: false });
                }
                map.insert(key, value);
            }
            Ok(Value::Object(map))
        }
    }
}

/// One pay period as a `Value`, refusing a key given more than once.
fn element(node: Node) -> Result<Value, FieldError> {
    to_value(node).map_err(|Repeated { key, inside }| {
        let field = field_name(&key);
        let message = if inside {
            format!(
                "a key inside {} is given more than once; give each key once",
                quoted(&key)
            )
        } else {
            format!(
                "{} is given more than once; give each key once",
                quoted(&key)
            )
        };
        FieldError::new(&field, message)
    })
}

/// A text quoted for an error message: whole when short, otherwise its
/// first characters and its length, so a huge bad value is never echoed.
fn quoted(text: &str) -> String {
    let length = text.chars().count();
    if length <= MAX_TEXT_CHARS {
        format!("\"{text}\"")
    } else {
        let start: String = text.chars().take(QUOTED_CHARS).collect();
        format!("\"{start}…\" ({length} characters)")
    }
}

/// A key as an error's `field`: the key itself, or its start when it is
/// too long to be any key.
fn field_name(key: &str) -> String {
    if key.chars().count() <= MAX_TEXT_CHARS {
        key.to_owned()
    } else {
        let start: String = key.chars().take(QUOTED_CHARS).collect();
        format!("{start}…")
    }
}

/// A text value no longer than any valid value of a field can be.
fn short_text<'a>(key: &str, text: &'a str) -> Result<&'a str, String> {
    if text.chars().count() <= MAX_TEXT_CHARS {
        Ok(text)
    } else {
        Err(format!(
            "{} is too long to be a value of \"{key}\" (at most {MAX_TEXT_CHARS} characters)",
            quoted(text)
        ))
    }
}

fn failure(error: FieldError) -> Outcome {
    Outcome {
        output: error.to_json().to_string(),
        exit_status: 2,
    }
}

fn calc_value(value: &Value) -> Result<Value, FieldError> {
    let input = parse_input(value)?;
    let payslip = payslip::calculate(&input).map_err(|e| match e {
        PayError::MinimumWage(e) => FieldError::new("hourly_rate_pence", e.to_string()),
        PayError::MinimumWageNeedsBirthDate => FieldError::new(
            "date_of_birth",
            "the minimum wage check (hourly_rate_pence given) needs the date of birth",
        ),
        PayError::Overflow(e) => FieldError::new("gross_pay_pence", e.to_string()),
        PayError::Date(e) => FieldError::new("date_of_birth", e.to_string()),
    })?;
    Ok(render(&payslip))
}

pub fn render(p: &Payslip) -> Value {
    json!({
        "taxable_pay_pence": p.taxable_pay,
        "tax_pence": p.tax,
        "employee_ni_pence": p.employee_ni,
        "employer_ni_pence": p.employer_ni,
        "employment_allowance_used_pence": p.employment_allowance_used,
        "employee_pension_pence": p.employee_pension,
        "employer_pension_pence": p.employer_pension,
        "auto_enrolment": p.auto_enrolment.map(|c| c.as_str()),
        "net_pay_pence": p.net_pay,
        "taxable_pay_to_date_pence": p.taxable_pay_to_date,
        "tax_to_date_pence": p.tax_to_date,
        "notes": p.notes,
    })
}

/// Parses one contract object into the engine's input.
pub fn parse_input(value: &Value) -> Result<PayInput, FieldError> {
    let obj = value
        .as_object()
        .ok_or_else(|| FieldError::new("input", "each pay period must be a JSON object"))?;
    for key in obj.keys() {
        if !KEYS.contains(&key.as_str()) {
            return Err(FieldError::new(
                &field_name(key),
                format!(
                    "{} is not a key of the payroll input; remove it or check its spelling",
                    quoted(key)
                ),
            ));
        }
    }

    let year_text = required_str(obj, "tax_year")?;
    let year = TaxYear::parse(year_text).map_err(|e| FieldError::new("tax_year", e.to_string()))?;
    let frequency = Frequency::parse(required_str(obj, "frequency")?)
        .map_err(|e| FieldError::new("frequency", e.to_string()))?;
    let period_number = required_int(obj, "period")?;
    let period = Period::new(frequency, period_number)
        .map_err(|e| FieldError::new("period", e.to_string()))?;
    let code = TaxCode::parse(required_str(obj, "tax_code")?)
        .map_err(|e| FieldError::new("tax_code", e.to_string()))?;
    let week1_month1 = optional_bool(obj, "week1_month1")?.unwrap_or(false);
    let category = NiCategory::parse(required_str(obj, "ni_category")?)
        .map_err(|e| FieldError::new("ni_category", e.to_string()))?;
    let gross = pence(obj, "gross_pay_pence", true, false)?.unwrap_or(0);
    let pension = match present(obj, "pension") {
        Some(v) => Some(parse_pension(v).map_err(|m| FieldError::new("pension", m))?),
        None => None,
    };
    let taxable_pay_to_date = pence(obj, "taxable_pay_to_date_pence", false, false)?.unwrap_or(0);
    let tax_to_date = pence(obj, "tax_to_date_pence", false, true)?.unwrap_or(0);
    let employment_allowance_left =
        pence(obj, "employment_allowance_left_pence", false, false)?.unwrap_or(0);
    let date_of_birth = optional_date(obj, "date_of_birth")?;
    let hourly_rate = pence(obj, "hourly_rate_pence", false, false)?;
    let hours_worked = match present(obj, "hours_worked") {
        Some(Value::String(s)) => Some(money::parse_decimal(s, 4).map_err(|_| {
            FieldError::new(
                "hours_worked",
                format!("{} is not a number of hours; write a decimal string such as \"37.5\" (at most 4 decimal places)", quoted(s)),
            )
        })?),
        Some(_) => {
            return Err(FieldError::new(
                "hours_worked",
                "hours_worked must be a decimal string such as \"37.5\"",
            ));
        }
        None => None,
    };
    let pay_date = match optional_date(obj, "pay_date")? {
        Some(d) => {
            if !year.contains(d) {
                return Err(FieldError::new(
                    "pay_date",
                    format!(
                        "{d} is outside the tax year {} ({} to {})",
                        year.data().name,
                        year.first_day(),
                        year.last_day()
                    ),
                ));
            }
            d
        }
        None => period.last_day(year),
    };
    if let Some(born) = date_of_birth
        && born > pay_date
    {
        return Err(FieldError::new(
            "date_of_birth",
            format!("the date of birth {born} is after the pay date {pay_date}"),
        ));
    }

    Ok(PayInput {
        year,
        period,
        code,
        week1_month1,
        category,
        gross,
        pension,
        taxable_pay_to_date,
        tax_to_date,
        employment_allowance_left,
        date_of_birth,
        hourly_rate,
        hours_worked,
        pay_date,
    })
}

/// A key counts as given unless absent or null.
fn present<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn missing(key: &str) -> FieldError {
    FieldError::new(key, format!("\"{key}\" is required"))
}

fn required_str<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<&'a str, FieldError> {
    match present(obj, key) {
        Some(Value::String(s)) => short_text(key, s).map_err(|m| FieldError::new(key, m)),
        Some(_) => Err(FieldError::new(key, format!("\"{key}\" must be a string"))),
        None => Err(missing(key)),
    }
}

fn required_int(obj: &Map<String, Value>, key: &str) -> Result<i64, FieldError> {
    match present(obj, key) {
        Some(v) => v
            .as_i64()
            .ok_or_else(|| FieldError::new(key, format!("\"{key}\" must be a whole number"))),
        None => Err(missing(key)),
    }
}

fn optional_bool(obj: &Map<String, Value>, key: &str) -> Result<Option<bool>, FieldError> {
    match present(obj, key) {
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(FieldError::new(
            key,
            format!("\"{key}\" must be true or false"),
        )),
        None => Ok(None),
    }
}

fn optional_date(obj: &Map<String, Value>, key: &str) -> Result<Option<Date>, FieldError> {
    match present(obj, key) {
        Some(Value::String(s)) => Date::parse(s)
            .map(Some)
            .map_err(|e| FieldError::new(key, format!("{}: {e}", quoted(s)))),
        Some(_) => Err(FieldError::new(
            key,
            format!("\"{key}\" must be a date string YYYY-MM-DD"),
        )),
        None => Ok(None),
    }
}

/// An amount in pence: whole, within ±£10 trillion, negative only where
/// the contract allows it.
fn pence(
    obj: &Map<String, Value>,
    key: &str,
    required: bool,
    may_be_negative: bool,
) -> Result<Option<Pence>, FieldError> {
    let Some(v) = present(obj, key) else {
        return if required {
            Err(missing(key))
        } else {
            Ok(None)
        };
    };
    let n = v.as_i64().ok_or_else(|| {
        FieldError::new(
            key,
            format!("\"{key}\" must be a whole number of pence (e.g. 180000 for £1,800)"),
        )
    })?;
    if n < 0 && !may_be_negative {
        return Err(FieldError::new(
            key,
            format!("\"{key}\" cannot be negative"),
        ));
    }
    // `unsigned_abs`, not `abs`: i64::MIN has no positive counterpart.
    if n.unsigned_abs() > MAX_PENCE.unsigned_abs() {
        return Err(FieldError::new(
            key,
            format!("\"{key}\" is larger than the engine accepts (£10 trillion)"),
        ));
    }
    Ok(Some(n))
}

fn parse_pension(value: &Value) -> Result<PensionScheme, String> {
    let obj = value
        .as_object()
        .ok_or("pension must be an object with arrangement, basis, employee_percent, employer_percent and enrolled")?;
    for key in obj.keys() {
        if !PENSION_KEYS.contains(&key.as_str()) {
            return Err(format!("{} is not a key of pension", quoted(key)));
        }
    }
    let text = |key: &str| -> Result<&str, String> {
        match present(obj, key) {
            Some(Value::String(s)) => short_text(&format!("pension.{key}"), s),
            Some(_) => Err(format!("pension.{key} must be a string")),
            None => Err(format!("pension.{key} is required")),
        }
    };
    let arrangement = match text("arrangement")? {
        "relief_at_source" => Arrangement::ReliefAtSource,
        "net_pay" => Arrangement::NetPay,
        other => {
            return Err(format!(
                "pension.arrangement must be relief_at_source or net_pay, not {}",
                quoted(other)
            ));
        }
    };
    let basis = match text("basis")? {
        "qualifying_earnings" => ContributionBasis::QualifyingEarnings,
        "all_pay" => ContributionBasis::AllPay,
        other => {
            return Err(format!(
                "pension.basis must be qualifying_earnings or all_pay, not {}",
                quoted(other)
            ));
        }
    };
    let employee = Percent::parse(text("employee_percent")?)
        .map_err(|e| format!("pension.employee_percent: {e}"))?;
    let employer = Percent::parse(text("employer_percent")?)
        .map_err(|e| format!("pension.employer_percent: {e}"))?;
    let enrolled = match present(obj, "enrolled") {
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err("pension.enrolled must be true or false".to_owned()),
        None => true,
    };
    Ok(PensionScheme {
        arrangement,
        basis,
        employee,
        employer,
        enrolled,
    })
}
