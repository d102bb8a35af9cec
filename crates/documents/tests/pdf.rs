//! Documents read back as their readers meet them: through poppler's
//! pdfinfo and pdftotext (scripts/test installs poppler-utils), not through
//! this crate's own idea of what it wrote.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test

use std::process::Command;

use cylch_documents::{Column, Document, Orientation, Table, pdf};
use cylch_domain::Language;

/// Runs a poppler tool over a PDF and returns what it prints.
fn poppler(tool: &str, args: &[&str], pdf: &[u8], name: &str) -> String {
    let file =
        std::env::temp_dir().join(format!("cylch-documents-{}-{name}.pdf", std::process::id()));
    std::fs::write(&file, pdf).unwrap();
    let mut command = Command::new(tool);
    command.args(args).arg(&file);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let output = command.output();
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

/// A payslip's shape: facts as a two-column table whose first cells name
/// the rows, then a table with column headers.
fn payslip() -> Document {
    Document {
        language: Language::Cy,
        title: "Slip cyflog Siân Ŵyn".into(),
        subtitles: vec!["Cydweithfa Tŷ'r Ysgol".into()],
        generated: "Gwnaed ar 25/11/2026".into(),
        orientation: Orientation::Portrait,
        tables: vec![
            Table {
                heading: "Manylion".into(),
                columns: vec![Column::new("Eitem", 1), Column::new("Gwerth", 1)],
                rows: vec![
                    vec!["Enw".into(), "Siân Ŵyn".into()],
                    vec!["Cod treth".into(), "1257L".into()],
                ],
                row_headers: true,
                empty: String::new(),
            },
            Table {
                heading: "Taliadau".into(),
                columns: vec![Column::new("Disgrifiad", 3), Column::new("Swm", 1)],
                rows: vec![vec!["Cyflog sylfaenol".into(), "£1,234.56".into()]],
                row_headers: false,
                empty: String::new(),
            },
        ],
    }
}

#[test]
fn a_document_is_tagged_with_its_title_language_and_table_headers() {
    let bytes = pdf::render(&payslip(), |page, pages| {
        format!("Tudalen {page} o {pages}")
    })
    .unwrap();

    let info = poppler("pdfinfo", &[], &bytes, "info");
    assert!(
        info.contains("Title:           Slip cyflog Siân Ŵyn\n"),
        "{info}"
    );
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Pages:           1\n"), "{info}");
    let metadata = poppler("pdfinfo", &["-meta"], &bytes, "meta");
    assert!(metadata.contains("<rdf:li>cy</rdf:li>"), "{metadata}");
    assert!(
        bytes.windows(10).any(|w| w == b"/Lang (cy)"),
        "the catalog names the language"
    );

    // Welsh letters come back as text, for copying, searching and reading
    // aloud.
    let text = poppler("pdftotext", &["-raw", "-enc", "UTF-8"], &bytes, "text");
    for expected in [
        "Slip cyflog Siân Ŵyn",
        "Cydweithfa Tŷ'r Ysgol",
        "Cod treth 1257L",
        "Cyflog sylfaenol £1,234.56",
        "Tudalen 1 o 1",
    ] {
        assert!(text.contains(expected), "{expected} in the text:\n{text}");
    }

    let structure = poppler("pdfinfo", &["-struct-text"], &bytes, "struct");
    for expected in [
        "H1 (block)\n    \"Slip cyflog Siân Ŵyn\"",
        "H2 (block)\n    \"Manylion\"",
        "TH:\n         /Scope /Column\n        \"Eitem\"",
        "TH:\n         /Scope /Row\n        \"Enw\"\n      TD\n        \"Siân Ŵyn\"",
        "TH:\n         /Scope /Column\n        \"Swm\"",
        "TD\n        \"Cyflog sylfaenol\"",
    ] {
        assert!(
            structure.contains(expected),
            "{expected} in the structure:\n{structure}"
        );
    }
    assert!(
        !structure.contains("Tudalen"),
        "the page label is an artifact, not content:\n{structure}"
    );
}

#[test]
fn a_table_over_several_pages_repeats_its_header_row_for_the_eye_only() {
    let rota = Document {
        language: Language::En,
        title: "Rota".into(),
        subtitles: Vec::new(),
        generated: "Made on 25/11/2026".into(),
        orientation: Orientation::Landscape,
        tables: vec![Table {
            heading: "Shifts".into(),
            columns: vec![Column::new("Day", 1), Column::new("Worker", 2)],
            rows: (1..=120)
                .map(|day| vec![format!("Day {day}"), format!("Worker {day}")])
                .collect(),
            row_headers: true,
            empty: String::new(),
        }],
    };
    let bytes = pdf::render(&rota, |page, pages| format!("Page {page} of {pages}")).unwrap();

    let info = poppler("pdfinfo", &[], &bytes, "pages");
    let pages: usize = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("a page count in:\n{info}"));
    assert!(pages > 1, "120 rows run over more than one page");

    let text = poppler("pdftotext", &["-raw", "-enc", "UTF-8"], &bytes, "text");
    let page_texts: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(page_texts.len(), pages);
    for (index, page) in page_texts.iter().enumerate() {
        assert!(
            page.contains("Day Worker"),
            "page {} has the header row",
            index + 1
        );
        assert!(
            page.contains(&format!("Page {} of {pages}", index + 1)),
            "page {} is labelled:\n{page}",
            index + 1
        );
    }
    assert!(text.contains("Day 120 Worker 120"), "no row is lost");

    // A screen reader meets the header row once, and every row once.
    let structure = poppler("pdfinfo", &["-struct-text"], &bytes, "struct");
    assert_eq!(
        structure.matches("/Scope /Column").count(),
        2,
        "{structure}"
    );
    assert_eq!(structure.matches("/Scope /Row").count(), 120);
    assert_eq!(structure.matches("\"Worker 120\"").count(), 1);
}
