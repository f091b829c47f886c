//! Beställarnätverk: networks of organisations. This room holds their
//! lifecycle, the one place that decides what a person may do in a
//! network (`Access`), creation, joining and invitations, roles, the
//! directory, the network page and the audit log.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 150;
pub const PURPOSE_MAX: usize = 4000;
pub const REASON_MAX: usize = 1000;

/// forming → active ⇄ dormant → closed
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NetworkStatus {
    Forming,
    Active,
    Dormant,
    Closed,
}

impl NetworkStatus {
    pub const ALL: [NetworkStatus; 4] = [
        NetworkStatus::Forming,
        NetworkStatus::Active,
        NetworkStatus::Dormant,
        NetworkStatus::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NetworkStatus::Forming => "forming",
            NetworkStatus::Active => "active",
            NetworkStatus::Dormant => "dormant",
            NetworkStatus::Closed => "closed",
        }
    }

    pub fn parse(code: &str) -> Option<NetworkStatus> {
        NetworkStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The lifecycle's arrows, and only those.
    pub fn can_become(self, next: NetworkStatus) -> bool {
        use NetworkStatus::*;
        matches!(
            (self, next),
            (Forming, Active) | (Active, Dormant) | (Dormant, Active) | (Dormant, Closed)
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visibility {
    /// Anyone signed in sees name, purpose and member organisations.
    Listed,
    /// Only members know it exists.
    Hidden,
}

impl Visibility {
    pub fn code(self) -> &'static str {
        match self {
            Visibility::Listed => "listed",
            Visibility::Hidden => "hidden",
        }
    }

    pub fn parse(code: &str) -> Option<Visibility> {
        [Visibility::Listed, Visibility::Hidden]
            .into_iter()
            .find(|v| v.code() == code)
    }
}

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

/// An organisation's role in a network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NetworkRole {
    Observer,
    Member,
    Coordinator,
}

impl NetworkRole {
    pub fn code(self) -> &'static str {
        match self {
            NetworkRole::Observer => "observer",
            NetworkRole::Member => "member",
            NetworkRole::Coordinator => "coordinator",
        }
    }

    pub fn parse(code: &str) -> Option<NetworkRole> {
        [
            NetworkRole::Observer,
            NetworkRole::Member,
            NetworkRole::Coordinator,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }
}

/// Who the person asking is, for one network: the best role any of their
/// organisations has there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Access {
    Anonymous,
    SignedIn,
    SiteAdmin,
    Observer,
    Member,
    Coordinator,
}

/// What one may want to do in a network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Know it exists: name, purpose, member organisations.
    SeeListing,
    /// Needs, dialogues, discussions, the member list's details.
    ReadContent,
    /// Post needs, comments, declare interest.
    Post,
    /// Lifecycle, decisions on members, the audit log.
    Govern,
}

impl Access {
    pub fn can(self, action: Action, visibility: Visibility) -> bool {
        use Access::*;
        match action {
            Action::SeeListing => match self {
                Anonymous => false,
                SignedIn => visibility == Visibility::Listed,
                SiteAdmin | Observer | Member | Coordinator => true,
            },
            Action::ReadContent => matches!(self, Observer | Member | Coordinator),
            Action::Post => matches!(self, Member | Coordinator),
            Action::Govern => self == Coordinator,
        }
    }

    pub fn from_role(role: NetworkRole) -> Access {
        match role {
            NetworkRole::Observer => Access::Observer,
            NetworkRole::Member => Access::Member,
            NetworkRole::Coordinator => Access::Coordinator,
        }
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

/// One audit entry, for coordinators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: i64,
    pub actor: String,
    pub organisation: String,
    pub action: String,
    pub subject: String,
    pub reason: String,
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkView {
    pub network: Network,
    pub access: Access,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_lifecycle_arrows_are_allowed() {
        use NetworkStatus::*;
        let allowed = [
            (Forming, Active),
            (Active, Dormant),
            (Dormant, Active),
            (Dormant, Closed),
        ];
        for from in NetworkStatus::ALL {
            for to in NetworkStatus::ALL {
                assert_eq!(
                    from.can_become(to),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
    }

    #[test]
    fn the_access_table() {
        use Access::*;
        use Action::*;
        let listed = Visibility::Listed;
        let hidden = Visibility::Hidden;
        assert!(!Anonymous.can(SeeListing, listed));
        assert!(SignedIn.can(SeeListing, listed) && !SignedIn.can(SeeListing, hidden));
        assert!(!SignedIn.can(ReadContent, listed));
        assert!(SiteAdmin.can(SeeListing, hidden) && !SiteAdmin.can(ReadContent, hidden));
        assert!(Observer.can(ReadContent, hidden) && !Observer.can(Post, hidden));
        assert!(Member.can(Post, listed) && !Member.can(Govern, listed));
        assert!(Coordinator.can(Govern, hidden));
    }
}
