//! The rota's calendars: each PA's and each supported person's shifts as a
//! feed at a secret, revocable address that a phone's calendar subscribes
//! to (RFC 5545, written by `cylch_documents::ical`), and a person's rota
//! as a tagged PDF for the fridge door. The store keeps the feeds and says
//! what each shows; this area gives them pages, an API and the file.

pub mod api;
pub mod commands;
pub mod pages;
