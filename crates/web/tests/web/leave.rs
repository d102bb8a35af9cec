//! Holiday and absence over HTTP, on SQLite and PostgreSQL: a PA asks, the
//! person they support approves and the balance falls; more than is left is
//! refused with what is left, at its field; bad input is named at its field
//! in English and Welsh with nothing saved and no 5xx; a supported person
//! sees days away, never why; nobody sees another PA's balance; and the PA
//! never decides their own holiday.

use serde_json::json;

use crate::on_both;
use crate::support::{Cast, TestApp, cast};

/// 1 June 2026, mid-morning in Wales: the PAs seeded started on 2 May.
const TODAY: &str = "2026-06-01T09:00:00Z";

async fn setup(app: &TestApp) -> (Cast, String, String) {
    app.clock().pin(TODAY.parse().unwrap());
    let cast = cast(app).await;
    crate::employment::seed_pas(app, &cast).await;
    let coop = cast.coop_a.id.to_string();
    let pa = crate::employment::pa_in(&coop);
    (cast, coop, pa)
}

fn leave(coop: &str, pa: &str) -> String {
    format!("/coops/{coop}/employment/{pa}/leave")
}

on_both!(
    a_pa_asks_the_supported_person_approves_and_the_balance_falls,
    |app| {
        let (cast, coop, pa) = setup(&app).await;
        let megan = app.browser(cast.who("pa")).await;
        let page = app.get(&leave(&coop, &pa), &megan.cookies).await;
        assert_eq!(page.status, 200, "{}", page.body);
        // 30 hours over 4 days from 2 May: 168 × 334 / 365 hours.
        assert!(
            page.body.contains("153.7315 hours (20.4975 days)"),
            "{}",
            page.body
        );
        let asked = app
            .post_form(
                &format!("{}/requests", leave(&coop, &pa)),
                &megan.cookies,
                &[
                    ("csrf", &megan.csrf),
                    ("first_day", "15/06/2026"),
                    ("last_day", "16/06/2026"),
                    ("days", "2"),
                    ("note", "Priodas yn y teulu"),
                ],
            )
            .await;
        assert_eq!(asked.status, 303, "{}", asked.body);
        // Sioned, whom Megan supports, finds it waiting for her and approves it.
        let sioned = app.browser(cast.who("supported")).await;
        let waiting = app
            .get(&format!("/coops/{coop}/leave/requests"), &sioned.cookies)
            .await;
        assert!(
            waiting.body.contains("15/06/2026 – 16/06/2026"),
            "{}",
            waiting.body
        );
        assert!(waiting.body.contains("Priodas yn y teulu"));
        let token = app.token(cast.who("pa")).await;
        let view = app
            .api(
                "GET",
                &format!("/api/v1{}", leave(&coop, &pa)),
                Some(&token),
                None,
            )
            .await
            .json();
        let request = view["full"]["requests"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(view["full"]["pending"], 15 * 10_000);
        let approved = app
            .post_form(
                &format!("{}/approve", leave(&coop, &pa)),
                &sioned.cookies,
                &[
                    ("csrf", &sioned.csrf),
                    ("request", &request),
                    ("from", "requests"),
                ],
            )
            .await;
        assert_eq!(approved.status, 303, "{}", approved.body);
        assert_eq!(approved.location(), format!("/coops/{coop}/leave/requests"));
        let page = app.get(&leave(&coop, &pa), &megan.cookies).await;
        assert!(
            page.body.contains("Approved (by supported)"),
            "{}",
            page.body
        );
        assert!(page.body.contains("138.7315 hours"), "{}", page.body);
        let view = app
            .api(
                "GET",
                &format!("/api/v1{}", leave(&coop, &pa)),
                Some(&token),
                None,
            )
            .await
            .json();
        assert_eq!(view["full"]["booked"], 15 * 10_000);
        assert_eq!(view["full"]["remaining"], 1_537_315 - 150_000);
        // In Welsh too.
        let welsh = app
            .get(
                &leave(&coop, &pa),
                &format!("{}; cylch_lang=cy", megan.cookies),
            )
            .await;
        assert!(
            welsh.body.contains("Wedi&#39;i gymeradwyo"),
            "{}",
            welsh.body
        );
        assert!(welsh.body.contains("138.7315 awr"));
    }
);

on_both!(the_pa_never_decides_their_own_holiday, |app| {
    let (cast, coop, pa) = setup(&app).await;
    let token = app.token(cast.who("pa")).await;
    let asked = app
        .api(
            "POST",
            &format!("/api/v1{}/requests", leave(&coop, &pa)),
            Some(&token),
            Some(json!({"first_day": "2026-06-15", "last_day": "2026-06-15", "days": "1"})),
        )
        .await;
    assert_eq!(asked.status, 201, "{}", asked.body);
    let id = asked.json()["id"].as_str().unwrap().to_owned();
    let own = app
        .api(
            "POST",
            &format!("/api/v1{}/approve", leave(&coop, &pa)),
            Some(&token),
            Some(json!({"request": id})),
        )
        .await;
    assert_eq!(own.status, 403, "{}", own.body);
    // The coordinator may; a second decision is refused as already made.
    let coordinator = app.token(cast.who("coordinator")).await;
    let declined = app
        .api(
            "POST",
            &format!("/api/v1{}/decline", leave(&coop, &pa)),
            Some(&coordinator),
            Some(json!({"request": id, "reason": "Nobody to cover that day"})),
        )
        .await;
    assert_eq!(declined.status, 200, "{}", declined.body);
    assert_eq!(declined.json()["state"], "declined");
    let again = app
        .api(
            "POST",
            &format!("/api/v1{}/approve", leave(&coop, &pa)),
            Some(&coordinator),
            Some(json!({"request": id})),
        )
        .await;
    assert_eq!(again.status, 409, "{}", again.body);
    assert_eq!(again.json()["error"]["code"], "leave-not-awaiting");
});

on_both!(
    more_than_is_left_is_refused_at_its_field_with_what_is_left,
    |app| {
        let (cast, coop, pa) = setup(&app).await;
        let token = app.token(cast.who("pa")).await;
        let refused = app
            .api(
                "POST",
                &format!("/api/v1{}/requests", leave(&coop, &pa)),
                Some(&token),
                Some(json!({"first_day": "2026-06-01", "last_day": "2026-07-31", "days": "21"})),
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        let body = refused.json();
        assert_eq!(body["error"]["code"], "leave-not-enough");
        assert_eq!(body["error"]["fields"][0]["field"], "days");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("only 153.7315 hours are left"),
            "{body}"
        );
        // On the page, at the field, in Welsh.
        let megan = app.browser(cast.who("pa")).await;
        let page = app
            .post_form(
                &format!("{}/requests", leave(&coop, &pa)),
                &format!("{}; cylch_lang=cy", megan.cookies),
                &[
                    ("csrf", &megan.csrf),
                    ("first_day", "1/6/2026"),
                    ("last_day", "31/7/2026"),
                    ("days", "21"),
                ],
            )
            .await;
        assert_eq!(page.status, 422);
        assert!(
            page.body.contains("href=\"#holiday-days\""),
            "{}",
            page.body
        );
        assert!(
            page.body.contains("dim ond 153.7315 awr sydd ar ôl"),
            "{}",
            page.body
        );
        assert!(page.body.contains("id=\"holiday-days-error\""));
        // What was typed is kept.
        assert!(page.body.contains("value=\"31/7/2026\""));
    }
);

on_both!(bad_input_is_named_at_its_field_with_nothing_saved, |app| {
    let (cast, coop, pa) = setup(&app).await;
    let megan = app.browser(cast.who("pa")).await;
    let empty = app
        .post_form(
            &format!("{}/requests", leave(&coop, &pa)),
            &megan.cookies,
            &[("csrf", &megan.csrf)],
        )
        .await;
    assert_eq!(empty.status, 422);
    for (id, words) in [
        ("holiday-first_day", "Enter the first day"),
        ("holiday-last_day", "Enter the last day"),
        ("holiday-days", "Enter the working days of holiday"),
    ] {
        assert!(empty.body.contains(&format!("href=\"#{id}\"")), "{id}");
        assert!(empty.body.contains(words), "{words}");
    }
    let welsh = app
        .post_form(
            &format!("{}/sickness", leave(&coop, &pa)),
            &format!("{}; cylch_lang=cy", megan.cookies),
            &[
                ("csrf", &megan.csrf),
                ("first_day", "2/6/2026"),
                ("last_day", "yfory"),
            ],
        )
        .await;
    assert_eq!(welsh.status, 422);
    assert!(
        welsh.body.contains("href=\"#sickness-last_day\""),
        "{}",
        welsh.body
    );
    assert!(welsh.body.contains("Rhowch ddyddiad go iawn") || welsh.body.contains("dyddiad"));
    // Every rule on dates, through the API, at its field; never a 5xx.
    let token = app.token(cast.who("pa")).await;
    let chair = app.token(cast.who("chair")).await;
    let cases = [
        (
            &token,
            "requests",
            json!({"first_day": "2026-06-09", "last_day": "2026-06-08", "days": "1"}),
            "last_day",
            "leave-problem-last-before-first",
        ),
        (
            &token,
            "requests",
            json!({"first_day": "2026-05-03", "last_day": "2026-05-03", "days": "1"}),
            "first_day",
            "leave-problem-too-far-in-past",
        ),
        (
            &token,
            "requests",
            json!({"first_day": "2027-03-30", "last_day": "2027-04-02", "days": "2"}),
            "last_day",
            "leave-problem-across-leave-years",
        ),
        (
            &token,
            "requests",
            json!({"first_day": "2026-06-08", "last_day": "2026-06-08", "days": "3"}),
            "days",
            "leave-problem-more-than-the-days",
        ),
        (
            &token,
            "requests",
            json!({"first_day": "2026-06-08", "last_day": "2026-06-08", "days": "-1"}),
            "days",
            "leave-error-number",
        ),
        (
            &token,
            "requests",
            json!({"first_day": "2026-06-08", "last_day": "2026-06-08", "days": "99999999999999999999"}),
            "days",
            "leave-error-number",
        ),
        (
            &token,
            "requests",
            json!({"first_day": "2026-02-30", "last_day": "2026-06-08", "days": "1"}),
            "first_day",
            "error-date-format",
        ),
        (
            &token,
            "requests",
            json!({"first_day": "2026-06-08", "last_day": "2026-06-08", "days": "1", "note": "x".repeat(600)}),
            "note",
            "error-too-long",
        ),
        (
            &token,
            "sickness",
            json!({"first_day": "2026-06-02"}),
            "first_day",
            "leave-problem-sickness-in-future",
        ),
        (
            &token,
            "sickness",
            json!({"first_day": "2026-05-20", "fit_note_received": "2026-05-19"}),
            "fit_note_received",
            "leave-problem-fit-note-before-first",
        ),
        (
            &chair,
            "other",
            json!({"kind": "holiday", "first_day": "2026-06-08", "last_day": "2026-06-08"}),
            "kind",
            "leave-choose-kind",
        ),
        (
            &chair,
            "other",
            json!({"kind": "jury_service", "first_day": "2026-06-08", "last_day": "2026-06-01"}),
            "last_day",
            "leave-problem-last-before-first",
        ),
        (
            &chair,
            "hours",
            json!({"period_end": "2026-07-31", "hours": "80"}),
            "period_end",
            "leave-problem-period-in-future",
        ),
        (
            &chair,
            "decline",
            json!({"request": "nope"}),
            "reason",
            "leave-enter-reason",
        ),
    ];
    let before = app.written().await;
    for (who, action, body, field, code) in cases {
        let reply = app
            .api(
                "POST",
                &format!("/api/v1{}/{action}", leave(&coop, &pa)),
                Some(who),
                Some(body.clone()),
            )
            .await;
        assert_eq!(reply.status, 422, "{action} {body}: {}", reply.body);
        let fields = &reply.json()["error"]["fields"];
        assert_eq!(fields[0]["field"], field, "{action} {body}: {}", reply.body);
        assert_eq!(fields[0]["code"], code, "{action} {body}: {}", reply.body);
    }
    assert_eq!(app.written().await, before, "a refusal saved something");
    // An unknown request is not found, not a failure.
    let unknown = app
        .api(
            "POST",
            &format!("/api/v1{}/cancel", leave(&coop, &pa)),
            Some(&token),
            Some(json!({"request": "0".repeat(32)})),
        )
        .await;
    assert_eq!(unknown.status, 404);
});

on_both!(a_supported_person_sees_days_away_never_why, |app| {
    let (cast, coop, pa) = setup(&app).await;
    let token = app.token(cast.who("pa")).await;
    let sick = app
        .api(
            "POST",
            &format!("/api/v1{}/sickness", leave(&coop, &pa)),
            Some(&token),
            Some(json!({"first_day": "2026-05-22", "reason": "Migraine"})),
        )
        .await;
    assert_eq!(sick.status, 201, "{}", sick.body);
    // Eleven days by 1 June: a fit note is due, and the reminder says so.
    assert_eq!(sick.json()["fit_note_missing"], true);
    let megan = app.browser(cast.who("pa")).await;
    let page = app.get(&leave(&coop, &pa), &megan.cookies).await;
    assert!(
        page.body
            .contains("A fit note is needed for sickness from 29/05/2026"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Migraine"));
    let chair = app.browser(cast.who("chair")).await;
    assert!(
        app.get(&leave(&coop, &pa), &chair.cookies)
            .await
            .body
            .contains("Migraine")
    );
    for role in ["supported", "representative"] {
        let who = app.browser(cast.who(role)).await;
        let page = app.get(&leave(&coop, &pa), &who.cookies).await;
        assert_eq!(page.status, 200, "{role}");
        assert!(
            page.body.contains("22/05/2026 – 01/06/2026"),
            "{role}: {}",
            page.body
        );
        for secret in ["Migraine", "sick", "Sickness", "153.7315", "fit note"] {
            assert!(!page.body.contains(secret), "{role} saw {secret}");
        }
        let token = app.token(cast.who(role)).await;
        let api = app
            .api(
                "GET",
                &format!("/api/v1{}", leave(&coop, &pa)),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(api.json()["view"], "away");
        assert!(!api.body.contains("Migraine") && !api.body.contains("remaining"));
    }
    // Tied to nobody: nothing, as for a PA who does not exist.
    for role in ["family", "supporter"] {
        let who = app.browser(cast.who(role)).await;
        assert_eq!(app.get(&leave(&coop, &pa), &who.cookies).await.status, 404);
    }
    // The audit log keeps the dates, never the reason.
    let trail = app
        .store
        .audit_of_record("sickness_absence", sick.json()["id"].as_str().unwrap())
        .await
        .unwrap();
    assert!(!format!("{:?}", trail).contains("Migraine"));
});

on_both!(no_pa_sees_another_pas_balance, |app| {
    let (cast, coop, megan_id) = setup(&app).await;
    let chair = app.token(cast.who("chair")).await;
    let hired = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/employment"),
            Some(&chair),
            Some(json!({
                "name": "Gareth Price",
                "born": "1985-07-01",
                "address": "3 Lôn Glan Môr, Aberystwyth",
                "start": "2026-05-01",
                "job_title": "Personal Assistant",
                "place_of_work": "The supported person's home",
                "hours": "irregular",
                "rate_day": "13.60",
                "pay_frequency": "monthly",
                "starter": "B",
                "notice_employer": "1",
                "notice_worker": "1",
            })),
        )
        .await;
    assert_eq!(hired.status, 201, "{}", hired.body);
    let gareth = hired.json()["id"].as_str().unwrap().to_owned();
    let megan = app.browser(cast.who("pa")).await;
    assert_eq!(
        app.get(&leave(&coop, &gareth), &megan.cookies).await.status,
        404
    );
    let token = app.token(cast.who("pa")).await;
    let api = app
        .api(
            "GET",
            &format!("/api/v1{}", leave(&coop, &gareth)),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(api.status, 404);
    // Gareth's hours are irregular: he accrues 12.07% of the hours recorded.
    let recorded = app
        .api(
            "POST",
            &format!("/api/v1{}/hours", leave(&coop, &gareth)),
            Some(&chair),
            Some(json!({"period_end": "2026-05-31", "hours": "100"})),
        )
        .await;
    assert_eq!(recorded.status, 204, "{}", recorded.body);
    let view = app
        .api(
            "GET",
            &format!("/api/v1{}", leave(&coop, &gareth)),
            Some(&chair),
            None,
        )
        .await
        .json();
    assert_eq!(view["full"]["method"], "accrual");
    assert_eq!(view["full"]["entitlement"], 120_700);
    // Megan's own page shows her balance only.
    let own = app.get(&leave(&coop, &megan_id), &megan.cookies).await;
    assert!(!own.body.contains("Gareth"));
    // The leave year is the co-operative's: 1 April until an officer
    // changes it.
    let year = app
        .api(
            "GET",
            &format!("/api/v1/coops/{coop}/leave/year"),
            Some(&token),
            None,
        )
        .await
        .json();
    assert_eq!(
        (year["month"].as_i64(), year["day"].as_i64()),
        (Some(4), Some(1))
    );
    let set = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/leave/year"),
            Some(&chair),
            Some(json!({"month": "2", "day": "29"})),
        )
        .await;
    assert_eq!(set.status, 422);
    assert_eq!(set.json()["error"]["fields"][0]["field"], "day");
});
