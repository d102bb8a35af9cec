//! Money has a bound at the edge: one absurd amount, once posted, could
//! never be removed and would break every total for ever.

use serde_json::json;

use super::builders::Books;
use crate::on_both;

on_both!(
    amounts_beyond_ten_million_pounds_are_refused_at_the_field,
    |app| {
        let books = Books::new(&app).await;
        let gwen = books.gwen().await;
        let t = books.api("treasurer").await;
        for amount in [i64::MAX, 1_000_000_001] {
            let refused = t
                .post(
                    "/entries",
                    json!({
                        "date": "2026-04-10", "description": "Stamps", "category": "admin",
                        "amount_pence": amount, "charge_to": {"to": "general"}
                    }),
                )
                .await;
            assert_eq!(refused.status, 422, "{}", refused.body);
            let fields = refused.json()["error"]["fields"].clone();
            assert_eq!(fields[0]["field"], "amount_pence", "{}", refused.body);
            assert_eq!(fields[0]["code"], "error-amount-too-large");
            assert!(
                fields[0]["message"]
                    .as_str()
                    .unwrap()
                    .contains("£10,000,000")
            );
            let receipt = t
            .post(
                "/receipts",
                json!({"person": gwen.id, "date": "2026-04-01", "amount_pence": amount, "description": "DP"}),
            )
            .await;
            assert_eq!(receipt.status, 422, "{}", receipt.body);
            assert!(receipt.body.contains("error-amount-too-large"));
            let budget = t
                .post(
                    "/budgets",
                    json!({
                        "fund": gwen.id, "category": "activities", "from": "2026-04-01",
                        "to": "2027-03-31", "amount_pence": amount
                    }),
                )
                .await;
            assert_eq!(budget.status, 422, "{}", budget.body);
            assert!(budget.body.contains("error-amount-too-large"));
        }
        // The largest amount allowed is taken.
        let largest = t
            .post(
                "/entries",
                json!({
                    "date": "2026-04-10", "description": "A building", "category": "admin",
                    "amount_pence": 1_000_000_000, "charge_to": {"to": "general"}
                }),
            )
            .await;
        assert_eq!(largest.status, 201, "{}", largest.body);

        // The pages say so at the field, in Welsh too.
        let p = books.pages("treasurer").await;
        let page = p
            .post(
                "/spending",
                &[
                    ("date", "2026-04-10"),
                    ("description", "Stamps"),
                    ("category", "admin"),
                    ("amount", "92,233,720,368,547,758.07"),
                    ("charge_to", "general"),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{}", page.body);
        let page = p
            .post(
                "/spending",
                &[
                    ("date", "2026-04-10"),
                    ("description", "Stamps"),
                    ("category", "admin"),
                    ("amount", "10,000,000.01"),
                    ("charge_to", "general"),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert!(
            page.body.contains("no more than £10,000,000"),
            "{}",
            page.body
        );
        let budget = p
            .post(
                "/budgets",
                &[
                    ("budget_fund", "general"),
                    ("budget_category", "activities"),
                    ("budget_from", "2026-04-01"),
                    ("budget_to", "2027-03-31"),
                    ("budget_amount", "20000000"),
                ],
            )
            .await;
        assert_eq!(budget.status, 422, "{}", budget.body);
        assert!(
            budget.body.contains("no more than £10,000,000"),
            "{}",
            budget.body
        );
    }
);
