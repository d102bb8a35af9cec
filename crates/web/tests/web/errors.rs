//! Bad input gets a clear answer in the person's language, never a 500.

use axum::body::Body;
use axum::http::Request;

use crate::on_both;

on_both!(
    unknown_routes_get_a_friendly_page_in_either_language,
    |app| {
        let english = app.get("/no/such/page", "").await;
        assert_eq!(english.status, 404);
        assert!(english.body.contains("<h1>Page not found</h1>"));
        assert!(english.body.contains("class=\"skip-link\""));
        let welsh = app
            .send(
                Request::get("/no/such/page")
                    .header("accept-language", "cy")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(welsh.status, 404);
        assert!(
            welsh.body.contains("Heb ddod o hyd i&#39;r dudalen")
                || welsh.body.contains("Heb ddod o hyd i&#x27;r dudalen"),
            "{}",
            welsh.body
        );
        let api = app.api("GET", "/api/v1/nothing-here", None, None).await;
        assert_eq!(api.status, 404);
        assert_eq!(api.json()["error"]["code"], "not-found");
    }
);

on_both!(oversized_bodies_get_413, |app| {
    let browser = app.anonymous_browser().await;
    let huge = "x".repeat(cylch_web::routes::BODY_LIMIT_BYTES + 1);
    let reply = app
        .post_form(
            "/sign-in",
            &browser.cookies,
            &[("csrf", &browser.csrf), ("email", &huge)],
        )
        .await;
    assert_eq!(reply.status, 413);
    assert!(reply.body.contains("too much to send"));
    let api = app
        .send(
            Request::put("/api/v1/me")
                .header("authorization", "Bearer cylch_nope")
                .header("content-type", "application/json")
                .body(Body::from(huge))
                .unwrap(),
        )
        .await;
    assert!(api.status == 413 || api.status == 401, "{}", api.status);
});

on_both!(
    wrong_methods_and_malformed_forms_are_not_server_errors,
    |app| {
        let wrong = app
            .send(Request::delete("/sign-in").body(Body::empty()).unwrap())
            .await;
        assert_eq!(wrong.status, 405);
        assert!(wrong.body.contains("cannot be done here"));
        let browser = app.anonymous_browser().await;
        let garbage = app
            .send(
                Request::post("/sign-in")
                    .header("cookie", &browser.cookies)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Body::from(format!(
                        "csrf={}&email=%FF%FE&email=twice&password=%",
                        browser.csrf
                    )))
                    .unwrap(),
            )
            .await;
        assert!(garbage.status.is_client_error(), "{}", garbage.status);
        let bad_ids = [
            "/coops/not-an-id",
            "/coops/..%2F..%2Fetc",
            "/coops/00000000000000000000000000000000/audit",
            "/language/fr",
        ];
        let admin = app.person("admin@cylch.test", "Admin", true).await;
        let signed_in = app.browser(&admin).await;
        for path in bad_ids {
            let reply = app.get(path, &signed_in.cookies).await;
            assert_eq!(reply.status, 404, "{path}");
        }
        let bad_invite = app.get("/admin/coops/zzz/invite", &signed_in.cookies).await;
        assert_eq!(bad_invite.status, 404);
    }
);

on_both!(the_api_answers_bad_json_with_json, |app| {
    let account = app.person("api@cylch.test", "Api", false).await;
    let (_, token) = app
        .store
        .create_api_token(&account.id, "tests")
        .await
        .unwrap();
    let not_json = app
        .send(
            Request::put("/api/v1/me")
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", "application/json")
                .body(Body::from("{not json"))
                .unwrap(),
        )
        .await;
    assert_eq!(not_json.status, 400);
    assert_eq!(not_json.json()["error"]["code"], "bad-request");
    let missing_fields = app
        .api(
            "PUT",
            "/api/v1/me",
            Some(&token),
            Some(serde_json::json!({"name": "x"})),
        )
        .await;
    assert!(missing_fields.status == 422 || missing_fields.status == 400);
    assert!(missing_fields.json()["error"]["code"].is_string());
    let invalid = app
        .api(
            "PUT",
            "/api/v1/me",
            Some(&token),
            Some(serde_json::json!({"name": "", "email": "nope", "language": "fr"})),
        )
        .await;
    assert_eq!(invalid.status, 422);
    let fields: Vec<_> = invalid.json()["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["name", "email", "language"]);
    assert_eq!(
        app.store.account(&account.id).await.unwrap().unwrap().name,
        "Api",
        "nothing half-written"
    );
});

on_both!(the_stylesheet_is_served_from_the_binary, |app| {
    let css = app.get("/static/cylch.css", "").await;
    assert_eq!(css.status, 200);
    assert_eq!(
        css.headers.get("content-type").unwrap(),
        "text/css; charset=utf-8"
    );
    assert!(css.body.contains(":focus-visible"));
});

on_both!(
    the_language_link_sets_the_choice_and_returns_to_the_page,
    |app| {
        let reply = app.get("/language/cy?next=/reset-password", "").await;
        assert_eq!(reply.status, 303);
        assert_eq!(reply.location(), "/reset-password");
        assert_eq!(reply.cookie("cylch_lang").as_deref(), Some("cy"));
        let page = app.get("/reset-password", "cylch_lang=cy").await;
        assert!(page.body.contains("Ailosod eich cyfrinair"));
        assert!(
            page.body
                .contains("href=\"/language/en?next=/reset-password\"")
        );
        let offsite = app.get("/language/en?next=https://evil.example", "").await;
        assert_eq!(offsite.location(), "/");
    }
);

#[test]
fn every_message_a_template_names_exists() {
    // A missing message would show as its id. The ids are string literals
    // in the templates, read here from every template there is.
    let english = cylch_web::i18n::message_ids(cylch_web::i18n::ENGLISH);
    // Each area's templates are in a folder of its own under templates/.
    let mut folders = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates")];
    let mut templates = Vec::new();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                templates.push(path);
            }
        }
    }
    assert!(
        templates.len() > 30,
        "only {} templates were found",
        templates.len()
    );
    let mut checked = 0;
    for path in templates {
        let source = std::fs::read_to_string(&path).unwrap();
        for call in ["chrome.t(\"", "chrome.t1(\"", "chrome.tn(\""] {
            for piece in source.split(call).skip(1) {
                let id = piece.split('"').next().unwrap();
                assert!(
                    english.contains(id),
                    "{} uses the message {id}, which no English file defines",
                    path.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} message uses were found");
}

#[test]
fn every_kind_of_audited_record_has_a_name_in_both_languages() {
    // The audit page names each record's kind; a kind without a message
    // would show its id. The kinds are string literals in the store.
    let english = cylch_web::i18n::message_ids(cylch_web::i18n::ENGLISH);
    let welsh = cylch_web::i18n::message_ids(cylch_web::i18n::WELSH);
    let store = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/src");
    let mut folders = vec![store];
    let mut kinds = std::collections::BTreeSet::new();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for piece in source.split("record_kind: \"").skip(1) {
                kinds.insert(piece.split('"').next().unwrap().to_owned());
            }
        }
    }
    assert!(kinds.len() > 20, "only {} kinds were found", kinds.len());
    for kind in kinds {
        let id = format!("audit-record-{kind}");
        assert!(english.contains(&id), "no English name for audited {kind}");
        assert!(welsh.contains(&id), "no Welsh name for audited {kind}");
    }
}
