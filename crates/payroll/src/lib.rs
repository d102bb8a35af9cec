//! UK payroll engine: gross to net, HMRC's way. Pure: no I/O, no clock.
//!
//! Money is integer pence (`i64`), rates are basis points or exact
//! decimals; every rounding step is the one HMRC's specifications name.
//! Figures live in [`tax_year`]; everything else is method.

pub mod contract;
pub mod date;
pub mod holiday;
pub mod minimum_wage;
pub mod money;
pub mod ni;
pub mod paye;
pub mod payslip;
pub mod pension;
pub mod period;
pub mod rti;
pub mod ssp;
pub mod tax_code;
pub mod tax_year;

pub use date::Date;
pub use money::Pence;
pub use ni::NiCategory;
pub use payslip::{PayInput, Payslip, calculate};
pub use period::{Frequency, Period};
pub use tax_code::TaxCode;
pub use tax_year::TaxYear;
