//! Cylch's ledger rules: double entry by fund for a care and support
//! co-operative whose members pool their Direct Payments.
//!
//! Pure: no database, network, files or clock. Storage keeps what these
//! types produce; pages show it. Money is whole pence ([`Pence`]) and every
//! sum is checked, so an impossible figure is an error, never a wrap.
//!
//! # How the pieces fit
//!
//! - [`Chart`] says what accounts exist; [`FundId`] says whose money a
//!   posting is. Every supported person's Direct Payment is a restricted
//!   fund; the co-operative's own money is the general fund.
//! - An [`EntryDraft`] becomes a [`PostedEntry`] only through
//!   [`EntryDraft::post`], which insists every fund balances on its own.
//!   Corrections are [`reverse`] plus a new entry; [`check_reversal`] stops
//!   an entry being reversed twice.
//! - [`split()`] shares a cost by a [`SplitRule`] exactly to the penny; the
//!   rule is kept with the entry as an [`Allocation`]. [`posting::spending`]
//!   and [`allocate_wages`] build the usual entries from it.
//! - [`schedule`] turns each person's [`Arrangement`] into expected
//!   receipts and flags late, short, overpaid and missing ones.
//! - [`approval`] applies the two-officer rule; [`posting::pay_claim`]
//!   refuses to pay a claim that is not yet approved.
//! - [`bank`] reads statement files whole or not at all, fingerprints each
//!   line so re-imports add nothing, and reconciles lines with what was
//!   expected.
//! - [`report`] works out statements, council returns, forecasts, budget
//!   against actual, the trial balance and the year's accounts from posted
//!   entries alone; [`export`] writes CSV that is safe to open.
//!
//! # What storage must add
//!
//! - Posted lines are append-only: a trigger refusing `UPDATE` and `DELETE`
//!   on the entries and lines tables (on SQLite and PostgreSQL alike), so a
//!   bug or a hand-edited row cannot rewrite history.
//! - Entries are stored as their [`EntryDraft`] (see
//!   [`PostedEntry::to_draft`]) and re-posted when loaded; `PostedEntry`
//!   deliberately cannot be deserialised.
//! - A unique constraint on a reversal's `reverses` column, alongside
//!   [`check_reversal`], so two officers reversing at once cannot both win.
//! - A unique constraint on (co-operative, bank account, fingerprint) for
//!   imported bank lines, and one transaction per imported file, so a file
//!   is all in or all out.
//! - Approvals recorded with who and when in the audit log; a claim's
//!   approvals are kept in order.
#![deny(clippy::arithmetic_side_effects)]

pub mod account;
pub mod approval;
pub mod bank;
pub mod category;
pub mod export;
pub mod fund;
pub mod journal;
pub mod money;
pub mod posting;
pub mod report;
pub mod schedule;
pub mod split;
pub mod wages;

pub use account::{Account, AccountCode, AccountKind, Chart};
pub use approval::{ApprovalError, ApprovalPolicy, Claim, ClaimStatus};
pub use category::Category;
pub use fund::{FundId, PersonId};
pub use journal::{
    Allocation, EntryDraft, EntryError, EntryId, Line, PostedEntry, ReversalError, Side,
    check_reversal, reverse,
};
pub use money::{Overflow, Pence};
pub use posting::{ChargeTo, Posting, Spending};
pub use schedule::{
    ActualReceipt, Arrangement, ExpectedReceipt, Frequency, ReceiptSource, ReceiptTolerance,
    Schedule, match_receipts,
};
pub use split::{Share, SplitError, SplitRule, split};
pub use wages::{PayslipCosts, WagesInput, WagesPosting, allocate_payslip, allocate_wages, settle};
