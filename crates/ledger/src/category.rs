//! Spending categories: every payment carries one, so budget and actual can
//! be compared and the council's return can show spending by kind.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    PaWages,
    /// Employer's National Insurance, employer pension contributions and
    /// other costs of employing a PA beyond their gross pay.
    EmployerCosts,
    Activities,
    Equipment,
    Training,
    Insurance,
    Admin,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::PaWages,
        Category::EmployerCosts,
        Category::Activities,
        Category::Equipment,
        Category::Training,
        Category::Insurance,
        Category::Admin,
    ];

    /// A stable machine name, for storage and for pages to translate.
    pub fn code(self) -> &'static str {
        match self {
            Category::PaWages => "pa_wages",
            Category::EmployerCosts => "employer_costs",
            Category::Activities => "activities",
            Category::Equipment => "equipment",
            Category::Training => "training",
            Category::Insurance => "insurance",
            Category::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Category::PaWages => "PA wages",
            Category::EmployerCosts => "employer costs",
            Category::Activities => "activities",
            Category::Equipment => "equipment",
            Category::Training => "training",
            Category::Insurance => "insurance",
            Category::Admin => "admin",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(c));
        }
        assert_eq!(Category::from_code("holidays"), None);
    }
}
