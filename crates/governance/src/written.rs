//! Written resolutions: passed without a meeting when enough members sign
//! within the period the rules allow (28 days by default) after the
//! resolution is sent round. Unlike a vote at a meeting, the share counts
//! all members entitled to vote, not only those who respond.

use std::collections::BTreeSet;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::ids::MemberId;
use crate::rules::Rules;
use crate::vote::DecisionRule;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub member: MemberId,
    pub signed_on: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum WrittenStatus {
    /// Enough signatures arrived; the resolution passed on `on`.
    Passed { on: Date, needed: u32 },
    /// Still open for signatures until the end of `closes_on`.
    Open {
        closes_on: Date,
        signed: u32,
        needed: u32,
    },
    /// The period ended without enough signatures.
    Lapsed {
        closed_on: Date,
        signed: u32,
        needed: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WrittenError {
    #[error("only an ordinary or special resolution can be passed in writing")]
    NotAResolution,
    #[error("{member} signed more than once")]
    DuplicateSignature { member: MemberId },
    #[error("{member}'s signature ({signed_on}) is dated before the resolution was sent round")]
    SignedBeforeCirculated { member: MemberId, signed_on: Date },
    #[error("more members signed ({signed}) than are entitled to ({entitled})")]
    MoreSignaturesThanMembers { signed: u32, entitled: u32 },
    #[error("that date is outside the calendar Cylch can count in")]
    DateOutOfRange,
}

impl WrittenError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            WrittenError::NotAResolution => "governance-not-a-resolution",
            WrittenError::DuplicateSignature { .. } => "governance-duplicate-signature",
            WrittenError::SignedBeforeCirculated { .. } => "governance-signed-before-circulated",
            WrittenError::MoreSignaturesThanMembers { .. } => {
                "governance-more-signatures-than-members"
            }
            WrittenError::DateOutOfRange => "governance-date-out-of-range",
        }
    }
}

/// Where a written resolution stands on `today`.
pub fn written_resolution_status(
    rules: &Rules,
    rule: DecisionRule,
    circulated_on: Date,
    entitled: u32,
    signatures: &[Signature],
    today: Date,
) -> Result<WrittenStatus, WrittenError> {
    let share = match rule {
        DecisionRule::OrdinaryResolution => rules.written_ordinary_share,
        DecisionRule::SpecialResolution => rules.written_special_share,
        DecisionRule::Consent | DecisionRule::SimplePoll => {
            return Err(WrittenError::NotAResolution);
        }
    };
    let mut seen = BTreeSet::new();
    for signature in signatures {
        if !seen.insert(&signature.member) {
            return Err(WrittenError::DuplicateSignature {
                member: signature.member.clone(),
            });
        }
        if signature.signed_on < circulated_on {
            return Err(WrittenError::SignedBeforeCirculated {
                member: signature.member.clone(),
                signed_on: signature.signed_on,
            });
        }
    }
    let total = u32::try_from(signatures.len()).unwrap_or(u32::MAX);
    if total > entitled {
        return Err(WrittenError::MoreSignaturesThanMembers {
            signed: total,
            entitled,
        });
    }
    // The day it is sent round is day 0; it closes at the end of day N.
    let closes_on = circulated_on
        .checked_add(i64::from(rules.written_resolution_days).days())
        .map_err(|_| WrittenError::DateOutOfRange)?;
    let needed = u32::try_from(share.of_rounded_up(u64::from(entitled)))
        .unwrap_or(entitled)
        .max(1);
    let mut in_time: Vec<Date> = signatures
        .iter()
        .map(|s| s.signed_on)
        .filter(|d| *d <= closes_on && *d <= today)
        .collect();
    in_time.sort();
    let signed = u32::try_from(in_time.len()).unwrap_or(u32::MAX);
    let passed_on = usize::try_from(needed)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| in_time.get(i).copied());
    Ok(match passed_on {
        Some(on) => WrittenStatus::Passed { on, needed },
        None if today > closes_on => WrittenStatus::Lapsed {
            closed_on: closes_on,
            signed,
            needed,
        },
        None => WrittenStatus::Open {
            closes_on,
            signed,
            needed,
        },
    })
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn signed(n: usize, on: Date) -> Vec<Signature> {
        (0..n)
            .map(|i| Signature {
                member: MemberId::new(format!("m{i}")),
                signed_on: on,
            })
            .collect()
    }

    #[test]
    fn a_written_ordinary_resolution_needs_fifty_one_percent_of_members() {
        let rules = Rules::default();
        let sent = date(2026, 2, 1);
        let status = |sigs: &[Signature], today| {
            written_resolution_status(
                &rules,
                DecisionRule::OrdinaryResolution,
                sent,
                10,
                sigs,
                today,
            )
        };
        assert_eq!(
            status(&signed(5, date(2026, 2, 3)), date(2026, 2, 10)),
            Ok(WrittenStatus::Open {
                closes_on: date(2026, 3, 1),
                signed: 5,
                needed: 6
            })
        );
        assert_eq!(
            status(&signed(6, date(2026, 2, 3)), date(2026, 2, 10)),
            Ok(WrittenStatus::Passed {
                on: date(2026, 2, 3),
                needed: 6
            })
        );
        // Signatures after the 28 days do not count.
        assert_eq!(
            status(&signed(6, date(2026, 3, 2)), date(2026, 3, 5)),
            Ok(WrittenStatus::Lapsed {
                closed_on: date(2026, 3, 1),
                signed: 0,
                needed: 6
            })
        );
        assert!(matches!(
            status(&signed(6, date(2026, 3, 1)), date(2026, 3, 5)),
            Ok(WrittenStatus::Passed { .. })
        ));
    }

    #[test]
    fn a_written_special_resolution_needs_three_quarters_of_members() {
        let rules = Rules::default();
        let sent = date(2026, 2, 1);
        let status = |n| {
            written_resolution_status(
                &rules,
                DecisionRule::SpecialResolution,
                sent,
                8,
                &signed(n, date(2026, 2, 2)),
                date(2026, 2, 5),
            )
        };
        assert!(matches!(
            status(5),
            Ok(WrittenStatus::Open { needed: 6, .. })
        ));
        assert!(matches!(status(6), Ok(WrittenStatus::Passed { .. })));
    }

    #[test]
    fn bad_signatures_are_refused() {
        let rules = Rules::default();
        let sent = date(2026, 2, 1);
        let mut twice = signed(2, date(2026, 2, 2));
        twice.push(twice[0].clone());
        let check = |sigs: &[Signature], rule| {
            written_resolution_status(&rules, rule, sent, 3, sigs, date(2026, 2, 5))
        };
        assert!(matches!(
            check(&twice, DecisionRule::OrdinaryResolution),
            Err(WrittenError::DuplicateSignature { .. })
        ));
        assert!(matches!(
            check(
                &signed(1, date(2026, 1, 1)),
                DecisionRule::OrdinaryResolution
            ),
            Err(WrittenError::SignedBeforeCirculated { .. })
        ));
        assert!(matches!(
            check(
                &signed(4, date(2026, 2, 2)),
                DecisionRule::OrdinaryResolution
            ),
            Err(WrittenError::MoreSignaturesThanMembers { .. })
        ));
        assert_eq!(
            check(&[], DecisionRule::Consent),
            Err(WrittenError::NotAResolution)
        );
    }
}
