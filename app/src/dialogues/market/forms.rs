//! What the market part's forms send, and the types they become: each
//! can only be built valid (`parse`), and says what it refused field by
//! field.

use super::{ATTENDEES_MAX, SUPPLIER_PLACES_MAX};
use crate::dialogues::{QUESTION_MAX, TEXT_MAX};
use crate::error::{AppError, Checker};
use serde::{Deserialize, Serialize};

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
    pub fn parse(&self) -> Result<crate::dialogues::QaAnswer, AppError> {
        let mut check = Checker::new();
        let wording = check.text("wording", &self.wording, true, TEXT_MAX);
        let reply = check.text("reply", &self.reply, true, TEXT_MAX);
        check.finish_form(self)?;
        Ok(crate::dialogues::QaAnswer::checked(wording, reply))
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
