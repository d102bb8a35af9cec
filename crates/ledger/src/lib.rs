//! Cylch's ledger rules: double entry by fund for a care and support
//! co-operative whose members pool their Direct Payments.
//!
//! Pure: no database, network, files or clock. Storage keeps what these
//! types produce; pages show it. Money is whole pence ([`Pence`]) and every
//! sum is checked, so an impossible figure is an error, never a wrap.
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
pub use wages::{WagesInput, WagesPosting, allocate_wages};
