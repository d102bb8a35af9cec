//! Employing PAs through the pages and the API, on SQLite and PostgreSQL:
//! bad input answered at its fields in the person's language with nothing
//! saved; an officer hires and records the checks; whose record each
//! person sees; no NI number reaches anyone not entitled to it; rule 12's
//! checks on the page; rule 10 on paying a relative; the written statement
//! as a tagged PDF.

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::body::Body;
use axum::http::{Request, header};
use cylch_store::accounts::Account;
use http_body_util::BodyExt;
use serde_json::json;
use tower::ServiceExt;

use crate::on_both;
use crate::support::{Cast, TestApp, cast};

/// The test NI numbers, as stored and as typed.
const MEGAN_NI: &str = "AB 12 34 56 C";
const HUW_NI: &str = "JZ 98 76 54 D";
const NI_FORMS: &[&str] = &["AB123456C", "AB 12 34 56 C", "JZ987654D", "JZ 98 76 54 D"];

/// The seeded PA of each co-operative, by co-operative id.
static SEEDED: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());

/// The seeded PA's employment in a co-operative, for the permission tables.
pub fn pa_in(coop: &str) -> String {
    SEEDED
        .lock()
        .unwrap()
        .get(coop)
        .cloned()
        .unwrap_or_else(|| "0".repeat(32))
}

fn hire_body(app: &TestApp, name: &str, ni: &str, account: Option<&Account>) -> serde_json::Value {
    json!({
        "name": name,
        "account": account.map(|a| a.id.to_string()).unwrap_or_default(),
        "born": "1990-03-14",
        "ni_number": ni,
        "address": "2 Heol y Bont, Aberystwyth",
        "start": app.days_from_today(-30).to_string(),
        "job_title": "Personal Assistant",
        "duties": "Personal care and getting out and about",
        "place_of_work": "The supported person's home",
        "hours": "fixed",
        "weekly_hours": "30",
        "days_per_week": "4",
        "rate_day": "13.60",
        "sleep_in": "80",
        "pay_frequency": "monthly",
        "starter": "B",
        "notice_employer": "1",
        "notice_worker": "1",
        "welsh_speaker": true,
    })
}

fn office_holder<'a>(cast: &'a Cast, role: &str) -> &'a Account {
    cast.who(role)
}

/// Hires a PA in each co-operative (in A, the "pa" member, working with the
/// "supported" member, whom the "representative" acts for) and issues a
/// statement, so that every route has a real record to answer about.
pub async fn seed_pas(app: &TestApp, cast: &Cast) {
    for (coop, employer, name, ni, account) in [
        (
            &cast.coop_a,
            office_holder(cast, "chair"),
            "Megan Jones",
            MEGAN_NI,
            Some(cast.who("pa")),
        ),
        (
            &cast.coop_b,
            office_holder(cast, "outsider"),
            "Huw Evans",
            HUW_NI,
            None,
        ),
    ] {
        let token = app.token(employer).await;
        let hired = app
            .api(
                "POST",
                &format!("/api/v1/coops/{}/employment", coop.id),
                Some(&token),
                Some(hire_body(app, name, ni, account)),
            )
            .await;
        assert_eq!(hired.status, 201, "{}", hired.body);
        let pa = hired.json()["id"].as_str().unwrap().to_owned();
        let issued = app
            .api(
                "POST",
                &format!("/api/v1/coops/{}/employment/{pa}/statements", coop.id),
                Some(&token),
                Some(json!({"employer_address": "1 Stryd Fawr", "statement_language": "cy"})),
            )
            .await;
        assert_eq!(issued.status, 201, "{}", issued.body);
        if coop.id == cast.coop_a.id {
            let person = support_person(app, cast, &token).await;
            let linked = app
                .api(
                    "POST",
                    &format!("/api/v1/coops/{}/employment/{pa}/people", coop.id),
                    Some(&token),
                    Some(json!({"person": person, "needs_medication": false})),
                )
                .await;
            assert_eq!(linked.status, 204, "{}", linked.body);
        }
        SEEDED.lock().unwrap().insert(coop.id.to_string(), pa);
    }
}

/// Adds the "supported" member of co-operative A as a person supported,
/// represented by the "representative" member; their id. A member holds
/// one place at a time, so a second seeding finds the place already given.
async fn support_person(app: &TestApp, cast: &Cast, token: &str) -> String {
    let path = format!("/api/v1/coops/{}/support", cast.coop_a.id);
    let listed = app.api("GET", &path, Some(token), None).await;
    let member = cast.who("supported").id.to_string();
    if let Some(place) = listed
        .json()
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["member_account"] == member.as_str() && p["ends_on"].is_null())
    {
        return place["id"].as_str().unwrap().to_owned();
    }
    let added = app
        .api(
            "POST",
            &format!("/api/v1/coops/{}/support", cast.coop_a.id),
            Some(token),
            Some(json!({
                "name": "Sioned",
                "member_account": cast.who("supported").id.to_string(),
                "represented_by": cast.who("representative").id.to_string(),
                "starts_on": app.days_from_today(-60).to_string(),
            })),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.body);
    added.json()["id"].as_str().unwrap().to_owned()
}

/// A page's text with the apostrophes the templates escape put back.
fn words(body: &str) -> String {
    body.replace("&#39;", "'").replace("&#x27;", "'")
}

/// A file as a browser downloads it: the status and the bytes.
async fn download(app: &TestApp, path: &str, cookies: &str) -> (u16, Vec<u8>) {
    let request = Request::get(path)
        .header(header::COOKIE, cookies)
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, bytes.to_vec())
}

/// The hire form filled in well, as a browser sends it.
fn good_form(app: &TestApp, csrf: &str) -> Vec<(String, String)> {
    let body = hire_body(app, "Gwen Morgan", "CE 11 22 33 A", None);
    let mut fields: Vec<(String, String)> = body
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_owned())))
        .collect();
    fields.push(("csrf".into(), csrf.into()));
    fields
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

fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.retain(|(k, _)| k != name);
    fields.push((name.into(), value.into()));
}

async fn count_employments(app: &TestApp) -> i64 {
    cylch_store::testing::count_raw(&app.store, "SELECT COUNT(*) FROM employments").await
}

on_both!(
    bad_input_is_answered_at_its_fields_and_nothing_is_saved,
    |app| {
        let cast = cast(&app).await;
        let chair = app.browser(cast.who("chair")).await;
        let path = format!("/coops/{}/employment", cast.coop_a.id);
        let mut fields = good_form(&app, &chair.csrf);
        set(&mut fields, "ni_number", "QQ 12 34 56 A");
        set(&mut fields, "born", &app.days_from_today(30).to_string());
        set(&mut fields, "rate_day", "-1");
        set(&mut fields, "p45_tax_code", "");
        let before = count_employments(&app).await;
        let reply = post(&app, &path, &chair.cookies, &fields).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        for (id, words) in [
            ("ni_number", "The first two letters are not ones HMRC uses"),
            ("born", "The date cannot be in the future"),
            ("rate_day", "Enter an amount that is not negative"),
        ] {
            assert!(reply.body.contains(&format!("id=\"{id}-error\"")), "{id}");
            assert!(reply.body.contains(words), "{words}");
            assert!(
                reply.body.contains(&format!("href=\"#{id}\"")),
                "summary links {id}"
            );
        }
        // What was typed is shown again.
        assert!(reply.body.contains("value=\"Gwen Morgan\""));
        // In Welsh for a Welsh reader.
        let welsh = post(
            &app,
            &path,
            &format!("{}; cylch_lang=cy", chair.cookies),
            &fields,
        )
        .await;
        assert_eq!(welsh.status, 422);
        assert!(welsh.body.contains("lang=\"cy\""));
        assert!(welsh.body.contains("Ni all y dyddiad fod yn y dyfodol"));
        assert!(words(&welsh.body).contains("Rhowch swm nad yw'n negyddol"));
        // And through the API, at the same fields.
        let token = app.token(cast.who("chair")).await;
        let mut body = hire_body(&app, "Gwen Morgan", "QQ 12 34 56 A", None);
        body["born"] = json!(app.days_from_today(30).to_string());
        body["rate_day"] = json!("-1");
        let api = app
            .api("POST", &format!("/api/v1{path}"), Some(&token), Some(body))
            .await;
        assert_eq!(api.status, 422, "{}", api.body);
        let problems: Vec<String> = api.json()["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{}:{}",
                    f["field"].as_str().unwrap(),
                    f["code"].as_str().unwrap()
                )
            })
            .collect();
        for expected in [
            "ni_number:employment-ni-number-prefix",
            "born:employment-problem-in-future",
            "rate_day:employment-problem-negative",
        ] {
            assert!(
                problems.iter().any(|p| p == expected),
                "{expected} in {problems:?}"
            );
        }
        assert_eq!(count_employments(&app).await, before, "nothing was saved");
        // An expiry before the issue date, on a check.
        seed_pas(&app, &cast).await;
        let pa = pa_in(cast.coop_a.id.as_str());
        let reply = post(
            &app,
            &format!("{path}/{pa}/training"),
            &chair.cookies,
            &[
                ("csrf".into(), chair.csrf.clone()),
                ("course".into(), "first-aid".into()),
                (
                    "training_completed".into(),
                    app.days_from_today(-10).to_string(),
                ),
                (
                    "training_expires".into(),
                    app.days_from_today(-20).to_string(),
                ),
            ],
        )
        .await;
        assert_eq!(reply.status, 422);
        assert!(
            reply
                .body
                .contains("The end date cannot be before the date it was issued or done")
        );
    }
);

/// Records every check for the PA, and the co-operative's insurance, as
/// the chair through the pages.
pub(crate) async fn record_checks(app: &TestApp, cast: &Cast, pa: &str, dbs_issued: &str) {
    let chair = app.browser(cast.who("chair")).await;
    let base = format!("/coops/{}/employment", cast.coop_a.id);
    let today = app.days_from_today(0).to_string();
    let csrf = ("csrf", chair.csrf.as_str());
    let forms: Vec<(String, Vec<(&str, String)>)> = vec![
        (
            format!("{base}/{pa}/right-to-work"),
            vec![
                ("rtw_method", "home_office_online".into()),
                ("rtw_checked_on", app.days_from_today(-40).to_string()),
                ("rtw_checked_by", "Siân Evans".into()),
            ],
        ),
        (
            format!("{base}/{pa}/dbs"),
            vec![
                ("dbs_certificate", "0012 3456 7890".into()),
                ("dbs_issued", dbs_issued.into()),
                ("dbs_barred_list", "yes".into()),
            ],
        ),
        (
            format!("{base}/{pa}/references"),
            vec![
                ("referee", "Alun Rees".into()),
                ("reference_received", app.days_from_today(-35).to_string()),
                ("reference_satisfactory", "yes".into()),
            ],
        ),
        (
            format!("{base}/{pa}/references"),
            vec![
                ("referee", "Bethan Lloyd".into()),
                ("reference_received", app.days_from_today(-34).to_string()),
                ("reference_satisfactory", "yes".into()),
            ],
        ),
    ];
    let mut forms = forms;
    for course in ["moving-and-handling", "first-aid", "safeguarding"] {
        forms.push((
            format!("{base}/{pa}/training"),
            vec![
                ("course", course.into()),
                ("training_completed", app.days_from_today(-33).to_string()),
                ("training_expires", app.days_from_today(700).to_string()),
            ],
        ));
    }
    forms.push((
        format!("{base}/insurance"),
        vec![
            ("insurer", "Yswiriant Cymru".into()),
            ("policy", "EL-1234".into()),
            ("cover", "10,000,000".into()),
            ("insurance_starts", app.days_from_today(-100).to_string()),
            ("insurance_expires", app.days_from_today(265).to_string()),
        ],
    ));
    for (path, fields) in forms {
        let mut pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        pairs.push(csrf);
        let reply = app.post_form(&path, &chair.cookies, &pairs).await;
        assert_eq!(reply.status, 303, "{path}: {}", reply.body);
    }
    let _ = today;
}

on_both!(
    an_officer_hires_and_records_checks_and_the_pa_signs,
    |app| {
        let cast = cast(&app).await;
        let chair = app.browser(cast.who("chair")).await;
        let base = format!("/coops/{}/employment", cast.coop_a.id);
        let mut fields = good_form(&app, &chair.csrf);
        set(&mut fields, "account", &cast.who("pa").id.to_string());
        let hired = post(&app, &base, &chair.cookies, &fields).await;
        assert_eq!(hired.status, 303, "{}", hired.body);
        let pa = hired.location().rsplit('/').next().unwrap().to_owned();
        // Before anything is recorded, everything is missing.
        let page = app.get(&format!("{base}/{pa}"), &chair.cookies).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("No right-to-work check is on file."));
        assert!(page.body.contains("•• •• •• 33 A"));
        assert!(!page.body.contains("CE112233A"));
        record_checks(&app, &cast, &pa, &app.days_from_today(-38).to_string()).await;
        let issued = post(
            &app,
            &format!("{base}/{pa}/statements"),
            &chair.cookies,
            &[
                ("csrf".into(), chair.csrf.clone()),
                (
                    "employer_address".into(),
                    "1 Stryd Fawr, Aberystwyth".into(),
                ),
                ("statement_language".into(), "en".into()),
            ],
        )
        .await;
        assert_eq!(issued.status, 303, "{}", issued.body);
        // Only the PA acknowledges it.
        let by_chair = post(
            &app,
            &format!("{base}/{pa}/statements/acknowledge"),
            &chair.cookies,
            &[
                ("csrf".into(), chair.csrf.clone()),
                ("version".into(), "1".into()),
            ],
        )
        .await;
        assert_eq!(by_chair.status, 403);
        let megan = app.browser(cast.who("pa")).await;
        let signed = post(
            &app,
            &format!("{base}/{pa}/statements/acknowledge"),
            &megan.cookies,
            &[
                ("csrf".into(), megan.csrf.clone()),
                ("version".into(), "1".into()),
            ],
        )
        .await;
        assert_eq!(signed.status, 303, "{}", signed.body);
        let page = app.get(&format!("{base}/{pa}"), &chair.cookies).await;
        assert!(
            page.body.contains("Every check is in date for a shift on"),
            "{}",
            page.body
        );
        // The address alone never shows the whole number; the officer's
        // button does, and each showing is audited.
        let asked = app
            .get(&format!("{base}/{pa}?reveal=ni"), &chair.cookies)
            .await;
        assert!(!asked.body.contains("CE112233A"));
        let shown_before = cylch_store::testing::count_raw(
            &app.store,
            "SELECT COUNT(*) FROM audit_log WHERE record_kind = 'ni_number_shown'",
        )
        .await;
        let revealed = app
            .post_form(
                &format!("{base}/{pa}/ni-number"),
                &chair.cookies,
                &[("csrf", chair.csrf.as_str())],
            )
            .await;
        assert_eq!(revealed.status, 200);
        assert!(revealed.body.contains("CE112233A"));
        assert_eq!(
            cylch_store::testing::count_raw(
                &app.store,
                "SELECT COUNT(*) FROM audit_log WHERE record_kind = 'ni_number_shown'",
            )
            .await,
            shown_before + 1
        );
        // The dashboard names nothing due within 60 days but the checks.
        let due = app.get(&format!("{base}/due"), &chair.cookies).await;
        assert_eq!(due.status, 200);
    }
);

on_both!(an_expired_dbs_is_named_on_the_record, |app| {
    let cast = cast(&app).await;
    seed_pas(&app, &cast).await;
    let pa = pa_in(cast.coop_a.id.as_str());
    // Issued four years ago: the three-year re-check has passed.
    record_checks(&app, &cast, &pa, &app.days_from_today(-4 * 365).to_string()).await;
    let chair = app.browser(cast.who("chair")).await;
    let page = app
        .get(
            &format!("/coops/{}/employment/{pa}", cast.coop_a.id),
            &chair.cookies,
        )
        .await;
    assert!(page.body.contains("This PA cannot work a shift on"));
    assert!(
        page.body.contains("The DBS check was due for renewal on"),
        "{}",
        page.body
    );
    let welsh = app
        .get(
            &format!("/coops/{}/employment/{pa}", cast.coop_a.id),
            &format!("{}; cylch_lang=cy", chair.cookies),
        )
        .await;
    assert!(words(&welsh.body).contains("Roedd y gwiriad DBS i'w adnewyddu ar"));
    // The dashboard lists it as run out.
    let due = app
        .get(
            &format!("/coops/{}/employment/due", cast.coop_a.id),
            &chair.cookies,
        )
        .await;
    assert!(due.body.contains("DBS renewal"), "{}", due.body);
    let token = app.token(cast.who("chair")).await;
    let fit = app
        .api(
            "GET",
            &format!("/api/v1/coops/{}/employment/{pa}/fit", cast.coop_a.id),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(fit.status, 200);
    assert!(fit.body.contains("dbs-recheck-due"));
});

on_both!(each_person_sees_only_whose_record_it_is, |app| {
    let cast = cast(&app).await;
    seed_pas(&app, &cast).await;
    let base = format!("/coops/{}/employment", cast.coop_a.id);
    let megan = pa_in(cast.coop_a.id.as_str());
    // A second PA in A, whom nobody but the officers may see.
    let token = app.token(cast.who("chair")).await;
    let hired = app
        .api(
            "POST",
            &format!("/api/v1{base}"),
            Some(&token),
            Some(hire_body(&app, "Rhys Price", "", None)),
        )
        .await;
    assert_eq!(hired.status, 201);
    let rhys = hired.json()["id"].as_str().unwrap().to_owned();

    // The PA is sent to their own record and sees no one else's.
    let pa = app.browser(cast.who("pa")).await;
    let list = app.get(&base, &pa.cookies).await;
    assert_eq!(list.status, 303);
    assert_eq!(list.location(), format!("{base}/{megan}"));
    let own = app.get(&format!("{base}/{megan}"), &pa.cookies).await;
    assert_eq!(own.status, 200);
    assert!(own.body.contains("Megan Jones"));
    let other = app.get(&format!("{base}/{rhys}"), &pa.cookies).await;
    assert_eq!(other.status, 404);

    // The supported person and their representative see their PA, limited.
    for role in ["supported", "representative"] {
        let browser = app.browser(cast.who(role)).await;
        let list = app.get(&base, &browser.cookies).await;
        assert_eq!(list.status, 200);
        assert!(list.body.contains("Megan Jones"), "{role}");
        assert!(!list.body.contains("Rhys Price"), "{role}");
        let record = app.get(&format!("{base}/{megan}"), &browser.cookies).await;
        assert_eq!(record.status, 200);
        assert!(
            !record.body.contains("Heol y Bont"),
            "{role} sees no address"
        );
        assert!(!record.body.contains("13.60"), "{role} sees no pay");
        let other = app.get(&format!("{base}/{rhys}"), &browser.cookies).await;
        assert_eq!(other.status, 404);
        let api = app
            .api(
                "GET",
                &format!("/api/v1{base}"),
                Some(&app.token(cast.who(role)).await),
                None,
            )
            .await;
        assert_eq!(api.json().as_array().unwrap().len(), 1);
        assert_eq!(api.json()[0]["view"], "supported");
    }

    // Another co-operative sees nothing.
    let outsider = app.browser(cast.who("outsider")).await;
    for path in [base.clone(), format!("{base}/{megan}")] {
        let reply = app.get(&path, &outsider.cookies).await;
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.body.contains("Megan"));
    }
});

on_both!(no_ni_number_reaches_anyone_not_entitled_to_it, |app| {
    let cast = cast(&app).await;
    crate::votes::seed_proposals(&app, &cast).await;
    crate::meetings::seed_meetings(&app, &cast).await;
    seed_pas(&app, &cast).await;
    let coop = cast.coop_a.id.to_string();
    let member = cast.member_of_a().to_string();
    let routes: Vec<String> = cylch_web::routes::list()
        .into_iter()
        .filter(|(method, _)| *method == "GET")
        .map(|(_, path)| {
            path.replace("{id}", &coop)
                .replace("{pa}", &pa_in(&coop))
                .replace("{proposal}", &crate::votes::proposal_in(&coop))
                .replace("{meeting}", &crate::meetings::meeting_in(&coop))
                .replace("{member}", &member)
                .replace("{secret}", &"0".repeat(64))
                .replace("{code}", "cy")
                .replace("{person}", &"0".repeat(32))
                .replace("{task}", "form_steering_group")
        })
        .collect();
    assert!(routes.iter().any(|r| r.contains("/employment/")));
    // Everyone but the officers with the employer's duties; the PA is
    // entitled to their own number, but only when they ask for it.
    let mut checked = 0;
    for role in [
        "admin",
        "supported",
        "representative",
        "family",
        "pa",
        "supporter",
        "outsider",
    ] {
        let account = cast.who(role);
        let browser = app.browser(account).await;
        let token = app.token(account).await;
        for route in &routes {
            for query in ["", "?reveal=ni"] {
                if role == "pa" && !query.is_empty() && route.contains("/employment/") {
                    continue;
                }
                let path = format!("{route}{query}");
                let reply = if route.starts_with("/api/") {
                    app.api("GET", &path, Some(&token), None).await
                } else {
                    app.get(&path, &browser.cookies).await
                };
                for ni in NI_FORMS {
                    assert!(
                        !reply.body.contains(ni),
                        "GET {path} as {role} shows an NI number"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100);
});

on_both!(
    a_relative_in_the_household_is_not_payable_until_authorised,
    |app| {
        let cast = cast(&app).await;
        seed_pas(&app, &cast).await;
        let chair = app.browser(cast.who("chair")).await;
        let base = format!("/coops/{}/employment", cast.coop_a.id);
        let mut fields = good_form(&app, &chair.csrf);
        set(&mut fields, "household", "relative");
        let hired = post(&app, &base, &chair.cookies, &fields).await;
        assert_eq!(hired.status, 303, "{}", hired.body);
        let pa = hired.location().rsplit('/').next().unwrap().to_owned();
        let token = app.token(cast.who("chair")).await;
        let sioned = app
            .api(
                "GET",
                &format!(
                    "/api/v1/coops/{}/employment/{}",
                    cast.coop_a.id,
                    pa_in(cast.coop_a.id.as_str())
                ),
                Some(&token),
                None,
            )
            .await
            .json()["full"]["works_with"][0]["person"]
            .as_str()
            .unwrap()
            .to_owned();
        let linked = post(
            &app,
            &format!("{base}/{pa}/people"),
            &chair.cookies,
            &[
                ("csrf".into(), chair.csrf.clone()),
                ("person".into(), sioned),
            ],
        )
        .await;
        assert_eq!(linked.status, 303, "{}", linked.body);
        let page = app.get(&format!("{base}/{pa}"), &chair.cookies).await;
        assert!(
            words(&page.body).contains("Not until the council's authorisation is recorded"),
            "{}",
            page.body
        );
        // An authorisation dated after the start is refused at its field.
        let late = post(
            &app,
            &format!("{base}/{pa}/authorisation"),
            &chair.cookies,
            &[
                ("csrf".into(), chair.csrf.clone()),
                (
                    "authorisation_date".into(),
                    app.days_from_today(-1).to_string(),
                ),
                ("authorisation_reference".into(), "DP/123".into()),
            ],
        )
        .await;
        assert_eq!(late.status, 422, "{}", late.body);
        let authorised = post(
            &app,
            &format!("{base}/{pa}/authorisation"),
            &chair.cookies,
            &[
                ("csrf".into(), chair.csrf.clone()),
                (
                    "authorisation_date".into(),
                    app.days_from_today(-31).to_string(),
                ),
                ("authorisation_reference".into(), "DP/123".into()),
            ],
        )
        .await;
        assert_eq!(authorised.status, 303, "{}", authorised.body);
        let page = app.get(&format!("{base}/{pa}"), &chair.cookies).await;
        assert!(!page.body.contains("Not until the council"));
        assert!(page.body.contains("authorised by the council"));
    }
);

on_both!(the_statement_is_a_tagged_pdf_in_the_pas_language, |app| {
    let cast = cast(&app).await;
    seed_pas(&app, &cast).await;
    let pa = pa_in(cast.coop_a.id.as_str());
    // Megan's statement was issued in Welsh; she downloads it herself.
    let megan = app.browser(cast.who("pa")).await;
    let path = format!(
        "/coops/{}/employment/{pa}/statement.pdf?version=1",
        cast.coop_a.id
    );
    let reply = download(&app, &path, &megan.cookies).await;
    assert_eq!(reply.0, 200);
    let dir = std::env::temp_dir().join(format!("cylch-statement-{pa}"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("statement.pdf");
    std::fs::write(&file, &reply.1).unwrap();
    let info = std::process::Command::new("pdfinfo")
        .arg(&file)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.trim_end().ends_with("yes")),
        "{info}"
    );
    let text = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    let squashed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squashed.contains("Datganiad ysgrifenedig o fanylion cyflogaeth"),
        "{squashed}"
    );
    // Every day-one particular, named in Welsh.
    for name in [
        "Cyflogwr",
        "Cyflogai",
        "Dyddiad dechrau",
        "Dechreuodd y gyflogaeth barhaus",
        "Teitl y swydd",
        "Cyfeiriad y cyflogwr",
        "Man gwaith",
        "Cyflog",
        "Yn cael eu talu",
        "Oriau a diwrnodau gwaith",
        "Gwyliau, gan gynnwys gwyliau banc",
        "Absenoldeb salwch a thâl salwch",
        "Absenoldeb arall â thâl",
        "Buddion eraill",
        "Rhybudd",
        "Am ba hyd y disgwylir i'r swydd bara",
        "Cyfnod prawf",
        "Gwaith y tu allan i'r DU",
        "Hyfforddiant y mae'r cyflogwr yn ei ofyn",
    ] {
        assert!(
            squashed.contains(name),
            "{name} is missing from:\n{squashed}"
        );
    }
    assert!(squashed.contains("Megan Jones"));
    assert!(squashed.contains("£13.60"));
    std::fs::remove_dir_all(&dir).ok();
    // Someone else in the co-operative cannot download it.
    let family = app.browser(cast.who("family")).await;
    let refused = app.get(&path, &family.cookies).await;
    assert_eq!(refused.status, 404);
});

on_both!(
    the_settings_change_what_the_rota_and_the_record_say,
    |app| {
        let cast = cast(&app).await;
        seed_pas(&app, &cast).await;
        let coop = cast.coop_a.id.to_string();
        let pa = pa_in(&coop);
        let chair = app.browser(cast.who("chair")).await;
        let settings = format!("/coops/{coop}/employment/settings");
        let page = app.get(&settings, &chair.cookies).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("value=\"36\""),
            "the law's defaults are shown"
        );
        // Bad input at its fields, in Welsh too; nothing saved.
        let bad = [
            ("csrf", chair.csrf.as_str()),
            ("dbs_recheck_months", "0"),
            ("status_check_months", "twelve"),
            ("references_required", "9"),
            ("weekly_average_applies", "yes"),
            ("weekly_average_hours", "200"),
            ("reference_weeks", "17"),
            ("weekly_rest", "each_week"),
        ];
        let reply = app.post_form(&settings, &chair.cookies, &bad).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        for field in [
            "dbs_recheck_months",
            "status_check_months",
            "references_required",
            "weekly_average_hours",
        ] {
            assert!(
                reply.body.contains(&format!("href=\"#{field}\"")),
                "{field}"
            );
        }
        let welsh = app
            .post_form(
                &settings,
                &format!("{}; cylch_lang=cy", chair.cookies),
                &bad,
            )
            .await;
        assert!(words(&welsh.body).contains("Rhowch nifer cyfan o fisoedd o 1 i 120"));
        assert_eq!(
            cylch_store::testing::count_raw(&app.store, "SELECT COUNT(*) FROM employer_settings")
                .await,
            0
        );
        // The 48-hour average switched off, weekly rest by the fortnight.
        let good = [
            ("csrf", chair.csrf.as_str()),
            ("dbs_recheck_months", "36"),
            ("status_check_months", "12"),
            ("references_required", "2"),
            ("weekly_average_hours", "48"),
            ("reference_weeks", "17"),
            ("weekly_rest", "each_fortnight"),
            ("real_living_wage_required", "yes"),
        ];
        let saved = app.post_form(&settings, &chair.cookies, &good).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let record = app
            .get(&format!("/coops/{coop}/employment/{pa}"), &chair.cookies)
            .await;
        let body = words(&record.body);
        assert!(
            body.contains("the 48-hour average does not apply"),
            "{body}"
        );
        assert!(body.contains("48 hours' rest in each fortnight."));
        // A Real Living Wage figure, and an opt-out with a date in the future
        // refused at its field.
        let rlw = app
            .post_form(
                &format!("{settings}/real-living-wage"),
                &chair.cookies,
                &[
                    ("csrf", chair.csrf.as_str()),
                    ("rlw_from", "2026-04-01"),
                    ("rlw_hourly", "-1"),
                ],
            )
            .await;
        assert_eq!(rlw.status, 422);
        assert!(words(&rlw.body).contains("Enter an amount more than nothing"));
        let api = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/employment/settings/real-living-wage"),
                Some(&app.token(cast.who("chair")).await),
                Some(json!({"rlw_from": "2026-04-01", "rlw_hourly": "13.45"})),
            )
            .await;
        assert_eq!(api.status, 204, "{}", api.body);
        let shown = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/employment/settings"),
                Some(&app.token(cast.who("chair")).await),
                None,
            )
            .await;
        assert_eq!(shown.json()["real_living_wage"][0]["hourly_pence"], 1345);
        assert_eq!(shown.json()["settings"]["weekly_rest"], "each_fortnight");
        let future = app
            .post_form(
                &format!("/coops/{coop}/employment/{pa}/opt-out"),
                &chair.cookies,
                &[
                    ("csrf", chair.csrf.as_str()),
                    ("opt_out_signed_on", &app.days_from_today(3).to_string()),
                ],
            )
            .await;
        assert_eq!(future.status, 422);
        let signed = app
            .post_form(
                &format!("/coops/{coop}/employment/{pa}/opt-out"),
                &chair.cookies,
                &[
                    ("csrf", chair.csrf.as_str()),
                    ("opt_out_signed_on", &app.days_from_today(-3).to_string()),
                ],
            )
            .await;
        assert_eq!(signed.status, 303, "{}", signed.body);
        let record = app
            .get(&format!("/coops/{coop}/employment/{pa}"), &chair.cookies)
            .await;
        assert!(words(&record.body).contains("signed an opt-out of the 48-hour average"));
    }
);

on_both!(
    an_officer_changes_a_pas_record_and_bad_input_changes_nothing,
    |app| {
        let cast = cast(&app).await;
        seed_pas(&app, &cast).await;
        let coop = cast.coop_a.id.to_string();
        let pa = pa_in(&coop);
        let chair = app.browser(cast.who("chair")).await;
        let edit = format!("/coops/{coop}/employment/{pa}/edit");
        // The form shows the record as it is.
        let form = app.get(&edit, &chair.cookies).await;
        assert_eq!(form.status, 200);
        assert!(form.body.contains("value=\"Megan Jones\""), "{}", form.body);
        // Sent back with a new day rate and a bad date of birth: refused at
        // the field, in Welsh too, and the record is as it was.
        let mut fields: Vec<(String, String)> = vec![("csrf".into(), chair.csrf.clone())];
        for (name, value) in [
            ("name", "Megan Jones"),
            ("account", cast.who("pa").id.as_str()),
            ("born", "2090-01-01"),
            ("ni_number", MEGAN_NI),
            ("address", "2 Heol y Bont"),
            ("start", &app.days_from_today(-30).to_string()),
            ("job_title", "Personal Assistant"),
            ("place_of_work", "Aberystwyth"),
            ("hours", "irregular"),
            ("rate_day", "15.00"),
            ("pay_frequency", "monthly"),
            ("starter", "A"),
            ("notice_employer", "1"),
            ("notice_worker", "1"),
        ] {
            fields.push((name.into(), value.to_owned()));
        }
        let refused = post(&app, &edit, &chair.cookies, &fields).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("href=\"#born\""));
        let welsh = post(
            &app,
            &edit,
            &format!("{}; cylch_lang=cy", chair.cookies),
            &fields,
        )
        .await;
        assert_eq!(welsh.status, 422);
        assert!(welsh.body.contains("lang=\"cy\""));
        let token = app.token(cast.who("chair")).await;
        let before = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/employment/{pa}"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(
            before.json()["full"]["rates"]["day"],
            1_360,
            "{}",
            before.body
        );
        // With the date of birth mended the change is saved and audited,
        // with the student loans the PA now repays.
        set(&mut fields, "born", "1996-03-14");
        fields.push(("student_loan".into(), "plan_5".into()));
        fields.push(("postgraduate_loan".into(), "yes".into()));
        let saved = post(&app, &edit, &chair.cookies, &fields).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let after = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/employment/{pa}"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(
            after.json()["full"]["rates"]["day"],
            1_500,
            "{}",
            after.body
        );
        assert_eq!(after.json()["full"]["student_loan"], "plan_5");
        assert_eq!(after.json()["full"]["postgraduate_loan"], true);
        let record = app
            .get(&format!("/coops/{coop}/employment/{pa}"), &chair.cookies)
            .await;
        assert!(record.body.contains("Plan 5; Repays a postgraduate loan"));
        // A plan that does not exist is refused at its field.
        set(&mut fields, "student_loan", "plan_9");
        let refused = post(&app, &edit, &chair.cookies, &fields).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("href=\"#student_loan\""));
        // The PA may not change their own record, page or API.
        let megan = app.browser(cast.who("pa")).await;
        let own = post(
            &app,
            &edit,
            &megan.cookies,
            &[("csrf".into(), megan.csrf.clone())],
        )
        .await;
        assert_eq!(own.status, 403);
        let by_api = app
            .api(
                "PUT",
                &format!("/api/v1/coops/{coop}/employment/{pa}"),
                Some(&app.token(cast.who("pa")).await),
                Some(json!({"name": "Megan"})),
            )
            .await;
        assert_eq!(by_api.status, 403);
    }
);
