//! The one error type a client ever sees. It crosses the server-function
//! boundary as JSON (`{"error":"validation",…}`) and carries no internal
//! detail: causes are logged where the error is made, never sent.

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
        let sv = lang == Lang::Sv;
        match self {
            AppError::BadRequest => {
                if sv {
                    "Förfrågan kunde inte läsas. Kontrollera uppgifterna och försök igen."
                } else {
                    "The request could not be read. Check the details and try again."
                }
            }
            AppError::Validation { .. } => {
                if sv {
                    "Några uppgifter behöver rättas. Se markeringarna vid fälten."
                } else {
                    "Some details need correcting. See the notes beside the fields."
                }
            }
            AppError::NotSignedIn => {
                if sv {
                    "Du behöver logga in för att göra det här."
                } else {
                    "You need to sign in to do this."
                }
            }
            AppError::InvalidCredentials => {
                if sv {
                    "Fel e-postadress eller lösenord."
                } else {
                    "Wrong email address or password."
                }
            }
            AppError::AccountLocked => {
                if sv {
                    "För många misslyckade inloggningar. Kontot är låst i 15 minuter. \
                     Vi har skickat ett meddelande till kontots e-postadress."
                } else {
                    "Too many failed sign-ins. The account is locked for 15 minutes. \
                     We have sent a message to the account's email address."
                }
            }
            AppError::NotVerified => {
                if sv {
                    "Bekräfta din e-postadress först. Vi har skickat en länk till den."
                } else {
                    "Verify your email address first. We have sent a link to it."
                }
            }
            AppError::InvalidToken => {
                if sv {
                    "Länken är ogiltig, redan använd eller för gammal. Begär en ny."
                } else {
                    "The link is invalid, already used or too old. Ask for a new one."
                }
            }
            AppError::Forbidden => {
                if sv {
                    "Du har inte behörighet att göra det här."
                } else {
                    "You are not allowed to do this."
                }
            }
            AppError::NotFound => {
                if sv {
                    "Det du söker finns inte, eller så har du inte tillgång till det."
                } else {
                    "What you are looking for does not exist, or you do not have access to it."
                }
            }
            AppError::Conflict => {
                if sv {
                    "Uppgiften finns redan eller har ändrats av någon annan. Ladda om sidan och försök igen."
                } else {
                    "This already exists or was changed by someone else. Reload the page and try again."
                }
            }
            AppError::LastCoordinator => {
                if sv {
                    "Ett nätverk måste alltid ha minst en samordnare. Utse en annan samordnare först."
                } else {
                    "A network always keeps at least one coordinator. Appoint another coordinator first."
                }
            }
            AppError::LastAdmin => {
                if sv {
                    "En organisation måste alltid ha minst en administratör. Utse en annan administratör först."
                } else {
                    "An organisation always keeps at least one admin. Appoint another admin first."
                }
            }
            AppError::NetworkClosed => {
                if sv {
                    "Nätverket är stängt. Allt går att läsa och exportera, men inget kan ändras eller läggas till."
                } else {
                    "The network is closed. Everything can be read and exported, but nothing can be changed or added."
                }
            }
            AppError::NetworkDormant => {
                if sv {
                    "Nätverket är vilande. Inga nya behov eller dialoger startas förrän samordnarna återaktiverar det."
                } else {
                    "The network is dormant. No new needs or dialogues start until the coordinators make it active again."
                }
            }
            AppError::OrganisationNotVerified => {
                if sv {
                    "Organisationen är inte verifierad än. Samråds administratörer kontrollerar nya organisationer; \
                     tills dess kan den inte vara med i nätverk."
                } else {
                    "The organisation is not verified yet. Samråd's administrators check new organisations; \
                     until then it cannot take part in networks."
                }
            }
            AppError::Full => {
                if sv {
                    "Det finns inga platser kvar. Kontakta värdarna om ni ändå vill delta."
                } else {
                    "No places are left. Contact the hosts if you still wish to take part."
                }
            }
            AppError::Frozen => {
                if sv {
                    "Texten är godkänd och kan inte ändras. Skriv en ny version som ersätter den."
                } else {
                    "The text is approved and cannot change. Write a new version to replace it."
                }
            }
            AppError::TooManyRequests => {
                if sv {
                    "För många försök på kort tid. Vänta en stund och försök igen."
                } else {
                    "Too many attempts in a short time. Wait a while and try again."
                }
            }
            AppError::PayloadTooLarge => {
                if sv {
                    "Det du skickade är för stort."
                } else {
                    "What you sent is too large."
                }
            }
            AppError::Unavailable => {
                if sv {
                    "Tjänsten är tillfälligt otillgänglig. Försök igen om en liten stund."
                } else {
                    "The service is temporarily unavailable. Try again in a moment."
                }
            }
            AppError::Internal => {
                if sv {
                    "Något gick fel hos oss. Felet är loggat; försök igen senare."
                } else {
                    "Something went wrong on our side. It has been logged; try again later."
                }
            }
        }
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
        let sv = lang == Lang::Sv;
        match self {
            FieldProblem::Required => if sv {
                "Fältet måste fyllas i."
            } else {
                "This field is required."
            }
            .into(),
            FieldProblem::TooShort { min } => {
                if sv {
                    format!("Skriv minst {min} tecken.")
                } else {
                    format!("Use at least {min} characters.")
                }
            }
            FieldProblem::TooLong { max } => {
                if sv {
                    format!("Skriv högst {max} tecken.")
                } else {
                    format!("Use at most {max} characters.")
                }
            }
            FieldProblem::NotAWholeNumber => if sv {
                "Skriv ett heltal med siffror, till exempel 1200."
            } else {
                "Enter a whole number in digits, for example 1200."
            }
            .into(),
            FieldProblem::OutOfRange { min, max } => {
                if sv {
                    format!("Ange ett tal från {min} till {max}.")
                } else {
                    format!("Enter a number from {min} to {max}.")
                }
            }
            FieldProblem::UnknownCpv => if sv {
                "Minst en kod finns inte i CPV. Kontrollera siffrorna och kontrollsiffran efter bindestrecket."
            } else {
                "At least one code is not in CPV. Check the digits and the check digit after the hyphen."
            }
            .into(),
            FieldProblem::InThePast => if sv {
                "Tiden har redan passerat. Välj en senare."
            } else {
                "That time has already passed. Choose a later one."
            }
            .into(),
            FieldProblem::NoSuchDate => if sv {
                "Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2027-03-15."
            } else {
                "That date does not exist. Write it as YYYY-MM-DD, for example 2027-03-15."
            }
            .into(),
            FieldProblem::NoSuchTime => if sv {
                "Klockslaget finns inte den dagen: klockan ställs fram från 02.00 till 03.00."
            } else {
                "That time does not exist that day: the clocks go forward from 02:00 to 03:00."
            }
            .into(),
            FieldProblem::EndsBeforeStart => if sv {
                "Sluttiden måste vara efter starttiden."
            } else {
                "The end must be after the start."
            }
            .into(),
            FieldProblem::InvalidEmail => if sv {
                "Ange en e-postadress i formen namn@exempel.se."
            } else {
                "Enter an email address like name@example.com."
            }
            .into(),
            FieldProblem::InvalidChoice => if sv {
                "Välj ett av alternativen."
            } else {
                "Choose one of the options."
            }
            .into(),
            FieldProblem::CommonPassword => if sv {
                "Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna en mening."
            } else {
                "This password is too common and easy to guess. Choose another, a sentence perhaps."
            }
            .into(),
            FieldProblem::PasswordContainsEmail => if sv {
                "Lösenordet får inte innehålla din e-postadress."
            } else {
                "The password must not contain your email address."
            }
            .into(),
            FieldProblem::WrongPassword => if sv {
                "Lösenordet stämmer inte."
            } else {
                "The password is not correct."
            }
            .into(),
            FieldProblem::WrongCode => if sv {
                "Koden stämmer inte. Vänta på nästa kod i appen och försök igen."
            } else {
                "The code is not right. Wait for the next code in the app and try again."
            }
            .into(),
            FieldProblem::OrgNumberNotDigits => if sv {
                "Organisationsnumret får bara innehålla siffror och ett bindestreck, som 212000-0142."
            } else {
                "An organisation number has only digits and one dash, like 212000-0142."
            }
            .into(),
            FieldProblem::OrgNumberLength => if sv {
                "Ett organisationsnummer har tio siffror, skrivna NNNNNN-NNNN."
            } else {
                "An organisation number has ten digits, written NNNNNN-NNNN."
            }
            .into(),
            FieldProblem::OrgNumberNotOrganisation => if sv {
                "Siffra tre och fyra i ett organisationsnummer är minst 20; det här liknar ett personnummer."
            } else {
                "Digits three and four of an organisation number are at least 20; this looks like a personal identity number."
            }
            .into(),
            FieldProblem::OrgNumberCheckDigit => if sv {
                "Kontrollsiffran (den sista siffran) stämmer inte. Kontrollera numret."
            } else {
                "The check digit (the last digit) does not match. Check the number."
            }
            .into(),
            FieldProblem::KommunOutsideLan => if sv {
                "Kommunen ligger inte i det valda länet."
            } else {
                "The municipality is not in the chosen county."
            }
            .into(),
            FieldProblem::UnknownOrganisation => if sv {
                "Ingen organisation med det numret är registrerad i Samråd. Be den registrera sig först."
            } else {
                "No organisation with this number is registered in Samråd. Ask it to register first."
            }
            .into(),
            FieldProblem::OrganisationNotVerified => if sv {
                "Organisationen finns i Samråd men är inte verifierad än, så den kan inte bjudas in. Försök igen när en administratör har verifierat den."
            } else {
                "The organisation is in Samråd but not verified yet, so it cannot be invited. Try again once an administrator has verified it."
            }
            .into(),
            FieldProblem::InvalidUrl => if sv {
                "Ange en webbadress som börjar med https:// eller http://."
            } else {
                "Enter a web address starting with https:// or http://."
            }
            .into(),
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
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                tracing::warn!(cause = %err, "database unavailable");
                crate::db::count_unreachable();
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
