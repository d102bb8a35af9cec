//! The rota: shifts for the people the co-operative supports, the PA on
//! each, and who may not work which shift and why (rules 10 and 12-14).
//! The store keeps the shifts and judges each PA; this area gives it pages
//! and an API, and tells coordinators when Cylch takes a PA off a shift.

pub mod api;
pub mod commands;
pub mod needs;
pub mod pages;
