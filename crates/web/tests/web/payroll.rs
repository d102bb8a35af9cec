//! Pay runs over the API, on SQLite and PostgreSQL: the PA's approved time
//! paid, each payslip equal to `cylch payroll calc` on the run's inputs as
//! the API gives them; a period run twice is refused; the officer who
//! started a run has another approve it; an approved run is locked; only
//! the officers with the employer's duties see pay, and other
//! co-operatives are told nothing.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde_json::json;

use crate::on_both;
use crate::support::{Cast, TestApp, cast};

static SEEDED: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());

static PAYSLIPS: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());

/// The seeded payslip of a co-operative, for the permission tables.
pub fn payslip_in(coop: &str) -> String {
    PAYSLIPS
        .lock()
        .unwrap()
        .get(coop)
        .cloned()
        .unwrap_or_else(|| "0".repeat(32))
}

/// The first person a PA works with, from the PA's record as an officer
/// reads it.
fn works_with(record: &serde_json::Value) -> Option<String> {
    match record {
        serde_json::Value::Object(map) => map
            .get("works_with")
            .and_then(|w| w[0]["person"].as_str())
            .map(str::to_owned)
            .or_else(|| map.values().find_map(works_with)),
        serde_json::Value::Array(items) => items.iter().find_map(works_with),
        _ => None,
    }
}

/// An approved monthly run in each co-operative paying the PA seed_pas
/// hired there for three hours two days ago with a person they support:
/// in A the "pa" member enters the time and the person's representative
/// approves it; in B the officer does both, for a PA without a sign-in.
/// Needs seed_pas and seed_shifts, and a clock inside a tax year Cylch
/// knows.
pub async fn seed_payslips(app: &TestApp, cast: &Cast) {
    for (coop, officer, enters, approves) in [
        (&cast.coop_a, "chair", "pa", "representative"),
        (&cast.coop_b, "outsider", "outsider", "outsider"),
    ] {
        let coop = coop.id.to_string();
        if PAYSLIPS.lock().unwrap().contains_key(&coop) {
            continue;
        }
        let token = app.token(cast.who(officer)).await;
        let pa = crate::employment::pa_in(&coop);
        let api = |path: &str| format!("/api/v1/coops/{coop}{path}");
        let record = app
            .api(
                "GET",
                &api(&format!("/employment/{pa}")),
                Some(&token),
                None,
            )
            .await;
        let person = match works_with(&record.json()) {
            Some(person) => person,
            None => {
                let listed = app.api("GET", &api("/support"), Some(&token), None).await;
                let person = listed.json()[0]["id"].as_str().unwrap().to_owned();
                let linked = app
                    .api(
                        "POST",
                        &api(&format!("/employment/{pa}/people")),
                        Some(&token),
                        Some(json!({"person": person, "needs_medication": false})),
                    )
                    .await;
                assert_eq!(linked.status, 204, "{}", linked.body);
                person
            }
        };
        let day = app.days_from_today(-2).to_string();
        let added = app
            .api(
                "POST",
                &api(&format!("/timesheets/{pa}/lines")),
                Some(&app.token(cast.who(enters)).await),
                Some(json!({
                    "start": format!("{day}T09:00"),
                    "end": format!("{day}T12:00"),
                    "break_minutes": "0",
                    "kind": "day",
                    "people": [person],
                })),
            )
            .await;
        assert_eq!(added.status, 201, "{}", added.body);
        if enters != "pa" {
            // Time entered for a PA is theirs to confirm; in B, where the
            // PA does not sign in, the officer confirms it for them.
            let confirmed = app
                .api(
                    "POST",
                    &api(&format!("/timesheets/{pa}/confirm")),
                    Some(&token),
                    Some(json!({"on": day})),
                )
                .await;
            assert_eq!(confirmed.status, 200, "{}", confirmed.body);
        }
        let approved = app
            .api(
                "POST",
                &api(&format!("/timesheets/{pa}/approve")),
                Some(&app.token(cast.who(approves)).await),
                Some(json!({"on": day, "person": person})),
            )
            .await;
        assert_eq!(approved.status, 200, "{}", approved.body);
        let on = cylch_payroll::Date::parse(&day).unwrap();
        let year = cylch_payroll::TaxYear::ALL
            .into_iter()
            .find(|y| y.contains(on))
            .expect("the clock is pinned inside a tax year Cylch knows");
        let (month, last) = (1..=12)
            .map(|m| {
                let period =
                    cylch_payroll::Period::new(cylch_payroll::Frequency::Monthly, m).unwrap();
                (m, period.last_day(year))
            })
            .find(|(_, last)| on <= *last)
            .unwrap();
        let started = app
            .api(
                "POST",
                &api("/payroll/runs"),
                Some(&token),
                Some(json!({"frequency": "monthly", "tax_year": year.data().name, "period": month, "pay_date": last.to_string()})),
            )
            .await;
        assert_eq!(started.status, 201, "{}", started.body);
        let run = started.json();
        let id = run["id"].as_str().unwrap();
        // In A another officer approves; in B the only officer may.
        let approver = if officer == "chair" {
            "treasurer"
        } else {
            officer
        };
        let approved = app
            .api(
                "POST",
                &api(&format!("/payroll/runs/{id}/approve")),
                Some(&app.token(cast.who(approver)).await),
                None,
            )
            .await;
        assert_eq!(approved.status, 200, "{}", approved.body);
        let slip = run["payslips"][0]["id"].as_str().unwrap().to_owned();
        PAYSLIPS.lock().unwrap().insert(coop, slip);
    }
}

/// The seeded pay run of a co-operative, for the permission tables.
pub fn run_in(coop: &str) -> String {
    SEEDED
        .lock()
        .unwrap()
        .get(coop)
        .cloned()
        .unwrap_or_else(|| "0".repeat(32))
}

/// An empty weekly run (week 1 of 2026-27) in each co-operative, started
/// by its chair, unless one is seeded already.
pub async fn seed_runs(app: &TestApp, cast: &Cast) {
    for (coop, officer) in [(&cast.coop_a, "chair"), (&cast.coop_b, "outsider")] {
        let coop = coop.id.to_string();
        if SEEDED.lock().unwrap().contains_key(&coop) {
            continue;
        }
        let token = app.token(cast.who(officer)).await;
        let started = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/payroll/runs"),
                Some(&token),
                Some(json!({"frequency": "weekly", "tax_year": "2026-27", "period": 1, "pay_date": "2026-04-10"})),
            )
            .await;
        assert_eq!(started.status, 201, "{}", started.body);
        let id = started.json()["id"].as_str().unwrap().to_owned();
        SEEDED.lock().unwrap().insert(coop, id);
    }
}

/// Co-operative A on 20 June 2026 (tax month 2, 6 May to 5 June, is
/// over): Megan, the "pa" member, hired monthly to support Sioned, the
/// "supported" member, has two days in May that Sioned approved.
pub struct May {
    pub cast: Cast,
    pub coop: String,
}

pub async fn may_with_time(app: &TestApp) -> May {
    app.clock().pin("2026-06-20T09:00:00Z".parse().unwrap());
    let cast = cast(app).await;
    let coop = cast.coop_a.id.to_string();
    let chair = app.token(cast.who("chair")).await;
    let pa = app.token(cast.who("pa")).await;
    let supported = app.token(cast.who("supported")).await;
    let sioned = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/support"),
            Some(&chair),
            Some(json!({"name": "Sioned", "member_account": cast.who("supported").id.to_string(), "starts_on": "2026-04-01"})),
        )
        .await;
    assert_eq!(sioned.status, 201, "{}", sioned.body);
    let sioned = sioned.json()["id"].as_str().unwrap().to_owned();
    let hired = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/employment"),
            Some(&chair),
            Some(json!({
                "name": "Megan Jones",
                "account": cast.who("pa").id.to_string(),
                "born": "1990-03-14",
                "ni_number": "AB 12 34 56 C",
                "address": "2 Heol y Bont, Aberystwyth",
                "start": "2026-05-01",
                "job_title": "Personal Assistant",
                "place_of_work": "The supported person's home",
                "hours": "irregular",
                "rate_day": "13.60",
                "sleep_in": "80",
                "pay_frequency": "monthly",
                "starter": "B",
                "notice_employer": "1",
                "notice_worker": "1",
            })),
        )
        .await;
    assert_eq!(hired.status, 201, "{}", hired.body);
    let megan = hired.json()["id"].as_str().unwrap().to_owned();
    let linked = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/employment/{megan}/people"),
            Some(&chair),
            Some(json!({"person": sioned})),
        )
        .await;
    assert_eq!(linked.status, 204, "{}", linked.body);
    // Megan records two days; Sioned approves them.
    for day in ["2026-05-12", "2026-05-13"] {
        let added = app
            .api(
                "POST",
                &format!("/api/v1/coops/{coop}/timesheets/{megan}/lines"),
                Some(&pa),
                Some(json!({
                    "start": format!("{day}T09:00"),
                    "end": format!("{day}T16:30"),
                    "break_minutes": "30",
                    "kind": "day",
                    "people": [sioned],
                })),
            )
            .await;
        assert_eq!(added.status, 201, "{}", added.body);
    }
    let approved = app
        .api(
            "POST",
            &format!("/api/v1/coops/{coop}/timesheets/{megan}/approve"),
            Some(&supported),
            Some(json!({"on": "2026-05-12", "person": sioned})),
        )
        .await;
    assert_eq!(approved.status, 200, "{}", approved.body);
    May { cast, coop }
}

on_both!(a_pay_run_pays_approved_time_once_and_locks, |app| {
    let May { cast, coop, .. } = may_with_time(&app).await;
    let chair = app.token(cast.who("chair")).await;
    let treasurer = app.token(cast.who("treasurer")).await;
    let pa = app.token(cast.who("pa")).await;

    let runs = format!("/api/v1/coops/{coop}/payroll/runs");
    let may = json!({"frequency": "monthly", "tax_year": "2026-27", "period": 2, "pay_date": "2026-06-05"});
    // Bad input is answered at its field.
    for (field, value) in [
        ("frequency", json!("fortnightly")),
        ("tax_year", json!("2030-31")),
        ("period", json!(13)),
        ("pay_date", json!("2027-06-05")),
    ] {
        let mut body = may.clone();
        body[field] = value;
        let reply = app.api("POST", &runs, Some(&chair), Some(body)).await;
        assert_eq!(reply.status, 422, "{field}: {}", reply.body);
        assert_eq!(reply.json()["error"]["fields"][0]["field"], field);
    }
    // Only the officers run pay; another co-operative's chair is told
    // nothing exists.
    let reply = app.api("POST", &runs, Some(&pa), Some(may.clone())).await;
    assert_eq!(reply.status, 403);
    let outsider = app.token(cast.who("outsider")).await;
    let reply = app.api("GET", &runs, Some(&outsider), None).await;
    assert_eq!(reply.status, 404);

    let started = app
        .api("POST", &runs, Some(&chair), Some(may.clone()))
        .await;
    assert_eq!(started.status, 201, "{}", started.body);
    let run = started.json();
    let id = run["id"].as_str().unwrap().to_owned();
    assert_eq!(run["state"], "draft");
    assert_eq!(run["period_first"], "2026-05-06");
    assert_eq!(run["period_last"], "2026-06-05");
    let slip = &run["payslips"][0];
    // 2 × 7 h × £13.60 = £190.40: under every threshold, so no tax or NI.
    assert_eq!(slip["gross_pence"], 19_040);
    assert_eq!(slip["minutes_paid"], 840);
    assert_eq!(slip["net_pay_pence"], 19_040);

    // The inputs, given to the contract's calculation, give the payslip.
    let inputs = app
        .api("GET", &format!("{runs}/{id}/inputs"), Some(&chair), None)
        .await;
    assert_eq!(inputs.status, 200, "{}", inputs.body);
    let input = &inputs.json()[0]["input"];
    assert_eq!(input["tax_code"], "1257L");
    assert_eq!(input["week1_month1"], true);
    let outcome = cylch_payroll::contract::calc_json(&input.to_string());
    assert_eq!(outcome.exit_status, 0, "{}", outcome.output);
    let out: serde_json::Value = serde_json::from_str(&outcome.output).unwrap();
    for key in [
        "taxable_pay_pence",
        "tax_pence",
        "employee_ni_pence",
        "employer_ni_pence",
        "employee_pension_pence",
        "employer_pension_pence",
        "net_pay_pence",
        "taxable_pay_to_date_pence",
        "tax_to_date_pence",
    ] {
        assert_eq!(out[key], slip[key], "{key}");
    }

    // Twice is refused, by anyone.
    let again = app.api("POST", &runs, Some(&treasurer), Some(may)).await;
    assert_eq!(again.status, 409, "{}", again.body);
    assert_eq!(again.json()["error"]["code"], "payroll-already-run");

    // The chair started it: the treasurer approves it, and then it is
    // locked.
    let approve = format!("{runs}/{id}/approve");
    let own = app.api("POST", &approve, Some(&chair), None).await;
    assert_eq!(own.status, 422, "{}", own.body);
    assert_eq!(own.json()["error"]["code"], "payroll-same-officer");
    let ok = app.api("POST", &approve, Some(&treasurer), None).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.json()["state"], "approved");
    let locked = app.api("POST", &approve, Some(&treasurer), None).await;
    assert_eq!(locked.status, 422, "{}", locked.body);
    assert_eq!(locked.json()["error"]["code"], "payroll-locked");

    let listed = app.api("GET", &runs, Some(&treasurer), None).await;
    assert_eq!(listed.json().as_array().unwrap().len(), 1);
    let reply = app
        .api("GET", &format!("{runs}/{id}"), Some(&pa), None)
        .await;
    assert_eq!(reply.status, 403);
});

on_both!(the_api_documents_the_payroll_routes, |app| {
    let doc = app.api("GET", "/api/v1/openapi.json", None, None).await;
    let paths = &doc.json()["paths"];
    for path in [
        "/api/v1/coops/{id}/payroll/runs",
        "/api/v1/coops/{id}/payroll/runs/{run}",
        "/api/v1/coops/{id}/payroll/runs/{run}/approve",
        "/api/v1/coops/{id}/payroll/runs/{run}/inputs",
        "/api/v1/coops/{id}/payroll/runs/{run}/payments",
    ] {
        assert!(paths.get(path).is_some(), "{path} is not documented");
    }
});
