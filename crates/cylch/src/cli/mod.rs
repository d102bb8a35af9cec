//! Sub-commands that wrap the pure engines: read input, call the engine, print.

pub mod payroll;
pub mod roster;
