//! The registers of members and officers: legally required fields, former
//! members kept, a CSV that is safe to open, a PDF in the reader's language,
//! and access that ends with membership.

use std::process::Command;

use axum::body::Body;
use axum::http::{Request, header};
use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};
use cylch_store::ids::random_id;
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::on_both;
use crate::support::TestApp;

/// The PDF's text in the order it was written, each run of spaces and line
/// breaks made one space, so that a cell wrapped over lines reads whole.
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-raw", "-enc", "UTF-8"], pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The status, content type and bytes of a download.
pub(crate) async fn download(app: &TestApp, path: &str, cookies: &str) -> (u16, String, Vec<u8>) {
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

/// Runs a poppler tool (`pdftotext`, `pdfinfo`) over a PDF, as a reader of
/// the file would see it; scripts/test installs poppler-utils.
pub(crate) fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let file = std::env::temp_dir().join(format!("cylch-test-{}.pdf", random_id()));
    std::fs::write(&file, pdf).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&file)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output();
    let _ = std::fs::remove_file(&file);
    let output = output.unwrap_or_else(|e| {
        panic!("{tool} is needed to read the PDF (apt install poppler-utils): {e}")
    });
    assert!(
        output.status.success(),
        "{tool} could not read the PDF: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

on_both!(the_registers_keep_former_members_and_export_safely, |app| {
    // The test is set on 30 November 2026, the day a member who joined
    // that morning resigns, so that its dates hold on any day it is run.
    // Late on 30 November, so that the cessation below can be recorded on
    // the next day within one sitting.
    app.clock().pin("2026-11-30T22:30:00Z".parse().unwrap());
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa'r Cofrestrau", CoopKind::Family)
        .await;
    let secretary = app
        .person("secretary@cylch.test", "Elin Parry", false)
        .await;
    app.join(
        &coop,
        &secretary,
        CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Secretary),
    )
    .await;
    let sly = app
        .person("sly@cylch.test", "=HYPERLINK(\"http://evil\")", false)
        .await;
    app.join(
        &coop,
        &sly,
        CoopRoles::member(MemberClass::Supporter).with_office(Office::Treasurer),
    )
    .await;
    let browser = app.browser(&secretary).await;
    let sly_browser = app.browser(&sly).await;
    let path = format!("/coops/{}/register", coop.id);

    let saved = app
        .post_form(
            &format!("{path}/{}", secretary.id),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("postal_address", "1 Stryd Fawr, Bangor LL57 1AA"),
                ("shares", "1"),
                ("paid", "£1.00"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let gwenllian = app
        .person("gwenllian@cylch.test", "Gwenllïan ap Ŵyn", false)
        .await;
    app.join(&coop, &gwenllian, CoopRoles::member(MemberClass::Supporter))
        .await;
    let saved = app
        .post_form(
            &format!("{path}/{}", gwenllian.id),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                (
                    "postal_address",
                    "Tŷ Gŵyn, Lôn Fêl, Pen-y-bâ, Llanfair Îs, Cwm Tûr, Noël, Cáerau",
                ),
                ("shares", "1"),
                ("paid", "£1.00"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let bad = app
        .post_form(
            &format!("{path}/{}", secretary.id),
            &browser.cookies,
            &[("csrf", &browser.csrf), ("shares", "-2"), ("paid", "lots")],
        )
        .await;
    assert_eq!(bad.status, 422);
    // The summary links to the fields of the member whose form came back,
    // which keep what was typed.
    let shares_id = format!("shares-{}", secretary.id);
    let paid_id = format!("paid-{}", secretary.id);
    assert!(
        bad.body.contains(&format!("href=\"#{shares_id}\""))
            && bad.body.contains(&format!("href=\"#{paid_id}\"")),
        "{}",
        bad.body
    );
    assert!(bad.body.contains(&format!(
        "id=\"{shares_id}\" name=\"shares\" type=\"text\" inputmode=\"numeric\" value=\"-2\" aria-invalid=\"true\" aria-describedby=\"{shares_id}-error\""
    )));
    assert!(bad.body.contains(&format!("id=\"{paid_id}-error\"")));
    assert!(
        !bad.body.contains(&format!("shares-{}-error", gwenllian.id)),
        "another member's fields are not marked"
    );

    // The secretary records after midnight, on 1 December, that Sly
    // resigned on 30 November.
    app.clock().pin("2026-12-01T00:15:00Z".parse().unwrap());
    let ceased = app
        .post_form(
            &format!("{path}/{}/cease", sly.id),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("ceased_on", "2026-11-30"),
                ("reason", "resigned"),
            ],
        )
        .await;
    assert_eq!(ceased.status, 303, "{}", ceased.body);
    assert_eq!(
        app.get(&format!("/coops/{}", coop.id), &sly_browser.cookies)
            .await
            .status,
        404,
        "a former member no longer sees the co-operative"
    );

    let page = app.get(&path, &browser.cookies).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("1 Stryd Fawr, Bangor LL57 1AA"));
    assert!(
        page.body.contains("30/11/2026 (Resigned)"),
        "the former member's entry is kept"
    );
    assert!(
        page.body.contains("Treasurer"),
        "the office they held stays in the register of officers"
    );
    let welsh = app
        .get(&path, &format!("{}; cylch_lang=cy", browser.cookies))
        .await;
    assert!(welsh.body.contains("Cofrestr aelodau") && welsh.body.contains("Ymddiswyddodd"));

    let csv = app.get(&format!("{path}.csv"), &browser.cookies).await;
    assert_eq!(csv.status, 200);
    assert_eq!(
        csv.headers.get("content-type").unwrap(),
        "text/csv; charset=utf-8"
    );
    assert!(csv.body.starts_with('\u{feff}'));
    assert!(
        csv.body.contains("'=HYPERLINK"),
        "a formula in a name is made text: {}",
        csv.body
    );
    assert!(
        csv.body
            .contains("Elin Parry,\"1 Stryd Fawr, Bangor LL57 1AA\",secretary@cylch.test"),
        "{}",
        csv.body
    );
    assert!(csv.body.contains(",1.00,"), "money stays a number");

    // The register of officers keeps the treasurer who has gone, and is
    // as safe from formulas as the members'.
    let officers = app
        .get(
            &format!("/coops/{}/register-officers.csv", coop.id),
            &browser.cookies,
        )
        .await;
    assert_eq!(officers.status, 200);
    assert!(officers.body.starts_with('\u{feff}'));
    assert!(officers.body.contains("'=HYPERLINK"), "{}", officers.body);
    assert!(officers.body.contains("Treasurer"), "{}", officers.body);
    assert!(
        officers
            .body
            .contains("Elin Parry,\"1 Stryd Fawr, Bangor LL57 1AA\",Secretary"),
        "{}",
        officers.body
    );

    // Both registers as a PDF, current and former entries, Welsh letters
    // as written.
    let (status, kind, pdf) = download(&app, &format!("{path}.pdf"), &browser.cookies).await;
    assert_eq!(status, 200);
    assert_eq!(kind, "application/pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    for expected in [
        "Registers of members and officers",
        "Cydweithfa'r Cofrestrau",
        "Register of members",
        "Register of officers",
        "Elin Parry",
        "HYPERLINK",
        "30/11/2026 (Resigned)",
        "Gwenllïan ap Ŵyn",
        "Tŷ Gŵyn, Lôn Fêl, Pen-y-bâ, Llanfair Îs, Cwm Tûr, Noël, Cáerau",
        "Treasurer",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected} is in the PDF:\n{text}");
    }
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Title:           Registers of members and officers"),
        "{info}"
    );
    // The structure a screen reader follows: headings, and tables whose
    // header cells name their columns and rows.
    let structure = poppler("pdfinfo", &["-struct-text"], &pdf);
    for expected in [
        "H1 (block)\n    \"Registers of members and officers\"",
        "Table (block)",
        "/Scope /Column",
        "/Scope /Row\n        \"Gwenllïan ap Ŵyn\"",
    ] {
        assert!(
            structure.contains(expected),
            "{expected} in the structure:\n{structure}"
        );
    }
    let (_, _, welsh_pdf) = download(
        &app,
        &format!("{path}.pdf"),
        &format!("{}; cylch_lang=cy", browser.cookies),
    )
    .await;
    let welsh_text = pdf_text(&welsh_pdf);
    for expected in [
        "Cofrestr aelodau",
        "Ymddiswyddodd",
        "Tudalen 1 o 1",
        "Gwenllïan ap Ŵyn",
    ] {
        assert!(
            welsh_text.contains(expected),
            "{expected} is in the Welsh PDF:\n{welsh_text}"
        );
    }
    assert!(
        welsh_pdf.windows(9).any(|w| w == b"/Lang (cy"),
        "the PDF is tagged as Welsh"
    );
    // Only those who may see the registers may download them.
    let (refused, _, _) = download(&app, &format!("{path}.pdf"), &sly_browser.cookies).await;
    assert_eq!(
        refused, 404,
        "a former member cannot download the registers"
    );

    let scope = app
        .store
        .scope(&secretary.id, &coop.id)
        .await
        .unwrap()
        .unwrap();
    let members = app.store.register_of_members(&scope).await.unwrap();
    assert_eq!(members.len(), 3);
    let officers = app.store.register_of_officers(&scope).await.unwrap();
    let treasurer = officers
        .iter()
        .find(|o| o.office == Office::Treasurer)
        .unwrap();
    assert_eq!(
        treasurer.left_office,
        Some(jiff::civil::date(2026, 11, 30)),
        "the office ends on the day the membership ceased, not the day it was recorded"
    );
    assert_eq!(treasurer.took_office, jiff::civil::date(2026, 11, 30));
    let trail = app.store.audit_trail(&scope, 100).await.unwrap();
    assert!(trail.iter().any(|e| {
        e.after
            .as_ref()
            .is_some_and(|a| a["ceased_reason"] == "resigned")
    }));
});
