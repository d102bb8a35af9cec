//! Identifiers the storage layer hands in. Governance never makes them up:
//! it only needs to tell people apart and to name them back in its answers.

use serde::{Deserialize, Serialize};

macro_rules! opaque_id {
    ($name:ident, $what:literal) => {
        #[doc = $what]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(raw: impl Into<String>) -> Self {
                $name(raw.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

opaque_id!(MemberId, "A member's entry in the register of members.");
opaque_id!(PersonId, "A person who receives care and support.");
opaque_id!(MeetingId, "A meeting of the members or of the committee.");
