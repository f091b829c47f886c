//! Signing in and out, and the person's sessions: the list where they see
//! where they are signed in, and end one.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod store;
pub mod warning;

use serde::{Deserialize, Serialize};

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
