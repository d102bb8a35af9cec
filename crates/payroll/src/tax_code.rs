//! Tax codes as HMRC issues them, parsed once at the edge.

use std::fmt;

/// Whose income tax rates apply: the prefix of the code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Regime {
    /// No prefix: England and Northern Ireland.
    RestOfUk,
    /// Prefix C: Welsh rates of income tax.
    Wales,
    /// Prefix S: Scottish rates of income tax.
    Scotland,
}

/// The letter after an allowance number. All four give the same free pay;
/// they differ only in why HMRC chose the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Suffix {
    L,
    M,
    N,
    T,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeKind {
    /// `1257L`, `0T`: the number gives tax-free pay.
    Allowance { number: u32, suffix: Suffix },
    /// `K475`: the number gives pay to add.
    K { number: u32 },
    /// `BR`: everything at the basic rate.
    BasicRate,
    /// `D0`, `D1` (`SD0`–`SD3`): everything at one higher rate; the digit.
    Flat { index: u8 },
    /// `NT`: no tax.
    NoTax,
}

/// A parsed tax code: regime, kind, and whether it runs on the
/// week 1/month 1 (non-cumulative) basis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TaxCode {
    pub regime: Regime,
    pub kind: CodeKind,
    pub non_cumulative: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TaxCodeError {
    #[error("the tax code is empty; copy it from the P45, P6 or starter checklist, e.g. 1257L")]
    Empty,
    #[error(
        "\"{0}\" is not a tax code HMRC issues; expected forms are 1257L, C1257L, S1257L, K475, BR, D0, D1, 0T, NT, optionally followed by W1, M1 or X"
    )]
    Unrecognised(String),
    #[error(
        "\"{0}\": HMRC no longer issues codes with the suffix {1}; use the code on the latest notice (P6/P9)"
    )]
    RetiredSuffix(String, char),
    #[error(
        "\"{0}\": the number in a tax code has no leading zeros and is not zero (only 0T has no allowance)"
    )]
    BadNumber(String),
    #[error("\"{0}\": there is no D{1} code outside Scotland (D0 and D1 only)")]
    NoSuchDCode(String, u8),
    #[error("\"{0}\": there is no SD{1} code (Scottish D codes are SD0 to SD3)")]
    NoSuchScottishDCode(String, u8),
    #[error("\"{0}\": NT is never issued with a C or S prefix")]
    PrefixedNt(String),
    #[error("\"{0}\": K codes run from K1 to K9999 (HMRC PAYE manual PAYE11015)")]
    KTooLarge(String),
}

/// Largest suffix-code number: HMRC's payroll software specification allows
/// codes of seven characters, such as 999999T.
const MAX_NUMBER: u32 = 999_999;

/// Largest K-code number HMRC issues (PAYE11015).
const MAX_K_NUMBER: u32 = 9_999;

impl TaxCode {
    /// Parses a code such as `C1257L`, `SK475 W1`, `BR`, `1257L X`.
    pub fn parse(text: &str) -> Result<Self, TaxCodeError> {
        let original = text.trim();
        if original.is_empty() {
            return Err(TaxCodeError::Empty);
        }
        let upper = original.to_ascii_uppercase();
        let unrecognised = || TaxCodeError::Unrecognised(original.to_owned());

        let (body, non_cumulative) = split_basis(&upper);
        let (regime, body) = match body.as_bytes().first() {
            Some(b'C') => (Regime::Wales, &body[1..]),
            Some(b'S') => (Regime::Scotland, &body[1..]),
            _ => (Regime::RestOfUk, body),
        };
        if body.is_empty() {
            return Err(unrecognised());
        }

        let kind = match body {
            "BR" => CodeKind::BasicRate,
            "NT" if regime != Regime::RestOfUk => {
                return Err(TaxCodeError::PrefixedNt(original.to_owned()));
            }
            "NT" => CodeKind::NoTax,
            "0T" => CodeKind::Allowance {
                number: 0,
                suffix: Suffix::T,
            },
            _ if body.starts_with('D') => {
                let digit = &body[1..];
                if digit.len() != 1 || !digit.as_bytes()[0].is_ascii_digit() {
                    return Err(unrecognised());
                }
                let index = digit.as_bytes()[0] - b'0';
                let limit = if regime == Regime::Scotland { 3 } else { 1 };
                if index > limit {
                    return Err(if regime == Regime::Scotland {
                        TaxCodeError::NoSuchScottishDCode(original.to_owned(), index)
                    } else {
                        TaxCodeError::NoSuchDCode(original.to_owned(), index)
                    });
                }
                CodeKind::Flat { index }
            }
            _ if body.starts_with('K') => {
                let number = parse_number(&body[1..], original)?;
                if number > MAX_K_NUMBER {
                    return Err(TaxCodeError::KTooLarge(original.to_owned()));
                }
                CodeKind::K { number }
            }
            _ => {
                let (digits, letter) = body.split_at(body.len() - 1);
                let letter = letter.chars().next().ok_or_else(unrecognised)?;
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(unrecognised());
                }
                let suffix = match letter {
                    'L' => Suffix::L,
                    'M' => Suffix::M,
                    'N' => Suffix::N,
                    'T' => Suffix::T,
                    'P' | 'V' | 'Y' => {
                        return Err(TaxCodeError::RetiredSuffix(original.to_owned(), letter));
                    }
                    _ => return Err(unrecognised()),
                };
                let number = parse_number(digits, original)?;
                CodeKind::Allowance { number, suffix }
            }
        };
        Ok(Self {
            regime,
            kind,
            non_cumulative,
        })
    }

    pub fn is_k(self) -> bool {
        matches!(self.kind, CodeKind::K { .. })
    }
}

/// Strips a trailing W1, M1 or X (a space before it optional).
fn split_basis(code: &str) -> (&str, bool) {
    for marker in ["W1", "M1", "X"] {
        if let Some(rest) = code.strip_suffix(marker) {
            let rest = rest.trim_end();
            // "X" alone, or "1257L X": only a marker after a complete code.
            if !rest.is_empty() {
                return (rest, true);
            }
        }
    }
    (code, false)
}

fn parse_number(digits: &str, original: &str) -> Result<u32, TaxCodeError> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TaxCodeError::Unrecognised(original.to_owned()));
    }
    if digits.starts_with('0') {
        return Err(TaxCodeError::BadNumber(original.to_owned()));
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= MAX_NUMBER => Ok(n),
        _ => Err(TaxCodeError::Unrecognised(original.to_owned())),
    }
}

impl fmt::Display for TaxCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.regime {
            Regime::RestOfUk => "",
            Regime::Wales => "C",
            Regime::Scotland => "S",
        };
        write!(f, "{prefix}")?;
        match self.kind {
            CodeKind::Allowance { number, suffix } => write!(f, "{number}{suffix:?}")?,
            CodeKind::K { number } => write!(f, "K{number}")?,
            CodeKind::BasicRate => write!(f, "BR")?,
            CodeKind::Flat { index } => write!(f, "D{index}")?,
            CodeKind::NoTax => write!(f, "NT")?,
        }
        if self.non_cumulative {
            write!(f, " W1")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(code: &str) -> TaxCode {
        TaxCode::parse(code).unwrap()
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(
            ok("1257L"),
            TaxCode {
                regime: Regime::RestOfUk,
                kind: CodeKind::Allowance {
                    number: 1257,
                    suffix: Suffix::L
                },
                non_cumulative: false
            }
        );
        assert_eq!(ok("C1257L").regime, Regime::Wales);
        assert_eq!(ok("S1257M").regime, Regime::Scotland);
        assert_eq!(
            ok("1257N").kind,
            CodeKind::Allowance {
                number: 1257,
                suffix: Suffix::N
            }
        );
        assert_eq!(
            ok("1257T").kind,
            CodeKind::Allowance {
                number: 1257,
                suffix: Suffix::T
            }
        );
        assert_eq!(ok("K475").kind, CodeKind::K { number: 475 });
        assert_eq!(ok("CK475").regime, Regime::Wales);
        assert_eq!(ok("SK475").regime, Regime::Scotland);
        assert_eq!(ok("BR").kind, CodeKind::BasicRate);
        assert_eq!(ok("SBR").regime, Regime::Scotland);
        assert_eq!(ok("D0").kind, CodeKind::Flat { index: 0 });
        assert_eq!(ok("CD1").kind, CodeKind::Flat { index: 1 });
        assert_eq!(ok("SD3").kind, CodeKind::Flat { index: 3 });
        assert_eq!(
            ok("0T").kind,
            CodeKind::Allowance {
                number: 0,
                suffix: Suffix::T
            }
        );
        assert_eq!(ok("NT").kind, CodeKind::NoTax);
        assert!(ok("1257L W1").non_cumulative);
        assert!(ok("1257LM1").non_cumulative);
        assert!(ok("1257L X").non_cumulative);
        assert!(ok("K475W1").non_cumulative);
        assert!(ok("BR M1").non_cumulative);
        assert!(!ok("1257L").non_cumulative);
        assert_eq!(
            ok("999999T").kind,
            CodeKind::Allowance {
                number: 999_999,
                suffix: Suffix::T
            }
        );
        assert_eq!(ok("K9999").kind, CodeKind::K { number: 9_999 });
    }

    #[test]
    fn refuses_codes_hmrc_would_not_issue() {
        for bad in [
            "", "L", "1257", "1257Q", "K", "K0", "K0475", "01257L", "0L", "D2", "CD2", "SD4",
            "SNT", "CNT", "1257P", "1257Y", "BR1", "X", "W1", "K475L", "12.5L", "S", "C",
            "1257L W2", "SS1257L", "1257 L", "9999999L", "K10000", "SK12345",
        ] {
            assert!(TaxCode::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
