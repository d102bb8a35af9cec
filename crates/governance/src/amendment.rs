//! Changing the rules. A co-operative changes its rules only by special
//! resolution; the change then takes effect when the FCA registers it, which
//! storage records separately.

use serde::{Deserialize, Serialize};

use crate::rules::{Rules, RulesError};
use crate::vote::{DecisionRule, ResolutionResult};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleChangeError {
    #[error("the rules can only be changed by a special resolution")]
    NeedsSpecialResolution,
    #[error("the special resolution to change the rules was not carried")]
    NotCarried,
    #[error("the new rules cannot work as written: {0}")]
    Invalid(#[from] RulesError),
}

impl RuleChangeError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            RuleChangeError::NeedsSpecialResolution => "governance-needs-special-resolution",
            RuleChangeError::NotCarried => "governance-not-carried",
            RuleChangeError::Invalid(inner) => inner.code(),
        }
    }
}

/// Returns the new rules if `decided_by` is a carried special resolution and
/// the new rules are valid.
pub fn amend_rules(
    proposed: Rules,
    decided_by: &ResolutionResult,
) -> Result<Rules, RuleChangeError> {
    if decided_by.rule != DecisionRule::SpecialResolution {
        return Err(RuleChangeError::NeedsSpecialResolution);
    }
    if !decided_by.carried() {
        return Err(RuleChangeError::NotCarried);
    }
    proposed.validate()?;
    Ok(proposed)
}

/// A setting of the rules, named so that a proposal to change the rules can
/// list what it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleSetting {
    Voting,
    GeneralMeetingQuorum,
    CommitteeQuorum,
    GeneralMeetingNotice,
    CommitteeMeetingNotice,
    ShortNoticeConsent,
    OrdinaryResolution,
    SpecialResolution,
    Proxies,
    OnlineVoting,
    SecretBallot,
    WrittenResolutionDays,
    WrittenOrdinaryShare,
    WrittenSpecialShare,
    Agm,
    Admission,
}

/// The settings `proposed` changes from `current`, in the order the rules
/// list them.
pub fn changed_settings(current: &Rules, proposed: &Rules) -> Vec<RuleSetting> {
    // Destructured so that a new setting cannot be forgotten here.
    let Rules {
        voting,
        general_meeting_quorum,
        committee_quorum,
        general_meeting_notice_days,
        committee_meeting_notice_days,
        short_notice_consent,
        ordinary_resolution,
        special_resolution,
        proxies,
        online_voting,
        secret_ballot_always,
        written_resolution_days,
        written_ordinary_share,
        written_special_share,
        agm,
        admission,
    } = current;
    let changes = [
        (*voting != proposed.voting, RuleSetting::Voting),
        (
            *general_meeting_quorum != proposed.general_meeting_quorum,
            RuleSetting::GeneralMeetingQuorum,
        ),
        (
            *committee_quorum != proposed.committee_quorum,
            RuleSetting::CommitteeQuorum,
        ),
        (
            *general_meeting_notice_days != proposed.general_meeting_notice_days,
            RuleSetting::GeneralMeetingNotice,
        ),
        (
            *committee_meeting_notice_days != proposed.committee_meeting_notice_days,
            RuleSetting::CommitteeMeetingNotice,
        ),
        (
            *short_notice_consent != proposed.short_notice_consent,
            RuleSetting::ShortNoticeConsent,
        ),
        (
            *ordinary_resolution != proposed.ordinary_resolution,
            RuleSetting::OrdinaryResolution,
        ),
        (
            *special_resolution != proposed.special_resolution,
            RuleSetting::SpecialResolution,
        ),
        (*proxies != proposed.proxies, RuleSetting::Proxies),
        (
            *online_voting != proposed.online_voting,
            RuleSetting::OnlineVoting,
        ),
        (
            *secret_ballot_always != proposed.secret_ballot_always,
            RuleSetting::SecretBallot,
        ),
        (
            *written_resolution_days != proposed.written_resolution_days,
            RuleSetting::WrittenResolutionDays,
        ),
        (
            *written_ordinary_share != proposed.written_ordinary_share,
            RuleSetting::WrittenOrdinaryShare,
        ),
        (
            *written_special_share != proposed.written_special_share,
            RuleSetting::WrittenSpecialShare,
        ),
        (*agm != proposed.agm, RuleSetting::Agm),
        (*admission != proposed.admission, RuleSetting::Admission),
    ];
    changes
        .into_iter()
        .filter_map(|(changed, setting)| changed.then_some(setting))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admission_by_the_members_is_a_change_and_old_rules_admit_by_committee() {
        let current = Rules::default();
        let proposed = Rules {
            admission: crate::rules::Admission::ByMembers,
            ..Rules::default()
        };
        assert_eq!(
            changed_settings(&current, &proposed),
            [RuleSetting::Admission]
        );
        let mut stored = serde_json::to_value(&current).unwrap();
        stored.as_object_mut().unwrap().remove("admission");
        let read: Rules = serde_json::from_value(stored).unwrap();
        assert_eq!(read.admission, crate::rules::Admission::ByCommittee);
    }

    #[test]
    fn changes_are_listed() {
        let current = Rules::default();
        assert!(changed_settings(&current, &current).is_empty());
        let proposed = Rules {
            general_meeting_notice_days: 21,
            online_voting: false,
            ..Rules::default()
        };
        assert_eq!(
            changed_settings(&current, &proposed),
            vec![RuleSetting::GeneralMeetingNotice, RuleSetting::OnlineVoting]
        );
    }
}
