//! Admitting members: an invitation, or the resolution the rules ask for.

pub mod api;
pub mod commands;
pub mod pages;
