//! Registration for a dialogue: a member organisation registers who
//! attends while places last, and may withdraw; hosts see who comes.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::error::{AppError, Checker};
use serde::{Deserialize, Serialize};

pub const ATTENDEES_MAX: usize = 500;

/// An organisation's registration, for hosts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Registration {
    pub organisation: String,
    pub attendees: String,
    pub registered_at: i64,
}

/// An organisation the person may register or withdraw, with its
/// registration now: who attends, `None` when it is not registered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterFor {
    /// The organisation's public id.
    pub organisation: String,
    pub name: String,
    pub attendees: Option<String>,
}

/// What the registration form sends: for which organisation, who attends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct RegistrationForm {
    pub organisation: String,
    pub attendees: String,
}

/// Who attends, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendance {
    attendees: String,
}

impl Attendance {
    pub fn parse(form: &RegistrationForm) -> Result<Attendance, AppError> {
        let mut check = Checker::new();
        let attendees = check.text("attendees", &form.attendees, true, ATTENDEES_MAX);
        check.finish_form(form)?;
        Ok(Attendance { attendees })
    }

    pub fn attendees(&self) -> &str {
        &self.attendees
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldProblem;

    fn form(attendees: &str) -> RegistrationForm {
        RegistrationForm {
            organisation: "org".into(),
            attendees: attendees.into(),
        }
    }

    #[test]
    fn someone_attends_in_a_few_words() {
        let attendance = Attendance::parse(&form(" Anna Berg, upphandlare ")).unwrap();
        assert_eq!(attendance.attendees(), "Anna Berg, upphandlare");
        let err = Attendance::parse(&form("  ")).unwrap_err();
        assert_eq!(err.field_problem("attendees"), Some(FieldProblem::Required));
        assert_eq!(err.sent_value("organisation"), Some("org"));
        let long = "x".repeat(ATTENDEES_MAX + 1);
        let err = Attendance::parse(&form(&long)).unwrap_err();
        let max = ATTENDEES_MAX as u32;
        assert_eq!(
            err.field_problem("attendees"),
            Some(FieldProblem::TooLong { max })
        );
        assert_eq!(err.sent_value("attendees"), Some(long.as_str()));
    }
}
