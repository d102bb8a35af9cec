//! Integration tests of Cylch's governance rules, in one test binary.
//!
//! - `support`: the four-person rule and support history;
//! - `votes`: ballots, majorities, consent, polls, weights and caps;
//! - `meetings`: notice, quorum and the meeting's life;
//! - `proposals`: subjects, decision rules, voting windows and turnout;
//! - `formation`: stages, tasks, evidence and progress by kind;
//! - `register`: the register of members and officers;
//! - `storage`: JSON round trips of what storage keeps;
//! - `properties`: invariants checked with proptest.

// Test helpers outside `#[test]` functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod formation;
mod meetings;
mod properties;
mod proposals;
mod register;
mod storage;
mod support;
mod votes;
