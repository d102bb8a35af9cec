//! A person's own account: their details, password, sessions and API tokens.

pub mod api;
pub mod commands;
pub mod pages;
