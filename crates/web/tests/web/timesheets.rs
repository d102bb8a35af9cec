//! Timesheets through the pages and the API, on SQLite and PostgreSQL: the
//! PA confirms and corrects, the supported person approves, and then the
//! time cannot be changed except by an adjustment; bad input answered at
//! its field in both languages with nothing saved; nobody approves their
//! own time; a PA never sees another PA's timesheet, and a supported
//! person never sees time spent with someone else.

use serde_json::json;

use crate::on_both;
use crate::support::{Cast, TestApp, cast};
use cylch_store::accounts::Account;

/// Megan (the "pa" member) works with Sioned (the "supported" member,
/// whom the "representative" acts for); Huw (the "family" member, as a PA)
/// works with Tomos, whom the secretary represents; the chair also works
/// as a PA with Tomos.
struct World {
    cast: Cast,
    chair: String,
    megan: String,
    huw: String,
    cadeirydd: String,
    sioned: String,
    tomos: String,
    /// A day in the past: the lines' day and the pay period asked for.
    day: String,
}

fn hire(app: &TestApp, name: &str, ni: &str, account: &Account) -> serde_json::Value {
    json!({
        "name": name,
        "account": account.id.to_string(),
        "born": "1990-03-14",
        "ni_number": ni,
        "address": "2 Heol y Bont, Aberystwyth",
        "start": app.days_from_today(-30).to_string(),
        "job_title": "Personal Assistant",
        "place_of_work": "The supported person's home",
        "hours": "irregular",
        "rate_day": "13.60",
        "sleep_in": "80",
        "pay_frequency": "monthly",
        "starter": "B",
        "notice_employer": "1",
        "notice_worker": "1",
    })
}

async fn world(app: &TestApp) -> World {
    let cast = cast(app).await;
    let chair = app.token(cast.who("chair")).await;
    let coop = cast.coop_a.id.to_string();
    let person = |body: serde_json::Value| {
        let chair = chair.clone();
        let coop = coop.clone();
        async move {
            let added = app
                .api(
                    "POST",
                    &format!("/api/v1/coops/{coop}/support"),
                    Some(&chair),
                    Some(body),
                )
                .await;
            assert_eq!(added.status, 201, "{}", added.body);
            added.json()["id"].as_str().unwrap().to_owned()
        }
    };
    let since = app.days_from_today(-60).to_string();
    let sioned = person(json!({"name": "Sioned", "member_account": cast.who("supported").id.to_string(), "represented_by": cast.who("representative").id.to_string(), "starts_on": since})).await;
    let tomos = person(json!({"name": "Tomos", "represented_by": cast.who("secretary").id.to_string(), "starts_on": since})).await;
    let mut ids = Vec::new();
    for (name, ni, role, works_with) in [
        ("Megan Jones", "AB 12 34 56 C", "pa", &sioned),
        ("Huw Evans", "JZ 98 76 54 D", "family", &tomos),
        ("Carys Cadeirydd", "CE 11 22 33 A", "chair", &tomos),
    ] {
        let hired = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/employment"),
                Some(&chair),
                Some(hire(app, name, ni, cast.who(role))),
            )
            .await;
        assert_eq!(hired.status, 201, "{}", hired.body);
        let id = hired.json()["id"].as_str().unwrap().to_owned();
        let linked = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/employment/{id}/people"),
                Some(&chair),
                Some(json!({"person": works_with})),
            )
            .await;
        assert_eq!(linked.status, 204, "{}", linked.body);
        ids.push(id);
    }
    let [megan, huw, cadeirydd] = <[String; 3]>::try_from(ids).unwrap();
    World {
        cast,
        chair,
        megan,
        huw,
        cadeirydd,
        sioned,
        tomos,
        day: app.days_from_today(-2).to_string(),
    }
}

impl World {
    fn sheet(&self, pa: &str) -> String {
        format!("/coops/{}/timesheets/{pa}", self.cast.coop_a.id)
    }

    fn api(&self, pa: &str, action: &str) -> String {
        format!(
            "/api/v1/coops/{}/timesheets/{pa}{action}",
            self.cast.coop_a.id
        )
    }

    fn line(&self, start: &str, end: &str, person: &str) -> serde_json::Value {
        json!({
            "start": format!("{}T{start}", self.day),
            "end": format!("{}T{end}", self.day),
            "break_minutes": "0",
            "kind": "day",
            "people": [person],
        })
    }
}

/// Fields changed from a good line, the field at fault, and its words in
/// English and Welsh.
type Case<'a> = (Vec<(&'a str, String)>, &'a str, &'a str, &'a str);

async fn lines(app: &TestApp) -> i64 {
    cylch_store::testing::count_raw(&app.store, "SELECT COUNT(*) FROM timesheet_lines").await
}

on_both!(
    the_pa_confirms_and_corrects_the_person_approves_and_then_it_is_locked,
    |app| {
        let w = world(&app).await;
        // The coordinator enters two lines for Megan by hand.
        let coordinator = app.token(w.cast.who("coordinator")).await;
        for (start, end) in [("09:00", "12:00"), ("14:00", "16:00")] {
            let added = app
                .api(
                    "POST",
                    &w.api(&w.megan, "/lines"),
                    Some(&coordinator),
                    Some(w.line(start, end, &w.sioned)),
                )
                .await;
            assert_eq!(added.status, 201, "{}", added.body);
        }
        let megan = app.browser(w.cast.who("pa")).await;
        let on = format!("?on={}", w.day);
        let page = app
            .get(&format!("{}{on}", w.sheet(&w.megan)), &megan.cookies)
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("09:00") && page.body.contains("To confirm"));
        let first = app
            .api(
                "GET",
                &format!("{}{on}", w.api(&w.megan, "")),
                Some(&app.token(w.cast.who("pa")).await),
                None,
            )
            .await;
        let line = first.json()["lines"][0]["id"].as_str().unwrap().to_owned();
        // A correction without a reason is answered at its field, in
        // English and in Welsh, and saves nothing.
        let correct = format!("{}/correct", w.sheet(&w.megan));
        let mut form = vec![
            ("csrf", megan.csrf.as_str()),
            ("on", w.day.as_str()),
            ("line", line.as_str()),
            ("kind", "day"),
            ("break_minutes", "15"),
            ("reason", ""),
        ];
        let start = format!("{}T09:00", w.day);
        let end = format!("{}T12:30", w.day);
        form.push(("start", &start));
        form.push(("end", &end));
        let refused = app.post_form(&correct, &megan.cookies, &form).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("href=\"#reason\""));
        assert!(refused.body.contains("Say why the figures change"));
        let welsh = app
            .post_form(
                &correct,
                &format!("{}; cylch_lang=cy", megan.cookies),
                &form,
            )
            .await;
        assert_eq!(welsh.status, 422);
        assert!(welsh.body.contains("Dywedwch pam mae"));
        let unchanged = app
            .get(&format!("{}{on}", w.sheet(&w.megan)), &megan.cookies)
            .await;
        assert!(!unchanged.body.contains("12:30"));
        // With a reason it is saved, the first figures kept.
        form.retain(|(k, _)| *k != "reason");
        form.push(("reason", "Stayed for the doctor"));
        let corrected = app.post_form(&correct, &megan.cookies, &form).await;
        assert_eq!(corrected.status, 303, "{}", corrected.body);
        let confirmed = app
            .post_form(
                &format!("{}/confirm", w.sheet(&w.megan)),
                &megan.cookies,
                &[("csrf", &megan.csrf), ("on", &w.day)],
            )
            .await;
        assert_eq!(confirmed.status, 303, "{}", confirmed.body);
        let page = app
            .get(&format!("{}{on}", w.sheet(&w.megan)), &megan.cookies)
            .await;
        assert!(page.body.contains("12:30") && page.body.contains("Before correction"));
        // Sioned approves the time spent with her.
        let sioned = app.browser(w.cast.who("supported")).await;
        let page = app
            .get(&format!("{}{on}", w.sheet(&w.megan)), &sioned.cookies)
            .await;
        assert!(page.body.contains("Approve the time with Sioned"));
        let approved = app
            .post_form(
                &format!("{}/approve", w.sheet(&w.megan)),
                &sioned.cookies,
                &[
                    ("csrf", &sioned.csrf),
                    ("on", &w.day),
                    ("person", &w.sioned),
                ],
            )
            .await;
        assert_eq!(approved.status, 303, "{}", approved.body);
        let page = app
            .get(&format!("{}{on}", w.sheet(&w.megan)), &megan.cookies)
            .await;
        assert!(page.body.contains("Approved and locked"));
        // An approved timesheet cannot be changed, by page or API.
        let before = lines(&app).await;
        let again = app.post_form(&correct, &megan.cookies, &form).await;
        assert_eq!(again.status, 409);
        let api = app
            .api(
                "POST",
                &w.api(&w.megan, "/correct"),
                Some(&app.token(w.cast.who("pa")).await),
                Some(json!({"line": line, "start": start, "end": format!("{}T13:00", w.day), "kind": "day", "reason": "Later"})),
            )
            .await;
        assert_eq!(api.status, 409);
        assert_eq!(api.json()["error"]["code"], "timesheets-locked");
        assert_eq!(lines(&app).await, before);
        // A later correction is an adjustment, approved the same way.
        let adjusted = app
            .api(
                "POST",
                &w.api(&w.megan, "/adjust"),
                Some(&app.token(w.cast.who("pa")).await),
                Some(json!({"line": line, "start": start, "end": format!("{}T13:00", w.day), "kind": "day", "reason": "Later"})),
            )
            .await;
        assert_eq!(adjusted.status, 201, "{}", adjusted.body);
        let sheet = app
            .api(
                "GET",
                &format!("{}{on}", w.api(&w.megan, "")),
                Some(&app.token(w.cast.who("supported")).await),
                None,
            )
            .await;
        assert_eq!(sheet.json()["state"], "to-approve");
    }
);

on_both!(
    bad_lines_are_answered_at_their_fields_and_nothing_is_saved,
    |app| {
        let w = world(&app).await;
        let megan = app.browser(w.cast.who("pa")).await;
        let path = format!("{}/lines", w.sheet(&w.megan));
        let tomorrow = app.days_from_today(1).to_string();
        let cases: Vec<Case> = vec![
            (
                vec![("start", String::new())],
                "start",
                "Enter when the time started",
                "Rhowch pryd y dechreuodd",
            ),
            (
                vec![("start", format!("{}T17:00", w.day))],
                "end",
                "The end must be after the start",
                "Rhaid i'r diwedd fod ar ôl",
            ),
            (
                vec![("break_minutes", "600".into())],
                "break_minutes",
                "The break cannot be longer",
                "Ni all yr egwyl",
            ),
            (
                vec![("break_minutes", "lots".into())],
                "break_minutes",
                "Enter whole minutes",
                "Rhowch funudau cyfan",
            ),
            (
                vec![
                    ("start", format!("{tomorrow}T09:00")),
                    ("end", format!("{tomorrow}T10:00")),
                ],
                "end",
                "must not be in the future",
                "rhaid i'r diwedd beidio",
            ),
            (
                vec![("people", String::new())],
                "people",
                "Choose whom the time was for",
                "Dewiswch ar gyfer pwy",
            ),
            (
                vec![("people", w.tomos.clone())],
                "people",
                "Choose someone this PA works with",
                "Dewiswch rywun",
            ),
            (
                vec![("kind", "nap".into())],
                "kind",
                "Choose the kind of time",
                "Dewiswch y math",
            ),
        ];
        for (changes, field, english, welsh) in cases {
            let mut form: Vec<(&str, String)> = vec![
                ("csrf", megan.csrf.clone()),
                ("on", w.day.clone()),
                ("start", format!("{}T09:00", w.day)),
                ("end", format!("{}T12:00", w.day)),
                ("break_minutes", "0".into()),
                ("kind", "day".into()),
                ("people", w.sioned.clone()),
            ];
            for (k, v) in &changes {
                form.retain(|(key, _)| key != k);
                if !v.is_empty() || *k != "people" {
                    form.push((k, v.clone()));
                }
            }
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            for (cookies, words) in [
                (megan.cookies.clone(), english),
                (format!("{}; cylch_lang=cy", megan.cookies), welsh),
            ] {
                let reply = app.post_form(&path, &cookies, &pairs).await;
                assert_eq!(reply.status, 422, "{field}: {}", reply.body);
                let body = reply.body.replace("&#39;", "'").replace("&#x27;", "'");
                assert!(body.contains(&format!("href=\"#{field}\"")), "{field}");
                assert!(body.contains(words), "{field}: {words}");
            }
            let api = app
            .api(
                "POST",
                &w.api(&w.megan, "/lines"),
                Some(&app.token(w.cast.who("pa")).await),
                Some(json!({
                    "start": form.iter().find(|(k, _)| *k == "start").map(|(_, v)| v.clone()).unwrap_or_default(),
                    "end": form.iter().find(|(k, _)| *k == "end").map(|(_, v)| v.clone()).unwrap_or_default(),
                    "break_minutes": form.iter().find(|(k, _)| *k == "break_minutes").map(|(_, v)| v.clone()).unwrap_or_default(),
                    "kind": form.iter().find(|(k, _)| *k == "kind").map(|(_, v)| v.clone()).unwrap_or_default(),
                    "people": form.iter().filter(|(k, _)| *k == "people").map(|(_, v)| v.clone()).collect::<Vec<_>>(),
                })),
            )
            .await;
            assert_eq!(api.status, 422, "{field}: {}", api.body);
            assert!(
                api.body.contains(&format!("\"field\":\"{field}\"")),
                "{field}: {}",
                api.body
            );
        }
        assert_eq!(lines(&app).await, 0);
        assert_eq!(
            cylch_store::testing::count_raw(&app.store, "SELECT COUNT(*) FROM timesheets").await,
            0
        );
    }
);

on_both!(nobody_approves_their_own_time_even_with_an_office, |app| {
    let w = world(&app).await;
    // The chair worked with Tomos: she may not approve her own time, even
    // holding office; Tomos's representative (the secretary) does.
    let added = app
        .api(
            "POST",
            &w.api(&w.cadeirydd, "/lines"),
            Some(&w.chair),
            Some(w.line("10:00", "11:00", &w.tomos)),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.body);
    let body = json!({"on": w.day, "person": w.tomos});
    let own = app
        .api(
            "POST",
            &w.api(&w.cadeirydd, "/approve"),
            Some(&w.chair),
            Some(body.clone()),
        )
        .await;
    assert_eq!(own.status, 403, "{}", own.body);
    assert_eq!(own.json()["error"]["code"], "timesheets-own-time");
    let coordinator = app.token(w.cast.who("coordinator")).await;
    let not_theirs = app
        .api(
            "POST",
            &w.api(&w.cadeirydd, "/approve"),
            Some(&coordinator),
            Some(body.clone()),
        )
        .await;
    assert_eq!(not_theirs.status, 403, "{}", not_theirs.body);
    let secretary = app.token(w.cast.who("secretary")).await;
    let ok = app
        .api(
            "POST",
            &w.api(&w.cadeirydd, "/approve"),
            Some(&secretary),
            Some(body.clone()),
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    // A second approval finds nothing left, and changes nothing.
    let again = app
        .api(
            "POST",
            &w.api(&w.cadeirydd, "/approve"),
            Some(&secretary),
            Some(body),
        )
        .await;
    assert_eq!(again.status, 422, "{}", again.body);
});

on_both!(nobody_sees_anyone_elses_time, |app| {
    let w = world(&app).await;
    // Megan's time with Sioned starts at 09:05; Huw's with Tomos at 07:15.
    let megan_token = app.token(w.cast.who("pa")).await;
    let huw_token = app.token(w.cast.who("family")).await;
    let m = app
        .api(
            "POST",
            &w.api(&w.megan, "/lines"),
            Some(&megan_token),
            Some(w.line("09:05", "11:05", &w.sioned)),
        )
        .await;
    assert_eq!(m.status, 201, "{}", m.body);
    let h = app
        .api(
            "POST",
            &w.api(&w.huw, "/lines"),
            Some(&huw_token),
            Some(w.line("07:15", "08:45", &w.tomos)),
        )
        .await;
    assert_eq!(h.status, 201, "{}", h.body);
    let on = format!("?on={}", w.day);
    // Megan, Sioned and her representative: every page and answer they can
    // reach says nothing of Huw's time with Tomos.
    for role in ["pa", "supported", "representative"] {
        let browser = app.browser(w.cast.who(role)).await;
        let token = app.token(w.cast.who(role)).await;
        let list = app
            .get(
                &format!("/coops/{}/timesheets", w.cast.coop_a.id),
                &browser.cookies,
            )
            .await;
        assert_eq!(list.status, 200);
        let mut reached = vec![list.body.clone()];
        for link in list
            .body
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            if link.contains("/timesheets/") {
                reached.push(
                    app.get(&link.replace("&amp;", "&"), &browser.cookies)
                        .await
                        .body,
                );
            }
        }
        reached.push(
            app.get(&format!("{}{on}", w.sheet(&w.megan)), &browser.cookies)
                .await
                .body,
        );
        let other = app
            .get(&format!("{}{on}", w.sheet(&w.huw)), &browser.cookies)
            .await;
        assert_eq!(other.status, 404, "{role} reached Huw's timesheet");
        reached.push(other.body);
        reached.push(
            app.api(
                "GET",
                &format!("/api/v1/coops/{}/timesheets", w.cast.coop_a.id),
                Some(&token),
                None,
            )
            .await
            .body,
        );
        reached.push(
            app.api(
                "GET",
                &format!("{}{on}", w.api(&w.megan, "")),
                Some(&token),
                None,
            )
            .await
            .body,
        );
        let other = app
            .api(
                "GET",
                &format!("{}{on}", w.api(&w.huw, "")),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(
            other.status, 404,
            "{role} reached Huw's timesheet by the API"
        );
        reached.push(other.body);
        for body in &reached {
            for secret in ["07:15", "08:45", "Tomos", "Huw Evans"] {
                assert!(!body.contains(secret), "{role} saw {secret}");
            }
        }
        assert!(
            reached.iter().any(|b| b.contains("09:05")),
            "{role} sees Megan's time with Sioned"
        );
    }
    // Huw sees his own, never Megan's.
    let huw = app.browser(w.cast.who("family")).await;
    let own = app
        .get(&format!("{}{on}", w.sheet(&w.huw)), &huw.cookies)
        .await;
    assert!(own.body.contains("07:15"));
    let other = app
        .get(&format!("{}{on}", w.sheet(&w.megan)), &huw.cookies)
        .await;
    assert_eq!(other.status, 404);
    assert!(!other.body.contains("09:05"));
});
