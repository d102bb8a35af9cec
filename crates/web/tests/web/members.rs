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
