//! Meetings on both fronts: the page and the API take each action through
//! the same command, and answer the same way when it is refused.

use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};
use cylch_governance::MeetingKind;
use cylch_store::accounts::Account;
use cylch_store::coops::Coop;
use cylch_store::meetings::{Mark, NewMeeting};
use jiff::civil::Time;

use crate::on_both;
use crate::support::TestApp;

struct Twins {
    coop: Coop,
    secretary: Account,
    members: Vec<Account>,
}

async fn twins(app: &TestApp) -> Twins {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa Efeilliaid", CoopKind::Family)
        .await;
    let secretary = app.person("elin@cylch.test", "Elin Parry", false).await;
    app.join(
        &coop,
        &secretary,
        CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Secretary),
    )
    .await;
    let mut members = Vec::new();
    for (email, name) in [
        ("dai@cylch.test", "Dai Jones"),
        ("ffion@cylch.test", "Ffion Davies"),
        ("nia@cylch.test", "Nia Rees"),
    ] {
        let member = app.person(email, name, false).await;
        app.join(&coop, &member, CoopRoles::member(MemberClass::Pa))
            .await;
        members.push(member);
    }
    Twins {
        coop,
        secretary,
        members,
    }
}

/// A general meeting `days` ahead, scheduled through the store.
async fn meeting(app: &TestApp, t: &Twins, days: i64) -> String {
    let scope = app
        .store
        .scope(&t.secretary.id, &t.coop.id)
        .await
        .unwrap()
        .unwrap();
    app.store
        .schedule_meeting(
            &scope,
            NewMeeting {
                kind: MeetingKind::General,
                date: app.days_from_today(days),
                starts_at: Time::new(19, 0, 0, 0).unwrap(),
                place: "Neuadd",
                agenda: &["Item".to_owned()],
                proposals: &[],
            },
        )
        .await
        .unwrap()
        .id
}

on_both!(a_rule_refusal_is_said_the_same_on_both_fronts, |app| {
    let t = twins(&app).await;
    let b = app.browser(&t.secretary).await;
    let token = app.token(&t.secretary).await;
    let page = format!("/coops/{}/meetings", t.coop.id);
    let api = format!("/api/v1/coops/{}/meetings", t.coop.id);
    // Notice five days ahead: too short, with the figures in the sentence.
    let id = meeting(&app, &t, 5).await;
    let sentence = "gives 4 clear days, but the rules ask for 14";
    let on_page = app
        .post_form(
            &format!("{page}/{id}/notice"),
            &b.cookies,
            &[("csrf", &b.csrf)],
        )
        .await;
    assert_eq!(on_page.status, 422);
    assert!(on_page.body.contains(sentence), "{}", on_page.body);
    let by_api = app
        .api(
            "POST",
            &format!("{api}/{id}/notice"),
            Some(&token),
            Some(serde_json::json!({})),
        )
        .await;
    assert_eq!(by_api.status, 422, "{}", by_api.body);
    assert_eq!(
        by_api.json()["error"]["code"],
        "governance-notice-too-short"
    );
    let message = by_api.json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains(sentence), "{message}");
    assert!(
        on_page.body.contains(&message),
        "the same sentence on the page"
    );

    // A step the meeting is not at: the same code's sentence on both.
    let cancelled = app
        .post_form(
            &format!("{page}/{id}/cancel"),
            &b.cookies,
            &[("csrf", &b.csrf)],
        )
        .await;
    assert_eq!(cancelled.status, 303);
    let on_page = app
        .post_form(
            &format!("{page}/{id}/cancel"),
            &b.cookies,
            &[("csrf", &b.csrf)],
        )
        .await;
    assert_eq!(on_page.status, 422);
    let by_api = app
        .api("POST", &format!("{api}/{id}/cancel"), Some(&token), None)
        .await;
    assert_eq!(by_api.status, 422);
    assert_eq!(by_api.json()["error"]["code"], "governance-invalid-step");
    let message = by_api.json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("The meeting is not at the stage for that"));
    assert!(on_page.body.contains(&message), "{}", on_page.body);

    // A meeting that is not there is not found on both.
    let nowhere = "0".repeat(32);
    let on_page = app
        .post_form(
            &format!("{page}/{nowhere}/lock"),
            &b.cookies,
            &[("csrf", &b.csrf)],
        )
        .await;
    assert_eq!(on_page.status, 404);
    let by_api = app
        .api("POST", &format!("{api}/{nowhere}/lock"), Some(&token), None)
        .await;
    assert_eq!(by_api.status, 404);
});

on_both!(both_fronts_show_the_same_quorum, |app| {
    let t = twins(&app).await;
    let b = app.browser(&t.secretary).await;
    let token = app.token(&t.secretary).await;
    let id = meeting(&app, &t, 20).await;
    let scope = app
        .store
        .scope(&t.secretary.id, &t.coop.id)
        .await
        .unwrap()
        .unwrap();
    app.store
        .give_notice(&scope, &id, app.clock().today_in_wales(), None)
        .await
        .unwrap();
    app.store
        .record_attendance(
            &scope,
            &id,
            &[
                (t.secretary.id.clone(), Some(Mark::Present)),
                (t.members[1].id.clone(), Some(Mark::Apologies)),
            ],
        )
        .await
        .unwrap();
    let page = app
        .get(&format!("/coops/{}/meetings/{id}", t.coop.id), &b.cookies)
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(
            "Counted: 1 (1 present, 0 by proxy). Apologies: 1. Needed: 2 of the 4 entitled."
        ),
        "{}",
        page.body
    );
    assert!(page.body.contains("The meeting is not quorate"));
    let shown = app
        .api(
            "GET",
            &format!("/api/v1/coops/{}/meetings/{id}", t.coop.id),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(shown.status, 200);
    let quorum = &shown.json()["quorum"];
    assert_eq!(quorum["present"], 1);
    assert_eq!(quorum["in_person"], 1);
    assert_eq!(quorum["by_proxy"], 0);
    assert_eq!(quorum["apologies"], 1);
    assert_eq!(quorum["required"], 2);
    assert_eq!(quorum["quorate"], false);
    assert_eq!(shown.json()["attendance"].as_array().unwrap().len(), 4);
});

on_both!(
    a_vote_on_a_proposal_the_meeting_does_not_decide_names_the_field,
    |app| {
        let t = twins(&app).await;
        let b = app.browser(&t.secretary).await;
        let token = app.token(&t.secretary).await;
        let id = meeting(&app, &t, 20).await;
        let stranger = "0".repeat(32);
        let on_page = app
            .post_form(
                &format!("/coops/{}/meetings/{id}/votes", t.coop.id),
                &b.cookies,
                &[
                    ("csrf", &b.csrf),
                    ("proposal", &stranger),
                    ("member", t.members[0].id.as_str()),
                    ("choice", "for"),
                ],
            )
            .await;
        assert_eq!(on_page.status, 422);
        assert!(
            on_page.body.contains("href=\"#vote-proposal\""),
            "{}",
            on_page.body
        );
        // The API used to pass it to the store, which refused it with a code of
        // its own (or with the meeting's stage); now it is the field's problem.
        let by_api = app
            .api(
                "POST",
                &format!("/api/v1/coops/{}/meetings/{id}/votes", t.coop.id),
                Some(&token),
                Some(serde_json::json!({
                    "proposal": stranger, "member": t.members[0].id.as_str(), "choice": "for",
                })),
            )
            .await;
        assert_eq!(by_api.status, 422, "{}", by_api.body);
        assert_eq!(by_api.json()["error"]["fields"][0]["field"], "proposal");
        assert_eq!(
            by_api.json()["error"]["fields"][0]["code"],
            "meetings-error-vote-proposal"
        );
    }
);

on_both!(
    approving_the_minutes_of_an_unknown_meeting_names_the_field,
    |app| {
        let t = twins(&app).await;
        let b = app.browser(&t.secretary).await;
        let token = app.token(&t.secretary).await;
        let id = meeting(&app, &t, 20).await;
        let unknown = "0".repeat(32);
        let on_page = app
            .post_form(
                &format!("/coops/{}/meetings/{id}/approve", t.coop.id),
                &b.cookies,
                &[("csrf", &b.csrf), ("earlier", &unknown)],
            )
            .await;
        assert_eq!(on_page.status, 422);
        assert!(
            on_page.body.contains("href=\"#earlier\""),
            "{}",
            on_page.body
        );
        // The API answered 404 for the earlier meeting of the body, as if the
        // meeting in the address were not there.
        let by_api = app
            .api(
                "POST",
                &format!("/api/v1/coops/{}/meetings/{id}/approve", t.coop.id),
                Some(&token),
                Some(serde_json::json!({"earlier": unknown})),
            )
            .await;
        assert_eq!(by_api.status, 422, "{}", by_api.body);
        assert_eq!(by_api.json()["error"]["fields"][0]["field"], "earlier");
        assert_eq!(
            by_api.json()["error"]["fields"][0]["code"],
            "meetings-error-earlier"
        );
    }
);
