//! Co-operatives: the kinds Cylch knows and what each may do.

use serde::{Deserialize, Serialize};

use crate::account::FieldError;

/// The kind of a co-operative is chosen when it is created, because the law
/// treats the kinds differently (see the domain notes, section 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoopKind {
    /// Employs PAs and shares their support among at most four supported
    /// people, which keeps it outside domiciliary care regulation.
    Family,
    /// PAs supporting one another; employs no one and provides no care.
    PaCoop,
    /// Commissions or provides services for more people; more than four only
    /// once registered with Care Inspectorate Wales.
    CitizenLed,
}

impl CoopKind {
    pub const ALL: [CoopKind; 3] = [CoopKind::Family, CoopKind::PaCoop, CoopKind::CitizenLed];

    pub fn code(self) -> &'static str {
        match self {
            CoopKind::Family => "family",
            CoopKind::PaCoop => "pa_coop",
            CoopKind::CitizenLed => "citizen_led",
        }
    }

    pub fn parse(code: &str) -> Result<CoopKind, FieldError> {
        CoopKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
            .ok_or(FieldError::UnknownChoice)
    }

    /// Whether people receive care and support from this co-operative (and so
    /// whether it has supported members and a rota at all).
    pub fn provides_support(self) -> bool {
        !matches!(self, CoopKind::PaCoop)
    }
}

/// A co-operative's registered or working name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CoopName(String);

impl CoopName {
    const MAX_CHARS: usize = 160;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = crate::account::parse_text(raw, crate::account::Lines::One)?;
        if value.chars().count() > Self::MAX_CHARS {
            Err(FieldError::TooLong)
        } else {
            Ok(CoopName(value.to_owned()))
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
    fn kinds_round_trip_through_their_codes() {
        for kind in CoopKind::ALL {
            assert_eq!(CoopKind::parse(kind.code()), Ok(kind));
        }
        assert_eq!(CoopKind::parse("agency"), Err(FieldError::UnknownChoice));
    }

    #[test]
    fn a_pa_coop_provides_no_support() {
        assert!(!CoopKind::PaCoop.provides_support());
        assert!(CoopKind::Family.provides_support());
    }
}
