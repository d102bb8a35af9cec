//! The co-operative's settings as an employer: the checks' intervals, the
//! references asked for, the working-time limits the rota applies, the Real
//! Living Wage; and each PA's signed opt-out of the 48-hour average.

pub mod api;
pub mod commands;
pub mod pages;
