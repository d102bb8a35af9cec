//! What a person types about themselves, parsed once at the edge.

use serde::{Deserialize, Serialize};

/// Why a value a person typed was not accepted. Each variant is a stable code
/// that the web layer turns into a sentence in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("enter a value")]
    Missing,
    #[error("the value is too long")]
    TooLong,
    #[error("enter an email address in the right form, like name@example.com")]
    EmailFormat,
    #[error("the password must be at least {} characters", Password::MIN_CHARS)]
    PasswordTooShort,
    #[error("the password must be at most {} characters", Password::MAX_CHARS)]
    PasswordTooLong,
    #[error("choose one of the options")]
    UnknownChoice,
    #[error("enter a real date, like 6/4/2026")]
    DateFormat,
    #[error("remove the control characters (invisible characters such as a bell or a form feed)")]
    ControlCharacter,
}

impl FieldError {
    /// The message key the pages translate.
    pub fn code(self) -> &'static str {
        match self {
            FieldError::Missing => "error-missing",
            FieldError::TooLong => "error-too-long",
            FieldError::EmailFormat => "error-email-format",
            FieldError::PasswordTooShort => "error-password-short",
            FieldError::PasswordTooLong => "error-password-long",
            FieldError::UnknownChoice => "error-unknown-choice",
            FieldError::DateFormat => "error-date-format",
            FieldError::ControlCharacter => "error-control-character",
        }
    }
}

/// Whether text may run over several lines (a note, a description) or is
/// one line (a name, a title).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Several,
}

/// Text a person typed, trimmed, refused when it holds a control character:
/// C0 (U+0000 to U+001F) but for tab and line breaks in text of several
/// lines, DEL (U+007F) and C1 (U+0080 to U+009F). None has a place in a
/// name or a note, and each can hide text from a reader, break a CSV or a
/// PDF, or ring a terminal's bell. Every name and free text the domain
/// reads passes here, so every area refuses them the same way.
pub fn parse_text(raw: &str, lines: Lines) -> Result<&str, FieldError> {
    let value = raw.trim();
    let allowed = |c: char| lines == Lines::Several && matches!(c, '\t' | '\n' | '\r');
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(FieldError::ControlCharacter);
    }
    if value.is_empty() {
        return Err(FieldError::Missing);
    }
    Ok(value)
}

/// An email address, trimmed and lower-cased so that one person has one
/// account however they type it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// RFC 5321 limits a forward path to 256 octets including the brackets.
    const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(FieldError::Missing);
        }
        if value.len() > Self::MAX_LEN {
            return Err(FieldError::TooLong);
        }
        let (local, domain) = value.split_once('@').ok_or(FieldError::EmailFormat)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c == '@' || c.is_control());
        if domain_ok && local_ok {
            Ok(EmailAddress(value))
        } else {
            Err(FieldError::EmailFormat)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new password as typed. Length is the only rule: the NCSC advises against
/// composition rules, which push people towards predictable passwords.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 256;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let chars = raw.chars().count();
        if chars == 0 {
            Err(FieldError::Missing)
        } else if chars < Self::MIN_CHARS {
            Err(FieldError::PasswordTooShort)
        } else if chars > Self::MAX_CHARS {
            Err(FieldError::PasswordTooLong)
        } else {
            Ok(Password(raw.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// The name a person is known by in their co-operative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonName(String);

impl PersonName {
    const MAX_CHARS: usize = 120;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = parse_text(raw, Lines::One)?;
        if value.chars().count() > Self::MAX_CHARS {
            Err(FieldError::TooLong)
        } else {
            Ok(PersonName(value.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised() {
        let email = EmailAddress::parse("  Megan.Jones@Example.CYMRU ").unwrap();
        assert_eq!(email.as_str(), "megan.jones@example.cymru");
    }

    #[test]
    fn email_needs_a_domain_with_a_dot() {
        for bad in [
            "megan",
            "megan@",
            "@example.com",
            "megan@example",
            "a b@example.com",
            "m@.example.com",
            "m@example..com",
        ] {
            assert_eq!(
                EmailAddress::parse(bad),
                Err(FieldError::EmailFormat),
                "{bad}"
            );
        }
        assert_eq!(EmailAddress::parse("   "), Err(FieldError::Missing));
    }

    #[test]
    fn password_length_counts_characters_not_bytes() {
        assert_eq!(
            Password::parse("ŵŷŵŷŵŷŵŷŵ").err(),
            Some(FieldError::PasswordTooShort)
        );
        assert!(Password::parse("ŵŷŵŷŵŷŵŷŵŷ").is_ok());
        assert_eq!(Password::parse("").err(), Some(FieldError::Missing));
        assert_eq!(
            Password::parse(&"x".repeat(257)).err(),
            Some(FieldError::PasswordTooLong)
        );
    }

    #[test]
    fn password_is_redacted_in_debug() {
        let password = Password::parse("correct horse battery").unwrap();
        assert!(!format!("{password:?}").contains("horse"));
    }

    #[test]
    fn name_is_trimmed_and_bounded() {
        assert_eq!(PersonName::parse("  Siân ").unwrap().as_str(), "Siân");
        assert_eq!(PersonName::parse(""), Err(FieldError::Missing));
        assert_eq!(
            PersonName::parse(&"a".repeat(121)),
            Err(FieldError::TooLong)
        );
    }

    #[test]
    fn text_refuses_control_characters() {
        for bad in [
            "Si\u{7}ân",
            "a\u{90}b",
            "a\u{7f}b",
            "a\u{0}b",
            "a\u{1b}[31mb",
            "a\nb",
            "a\tb",
        ] {
            assert_eq!(
                PersonName::parse(bad),
                Err(FieldError::ControlCharacter),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_text("line one\r\n\tline two", Lines::Several),
            Ok("line one\r\n\tline two")
        );
        assert_eq!(
            parse_text("a\u{85}b", Lines::Several),
            Err(FieldError::ControlCharacter)
        );
        // Welsh letters and other scripts are not control characters.
        assert!(PersonName::parse("Ŵyn ap Siôn 王").is_ok());
    }
}
