//! Problems with what a person typed, field by field: one value that a
//! page shows at its fields (with a summary that links to each) and the
//! API returns as its 422 body, so the two fronts cannot disagree about
//! what was wrong.

use std::borrow::Cow;

use cylch_domain::FieldError;

/// One problem with one field: the field's id (for the summary's link), its
/// name and the message id to show.
#[derive(Debug, Clone)]
pub struct FieldProblem {
    /// The field's id on the page: its name, or, on a page with a form for
    /// each of many rows, its name and the row's (`shares-3f2a…`).
    pub field: Cow<'static, str>,
    /// The field's name, which picks the words of a general message
    /// ("Enter the date" rather than "Enter a value").
    pub name: &'static str,
    pub message: String,
}

/// The problems with a submitted form, in the order the fields appear.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    problems: Vec<FieldProblem>,
    /// The row whose form these are, when the page has a form for each of
    /// many rows.
    row: Option<String>,
}

impl Problems {
    /// The problems with the form of one row among many on a page (a member
    /// in the register, a person given support): each field's id is its
    /// name and the row's, as the page names that row's fields.
    pub fn for_row(row: impl std::fmt::Display) -> Problems {
        Problems {
            problems: Vec::new(),
            row: Some(row.to_string()),
        }
    }

    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        let id = match &self.row {
            Some(row) => Cow::Owned(format!("{field}-{row}")),
            None => Cow::Borrowed(field),
        };
        if self.get(&id).is_none() {
            self.problems.push(FieldProblem {
                field: id,
                name: field,
                message: message.into(),
            });
        }
    }

    pub fn field(&mut self, field: &'static str, error: FieldError) {
        self.add(field, error.code());
    }

    /// Records the error of a parse, if any, and returns the value.
    pub fn check<T>(&mut self, field: &'static str, parsed: Result<T, FieldError>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(error) => {
                self.field(field, error);
                None
            }
        }
    }

    /// The message for the field with this id on the page.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| p.field == id)
            .map(|p| p.message.as_str())
    }

    /// The message for the field `name` of the form of `row`.
    pub fn get_in(&self, name: &str, row: &str) -> Option<&str> {
        if self.row.as_deref() != Some(row) {
            return None;
        }
        self.problems
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn list(&self) -> &[FieldProblem] {
        &self.problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_problem_with_a_field_is_kept() {
        let mut errors = Problems::default();
        errors.field("email", FieldError::Missing);
        errors.field("email", FieldError::EmailFormat);
        assert_eq!(errors.get("email"), Some("error-missing"));
        assert_eq!(errors.list().len(), 1);
    }

    #[test]
    fn a_row_s_problems_name_its_own_fields() {
        let mut errors = Problems::for_row("a1b2");
        errors.field("shares", FieldError::Missing);
        errors.add("shares", "register-error-shares");
        assert_eq!(errors.list().len(), 1);
        assert_eq!(errors.list()[0].field, "shares-a1b2");
        assert_eq!(errors.list()[0].name, "shares");
        assert_eq!(errors.get("shares-a1b2"), Some("error-missing"));
        assert_eq!(
            errors.get("shares"),
            None,
            "the plain name is another form's field"
        );
        assert_eq!(errors.get_in("shares", "a1b2"), Some("error-missing"));
        assert_eq!(
            errors.get_in("shares", "c3d4"),
            None,
            "another row has no problem"
        );
        assert_eq!(Problems::default().get_in("shares", "a1b2"), None);
    }
}
