//! The document model: what a caller says about a document, in plain
//! values and in the reader's language. Nothing here knows about pages,
//! fonts or PDF; the writers in this crate decide those.
//!
//! A block of facts under a heading (a payslip's name, NI number, tax code
//! and period; a council return's figures) is a two-column [`Table`] with
//! `row_headers`, so that a screen reader announces each value with its
//! label. Paragraphs of text under headings, which a statement of
//! employment particulars needs, are not in the model yet; the writer
//! already sets tagged paragraphs (the lines under the title), so they would
//! be a kind of section beside tables.

use cylch_domain::Language;

/// A document to print.
#[derive(Debug, Clone)]
pub struct Document {
    /// The language the text is written in; the file is tagged with it.
    pub language: Language,
    /// The document's title: its first heading and its title in the
    /// viewer's window.
    pub title: String,
    /// Lines under the title, such as the co-operative's name.
    pub subtitles: Vec<String>,
    /// A line saying when the document was made, like "Made on 25/11/2026".
    pub generated: String,
    pub orientation: Orientation,
    /// The tables, in order, each under its own heading.
    pub tables: Vec<Table>,
}

/// A4, upright or on its side (for tables with many columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// A table under its own heading.
#[derive(Debug, Clone)]
pub struct Table {
    pub heading: String,
    pub columns: Vec<Column>,
    /// One entry per column in each row; missing cells print empty, extra
    /// ones are ignored.
    pub rows: Vec<Vec<String>>,
    /// Whether the first cell of each row names the row (as a member's name
    /// does), for screen readers.
    pub row_headers: bool,
    /// Printed in place of the table when it has no rows.
    pub empty: String,
}

/// A column: its header and its share of the table's width, relative to
/// the other columns' (a column of 2 is twice as wide as one of 1).
#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub width: u16,
}

impl Column {
    pub fn new(header: impl Into<String>, width: u16) -> Column {
        Column {
            header: header.into(),
            width,
        }
    }
}
