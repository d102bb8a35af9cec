//! Proxy votes in the store, on SQLite and PostgreSQL: a member names a
//! holder; the holder's vote is the member's one ballot whatever other way
//! a vote might arrive; the member can revoke it or replace it in person;
//! the rules' limit per holder holds; rules without proxies refuse them.

use cylch_governance::Rules;
use cylch_governance::proposal::Subject;
use cylch_governance::vote::{DecisionRule, VoteChoice};
use cylch_store::votes::{BallotChannel, NewProposal, VotingError};
use cylch_store::{AccountId, CoopScope};
use jiff::Timestamp;

use super::*;

fn hours_from_now(hours: i64) -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second() + hours * 3600).unwrap()
}

async fn members(store: &Store, n: usize) -> (CoopScope, Vec<CoopScope>) {
    let (coop, secretary, members) = coop_with_members(
        store,
        "Cylch Dirprwy",
        ("dirprwy@example.cymru", Office::Secretary),
        MemberClass::FamilyOrCarer,
        "aelod-dirprwy",
        n,
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

async fn raise(store: &Store, scope: &CoopScope, secret: bool) -> String {
    store
        .raise_proposal(
            scope,
            NewProposal {
                title: "Buy a shared hoist",
                background: "Two of us need one; sharing halves the cost.",
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

fn id(scope: &CoopScope) -> AccountId {
    scope.account().clone()
}

on_both_databases!(a_proxy_vote_is_the_members_one_ballot, |store| {
    let (secretary, m) = members(&store, 3).await;
    let proposal = raise(&store, &secretary, false).await;
    let now = Timestamp::now();
    let (member, holder, other) = (&m[0], &m[1], &m[2]);

    // Nobody votes for a member who has not named them.
    let unnamed = store
        .vote_by_proxy(holder, &proposal, &id(member), VoteChoice::For, now)
        .await;
    assert!(matches!(unnamed, Err(VotingError::NoProxy)), "{unnamed:?}");

    store
        .appoint_proxy(member, &proposal, &id(holder), now)
        .await
        .unwrap();
    let mine = store.my_proxy(member, &proposal).await.unwrap().unwrap();
    assert_eq!(mine.holder, id(holder));
    let held = store.proxies_held(holder, &proposal).await.unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].member, id(member));
    // Another member cannot use the appointment.
    let stranger = store
        .vote_by_proxy(other, &proposal, &id(member), VoteChoice::For, now)
        .await;
    assert!(
        matches!(stranger, Err(VotingError::NoProxy)),
        "{stranger:?}"
    );

    store
        .vote_by_proxy(holder, &proposal, &id(member), VoteChoice::Against, now)
        .await
        .unwrap();
    let ballots = store.ballots(&secretary, &proposal).await.unwrap();
    assert_eq!(ballots.len(), 1);
    assert_eq!(ballots[0].member, id(member));
    assert_eq!(ballots[0].channel, BallotChannel::Proxy);
    assert_eq!(ballots[0].choice, Some(VoteChoice::Against));

    // No second ballot for the member, whichever way it comes.
    let again = store
        .vote_by_proxy(holder, &proposal, &id(member), VoteChoice::For, now)
        .await;
    assert!(matches!(again, Err(VotingError::AlreadyVoted)), "{again:?}");
    for channel in [BallotChannel::Assisted, BallotChannel::Paper] {
        let officer = store
            .record_vote_for(
                &secretary,
                &proposal,
                &id(member),
                VoteChoice::For,
                channel,
                now,
            )
            .await;
        assert!(
            matches!(officer, Err(VotingError::AlreadyVoted)),
            "{channel:?}: {officer:?}"
        );
    }
    // Having voted through the holder, the member names nobody else.
    let late = store
        .appoint_proxy(member, &proposal, &id(other), now)
        .await;
    assert!(matches!(late, Err(VotingError::AlreadyVoted)), "{late:?}");

    // In person, the member replaces the proxy's vote.
    let own = store
        .vote(member, &proposal, VoteChoice::For, None, now)
        .await
        .unwrap();
    assert!(own.changed);
    let ballots = store.ballots(&secretary, &proposal).await.unwrap();
    assert_eq!(ballots.len(), 1);
    assert_eq!(ballots[0].channel, BallotChannel::Online);
    assert_eq!(ballots[0].choice, Some(VoteChoice::For));
    // The holder's own vote is still their own.
    store
        .vote(holder, &proposal, VoteChoice::Against, None, now)
        .await
        .unwrap();
    assert_eq!(store.ballots(&secretary, &proposal).await.unwrap().len(), 2);
});

on_both_databases!(proxies_keep_to_the_rules, |store| {
    let (secretary, m) = members(&store, 7).await;
    let proposal = raise(&store, &secretary, false).await;
    let now = Timestamp::now();
    let holder = &m[0];

    let own = store
        .appoint_proxy(holder, &proposal, &id(holder), now)
        .await;
    assert!(matches!(own, Err(VotingError::OwnProxy)), "{own:?}");
    let nobody = AccountId::parse(&"0".repeat(32)).unwrap();
    let outsider = store.appoint_proxy(&m[1], &proposal, &nobody, now).await;
    assert!(
        matches!(outsider, Err(VotingError::ProxyHolderCannotVote)),
        "{outsider:?}"
    );

    // The model rules allow five proxies to one holder; the sixth is refused.
    for member in &m[1..6] {
        store
            .appoint_proxy(member, &proposal, &id(holder), now)
            .await
            .unwrap();
    }
    let sixth = store
        .appoint_proxy(&m[6], &proposal, &id(holder), now)
        .await;
    assert!(
        matches!(sixth, Err(VotingError::TooManyProxies { limit: 5 })),
        "{sixth:?}"
    );
    // Revoking frees a place, and the holder can no longer vote for them.
    store.revoke_proxy(&m[1], &proposal, now).await.unwrap();
    let revoked = store
        .vote_by_proxy(holder, &proposal, &id(&m[1]), VoteChoice::For, now)
        .await;
    assert!(matches!(revoked, Err(VotingError::NoProxy)), "{revoked:?}");
    store
        .appoint_proxy(&m[6], &proposal, &id(holder), now)
        .await
        .unwrap();
    assert_eq!(
        store.proxies_held(holder, &proposal).await.unwrap().len(),
        5
    );

    // After the close, nothing.
    let after = hours_from_now(2);
    let closed = store
        .vote_by_proxy(holder, &proposal, &id(&m[2]), VoteChoice::For, after)
        .await;
    assert!(
        matches!(closed, Err(VotingError::Closed { .. })),
        "{closed:?}"
    );
});

on_both_databases!(rules_without_proxies_refuse_them, |store| {
    let (secretary, m) = members(&store, 2).await;
    let mut rules = Rules::default();
    rules.proxies.allowed = false;
    store
        .record_registered_rules(&secretary, &rules, store.clock().today_in_wales())
        .await
        .unwrap();
    let proposal = raise(&store, &secretary, false).await;
    let refused = store
        .appoint_proxy(&m[0], &proposal, &id(&m[1]), Timestamp::now())
        .await;
    assert!(
        matches!(refused, Err(VotingError::ProxiesNotAllowed)),
        "{refused:?}"
    );
});

on_both_databases!(a_secret_proxy_vote_keeps_no_choice, |store| {
    let (secretary, m) = members(&store, 2).await;
    let proposal = raise(&store, &secretary, true).await;
    let now = Timestamp::now();
    store
        .appoint_proxy(&m[0], &proposal, &id(&m[1]), now)
        .await
        .unwrap();
    let cast = store
        .vote_by_proxy(&m[1], &proposal, &id(&m[0]), VoteChoice::For, now)
        .await
        .unwrap();
    assert!(
        cast.receipt.is_some(),
        "the holder gets the receipt to pass on"
    );
    let ballots = store.ballots(&secretary, &proposal).await.unwrap();
    assert_eq!(ballots[0].channel, BallotChannel::Proxy);
    assert_eq!(ballots[0].choice, None);
});
