//! The registers of members and officers, their exports, and ceasing a membership.

pub mod pages;
