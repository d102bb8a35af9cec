//! Integration tests of the payroll engine, in one test binary.
//!
//! - `contract_input`: bad input to the JSON contract (range, repeated
//!   keys, bytes that are not UTF-8, huge values);
//! - `hmrc_test_data`: HMRC's 2016-17 PAYE test data, every case at HMRC's
//!   figure;
//! - `hmrc_test_data_2025_26`: HMRC's 2025-26 PAYE and NICs test data;
//! - `examples`: the worked examples of docs/payroll.md and figures HMRC
//!   and others publish, each with its source;
//! - `differential`: thousands of cases checked against `reference`, a
//!   separate plain implementation of the contract's method;
//! - `properties`: invariants checked with proptest;
//! - `rti`: FPS and EPS files checked with HMRC's schemas and business
//!   rules by `xmllint` and `xsltproc`.

// Test helpers outside `#[test]` functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod contract_input;
mod differential;
mod examples;
mod hmrc_test_data;
mod hmrc_test_data_2025_26;
mod properties;
mod reference;
mod rti;
