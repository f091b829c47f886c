//! Email addresses as accounts hold them.

use crate::error::{Checker, FieldProblem};
use serde::{Deserialize, Serialize};

/// Longest email address accepted (RFC 5321's path limit).
pub const EMAIL_MAX: usize = 254;

/// An email address that has passed our checks, stored in lower case so
/// one address cannot hold two accounts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("no email address given")]
    Empty,
    #[error("the email address is too long")]
    TooLong,
    #[error("not an email address")]
    Malformed,
}

impl Email {
    pub fn parse(raw: &str) -> Result<Email, EmailError> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(EmailError::Empty);
        }
        if email.chars().count() > EMAIL_MAX {
            return Err(EmailError::TooLong);
        }
        let Some((local, domain)) = email.rsplit_once('@') else {
            return Err(EmailError::Malformed);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == '@');
        if domain_ok && local_ok {
            Ok(Email(email))
        } else {
            Err(EmailError::Malformed)
        }
    }

    /// The address in a form field, or the field refused: `Required` when
    /// blank, otherwise `InvalidEmail`.
    pub fn field(check: &mut Checker, field: &str, raw: &str) -> Option<Email> {
        match Email::parse(raw) {
            Ok(email) => Some(email),
            Err(EmailError::Empty) => {
                check.refuse(field, FieldProblem::Required);
                None
            }
            Err(_) => {
                check.refuse(field, FieldProblem::InvalidEmail);
                None
            }
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the `@`.
    pub fn local_part(&self) -> &str {
        self.0
            .rsplit_once('@')
            .map(|(local, _)| local)
            .unwrap_or(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Anna.Svensson@Stockholm.SE ")
                .unwrap()
                .as_str(),
            "anna.svensson@stockholm.se"
        );
        assert_eq!(
            Email::parse("åsa@göteborg.se").unwrap().as_str(),
            "åsa@göteborg.se"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@kommun.se",
            "anna@kommun",
            "an na@kommun.se",
            "anna@kommun..se",
            "a@b@c.se",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
        let long = format!("{}@kommun.se", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }

    #[test]
    fn a_field_is_required_when_blank_and_invalid_otherwise() {
        let mut check = Checker::new();
        assert!(Email::field(&mut check, "email", "  ").is_none());
        assert!(Email::field(&mut check, "new_email", "anna@").is_none());
        let long = format!("{}@kommun.se", "a".repeat(250));
        assert!(Email::field(&mut check, "other", &long).is_none());
        assert!(Email::field(&mut check, "fine", "anna@kommun.se").is_some());
        let err = check.finish(&[]).unwrap_err();
        assert_eq!(err.field_problem("email"), Some(FieldProblem::Required));
        assert_eq!(
            err.field_problem("new_email"),
            Some(FieldProblem::InvalidEmail)
        );
        assert_eq!(err.field_problem("other"), Some(FieldProblem::InvalidEmail));
        assert_eq!(err.field_problem("fine"), None);
    }
}
