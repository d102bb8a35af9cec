//! What the rota is planned from: each supported person's needs (routines,
//! dated exceptions, choices of PA) and each PA's availability, with the
//! planning problem in the roster format built from them. The store keeps
//! the records and decides whose each is; this gives them pages and an API.

pub mod api;
pub mod commands;
pub mod pages;
