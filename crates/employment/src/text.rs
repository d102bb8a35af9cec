//! Short free text that people type (a job title, an insurer's name, a
//! policy number), trimmed and bounded once at the edge so that nothing
//! downstream holds an empty or unbounded string.

use std::fmt;

/// Why typed text was not accepted; each variant is a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("enter a value")]
    Missing,
    #[error("the value is too long")]
    TooLong,
    #[error("the value contains characters that cannot be stored")]
    ControlCharacter,
}

impl TextError {
    pub fn code(self) -> &'static str {
        match self {
            Self::Missing => "error-missing",
            Self::TooLong => "error-too-long",
            Self::ControlCharacter => "error-control-character",
        }
    }
}

/// Trimmed text of 1 to [`Text::MAX_CHARS`] characters, without control
/// characters other than line breaks.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(String);

impl Text {
    /// Enough for an address or a short description; longer documents are
    /// referred to, not copied.
    pub const MAX_CHARS: usize = 500;

    pub fn parse(raw: &str) -> Result<Self, TextError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(TextError::Missing);
        }
        if value.chars().count() > Self::MAX_CHARS {
            return Err(TextError::TooLong);
        }
        if value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r')
        {
            return Err(TextError::ControlCharacter);
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_bounds() {
        assert_eq!(Text::parse("  Cymorth ").unwrap().as_str(), "Cymorth");
        assert_eq!(Text::parse("   "), Err(TextError::Missing));
        assert_eq!(
            Text::parse(&"a".repeat(Text::MAX_CHARS + 1)),
            Err(TextError::TooLong)
        );
        assert!(Text::parse(&"a".repeat(Text::MAX_CHARS)).is_ok());
        assert!(Text::parse("a\u{0}b").is_err());
        assert!(Text::parse("1 High St\nAberystwyth").is_ok());
    }
}
