//! The registers of members and officers: legally required fields, former
//! members kept, a CSV that is safe to open, and access that ends with
//! membership.

use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};

use crate::on_both;

on_both!(the_registers_keep_former_members_and_export_safely, |app| {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa'r Cofrestrau", CoopKind::Family)
        .await;
    let secretary = app
        .person("secretary@cylch.test", "Elin Parry", false)
        .await;
    app.join(
        &coop,
        &secretary,
        CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Secretary),
    )
    .await;
    let sly = app
        .person("sly@cylch.test", "=HYPERLINK(\"http://evil\")", false)
        .await;
    app.join(
        &coop,
        &sly,
        CoopRoles::member(MemberClass::Supporter).with_office(Office::Treasurer),
    )
    .await;
    let browser = app.browser(&secretary).await;
    let sly_browser = app.browser(&sly).await;
    let path = format!("/coops/{}/register", coop.id);

    let saved = app
        .post_form(
            &format!("{path}/{}", secretary.id),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("postal_address", "1 Stryd Fawr, Bangor LL57 1AA"),
                ("shares", "1"),
                ("paid", "£1.00"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let bad = app
        .post_form(
            &format!("{path}/{}", secretary.id),
            &browser.cookies,
            &[("csrf", &browser.csrf), ("shares", "-2"), ("paid", "lots")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("href=\"#shares\"") && bad.body.contains("href=\"#paid\""));

    let ceased = app
        .post_form(
            &format!("{path}/{}/cease", sly.id),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("ceased_on", "2026-11-30"),
                ("reason", "resigned"),
            ],
        )
        .await;
    assert_eq!(ceased.status, 303, "{}", ceased.body);
    assert_eq!(
        app.get(&format!("/coops/{}", coop.id), &sly_browser.cookies)
            .await
            .status,
        404,
        "a former member no longer sees the co-operative"
    );

    let page = app.get(&path, &browser.cookies).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("1 Stryd Fawr, Bangor LL57 1AA"));
    assert!(
        page.body.contains("30/11/2026 (Resigned)"),
        "the former member's entry is kept"
    );
    assert!(
        page.body.contains("Treasurer"),
        "the office they held stays in the register of officers"
    );
    let welsh = app
        .get(&path, &format!("{}; cylch_lang=cy", browser.cookies))
        .await;
    assert!(welsh.body.contains("Cofrestr aelodau") && welsh.body.contains("Ymddiswyddodd"));

    let csv = app.get(&format!("{path}.csv"), &browser.cookies).await;
    assert_eq!(csv.status, 200);
    assert_eq!(
        csv.headers.get("content-type").unwrap(),
        "text/csv; charset=utf-8"
    );
    assert!(csv.body.starts_with('\u{feff}'));
    assert!(
        csv.body.contains("'=HYPERLINK"),
        "a formula in a name is made text: {}",
        csv.body
    );
    assert!(
        csv.body
            .contains("Elin Parry,\"1 Stryd Fawr, Bangor LL57 1AA\",secretary@cylch.test"),
        "{}",
        csv.body
    );
    assert!(csv.body.contains(",1.00,"), "money stays a number");

    let scope = app
        .store
        .scope(&secretary.id, &coop.id)
        .await
        .unwrap()
        .unwrap();
    let members = app.store.register_of_members(&scope).await.unwrap();
    assert_eq!(members.len(), 2);
    let officers = app.store.register_of_officers(&scope).await.unwrap();
    let treasurer = officers
        .iter()
        .find(|o| o.office == Office::Treasurer)
        .unwrap();
    assert!(treasurer.left_office.is_some());
    let trail = app.store.audit_trail(&scope, 100).await.unwrap();
    assert!(trail.iter().any(|e| {
        e.after
            .as_ref()
            .is_some_and(|a| a["ceased_reason"] == "resigned")
    }));
});
