//! The pooled Direct Payments ledger: each person's fund, postings, claims, the bank, returns and reports.

pub mod api;
pub mod commands;
pub mod pages;
