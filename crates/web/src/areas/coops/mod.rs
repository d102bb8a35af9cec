//! The co-operatives a person belongs to: the home page, each co-operative's page and its audit log.

pub mod api;
pub mod pages;
