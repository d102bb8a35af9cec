use cylch_governance::proposal::{Proposal, ProposalError, Subject, VotingPlace, VotingWindow};
use cylch_governance::quorum::QuorumCheck;
use cylch_governance::{DecisionRule, Meeting, MeetingId, MeetingKind, Outcome, Rules};
use jiff::Timestamp;
use jiff::civil::date;

use crate::common::ballots;

fn window() -> VotingWindow {
    let opens: Timestamp = "2026-05-01T09:00:00Z".parse().unwrap();
    let closes: Timestamp = "2026-05-08T17:00:00Z".parse().unwrap();
    VotingWindow::new(opens, closes).unwrap()
}

fn online(subject: Subject, rule: DecisionRule) -> Proposal {
    Proposal {
        subject,
        rule,
        place: VotingPlace::Online { window: window() },
        secret_ballot_asked: false,
    }
}

#[test]
fn some_subjects_need_a_special_resolution() {
    let rules = Rules::default();
    for subject in [Subject::RuleChange, Subject::ExpelMember, Subject::WindUp] {
        assert_eq!(
            online(subject, DecisionRule::OrdinaryResolution).check(&rules),
            Err(ProposalError::RuleNotAllowed {
                subject,
                needed: DecisionRule::SpecialResolution
            })
        );
        online(subject, DecisionRule::SpecialResolution)
            .check(&rules)
            .unwrap();
    }
    assert!(matches!(
        online(Subject::General, DecisionRule::Consent).check(&rules),
        Err(ProposalError::RuleNotAllowed {
            needed: DecisionRule::OrdinaryResolution,
            ..
        })
    ));
    online(Subject::Informal, DecisionRule::SimplePoll)
        .check(&rules)
        .unwrap();
    let no_online = Rules {
        online_voting: false,
        ..Rules::default()
    };
    assert_eq!(
        online(Subject::General, DecisionRule::OrdinaryResolution).check(&no_online),
        Err(ProposalError::OnlineVotingNotAllowed)
    );
}

#[test]
fn online_votes_count_only_inside_the_window() {
    let w = window();
    assert!(matches!(
        w.accepts("2026-05-01T08:59:59Z".parse().unwrap()),
        Err(ProposalError::VotingNotOpen { .. })
    ));
    w.accepts("2026-05-01T09:00:00Z".parse().unwrap()).unwrap();
    assert!(matches!(
        w.accepts("2026-05-08T17:00:00Z".parse().unwrap()),
        Err(ProposalError::VotingClosed { .. })
    ));
    assert_eq!(
        VotingWindow::new(w.closes(), w.opens()),
        Err(ProposalError::WindowClosesBeforeOpening)
    );
}

#[test]
fn converting_to_a_company_needs_half_the_members_to_vote() {
    let rules = Rules::default();
    let proposal = online(Subject::ConvertToCompany, DecisionRule::SpecialResolution);
    // 4 for out of 10 members: 100% of votes cast but only 40% turnout.
    assert_eq!(
        proposal.decide(&rules, None, 10, &ballots(4, 0, 3)),
        Err(ProposalError::TurnoutTooLow {
            cast: 4,
            needed: 5,
            entitled: 10
        })
    );
    let result = proposal
        .decide(&rules, None, 10, &ballots(4, 1, 0))
        .unwrap();
    assert_eq!(result.outcome, Outcome::Carried);
}

#[test]
fn votes_at_a_meeting_need_that_meeting_held_and_quorate() {
    let rules = Rules::default();
    let proposal = Proposal {
        subject: Subject::General,
        rule: DecisionRule::OrdinaryResolution,
        place: VotingPlace::AtMeeting {
            meeting: MeetingId::new("agm"),
        },
        secret_ballot_asked: true,
    };
    let scheduled = Meeting::schedule(
        MeetingId::new("agm"),
        MeetingKind::AnnualGeneral,
        date(2026, 6, 1),
    );
    assert!(matches!(
        proposal.decide(&rules, Some(&scheduled), 5, &ballots(3, 0, 0)),
        Err(ProposalError::Meeting(_))
    ));
    assert_eq!(
        proposal.decide(&rules, None, 5, &ballots(3, 0, 0)),
        Err(ProposalError::WrongMeeting)
    );
    let other = Meeting::schedule(
        MeetingId::new("other"),
        MeetingKind::General,
        date(2026, 6, 1),
    );
    assert_eq!(
        proposal.decide(&rules, Some(&other), 5, &ballots(3, 0, 0)),
        Err(ProposalError::WrongMeeting)
    );
    let mut held = scheduled;
    held.state = cylch_governance::MeetingState::Held {
        quorum: QuorumCheck {
            present: 3,
            in_person: 3,
            by_proxy: 0,
            apologies: 0,
            required: 3,
            quorate: true,
        },
    };
    let at_meeting: Vec<_> = ballots(2, 1, 0)
        .into_iter()
        .map(|mut b| {
            b.channel = cylch_governance::Channel::AtMeeting;
            b
        })
        .collect();
    let result = proposal
        .decide(&rules, Some(&held), 5, &at_meeting)
        .unwrap();
    assert_eq!(result.outcome, Outcome::Carried);
}

#[test]
fn votes_arrive_only_the_ways_the_proposal_takes_them() {
    let rules = Rules::default();
    let mut at_meeting = ballots(2, 0, 0);
    at_meeting[0].channel = cylch_governance::Channel::AtMeeting;
    let proposal = online(Subject::General, DecisionRule::OrdinaryResolution);
    assert!(matches!(
        proposal.decide(&rules, None, 5, &at_meeting),
        Err(ProposalError::WrongChannel { .. })
    ));
    assert!(!proposal.is_secret(&rules));
    let secret = Rules {
        secret_ballot_always: true,
        ..Rules::default()
    };
    assert!(proposal.is_secret(&secret));
}
