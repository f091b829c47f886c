//! The overview: what waits for me, what comes next, my drafts, and what
//! changed in my networks since my last visit. The landing page after
//! signing in. A read model over the other rooms' tables (its own SQL in
//! `store`), seen with exactly the guard's rules: what I read through a
//! verified organisation that is an active member now, and what I act on
//! only in the role that acts on it.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use crate::{core::network::NetworkRole, dialogues::DialogueStatus, needs::NeedStatus};
use serde::{Deserialize, Serialize};

pub const DAY_MS: i64 = 86_400_000;
/// How far ahead "Kommande" looks.
pub const UPCOMING_DAYS: i64 = 42;
/// What counts as new on a first visit.
pub const FIRST_VISIT_DAYS: i64 = 14;
/// A visit within this long of the previous one is the same visit (a
/// reload does not empty "since your last visit").
pub const SAME_VISIT_MS: i64 = 3_600_000;
/// The most items a section shows.
pub const SECTION_MAX: i64 = 50;

/// Something with a page of its own: its public id and its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub public_id: String,
    pub name: String,
}

/// A dialogue's record text: the minutes of a meeting or the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextKind {
    Minutes,
    Summary,
}

impl TextKind {
    pub fn parse(code: &str) -> Option<TextKind> {
        match code {
            "minutes" => Some(TextKind::Minutes),
            "summary" => Some(TextKind::Summary),
            _ => None,
        }
    }
}

/// Something that waits for the person to act.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Waiting {
    /// An organisation asks to join a network one of my organisations
    /// coordinates.
    JoinRequest {
        network: Named,
        organisation: String,
        since: i64,
    },
    /// A network invited an organisation I administer.
    Invitation {
        network: Named,
        organisation: String,
        role: NetworkRole,
        since: i64,
    },
    /// Proposed requirements on a need my organisation owns.
    Requirements {
        need: Named,
        network: String,
        count: i64,
        since: i64,
    },
    /// Minutes (of the meeting that started at `meeting`) or a summary of
    /// a dialogue my organisation hosts, written but not approved.
    Text {
        dialogue: Named,
        network: String,
        kind: TextKind,
        meeting: Option<i64>,
        since: i64,
    },
    /// A person asks to join an organisation I administer.
    Person {
        organisation: Named,
        person: String,
        since: i64,
    },
    /// Organisations waiting for a site admin to verify them.
    Verification { count: i64, since: i64 },
}

impl Waiting {
    /// The page where it is handled, at the part that handles it.
    pub fn href(&self) -> String {
        match self {
            Waiting::JoinRequest { network, .. } => {
                format!("/natverk/{}#ansokningar", network.public_id)
            }
            Waiting::Invitation { .. } => "/natverk/mina#inbjudningar".to_string(),
            Waiting::Requirements { need, .. } => format!("/behov/{}#krav", need.public_id),
            Waiting::Text { dialogue, .. } => format!("/dialoger/{}#protokoll", dialogue.public_id),
            Waiting::Person { organisation, .. } => {
                format!("/organisationer/{}#ansokningar", organisation.public_id)
            }
            Waiting::Verification { .. } => "/organisationer/ansprak".to_string(),
        }
    }
}

/// A meeting or an answer deadline ahead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Occasion {
    Meeting {
        ends_at: i64,
        place: String,
        online: bool,
    },
    Deadline,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upcoming {
    pub at: i64,
    pub occasion: Occasion,
    pub dialogue: Named,
    pub network: String,
    pub status: DialogueStatus,
    /// One of my organisations is registered for the dialogue.
    pub registered: bool,
}

/// A need of my organisation, not yet shared, that I may edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub need: Named,
    pub network: String,
    pub organisation: String,
    pub updated_at: i64,
}

/// What a change is about: the page it links to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    Need(Named),
    Dialogue(Named),
    Network(Named),
}

impl Subject {
    pub fn href(&self) -> String {
        match self {
            Subject::Need(n) => format!("/behov/{}", n.public_id),
            Subject::Dialogue(d) => format!("/dialoger/{}", d.public_id),
            Subject::Network(n) => format!("/natverk/{}", n.public_id),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Subject::Need(n) | Subject::Dialogue(n) | Subject::Network(n) => &n.name,
        }
    }
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// A need shared by `owner`.
    NeedShared {
        owner: String,
    },
    /// A need edited or moved on; its status now.
    NeedChanged {
        status: NeedStatus,
    },
    DialoguePlanned,
    /// A dialogue moved on; its status now.
    DialogueMoved {
        status: DialogueStatus,
    },
    /// Questions and answers published.
    Answers {
        count: i64,
    },
    Approved {
        kind: TextKind,
    },
    /// An organisation became a member of the network.
    Member {
        organisation: String,
    },
    /// Comments by others.
    Comments {
        count: i64,
    },
}

/// One change in a network since the last visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct News {
    pub at: i64,
    pub network: String,
    pub subject: Subject,
    pub change: Change,
}

/// One of my organisations, as far as getting started goes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyOrganisation {
    pub public_id: String,
    pub name: String,
    /// My request to belong to it waits for its admin.
    pub pending: bool,
    pub verified: bool,
    /// The networks it is an active member of.
    pub networks: i64,
}

/// The next step of someone who cannot take part yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Start {
    /// Takes part in at least one network.
    Ready,
    /// A verified organisation, but in no network.
    NoNetwork,
    /// Organisations not yet verified by a Samråd administrator.
    NotVerified(Vec<String>),
    /// Requests to belong to organisations, waiting for their admins.
    Pending(Vec<String>),
    /// The email address is not confirmed, so no organisation can be
    /// registered yet.
    ConfirmEmail,
    NoOrganisation,
}

impl Start {
    /// The first thing that holds the person back.
    pub fn of(organisations: &[MyOrganisation], email_verified: bool) -> Start {
        let active = || organisations.iter().filter(|o| !o.pending);
        let names = |list: Vec<&MyOrganisation>| list.into_iter().map(|o| o.name.clone()).collect();
        let verified: Vec<_> = active().filter(|o| o.verified).collect();
        if verified.iter().any(|o| o.networks > 0) {
            return Start::Ready;
        }
        if !verified.is_empty() {
            return Start::NoNetwork;
        }
        let unverified: Vec<_> = active().collect();
        if !unverified.is_empty() {
            return Start::NotVerified(names(unverified));
        }
        let pending: Vec<_> = organisations.iter().filter(|o| o.pending).collect();
        if !pending.is_empty() {
            return Start::Pending(names(pending));
        }
        if email_verified {
            Start::NoOrganisation
        } else {
            Start::ConfirmEmail
        }
    }
}

/// The whole overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub start: Start,
    pub waiting: Vec<Waiting>,
    pub upcoming: Vec<Upcoming>,
    pub drafts: Vec<Draft>,
    pub news: Vec<News>,
    /// "Since your last visit" counts from here.
    pub since: i64,
    /// No earlier visit: `since` is the last two weeks.
    pub first_visit: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organisation(name: &str, pending: bool, verified: bool, networks: i64) -> MyOrganisation {
        MyOrganisation {
            public_id: name.to_lowercase(),
            name: name.into(),
            pending,
            verified,
            networks,
        }
    }

    #[test]
    fn the_next_step_is_the_first_thing_that_holds_the_person_back() {
        assert_eq!(Start::of(&[], false), Start::ConfirmEmail);
        assert_eq!(Start::of(&[], true), Start::NoOrganisation);
        let waiting = organisation("Lund", true, true, 3);
        assert_eq!(
            Start::of(std::slice::from_ref(&waiting), true),
            Start::Pending(vec!["Lund".into()]),
            "a request that waits gives no networks"
        );
        let unverified = organisation("Umeå", false, false, 0);
        assert_eq!(
            Start::of(&[waiting.clone(), unverified.clone()], true),
            Start::NotVerified(vec!["Umeå".into()])
        );
        let alone = organisation("Solna", false, true, 0);
        assert_eq!(
            Start::of(&[unverified.clone(), alone.clone()], true),
            Start::NoNetwork
        );
        let member = organisation("Kiruna", false, true, 1);
        assert_eq!(Start::of(&[alone, member, unverified], true), Start::Ready);
    }

    #[test]
    fn each_waiting_item_links_to_where_it_is_handled() {
        let named = |id: &str| Named {
            public_id: id.into(),
            name: "X".into(),
        };
        let request = Waiting::JoinRequest {
            network: named("n1"),
            organisation: "Lund".into(),
            since: 0,
        };
        assert_eq!(request.href(), "/natverk/n1#ansokningar");
        let text = Waiting::Text {
            dialogue: named("d1"),
            network: "N".into(),
            kind: TextKind::Minutes,
            meeting: None,
            since: 0,
        };
        assert_eq!(text.href(), "/dialoger/d1#protokoll");
        assert_eq!(Subject::Need(named("b1")).href(), "/behov/b1");
    }
}
