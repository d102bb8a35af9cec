use std::collections::BTreeMap;

use cylch_domain::MemberClass;
use cylch_governance::rules::VotingScheme;
use cylch_governance::vote::{OptionTally, Tally, is_secret_ballot};
use cylch_governance::{
    Ballot, Channel, DecisionRule, Outcome, OutcomeReason, PollBallot, PollOutcome, Ratio,
    RuleChangeError, Rules, Share, VoteChoice, VoteError, amend_rules, decide, decide_poll,
};

use crate::common::{ballot, ballots, member};

fn ordinary(ballots: &[Ballot]) -> (Outcome, OutcomeReason, Tally) {
    let result = decide(&Rules::default(), DecisionRule::OrdinaryResolution, ballots).unwrap();
    (result.outcome, result.reason, result.tally)
}

fn outcome_of(ballots: &[Ballot]) -> (Outcome, OutcomeReason) {
    let (outcome, reason, _) = ordinary(ballots);
    (outcome, reason)
}

fn special(ballots: &[Ballot]) -> (Outcome, OutcomeReason) {
    let result = decide(&Rules::default(), DecisionRule::SpecialResolution, ballots).unwrap();
    (result.outcome, result.reason)
}

#[test]
fn an_ordinary_resolution_needs_more_for_than_against() {
    assert_eq!(
        ordinary(&ballots(3, 2, 0)).0,
        Outcome::Carried,
        "3 to 2 is carried"
    );
    let (outcome, reason, tally) = ordinary(&ballots(2, 2, 1));
    assert_eq!((outcome, reason), (Outcome::Lost, OutcomeReason::Tie));
    assert_eq!(tally.votes_cast(), 4, "abstentions are not votes cast");
    assert_eq!(tally.abstentions, 1);
    assert_eq!(
        outcome_of(&ballots(2, 3, 0)),
        (Outcome::Lost, OutcomeReason::MajorityNotReached)
    );
}

#[test]
fn abstentions_do_not_count_against() {
    let (outcome, _, tally) = ordinary(&ballots(2, 1, 10));
    assert_eq!(outcome, Outcome::Carried);
    assert_eq!(
        (tally.for_votes, tally.against, tally.abstentions),
        (2, 1, 10)
    );
}

#[test]
fn nothing_is_carried_when_no_votes_are_cast() {
    assert_eq!(ordinary(&[]).1, OutcomeReason::NoVotesCast, "nobody voted");
    assert_eq!(
        outcome_of(&ballots(0, 0, 4)),
        (Outcome::Lost, OutcomeReason::NoVotesCast)
    );
    assert_eq!(special(&ballots(0, 0, 4)).1, OutcomeReason::NoVotesCast);
}

#[test]
fn a_special_resolution_passes_at_exactly_three_quarters() {
    assert_eq!(
        special(&ballots(3, 1, 0)),
        (Outcome::Carried, OutcomeReason::MajorityReached)
    );
    assert_eq!(special(&ballots(75, 25, 40)).0, Outcome::Carried);
    assert_eq!(
        special(&ballots(74, 26, 0)),
        (Outcome::Lost, OutcomeReason::MajorityNotReached)
    );
    assert_eq!(special(&ballots(2, 1, 0)).0, Outcome::Lost, "two thirds");
    assert_eq!(special(&ballots(1, 1, 0)).1, OutcomeReason::Tie);
}

#[test]
fn consent_is_carried_when_nobody_objects() {
    let consent = |b: &[Ballot]| {
        let r = decide(&Rules::default(), DecisionRule::Consent, b).unwrap();
        (r.outcome, r.reason)
    };
    assert_eq!(
        consent(&ballots(3, 0, 2)),
        (Outcome::Carried, OutcomeReason::NoObjections)
    );
    assert_eq!(
        consent(&ballots(9, 1, 0)),
        (Outcome::Lost, OutcomeReason::Objections { count: 1 })
    );
    assert_eq!(
        consent(&ballots(0, 0, 3)),
        (Outcome::Carried, OutcomeReason::NoObjections),
        "standing aside is not objecting"
    );
    assert_eq!(consent(&[]), (Outcome::Lost, OutcomeReason::NoVotesCast));
}

fn poll_ballot(voter: &str, choice: Option<u16>) -> PollBallot {
    PollBallot {
        voter: member(voter),
        class: MemberClass::Pa,
        choice,
        channel: Channel::AtMeeting,
    }
}

#[test]
fn a_simple_poll_is_won_by_the_option_with_most_votes() {
    let rules = Rules::default();
    let votes = [
        poll_ballot("a", Some(0)),
        poll_ballot("b", Some(2)),
        poll_ballot("c", Some(2)),
        poll_ballot("d", None),
    ];
    let result = decide_poll(&rules, 3, &votes).unwrap();
    assert_eq!(result.outcome, PollOutcome::Winner { option: 2 });
    assert_eq!(result.abstentions, 1);
    assert_eq!(
        result.options[1],
        OptionTally {
            option: 1,
            votes: 0,
            strength: Ratio::ZERO
        }
    );

    let tied = decide_poll(&rules, 3, &votes[..2]).unwrap();
    assert_eq!(
        tied.outcome,
        PollOutcome::Tie {
            options: vec![0, 2]
        }
    );
    let none = decide_poll(&rules, 3, &votes[3..]).unwrap();
    assert_eq!(none.outcome, PollOutcome::NoVotesCast);
    assert_eq!(
        decide_poll(&rules, 2, &votes),
        Err(VoteError::UnknownOption {
            option: 2,
            options: 2
        })
    );
    assert_eq!(
        decide(&rules, DecisionRule::SimplePoll, &[]),
        Err(VoteError::PollNeedsOptions)
    );
}

#[test]
fn each_member_votes_once() {
    let mut votes = ballots(2, 0, 0);
    votes.push(ballot(
        "m0",
        MemberClass::FamilyOrCarer,
        VoteChoice::Against,
    ));
    assert_eq!(
        decide(&Rules::default(), DecisionRule::OrdinaryResolution, &votes),
        Err(VoteError::DuplicateVoter {
            voter: member("m0")
        })
    );
}

#[test]
fn proxies_and_online_votes_follow_the_rules() {
    let mut rules = Rules::default();
    let mut votes: Vec<Ballot> = (0..6)
        .map(|i| Ballot {
            voter: member(&format!("p{i}")),
            class: MemberClass::Supporter,
            choice: VoteChoice::For,
            channel: Channel::Proxy {
                holder: member("holder"),
            },
        })
        .collect();
    assert_eq!(
        decide(&rules, DecisionRule::OrdinaryResolution, &votes),
        Err(VoteError::TooManyProxies {
            holder: member("holder"),
            held: 6,
            limit: 5
        })
    );
    votes.pop();
    assert!(decide(&rules, DecisionRule::OrdinaryResolution, &votes).is_ok());

    let own = [Ballot {
        voter: member("x"),
        class: MemberClass::Pa,
        choice: VoteChoice::For,
        channel: Channel::Proxy {
            holder: member("x"),
        },
    }];
    assert!(matches!(
        decide(&rules, DecisionRule::OrdinaryResolution, &own),
        Err(VoteError::OwnProxy { .. })
    ));

    rules.proxies.allowed = false;
    assert_eq!(
        decide(&rules, DecisionRule::OrdinaryResolution, &votes),
        Err(VoteError::ProxiesNotAllowed)
    );
    rules.online_voting = false;
    assert_eq!(
        decide(&rules, DecisionRule::OrdinaryResolution, &ballots(1, 0, 0)),
        Err(VoteError::OnlineVotingNotAllowed)
    );
}

#[test]
fn weighted_classes_count_by_class_share() {
    let rules = Rules {
        voting: VotingScheme::ClassShares {
            weights: BTreeMap::from([(MemberClass::SupportedPerson, 50), (MemberClass::Pa, 50)]),
        },
        ..Rules::default()
    };
    // One supported person for, four PAs against: half the strength each.
    let mut votes = vec![ballot("s1", MemberClass::SupportedPerson, VoteChoice::For)];
    for i in 0..4 {
        votes.push(ballot(
            &format!("pa{i}"),
            MemberClass::Pa,
            VoteChoice::Against,
        ));
    }
    let result = decide(&rules, DecisionRule::OrdinaryResolution, &votes).unwrap();
    assert_eq!(
        (result.outcome, result.reason),
        (Outcome::Lost, OutcomeReason::Tie)
    );
    assert_eq!(result.tally.strength_for, Ratio::whole(50));
    assert_eq!(result.tally.strength_against, Ratio::whole(50));
    assert_eq!(result.tally.per_class.len(), 2);
    let pas = &result.tally.per_class[1];
    assert_eq!(pas.class, MemberClass::Pa);
    assert_eq!((pas.for_votes, pas.against), (0, 4));
    assert_eq!(pas.vote_weight, Ratio::new(25, 2));

    // One PA changes sides: 50 + 12.5 for, 37.5 against.
    votes[1].choice = VoteChoice::For;
    let result = decide(&rules, DecisionRule::OrdinaryResolution, &votes).unwrap();
    assert_eq!(result.outcome, Outcome::Carried);
    assert_eq!(result.tally.strength_for, Ratio::new(125, 2));

    // A class outside the weights has no vote.
    votes.push(ballot("sup", MemberClass::Supporter, VoteChoice::For));
    assert_eq!(
        decide(&rules, DecisionRule::OrdinaryResolution, &votes),
        Err(VoteError::ClassHasNoVote {
            class: MemberClass::Supporter
        })
    );
}

#[test]
fn a_capped_class_cannot_outvote_the_rest() {
    let rules = Rules {
        voting: VotingScheme::OneMemberOneVote {
            caps: BTreeMap::from([(MemberClass::Supporter, Share::ONE_TENTH)]),
        },
        ..Rules::default()
    };
    let mut votes = Vec::new();
    for i in 0..11 {
        votes.push(ballot(
            &format!("s{i}"),
            MemberClass::Supporter,
            VoteChoice::For,
        ));
    }
    for i in 0..9 {
        votes.push(ballot(
            &format!("f{i}"),
            MemberClass::FamilyOrCarer,
            VoteChoice::Against,
        ));
    }
    let result = decide(&rules, DecisionRule::OrdinaryResolution, &votes).unwrap();
    assert_eq!(result.outcome, Outcome::Lost);
    assert_eq!(result.tally.for_votes, 11, "head counts are still shown");
    assert_eq!(result.tally.strength_for, Ratio::whole(1));
    assert_eq!(result.tally.strength_against, Ratio::whole(9));
}

#[test]
fn secret_ballots_when_the_rules_or_the_meeting_ask() {
    let mut rules = Rules::default();
    assert!(!is_secret_ballot(&rules, false));
    assert!(is_secret_ballot(&rules, true));
    rules.secret_ballot_always = true;
    assert!(is_secret_ballot(&rules, false));
}

#[test]
fn the_rules_change_only_by_a_carried_special_resolution() {
    let rules = Rules::default();
    let proposed = Rules {
        general_meeting_notice_days: 21,
        ..Rules::default()
    };
    let ordinary = decide(&rules, DecisionRule::OrdinaryResolution, &ballots(10, 0, 0)).unwrap();
    assert_eq!(
        amend_rules(proposed.clone(), &ordinary),
        Err(RuleChangeError::NeedsSpecialResolution)
    );
    let lost = decide(&rules, DecisionRule::SpecialResolution, &ballots(7, 3, 0)).unwrap();
    assert_eq!(
        amend_rules(proposed.clone(), &lost),
        Err(RuleChangeError::NotCarried)
    );
    let carried = decide(&rules, DecisionRule::SpecialResolution, &ballots(3, 1, 5)).unwrap();
    assert_eq!(amend_rules(proposed.clone(), &carried), Ok(proposed));
    let broken = Rules {
        written_resolution_days: 0,
        ..Rules::default()
    };
    assert!(matches!(
        amend_rules(broken, &carried),
        Err(RuleChangeError::Invalid(_))
    ));
}
