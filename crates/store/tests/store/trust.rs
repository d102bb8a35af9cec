//! Holes found by trying the store as an attacker and a fuzzer would
//! (issue 18), each shut, on SQLite and PostgreSQL.

use cylch_governance::support::{CiwRegistration, SupportEndReason};
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

fn place<'a>(
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

on_both_databases!(one_member_holds_one_place_at_a_time, |store| {
    let (scope, members) = family_with_members(&store, 1).await;
    let first = store
        .add_supported_person(&scope, place("Megan", &members[0], "2026-04-01"))
        .await
        .unwrap();
    for starts in ["2026-04-01", "2026-03-01", "2027-01-01"] {
        let again = store
            .add_supported_person(&scope, place("Megan again", &members[0], starts))
            .await;
        assert!(
            matches!(again, Err(SupportError::MemberAlreadySupported)),
            "{starts}: {again:?}"
        );
    }
    let (people, _) = store.support_register(&scope).await.unwrap();
    assert_eq!(people.len(), 1);

    // Once the first place has ended, the member may be given another from
    // that day on, but not over days the first still covers.
    store
        .end_support(
            &scope,
            &first.id,
            day("2026-06-01"),
            SupportEndReason::NoLongerNeeded,
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .add_supported_person(&scope, place("Megan", &members[0], "2026-05-01"))
            .await,
        Err(SupportError::MemberAlreadySupported)
    ));
    store
        .add_supported_person(&scope, place("Megan", &members[0], "2026-06-01"))
        .await
        .unwrap();
});

on_both_databases!(a_ciw_registration_recorded_again_is_corrected, |store| {
    let (scope, _) = family_with_members(&store, 0).await;
    let first = CiwRegistration {
        registration_number: "SIN-00012345".into(),
        registered_on: day("2026-09-01"),
    };
    store.record_ciw_registration(&scope, &first).await.unwrap();
    let corrected = CiwRegistration {
        registration_number: "SIN-00054321".into(),
        registered_on: day("2026-08-15"),
    };
    store
        .record_ciw_registration(&scope, &corrected)
        .await
        .unwrap();
    let (_, ciw) = store.support_register(&scope).await.unwrap();
    assert_eq!(ciw, Some(corrected));
    let trail = store
        .audit_of_record("ciw_registration", scope.coop_id().as_str())
        .await
        .unwrap();
    assert_eq!(
        trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["created", "updated"]
    );
    let update = &trail[1];
    assert_eq!(
        update.before.as_ref().unwrap()["registration_number"],
        "SIN-00012345"
    );
    assert_eq!(
        update.after.as_ref().unwrap()["registered_on"],
        "2026-08-15"
    );
});

on_both_databases!(
    an_administrator_cannot_make_themselves_an_officer,
    |store| {
        use cylch_store::invitations::{FirstOfficerError, NewInvitation, NewSignIn};
        let admin = person(&store, "admin@example.cymru", true).await;
        let coop = store
            .create_coop(
                &admin.id,
                &CoopName::parse("Newydd").unwrap(),
                CoopKind::Family,
            )
            .await
            .unwrap();
        let someone = name("Someone");
        let addresses = [
            email("admin@example.cymru"),
            email("alias@example.cymru"),
            email("someone@example.cymru"),
        ];
        let invite = |i: usize| NewInvitation {
            coop: &coop.id,
            email: &addresses[i],
            name: &someone,
            office: Some(Office::Treasurer),
            class: None,
        };
        assert!(matches!(
            store
                .create_first_officer_invitation(&admin, invite(0))
                .await,
            Err(FirstOfficerError::Themselves)
        ));
        // An address the administrator later takes for their own account
        // cannot be used to accept their own invitation.
        let (_, secret) = store
            .create_first_officer_invitation(&admin, invite(1))
            .await
            .unwrap();
        store
            .update_profile(
                &admin.id,
                &name("Admin"),
                &email("alias@example.cymru"),
                Language::En,
            )
            .await
            .unwrap();
        assert!(matches!(
            store
                .accept_invitation(
                    &secret,
                    Some(NewSignIn {
                        password_hash: "hash",
                        language: Language::En,
                    })
                )
                .await,
            Err(StoreError::NotFound)
        ));
        let chair = person(&store, "chair@example.cymru", false).await;
        store
            .add_member(
                &admin.id,
                &coop.id,
                &chair.id,
                &CoopRoles::officer(Office::Chair),
                None,
            )
            .await
            .unwrap();
        assert!(matches!(
            store
                .create_first_officer_invitation(&admin, invite(2))
                .await,
            Err(FirstOfficerError::HasOfficers)
        ));
    }
);
