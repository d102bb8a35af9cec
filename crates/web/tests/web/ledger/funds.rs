//! Each person's fund: who reads which statement, the members' totals that
//! name nobody, the money page a treasurer keeps, and the council return as
//! CSV and PDF.

use serde_json::json;

use super::builders::{Books, LLOYDS, pdf_text};
use crate::on_both;

on_both!(
    each_person_sees_their_own_fund_and_members_the_totals,
    |app| {
        let books = Books::new(&app).await;
        let own = books.gwen().await;
        let other = books.huw().await;
        let t = books.api("treasurer").await;

        let arranged = t
            .post(
                "/arrangements",
                json!({
                    "person": own.id, "council": "Cyngor Gwynedd", "amount_pence": 120000,
                    "frequency": "monthly", "starts_on": "2026-04-01"
                }),
            )
            .await;
        assert_eq!(arranged.status, 201, "{}", arranged.body);
        let received = t
            .post(
                "/receipts",
                json!({"person": own.id, "date": "2026-04-01", "amount_pence": 120000, "description": "Direct Payment April"}),
            )
            .await;
        assert_eq!(received.status, 201, "{}", received.body);
        let spent = t
            .post(
                "/entries",
                json!({
                    "date": "2026-04-10", "description": "Swimming", "category": "activities",
                    "amount_pence": 2500,
                    "charge_to": {"to": "shared", "rule": {"rule": "equally", "people": [own.id, other.id]}}
                }),
            )
            .await;
        assert_eq!(spent.status, 201, "{}", spent.body);

        // The supported person sees their own statement and fund, not Huw's.
        let s = books.api("supported").await;
        let period = "from=2026-04-01&to=2026-06-30";
        let mine = s
            .get(&format!("/statement?person={}&{period}", own.id))
            .await;
        assert_eq!(mine.status, 200, "{}", mine.body);
        assert_eq!(mine.json()["closing"], 120000 - 1250);
        let theirs = s
            .get(&format!("/statement?person={}&{period}", other.id))
            .await;
        assert_eq!(theirs.status, 403);
        let funds = s.get("/funds").await;
        assert_eq!(funds.status, 200);
        let funds = funds.json();
        assert_eq!(funds.as_array().unwrap().len(), 1);
        assert_eq!(funds[0]["person"], own.id.as_str());

        // The representative sees the person they act for.
        let r = books.api("representative").await;
        let represented = r
            .get(&format!("/statement?person={}&{period}", other.id))
            .await;
        assert_eq!(represented.status, 200);
        assert_eq!(represented.json()["closing"], -1250);

        // A PA sees no fund at all, but the co-operative's totals, as every
        // member does; the totals name nobody.
        let pa = books.api("pa").await;
        for path in [
            "/funds".to_owned(),
            format!("/statement?person={}&{period}", own.id),
            format!("/return?person={}&{period}", own.id),
            format!("/return.csv?person={}&{period}", own.id),
            "/entries".to_owned(),
            "/bank/lines".to_owned(),
        ] {
            assert_eq!(pa.get(&path).await.status, 403, "{}{path}", pa.base);
        }
        let totals = pa.get(&format!("/totals?{period}")).await;
        assert_eq!(totals.status, 200);
        assert_eq!(totals.json()["net_assets"], 120000 - 2500);
        assert!(!totals.body.contains(&own.id) && !totals.body.contains("Gwen"));

        // An officer asking about someone the co-operative does not support.
        let nobody = t.get(&format!("/statement?person=nobody&{period}")).await;
        assert_eq!(nobody.status, 404);

        // The council return as CSV, for the person themselves.
        let csv = s
            .get(&format!("/return.csv?person={}&{period}", own.id))
            .await;
        assert_eq!(csv.status, 200, "{}", csv.body);
        assert!(
            csv.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        assert!(
            csv.body.contains("Direct Payments received,1200.00\r\n"),
            "{}",
            csv.body
        );
        assert!(
            csv.body.contains("Closing balance,1187.50\r\n"),
            "{}",
            csv.body
        );
    }
);

on_both!(a_treasurer_keeps_the_books_through_the_pages, |app| {
    let books = Books::new(&app).await;
    let gwen = books.gwen().await;
    let t = books.pages("treasurer").await;

    let missing = t.post("/arrangements", &[]).await;
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("error-summary"));

    let arranged = t
        .post(
            "/arrangements",
            &[
                ("person", &gwen.id),
                ("council", "Cyngor Gwynedd"),
                ("dp_amount", "1,200.00"),
                ("frequency", "monthly"),
                ("starts_on", "2026-04-01"),
            ],
        )
        .await;
    assert_eq!(arranged.status, 303, "{}", arranged.body);
    let received = t
        .post(
            "/receipts",
            &[
                ("receipt_person", &gwen.id),
                ("receipt_date", "01/04/2026"),
                ("receipt_amount", "1200"),
                ("receipt_description", "Direct Payment April"),
            ],
        )
        .await;
    assert_eq!(received.status, 303, "{}", received.body);
    let spent = t
        .post(
            "/spending",
            &[
                ("date", "2026-04-10"),
                ("description", "Swimming"),
                ("category", "activities"),
                ("amount", "12.50"),
                ("charge_to", &format!("person:{}", gwen.id)),
            ],
        )
        .await;
    assert_eq!(spent.status, 303, "{}", spent.body);

    let bad = format!("{LLOYDS}11/04/2026,DEB,'30-99-50,12345678,TACSI,ten pounds,,1177.50\n");
    let refused = t.upload("/bank", &[], bad.as_bytes()).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Line 4"), "{}", refused.body);
    let imported = t.upload("/bank", &[], LLOYDS.as_bytes()).await;
    assert_eq!(imported.status, 200, "{}", imported.body);
    assert!(imported.body.contains("2 new lines"), "{}", imported.body);
    let reconciled = t.post("/reconcile", &[]).await;
    assert_eq!(reconciled.status, 303);
    let overview = t.get("").await;
    assert_eq!(overview.status, 200);
    assert!(overview.body.contains("£1,187.50"), "{}", overview.body);

    // Gwen reads her own statement and downloads her council return.
    let own = books.pages("supported").await;
    let period = format!("person={}&from=2026-04-01&to=2026-06-30", gwen.id);
    let statement = own.get(&format!("/statement?{period}")).await;
    assert_eq!(statement.status, 200);
    assert!(statement.body.contains("Cyngor Gwynedd"));
    assert!(statement.body.contains("£1,187.50"));
    let csv = own.get(&format!("/return.csv?{period}")).await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.body.contains("Closing balance,1187.50\r\n"),
        "{}",
        csv.body
    );

    // The same return as a PDF, linked beside the CSV, with Gwen's figures.
    assert!(
        statement.body.contains(&format!(
            "{}/return.pdf?person={}&#38;from=2026-04-01",
            own.base, gwen.id
        )),
        "{}",
        statement.body
    );
    let (status, kind, pdf) = own.download(&format!("/return.pdf?{period}")).await;
    assert_eq!(status, 200);
    assert_eq!(kind, "application/pdf");
    let text = pdf_text(&pdf);
    for figure in [
        "Gwen",
        "Paying council Cyngor Gwynedd",
        "Opening balance £0.00",
        "Direct Payments received £1,200.00",
        "Activities £12.50",
        "Total spent £12.50",
        "Closing balance £1,187.50",
        "01/04/2026 – 30/06/2026",
    ] {
        assert!(text.contains(figure), "{figure} missing from: {text}");
    }

    // A PA sees the totals page without any fund, and no statement.
    let pa = books.pages("pa").await;
    let totals = pa.get("").await;
    assert_eq!(totals.status, 200);
    assert!(!totals.body.contains("Gwen"));
    for page in ["statement", "return.csv", "return.pdf"] {
        assert_eq!(
            pa.get(&format!("/{page}?{period}")).await.status,
            403,
            "{page}"
        );
    }
});
