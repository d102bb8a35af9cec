//! Reading a whole bank statement file into lines with fingerprints.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::csv::{Record, decode, records};
use super::date::{DateOrder, parse_date};
use super::layout::{ColumnAmount, Columns, Layout, LayoutChoice};
use crate::money::{MoneyParseError, Overflow, Pence};

/// How many lines from the top the header row may be: some banks put the
/// account name and balances above it.
pub const HEADER_SEARCH_LINES: usize = 20;

/// Identifies a bank line across imports: its date, amount, description
/// (spaces tidied, capitals ignored) and how many identical lines came
/// before it in the same file. Two identical coffees on one day are two
/// lines; the same file imported twice gives the same fingerprints, so
/// nothing is added twice. Storage keeps it with a uniqueness constraint
/// per bank account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(String);

impl Fingerprint {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankLine {
    /// Where it was in the file, for showing the treasurer.
    pub line: usize,
    pub date: Date,
    pub description: String,
    /// Money in positive, money out negative.
    pub amount: Pence,
    pub balance: Option<Pence>,
    pub fingerprint: Fingerprint,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// The name of the layout the file was read with.
    pub layout: String,
    pub lines: Vec<BankLine>,
}

/// Why a statement file was refused. Nothing from a refused file is kept.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BankFileError {
    #[error(
        "line {line}: the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\" and import it again"
    )]
    NotUtf8 { line: usize },
    #[error(
        "line {line}: a quoted field starts here and the file ends before it closes; the file looks cut short, so download it again"
    )]
    CutShortInQuotes { line: usize },
    #[error("line {line}: there is text straight after a closing quote; the file is not valid CSV")]
    TextAfterQuote { line: usize },
    #[error(
        "no header row found in the first {HEADER_SEARCH_LINES} lines with the columns {wanted}; choose the bank's layout or name its columns"
    )]
    NoHeader { wanted: String },
    #[error("the file has a header but no transactions")]
    NoTransactions,
    #[error(
        "line {line}: the last line has {found} fields where the header has {expected}; the file looks cut short, so download it again"
    )]
    CutShort {
        line: usize,
        found: usize,
        expected: usize,
    },
    #[error("line {line}: has {found} fields where the header has {expected}")]
    WrongFieldCount {
        line: usize,
        found: usize,
        expected: usize,
    },
    #[error(
        "line {line}: \"{text}\" is not a date; dates must be like 01/04/2026, 2026-04-01 or 01 Apr 2026"
    )]
    BadDate { line: usize, text: String },
    #[error("line {line}: column \"{column}\": {problem}")]
    BadAmount {
        line: usize,
        column: String,
        problem: MoneyParseError,
    },
    #[error("line {line}: neither the money in nor the money out column has an amount")]
    NoAmount { line: usize },
    #[error("line {line}: both the money in and the money out columns have an amount")]
    BothAmounts { line: usize },
    #[error(
        "line {line}: the file ends part-way through \"{text}\" (other lines have {expected} digits of pence); the file looks cut short, so download it again"
    )]
    CutShortInValue {
        line: usize,
        text: String,
        expected: usize,
    },
    #[error("line {line}: the amounts are too large to add up; check the file")]
    Overflow { line: usize },
}

impl BankFileError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            BankFileError::NotUtf8 { .. } => "ledger-bank-not-utf8",
            BankFileError::CutShortInQuotes { .. } => "ledger-bank-cut-short-in-quotes",
            BankFileError::TextAfterQuote { .. } => "ledger-bank-text-after-quote",
            BankFileError::NoHeader { .. } => "ledger-bank-no-header",
            BankFileError::NoTransactions => "ledger-bank-no-transactions",
            BankFileError::CutShort { .. } => "ledger-bank-cut-short",
            BankFileError::WrongFieldCount { .. } => "ledger-bank-wrong-field-count",
            BankFileError::BadDate { .. } => "ledger-bank-bad-date",
            BankFileError::BadAmount { .. } => "ledger-bank-bad-amount",
            BankFileError::NoAmount { .. } => "ledger-bank-no-amount",
            BankFileError::BothAmounts { .. } => "ledger-bank-both-amounts",
            BankFileError::CutShortInValue { .. } => "ledger-bank-cut-short-in-value",
            BankFileError::Overflow { .. } => "ledger-bank-overflow",
        }
    }

    /// The file line the problem is on, when there is one, for pages that
    /// point the treasurer at it.
    pub fn line(&self) -> Option<usize> {
        match self {
            BankFileError::NotUtf8 { line }
            | BankFileError::CutShortInQuotes { line }
            | BankFileError::TextAfterQuote { line }
            | BankFileError::CutShort { line, .. }
            | BankFileError::WrongFieldCount { line, .. }
            | BankFileError::BadDate { line, .. }
            | BankFileError::BadAmount { line, .. }
            | BankFileError::NoAmount { line }
            | BankFileError::BothAmounts { line }
            | BankFileError::CutShortInValue { line, .. }
            | BankFileError::Overflow { line } => Some(*line),
            BankFileError::NoHeader { .. } | BankFileError::NoTransactions => None,
        }
    }
}

/// Reads a whole statement file. Any problem refuses the whole file.
pub fn parse_statement(bytes: &[u8], choice: &LayoutChoice) -> Result<Statement, BankFileError> {
    let text = decode(bytes)?;
    let all = records(text)?;

    let layouts = match choice {
        LayoutChoice::Detect => Layout::built_in(),
        LayoutChoice::Use(layout) => vec![layout.clone()],
    };
    let (header_index, header, layout, columns) = find_header(&all, &layouts)?;
    let header_len = trimmed_len(&header.fields);

    let body: Vec<&Record> = all
        .iter()
        .skip(header_index.saturating_add(1))
        .filter(|r| !r.is_blank())
        .collect();
    if body.is_empty() {
        return Err(BankFileError::NoTransactions);
    }

    let mut lines = Vec::with_capacity(body.len());
    let mut seen: BTreeMap<(Date, Pence, String), u32> = BTreeMap::new();
    let last_index = body.len().saturating_sub(1);
    for (index, record) in body.into_iter().enumerate() {
        let found = record.fields.len();
        if found < header_len {
            // A short last line is what a download cut off part-way looks like.
            return Err(if index == last_index {
                BankFileError::CutShort {
                    line: record.line,
                    found,
                    expected: header_len,
                }
            } else {
                BankFileError::WrongFieldCount {
                    line: record.line,
                    found,
                    expected: header_len,
                }
            });
        }
        let extra = record.fields.get(header_len..).unwrap_or_default();
        if extra.iter().any(|f| !f.trim().is_empty()) {
            return Err(BankFileError::WrongFieldCount {
                line: record.line,
                found: trimmed_len(&record.fields),
                expected: header_len,
            });
        }
        let (date, description, amount, balance) =
            read_line(record, header, &columns, layout.date_order)?;
        let key = (date, amount, normalise(&description));
        let occurrence = seen.entry(key.clone()).or_insert(0);
        *occurrence = occurrence
            .checked_add(1)
            .ok_or(BankFileError::Overflow { line: record.line })?;
        let fingerprint = Fingerprint(format!(
            "{}|{}|{}|{}",
            key.0,
            key.1.get(),
            key.2,
            occurrence
        ));
        lines.push(BankLine {
            line: record.line,
            date,
            description,
            amount,
            balance,
            fingerprint,
        });
    }
    if !text.ends_with(['\n', '\r']) {
        check_last_value(&all, header_index, &columns)?;
    }
    Ok(Statement {
        layout: layout.name,
        lines,
    })
}

/// A download cut off part-way through its last line, after the line's
/// last comma, leaves a value that still parses: `1,234.5` for
/// `1,234.56`, or `12` for `12.30`. When the file has no final line break,
/// its last value is money, and every earlier line writes that column with
/// the same number of digits of pence, the last value must too, or the file
/// is refused as cut short. (A file that writes whole pounds as `12` on some
/// lines and `12.30` on others is not judged this way; and a cut in a
/// description cannot be told from a short description, but changes no
/// figure.)
fn check_last_value(
    all: &[Record],
    header_index: usize,
    columns: &Columns,
) -> Result<(), BankFileError> {
    let body: Vec<&Record> = all
        .iter()
        .skip(header_index.saturating_add(1))
        .filter(|r| !r.is_blank())
        .collect();
    let Some((last, earlier)) = body.split_last() else {
        return Ok(());
    };
    let Some(index) = last.fields.iter().rposition(|f| !f.trim().is_empty()) else {
        return Ok(());
    };
    let mut money_columns = match columns.amount {
        ColumnAmount::Signed(i) => vec![i],
        ColumnAmount::InOut(i, o) => vec![i, o],
    };
    money_columns.extend(columns.balance);
    if !money_columns.contains(&index) {
        return Ok(());
    }
    let pence_digits = |text: &str| {
        text.trim()
            .trim_end_matches(')')
            .split_once('.')
            .map_or(0, |(_, p)| p.len())
    };
    let mut earlier_digits = earlier
        .iter()
        .map(|r| field(r, index))
        .filter(|f| !f.is_empty())
        .map(pence_digits);
    let Some(expected) = earlier_digits.next() else {
        return Ok(());
    };
    if !earlier_digits.all(|d| d == expected) {
        return Ok(());
    }
    let text = field(last, index);
    if pence_digits(text) != expected {
        return Err(BankFileError::CutShortInValue {
            line: last.line,
            text: text.to_owned(),
            expected,
        });
    }
    Ok(())
}

/// What a file whose layout is not recognised looks like, for the screen
/// where the treasurer says which column is which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The file line of the row taken as the header.
    pub header_line: usize,
    /// The header's column names, in file order, empty ones left out.
    pub columns: Vec<String>,
    /// The first few rows under the header, each as many fields as the
    /// header, so the treasurer can see what each column holds.
    pub sample: Vec<Vec<String>>,
}

/// How many rows under the header a [`Preview`] shows.
pub const PREVIEW_ROWS: usize = 3;

/// The likely header row of a file and a few rows under it. The header is
/// the row near the top with the most filled fields (the first of equals):
/// lines about the account above it have fewer.
pub fn preview(bytes: &[u8]) -> Result<Preview, BankFileError> {
    let text = decode(bytes)?;
    let all = records(text)?;
    let filled = |r: &Record| r.fields.iter().filter(|f| !f.trim().is_empty()).count();
    let mut best: Option<(usize, &Record)> = None;
    for (index, record) in all.iter().take(HEADER_SEARCH_LINES).enumerate() {
        if best.is_none_or(|(_, b)| filled(record) > filled(b)) {
            best = Some((index, record));
        }
    }
    let Some((index, header)) = best.filter(|(_, r)| filled(r) >= 2) else {
        return Err(BankFileError::NoHeader {
            wanted: String::new(),
        });
    };
    let width = trimmed_len(&header.fields);
    let mut columns: Vec<String> = Vec::new();
    for name in header.fields.iter().take(width).map(|f| f.trim()) {
        if !name.is_empty() && !columns.iter().any(|c| c.eq_ignore_ascii_case(name)) {
            columns.push(name.to_owned());
        }
    }
    let sample = all
        .iter()
        .skip(index.saturating_add(1))
        .filter(|r| !r.is_blank())
        .take(PREVIEW_ROWS)
        .map(|r| {
            header
                .fields
                .iter()
                .take(width)
                .enumerate()
                .filter(|(_, name)| !name.trim().is_empty())
                .map(|(i, _)| field(r, i).to_owned())
                .collect()
        })
        .collect();
    Ok(Preview {
        header_line: header.line,
        columns,
        sample,
    })
}

/// The lines of `statement` not already imported.
pub fn new_lines<'a>(statement: &'a Statement, known: &BTreeSet<Fingerprint>) -> Vec<&'a BankLine> {
    statement
        .lines
        .iter()
        .filter(|l| !known.contains(&l.fingerprint))
        .collect()
}

/// Some exports end every line with a comma: the header's empty last
/// fields are not columns, and a line's empty fields beyond the header are
/// not data.
fn trimmed_len(fields: &[String]) -> usize {
    let mut len = fields.len();
    while len > 0
        && fields
            .get(len.saturating_sub(1))
            .is_some_and(|f| f.trim().is_empty())
    {
        len = len.saturating_sub(1);
    }
    len
}

fn find_header<'a>(
    all: &'a [Record],
    layouts: &[Layout],
) -> Result<(usize, &'a Record, Layout, Columns), BankFileError> {
    for (index, record) in all.iter().take(HEADER_SEARCH_LINES).enumerate() {
        for layout in layouts {
            if let Some(columns) = layout.locate(&record.fields) {
                return Ok((index, record, layout.clone(), columns));
            }
        }
    }
    let wanted = layouts
        .iter()
        .map(|l| l.required_columns().join(", "))
        .collect::<Vec<_>>()
        .join(" or ");
    Err(BankFileError::NoHeader { wanted })
}

fn field(record: &Record, index: usize) -> &str {
    record.fields.get(index).map_or("", |f| f.trim())
}

/// Reads one transaction; problems name the column as the file's header
/// writes it.
fn read_line(
    record: &Record,
    header: &Record,
    columns: &Columns,
    order: DateOrder,
) -> Result<(Date, String, Pence, Option<Pence>), BankFileError> {
    let line = record.line;
    let date_text = field(record, columns.date);
    let date = parse_date(date_text, order).ok_or_else(|| BankFileError::BadDate {
        line,
        text: date_text.to_owned(),
    })?;
    let description = columns
        .description
        .iter()
        .map(|i| field(record, *i))
        .filter(|d| !d.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let money = |index: usize| {
        Pence::parse(field(record, index)).map_err(|problem| BankFileError::BadAmount {
            line,
            column: field(header, index).to_owned(),
            problem,
        })
    };
    let optional_money = |index: usize| {
        if field(record, index).is_empty() {
            Ok(None)
        } else {
            money(index).map(Some)
        }
    };
    let amount = match columns.amount {
        ColumnAmount::Signed(i) => money(i)?,
        ColumnAmount::InOut(i, o) => {
            let money_in = optional_money(i)?;
            let money_out = optional_money(o)?;
            match (money_in, money_out) {
                (None, None) => return Err(BankFileError::NoAmount { line }),
                (Some(a), None) => a,
                (None, Some(b)) => b
                    .checked_abs()
                    .and_then(Pence::checked_neg)
                    .map_err(|Overflow| BankFileError::Overflow { line })?,
                (Some(a), Some(b)) if b.is_zero() => a,
                (Some(a), Some(b)) if a.is_zero() => {
                    b.checked_abs()
                        .and_then(Pence::checked_neg)
                        .map_err(|Overflow| BankFileError::Overflow { line })?
                }
                (Some(_), Some(_)) => return Err(BankFileError::BothAmounts { line }),
            }
        }
    };
    let balance = match columns.balance {
        Some(i) => optional_money(i)?,
        None => None,
    };
    Ok((date, description, amount, balance))
}

fn normalise(description: &str) -> String {
    description
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}
