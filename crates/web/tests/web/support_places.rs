//! The people a co-operative supports: the four-person rule on the pages and
//! in the API, in both languages.

use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};
use serde_json::json;

use crate::on_both;
use crate::support::TestApp;

struct Family {
    coop: cylch_store::coops::Coop,
    chair: cylch_store::accounts::Account,
    people: Vec<cylch_store::accounts::Account>,
}

async fn family(app: &TestApp) -> Family {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app.coop(&admin, "Cydweithfa Teulu", CoopKind::Family).await;
    let chair = app.person("chair@cylch.test", "Carys", false).await;
    app.join(
        &coop,
        &chair,
        CoopRoles::member(MemberClass::Representative).with_office(Office::Chair),
    )
    .await;
    let mut people = Vec::new();
    for name in ["Megan", "Rhys", "Tomos", "Nia", "Iolo"] {
        let p = app
            .person(&format!("{}@cylch.test", name.to_lowercase()), name, false)
            .await;
        app.join(&coop, &p, CoopRoles::member(MemberClass::SupportedPerson))
            .await;
        people.push(p);
    }
    Family {
        coop,
        chair,
        people,
    }
}

on_both!(
    the_fifth_person_is_refused_with_the_rule_in_both_languages,
    |app| {
        let f = family(&app).await;
        let browser = app.browser(&f.chair).await;
        let path = format!("/coops/{}/support", f.coop.id);
        for p in &f.people[..4] {
            let reply = app
                .post_form(
                    &path,
                    &browser.cookies,
                    &[
                        ("csrf", &browser.csrf),
                        ("name", &p.name),
                        ("member", p.id.as_str()),
                        ("starts_on", "1/4/2026"),
                    ],
                )
                .await;
            assert_eq!(reply.status, 303, "{}", reply.body);
        }
        let page = app.get(&path, &browser.cookies).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Megan") && page.body.contains("Tomos"));

        let fifth = [
            ("csrf", browser.csrf.as_str()),
            ("name", "Iolo"),
            ("member", f.people[4].id.as_str()),
            ("starts_on", "2026-05-01"),
        ];
        let english = app.post_form(&path, &browser.cookies, &fifth).await;
        assert_eq!(english.status, 422);
        assert!(
            english.body.contains("at most 4 people at any one time"),
            "{}",
            english.body
        );
        assert!(
            english
                .body
                .contains("register with Care Inspectorate Wales")
        );
        assert!(
            english.body.contains("value=\"Iolo\""),
            "what was typed is kept"
        );
        let welsh = app
            .post_form(
                &path,
                &format!("{}; cylch_lang=cy", browser.cookies),
                &fifth,
            )
            .await;
        assert_eq!(welsh.status, 422);
        assert!(
            welsh.body.contains("4 o bobl ar y mwyaf ar unrhyw un adeg"),
            "{}",
            welsh.body
        );
        assert!(welsh.body.contains("Arolygiaeth Gofal Cymru"));

        let scope = app
            .store
            .scope(&f.chair.id, &f.coop.id)
            .await
            .unwrap()
            .unwrap();
        let (people, _) = app.store.support_register(&scope).await.unwrap();
        assert_eq!(people.len(), 4, "nothing was added");
        let megan = people.iter().find(|p| p.name == "Megan").unwrap();
        let ended = app
            .post_form(
                &format!("{path}/{}/end", megan.id),
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("ends_on", "2026-05-01"),
                    ("reason", "moved_away"),
                ],
            )
            .await;
        assert_eq!(ended.status, 303);
        assert_eq!(
            app.post_form(&path, &browser.cookies, &fifth).await.status,
            303,
            "the freed place is taken"
        );
        let page = app.get(&path, &browser.cookies).await;
        assert!(
            page.body.contains("Moved away"),
            "the ended place stays in the history"
        );
    }
);

on_both!(bad_dates_and_strangers_are_named_at_their_fields, |app| {
    let f = family(&app).await;
    let browser = app.browser(&f.chair).await;
    let path = format!("/coops/{}/support", f.coop.id);
    let bad = app
        .post_form(
            &path,
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("name", ""),
                ("member", "nonsense"),
                ("starts_on", "31/2/2026"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    for field in ["#name", "#starts_on", "#member"] {
        assert!(
            bad.body.contains(&format!("href=\"{field}\"")),
            "{field} in {}",
            bad.body
        );
    }
    let outsider = app.person("outsider@cylch.test", "Outsider", false).await;
    let stranger = app
        .post_form(
            &path,
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("name", "Stranger"),
                ("member", outsider.id.as_str()),
                ("starts_on", "2026-04-01"),
            ],
        )
        .await;
    assert_eq!(stranger.status, 422);
    assert!(
        stranger
            .body
            .contains("Choose a member of this co-operative")
    );
});

on_both!(the_api_refuses_the_fifth_with_409, |app| {
    let f = family(&app).await;
    let (_, token) = app
        .store
        .create_api_token(&f.chair.id, "api")
        .await
        .unwrap();
    let path = format!("/api/v1/coops/{}/support", f.coop.id);
    for p in &f.people[..4] {
        let reply = app.api("POST", &path, Some(&token), Some(json!({"name": p.name, "member_account": p.id.as_str(), "starts_on": "2026-04-01"}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let fifth = app
        .api("POST", &path, Some(&token), Some(json!({"name": "Iolo", "member_account": f.people[4].id.as_str(), "starts_on": "2026-04-01"})))
        .await;
    assert_eq!(fifth.status, 409);
    assert_eq!(
        fifth.json()["error"]["code"],
        "governance-four-person-limit"
    );
    let listed = app.api("GET", &path, Some(&token), None).await.json();
    assert_eq!(listed.as_array().unwrap().len(), 4);
    let first = listed[0]["id"].as_str().unwrap().to_owned();
    let ended = app
        .api(
            "POST",
            &format!("{path}/{first}/end"),
            Some(&token),
            Some(json!({"ends_on": "2026-03-01", "reason": "other"})),
        )
        .await;
    assert_eq!(ended.status, 409, "support cannot end before it starts");
    let ended = app
        .api(
            "POST",
            &format!("{path}/{first}/end"),
            Some(&token),
            Some(json!({"ends_on": "2026-06-01", "reason": "other"})),
        )
        .await;
    assert_eq!(ended.status, 204);
});
