//! The ledger's page and API twins answer alike: each pair calls one
//! command, and each case where they disagreed is tested on both fronts.

use cylch_ledger::account::codes;
use cylch_ledger::journal::{EntryDraft, Line};
use cylch_ledger::{EntryId, FundId, Pence, PersonId};
use cylch_store::CoopScope;
use cylch_store::support::NewSupportedPerson;
use serde_json::json;

use crate::on_both;
use crate::support::{Reply, TestApp, cast};

struct Twins {
    scope: CoopScope,
    /// The member whose fund the tests write to.
    supported: cylch_store::AccountId,
    coop: String,
    token: String,
    cookies: String,
    csrf: String,
}

impl Twins {
    async fn new(app: &TestApp) -> Twins {
        let cast = cast(app).await;
        let treasurer = cast.who("treasurer");
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        let browser = app.browser(treasurer).await;
        Twins {
            scope,
            supported: cast.who("supported").id.clone(),
            coop: cast.coop_a.id.as_str().to_owned(),
            token: app.token(treasurer).await,
            cookies: browser.cookies,
            csrf: browser.csrf,
        }
    }

    async fn api(&self, app: &TestApp, path: &str, body: serde_json::Value) -> Reply {
        app.api(
            "POST",
            &format!("/api/v1/coops/{}/ledger{path}", self.coop),
            Some(&self.token),
            Some(body),
        )
        .await
    }

    async fn page(&self, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut form = vec![("csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        app.post_form(
            &format!("/coops/{}/ledger{path}", self.coop),
            &self.cookies,
            &form,
        )
        .await
    }
}

/// An entry whose bank lines, across two funds, move more money than a
/// sum of pence can hold: the books took it (each fund balances), and
/// reconciling the bank is refused by the ledger's rules.
async fn books_reconciliation_refuses(app: &TestApp, t: &Twins) {
    let person = app
        .store
        .add_supported_person(
            &t.scope,
            NewSupportedPerson {
                name: "Gwen",
                member_account: Some(&t.supported),
                represented_by: None,
                starts_on: "2026-01-01".parse().unwrap(),
            },
        )
        .await
        .unwrap();
    let person = FundId::Person(PersonId::new(person.id.clone()).unwrap());
    let most = Pence::new(i64::MAX);
    let lines = vec![
        Line::debit(codes::BANK, FundId::General, most),
        Line::credit(codes::BROUGHT_FORWARD, FundId::General, most),
        Line::debit(codes::BANK, person.clone(), most),
        Line::credit(codes::BROUGHT_FORWARD, person, most),
    ];
    app.store
        .post_entry(
            &t.scope,
            EntryDraft {
                id: EntryId::new("huge".to_owned()),
                date: "2026-04-01".parse().unwrap(),
                description: "Brought forward".into(),
                lines,
                allocation: None,
                reverses: None,
            },
        )
        .await
        .unwrap();
}

on_both!(a_reconcile_refusal_is_a_422_on_both_fronts, |app| {
    let t = Twins::new(&app).await;
    books_reconciliation_refuses(&app, &t).await;

    let api = t.api(&app, "/bank/reconcile", json!({})).await;
    assert_eq!(api.status, 422, "{}", api.body);
    let code = api.json()["error"]["code"].as_str().unwrap().to_owned();
    assert!(code.starts_with("ledger-"), "{code}");

    let page = t.page(&app, "/reconcile", &[]).await;
    assert_eq!(page.status, 422, "{}", page.body);
    let message = api.json()["error"]["message"].as_str().unwrap().to_owned();
    assert!(
        page.body.contains(&message.replace('\'', "&#x27;")) || page.body.contains(&message),
        "the page says what the API says: {message}\n{}",
        page.body
    );
});

on_both!(
    approving_no_claim_is_a_problem_with_the_claim_on_both_fronts,
    |app| {
        let t = Twins::new(&app).await;
        // The API answered "not found"; the page, that the claim was missing.
        let api = t.api(&app, "/approvals", json!({"claim": "  "})).await;
        assert_eq!(api.status, 422, "{}", api.body);
        assert_eq!(api.json()["error"]["fields"][0]["field"], "claim");

        let page = t.page(&app, "/claims/approve", &[("claim", "")]).await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert!(page.body.contains("id=\"claim\""), "{}", page.body);
    }
);

on_both!(
    paying_no_claim_is_a_problem_with_the_claim_on_both_fronts,
    |app| {
        let t = Twins::new(&app).await;
        let api = t
            .api(
                &app,
                "/payments",
                json!({"claim": "", "date": "2026-05-01"}),
            )
            .await;
        assert_eq!(api.status, 422, "{}", api.body);
        assert_eq!(api.json()["error"]["fields"][0]["field"], "claim");

        let page = t
            .page(
                &app,
                "/claims/pay",
                &[("claim", ""), ("paid_on", "2026-05-01")],
            )
            .await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert!(page.body.contains("id=\"claim\""), "{}", page.body);
    }
);

on_both!(a_claim_not_there_is_not_found_on_both_fronts, |app| {
    let t = Twins::new(&app).await;
    let api = t.api(&app, "/approvals", json!({"claim": "nope"})).await;
    let page = t.page(&app, "/claims/approve", &[("claim", "nope")]).await;
    assert_eq!(api.status, page.status, "{}\n{}", api.body, page.body);
});
