//! The rules of employing Personal Assistants (PAs), as a co-operative in
//! Wales must follow them. Pure: no I/O, no clock; "today" is always passed
//! in.
//!
//! Civil dates are [`cylch_payroll::Date`] throughout, so that the minimum
//! wage, pension and holiday rules of the payroll engine are reused as they
//! are; only [`working_time`] needs instants, and it takes them from `jiff`
//! in Europe/London so that a shift across a clock change lasts as long as
//! it really does.
//!
//! Words are not here: every problem, particular and check carries a stable
//! `code()` that the web layer translates.

pub mod absence;
pub mod checks;
pub mod employment;
pub mod holiday;
pub mod ni_number;
pub mod particulars;
pub mod pay_rate;
pub mod rostering;
pub mod text;
pub mod timesheet;
pub mod working_time;

pub use checks::{CheckSettings, Checks, Missing, due_within, fit_for_shift};
pub use employment::{Employment, FieldProblem, Hours, Rates, validate};
pub use ni_number::NiNumber;
pub use particulars::{ParticularKind, Statement};
