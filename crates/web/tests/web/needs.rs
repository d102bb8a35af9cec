//! Needs and availability over HTTP, on SQLite and PostgreSQL: the person
//! enters a routine through the page and the API answers it back; a PA
//! enters their own availability; problems come back at their fields in
//! the viewer's language; the instance in the roster format is the
//! officers' only; and the seeds the permission tables use.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde_json::json;

use crate::employment::{pa_in, seed_pas};
use crate::on_both;
use crate::support::{Cast, TestApp, cast};

/// Per co-operative: the person, a routine, a need exception, a slot and
/// an availability exception, seeded for the permission tables.
static SEEDED: Mutex<BTreeMap<String, BTreeMap<&'static str, String>>> =
    Mutex::new(BTreeMap::new());

/// Fills the needs and availability placeholders of a route.
pub fn fill(path: &str, coop: &str) -> String {
    let seeded = SEEDED.lock().unwrap();
    let mut out = path.to_owned();
    for key in [
        "supported",
        "routine",
        "need_exception",
        "slot",
        "pa_exception",
    ] {
        let value = seeded
            .get(coop)
            .and_then(|m| m.get(key))
            .cloned()
            .unwrap_or_else(|| "0".repeat(32));
        out = out.replace(&format!("{{{key}}}"), &value);
    }
    out
}

/// In each co-operative, a routine and an extra call for its first
/// supported person, and weekly hours and a day off for its seeded PA.
/// Needs seed_pas and rota::seed_shifts (which adds B's person).
pub async fn seed_needs(app: &TestApp, cast: &Cast) {
    for (coop, officer) in [(&cast.coop_a, "chair"), (&cast.coop_b, "outsider")] {
        let token = app.token(cast.who(officer)).await;
        let coop = coop.id.to_string();
        let listed = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/support"),
                Some(&token),
                None,
            )
            .await;
        let person = listed.json()[0]["id"].as_str().unwrap().to_owned();
        let base = format!("/api/v1/coops/{coop}/rota/needs/{person}");
        let added = app
            .api(
                "POST",
                &format!("{base}/routines"),
                Some(&token),
                Some(
                    json!({"call": "morning", "weekdays": ["1", "2", "3", "4", "5"],
                    "start": "07:30", "end": "09:30"}),
                ),
            )
            .await;
        assert_eq!(added.status, 201, "{}", added.body);
        let routine = added.json()["routines"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let extra = app
            .api(
                "POST",
                &format!("{base}/exceptions"),
                Some(&token),
                Some(
                    json!({"kind": "extra", "date": app.days_from_today(9).to_string(),
                    "call": "community", "start": "13:00", "end": "16:00"}),
                ),
            )
            .await;
        assert_eq!(extra.status, 201, "{}", extra.body);
        let need_exception = extra.json()["exceptions"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let pa = pa_in(&coop);
        let pa_base = format!("/api/v1/coops/{coop}/rota/availability/{pa}");
        let slot = app
            .api(
                "POST",
                &format!("{pa_base}/slots"),
                Some(&token),
                Some(json!({"weekdays": ["1", "2", "3", "4", "5"], "start": "07:00", "end": "15:00"})),
            )
            .await;
        assert_eq!(slot.status, 201, "{}", slot.body);
        let slot_id = slot.json()["slots"][0]["id"].as_str().unwrap().to_owned();
        let off = app
            .api(
                "POST",
                &format!("{pa_base}/exceptions"),
                Some(&token),
                Some(json!({"kind": "unavailable", "date": app.days_from_today(8).to_string()})),
            )
            .await;
        assert_eq!(off.status, 201, "{}", off.body);
        let pa_exception = off.json()["exceptions"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        SEEDED.lock().unwrap().insert(
            coop,
            BTreeMap::from([
                ("supported", person),
                ("routine", routine),
                ("need_exception", need_exception),
                ("slot", slot_id),
                ("pa_exception", pa_exception),
            ]),
        );
    }
}

on_both!(
    a_person_enters_a_routine_and_a_pa_their_availability,
    |app| {
        let cast = cast(&app).await;
        seed_pas(&app, &cast).await;
        let coop = cast.coop_a.id.to_string();
        let sioned = app.browser(cast.who("supported")).await;
        let people = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/support"),
                Some(&app.token(cast.who("chair")).await),
                None,
            )
            .await;
        let person = people.json()[0]["id"].as_str().unwrap().to_owned();
        let page = format!("/coops/{coop}/rota/needs/{person}");
        // The form sent with a time that is no time, in Welsh too.
        let bad = app
            .post_form(
                &format!("{page}/routines"),
                &sioned.cookies,
                &[("csrf", &sioned.csrf), ("call", "bed"), ("start", "25:00")],
            )
            .await;
        assert_eq!(bad.status, 422);
        assert!(
            bad.body.contains("Enter the time as hours and minutes"),
            "{}",
            bad.body
        );
        assert!(bad.body.contains("Choose the days of the week"));
        let added = app
            .post_form(
                &format!("{page}/routines"),
                &sioned.cookies,
                &[
                    ("csrf", &sioned.csrf),
                    ("call", "bed"),
                    ("weekdays", "6"),
                    ("weekdays", "7"),
                    ("start", "21:00"),
                    ("end", "22:00"),
                    ("pas_required", "2"),
                    ("skills", "hoist"),
                ],
            )
            .await;
        assert_eq!(added.status, 303, "{}", added.body);
        let shown = app.get(&page, &sioned.cookies).await;
        assert!(shown.body.contains("21:00–22:00"), "{}", shown.body);
        let token = app.token(cast.who("representative")).await;
        let read = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/rota/needs/{person}"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(read.status, 200);
        assert_eq!(read.json()["routines"][0]["weekdays"], json!([6, 7]));
        assert_eq!(read.json()["routines"][0]["skills"], json!(["hoist"]));
        // A PA sees nothing of a person's needs.
        let pa_token = app.token(cast.who("pa")).await;
        let refused = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/rota/needs/{person}"),
                Some(&pa_token),
                None,
            )
            .await;
        assert_eq!(refused.status, 403);
        // The PA enters their own availability.
        let megan = pa_in(&coop);
        let pa = app.browser(cast.who("pa")).await;
        let slot = app
            .post_form(
                &format!("/coops/{coop}/rota/availability/{megan}/slots"),
                &pa.cookies,
                &[
                    ("csrf", &pa.csrf),
                    ("weekdays", "1"),
                    ("start", "22:00"),
                    ("end", "08:00"),
                ],
            )
            .await;
        assert_eq!(slot.status, 303, "{}", slot.body);
        let mine = app
            .get(
                &format!("/coops/{coop}/rota/availability/{megan}"),
                &pa.cookies,
            )
            .await;
        assert!(mine.body.contains("22:00–08:00"), "{}", mine.body);
        assert!(mine.body.contains("30 hours a week"), "{}", mine.body);
        // The instance is the officers' only; its days must make sense.
        let chair = app.token(cast.who("coordinator")).await;
        let from = app.days_from_today(1);
        let to = app.days_from_today(14);
        let instance = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/rota/instance?from={from}&to={to}"),
                Some(&chair),
                None,
            )
            .await;
        assert_eq!(instance.status, 200, "{}", instance.body);
        let body = instance.json();
        assert_eq!(body["horizon"]["days"], json!(14));
        assert_eq!(body["timezone"], json!("Europe/London"));
        assert_eq!(body["needs"].as_array().unwrap().len(), 4);
        assert!(
            body["needs"][0]["skills"]
                .as_array()
                .unwrap()
                .contains(&json!("hoist"))
        );
        let backwards = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/rota/instance?from={to}&to={from}"),
                Some(&chair),
                None,
            )
            .await;
        assert_eq!(backwards.status, 400);
        let not_theirs = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/rota/instance?from={from}&to={to}"),
                Some(&pa_token),
                None,
            )
            .await;
        assert_eq!(not_theirs.status, 403);
    }
);
