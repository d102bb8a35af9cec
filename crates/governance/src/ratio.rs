//! Exact shares and ratios. Votes, quorums and majorities are decided on
//! whole numbers and fractions, never floats, so that "exactly 75%" is
//! exactly 75% and a result can be checked by hand.

use serde::{Deserialize, Serialize};

/// A share between 0 and 1 inclusive, such as 1/2 or 3/4, as written in the
/// rules. Kept in lowest terms, so that 75% and 3/4 are the same share.
/// Stored rules are parsed through [`Share::new`], so a share read back from
/// storage is as valid as one typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ShareParts")]
pub struct Share {
    numerator: u32,
    denominator: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error("a share needs a whole greater than zero")]
    ZeroDenominator,
    #[error("a share cannot be more than the whole ({numerator}/{denominator})")]
    MoreThanWhole { numerator: u32, denominator: u32 },
}

impl ShareError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            ShareError::ZeroDenominator => "governance-zero-denominator",
            ShareError::MoreThanWhole { .. } => "governance-more-than-whole",
        }
    }
}

#[derive(Deserialize)]
struct ShareParts {
    numerator: u32,
    denominator: u32,
}

impl TryFrom<ShareParts> for Share {
    type Error = ShareError;

    fn try_from(parts: ShareParts) -> Result<Share, ShareError> {
        Share::new(parts.numerator, parts.denominator)
    }
}

impl Share {
    pub const HALF: Share = Share {
        numerator: 1,
        denominator: 2,
    };
    pub const THREE_QUARTERS: Share = Share {
        numerator: 3,
        denominator: 4,
    };
    pub const FIFTY_ONE_PERCENT: Share = Share {
        numerator: 51,
        denominator: 100,
    };
    pub const NINE_TENTHS: Share = Share {
        numerator: 9,
        denominator: 10,
    };
    pub const ONE_TENTH: Share = Share {
        numerator: 1,
        denominator: 10,
    };
    pub const ZERO: Share = Share {
        numerator: 0,
        denominator: 1,
    };
    pub const WHOLE: Share = Share {
        numerator: 1,
        denominator: 1,
    };

    pub fn new(numerator: u32, denominator: u32) -> Result<Share, ShareError> {
        if denominator == 0 {
            Err(ShareError::ZeroDenominator)
        } else if numerator > denominator {
            Err(ShareError::MoreThanWhole {
                numerator,
                denominator,
            })
        } else {
            let divisor = u32::try_from(gcd(u128::from(numerator), u128::from(denominator)))
                .unwrap_or(1)
                .max(1);
            Ok(Share {
                numerator: numerator / divisor,
                denominator: denominator / divisor,
            })
        }
    }

    /// A whole percentage, as most rules write it.
    pub fn percent(percent: u32) -> Result<Share, ShareError> {
        Share::new(percent, 100)
    }

    pub fn numerator(self) -> u32 {
        self.numerator
    }

    pub fn denominator(self) -> u32 {
        self.denominator
    }

    pub fn is_zero(self) -> bool {
        self.numerator == 0
    }

    pub fn is_whole(self) -> bool {
        self.numerator == self.denominator
    }

    /// This share of `whole`, rounded up: a quorum of half of 5 members is 3.
    pub fn of_rounded_up(self, whole: u64) -> u64 {
        let product = u128::from(whole) * u128::from(self.numerator);
        let denominator = u128::from(self.denominator);
        // The result is at most `whole`, so it fits back into u64.
        u64::try_from(product.div_ceil(denominator)).unwrap_or(whole)
    }

    pub fn as_ratio(self) -> Ratio {
        Ratio::from_parts(u128::from(self.numerator), u128::from(self.denominator))
    }
}

impl PartialOrd for Share {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Share {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let left = u64::from(self.numerator) * u64::from(other.denominator);
        let right = u64::from(other.numerator) * u64::from(self.denominator);
        left.cmp(&right)
    }
}

impl std::fmt::Display for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

/// A non-negative rational number, kept in lowest terms. Weighted votes are
/// fractions of a class's strength; this keeps them exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "RatioParts")]
pub struct Ratio {
    numerator: u128,
    denominator: u128,
}

/// Arithmetic on votes went beyond what Cylch can count exactly. Only a
/// co-operative with astronomically many members could reach it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the count is too large to work out exactly")]
pub struct Overflow;

#[derive(Deserialize)]
struct RatioParts {
    numerator: u128,
    denominator: u128,
}

impl From<RatioParts> for Ratio {
    fn from(parts: RatioParts) -> Ratio {
        Ratio::new(parts.numerator, parts.denominator)
    }
}

impl Ratio {
    pub const ZERO: Ratio = Ratio {
        numerator: 0,
        denominator: 1,
    };

    pub fn whole(value: u64) -> Ratio {
        Ratio {
            numerator: u128::from(value),
            denominator: 1,
        }
    }

    /// `denominator` zero is treated as zero, the only safe reading of an
    /// empty class.
    fn from_parts(numerator: u128, denominator: u128) -> Ratio {
        if denominator == 0 || numerator == 0 {
            return Ratio::ZERO;
        }
        let divisor = gcd(numerator, denominator);
        Ratio {
            numerator: numerator / divisor,
            denominator: denominator / divisor,
        }
    }

    pub fn new(numerator: u128, denominator: u128) -> Ratio {
        Ratio::from_parts(numerator, denominator)
    }

    pub fn numerator(self) -> u128 {
        self.numerator
    }

    pub fn denominator(self) -> u128 {
        self.denominator
    }

    pub fn is_zero(self) -> bool {
        self.numerator == 0
    }

    pub fn checked_add(self, other: Ratio) -> Result<Ratio, Overflow> {
        let divisor = gcd(self.denominator, other.denominator);
        let left_scale = other.denominator / divisor;
        let right_scale = self.denominator / divisor;
        let numerator = self
            .numerator
            .checked_mul(left_scale)
            .and_then(|l| other.numerator.checked_mul(right_scale).map(|r| (l, r)))
            .and_then(|(l, r)| l.checked_add(r))
            .ok_or(Overflow)?;
        let denominator = self.denominator.checked_mul(left_scale).ok_or(Overflow)?;
        Ok(Ratio::from_parts(numerator, denominator))
    }

    pub fn checked_sub(self, other: Ratio) -> Result<Ratio, Overflow> {
        let divisor = gcd(self.denominator, other.denominator);
        let left_scale = other.denominator / divisor;
        let right_scale = self.denominator / divisor;
        let left = self.numerator.checked_mul(left_scale).ok_or(Overflow)?;
        let right = other.numerator.checked_mul(right_scale).ok_or(Overflow)?;
        let numerator = left.checked_sub(right).ok_or(Overflow)?;
        let denominator = self.denominator.checked_mul(left_scale).ok_or(Overflow)?;
        Ok(Ratio::from_parts(numerator, denominator))
    }

    pub fn checked_mul(self, other: Ratio) -> Result<Ratio, Overflow> {
        // Cross-reduce first so that products stay small.
        let a = gcd(self.numerator, other.denominator).max(1);
        let b = gcd(other.numerator, self.denominator).max(1);
        let numerator = (self.numerator / a)
            .checked_mul(other.numerator / b)
            .ok_or(Overflow)?;
        let denominator = (self.denominator / b)
            .checked_mul(other.denominator / a)
            .ok_or(Overflow)?;
        Ok(Ratio::from_parts(numerator, denominator))
    }

    /// `self / other`; dividing by zero gives zero, which is what an empty
    /// class contributes.
    pub fn checked_div(self, other: Ratio) -> Result<Ratio, Overflow> {
        if other.is_zero() {
            return Ok(Ratio::ZERO);
        }
        self.checked_mul(Ratio {
            numerator: other.denominator,
            denominator: other.numerator,
        })
    }

    pub fn checked_cmp(self, other: Ratio) -> Result<std::cmp::Ordering, Overflow> {
        let left = self
            .numerator
            .checked_mul(other.denominator)
            .ok_or(Overflow)?;
        let right = other
            .numerator
            .checked_mul(self.denominator)
            .ok_or(Overflow)?;
        Ok(left.cmp(&right))
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.denominator == 1 {
            write!(f, "{}", self.numerator)
        } else {
            write!(f, "{}/{}", self.numerator, self.denominator)
        }
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let r = a % b;
        a = b;
        b = r;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_reject_impossible_values() {
        assert_eq!(Share::new(1, 0), Err(ShareError::ZeroDenominator));
        assert!(matches!(
            Share::new(5, 4),
            Err(ShareError::MoreThanWhole { .. })
        ));
        assert_eq!(Share::percent(75), Ok(Share::THREE_QUARTERS));
        assert_eq!(Share::new(0, 7), Ok(Share::ZERO));
    }

    #[test]
    fn rounding_up_is_exact() {
        assert_eq!(Share::HALF.of_rounded_up(5), 3);
        assert_eq!(Share::HALF.of_rounded_up(4), 2);
        assert_eq!(Share::HALF.of_rounded_up(0), 0);
        assert_eq!(Share::THREE_QUARTERS.of_rounded_up(7), 6);
        assert_eq!(Share::WHOLE.of_rounded_up(u64::MAX), u64::MAX);
    }

    #[test]
    fn ratios_add_and_compare_exactly() -> Result<(), Overflow> {
        let third = Ratio::new(1, 3);
        let sum = third.checked_add(third)?.checked_add(third)?;
        assert_eq!(sum, Ratio::whole(1));
        assert_eq!(Ratio::new(2, 4), Ratio::new(1, 2));
        assert_eq!(
            Ratio::new(3, 4).checked_cmp(Ratio::new(74, 100))?,
            std::cmp::Ordering::Greater
        );
        assert_eq!(Ratio::new(1, 2).checked_div(Ratio::ZERO)?, Ratio::ZERO);
        assert_eq!(
            Ratio::whole(1).checked_sub(Ratio::new(1, 4))?,
            Ratio::new(3, 4)
        );
        Ok(())
    }
}
