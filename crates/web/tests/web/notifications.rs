//! Notifications through the pages: a new proposal shows on the others'
//! home pages and is emailed in each member's language unless they chose
//! otherwise; marking read; the settings page; nobody marks another's.

use cylch_domain::{CoopKind, CoopRoles, Language, MemberClass, Office, PersonName};
use cylch_governance::proposal::Subject;
use cylch_governance::vote::DecisionRule;
use cylch_store::votes::NewProposal;
use jiff::Timestamp;

use crate::on_both;

on_both!(members_hear_of_a_new_proposal_as_they_chose, |app| {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa Newyddion", CoopKind::Family)
        .await;
    let chair = app.person("cadeirydd@cylch.test", "Non Evans", false).await;
    app.join(
        &coop,
        &chair,
        CoopRoles::member(MemberClass::SupportedPerson).with_office(Office::Chair),
    )
    .await;
    let welsh = app.person("gwen@cylch.test", "Gwen Morgan", false).await;
    app.store
        .update_profile(
            &welsh.id,
            &PersonName::parse("Gwen Morgan").unwrap(),
            &welsh.email,
            Language::Cy,
        )
        .await
        .unwrap();
    app.join(&coop, &welsh, CoopRoles::member(MemberClass::Pa))
        .await;
    let quiet = app.person("huw@cylch.test", "Huw Pugh", false).await;
    app.join(&coop, &quiet, CoopRoles::member(MemberClass::Pa))
        .await;
    let huw = app.browser(&quiet).await;
    let gwen = app.browser(&welsh).await;

    // Huw wants only results by email.
    let settings = format!("/coops/{}/notifications", coop.id);
    let page = app.get(&settings, &huw.cookies).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("id=\"new_proposal\" name=\"new_proposal\" value=\"yes\" checked")
    );
    let saved = app
        .post_form(
            &settings,
            &huw.cookies,
            &[("csrf", &huw.csrf), ("result", "yes")],
        )
        .await;
    assert_eq!(saved.status, 200);
    assert!(saved.body.contains("Your choices are saved."));
    assert!(
        !saved
            .body
            .contains("name=\"new_proposal\" value=\"yes\" checked")
    );
    assert!(saved.body.contains("name=\"result\" value=\"yes\" checked"));

    let scope = app.store.scope(&chair.id, &coop.id).await.unwrap().unwrap();
    let proposal = app
        .store
        .raise_proposal(
            &scope,
            NewProposal {
                title: "Taith i'r traeth",
                background: "Llangrannog in June.",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: Timestamp::now(),
                closes: Timestamp::from_second(Timestamp::now().as_second() + 7 * 86_400).unwrap(),
            },
        )
        .await
        .unwrap();

    let before = app.emails();
    let sent = cylch_web::notify::deliver(&app.state, 50).await.unwrap();
    assert_eq!(
        sent, 1,
        "Gwen by email; Huw chose not to be; the chair raised it"
    );
    assert_eq!(app.emails(), before + 1);
    let email = app.last_email();
    assert!(email.contains("gwen@cylch.test"));
    assert!(email.contains("cynnig newydd"), "{email}");
    assert!(email.contains(&format!("/coops/{}/proposals/{}", coop.id, proposal.id)));
    assert_eq!(cylch_web::notify::deliver(&app.state, 50).await.unwrap(), 0);

    // Both see it on their home page, in their own language.
    let home = app.get("/", &huw.cookies).await;
    assert!(home.body.contains("id=\"news-heading\""), "{}", home.body);
    assert!(home.body.contains("a new proposal"));
    let cartref = app.get("/", &gwen.cookies).await;
    assert!(cartref.body.contains("cynnig newydd"), "{}", cartref.body);
    let line = app.store.notifications_for(&welsh.id, 5).await.unwrap();
    let read_path = format!("/notifications/{}/read", line[0].id);
    assert!(cartref.body.contains(&read_path));

    // Huw cannot mark Gwen's; Gwen can.
    let theirs = app
        .post_form(&read_path, &huw.cookies, &[("csrf", &huw.csrf)])
        .await;
    assert_eq!(theirs.status, 404);
    let mine = app
        .post_form(&read_path, &gwen.cookies, &[("csrf", &gwen.csrf)])
        .await;
    assert_eq!(mine.status, 303);
    let cartref = app.get("/", &gwen.cookies).await;
    assert!(!cartref.body.contains(&read_path));
});
