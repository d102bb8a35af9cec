//! Notifications in the store, on SQLite and PostgreSQL: written with what
//! they tell of, to the right members, by email only where wanted, each
//! email claimed once however many servers try, reminders once per vote,
//! and nothing more for someone who has left.

use std::collections::BTreeMap;

use cylch_governance::proposal::Subject;
use cylch_governance::vote::{DecisionRule, VoteChoice};
use cylch_store::CoopScope;
use cylch_store::notifications::NotificationKind;
use cylch_store::votes::NewProposal;
use jiff::Timestamp;

use super::*;

fn hours_from_now(hours: i64) -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second() + hours * 3600).unwrap()
}

async fn members(store: &Store, n: usize) -> (CoopScope, Vec<CoopScope>) {
    let (coop, secretary, members) = coop_with_members(
        store,
        "Cylch Newyddion",
        ("newyddion@example.cymru", Office::Secretary),
        MemberClass::FamilyOrCarer,
        "aelod-newyddion",
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

async fn raise(store: &Store, scope: &CoopScope, closes_in_hours: i64) -> String {
    store
        .raise_proposal(
            scope,
            NewProposal {
                title: "A summer outing",
                background: "To the beach at Llangrannog.",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: hours_from_now(-1),
                closes: hours_from_now(closes_in_hours),
            },
        )
        .await
        .unwrap()
        .id
}

fn kinds(list: &[cylch_store::notifications::Notification]) -> Vec<NotificationKind> {
    list.iter().map(|n| n.kind).collect()
}

on_both_databases!(
    a_new_proposal_tells_the_others_and_emails_who_wants_it,
    |store| {
        let (secretary, m) = members(&store, 2).await;
        // The second member hears of new proposals on the home page only.
        let mut quiet = BTreeMap::new();
        quiet.insert(NotificationKind::NewProposal, false);
        store
            .set_notification_settings(&m[1], &quiet)
            .await
            .unwrap();
        assert!(!store.notification_settings(&m[1]).await.unwrap()[&NotificationKind::NewProposal]);
        assert!(store.notification_settings(&m[1]).await.unwrap()[&NotificationKind::Result]);

        let proposal = raise(&store, &m[0], 48).await;
        assert!(
            store
                .notifications_for(m[0].account(), 10)
                .await
                .unwrap()
                .is_empty(),
            "the proposer is not told of their own proposal"
        );
        for scope in [&secretary, &m[1]] {
            let told = store.notifications_for(scope.account(), 10).await.unwrap();
            assert_eq!(kinds(&told), [NotificationKind::NewProposal]);
            assert!(!told[0].read);
        }
        let emails = store.claim_emails(50).await.unwrap();
        let to: Vec<_> = emails.iter().map(|e| e.to.as_str().to_owned()).collect();
        assert_eq!(to, ["newyddion@example.cymru"]);
        assert!(
            store.claim_emails(50).await.unwrap().is_empty(),
            "claimed once"
        );

        // Marking read: one's own only.
        let mine = store.notifications_for(m[1].account(), 10).await.unwrap();
        let theirs = store
            .mark_notification_read(secretary.account(), &mine[0].id)
            .await;
        assert!(matches!(theirs, Err(StoreError::NotFound)), "{theirs:?}");
        store
            .mark_notification_read(m[1].account(), &mine[0].id)
            .await
            .unwrap();
        assert!(store.notifications_for(m[1].account(), 10).await.unwrap()[0].read);

        // The result tells everyone, the proposer too.
        let now = Timestamp::now();
        for scope in [&secretary, &m[0], &m[1]] {
            store
                .vote(scope, &proposal, VoteChoice::For, None, now)
                .await
                .unwrap();
        }
        let record = store
            .proposal(&secretary, &proposal)
            .await
            .unwrap()
            .unwrap();
        store
            .record_result(&secretary, &proposal, record.window.closes())
            .await
            .unwrap();
        assert_eq!(
            kinds(&store.notifications_for(m[0].account(), 10).await.unwrap()),
            [NotificationKind::Result]
        );
        assert_eq!(store.claim_emails(50).await.unwrap().len(), 3);
    }
);

on_both_databases!(each_email_is_claimed_by_one_server, |store| {
    let (_, m) = members(&store, 6).await;
    raise(&store, &m[0], 48).await;
    let (a, b) = tokio::join!(store.claim_emails(50), store.claim_emails(50));
    let mut ids: Vec<String> = a
        .unwrap()
        .into_iter()
        .chain(b.unwrap())
        .map(|e| e.notification.id)
        .collect();
    let claimed = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), claimed, "no email was claimed twice");
    assert_eq!(claimed, 6, "the secretary and five members");
});

on_both_databases!(
    a_closing_vote_reminds_those_who_have_not_voted_once,
    |store| {
        let (secretary, m) = members(&store, 3).await;
        // Closing in three days: not yet due a reminder.
        raise(&store, &m[0], 72).await;
        let soon = raise(&store, &m[0], 12).await;
        store
            .vote(&m[1], &soon, VoteChoice::Against, None, Timestamp::now())
            .await
            .unwrap();
        let told = store.remind_closing_votes(Timestamp::now()).await.unwrap();
        assert_eq!(told, 3, "the secretary and two members have not voted");
        assert_eq!(
            store.remind_closing_votes(Timestamp::now()).await.unwrap(),
            0
        );
        let reminders = |list: Vec<cylch_store::notifications::Notification>| {
            list.into_iter()
                .filter(|n| n.kind == NotificationKind::VoteClosing)
                .count()
        };
        assert_eq!(
            reminders(store.notifications_for(m[1].account(), 10).await.unwrap()),
            0
        );
        assert_eq!(
            reminders(store.notifications_for(m[2].account(), 10).await.unwrap()),
            1
        );
        assert_eq!(
            reminders(
                store
                    .notifications_for(secretary.account(), 10)
                    .await
                    .unwrap()
            ),
            1
        );
    }
);

on_both_databases!(someone_who_has_left_hears_nothing_more, |store| {
    let (secretary, m) = members(&store, 2).await;
    raise(&store, &m[0], 48).await;
    assert_eq!(
        store
            .notifications_for(m[1].account(), 10)
            .await
            .unwrap()
            .len(),
        1
    );
    store
        .cease_membership(
            &secretary,
            m[1].account(),
            store.clock().today_in_wales(),
            "resigned",
        )
        .await
        .unwrap();
    assert!(
        store
            .notifications_for(m[1].account(), 10)
            .await
            .unwrap()
            .is_empty()
    );
});
