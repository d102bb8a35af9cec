//! The co-operative's rules (its governing document) as settings: who votes
//! with what weight, quorum, notice, majorities, proxies and online voting.
//!
//! The defaults are those of Co-operatives UK's model rules, which most
//! small co-operative societies adopt. Every number here is a setting
//! because a co-operative may register different rules.

use std::collections::BTreeMap;

use cylch_domain::MemberClass;
use serde::{Deserialize, Serialize};

use crate::ratio::{Overflow, Ratio, Share};

/// How votes are counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "scheme", rename_all = "snake_case")]
pub enum VotingScheme {
    /// One member, one vote, whatever the shareholding. `caps` limits a
    /// class (supporters, investors) to a share of the votes cast; a class
    /// over its cap has its votes scaled down to exactly the cap.
    OneMemberOneVote { caps: BTreeMap<MemberClass, Share> },
    /// Multi-stakeholder rules: each class holds a fixed weight of the
    /// result, shared among the members of that class who vote. Weights are
    /// relative (40, 30, 30 or 4, 3, 3 mean the same).
    ClassShares { weights: BTreeMap<MemberClass, u32> },
}

impl Default for VotingScheme {
    fn default() -> Self {
        VotingScheme::OneMemberOneVote {
            caps: BTreeMap::new(),
        }
    }
}

/// A quorum: the greater of a number of members and a share of the members
/// entitled to attend, rounded up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuorumRule {
    pub minimum_members: u32,
    pub share_of_members: Share,
}

impl QuorumRule {
    /// Co-operatives UK: 2 members or 50% of members, whichever is greater.
    pub const MODEL: QuorumRule = QuorumRule {
        minimum_members: 2,
        share_of_members: Share::HALF,
    };

    /// How many must be present (or represented, where proxies count) when
    /// `entitled` members are entitled to attend.
    pub fn required(self, entitled: u32) -> u32 {
        let by_share = self.share_of_members.of_rounded_up(u64::from(entitled));
        // The share of a u32 is at most that u32.
        let by_share = u32::try_from(by_share).unwrap_or(entitled);
        self.minimum_members.max(by_share)
    }
}

/// The votes a resolution needs, as a share of votes cast. Abstentions are
/// not votes cast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Majority {
    pub share: Share,
    /// `true`: more than `share` is needed (a simple majority is "more than
    /// half", so a tie is lost); `false`: at least `share` will do (a special
    /// resolution passes at exactly 75%).
    pub more_than: bool,
}

impl Majority {
    pub const SIMPLE: Majority = Majority {
        share: Share::HALF,
        more_than: true,
    };
    pub const THREE_QUARTERS: Majority = Majority {
        share: Share::THREE_QUARTERS,
        more_than: false,
    };

    /// Whether `in_favour` out of `cast` meets this majority. Nothing cast
    /// never meets one: a resolution needs someone to vote for it.
    pub fn is_met(self, in_favour: Ratio, cast: Ratio) -> Result<bool, Overflow> {
        if cast.is_zero() {
            return Ok(false);
        }
        let needed = self.share.as_ratio().checked_mul(cast)?;
        let ordering = in_favour.checked_cmp(needed)?;
        Ok(if self.more_than {
            ordering.is_gt()
        } else {
            ordering.is_ge()
        })
    }

    /// Ordered by how hard it is to meet.
    fn strictness(self) -> (Share, bool) {
        (self.share, self.more_than)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProxyRule {
    pub allowed: bool,
    pub max_per_holder: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgmRule {
    /// The first AGM within this many months of registration.
    pub first_within_months: u32,
    /// Each later AGM no more than this many months after the last.
    pub max_months_between: u32,
    /// One in every calendar year.
    pub every_calendar_year: bool,
}

/// Who decides to admit a new member.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Admission {
    /// The committee (officers) admits, as the model rules say.
    #[default]
    ByCommittee,
    /// Each admission is put to the members as an ordinary resolution.
    ByMembers,
}

/// The governing document's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    pub voting: VotingScheme,
    pub general_meeting_quorum: QuorumRule,
    pub committee_quorum: QuorumRule,
    /// Clear days' notice of a general meeting (AGM or other).
    pub general_meeting_notice_days: u32,
    pub committee_meeting_notice_days: u32,
    /// Members who together hold at least this share of the votes may agree
    /// in writing to a general meeting on shorter notice.
    pub short_notice_consent: Share,
    pub ordinary_resolution: Majority,
    pub special_resolution: Majority,
    pub proxies: ProxyRule,
    pub online_voting: bool,
    /// Every vote on a resolution is secret, not only when a meeting asks.
    pub secret_ballot_always: bool,
    /// A written resolution lapses if not passed within this many days.
    pub written_resolution_days: u32,
    /// The share of all members entitled to vote who must sign a written
    /// ordinary resolution.
    pub written_ordinary_share: Share,
    /// The same for a written special resolution.
    pub written_special_share: Share,
    pub agm: AgmRule,
    /// Rules recorded before this setting existed admit by committee.
    #[serde(default)]
    pub admission: Admission,
}

impl Default for Rules {
    /// Co-operatives UK's model rules; committee meetings on 7 clear days
    /// and a committee quorum of half the committee (at least 2) are Cylch's
    /// own defaults, as the model leaves committee procedure to the
    /// committee.
    fn default() -> Self {
        Rules {
            voting: VotingScheme::default(),
            general_meeting_quorum: QuorumRule::MODEL,
            committee_quorum: QuorumRule::MODEL,
            general_meeting_notice_days: 14,
            committee_meeting_notice_days: 7,
            short_notice_consent: Share::NINE_TENTHS,
            ordinary_resolution: Majority::SIMPLE,
            special_resolution: Majority::THREE_QUARTERS,
            proxies: ProxyRule {
                allowed: true,
                max_per_holder: 5,
            },
            online_voting: true,
            secret_ballot_always: false,
            written_resolution_days: 28,
            written_ordinary_share: Share::FIFTY_ONE_PERCENT,
            written_special_share: Share::THREE_QUARTERS,
            agm: AgmRule {
                first_within_months: 18,
                max_months_between: 15,
                every_calendar_year: true,
            },
            admission: Admission::ByCommittee,
        }
    }
}

/// A setting in the rules that cannot work as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    #[error("a quorum must be at least one member")]
    QuorumBelowOne,
    #[error("notice of {days} clear days is more than a year; check the number")]
    NoticeTooLong { days: u32 },
    #[error(
        "an ordinary resolution needs more than half of the votes cast, so that both sides cannot win"
    )]
    OrdinaryBelowHalf,
    #[error("a special resolution cannot need less than an ordinary one")]
    SpecialWeakerThanOrdinary,
    #[error("no vote can be more than all of the votes cast; use \"at least\" 100% instead")]
    ImpossibleMajority,
    #[error("shorter notice needs the agreement of more than half of the votes")]
    ShortNoticeConsentTooLow,
    #[error("when proxies are allowed, a proxy holder must be able to hold at least one")]
    ProxyLimitZero,
    #[error("a written resolution needs at least one day to be signed")]
    WrittenResolutionDaysZero,
    #[error("a written ordinary resolution needs the signatures of more than half of the members")]
    WrittenOrdinaryTooLow,
    #[error(
        "a written special resolution cannot need fewer signatures than a written ordinary one"
    )]
    WrittenSpecialWeakerThanOrdinary,
    #[error("the AGM periods must each be at least one month")]
    AgmPeriodZero,
    #[error("a capped class needs a cap above 0%; remove the cap to leave the class uncapped")]
    CapZero { class: MemberClass },
    #[error(
        "the caps on classes add up to 100% or more; together they must leave room for the rest"
    )]
    CapsTooLarge,
    #[error("weighted classes need at least one class with a weight")]
    NoWeightedClasses,
    #[error("a class cannot have a weight of zero; leave it out so that it does not vote")]
    ZeroClassWeight { class: MemberClass },
}

impl RulesError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            RulesError::QuorumBelowOne => "governance-quorum-below-one",
            RulesError::NoticeTooLong { .. } => "governance-notice-too-long",
            RulesError::OrdinaryBelowHalf => "governance-ordinary-below-half",
            RulesError::SpecialWeakerThanOrdinary => "governance-special-weaker-than-ordinary",
            RulesError::ImpossibleMajority => "governance-impossible-majority",
            RulesError::ShortNoticeConsentTooLow => "governance-short-notice-consent-too-low",
            RulesError::ProxyLimitZero => "governance-proxy-limit-zero",
            RulesError::WrittenResolutionDaysZero => "governance-written-resolution-days-zero",
            RulesError::WrittenOrdinaryTooLow => "governance-written-ordinary-too-low",
            RulesError::WrittenSpecialWeakerThanOrdinary => {
                "governance-written-special-weaker-than-ordinary"
            }
            RulesError::AgmPeriodZero => "governance-agm-period-zero",
            RulesError::CapZero { .. } => "governance-cap-zero",
            RulesError::CapsTooLarge => "governance-caps-too-large",
            RulesError::NoWeightedClasses => "governance-no-weighted-classes",
            RulesError::ZeroClassWeight { .. } => "governance-zero-class-weight",
        }
    }
}

impl Rules {
    /// Checks that every setting can work; the pages show the first problem
    /// against the field it belongs to.
    pub fn validate(&self) -> Result<(), RulesError> {
        for quorum in [self.general_meeting_quorum, self.committee_quorum] {
            if quorum.minimum_members == 0 {
                return Err(RulesError::QuorumBelowOne);
            }
        }
        for days in [
            self.general_meeting_notice_days,
            self.committee_meeting_notice_days,
        ] {
            if days > 365 {
                return Err(RulesError::NoticeTooLong { days });
            }
        }
        for majority in [self.ordinary_resolution, self.special_resolution] {
            if majority.more_than && majority.share.is_whole() {
                return Err(RulesError::ImpossibleMajority);
            }
        }
        if self.ordinary_resolution.strictness() < Majority::SIMPLE.strictness() {
            return Err(RulesError::OrdinaryBelowHalf);
        }
        if self.special_resolution.strictness() < self.ordinary_resolution.strictness() {
            return Err(RulesError::SpecialWeakerThanOrdinary);
        }
        if self.short_notice_consent <= Share::HALF {
            return Err(RulesError::ShortNoticeConsentTooLow);
        }
        if self.proxies.allowed && self.proxies.max_per_holder == 0 {
            return Err(RulesError::ProxyLimitZero);
        }
        if self.written_resolution_days == 0 {
            return Err(RulesError::WrittenResolutionDaysZero);
        }
        if self.written_ordinary_share <= Share::HALF {
            return Err(RulesError::WrittenOrdinaryTooLow);
        }
        if self.written_special_share < self.written_ordinary_share {
            return Err(RulesError::WrittenSpecialWeakerThanOrdinary);
        }
        if self.agm.first_within_months == 0 || self.agm.max_months_between == 0 {
            return Err(RulesError::AgmPeriodZero);
        }
        self.validate_voting()
    }

    fn validate_voting(&self) -> Result<(), RulesError> {
        match &self.voting {
            VotingScheme::OneMemberOneVote { caps } => {
                let mut total = Ratio::ZERO;
                for (class, cap) in caps {
                    if cap.is_zero() {
                        return Err(RulesError::CapZero { class: *class });
                    }
                    total = total
                        .checked_add(cap.as_ratio())
                        .map_err(|_| RulesError::CapsTooLarge)?;
                }
                match total.checked_cmp(Ratio::whole(1)) {
                    Ok(std::cmp::Ordering::Less) => Ok(()),
                    _ => Err(RulesError::CapsTooLarge),
                }
            }
            VotingScheme::ClassShares { weights } => {
                if weights.is_empty() {
                    return Err(RulesError::NoWeightedClasses);
                }
                match weights.iter().find(|(_, weight)| **weight == 0) {
                    Some((class, _)) => Err(RulesError::ZeroClassWeight { class: *class }),
                    None => Ok(()),
                }
            }
        }
    }

    /// Whether members of `class` have a vote under these rules. Under
    /// weighted classes a class left out of the weights does not vote.
    pub fn class_votes(&self, class: MemberClass) -> bool {
        match &self.voting {
            VotingScheme::OneMemberOneVote { .. } => true,
            VotingScheme::ClassShares { weights } => weights.contains_key(&class),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_rules_are_valid() {
        assert_eq!(Rules::default().validate(), Ok(()));
    }

    #[test]
    fn the_model_quorum_is_two_or_half_rounded_up() {
        let q = QuorumRule::MODEL;
        assert_eq!(q.required(0), 2);
        assert_eq!(q.required(3), 2);
        assert_eq!(q.required(4), 2);
        assert_eq!(q.required(5), 3);
        assert_eq!(q.required(7), 4);
        assert_eq!(q.required(100), 50);
        assert_eq!(q.required(101), 51);
    }

    fn with(change: impl FnOnce(&mut Rules)) -> Rules {
        let mut rules = Rules::default();
        change(&mut rules);
        rules
    }

    #[test]
    fn impossible_settings_are_refused() {
        let rules = with(|r| r.general_meeting_quorum.minimum_members = 0);
        assert_eq!(rules.validate(), Err(RulesError::QuorumBelowOne));

        let rules = with(|r| {
            r.ordinary_resolution = Majority {
                share: Share::HALF,
                more_than: false,
            }
        });
        assert_eq!(rules.validate(), Err(RulesError::OrdinaryBelowHalf));

        let rules = with(|r| r.special_resolution = Majority::SIMPLE);
        assert_eq!(rules.validate(), Ok(()), "special may equal ordinary");
        let rules = with(|r| {
            r.ordinary_resolution = Majority::THREE_QUARTERS;
            r.special_resolution = Majority::SIMPLE;
        });
        assert_eq!(rules.validate(), Err(RulesError::SpecialWeakerThanOrdinary));

        let rules = with(|r| {
            r.special_resolution = Majority {
                share: Share::WHOLE,
                more_than: true,
            }
        });
        assert_eq!(rules.validate(), Err(RulesError::ImpossibleMajority));

        let mut rules = with(|r| r.proxies.max_per_holder = 0);
        assert_eq!(rules.validate(), Err(RulesError::ProxyLimitZero));
        rules.proxies.allowed = false;
        assert_eq!(rules.validate(), Ok(()));

        let rules = with(|r| r.short_notice_consent = Share::HALF);
        assert_eq!(rules.validate(), Err(RulesError::ShortNoticeConsentTooLow));

        let rules = with(|r| r.committee_meeting_notice_days = 400);
        assert_eq!(
            rules.validate(),
            Err(RulesError::NoticeTooLong { days: 400 })
        );

        let rules = with(|r| r.written_resolution_days = 0);
        assert_eq!(rules.validate(), Err(RulesError::WrittenResolutionDaysZero));

        let rules = with(|r| r.written_ordinary_share = Share::HALF);
        assert_eq!(rules.validate(), Err(RulesError::WrittenOrdinaryTooLow));
        let rules = with(|r| r.written_special_share = Share::HALF);
        assert_eq!(
            rules.validate(),
            Err(RulesError::WrittenSpecialWeakerThanOrdinary)
        );

        let rules = with(|r| r.agm.max_months_between = 0);
        assert_eq!(rules.validate(), Err(RulesError::AgmPeriodZero));
    }

    #[test]
    fn caps_and_weights_are_checked() -> Result<(), crate::ratio::ShareError> {
        let mut rules = Rules::default();
        assert!(rules.class_votes(MemberClass::Supporter));
        rules.voting = VotingScheme::OneMemberOneVote {
            caps: BTreeMap::from([
                (MemberClass::Supporter, Share::percent(60)?),
                (MemberClass::Pa, Share::percent(40)?),
            ]),
        };
        assert_eq!(rules.validate(), Err(RulesError::CapsTooLarge));
        rules.voting = VotingScheme::OneMemberOneVote {
            caps: BTreeMap::from([(MemberClass::Supporter, Share::ZERO)]),
        };
        assert!(matches!(rules.validate(), Err(RulesError::CapZero { .. })));
        rules.voting = VotingScheme::ClassShares {
            weights: BTreeMap::new(),
        };
        assert_eq!(rules.validate(), Err(RulesError::NoWeightedClasses));
        rules.voting = VotingScheme::ClassShares {
            weights: BTreeMap::from([(MemberClass::Pa, 0)]),
        };
        assert!(matches!(
            rules.validate(),
            Err(RulesError::ZeroClassWeight { .. })
        ));
        assert!(!rules.class_votes(MemberClass::Supporter));
        Ok(())
    }

    #[test]
    fn majorities_handle_ties_and_exact_thresholds() -> Result<(), Overflow> {
        let w = Ratio::whole;
        assert!(!Majority::SIMPLE.is_met(w(2), w(4))?, "a tie is lost");
        assert!(Majority::SIMPLE.is_met(w(3), w(5))?);
        assert!(
            Majority::THREE_QUARTERS.is_met(w(3), w(4))?,
            "exactly 75% passes"
        );
        assert!(!Majority::THREE_QUARTERS.is_met(w(74), w(100))?);
        assert!(
            !Majority::SIMPLE.is_met(w(0), w(0))?,
            "nothing cast, nothing carried"
        );
        Ok(())
    }
}
