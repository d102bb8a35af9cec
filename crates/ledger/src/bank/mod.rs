//! Bank statements: reading a bank's CSV export, recognising lines already
//! imported, and matching lines to the receipts and payments we expected.
//!
//! A file is accepted whole or refused whole. A treasurer who imports half a
//! statement and is told "done" would reconcile against the wrong balance,
//! so any bad line refuses the file, naming the line and the problem.

mod csv;
pub mod date;
pub mod layout;
pub mod reconcile;
pub mod statement;

pub use date::DateOrder;
pub use layout::{AmountColumns, Layout, LayoutChoice};
pub use reconcile::{ExpectedMovement, Reconciliation, reconcile};
pub use statement::{
    BankFileError, BankLine, Fingerprint, Preview, Statement, new_lines, parse_statement, preview,
};
