//! Pay in the pages, on SQLite and PostgreSQL: the treasurer runs a period
//! (a bad form is answered at its fields and saves nothing), another
//! officer approves it, which posts it to the books, and each payment is
//! recorded once; the PA reads their own payslip, on the page and as a
//! tagged PDF in their language; nobody else reads it.

use cylch_store::testing::count_raw;

use crate::on_both;
use crate::payroll::{May, may_with_time};
use crate::registers::{download, pdf_text, poppler};

on_both!(
    the_treasurer_runs_and_pays_and_the_pa_reads_the_payslip,
    |app| {
        let May { cast, coop, .. } = may_with_time(&app).await;
        let chair = app.browser(cast.who("chair")).await;
        let treasurer = app.browser(cast.who("treasurer")).await;

        let page = app
            .get(&format!("/coops/{coop}/payroll"), &chair.cookies)
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Run pay for a period"), "{}", page.body);
        assert!(page.body.contains("No pay has been run yet."));

        // A bad period and a bad date: both named, nothing run.
        let start = format!("/coops/{coop}/payroll/runs");
        let bad = app
            .post_form(
                &start,
                &chair.cookies,
                &[
                    ("csrf", &chair.csrf),
                    ("frequency", "monthly"),
                    ("tax_year", "2026-27"),
                    ("period", "two"),
                    ("pay_date", "31/02/2026"),
                ],
            )
            .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(bad.body.contains("Enter the tax week or tax month"));
        assert!(bad.body.contains("Enter the pay date as YYYY-MM-DD"));
        assert!(
            bad.body.contains(r#"value="two""#),
            "what was typed is kept"
        );
        assert_eq!(
            count_raw(&app.store, "SELECT COUNT(*) FROM pay_runs").await,
            0
        );

        let fields = [
            ("csrf", chair.csrf.as_str()),
            ("frequency", "monthly"),
            ("tax_year", "2026-27"),
            ("period", "2"),
            ("pay_date", "2026-06-05"),
        ];
        let started = app.post_form(&start, &chair.cookies, &fields).await;
        assert_eq!(started.status, 303, "{}", started.body);
        let run = started.location().to_owned();
        // Pressed twice: told at the period, nothing more run.
        let again = app.post_form(&start, &chair.cookies, &fields).await;
        assert_eq!(again.status, 422, "{}", again.body);
        assert!(again.body.contains("already been run"));
        assert_eq!(
            count_raw(&app.store, "SELECT COUNT(*) FROM pay_runs").await,
            1
        );

        let page = app.get(&run, &chair.cookies).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Megan Jones") && page.body.contains("£190.40"));
        assert!(page.body.contains("Approve the pay run"));

        // The chair started it, so another officer approves it.
        let own = app
            .post_form(
                &format!("{run}/approve"),
                &chair.cookies,
                &[("csrf", &chair.csrf)],
            )
            .await;
        assert_eq!(own.status, 422);
        assert!(
            own.body.contains("another officer must approve"),
            "{}",
            own.body
        );
        assert_eq!(
            count_raw(&app.store, "SELECT COUNT(*) FROM ledger_entries").await,
            0
        );
        let approved = app
            .post_form(
                &format!("{run}/approve"),
                &treasurer.cookies,
                &[("csrf", &treasurer.csrf)],
            )
            .await;
        assert_eq!(approved.status, 303, "{}", approved.body);
        assert_eq!(
            count_raw(&app.store, "SELECT COUNT(*) FROM ledger_entries").await,
            1
        );
        // Megan is told her payslip is ready: a link, and not her pay.
        let mail = app.last_email();
        assert!(mail.contains(&cast.who("pa").email.to_string()), "{mail}");
        assert!(mail.contains(&format!("/coops/{coop}/payslips/")), "{mail}");
        assert!(!mail.contains("190.40"), "{mail}");

        // What the run owes: all of it to Megan (no tax, NI or pension).
        let page = app.get(&run, &treasurer.cookies).await;
        assert!(
            page.body.contains("Record payment to The PAs (net pay)"),
            "{}",
            page.body
        );
        let pay = format!("{run}/payments");
        let bad = app
            .post_form(
                &pay,
                &treasurer.cookies,
                &[
                    ("csrf", &treasurer.csrf),
                    ("payee", "pas"),
                    ("date", "soon"),
                ],
            )
            .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(bad.body.contains(r#"id="date""#) && bad.body.contains("aria-invalid"));
        assert!(
            bad.body.contains(r##"href="#date""##),
            "the summary leads to the field"
        );
        // A payee the form never offers: refused whole, nothing recorded.
        let odd = app
            .post_form(
                &pay,
                &treasurer.cookies,
                &[("csrf", &treasurer.csrf), ("payee", ""), ("date", "")],
            )
            .await;
        assert_eq!(odd.status, 422, "{}", odd.body);
        assert!(
            odd.body.contains("Choose whom the payment was to"),
            "{}",
            odd.body
        );
        let paid = app
            .post_form(
                &pay,
                &treasurer.cookies,
                &[
                    ("csrf", &treasurer.csrf),
                    ("payee", "pas"),
                    ("date", "2026-06-05"),
                ],
            )
            .await;
        assert_eq!(paid.status, 303, "{}", paid.body);
        let twice = app
            .post_form(
                &pay,
                &treasurer.cookies,
                &[
                    ("csrf", &treasurer.csrf),
                    ("payee", "pas"),
                    ("date", "2026-06-05"),
                ],
            )
            .await;
        assert_eq!(twice.status, 409, "{}", twice.body);
        assert_eq!(
            count_raw(&app.store, "SELECT COUNT(*) FROM ledger_entries").await,
            2
        );
        let nothing = app
            .post_form(
                &pay,
                &treasurer.cookies,
                &[
                    ("csrf", &treasurer.csrf),
                    ("payee", "hmrc"),
                    ("date", "2026-06-05"),
                ],
            )
            .await;
        assert_eq!(nothing.status, 422, "{}", nothing.body);
        assert!(nothing.body.contains("owes them nothing"));

        // Megan reads her payslip; in Welsh, her language, as a PDF.
        let megan = app.browser(cast.who("pa")).await;
        let list = app
            .get(&format!("/coops/{coop}/payslips"), &megan.cookies)
            .await;
        assert_eq!(list.status, 200);
        let link = list
            .body
            .split("href=\"")
            .map(|rest| rest.split('"').next().unwrap())
            .find(|href| href.starts_with(&format!("/coops/{coop}/payslips/")))
            .expect("a payslip is listed")
            .to_owned();
        let slip = app.get(&link, &megan.cookies).await;
        assert_eq!(slip.status, 200);
        for expected in [
            "Payslip: Megan Jones",
            "1257L (week 1 / month 1 basis)",
            "£190.40",
            "14:00",
            "06/05/2026 – 05/06/2026",
        ] {
            assert!(slip.body.contains(expected), "{expected}: {}", slip.body);
        }
        let pa = cast.who("pa");
        app.store
            .update_profile(
                &pa.id,
                &cylch_domain::PersonName::parse(&pa.name).unwrap(),
                &pa.email,
                cylch_domain::Language::Cy,
            )
            .await
            .unwrap();
        let (status, kind, pdf) = download(&app, &format!("{link}/pdf"), &megan.cookies).await;
        assert_eq!((status, kind.as_str()), (200, "application/pdf"));
        let text = pdf_text(&pdf);
        for expected in [
            "Slip cyflog: Megan Jones",
            "Cyflog net",
            "£190.40",
            "Cod treth",
        ] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
        let info = poppler("pdfinfo", &[], &pdf);
        assert!(info.contains("Tagged:          yes"), "{info}");
        // Her P60 for the year so far, in her language.
        let runs = app
            .api(
                "GET",
                &format!("/api/v1/coops/{coop}/payroll/runs"),
                Some(&app.token(cast.who("treasurer")).await),
                None,
            )
            .await;
        let employment = runs.json()[0]["payslips"][0]["employment"]
            .as_str()
            .unwrap()
            .to_owned();
        let (status, kind, pdf) = download(
            &app,
            &format!("/coops/{coop}/payslips/p60/{employment}/2026-27"),
            &megan.cookies,
        )
        .await;
        assert_eq!((status, kind.as_str()), (200, "application/pdf"));
        let text = pdf_text(&pdf);
        assert!(text.contains("P60") && text.contains("£190.40"), "{text}");
        assert!(poppler("pdfinfo", &[], &pdf).contains("Tagged:          yes"));
        let other = app.browser(cast.who("supported")).await;
        let (status, _, _) = download(
            &app,
            &format!("/coops/{coop}/payslips/p60/{employment}/2026-27"),
            &other.cookies,
        )
        .await;
        assert_eq!(status, 404);

        // Nobody else reads it: not the person she supports, another member,
        // or another co-operative.
        for role in ["supported", "family", "outsider"] {
            let other = app.browser(cast.who(role)).await;
            assert_eq!(app.get(&link, &other.cookies).await.status, 404, "{role}");
            let (status, _, _) = download(&app, &format!("{link}/pdf"), &other.cookies).await;
            assert_eq!(status, 404, "{role}");
            let list = app
                .get(&format!("/coops/{coop}/payslips"), &other.cookies)
                .await;
            assert!(!list.body.contains("£190.40"), "{role}");
        }
    }
);

on_both!(the_fps_needs_hmrcs_details_then_downloads, |app| {
    let May { cast, coop, .. } = may_with_time(&app).await;
    let chair = app.token(cast.who("chair")).await;
    let treasurer = app.token(cast.who("treasurer")).await;
    let runs = format!("/api/v1/coops/{coop}/payroll/runs");
    let started = app
        .api(
            "POST",
            &runs,
            Some(&chair),
            Some(serde_json::json!({"frequency": "monthly", "tax_year": "2026-27", "period": 2, "pay_date": "2026-06-05"})),
        )
        .await;
    let run = started.json()["id"].as_str().unwrap().to_owned();
    let megan = started.json()["payslips"][0]["employment"]
        .as_str()
        .unwrap()
        .to_owned();
    let fps = format!("{runs}/{run}/fps");
    // A draft has no FPS.
    let draft = app.api("GET", &fps, Some(&treasurer), None).await;
    assert_eq!(draft.status, 422, "{}", draft.body);
    assert_eq!(draft.json()["error"]["code"], "payroll-not-approved");
    app.api(
        "POST",
        &format!("{runs}/{run}/approve"),
        Some(&treasurer),
        None,
    )
    .await;

    // Until HMRC's details are recorded, each missing thing is named, in
    // the page's words too.
    let missing = app.api("GET", &fps, Some(&treasurer), None).await;
    assert_eq!(missing.status, 422, "{}", missing.body);
    assert_eq!(missing.json()["error"]["code"], "payroll-hmrc-missing");
    let browser = app.browser(cast.who("treasurer")).await;
    let page = app
        .get(
            &format!("/coops/{coop}/payroll/runs/{run}/fps"),
            &browser.cookies,
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("Megan Jones"), "{}", page.body);
    assert!(page.body.contains("PAYE and Accounts Office references"));

    // Bad references are refused at their fields, saving nothing.
    let hmrc = format!("/api/v1/coops/{coop}/payroll/hmrc");
    let bad = app
        .api(
            "PUT",
            &format!("{hmrc}/employer"),
            Some(&treasurer),
            Some(serde_json::json!({"paye_reference": "475-CY12345", "accounts_office_reference": "475PA0012345"})),
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    let answer = bad.json();
    let fields: Vec<&str> = answer["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["paye_reference", "accounts_office_reference"]);
    assert!(app.api("GET", &hmrc, Some(&treasurer), None).await.json()["paye_reference"].is_null());
    // Recorded on the page and through the API.
    let saved = app
        .post_form(
            &format!("/coops/{coop}/payroll/hmrc/employer"),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("paye_reference", "475 / cy12345"),
                ("accounts_office_reference", "475PA00123456"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let bad = app
        .api(
            "PUT",
            &format!("{hmrc}/pas/{megan}"),
            Some(&treasurer),
            Some(serde_json::json!({"gender": "X"})),
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    let ok = app
        .api(
            "PUT",
            &format!("{hmrc}/pas/{megan}"),
            Some(&treasurer),
            Some(serde_json::json!({"gender": "F"})),
        )
        .await;
    assert_eq!(ok.status, 204, "{}", ok.body);
    let read = app.api("GET", &hmrc, Some(&treasurer), None).await.json();
    assert_eq!(read["paye_reference"], "475/CY12345");
    assert_eq!(read["pas"][0]["gender"], "F");
    // A PA cannot.
    let pa = app.token(cast.who("pa")).await;
    assert_eq!(app.api("GET", &hmrc, Some(&pa), None).await.status, 403);

    let file = app.api("GET", &fps, Some(&treasurer), None).await;
    assert_eq!(file.status, 200, "{}", file.body);
    for expected in [
        "<Class>HMRC-PAYE-RTI-FPS</Class>",
        "<OfficeNo>475</OfficeNo>",
        "<AORef>475PA00123456</AORef>",
        "<Sur>Jones</Sur>",
        "<Gender>F</Gender>",
        "<TaxablePay>190.40</TaxablePay>",
    ] {
        assert!(file.body.contains(expected), "{expected}: {}", file.body);
    }
    let (status, kind, _) = download(
        &app,
        &format!("/coops/{coop}/payroll/runs/{run}/fps"),
        &browser.cookies,
    )
    .await;
    assert_eq!((status, kind.as_str()), (200, "application/xml"));
});
