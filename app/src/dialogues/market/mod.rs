//! The market's side of a dialogue: its public part (a page and a board
//! anyone can read, and an Atom feed of the board), suppliers who register
//! and say who comes to each meeting, their questions (seen with the asker
//! by the hosts only), answers and messages sent to every registered
//! supplier at the same moment, and the information log that proves it:
//! what was told, when, and to which suppliers.

pub mod api;
#[cfg(feature = "ssr")]
pub mod feed;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use super::{DialogueFormat, DialogueStatus, QaEntry, QUESTION_MAX, TEXT_MAX};
use crate::error::{AppError, Checker};
use serde::{Deserialize, Serialize};

pub const ATTENDEES_MAX: usize = 500;
pub const SUPPLIER_PLACES_MAX: i64 = 10_000;
/// Dialogues on one page of the board.
pub const BOARD_PAGE: i64 = 20;

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

/// A dialogue on the public board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardItem {
    pub public_id: String,
    pub title: String,
    pub purpose: String,
    pub form: DialogueFormat,
    pub cpv: String,
    pub lan: String,
    pub answer_deadline: i64,
    pub status: DialogueStatus,
    pub announced_at: i64,
    pub hosts: String,
}

/// The board's filters, as the query string sends them. `efter` is the
/// keyset cursor: the last item of the page before.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardQuery {
    #[serde(default)]
    pub avdelning: String,
    #[serde(default)]
    pub lan: String,
    #[serde(default)]
    pub form: String,
    #[serde(default)]
    pub oppen: String,
    #[serde(default)]
    pub svar_fran: String,
    #[serde(default)]
    pub efter: String,
}

/// One page of the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardPage {
    pub items: Vec<BoardItem>,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
    /// A filter that could not be read is named, and left out.
    pub ignored: Vec<String>,
}

/// The board's filters, read: what is not understood is left out and
/// named, so the page can say so rather than show nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// A CPV division: the code's first two digits.
    pub division: Option<String>,
    pub lan: Option<String>,
    pub form: Option<DialogueFormat>,
    /// Only those that take registrations now.
    pub open: bool,
    /// Answer deadline on or after this instant.
    pub deadline_from: Option<i64>,
    /// (announced_at, public id) of the last item seen.
    pub after: Option<(i64, String)>,
    pub ignored: Vec<String>,
}

impl BoardFilter {
    pub fn parse(q: &BoardQuery) -> BoardFilter {
        let mut f = BoardFilter::default();
        let given = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        if let Some(d) = given(&q.avdelning) {
            if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) {
                f.division = Some(d);
            } else {
                f.ignored.push("avdelning".into());
            }
        }
        if let Some(lan) = given(&q.lan) {
            if crate::regions::LanCode::parse(&lan).is_some() {
                f.lan = Some(lan);
            } else {
                f.ignored.push("lan".into());
            }
        }
        if let Some(form) = given(&q.form) {
            match DialogueFormat::parse(&form) {
                Some(form) => f.form = Some(form),
                None => f.ignored.push("form".into()),
            }
        }
        f.open = q.oppen.trim() == "1";
        if let Some(date) = given(&q.svar_fran) {
            match crate::time::parse_stockholm(&date, "00:00") {
                Ok(at) => f.deadline_from = Some(at),
                Err(_) => f.ignored.push("svar_fran".into()),
            }
        }
        if let Some(cursor) = given(&q.efter) {
            f.after = cursor
                .split_once('.')
                .and_then(|(at, id)| Some((at.parse().ok()?, id.to_string())))
                .filter(|(_, id)| id.len() <= 32);
            if f.after.is_none() {
                f.ignored.push("efter".into());
            }
        }
        f
    }

    /// The query string of these filters (without the cursor), for the
    /// next page's link and the feed's address.
    pub fn query(q: &BoardQuery) -> String {
        let pairs = [
            ("avdelning", &q.avdelning),
            ("lan", &q.lan),
            ("form", &q.form),
            ("oppen", &q.oppen),
            ("svar_fran", &q.svar_fran),
        ];
        pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", crate::ui::url_encode(v.trim())))
            .collect::<Vec<_>>()
            .join("&")
    }
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

/// What a supplier's question form sends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AskForm {
    pub supplier: String,
    pub question: String,
}

/// A question, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question(String);

impl Question {
    pub fn parse(form: &AskForm) -> Result<Question, AppError> {
        let mut check = Checker::new();
        let text = check.text("question", &form.question, true, QUESTION_MAX);
        check.finish_form(form)?;
        Ok(Question(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the hosts' answer to a supplier's question sends: which question,
/// the question as it is published, and the answer.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ReplyForm {
    pub asked: String,
    pub wording: String,
    pub reply: String,
}

impl ReplyForm {
    pub fn parse(&self) -> Result<super::QaAnswer, AppError> {
        let mut check = Checker::new();
        let wording = check.text("wording", &self.wording, true, TEXT_MAX);
        let reply = check.text("reply", &self.reply, true, TEXT_MAX);
        check.finish_form(self)?;
        Ok(super::QaAnswer::checked(wording, reply))
    }
}

/// What the message-to-all form sends.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct MessageForm {
    pub message: String,
}

/// A message to all registered suppliers, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message(String);

impl Message {
    pub fn parse(form: &MessageForm) -> Result<Message, AppError> {
        let mut check = Checker::new();
        let text = check.text("message", &form.message, true, TEXT_MAX);
        check.finish_form(form)?;
        Ok(Message(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the invitation form sends: the supplier's country and number.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct InviteForm {
    pub country: String,
    pub identifier: String,
}

/// What the attendance form sends: for which supplier and meeting, who.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AttendForm {
    pub supplier: String,
    pub meeting: String,
    pub attendees: String,
}

/// Who comes, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendees(String);

impl Attendees {
    pub fn parse(form: &AttendForm) -> Result<Attendees, AppError> {
        let mut check = Checker::new();
        let text = check.text("attendees", &form.attendees, true, ATTENDEES_MAX);
        check.finish_form(form)?;
        Ok(Attendees(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the publication form sends: the last time for questions (blank:
/// the answer deadline) and the supplier places per meeting.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PublicationForm {
    #[serde(default)]
    pub question_date: String,
    #[serde(default)]
    pub question_time: String,
    pub supplier_places: String,
    /// `open` (every supplier) or `invited` (a targeted selection).
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub audience_reason: String,
    /// "1": the public page shows the needs covered.
    #[serde(default)]
    pub public_needs: String,
    /// "1": the public page shows the demand summed over them.
    #[serde(default)]
    pub public_demand: String,
    /// "1": suppliers answer in writing (an RFI and an extern remiss
    /// always do).
    #[serde(default)]
    pub written_answers: String,
}

/// Longest justification of a targeted selection.
pub const REASON_MAX: usize = 2000;

/// Who a dialogue is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    Open,
    /// A targeted selection, never without the hosts' justification.
    Invited(String),
}

impl Audience {
    pub fn code(&self) -> &'static str {
        match self {
            Audience::Open => "open",
            Audience::Invited(_) => "invited",
        }
    }

    pub fn reason(&self) -> &str {
        match self {
            Audience::Open => "",
            Audience::Invited(reason) => reason,
        }
    }
}

/// The hosts' choices for the public part, checked against the dialogue's
/// answer deadline and the present.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publication {
    pub question_deadline: Option<i64>,
    pub supplier_places: i64,
    pub audience: Audience,
    pub needs: bool,
    pub demand: bool,
    /// Written answers are taken (besides the forms that always take them).
    pub written: bool,
}

/// What is fixed once a dialogue is announced: who it is for, which
/// opt-in parts its public page shows, and whether it takes written answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announced {
    pub audience: Audience,
    pub needs: bool,
    pub demand: bool,
    pub written: bool,
}

impl Publication {
    /// `announced`: who the dialogue is for is fixed once it is public.
    pub fn parse(
        form: &PublicationForm,
        answer_deadline: i64,
        now_ms: i64,
        announced: Option<&Announced>,
    ) -> Result<Publication, AppError> {
        use crate::error::FieldProblem;
        let mut check = Checker::new();
        let audience = match form.audience.trim() {
            "" | "open" => Some(Audience::Open),
            "invited" => {
                let reason = check.text("audience_reason", &form.audience_reason, true, REASON_MAX);
                Some(Audience::Invited(reason))
            }
            _ => {
                check.refuse("audience", FieldProblem::InvalidChoice);
                None
            }
        };
        let needs = form.public_needs.trim() == "1";
        let demand = form.public_demand.trim() == "1";
        let written = form.written_answers.trim() == "1";
        if let Some(fixed) = announced {
            if audience.as_ref().is_some_and(|a| *a != fixed.audience) {
                check.refuse("audience", FieldProblem::AudienceFixed);
            }
            if needs != fixed.needs || demand != fixed.demand || written != fixed.written {
                check.refuse("public_parts", FieldProblem::PublicPartFixed);
            }
        }
        let blank = form.question_date.trim().is_empty() && form.question_time.trim().is_empty();
        let question_deadline = if blank {
            None
        } else {
            match crate::time::parse_stockholm(&form.question_date, &form.question_time) {
                Ok(at) if at <= now_ms => {
                    check.refuse("question_deadline", FieldProblem::InThePast);
                    None
                }
                Ok(at) if at > answer_deadline => {
                    check.refuse("question_deadline", FieldProblem::AfterAnswerDeadline);
                    None
                }
                Ok(at) => Some(at),
                Err(_) => {
                    let problem = if form.question_date.trim().is_empty()
                        || form.question_time.trim().is_empty()
                    {
                        FieldProblem::Required
                    } else {
                        FieldProblem::NoSuchDate
                    };
                    check.refuse("question_deadline", problem);
                    None
                }
            }
        };
        let places = check.number(
            "supplier_places",
            &form.supplier_places,
            1,
            SUPPLIER_PLACES_MAX,
        );
        check.finish_form(form)?;
        Ok(Publication {
            question_deadline,
            supplier_places: places.ok_or(AppError::BadRequest)?,
            audience: audience.ok_or(AppError::BadRequest)?,
            needs,
            demand,
            written,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldProblem;

    #[test]
    fn the_board_reads_its_filters_and_names_what_it_cannot() {
        let f = BoardFilter::parse(&BoardQuery {
            avdelning: "34".into(),
            lan: "01".into(),
            form: "rfi".into(),
            oppen: "1".into(),
            svar_fran: "2027-01-15".into(),
            efter: "1700000000000.abc".into(),
        });
        assert_eq!(f.division.as_deref(), Some("34"));
        assert_eq!(f.lan.as_deref(), Some("01"));
        assert_eq!(f.form, Some(DialogueFormat::Rfi));
        assert!(f.open && f.deadline_from.is_some() && f.ignored.is_empty());
        assert_eq!(f.after, Some((1_700_000_000_000, "abc".into())));
        let bad = BoardFilter::parse(&BoardQuery {
            avdelning: "3".into(),
            lan: "99".into(),
            form: "auktion".into(),
            svar_fran: "i morgon".into(),
            efter: "x".into(),
            ..BoardQuery::default()
        });
        assert_eq!(
            bad,
            BoardFilter {
                ignored: vec![
                    "avdelning".into(),
                    "lan".into(),
                    "form".into(),
                    "svar_fran".into(),
                    "efter".into()
                ],
                ..BoardFilter::default()
            }
        );
    }

    #[test]
    fn a_targeted_selection_needs_its_reason_and_stays_once_announced() {
        let form = |audience: &str, reason: &str| PublicationForm {
            supplier_places: "5".into(),
            audience: audience.into(),
            audience_reason: reason.into(),
            ..PublicationForm::default()
        };
        let parse = |f: &PublicationForm, announced: Option<&Announced>| {
            Publication::parse(f, i64::MAX, 0, announced)
        };
        let err = parse(&form("invited", " "), None).unwrap_err();
        assert_eq!(
            err.field_problem("audience_reason"),
            Some(FieldProblem::Required)
        );
        let ok = parse(&form("invited", "Tre tillverkare finns."), None).unwrap();
        assert_eq!(
            ok.audience,
            Audience::Invited("Tre tillverkare finns.".into())
        );
        assert_eq!(parse(&form("", ""), None).unwrap().audience, Audience::Open);
        let err = parse(&form("alla", ""), None).unwrap_err();
        assert_eq!(
            err.field_problem("audience"),
            Some(FieldProblem::InvalidChoice)
        );
        let open = Announced {
            audience: Audience::Open,
            needs: false,
            demand: false,
            written: false,
        };
        let err = parse(&form("invited", "Skäl"), Some(&open)).unwrap_err();
        assert_eq!(
            err.field_problem("audience"),
            Some(FieldProblem::AudienceFixed)
        );
        assert!(parse(&form("open", ""), Some(&open)).is_ok());
        let invited = Announced {
            audience: Audience::Invited("Skäl".into()),
            ..open.clone()
        };
        let err = parse(&form("invited", "Ett annat skäl"), Some(&invited)).unwrap_err();
        assert_eq!(
            err.field_problem("audience"),
            Some(FieldProblem::AudienceFixed),
            "the reason too"
        );
        let more = PublicationForm {
            public_needs: "1".into(),
            ..form("open", "")
        };
        assert!(parse(&more, None).unwrap().needs);
        let err = parse(&more, Some(&open)).unwrap_err();
        assert_eq!(
            err.field_problem("public_parts"),
            Some(FieldProblem::PublicPartFixed)
        );
    }

    #[test]
    fn the_question_deadline_lies_between_now_and_the_answer_deadline() {
        let now = crate::time::parse_stockholm("2027-01-01", "12:00").unwrap();
        let answers = crate::time::parse_stockholm("2027-03-01", "12:00").unwrap();
        let form = |date: &str, time: &str, places: &str| PublicationForm {
            question_date: date.into(),
            question_time: time.into(),
            supplier_places: places.into(),
            ..PublicationForm::default()
        };
        let ok = Publication::parse(&form("2027-02-01", "12:00", "5"), answers, now, None).unwrap();
        assert_eq!(ok.supplier_places, 5);
        assert!(ok.question_deadline.is_some());
        assert_eq!(
            Publication::parse(&form("", "", "5"), answers, now, None)
                .unwrap()
                .question_deadline,
            None
        );
        for (date, time, places, field, problem) in [
            (
                "2026-12-01",
                "12:00",
                "5",
                "question_deadline",
                FieldProblem::InThePast,
            ),
            (
                "2027-04-01",
                "12:00",
                "5",
                "question_deadline",
                FieldProblem::AfterAnswerDeadline,
            ),
            (
                "2027-02-01",
                "",
                "5",
                "question_deadline",
                FieldProblem::Required,
            ),
            (
                "2027-02-01",
                "12:00",
                "0",
                "supplier_places",
                FieldProblem::OutOfRange {
                    min: 1,
                    max: SUPPLIER_PLACES_MAX,
                },
            ),
        ] {
            let err =
                Publication::parse(&form(date, time, places), answers, now, None).unwrap_err();
            assert_eq!(
                err.field_problem(field),
                Some(problem),
                "{date} {time} {places}"
            );
            assert_eq!(err.sent_value("question_date"), Some(date));
        }
    }
}
