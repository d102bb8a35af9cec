//! The co-operative's rules in the store, on SQLite and PostgreSQL: the
//! model rules until the registered rules are recorded, once; then changes
//! only by a carried special resolution, each kept as a version.

use cylch_governance::Rules;
use cylch_governance::proposal::Subject;
use cylch_governance::vote::{DecisionRule, VoteChoice};
use cylch_store::CoopScope;
use cylch_store::rules::RecordRulesError;
use cylch_store::votes::{NewProposal, RecordedOutcome, VotingError};
use jiff::Timestamp;

use super::*;

fn hours_from_now(hours: i64) -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second() + hours * 3600).unwrap()
}

async fn committee(store: &Store) -> (CoopScope, Vec<CoopScope>) {
    let (coop, secretary, members) = coop_with_members(
        store,
        "Cylch Rheolau",
        ("rheolau@example.cymru", Office::Secretary),
        MemberClass::FamilyOrCarer,
        "aelod-rheolau",
        3,
    )
    .await;
    let mut scopes = Vec::new();
    for member in &members {
        scopes.push(store.scope(&member.id, &coop.id).await.unwrap().unwrap());
    }
    (
        store.scope(&secretary.id, &coop.id).await.unwrap().unwrap(),
        scopes,
    )
}

fn change(rule: DecisionRule) -> NewProposal<'static> {
    NewProposal {
        title: "Three weeks' notice of general meetings",
        background: "Members asked for longer to arrange care around meetings.",
        subject: Subject::RuleChange,
        rule,
        secret_asked: false,
        opens: hours_from_now(-1),
        closes: hours_from_now(1),
    }
}

fn with_notice(days: u32) -> Rules {
    Rules {
        general_meeting_notice_days: days,
        ..Rules::default()
    }
}

on_both_databases!(the_registered_rules_are_recorded_once, |store| {
    let (secretary, _) = committee(&store).await;
    assert_eq!(store.rules(&secretary).await.unwrap(), Rules::default());

    let mut broken = Rules::default();
    broken.proxies.max_per_holder = 0;
    let refused = store
        .record_registered_rules(&secretary, &broken, store.clock().today_in_wales())
        .await;
    assert!(
        matches!(refused, Err(RecordRulesError::Invalid(_))),
        "{refused:?}"
    );
    assert_eq!(store.rule_history(&secretary).await.unwrap().len(), 0);

    store
        .record_registered_rules(&secretary, &with_notice(21), store.clock().today_in_wales())
        .await
        .unwrap();
    assert_eq!(
        store
            .rules(&secretary)
            .await
            .unwrap()
            .general_meeting_notice_days,
        21
    );
    let again = store
        .record_registered_rules(&secretary, &with_notice(7), store.clock().today_in_wales())
        .await;
    assert!(
        matches!(again, Err(RecordRulesError::AlreadyRecorded)),
        "{again:?}"
    );
    let history = store.rule_history(&secretary).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].proposal_id, None);
    assert_eq!(history[0].rules, with_notice(21));
});

on_both_databases!(a_carried_special_resolution_changes_the_rules, |store| {
    let (secretary, members) = committee(&store).await;
    let same = store
        .propose_rule_change(
            &members[0],
            change(DecisionRule::SpecialResolution),
            &Rules::default(),
        )
        .await;
    assert!(matches!(same, Err(VotingError::RulesUnchanged)), "{same:?}");
    let ordinary = store
        .propose_rule_change(
            &members[0],
            change(DecisionRule::OrdinaryResolution),
            &with_notice(21),
        )
        .await;
    assert!(ordinary.is_err(), "a rule change by ordinary resolution");

    let proposal = store
        .propose_rule_change(
            &members[0],
            change(DecisionRule::SpecialResolution),
            &with_notice(21),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .proposed_rules(&secretary, &proposal.id)
            .await
            .unwrap(),
        Some(with_notice(21))
    );
    let now = Timestamp::now();
    for member in &members {
        store
            .vote(member, &proposal.id, VoteChoice::For, None, now)
            .await
            .unwrap();
    }
    store
        .vote(&secretary, &proposal.id, VoteChoice::For, None, now)
        .await
        .unwrap();
    // Not yet carried: the rules in force are unchanged while the vote runs.
    assert_eq!(store.rules(&secretary).await.unwrap(), Rules::default());
    let result = store
        .record_result(&secretary, &proposal.id, proposal.window.closes())
        .await
        .unwrap();
    assert_eq!(result.outcome, RecordedOutcome::Carried);
    assert_eq!(store.rules(&members[2]).await.unwrap(), with_notice(21));
    let history = store.rule_history(&secretary).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        history[0].proposal_id.as_deref(),
        Some(proposal.id.as_str())
    );
});

on_both_databases!(a_lost_rule_change_changes_nothing, |store| {
    let (secretary, members) = committee(&store).await;
    store
        .record_registered_rules(&secretary, &with_notice(14), store.clock().today_in_wales())
        .await
        .unwrap();
    let proposal = store
        .propose_rule_change(
            &members[0],
            change(DecisionRule::SpecialResolution),
            &with_notice(21),
        )
        .await
        .unwrap();
    let now = Timestamp::now();
    // Two for and two against is half the votes cast; a special
    // resolution needs three quarters.
    for (member, choice) in
        members
            .iter()
            .zip([VoteChoice::For, VoteChoice::For, VoteChoice::Against])
    {
        store
            .vote(member, &proposal.id, choice, None, now)
            .await
            .unwrap();
    }
    store
        .vote(&secretary, &proposal.id, VoteChoice::Against, None, now)
        .await
        .unwrap();
    let result = store
        .record_result(&secretary, &proposal.id, proposal.window.closes())
        .await
        .unwrap();
    assert_eq!(result.outcome, RecordedOutcome::Lost);
    assert_eq!(store.rules(&secretary).await.unwrap(), with_notice(14));
    assert_eq!(store.rule_history(&secretary).await.unwrap().len(), 1);
});
