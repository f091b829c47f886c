//! The one error type a client ever sees. It crosses the server-function
//! boundary as JSON (`{"error":"validation",…}`) and carries no internal
//! detail: causes are logged where the error is made, never sent.

mod check;
mod text;

pub use check::Checker;

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
    /// The function is for people acting for a supplier organisation.
    #[error("not acting for a supplier")]
    NotASupplier,
    /// A supplier's question after the dialogue's question deadline.
    #[error("questions closed")]
    QuestionsClosed,
    /// A written answer after the dialogue's answer deadline.
    #[error("answers closed")]
    AnswersClosed,
    /// The dialogue takes no registrations now (not yet open, or over).
    #[error("registration closed")]
    RegistrationClosed,
    /// Not an error of the person's: a form sent after the session ended
    /// comes back, once signed in again, with `values` as they were typed.
    #[error("restored after sign-in")]
    Restored {
        #[serde(default)]
        values: Vec<(String, String)>,
    },
    /// Email and password do not match an account (never says which).
    /// `values` keeps the address typed, so the form comes back with it.
    #[error("invalid credentials")]
    InvalidCredentials {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        values: Vec<(String, String)>,
    },
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
    /// The meeting slot is booked by another supplier.
    #[error("slot taken")]
    SlotTaken,
    /// The supplier holds a slot already; it moves or cancels it first.
    #[error("slot held")]
    SlotHeld,
    /// Past the cut-off for bookings, or the meeting has begun.
    #[error("bookings closed")]
    BookingsClosed,
    /// Minutes and a summary are written once the dialogue has been held.
    #[error("not held yet")]
    NotHeld,
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
    /// A CPV code with fewer than eight digits (not a division).
    CpvIncomplete,
    /// Eight digits of a CPV code, but the check digit after the hyphen is wrong.
    CpvCheckDigit,
    /// A date not written as YYYY-MM-DD.
    DateFormat,
    /// A time not written as a time of day.
    TimeFormat,
    /// A date the calendar does not have (30 February).
    NoSuchDate,
    /// A time the clocks skip when summer time begins.
    NoSuchTime,
    /// An end before (or at) the start.
    EndsBeforeStart,
    /// An irreversible action sent without its confirming step.
    NotConfirmed,
    /// A VAT number that does not start with the chosen country's code.
    VatCountry,
    /// A VAT number not written as the chosen country writes them.
    VatFormat,
    /// A VAT number of the right shape whose check digits do not match.
    VatCheckDigit,
    /// A Swedish number shaped as a personnummer (an enskild firma's) whose
    /// date or check digit is wrong.
    PersonnummerInvalid,
    /// A written answer submitted with no part answered.
    EmptyAnswer,
    /// A confidentiality request on a part that has no answer.
    SecretWithoutAnswer,
    /// The dialogue's questions changed after the answer form was opened.
    QuestionsChanged,
    /// Another national identifier with characters no register uses.
    NationalIdFormat,
    /// A number that belongs to a public organisation (a buyer) in Samråd.
    BuyerNumber,
    /// A time for questions after the time for answers.
    AfterAnswerDeadline,
    /// Announcing a dialogue whose answer deadline has passed.
    DeadlinePassed,
    /// Who a dialogue is for cannot change once it is announced.
    AudienceFixed,
    /// No supplier with this number is registered in Samråd.
    UnknownSupplier,
    /// What the public page shows of the needs is fixed once announced.
    PublicPartFixed,
    /// A file with nothing in it, or without a name.
    FileEmpty,
    /// A file over the limit for one file.
    FileTooLarge,
    /// A file whose bytes are none of the kinds taken.
    FileKind,
    /// A file whose bytes are of another kind than its name says.
    FileDisguised,
    /// An answer's files over the limit for them together.
    FilesTooLarge,
    /// More files than one answer may carry.
    TooManyFiles,
    /// Every slot of a dialogue has one length, that of the first offered.
    SlotLengthFixed,
    /// The cut-off for bookings after a slot it governs.
    CutoffAfterSlots,
    /// A meeting slot with neither a place nor a link.
    PlaceOrLink,
    /// The dialogue offers as many slots as it may.
    SlotsFull,
    /// More than the one file a document version is.
    OneFile,
    /// As many documents in a dialogue, or versions of one, as it may have.
    DocumentsFull,
    /// More rows (meetings, questions) than a form takes.
    TooMany {
        max: u32,
    },
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl AppError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::BadRequest | AppError::Validation { .. } => 400,
            AppError::NotSignedIn
            | AppError::InvalidCredentials { .. }
            | AppError::Restored { .. } => 401,
            AppError::NotVerified | AppError::OrganisationNotVerified => 403,
            AppError::InvalidToken => 400,
            AppError::AccountLocked => 429,
            AppError::Forbidden | AppError::NotASupplier => 403,
            AppError::NotFound => 404,
            AppError::Conflict
            | AppError::LastCoordinator
            | AppError::LastAdmin
            | AppError::NetworkClosed
            | AppError::NetworkDormant
            | AppError::Full
            | AppError::SlotTaken
            | AppError::SlotHeld
            | AppError::BookingsClosed
            | AppError::Frozen
            | AppError::NotHeld
            | AppError::QuestionsClosed
            | AppError::AnswersClosed
            | AppError::RegistrationClosed => 409,
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
            AppError::Validation { values, .. }
            | AppError::Restored { values }
            | AppError::InvalidCredentials { values } => values
                .iter()
                .filter(|(name, _)| sent_as(name, field))
                .map(|(_, v)| v.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The refusal without the values it echoes (for one too long to keep).
    pub fn without_values(self) -> Self {
        match self {
            AppError::Validation { fields, .. } => AppError::Validation {
                fields,
                values: Vec::new(),
            },
            AppError::Restored { .. } => AppError::Restored { values: Vec::new() },
            AppError::InvalidCredentials { .. } => {
                AppError::InvalidCredentials { values: Vec::new() }
            }
            other => other,
        }
    }

    /// A refused form's values with more of what was sent, so that the
    /// page can tell which of its repeated forms was refused.
    pub fn also_sent(mut self, sent: &[(&str, &str)]) -> Self {
        if let AppError::Validation { values, .. } = &mut self {
            values.extend(sent.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        }
        self
    }

    pub fn sent_value(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Validation { values, .. }
            | AppError::Restored { values }
            | AppError::InvalidCredentials { values } => values
                .iter()
                .find(|(name, _)| sent_as(name, field))
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Whether a value sent under `name` is the field's: a form sends a
/// repeated field as `answer[]`, a form type echoes it as `answer`.
fn sent_as(name: &str, field: &str) -> bool {
    name == field || name.strip_suffix("[]") == Some(field)
}

impl FieldProblem {
    pub fn message(self, lang: Lang) -> String {
        let template = text::field(self)[lang.index()];
        match self {
            FieldProblem::TooShort { min } => template.replace("{min}", &min.to_string()),
            FieldProblem::TooLong { max } | FieldProblem::TooMany { max } => {
                template.replace("{max}", &max.to_string())
            }
            FieldProblem::OutOfRange { min, max } => template
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string()),
            _ => template.to_string(),
        }
    }
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
            // PostgreSQL going down ends the queries in flight with these
            // (admin_shutdown, crash_shutdown, cannot_connect_now): the
            // database is away, not the request wrong.
            sqlx::Error::Database(ref db)
                if db
                    .code()
                    .is_some_and(|code| matches!(code.as_ref(), "57P01" | "57P02" | "57P03")) =>
            {
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
