//! The people given care and support (no more than four), and the CIW's registration.

pub mod api;
pub mod commands;
pub mod pages;
