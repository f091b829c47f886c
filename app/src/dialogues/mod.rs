//! Joint market dialogues: planned by host organisations of a network for
//! one or more of its needs, with sessions in Stockholm time, registrations
//! up to a capacity, calendar files, a Q&A log that never names the asker,
//! minutes and a summary that freeze when approved, and a record to file.

pub mod api;
#[cfg(feature = "ssr")]
pub mod calendar;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 200;
pub const TEXT_MAX: usize = 8000;
pub const QUESTION_MAX: usize = 1000;
pub const PLACE_MAX: usize = 300;
pub const ATTENDEES_MAX: usize = 500;
pub const CAPACITY_MAX: i64 = 10_000;
/// Links from a summary to the requirement versions the dialogue changed.
pub const CHANGES_MAX: usize = 30;
/// Blank rows the summary form offers for new links (no JavaScript needed).
pub const CHANGE_ROWS_BLANK: usize = 3;

/// planned → announced → open → closed → summarised → archived
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DialogueStatus {
    Planned,
    Announced,
    Open,
    Closed,
    Summarised,
    Archived,
}

impl DialogueStatus {
    pub const ALL: [DialogueStatus; 6] = [
        DialogueStatus::Planned,
        DialogueStatus::Announced,
        DialogueStatus::Open,
        DialogueStatus::Closed,
        DialogueStatus::Summarised,
        DialogueStatus::Archived,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DialogueStatus::Planned => "planned",
            DialogueStatus::Announced => "announced",
            DialogueStatus::Open => "open",
            DialogueStatus::Closed => "closed",
            DialogueStatus::Summarised => "summarised",
            DialogueStatus::Archived => "archived",
        }
    }

    pub fn parse(code: &str) -> Option<DialogueStatus> {
        DialogueStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Each step leads only to the next.
    pub fn can_become(self, next: DialogueStatus) -> bool {
        let at = |s: DialogueStatus| DialogueStatus::ALL.iter().position(|x| *x == s);
        matches!((at(self), at(next)), (Some(a), Some(b)) if b == a + 1)
    }

    /// Registrations are taken while announced or open.
    pub fn takes_registrations(self) -> bool {
        matches!(self, DialogueStatus::Announced | DialogueStatus::Open)
    }
}

/// How the market is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DialogueForm {
    Rfi,
    Dialogmote,
    EnskildaMoten,
    Workshop,
    Hearing,
    Webbinarium,
    ExternRemiss,
}

impl DialogueForm {
    pub const ALL: [DialogueForm; 7] = [
        DialogueForm::Rfi,
        DialogueForm::Dialogmote,
        DialogueForm::EnskildaMoten,
        DialogueForm::Workshop,
        DialogueForm::Hearing,
        DialogueForm::Webbinarium,
        DialogueForm::ExternRemiss,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DialogueForm::Rfi => "rfi",
            DialogueForm::Dialogmote => "dialogmote",
            DialogueForm::EnskildaMoten => "enskilda_moten",
            DialogueForm::Workshop => "workshop",
            DialogueForm::Hearing => "hearing",
            DialogueForm::Webbinarium => "webbinarium",
            DialogueForm::ExternRemiss => "extern_remiss",
        }
    }

    pub fn parse(code: &str) -> Option<DialogueForm> {
        DialogueForm::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// One meeting of a dialogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub public_id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub link: String,
}

/// A dialogue as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dialogue {
    pub public_id: String,
    pub network_public_id: String,
    pub network_name: String,
    pub title: String,
    pub purpose: String,
    pub form: DialogueForm,
    pub cpv: String,
    pub lan: String,
    pub estimated_value: Option<i64>,
    pub answer_deadline: i64,
    pub capacity: i64,
    pub status: DialogueStatus,
    pub hosts: Vec<String>,
    /// (public id, title) of the needs covered.
    pub needs: Vec<(String, String)>,
    pub questions: Vec<String>,
    pub sessions: Vec<Session>,
}

/// An organisation's registration, for hosts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub organisation: String,
    pub attendees: String,
    pub registered_at: i64,
}

/// A published question and its answer; who asked is never part of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QaEntry {
    pub question: String,
    pub answer: String,
    pub published_at: i64,
}

/// Minutes of a session or the dialogue's summary, in one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordText {
    pub public_id: String,
    /// The session the minutes are for; `None` for the summary.
    pub session: Option<String>,
    pub body: String,
    /// `body` as Markdown, rendered safely.
    pub body_html: String,
    pub approved: bool,
    pub written_by: String,
    pub written_at: i64,
    pub approved_by: String,
    pub approved_at: Option<i64>,
    /// The earlier version this one replaces.
    pub supersedes: Option<String>,
    /// For a summary: which input changed which requirement.
    pub changes: Vec<RequirementChange>,
}

/// One version of a requirement in a need the dialogue covers: what a
/// summary can point to when the dialogue changed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementRef {
    pub need: String,
    pub need_title: String,
    pub requirement: String,
    pub version: i64,
    /// The requirement's text in that version.
    pub text: String,
}

impl RequirementRef {
    /// How a form names this version.
    pub fn key(&self) -> String {
        format!("{}:{}", self.requirement, self.version)
    }

    /// Where the need's history shows this version.
    pub fn href(&self) -> String {
        format!(
            "/behov/{}/historik#krav-{}-v{}",
            self.need, self.requirement, self.version
        )
    }
}

/// Input from the dialogue and the requirement version it led to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementChange {
    pub requirement: RequirementRef,
    pub input: String,
}

/// What the person may do with a dialogue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogueRights {
    /// Run it: lifecycle, sessions, Q&A, minutes, summary, attendance.
    pub host: bool,
    /// Register an organisation (members and coordinators).
    pub register: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogueView {
    pub dialogue: Dialogue,
    pub rights: DialogueRights,
    pub registered: i64,
    /// Organisations the person may register or withdraw: (public id,
    /// name, registered already).
    pub register_for: Vec<(String, String, bool)>,
    /// For hosts only.
    pub registrations: Vec<Registration>,
    /// Organisations a host may add as co-hosts: (public id, name).
    pub possible_hosts: Vec<(String, String)>,
    pub qa: Vec<QaEntry>,
    pub texts: Vec<RecordText>,
    /// For hosts: the requirement versions a summary may link to.
    pub requirement_versions: Vec<RequirementRef>,
}

/// The record to file: everything the dialogue was, stamped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogueRecord {
    pub exported_at: i64,
    pub exported_by_organisation: String,
    pub diarienummer: String,
    pub dialogue: Dialogue,
    pub registrations: Vec<Registration>,
    pub qa: Vec<QaEntry>,
    pub texts: Vec<RecordText>,
    pub audit: Vec<crate::networks::AuditEntry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_next_step_is_allowed() {
        use DialogueStatus::*;
        let allowed = [
            (Planned, Announced),
            (Announced, Open),
            (Open, Closed),
            (Closed, Summarised),
            (Summarised, Archived),
        ];
        for from in DialogueStatus::ALL {
            for to in DialogueStatus::ALL {
                assert_eq!(
                    from.can_become(to),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
    }
}
