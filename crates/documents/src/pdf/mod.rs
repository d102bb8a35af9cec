//! Documents as PDF files: A4 pages, text in embedded DejaVu Sans, tables
//! that run over as many pages as they need, and the tagging that makes
//! the file readable with a screen reader.
//!
//! Long cells wrap within their column, a row too tall for what is left of
//! a page continues on the next, and every page that a table runs onto
//! starts with the table's header row again.
//!
//! The file is a tagged PDF: its language and title are in its catalog,
//! its document information and its XMP metadata, and viewers show the
//! title rather than the file's name. Its structure (the title as `H1`,
//! table headings as `H2`, paragraphs, tables whose header cells are `TH`
//! with a column or row scope) is marked for screen readers; rules,
//! shading, repeated header rows and page labels are marked as artifacts.
//! Every glyph maps back to its text, so the text can be copied and
//! searched.
//!
//! How it is split: `layout` places blocks of text down the page and
//! `table` places tables; `wrap` breaks lines; `fonts` measures and encodes
//! text and writes the font subsets; `structure` keeps the structure tree;
//! `file` and `xmp` write the objects of the file.

mod file;
mod fonts;
mod layout;
mod structure;
mod table;
mod wrap;
mod xmp;

use crate::model::Document;
use layout::Layout;

/// Why a document could not be made. Both come from the fonts built into
/// the program, so they are a fault of the build, not of the document.
/// The font libraries' own error types are kept out of this crate's
/// interface: their messages are carried as text.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font {font} could not be read: {reason}")]
    FontUnreadable { font: &'static str, reason: String },
    #[error("the embedded font {font} could not be subset: {reason}")]
    FontSubset { font: &'static str, reason: String },
}

/// The document as the bytes of a PDF file. `page_label` gives the words
/// at the foot of each page from its number and the number of pages
/// ("page 2 of 5"), in the document's language.
pub fn render(
    document: &Document,
    page_label: impl Fn(usize, usize) -> String,
) -> Result<Vec<u8>, PdfError> {
    let mut layout = Layout::new(document.orientation)?;
    layout.document(document);
    let laid = layout.finish(&page_label);
    file::write(laid, &document.title, document.language.code())
}

#[cfg(test)]
mod tests {
    use cylch_domain::Language;

    use super::*;
    use crate::model::{Column, Orientation, Table};

    fn sample(rows: usize) -> Document {
        Document {
            language: Language::Cy,
            title: "Cofrestr aelodau".into(),
            subtitles: vec!["Cydweithfa'r Dyffryn".into()],
            generated: "Lluniwyd ar 25/11/2026".into(),
            orientation: Orientation::Landscape,
            tables: vec![Table {
                heading: "Aelodau".into(),
                columns: vec![Column::new("Enw", 2), Column::new("Cyfeiriad", 3)],
                rows: (0..rows)
                    .map(|i| vec![format!("Siôn Ŵyn {i}"), "Tŷ'r Ysgol, Llŷn".into()])
                    .collect(),
                row_headers: true,
                empty: "Dim".into(),
            }],
        }
    }

    fn count(haystack: &[u8], needle: &[u8]) -> usize {
        haystack
            .windows(needle.len())
            .filter(|w| *w == needle)
            .count()
    }

    #[test]
    fn a_long_table_runs_over_pages_with_numbered_pages() {
        let bytes = render(&sample(200), |page, pages| {
            format!("Tudalen {page} o {pages}")
        })
        .unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.ends_with(b"%%EOF\n") || bytes.ends_with(b"%%EOF"));
        let pages = count(&bytes, b"/Type /Page\n") + count(&bytes, b"/Type /Page ");
        assert!(pages > 1 && pages < 12, "{pages} pages for 200 rows");
        assert_eq!(count(&bytes, b"/FontFile2"), 2, "both fonts are embedded");
        assert!(
            count(&bytes, b"/StructParents") == pages,
            "every page is tagged"
        );
        assert!(count(&bytes, b"/Lang (cy)") == 1, "the language is tagged");
        // The subsets hold only the glyphs used: the two whole fonts would
        // be 1.4 MB.
        assert!(bytes.len() < 200_000, "{} bytes", bytes.len());
    }

    #[test]
    fn an_empty_table_prints_its_message_and_a_row_taller_than_a_page_is_split() {
        let mut document = sample(0);
        document.tables.push(Table {
            heading: "Hir".into(),
            columns: vec![Column::new("Testun", 1), Column::new("Arall", 9)],
            rows: vec![vec!["gair ".repeat(800), "x".into()]],
            row_headers: false,
            empty: String::new(),
        });
        let bytes = render(&document, |page, pages| format!("{page}/{pages}")).unwrap();
        let pages = count(&bytes, b"/Type /Page\n") + count(&bytes, b"/Type /Page ");
        assert!(pages >= 2, "the long row continues on another page");
    }
}
