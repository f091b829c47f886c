//! A need's functional requirements: proposed by members, accepted by the
//! owner organisation or a coordinator, kept in an order and versioned.
//! A requirement is changed by the organisation that proposed it, by the
//! need's owner (who curates the proposals) or by a coordinator; every
//! change is attributed.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use serde::{Deserialize, Serialize};

pub const REQUIREMENT_MAX: usize = 2000;

/// A requirement's weight: must (ska) or should (bör).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Must,
    Should,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::Must => "ska",
            Level::Should => "bor",
        }
    }

    pub fn parse(code: &str) -> Option<Level> {
        [Level::Must, Level::Should]
            .into_iter()
            .find(|l| l.code() == code)
    }
}

/// A level as stored; rows with an unknown code cannot be read.
impl TryFrom<String> for Level {
    type Error = String;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        Level::parse(&code).ok_or_else(|| format!("unknown requirement level {code:?}"))
    }
}

/// A functional requirement on a need, in its place in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub public_id: String,
    pub text: String,
    pub motive: String,
    pub verification: String,
    pub level: Level,
    /// Accepted by the owner organisation or a coordinator; an edit makes
    /// it a proposal again.
    pub accepted: bool,
    pub version: i64,
    pub proposed_by: String,
    /// Who last changed the text, when someone has: (organisation, when).
    pub edited: Option<(String, i64)>,
    /// Whether the person may change it: the proposing organisation, the
    /// need's owner (who curates the proposals) or a coordinator.
    pub may_edit: bool,
}

/// One saved version of a requirement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementVersion {
    pub requirement: String,
    pub version: i64,
    pub at: i64,
    pub author: String,
    pub organisation: String,
    pub level: Level,
    pub text: String,
    pub motive: String,
    pub verification: String,
    pub accepted: bool,
}

/// What the requirement form sends, as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementForm {
    pub text: String,
    pub motive: String,
    pub verification: String,
    pub level: String,
}

/// A requirement's text, checked: only `parse` makes one.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementText {
    text: String,
    motive: String,
    verification: String,
    level: Level,
}

#[cfg(feature = "ssr")]
impl RequirementText {
    pub fn parse(form: &RequirementForm) -> Result<RequirementText, crate::error::AppError> {
        use crate::error::{AppError, Checker, FieldProblem};
        let mut check = Checker::new();
        let text = check.text("text", &form.text, true, REQUIREMENT_MAX);
        let motive = check.text("motive", &form.motive, true, REQUIREMENT_MAX);
        let verification = check.text("verification", &form.verification, true, REQUIREMENT_MAX);
        let level = Level::parse(&form.level);
        if level.is_none() {
            check.refuse("level", FieldProblem::InvalidChoice);
        }
        check.finish_form(form)?;
        Ok(RequirementText {
            text,
            motive,
            verification,
            level: level.ok_or(AppError::BadRequest)?,
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn motive(&self) -> &str {
        &self.motive
    }
    pub fn verification(&self) -> &str {
        &self.verification
    }
    pub fn level(&self) -> Level {
        self.level
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::error::FieldProblem;

    fn form() -> RequirementForm {
        RequirementForm {
            text: " Räckvidd minst 250 km ".into(),
            motive: "Linjerna är långa.".into(),
            verification: "Provkörning.".into(),
            level: "bor".into(),
        }
    }

    #[test]
    fn a_valid_requirement_is_trimmed() {
        let text = RequirementText::parse(&form()).unwrap();
        assert_eq!(text.text(), "Räckvidd minst 250 km");
        assert_eq!(text.level(), Level::Should);
    }

    #[test]
    fn a_requirement_names_every_refused_field_and_echoes_the_form() {
        let bad = RequirementForm {
            text: " ".into(),
            motive: "x".repeat(REQUIREMENT_MAX + 1),
            level: "kanske".into(),
            ..form()
        };
        let err = RequirementText::parse(&bad).unwrap_err();
        assert_eq!(err.field_problem("text"), Some(FieldProblem::Required));
        assert_eq!(
            err.field_problem("motive"),
            Some(FieldProblem::TooLong {
                max: REQUIREMENT_MAX as u32
            })
        );
        assert_eq!(
            err.field_problem("level"),
            Some(FieldProblem::InvalidChoice)
        );
        assert_eq!(err.field_problem("verification"), None);
        assert_eq!(err.sent_value("level"), Some("kanske"));
        assert_eq!(err.sent_value("verification"), Some("Provkörning."));
    }
}
