//! The rota's calendars over HTTP, on SQLite and PostgreSQL: a PA makes a
//! feed's address on the page, a phone reads it with no sign-in and the
//! `icalendar` crate's parser reads it back (Europe/London's VTIMEZONE, the
//! shifts on the last Sundays of March and October at the right hour),
//! with first names only and nothing of anyone else's; stopping the
//! address makes it "not found"; another co-operative's feed and people
//! stay out of reach; a person's rota prints as a tagged PDF.

use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use icalendar::parser::{Component, read_calendar, unfold};
use jiff::civil::Date;
use serde_json::json;
use tower::ServiceExt;

use crate::employment::{pa_in, record_checks, seed_pas};
use crate::on_both;
use crate::support::{Cast, TestApp, cast};

/// The last Sunday of `month` next to come (after today).
fn last_sunday_ahead(app: &TestApp, month: i8) -> Date {
    let today = app.days_from_today(0);
    for year in [today.year(), today.year() + 1] {
        let last = Date::new(year, month, 1).unwrap().last_of_month();
        let back = i64::from(last.weekday().to_sunday_zero_offset());
        let sunday = last.checked_sub(jiff::Span::new().days(back)).unwrap();
        if sunday > today {
            return sunday;
        }
    }
    unreachable!()
}

fn value<'a>(c: &'a Component<'a>, name: &str) -> &'a str {
    c.properties
        .iter()
        .find(|p| p.name.as_str() == name)
        .map(|p| p.val.as_str())
        .unwrap_or_else(|| panic!("{name}"))
}

fn tzid<'a>(c: &'a Component<'a>, name: &str) -> Option<&'a str> {
    c.properties
        .iter()
        .find(|p| p.name.as_str() == name)?
        .params
        .iter()
        .find(|p| p.key.as_str() == "TZID")?
        .val
        .as_ref()
        .map(|v| v.as_str())
}

/// A file as a calendar app or browser fetches it: status, type, bytes.
async fn fetch(app: &TestApp, path: &str, cookies: &str) -> (u16, String, Vec<u8>) {
    let request = Request::get(path)
        .header(header::COOKIE, cookies)
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, kind, bytes.to_vec())
}

/// The feed address a page shows, as a path on this app.
fn address_in(body: &str) -> String {
    let start = body
        .find("http://cylch.test/calendars/")
        .unwrap_or_else(|| panic!("an address in {body}"));
    let rest = &body[start + "http://cylch.test".len()..];
    let end = rest.find(".ics").unwrap() + 4;
    rest[..end].to_owned()
}

/// Megan (the "pa" member of A) ready to work, with Sioned and a second
/// person, "Tomos Pritchard", both hers; their ids.
async fn ready(app: &TestApp, cast: &Cast) -> (String, String, String) {
    // Early September: both clock changes fall within the year that the
    // checks and insurance seeded here stay in date.
    app.clock().pin("2026-09-01T09:00:00Z".parse().unwrap());
    seed_pas(app, cast).await;
    let coop = cast.coop_a.id.to_string();
    let pa = pa_in(&coop);
    record_checks(app, cast, &pa, &app.days_from_today(-38).to_string()).await;
    let megan = app.browser(cast.who("pa")).await;
    let signed = app
        .post_form(
            &format!("/coops/{coop}/employment/{pa}/statements/acknowledge"),
            &megan.cookies,
            &[("csrf", &megan.csrf), ("version", "1")],
        )
        .await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let token = app.token(cast.who("chair")).await;
    let people = app
        .api(
            "GET",
            &format!("/api/v1/coops/{coop}/support"),
            Some(&token),
            None,
        )
        .await;
    let sioned = people.json()[0]["id"].as_str().unwrap().to_owned();
    let added = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/support"),
            Some(&token),
            Some(json!({
                "name": "Tomos Pritchard",
                "represented_by": cast.who("representative").id.to_string(),
                "starts_on": app.days_from_today(-60).to_string(),
            })),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.body);
    let tomos = added.json()["id"].as_str().unwrap().to_owned();
    let linked = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/employment/{pa}/people"),
            Some(&token),
            Some(json!({"person": tomos, "needs_medication": false})),
        )
        .await;
    assert_eq!(linked.status, 204, "{}", linked.body);
    (pa, sioned, tomos)
}

async fn add_shift(app: &TestApp, cast: &Cast, day: Date, people: &[&str], pa: &str) -> String {
    let token = app.token(cast.who("chair")).await;
    let added = app
        .api(
            "POST",
            &format!("/api/v1/coops/{}/rota", cast.coop_a.id),
            Some(&token),
            Some(json!({
                "date": day.to_string(), "start": "07:00", "end": "09:30",
                "kind": "day", "people": people, "pa": pa,
            })),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.body);
    added.json()["shift"]["id"].as_str().unwrap().to_owned()
}

on_both!(
    a_pas_feed_reads_back_right_across_the_clock_changes_and_stops_when_revoked,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.to_string();
        let (pa, sioned, tomos) = ready(&app, &cast).await;
        let march = last_sunday_ahead(&app, 3);
        let october = last_sunday_ahead(&app, 10);
        let spring = add_shift(&app, &cast, march, &[&sioned, &tomos], &pa).await;
        let autumn = add_shift(&app, &cast, october, &[&sioned], &pa).await;
        // A shift of Tomos's with no PA: not Megan's, so not in her feed.
        let other = add_shift(&app, &cast, app.days_from_today(3), &[&tomos], "").await;

        // Megan makes her feed's address on the page; it is shown once.
        let megan = app.browser(cast.who("pa")).await;
        let page = app
            .get(&format!("/coops/{coop}/calendars"), &megan.cookies)
            .await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Your shifts as a PA (Megan Jones)"),
            "{}",
            page.body
        );
        let made = app
            .post_form(
                &format!("/coops/{coop}/calendars"),
                &megan.cookies,
                &[("csrf", &megan.csrf), ("owner", "pa"), ("id", &pa)],
            )
            .await;
        assert_eq!(made.status, 200, "{}", made.body);
        let address = address_in(&made.body);
        assert!(made.body.contains("webcal://cylch.test/calendars/"));
        let again = app
            .get(&format!("/coops/{coop}/calendars"), &megan.cookies)
            .await;
        assert!(!again.body.contains(&address), "the address is shown once");

        // A phone reads it with no sign-in.
        let (status, kind, bytes) = fetch(&app, &address, "").await;
        assert_eq!(status, 200);
        assert_eq!(kind, "text/calendar; charset=utf-8");
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
        let unfolded = unfold(&text);
        let parsed = read_calendar(&unfolded).unwrap();
        let zone = parsed
            .components
            .iter()
            .find(|c| c.name.as_str() == "VTIMEZONE")
            .expect("a VTIMEZONE");
        assert_eq!(value(zone, "TZID"), "Europe/London");
        let kinds: Vec<&str> = zone.components.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(kinds, vec!["DAYLIGHT", "STANDARD"]);
        let events: Vec<&Component> = parsed
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VEVENT")
            .collect();
        assert_eq!(events.len(), 2, "{text}");
        let london = jiff::tz::TimeZone::get("Europe/London").unwrap();
        let event_of = |id: &str| {
            let uid = format!("{id}-pa-{pa}@cylch");
            *events.iter().find(|e| value(e, "UID") == uid).unwrap()
        };
        for (id, day, utc_hour) in [(&spring, march, 6), (&autumn, october, 7)] {
            let event = event_of(id);
            assert_eq!(tzid(event, "DTSTART"), Some("Europe/London"));
            let local = day.at(7, 0, 0, 0);
            assert_eq!(
                value(event, "DTSTART"),
                local.strftime("%Y%m%dT%H%M%S").to_string()
            );
            // 07:00 in Wales is 06:00 UTC after the March change and 07:00
            // after the October one.
            let placed = local.to_zoned_datetime(london.clone()).unwrap().timestamp();
            let expected = day
                .at(utc_hour, 0, 0, 0)
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .unwrap()
                .timestamp();
            assert_eq!(placed, expected);
            assert_eq!(value(event, "STATUS"), "CONFIRMED");
        }
        // First names only: the people's, never a surname, and nothing of
        // a shift that is not hers.
        assert!(
            value(event_of(&spring), "SUMMARY").contains("Sioned, Tomos"),
            "{text}"
        );
        assert!(
            !text.contains("Pritchard") && !text.contains("Jones"),
            "{text}"
        );
        assert!(!text.contains(&other));

        // Taken off a shift, she still gets it, cancelled, so her phone
        // drops it.
        let chair = app.browser(cast.who("chair")).await;
        let off = app
            .post_form(
                &format!("/coops/{coop}/rota/{autumn}/unassign"),
                &chair.cookies,
                &[("csrf", &chair.csrf)],
            )
            .await;
        assert_eq!(off.status, 303, "{}", off.body);
        let (_, _, bytes) = fetch(&app, &address, "").await;
        let text = String::from_utf8(bytes).unwrap();
        let unfolded = unfold(&text);
        let parsed = read_calendar(&unfolded).unwrap();
        let autumn_event = parsed
            .components
            .iter()
            .find(|c| c.name.as_str() == "VEVENT" && value(c, "UID").starts_with(&autumn))
            .unwrap();
        assert_eq!(value(autumn_event, "STATUS"), "CANCELLED");

        // Stopping the address makes it "not found".
        let stopped = app
            .post_form(
                &format!("/coops/{coop}/calendars/revoke"),
                &megan.cookies,
                &[("csrf", &megan.csrf), ("owner", "pa"), ("id", &pa)],
            )
            .await;
        assert_eq!(stopped.status, 303, "{}", stopped.body);
        let (status, _, _) = fetch(&app, &address, "").await;
        assert_eq!(status, 404);
        // Stopping it again is refused in words, not failed.
        let twice = app
            .post_form(
                &format!("/coops/{coop}/calendars/revoke"),
                &megan.cookies,
                &[("csrf", &megan.csrf), ("owner", "pa"), ("id", &pa)],
            )
            .await;
        assert_eq!(twice.status, 409, "{}", twice.body);
        // Anything else at that place is "not found", never a failure.
        for junk in ["/calendars/x.ics", "/calendars/%00.ics", "/calendars/abc"] {
            let (status, _, _) = fetch(&app, junk, "").await;
            assert_eq!(status, 404, "{junk}");
        }
    }
);

on_both!(feeds_keep_to_their_own_people_and_coop, |app| {
    let cast = cast(&app).await;
    let coop = cast.coop_a.id.to_string();
    let (pa, sioned, _) = ready(&app, &cast).await;
    add_shift(&app, &cast, app.days_from_today(2), &[&sioned], &pa).await;
    // Sioned's representative keeps her feed: Megan by first name.
    let rep = app.token(cast.who("representative")).await;
    let made = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/calendars"),
            Some(&rep),
            Some(json!({"owner": "person", "id": sioned})),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let url = made.json()["url"].as_str().unwrap().to_owned();
    let path = url.trim_start_matches("http://cylch.test").to_owned();
    let (status, _, bytes) = fetch(&app, &path, "").await;
    assert_eq!(status, 200);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("SUMMARY;LANGUAGE="), "{text}");
    assert!(text.contains("Megan") && !text.contains("Jones"), "{text}");

    // Nobody else may make or stop it, nor Megan's.
    for role in ["chair", "family", "pa", "outsider"] {
        let token = app.token(cast.who(role)).await;
        for (owner, id) in [("person", &sioned), ("pa", &pa)] {
            if role == "pa" && owner == "pa" {
                continue;
            }
            let refused = app
                .api(
                    "POST",
                    &format!("/api/v1/coops/{coop}/calendars"),
                    Some(&token),
                    Some(json!({"owner": owner, "id": id})),
                )
                .await;
            assert_eq!(refused.status, 404, "{role} {owner}: {}", refused.body);
        }
    }
    // Bad input is answered at its field.
    let bad = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/calendars"),
            Some(&rep),
            Some(json!({"owner": "boss", "id": "x"})),
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);

    // Co-operative B's feed (its officer represents its Tomos) shows
    // only B's shift, and its address opens nothing of A.
    crate::rota::seed_shifts(&app, &cast).await;
    let outsider = app.token(cast.who("outsider")).await;
    let b = cast.coop_b.id.to_string();
    let listed = app
        .api(
            "GET",
            &format!("/api/v1/coops/{b}/calendars"),
            Some(&outsider),
            None,
        )
        .await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    let tomos_b = listed.json()[0]["id"].as_str().unwrap().to_owned();
    let made = app
        .api(
            "POST",
            &format!("/api/v1/coops/{b}/calendars"),
            Some(&outsider),
            Some(json!({"owner": "person", "id": tomos_b})),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let path = made.json()["url"]
        .as_str()
        .unwrap()
        .trim_start_matches("http://cylch.test")
        .to_owned();
    let (_, _, bytes) = fetch(&app, &path, "").await;
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1, "{text}");
    assert!(
        !text.contains("Sioned") && !text.contains("Megan"),
        "{text}"
    );
    // B's person through A's routes is nobody.
    let crossed = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/calendars"),
            Some(&rep),
            Some(json!({"owner": "person", "id": tomos_b})),
        )
        .await;
    assert_eq!(crossed.status, 404);
});

on_both!(
    a_persons_rota_prints_as_a_tagged_pdf_for_those_who_may_see_it,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.to_string();
        let (pa, sioned, _) = ready(&app, &cast).await;
        let day = app.days_from_today(2);
        add_shift(&app, &cast, day, &[&sioned], &pa).await;
        let path = format!("/coops/{coop}/calendars/print?person={sioned}&from={day}&days=7");
        let rep = app.browser(cast.who("representative")).await;
        let (status, kind, pdf) = fetch(&app, &path, &rep.cookies).await;
        assert_eq!(status, 200);
        assert_eq!(kind, "application/pdf");
        let file =
            std::env::temp_dir().join(format!("cylch-rota-{sioned}-{}.pdf", std::process::id()));
        std::fs::write(&file, &pdf).unwrap();
        let run = |tool: &str, args: &[&str]| {
            let mut command = std::process::Command::new(tool);
            command.args(args).arg(&file);
            if tool == "pdftotext" {
                command.arg("-");
            }
            String::from_utf8(command.output().unwrap().stdout).unwrap()
        };
        let info = run("pdfinfo", &[]);
        let text = run("pdftotext", &["-raw", "-enc", "UTF-8"]);
        let _ = std::fs::remove_file(&file);
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(info.contains("Title:           Rota for Sioned"), "{info}");
        assert!(
            text.contains("07:00–09:30") && text.contains("Megan"),
            "{text}"
        );
        assert!(!text.contains("Jones"), "{text}");
        // In Welsh for a Welsh reader.
        let (_, _, pdf) = fetch(&app, &path, &format!("{}; cylch_lang=cy", rep.cookies)).await;
        let file =
            std::env::temp_dir().join(format!("cylch-rota-cy-{sioned}-{}.pdf", std::process::id()));
        std::fs::write(&file, &pdf).unwrap();
        let info = String::from_utf8(
            std::process::Command::new("pdfinfo")
                .arg(&file)
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        let _ = std::fs::remove_file(&file);
        assert!(info.contains("Title:           Rota Sioned"), "{info}");
        // Someone else's family sees no such person; bad days are answered
        // at their field.
        let family = app.browser(cast.who("family")).await;
        let (status, _, _) = fetch(&app, &path, &family.cookies).await;
        assert_eq!(status, 404);
        let bad = app
            .get(
                &format!("/coops/{coop}/calendars/print?person={sioned}&days=400"),
                &rep.cookies,
            )
            .await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("href=\"#days\""), "{}", bad.body);
    }
);
