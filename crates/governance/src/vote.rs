//! Ballots, the count and the result.
//!
//! Abstentions are recorded but are not votes cast. An ordinary resolution
//! needs more than half of the votes cast, so a tie is lost and nobody has a
//! casting vote; a special resolution needs at least three quarters. For
//! informal questions a proposal may instead ask for consent (carried when
//! nobody objects) or run a simple poll (the option with most votes wins).
//!
//! Results carry codes and numbers, not sentences, so the pages can explain
//! them in Welsh or English.

use std::collections::{BTreeMap, BTreeSet};

use cylch_domain::MemberClass;
use serde::{Deserialize, Serialize};

use crate::ids::MemberId;
use crate::ratio::{Overflow, Ratio};
use crate::rules::{Majority, Rules, RulesError};
use crate::weighting::per_vote_weights;

/// How a proposal is decided; shown on the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionRule {
    OrdinaryResolution,
    SpecialResolution,
    /// Carried when nobody objects.
    Consent,
    /// The option with most votes; for informal questions only.
    SimplePoll,
}

impl DecisionRule {
    pub fn code(self) -> &'static str {
        match self {
            DecisionRule::OrdinaryResolution => "ordinary_resolution",
            DecisionRule::SpecialResolution => "special_resolution",
            DecisionRule::Consent => "consent",
            DecisionRule::SimplePoll => "simple_poll",
        }
    }

    /// The majority a resolution needs under these rules, if it is one.
    pub fn majority(self, rules: &Rules) -> Option<Majority> {
        match self {
            DecisionRule::OrdinaryResolution => Some(rules.ordinary_resolution),
            DecisionRule::SpecialResolution => Some(rules.special_resolution),
            DecisionRule::Consent | DecisionRule::SimplePoll => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteChoice {
    For,
    Against,
    /// Recorded, but not a vote cast. Under consent it means standing aside.
    Abstain,
}

/// How a ballot reached the count.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "channel", rename_all = "snake_case")]
pub enum Channel {
    AtMeeting,
    Online,
    /// Cast at the meeting by another member holding this member's proxy.
    Proxy {
        holder: MemberId,
    },
}

impl Channel {
    pub fn code(&self) -> &'static str {
        match self {
            Channel::AtMeeting => "at_meeting",
            Channel::Online => "online",
            Channel::Proxy { .. } => "proxy",
        }
    }
}

/// One member's vote on a resolution or consent question. A representative
/// casts the vote of the supported member they act for; the ballot is still
/// that member's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub voter: MemberId,
    pub class: MemberClass,
    pub choice: VoteChoice,
    pub channel: Channel,
}

/// One member's vote in a simple poll: an option by number, or `None` to
/// abstain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollBallot {
    pub voter: MemberId,
    pub class: MemberClass,
    pub choice: Option<u16>,
    pub channel: Channel,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("member {voter} has more than one ballot; each member has one vote")]
    DuplicateVoter { voter: MemberId },
    #[error("the rules do not allow proxy votes")]
    ProxiesNotAllowed,
    #[error("{holder} holds {held} proxies; the rules allow at most {limit} for one person")]
    TooManyProxies {
        holder: MemberId,
        held: u32,
        limit: u32,
    },
    #[error("a member cannot hold their own proxy")]
    OwnProxy { voter: MemberId },
    #[error("the rules do not allow voting online; vote at the meeting or by proxy")]
    OnlineVotingNotAllowed,
    #[error("members in the {} class have no vote under these rules", class.code())]
    ClassHasNoVote { class: MemberClass },
    #[error("a simple poll is counted with poll ballots, not for and against")]
    PollNeedsOptions,
    #[error("option {option} is not one of the {options} on the poll")]
    UnknownOption { option: u16, options: u16 },
    #[error("the co-operative's rules cannot be used as they are: {0}")]
    InvalidRules(#[from] RulesError),
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

impl VoteError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            VoteError::DuplicateVoter { .. } => "governance-duplicate-voter",
            VoteError::ProxiesNotAllowed => "governance-proxies-not-allowed",
            VoteError::TooManyProxies { .. } => "governance-too-many-proxies",
            VoteError::OwnProxy { .. } => "governance-own-proxy",
            VoteError::OnlineVotingNotAllowed => "governance-online-voting-not-allowed",
            VoteError::ClassHasNoVote { .. } => "governance-class-has-no-vote",
            VoteError::PollNeedsOptions => "governance-poll-needs-options",
            VoteError::UnknownOption { .. } => "governance-unknown-option",
            VoteError::InvalidRules(inner) => inner.code(),
            VoteError::Overflow(_) => "governance-overflow",
        }
    }
}

/// Whether the vote must be secret: the rules may always require it, or the
/// meeting may ask for it.
pub fn is_secret_ballot(rules: &Rules, meeting_asked: bool) -> bool {
    rules.secret_ballot_always || meeting_asked
}

/// Checks the ways ballots were cast against the rules. Also used for
/// attendance, where the same proxy limits apply.
pub(crate) fn check_channels<'a>(
    rules: &Rules,
    ballots: impl Iterator<Item = (&'a MemberId, &'a Channel)>,
) -> Result<(), VoteError> {
    let mut seen = BTreeSet::new();
    let mut proxies: BTreeMap<&MemberId, u32> = BTreeMap::new();
    for (voter, channel) in ballots {
        if !seen.insert(voter) {
            return Err(VoteError::DuplicateVoter {
                voter: voter.clone(),
            });
        }
        match channel {
            Channel::AtMeeting => {}
            Channel::Online if !rules.online_voting => {
                return Err(VoteError::OnlineVotingNotAllowed);
            }
            Channel::Online => {}
            Channel::Proxy { .. } if !rules.proxies.allowed => {
                return Err(VoteError::ProxiesNotAllowed);
            }
            Channel::Proxy { holder } if holder == voter => {
                return Err(VoteError::OwnProxy {
                    voter: voter.clone(),
                });
            }
            Channel::Proxy { holder } => {
                let held = proxies.entry(holder).or_insert(0);
                *held += 1;
                if *held > rules.proxies.max_per_holder {
                    return Err(VoteError::TooManyProxies {
                        holder: holder.clone(),
                        held: *held,
                        limit: rules.proxies.max_per_holder,
                    });
                }
            }
        }
    }
    Ok(())
}

/// The count in one class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassTally {
    pub class: MemberClass,
    pub for_votes: u32,
    pub against: u32,
    pub abstentions: u32,
    /// Each vote's weight in this class (1 under plain one member one vote).
    pub vote_weight: Ratio,
    pub strength_for: Ratio,
    pub strength_against: Ratio,
}

/// The whole count. Head counts are always shown; strengths are what the
/// decision uses, and equal the head counts under one member one vote
/// without caps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub for_votes: u32,
    pub against: u32,
    pub abstentions: u32,
    pub strength_for: Ratio,
    pub strength_against: Ratio,
    pub per_class: Vec<ClassTally>,
}

impl Tally {
    /// Votes cast: for and against, never abstentions.
    pub fn votes_cast(&self) -> u32 {
        self.for_votes + self.against
    }

    pub fn strength_cast(&self) -> Result<Ratio, Overflow> {
        self.strength_for.checked_add(self.strength_against)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Carried,
    Lost,
}

/// Why the outcome is what it is; each has a sentence on the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum OutcomeReason {
    /// Nobody voted for or against (everyone abstained, or nobody voted).
    NoVotesCast,
    /// The majority the rule asks for was reached.
    MajorityReached,
    /// As many for as against: a tie is lost; there is no casting vote.
    Tie,
    /// Fewer for than the rule asks for.
    MajorityNotReached,
    /// Consent: nobody objected.
    NoObjections,
    /// Consent: this many objected.
    Objections { count: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionResult {
    pub rule: DecisionRule,
    /// The majority applied, for a resolution.
    pub majority: Option<Majority>,
    pub outcome: Outcome,
    pub reason: OutcomeReason,
    pub tally: Tally,
}

impl ResolutionResult {
    pub fn carried(&self) -> bool {
        self.outcome == Outcome::Carried
    }
}

/// Counts ballots on a resolution or consent question and decides it.
pub fn decide(
    rules: &Rules,
    rule: DecisionRule,
    ballots: &[Ballot],
) -> Result<ResolutionResult, VoteError> {
    if rule == DecisionRule::SimplePoll {
        return Err(VoteError::PollNeedsOptions);
    }
    rules.validate()?;
    check_channels(rules, ballots.iter().map(|b| (&b.voter, &b.channel)))?;
    check_classes(rules, ballots.iter().map(|b| b.class))?;
    let tally = count(rules, ballots)?;
    let (outcome, reason) = match rule.majority(rules) {
        Some(majority) => decide_by_majority(majority, &tally)?,
        None => decide_by_consent(ballots.len(), &tally),
    };
    Ok(ResolutionResult {
        rule,
        majority: rule.majority(rules),
        outcome,
        reason,
        tally,
    })
}

/// Names the first class (in class order, so the answer does not depend on
/// the order ballots arrived in) that has no vote.
fn check_classes(
    rules: &Rules,
    classes: impl Iterator<Item = MemberClass>,
) -> Result<(), VoteError> {
    let without_vote: BTreeSet<MemberClass> =
        classes.filter(|class| !rules.class_votes(*class)).collect();
    match without_vote.first() {
        Some(class) => Err(VoteError::ClassHasNoVote { class: *class }),
        None => Ok(()),
    }
}

fn count(rules: &Rules, ballots: &[Ballot]) -> Result<Tally, VoteError> {
    #[derive(Default)]
    struct Heads {
        for_votes: u32,
        against: u32,
        abstentions: u32,
    }
    let mut heads: BTreeMap<MemberClass, Heads> = BTreeMap::new();
    for ballot in ballots {
        let entry = heads.entry(ballot.class).or_default();
        match ballot.choice {
            VoteChoice::For => entry.for_votes += 1,
            VoteChoice::Against => entry.against += 1,
            VoteChoice::Abstain => entry.abstentions += 1,
        }
    }
    let cast: BTreeMap<MemberClass, u32> = heads
        .iter()
        .map(|(class, h)| (*class, h.for_votes + h.against))
        .collect();
    let weights = per_vote_weights(&rules.voting, &cast)?;
    let mut tally = Tally {
        for_votes: 0,
        against: 0,
        abstentions: 0,
        strength_for: Ratio::ZERO,
        strength_against: Ratio::ZERO,
        per_class: Vec::new(),
    };
    for (class, h) in heads {
        let vote_weight = weights.get(&class).copied().unwrap_or(Ratio::ZERO);
        let strength_for = vote_weight.checked_mul(Ratio::whole(u64::from(h.for_votes)))?;
        let strength_against = vote_weight.checked_mul(Ratio::whole(u64::from(h.against)))?;
        tally.for_votes += h.for_votes;
        tally.against += h.against;
        tally.abstentions += h.abstentions;
        tally.strength_for = tally.strength_for.checked_add(strength_for)?;
        tally.strength_against = tally.strength_against.checked_add(strength_against)?;
        tally.per_class.push(ClassTally {
            class,
            for_votes: h.for_votes,
            against: h.against,
            abstentions: h.abstentions,
            vote_weight,
            strength_for,
            strength_against,
        });
    }
    Ok(tally)
}

fn decide_by_majority(
    majority: Majority,
    tally: &Tally,
) -> Result<(Outcome, OutcomeReason), Overflow> {
    let cast = tally.strength_cast()?;
    if cast.is_zero() {
        return Ok((Outcome::Lost, OutcomeReason::NoVotesCast));
    }
    if majority.is_met(tally.strength_for, cast)? {
        return Ok((Outcome::Carried, OutcomeReason::MajorityReached));
    }
    let tie = tally
        .strength_for
        .checked_cmp(tally.strength_against)?
        .is_eq();
    let reason = if tie {
        OutcomeReason::Tie
    } else {
        OutcomeReason::MajorityNotReached
    };
    Ok((Outcome::Lost, reason))
}

/// Consent is carried when at least one member took part and nobody
/// objected; standing aside (abstaining) is not an objection. Weights do
/// not matter: one objection is enough.
fn decide_by_consent(ballots: usize, tally: &Tally) -> (Outcome, OutcomeReason) {
    if tally.against > 0 {
        (
            Outcome::Lost,
            OutcomeReason::Objections {
                count: tally.against,
            },
        )
    } else if ballots == 0 {
        (Outcome::Lost, OutcomeReason::NoVotesCast)
    } else {
        (Outcome::Carried, OutcomeReason::NoObjections)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionTally {
    pub option: u16,
    pub votes: u32,
    pub strength: Ratio,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PollOutcome {
    Winner {
        option: u16,
    },
    /// Two or more options share the most votes; the members decide how to
    /// settle it (another round, or a resolution).
    Tie {
        options: Vec<u16>,
    },
    NoVotesCast,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollResult {
    pub options: Vec<OptionTally>,
    pub abstentions: u32,
    pub outcome: PollOutcome,
}

/// Counts a simple poll among `options` options (numbered from 0).
pub fn decide_poll(
    rules: &Rules,
    options: u16,
    ballots: &[PollBallot],
) -> Result<PollResult, VoteError> {
    rules.validate()?;
    check_channels(rules, ballots.iter().map(|b| (&b.voter, &b.channel)))?;
    check_classes(rules, ballots.iter().map(|b| b.class))?;
    if let Some(option) = ballots
        .iter()
        .filter_map(|b| b.choice)
        .find(|option| *option >= options)
    {
        return Err(VoteError::UnknownOption { option, options });
    }
    let mut cast: BTreeMap<MemberClass, u32> = BTreeMap::new();
    for ballot in ballots.iter().filter(|b| b.choice.is_some()) {
        *cast.entry(ballot.class).or_insert(0) += 1;
    }
    let weights = per_vote_weights(&rules.voting, &cast)?;
    let mut tallies: Vec<OptionTally> = (0..options)
        .map(|option| OptionTally {
            option,
            votes: 0,
            strength: Ratio::ZERO,
        })
        .collect();
    let mut abstentions = 0;
    for ballot in ballots {
        let Some(option) = ballot.choice else {
            abstentions += 1;
            continue;
        };
        let weight = weights.get(&ballot.class).copied().unwrap_or(Ratio::ZERO);
        if let Some(tally) = tallies.get_mut(usize::from(option)) {
            tally.votes += 1;
            tally.strength = tally.strength.checked_add(weight)?;
        }
    }
    let mut best: Vec<u16> = Vec::new();
    let mut best_strength = Ratio::ZERO;
    for tally in &tallies {
        if tally.strength.is_zero() {
            continue;
        }
        match tally.strength.checked_cmp(best_strength)? {
            std::cmp::Ordering::Greater => {
                best = vec![tally.option];
                best_strength = tally.strength;
            }
            std::cmp::Ordering::Equal => best.push(tally.option),
            std::cmp::Ordering::Less => {}
        }
    }
    let outcome = match best.as_slice() {
        [] => PollOutcome::NoVotesCast,
        [option] => PollOutcome::Winner { option: *option },
        _ => PollOutcome::Tie { options: best },
    };
    Ok(PollResult {
        options: tallies,
        abstentions,
        outcome,
    })
}
