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
        assert!(bad.body.contains(r#"id="date-pas""#) && bad.body.contains("aria-invalid"));
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
