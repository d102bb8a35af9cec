//! Admission by the members, on SQLite and PostgreSQL: the proposal carries
//! the person; only a carried one invites them, exactly once, even when two
//! servers look at the same moment; accepting makes them a member.

use cylch_domain::{EmailAddress, Language, PersonName};
use cylch_governance::proposal::Subject;
use cylch_governance::vote::{DecisionRule, VoteChoice};
use cylch_store::CoopScope;
use cylch_store::admissions::NewAdmission;
use cylch_store::invitations::NewSignIn;
use cylch_store::votes::{NewProposal, RecordedOutcome};
use jiff::Timestamp;

use super::*;

fn hours_from_now(hours: i64) -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second() + hours * 3600).unwrap()
}

async fn members(store: &Store) -> (CoopScope, Vec<CoopScope>) {
    let (coop, secretary, members) = coop_with_members(
        store,
        "Cylch Derbyn",
        ("derbyn@example.cymru", Office::Secretary),
        MemberClass::FamilyOrCarer,
        "aelod-derbyn",
        2,
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

async fn decide(
    store: &Store,
    secretary: &CoopScope,
    voters: &[&CoopScope],
    choice: VoteChoice,
) -> (String, RecordedOutcome) {
    let name = PersonName::parse("Gwen Morgan").unwrap();
    let email = EmailAddress::parse("gwen@example.cymru").unwrap();
    let proposal = store
        .propose_admission(
            secretary,
            NewProposal {
                title: "Admit Gwen Morgan",
                background: "Gwen cares for her brother, who we support.",
                subject: Subject::Informal,
                rule: DecisionRule::Consent,
                secret_asked: false,
                opens: hours_from_now(-1),
                closes: hours_from_now(1),
            },
            &NewAdmission {
                name: &name,
                email: &email,
                class: MemberClass::FamilyOrCarer,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        proposal.rule,
        DecisionRule::OrdinaryResolution,
        "always an ordinary resolution"
    );
    for voter in voters {
        store
            .vote(voter, &proposal.id, choice, None, Timestamp::now())
            .await
            .unwrap();
    }
    let result = store
        .record_result(secretary, &proposal.id, proposal.window.closes())
        .await
        .unwrap();
    (proposal.id, result.outcome)
}

on_both_databases!(a_carried_admission_invites_the_person_once, |store| {
    let (secretary, m) = members(&store).await;
    let (proposal, outcome) = decide(
        &store,
        &secretary,
        &[&secretary, &m[0], &m[1]],
        VoteChoice::For,
    )
    .await;
    assert_eq!(outcome, RecordedOutcome::Carried);
    let pending = store.admission_of(&m[0], &proposal).await.unwrap().unwrap();
    assert_eq!(pending.name, "Gwen Morgan");
    assert!(!pending.invited);

    let (a, b) = tokio::join!(store.invite_admitted(), store.invite_admitted());
    let mut invited = a.unwrap();
    invited.extend(b.unwrap());
    assert_eq!(invited.len(), 1, "two servers, one invitation");
    assert!(store.invite_admitted().await.unwrap().is_empty());
    assert!(
        store
            .admission_of(&m[0], &proposal)
            .await
            .unwrap()
            .unwrap()
            .invited
    );

    let (invitation, secret) = &invited[0];
    assert_eq!(invitation.class, Some(MemberClass::FamilyOrCarer));
    let gwen = store
        .accept_invitation(
            secret,
            Some(NewSignIn {
                password_hash: "not-used-here",
                language: Language::Cy,
            }),
        )
        .await
        .unwrap();
    let scope = store
        .scope(&gwen.id, secretary.coop_id())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(scope.roles().class, Some(MemberClass::FamilyOrCarer));
});

on_both_databases!(a_lost_admission_invites_nobody, |store| {
    let (secretary, m) = members(&store).await;
    let (_, outcome) = decide(
        &store,
        &secretary,
        &[&secretary, &m[0], &m[1]],
        VoteChoice::Against,
    )
    .await;
    assert_eq!(outcome, RecordedOutcome::Lost);
    assert!(store.invite_admitted().await.unwrap().is_empty());
});
