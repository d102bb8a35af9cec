//! The system's areas, a folder each: its pages, its API, its commands and
//! its routes. A command is one function per action a person can take,
//! called by both the page handler and the API handler, which only decode
//! the request and encode the outcome. A command takes a typed input and
//! the caller's scope, applies the rules that need a lookup and calls the
//! store (the transaction, with its audit entry); it knows nothing of axum
//! or askama.

pub mod account;
pub mod admin;
pub mod auth;
pub mod calendars;
pub mod coops;
pub mod employment;
pub mod formation;
pub mod leave;
pub mod ledger;
pub mod meetings;
pub mod members;
pub mod notifications;
pub mod payroll;
pub mod register;
pub mod rota;
pub mod rules;
pub mod support;
pub mod timesheets;
pub mod votes;
