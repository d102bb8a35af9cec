//! UK payroll engine: gross to net, HMRC's way. Pure: no I/O.

pub mod contract;
