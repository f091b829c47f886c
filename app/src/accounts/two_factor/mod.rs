//! Two-step verification: a code from an authenticator app (totp.rs) or
//! a single-use recovery code after the password, turned on and off by
//! the person, required of site admins where the site says so.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod totp;

use serde::{Deserialize, Serialize};

/// What the two-step set-up page shows, once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    pub secret: String,
    pub uri: String,
    pub recovery_codes: Vec<String>,
}
