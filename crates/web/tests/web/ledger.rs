//! The books through the API: who sees which fund, posted lines that no
//! route edits or deletes, reversals, bank files refused whole, and the
//! council return as CSV.

use cylch_store::support::NewSupportedPerson;
use serde_json::json;

use crate::on_both;
use crate::support::{TestApp, cast};

/// Sends a form as a browser sends one with a file input: multipart, the
/// file under `statement` (none when `file` is empty).
pub(crate) async fn upload(
    app: &TestApp,
    path: &str,
    cookies: &str,
    csrf: &str,
    fields: &[(&str, &str)],
    file: &[u8],
) -> crate::support::Reply {
    use axum::body::Body;
    use axum::http::{Request, header};
    let boundary = "----cylch-test-boundary";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf)].iter().chain(fields) {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    let filename = if file.is_empty() { "" } else { "statement.csv" };
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"statement\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    app.send(
        Request::post(path)
            .header(header::COOKIE, cookies)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::HOST, "cylch.test")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// The status, content type and bytes of a download.
async fn download(app: &TestApp, path: &str, cookies: &str) -> (u16, String, Vec<u8>) {
    use axum::body::Body;
    use axum::http::{Request, header};
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let request = Request::get(path)
        .header(header::COOKIE, cookies)
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, kind, bytes.to_vec())
}

/// A PDF's text as its reader sees it (poppler's pdftotext), each run of
/// spaces and line breaks made one space.
fn pdf_text(pdf: &[u8]) -> String {
    let file = std::env::temp_dir().join(format!(
        "cylch-ledger-{}.pdf",
        cylch_store::ids::random_id()
    ));
    std::fs::write(&file, pdf).unwrap();
    let output = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&file);
    let output = output.expect("pdftotext (poppler-utils) reads the PDF");
    assert!(output.status.success(), "pdftotext could not read the PDF");
    String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const LLOYDS: &str = "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\n\
01/04/2026,BGC,'30-99-50,12345678,CYNGOR GWYNEDD DP,,1200.00,1200.00\n\
10/04/2026,DEB,'30-99-50,12345678,CANOLFAN HAMDDEN,12.50,,1187.50\n";

on_both!(
    each_person_sees_their_own_fund_and_members_the_totals,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let treasurer = cast.who("treasurer");
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        let supported = cast.who("supported");
        let representative = cast.who("representative");
        let own = app
            .store
            .add_supported_person(
                &scope,
                NewSupportedPerson {
                    name: "Gwen",
                    member_account: Some(&supported.id),
                    represented_by: None,
                    starts_on: "2026-01-01".parse().unwrap(),
                },
            )
            .await
            .unwrap();
        let other = app
            .store
            .add_supported_person(
                &scope,
                NewSupportedPerson {
                    name: "Huw",
                    member_account: None,
                    represented_by: Some(&representative.id),
                    starts_on: "2026-01-01".parse().unwrap(),
                },
            )
            .await
            .unwrap();
        let t = app.token(treasurer).await;
        let base = format!("/api/v1/coops/{coop}/ledger");

        let arranged = app
            .api(
                "POST",
                &format!("{base}/arrangements"),
                Some(&t),
                Some(json!({
                    "person": own.id, "council": "Cyngor Gwynedd", "amount_pence": 120000,
                    "frequency": "monthly", "starts_on": "2026-04-01"
                })),
            )
            .await;
        assert_eq!(arranged.status, 201, "{}", arranged.body);
        let received = app
        .api(
            "POST",
            &format!("{base}/receipts"),
            Some(&t),
            Some(json!({"person": own.id, "date": "2026-04-01", "amount_pence": 120000, "description": "Direct Payment April"})),
        )
        .await;
        assert_eq!(received.status, 201, "{}", received.body);
        let spent = app
        .api(
            "POST",
            &format!("{base}/entries"),
            Some(&t),
            Some(json!({
                "date": "2026-04-10", "description": "Swimming", "category": "activities",
                "amount_pence": 2500,
                "charge_to": {"to": "shared", "rule": {"rule": "equally", "people": [own.id, other.id]}}
            })),
        )
        .await;
        assert_eq!(spent.status, 201, "{}", spent.body);

        // The supported person sees their own statement and fund, not Huw's.
        let s = app.token(supported).await;
        let period = "from=2026-04-01&to=2026-06-30";
        let mine = app
            .api(
                "GET",
                &format!("{base}/statement?person={}&{period}", own.id),
                Some(&s),
                None,
            )
            .await;
        assert_eq!(mine.status, 200, "{}", mine.body);
        assert_eq!(mine.json()["closing"], 120000 - 1250);
        let theirs = app
            .api(
                "GET",
                &format!("{base}/statement?person={}&{period}", other.id),
                Some(&s),
                None,
            )
            .await;
        assert_eq!(theirs.status, 403);
        let funds = app
            .api("GET", &format!("{base}/funds"), Some(&s), None)
            .await;
        assert_eq!(funds.status, 200);
        let funds = funds.json();
        assert_eq!(funds.as_array().unwrap().len(), 1);
        assert_eq!(funds[0]["person"], own.id.as_str());

        // The representative sees the person they act for.
        let r = app.token(representative).await;
        let represented = app
            .api(
                "GET",
                &format!("{base}/statement?person={}&{period}", other.id),
                Some(&r),
                None,
            )
            .await;
        assert_eq!(represented.status, 200);
        assert_eq!(represented.json()["closing"], -1250);

        // A PA sees no fund at all, but the co-operative's totals, as every
        // member does; the totals name nobody.
        let pa = app.token(cast.who("pa")).await;
        for path in [
            format!("{base}/funds"),
            format!("{base}/statement?person={}&{period}", own.id),
            format!("{base}/return?person={}&{period}", own.id),
            format!("{base}/return.csv?person={}&{period}", own.id),
            format!("{base}/entries"),
            format!("{base}/bank/lines"),
        ] {
            assert_eq!(
                app.api("GET", &path, Some(&pa), None).await.status,
                403,
                "{path}"
            );
        }
        let totals = app
            .api("GET", &format!("{base}/totals?{period}"), Some(&pa), None)
            .await;
        assert_eq!(totals.status, 200);
        assert_eq!(totals.json()["net_assets"], 120000 - 2500);
        assert!(!totals.body.contains(&own.id) && !totals.body.contains("Gwen"));

        // An officer asking about someone the co-operative does not support.
        let nobody = app
            .api(
                "GET",
                &format!("{base}/statement?person=nobody&{period}"),
                Some(&t),
                None,
            )
            .await;
        assert_eq!(nobody.status, 404);

        // The council return as CSV, for the person themselves.
        let csv = app
            .api(
                "GET",
                &format!("{base}/return.csv?person={}&{period}", own.id),
                Some(&s),
                None,
            )
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

on_both!(posted_entries_are_corrected_only_by_reversal, |app| {
    let cast = cast(&app).await;
    let coop = cast.coop_a.id.as_str().to_owned();
    let t = app.token(cast.who("treasurer")).await;
    let base = format!("/api/v1/coops/{coop}/ledger");
    let posted = app
        .api(
            "POST",
            &format!("{base}/entries"),
            Some(&t),
            Some(json!({
                "date": "2026-04-10", "description": "Stamps", "category": "admin",
                "amount_pence": 850, "charge_to": {"to": "general"}
            })),
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
            format!("{base}/entries"),
            format!("{base}/entries/{id}"),
            format!("{base}/reversals"),
        ] {
            let reply = app
                .api(method, &path, Some(&t), Some(json!({"amount_pence": 1})))
                .await;
            assert!(
                matches!(reply.status.as_u16(), 404 | 405),
                "{method} {path}: {}",
                reply.status
            );
        }
    }

    let reversal = app
        .api(
            "POST",
            &format!("{base}/reversals"),
            Some(&t),
            Some(json!({"entry": id, "date": "2026-04-11", "reason": "Posted twice"})),
        )
        .await;
    assert_eq!(reversal.status, 201, "{}", reversal.body);
    let again = app
        .api(
            "POST",
            &format!("{base}/reversals"),
            Some(&t),
            Some(json!({"entry": id, "date": "2026-04-12", "reason": "Again"})),
        )
        .await;
    assert_eq!(again.status, 422);
    assert_eq!(again.json()["error"]["code"], "ledger-already-reversed");

    let entries = app
        .api("GET", &format!("{base}/entries"), Some(&t), None)
        .await
        .json();
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["id"], id.as_str());
    assert_eq!(entries[0]["entry"]["description"], "Stamps");
    assert_eq!(entries[0]["reversed_by"], entries[1]["id"]);
    let trial = app
        .api(
            "GET",
            &format!("{base}/trial-balance?as_at=2026-04-30"),
            Some(&t),
            None,
        )
        .await;
    assert_eq!(trial.json()["rows"].as_array().unwrap().len(), 0);
});

on_both!(
    bank_files_are_imported_whole_once_or_refused_with_the_line,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let t = app.token(cast.who("treasurer")).await;
        let base = format!("/api/v1/coops/{coop}/ledger");
        let first = app
            .api(
                "POST",
                &format!("{base}/bank/imports"),
                Some(&t),
                Some(json!({"csv": LLOYDS})),
            )
            .await;
        assert_eq!(first.status, 201, "{}", first.body);
        assert_eq!(first.json()["lines_added"], 2);
        let again = app
            .api(
                "POST",
                &format!("{base}/bank/imports"),
                Some(&t),
                Some(json!({"csv": LLOYDS})),
            )
            .await;
        assert_eq!(again.json()["lines_added"], 0);
        assert_eq!(again.json()["already_imported"], 2);

        let bad = format!("{LLOYDS}11/04/2026,DEB,'30-99-50,12345678,TACSI,ten pounds,,1177.50\n");
        let refused = app
            .api(
                "POST",
                &format!("{base}/bank/imports"),
                Some(&t),
                Some(json!({"csv": bad})),
            )
            .await;
        assert_eq!(refused.status, 422);
        let error = refused.json()["error"].clone();
        assert_eq!(error["code"], "ledger-bank-bad-amount");
        assert_eq!(error["line"], 4);
        assert!(error["message"].as_str().unwrap().starts_with("Line 4"));
        let lines = app
            .api("GET", &format!("{base}/bank/lines"), Some(&t), None)
            .await
            .json();
        assert_eq!(
            lines.as_array().unwrap().len(),
            2,
            "nothing of a refused file is kept"
        );

        let reconciled = app
            .api("POST", &format!("{base}/bank/reconcile"), Some(&t), None)
            .await;
        assert_eq!(reconciled.status, 200, "{}", reconciled.body);
        assert_eq!(
            reconciled.json()["unreconciled_lines"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
    }
);

on_both!(a_treasurer_keeps_the_books_through_the_pages, |app| {
    let cast = cast(&app).await;
    let coop = cast.coop_a.id.as_str().to_owned();
    let treasurer = cast.who("treasurer");
    let scope = app
        .store
        .scope(&treasurer.id, &cast.coop_a.id)
        .await
        .unwrap()
        .unwrap();
    let supported = cast.who("supported");
    let gwen = app
        .store
        .add_supported_person(
            &scope,
            NewSupportedPerson {
                name: "Gwen",
                member_account: Some(&supported.id),
                represented_by: None,
                starts_on: "2026-01-01".parse().unwrap(),
            },
        )
        .await
        .unwrap();
    let browser = app.browser(treasurer).await;
    let base = format!("/coops/{coop}/ledger");
    let csrf = browser.csrf.as_str();

    let missing = app
        .post_form(
            &format!("{base}/arrangements"),
            &browser.cookies,
            &[("csrf", csrf)],
        )
        .await;
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("error-summary"));

    let arranged = app
        .post_form(
            &format!("{base}/arrangements"),
            &browser.cookies,
            &[
                ("csrf", csrf),
                ("person", &gwen.id),
                ("council", "Cyngor Gwynedd"),
                ("dp_amount", "1,200.00"),
                ("frequency", "monthly"),
                ("starts_on", "2026-04-01"),
            ],
        )
        .await;
    assert_eq!(arranged.status, 303, "{}", arranged.body);
    let received = app
        .post_form(
            &format!("{base}/receipts"),
            &browser.cookies,
            &[
                ("csrf", csrf),
                ("receipt_person", &gwen.id),
                ("receipt_date", "01/04/2026"),
                ("receipt_amount", "1200"),
                ("receipt_description", "Direct Payment April"),
            ],
        )
        .await;
    assert_eq!(received.status, 303, "{}", received.body);
    let spent = app
        .post_form(
            &format!("{base}/spending"),
            &browser.cookies,
            &[
                ("csrf", csrf),
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
    let refused = upload(
        &app,
        &format!("{base}/bank"),
        &browser.cookies,
        csrf,
        &[],
        bad.as_bytes(),
    )
    .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Line 4"), "{}", refused.body);
    let imported = upload(
        &app,
        &format!("{base}/bank"),
        &browser.cookies,
        csrf,
        &[],
        LLOYDS.as_bytes(),
    )
    .await;
    assert_eq!(imported.status, 200, "{}", imported.body);
    assert!(imported.body.contains("2 new lines"), "{}", imported.body);
    let reconciled = app
        .post_form(
            &format!("{base}/reconcile"),
            &browser.cookies,
            &[("csrf", csrf)],
        )
        .await;
    assert_eq!(reconciled.status, 303);
    let overview = app.get(&base, &browser.cookies).await;
    assert_eq!(overview.status, 200);
    assert!(overview.body.contains("£1,187.50"), "{}", overview.body);

    // Gwen reads her own statement and downloads her council return.
    let own = app.browser(supported).await;
    let period = format!("person={}&from=2026-04-01&to=2026-06-30", gwen.id);
    let statement = app
        .get(&format!("{base}/statement?{period}"), &own.cookies)
        .await;
    assert_eq!(statement.status, 200);
    assert!(statement.body.contains("Cyngor Gwynedd"));
    assert!(statement.body.contains("£1,187.50"));
    let csv = app
        .get(&format!("{base}/return.csv?{period}"), &own.cookies)
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.body.contains("Closing balance,1187.50\r\n"),
        "{}",
        csv.body
    );

    // The same return as a PDF, linked beside the CSV, with Gwen's figures.
    assert!(
        statement.body.contains(&format!(
            "{base}/return.pdf?person={}&#38;from=2026-04-01",
            gwen.id
        )),
        "{}",
        statement.body
    );
    let (status, kind, pdf) =
        download(&app, &format!("{base}/return.pdf?{period}"), &own.cookies).await;
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
    let pa = app.browser(cast.who("pa")).await;
    let totals = app.get(&base, &pa.cookies).await;
    assert_eq!(totals.status, 200);
    assert!(!totals.body.contains("Gwen"));
    for page in ["statement", "return.csv", "return.pdf"] {
        assert_eq!(
            app.get(&format!("{base}/{page}?{period}"), &pa.cookies)
                .await
                .status,
            403,
            "{page}"
        );
    }
});

on_both!(
    corrections_on_the_pages_are_reversals_and_receipts_are_checked,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let treasurer = cast.who("treasurer");
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        let supported = cast.who("supported");
        let gwen = app
            .store
            .add_supported_person(
                &scope,
                NewSupportedPerson {
                    name: "Gwen",
                    member_account: Some(&supported.id),
                    represented_by: None,
                    starts_on: "2026-01-01".parse().unwrap(),
                },
            )
            .await
            .unwrap();
        let t = app.token(treasurer).await;
        let api = format!("/api/v1/coops/{coop}/ledger");
        app.api(
            "POST",
            &format!("{api}/arrangements"),
            Some(&t),
            Some(json!({
                "person": gwen.id, "council": "Cyngor Gwynedd", "amount_pence": 30000,
                "frequency": "weekly", "starts_on": "2026-04-03"
            })),
        )
        .await;
        // The first week's payment arrives £50 short and four days late.
        app.api(
        "POST",
        &format!("{api}/receipts"),
        Some(&t),
        Some(json!({"person": gwen.id, "date": "2026-04-07", "amount_pence": 25000, "description": "DP"})),
    )
    .await;
        let own = app.token(supported).await;
        let checks = app
            .api(
                "GET",
                &format!(
                    "{api}/receipts?person={}&from=2026-04-01&to=2026-04-09",
                    gwen.id
                ),
                Some(&own),
                None,
            )
            .await;
        assert_eq!(checks.status, 200, "{}", checks.body);
        let first = &checks.json()["checks"][0]["outcome"];
        assert_eq!(first["outcome"], "received");
        assert_eq!(first["flags"][0]["flag"], "short");
        assert_eq!(first["flags"][0]["by"], 5000);
        let forecast = app
            .api(
                "GET",
                &format!("{api}/forecast?person={}&months=3", gwen.id),
                Some(&own),
                None,
            )
            .await;
        assert_eq!(forecast.status, 200, "{}", forecast.body);
        assert_eq!(forecast.json()["months"].as_array().unwrap().len(), 3);

        let browser = app.browser(treasurer).await;
        let base = format!("/coops/{coop}/ledger");
        let entry = app.store.ledger_entries(&scope).await.unwrap()[0]
            .entry
            .id()
            .as_str()
            .to_owned();
        let page = app.get(&format!("{base}/entries"), &browser.cookies).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Reverse this entry"));
        let missing = app
            .post_form(
                &format!("{base}/reversals"),
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("entry", &entry),
                    ("reverse_date", "2026-04-08"),
                ],
            )
            .await;
        assert_eq!(missing.status, 422);
        let reversed = app
            .post_form(
                &format!("{base}/reversals"),
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("entry", &entry),
                    ("reverse_date", "2026-04-08"),
                    ("reason", "Wrong amount"),
                ],
            )
            .await;
        assert_eq!(reversed.status, 303, "{}", reversed.body);
        let again = app
            .post_form(
                &format!("{base}/reversals"),
                &browser.cookies,
                &[
                    ("csrf", &browser.csrf),
                    ("entry", &entry),
                    ("reverse_date", "2026-04-08"),
                    ("reason", "Again"),
                ],
            )
            .await;
        assert_eq!(again.status, 422);
        let page = app.get(&format!("{base}/entries"), &browser.cookies).await;
        assert!(page.body.contains("Reversed") && page.body.contains("A reversal"));
        let stored = app.store.ledger_entries(&scope).await.unwrap();
        assert_eq!(stored.len(), 2);
        assert_eq!(
            stored[0].entry.lines()[0].amount.get(),
            25000,
            "the original is unchanged"
        );
    }
);

on_both!(
    a_statement_from_an_unknown_bank_is_imported_with_the_columns_named,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let treasurer = cast.who("treasurer");
        let browser = app.browser(treasurer).await;
        let base = format!("/coops/{coop}/ledger");
        let csrf = browser.csrf.as_str();

        // No file chosen: the form says so at the file input.
        let none = upload(
            &app,
            &format!("{base}/bank"),
            &browser.cookies,
            csrf,
            &[],
            b"",
        )
        .await;
        assert_eq!(none.status, 422);
        assert!(none.body.contains("href=\"#statement\""), "{}", none.body);
        assert!(none.body.contains("Choose the bank statement"));

        // A credit union's export with American dates: no layout Cylch knows.
        let file = "\"Account:\",\"Undeb Credyd 42\"\nWhen,Payee,Out,In,Memo\n04/01/2026,Caffi,3.20,,\n04/02/2026,Grant,,100.00,diolch\n";
        let mapping = upload(
            &app,
            &format!("{base}/bank"),
            &browser.cookies,
            csrf,
            &[],
            file.as_bytes(),
        )
        .await;
        assert_eq!(mapping.status, 200, "{}", mapping.body);
        assert!(mapping.body.contains("Say which column is which"));
        assert!(mapping.body.contains("<th scope=\"col\">Payee</th>"));
        assert!(mapping.body.contains("<td>Caffi</td>"));
        assert!(
            app.store
                .bank_lines(
                    &app.store
                        .scope(&treasurer.id, &cast.coop_a.id)
                        .await
                        .unwrap()
                        .unwrap()
                )
                .await
                .unwrap()
                .is_empty(),
            "nothing imported yet"
        );

        let mapped = format!("{base}/bank/mapping");
        // Choices missing: each named at its field, the choices kept.
        let missing = upload(
            &app,
            &mapped,
            &browser.cookies,
            csrf,
            &[
                ("file", file),
                ("date_column", "When"),
                ("date_order", "month_first"),
                ("amount_style", "in_out"),
                ("in_column", "In"),
            ],
            b"",
        )
        .await;
        assert_eq!(missing.status, 422, "{}", missing.body);
        assert!(missing.body.contains("href=\"#description_columns\""));
        assert!(missing.body.contains("href=\"#out_column\""));
        assert!(!missing.body.contains("href=\"#date_column\""));
        assert!(missing.body.contains("<option value=\"When\" selected>"));
        // A column the file does not have is refused, not trusted.
        let unknown = upload(
            &app,
            &mapped,
            &browser.cookies,
            csrf,
            &[
                ("file", file),
                ("date_column", "Posted"),
                ("description_columns", "Payee"),
                ("date_order", "day_first"),
                ("amount_style", "signed"),
                ("amount_column", "In"),
            ],
            b"",
        )
        .await;
        assert_eq!(unknown.status, 422);
        assert!(unknown.body.contains("href=\"#date_column\""));

        // Day first, 04/02/2026 is fine but the dates are right only month
        // first; a bad line is refused whole naming the line.
        let bad = format!("{file}13/02/2026,Tacsi,5.00,,\n");
        let fields = |f: &'static str| -> Vec<(&'static str, &'static str)> {
            vec![
                ("file", f),
                ("date_column", "When"),
                ("description_columns", "Payee"),
                ("description_columns", "Memo"),
                ("date_order", "month_first"),
                ("amount_style", "in_out"),
                ("in_column", "In"),
                ("out_column", "Out"),
            ]
        };
        let bad: &'static str = Box::leak(bad.into_boxed_str());
        let refused = upload(&app, &mapped, &browser.cookies, csrf, &fields(bad), b"").await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("Line 5"), "{}", refused.body);
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        assert!(app.store.bank_lines(&scope).await.unwrap().is_empty());

        let imported = upload(&app, &mapped, &browser.cookies, csrf, &fields(file), b"").await;
        assert_eq!(imported.status, 200, "{}", imported.body);
        assert!(imported.body.contains("2 new lines"), "{}", imported.body);
        let lines = app.store.bank_lines(&scope).await.unwrap();
        let seen: Vec<(String, i64, String)> = lines
            .iter()
            .map(|l| (l.date.to_string(), l.amount.get(), l.description.clone()))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("2026-04-01".to_owned(), -320, "Caffi".to_owned()),
                ("2026-04-02".to_owned(), 10_000, "Grant diolch".to_owned()),
            ]
        );
        // The same file again adds nothing.
        let again = upload(&app, &mapped, &browser.cookies, csrf, &fields(file), b"").await;
        assert!(
            again.body.contains("0 new lines; 2 already imported"),
            "{}",
            again.body
        );
    }
);

on_both!(
    a_year_of_statement_is_larger_than_a_form_and_still_imports,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let browser = app.browser(cast.who("treasurer")).await;
        let mut file = String::from(
            "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\n",
        );
        for n in 0..3000 {
            let day = n % 28 + 1;
            file.push_str(&format!(
                "{day:02}/03/2026,DEB,'30-99-50,12345678,CAFFI TALIAD {n},1.{:02},,\n",
                n % 100
            ));
        }
        assert!(
            file.len() > 2 * 64 * 1024,
            "twice the size of the largest form"
        );
        let imported = upload(
            &app,
            &format!("/coops/{coop}/ledger/bank"),
            &browser.cookies,
            &browser.csrf,
            &[],
            file.as_bytes(),
        )
        .await;
        assert_eq!(imported.status, 200, "{}", imported.body);
        assert!(
            imported.body.contains("3000 new lines"),
            "{}",
            imported.body
        );
    }
);

on_both!(
    payments_above_the_limit_need_two_officers_none_their_own,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let treasurer = cast.who("treasurer");
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        let gwen = app
            .store
            .add_supported_person(
                &scope,
                NewSupportedPerson {
                    name: "Gwen",
                    member_account: Some(&cast.who("supported").id),
                    represented_by: None,
                    starts_on: "2026-01-01".parse().unwrap(),
                },
            )
            .await
            .unwrap();
        let base = format!("/coops/{coop}/ledger");
        let t = app.browser(treasurer).await;
        let chair = app.browser(cast.who("chair")).await;
        let secretary = app.browser(cast.who("secretary")).await;

        let claim = |cookies: String, csrf: String, amount: &'static str| {
            let app = &app;
            let path = format!("{base}/claims");
            let charge = format!("person:{}", gwen.id);
            async move {
                app.post_form(
                    &path,
                    &cookies,
                    &[
                        ("csrf", &csrf),
                        ("claim_description", "Hoist sling"),
                        ("claim_category", "equipment"),
                        ("claim_amount", amount),
                        ("claim_charge_to", &charge),
                    ],
                )
                .await
            }
        };
        let made = claim(t.cookies.clone(), t.csrf.clone(), "300.00").await;
        assert_eq!(made.status, 303, "{}", made.body);
        let page = app.get(&format!("{base}/claims"), &t.cookies).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Equipment"), "the category is shown");
        assert!(
            page.body.contains("Waiting for approval: 0 of 2"),
            "{}",
            page.body
        );
        let id = app.store.claims(&scope).await.unwrap()[0]
            .claim
            .id()
            .to_owned();

        let approve = |cookies: &str, csrf: &str| {
            let path = format!("{base}/claims/approve");
            let (cookies, csrf, id) = (cookies.to_owned(), csrf.to_owned(), id.clone());
            let app = &app;
            async move {
                app.post_form(&path, &cookies, &[("csrf", &csrf), ("claim", &id)])
                    .await
            }
        };
        let own = approve(&t.cookies, &t.csrf).await;
        assert_eq!(own.status, 422);
        assert!(own.body.contains("Nobody can approve their own claim"));
        assert!(
            own.body.contains("id=\"claim\""),
            "the problem is at the claim"
        );
        assert_eq!(approve(&chair.cookies, &chair.csrf).await.status, 303);
        let twice = approve(&chair.cookies, &chair.csrf).await;
        assert_eq!(twice.status, 422);
        assert!(
            twice
                .body
                .contains("A different officer must give the second approval")
        );
        // Not yet approved by two: it cannot be paid.
        let pay = |cookies: &str, csrf: &str| {
            let path = format!("{base}/claims/pay");
            let (cookies, csrf, id) = (cookies.to_owned(), csrf.to_owned(), id.clone());
            let app = &app;
            async move {
                app.post_form(
                    &path,
                    &cookies,
                    &[("csrf", &csrf), ("claim", &id), ("paid_on", "2026-05-01")],
                )
                .await
            }
        };
        let early = pay(&t.cookies, &t.csrf).await;
        assert_eq!(early.status, 422);
        assert!(app.store.ledger_entries(&scope).await.unwrap().is_empty());
        assert_eq!(
            approve(&secretary.cookies, &secretary.csrf).await.status,
            303
        );
        let page = app.get(&format!("{base}/claims"), &t.cookies).await;
        assert!(page.body.contains("Approved, not yet paid"));
        assert_eq!(pay(&t.cookies, &t.csrf).await.status, 303);
        assert_eq!(app.store.ledger_entries(&scope).await.unwrap().len(), 1);
        assert_eq!(pay(&t.cookies, &t.csrf).await.status, 422, "paid once");

        // The officers raise the limit: the same claim now needs one.
        let settings = app
            .post_form(
                &format!("{base}/settings"),
                &t.cookies,
                &[
                    ("csrf", &t.csrf),
                    ("limit", "500.00"),
                    ("surplus_weeks", "8"),
                ],
            )
            .await;
        assert_eq!(settings.status, 303, "{}", settings.body);
        let bad = app
            .post_form(
                &format!("{base}/settings"),
                &t.cookies,
                &[("csrf", &t.csrf), ("limit", "lots"), ("surplus_weeks", "0")],
            )
            .await;
        assert_eq!(bad.status, 422);
        assert!(
            bad.body.contains("href=\"#limit\"") && bad.body.contains("href=\"#surplus_weeks\"")
        );
        assert_eq!(
            claim(t.cookies.clone(), t.csrf.clone(), "300.00")
                .await
                .status,
            303
        );
        let page = app.get(&format!("{base}/claims"), &t.cookies).await;
        assert!(
            page.body.contains("Waiting for approval: 0 of 1"),
            "{}",
            page.body
        );
        assert!(
            page.body
                .contains("Payments above £500.00 need two officers")
        );
        let audit = app.store.audit_trail(&scope, 1000).await.unwrap();
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

on_both!(
    a_fund_forecast_warns_when_planned_spending_outruns_payments,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let treasurer = cast.who("treasurer");
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        let supported = cast.who("supported");
        let gwen = app
            .store
            .add_supported_person(
                &scope,
                NewSupportedPerson {
                    name: "Gwen",
                    member_account: Some(&supported.id),
                    represented_by: None,
                    starts_on: "2026-01-01".parse().unwrap(),
                },
            )
            .await
            .unwrap();
        let base = format!("/coops/{coop}/ledger");
        let t = app.browser(treasurer).await;
        let first = app.clock().today_in_wales().first_of_month();
        let arranged = app
            .post_form(
                &format!("{base}/arrangements"),
                &t.cookies,
                &[
                    ("csrf", &t.csrf),
                    ("person", &gwen.id),
                    ("council", "Cyngor Gwynedd"),
                    ("dp_amount", "1,000.00"),
                    ("frequency", "monthly"),
                    ("starts_on", &first.to_string()),
                ],
            )
            .await;
        assert_eq!(arranged.status, 303, "{}", arranged.body);
        let page = app
            .get(&format!("{base}/forecast?person={}", gwen.id), &t.cookies)
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("does not run short"), "{}", page.body);

        // A plan that spends more than comes in: the fund runs short in the
        // second month (1,000 in, 1,200 out, from nothing).
        let missing = app
            .post_form(&format!("{base}/plans"), &t.cookies, &[("csrf", &t.csrf)])
            .await;
        assert_eq!(missing.status, 422);
        assert!(missing.body.contains("href=\"#plan_person\""));
        let planned = app
            .post_form(
                &format!("{base}/plans"),
                &t.cookies,
                &[
                    ("csrf", &t.csrf),
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
        let own = app.browser(supported).await;
        let page = app
            .get(&format!("{base}/forecast?person={}", gwen.id), &own.cookies)
            .await;
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
        let pa = app.browser(cast.who("pa")).await;
        assert_eq!(
            app.get(&format!("{base}/forecast?person={}", gwen.id), &pa.cookies)
                .await
                .status,
            403
        );
        let audit = app.store.audit_trail(&scope, 1000).await.unwrap();
        assert!(audit.iter().any(|a| a.record_kind == "planned_spending"));
    }
);

on_both!(
    late_and_short_direct_payments_are_flagged_for_the_treasurer,
    |app| {
        use cylch_ledger::{Arrangement, Frequency, Pence, PersonId, Schedule};
        use jiff::ToSpan;
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let treasurer = cast.who("treasurer");
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        let supported = cast.who("supported");
        let representative = cast.who("representative");
        let mut ids = Vec::new();
        for (name, account, acting) in [
            ("Gwen", Some(&supported.id), None),
            ("Huw", None, Some(&representative.id)),
        ] {
            let person = app
                .store
                .add_supported_person(
                    &scope,
                    NewSupportedPerson {
                        name,
                        member_account: account,
                        represented_by: acting,
                        starts_on: "2026-01-01".parse().unwrap(),
                    },
                )
                .await
                .unwrap();
            ids.push(PersonId::new(person.id).unwrap());
        }
        let (gwen, huw) = (&ids[0], &ids[1]);
        // Gwen's council pays on the first of each month from two months
        // ago: the first payment came £100 short, the second ten days late.
        let this_month = app.clock().today_in_wales().first_of_month();
        let first = this_month.checked_sub(2.months()).unwrap();
        let second = this_month.checked_sub(1.months()).unwrap();
        let monthly = |person: &PersonId, start| Arrangement {
            person: person.clone(),
            council: "Cyngor Gwynedd".into(),
            payment: Schedule {
                amount: Pence::new(120_000),
                frequency: Frequency::Monthly,
                start,
                end: None,
            },
            client_contribution: None,
        };
        app.store
            .add_arrangement(&scope, &monthly(gwen, first))
            .await
            .unwrap();
        let late = second.checked_add(10.days()).unwrap();
        for (date, amount) in [(first, 110_000), (late, 120_000)] {
            app.store
                .record_receipt(&scope, gwen, false, date, Pence::new(amount), "DP")
                .await
                .unwrap();
        }
        // Huw's first payment, this month, came on the day and in full.
        app.store
            .add_arrangement(&scope, &monthly(huw, this_month))
            .await
            .unwrap();
        app.store
            .record_receipt(&scope, huw, false, this_month, Pence::new(120_000), "DP")
            .await
            .unwrap();

        let base = format!("/coops/{coop}/ledger");
        let browser = app.browser(treasurer).await;
        let page = app.get(&base, &browser.cookies).await;
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
            .get(&base, &format!("{}; cylch_lang=cy", browser.cookies))
            .await;
        assert!(welsh.body.contains("£100.00 yn brin"), "{}", welsh.body);

        // Gwen sees her fund but not the treasurer's list.
        let own = app.browser(supported).await;
        let hers = app.get(&base, &own.cookies).await;
        assert_eq!(hers.status, 200);
        assert!(!hers.body.contains("attention-heading"));
    }
);

on_both!(
    the_trial_balance_and_the_years_accounts_agree_with_the_books,
    |app| {
        use cylch_ledger::account::codes;
        use cylch_ledger::{
            AccountCode, Category, ChargeTo, Chart, EntryDraft, EntryId, FundId, Line, Pence,
            PersonId, Side, Spending, SplitRule,
        };
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let treasurer = cast.who("treasurer");
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        let supported = cast.who("supported");
        let representative = cast.who("representative");
        let mut ids = Vec::new();
        for (name, account, acting) in [
            ("Gwen", Some(&supported.id), None),
            ("Huw", None, Some(&representative.id)),
        ] {
            let person = app
                .store
                .add_supported_person(
                    &scope,
                    NewSupportedPerson {
                        name,
                        member_account: account,
                        represented_by: acting,
                        starts_on: "2026-01-01".parse().unwrap(),
                    },
                )
                .await
                .unwrap();
            ids.push(PersonId::new(person.id).unwrap());
        }
        let (gwen, huw) = (&ids[0], &ids[1]);
        let d = |s: &str| s.parse::<jiff::civil::Date>().unwrap();
        // The worked example. Before the year: Gwen's £500 Direct Payment.
        // In the year 2026–27: Direct Payments of £1,200 (Gwen) and £800
        // (Huw); an outing for £30 shared equally; £24 of members'
        // contributions to the general fund, which pays £9 of insurance;
        // £100 of equipment for Huw.
        for person in [gwen, huw] {
            let arrangement = cylch_ledger::Arrangement {
                person: person.clone(),
                council: "Cyngor Gwynedd".into(),
                payment: cylch_ledger::Schedule {
                    amount: Pence::new(80_000),
                    frequency: cylch_ledger::Frequency::Monthly,
                    start: d("2026-03-01"),
                    end: None,
                },
                client_contribution: None,
            };
            app.store
                .add_arrangement(&scope, &arrangement)
                .await
                .unwrap();
        }
        for (person, date, amount) in [
            (gwen, "2026-03-15", 50_000),
            (gwen, "2026-04-01", 120_000),
            (huw, "2026-04-01", 80_000),
        ] {
            app.store
                .record_receipt(&scope, person, false, d(date), Pence::new(amount), "DP")
                .await
                .unwrap();
        }
        let spend = |category, amount, charge_to| {
            cylch_ledger::posting::spending(
                &Spending {
                    category,
                    amount: Pence::new(amount),
                    charge_to,
                    paid_from: AccountCode::new(codes::BANK),
                },
                &Chart::standard(),
            )
            .unwrap()
        };
        let outing = spend(
            Category::Activities,
            3_000,
            ChargeTo::Shared {
                rule: SplitRule::Equally {
                    people: vec![gwen.clone(), huw.clone()],
                },
            },
        );
        app.store
            .post_lines(&scope, d("2026-04-10"), "Outing", outing)
            .await
            .unwrap();
        app.store
            .post_entry(
                &scope,
                EntryDraft {
                    id: EntryId::new("subs-2026"),
                    date: d("2026-05-01"),
                    description: "Members' contributions".into(),
                    lines: vec![
                        Line::debit(codes::BANK, FundId::General, Pence::new(2_400)),
                        Line::credit(
                            codes::MEMBER_CONTRIBUTIONS,
                            FundId::General,
                            Pence::new(2_400),
                        ),
                    ],
                    allocation: None,
                    reverses: None,
                },
            )
            .await
            .unwrap();
        let insurance = spend(Category::Insurance, 900, ChargeTo::General);
        app.store
            .post_lines(&scope, d("2026-06-01"), "Insurance", insurance)
            .await
            .unwrap();
        let hoist = spend(
            Category::Equipment,
            10_000,
            ChargeTo::Person {
                person: huw.clone(),
            },
        );
        app.store
            .post_lines(&scope, d("2026-06-15"), "Hoist sling", hoist)
            .await
            .unwrap();

        let base = format!("/coops/{coop}/ledger");
        let browser = app.browser(treasurer).await;

        // The trial balance at two dates: each account's debit or credit,
        // worked out here from the journal itself, is the page's row, and
        // the columns agree.
        let entries = app.store.ledger_entries(&scope).await.unwrap();
        for (as_at, total) in [("2026-04-30", "£2,500.00"), ("2026-06-30", "£2,524.00")] {
            let page = app
                .get(
                    &format!("{base}/trial-balance?as_at={as_at}"),
                    &browser.cookies,
                )
                .await;
            assert_eq!(page.status, 200, "{}", page.body);
            let mut net = std::collections::BTreeMap::<String, i64>::new();
            for stored in &entries {
                if stored.entry.date() > d(as_at) {
                    continue;
                }
                for line in stored.entry.lines() {
                    let signed = match line.side {
                        Side::Debit => line.amount.get(),
                        Side::Credit => -line.amount.get(),
                    };
                    *net.entry(line.account.as_str().to_owned()).or_default() += signed;
                }
            }
            let (mut debits, mut credits) = (0, 0);
            for (code, balance) in net.iter().filter(|(_, b)| **b != 0) {
                let amount = Pence::new(balance.abs()).to_string();
                let (debit, credit) = if *balance > 0 {
                    debits += balance;
                    (amount, String::new())
                } else {
                    credits -= balance;
                    (String::new(), amount)
                };
                let row = format!(
                    "<td class=\"money\">{debit}</td><td class=\"money\">{credit}</td></tr>"
                );
                let at = page.body.find(&format!("<td>{code}</td>")).unwrap();
                assert!(
                    page.body[at..].split("</tr>").next().unwrap().to_owned() + "</tr>"
                        == format!(
                            "{}{row}",
                            page.body[at..]
                                .split("<td class=\"money\">")
                                .next()
                                .unwrap()
                        ),
                    "{code} at {as_at}: {}",
                    page.body
                );
            }
            assert_eq!(debits, credits);
            assert_eq!(Pence::new(debits).to_string(), total);
            assert!(
                page.body
                    .contains(&format!("Debits and credits agree: {total} each.")),
                "{}",
                page.body
            );
        }
        let june = app
            .get(
                &format!("{base}/trial-balance?as_at=2026-06-30"),
                &browser.cookies,
            )
            .await;
        for row in [
            "<td>1000</td><th scope=\"row\">Bank current account</th><td class=\"money\">£2,385.00</td><td class=\"money\"></td>",
            "<td>4000</td><th scope=\"row\">Direct Payments received</th><td class=\"money\"></td><td class=\"money\">£2,500.00</td>",
            "<td>4200</td><th scope=\"row\">Member contributions</th><td class=\"money\"></td><td class=\"money\">£24.00</td>",
            "<td>5200</td><th scope=\"row\">Activities</th><td class=\"money\">£30.00</td><td class=\"money\"></td>",
            "<td>5300</td><th scope=\"row\">Equipment</th><td class=\"money\">£100.00</td><td class=\"money\"></td>",
            "<td>5500</td><th scope=\"row\">Insurance</th><td class=\"money\">£9.00</td><td class=\"money\"></td>",
        ] {
            assert!(june.body.contains(row), "{row}: {}", june.body);
        }

        // The year's accounts, by hand. Income: restricted £2,000 of
        // Direct Payments, unrestricted £24. Spending: restricted £30 + £100,
        // unrestricted £9. Gwen's fund: 500 + 1,200 − 15 = 1,685; Huw's:
        // 800 − 15 − 100 = 685; the general fund: 24 − 9 = 15. The bank
        // holds 2,385, which is every fund together.
        let accounts = app
            .get(
                &format!("{base}/accounts?year=2026-04-01"),
                &browser.cookies,
            )
            .await;
        assert_eq!(accounts.status, 200, "{}", accounts.body);
        let cells = |row: &[&str]| {
            row.iter()
                .map(|c| format!("<td class=\"money\">{c}</td>"))
                .collect::<String>()
        };
        let bold = |row: &[&str]| {
            row.iter()
                .map(|c| format!("<td class=\"money\"><strong>{c}</strong></td>"))
                .collect::<String>()
        };
        for expected in [
            format!(
                "Direct Payments received</th>{}",
                cells(&["£2,000.00", "£0.00", "£2,000.00"])
            ),
            format!(
                "Member contributions</th>{}",
                cells(&["£0.00", "£24.00", "£24.00"])
            ),
            format!(
                "Total income</strong></th>{}",
                bold(&["£2,000.00", "£24.00", "£2,024.00"])
            ),
            format!("Activities</th>{}", cells(&["£30.00", "£0.00", "£30.00"])),
            format!("Equipment</th>{}", cells(&["£100.00", "£0.00", "£100.00"])),
            format!("Insurance</th>{}", cells(&["£0.00", "£9.00", "£9.00"])),
            format!(
                "Total spending</strong></th>{}",
                bold(&["£130.00", "£9.00", "£139.00"])
            ),
            format!(
                "Income less spending</strong></th>{}",
                bold(&["£1,870.00", "£15.00", "£1,885.00"])
            ),
            format!(
                "Gwen</th>{}",
                cells(&["£500.00", "£1,200.00", "£15.00", "£0.00", "£1,685.00"])
            ),
            format!(
                "Huw</th>{}",
                cells(&["£0.00", "£800.00", "£115.00", "£0.00", "£685.00"])
            ),
            format!("Bank current account</th>{}", cells(&["£2,385.00"])),
            format!(
                "What the co-operative holds</strong></th>{}",
                bold(&["£2,385.00"])
            ),
            format!(
                "Restricted funds (Direct Payments)</th>{}",
                cells(&["£2,370.00"])
            ),
            format!("Unrestricted funds</th>{}", cells(&["£15.00"])),
            format!("Total funds</strong></th>{}", bold(&["£2,385.00"])),
        ] {
            assert!(
                accounts.body.contains(&expected),
                "{expected}: {}",
                accounts.body
            );
        }
        // The year before holds only Gwen's first payment.
        let before = app
            .get(
                &format!("{base}/accounts?year=2025-04-01"),
                &browser.cookies,
            )
            .await;
        assert!(before.body.contains(&format!(
            "Total income</strong></th>{}",
            bold(&["£500.00", "£0.00", "£500.00"])
        )));
        // A year must start on 1 April.
        assert_eq!(
            app.get(
                &format!("{base}/accounts?year=2026-05-01"),
                &browser.cookies
            )
            .await
            .status,
            400
        );

        // A PA sees the year's totals, but no account, fund or person, and
        // no trial balance.
        let pa = app.browser(cast.who("pa")).await;
        let totals = app
            .get(&format!("{base}/accounts?year=2026-04-01"), &pa.cookies)
            .await;
        assert_eq!(totals.status, 200);
        assert!(totals.body.contains("£2,024.00") && totals.body.contains("£2,385.00"));
        for hidden in ["Gwen", "Huw", "Bank current account", "Equipment</th>"] {
            assert!(!totals.body.contains(hidden), "{hidden}");
        }
        assert_eq!(
            app.get(&format!("{base}/trial-balance"), &pa.cookies)
                .await
                .status,
            403
        );
    }
);

on_both!(
    budgets_are_set_on_the_page_and_compared_by_category_and_person,
    |app| {
        use cylch_ledger::{AccountCode, Category, ChargeTo, Chart, Pence, PersonId, Spending};
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let treasurer = cast.who("treasurer");
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        let supported = cast.who("supported");
        let representative = cast.who("representative");
        let mut ids = Vec::new();
        for (name, account, acting) in [
            ("Gwen", Some(&supported.id), None),
            ("Huw", None, Some(&representative.id)),
        ] {
            let person = app
                .store
                .add_supported_person(
                    &scope,
                    NewSupportedPerson {
                        name,
                        member_account: account,
                        represented_by: acting,
                        starts_on: "2026-01-01".parse().unwrap(),
                    },
                )
                .await
                .unwrap();
            ids.push(PersonId::new(person.id).unwrap());
        }
        let (gwen, huw) = (&ids[0], &ids[1]);
        let base = format!("/coops/{coop}/ledger");
        let browser = app.browser(treasurer).await;
        let csrf = browser.csrf.as_str();

        // Each problem named at its field, what was typed kept.
        let refused = app
            .post_form(
                &format!("{base}/budgets"),
                &browser.cookies,
                &[
                    ("csrf", csrf),
                    ("budget_fund", gwen.as_str()),
                    ("budget_category", ""),
                    ("budget_from", "2026-04-01"),
                    ("budget_to", "2026-03-31"),
                    ("budget_amount", "-5"),
                ],
            )
            .await;
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
        let backwards = app
            .post_form(
                &format!("{base}/budgets"),
                &browser.cookies,
                &[
                    ("csrf", csrf),
                    ("budget_fund", "general"),
                    ("budget_category", "insurance"),
                    ("budget_from", "2026-04-01"),
                    ("budget_to", "2026-03-31"),
                    ("budget_amount", "10"),
                ],
            )
            .await;
        assert_eq!(backwards.status, 422);
        assert!(backwards.body.contains("on or after its first day"));
        let stranger = app
            .post_form(
                &format!("{base}/budgets"),
                &browser.cookies,
                &[
                    ("csrf", csrf),
                    ("budget_fund", "somebody-else"),
                    ("budget_category", "insurance"),
                    ("budget_from", "2026-04-01"),
                    ("budget_to", "2027-03-31"),
                    ("budget_amount", "10"),
                ],
            )
            .await;
        assert_eq!(stranger.status, 422);
        assert!(app.store.budgets(&scope).await.unwrap().is_empty());

        // For the year 2026–27: Gwen £365 and Huw £100 of activities; the
        // general fund £73 of insurance.
        for (fund, category, amount) in [
            (gwen.as_str(), "activities", "365"),
            (huw.as_str(), "activities", "100.00"),
            ("general", "insurance", "73"),
        ] {
            let set = app
                .post_form(
                    &format!("{base}/budgets"),
                    &browser.cookies,
                    &[
                        ("csrf", csrf),
                        ("budget_fund", fund),
                        ("budget_category", category),
                        ("budget_from", "2026-04-01"),
                        ("budget_to", "2027-03-31"),
                        ("budget_amount", amount),
                    ],
                )
                .await;
            assert_eq!(set.status, 303, "{}", set.body);
        }
        // Spent in April to June: Gwen £50 on activities, Huw £120 on
        // activities (over budget) and £15 on equipment (no budget).
        for (person, category, amount) in [
            (gwen, Category::Activities, 5_000),
            (huw, Category::Activities, 12_000),
            (huw, Category::Equipment, 1_500),
        ] {
            let lines = cylch_ledger::posting::spending(
                &Spending {
                    category,
                    amount: Pence::new(amount),
                    charge_to: ChargeTo::Person {
                        person: person.clone(),
                    },
                    paid_from: AccountCode::new(cylch_ledger::account::codes::BANK),
                },
                &Chart::standard(),
            )
            .unwrap();
            app.store
                .post_lines(&scope, "2026-05-05".parse().unwrap(), "Spent", lines)
                .await
                .unwrap();
        }

        // The quarter is 91 of the year's 365 days: Gwen's budget counts as
        // £91.00, Huw's as £24.93, insurance as £18.20.
        let quarter = "from=2026-04-01&to=2026-06-30";
        let page = app
            .get(&format!("{base}/budget?{quarter}"), &browser.cookies)
            .await;
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
        let own = app.browser(supported).await;
        let hers = app
            .get(&format!("{base}/budget?{quarter}"), &own.cookies)
            .await;
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
        let pa = app.browser(cast.who("pa")).await;
        assert_eq!(
            app.get(&format!("{base}/budget?{quarter}"), &pa.cookies)
                .await
                .status,
            403
        );
    }
);

on_both!(budgets_and_the_years_accounts_through_the_api, |app| {
    let cast = cast(&app).await;
    let coop = cast.coop_a.id.as_str().to_owned();
    let treasurer = cast.who("treasurer");
    let scope = app
        .store
        .scope(&treasurer.id, &cast.coop_a.id)
        .await
        .unwrap()
        .unwrap();
    let supported = cast.who("supported");
    let representative = cast.who("representative");
    let gwen = app
        .store
        .add_supported_person(
            &scope,
            NewSupportedPerson {
                name: "Gwen",
                member_account: Some(&supported.id),
                represented_by: None,
                starts_on: "2026-01-01".parse().unwrap(),
            },
        )
        .await
        .unwrap();
    let huw = app
        .store
        .add_supported_person(
            &scope,
            NewSupportedPerson {
                name: "Huw",
                member_account: None,
                represented_by: Some(&representative.id),
                starts_on: "2026-01-01".parse().unwrap(),
            },
        )
        .await
        .unwrap();
    let t = app.token(treasurer).await;
    let base = format!("/api/v1/coops/{coop}/ledger");

    let refused = app
        .api(
            "POST",
            &format!("{base}/budgets"),
            Some(&t),
            Some(json!({
                "fund": gwen.id, "category": "outings", "from": "2026-04-01",
                "to": "2026-03-01", "amount_pence": -1
            })),
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    for code in ["ledger-budget-negative", "ledger-budget-backwards"] {
        assert!(refused.body.contains(code), "{code}: {}", refused.body);
    }
    for (fund, amount) in [(gwen.id.as_str(), 36_500), (huw.id.as_str(), 73_000)] {
        let set = app
            .api(
                "POST",
                &format!("{base}/budgets"),
                Some(&t),
                Some(json!({
                    "fund": fund, "category": "activities", "from": "2026-04-01",
                    "to": "2027-03-31", "amount_pence": amount
                })),
            )
            .await;
        assert_eq!(set.status, 201, "{}", set.body);
    }
    let spent = app
        .api(
            "POST",
            &format!("{base}/entries"),
            Some(&t),
            Some(json!({
                "date": "2026-04-10", "description": "Swimming", "category": "activities",
                "amount_pence": 2500, "charge_to": {"to": "person", "person": gwen.id}
            })),
        )
        .await;
    assert_eq!(spent.status, 201, "{}", spent.body);

    // Gwen reads her own row only: April–June is 91 of 365 days of £365.
    let s = app.token(supported).await;
    let hers = app
        .api(
            "GET",
            &format!("{base}/budget?from=2026-04-01&to=2026-06-30"),
            Some(&s),
            None,
        )
        .await;
    assert_eq!(hers.status, 200, "{}", hers.body);
    let rows = hers.json()["rows"].clone();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows[0]["budget"], 9_100);
    assert_eq!(rows[0]["actual"], 2_500);
    assert_eq!(rows[0]["remaining"], 6_600);
    let all = app
        .api(
            "GET",
            &format!("{base}/budget?from=2026-04-01&to=2026-06-30"),
            Some(&t),
            None,
        )
        .await;
    assert_eq!(all.json()["rows"].as_array().unwrap().len(), 2);

    // The year's accounts for officers; a PA reads neither.
    let accounts = app
        .api(
            "GET",
            &format!("{base}/accounts?from=2026-04-01&to=2027-03-31"),
            Some(&t),
            None,
        )
        .await;
    assert_eq!(accounts.status, 200, "{}", accounts.body);
    assert_eq!(accounts.json()["total_spending"]["restricted"], 2_500);
    assert_eq!(accounts.json()["net_assets"], -2_500);
    let pa = app.token(cast.who("pa")).await;
    for path in [format!("{base}/accounts"), format!("{base}/budget")] {
        assert_eq!(
            app.api("GET", &path, Some(&pa), None).await.status,
            403,
            "{path}"
        );
    }
    assert_eq!(
        app.api("GET", &format!("{base}/accounts"), Some(&s), None)
            .await
            .status,
        403
    );
});

on_both!(
    shared_costs_split_by_hours_or_fixed_shares_on_the_page,
    |app| {
        use cylch_ledger::PersonId;
        use cylch_ledger::report::Period;
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.as_str().to_owned();
        let treasurer = cast.who("treasurer");
        let scope = app
            .store
            .scope(&treasurer.id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        let supported = cast.who("supported");
        let representative = cast.who("representative");
        let mut ids = Vec::new();
        for (name, account, acting) in [
            ("Gwen", Some(&supported.id), None),
            ("Huw", None, Some(&representative.id)),
        ] {
            let person = app
                .store
                .add_supported_person(
                    &scope,
                    NewSupportedPerson {
                        name,
                        member_account: account,
                        represented_by: acting,
                        starts_on: "2026-01-01".parse().unwrap(),
                    },
                )
                .await
                .unwrap();
            ids.push(person.id);
        }
        let (gwen, huw) = (ids[0].as_str(), ids[1].as_str());
        let base = format!("/coops/{coop}/ledger");
        let browser = app.browser(treasurer).await;
        let csrf = browser.csrf.as_str();
        let spend = |what: &'static str,
                     rule: &'static str,
                     gwen_share: &'static str,
                     huw_share: &'static str| {
            vec![
                ("csrf", csrf),
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
        let refused = app
            .post_form(
                &format!("{base}/spending"),
                &browser.cookies,
                &spend("Taith", "weights", "3", ""),
            )
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
            let sent = app
                .post_form(
                    &format!("{base}/spending"),
                    &browser.cookies,
                    &spend(what, rule, g, h),
                )
                .await;
            assert_eq!(sent.status, 303, "{}", sent.body);
        }
        let quarter =
            Period::new("2026-04-01".parse().unwrap(), "2026-06-30".parse().unwrap()).unwrap();
        for (person, outing, cinema) in [(gwen, 3_000, 1_000), (huw, 1_000, 3_000)] {
            let statement = app
                .store
                .person_statement(&scope, &PersonId::new(person).unwrap(), quarter)
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
        let statement = app
            .get(
                &format!("{base}/statement?person={gwen}&from=2026-04-01&to=2026-06-30"),
                &browser.cookies,
            )
            .await;
        for said in [
            "<td class=\"money\">£30.00</td><td>3 of 4 hours of support</td>",
            "<td class=\"money\">£10.00</td><td>1 of 4 shares</td>",
        ] {
            assert!(statement.body.contains(said), "{said}: {}", statement.body);
        }
    }
);

on_both!(a_claim_is_shared_between_people_by_a_rule, |app| {
    use cylch_ledger::{ChargeTo, PersonId, SplitRule};
    let cast = cast(&app).await;
    let coop = cast.coop_a.id.as_str().to_owned();
    let treasurer = cast.who("treasurer");
    let scope = app
        .store
        .scope(&treasurer.id, &cast.coop_a.id)
        .await
        .unwrap()
        .unwrap();
    let mut ids = Vec::new();
    for (name, account) in [
        ("Gwen", &cast.who("supported").id),
        ("Huw", &cast.who("representative").id),
    ] {
        let person = app
            .store
            .add_supported_person(
                &scope,
                NewSupportedPerson {
                    name,
                    member_account: None,
                    represented_by: Some(account),
                    starts_on: "2026-01-01".parse().unwrap(),
                },
            )
            .await
            .unwrap();
        ids.push(person.id);
    }
    let (gwen, huw) = (ids[0].as_str(), ids[1].as_str());
    let base = format!("/coops/{coop}/ledger");
    let browser = app.browser(treasurer).await;
    let claim = |rule: &'static str, gwen_hours: &'static str| {
        vec![
            ("csrf", browser.csrf.as_str()),
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
    let refused = app
        .post_form(
            &format!("{base}/claims"),
            &browser.cookies,
            &claim("hours", "two"),
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Enter the hours of support for each person ticked"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("href=\"#claim_shared_with\""));
    assert!(app.store.claims(&scope).await.unwrap().is_empty());
    let made = app
        .post_form(
            &format!("{base}/claims"),
            &browser.cookies,
            &claim("hours", "2"),
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let claims = app.store.claims(&scope).await.unwrap();
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
    let page = app.get(&format!("{base}/claims"), &browser.cookies).await;
    assert!(page.body.contains("Gwen, Huw"), "{}", page.body);
});
