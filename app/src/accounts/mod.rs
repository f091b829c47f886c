//! People's accounts: sign-up, email verification, sign-in, sessions,
//! password reset, profile, and my data (GDPR).

pub mod api;
#[cfg(feature = "ssr")]
pub mod limits;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;
#[cfg(feature = "ssr")]
pub use crate::core::ids as tokens;
#[cfg(feature = "ssr")]
pub mod totp;

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

/// What the two-step set-up page shows, once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    pub secret: String,
    pub uri: String,
    pub recovery_codes: Vec<String>,
}

/// One of a person's sessions, for the list where they can end it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub id: i64,
    pub user_agent: String,
    pub ip: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub current: bool,
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

/// Answers the page being rendered with a redirect to the sign-in page.
pub fn redirect_to_sign_in() {
    #[cfg(feature = "ssr")]
    leptos_axum::redirect("/konto/logga-in");
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
}
