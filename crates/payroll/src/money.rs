//! Integer money: pence in `i64`, intermediate products in `i128`, and the
//! few rounding rules HMRC uses, each named for what it does.

/// An amount of money in pence.
pub type Pence = i64;

/// The figures are too large to compute exactly in pence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the amounts are too large to compute exactly; check the figure is in pence")]
pub struct Overflow;

/// Converts a wide intermediate back to pence, refusing what does not fit.
pub fn to_pence(value: i128) -> Result<Pence, Overflow> {
    Pence::try_from(value).map_err(|_| Overflow)
}

pub fn add(a: Pence, b: Pence) -> Result<Pence, Overflow> {
    a.checked_add(b).ok_or(Overflow)
}

pub fn sub(a: Pence, b: Pence) -> Result<Pence, Overflow> {
    a.checked_sub(b).ok_or(Overflow)
}

/// `n / d` rounded towards minus infinity (`d > 0`).
pub fn div_floor(n: i128, d: i128) -> i128 {
    n.div_euclid(d)
}

/// `n / d` rounded towards plus infinity (`d > 0`).
pub fn div_ceil(n: i128, d: i128) -> i128 {
    -(-n).div_euclid(d)
}

/// `n / d` to the nearest whole, exactly half rounded up (`d > 0`).
pub fn div_round_half_up(n: i128, d: i128) -> i128 {
    div_floor(2 * n + d, 2 * d)
}

/// Tenths of a penny to pence by the third decimal place of a pound alone:
/// 5 or less rounds down, 6 or more rounds up (HMRC's rule for NICs).
pub fn round_by_third_decimal(tenths_of_penny: i128) -> i128 {
    let pence = tenths_of_penny.div_euclid(10);
    if tenths_of_penny.rem_euclid(10) >= 6 {
        pence + 1
    } else {
        pence
    }
}

/// Pence rounded down to whole pounds (still in pence).
pub fn floor_to_pound(p: Pence) -> Pence {
    p.div_euclid(100) * 100
}

/// A percentage written as a decimal string ("5", "8.5", "0.25"), held
/// exactly in ten-thousandths of a percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent {
    ten_thousandths: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PercentError {
    #[error("\"{0}\" is not a percentage; write it as a decimal string such as \"5\" or \"8.5\"")]
    Format(String),
    #[error("{0}% is outside 0 to 100")]
    Range(String),
    #[error("\"{0}\" has more than four decimal places")]
    Precision(String),
}

impl Percent {
    pub const SCALE: i64 = 10_000;

    pub fn parse(text: &str) -> Result<Self, PercentError> {
        let value = parse_decimal(text, 4).map_err(|e| match e {
            DecimalError::Format => PercentError::Format(text.to_owned()),
            DecimalError::Precision => PercentError::Precision(text.to_owned()),
        })?;
        if value > 100 * Self::SCALE {
            return Err(PercentError::Range(text.to_owned()));
        }
        Ok(Self {
            ten_thousandths: value,
        })
    }

    pub const fn from_ten_thousandths(ten_thousandths: i64) -> Self {
        Self { ten_thousandths }
    }

    pub fn ten_thousandths(self) -> i64 {
        self.ten_thousandths
    }

    /// `amount × self`, exactly half a penny rounded up.
    pub fn of_half_up(self, amount: Pence) -> Result<Pence, Overflow> {
        let n = i128::from(amount) * i128::from(self.ten_thousandths);
        to_pence(div_round_half_up(n, 100 * i128::from(Self::SCALE)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalError {
    Format,
    Precision,
}

/// Reads a non-negative decimal such as "37.5" into an integer scaled by
/// 10^`places`. No sign, exponent or thousands separator.
pub fn parse_decimal(text: &str, places: u32) -> Result<i64, DecimalError> {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, f),
        None => (text, ""),
    };
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) {
        return Err(DecimalError::Format);
    }
    if text.contains('.') && fraction.is_empty() {
        return Err(DecimalError::Format);
    }
    if fraction.len() > places as usize {
        return Err(DecimalError::Precision);
    }
    let scale = 10_i64.pow(places);
    let whole: i64 = whole.parse().map_err(|_| DecimalError::Format)?;
    let mut frac: i64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().map_err(|_| DecimalError::Format)?
    };
    for _ in fraction.len()..places as usize {
        frac *= 10;
    }
    whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(frac))
        .ok_or(DecimalError::Format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_rules() {
        assert_eq!(div_round_half_up(150, 100), 2);
        assert_eq!(div_round_half_up(149, 100), 1);
        assert_eq!(div_ceil(-5, 2), -2);
        assert_eq!(div_floor(-5, 2), -3);
        assert_eq!(floor_to_pound(75174), 75100);
        // £0.0056 → £0.00, £0.0064 → £0.01, £26.825 → £26.82, £50.156 →
        // £50.16 (docs/payroll-contract.md, "Rounding in NI").
        assert_eq!(round_by_third_decimal(5), 0);
        assert_eq!(round_by_third_decimal(6), 1);
        assert_eq!(round_by_third_decimal(26_825), 2_682);
        assert_eq!(round_by_third_decimal(50_156), 5_016);
    }

    #[test]
    fn percents() {
        assert_eq!(Percent::parse("8.5").unwrap().ten_thousandths(), 85_000);
        assert_eq!(Percent::parse("5").unwrap().ten_thousandths(), 50_000);
        assert!(Percent::parse("-1").is_err());
        assert!(Percent::parse("101").is_err());
        assert!(Percent::parse("5.").is_err());
        assert!(Percent::parse("1e2").is_err());
        assert_eq!(Percent::parse("5").unwrap().of_half_up(1010).unwrap(), 51);
    }
}
