//! The accessibility statement (tillgänglighetsredogörelse) and the way to
//! report a problem with it, as the DOS act requires.

pub mod api;
pub mod page;
mod reports;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use crate::{
    accounts::Email,
    error::{AppError, Checker, FieldProblem},
};
use serde::{Deserialize, Serialize};

/// Who answers for this Samråd under the DOS act, and how people reach
/// them. A deployment sets its own public body and addresses here (see the
/// README, "The accessibility statement").
pub const OPERATOR: Operator = Operator {
    name: "Samrådsförvaltningen",
    email: "tillganglighet@samrad.se",
    phone: None,
};

/// When the statement's assessment was last made (ISO date).
pub const ASSESSED: &str = "2026-12-02";
/// When the statement was last updated (ISO date).
pub const UPDATED: &str = "2026-12-02";

/// The public body responsible for the service, and its contact ways.
#[derive(Clone, Copy, Debug)]
pub struct Operator {
    pub name: &'static str,
    pub email: &'static str,
    /// Shown only when the body has a number to call.
    pub phone: Option<&'static str>,
}

/// Longest accepted problem description, in characters.
pub const DESCRIPTION_MAX: usize = 4000;
/// Longest accepted page reference, in characters.
pub const PAGE_MAX: usize = 500;

/// A report sent through the statement's form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Report {
    pub id: i64,
    pub description: String,
    pub page: String,
    pub email: Option<String>,
    pub created_at: i64,
}

/// What the report form sends, as sent. Every field is sent, if empty.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ReportForm {
    pub description: String,
    pub page: String,
    pub email: String,
}

/// A report that may be stored: a description, perhaps the page, and
/// perhaps an address to answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemReport {
    description: String,
    page: String,
    contact: Option<Email>,
}

impl ProblemReport {
    pub fn parse(form: &ReportForm) -> Result<ProblemReport, AppError> {
        let mut check = Checker::new();
        let description = check.text("description", &form.description, true, DESCRIPTION_MAX);
        let page = check.text("page", &form.page, false, PAGE_MAX);
        let contact = match form.email.trim() {
            "" => None,
            given => match Email::parse(given) {
                Ok(email) => Some(email),
                Err(_) => {
                    check.refuse("email", FieldProblem::InvalidEmail);
                    None
                }
            },
        };
        check.finish_form(form)?;
        Ok(ProblemReport {
            description,
            page,
            contact,
        })
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    pub fn page(&self) -> &str {
        &self.page
    }

    pub fn contact(&self) -> Option<&Email> {
        self.contact.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(description: &str, page: &str, email: &str) -> ReportForm {
        ReportForm {
            description: description.into(),
            page: page.into(),
            email: email.into(),
        }
    }

    #[test]
    fn a_report_needs_a_description_and_a_contact_is_optional() {
        let report = ProblemReport::parse(&form(" Knappen går inte att nå ", "", "")).unwrap();
        assert_eq!(report.description(), "Knappen går inte att nå");
        assert_eq!(report.page(), "");
        assert_eq!(report.contact(), None);
        let answered = ProblemReport::parse(&form("Fel", "/natverk", "Anna@Kommun.se")).unwrap();
        assert_eq!(
            answered.contact().map(Email::as_str),
            Some("anna@kommun.se")
        );
        assert_eq!(answered.page(), "/natverk");
    }

    #[test]
    fn a_refused_report_names_every_field_and_echoes_what_was_typed() {
        let long_page = "p".repeat(PAGE_MAX + 1);
        let err = ProblemReport::parse(&form("  ", &long_page, "inte-en-adress")).unwrap_err();
        assert_eq!(
            err.field_problem("description"),
            Some(FieldProblem::Required)
        );
        assert_eq!(
            err.field_problem("page"),
            Some(FieldProblem::TooLong {
                max: PAGE_MAX as u32
            })
        );
        assert_eq!(err.field_problem("email"), Some(FieldProblem::InvalidEmail));
        assert_eq!(err.sent_value("email"), Some("inte-en-adress"));
        assert_eq!(err.sent_value("page"), Some(long_page.as_str()));
        assert_eq!(err.sent_value("description"), Some("  "));
    }
}
