//! What people do through the pages, as a browser without JavaScript does it.

use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};

use crate::on_both;
use crate::support::{PASSWORD, link_in};

on_both!(signing_in_shows_my_coops_and_roles, |app| {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let megan = app.person("megan@cylch.test", "Megan Evans", false).await;
    let coop = app
        .coop(&admin, "Cydweithfa Teulu'r Dyffryn", CoopKind::Family)
        .await;
    app.join(
        &coop,
        &megan,
        CoopRoles::member(MemberClass::SupportedPerson).with_office(Office::Secretary),
    )
    .await;

    let browser = app.anonymous_browser().await;
    let reply = app
        .post_form(
            "/sign-in",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("email", "Megan@cylch.test"),
                ("password", PASSWORD),
                ("next", "/"),
            ],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), "/");
    let session = reply.cookie("cylch_session").unwrap();
    let set_cookie = reply.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );

    let home = app.get("/", &format!("cylch_session={session}")).await;
    assert_eq!(home.status, 200);
    assert!(
        home.body.contains("Cydweithfa Teulu&#39;r Dyffryn")
            || home.body.contains("Cydweithfa Teulu&#x27;r Dyffryn"),
        "{}",
        home.body
    );
    assert!(
        home.body.contains("Secretary, Supported person"),
        "{}",
        home.body
    );

    let welsh = app
        .get("/", &format!("cylch_session={session}; cylch_lang=cy"))
        .await;
    assert!(welsh.body.contains("<html lang=\"cy\">"));
    assert!(
        welsh
            .body
            .contains("Ysgrifennydd, Person sy&#39;n cael cymorth")
            || welsh
                .body
                .contains("Ysgrifennydd, Person sy&#x27;n cael cymorth"),
        "{}",
        welsh.body
    );
});

on_both!(
    a_wrong_password_keeps_the_email_and_names_the_problem_in_welsh,
    |app| {
        app.person("rhys@cylch.test", "Rhys", false).await;
        let browser = app.anonymous_browser().await;
        let reply = app
            .post_form(
                "/sign-in",
                &format!("{}; cylch_lang=cy", browser.cookies),
                &[
                    ("csrf", &browser.csrf),
                    ("email", "rhys@cylch.test"),
                    ("password", "anghywir"),
                    ("next", "/"),
                ],
            )
            .await;
        assert_eq!(reply.status, 422);
        assert!(reply.body.contains("Mae problem"));
        assert!(reply.body.contains("href=\"#email\""));
        assert!(reply.body.contains("value=\"rhys@cylch.test\""));
        assert!(reply.cookie("cylch_session").is_none());

        let empty = app
            .post_form(
                "/sign-in",
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("email", "not an email"),
                    ("password", ""),
                ],
            )
            .await;
        assert_eq!(empty.status, 422);
        assert!(
            empty.body.contains("href=\"#email\"") && empty.body.contains("href=\"#password\"")
        );
        assert!(empty.body.contains("value=\"not an email\""));
    }
);

on_both!(sign_in_is_throttled_after_five_failures, |app| {
    app.person("target@cylch.test", "Target", false).await;
    let browser = app.anonymous_browser().await;
    for _ in 0..5 {
        let reply = app
            .post_form(
                "/sign-in",
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("email", "target@cylch.test"),
                    ("password", "guess"),
                ],
            )
            .await;
        assert_eq!(reply.status, 422);
    }
    let right = app
        .post_form(
            "/sign-in",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("email", "target@cylch.test"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        right.status, 422,
        "even the right password waits out the window"
    );
    assert!(right.body.contains("Too many attempts"));
});

on_both!(
    a_form_without_its_token_is_refused_and_changes_nothing,
    |app| {
        let gwen = app.person("gwen@cylch.test", "Gwen", false).await;
        let browser = app.browser(&gwen).await;
        let reply = app
            .post_form(
                "/account",
                &browser.cookies,
                &[
                    ("name", "Mallory"),
                    ("email", "gwen@cylch.test"),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(reply.status, 403);
        assert!(reply.body.contains("The form had expired"));
        let wrong = app
            .post_form(
                "/account",
                &browser.cookies,
                &[
                    ("csrf", "0".repeat(64).as_str()),
                    ("name", "Mallory"),
                    ("email", "gwen@cylch.test"),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(wrong.status, 403);
        assert_eq!(
            app.store.account(&gwen.id).await.unwrap().unwrap().name,
            "Gwen"
        );
    }
);

on_both!(a_cross_site_post_is_refused, |app| {
    let gwen = app.person("gwen@cylch.test", "Gwen", false).await;
    let browser = app.browser(&gwen).await;
    let request = axum::http::Request::post("/account")
        .header("cookie", &browser.cookies)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("host", "cylch.test")
        .header("origin", "https://evil.example")
        .body(axum::body::Body::from(format!(
            "csrf={}&name=Mallory&email=gwen%40cylch.test&language=en",
            browser.csrf
        )))
        .unwrap();
    assert_eq!(app.send(request).await.status, 403);
    assert_eq!(
        app.store.account(&gwen.id).await.unwrap().unwrap().name,
        "Gwen"
    );
});

on_both!(password_reset_by_emailed_link, |app| {
    let owain = app.person("owain@cylch.test", "Owain", false).await;
    let old_session = app.browser(&owain).await;
    let browser = app.anonymous_browser().await;
    let unknown = app
        .post_form(
            "/reset-password",
            &browser.cookies,
            &[("csrf", &browser.csrf), ("email", "nobody@cylch.test")],
        )
        .await;
    assert_eq!(unknown.status, 200);
    assert_eq!(
        app.emails(),
        0,
        "no email for an address without an account"
    );
    let reply = app
        .post_form(
            "/reset-password",
            &browser.cookies,
            &[("csrf", &browser.csrf), ("email", "owain@cylch.test")],
        )
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.body,
        unknown.body.replace(&unknown.csrf(), &reply.csrf()),
        "the same answer either way"
    );
    let email = app.last_email();
    assert!(email.contains("To: owain@cylch.test"));
    let link = link_in(&email, "http://cylch.test/reset-password/");
    let path = link.trim_start_matches("http://cylch.test");

    assert_eq!(app.get(path, &browser.cookies).await.status, 200);
    let mismatch = app
        .post_form(
            path,
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("password", "a new long password"),
                ("confirm", "different"),
            ],
        )
        .await;
    assert_eq!(mismatch.status, 422);
    assert!(mismatch.body.contains("href=\"#confirm\""));
    let done = app
        .post_form(
            path,
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("password", "a new long password"),
                ("confirm", "a new long password"),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(done.location(), "/sign-in?reset=1");
    assert_eq!(
        app.get(path, &browser.cookies).await.status,
        404,
        "the link works once"
    );
    assert_eq!(
        app.get("/", &old_session.cookies).await.status,
        303,
        "the old session ended"
    );

    let signed_in = app
        .post_form(
            "/sign-in",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("email", "owain@cylch.test"),
                ("password", "a new long password"),
            ],
        )
        .await;
    assert_eq!(signed_in.status, 303);
    assert!(signed_in.cookie("cylch_session").is_some());
});

on_both!(an_expired_session_returns_to_where_the_person_was, |app| {
    let reply = app
        .get("/account?x=1", "cylch_session=".to_owned().as_str())
        .await;
    assert_eq!(reply.status, 303);
    assert_eq!(reply.location(), "/sign-in?next=/account%3Fx%3D1");
    let unknown = app
        .get("/account", &format!("cylch_session={}", "a".repeat(64)))
        .await;
    assert_eq!(unknown.status, 303);
    let form = app.get("/sign-in?next=/account&expired=1", "").await;
    assert!(form.body.contains("Your session ended"));
    assert!(form.body.contains("name=\"next\" value=\"/account\""));
    let offsite = app.get("/sign-in?next=//evil.example", "").await;
    assert!(offsite.body.contains("name=\"next\" value=\"/\""));
});

on_both!(sign_out_and_sign_out_everywhere, |app| {
    let nia = app.person("nia@cylch.test", "Nia", false).await;
    let phone = app.browser(&nia).await;
    let laptop = app.browser(&nia).await;
    let out = app
        .post_form("/sign-out", &phone.cookies, &[("csrf", &phone.csrf)])
        .await;
    assert_eq!(out.status, 303);
    assert_eq!(out.location(), "/signed-out");
    assert_eq!(out.cookie("cylch_session").as_deref(), Some(""));
    let confirmation = app.get("/signed-out", "").await;
    assert!(confirmation.body.contains("You have signed out"));
    assert!(
        !confirmation.body.contains("/sign-out\""),
        "no sign-out button once signed out"
    );
    assert_eq!(app.get("/", &phone.cookies).await.status, 303);
    assert_eq!(app.get("/", &laptop.cookies).await.status, 200);
    let tablet = app.browser(&nia).await;
    let everywhere = app
        .post_form(
            "/account/sign-out-everywhere",
            &laptop.cookies,
            &[("csrf", &laptop.csrf)],
        )
        .await;
    assert_eq!(everywhere.status, 303);
    assert_eq!(everywhere.location(), "/signed-out?everywhere=1");
    let confirmation = app.get("/signed-out?everywhere=1", "").await;
    assert!(confirmation.body.contains("signed out everywhere"));
    assert_eq!(app.get("/", &laptop.cookies).await.status, 303);
    assert_eq!(app.get("/", &tablet.cookies).await.status, 303);
});

on_both!(
    the_account_page_saves_details_and_keeps_what_was_typed,
    |app| {
        let ffion = app.person("ffion@cylch.test", "Ffion", false).await;
        app.person("taken@cylch.test", "Taken", false).await;
        let browser = app.browser(&ffion).await;
        let bad = app
            .post_form(
                "/account",
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("name", ""),
                    ("email", "taken@cylch.test"),
                    ("language", "cy"),
                ],
            )
            .await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("href=\"#name\""));
        let clash = app
            .post_form(
                "/account",
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("name", "Ffion Davies"),
                    ("email", "taken@cylch.test"),
                    ("language", "cy"),
                    ("details_current", PASSWORD),
                ],
            )
            .await;
        assert_eq!(clash.status, 422);
        assert!(clash.body.contains("already has an account"));
        assert!(clash.body.contains("value=\"Ffion Davies\""));
        let saved = app
            .post_form(
                "/account",
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("name", "Ffion Davies"),
                    ("email", "ffion.d@cylch.test"),
                    ("language", "cy"),
                    ("details_current", PASSWORD),
                ],
            )
            .await;
        assert_eq!(saved.status, 303);
        assert_eq!(saved.cookie("cylch_lang").as_deref(), Some("cy"));
        let account = app.store.account(&ffion.id).await.unwrap().unwrap();
        assert_eq!(
            (account.name.as_str(), account.email.as_str()),
            ("Ffion Davies", "ffion.d@cylch.test")
        );
        let page = app.get("/account?saved=details", &browser.cookies).await;
        assert!(
            page.body.contains("lang=\"cy\""),
            "the saved language is used"
        );
        assert!(page.body.contains("Mae eich manylion wedi"));
    }
);

on_both!(changing_the_password_needs_the_current_one, |app| {
    let huw = app.person("huw@cylch.test", "Huw", false).await;
    let browser = app.browser(&huw).await;
    let other = app.browser(&huw).await;
    let wrong = app
        .post_form(
            "/account/password",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("current", "wrong"),
                ("password", "another long password"),
                ("confirm", "another long password"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("href=\"#current\""));
    let short = app
        .post_form(
            "/account/password",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("current", PASSWORD),
                ("password", "short"),
                ("confirm", "short"),
            ],
        )
        .await;
    assert_eq!(short.status, 422);
    assert!(short.body.contains("at least 10 characters"));
    let done = app
        .post_form(
            "/account/password",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("current", PASSWORD),
                ("password", "another long password"),
                ("confirm", "another long password"),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(
        app.get("/", &browser.cookies).await.status,
        200,
        "this session stays"
    );
    assert_eq!(
        app.get("/", &other.cookies).await.status,
        303,
        "other sessions end"
    );
});

on_both!(api_tokens_from_the_account_page, |app| {
    let elin = app.person("elin@cylch.test", "Elin", false).await;
    let browser = app.browser(&elin).await;
    let created = app
        .post_form(
            "/account/tokens",
            &browser.cookies,
            &[("csrf", &browser.csrf), ("token_name", "Taenlen")],
        )
        .await;
    assert_eq!(created.status, 200);
    let secret = created
        .body
        .split("<code class=\"secret\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    assert!(secret.starts_with("cylch_"));
    assert_eq!(
        app.api("GET", "/api/v1/me", Some(&secret), None)
            .await
            .json()["email"],
        "elin@cylch.test"
    );
    let listed = app.get("/account", &browser.cookies).await;
    assert!(listed.body.contains("Taenlen"));
    assert!(!listed.body.contains(&secret), "the secret is shown once");
    let tokens = app.store.api_tokens(&elin.id).await.unwrap();
    let revoke = app
        .post_form(
            &format!("/account/tokens/{}/revoke", tokens[0].id),
            &browser.cookies,
            &[("csrf", &browser.csrf)],
        )
        .await;
    assert_eq!(revoke.status, 303);
    assert_eq!(
        app.api("GET", "/api/v1/me", Some(&secret), None)
            .await
            .status,
        401
    );
});

on_both!(
    the_admin_creates_a_coop_and_its_first_officer_joins,
    |app| {
        let admin = app.person("admin@cylch.test", "Admin", true).await;
        let browser = app.browser(&admin).await;
        let missing = app
            .post_form(
                "/admin/coops",
                &browser.cookies,
                &[("csrf", &browser.csrf), ("name", "Cydweithfa Newydd")],
            )
            .await;
        assert_eq!(missing.status, 422);
        assert!(missing.body.contains("href=\"#kind\""));
        assert!(missing.body.contains("value=\"Cydweithfa Newydd\""));
        let created = app
            .post_form(
                "/admin/coops",
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("name", "Cydweithfa Newydd"),
                    ("kind", "citizen_led"),
                ],
            )
            .await;
        assert_eq!(created.status, 303);
        let invite_path = created.location().to_owned();
        assert!(invite_path.starts_with("/admin/coops/") && invite_path.ends_with("/invite"));
        let coop_id = invite_path.split('/').nth(3).unwrap().to_owned();

        let form = app.get(&invite_path, &browser.cookies).await;
        assert_eq!(form.status, 200);
        let bad = app
            .post_form(
                &invite_path,
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("name", "Elen"),
                    ("email", "elen"),
                    ("office", "chair"),
                ],
            )
            .await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("value=\"elen\""));
        let sent = app
            .post_form(
                &invite_path,
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("name", "Elen Parry"),
                    ("email", "elen@cylch.test"),
                    ("office", "chair"),
                ],
            )
            .await;
        assert_eq!(sent.status, 200);
        assert!(sent.body.contains("elen@cylch.test"));

        let email = app.last_email();
        let link = link_in(&email, "http://cylch.test/invitations/");
        let path = link.trim_start_matches("http://cylch.test").to_owned();
        let invitee = app.anonymous_browser().await;
        let page = app
            .get(&path, &format!("{}; cylch_lang=cy", invitee.cookies))
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Cadeirydd"), "{}", page.body);
        let accepted = app
            .post_form(
                &path,
                &invitee.cookies,
                &[
                    ("csrf", &invitee.csrf),
                    ("language", "cy"),
                    ("password", "cadeirydd newydd"),
                    ("confirm", "cadeirydd newydd"),
                ],
            )
            .await;
        assert_eq!(accepted.status, 303, "{}", accepted.body);
        assert_eq!(accepted.location(), format!("/coops/{coop_id}"));
        let session = accepted.cookie("cylch_session").unwrap();
        let coop_page = app
            .get(
                &format!("/coops/{coop_id}"),
                &format!("cylch_session={session}"),
            )
            .await;
        assert_eq!(coop_page.status, 200);
        assert!(coop_page.body.contains("Cydweithfa Newydd"));
        assert!(
            coop_page.body.contains("lang=\"cy\""),
            "the chosen language is used"
        );
        assert_eq!(
            app.get(&path, "").await.status,
            404,
            "an invitation works once"
        );

        let admin_view = app
            .get(&format!("/coops/{coop_id}"), &browser.cookies)
            .await;
        assert_eq!(
            admin_view.status, 404,
            "the admin sees no co-operative records"
        );
    }
);

on_both!(every_change_through_the_pages_is_audited, |app| {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let browser = app.browser(&admin).await;
    let created = app
        .post_form(
            "/admin/coops",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("name", "Audit Co-op"),
                ("kind", "family"),
            ],
        )
        .await;
    let coop_id = created.location().split('/').nth(3).unwrap().to_owned();
    app.post_form(
        &format!("/admin/coops/{coop_id}/invite"),
        &browser.cookies,
        &[
            ("csrf", &browser.csrf),
            ("name", "Cai"),
            ("email", "cai@cylch.test"),
            ("office", "secretary"),
        ],
    )
    .await;
    let path = link_in(&app.last_email(), "http://cylch.test/invitations/")
        .trim_start_matches("http://cylch.test")
        .to_owned();
    let invitee = app.anonymous_browser().await;
    let accepted = app
        .post_form(
            &path,
            &invitee.cookies,
            &[
                ("csrf", &invitee.csrf),
                ("language", "en"),
                ("password", "a secretary password"),
                ("confirm", "a secretary password"),
            ],
        )
        .await;
    let cai_cookies = format!(
        "cylch_session={}",
        accepted.cookie("cylch_session").unwrap()
    );
    let cai = app
        .store
        .account_by_email(&cylch_domain::EmailAddress::parse("cai@cylch.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let cai_browser = app.browser(&cai).await;
    app.post_form(
        "/account",
        &cai_browser.cookies,
        &[
            ("csrf", &cai_browser.csrf),
            ("name", "Cai Jones"),
            ("email", "cai@cylch.test"),
            ("language", "en"),
        ],
    )
    .await;
    app.post_form(
        "/account/tokens",
        &cai_browser.cookies,
        &[("csrf", &cai_browser.csrf), ("token_name", "Laptop")],
    )
    .await;

    let audit = app
        .get(&format!("/coops/{coop_id}/audit"), &cai_cookies)
        .await;
    assert_eq!(audit.status, 200);
    let coop_kinds: Vec<String> = app
        .store
        .audit_trail(
            &app.store
                .scope(&cai.id, &cylch_store::CoopId::parse(&coop_id).unwrap())
                .await
                .unwrap()
                .unwrap(),
            100,
        )
        .await
        .unwrap()
        .into_iter()
        .map(|e| format!("{}:{}", e.record_kind, e.action))
        .collect();
    for expected in [
        "coop:created",
        "invitation:created",
        "invitation:updated",
        "membership:created",
        "office:created",
    ] {
        assert!(
            coop_kinds.iter().any(|k| k == expected),
            "{expected} missing from {coop_kinds:?}"
        );
    }
    let account_kinds: Vec<String> = app
        .store
        .audit_of_record("account", cai.id.as_str())
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(account_kinds, ["created", "updated"]);
    let tokens = app.store.api_tokens(&cai.id).await.unwrap();
    assert_eq!(
        app.store
            .audit_of_record("api_token", &tokens[0].id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(audit.body.contains("Audit Co-op"));
});
