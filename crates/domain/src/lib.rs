//! Cylch's core rules: people, co-operatives, roles and who may do what.
//!
//! Pure: nothing here touches a database, the network or a clock. The web and
//! storage layers parse raw input into these types at their edge.

pub mod account;
pub mod coop;
pub mod language;
pub mod policy;
pub mod role;

pub use account::{EmailAddress, FieldError, Lines, Password, PersonName, parse_text};
pub use coop::{CoopKind, CoopName};
pub use language::Language;
pub use policy::{
    Action, Actor, Decision, EmploymentTie, EmploymentView, PersonRecord, Refusal, Tie,
};
pub use role::{CoopRoles, MemberClass, Office};
