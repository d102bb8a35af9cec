//! Money as HMRC's RTI schemas write it: pounds with exactly two decimal
//! places (`IRdecimalType`, `-?(([1-9][0-9]*)|0)\.[0-9]{2}`), written from
//! integer pence with no floating point anywhere.

use crate::money::Pence;

/// `123456` → `"1234.56"`, `-5` → `"-0.05"`, `0` → `"0.00"`. No thousands
/// separator and no plus sign; `i64::MIN` is written exactly.
pub fn pounds(pence: Pence) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let magnitude = pence.unsigned_abs();
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

/// The bounds one field of the schema puts on an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Limits {
    pub min: Pence,
    pub max: Pence,
    /// `IRwholeUnitsMonetaryType`: the pence must be `.00`.
    pub whole_pounds: bool,
}

impl Limits {
    /// `minInclusive 0.00`, `maxInclusive 999999999.99`: most to-date
    /// figures.
    pub const NON_NEGATIVE: Limits = Limits {
        min: 0,
        max: 99_999_999_999,
        whole_pounds: false,
    };
    /// `±999999999.99`: most figures of one period, which a correction
    /// may make negative.
    pub const SIGNED: Limits = Limits {
        min: -99_999_999_999,
        max: 99_999_999_999,
        whole_pounds: false,
    };

    pub const fn non_negative_to(max: Pence) -> Limits {
        Limits {
            min: 0,
            max,
            whole_pounds: false,
        }
    }

    pub const fn whole_pounds(min: Pence, max: Pence) -> Limits {
        Limits {
            min,
            max,
            whole_pounds: true,
        }
    }
}

/// Why an amount cannot go in its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountProblem {
    BelowMinimum,
    AboveMaximum,
    NotWholePounds,
}

impl std::fmt::Display for AmountProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AmountProblem::BelowMinimum => "is below the least HMRC's schema accepts",
            AmountProblem::AboveMaximum => "is above the most HMRC's schema accepts",
            AmountProblem::NotWholePounds => "must be whole pounds in HMRC's schema",
        })
    }
}

/// The amount written for its field, or why it cannot be.
pub(crate) fn checked(pence: Pence, limits: Limits) -> Result<String, AmountProblem> {
    if pence < limits.min {
        return Err(AmountProblem::BelowMinimum);
    }
    if pence > limits.max {
        return Err(AmountProblem::AboveMaximum);
    }
    if limits.whole_pounds && pence % 100 != 0 {
        return Err(AmountProblem::NotWholePounds);
    }
    Ok(pounds(pence))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_pounds_and_pence_exactly() {
        assert_eq!(pounds(0), "0.00");
        assert_eq!(pounds(5), "0.05");
        assert_eq!(pounds(-5), "-0.05");
        assert_eq!(pounds(100), "1.00");
        assert_eq!(pounds(123_456), "1234.56");
        assert_eq!(pounds(-123_456), "-1234.56");
        assert_eq!(pounds(99_999_999_999), "999999999.99");
        assert_eq!(pounds(i64::MAX), "92233720368547758.07");
        assert_eq!(pounds(i64::MIN), "-92233720368547758.08");
    }

    #[test]
    fn checks_the_schema_bounds() {
        assert_eq!(checked(0, Limits::NON_NEGATIVE), Ok("0.00".to_owned()));
        assert_eq!(
            checked(-1, Limits::NON_NEGATIVE),
            Err(AmountProblem::BelowMinimum)
        );
        assert_eq!(
            checked(100_000_000_000, Limits::SIGNED),
            Err(AmountProblem::AboveMaximum)
        );
        let whole = Limits::whole_pounds(0, 999_900);
        assert_eq!(checked(54_200, whole), Ok("542.00".to_owned()));
        assert_eq!(checked(54_201, whole), Err(AmountProblem::NotWholePounds));
        assert_eq!(checked(1_000_000, whole), Err(AmountProblem::AboveMaximum));
    }
}
