//! Meetings: general meetings, the AGM and committee meetings.

pub mod commands;
