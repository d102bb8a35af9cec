//! The co-operative's rules: recording them and proposing changes.

pub mod api;
pub mod commands;
pub mod pages;
