//! Notifications: what a person has been told, and what they hear of by email.

pub mod api;
pub mod commands;
pub mod pages;
