//! The market's side of a dialogue: its public part (a page and, in
//! `board`, a board anyone can read with an Atom feed), suppliers who
//! register and say who comes to each meeting, their questions (seen with
//! the asker by the hosts only), answers and messages sent to every
//! registered supplier at the same moment, and the information log that
//! proves it: what was told, when, and to which suppliers.

pub mod api;
pub mod board;
mod forms;
pub mod hosts;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use super::{DialogueFormat, DialogueStatus, QaEntry};
use serde::{Deserialize, Serialize};

pub use forms::{
    Announced, AskForm, AttendForm, Attendees, Audience, InviteForm, Message, MessageForm,
    Publication, PublicationForm, Question, ReplyForm, REASON_MAX,
};

pub const ATTENDEES_MAX: usize = 500;
pub const SUPPLIER_PLACES_MAX: i64 = 10_000;

/// A meeting as the public sees it: its web link only for registered
/// suppliers, and how many supplier places are left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicMeeting {
    pub public_id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    /// Empty unless the person acts for a registered supplier.
    pub link: String,
    /// Whether the meeting has a link that registered suppliers get.
    pub has_link: bool,
    pub places_left: i64,
}

/// A message to all registered suppliers, or a change the hosts made
/// after the announcement, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicMessage {
    pub at: i64,
    pub change: bool,
    pub body: String,
}

/// One of the person's suppliers, on a dialogue's public page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierPart {
    pub public_id: String,
    pub name: String,
    pub registered: bool,
    /// (meeting's public id, who comes) for the meetings it comes to.
    pub attending: Vec<(String, String)>,
}

/// A dialogue's public part, and what the person may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicView {
    pub public_id: String,
    pub title: String,
    pub purpose: String,
    pub form: DialogueFormat,
    pub cpv: String,
    pub lan: String,
    pub estimated_value: Option<i64>,
    pub answer_deadline: i64,
    pub question_deadline: i64,
    pub status: DialogueStatus,
    pub announced_at: i64,
    pub hosts: Vec<String>,
    pub questions: Vec<String>,
    pub meetings: Vec<PublicMeeting>,
    pub qa: Vec<QaEntry>,
    pub messages: Vec<PublicMessage>,
    pub signed_in: bool,
    /// The person's suppliers, each with its part in the dialogue.
    pub suppliers: Vec<SupplierPart>,
    pub registrations_open: bool,
    pub questions_open: bool,
    /// Archived, or its network closed: nothing more is taken.
    pub frozen: bool,
    /// For invited suppliers only.
    pub targeted: bool,
    /// The needs covered, when the hosts chose to show them.
    pub needs: Vec<crate::needs::PublicNeed>,
    /// The demand summed over them, when the hosts chose to show it.
    pub demand: Option<crate::needs::PublicDemand>,
    /// The person is one of the hosts: a link to the dialogue's own page.
    pub host: bool,
    /// Suppliers answer in writing, and whether answers are still taken.
    pub takes_answers: bool,
    pub answers_open: bool,
    /// The individual meetings offered, if any.
    pub slots: Option<crate::dialogues::slots::OfferedSlots>,
    /// The hosts' documents, if any.
    pub documents: Option<crate::dialogues::documents::PublicDocuments>,
}

/// A supplier's question as the hosts see it, with who asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskedQuestion {
    pub public_id: String,
    pub body: String,
    pub supplier: String,
    pub asked_at: i64,
    pub answered: bool,
}

/// A registered supplier, for the hosts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredSupplier {
    pub name: String,
    pub country: String,
    /// In full: hosts see an enskild firma's number.
    pub identifier: String,
    pub registered_at: i64,
    /// (meeting's start, who comes).
    pub attending: Vec<(i64, String)>,
}

/// What kind of entry the information log holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InformationKind {
    Announced,
    Changed,
    Answer,
    Message,
    Invited,
    Registered,
    Withdrawn,
}

impl InformationKind {
    pub const ALL: [InformationKind; 7] = [
        InformationKind::Announced,
        InformationKind::Changed,
        InformationKind::Answer,
        InformationKind::Message,
        InformationKind::Invited,
        InformationKind::Registered,
        InformationKind::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InformationKind::Announced => "announced",
            InformationKind::Changed => "changed",
            InformationKind::Answer => "answer",
            InformationKind::Message => "message",
            InformationKind::Invited => "invited",
            InformationKind::Registered => "registered",
            InformationKind::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<InformationKind> {
        InformationKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One entry of the information log: what suppliers were told and to
/// which of them (those registered at that moment), or who registered or
/// withdrew.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InformationEntry {
    pub at: i64,
    pub kind: InformationKind,
    pub body: String,
    /// The supplier who registered or withdrew.
    pub supplier: Option<String>,
    /// The suppliers registered when it was told, by name.
    pub recipients: Vec<String>,
}

/// The market part of the dialogue page, for hosts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostView {
    pub public_id: String,
    pub published: bool,
    pub editable: bool,
    pub question_deadline: Option<i64>,
    pub supplier_places: i64,
    /// A targeted selection of suppliers, and why.
    pub targeted: bool,
    pub audience_reason: String,
    /// The opt-in parts of the public page.
    pub public_needs: bool,
    pub public_demand: bool,
    /// The hosts take written answers; `always_written` when the form
    /// (an RFI, an extern remiss) takes them anyway.
    pub written_answers: bool,
    pub always_written: bool,
    /// The suppliers invited, by name.
    pub invited: Vec<String>,
    pub questions: Vec<AskedQuestion>,
    pub suppliers: Vec<RegisteredSupplier>,
    pub information: Vec<InformationEntry>,
}
