//! The password: the rules for a new one, the forms that reset and change
//! it, asking for it again before a sensitive change, and (hashing.rs)
//! how it is hashed and checked.

pub mod api;
#[cfg(feature = "ssr")]
mod hashing;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use hashing::{hash, verify, Verdict};

#[cfg(feature = "ssr")]
use super::Email;
#[cfg(feature = "ssr")]
use crate::error::{AppError, Checker, FieldProblem};
use serde::{Deserialize, Serialize};

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 256;

#[cfg(feature = "ssr")]
static COMMON: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| include_str!("common-passwords.txt").lines().collect());

/// What is wrong with a new password, if anything.
#[cfg(feature = "ssr")]
pub fn problem(password: &str, email: &Email) -> Option<FieldProblem> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Some(FieldProblem::TooShort {
            min: MIN_LENGTH as u32,
        });
    }
    if length > MAX_LENGTH {
        return Some(FieldProblem::TooLong {
            max: MAX_LENGTH as u32,
        });
    }
    let lower = password.to_lowercase();
    if COMMON.contains(lower.as_str()) {
        return Some(FieldProblem::CommonPassword);
    }
    let local = email.local_part();
    if local.chars().count() >= 3 && lower.contains(local) {
        return Some(FieldProblem::PasswordContainsEmail);
    }
    None
}

/// What the reset form sends, as sent: the link's token and the new
/// password, neither ever echoed back.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct ResetPasswordForm {
    #[serde(skip_serializing)]
    pub token: String,
    #[serde(skip_serializing)]
    pub password: String,
}

/// What the change-password form sends, as sent; neither password is
/// ever echoed back.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct ChangePasswordForm {
    #[serde(skip_serializing)]
    pub current_password: String,
    #[serde(skip_serializing)]
    pub new_password: String,
}

// By hand, so a password never reaches a log line.
impl std::fmt::Debug for ResetPasswordForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResetPasswordForm").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for ChangePasswordForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangePasswordForm").finish_non_exhaustive()
    }
}

/// Whether the current password, asked again before a sensitive change,
/// was right.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recheck {
    Right,
    Wrong,
}

#[cfg(feature = "ssr")]
impl Recheck {
    /// Refuses `field` when the password was wrong.
    pub fn check(self, check: &mut Checker, field: &str) {
        if self == Recheck::Wrong {
            check.refuse(field, FieldProblem::WrongPassword);
        }
    }

    /// For a form whose only field is the password.
    pub fn require(self, field: &str) -> Result<(), AppError> {
        let mut check = Checker::new();
        self.check(&mut check, field);
        check.finish(&[])
    }
}

/// A new password that follows the rules. It is only ever hashed.
#[cfg(feature = "ssr")]
pub struct NewPassword(String);

#[cfg(feature = "ssr")]
impl NewPassword {
    /// The new password in `field` for the account at `email`, or the
    /// field refused with the rule it breaks. Without a valid address
    /// there is nothing to check it against, and nothing is refused.
    pub fn field(
        check: &mut Checker,
        field: &str,
        raw: &str,
        email: Option<&Email>,
    ) -> Option<NewPassword> {
        match problem(raw, email?) {
            Some(problem) => {
                check.refuse(field, problem);
                None
            }
            None => Some(NewPassword(raw.to_string())),
        }
    }

    /// The password a reset link sets for the account at `email`.
    pub fn from_reset(form: &ResetPasswordForm, email: &Email) -> Result<NewPassword, AppError> {
        let mut check = Checker::new();
        let password = NewPassword::field(&mut check, "password", &form.password, Some(email));
        check.finish_form(form)?;
        password.ok_or(AppError::BadRequest)
    }

    /// The password that replaces the current one, once that was right.
    pub fn from_change(
        form: &ChangePasswordForm,
        email: &Email,
        current: Recheck,
    ) -> Result<NewPassword, AppError> {
        let mut check = Checker::new();
        current.check(&mut check, "current_password");
        let password =
            NewPassword::field(&mut check, "new_password", &form.new_password, Some(email));
        check.finish_form(form)?;
        password.ok_or(AppError::BadRequest)
    }

    /// The hash to store.
    pub async fn hash(&self) -> Result<String, AppError> {
        hash(self.0.clone()).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email() -> Email {
        Email::parse("anna.svensson@kommun.se").unwrap()
    }

    #[test]
    fn new_passwords_follow_the_rules() {
        assert_eq!(
            problem("kort", &email()),
            Some(FieldProblem::TooShort { min: 12 })
        );
        assert_eq!(
            problem(&"x".repeat(257), &email()),
            Some(FieldProblem::TooLong { max: 256 })
        );
        assert_eq!(
            problem("Password1234", &email()),
            Some(FieldProblem::CommonPassword)
        );
        assert_eq!(
            problem("qwertyuiop12", &email()),
            Some(FieldProblem::CommonPassword)
        );
        assert_eq!(
            problem("mitt Anna.Svensson lösen", &email()),
            Some(FieldProblem::PasswordContainsEmail)
        );
        assert_eq!(problem("tre gröna äpplen på bordet", &email()), None);
        assert!(
            COMMON.len() >= 4000,
            "the list has {} entries",
            COMMON.len()
        );
    }

    #[test]
    fn a_reset_refuses_a_weak_password_and_echoes_neither_token_nor_password() {
        let form = ResetPasswordForm {
            token: "hemlig-token".into(),
            password: "kort".into(),
        };
        let err = NewPassword::from_reset(&form, &email()).err().unwrap();
        assert_eq!(
            err.field_problem("password"),
            Some(FieldProblem::TooShort { min: 12 })
        );
        assert_eq!(err.sent_value("password"), None);
        assert_eq!(err.sent_value("token"), None);
        assert!(!format!("{form:?}").contains("hemlig"));
        let good = ResetPasswordForm {
            token: "t".into(),
            password: "blå cyklar längs älven".into(),
        };
        assert!(NewPassword::from_reset(&good, &email()).is_ok());
    }

    #[test]
    fn a_change_names_a_wrong_current_password_and_a_weak_new_one() {
        let form = ChangePasswordForm {
            current_password: "fel fel fel".into(),
            new_password: "Password1234".into(),
        };
        let AppError::Validation { fields, values } =
            NewPassword::from_change(&form, &email(), Recheck::Wrong)
                .err()
                .unwrap()
        else {
            panic!("a validation error");
        };
        let named: Vec<_> = fields
            .iter()
            .map(|f| (f.field.as_str(), f.problem))
            .collect();
        assert_eq!(
            named,
            [
                ("current_password", FieldProblem::WrongPassword),
                ("new_password", FieldProblem::CommonPassword)
            ]
        );
        assert!(values.is_empty(), "no password is echoed: {values:?}");
        let good = ChangePasswordForm {
            current_password: "rätt".into(),
            new_password: "en ny vår i skogen".into(),
        };
        assert!(NewPassword::from_change(&good, &email(), Recheck::Right).is_ok());
        assert!(NewPassword::from_change(&good, &email(), Recheck::Wrong).is_err());
    }

    #[test]
    fn a_password_with_no_address_to_check_against_is_not_refused() {
        let mut check = Checker::new();
        assert!(NewPassword::field(&mut check, "password", "kort", None).is_none());
        assert!(check.finish(&[]).is_ok());
    }

    #[test]
    fn only_a_wrong_recheck_refuses_its_field() {
        assert!(Recheck::Right.require("confirm_password").is_ok());
        let err = Recheck::Wrong.require("confirm_password").unwrap_err();
        assert_eq!(
            err.field_problem("confirm_password"),
            Some(FieldProblem::WrongPassword)
        );
    }
}
