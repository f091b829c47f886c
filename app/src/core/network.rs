//! A network's roles and lifecycle, and the table of who may do what in
//! it: every room asks `Access::can` (through the guard), none decides
//! for itself.

use serde::{Deserialize, Serialize};

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

    /// Whether an organisation in this role writes (observers only read).
    pub fn writes(self) -> bool {
        self >= NetworkRole::Member
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
    /// Comment, declare interest, propose requirements, register for a
    /// dialogue: taking part in what exists.
    Post,
    /// Start something new: a need or a dialogue.
    Start,
    /// Change what an organisation owns (a need, a dialogue it hosts):
    /// the owner while it writes in the network, or a coordinator.
    EditOwned,
    /// What only the owner itself does (hosting a dialogue's record).
    ActAsOwner,
    /// Lifecycle, decisions on members, invitations, the calendar secret.
    Govern,
    /// Read the audit log, waiting requests and invitations: what
    /// coordinators read, in every state.
    SeeLog,
    /// Hide a comment: possible in every state, since unlawful content
    /// must be removable even from an archive.
    Moderate,
}

/// Why an action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The person may not know the network exists.
    Unknown,
    /// The person may know it but lacks the right.
    NoRight,
    /// A closed network is read-only.
    Closed,
    /// A dormant network starts nothing new.
    Dormant,
}

impl Action {
    /// Whether the action changes something.
    pub fn writes(self) -> bool {
        !matches!(
            self,
            Action::SeeListing | Action::ReadContent | Action::SeeLog
        )
    }
}

impl Access {
    /// The table of who may do what. `owner_writes` says whether the
    /// person belongs to the organisation that owns the thing acted on,
    /// and that organisation writes in the network now.
    pub fn can(
        self,
        action: Action,
        visibility: Visibility,
        status: NetworkStatus,
        owner_writes: bool,
    ) -> Result<(), Refusal> {
        use Access::*;
        let knows = match self {
            Anonymous => false,
            SignedIn => visibility == Visibility::Listed,
            SiteAdmin | Observer | Member | Coordinator => true,
        };
        if !knows {
            return Err(Refusal::Unknown);
        }
        let right = match action {
            Action::SeeListing => true,
            Action::ReadContent => matches!(self, Observer | Member | Coordinator),
            Action::Post | Action::Start => matches!(self, Member | Coordinator),
            Action::EditOwned => owner_writes || self == Coordinator,
            Action::ActAsOwner => owner_writes,
            Action::Govern | Action::SeeLog | Action::Moderate => self == Coordinator,
        };
        if !right {
            return Err(Refusal::NoRight);
        }
        match (status, action) {
            (_, Action::Moderate) => Ok(()),
            (NetworkStatus::Closed, a) if a.writes() => Err(Refusal::Closed),
            (NetworkStatus::Dormant, Action::Start) => Err(Refusal::Dormant),
            _ => Ok(()),
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

    fn can(access: Access, action: Action, visibility: Visibility) -> bool {
        access
            .can(action, visibility, NetworkStatus::Active, false)
            .is_ok()
    }

    #[test]
    fn the_access_table() {
        use Access::*;
        use Action::*;
        let listed = Visibility::Listed;
        let hidden = Visibility::Hidden;
        assert!(!can(Anonymous, SeeListing, listed));
        assert!(can(SignedIn, SeeListing, listed) && !can(SignedIn, SeeListing, hidden));
        assert!(!can(SignedIn, ReadContent, listed));
        assert!(can(SiteAdmin, SeeListing, hidden) && !can(SiteAdmin, ReadContent, hidden));
        assert!(can(Observer, ReadContent, hidden) && !can(Observer, Post, hidden));
        assert!(can(Member, Post, listed) && !can(Member, Govern, listed));
        assert!(can(Coordinator, Govern, hidden));
        assert!(!can(Member, EditOwned, listed) && can(Coordinator, EditOwned, listed));
        assert!(!can(Coordinator, ActAsOwner, listed));
    }

    #[test]
    fn a_closed_network_only_reads_and_a_dormant_one_starts_nothing() {
        use Action::*;
        let at = |status, action| Access::Coordinator.can(action, Visibility::Listed, status, true);
        for action in [Post, Start, EditOwned, ActAsOwner, Govern] {
            assert_eq!(at(NetworkStatus::Closed, action), Err(Refusal::Closed));
        }
        assert!(at(NetworkStatus::Closed, ReadContent).is_ok());
        assert!(at(NetworkStatus::Closed, SeeLog).is_ok());
        assert!(at(NetworkStatus::Closed, Moderate).is_ok());
        assert_eq!(at(NetworkStatus::Dormant, Start), Err(Refusal::Dormant));
        assert!(at(NetworkStatus::Dormant, Post).is_ok());
        assert!(at(NetworkStatus::Forming, Start).is_ok());
    }

    #[test]
    fn an_outsider_is_refused_before_the_state_is_told() {
        assert_eq!(
            Access::SignedIn.can(
                Action::Post,
                Visibility::Hidden,
                NetworkStatus::Closed,
                false
            ),
            Err(Refusal::Unknown)
        );
        assert_eq!(
            Access::Observer.can(
                Action::Post,
                Visibility::Hidden,
                NetworkStatus::Closed,
                false
            ),
            Err(Refusal::NoRight)
        );
    }
}
