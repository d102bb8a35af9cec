//! The instance administrator: co-operatives, and the invitations that give them their first officers.

pub mod api;
pub mod commands;
pub mod pages;
