//! Cylch's printable documents: the registers, the council's monitoring
//! return, statements of employment particulars and a supported person's
//! rota ([`rota`]); and the rota's calendar files ([`ical`]).
//!
//! The boundary is the document model: a caller describes a [`Document`]
//! in plain values ([`Table`], [`Column`], [`Orientation`]) in the reader's
//! language and calls [`pdf::render`]. Layout, page breaks, fonts and the
//! PDF's objects are this crate's business; no type of the PDF or font
//! libraries appears in its interface, so they can change without touching
//! a page.
//!
//! ```
//! use cylch_documents::{Column, Document, Orientation, Table, pdf};
//! use cylch_domain::Language;
//!
//! let document = Document {
//!     language: Language::Cy,
//!     title: "Cofrestr aelodau".into(),
//!     subtitles: vec!["Cydweithfa'r Dyffryn".into()],
//!     generated: "Gwnaed ar 25/11/2026".into(),
//!     orientation: Orientation::Landscape,
//!     tables: vec![Table {
//!         heading: "Aelodau".into(),
//!         columns: vec![Column::new("Enw", 2), Column::new("Cyfeiriad", 3)],
//!         rows: vec![vec!["Siân Williams".into(), "1 Stryd Fawr, Bangor".into()]],
//!         row_headers: true,
//!         empty: "Dim aelodau".into(),
//!     }],
//! };
//! let bytes = pdf::render(&document, |page, pages| format!("Tudalen {page} o {pages}"))?;
//! assert!(bytes.starts_with(b"%PDF-"));
//! # Ok::<(), cylch_documents::pdf::PdfError>(())
//! ```
//!
//! Pure: no files, network or clock; the fonts are built in. Rendering is
//! CPU work (the fonts are parsed and subset for each document), so an
//! async caller runs it on a blocking thread.
//!
//! # Why our own writer and not krilla
//!
//! krilla (0.8.2) is a well-kept high-level PDF crate with a PDF/UA-1 mode.
//! It would replace our font subsetting, structure tree and file writing
//! (about a third of this crate) but not the layout: it draws where it is
//! told, so wrapping, page breaks and tables stay ours either way. Against
//! that, measured in a scratch crate on our 2-core machine: without default
//! features it brings 47 crates (55 with the `simple-text` shaping its text
//! API wants; proc macros among them) where this writer needs 10
//! (pdf-writer, subsetter, ttf-parser, miniz_oxide and six small ones), and
//! a clean debug build of them takes about 50 s (75 s with shaping) against
//! 6 s. It also asks for Rust 1.92 where the workspace says 1.90, and brings
//! miniz_oxide 0.9 beside our 0.8. What its PDF/UA mode would hold a
//! document like ours to (a title that viewers show, the language, glyphs
//! mapped back to text, artifacts kept out of the structure tree) this
//! writer already does, and the tests read it back with poppler; we do not
//! write the PDF/UA identification, so we claim no conformance. Worth
//! revisiting if we must claim PDF/UA, or print scripts that need shaping.

pub mod ical;
mod model;
pub mod pdf;
pub mod rota;

pub use model::{Column, Document, Orientation, Table};
