use std::collections::BTreeMap;

use cylch_domain::{CoopKind, MemberClass};
use cylch_governance::rules::{QuorumRule, VotingScheme};
use cylch_governance::support::{CapacityRules, SupportEndReason, SupportRegister};
use cylch_governance::{
    Ballot, Channel, DecisionRule, MemberId, Outcome, PersonId, PollBallot, Ratio, Rules, Share,
    VoteChoice, clear_days_between, decide, decide_poll, earliest_meeting_date, latest_notice_date,
};
use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;

use crate::common::place;

fn day(offset: i64) -> Date {
    date(2026, 1, 1).checked_add(offset.days()).unwrap()
}

fn class() -> impl Strategy<Value = MemberClass> {
    prop::sample::select(MemberClass::ALL.to_vec())
}

fn choice() -> impl Strategy<Value = VoteChoice> {
    prop::sample::select(vec![
        VoteChoice::For,
        VoteChoice::Against,
        VoteChoice::Abstain,
    ])
}

fn ballots() -> impl Strategy<Value = Vec<Ballot>> {
    prop::collection::vec((class(), choice()), 0..40).prop_map(|votes| {
        votes
            .into_iter()
            .enumerate()
            .map(|(i, (class, choice))| Ballot {
                voter: MemberId::new(format!("m{i}")),
                class,
                choice,
                channel: Channel::Online,
            })
            .collect()
    })
}

fn abstentions(from: usize, count: usize) -> Vec<Ballot> {
    (0..count)
        .map(|i| Ballot {
            voter: MemberId::new(format!("abstainer{}", from + i)),
            class: MemberClass::Supporter,
            choice: VoteChoice::Abstain,
            channel: Channel::AtMeeting,
        })
        .collect()
}

fn every_class_weighted(
    weight: std::ops::Range<u32>,
) -> impl Strategy<Value = BTreeMap<MemberClass, u32>> {
    prop::collection::vec(weight, MemberClass::ALL.len())
        .prop_map(|weights| MemberClass::ALL.into_iter().zip(weights).collect())
}

fn schemes() -> impl Strategy<Value = VotingScheme> {
    prop_oneof![
        Just(VotingScheme::default()),
        Just(VotingScheme::OneMemberOneVote {
            caps: BTreeMap::from([
                (MemberClass::Supporter, Share::ONE_TENTH),
                (MemberClass::Pa, Share::new(3, 10).unwrap()),
            ]),
        }),
        every_class_weighted(1u32..100).prop_map(|weights| VotingScheme::ClassShares { weights }),
        // Some classes left out, so that some ballots are refused.
        prop::collection::btree_map(class(), 1u32..100, 1..5)
            .prop_map(|weights| VotingScheme::ClassShares { weights }),
    ]
}

#[derive(Debug, Clone)]
enum Step {
    Add {
        person: u8,
        start: i64,
        length: Option<i64>,
    },
    End {
        person: u8,
        on: i64,
    },
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        (0u8..12, 0i64..400, prop::option::of(1i64..200)).prop_map(|(person, start, length)| {
            Step::Add {
                person,
                start,
                length,
            }
        }),
        (0u8..12, 0i64..600).prop_map(|(person, on)| Step::End { person, on }),
    ];
    prop::collection::vec(step, 0..60)
}

proptest! {
    #[test]
    fn abstentions_never_change_a_resolution(
        votes in ballots(),
        extra in 0usize..20,
        special in any::<bool>(),
    ) {
        let rules = Rules::default();
        let rule = if special { DecisionRule::SpecialResolution } else { DecisionRule::OrdinaryResolution };
        // Abstainers in a class that already voted, so weights may apply.
        let mut more = votes.clone();
        more.extend(abstentions(votes.len(), extra));
        let before = decide(&rules, rule, &votes).unwrap();
        let after = decide(&rules, rule, &more).unwrap();
        prop_assert_eq!(before.outcome, after.outcome);
        prop_assert_eq!(before.reason, after.reason);
        prop_assert_eq!(before.tally.strength_for, after.tally.strength_for);
    }

    #[test]
    fn the_order_of_ballots_does_not_matter(
        (votes, shuffled) in ballots().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        scheme in schemes(),
        rule in prop::sample::select(vec![
            DecisionRule::OrdinaryResolution,
            DecisionRule::SpecialResolution,
            DecisionRule::Consent,
        ]),
    ) {
        let rules = Rules { voting: scheme, ..Rules::default() };
        prop_assert_eq!(decide(&rules, rule, &votes), decide(&rules, rule, &shuffled));
    }

    #[test]
    fn one_member_one_vote_counts_heads(votes in ballots()) {
        let result = decide(&Rules::default(), DecisionRule::OrdinaryResolution, &votes).unwrap();
        let tally = result.tally;
        prop_assert_eq!(tally.strength_for, Ratio::whole(u64::from(tally.for_votes)));
        prop_assert_eq!(tally.strength_against, Ratio::whole(u64::from(tally.against)));
        prop_assert_eq!(result.outcome.eq(&cylch_governance::Outcome::Carried), tally.for_votes > tally.against);
    }

    #[test]
    fn scaling_every_class_weight_changes_nothing(
        votes in ballots(),
        weights in every_class_weighted(1u32..50),
        factor in 2u32..7,
    ) {
        let rules = Rules { voting: VotingScheme::ClassShares { weights: weights.clone() }, ..Rules::default() };
        let scaled = Rules {
            voting: VotingScheme::ClassShares {
                weights: weights.into_iter().map(|(c, w)| (c, w * factor)).collect(),
            },
            ..Rules::default()
        };
        let a = decide(&rules, DecisionRule::OrdinaryResolution, &votes).unwrap();
        let b = decide(&scaled, DecisionRule::OrdinaryResolution, &votes).unwrap();
        prop_assert_eq!(a.outcome, b.outcome);
        prop_assert_eq!(a.reason, b.reason);
    }

    #[test]
    fn a_capped_class_never_holds_more_than_its_cap(votes in ballots()) {
        let cap = Share::ONE_TENTH;
        let rules = Rules {
            voting: VotingScheme::OneMemberOneVote {
                caps: BTreeMap::from([(MemberClass::Supporter, cap)]),
            },
            ..Rules::default()
        };
        let tally = decide(&rules, DecisionRule::OrdinaryResolution, &votes).unwrap().tally;
        let others_voted = tally
            .per_class
            .iter()
            .any(|c| c.class != MemberClass::Supporter && c.for_votes + c.against > 0);
        if let (Some(supporters), true) = (
            tally.per_class.iter().find(|c| c.class == MemberClass::Supporter),
            others_voted,
        ) {
            let strength = supporters.strength_for.checked_add(supporters.strength_against).unwrap();
            let allowed = cap.as_ratio().checked_mul(tally.strength_cast().unwrap()).unwrap();
            prop_assert!(strength.checked_cmp(allowed).unwrap().is_le());
        }
    }

    #[test]
    fn capacity_never_exceeds_the_limit(steps in steps()) {
        let rules = CapacityRules::default();
        let mut register = SupportRegister::new();
        for step in steps {
            match step {
                Step::Add { person, start, length } => {
                    let mut new = place(&format!("p{person}"), day(start));
                    new.ends = length.map(|l| day(start + l));
                    let _ = register.add(CoopKind::Family, rules, None, new);
                }
                Step::End { person, on } => {
                    let _ = register.end(&PersonId::new(format!("p{person}")), day(on), SupportEndReason::Other);
                }
            }
            // The count only rises when a place starts, so those days are
            // where the limit could be broken after each step.
            for start in register.places().iter().map(|p| p.starts) {
                prop_assert!(register.count_on(start) <= rules.limit);
            }
        }
        // And, not trusting that argument, every day at the end.
        for d in 0..650 {
            prop_assert!(register.count_on(day(d)) <= rules.limit);
        }
    }

    #[test]
    fn notice_dates_round_trip(offset in 0i64..4000, days in 0u32..60) {
        let sent = day(offset);
        let earliest = earliest_meeting_date(sent, days).unwrap();
        prop_assert_eq!(clear_days_between(sent, earliest), days);
        prop_assert_eq!(latest_notice_date(earliest, days).unwrap(), sent);
        // A day earlier is one clear day short.
        let before = earliest.checked_sub(1.day()).unwrap();
        prop_assert!(before <= sent || clear_days_between(sent, before) < days);
    }

    #[test]
    fn quorum_is_the_greater_of_the_minimum_and_the_share(
        members in 0u32..10_000,
        minimum in 1u32..20,
        percent in 0u32..=100,
    ) {
        let rule = QuorumRule { minimum_members: minimum, share_of_members: Share::percent(percent).unwrap() };
        let required = rule.required(members);
        prop_assert!(required >= minimum);
        prop_assert!(u64::from(required) * 100 >= u64::from(members) * u64::from(percent));
        prop_assert!(required == minimum || (u64::from(required) - 1) * 100 < u64::from(members) * u64::from(percent));
        prop_assert!(rule.required(members + 1) >= required);
    }

    #[test]
    fn a_carried_special_resolution_would_carry_as_ordinary(
        votes in ballots(),
        scheme in schemes(),
    ) {
        let rules = Rules { voting: scheme, ..Rules::default() };
        if let Ok(special) = decide(&rules, DecisionRule::SpecialResolution, &votes) {
            let ordinary = decide(&rules, DecisionRule::OrdinaryResolution, &votes).unwrap();
            if special.outcome == Outcome::Carried {
                prop_assert_eq!(ordinary.outcome, Outcome::Carried);
            }
        }
    }

    #[test]
    fn a_poll_does_not_depend_on_ballot_order(
        (choices, shuffled) in prop::collection::vec((class(), prop::option::of(0u16..4)), 0..30)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        scheme in schemes(),
    ) {
        let rules = Rules { voting: scheme, ..Rules::default() };
        // Voters are named by their place in the original list, so that a
        // shuffle moves whole ballots.
        let named = |list: &[(MemberClass, Option<u16>)], original: &[(MemberClass, Option<u16>)]| {
            let mut used = vec![false; original.len()];
            list.iter()
                .map(|item| {
                    let index = original
                        .iter()
                        .enumerate()
                        .position(|(i, o)| !used[i] && o == item)
                        .unwrap();
                    used[index] = true;
                    PollBallot {
                        voter: MemberId::new(format!("m{index}")),
                        class: item.0,
                        choice: item.1,
                        channel: Channel::Online,
                    }
                })
                .collect::<Vec<_>>()
        };
        let first = decide_poll(&rules, 4, &named(&choices, &choices));
        let second = decide_poll(&rules, 4, &named(&shuffled, &choices));
        prop_assert_eq!(first, second);
    }
}
