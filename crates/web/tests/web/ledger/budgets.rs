//! Budgets set on the page and through the API and compared with what was
//! spent, by category and by person; and the year's accounts through the
//! API.

use serde_json::json;

use super::builders::{Books, Pages, fund_of};
use crate::on_both;
use crate::support::Reply;

/// The budget form as the treasurer fills it in.
async fn set_budget(
    by: &Pages<'_>,
    fund: &str,
    category: &str,
    from: &str,
    to: &str,
    amount: &str,
) -> Reply {
    by.post(
        "/budgets",
        &[
            ("budget_fund", fund),
            ("budget_category", category),
            ("budget_from", from),
            ("budget_to", to),
            ("budget_amount", amount),
        ],
    )
    .await
}

on_both!(
    budgets_are_set_on_the_page_and_compared_by_category_and_person,
    |app| {
        use cylch_ledger::{Category, ChargeTo};
        let books = Books::new(&app).await;
        let gwen = &fund_of(&books.gwen().await);
        let huw = &fund_of(&books.huw().await);
        let t = books.pages("treasurer").await;

        // Each problem named at its field, what was typed kept.
        let refused = set_budget(&t, gwen.as_str(), "", "2026-04-01", "2026-03-31", "-5").await;
        assert_eq!(refused.status, 422);
        for problem in [
            "Choose the category the budget is for",
            "The amount budgeted cannot be less than nothing",
        ] {
            assert!(
                refused.body.contains(problem),
                "{problem}: {}",
                refused.body
            );
        }
        assert!(refused.body.contains("value=\"-5\""));
        let backwards =
            set_budget(&t, "general", "insurance", "2026-04-01", "2026-03-31", "10").await;
        assert_eq!(backwards.status, 422);
        assert!(backwards.body.contains("on or after its first day"));
        let stranger = set_budget(
            &t,
            "somebody-else",
            "insurance",
            "2026-04-01",
            "2027-03-31",
            "10",
        )
        .await;
        assert_eq!(stranger.status, 422);
        assert!(app.store.budgets(&books.scope).await.unwrap().is_empty());

        // For the year 2026–27: Gwen £365 and Huw £100 of activities; the
        // general fund £73 of insurance.
        for (fund, category, amount) in [
            (gwen.as_str(), "activities", "365"),
            (huw.as_str(), "activities", "100.00"),
            ("general", "insurance", "73"),
        ] {
            let set = set_budget(&t, fund, category, "2026-04-01", "2027-03-31", amount).await;
            assert_eq!(set.status, 303, "{}", set.body);
        }
        // Spent in April to June: Gwen £50 on activities, Huw £120 on
        // activities (over budget) and £15 on equipment (no budget).
        for (person, category, amount) in [
            (gwen, Category::Activities, 5_000),
            (huw, Category::Activities, 12_000),
            (huw, Category::Equipment, 1_500),
        ] {
            books
                .spent(
                    "2026-05-05".parse().unwrap(),
                    "Spent",
                    category,
                    amount,
                    ChargeTo::Person {
                        person: person.clone(),
                    },
                )
                .await;
        }

        // The quarter is 91 of the year's 365 days: Gwen's budget counts as
        // £91.00, Huw's as £24.93, insurance as £18.20.
        let quarter = "from=2026-04-01&to=2026-06-30";
        let page = t.get(&format!("/budget?{quarter}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let row = |name: &str, cells: &[&str]| {
            format!(
                "<th scope=\"row\">{name}</th>{}",
                cells
                    .iter()
                    .map(|c| format!("<td class=\"money\">{c}</td>"))
                    .collect::<String>()
            )
        };
        let over = |name: &str, budget: &str, spent: &str, by: &str| {
            format!(
                "<th scope=\"row\">{name}</th><td class=\"money\">{budget}</td><td class=\"money\">{spent}</td><td class=\"money\"><strong>{by} over budget</strong></td>"
            )
        };
        for expected in [
            // By category: activities 91.00 + 24.93 against 50 + 120.
            over("Activities", "£115.93", "£170.00", "£54.07"),
            over("Equipment", "£0.00", "£15.00", "£15.00"),
            row("Insurance", &["£18.20", "£0.00", "£18.20"]),
            // By person.
            row("Gwen", &["£91.00", "£50.00", "£41.00"]),
            over("Huw", "£24.93", "£135.00", "£110.07"),
        ] {
            assert!(page.body.contains(&expected), "{expected}: {}", page.body);
        }
        assert!(page.body.contains("£73.00"), "the budget as set is listed");

        // Gwen sees her own fund's rows only; a PA sees none of it.
        let own = books.pages("supported").await;
        let hers = own.get(&format!("/budget?{quarter}")).await;
        assert_eq!(hers.status, 200);
        assert!(
            hers.body
                .contains(&row("Gwen", &["£91.00", "£50.00", "£41.00"]))
        );
        assert!(
            hers.body
                .contains(&row("Activities", &["£91.00", "£50.00", "£41.00"]))
        );
        for hidden in ["Huw", "Insurance</th>", "Set a budget", "£73.00"] {
            assert!(!hers.body.contains(hidden), "{hidden}: {}", hers.body);
        }
        let pa = books.pages("pa").await;
        assert_eq!(pa.get(&format!("/budget?{quarter}")).await.status, 403);
    }
);

on_both!(budgets_and_the_years_accounts_through_the_api, |app| {
    let books = Books::new(&app).await;
    let gwen = books.gwen().await;
    let huw = books.huw().await;
    let t = books.api("treasurer").await;

    let refused = t
        .post(
            "/budgets",
            json!({
                "fund": gwen.id, "category": "outings", "from": "2026-04-01",
                "to": "2026-03-01", "amount_pence": -1
            }),
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    for code in ["ledger-budget-negative", "ledger-budget-backwards"] {
        assert!(refused.body.contains(code), "{code}: {}", refused.body);
    }
    for (fund, amount) in [(gwen.id.as_str(), 36_500), (huw.id.as_str(), 73_000)] {
        let set = t
            .post(
                "/budgets",
                json!({
                    "fund": fund, "category": "activities", "from": "2026-04-01",
                    "to": "2027-03-31", "amount_pence": amount
                }),
            )
            .await;
        assert_eq!(set.status, 201, "{}", set.body);
    }
    let spent = t
        .post(
            "/entries",
            json!({
                "date": "2026-04-10", "description": "Swimming", "category": "activities",
                "amount_pence": 2500, "charge_to": {"to": "person", "person": gwen.id}
            }),
        )
        .await;
    assert_eq!(spent.status, 201, "{}", spent.body);

    // Gwen reads her own row only: April–June is 91 of 365 days of £365.
    let s = books.api("supported").await;
    let hers = s.get("/budget?from=2026-04-01&to=2026-06-30").await;
    assert_eq!(hers.status, 200, "{}", hers.body);
    let rows = hers.json()["rows"].clone();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows[0]["budget"], 9_100);
    assert_eq!(rows[0]["actual"], 2_500);
    assert_eq!(rows[0]["remaining"], 6_600);
    let all = t.get("/budget?from=2026-04-01&to=2026-06-30").await;
    assert_eq!(all.json()["rows"].as_array().unwrap().len(), 2);

    // The year's accounts for officers; a PA reads neither.
    let accounts = t.get("/accounts?from=2026-04-01&to=2027-03-31").await;
    assert_eq!(accounts.status, 200, "{}", accounts.body);
    assert_eq!(accounts.json()["total_spending"]["restricted"], 2_500);
    assert_eq!(accounts.json()["net_assets"], -2_500);
    let pa = books.api("pa").await;
    for path in ["/accounts", "/budget"] {
        assert_eq!(pa.get(path).await.status, 403, "{}{path}", pa.base);
    }
    assert_eq!(s.get("/accounts").await.status, 403);
});
