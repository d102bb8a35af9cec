//! Every route, as every role, against the table in `permissions.txt` and
//! the tables of each area in `permissions/`.
//!
//! Outcomes: `allow` (the request was served: 2xx, a redirect that is not to
//! sign-in, or a form answered with its problems), `sign-in` (sent to sign
//! in, or 401 from the API), `deny` (403: the role does not allow it) and
//! `hidden` (404: outside the person's co-operatives, or no such thing).

use std::collections::BTreeMap;

use cylch_store::accounts::Account;

use crate::on_both;
use crate::support::{ROLES, Reply, TestApp, cast};

const TABLES: &[&str] = &[
    include_str!("permissions.txt"),
    include_str!("permissions/governance.txt"),
    include_str!("permissions/meetings.txt"),
    include_str!("permissions/ledger.txt"),
    include_str!("permissions/documents.txt"),
    include_str!("permissions/employment.txt"),
    include_str!("permissions/rota.txt"),
    include_str!("permissions/needs.txt"),
    include_str!("permissions/leave.txt"),
    include_str!("permissions/timesheets.txt"),
    include_str!("permissions/payroll.txt"),
    include_str!("permissions/calendars.txt"),
];

fn outcome(reply: &Reply, api: bool) -> &'static str {
    let status = reply.status.as_u16();
    match status {
        401 => "sign-in",
        303 if reply.location().starts_with("/sign-in") => "sign-in",
        403 => "deny",
        404 => "hidden",
        // The API reads an empty JSON body as a bad request once the caller
        // may use the route; a page form never answers 400 to its own fields.
        400 if api => "allow",
        200..=399 | 422 => "allow",
        other => panic!("unexpected status {other}: {}", reply.body),
    }
}

/// A route with its placeholders filled: `{id}` is the co-operative and
/// `{member}` one of its members, so that a permitted role reaches a real
/// record; secrets and people are ids that exist nowhere.
fn fill(path: &str, coop: &str, member: &str) -> String {
    crate::needs::fill(path, coop)
        .replace("{id}", coop)
        .replace("{proposal}", &crate::votes::proposal_in(coop))
        .replace("{meeting}", &crate::meetings::meeting_in(coop))
        .replace("{pa}", &crate::employment::pa_in(coop))
        .replace("{shift}", &crate::rota::shift_in(coop))
        .replace("{run}", &crate::payroll::run_in(coop))
        .replace("{payslip}", &crate::payroll::payslip_in(coop))
        .replace("{year}", "2026-27")
        .replace("{secret}", &"0".repeat(64))
        .replace("{code}", "cy")
        .replace("{person}", &"0".repeat(32))
        .replace("{member}", member)
        .replace("{task}", "form_steering_group")
}

async fn attempt(app: &TestApp, method: &str, path: &str, account: Option<&Account>) -> Reply {
    if path.starts_with("/api/") {
        let token = match account {
            Some(account) => Some(
                app.store
                    .create_api_token(&account.id, "permissions")
                    .await
                    .unwrap()
                    .1,
            ),
            None => None,
        };
        let body = (method == "POST" || method == "PUT").then(|| serde_json::json!({}));
        return app.api(method, path, token.as_deref(), body).await;
    }
    let browser = match account {
        Some(account) => app.browser(account).await,
        None => app.anonymous_browser().await,
    };
    match method {
        "GET" => app.get(path, &browser.cookies).await,
        _ => {
            app.post_form(path, &browser.cookies, &[("csrf", &browser.csrf)])
                .await
        }
    }
}

on_both!(every_route_as_every_role_matches_the_table, |app| {
    // A day inside a tax year the payroll engine knows, so that the seeded
    // pay run is the same whatever the calendar says.
    app.clock().pin("2026-12-01T10:00:00Z".parse().unwrap());
    let cast = cast(&app).await;
    crate::votes::seed_proposals(&app, &cast).await;
    crate::meetings::seed_meetings(&app, &cast).await;
    crate::employment::seed_pas(&app, &cast).await;
    crate::rota::seed_shifts(&app, &cast).await;
    crate::needs::seed_needs(&app, &cast).await;
    crate::payroll::seed_runs(&app, &cast).await;
    crate::payroll::seed_payslips(&app, &cast).await;
    let expected: BTreeMap<(String, String), Vec<String>> = TABLES
        .iter()
        .flat_map(|table| table.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let cells: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
            assert_eq!(
                cells.len(),
                2 + ROLES.len(),
                "a row of a permissions table has the wrong number of cells: {line}"
            );
            ((cells[0].clone(), cells[1].clone()), cells[2..].to_vec())
        })
        .collect();
    let listed: Vec<(String, String)> = cylch_web::routes::list()
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    let in_table: Vec<(String, String)> = expected.keys().cloned().collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(
        in_table, sorted,
        "the permissions tables must have exactly one row per route"
    );

    let mut actual_table = String::new();
    let mut mismatches = Vec::new();
    for (method, route) in &listed {
        let mut row = Vec::new();
        for (role, account) in &cast.people {
            let path = fill(route, cast.coop_a.id.as_str(), cast.member_of_a().as_str());
            let reply = attempt(&app, method, &path, account.as_ref()).await;
            let got = outcome(&reply, route.starts_with("/api/"));
            let want = &expected[&(method.clone(), route.clone())]
                [ROLES.iter().position(|r| r == role).unwrap()];
            if got != want {
                mismatches.push(format!(
                    "{method} {route} as {role}: expected {want}, got {got} ({})",
                    reply.status
                ));
            }
            row.push(got);
        }
        actual_table.push_str(&format!("{method} {route} {}\n", row.join(" ")));
    }
    assert!(
        mismatches.is_empty(),
        "{}\n\nthe table as it is now:\n{actual_table}",
        mismatches.join("\n")
    );
});

on_both!(
    a_member_of_another_coop_is_refused_every_route_of_this_one,
    |app| {
        app.clock().pin("2026-12-01T10:00:00Z".parse().unwrap());
        let cast = cast(&app).await;
        crate::votes::seed_proposals(&app, &cast).await;
        crate::meetings::seed_meetings(&app, &cast).await;
        crate::employment::seed_pas(&app, &cast).await;
        crate::employment::seed_pas(&app, &cast).await;
        crate::rota::seed_shifts(&app, &cast).await;
        crate::needs::seed_needs(&app, &cast).await;
        crate::payroll::seed_runs(&app, &cast).await;
        crate::payroll::seed_payslips(&app, &cast).await;
        let outsider = cast
            .people
            .iter()
            .find(|(role, _)| *role == "outsider")
            .and_then(|(_, a)| a.clone())
            .unwrap();
        for (method, route) in cylch_web::routes::list()
            .into_iter()
            .filter(|(_, r)| r.contains("/coops/{id}") && !r.contains("/admin/"))
        {
            let reply = attempt(
                &app,
                method,
                &fill(route, cast.coop_a.id.as_str(), cast.member_of_a().as_str()),
                Some(&outsider),
            )
            .await;
            assert_eq!(reply.status, 404, "{method} {route}");
            assert!(
                !reply.body.contains("Cydweithfa A"),
                "{method} {route} leaked the co-operative's name"
            );
            let own = attempt(
                &app,
                method,
                &fill(route, cast.coop_b.id.as_str(), outsider.id.as_str()),
                Some(&outsider),
            )
            .await;
            // Served in their own co-operative: a page, a redirect, or an
            // empty form answered with its problems.
            assert!(
                matches!(own.status.as_u16(), 200 | 303 | 400 | 404 | 422),
                "{method} {route} in their own co-operative: {}",
                own.status
            );
            assert_ne!(
                own.status, 404,
                "{method} {route} is served in their own co-operative"
            );
        }
    }
);
