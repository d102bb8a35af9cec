//! The JSON contract of `cylch payroll calc`.

/// What the command prints and the status it exits with.
pub struct Outcome {
    pub output: String,
    pub exit_status: u8,
}

pub fn calc_json(_input: &str) -> Outcome {
    Outcome {
        output: r#"{"error":{"field":"tax_year","message":"the payroll engine is not built yet"}}"#
            .into(),
        exit_status: 2,
    }
}
