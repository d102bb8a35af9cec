//! The parts every area shares and none owns: errors and field problems,
//! the form and API extractors, who may act (access), the viewer and the
//! page chrome, rendering, messages in both languages, and mail.

pub(crate) mod access;
pub(crate) mod api;
pub(crate) mod chrome;
pub(crate) mod client;
pub(crate) mod error;
pub(crate) mod fields;
pub(crate) mod form;
pub mod i18n;
pub mod mail;
pub mod notify;
pub(crate) mod page;
pub(crate) mod password;
pub(crate) mod problems;
pub(crate) mod refusal;
pub(crate) mod viewer;
pub(crate) mod whose;
