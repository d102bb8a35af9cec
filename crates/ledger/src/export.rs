//! Writing CSV for spreadsheets, safely.
//!
//! A description typed by a member or taken from a bank line could start
//! with `=`, `+`, `-` or `@` and be run as a formula when the treasurer
//! opens the export (CSV injection). Text cells starting with one of those,
//! or with a tab or carriage return, get a leading apostrophe so the
//! spreadsheet shows them as text. Money cells are written by Cylch from
//! [`Pence`], never from user text, so a negative amount stays a number.

use crate::money::Pence;

/// One cell of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// Written as plain pounds and pence, e.g. `-12.30`, so spreadsheets
    /// add it up.
    Money(Pence),
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<Pence> for Cell {
    fn from(amount: Pence) -> Self {
        Cell::Money(amount)
    }
}

/// Text made safe to open in a spreadsheet (not yet quoted for CSV).
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// `-12.30`, `1234.56`: no pound sign or commas, so it is read as a number.
pub fn plain_money(amount: Pence) -> String {
    let magnitude = amount.get().unsigned_abs();
    let sign = if amount.is_negative() { "-" } else { "" };
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

fn quote(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One CSV row, ending with CRLF as RFC 4180 and spreadsheets expect.
pub fn csv_row(cells: &[Cell]) -> String {
    let mut row = cells
        .iter()
        .map(|cell| match cell {
            Cell::Text(text) => quote(&neutralise(text)),
            Cell::Money(amount) => plain_money(*amount),
        })
        .collect::<Vec<_>>()
        .join(",");
    row.push_str("\r\n");
    row
}

/// A whole CSV file from a header and rows.
pub fn to_csv(header: &[&str], rows: &[Vec<Cell>]) -> String {
    let header: Vec<Cell> = header.iter().map(|h| Cell::from(*h)).collect();
    let mut out = csv_row(&header);
    for row in rows {
        out.push_str(&csv_row(row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("+44 1234"), "'+44 1234");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("Tesco = food"), "Tesco = food");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn rows_are_quoted_and_money_stays_numeric() {
        let row = csv_row(&[
            Cell::from("=1+1"),
            Cell::from("Caffi, \"Y Bont\""),
            Cell::from(Pence::new(-1230)),
            Cell::from(Pence::new(123_456)),
            Cell::from(Pence::new(5)),
        ]);
        assert_eq!(
            row,
            "'=1+1,\"Caffi, \"\"Y Bont\"\"\",-12.30,1234.56,0.05\r\n"
        );
        assert_eq!(
            to_csv(
                &["Date", "Amount"],
                &[vec![Cell::from("2026-04-01"), Cell::from(Pence::ZERO)]]
            ),
            "Date,Amount\r\n2026-04-01,0.00\r\n"
        );
    }

    #[test]
    fn a_neutralised_cell_with_a_line_break_is_still_quoted() {
        assert_eq!(csv_row(&[Cell::from("\rboo")]), "\"'\rboo\"\r\n");
    }
}
