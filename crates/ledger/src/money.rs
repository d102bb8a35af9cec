//! Money as whole pence. Every sum is checked: a ledger that wraps round or
//! panics on a large figure would lose track of someone's Direct Payment.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// An amount of money in pence. Negative amounts are allowed (refunds,
/// overdrawn balances); which side of an account they sit on is the journal's
/// business, not this type's.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Pence(i64);

/// A sum that would not fit in 64-bit pence (about 92 thousand million
/// million pounds): the figures going in are wrong, not the arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("the amount is too large to calculate with; check the figures entered")]
pub struct Overflow;

impl Pence {
    pub const ZERO: Pence = Pence(0);

    pub const fn new(pence: i64) -> Self {
        Pence(pence)
    }

    /// Whole pounds, for figures written in code and tests.
    pub fn pounds(pounds: i64) -> Result<Self, Overflow> {
        pounds.checked_mul(100).map(Pence).ok_or(Overflow)
    }

    pub const fn get(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Pence) -> Result<Pence, Overflow> {
        self.0.checked_add(other.0).map(Pence).ok_or(Overflow)
    }

    pub fn checked_sub(self, other: Pence) -> Result<Pence, Overflow> {
        self.0.checked_sub(other.0).map(Pence).ok_or(Overflow)
    }

    pub fn checked_neg(self) -> Result<Pence, Overflow> {
        self.0.checked_neg().map(Pence).ok_or(Overflow)
    }

    pub fn checked_mul(self, factor: i64) -> Result<Pence, Overflow> {
        self.0.checked_mul(factor).map(Pence).ok_or(Overflow)
    }

    pub fn checked_abs(self) -> Result<Pence, Overflow> {
        self.0.checked_abs().map(Pence).ok_or(Overflow)
    }

    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// The sum of many amounts, refusing to wrap.
    pub fn sum<I: IntoIterator<Item = Pence>>(amounts: I) -> Result<Pence, Overflow> {
        amounts
            .into_iter()
            .try_fold(Pence::ZERO, |acc, p| acc.checked_add(p))
    }

    /// Reads money as people and banks write it: `1,234.56`, `-12.30`,
    /// `£5`, `(12.30)` (accountants' brackets for a negative), `+3.00`,
    /// `-£4.10`, `£-4.10`. Pennies may be written with one or two digits;
    /// more than two is refused rather than rounded, because a bank figure
    /// with a fraction of a penny means the column is not what we think.
    pub fn parse(text: &str) -> Result<Pence, MoneyParseError> {
        parse_money(text)
    }
}

impl fmt::Display for Pence {
    /// `£1,234.56`, `-£12.30`: how Cylch's pages and exports show money.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let magnitude = self.0.unsigned_abs();
        let pounds = magnitude / 100;
        let pennies = magnitude % 100;
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}£{}.{pennies:02}", group_thousands(pounds))
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len().saturating_add(digits.len() / 3));
    let first = digits.len() % 3;
    for (i, ch) in digits.chars().enumerate() {
        if i != 0 && i % 3 == first % 3 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Why a piece of text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoneyParseError {
    #[error("the amount is empty")]
    Empty,
    #[error("\"{0}\" is not an amount of money; write it like 1,234.56 or -12.30")]
    NotMoney(String),
    #[error("\"{0}\" has more than two digits of pence")]
    TooManyDecimals(String),
    #[error("\"{0}\" has its thousands commas in the wrong places")]
    BadGrouping(String),
    #[error("\"{0}\" is too large to be an amount of money")]
    TooLarge(String),
}

fn parse_money(raw: &str) -> Result<Pence, MoneyParseError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(MoneyParseError::Empty);
    }
    let not_money = || MoneyParseError::NotMoney(text.to_owned());

    let (mut negative, mut body) = match text.strip_prefix('(') {
        Some(inner) => (true, inner.strip_suffix(')').ok_or_else(not_money)?.trim()),
        None => (false, text),
    };
    // A sign and a pound sign may come in either order, once each.
    let mut seen_sign = negative;
    let mut seen_pound = false;
    loop {
        if let Some(rest) = body.strip_prefix('£') {
            if seen_pound {
                return Err(not_money());
            }
            seen_pound = true;
            body = rest;
        } else if let Some(rest) = body.strip_prefix('-') {
            if seen_sign {
                return Err(not_money());
            }
            seen_sign = true;
            negative = true;
            body = rest;
        } else if let Some(rest) = body.strip_prefix('+') {
            if seen_sign {
                return Err(not_money());
            }
            seen_sign = true;
            body = rest;
        } else {
            break;
        }
    }

    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    if whole.is_empty() {
        return Err(not_money());
    }
    let whole_digits = ungroup(whole, text)?;

    let pennies: i64 = match fraction {
        None => 0,
        Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => {
            return Err(not_money());
        }
        Some(f) if f.len() > 2 => return Err(MoneyParseError::TooManyDecimals(text.to_owned())),
        Some(f) => {
            let value: i64 = f.parse().map_err(|_| not_money())?;
            if f.len() == 1 {
                value.checked_mul(10).ok_or_else(not_money)?
            } else {
                value
            }
        }
    };

    let too_large = || MoneyParseError::TooLarge(text.to_owned());
    let pounds: i64 = whole_digits.parse().map_err(|_| too_large())?;
    let magnitude = pounds
        .checked_mul(100)
        .and_then(|p| p.checked_add(pennies))
        .ok_or_else(too_large)?;
    let value = if negative {
        magnitude.checked_neg().ok_or_else(too_large)?
    } else {
        magnitude
    };
    Ok(Pence(value))
}

/// Removes thousands commas, insisting they sit every three digits so that
/// a European `1.234,56` or a stray comma is refused rather than misread.
fn ungroup(whole: &str, original: &str) -> Result<String, MoneyParseError> {
    if !whole.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return Err(MoneyParseError::NotMoney(original.to_owned()));
    }
    if !whole.contains(',') {
        return Ok(whole.to_owned());
    }
    let groups: Vec<&str> = whole.split(',').collect();
    let bad = || MoneyParseError::BadGrouping(original.to_owned());
    let (first, rest) = groups.split_first().ok_or_else(bad)?;
    if first.is_empty() || first.len() > 3 || rest.iter().any(|g| g.len() != 3) {
        return Err(bad());
    }
    Ok(groups.concat())
}

impl Overflow {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        "ledger-overflow"
    }
}

impl MoneyParseError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            MoneyParseError::Empty => "ledger-money-empty",
            MoneyParseError::NotMoney(_) => "ledger-money-not-money",
            MoneyParseError::TooManyDecimals(_) => "ledger-money-too-many-decimals",
            MoneyParseError::BadGrouping(_) => "ledger-money-bad-grouping",
            MoneyParseError::TooLarge(_) => "ledger-money-too-large",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Pence {
        Pence::parse(text).unwrap()
    }

    #[test]
    fn parses_the_ways_banks_write_money() {
        assert_eq!(p("1,234.56"), Pence::new(123_456));
        assert_eq!(p("-12.30"), Pence::new(-1230));
        assert_eq!(p("£5"), Pence::new(500));
        assert_eq!(p("(12.30)"), Pence::new(-1230));
        assert_eq!(p("(£12.30)"), Pence::new(-1230));
        assert_eq!(p("-£4.10"), Pence::new(-410));
        assert_eq!(p("£-4.10"), Pence::new(-410));
        assert_eq!(p("+3.00"), Pence::new(300));
        assert_eq!(p(" 7.5 "), Pence::new(750));
        assert_eq!(p("0.01"), Pence::new(1));
        assert_eq!(p("1,000,000.00"), Pence::new(100_000_000));
        assert_eq!(p("0"), Pence::ZERO);
    }

    #[test]
    fn refuses_what_is_not_money() {
        assert_eq!(Pence::parse(""), Err(MoneyParseError::Empty));
        assert_eq!(Pence::parse("   "), Err(MoneyParseError::Empty));
        for bad in [
            "abc", "12.", ".5", "1.2.3", "--5", "£££5", "(5", "5)", "1e3", "NaN", "-",
        ] {
            assert!(
                matches!(Pence::parse(bad), Err(MoneyParseError::NotMoney(_))),
                "{bad} should be refused"
            );
        }
        assert!(matches!(
            Pence::parse("1.234"),
            Err(MoneyParseError::TooManyDecimals(_))
        ));
        for bad in ["1,23.00", "12,3456", ",123", "1234,567"] {
            assert!(
                matches!(Pence::parse(bad), Err(MoneyParseError::BadGrouping(_))),
                "{bad} should be refused"
            );
        }
        assert!(matches!(
            Pence::parse("99999999999999999999"),
            Err(MoneyParseError::TooLarge(_))
        ));
    }

    #[test]
    fn arithmetic_overflow_is_an_error_not_a_wrap() {
        let max = Pence::new(i64::MAX);
        assert_eq!(max.checked_add(Pence::new(1)), Err(Overflow));
        assert_eq!(
            Pence::new(i64::MIN).checked_sub(Pence::new(1)),
            Err(Overflow)
        );
        assert_eq!(Pence::new(i64::MIN).checked_neg(), Err(Overflow));
        assert_eq!(max.checked_mul(2), Err(Overflow));
        assert_eq!(Pence::sum([max, Pence::new(1)]), Err(Overflow));
        assert_eq!(
            Pence::sum([Pence::new(5), Pence::new(-7)]),
            Ok(Pence::new(-2))
        );
    }

    #[test]
    fn displays_pounds_with_commas() {
        assert_eq!(Pence::new(123_456).to_string(), "£1,234.56");
        assert_eq!(Pence::new(-1230).to_string(), "-£12.30");
        assert_eq!(Pence::new(5).to_string(), "£0.05");
        assert_eq!(Pence::new(100_000_000).to_string(), "£1,000,000.00");
        assert_eq!(
            Pence::new(i64::MIN).to_string(),
            "-£92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn display_reads_back() {
        for v in [0, 1, -1, 99, 100, 123_456, -98_765_432] {
            let shown = Pence::new(v).to_string();
            assert_eq!(Pence::parse(&shown), Ok(Pence::new(v)), "{shown}");
        }
    }
}
