//! Claims: made on the page, approved by officers other than the claimant
//! (two above the limit the officers set), paid once, and shared between
//! people by a rule.

use cylch_store::support::SupportedPerson;

use super::builders::{Books, Pages};
use crate::on_both;
use crate::support::Reply;

/// A claim by whoever `by` is signed in as for a £300 hoist sling for Gwen.
async fn hoist_sling(by: &Pages<'_>, gwen: &SupportedPerson) -> Reply {
    by.post(
        "/claims",
        &[
            ("claim_description", "Hoist sling"),
            ("claim_category", "equipment"),
            ("claim_amount", "300.00"),
            ("claim_charge_to", &format!("person:{}", gwen.id)),
        ],
    )
    .await
}

async fn approve(by: &Pages<'_>, claim: &str) -> Reply {
    by.post("/claims/approve", &[("claim", claim)]).await
}

async fn pay(by: &Pages<'_>, claim: &str) -> Reply {
    by.post(
        "/claims/pay",
        &[("claim", claim), ("paid_on", "2026-05-01")],
    )
    .await
}

on_both!(
    payments_above_the_limit_need_two_officers_none_their_own,
    |app| {
        let books = Books::new(&app).await;
        let gwen = books.gwen().await;
        let t = books.pages("treasurer").await;
        let chair = books.pages("chair").await;
        let secretary = books.pages("secretary").await;

        let made = hoist_sling(&t, &gwen).await;
        assert_eq!(made.status, 303, "{}", made.body);
        let page = t.get("/claims").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Equipment"), "the category is shown");
        assert!(
            page.body.contains("Waiting for approval: 0 of 2"),
            "{}",
            page.body
        );
        let id = app.store.claims(&books.scope).await.unwrap()[0]
            .claim
            .id()
            .to_owned();

        let own = approve(&t, &id).await;
        assert_eq!(own.status, 422);
        assert!(own.body.contains("Nobody can approve their own claim"));
        assert!(
            own.body.contains("id=\"claim\""),
            "the problem is at the claim"
        );
        assert_eq!(approve(&chair, &id).await.status, 303);
        let twice = approve(&chair, &id).await;
        assert_eq!(twice.status, 422);
        assert!(
            twice
                .body
                .contains("A different officer must give the second approval")
        );
        // Not yet approved by two: it cannot be paid.
        let early = pay(&t, &id).await;
        assert_eq!(early.status, 422);
        assert!(
            app.store
                .ledger_entries(&books.scope)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(approve(&secretary, &id).await.status, 303);
        let page = t.get("/claims").await;
        assert!(page.body.contains("Approved, not yet paid"));
        assert_eq!(pay(&t, &id).await.status, 303);
        assert_eq!(
            app.store.ledger_entries(&books.scope).await.unwrap().len(),
            1
        );
        assert_eq!(pay(&t, &id).await.status, 422, "paid once");

        // The officers raise the limit: the same claim now needs one.
        let settings = t
            .post("/settings", &[("limit", "500.00"), ("surplus_weeks", "8")])
            .await;
        assert_eq!(settings.status, 303, "{}", settings.body);
        let bad = t
            .post("/settings", &[("limit", "lots"), ("surplus_weeks", "0")])
            .await;
        assert_eq!(bad.status, 422);
        assert!(
            bad.body.contains("href=\"#limit\"") && bad.body.contains("href=\"#surplus_weeks\"")
        );
        assert_eq!(hoist_sling(&t, &gwen).await.status, 303);
        let page = t.get("/claims").await;
        assert!(
            page.body.contains("Waiting for approval: 0 of 1"),
            "{}",
            page.body
        );
        assert!(
            page.body
                .contains("Payments above £500.00 need two officers")
        );
        let audit = app.store.audit_trail(&books.scope, 1000).await.unwrap();
        for kind in [
            "payment_claim",
            "claim_approval",
            "claim_payment",
            "ledger_settings",
        ] {
            assert!(
                audit.iter().any(|a| a.record_kind == kind),
                "{kind} is audited"
            );
        }
    }
);

on_both!(a_claim_is_shared_between_people_by_a_rule, |app| {
    use cylch_ledger::{ChargeTo, PersonId, SplitRule};
    let books = Books::new(&app).await;
    // Both represented here: Gwen by the "supported" account, Huw by the
    // representative.
    let mut ids = Vec::new();
    for (name, account) in [("Gwen", "supported"), ("Huw", "representative")] {
        let person = books
            .supports(name, None, Some(&books.who(account).id))
            .await;
        ids.push(person.id);
    }
    let (gwen, huw) = (ids[0].as_str(), ids[1].as_str());
    let browser = books.pages("treasurer").await;
    let claim = |rule: &'static str, gwen_hours: &'static str| {
        vec![
            ("claim_description", "Minibus"),
            ("claim_category", "activities"),
            ("claim_amount", "90.00"),
            ("claim_charge_to", "shared"),
            ("claim_shared_with", gwen),
            ("claim_shared_with", huw),
            ("claim_split_rule", rule),
            ("claim_share_for", gwen),
            ("claim_share", gwen_hours),
            ("claim_share_for", huw),
            ("claim_share", "1"),
        ]
    };
    let refused = browser.post("/claims", &claim("hours", "two")).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Enter the hours of support for each person ticked"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("href=\"#claim_shared_with\""));
    assert!(app.store.claims(&books.scope).await.unwrap().is_empty());
    let made = browser.post("/claims", &claim("hours", "2")).await;
    assert_eq!(made.status, 303, "{}", made.body);
    let claims = app.store.claims(&books.scope).await.unwrap();
    assert_eq!(
        claims[0].charge_to,
        ChargeTo::Shared {
            rule: SplitRule::ByMinutes {
                minutes: vec![
                    (PersonId::new(gwen).unwrap(), 120),
                    (PersonId::new(huw).unwrap(), 60)
                ]
            }
        }
    );
    let page = browser.get("/claims").await;
    assert!(page.body.contains("Gwen, Huw"), "{}", page.body);
});
