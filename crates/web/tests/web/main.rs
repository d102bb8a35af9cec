//! Cylch's web layer through its real router, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod account_twins;
mod api;
mod audit;
mod calendars;
mod employment;
mod errors;
mod formation;
mod governance_twins;
mod journeys;
mod leave;
mod ledger;
mod ledger_twins;
mod meetings;
mod meetings_twins;
mod members;
mod needs;
mod notifications;
mod payroll;
mod payroll_pages;
mod permissions;
mod registers;
mod rota;
mod rules;
mod snapshots;
mod support;
mod support_places;
mod timesheets;
mod trust;
mod votes;
mod votes_twins;
mod whose;
