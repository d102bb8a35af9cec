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
