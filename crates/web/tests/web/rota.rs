//! The rota over HTTP, on SQLite and PostgreSQL: a PA with checks missing
//! is refused on a shift with every reason, in the viewer's language, at
//! the PA's field, page and API alike; bad input is answered at its fields
//! and saves nothing; a fit PA is put on a shift and the people tied to it
//! see it while nobody else does; Cylch takes a PA off shifts to come when
//! a check fails and tells the coordinator.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde_json::json;

use crate::employment::{pa_in, record_checks, seed_pas};
use crate::on_both;
use crate::support::{Cast, TestApp, cast};

static SEEDED: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());

/// The seeded shift of a co-operative, for the permission tables.
pub fn shift_in(coop: &str) -> String {
    SEEDED
        .lock()
        .unwrap()
        .get(coop)
        .cloned()
        .unwrap_or_else(|| "0".repeat(32))
}

/// The first person a co-operative supports, as its officer sees them.
async fn supported_in(app: &TestApp, coop: &str, token: &str) -> Option<String> {
    let listed = app
        .api(
            "GET",
            &format!("/api/v1/coops/{coop}/support"),
            Some(token),
            None,
        )
        .await;
    listed.json().as_array()?.first()?["id"]
        .as_str()
        .map(str::to_owned)
}

/// A shift without a PA in each co-operative, a week from today: in A for
/// the person seed_pas added, in B for a person added here. Needs seed_pas.
pub async fn seed_shifts(app: &TestApp, cast: &Cast) {
    for (coop, officer) in [(&cast.coop_a, "chair"), (&cast.coop_b, "outsider")] {
        let token = app.token(cast.who(officer)).await;
        let coop = coop.id.to_string();
        let person = match supported_in(app, &coop, &token).await {
            Some(person) => person,
            None => {
                let added = app
                    .api(
                        "POST",
                        &format!("/api/v1/coops/{coop}/support"),
                        Some(&token),
                        Some(json!({
                            "name": "Tomos",
                            "represented_by": cast.who(officer).id.to_string(),
                            "starts_on": app.days_from_today(-30).to_string(),
                        })),
                    )
                    .await;
                assert_eq!(added.status, 201, "{}", added.body);
                added.json()["id"].as_str().unwrap().to_owned()
            }
        };
        let added = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/rota"),
                Some(&token),
                Some(json!({
                    "date": app.days_from_today(7).to_string(),
                    "start": "07:30", "end": "09:30", "kind": "day",
                    "people": [person],
                })),
            )
            .await;
        assert_eq!(added.status, 201, "{}", added.body);
        let id = added.json()["shift"]["id"].as_str().unwrap().to_owned();
        SEEDED.lock().unwrap().insert(coop, id);
    }
}

async fn count_shifts(app: &TestApp) -> i64 {
    cylch_store::testing::count_raw(&app.store, "SELECT COUNT(*) FROM shifts").await
}

/// The form for a shift a week from today for `person`, with `pa`.
fn shift_form(app: &TestApp, csrf: &str, person: &str, pa: &str) -> Vec<(String, String)> {
    vec![
        ("csrf".into(), csrf.into()),
        ("date".into(), app.days_from_today(7).to_string()),
        ("start".into(), "07:30".into()),
        ("end".into(), "09:30".into()),
        ("kind".into(), "day".into()),
        ("people".into(), person.into()),
        ("pa".into(), pa.into()),
    ]
}

async fn post(
    app: &TestApp,
    path: &str,
    cookies: &str,
    fields: &[(String, String)],
) -> crate::support::Reply {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(path, cookies, &pairs).await
}

fn words(body: &str) -> String {
    body.replace("&#39;", "'").replace("&#x27;", "'")
}

on_both!(
    a_pa_with_checks_missing_is_refused_with_every_reason,
    |app| {
        let cast = cast(&app).await;
        seed_pas(&app, &cast).await;
        let coop = cast.coop_a.id.to_string();
        let pa = pa_in(&coop);
        let token = app.token(cast.who("coordinator")).await;
        let person = supported_in(&app, &coop, &token).await.unwrap();
        let coordinator = app.browser(cast.who("coordinator")).await;
        let form = shift_form(&app, &coordinator.csrf, &person, &pa);
        let refused = post(
            &app,
            &format!("/coops/{coop}/rota"),
            &coordinator.cookies,
            &form,
        )
        .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        let body = words(&refused.body);
        assert!(
            body.contains("Megan Jones cannot work this shift"),
            "{body}"
        );
        assert!(body.contains("No right-to-work check is on file."));
        assert!(body.contains("No enhanced DBS check is on file."));
        assert!(body.contains("The PA has not yet acknowledged a written statement."));
        // The summary links to the PA's field, which says why.
        assert!(body.contains("href=\"#pa\""));
        assert!(body.contains("aria-describedby=\"pa-hint pa-unfit\""));
        // What was typed is kept.
        assert!(body.contains(&format!("value=\"{pa}\" selected")));
        // In Welsh for a Welsh reader.
        let welsh = post(
            &app,
            &format!("/coops/{coop}/rota"),
            &format!("{}; cylch_lang=cy", coordinator.cookies),
            &form,
        )
        .await;
        assert_eq!(welsh.status, 422);
        let welsh = words(&welsh.body);
        assert!(
            welsh.contains("All Megan Jones ddim gweithio'r shifft hon"),
            "{welsh}"
        );
        assert!(welsh.contains("lang=\"cy\""));
        // The API says the same, with each reason's code at the PA's field.
        let api = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/rota"),
                Some(&token),
                Some(json!({
                    "date": app.days_from_today(7).to_string(),
                    "start": "07:30", "end": "09:30",
                    "people": [person], "pa": pa,
                })),
            )
            .await;
        assert_eq!(api.status, 422, "{}", api.body);
        let error = &api.json()["error"];
        assert_eq!(error["code"], "rota-pa-unfit");
        let codes: Vec<&str> = error["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                assert_eq!(f["field"], "pa");
                f["code"].as_str().unwrap()
            })
            .collect();
        assert!(codes.contains(&"dbs-missing"), "{codes:?}");
        assert!(codes.contains(&"written-statement-missing"), "{codes:?}");
        // Nothing was saved.
        assert_eq!(count_shifts(&app).await, 0);
    }
);

on_both!(
    bad_input_is_answered_at_its_fields_and_saves_nothing,
    |app| {
        let cast = cast(&app).await;
        seed_pas(&app, &cast).await;
        let coop = cast.coop_a.id.to_string();
        let chair = app.browser(cast.who("chair")).await;
        let fields: Vec<(String, String)> = vec![
            ("csrf".into(), chair.csrf.clone()),
            ("date".into(), "31/02/2026".into()),
            ("start".into(), "25:00".into()),
            ("end".into(), String::new()),
            ("kind".into(), "overtime".into()),
            ("break_minutes".into(), "-5".into()),
            ("pa".into(), "not-an-id".into()),
        ];
        let reply = post(
            &app,
            &format!("/coops/{coop}/rota"),
            &chair.cookies,
            &fields,
        )
        .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let body = words(&reply.body);
        for (field, words) in [
            ("date", "Enter a real date"),
            ("start", "Enter the time as hours and minutes, like 07:30"),
            ("end", "Enter the time"),
            ("kind", "Choose the kind of shift"),
            (
                "break_minutes",
                "Enter the break as whole minutes, from 0 to 1440",
            ),
            ("people", "Choose who the shift is for"),
            ("pa", "Choose a PA"),
        ] {
            assert!(
                body.contains(&format!("href=\"#{field}\"")),
                "{field}: {body}"
            );
            assert!(body.contains(words), "{field}: {words}");
        }
        // The spring gap, and a shift longer than three days, in Welsh.
        let person = supported_in(&app, &coop, &app.token(cast.who("chair")).await)
            .await
            .unwrap();
        let mut gap = shift_form(&app, &chair.csrf, &person, "");
        gap[1].1 = "2027-03-28".into();
        gap[2].1 = "01:30".into();
        let reply = post(
            &app,
            &format!("/coops/{coop}/rota"),
            &format!("{}; cylch_lang=cy", chair.cookies),
            &gap,
        )
        .await;
        assert_eq!(reply.status, 422);
        assert!(
            words(&reply.body).contains("mae'r clociau'n mynd ymlaen awr"),
            "{}",
            reply.body
        );
        // The API answers problems at the same fields.
        let api = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/rota"),
                Some(&app.token(cast.who("chair")).await),
                Some(json!({"date": "", "start": "9", "end": "10:00", "people": []})),
            )
            .await;
        assert_eq!(api.status, 422);
        let fields: Vec<String> = api.json()["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(fields, vec!["date", "start", "people"]);
        assert_eq!(count_shifts(&app).await, 0);
    }
);

on_both!(
    a_fit_pa_is_put_on_a_shift_and_only_those_tied_to_it_see_it,
    |app| {
        let cast = cast(&app).await;
        seed_pas(&app, &cast).await;
        let coop = cast.coop_a.id.to_string();
        let pa = pa_in(&coop);
        record_checks(&app, &cast, &pa, &app.days_from_today(-38).to_string()).await;
        let megan = app.browser(cast.who("pa")).await;
        let signed = post(
            &app,
            &format!("/coops/{coop}/employment/{pa}/statements/acknowledge"),
            &megan.cookies,
            &[
                ("csrf".into(), megan.csrf.clone()),
                ("version".into(), "1".into()),
            ],
        )
        .await;
        assert_eq!(signed.status, 303, "{}", signed.body);
        seed_shifts(&app, &cast).await;
        let shift = shift_in(&coop);
        let coordinator = app.browser(cast.who("coordinator")).await;
        // The shift's page shows Megan can work it, before anyone chooses.
        let page = app
            .get(&format!("/coops/{coop}/rota/{shift}"), &coordinator.cookies)
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Can work this shift."), "{}", page.body);
        let assigned = post(
            &app,
            &format!("/coops/{coop}/rota/{shift}/assign"),
            &coordinator.cookies,
            &[
                ("csrf".into(), coordinator.csrf.clone()),
                ("pa".into(), pa.clone()),
            ],
        )
        .await;
        assert_eq!(assigned.status, 303, "{}", assigned.body);
        let week = format!("/coops/{coop}/rota?from={}", app.days_from_today(7));
        for (role, sees) in [
            ("pa", true),
            ("supported", true),
            ("representative", true),
            ("coordinator", true),
            ("family", false),
            ("supporter", false),
        ] {
            let browser = app.browser(cast.who(role)).await;
            let page = app.get(&week, &browser.cookies).await;
            assert_eq!(page.status, 200, "{role}");
            assert_eq!(page.body.contains("Megan Jones"), sees, "{role}");
            let one = app
                .get(&format!("/coops/{coop}/rota/{shift}"), &browser.cookies)
                .await;
            assert_eq!(one.status, if sees { 200 } else { 404 }, "{role}");
        }
        // Another co-operative's officer learns nothing of it.
        let outsider = app.token(cast.who("outsider")).await;
        let api = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/rota/{shift}"),
                Some(&outsider),
                None,
            )
            .await;
        assert_eq!(api.status, 404);
        // The PA reads it through the API too.
        let mine = app
            .api(
                "GET",
                &format!(
                    "/api/v1/coops/{coop}/rota?from={}&days=14",
                    app.days_from_today(0)
                ),
                Some(&app.token(cast.who("pa")).await),
                None,
            )
            .await;
        assert_eq!(mine.status, 200);
        assert_eq!(mine.json()[0]["pa"]["name"], "Megan Jones");
        // A window too long is a bad request, not a long read.
        let long = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/rota?days=400"),
                Some(&app.token(cast.who("pa")).await),
                None,
            )
            .await;
        assert_eq!(long.status, 400);
    }
);

on_both!(
    a_failed_check_takes_the_pa_off_and_the_coordinator_is_told,
    |app| {
        let cast = cast(&app).await;
        seed_pas(&app, &cast).await;
        let coop = cast.coop_a.id.to_string();
        let pa = pa_in(&coop);
        record_checks(&app, &cast, &pa, &app.days_from_today(-38).to_string()).await;
        let megan = app.browser(cast.who("pa")).await;
        post(
            &app,
            &format!("/coops/{coop}/employment/{pa}/statements/acknowledge"),
            &megan.cookies,
            &[
                ("csrf".into(), megan.csrf.clone()),
                ("version".into(), "1".into()),
            ],
        )
        .await;
        seed_shifts(&app, &cast).await;
        let shift = shift_in(&coop);
        let token = app.token(cast.who("coordinator")).await;
        let assigned = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/rota/{shift}/assign"),
                Some(&token),
                Some(json!({"pa": pa})),
            )
            .await;
        assert_eq!(assigned.status, 200, "{}", assigned.body);
        // The Update Service shows new information.
        let chair = app.browser(cast.who("chair")).await;
        let recorded = app
            .post_form(
                &format!("/coops/{coop}/employment/{pa}/dbs"),
                &chair.cookies,
                &[
                    ("csrf", chair.csrf.as_str()),
                    ("dbs_certificate", "001234567890"),
                    ("dbs_issued", &app.days_from_today(-38).to_string()),
                    ("dbs_barred_list", "yes"),
                    ("dbs_status_checked_on", &app.days_from_today(0).to_string()),
                    ("dbs_status_outcome", "new_information"),
                ],
            )
            .await;
        assert_eq!(recorded.status, 303, "{}", recorded.body);
        let before = app.emails();
        let taken = cylch_web::take_unfit_off_shifts(&app.state).await.unwrap();
        assert_eq!(taken, 1);
        // The coordinator is told, by email, in their language.
        assert_eq!(app.emails(), before + 1);
        let email = app.last_email();
        assert!(email.contains("coordinator@cylch.test"), "{email}");
        assert!(email.contains("Megan Jones is off the shift"), "{email}");
        assert!(email.contains("a new certificate is needed"), "{email}");
        // The rota says why the shift needs a PA.
        let coordinator = app.browser(cast.who("coordinator")).await;
        let page = app
            .get(&format!("/coops/{coop}/rota/{shift}"), &coordinator.cookies)
            .await;
        let body = words(&page.body);
        assert!(body.contains("Needs a PA"));
        assert!(
            body.contains("Cylch took Megan Jones off this shift"),
            "{body}"
        );
        // Putting her back is refused with the reason.
        let again = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/rota/{shift}/assign"),
                Some(&token),
                Some(json!({"pa": pa})),
            )
            .await;
        assert_eq!(again.status, 422);
        assert!(again.body.contains("dbs-new-information"), "{}", again.body);
        // A second sweep finds nothing more to do.
        assert_eq!(
            cylch_web::take_unfit_off_shifts(&app.state).await.unwrap(),
            0
        );
    }
);
