//! Integration tests of Cylch's ledger rules, in one test binary.
//!
//! - `bank`: statement files from each layout, every way a file is refused,
//!   fingerprints and re-imports, reconciliation;
//! - `codes`: every error has a distinct stable code for the pages;
//! - `month`: a co-operative's month worked through by hand, from Direct
//!   Payments in to the council's return;
//! - `storage`: the stored forms round-trip and re-validate;
//! - `properties`: invariants checked with proptest.

// Test helpers outside `#[test]` functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bank;
mod codes;
mod month;
mod properties;
mod storage;
