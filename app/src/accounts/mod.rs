//! People's accounts: sign-up, profile, a change of email address, and
//! deletion (my data is in the privacy room). Signing in and sessions,
//! the password, two-step verification and email verification are
//! sub-rooms of their own.

pub mod api;
mod email;
#[cfg(feature = "ssr")]
mod flow;
#[cfg(feature = "ssr")]
pub mod limits;
pub mod pages;
pub mod password;
pub mod sessions;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;
pub mod two_factor;
pub mod verification;

#[cfg(feature = "ssr")]
pub use crate::core::ids as tokens;
pub use email::{Email, EmailError, EMAIL_MAX};
#[cfg(feature = "ssr")]
pub use sessions::session;
pub use sessions::SessionInfo;
#[cfg(feature = "ssr")]
pub use two_factor::totp;
pub use two_factor::TwoFactorSetup;

#[cfg(feature = "ssr")]
use crate::error::{Checker, FieldProblem};
use crate::{error::AppError, i18n::Lang};
use serde::{Deserialize, Serialize};

/// Longest accepted name or title, in characters.
pub const NAME_MAX: usize = 200;

/// The person behind the current request's session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub account_id: i64,
    pub session_id: i64,
    pub name: String,
    pub email: String,
    pub title: String,
    pub language: Lang,
    pub verified: bool,
    /// A site admin whose admin rights are in force (with two-step
    /// verification when the site requires it of admins).
    pub site_admin: bool,
    /// A site admin who must turn on two-step verification first.
    pub admin_needs_two_factor: bool,
    pub two_factor: bool,
}

/// The signed-in person, if any; the server's session middleware puts it
/// in the request.
pub fn current_user() -> Option<SessionUser> {
    #[cfg(feature = "ssr")]
    return leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<SessionUser>().cloned());
    #[cfg(not(feature = "ssr"))]
    None
}

/// For a page that needs a signed-in person: the person, or `None` after
/// answering with a redirect to the sign-in page.
pub fn signed_in_or_redirect() -> Option<SessionUser> {
    let user = current_user();
    if user.is_none() {
        redirect_to_sign_in();
    }
    user
}

/// Answers the page being rendered with a redirect to the sign-in page,
/// which sends the person back here afterwards.
pub fn redirect_to_sign_in() {
    #[cfg(feature = "ssr")]
    {
        let here = leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.uri.path_and_query().map(|p| p.as_str().to_string()))
            .and_then(|asked| ReturnPath::parse(&asked));
        let to = match here {
            Some(back) => format!(
                "/konto/logga-in?till={}",
                crate::ui::url_encode(back.as_str())
            ),
            None => "/konto/logga-in".to_string(),
        };
        leptos_axum::redirect(&to);
    }
}

/// Where a sign-in sends the person when no page was asked for.
pub const LANDING: &str = "/oversikt";

/// A page of this site to return to after signing in: a path, never
/// another origin ("//evil.example", "/\\evil", "https:…"), never the
/// sign-in pages themselves, and without the one-time keys of a refused
/// form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnPath(String);

impl ReturnPath {
    pub fn parse(asked: &str) -> Option<ReturnPath> {
        let ok = asked.len() <= 1000
            && asked.starts_with('/')
            && !asked.starts_with("//")
            && !asked.contains('\\')
            && !asked.chars().any(|c| c.is_control() || c.is_whitespace())
            && !asked.starts_with("/api/")
            && !asked.starts_with("/konto/logga-in")
            && !asked.starts_with("/konto/tvasteg/verifiera");
        if !ok {
            return None;
        }
        let (path, query) = asked.split_once('?').unwrap_or((asked, ""));
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .filter(|pair| {
                !["__fb=", "__err=", "__path="]
                    .iter()
                    .any(|k| pair.starts_with(k))
            })
            .collect();
        Some(ReturnPath(match kept.is_empty() {
            true => path.to_string(),
            false => format!("{path}?{}", kept.join("&")),
        }))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub fn require_user() -> Result<SessionUser, AppError> {
    current_user().ok_or(AppError::NotSignedIn)
}

/// Posting needs a verified email address; reading does not.
pub fn require_verified() -> Result<SessionUser, AppError> {
    let user = require_user()?;
    if user.verified {
        Ok(user)
    } else {
        Err(AppError::NotVerified)
    }
}

/// What the sign-up form sends, as sent; the password is never echoed
/// back.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct SignUpForm {
    pub name: String,
    pub email: String,
    #[serde(skip_serializing)]
    pub password: String,
    pub language: String,
}

// By hand, so the password never reaches a log line.
impl std::fmt::Debug for SignUpForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignUpForm")
            .field("name", &self.name)
            .field("email", &self.email)
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// What the profile form sends, as sent.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ProfileForm {
    pub name: String,
    pub title: String,
    pub language: String,
}

/// What the change-of-email form sends, as sent; the password is never
/// echoed back.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct ChangeEmailForm {
    pub new_email: String,
    #[serde(skip_serializing)]
    pub password: String,
}

impl std::fmt::Debug for ChangeEmailForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangeEmailForm")
            .field("new_email", &self.new_email)
            .finish_non_exhaustive()
    }
}

/// The language chosen in a form, or the field refused.
#[cfg(feature = "ssr")]
fn language_field(check: &mut Checker, raw: &str) -> Lang {
    Lang::parse(raw).unwrap_or_else(|| {
        check.refuse("language", FieldProblem::InvalidChoice);
        Lang::default()
    })
}

/// A sign-up that passed every check.
#[cfg(feature = "ssr")]
pub struct NewAccount {
    name: String,
    email: Email,
    password: password::NewPassword,
    language: Lang,
}

#[cfg(feature = "ssr")]
impl NewAccount {
    /// The password is checked against the address, so only once the
    /// address is valid.
    pub fn parse(form: &SignUpForm) -> Result<NewAccount, AppError> {
        let mut check = Checker::new();
        let name = check.text("name", &form.name, true, NAME_MAX);
        let email = Email::field(&mut check, "email", &form.email);
        let language = language_field(&mut check, &form.language);
        let password =
            password::NewPassword::field(&mut check, "password", &form.password, email.as_ref());
        check.finish_form(form)?;
        Ok(NewAccount {
            name,
            email: email.ok_or(AppError::BadRequest)?,
            password: password.ok_or(AppError::BadRequest)?,
            language,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn email(&self) -> &Email {
        &self.email
    }

    pub fn password(&self) -> &password::NewPassword {
        &self.password
    }

    pub fn language(&self) -> Lang {
        self.language
    }
}

/// A checked profile.
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub struct Profile {
    name: String,
    title: String,
    language: Lang,
}

#[cfg(feature = "ssr")]
impl Profile {
    pub fn parse(form: &ProfileForm) -> Result<Profile, AppError> {
        let mut check = Checker::new();
        let name = check.text("name", &form.name, true, NAME_MAX);
        let title = check.text("title", &form.title, false, NAME_MAX);
        let language = language_field(&mut check, &form.language);
        check.finish_form(form)?;
        Ok(Profile {
            name,
            title,
            language,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn language(&self) -> Lang {
        self.language
    }
}

/// The address an email change moves to, asked for with the right
/// password.
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub struct NewEmail(Email);

#[cfg(feature = "ssr")]
impl NewEmail {
    /// `password` is the outcome of asking for the current password again
    /// (which counts toward the lockout, so it is asked first).
    pub fn parse(
        form: &ChangeEmailForm,
        password: password::Recheck,
    ) -> Result<NewEmail, AppError> {
        let mut check = Checker::new();
        let email = Email::field(&mut check, "new_email", &form.new_email);
        password.check(&mut check, "password");
        check.finish_form(form)?;
        email.map(NewEmail).ok_or(AppError::BadRequest)
    }

    pub fn email(&self) -> &Email {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::{password::Recheck, *};

    #[test]
    fn only_a_path_of_this_site_is_returned_to_after_signing_in() {
        let back = |asked: &str| ReturnPath::parse(asked).map(|p| p.as_str().to_string());
        assert_eq!(back("/dialoger/abc"), Some("/dialoger/abc".into()));
        assert_eq!(
            back("/behov?status=open&sida=2"),
            Some("/behov?status=open&sida=2".into())
        );
        assert_eq!(
            back("/behov/x?__fb=key&sparat=1"),
            Some("/behov/x?sparat=1".into())
        );
        assert_eq!(
            back("/behov/x?__path=/api/a&__err=e"),
            Some("/behov/x".into())
        );
        for foreign in [
            "",
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "evil.example",
            "/konto/logga-in?till=/x",
            "/konto/tvasteg/verifiera",
            "/api/accounts/sign-out",
            "/a b",
            "/a\nb",
        ] {
            assert_eq!(back(foreign), None, "{foreign:?}");
        }
        assert_eq!(back(&format!("/{}", "a".repeat(1000))), None);
    }

    fn fields(err: &AppError) -> Vec<(&str, FieldProblem)> {
        match err {
            AppError::Validation { fields, .. } => fields
                .iter()
                .map(|f| (f.field.as_str(), f.problem))
                .collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    fn sign_up(name: &str, email: &str, password: &str, language: &str) -> SignUpForm {
        SignUpForm {
            name: name.into(),
            email: email.into(),
            password: password.into(),
            language: language.into(),
        }
    }

    #[test]
    fn a_sign_up_names_each_refused_field_and_never_echoes_the_password() {
        let form = sign_up(" ", "inte-en-adress", "hemligt", "fr");
        let err = NewAccount::parse(&form).err().unwrap();
        assert_eq!(
            fields(&err),
            [
                ("name", FieldProblem::Required),
                ("email", FieldProblem::InvalidEmail),
                ("language", FieldProblem::InvalidChoice)
            ],
            "the password is checked only against a valid address"
        );
        assert_eq!(err.sent_value("email"), Some("inte-en-adress"));
        assert_eq!(err.sent_value("language"), Some("fr"));
        assert_eq!(err.sent_value("password"), None);
        assert!(!format!("{form:?}").contains("hemligt"));

        let weak = sign_up(
            "Anna",
            "anna.andersson@vaxjo.se",
            "anna.andersson är jag",
            "sv",
        );
        let err = NewAccount::parse(&weak).err().unwrap();
        assert_eq!(
            fields(&err),
            [("password", FieldProblem::PasswordContainsEmail)]
        );
        assert!(!serde_json::to_string(&err).unwrap().contains("är jag"));
    }

    #[test]
    fn a_valid_sign_up_is_trimmed_and_its_address_lower_cased() {
        let form = sign_up(
            "  Anna Andersson ",
            "Anna.Andersson@Vaxjo.se",
            "gröna äpplen i november",
            "en",
        );
        let new = NewAccount::parse(&form).unwrap();
        assert_eq!(new.name(), "Anna Andersson");
        assert_eq!(new.email().as_str(), "anna.andersson@vaxjo.se");
        assert_eq!(new.language(), Lang::En);
    }

    #[test]
    fn a_profile_names_its_refused_fields_and_echoes_every_value() {
        let form = ProfileForm {
            name: " ".into(),
            title: "x".repeat(NAME_MAX + 1),
            language: "fr".into(),
        };
        let err = Profile::parse(&form).unwrap_err();
        assert_eq!(
            fields(&err),
            [
                ("name", FieldProblem::Required),
                ("title", FieldProblem::TooLong { max: 200 }),
                ("language", FieldProblem::InvalidChoice)
            ]
        );
        assert_eq!(err.sent_value("language"), Some("fr"));
        assert_eq!(err.sent_value("name"), Some(" "));
        let form = ProfileForm {
            name: " Anna A. ".into(),
            title: String::new(),
            language: "sv".into(),
        };
        let profile = Profile::parse(&form).unwrap();
        assert_eq!((profile.name(), profile.title()), ("Anna A.", ""));
        assert_eq!(profile.language(), Lang::Sv);
    }

    #[test]
    fn an_email_change_needs_a_valid_address_and_the_right_password() {
        let form = ChangeEmailForm {
            new_email: "anna@".into(),
            password: "fel gissning".into(),
        };
        let err = NewEmail::parse(&form, Recheck::Wrong).unwrap_err();
        assert_eq!(
            fields(&err),
            [
                ("new_email", FieldProblem::InvalidEmail),
                ("password", FieldProblem::WrongPassword)
            ]
        );
        assert_eq!(err.sent_value("new_email"), Some("anna@"));
        assert_eq!(err.sent_value("password"), None);
        assert!(!format!("{form:?}").contains("gissning"));

        let form = ChangeEmailForm {
            new_email: " Anna@Region.se ".into(),
            password: "rätt".into(),
        };
        assert!(NewEmail::parse(&form, Recheck::Wrong).is_err());
        let new = NewEmail::parse(&form, Recheck::Right).unwrap();
        assert_eq!(new.email().as_str(), "anna@region.se");
    }
}
