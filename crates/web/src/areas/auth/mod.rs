//! Signing in and out, and setting a new password.

pub mod pages;
