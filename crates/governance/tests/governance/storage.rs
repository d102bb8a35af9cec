//! What storage will write and read back: the types round-trip through
//! JSON, and a stored value that breaks a rule is refused on the way in.

use std::collections::BTreeMap;

use cylch_domain::MemberClass;
use cylch_governance::rules::VotingScheme;
use cylch_governance::{DecisionRule, ResolutionResult, Rules, Share, decide};

use crate::common::ballot;

#[test]
fn rules_round_trip_through_json() {
    let rules = Rules {
        voting: VotingScheme::ClassShares {
            weights: BTreeMap::from([
                (MemberClass::SupportedPerson, 40),
                (MemberClass::Pa, 30),
                (MemberClass::FamilyOrCarer, 30),
            ]),
        },
        ..Rules::default()
    };
    let json = serde_json::to_string(&rules).unwrap();
    assert!(json.contains("\"scheme\":\"class_shares\""), "{json}");
    let back: Rules = serde_json::from_str(&json).unwrap();
    assert_eq!(back, rules);
}

#[test]
fn a_stored_share_that_cannot_be_is_refused() {
    assert!(serde_json::from_str::<Share>(r#"{"numerator":5,"denominator":4}"#).is_err());
    assert!(serde_json::from_str::<Share>(r#"{"numerator":1,"denominator":0}"#).is_err());
    let share: Share = serde_json::from_str(r#"{"numerator":75,"denominator":100}"#).unwrap();
    assert_eq!(share, Share::THREE_QUARTERS);
}

#[test]
fn results_round_trip_through_json() {
    let rules = Rules {
        voting: VotingScheme::ClassShares {
            weights: BTreeMap::from([(MemberClass::SupportedPerson, 1), (MemberClass::Pa, 1)]),
        },
        ..Rules::default()
    };
    let votes = [
        ballot(
            "a",
            MemberClass::SupportedPerson,
            cylch_governance::VoteChoice::For,
        ),
        ballot("b", MemberClass::Pa, cylch_governance::VoteChoice::For),
        ballot("c", MemberClass::Pa, cylch_governance::VoteChoice::Against),
        ballot("d", MemberClass::Pa, cylch_governance::VoteChoice::Against),
    ];
    let result = decide(&rules, DecisionRule::SpecialResolution, &votes).unwrap();
    let json = serde_json::to_string(&result).unwrap();
    let back: ResolutionResult = serde_json::from_str(&json).unwrap();
    assert_eq!(back, result);
}

#[test]
fn errors_carry_stable_codes_for_the_pages() {
    use cylch_governance::{MeetingError, NoticeError, ProposalError, VoteError};
    assert_eq!(
        VoteError::ProxiesNotAllowed.code(),
        "governance-proxies-not-allowed"
    );
    // Wrapped errors speak with the inner error's code.
    assert_eq!(
        ProposalError::Meeting(MeetingError::Notice(NoticeError::DateOutOfRange)).code(),
        "governance-date-out-of-range"
    );
    assert_eq!(
        cylch_governance::SupportRefusal::PaCoopProvidesNoSupport.code(),
        "governance-pa-coop-provides-no-support"
    );
}
