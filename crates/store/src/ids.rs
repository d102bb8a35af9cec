//! Identifiers and secret tokens.

use blake2::{Blake2b, Digest, digest::consts::U32};
use serde::{Deserialize, Serialize};

/// 128 random bits as hex: ids that reveal nothing about order or count.
pub fn random_id() -> String {
    hex(&random_bytes::<16>())
}

/// A secret for a cookie, link or API token: 256 random bits.
pub fn random_secret() -> String {
    hex(&random_bytes::<32>())
}

/// Secrets are stored only as their hash, so a copy of the database cannot
/// be used to sign in.
pub fn hash_secret(secret: &str) -> String {
    let mut hasher = Blake2b::<U32>::new();
    hasher.update(secret.as_bytes());
    hex(&hasher.finalize())
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The operating system's generator failing is not something a request can
    // recover from; a zeroed id would be worse than stopping.
    #[allow(clippy::expect_used)]
    getrandom::getrandom(&mut bytes)
        .expect("the operating system's random number generator failed");
    bytes
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

macro_rules! id_type {
    ($name:ident, $what:literal) => {
        #[doc = $what]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new() -> Self {
                $name(random_id())
            }

            /// An id as it arrives in a URL; only its shape is checked here,
            /// whether it exists is the query's business.
            pub fn parse(raw: &str) -> Option<Self> {
                (raw.len() == 32
                    && raw
                        .bytes()
                        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()))
                .then(|| $name(raw.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub(crate) fn from_db(raw: String) -> Self {
                $name(raw)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(AccountId, "A person's account on this instance.");
id_type!(CoopId, "A co-operative hosted on this instance.");
id_type!(EmploymentId, "One PA's employment with a co-operative.");
id_type!(
    ShiftId,
    "One PA's place on the rota: a time, the people it supports, and the PA if one is on it."
);
id_type!(TimesheetId, "One PA's timesheet for one pay period.");
id_type!(PayRunId, "One pay run: a pay period of one frequency.");
id_type!(PayslipId, "One PA's payslip in one pay run.");
id_type!(
    TimesheetLineId,
    "One line of a timesheet: a stretch of time and whom it was for."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_and_parse_back() {
        let a = CoopId::new();
        assert_ne!(a, CoopId::new());
        assert_eq!(CoopId::parse(a.as_str()), Some(a));
        assert_eq!(CoopId::parse("../etc/passwd"), None);
        assert_eq!(CoopId::parse(&"A".repeat(32)), None);
    }

    #[test]
    fn secrets_hash_stably() {
        let s = random_secret();
        assert_eq!(s.len(), 64);
        assert_eq!(hash_secret(&s), hash_secret(&s));
        assert_ne!(hash_secret(&s), s);
    }
}
