//! Proposals: what is being decided, by which rule, and where the votes are
//! taken (online within a window, at a meeting, or both).
//!
//! Some subjects need a special resolution whatever the proposer chooses:
//! changing the rules, expelling a member, winding up. Converting to a
//! company also needs, by statute, at least half of the members to vote.
//! Consent and simple polls are for informal questions only.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::ids::MeetingId;
use crate::meeting::{Meeting, MeetingError};
use crate::ratio::Share;
use crate::rules::Rules;
use crate::vote::{
    Ballot, Channel, DecisionRule, ResolutionResult, VoteError, decide, is_secret_ballot,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// A formal decision of the members with no rule of its own.
    General,
    RuleChange,
    ExpelMember,
    WindUp,
    /// Conversion into, or amalgamation with, a company (section 112 of the
    /// 2014 Act).
    ConvertToCompany,
    /// A question the members want a view on without a formal resolution.
    Informal,
}

impl Subject {
    /// Whether `rule` may decide this subject.
    pub fn allows(self, rule: DecisionRule) -> bool {
        match self {
            Subject::Informal => true,
            Subject::General => matches!(
                rule,
                DecisionRule::OrdinaryResolution | DecisionRule::SpecialResolution
            ),
            Subject::RuleChange
            | Subject::ExpelMember
            | Subject::WindUp
            | Subject::ConvertToCompany => rule == DecisionRule::SpecialResolution,
        }
    }

    /// The share of the members entitled to vote who must cast a vote (for
    /// or against) for the result to stand, where statute sets one.
    pub fn turnout_needed(self) -> Option<Share> {
        match self {
            Subject::ConvertToCompany => Some(Share::HALF),
            _ => None,
        }
    }
}

/// When online votes are accepted: from `opens` up to but not including
/// `closes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotingWindow {
    opens: Timestamp,
    closes: Timestamp,
}

impl VotingWindow {
    pub fn new(opens: Timestamp, closes: Timestamp) -> Result<VotingWindow, ProposalError> {
        if closes <= opens {
            Err(ProposalError::WindowClosesBeforeOpening)
        } else {
            Ok(VotingWindow { opens, closes })
        }
    }

    pub fn opens(self) -> Timestamp {
        self.opens
    }

    pub fn closes(self) -> Timestamp {
        self.closes
    }

    /// Whether a vote arriving `at` counts.
    pub fn accepts(self, at: Timestamp) -> Result<(), ProposalError> {
        if at < self.opens {
            Err(ProposalError::VotingNotOpen { opens: self.opens })
        } else if at >= self.closes {
            Err(ProposalError::VotingClosed {
                closed: self.closes,
            })
        } else {
            Ok(())
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "where", rename_all = "snake_case")]
pub enum VotingPlace {
    Online {
        window: VotingWindow,
    },
    AtMeeting {
        meeting: MeetingId,
    },
    /// Online votes before the meeting count with those at the meeting.
    OnlineAndAtMeeting {
        window: VotingWindow,
        meeting: MeetingId,
    },
}

/// A proposal as the members see it: its subject, its decision rule (shown
/// on the proposal) and where votes are taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub subject: Subject,
    pub rule: DecisionRule,
    pub place: VotingPlace,
    /// The meeting asked for a secret ballot (the rules may require one
    /// anyway).
    pub secret_ballot_asked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProposalError {
    #[error("this subject needs a {}; choose that decision rule", needed.code())]
    RuleNotAllowed {
        subject: Subject,
        needed: DecisionRule,
    },
    #[error("the voting window must close after it opens")]
    WindowClosesBeforeOpening,
    #[error("voting opens at {opens}")]
    VotingNotOpen { opens: Timestamp },
    #[error("voting closed at {closed}")]
    VotingClosed { closed: Timestamp },
    #[error("the rules do not allow voting online; take the vote at a meeting")]
    OnlineVotingNotAllowed,
    #[error("the result needs at least {needed} of the {entitled} members to vote; {cast} did")]
    TurnoutTooLow {
        cast: u32,
        needed: u32,
        entitled: u32,
    },
    #[error("a vote arrived {} but this proposal does not take votes that way", channel.code())]
    WrongChannel { channel: Channel },
    #[error("this is the wrong meeting for the proposal")]
    WrongMeeting,
    #[error(transparent)]
    Meeting(#[from] MeetingError),
    #[error(transparent)]
    Vote(#[from] VoteError),
}

impl ProposalError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            ProposalError::RuleNotAllowed { .. } => "governance-rule-not-allowed",
            ProposalError::WindowClosesBeforeOpening => "governance-window-closes-before-opening",
            ProposalError::VotingNotOpen { .. } => "governance-voting-not-open",
            ProposalError::VotingClosed { .. } => "governance-voting-closed",
            ProposalError::OnlineVotingNotAllowed => "governance-online-voting-not-allowed",
            ProposalError::TurnoutTooLow { .. } => "governance-turnout-too-low",
            ProposalError::WrongChannel { .. } => "governance-wrong-channel",
            ProposalError::WrongMeeting => "governance-wrong-meeting",
            ProposalError::Meeting(inner) => inner.code(),
            ProposalError::Vote(inner) => inner.code(),
        }
    }
}

impl Proposal {
    /// Checks a proposal before it is put to the members.
    pub fn check(&self, rules: &Rules) -> Result<(), ProposalError> {
        if !self.subject.allows(self.rule) {
            let needed = if self.subject == Subject::General {
                DecisionRule::OrdinaryResolution
            } else {
                DecisionRule::SpecialResolution
            };
            return Err(ProposalError::RuleNotAllowed {
                subject: self.subject,
                needed,
            });
        }
        let online = matches!(
            self.place,
            VotingPlace::Online { .. } | VotingPlace::OnlineAndAtMeeting { .. }
        );
        if online && !rules.online_voting {
            return Err(ProposalError::OnlineVotingNotAllowed);
        }
        Ok(())
    }

    /// Whether the ballot is secret: the rules may require it, or the
    /// meeting may have asked.
    pub fn is_secret(&self, rules: &Rules) -> bool {
        is_secret_ballot(rules, self.secret_ballot_asked)
    }

    /// Decides the proposal from its ballots. Where votes are taken at a
    /// meeting, the meeting must be held and quorate; `entitled` is the
    /// number of members entitled to vote, for a statutory turnout.
    pub fn decide(
        &self,
        rules: &Rules,
        meeting: Option<&Meeting>,
        entitled: u32,
        ballots: &[Ballot],
    ) -> Result<ResolutionResult, ProposalError> {
        self.check(rules)?;
        match (&self.place, meeting) {
            (VotingPlace::Online { .. }, _) => {}
            (
                VotingPlace::AtMeeting { meeting: id }
                | VotingPlace::OnlineAndAtMeeting { meeting: id, .. },
                Some(meeting),
            ) if &meeting.id == id => meeting.may_decide()?,
            _ => return Err(ProposalError::WrongMeeting),
        }
        if let Some(ballot) = ballots.iter().find(|b| !self.takes(&b.channel)) {
            return Err(ProposalError::WrongChannel {
                channel: ballot.channel.clone(),
            });
        }
        let result = decide(rules, self.rule, ballots)?;
        if let Some(share) = self.subject.turnout_needed() {
            let needed =
                u32::try_from(share.of_rounded_up(u64::from(entitled))).unwrap_or(entitled);
            let cast = result.tally.votes_cast();
            if cast < needed {
                return Err(ProposalError::TurnoutTooLow {
                    cast,
                    needed,
                    entitled,
                });
            }
        }
        Ok(result)
    }

    /// Whether votes arriving this way belong to this proposal.
    fn takes(&self, channel: &Channel) -> bool {
        match (&self.place, channel) {
            (VotingPlace::Online { .. }, Channel::Online) => true,
            (VotingPlace::Online { .. }, _) => false,
            (VotingPlace::AtMeeting { .. }, Channel::Online) => false,
            (VotingPlace::AtMeeting { .. } | VotingPlace::OnlineAndAtMeeting { .. }, _) => true,
        }
    }
}
