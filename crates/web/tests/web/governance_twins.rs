//! The page and the API take each governance action through one command,
//! so they answer alike: each case where they once disagreed, on each front.

use crate::on_both;
use crate::support::{Browser, Cast, Reply, TestApp, cast};

/// The cast, with co-operative A's rules putting admissions to the
/// members; the chair's browser and token.
async fn admitting_by_members(app: &TestApp) -> (Cast, Browser, String) {
    let cast = cast(app).await;
    let chair = cast.who("chair").clone();
    let scope = app
        .store
        .scope(&chair.id, &cast.coop_a.id)
        .await
        .unwrap()
        .unwrap();
    let rules = cylch_governance::Rules {
        admission: cylch_governance::rules::Admission::ByMembers,
        ..cylch_governance::Rules::default()
    };
    app.store
        .record_registered_rules(&scope, &rules, app.clock().today_in_wales())
        .await
        .unwrap();
    let browser = app.browser(&chair).await;
    let token = app.token(&chair).await;
    (cast, browser, token)
}

async fn post(app: &TestApp, path: &str, browser: &Browser, fields: &[(&str, &str)]) -> Reply {
    let mut all = vec![("csrf", browser.csrf.as_str())];
    all.extend_from_slice(fields);
    app.post_form(path, &browser.cookies, &all).await
}

/// The code of the API's problem at `field`, if any.
fn field_code(reply: &Reply, field: &str) -> Option<String> {
    reply.json()["error"]["fields"]
        .as_array()?
        .iter()
        .find(|f| f["field"] == field)
        .map(|f| f["code"].as_str().unwrap().to_owned())
}

/// Whether the page shows a problem at `field`.
fn page_problem(reply: &Reply, field: &str) -> bool {
    reply.status == 422 && reply.body.contains(&format!("href=\"#{field}\""))
}

fn admission(background: &str, opens: &str, closes: &str) -> serde_json::Value {
    serde_json::json!({
        "name": "Gwen Morgan", "email": "gwen@cylch.test", "class": "supporter",
        "background": background, "opens_at": opens, "closes_at": closes,
    })
}

fn admission_form<'a>(
    background: &'a str,
    opens: &'a str,
    closes: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Gwen Morgan"),
        ("email", "gwen@cylch.test"),
        ("class", "supporter"),
        ("background", background),
        ("opens_at", opens),
        ("closes_at", closes),
    ]
}

// The API read the voting window only as RFC 3339 and the page only as the
// time in Wales; both now read either, and name the end that is wrong.
on_both!(admission_window_is_read_alike_on_both_fronts, |app| {
    let (cast, browser, token) = admitting_by_members(&app).await;
    let page_path = format!("/coops/{}/members/invite", cast.coop_a.id);
    let api_path = format!("/api/v1/coops/{}/members/invitations", cast.coop_a.id);

    let rfc = post(
        &app,
        &page_path,
        &browser,
        &admission_form("", "2026-01-01T09:00:00Z", "2036-01-01T09:00:00Z"),
    )
    .await;
    assert_eq!(rfc.status, 303, "{}", rfc.body);
    let local = app
        .api(
            "POST",
            &api_path,
            Some(&token),
            Some(admission("", "2026-01-01T09:00", "2036-01-01T09:00")),
        )
        .await;
    assert_eq!(local.status, 201, "{}", local.body);
    assert_eq!(local.json()["invited"], false);

    let bad_page = post(
        &app,
        &page_path,
        &browser,
        &admission_form("", "2026-01-01T09:00", "soon"),
    )
    .await;
    assert!(page_problem(&bad_page, "closes_at"), "{}", bad_page.body);
    let bad_api = app
        .api(
            "POST",
            &api_path,
            Some(&token),
            Some(admission("", "2026-01-01T09:00", "soon")),
        )
        .await;
    assert_eq!(bad_api.status, 422);
    assert_eq!(
        field_code(&bad_api, "closes_at").as_deref(),
        Some("votes-error-closes")
    );
});

// The API took a background of any length for an admission; the page
// refused one over the proposals' limit. Both refuse it now.
on_both!(admission_background_has_one_limit, |app| {
    let (cast, browser, token) = admitting_by_members(&app).await;
    let page_path = format!("/coops/{}/members/invite", cast.coop_a.id);
    let api_path = format!("/api/v1/coops/{}/members/invitations", cast.coop_a.id);
    let long = "a".repeat(10_001);

    let page = post(
        &app,
        &page_path,
        &browser,
        &admission_form(&long, "2026-01-01T09:00", "2036-01-01T09:00"),
    )
    .await;
    assert!(page_problem(&page, "background"), "{}", page.status);
    let api = app
        .api(
            "POST",
            &api_path,
            Some(&token),
            Some(admission(
                &long,
                "2026-01-01T09:00:00Z",
                "2036-01-01T09:00:00Z",
            )),
        )
        .await;
    assert_eq!(api.status, 422);
    assert_eq!(
        field_code(&api, "background").as_deref(),
        Some("votes-error-background-long")
    );
});

fn settings() -> Vec<(&'static str, &'static str)> {
    vec![
        ("general_quorum_members", "2"),
        ("general_quorum_percent", "50"),
        ("committee_quorum_members", "2"),
        ("committee_quorum_percent", "50"),
        ("general_notice_days", "28"),
        ("committee_notice_days", "7"),
        ("short_notice_percent", "90"),
        ("special_percent", "75"),
        ("proxies_allowed", "yes"),
        ("proxies_max", "5"),
        ("online_voting", "yes"),
        ("secret_always", "no"),
        ("written_days", "28"),
        ("admission_by_members", "no"),
        ("voting", "ommv"),
    ]
}

/// A change to the rules on each front: the page's form, and the API's
/// body with the rules in force but 28 days' notice.
async fn rule_change(
    app: &TestApp,
    cast: &Cast,
    title: &str,
    background: &str,
    opens: &str,
    closes: &str,
) -> (Reply, Reply) {
    let pa = cast.who("pa").clone();
    let browser = app.browser(&pa).await;
    let token = app.token(&pa).await;
    let mut form = settings();
    form.extend([
        ("title", title),
        ("background", background),
        ("opens_at", opens),
        ("closes_at", closes),
    ]);
    let page = post(
        app,
        &format!("/coops/{}/rules/changes", cast.coop_a.id),
        &browser,
        &form,
    )
    .await;
    let base = format!("/api/v1/coops/{}", cast.coop_a.id);
    let mut rules = app
        .api("GET", &format!("{base}/rules"), Some(&token), None)
        .await
        .json()["rules"]
        .clone();
    rules["general_meeting_notice_days"] = serde_json::json!(28);
    let api = app
        .api(
            "POST",
            &format!("{base}/rules/changes"),
            Some(&token),
            Some(serde_json::json!({
                "title": title, "background": background,
                "opens_at": opens, "closes_at": closes, "rules": rules,
            })),
        )
        .await;
    (page, api)
}

// The API took a title of any length; the page refused one over 200
// characters. Both refuse it.
on_both!(a_rule_change_title_has_one_limit, |app| {
    let cast = cast(&app).await;
    let title = "a".repeat(201);
    let (page, api) = rule_change(
        &app,
        &cast,
        &title,
        "",
        "2026-01-01T09:00",
        "2036-01-01T09:00",
    )
    .await;
    assert!(page_problem(&page, "title"), "{}", page.status);
    assert_eq!(api.status, 422);
    assert_eq!(
        field_code(&api, "title").as_deref(),
        Some("votes-error-title-long")
    );
});

// The API took a background of any length; the page refused a long one.
on_both!(a_rule_change_background_has_one_limit, |app| {
    let cast = cast(&app).await;
    let long = "a".repeat(10_001);
    let (page, api) = rule_change(
        &app,
        &cast,
        "Notice",
        &long,
        "2026-01-01T09:00",
        "2036-01-01T09:00",
    )
    .await;
    assert!(page_problem(&page, "background"), "{}", page.status);
    assert_eq!(api.status, 422);
    assert_eq!(
        field_code(&api, "background").as_deref(),
        Some("votes-error-background-long")
    );
});

// The voting window: read as RFC 3339 or as the time in Wales on both
// fronts (each front once read only one of them)…
on_both!(a_rule_change_window_is_read_alike, |app| {
    let cast = cast(&app).await;
    let (page, _) = rule_change(
        &app,
        &cast,
        "Notice",
        "",
        "2026-01-01T09:00:00Z",
        "2036-01-01T09:00:00Z",
    )
    .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let cast_b = &cast;
    let (_, api) = rule_change(
        &app,
        cast_b,
        "Notice again",
        "",
        "2026-01-01T09:00",
        "2036-01-01T09:00",
    )
    .await;
    assert_eq!(api.status, 201, "{}", api.body);
    let (page, api) = rule_change(&app, &cast, "Notice", "", "never", "2036-01-01T09:00").await;
    assert!(page_problem(&page, "opens_at"));
    assert_eq!(
        field_code(&api, "opens_at").as_deref(),
        Some("votes-error-opens")
    );
});

// …and a window that closes before it opens is shown at its closing on
// both fronts (the API put it at `rules`).
on_both!(a_rule_change_window_backwards_is_at_its_closing, |app| {
    let cast = cast(&app).await;
    let (page, api) = rule_change(
        &app,
        &cast,
        "Notice",
        "",
        "2036-01-01T09:00",
        "2026-01-01T09:00",
    )
    .await;
    assert!(page_problem(&page, "closes_at"), "{}", page.body);
    assert_eq!(api.status, 422);
    assert!(field_code(&api, "closes_at").is_some(), "{}", api.body);
    assert!(field_code(&api, "rules").is_none());
});

/// Four people supported from 1 April 2026 through the API; the chair's
/// browser and token, and the fifth person's account id.
async fn four_supported(app: &TestApp) -> (Cast, Browser, String, String) {
    let cast = cast(app).await;
    let chair = cast.who("chair").clone();
    let browser = app.browser(&chair).await;
    let token = app.token(&chair).await;
    let path = format!("/api/v1/coops/{}/support", cast.coop_a.id);
    for role in ["supported", "representative", "family", "pa"] {
        let who = cast.who(role);
        let reply = app
            .api("POST", &path, Some(&token), Some(serde_json::json!({"name": who.name, "member_account": who.id.as_str(), "starts_on": "2026-04-01"})))
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let fifth = cast.who("supporter").id.as_str().to_owned();
    (cast, browser, token, fifth)
}

// The API refused a fifth person with the rule's bare code and a sentence
// without the numbers; the page said the rule, the busiest day and each
// choice open to the members. Both say all of it now.
on_both!(a_fifth_person_is_refused_alike, |app| {
    let (cast, browser, token, fifth) = four_supported(&app).await;
    let page = post(
        &app,
        &format!("/coops/{}/support", cast.coop_a.id),
        &browser,
        &[
            ("name", "Iolo"),
            ("member", &fifth),
            ("starts_on", "2026-05-01"),
        ],
    )
    .await;
    assert_eq!(page.status, 422);
    let api = app
        .api("POST", &format!("/api/v1/coops/{}/support", cast.coop_a.id), Some(&token), Some(serde_json::json!({"name": "Iolo", "member_account": fifth, "starts_on": "2026-05-01"})))
        .await;
    assert_eq!(api.status, 409);
    assert_eq!(api.json()["error"]["code"], "governance-four-person-limit");
    let message = api.json()["error"]["message"].as_str().unwrap().to_owned();
    for said in [
        "at most 4 people at any one time",
        "register with Care Inspectorate Wales",
    ] {
        assert!(page.body.contains(said), "{said} on the page");
        assert!(message.contains(said), "{said} in {message}");
    }
});

// A blank account was "none" on the page but an unknown choice in the API.
on_both!(a_blank_account_is_none_on_both_fronts, |app| {
    let cast = cast(&app).await;
    let chair = cast.who("chair").clone();
    let browser = app.browser(&chair).await;
    let token = app.token(&chair).await;
    let page = post(
        &app,
        &format!("/coops/{}/support", cast.coop_a.id),
        &browser,
        &[
            ("name", "Megan"),
            ("member", ""),
            ("representative", cast.who("representative").id.as_str()),
            ("starts_on", "2026-04-01"),
        ],
    )
    .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let api = app
        .api("POST", &format!("/api/v1/coops/{}/support", cast.coop_a.id), Some(&token), Some(serde_json::json!({"name": "Rhys", "member_account": "", "represented_by": cast.who("family").id.as_str(), "starts_on": "2026-04-01"})))
        .await;
    assert_eq!(api.status, 201, "{}", api.body);
});

// Ending support before it started: the page showed it at the date, the
// API gave only the code. Both name the date now (the API keeps its 409).
on_both!(
    ending_before_the_start_is_at_the_date_on_both_fronts,
    |app| {
        let (cast, browser, token, _) = four_supported(&app).await;
        let path = format!("/api/v1/coops/{}/support", cast.coop_a.id);
        let listed = app.api("GET", &path, Some(&token), None).await.json();
        let first = listed[0]["id"].as_str().unwrap().to_owned();
        let api = app
            .api(
                "POST",
                &format!("{path}/{first}/end"),
                Some(&token),
                Some(serde_json::json!({"ends_on": "2026-03-01", "reason": "other"})),
            )
            .await;
        assert_eq!(api.status, 409);
        assert_eq!(api.json()["error"]["code"], "governance-ends-before-start");
        assert_eq!(
            field_code(&api, "ends_on").as_deref(),
            Some("governance-ends-before-start")
        );
        let page = post(
            &app,
            &format!("/coops/{}/support/{first}/end", cast.coop_a.id),
            &browser,
            &[("ends_on", "2026-03-01"), ("reason", "other")],
        )
        .await;
        assert!(
            page_problem(&page, &format!("ends_on-{first}")),
            "{}",
            page.body
        );
    }
);
