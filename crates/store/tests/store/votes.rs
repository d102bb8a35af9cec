//! Proposals and votes in the store, on SQLite and PostgreSQL: one ballot
//! per member whatever the channel (enforced by the database too, and under
//! concurrent requests), votes only within the window and only with the
//! right, changes until the close, secret ballots that no query links to a
//! voter, and results recorded with their counts.

use cylch_governance::proposal::Subject;
use cylch_governance::vote::{DecisionRule, VoteChoice};
use cylch_store::testing::{count_raw, execute_raw};
use cylch_store::votes::{BallotChannel, NewProposal, RecordedOutcome, VotingError};
use cylch_store::{AccountId, CoopScope};
use jiff::Timestamp;

use super::*;

fn hours_from_now(hours: i64) -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second() + hours * 3600).unwrap()
}

/// A co-operative with a secretary and `members` ordinary members: the
/// secretary's scope and each member's scope.
struct Voters {
    secretary: CoopScope,
    members: Vec<CoopScope>,
}

async fn voters(store: &Store, members: usize) -> Voters {
    let (coop, secretary, members) = coop_with_members(
        store,
        "Cylch Pleidlais",
        ("ysgrifennydd@example.cymru", Office::Secretary),
        MemberClass::Pa,
        "aelod",
        members,
    )
    .await;
    let mut scopes = Vec::new();
    for member in &members {
        scopes.push(store.scope(&member.id, &coop.id).await.unwrap().unwrap());
    }
    Voters {
        secretary: store.scope(&secretary.id, &coop.id).await.unwrap().unwrap(),
        members: scopes,
    }
}

async fn raise(store: &Store, scope: &CoopScope, secret: bool) -> String {
    store
        .raise_proposal(
            scope,
            NewProposal {
                title: "Budget for 2027",
                background: "We propose the budget the committee drafted.",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: secret,
                opens: hours_from_now(-1),
                closes: hours_from_now(1),
            },
        )
        .await
        .unwrap()
        .id
}

fn me(scope: &CoopScope) -> AccountId {
    scope.account().clone()
}

on_both_databases!(
    a_member_votes_once_and_may_change_until_the_close,
    |store| {
        let v = voters(&store, 3).await;
        let proposal = raise(&store, &v.members[0], false).await;
        let now = Timestamp::now();
        let (a, b, c) = (&v.members[0], &v.members[1], &v.members[2]);

        let first = store
            .vote(a, &proposal, VoteChoice::For, None, now)
            .await
            .unwrap();
        assert!(!first.changed && first.receipt.is_none());
        let again = store
            .vote(a, &proposal, VoteChoice::Against, None, now)
            .await
            .unwrap();
        assert!(again.changed, "a second vote changes the first");

        // The secretary cannot put a paper vote over a member's own vote.
        let paper = store
            .record_vote_for(
                &v.secretary,
                &proposal,
                &me(a),
                VoteChoice::For,
                BallotChannel::Paper,
                now,
            )
            .await;
        assert!(matches!(paper, Err(VotingError::AlreadyVoted)), "{paper:?}");

        // An assisted vote counts, and the member can override it in person.
        store
            .record_vote_for(
                &v.secretary,
                &proposal,
                &me(b),
                VoteChoice::Against,
                BallotChannel::Assisted,
                now,
            )
            .await
            .unwrap();
        let twice = store
            .record_vote_for(
                &v.secretary,
                &proposal,
                &me(b),
                VoteChoice::For,
                BallotChannel::Paper,
                now,
            )
            .await;
        assert!(matches!(twice, Err(VotingError::AlreadyVoted)));
        let overridden = store
            .vote(b, &proposal, VoteChoice::For, None, now)
            .await
            .unwrap();
        assert!(overridden.changed);
        store
            .record_vote_for(
                &v.secretary,
                &proposal,
                &me(c),
                VoteChoice::For,
                BallotChannel::Paper,
                now,
            )
            .await
            .unwrap();

        let ballots = store.ballots(a, &proposal).await.unwrap();
        assert_eq!(ballots.len(), 3, "one ballot per member");
        let b_row = ballots.iter().find(|r| r.member == me(b)).unwrap();
        assert_eq!(
            (b_row.channel, b_row.choice),
            (BallotChannel::Online, Some(VoteChoice::For))
        );

        // Outside the window nothing is accepted.
        let record = store.proposal(a, &proposal).await.unwrap().unwrap();
        let late = store
            .vote(
                c,
                &proposal,
                VoteChoice::Against,
                None,
                record.window.closes(),
            )
            .await;
        assert!(matches!(late, Err(VotingError::Closed { .. })), "{late:?}");
        let early = store
            .vote(c, &proposal, VoteChoice::Against, None, hours_from_now(-2))
            .await;
        assert!(matches!(early, Err(VotingError::NotOpen { .. })));
        let soon = store.record_result(&v.secretary, &proposal, now).await;
        assert!(matches!(soon, Err(VotingError::NotClosed)));

        let result = store
            .record_result(&v.secretary, &proposal, record.window.closes())
            .await
            .unwrap();
        assert_eq!(result.outcome, RecordedOutcome::Carried);
        let tally = &result.resolution.tally;
        assert_eq!(
            (tally.for_votes, tally.against, tally.abstentions),
            (2, 1, 0)
        );
        assert_eq!(
            (result.entitled, result.took_part, result.quorum_required),
            (4, 3, 2)
        );
        assert_eq!(
            (
                result.by_channel.online,
                result.by_channel.assisted,
                result.by_channel.paper
            ),
            (2, 0, 1)
        );
        let again = store
            .record_result(&v.secretary, &proposal, record.window.closes())
            .await;
        assert!(matches!(again, Err(VotingError::AlreadyDecided)));

        // The decisions log finds it by its words, and not by others.
        assert_eq!(store.decisions(a, "BUDGET").await.unwrap().len(), 1);
        assert_eq!(store.decisions(a, "").await.unwrap().len(), 1);
        assert!(store.decisions(a, "100%_").await.unwrap().is_empty());

        // Each vote has its audit trail: who entered it, how, and (on an open
        // ballot) the choice.
        let trail = store
            .audit_of_record("ballot", &format!("{proposal}:{}", me(b)))
            .await
            .unwrap();
        assert_eq!(trail.len(), 2);
        assert_eq!(trail[0].after.as_ref().unwrap()["channel"], "assisted");
        assert_eq!(trail[0].actor_name.as_deref(), Some("ysgrifennydd"));
        assert_eq!(trail[1].after.as_ref().unwrap()["choice"], "for");
    }
);

on_both_databases!(only_current_members_vote, |store| {
    let v = voters(&store, 2).await;
    let proposal = raise(&store, &v.members[0], false).await;
    let now = Timestamp::now();
    // An officer who is not a member can read but not vote.
    let admin = store
        .account_by_email(&email("admin@example.cymru"))
        .await
        .unwrap()
        .unwrap();
    let officer = person(&store, "swyddog@example.cymru", false).await;
    let coop = v.secretary.coop_id().clone();
    store
        .add_member(
            &admin.id,
            &coop,
            &officer.id,
            &CoopRoles::officer(Office::Chair),
            None,
        )
        .await
        .unwrap();
    let officer_scope = store.scope(&officer.id, &coop).await.unwrap().unwrap();
    assert!(
        store
            .proposal(&officer_scope, &proposal)
            .await
            .unwrap()
            .is_some()
    );
    let refused = store
        .vote(&officer_scope, &proposal, VoteChoice::For, None, now)
        .await;
    assert!(
        matches!(refused, Err(VotingError::NotAMember)),
        "{refused:?}"
    );

    // A member who has ceased cannot vote, nor have a vote entered.
    let leaver = &v.members[1];
    execute_raw(
        &store,
        &format!(
            "UPDATE memberships SET ceased_on = '2026-01-01' WHERE account_id = '{}'",
            leaver.account()
        ),
    )
    .await
    .unwrap();
    let refused = store
        .vote(leaver, &proposal, VoteChoice::For, None, now)
        .await;
    assert!(matches!(refused, Err(VotingError::NotAMember)));
    let refused = store
        .record_vote_for(
            &v.secretary,
            &proposal,
            leaver.account(),
            VoteChoice::For,
            BallotChannel::Paper,
            now,
        )
        .await;
    assert!(matches!(refused, Err(VotingError::NotAMember)));
    // An officer records votes for others, not their own.
    let own = store
        .record_vote_for(
            &v.secretary,
            &proposal,
            v.secretary.account(),
            VoteChoice::For,
            BallotChannel::Paper,
            now,
        )
        .await;
    assert!(matches!(own, Err(VotingError::OwnVoteOnline)));
    assert_eq!(
        count_raw(&store, "SELECT COUNT(*) FROM ballots").await,
        0,
        "no refused vote left a ballot"
    );

    // A proposal from another co-operative is not found through this scope.
    let other_admin = person(&store, "arall@example.cymru", true).await;
    let other = store
        .create_coop(
            &other_admin.id,
            &CoopName::parse("Cylch Arall").unwrap(),
            CoopKind::Family,
        )
        .await
        .unwrap();
    store
        .add_member(
            &other_admin.id,
            &other.id,
            &other_admin.id,
            &CoopRoles::member(MemberClass::Pa),
            None,
        )
        .await
        .unwrap();
    let outsider = store
        .scope(&other_admin.id, &other.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        store
            .proposal(&outsider, &proposal)
            .await
            .unwrap()
            .is_none()
    );
    let refused = store
        .vote(&outsider, &proposal, VoteChoice::For, None, now)
        .await;
    assert!(matches!(
        refused,
        Err(VotingError::Store(StoreError::NotFound))
    ));
});

on_both_databases!(secret_ballots_never_link_a_member_to_a_choice, |store| {
    let v = voters(&store, 3).await;
    let proposal = raise(&store, &v.members[0], true).await;
    let record = store
        .proposal(&v.secretary, &proposal)
        .await
        .unwrap()
        .unwrap();
    assert!(record.secret);
    let now = Timestamp::now();
    let (a, b, c) = (&v.members[0], &v.members[1], &v.members[2]);

    let receipt = store
        .vote(a, &proposal, VoteChoice::For, None, now)
        .await
        .unwrap()
        .receipt
        .unwrap();
    store
        .vote(b, &proposal, VoteChoice::Against, None, now)
        .await
        .unwrap();
    let assisted = store
        .record_vote_for(
            &v.secretary,
            &proposal,
            &me(c),
            VoteChoice::Abstain,
            BallotChannel::Assisted,
            now,
        )
        .await
        .unwrap();
    assert!(
        assisted.receipt.is_some(),
        "the officer is given the receipt to hand to the member"
    );

    // Changing needs the receipt, and the right one.
    let without = store
        .vote(a, &proposal, VoteChoice::Against, None, now)
        .await;
    assert!(matches!(without, Err(VotingError::ReceiptNeeded)));
    let wrong = store
        .vote(a, &proposal, VoteChoice::Against, Some("not-it"), now)
        .await;
    assert!(matches!(wrong, Err(VotingError::ReceiptWrong)));
    let changed = store
        .vote(a, &proposal, VoteChoice::Against, Some(&receipt), now)
        .await
        .unwrap();
    assert!(changed.changed);
    let stale = store
        .vote(a, &proposal, VoteChoice::For, Some(&receipt), now)
        .await;
    assert!(
        matches!(stale, Err(VotingError::ReceiptWrong)),
        "each change issues a new receipt"
    );
    // The member overrides the assisted vote with the receipt they were given.
    store
        .vote(
            c,
            &proposal,
            VoteChoice::For,
            assisted.receipt.as_deref(),
            now,
        )
        .await
        .unwrap();

    // Nothing the store offers links a voter to a choice: not the ballots,
    // not the stored rows, not the audit trail.
    let ballots = store.ballots(&v.secretary, &proposal).await.unwrap();
    assert_eq!(ballots.len(), 3);
    assert!(ballots.iter().all(|b| b.choice.is_none()));
    assert_eq!(
        count_raw(
            &store,
            "SELECT COUNT(*) FROM ballots WHERE choice IS NOT NULL"
        )
        .await,
        0
    );
    for scope in [a, b, c] {
        let trail = store
            .audit_of_record("ballot", &format!("{proposal}:{}", me(scope)))
            .await
            .unwrap();
        assert!(!trail.is_empty());
        for entry in trail {
            for side in [&entry.before, &entry.after].into_iter().flatten() {
                let text = side.to_string();
                assert!(
                    !text.contains("choice")
                        && !text.contains("\"for\"")
                        && !text.contains("against")
                        && !text.contains("abstain"),
                    "the audit leaks a secret choice: {text}"
                );
            }
        }
    }

    let result = store
        .record_result(&v.secretary, &proposal, record.window.closes())
        .await
        .unwrap();
    let tally = &result.resolution.tally;
    assert_eq!(
        (tally.for_votes, tally.against, tally.abstentions),
        (1, 2, 0)
    );
    assert_eq!(result.outcome, RecordedOutcome::Lost);
    assert_eq!(
        result.by_channel.online, 3,
        "each member's own vote replaced the assisted one"
    );
});

on_both_databases!(the_database_refuses_a_second_ballot, |store| {
    let v = voters(&store, 1).await;
    let proposal = raise(&store, &v.members[0], false).await;
    store
        .vote(
            &v.members[0],
            &proposal,
            VoteChoice::For,
            None,
            Timestamp::now(),
        )
        .await
        .unwrap();
    let duplicate = execute_raw(
        &store,
        "INSERT INTO ballots (proposal_id, member_account_id, coop_id, class, channel, recorded_by, choice, seal, cast_at)
         SELECT proposal_id, member_account_id, coop_id, class, 'paper', recorded_by, 'against', NULL, cast_at FROM ballots",
    )
    .await;
    assert!(duplicate.is_err(), "a second ballot row was accepted");
    let leaky = execute_raw(&store, "UPDATE ballots SET seal = 'x'").await;
    assert!(
        leaky.is_err(),
        "a ballot holds a choice or a seal, never both"
    );
    assert_eq!(count_raw(&store, "SELECT COUNT(*) FROM ballots").await, 1);
});

on_both_databases!(votes_racing_by_every_channel_leave_one_ballot, |store| {
    let v = voters(&store, 8).await;
    for secret in [false, true] {
        let proposal = raise(&store, &v.members[0], secret).await;
        let target = v.members[1].clone();
        let now = Timestamp::now();
        // The same member's vote arrives online several times at once while
        // the secretary enters it on paper and as an assisted vote.
        let mut tasks = Vec::new();
        for i in 0..6 {
            let store = store.clone();
            let secretary = v.secretary.clone();
            let target = target.clone();
            let proposal = proposal.clone();
            tasks.push(tokio::spawn(async move {
                let choice = if i % 2 == 0 {
                    VoteChoice::For
                } else {
                    VoteChoice::Against
                };
                match i % 3 {
                    0 => store.vote(&target, &proposal, choice, None, now).await,
                    1 => {
                        store
                            .record_vote_for(
                                &secretary,
                                &proposal,
                                target.account(),
                                choice,
                                BallotChannel::Paper,
                                now,
                            )
                            .await
                    }
                    _ => {
                        store
                            .record_vote_for(
                                &secretary,
                                &proposal,
                                target.account(),
                                choice,
                                BallotChannel::Assisted,
                                now,
                            )
                            .await
                    }
                }
            }));
        }
        // Meanwhile every other member votes for, all at once.
        for member in &v.members[2..] {
            let member = member.clone();
            let store = store.clone();
            let proposal = proposal.clone();
            tasks.push(tokio::spawn(async move {
                store
                    .vote(&member, &proposal, VoteChoice::For, None, now)
                    .await
            }));
        }
        let mut accepted = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => accepted += 1,
                Err(VotingError::AlreadyVoted | VotingError::ReceiptNeeded) => {}
                Err(other) => panic!("unexpected refusal: {other:?}"),
            }
        }
        assert!(
            accepted >= 7,
            "the first of the racing votes and the six others count"
        );
        let one = count_raw(
            &store,
            &format!(
                "SELECT COUNT(*) FROM ballots WHERE proposal_id = '{proposal}' AND member_account_id = '{}'",
                target.account()
            ),
        )
        .await;
        assert_eq!(
            one, 1,
            "exactly one ballot for the member (secret: {secret})"
        );
        let record = store
            .proposal(&v.secretary, &proposal)
            .await
            .unwrap()
            .unwrap();
        let result = store
            .record_result(&v.secretary, &proposal, record.window.closes())
            .await
            .unwrap();
        let tally = &result.resolution.tally;
        assert_eq!(
            tally.for_votes + tally.against + tally.abstentions,
            7,
            "no vote lost or counted twice (secret: {secret})"
        );
        assert!(tally.for_votes >= 6);
        assert_eq!(result.took_part, 7);
    }
});

on_both_databases!(a_proposal_needs_the_right_rule_and_enough_voters, |store| {
    let v = voters(&store, 4).await;
    let wrong_rule = store
        .raise_proposal(
            &v.members[0],
            NewProposal {
                title: "Change the rules",
                background: "",
                subject: Subject::RuleChange,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: hours_from_now(-1),
                closes: hours_from_now(1),
            },
        )
        .await;
    assert_eq!(
        wrong_rule.unwrap_err().code(),
        "governance-rule-not-allowed"
    );
    let backwards = store
        .raise_proposal(
            &v.members[0],
            NewProposal {
                title: "Backwards",
                background: "",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: hours_from_now(1),
                closes: hours_from_now(-1),
            },
        )
        .await;
    assert_eq!(
        backwards.unwrap_err().code(),
        "governance-window-closes-before-opening"
    );

    // One vote among five members is not a quorum (three are needed).
    let proposal = raise(&store, &v.members[0], false).await;
    store
        .vote(
            &v.members[0],
            &proposal,
            VoteChoice::For,
            None,
            Timestamp::now(),
        )
        .await
        .unwrap();
    let record = store
        .proposal(&v.secretary, &proposal)
        .await
        .unwrap()
        .unwrap();
    let result = store
        .record_result(&v.secretary, &proposal, record.window.closes())
        .await
        .unwrap();
    assert_eq!(result.outcome, RecordedOutcome::Inquorate);
    assert_eq!((result.entitled, result.quorum_required), (5, 3));
    let logged = store.decisions(&v.members[2], "budget").await.unwrap();
    assert_eq!(
        logged[0].decided.as_ref().unwrap().result.outcome,
        RecordedOutcome::Inquorate
    );

    // Comments while the proposal is open; none once it is decided.
    let open = raise(&store, &v.members[1], false).await;
    store
        .add_comment(&v.members[2], &open, "  I agree with the budget. ")
        .await
        .unwrap();
    let comments = store.comments(&v.members[0], &open).await.unwrap();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].body, "I agree with the budget.");
    let ended = store.add_comment(&v.members[2], &proposal, "late").await;
    assert!(matches!(ended, Err(VotingError::DiscussionEnded)));
});
