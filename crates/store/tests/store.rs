//! The store's behaviour, on SQLite and on PostgreSQL alike.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cylch_domain::{
    CoopKind, CoopName, CoopRoles, EmailAddress, Language, MemberClass, Office, PersonName,
};
use cylch_store::accounts::NewAccount;
use cylch_store::invitations::{NewInvitation, NewSignIn};
use cylch_store::sessions::SessionLookup;
use cylch_store::testing::{Backend, fresh_store};
use cylch_store::{CoopId, Store, StoreError, on_both_databases};

fn email(s: &str) -> EmailAddress {
    EmailAddress::parse(s).unwrap()
}

fn name(s: &str) -> PersonName {
    PersonName::parse(s).unwrap()
}

async fn person(store: &Store, address: &str, admin: bool) -> cylch_store::accounts::Account {
    store
        .create_account(
            None,
            NewAccount {
                email: &email(address),
                name: &name(address.split('@').next().unwrap()),
                language: Language::En,
                password_hash: Some("hash"),
                instance_admin: admin,
            },
        )
        .await
        .unwrap()
}

/// A family co-operative made by an administrator, with one officer and `n`
/// members of `class`: the officer and the members, in that order.
async fn coop_with_members(
    store: &Store,
    name: &str,
    officer: (&str, Office),
    class: MemberClass,
    member_email: &str,
    n: usize,
) -> (
    cylch_store::coops::Coop,
    cylch_store::accounts::Account,
    Vec<cylch_store::accounts::Account>,
) {
    let admin = person(store, "admin@example.cymru", true).await;
    let officer_account = person(store, officer.0, false).await;
    let coop = store
        .create_coop(&admin.id, &CoopName::parse(name).unwrap(), CoopKind::Family)
        .await
        .unwrap();
    store
        .add_member(
            &admin.id,
            &coop.id,
            &officer_account.id,
            &CoopRoles::member(MemberClass::FamilyOrCarer).with_office(officer.1),
            None,
        )
        .await
        .unwrap();
    let mut members = Vec::new();
    for i in 0..n {
        let member = person(store, &format!("{member_email}{i}@example.cymru"), false).await;
        store
            .add_member(
                &officer_account.id,
                &coop.id,
                &member.id,
                &CoopRoles::member(class),
                None,
            )
            .await
            .unwrap();
        members.push(member);
    }
    (coop, officer_account, members)
}

on_both_databases!(accounts_are_created_found_and_audited, |store| {
    let megan = person(&store, "megan@example.cymru", false).await;
    let found = store
        .account_by_email(&email("MEGAN@example.cymru"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, megan.id);
    assert_eq!(
        store.account(&megan.id).await.unwrap().unwrap().name,
        "megan"
    );

    let trail = store
        .audit_of_record("account", megan.id.as_str())
        .await
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].action, "created");
    assert_eq!(
        trail[0].after.as_ref().unwrap()["email"],
        "megan@example.cymru"
    );
    assert!(
        !trail[0]
            .after
            .as_ref()
            .unwrap()
            .to_string()
            .contains("hash\""),
        "no password hash in the audit"
    );
});

on_both_databases!(one_email_one_account, |store| {
    person(&store, "dai@example.cymru", false).await;
    let again = store
        .create_account(
            None,
            NewAccount {
                email: &email("dai@example.cymru"),
                name: &name("Dai"),
                language: Language::Cy,
                password_hash: None,
                instance_admin: false,
            },
        )
        .await;
    assert!(matches!(again, Err(StoreError::EmailTaken)));
});

on_both_databases!(profile_updates_are_audited_with_before_and_after, |store| {
    let gwen = person(&store, "gwen@example.cymru", false).await;
    let updated = store
        .update_profile(
            &gwen.id,
            &name("Gwen Hughes"),
            &email("gwen.h@example.cymru"),
            Language::Cy,
        )
        .await
        .unwrap();
    assert_eq!(updated.language, Language::Cy);
    let trail = store
        .audit_of_record("account", gwen.id.as_str())
        .await
        .unwrap();
    let update = trail.iter().find(|e| e.action == "updated").unwrap();
    assert_eq!(update.before.as_ref().unwrap()["name"], "gwen");
    assert_eq!(update.after.as_ref().unwrap()["name"], "Gwen Hughes");
    assert_eq!(update.after.as_ref().unwrap()["language"], "cy");

    person(&store, "taken@example.cymru", false).await;
    let clash = store
        .update_profile(
            &gwen.id,
            &name("Gwen"),
            &email("taken@example.cymru"),
            Language::En,
        )
        .await;
    assert!(matches!(clash, Err(StoreError::EmailTaken)));
    assert_eq!(
        store
            .account(&gwen.id)
            .await
            .unwrap()
            .unwrap()
            .email
            .as_str(),
        "gwen.h@example.cymru"
    );
});

on_both_databases!(sessions_live_and_end, |store| {
    let rhys = person(&store, "rhys@example.cymru", false).await;
    let phone = store.start_session(&rhys).await.unwrap();
    let laptop = store.start_session(&rhys).await.unwrap();
    assert!(
        matches!(store.session(&phone.token).await.unwrap(), SessionLookup::Active(s) if s.account.id == rhys.id)
    );
    assert!(matches!(
        store.session("not-a-token").await.unwrap(),
        SessionLookup::Unknown
    ));
    assert_eq!(store.session_count(&rhys.id).await.unwrap(), 2);

    store.end_session(&phone).await.unwrap();
    assert!(matches!(
        store.session(&phone.token).await.unwrap(),
        SessionLookup::Unknown
    ));
    assert!(matches!(
        store.session(&laptop.token).await.unwrap(),
        SessionLookup::Active(_)
    ));

    let tablet = store.start_session(&rhys).await.unwrap();
    store.end_all_sessions(&rhys.id).await.unwrap();
    assert!(matches!(
        store.session(&laptop.token).await.unwrap(),
        SessionLookup::Unknown
    ));
    assert!(matches!(
        store.session(&tablet.token).await.unwrap(),
        SessionLookup::Unknown
    ));
    let kinds: Vec<_> = store
        .audit_of_record("session", rhys.id.as_str())
        .await
        .unwrap();
    assert_eq!(kinds.len(), 1, "ending all sessions is one audited change");
});

on_both_databases!(
    a_new_password_ends_other_sessions_but_keeps_this_one,
    |store| {
        let nia = person(&store, "nia@example.cymru", false).await;
        let here = store.start_session(&nia).await.unwrap();
        let elsewhere = store.start_session(&nia).await.unwrap();
        store
            .set_password(&nia.id, "new-hash", Some(&here.token))
            .await
            .unwrap();
        assert!(matches!(
            store.session(&here.token).await.unwrap(),
            SessionLookup::Active(_)
        ));
        assert!(matches!(
            store.session(&elsewhere.token).await.unwrap(),
            SessionLookup::Unknown
        ));
        assert_eq!(
            store
                .account(&nia.id)
                .await
                .unwrap()
                .unwrap()
                .password_hash
                .as_deref(),
            Some("new-hash")
        );
        let trail = store
            .audit_of_record("account", nia.id.as_str())
            .await
            .unwrap();
        assert!(trail.iter().any(|e| {
            e.after
                .as_ref()
                .is_some_and(|a| a["password_changed"] == true)
        }));
    }
);

on_both_databases!(password_reset_links_work_once, |store| {
    let owain = person(&store, "owain@example.cymru", false).await;
    let session = store.start_session(&owain).await.unwrap();
    let first = store.create_password_reset(&owain).await.unwrap();
    let second = store.create_password_reset(&owain).await.unwrap();
    assert!(store.password_reset_is_live(&first).await.unwrap());
    assert_eq!(
        store
            .complete_password_reset(&first, "reset-hash")
            .await
            .unwrap(),
        owain.id
    );
    assert!(!store.password_reset_is_live(&first).await.unwrap());
    assert!(
        !store.password_reset_is_live(&second).await.unwrap(),
        "every other link dies too"
    );
    assert!(matches!(
        store.complete_password_reset(&first, "again").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.session(&session.token).await.unwrap(),
        SessionLookup::Unknown
    ));
    assert_eq!(
        store
            .account(&owain.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash
            .as_deref(),
        Some("reset-hash")
    );
});

on_both_databases!(api_tokens_authenticate_until_revoked, |store| {
    let ffion = person(&store, "ffion@example.cymru", false).await;
    let (token, secret) = store
        .create_api_token(&ffion.id, "spreadsheet")
        .await
        .unwrap();
    assert!(secret.starts_with("cylch_"));
    assert_eq!(
        store
            .account_for_api_token(&secret)
            .await
            .unwrap()
            .unwrap()
            .id,
        ffion.id
    );
    assert_eq!(store.api_tokens(&ffion.id).await.unwrap().len(), 1);

    let other = person(&store, "other@example.cymru", false).await;
    assert!(matches!(
        store.revoke_api_token(&other.id, &token.id).await,
        Err(StoreError::NotFound)
    ));
    store.revoke_api_token(&ffion.id, &token.id).await.unwrap();
    assert!(
        store
            .account_for_api_token(&secret)
            .await
            .unwrap()
            .is_none()
    );
    let trail = store.audit_of_record("api_token", &token.id).await.unwrap();
    assert_eq!(
        trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["created", "deleted"]
    );
});

on_both_databases!(scopes_exist_only_for_members, |store| {
    let admin = person(&store, "admin@example.cymru", true).await;
    let chair = person(&store, "chair@example.cymru", false).await;
    let outsider = person(&store, "outsider@example.cymru", false).await;
    let coop = store
        .create_coop(
            &admin.id,
            &CoopName::parse("Cylch Teulu Dyffryn").unwrap(),
            CoopKind::Family,
        )
        .await
        .unwrap();
    let other = store
        .create_coop(
            &admin.id,
            &CoopName::parse("PA Co-op Gwynedd").unwrap(),
            CoopKind::PaCoop,
        )
        .await
        .unwrap();
    store
        .add_member(
            &admin.id,
            &coop.id,
            &chair.id,
            &CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Chair),
            None,
        )
        .await
        .unwrap();

    let scope = store.scope(&chair.id, &coop.id).await.unwrap().unwrap();
    assert!(scope.roles().holds(Office::Chair));
    assert_eq!(scope.roles().class, Some(MemberClass::FamilyOrCarer));
    assert!(store.scope(&chair.id, &other.id).await.unwrap().is_none());
    assert!(store.scope(&outsider.id, &coop.id).await.unwrap().is_none());
    assert!(
        store.scope(&admin.id, &coop.id).await.unwrap().is_none(),
        "the instance admin holds no role"
    );
    assert!(
        store
            .scope(&chair.id, &CoopId::new())
            .await
            .unwrap()
            .is_none()
    );

    let mine = store.coops_of(&chair.id).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].coop().name, "Cylch Teulu Dyffryn");
    assert_eq!(store.all_coops().await.unwrap().len(), 2);

    let members = store.members(&scope).await.unwrap();
    assert_eq!(members.len(), 1);

    let trail = store.audit_trail(&scope, 50).await.unwrap();
    let kinds: Vec<_> = trail.iter().map(|e| e.record_kind.as_str()).collect();
    assert!(
        kinds.contains(&"coop") && kinds.contains(&"membership") && kinds.contains(&"office"),
        "{kinds:?}"
    );
    assert!(
        trail
            .iter()
            .all(|e| !e.record_id.contains(other.id.as_str())),
        "another co-operative's entries never show"
    );
});

on_both_databases!(an_invitation_makes_an_officer_once, |store| {
    let admin = person(&store, "admin@example.cymru", true).await;
    let coop = store
        .create_coop(
            &admin.id,
            &CoopName::parse("Cydweithfa Cymorth").unwrap(),
            CoopKind::CitizenLed,
        )
        .await
        .unwrap();
    let (invitation, secret) = store
        .create_invitation(
            &admin.id,
            NewInvitation {
                coop: &coop.id,
                email: &email("Elin@Example.cymru"),
                name: &name("Elin Roberts"),
                office: Some(Office::Secretary),
                class: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store.invitation(&secret).await.unwrap().unwrap().id,
        invitation.id
    );
    let elin = store
        .accept_invitation(
            &secret,
            Some(NewSignIn {
                password_hash: "elin-hash",
                language: Language::Cy,
            }),
        )
        .await
        .unwrap();
    assert_eq!(elin.email.as_str(), "elin@example.cymru");
    assert_eq!(elin.language, Language::Cy);
    let scope = store.scope(&elin.id, &coop.id).await.unwrap().unwrap();
    assert!(scope.roles().holds(Office::Secretary));
    assert!(store.invitation(&secret).await.unwrap().is_none());
    assert!(matches!(
        store.accept_invitation(&secret, None).await,
        Err(StoreError::NotFound)
    ));
    let trail = store
        .audit_of_record("invitation", &invitation.id)
        .await
        .unwrap();
    assert_eq!(trail.len(), 2);
});

on_both_databases!(
    an_invitation_without_a_password_for_a_new_person_changes_nothing,
    |store| {
        let admin = person(&store, "admin@example.cymru", true).await;
        let coop = store
            .create_coop(
                &admin.id,
                &CoopName::parse("Teulu").unwrap(),
                CoopKind::Family,
            )
            .await
            .unwrap();
        let (_, secret) = store
            .create_invitation(
                &admin.id,
                NewInvitation {
                    coop: &coop.id,
                    email: &email("new@example.cymru"),
                    name: &name("New"),
                    office: Some(Office::Chair),
                    class: None,
                },
            )
            .await
            .unwrap();
        assert!(matches!(
            store.accept_invitation(&secret, None).await,
            Err(StoreError::NotFound)
        ));
        assert!(
            store.invitation(&secret).await.unwrap().is_some(),
            "the failed acceptance rolled back"
        );
        assert!(
            store
                .account_by_email(&email("new@example.cymru"))
                .await
                .unwrap()
                .is_none()
        );
    }
);

on_both_databases!(sign_in_is_throttled_after_repeated_failures, |store| {
    let address = email("target@example.cymru");
    for _ in 0..cylch_store::throttle::MAX_FAILURES - 1 {
        store.record_sign_in_attempt(&address, false).await.unwrap();
    }
    assert!(!store.sign_in_throttled(&address).await.unwrap());
    store.record_sign_in_attempt(&address, false).await.unwrap();
    assert!(store.sign_in_throttled(&address).await.unwrap());
    assert!(
        !store
            .sign_in_throttled(&email("someone.else@example.cymru"))
            .await
            .unwrap()
    );
});

on_both_databases!(writes_roll_back_whole, |store| {
    // A co-operative that names a creator who does not exist breaks a
    // foreign key: neither the co-operative nor its audit entry remains.
    let ghost = cylch_store::AccountId::new();
    let result = store
        .create_coop(&ghost, &CoopName::parse("Ghost").unwrap(), CoopKind::Family)
        .await;
    assert!(result.is_err());
    assert!(store.all_coops().await.unwrap().is_empty());
});

#[tokio::test]
async fn migrations_apply_once_and_reopen_cleanly() {
    let dir = cylch_store::testing::TempDir::new("cylch-test");
    let url = Store::sqlite_url(dir.path());
    let store = Store::open(&url).await.unwrap();
    person(&store, "keep@example.cymru", false).await;
    store.close().await;
    let reopened = Store::open(&url).await.unwrap();
    assert!(
        reopened
            .account_by_email(&email("keep@example.cymru"))
            .await
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn a_live_sqlite_database_backs_up_to_a_readable_copy() {
    let store = fresh_store(Backend::Sqlite).await.unwrap();
    person(&store, "backup@example.cymru", false).await;
    let dir = cylch_store::testing::TempDir::new("cylch-backup");
    let copy = dir.join("cylch.sqlite3");
    store.backup_to(&copy).await.unwrap();
    assert!(matches!(
        store.backup_to(&copy).await,
        Err(cylch_store::backup::BackupError::Exists(_))
    ));
    let restored = Store::open(&Store::sqlite_url(dir.path())).await.unwrap();
    assert!(
        restored
            .account_by_email(&email("backup@example.cymru"))
            .await
            .unwrap()
            .is_some()
    );
}

on_both_databases!(idle_and_old_sessions_expire, |store| {
    let dai = person(&store, "dai@example.cymru", false).await;
    let session = store.start_session(&dai).await.unwrap();
    cylch_store::testing::age_sessions(&store, cylch_store::sessions::IDLE_TIMEOUT_MS - 60_000)
        .await;
    assert!(
        matches!(
            store.session(&session.token).await.unwrap(),
            SessionLookup::Active(_)
        ),
        "not idle long enough yet"
    );
    cylch_store::testing::age_sessions(&store, cylch_store::sessions::IDLE_TIMEOUT_MS).await;
    assert!(matches!(
        store.session(&session.token).await.unwrap(),
        SessionLookup::Expired
    ));
    assert!(
        matches!(
            store.session(&session.token).await.unwrap(),
            SessionLookup::Unknown
        ),
        "an expired session is removed"
    );
});

#[tokio::test]
async fn sqlite_and_postgresql_have_the_same_schema() {
    let sqlite = fresh_store(Backend::Sqlite).await.unwrap();
    let Some(postgres) = fresh_store(Backend::Postgres).await else {
        return;
    };
    let a = cylch_store::testing::schema(&sqlite).await;
    let b = cylch_store::testing::schema(&postgres).await;
    assert!(a.len() > 5);
    assert_eq!(a, b);
}

mod support {
    use cylch_governance::support::{CiwRegistration, SupportEndReason, SupportRefusal};
    use cylch_store::support::{NewSupportedPerson, SupportError};

    use super::*;

    fn day(s: &str) -> jiff::civil::Date {
        s.parse().unwrap()
    }

    async fn family_with_members(
        store: &Store,
        n: usize,
    ) -> (cylch_store::CoopScope, Vec<cylch_store::accounts::Account>) {
        let (coop, chair, members) = coop_with_members(
            store,
            "Teulu",
            ("chair@example.cymru", Office::Chair),
            MemberClass::SupportedPerson,
            "person",
            n,
        )
        .await;
        (
            store.scope(&chair.id, &coop.id).await.unwrap().unwrap(),
            members,
        )
    }

    fn new_person<'a>(
        name: &'a str,
        member: &'a cylch_store::accounts::Account,
        starts: &str,
    ) -> NewSupportedPerson<'a> {
        NewSupportedPerson {
            name,
            member_account: Some(&member.id),
            represented_by: None,
            starts_on: day(starts),
        }
    }

    on_both_databases!(
        the_fifth_person_is_refused_until_a_place_is_freed,
        |store| {
            let (scope, members) = family_with_members(&store, 5).await;
            let mut added = Vec::new();
            for (i, m) in members.iter().take(4).enumerate() {
                added.push(
                    store
                        .add_supported_person(
                            &scope,
                            new_person(&format!("Person {i}"), m, "2026-04-01"),
                        )
                        .await
                        .unwrap(),
                );
            }
            let fifth = store
                .add_supported_person(&scope, new_person("Fifth", &members[4], "2026-05-01"))
                .await;
            assert!(
                matches!(
                    fifth,
                    Err(SupportError::Refused(SupportRefusal::FourPersonLimit {
                        current: 4,
                        limit: 4,
                        ..
                    }))
                ),
                "{fifth:?}"
            );

            store
                .end_support(
                    &scope,
                    &added[0].id,
                    day("2026-05-01"),
                    SupportEndReason::MovedAway,
                )
                .await
                .unwrap();
            let fifth = store
                .add_supported_person(&scope, new_person("Fifth", &members[4], "2026-05-01"))
                .await
                .unwrap();
            let (people, _) = store.support_register(&scope).await.unwrap();
            assert_eq!(people.len(), 5, "the ended place is kept in the history");
            assert_eq!(people.iter().filter(|p| p.ends_on.is_none()).count(), 4);
            let trail = store
                .audit_of_record("supported_person", &added[0].id)
                .await
                .unwrap();
            assert_eq!(
                trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
                ["created", "updated"]
            );
            assert_eq!(
                store
                    .audit_of_record("supported_person", &fifth.id)
                    .await
                    .unwrap()
                    .len(),
                1
            );
        }
    );

    on_both_databases!(people_racing_for_places_never_make_five, |store| {
        let (scope, members) = family_with_members(&store, 8).await;
        let mut tasks = Vec::new();
        for (i, m) in members.into_iter().enumerate() {
            let store = store.clone();
            let scope = scope.clone();
            tasks.push(tokio::spawn(async move {
                store
                    .add_supported_person(
                        &scope,
                        NewSupportedPerson {
                            name: &format!("Racer {i}"),
                            member_account: Some(&m.id),
                            represented_by: None,
                            starts_on: "2026-06-01".parse().unwrap(),
                        },
                    )
                    .await
            }));
        }
        let mut accepted = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => accepted += 1,
                Err(SupportError::Refused(SupportRefusal::FourPersonLimit { .. })) => {}
                Err(other) => panic!("unexpected: {other:?}"),
            }
        }
        assert_eq!(accepted, 4);
        let (people, _) = store.support_register(&scope).await.unwrap();
        assert_eq!(people.len(), 4);
    });

    on_both_databases!(only_members_and_only_where_care_is_given, |store| {
        let (scope, members) = family_with_members(&store, 1).await;
        let stranger = person(&store, "stranger@example.cymru", false).await;
        let refused = store
            .add_supported_person(&scope, new_person("Stranger", &stranger, "2026-04-01"))
            .await;
        assert!(matches!(refused, Err(SupportError::NotAMemberHere)));
        let unlinked = store
            .add_supported_person(
                &scope,
                NewSupportedPerson {
                    name: "Nobody",
                    member_account: None,
                    represented_by: None,
                    starts_on: day("2026-04-01"),
                },
            )
            .await;
        assert!(matches!(
            unlinked,
            Err(SupportError::Refused(SupportRefusal::NotAMember))
        ));
        let represented = store
            .add_supported_person(
                &scope,
                NewSupportedPerson {
                    name: "Tomos",
                    member_account: None,
                    represented_by: Some(&members[0].id),
                    starts_on: day("2026-04-01"),
                },
            )
            .await
            .unwrap();
        assert_eq!(represented.represented_by.as_ref(), Some(&members[0].id));

        let admin = store
            .account_by_email(&email("admin@example.cymru"))
            .await
            .unwrap()
            .unwrap();
        let pa_coop = store
            .create_coop(
                &admin.id,
                &CoopName::parse("PAs").unwrap(),
                CoopKind::PaCoop,
            )
            .await
            .unwrap();
        store
            .add_member(
                &admin.id,
                &pa_coop.id,
                &members[0].id,
                &CoopRoles::member(MemberClass::Pa).with_office(Office::Coordinator),
                None,
            )
            .await
            .unwrap();
        let pa_scope = store
            .scope(&members[0].id, &pa_coop.id)
            .await
            .unwrap()
            .unwrap();
        let none = store
            .add_supported_person(&pa_scope, new_person("Anyone", &members[0], "2026-04-01"))
            .await;
        assert!(matches!(
            none,
            Err(SupportError::Refused(
                SupportRefusal::PaCoopProvidesNoSupport
            ))
        ));
    });

    on_both_databases!(a_ciw_registration_lifts_the_limit_from_its_date, |store| {
        let (scope, members) = family_with_members(&store, 5).await;
        for (i, m) in members.iter().take(4).enumerate() {
            store
                .add_supported_person(&scope, new_person(&format!("P{i}"), m, "2026-04-01"))
                .await
                .unwrap();
        }
        store
            .record_ciw_registration(
                &scope,
                &CiwRegistration {
                    registration_number: "SIN-00012345".into(),
                    registered_on: day("2026-09-01"),
                },
            )
            .await
            .unwrap();
        assert!(
            store
                .add_supported_person(&scope, new_person("Early", &members[4], "2026-08-01"))
                .await
                .is_err()
        );
        assert!(
            store
                .add_supported_person(&scope, new_person("After", &members[4], "2026-09-01"))
                .await
                .is_ok()
        );
    });
}

#[path = "store/ledger.rs"]
mod ledger;

#[path = "store/votes.rs"]
mod votes;

#[path = "store/rules.rs"]
mod rules;

#[path = "store/proxies.rs"]
mod proxies;

#[path = "store/meetings.rs"]
mod meetings;

#[path = "store/notifications.rs"]
mod notifications;

#[path = "store/admissions.rs"]
mod admissions;

#[path = "store/employment.rs"]
mod employment;

#[path = "store/leave.rs"]
mod leave;
#[path = "store/rota.rs"]
mod rota;

#[path = "store/calendars.rs"]
mod calendars;
#[path = "store/needs.rs"]
mod needs;

#[path = "store/timesheets.rs"]
mod timesheets;

#[path = "store/payroll.rs"]
mod payroll;

#[path = "store/payroll_ledger.rs"]
mod payroll_ledger;

#[path = "store/payroll_year.rs"]
mod payroll_year;

#[path = "store/trust.rs"]
mod trust;
