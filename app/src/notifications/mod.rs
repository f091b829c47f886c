//! Notifications in the app: what happened that concerns the person (a
//! reply to their comment, a comment in a discussion they follow, an
//! organisation asking to join a network they coordinate, the answer to
//! their organisation's request), a page that lists them and marks them
//! read, and the unread count in the header. They are left by the change
//! itself (`core::notify`); this room reads them, and shows only what its
//! reader may see when they look: a comment since hidden or deleted, a
//! need back in draft, a network the person no longer reads (or no longer
//! coordinates, for a request) takes its notifications with it.

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
    /// The network's name.
    pub network: String,
    pub about: About,
}

/// What a notification is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum About {
    /// A comment in a discussion.
    Comment {
        /// What the discussion is about, and its public id and title.
        subject: Subject,
        target: String,
        title: String,
        /// The comment's public id.
        comment: String,
        /// Who wrote it, for which organisation.
        author: String,
        organisation: String,
    },
    /// An organisation asking to join the network, or answered.
    Joining {
        /// The network's public id.
        network: String,
        organisation: String,
    },
}

impl Notification {
    /// Where it leads: the comment in its discussion, the network's
    /// requests, or the network.
    pub fn href(&self) -> String {
        match (&self.about, self.kind) {
            (
                About::Comment {
                    subject,
                    target,
                    comment,
                    ..
                },
                _,
            ) => format!("{}#kommentar-{comment}", subject.path(target)),
            (About::Joining { network, .. }, Kind::JoinRequest) => {
                format!("/natverk/{network}#ansokningar")
            }
            (About::Joining { network, .. }, _) => format!("/natverk/{network}"),
        }
    }
}

/// The person's notifications page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub items: Vec<Notification>,
    pub unread: i64,
}
