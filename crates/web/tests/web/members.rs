//! Officers invite members: the secretary or chair chooses the class, the
//! invitation is emailed, and accepting it makes the person a member of
//! that class; nobody else may invite.

use cylch_domain::{CoopKind, CoopRoles, Language, MemberClass, Office};
use cylch_store::invitations::NewSignIn;

use crate::on_both;

on_both!(an_officer_invites_a_member_who_joins_on_accepting, |app| {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa Croeso", CoopKind::Family)
        .await;
    let chair = app.person("cadeirydd@cylch.test", "Non Evans", false).await;
    app.join(
        &coop,
        &chair,
        CoopRoles::member(MemberClass::SupportedPerson).with_office(Office::Chair),
    )
    .await;
    let pa = app.person("pa@cylch.test", "Huw Pugh", false).await;
    app.join(&coop, &pa, CoopRoles::member(MemberClass::Pa))
        .await;
    let officer = app.browser(&chair).await;
    let member = app.browser(&pa).await;
    let path = format!("/coops/{}/members/invite", coop.id);

    let home = app
        .get(&format!("/coops/{}", coop.id), &officer.cookies)
        .await;
    assert!(home.body.contains(&format!("href=\"{path}\"")));
    let not_for_members = app.get(&path, &member.cookies).await;
    assert_eq!(not_for_members.status, 403);
    let form = app.get(&path, &officer.cookies).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Family member or carer"));

    let empty = app
        .post_form(&path, &officer.cookies, &[("csrf", &officer.csrf)])
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("href=\"#name\""));
    assert!(empty.body.contains("href=\"#class\""));

    let before = app.emails();
    let sent = app
        .post_form(
            &path,
            &officer.cookies,
            &[
                ("csrf", &officer.csrf),
                ("name", "Gwen Morgan"),
                ("email", "gwen@cylch.test"),
                ("class", "family_or_carer"),
            ],
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(sent.body.contains("gwen@cylch.test"));
    assert_eq!(app.emails(), before + 1);
    let email = app.last_email();
    let secret = email
        .split("/invitations/")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>();
    let invitation = app.store.invitation(&secret).await.unwrap().unwrap();
    assert_eq!(invitation.class, Some(MemberClass::FamilyOrCarer));
    assert_eq!(invitation.office, None);

    let gwen = app
        .store
        .accept_invitation(
            &secret,
            Some(NewSignIn {
                password_hash: "not-used-here",
                language: Language::Cy,
            }),
        )
        .await
        .unwrap();
    let scope = app.store.scope(&gwen.id, &coop.id).await.unwrap().unwrap();
    assert_eq!(scope.roles().class, Some(MemberClass::FamilyOrCarer));
    assert!(scope.roles().offices.is_empty());
});

on_both!(
    where_the_members_admit_the_invitation_waits_for_their_vote,
    |app| {
        let admin = app.person("admin@cylch.test", "Admin", true).await;
        let coop = app
            .coop(&admin, "Cydweithfa Pleidlais", CoopKind::Family)
            .await;
        let chair = app.person("cadeirydd@cylch.test", "Non Evans", false).await;
        app.join(
            &coop,
            &chair,
            CoopRoles::member(MemberClass::SupportedPerson).with_office(Office::Chair),
        )
        .await;
        let pa = app.person("pa@cylch.test", "Huw Pugh", false).await;
        app.join(&coop, &pa, CoopRoles::member(MemberClass::Pa))
            .await;
        let officer = app.browser(&chair).await;
        let chair_scope = app.store.scope(&chair.id, &coop.id).await.unwrap().unwrap();
        let rules = cylch_governance::Rules {
            admission: cylch_governance::rules::Admission::ByMembers,
            ..cylch_governance::Rules::default()
        };
        app.store
            .record_registered_rules(&chair_scope, &rules, app.clock().today_in_wales())
            .await
            .unwrap();

        let path = format!("/coops/{}/members/invite", coop.id);
        let form = app.get(&path, &officer.cookies).await;
        assert!(form.body.contains("Put it to the members"));
        let before = app.emails();
        let raised = app
            .post_form(
                &path,
                &officer.cookies,
                &[
                    ("csrf", &officer.csrf),
                    ("name", "Gwen Morgan"),
                    ("email", "gwen@cylch.test"),
                    ("class", "family_or_carer"),
                    ("background", "Gwen cares for her brother."),
                    ("opens_at", "2026-01-01T09:00"),
                    ("closes_at", "2036-01-01T09:00"),
                ],
            )
            .await;
        assert_eq!(raised.status, 303, "{}", raised.body);
        let proposal_path = raised.location().to_owned();
        let page = app.get(&proposal_path, &officer.cookies).await;
        assert!(page.body.contains("Admit Gwen Morgan as a member"));
        assert!(
            page.body
                .contains("If this is carried, Gwen Morgan will be invited")
        );
        assert_eq!(cylch_web::notify::tick(&app.state).await.unwrap(), 1);
        assert!(
            !app.last_email().contains("/invitations/"),
            "nobody is invited before the members decide"
        );

        let proposal = proposal_path.rsplit('/').next().unwrap();
        let pa_scope = app.store.scope(&pa.id, &coop.id).await.unwrap().unwrap();
        for scope in [&chair_scope, &pa_scope] {
            app.store
                .vote(
                    scope,
                    proposal,
                    cylch_governance::vote::VoteChoice::For,
                    None,
                    jiff::Timestamp::now(),
                )
                .await
                .unwrap();
        }
        let record = app
            .store
            .proposal(&chair_scope, proposal)
            .await
            .unwrap()
            .unwrap();
        app.store
            .record_result(&chair_scope, proposal, record.window.closes())
            .await
            .unwrap();
        cylch_web::notify::tick(&app.state).await.unwrap();
        let invitation = std::fs::read_dir(&app.outbox)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .find(|mail| mail.contains("gwen@cylch.test") && mail.contains("/invitations/"));
        assert!(invitation.is_some(), "the carried admission invites Gwen");
        assert!(app.emails() > before);
        let page = app.get(&proposal_path, &officer.cookies).await;
        assert!(page.body.contains("Gwen Morgan has been invited"));
    }
);
