//! Meetings: general meetings, the AGM and committee meetings.

pub mod api;
pub mod commands;
pub mod pages;
