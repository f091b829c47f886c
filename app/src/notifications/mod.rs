//! Notifications in the app: what was written that concerns the person (a
//! reply to their comment, a comment in a discussion they follow), a page
//! that lists them and marks them read, and the unread count in the
//! header. They are left by the change itself (`core::notify`); this room
//! reads them, and shows only what its reader may see when they look: a
//! comment since hidden or deleted, a need back in draft, or a network
//! the person no longer reads takes its notifications with it.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

pub use crate::core::notify::Kind;
use crate::core::subject::Subject;
use serde::{Deserialize, Serialize};

/// The newest notifications the page shows, read or not: a short history.
pub const HISTORY: i64 = 50;

/// One notification, as its person may see it now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub kind: Kind,
    pub at: i64,
    pub read: bool,
    /// What the discussion is about, and its public id and title.
    pub subject: Subject,
    pub target: String,
    pub title: String,
    pub network: String,
    /// The comment's public id.
    pub comment: String,
    /// Who wrote it, for which organisation.
    pub author: String,
    pub organisation: String,
}

impl Notification {
    /// The comment in its discussion.
    pub fn href(&self) -> String {
        format!(
            "{}#kommentar-{}",
            self.subject.path(&self.target),
            self.comment
        )
    }
}

/// The person's notifications page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub items: Vec<Notification>,
    pub unread: i64,
}
