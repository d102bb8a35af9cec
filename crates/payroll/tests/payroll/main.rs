//! Integration tests of the payroll engine, in one test binary.
//!
//! - `examples`: the worked examples of docs/payroll.md and figures HMRC
//!   and others publish, each with its source;
//! - `differential`: thousands of cases checked against `reference`, a
//!   separate plain implementation of HMRC's specification;
//! - `properties`: invariants checked with proptest.

// Test helpers outside `#[test]` functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod differential;
mod examples;
mod hmrc_test_data;
mod properties;
mod reference;
