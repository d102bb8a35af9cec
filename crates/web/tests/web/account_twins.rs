//! The person's own account, their notifications and the instance
//! administrator's actions answer the same on the pages and in the API:
//! where the two used to disagree, the better answer now holds on both.

use serde_json::json;

use crate::on_both;
use crate::support::{PASSWORD, TestApp};

/// The outbox cannot be written: every email fails.
fn break_the_mail(app: &TestApp) {
    assert!(!app.outbox.exists(), "no email has gone yet");
    std::fs::write(&app.outbox, "not a folder").unwrap();
}

on_both!(a_blank_current_password_is_missing_on_the_page, |app| {
    let huw = app.person("huw@cylch.test", "Huw", false).await;
    let browser = app.browser(&huw).await;
    let blank = app
        .post_form(
            "/account/password",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("current", ""),
                ("password", "another long password"),
                ("confirm", "another long password"),
            ],
        )
        .await;
    assert_eq!(blank.status, 422);
    assert!(blank.body.contains("href=\"#current\""), "{}", blank.body);
    assert!(blank.body.contains("Enter your current password"));
    assert!(!blank.body.contains("is not right"));
    // The confirmation is still the page's to check.
    let mismatch = app
        .post_form(
            "/account/password",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("current", PASSWORD),
                ("password", "another long password"),
                ("confirm", "another long passwork"),
            ],
        )
        .await;
    assert_eq!(mismatch.status, 422);
    assert!(mismatch.body.contains("href=\"#confirm\""));
});

on_both!(a_blank_current_password_is_missing_in_the_api, |app| {
    let huw = app.person("huw@cylch.test", "Huw", false).await;
    let token = app.token(&huw).await;
    let blank = app
        .api(
            "PUT",
            "/api/v1/me/password",
            Some(&token),
            Some(json!({"current_password": "", "new_password": "another long password"})),
        )
        .await;
    assert_eq!(blank.status, 422);
    let field = &blank.json()["error"]["fields"][0];
    assert_eq!(field["field"], "current_password");
    assert_eq!(field["code"], "error-missing");
    let wrong = app
        .api(
            "PUT",
            "/api/v1/me/password",
            Some(&token),
            Some(json!({"current_password": "nope", "new_password": "another long password"})),
        )
        .await;
    assert_eq!(
        wrong.json()["error"]["fields"][0]["code"],
        "error-current-password"
    );
});

on_both!(
    a_token_name_left_blank_is_at_its_field_on_both_fronts,
    |app| {
        let elin = app.person("elin@cylch.test", "Elin", false).await;
        let browser = app.browser(&elin).await;
        let page = app
            .post_form(
                "/account/tokens",
                &browser.cookies,
                &[("csrf", &browser.csrf), ("token_name", " ")],
            )
            .await;
        assert_eq!(page.status, 422);
        assert!(page.body.contains("href=\"#token_name\""));
        assert!(page.body.contains("Enter a name for the token"));
        let token = app.token(&elin).await;
        let api = app
            .api(
                "POST",
                "/api/v1/tokens",
                Some(&token),
                Some(json!({"name": " "})),
            )
            .await;
        assert_eq!(api.status, 422);
        assert_eq!(api.json()["error"]["fields"][0]["field"], "name");
        assert_eq!(api.json()["error"]["fields"][0]["code"], "error-missing");
    }
);

on_both!(a_blank_kind_of_coop_is_missing_on_the_page, |app| {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let browser = app.browser(&admin).await;
    let blank = app
        .post_form(
            "/admin/coops",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("name", "Cydweithfa"),
                ("kind", ""),
            ],
        )
        .await;
    assert_eq!(blank.status, 422);
    assert!(blank.body.contains("Choose the kind of co-operative"));
    let unknown = app
        .post_form(
            "/admin/coops",
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("name", "Cydweithfa"),
                ("kind", "agency"),
            ],
        )
        .await;
    assert_eq!(unknown.status, 422);
    assert!(
        unknown
            .body
            .contains("Choose one of the kinds of co-operative")
    );
});

on_both!(a_blank_kind_of_coop_is_missing_in_the_api, |app| {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let token = app.token(&admin).await;
    let blank = app
        .api(
            "POST",
            "/api/v1/admin/coops",
            Some(&token),
            Some(json!({"name": "Cydweithfa", "kind": ""})),
        )
        .await;
    assert_eq!(blank.status, 422);
    let field = &blank.json()["error"]["fields"][0];
    assert_eq!(field["field"], "kind");
    assert_eq!(field["code"], "error-missing");
    let unknown = app
        .api(
            "POST",
            "/api/v1/admin/coops",
            Some(&token),
            Some(json!({"name": "Cydweithfa", "kind": "agency"})),
        )
        .await;
    assert_eq!(
        unknown.json()["error"]["fields"][0]["code"],
        "error-unknown-choice"
    );
});

on_both!(
    an_invitation_not_emailed_is_saved_and_said_on_the_page,
    |app| {
        let admin = app.person("admin@cylch.test", "Admin", true).await;
        let coop = app
            .coop(&admin, "Cydweithfa", cylch_domain::CoopKind::Family)
            .await;
        let browser = app.browser(&admin).await;
        break_the_mail(&app);
        let path = format!("/admin/coops/{}/invite", coop.id);
        let invited = app
            .post_form(
                &path,
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("name", "Elen"),
                    ("email", "elen@cylch.test"),
                    ("office", "chair"),
                ],
            )
            .await;
        assert_eq!(invited.status, 200, "{}", invited.body);
        assert!(invited.body.contains("Invitation saved but not emailed"));
        assert!(invited.body.contains("elen@cylch.test"));
        assert!(invited.body.contains(&format!("href=\"{path}\"")));
        assert!(!invited.body.contains("We have emailed"));
    }
);

on_both!(
    an_invitation_not_emailed_is_saved_and_said_in_the_api,
    |app| {
        let admin = app.person("admin@cylch.test", "Admin", true).await;
        let coop = app
            .coop(&admin, "Cydweithfa", cylch_domain::CoopKind::Family)
            .await;
        let token = app.token(&admin).await;
        let path = format!("/api/v1/admin/coops/{}/invitations", coop.id);
        break_the_mail(&app);
        let invited = app
            .api(
                "POST",
                &path,
                Some(&token),
                Some(json!({"name": "Elen", "email": "elen@cylch.test", "office": "chair"})),
            )
            .await;
        assert_eq!(invited.status, 201, "{}", invited.body);
        assert_eq!(invited.json()["emailed"], false);
        assert!(invited.json()["id"].is_string());
    }
);

on_both!(an_invitation_emailed_says_so_in_the_api, |app| {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa", cylch_domain::CoopKind::Family)
        .await;
    let token = app.token(&admin).await;
    let invited = app
        .api(
            "POST",
            &format!("/api/v1/admin/coops/{}/invitations", coop.id),
            Some(&token),
            Some(json!({"name": "Elen", "email": "elen@cylch.test", "office": "chair"})),
        )
        .await;
    assert_eq!(invited.status, 201);
    assert_eq!(invited.json()["emailed"], true);
    assert!(app.last_email().contains("To: elen@cylch.test"));
});

on_both!(email_choices_are_saved_alike_on_both_fronts, |app| {
    let cast = crate::support::cast(&app).await;
    let chair = cast.who("chair");
    let browser = app.browser(chair).await;
    let path = format!("/coops/{}/notifications", cast.coop_a.id);
    let saved = app
        .post_form(
            &path,
            &browser.cookies,
            &[("csrf", &browser.csrf), ("vote_closing", "on")],
        )
        .await;
    assert_eq!(saved.status, 200);
    let token = app.token(chair).await;
    let api_path = format!("/api/v1/coops/{}/notifications/settings", cast.coop_a.id);
    let read = app.api("GET", &api_path, Some(&token), None).await;
    assert_eq!(
        read.json(),
        json!({"new_proposal": false, "vote_closing": true, "meeting_notice": false, "result": false})
    );
    let put = app
        .api(
            "PUT",
            &api_path,
            Some(&token),
            Some(json!({"new_proposal": true, "vote_closing": false, "meeting_notice": true, "result": false})),
        )
        .await;
    assert_eq!(put.status, 204);
    let page = app.get(&path, &browser.cookies).await;
    assert_eq!(page.status, 200);
    let read = app.api("GET", &api_path, Some(&token), None).await;
    assert_eq!(read.json()["meeting_notice"], true);
    assert_eq!(read.json()["vote_closing"], false);
});

on_both!(
    a_notification_not_theirs_is_not_found_on_both_fronts,
    |app| {
        let huw = app.person("huw@cylch.test", "Huw", false).await;
        let browser = app.browser(&huw).await;
        let page = app
            .post_form(
                "/notifications/nothing-here/read",
                &browser.cookies,
                &[("csrf", &browser.csrf)],
            )
            .await;
        assert_eq!(page.status, 404);
        let token = app.token(&huw).await;
        let api = app
            .api(
                "POST",
                "/api/v1/notifications/nothing-here/read",
                Some(&token),
                None,
            )
            .await;
        assert_eq!(api.status, 404);
    }
);
