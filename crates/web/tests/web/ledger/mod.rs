//! The books through the API and the pages: who sees which fund, posted
//! lines that no route edits or deletes, reversals, bank files refused
//! whole, claims and their approvals, Direct Payments against what was
//! arranged, budgets, the year's accounts and the council return.
//!
//! One file per part of the ledger; the set-up they share (the books with
//! Gwen and Huw, a person's API or pages, the bank file upload) is in
//! [`builders`].

mod accounts;
mod bank;
mod bounds;
mod budgets;
mod builders;
mod claims;
mod direct_payments;
mod funds;
mod postings;
