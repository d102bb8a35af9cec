//! Proposals and votes: raising one, comments, voting (in person, assisted, on paper, by proxy) and results.

pub mod api;
pub mod commands;
mod explain;
pub mod pages;
pub mod proxies;
