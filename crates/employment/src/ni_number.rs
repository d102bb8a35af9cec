//! A National Insurance number, parsed for form by HMRC's rules (National
//! Insurance Manual NIM39110) and never shown in full by accident.
//!
//! Form, not existence: only HMRC can say whether a number was issued, and
//! to whom. What we can refuse is what HMRC never issues:
//! - two prefix letters, neither of them D, F, I, Q, U or V, the second
//!   not O, and not one of the prefixes BG, GB, KN, NK, NT, TN or ZZ;
//! - six digits;
//! - a suffix A, B, C or D.
//!
//! HMRC's own example, `QQ 12 34 56 A`, is therefore refused: Q is never a
//! prefix letter, which is why HMRC uses it as the example.
//!
//! `Debug` and `Display` show the masked form (`•• •• •• 56 C`: the last two
//! digits and the suffix, enough to tell two PAs' numbers apart on a page
//! without revealing the number). Code that must send the number to HMRC or a
//! pension scheme asks for [`NiNumber::full`] by name, so a log line or an
//! error message cannot leak it.

use std::fmt;

/// Why typed text is not a National Insurance number. Each variant is a
/// stable code the pages translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NiNumberError {
    #[error("enter the National Insurance number")]
    Missing,
    #[error("a National Insurance number has 9 characters, like AB 12 34 56 C")]
    TooLong,
    #[error("a National Insurance number is 2 letters, 6 digits and a letter, like AB 12 34 56 C")]
    Format,
    #[error(
        "the first two letters are not ones HMRC uses; check the number on a payslip or letter"
    )]
    Prefix,
    #[error("the last letter of a National Insurance number is A, B, C or D")]
    Suffix,
}

impl NiNumberError {
    pub fn code(self) -> &'static str {
        match self {
            Self::Missing => "ni-number-missing",
            Self::TooLong => "ni-number-too-long",
            Self::Format => "ni-number-format",
            Self::Prefix => "ni-number-prefix",
            Self::Suffix => "ni-number-suffix",
        }
    }
}

/// A National Insurance number in HMRC's form, held upper-case without
/// spaces (`AB123456C`).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NiNumber(String);

/// Letters never used as either prefix letter (NIM39110).
const NEVER_IN_PREFIX: &[u8] = b"DFIQUV";
/// Prefixes not allocated (NIM39110).
const UNALLOCATED_PREFIXES: [&[u8; 2]; 7] = [b"BG", b"GB", b"KN", b"NK", b"NT", b"TN", b"ZZ"];
/// More typed characters than this is not a number with spaces in it.
const MAX_TYPED: usize = 20;

impl NiNumber {
    /// Reads a number as a person types it: any case, spaces anywhere.
    pub fn parse(raw: &str) -> Result<Self, NiNumberError> {
        if raw.chars().count() > MAX_TYPED {
            return Err(NiNumberError::TooLong);
        }
        let compact: String = raw
            .chars()
            .filter(|c| *c != ' ')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() {
            return Err(NiNumberError::Missing);
        }
        let bytes = compact.as_bytes();
        if bytes.len() != 9
            || !bytes[..2].iter().all(u8::is_ascii_uppercase)
            || !bytes[2..8].iter().all(u8::is_ascii_digit)
            || !bytes[8].is_ascii_uppercase()
        {
            return Err(NiNumberError::Format);
        }
        let (first, second) = (bytes[0], bytes[1]);
        if NEVER_IN_PREFIX.contains(&first)
            || NEVER_IN_PREFIX.contains(&second)
            || second == b'O'
            || UNALLOCATED_PREFIXES.iter().any(|p| **p == [first, second])
        {
            return Err(NiNumberError::Prefix);
        }
        if !matches!(bytes[8], b'A'..=b'D') {
            return Err(NiNumberError::Suffix);
        }
        Ok(Self(compact))
    }

    /// The whole number, `AB123456C`, for those who must send it on (an
    /// FPS, a pension scheme, the payroll officer's screen). Everything
    /// else shows [`NiNumber::masked`].
    pub fn full(&self) -> &str {
        &self.0
    }

    /// `•• •• •• 56 C`: the last two digits and the suffix.
    pub fn masked(&self) -> String {
        let last_two = self.0.get(6..8).unwrap_or("");
        let suffix = self.0.get(8..9).unwrap_or("");
        format!("•• •• •• {last_two} {suffix}")
    }
}

impl fmt::Display for NiNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for NiNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NiNumber({})", self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_typed_forms() {
        let n = NiNumber::parse(" ab 12 34 56 c ").unwrap();
        assert_eq!(n.full(), "AB123456C");
        assert_eq!(NiNumber::parse("AB123456C").unwrap(), n);
        assert_eq!(
            NiNumber::parse("JZ 98 76 54 D").unwrap().full(),
            "JZ987654D"
        );
    }

    #[test]
    fn refuses_what_hmrc_never_issues() {
        // NIM39110: HMRC's own example uses Q, which is never a prefix letter.
        assert_eq!(NiNumber::parse("QQ 12 34 56 A"), Err(NiNumberError::Prefix));
        for prefix in ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"] {
            assert_eq!(
                NiNumber::parse(&format!("{prefix}123456A")),
                Err(NiNumberError::Prefix),
                "{prefix}"
            );
        }
        for letter in ['D', 'F', 'I', 'Q', 'U', 'V'] {
            assert_eq!(
                NiNumber::parse(&format!("{letter}A123456A")),
                Err(NiNumberError::Prefix)
            );
            assert_eq!(
                NiNumber::parse(&format!("A{letter}123456A")),
                Err(NiNumberError::Prefix)
            );
        }
        // O may be the first letter but not the second.
        assert!(NiNumber::parse("OA123456A").is_ok());
        assert_eq!(NiNumber::parse("AO123456A"), Err(NiNumberError::Prefix));
        assert_eq!(NiNumber::parse("AB123456E"), Err(NiNumberError::Suffix));
        assert_eq!(NiNumber::parse("AB12345C"), Err(NiNumberError::Format));
        assert_eq!(NiNumber::parse("AB1234567"), Err(NiNumberError::Format));
        assert_eq!(NiNumber::parse("AB-12-34-56-C"), Err(NiNumberError::Format));
        assert_eq!(NiNumber::parse("AB12-3456C"), Err(NiNumberError::Format));
        assert_eq!(NiNumber::parse("AB12345６C"), Err(NiNumberError::Format));
        assert_eq!(NiNumber::parse("   "), Err(NiNumberError::Missing));
        assert_eq!(
            NiNumber::parse(&"A".repeat(1000)),
            Err(NiNumberError::TooLong)
        );
    }

    #[test]
    fn never_shown_in_full_by_accident() {
        let n = NiNumber::parse("AB123456C").unwrap();
        assert_eq!(n.masked(), "•• •• •• 56 C");
        assert_eq!(n.to_string(), "•• •• •• 56 C");
        assert_eq!(format!("{n:?}"), "NiNumber(•• •• •• 56 C)");
        assert!(!format!("{n:?}{n}").contains("1234"));
    }

    proptest! {
        #[test]
        fn any_accepted_number_round_trips_and_masks(raw in "[A-Za-z ]{0,3}[0-9 ]{0,8}[A-Za-z ]{0,2}") {
            if let Ok(n) = NiNumber::parse(&raw) {
                prop_assert_eq!(n.full().len(), 9);
                prop_assert_eq!(NiNumber::parse(n.full()), Ok(n.clone()));
                let shown = format!("{n}{n:?}");
                prop_assert!(!shown.contains(&n.full()[..6]));
            }
        }
    }
}
