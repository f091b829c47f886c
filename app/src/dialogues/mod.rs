//! Joint market dialogues: planned by host organisations of a network for
//! one or more of its needs, with meetings in Stockholm time, registrations
//! up to a capacity, calendar files, a Q&A log that never names the asker,
//! minutes and a summary that freeze when approved, and a record to file.
//!
//! This room holds the dialogue itself: its plan (`plan`, and the form in
//! `plan_form`), page, lifecycle, hosts, Q&A, calendar files and how its
//! actions read in the log (`log`). Three sub-rooms hold the rest:
//! `edit` (correcting a plan before the dialogue is held), `registration`
//! (registering, withdrawing, who attends) and `record` (minutes and
//! summary, their approval and versions, the record to file). The
//! market's side has `market` (the public part), `answers` (written
//! answers), `documents` (the hosts' documents) and `slots` (individual
//! meetings).

pub mod answers;
pub mod api;
#[cfg(feature = "ssr")]
pub mod calendar;
pub mod documents;
pub mod edit;
#[cfg(feature = "ssr")]
mod log;
pub mod market;
pub mod pages;
#[cfg(feature = "ssr")]
mod plan;
mod plan_form;
pub mod record;
pub mod registration;
pub mod slots;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;
mod times;

#[cfg(feature = "ssr")]
pub use plan::{NewDialogue, NewMeeting};
pub use record::{DialogueRecord, RecordText, RequirementChange, RequirementRef};
pub use registration::{RegisterFor, Registration};

use crate::error::{AppError, Checker, FieldProblem};
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 200;
pub const TEXT_MAX: usize = 8000;
pub const QUESTION_MAX: usize = 1000;
pub const PLACE_MAX: usize = 300;
pub const LINK_MAX: usize = 500;
pub const CAPACITY_MAX: i64 = 10_000;
/// Meetings in one plan: the rows its form has.
pub const MEETINGS_MAX: usize = 8;
/// Questions to the market in one dialogue, one a line.
pub const QUESTIONS_MAX: usize = 50;

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

    /// The plan may be corrected until the dialogue is held.
    pub fn editable(self) -> bool {
        matches!(self, DialogueStatus::Planned | DialogueStatus::Announced)
    }

    /// Whether the dialogue has been held (or is being held): the time
    /// for minutes and a summary.
    pub fn held(self) -> bool {
        !matches!(self, DialogueStatus::Planned | DialogueStatus::Announced)
    }
}

/// How the market is met (the form's and the table's `form`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DialogueFormat {
    Rfi,
    Dialogmote,
    EnskildaMoten,
    Workshop,
    Hearing,
    Webbinarium,
    ExternRemiss,
}

impl DialogueFormat {
    /// An RFI and an extern remiss are written dialogues: suppliers
    /// answer in writing whatever the hosts choose.
    pub fn takes_written_answers(self) -> bool {
        matches!(self, DialogueFormat::Rfi | DialogueFormat::ExternRemiss)
    }

    pub const ALL: [DialogueFormat; 7] = [
        DialogueFormat::Rfi,
        DialogueFormat::Dialogmote,
        DialogueFormat::EnskildaMoten,
        DialogueFormat::Workshop,
        DialogueFormat::Hearing,
        DialogueFormat::Webbinarium,
        DialogueFormat::ExternRemiss,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DialogueFormat::Rfi => "rfi",
            DialogueFormat::Dialogmote => "dialogmote",
            DialogueFormat::EnskildaMoten => "enskilda_moten",
            DialogueFormat::Workshop => "workshop",
            DialogueFormat::Hearing => "hearing",
            DialogueFormat::Webbinarium => "webbinarium",
            DialogueFormat::ExternRemiss => "extern_remiss",
        }
    }

    pub fn parse(code: &str) -> Option<DialogueFormat> {
        DialogueFormat::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// One meeting of a dialogue (a "session" in the forms and the tables).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Meeting {
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
    pub form: DialogueFormat,
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
    /// Named `sessions` in the record's JSON, as it always was.
    #[serde(rename = "sessions")]
    pub meetings: Vec<Meeting>,
}

/// A dialogue in its network's list: (public id, title, status, first
/// meeting's start).
pub type ListedDialogue = (String, String, DialogueStatus, Option<i64>);

/// A published question and its answer; who asked is never part of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct QaEntry {
    pub question: String,
    pub answer: String,
    pub published_at: i64,
}

/// What the person may do with a dialogue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogueRights {
    /// Run it: lifecycle, meetings, Q&A, minutes, summary, attendance.
    pub host: bool,
    /// Register an organisation (members and coordinators).
    pub register: bool,
    /// Correct the plan: a host, before the dialogue is held, in a network
    /// that starts things.
    pub edit: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialogueView {
    pub dialogue: Dialogue,
    pub rights: DialogueRights,
    pub registered: i64,
    /// Organisations the person may register or withdraw, with their
    /// registrations.
    pub register_for: Vec<RegisterFor>,
    /// For hosts only.
    pub registrations: Vec<Registration>,
    /// Organisations a host may add as co-hosts: (public id, name).
    pub possible_hosts: Vec<(String, String)>,
    pub qa: Vec<QaEntry>,
    pub texts: Vec<RecordText>,
    /// For hosts: the requirement versions a summary may link to.
    pub requirement_versions: Vec<RequirementRef>,
    /// For hosts: the dialogue towards the market.
    pub market: Option<market::HostView>,
    /// When it takes written answers: those received, as far as the
    /// person may read them.
    pub answers: Option<answers::ReceivedAnswers>,
    /// For hosts: the individual meetings offered and booked.
    pub slots: Option<slots::HostSlots>,
    /// The individual meetings held, for their minutes.
    pub held: Vec<slots::HeldMeeting>,
    /// For hosts: the documents on the public part, and who downloaded them.
    pub documents: Option<documents::HostDocuments>,
}

/// What the plan form sends, as sent. The meetings are rows of repeated
/// fields (`session_date[]`, `session_start[]`, …): row n is the nth value
/// of each, and its problems are named `session_n`. When a plan is
/// corrected, `session_id[]` names the meeting a row showed, and there is
/// no `organisation` (the hosts stay).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DialogueForm {
    #[serde(default)]
    pub organisation: String,
    pub title: String,
    pub purpose: String,
    pub form: String,
    #[serde(default)]
    pub needs: Vec<String>,
    pub questions: String,
    pub cpv: String,
    pub lan: String,
    #[serde(default)]
    pub estimated_value: String,
    pub deadline_date: String,
    pub deadline_time: String,
    pub capacity: String,
    #[serde(default)]
    pub session_date: Vec<String>,
    #[serde(default)]
    pub session_start: Vec<String>,
    #[serde(default)]
    pub session_end: Vec<String>,
    #[serde(default)]
    pub session_place: Vec<String>,
    #[serde(default)]
    pub session_link: Vec<String>,
    #[serde(default)]
    pub session_id: Vec<String>,
}

/// What the dialogue's status form sends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DialogueStatusForm {
    pub status: String,
    pub reason: String,
}

/// One step of the lifecycle, with its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogueStep {
    from: DialogueStatus,
    to: DialogueStatus,
    reason: String,
}

impl DialogueStep {
    /// The step the form asks for from `current`: only the next one, and
    /// never without a reason.
    pub fn parse(form: &DialogueStatusForm, current: DialogueStatus) -> Result<Self, AppError> {
        let mut check = Checker::new();
        let to = DialogueStatus::parse(&form.status).filter(|next| current.can_become(*next));
        if to.is_none() {
            check.refuse("status", FieldProblem::InvalidChoice);
        }
        let reason = check.text("reason", &form.reason, true, crate::networks::REASON_MAX);
        check.finish_form(form)?;
        Ok(DialogueStep {
            from: current,
            to: to.ok_or(AppError::BadRequest)?,
            reason,
        })
    }

    pub fn from(&self) -> DialogueStatus {
        self.from
    }
    pub fn to(&self) -> DialogueStatus {
        self.to
    }
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// What the Q&A form sends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct QaForm {
    pub question: String,
    pub answer: String,
}

/// A question as received and its answer, to publish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QaAnswer {
    question: String,
    answer: String,
}

impl QaAnswer {
    /// For forms of the dialogue's own sub-rooms, which check the two
    /// texts under their own field names.
    pub(in crate::dialogues) fn checked(question: String, answer: String) -> Self {
        QaAnswer { question, answer }
    }

    pub fn parse(form: &QaForm) -> Result<Self, AppError> {
        let mut check = Checker::new();
        let question = check.text("question", &form.question, true, TEXT_MAX);
        let answer = check.text("answer", &form.answer, true, TEXT_MAX);
        check.finish_form(form)?;
        Ok(QaAnswer { question, answer })
    }

    pub fn question(&self) -> &str {
        &self.question
    }
    pub fn answer(&self) -> &str {
        &self.answer
    }
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

    #[test]
    fn a_status_step_is_the_next_one_with_a_reason() {
        let form = |status: &str, reason: &str| DialogueStatusForm {
            status: status.into(),
            reason: reason.into(),
        };
        let step =
            DialogueStep::parse(&form("announced", " På TED "), DialogueStatus::Planned).unwrap();
        assert_eq!(
            (step.from(), step.to()),
            (DialogueStatus::Planned, DialogueStatus::Announced)
        );
        assert_eq!(step.reason(), "På TED");
        let err = DialogueStep::parse(&form("open", ""), DialogueStatus::Planned).unwrap_err();
        assert_eq!(
            err.field_problem("status"),
            Some(FieldProblem::InvalidChoice)
        );
        assert_eq!(err.field_problem("reason"), Some(FieldProblem::Required));
        assert_eq!(err.sent_value("status"), Some("open"));
        let long = "x".repeat(crate::networks::REASON_MAX + 1);
        let err =
            DialogueStep::parse(&form("announced", &long), DialogueStatus::Planned).unwrap_err();
        assert!(matches!(
            err.field_problem("reason"),
            Some(FieldProblem::TooLong { .. })
        ));
    }

    #[test]
    fn a_published_answer_has_both_a_question_and_an_answer() {
        let form = |question: &str, answer: &str| QaForm {
            question: question.into(),
            answer: answer.into(),
        };
        let qa = QaAnswer::parse(&form(" Får vi lämna förslag? ", "Ja.")).unwrap();
        assert_eq!(
            (qa.question(), qa.answer()),
            ("Får vi lämna förslag?", "Ja.")
        );
        let err = QaAnswer::parse(&form("", " ")).unwrap_err();
        assert_eq!(err.field_problem("question"), Some(FieldProblem::Required));
        assert_eq!(err.field_problem("answer"), Some(FieldProblem::Required));
        let err = QaAnswer::parse(&form("Fråga", &"x".repeat(TEXT_MAX + 1))).unwrap_err();
        assert_eq!(err.field_problem("question"), None);
        assert_eq!(err.sent_value("question"), Some("Fråga"));
    }
}
