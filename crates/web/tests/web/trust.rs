//! The holes found by trying Cylch as an attacker, a fuzzer and a crowd
//! would (issue 18), each shut, on SQLite and PostgreSQL.

use serde_json::json;

use crate::on_both;
use crate::support::PASSWORD;

/// The field problems of an API answer: `(field, code)` pairs.
fn field_codes(reply: &crate::support::Reply) -> Vec<(String, String)> {
    reply.json()["error"]["fields"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap_or("").to_owned(),
                f["code"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

on_both!(next_never_leads_off_the_site, |app| {
    for next in [
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%0D%0A/evil.example",
        "%09//evil.example",
        "/%5Cevil.example",
        "//evil.example",
        "https://evil.example",
        "/%01evil",
    ] {
        let reply = app.get(&format!("/language/en?next={next}"), "").await;
        assert_eq!(reply.status, 303, "{next}");
        assert_eq!(reply.location(), "/", "{next}");
        let reply = app.get(&format!("/sign-in?next={next}"), "").await;
        assert_eq!(reply.status, 200, "{next}");
        assert!(
            reply.body.contains("name=\"next\" value=\"/\""),
            "{next}: {}",
            reply.body
        );
    }
    let reply = app.get("/language/cy?next=/account", "").await;
    assert_eq!(reply.location(), "/account");

    // Signing in with a crafted next lands on this site's home page.
    app.person("rhys@cylch.test", "Rhys", false).await;
    let browser = app.anonymous_browser().await;
    let reply = app
        .post_form(
            "/sign-in",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("email", "rhys@cylch.test"),
                ("password", PASSWORD),
                ("next", "/\t/evil.example"),
            ],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), "/");
});

on_both!(names_and_text_refuse_control_characters, |app| {
    let rhys = app.person("rhys@cylch.test", "Rhys", false).await;
    let token = app.token(&rhys).await;
    for name in ["Rhys\u{7}", "Rh\u{90}ys", "Rhys\u{7f}", "Rhys\nJones"] {
        let reply = app
            .api(
                "PUT",
                "/api/v1/me",
                Some(&token),
                Some(json!({"name": name, "email": "rhys@cylch.test", "language": "en"})),
            )
            .await;
        assert_eq!(reply.status, 422, "{name:?}: {}", reply.body);
        assert_eq!(
            field_codes(&reply),
            vec![("name".to_owned(), "error-control-character".to_owned())],
            "{name:?}"
        );
        assert!(
            reply.body.contains("control characters"),
            "a clear message: {}",
            reply.body
        );
    }
    // The same on the page, at its field, in Welsh too.
    let browser = app.browser(&rhys).await;
    let reply = app
        .post_form(
            "/account",
            &format!("{}; cylch_lang=cy", browser.cookies),
            &[
                ("csrf", &browser.csrf),
                ("name", "Rhys\u{1b}[31m"),
                ("email", "rhys@cylch.test"),
                ("language", "cy"),
            ],
        )
        .await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(reply.body.contains("nodau rheoli"), "{}", reply.body);
});

#[test]
fn every_refusal_of_a_place_has_a_message_in_both_languages() {
    use cylch_governance::support::{Counting, SupportRefusal};
    let english = cylch_web::i18n::message_ids(cylch_web::i18n::ENGLISH);
    let welsh = cylch_web::i18n::message_ids(cylch_web::i18n::WELSH);
    let limit = SupportRefusal::FourPersonLimit {
        current: 4,
        limit: 4,
        busiest_day: jiff::civil::date(2026, 9, 1),
        counting: Counting::AtAnyOneTime,
        choices: Vec::new(),
    };
    for code in [
        limit.code(),
        SupportRefusal::NotAMember.code(),
        cylch_domain::FieldError::ControlCharacter.code(),
    ] {
        assert!(english.contains(code), "{code} has no English message");
        assert!(welsh.contains(code), "{code} has no Welsh message");
    }
}

on_both!(a_member_is_given_one_place_not_two, |app| {
    let cast = crate::support::cast(&app).await;
    let chair = cast.who("chair");
    let supported = cast.who("supported");
    let token = app.token(chair).await;
    let path = format!("/api/v1/coops/{}/support", cast.coop_a.id);
    let body = json!({
        "name": "Megan",
        "member_account": supported.id.to_string(),
        "starts_on": "2026-04-01",
    });
    let first = app
        .api("POST", &path, Some(&token), Some(body.clone()))
        .await;
    assert_eq!(first.status, 201, "{}", first.body);
    let second = app.api("POST", &path, Some(&token), Some(body)).await;
    assert_eq!(second.status, 422, "{}", second.body);
    assert_eq!(
        field_codes(&second),
        vec![(
            "member_account".to_owned(),
            "support-member-already-supported".to_owned()
        )]
    );
    // The page says so at the member's field.
    let browser = app.browser(chair).await;
    let page = app
        .post_form(
            &format!("/coops/{}/support", cast.coop_a.id),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("name", "Megan"),
                ("member", &supported.id.to_string()),
                ("representative", ""),
                ("starts_on", "2026-05-01"),
            ],
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(page.body.contains("already has a place"), "{}", page.body);
    let listed = app.api("GET", &path, Some(&token), None).await;
    assert_eq!(listed.json().as_array().unwrap().len(), 1);
});

on_both!(a_ciw_registration_sent_twice_is_corrected, |app| {
    let cast = crate::support::cast(&app).await;
    let chair = cast.who("chair");
    let browser = app.browser(chair).await;
    let path = format!("/coops/{}/support/ciw", cast.coop_a.id);
    for (number, on) in [
        ("SIN-00012345", "2026-09-01"),
        ("SIN-00054321", "2026-08-15"),
    ] {
        let reply = app
            .post_form(
                &path,
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("registration_number", number),
                    ("registered_on", on),
                ],
            )
            .await;
        assert_eq!(reply.status, 303, "{number}: {}", reply.body);
    }
    let page = app
        .get(
            &format!("/coops/{}/support", cast.coop_a.id),
            &browser.cookies,
        )
        .await;
    assert!(page.body.contains("SIN-00054321"), "{}", page.body);
    let trail = app
        .store
        .audit_of_record("ciw_registration", cast.coop_a.id.as_str())
        .await
        .unwrap();
    assert_eq!(trail.len(), 2);
    assert_eq!(trail[1].action, "updated");
});

on_both!(reset_requests_tell_nobody_who_has_an_account, |app| {
    app.person("rhys@cylch.test", "Rhys", false).await;
    let browser = app.anonymous_browser().await;
    let mut answers = Vec::new();
    for address in ["rhys@cylch.test", "nobody@cylch.test"] {
        let mut resets = Vec::new();
        for _ in 0..6 {
            let reply = app
                .post_form(
                    "/reset-password",
                    &browser.cookies,
                    &[("csrf", &browser.csrf), ("email", address)],
                )
                .await;
            resets.push((reply.status, reply.body.contains("If there is an account")));
        }
        let sign_in = app
            .post_form(
                "/sign-in",
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("email", address),
                    ("password", "not the password"),
                    ("next", "/"),
                ],
            )
            .await;
        assert!(
            sign_in
                .body
                .contains("The email address or password is not right"),
            "{address}: {}",
            sign_in.body
        );
        answers.push((resets, sign_in.status, sign_in.body.contains("Too many")));
    }
    assert_eq!(answers[0], answers[1], "the two addresses are told apart");
    // The inbox is not flooded: five emails at most within the window.
    assert_eq!(app.emails(), 5);
});

/// A sign-in form sent from `client`, as axum sees the connection.
async fn sign_in_from(
    app: &crate::support::TestApp,
    client: &str,
    browser: &crate::support::Browser,
    email: &str,
    password: &str,
) -> crate::support::Reply {
    use axum::body::Body;
    use axum::extract::ConnectInfo;
    use axum::http::{Request, header};
    let body = serde_urlencoded::to_string([
        ("csrf", browser.csrf.as_str()),
        ("email", email),
        ("password", password),
        ("next", "/"),
    ])
    .unwrap();
    let mut request = Request::post("/sign-in")
        .header(header::COOKIE, &browser.cookies)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "cylch.test")
        .body(Body::from(body))
        .unwrap();
    let address: std::net::SocketAddr = format!("{client}:50000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(address));
    app.send(request).await
}

on_both!(one_client_guessing_across_accounts_is_slowed, |app| {
    use cylch_store::throttle::{MAX_CLIENT_FAILURES, Throttle};
    app.person("rhys@cylch.test", "Rhys", false).await;
    let browser = app.anonymous_browser().await;
    let guesser: std::net::IpAddr = "192.0.2.7".parse().unwrap();
    // One password tried across many accounts, each only once: no address
    // is throttled, but the client is.
    for _ in 1..MAX_CLIENT_FAILURES {
        app.store
            .record_attempt(Throttle::Client(guesser), false)
            .await
            .unwrap();
    }
    let last_guess =
        sign_in_from(&app, "192.0.2.7", &browser, "ann@cylch.test", "Password1!").await;
    assert!(last_guess.body.contains("not right"), "{}", last_guess.body);
    let refused = sign_in_from(&app, "192.0.2.7", &browser, "rhys@cylch.test", PASSWORD).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("from this network"),
        "{}",
        refused.body
    );
    // Another client signs in to the same account as usual.
    let other = sign_in_from(&app, "198.51.100.1", &browser, "rhys@cylch.test", PASSWORD).await;
    assert_eq!(other.status, 303, "{}", other.body);
});

on_both!(guesses_of_the_current_password_are_throttled, |app| {
    let rhys = app.person("rhys@cylch.test", "Rhys", false).await;
    let token = app.token(&rhys).await;
    for _ in 0..cylch_store::throttle::MAX_FAILURES {
        let wrong = app
            .api(
                "PUT",
                "/api/v1/me/password",
                Some(&token),
                Some(
                    json!({"current_password": "a guess", "new_password": "a brand new password"}),
                ),
            )
            .await;
        assert_eq!(
            field_codes(&wrong),
            vec![(
                "current_password".to_owned(),
                "error-current-password".to_owned()
            )]
        );
    }
    // Now even the right one waits, on the API and on the page alike.
    let right = app
        .api(
            "PUT",
            "/api/v1/me/password",
            Some(&token),
            Some(json!({"current_password": PASSWORD, "new_password": "a brand new password"})),
        )
        .await;
    assert_eq!(right.status, 422, "{}", right.body);
    assert_eq!(
        field_codes(&right),
        vec![(
            "current_password".to_owned(),
            "error-current-password-throttled".to_owned()
        )]
    );
    let browser = app.browser(&rhys).await;
    let page = app
        .post_form(
            "/account/password",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("current", PASSWORD),
                ("password", "a brand new password"),
                ("confirm", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(page.body.contains("tried too many times"), "{}", page.body);
});

on_both!(
    a_new_email_needs_the_password_and_tells_the_old_one,
    |app| {
        let rhys = app.person("rhys@cylch.test", "Rhys", false).await;
        let token = app.token(&rhys).await;
        let change = |password: Option<&str>| {
            let mut body = json!({"name": "Rhys", "email": "thief@evil.example", "language": "en"});
            if let Some(password) = password {
                body["current_password"] = json!(password);
            }
            body
        };
        for (password, code) in [
            (None, "error-missing"),
            (Some("a guess"), "error-current-password"),
        ] {
            let refused = app
                .api("PUT", "/api/v1/me", Some(&token), Some(change(password)))
                .await;
            assert_eq!(refused.status, 422, "{}", refused.body);
            assert_eq!(
                field_codes(&refused),
                vec![("current_password".to_owned(), code.to_owned())]
            );
        }
        assert_eq!(app.emails(), 0);
        // The name and language change without it.
        let renamed = app
            .api(
                "PUT",
                "/api/v1/me",
                Some(&token),
                Some(json!({"name": "Rhys Jones", "email": "RHYS@cylch.test", "language": "cy"})),
            )
            .await;
        assert_eq!(renamed.status, 200, "{}", renamed.body);
        assert_eq!(app.emails(), 0);

        let changed = app
        .api(
            "PUT",
            "/api/v1/me",
            Some(&token),
            Some(json!({"name": "Rhys", "email": "rhys.new@cylch.test", "language": "en", "current_password": PASSWORD})),
        )
        .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        let told = app.last_email();
        assert!(told.contains("To: rhys@cylch.test"), "{told}");
        assert!(told.contains("rhys.new@cylch.test"), "{told}");

        // The page asks for it too, at its own field.
        let browser = app.browser(&rhys).await;
        let page = app
            .post_form(
                "/account",
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("name", "Rhys"),
                    ("email", "thief@evil.example"),
                    ("language", "en"),
                    ("details_current", ""),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert!(
            page.body.contains("href=\"#details_current\""),
            "{}",
            page.body
        );
        let saved = app
            .post_form(
                "/account",
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("name", "Rhys"),
                    ("email", "rhys.third@cylch.test"),
                    ("language", "en"),
                    ("details_current", PASSWORD),
                ],
            )
            .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        assert!(app.last_email().contains("To: rhys.new@cylch.test"));
    }
);

on_both!(the_administrator_invites_first_officers_only, |app| {
    use cylch_domain::{CoopKind, CoopRoles, Office};
    let admin = app.person("admin@cylch.test", "Instance Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa Newydd", CoopKind::Family)
        .await;
    let token = app.token(&admin).await;
    let path = format!("/api/v1/admin/coops/{}/invitations", coop.id);
    let invite =
        |email: &str, office: &str| json!({"name": "Someone", "email": email, "office": office});

    // Never themselves, however the address is typed.
    let themselves = app
        .api(
            "POST",
            &path,
            Some(&token),
            Some(invite(" Admin@Cylch.test", "treasurer")),
        )
        .await;
    assert_eq!(themselves.status, 422, "{}", themselves.body);
    assert_eq!(
        field_codes(&themselves),
        vec![("email".to_owned(), "invite-error-themselves".to_owned())]
    );

    // First officers, while there are none.
    for (email, office) in [
        ("elen@cylch.test", "chair"),
        ("huw@cylch.test", "treasurer"),
    ] {
        let invited = app
            .api("POST", &path, Some(&token), Some(invite(email, office)))
            .await;
        assert_eq!(invited.status, 201, "{}", invited.body);
    }
    let elen = app.person("elen@cylch.test", "Elen", false).await;
    app.join(&coop, &elen, CoopRoles::officer(Office::Chair))
        .await;

    // Once there is one, the officers invite; the administrator does not.
    let later = app
        .api(
            "POST",
            &path,
            Some(&token),
            Some(invite("mallory@cylch.test", "secretary")),
        )
        .await;
    assert_eq!(later.status, 422, "{}", later.body);
    assert_eq!(
        field_codes(&later),
        vec![("office".to_owned(), "invite-error-has-officers".to_owned())]
    );
    let browser = app.browser(&admin).await;
    let page = app
        .post_form(
            &format!("/admin/coops/{}/invite", coop.id),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("name", "Mallory"),
                ("email", "mallory@cylch.test"),
                ("office", "secretary"),
            ],
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(page.body.contains("already has officers"), "{}", page.body);

    // The officers see every invitation the administrator sent, on the
    // co-operative's audit page.
    let chair = app.browser(&elen).await;
    let audit = app
        .get(&format!("/coops/{}/audit", coop.id), &chair.cookies)
        .await;
    assert_eq!(audit.status, 200, "{}", audit.body);
    for seen in ["Instance Admin", "elen@cylch.test", "huw@cylch.test"] {
        assert!(audit.body.contains(seen), "{seen}: {}", audit.body);
    }
    assert!(!audit.body.contains("mallory@cylch.test"));
});
