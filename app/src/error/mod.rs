//! The one error type a client ever sees. It crosses the server-function
//! boundary as JSON (`{"error":"validation",…}`) and carries no internal
//! detail: causes are logged where the error is made, never sent.

mod text;

use crate::i18n::Lang;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case")]
#[non_exhaustive]
pub enum AppError {
    /// The request could not be read: missing, extra or mistyped fields.
    #[error("bad request")]
    BadRequest,
    /// One or more fields were refused. `values` echoes what was sent (never
    /// secrets) so a form re-rendered after a no-JavaScript post loses nothing.
    #[error("validation failed")]
    Validation {
        fields: Vec<FieldError>,
        #[serde(default)]
        values: Vec<(String, String)>,
    },
    #[error("not signed in")]
    NotSignedIn,
    /// Email and password do not match an account (never says which).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed sign-ins for this account: locked for a while.
    #[error("account locked")]
    AccountLocked,
    /// The email address must be verified first.
    #[error("email not verified")]
    NotVerified,
    /// A link from an email that is unknown, used or too old.
    #[error("invalid token")]
    InvalidToken,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("conflict")]
    Conflict,
    /// A network must keep at least one coordinator.
    #[error("last coordinator")]
    LastCoordinator,
    /// An organisation must keep at least one admin.
    #[error("last admin")]
    LastAdmin,
    /// A closed network is read-only.
    #[error("network closed")]
    NetworkClosed,
    /// A dormant network starts no new needs or dialogues.
    #[error("network dormant")]
    NetworkDormant,
    /// Only organisations a site admin has verified take part in networks.
    #[error("organisation not verified")]
    OrganisationNotVerified,
    /// No place is left (a dialogue's capacity).
    #[error("full")]
    Full,
    /// Approved text never changes; a new version may supersede it.
    #[error("frozen")]
    Frozen,
    #[error("too many requests")]
    TooManyRequests,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
}

/// Why one form field was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub problem: FieldProblem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FieldProblem {
    Required,
    TooShort {
        min: u32,
    },
    TooLong {
        max: u32,
    },
    InvalidEmail,
    InvalidChoice,
    InvalidUrl,
    CommonPassword,
    PasswordContainsEmail,
    WrongPassword,
    WrongCode,
    OrgNumberNotDigits,
    OrgNumberLength,
    OrgNumberNotOrganisation,
    OrgNumberCheckDigit,
    KommunOutsideLan,
    /// No organisation with this number is registered in Samråd.
    UnknownOrganisation,
    /// The organisation is registered but not yet verified.
    OrganisationNotVerified,
    /// Not a whole number.
    NotAWholeNumber,
    /// A number outside what makes sense here.
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// Not a code in CPV 2008 (a typo, or a wrong check digit).
    UnknownCpv,
    /// A date or quarter that has already passed.
    InThePast,
    /// A date the calendar does not have (30 February).
    NoSuchDate,
    /// A time the clocks skip when summer time begins.
    NoSuchTime,
    /// An end before (or at) the start.
    EndsBeforeStart,
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl AppError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::BadRequest | AppError::Validation { .. } => 400,
            AppError::NotSignedIn | AppError::InvalidCredentials => 401,
            AppError::NotVerified | AppError::OrganisationNotVerified => 403,
            AppError::InvalidToken => 400,
            AppError::AccountLocked => 429,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict
            | AppError::LastCoordinator
            | AppError::LastAdmin
            | AppError::NetworkClosed
            | AppError::NetworkDormant
            | AppError::Full
            | AppError::Frozen => 409,
            AppError::PayloadTooLarge => 413,
            AppError::TooManyRequests => 429,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
        }
    }

    /// A message a civil servant understands, in the chosen language.
    pub fn message(&self, lang: Lang) -> &'static str {
        text::error(self)[lang.index()]
    }

    /// An unexpected failure: the cause goes to the log, the client gets
    /// only "something went wrong".
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        #[cfg(feature = "ssr")]
        tracing::error!(%cause, "internal error");
        #[cfg(not(feature = "ssr"))]
        let _ = cause;
        AppError::Internal
    }

    /// The problem for one field, if this is a validation error that names it.
    pub fn field_problem(&self, field: &str) -> Option<FieldProblem> {
        match self {
            AppError::Validation { fields, .. } => {
                fields.iter().find(|f| f.field == field).map(|f| f.problem)
            }
            _ => None,
        }
    }

    /// The value the user sent for a field, echoed back with a validation error.
    /// Every value sent for a field that repeats (check boxes).
    pub fn sent_values(&self, field: &str) -> Vec<&str> {
        match self {
            AppError::Validation { values, .. } => values
                .iter()
                .filter(|(name, _)| name == field)
                .map(|(_, v)| v.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn sent_value(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Validation { values, .. } => values
                .iter()
                .find(|(name, _)| name == field)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

impl FieldProblem {
    pub fn message(self, lang: Lang) -> String {
        let template = text::field(self)[lang.index()];
        match self {
            FieldProblem::TooShort { min } => template.replace("{min}", &min.to_string()),
            FieldProblem::TooLong { max } => template.replace("{max}", &max.to_string()),
            FieldProblem::OutOfRange { min, max } => template
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string()),
            _ => template.to_string(),
        }
    }
}

/// Collects field problems while a form is checked, so every problem is
/// reported at once rather than one per submit.
#[derive(Default)]
pub struct Checker {
    fields: Vec<FieldError>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn refuse(&mut self, field: &str, problem: FieldProblem) {
        self.fields.push(FieldError {
            field: field.into(),
            problem,
        });
    }

    /// Trims `value` and checks it is present (when `required`) and within
    /// `max` characters; returns the trimmed text.
    pub fn text(&mut self, field: &str, value: &str, required: bool, max: usize) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.refuse(field, FieldProblem::Required);
        } else if value.chars().count() > max {
            self.refuse(field, FieldProblem::TooLong { max: max as u32 });
        }
        value.to_string()
    }

    /// A whole number within `min..=max`; spaces between digit groups are
    /// allowed ("1 200 000").
    pub fn number(&mut self, field: &str, value: &str, min: i64, max: i64) -> Option<i64> {
        let digits: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .collect();
        if digits.is_empty() {
            self.refuse(field, FieldProblem::Required);
            return None;
        }
        match digits.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            Ok(_) => {
                self.refuse(field, FieldProblem::OutOfRange { min, max });
                None
            }
            Err(_) => {
                self.refuse(field, FieldProblem::NotAWholeNumber);
                None
            }
        }
    }

    /// Whether a field has been refused already.
    pub fn has_problem(&self, field: &str) -> bool {
        self.fields.iter().any(|f| f.field == field)
    }

    /// Ends the check of a form type: an error echoing every field the
    /// form holds (its `Serialize`, which leaves out secrets such as
    /// passwords with `#[serde(skip_serializing)]`) if any was refused.
    pub fn finish_form<F: Serialize>(self, form: &F) -> Result<()> {
        if self.fields.is_empty() {
            return Ok(());
        }
        Err(AppError::Validation {
            fields: self.fields,
            values: echo(form),
        })
    }

    /// Ends the check: an error echoing `values` if any field was refused.
    pub fn finish(self, values: &[(&str, &str)]) -> Result<()> {
        if self.fields.is_empty() {
            return Ok(());
        }
        Err(AppError::Validation {
            fields: self.fields,
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        })
    }
}

/// A form's fields as (name, value) pairs, a repeated field once per value.
fn echo<F: Serialize>(form: &F) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(form) else {
        return Vec::new();
    };
    let text = |value: &serde_json::Value| match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    let mut out = Vec::new();
    for (name, value) in fields {
        match value {
            serde_json::Value::Array(items) => {
                out.extend(items.iter().filter_map(text).map(|v| (name.clone(), v)))
            }
            other => out.extend(text(&other).map(|v| (name.clone(), v))),
        }
    }
    out
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => AppError::BadRequest,
            ServerFnErrorErr::Registration(_) | ServerFnErrorErr::UnsupportedRequestMethod(_) => {
                AppError::NotFound
            }
            ServerFnErrorErr::Request(_) => AppError::Unavailable,
            other => AppError::internal(other),
        }
    }
}

#[cfg(feature = "ssr")]
use std::sync::atomic::{AtomicU64, Ordering};

/// Times this process found the database unreachable (a lost connection,
/// no connection within the pool's timeout). The server's outage guard
/// compares it before and after a request: a change means "check whether
/// the database is away" rather than showing a page that only looks empty.
#[cfg(feature = "ssr")]
static UNREACHABLE: AtomicU64 = AtomicU64::new(0);

#[cfg(feature = "ssr")]
pub fn unreachable_count() -> u64 {
    UNREACHABLE.load(Ordering::Relaxed)
}

#[cfg(feature = "ssr")]
fn count_unreachable() {
    UNREACHABLE.fetch_add(1, Ordering::Relaxed);
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                tracing::warn!(cause = %err, "database unavailable");
                count_unreachable();
                AppError::Unavailable
            }
            other => AppError::internal(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_json_shape_is_tagged_snake_case() {
        let json = serde_json::to_value(AppError::TooManyRequests).unwrap();
        assert_eq!(json, serde_json::json!({"error": "too_many_requests"}));
        let v = AppError::Validation {
            fields: vec![FieldError {
                field: "email".into(),
                problem: FieldProblem::TooLong { max: 254 },
            }],
            values: vec![("email".into(), "x".into())],
        };
        assert_eq!(
            serde_json::to_value(&v).unwrap(),
            serde_json::json!({
                "error": "validation",
                "fields": [{"field": "email", "problem": {"problem": "too_long", "max": 254}}],
                "values": [["email", "x"]]
            })
        );
    }

    #[test]
    fn malformed_arguments_become_bad_request_with_status_400() {
        let e = AppError::from_server_fn_error(ServerFnErrorErr::Args(
            "invalid digit found in string".into(),
        ));
        assert_eq!(e, AppError::BadRequest);
        assert_eq!(e.status(), 400);
        assert!(!e.message(Lang::Sv).contains("digit"));
    }

    #[test]
    fn a_refused_form_type_echoes_its_fields_but_never_its_secrets() {
        #[derive(Serialize)]
        struct Form {
            name: String,
            regions: Vec<String>,
            #[serde(skip_serializing)]
            password: String,
        }
        let form = Form {
            name: "Anna".into(),
            regions: vec!["01".into(), "03".into()],
            password: "hemligt".into(),
        };
        let mut c = Checker::new();
        c.refuse("name", FieldProblem::TooShort { min: 5 });
        let err = c.finish_form(&form).unwrap_err();
        assert!(!format!("{err:?}").contains(&form.password));
        assert_eq!(err.sent_value("name"), Some("Anna"));
        assert_eq!(err.sent_values("regions"), ["01", "03"]);
        assert_eq!(err.sent_value("password"), None);
        assert!(Checker::new().finish_form(&form).is_ok());
    }

    #[test]
    fn checker_reports_every_refused_field_and_echoes_values() {
        let mut c = Checker::new();
        c.text("a", "   ", true, 10);
        c.text("b", "elva tecken", true, 10);
        c.text("c", "ok", true, 10);
        let err = c.finish(&[("a", ""), ("b", "elva tecken")]).unwrap_err();
        assert_eq!(err.field_problem("a"), Some(FieldProblem::Required));
        assert_eq!(
            err.field_problem("b"),
            Some(FieldProblem::TooLong { max: 10 })
        );
        assert_eq!(err.field_problem("c"), None);
        assert_eq!(err.sent_value("b"), Some("elva tecken"));
    }
}
