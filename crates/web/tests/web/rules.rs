//! The rules page: the model rules until the secretary records the rules as
//! registered, once; then a member proposes a change, which becomes a
//! special resolution carrying the new settings.

use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};

use crate::on_both;
use crate::support::TestApp;

fn settings(notice: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("general_quorum_members", "2"),
        ("general_quorum_percent", "50"),
        ("committee_quorum_members", "2"),
        ("committee_quorum_percent", "50"),
        ("general_notice_days", notice),
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

async fn post(
    app: &TestApp,
    path: &str,
    browser: &crate::support::Browser,
    fields: &[(&str, &str)],
) -> crate::support::Reply {
    let mut all = vec![("csrf", browser.csrf.as_str())];
    all.extend_from_slice(fields);
    app.post_form(path, &browser.cookies, &all).await
}

on_both!(
    the_rules_are_recorded_once_then_changed_by_proposal,
    |app| {
        let admin = app.person("admin@cylch.test", "Admin", true).await;
        let coop = app
            .coop(&admin, "Cydweithfa Rheolau", CoopKind::Family)
            .await;
        let secretary = app.person("ysg@cylch.test", "Elin Parry", false).await;
        app.join(
            &coop,
            &secretary,
            CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Secretary),
        )
        .await;
        let pa = app.person("pa@cylch.test", "Huw Pugh", false).await;
        app.join(&coop, &pa, CoopRoles::member(MemberClass::Pa))
            .await;
        let officer = app.browser(&secretary).await;
        let member = app.browser(&pa).await;
        let path = format!("/coops/{}/rules", coop.id);

        let page = app.get(&path, &member.cookies).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Co-operatives UK&#x27;s model rules")
                || page.body.contains("model rules")
        );
        assert!(page.body.contains("14 clear days"));
        assert!(!page.body.contains("Record the rules as registered"));
        let welsh = app
            .get(&path, &format!("{}; cylch_lang=cy", member.cookies))
            .await;
        assert!(welsh.body.contains("Ein rheolau"));
        assert!(welsh.body.contains("14 diwrnod clir"));

        // Only the secretary or chair records them.
        let refused = post(&app, &path, &member, &settings("21")).await;
        assert_eq!(refused.status, 403);

        let officer_page = app.get(&path, &officer.cookies).await;
        assert!(officer_page.body.contains("Record the rules as registered"));
        let mut bad = settings("twenty");
        bad.push(("adopted_on", "2026-04-01"));
        let invalid = post(&app, &path, &officer, &bad).await;
        assert_eq!(invalid.status, 422);
        assert!(invalid.body.contains("href=\"#general_notice_days\""));
        assert!(
            invalid.body.contains("value=\"twenty\""),
            "what was typed is kept"
        );

        // Weighted votes with no class given a weight cannot work.
        let mut unweighted: Vec<(&str, &str)> = settings("21")
            .into_iter()
            .map(|(k, v)| {
                if k == "voting" {
                    (k, "weighted")
                } else {
                    (k, v)
                }
            })
            .collect();
        unweighted.push(("adopted_on", "2026-04-01"));
        let refused_weights = post(&app, &path, &officer, &unweighted).await;
        assert_eq!(refused_weights.status, 422);
        assert!(
            refused_weights
                .body
                .contains("href=\"#weight_supported_person\"")
        );
        assert!(
            refused_weights
                .body
                .contains("give at least one class a weight")
        );

        let mut good = settings("21");
        good.push(("adopted_on", "2026-04-01"));
        let recorded = post(&app, &path, &officer, &good).await;
        assert_eq!(recorded.status, 303, "{}", recorded.body);
        let page = app.get(&path, &officer.cookies).await;
        assert!(page.body.contains("21 clear days"));
        assert!(page.body.contains("The rules as registered"));
        assert!(!page.body.contains("Record the rules as registered"));
        let twice = post(&app, &path, &officer, &good).await;
        assert_eq!(twice.status, 422);
        assert!(twice.body.contains("recorded already"));

        // A member proposes a change; unchanged settings are refused.
        let changes = format!("{path}/changes");
        let mut same = settings("21");
        same.extend([
            ("title", "Longer notice"),
            ("background", "Care has to be arranged."),
            ("opens_at", "2026-01-01T09:00"),
            ("closes_at", "2036-01-01T09:00"),
        ]);
        let unchanged = post(&app, &changes, &member, &same).await;
        assert_eq!(unchanged.status, 422);
        assert!(unchanged.body.contains("Change at least one"));
        let mut longer = settings("28");
        longer.extend([
            ("title", "Longer notice"),
            ("background", "Care has to be arranged."),
            ("opens_at", "2026-01-01T09:00"),
            ("closes_at", "2036-01-01T09:00"),
        ]);
        let proposed = post(&app, &changes, &member, &longer).await;
        assert_eq!(proposed.status, 303, "{}", proposed.body);
        let proposal = app.get(proposed.location(), &member.cookies).await;
        assert!(proposal.body.contains("Longer notice"));
        assert!(
            proposal.body.contains("Special resolution"),
            "{}",
            proposal.body
        );
        // Until it is carried, the rules in force stay as they are.
        let page = app.get(&path, &member.cookies).await;
        assert!(page.body.contains("21 clear days"));
    }
);

on_both!(
    the_rules_invitations_and_notifications_through_the_api,
    |app| {
        let admin = app.person("admin@cylch.test", "Admin", true).await;
        let coop = app.coop(&admin, "Cydweithfa API", CoopKind::Family).await;
        let secretary = app.person("ysg@cylch.test", "Elin Parry", false).await;
        app.join(
            &coop,
            &secretary,
            CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Secretary),
        )
        .await;
        let pa = app.person("pa@cylch.test", "Huw Pugh", false).await;
        app.join(&coop, &pa, CoopRoles::member(MemberClass::Pa))
            .await;
        let token = |account: &cylch_store::accounts::Account| {
            let store = app.store.clone();
            let id = account.id.clone();
            async move { store.create_api_token(&id, "api").await.unwrap().1 }
        };
        let officer = token(&secretary).await;
        let member = token(&pa).await;
        let base = format!("/api/v1/coops/{}", coop.id);

        let read = app
            .api("GET", &format!("{base}/rules"), Some(&member), None)
            .await;
        assert_eq!(read.status, 200);
        let mut rules = read.json()["rules"].clone();
        assert_eq!(rules["general_meeting_notice_days"], 14);
        rules["general_meeting_notice_days"] = serde_json::json!(21);
        let refused = app
            .api(
                "POST",
                &format!("{base}/rules"),
                Some(&member),
                Some(serde_json::json!({"rules": rules, "adopted_on": "2026-04-01"})),
            )
            .await;
        assert_eq!(refused.status, 403);
        let nonsense = app
            .api(
                "POST",
                &format!("{base}/rules"),
                Some(&officer),
                Some(serde_json::json!({"rules": {"quorum": "lots"}, "adopted_on": "2026-04-01"})),
            )
            .await;
        assert_eq!(nonsense.status, 422, "{}", nonsense.body);
        let recorded = app
            .api(
                "POST",
                &format!("{base}/rules"),
                Some(&officer),
                Some(serde_json::json!({"rules": rules, "adopted_on": "2026-04-01"})),
            )
            .await;
        assert_eq!(recorded.status, 204, "{}", recorded.body);
        let read = app
            .api("GET", &format!("{base}/rules"), Some(&member), None)
            .await;
        assert_eq!(read.json()["rules"]["general_meeting_notice_days"], 21);
        assert_eq!(read.json()["history"][0]["version"], 1);

        rules["general_meeting_notice_days"] = serde_json::json!(28);
        let proposed = app
            .api(
                "POST",
                &format!("{base}/rules/changes"),
                Some(&member),
                Some(serde_json::json!({
                    "title": "Four weeks' notice",
                    "opens_at": "2026-01-01T09:00:00Z",
                    "closes_at": "2036-01-01T09:00:00Z",
                    "rules": rules,
                })),
            )
            .await;
        assert_eq!(proposed.status, 201, "{}", proposed.body);

        // The secretary hears of it; the proposer does not.
        let news = app
            .api("GET", "/api/v1/notifications", Some(&officer), None)
            .await;
        assert_eq!(news.json()[0]["kind"], "new_proposal");
        let id = news.json()[0]["id"].as_str().unwrap().to_owned();
        let theirs = app
            .api(
                "POST",
                &format!("/api/v1/notifications/{id}/read"),
                Some(&member),
                None,
            )
            .await;
        assert_eq!(theirs.status, 404);
        let mine = app
            .api(
                "POST",
                &format!("/api/v1/notifications/{id}/read"),
                Some(&officer),
                None,
            )
            .await;
        assert_eq!(mine.status, 204);
        let quiet = app
        .api(
            "PUT",
            &format!("{base}/notifications/settings"),
            Some(&member),
            Some(serde_json::json!({"new_proposal": false, "vote_closing": true, "meeting_notice": true, "result": true})),
        )
        .await;
        assert_eq!(quiet.status, 204);
        let choices = app
            .api(
                "GET",
                &format!("{base}/notifications/settings"),
                Some(&member),
                None,
            )
            .await;
        assert_eq!(choices.json()["new_proposal"], false);

        let invited = app
        .api(
            "POST",
            &format!("{base}/members/invitations"),
            Some(&officer),
            Some(serde_json::json!({"name": "Gwen Morgan", "email": "gwen@cylch.test", "class": "supporter"})),
        )
        .await;
        assert_eq!(invited.status, 201, "{}", invited.body);
        assert_eq!(invited.json()["invited"], true);
        assert!(app.last_email().contains("gwen@cylch.test"));
    }
);
