//! Posting to the books: lines that no route edits or deletes, corrections
//! only by reversal, receipts checked against what was arranged, and a
//! shared cost split by hours or fixed shares.

use serde_json::json;

use super::builders::Books;
use crate::on_both;

on_both!(posted_entries_are_corrected_only_by_reversal, |app| {
    let books = Books::new(&app).await;
    let t = books.api("treasurer").await;
    let base = t.base.as_str();
    let posted = t
        .post(
            "/entries",
            json!({
                "date": "2026-04-10", "description": "Stamps", "category": "admin",
                "amount_pence": 850, "charge_to": {"to": "general"}
            }),
        )
        .await;
    assert_eq!(posted.status, 201, "{}", posted.body);
    let id = posted.json()["id"].as_str().unwrap().to_owned();

    // No route changes or deletes anything in the books.
    for (method, path) in cylch_web::routes::list() {
        if path.contains("/ledger") {
            assert!(
                method == "GET" || method == "POST",
                "{method} {path} could change the books"
            );
        }
    }
    for method in ["PUT", "PATCH", "DELETE"] {
        for path in [
            "/entries".to_owned(),
            format!("/entries/{id}"),
            "/reversals".to_owned(),
        ] {
            let reply = t
                .send(method, &path, Some(json!({"amount_pence": 1})))
                .await;
            assert!(
                matches!(reply.status.as_u16(), 404 | 405),
                "{method} {base}{path}: {}",
                reply.status
            );
        }
    }

    let reversal = t
        .post(
            "/reversals",
            json!({"entry": id, "date": "2026-04-11", "reason": "Posted twice"}),
        )
        .await;
    assert_eq!(reversal.status, 201, "{}", reversal.body);
    let again = t
        .post(
            "/reversals",
            json!({"entry": id, "date": "2026-04-12", "reason": "Again"}),
        )
        .await;
    assert_eq!(again.status, 422);
    assert_eq!(again.json()["error"]["code"], "ledger-already-reversed");

    let entries = t.get("/entries").await.json();
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["id"], id.as_str());
    assert_eq!(entries[0]["entry"]["description"], "Stamps");
    assert_eq!(entries[0]["reversed_by"], entries[1]["id"]);
    let trial = t.get("/trial-balance?as_at=2026-04-30").await;
    assert_eq!(trial.json()["rows"].as_array().unwrap().len(), 0);
});

on_both!(
    corrections_on_the_pages_are_reversals_and_receipts_are_checked,
    |app| {
        let books = Books::new(&app).await;
        let gwen = books.gwen().await;
        let api = books.api("treasurer").await;
        api.post(
            "/arrangements",
            json!({
                "person": gwen.id, "council": "Cyngor Gwynedd", "amount_pence": 30000,
                "frequency": "weekly", "starts_on": "2026-04-03"
            }),
        )
        .await;
        // The first week's payment arrives £50 short and four days late.
        api.post(
            "/receipts",
            json!({"person": gwen.id, "date": "2026-04-07", "amount_pence": 25000, "description": "DP"}),
        )
        .await;
        let own = books.api("supported").await;
        let checks = own
            .get(&format!(
                "/receipts?person={}&from=2026-04-01&to=2026-04-09",
                gwen.id
            ))
            .await;
        assert_eq!(checks.status, 200, "{}", checks.body);
        let first = &checks.json()["checks"][0]["outcome"];
        assert_eq!(first["outcome"], "received");
        assert_eq!(first["flags"][0]["flag"], "short");
        assert_eq!(first["flags"][0]["by"], 5000);
        let forecast = own
            .get(&format!("/forecast?person={}&months=3", gwen.id))
            .await;
        assert_eq!(forecast.status, 200, "{}", forecast.body);
        assert_eq!(forecast.json()["months"].as_array().unwrap().len(), 3);

        let browser = books.pages("treasurer").await;
        let entry = app.store.ledger_entries(&books.scope).await.unwrap()[0]
            .entry
            .id()
            .as_str()
            .to_owned();
        let page = browser.get("/entries").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Reverse this entry"));
        let missing = browser
            .post(
                "/reversals",
                &[("entry", &entry), ("reverse_date", "2026-04-08")],
            )
            .await;
        assert_eq!(missing.status, 422);
        let reversed = browser
            .post(
                "/reversals",
                &[
                    ("entry", &entry),
                    ("reverse_date", "2026-04-08"),
                    ("reason", "Wrong amount"),
                ],
            )
            .await;
        assert_eq!(reversed.status, 303, "{}", reversed.body);
        let again = browser
            .post(
                "/reversals",
                &[
                    ("entry", &entry),
                    ("reverse_date", "2026-04-08"),
                    ("reason", "Again"),
                ],
            )
            .await;
        assert_eq!(again.status, 422);
        let page = browser.get("/entries").await;
        assert!(page.body.contains("Reversed") && page.body.contains("A reversal"));
        let stored = app.store.ledger_entries(&books.scope).await.unwrap();
        assert_eq!(stored.len(), 2);
        assert_eq!(
            stored[0].entry.lines()[0].amount.get(),
            25000,
            "the original is unchanged"
        );
    }
);

on_both!(
    shared_costs_split_by_hours_or_fixed_shares_on_the_page,
    |app| {
        use cylch_ledger::PersonId;
        use cylch_ledger::report::Period;
        let books = Books::new(&app).await;
        let (gwen, huw) = (books.gwen().await.id, books.huw().await.id);
        let (gwen, huw) = (gwen.as_str(), huw.as_str());
        let browser = books.pages("treasurer").await;
        let spend = |what: &'static str,
                     rule: &'static str,
                     gwen_share: &'static str,
                     huw_share: &'static str| {
            vec![
                ("date", "2026-04-10"),
                ("description", what),
                ("category", "activities"),
                ("amount", "40.00"),
                ("charge_to", "shared"),
                ("shared_with", gwen),
                ("shared_with", huw),
                ("split_rule", rule),
                ("share_for", huw),
                ("share", huw_share),
                ("share_for", gwen),
                ("share", gwen_share),
            ]
        };
        // A share missing: named, and what was typed kept.
        let refused = browser
            .post("/spending", &spend("Taith", "weights", "3", ""))
            .await;
        assert_eq!(refused.status, 422);
        assert!(
            refused
                .body
                .contains("Enter a whole-number share for each person ticked"),
            "{}",
            refused.body
        );
        assert!(refused.body.contains(&format!("id=\"share-{gwen}\" name=\"share\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" aria-describedby=\"share-hint\" value=\"3\"")), "{}", refused.body);
        assert!(
            refused
                .body
                .contains("id=\"split-weights\" name=\"split_rule\" value=\"weights\" checked")
        );

        // Three hours of support for Gwen and one for Huw: £30 and £10; fixed
        // shares of 1 and 3 the other way round.
        for (what, rule, g, h) in [
            ("Outing", "hours", "3", "1.0"),
            ("Cinema", "weights", "1", "3"),
        ] {
            let sent = browser.post("/spending", &spend(what, rule, g, h)).await;
            assert_eq!(sent.status, 303, "{}", sent.body);
        }
        let quarter =
            Period::new("2026-04-01".parse().unwrap(), "2026-06-30".parse().unwrap()).unwrap();
        for (person, outing, cinema) in [(gwen, 3_000, 1_000), (huw, 1_000, 3_000)] {
            let statement = app
                .store
                .person_statement(&books.scope, &PersonId::new(person).unwrap(), quarter)
                .await
                .unwrap();
            let shares: Vec<(String, i64, i64)> = statement
                .shared_items
                .iter()
                .map(|i| (i.description.clone(), i.share.get(), i.whole_cost.get()))
                .collect();
            assert_eq!(
                shares,
                vec![
                    ("Outing".to_owned(), outing, 4_000),
                    ("Cinema".to_owned(), cinema, 4_000)
                ]
            );
        }
        // Gwen's statement says how each cost was shared, from her side.
        let statement = browser
            .get(&format!(
                "/statement?person={gwen}&from=2026-04-01&to=2026-06-30"
            ))
            .await;
        for said in [
            "<td class=\"money\">£30.00</td><td>3 of 4 hours of support</td>",
            "<td class=\"money\">£10.00</td><td>1 of 4 shares</td>",
        ] {
            assert!(statement.body.contains(said), "{said}: {}", statement.body);
        }
    }
);
