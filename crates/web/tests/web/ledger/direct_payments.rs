//! Direct Payments against what was arranged: the fund's forecast with the
//! spending planned, and the payments that came late or short on the
//! treasurer's attention list.

use super::builders::{Books, fund_of};
use crate::on_both;

on_both!(
    a_fund_forecast_warns_when_planned_spending_outruns_payments,
    |app| {
        let books = Books::new(&app).await;
        let gwen = books.gwen().await;
        let t = books.pages("treasurer").await;
        let first = app.clock().today_in_wales().first_of_month();
        let arranged = t
            .post(
                "/arrangements",
                &[
                    ("person", &gwen.id),
                    ("council", "Cyngor Gwynedd"),
                    ("dp_amount", "1,000.00"),
                    ("frequency", "monthly"),
                    ("starts_on", &first.to_string()),
                ],
            )
            .await;
        assert_eq!(arranged.status, 303, "{}", arranged.body);
        let page = t.get(&format!("/forecast?person={}", gwen.id)).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("does not run short"), "{}", page.body);

        // A plan that spends more than comes in: the fund runs short in the
        // second month (1,000 in, 1,200 out, from nothing).
        let missing = t.post("/plans", &[]).await;
        assert_eq!(missing.status, 422);
        assert!(missing.body.contains("href=\"#plan_person\""));
        let planned = t
            .post(
                "/plans",
                &[
                    ("plan_person", &gwen.id),
                    ("plan_description", "PA hours"),
                    ("plan_category", "pa_wages"),
                    ("plan_amount", "1,200.00"),
                    ("plan_frequency", "monthly"),
                    ("plan_starts_on", &first.to_string()),
                ],
            )
            .await;
        assert_eq!(planned.status, 303, "{}", planned.body);
        let own = books.pages("supported").await;
        let page = own.get(&format!("/forecast?person={}", gwen.id)).await;
        assert_eq!(page.status, 200);
        let short_month = first.strftime("%m/%Y").to_string();
        assert!(
            page.body
                .contains(&format!("The fund runs short in {short_month}")),
            "{}",
            page.body
        );
        assert!(
            page.body
                .contains("role=\"img\" aria-labelledby=\"chart-title chart-desc\"")
        );
        assert_eq!(page.body.matches("<rect ").count(), 12, "a bar a month");
        assert!(page.body.contains("-£200.00 (short)"), "{}", page.body);
        assert!(page.body.contains("-£2,400.00 (short)"), "twelve months on");
        assert!(page.body.contains("PA hours"));
        // Nobody else's fund, and a PA sees none.
        let pa = books.pages("pa").await;
        assert_eq!(
            pa.get(&format!("/forecast?person={}", gwen.id))
                .await
                .status,
            403
        );
        let audit = app.store.audit_trail(&books.scope, 1000).await.unwrap();
        assert!(audit.iter().any(|a| a.record_kind == "planned_spending"));
    }
);

on_both!(
    late_and_short_direct_payments_are_flagged_for_the_treasurer,
    |app| {
        use jiff::ToSpan;
        let books = Books::new(&app).await;
        let gwen = fund_of(&books.gwen().await);
        let huw = fund_of(&books.huw().await);
        // Gwen's council pays on the first of each month from two months
        // ago: the first payment came £100 short, the second ten days late.
        let this_month = app.clock().today_in_wales().first_of_month();
        let first = this_month.checked_sub(2.months()).unwrap();
        let second = this_month.checked_sub(1.months()).unwrap();
        books.paid_monthly(&gwen, 120_000, first).await;
        let late = second.checked_add(10.days()).unwrap();
        for (date, amount) in [(first, 110_000), (late, 120_000)] {
            books.received(&gwen, date, amount).await;
        }
        // Huw's first payment, this month, came on the day and in full.
        books.paid_monthly(&huw, 120_000, this_month).await;
        books.received(&huw, this_month, 120_000).await;

        let t = books.pages("treasurer").await;
        let page = t.get("").await;
        assert_eq!(page.status, 200);
        let flagged = page
            .body
            .split("id=\"attention-heading\"")
            .nth(1)
            .and_then(|rest| rest.split("id=\"arrangement-heading\"").next())
            .unwrap();
        let date = |d: jiff::civil::Date| d.strftime("%d/%m/%Y").to_string();
        assert!(flagged.contains("Gwen"), "{flagged}");
        assert!(flagged.contains(&date(first)), "{flagged}");
        assert!(flagged.contains("£100.00 short"), "{flagged}");
        assert!(
            flagged.contains(&format!("Came 10 days late, on {}", date(late))),
            "{flagged}"
        );
        assert!(!flagged.contains("Huw"), "{flagged}");

        // In Welsh too.
        let welsh = app
            .get(&t.base, &format!("{}; cylch_lang=cy", t.browser.cookies))
            .await;
        assert!(welsh.body.contains("£100.00 yn brin"), "{}", welsh.body);

        // Gwen sees her fund but not the treasurer's list.
        let own = books.pages("supported").await;
        let hers = own.get("").await;
        assert_eq!(hers.status, 200);
        assert!(!hers.body.contains("attention-heading"));
    }
);
