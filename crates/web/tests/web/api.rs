//! The JSON API: the same powers as the pages, through tokens.

use serde_json::json;

use crate::on_both;
use crate::support::TestApp;

#[tokio::test]
async fn every_api_route_is_in_the_openapi_document() {
    let app = TestApp::new(cylch_store::testing::Backend::Sqlite)
        .await
        .unwrap();
    let doc = app.api("GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(doc.status, 200);
    let doc = doc.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for (method, route) in cylch_web::routes::list()
        .into_iter()
        .filter(|(_, p)| p.starts_with("/api/") && !p.ends_with("openapi.json"))
    {
        let entry = paths
            .get(route)
            .unwrap_or_else(|| panic!("{route} is not documented"));
        assert!(
            entry.get(method.to_lowercase()).is_some(),
            "{method} {route} is not documented"
        );
    }
    let documented: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    let served = cylch_web::routes::list()
        .into_iter()
        .filter(|(_, p)| p.starts_with("/api/") && !p.ends_with("openapi.json"))
        .count();
    assert_eq!(
        documented, served,
        "the document names a route that is not served"
    );
}

/// Every schema the document refers to is in it: the document is assembled
/// from the routes, so a body type that the assembly missed would leave a
/// dangling reference for a client's code generator.
#[tokio::test]
async fn every_schema_the_openapi_document_names_is_in_it() {
    fn refs(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value.as_str()) {
                        ("$ref", Some(target)) => found.push(target.to_owned()),
                        _ => refs(value, found),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
            _ => {}
        }
    }
    let app = TestApp::new(cylch_store::testing::Backend::Sqlite)
        .await
        .unwrap();
    let doc = app
        .api("GET", "/api/v1/openapi.json", None, None)
        .await
        .json();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(found.len() > 50, "the routes' bodies name their schemas");
    for target in found {
        let name = target
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("{target} is not a schema reference"));
        assert!(
            schemas.contains_key(name),
            "{target} is not in the document"
        );
    }
    for name in ["ApiErrorBody", "MeetingView", "ProposalView", "NewSpending"] {
        assert!(schemas.contains_key(name), "{name} is documented");
    }
}

on_both!(the_admin_sets_up_a_coop_through_the_api, |app| {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let (_, token) = app
        .store
        .create_api_token(&admin.id, "setup")
        .await
        .unwrap();
    let bad = app
        .api(
            "POST",
            "/api/v1/admin/coops",
            Some(&token),
            Some(json!({"name": "", "kind": "agency"})),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.json()["error"]["fields"][1]["field"], "kind");
    let created = app
        .api(
            "POST",
            "/api/v1/admin/coops",
            Some(&token),
            Some(json!({"name": "Cydweithfa API", "kind": "pa_coop"})),
        )
        .await;
    assert_eq!(created.status, 201);
    let coop_id = created.json()["id"].as_str().unwrap().to_owned();
    let invited = app
        .api(
            "POST",
            &format!("/api/v1/admin/coops/{coop_id}/invitations"),
            Some(&token),
            Some(json!({"name": "Sioned", "email": "sioned@cylch.test", "office": "coordinator"})),
        )
        .await;
    assert_eq!(invited.status, 201);
    assert!(app.last_email().contains("To: sioned@cylch.test"));
    let listed = app
        .api("GET", "/api/v1/admin/coops", Some(&token), None)
        .await;
    assert_eq!(listed.json()[0]["name"], "Cydweithfa API");
    assert!(listed.json()[0].get("roles").is_none());
    let as_member = app
        .api(
            "GET",
            &format!("/api/v1/coops/{coop_id}"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(as_member.status, 404, "the admin holds no role in it");
});

on_both!(members_read_their_own_coop_and_nothing_else, |app| {
    use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let ours = app.coop(&admin, "Ein Cydweithfa", CoopKind::Family).await;
    let theirs = app.coop(&admin, "Eu Cydweithfa", CoopKind::Family).await;
    let pa = app.person("pa@cylch.test", "Dafydd", false).await;
    let treasurer = app.person("treasurer@cylch.test", "Gareth", false).await;
    app.join(&ours, &pa, CoopRoles::member(MemberClass::Pa))
        .await;
    app.join(
        &ours,
        &treasurer,
        CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Treasurer),
    )
    .await;
    let (_, pa_token) = app.store.create_api_token(&pa.id, "phone").await.unwrap();
    let (_, treasurer_token) = app
        .store
        .create_api_token(&treasurer.id, "laptop")
        .await
        .unwrap();

    let mine = app
        .api("GET", "/api/v1/coops", Some(&pa_token), None)
        .await
        .json();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["roles"]["class"], "pa");
    let members = app
        .api(
            "GET",
            &format!("/api/v1/coops/{}/members", ours.id),
            Some(&pa_token),
            None,
        )
        .await
        .json();
    assert_eq!(members.as_array().unwrap().len(), 2);
    assert_eq!(
        app.api(
            "GET",
            &format!("/api/v1/coops/{}", theirs.id),
            Some(&pa_token),
            None
        )
        .await
        .status,
        404
    );
    assert_eq!(
        app.api(
            "GET",
            &format!("/api/v1/coops/{}/audit", ours.id),
            Some(&pa_token),
            None
        )
        .await
        .status,
        403
    );
    let audit = app
        .api(
            "GET",
            &format!("/api/v1/coops/{}/audit", ours.id),
            Some(&treasurer_token),
            None,
        )
        .await;
    assert_eq!(audit.status, 200);
    assert!(
        audit
            .json()
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["record_kind"] == "membership")
    );
    assert_eq!(
        app.api("GET", "/api/v1/admin/coops", Some(&pa_token), None)
            .await
            .status,
        403
    );
});

on_both!(account_changes_through_the_api, |app| {
    let account = app.person("api@cylch.test", "Api", false).await;
    let (_, token) = app
        .store
        .create_api_token(&account.id, "cli")
        .await
        .unwrap();
    let updated = app
        .api(
            "PUT",
            "/api/v1/me",
            Some(&token),
            Some(json!({"name": "Api Person", "email": "api2@cylch.test", "language": "cy", "current_password": crate::support::PASSWORD})),
        )
        .await;
    assert_eq!(updated.status, 200);
    assert_eq!(updated.json()["language"], "cy");
    let wrong = app
        .api(
            "PUT",
            "/api/v1/me/password",
            Some(&token),
            Some(json!({"current_password": "nope", "new_password": "a brand new password"})),
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert_eq!(
        wrong.json()["error"]["fields"][0]["field"],
        "current_password"
    );
    let changed = app
        .api(
            "PUT",
            "/api/v1/me/password",
            Some(&token),
            Some(json!({"current_password": crate::support::PASSWORD, "new_password": "a brand new password"})),
        )
        .await;
    assert_eq!(changed.status, 204);
    let new_token = app
        .api(
            "POST",
            "/api/v1/tokens",
            Some(&token),
            Some(json!({"name": "second"})),
        )
        .await;
    assert_eq!(new_token.status, 201);
    let second = new_token.json()["secret"].as_str().unwrap().to_owned();
    let id = new_token.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(
        app.api("GET", "/api/v1/tokens", Some(&second), None)
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        app.api(
            "DELETE",
            &format!("/api/v1/tokens/{id}"),
            Some(&token),
            None
        )
        .await
        .status,
        204
    );
    assert_eq!(
        app.api("GET", "/api/v1/me", Some(&second), None)
            .await
            .status,
        401
    );
    assert_eq!(
        app.api("GET", "/api/v1/me", Some("cylch_forged"), None)
            .await
            .status,
        401
    );
    assert_eq!(
        app.api("GET", "/api/v1/me", None, None).await.json()["error"]["code"],
        "sign-in-required"
    );
});
