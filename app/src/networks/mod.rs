//! Beställarnätverk: networks of organisations. This room holds their
//! lifecycle, the one place that decides what a person may do in a
//! network (`Access`), creation, joining and invitations, roles, the
//! directory, the network page and the audit log.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

pub use crate::core::{
    network::{Access, Action, NetworkRole, NetworkStatus, Visibility},
    AuditEntry,
};
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 150;
pub const PURPOSE_MAX: usize = 4000;
pub const REASON_MAX: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JoinPolicy {
    Request,
    Invitation,
}

impl JoinPolicy {
    pub fn code(self) -> &'static str {
        match self {
            JoinPolicy::Request => "request",
            JoinPolicy::Invitation => "invitation",
        }
    }

    pub fn parse(code: &str) -> Option<JoinPolicy> {
        [JoinPolicy::Request, JoinPolicy::Invitation]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// A network as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub public_id: String,
    pub name: String,
    pub purpose: String,
    pub staircase: String,
    pub visibility: Visibility,
    pub join_policy: JoinPolicy,
    pub status: NetworkStatus,
    pub regions: Vec<String>,
    /// CPV divisions, two digits each.
    pub themes: Vec<String>,
}

/// A member organisation and its role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkMember {
    pub organisation_public_id: String,
    pub name: String,
    pub role: NetworkRole,
}

/// A request waiting for the coordinators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequest {
    pub organisation_public_id: String,
    pub name: String,
    pub motivation: String,
}

/// What became of an organisation's own request, for its people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnRequest {
    pub organisation: String,
    pub status: String,
    pub reason: String,
}

/// A network one of my organisations is a member of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyNetwork {
    pub public_id: String,
    pub name: String,
    pub status: NetworkStatus,
    pub role: NetworkRole,
}

/// What the person may do on the network page, as the guard says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkRights {
    pub read: bool,
    /// Post a need or plan a dialogue.
    pub start: bool,
    pub govern: bool,
    pub see_log: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkView {
    pub network: Network,
    pub access: Access,
    pub rights: NetworkRights,
    pub members: Vec<NetworkMember>,
    pub audit: Vec<AuditEntry>,
    /// Waiting requests, for coordinators.
    pub requests: Vec<JoinRequest>,
    /// My organisations' own waiting or refused requests, with the reason.
    pub own_requests: Vec<OwnRequest>,
    /// Organisations I administer that may ask to join: (public id, name).
    pub may_request_for: Vec<(String, String)>,
    /// Organisations I administer that are members and may leave.
    pub may_leave_for: Vec<(String, String)>,
    /// Organisations invited and not yet answered, for coordinators.
    pub invited: Vec<NetworkMember>,
    /// The calendar feed's secret, for those who read the content.
    pub feed_token: Option<String>,
}

/// An invitation waiting for an organisation I administer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub network_public_id: String,
    pub network_name: String,
    pub purpose: String,
    pub organisation_public_id: String,
    pub organisation: String,
    pub role: NetworkRole,
}

/// A network as the directory lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    pub public_id: String,
    pub name: String,
    pub purpose: String,
    pub status: NetworkStatus,
    /// Takes requests to join.
    pub open: bool,
    pub members: i64,
    pub regions: Vec<String>,
    pub themes: Vec<String>,
}

/// One page of the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryPage {
    pub entries: Vec<DirectoryEntry>,
    /// How many networks match, on all pages.
    pub total: i64,
    /// The cursor for the next page, when there is one.
    pub next: Option<String>,
}

/// An organisation found when inviting: (public id, name, number).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundOrganisation {
    pub public_id: String,
    pub name: String,
    pub org_number: String,
}

pub const DIRECTORY_PAGE_SIZE: i64 = 20;
