//! A dialogue's record: minutes of each meeting and the summary, written
//! as drafts, frozen when a host approves them and replaced only by a new
//! version; a summary links input to the requirement versions it led to;
//! and the record to file (HTML to print, JSON to keep).

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use super::{Dialogue, QaEntry, Registration};

/// A diarienummer as an exporter typed it: trimmed, at most 100 characters.
pub fn diarienummer(typed: &str) -> String {
    typed.trim().chars().take(100).collect()
}
use crate::core::AuditEntry;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {
    super::{QUESTION_MAX, TEXT_MAX},
    crate::error::{AppError, Checker, FieldProblem},
};

/// Links from a summary to the requirement versions the dialogue changed.
pub const CHANGES_MAX: usize = 30;
/// Blank rows the summary form offers for new links (no JavaScript needed).
pub const CHANGE_ROWS_BLANK: usize = 3;

/// Minutes of a meeting or the dialogue's summary, in one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordText {
    pub public_id: String,
    /// The meeting the minutes are for; `None` for the summary. Named
    /// `session` in the record's JSON, as it always was.
    #[serde(rename = "session")]
    pub meeting: Option<String>,
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
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
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
    pub audit: Vec<AuditEntry>,
    /// What every supplier was told, when, and who was registered then.
    #[serde(default)]
    pub information: Vec<crate::dialogues::market::InformationEntry>,
    /// Every written answer received (each version), for those who may
    /// read the answers.
    #[serde(default)]
    pub answers: Vec<crate::dialogues::answers::Received>,
    /// The individual meetings held, whose minutes are among `texts`;
    /// with whom only in the hosts' export.
    #[serde(default)]
    pub individual: Vec<crate::dialogues::slots::HeldMeeting>,
}

/// What the minutes or summary form sends: the meeting (`session`, empty
/// for the summary), the draft it rewrites (`text`, empty for a first
/// draft), the body, and for a summary pairs of `change` (a requirement
/// version's key) and `input`, row n the nth of each.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TextForm {
    #[serde(default)]
    pub session: String,
    #[serde(default)]
    pub text: String,
    pub body: String,
    #[serde(default)]
    pub change: Vec<String>,
    #[serde(default)]
    pub input: Vec<String>,
}

/// What the new-version form sends: the approved text to supersede, and
/// the new body and links.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NewVersionForm {
    pub text: String,
    pub body: String,
    #[serde(default)]
    pub change: Vec<String>,
    #[serde(default)]
    pub input: Vec<String>,
}

#[cfg(feature = "ssr")]
impl TextForm {
    /// Whether any link row is filled in.
    pub fn links_sent(&self) -> bool {
        !pairs(&self.change, &self.input).is_empty()
    }
}

#[cfg(feature = "ssr")]
impl NewVersionForm {
    pub fn links_sent(&self) -> bool {
        !pairs(&self.change, &self.input).is_empty()
    }
}

/// The filled-in link rows: (row, change, input), trimmed.
#[cfg(feature = "ssr")]
fn pairs<'a>(change: &'a [String], input: &'a [String]) -> Vec<(usize, &'a str, &'a str)> {
    let cell = |column: &'a [String], row: usize| column.get(row).map_or("", |v| v.trim());
    (0..change.len().max(input.len()))
        .map(|row| (row, cell(change, row), cell(input, row)))
        .filter(|(_, c, i)| !(c.is_empty() && i.is_empty()))
        .collect()
}

/// A link from input to a requirement version, checked.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementLink {
    requirement: crate::core::ids::RequirementId,
    version: i64,
    input: String,
}

#[cfg(feature = "ssr")]
impl RequirementLink {
    pub fn requirement(&self) -> crate::core::ids::RequirementId {
        self.requirement
    }
    pub fn version(&self) -> i64 {
        self.version
    }
    pub fn input(&self) -> &str {
        &self.input
    }
}

/// A draft's body and, for a summary, its links, checked.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordDraft {
    body: String,
    links: Vec<RequirementLink>,
}

#[cfg(feature = "ssr")]
impl RecordDraft {
    /// The draft as sent: `summary` says whether it is the summary (only a
    /// summary links), `versions` what it may link to.
    pub fn parse(
        form: &TextForm,
        summary: bool,
        versions: &[store::VersionChoice],
    ) -> Result<RecordDraft, AppError> {
        let mut check = Checker::new();
        let draft = RecordDraft::checked(
            &mut check,
            &form.body,
            &form.change,
            &form.input,
            summary,
            versions,
        )?;
        check.finish_form(form)?;
        Ok(draft)
    }

    /// A new version of approved text, as sent.
    pub fn parse_new_version(
        form: &NewVersionForm,
        summary: bool,
        versions: &[store::VersionChoice],
    ) -> Result<RecordDraft, AppError> {
        let mut check = Checker::new();
        let draft = RecordDraft::checked(
            &mut check,
            &form.body,
            &form.change,
            &form.input,
            summary,
            versions,
        )?;
        check.finish_form(form)?;
        Ok(draft)
    }

    /// Links on minutes, or more than a summary holds, are no form's doing:
    /// `BadRequest`. Each filled-in row needs a known version and its input.
    fn checked(
        check: &mut Checker,
        body: &str,
        change: &[String],
        input: &[String],
        summary: bool,
        versions: &[store::VersionChoice],
    ) -> Result<RecordDraft, AppError> {
        let body = check.text("body", body, true, TEXT_MAX);
        let rows = pairs(change, input);
        if !rows.is_empty() && (!summary || rows.len() > CHANGES_MAX) {
            return Err(AppError::BadRequest);
        }
        let mut links = Vec::new();
        for (row, chosen, said) in rows {
            let field = format!("change_{}", row + 1);
            let found = versions.iter().find(|v| v.version.key() == chosen);
            if chosen.is_empty() {
                check.refuse(&field, FieldProblem::Required);
            } else if found.is_none() {
                check.refuse(&field, FieldProblem::InvalidChoice);
            }
            let said = check.text(&format!("input_{}", row + 1), said, true, QUESTION_MAX);
            if let Some(found) = found {
                links.push(RequirementLink {
                    requirement: found.id,
                    version: found.version.version,
                    input: said,
                });
            }
        }
        Ok(RecordDraft { body, links })
    }

    pub fn body(&self) -> &str {
        &self.body
    }
    /// In the order they were sent.
    pub fn links(&self) -> &[RequirementLink] {
        &self.links
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::{store::VersionChoice, *};
    use crate::core::ids::RequirementId;

    fn versions() -> Vec<VersionChoice> {
        (1..=2)
            .map(|version| VersionChoice {
                id: RequirementId(5),
                version: RequirementRef {
                    need: "behov".into(),
                    need_title: "Elbussar".into(),
                    requirement: "krav".into(),
                    version,
                    text: format!("Räckvidd, version {version}"),
                },
            })
            .collect()
    }

    fn form(body: &str, rows: &[(&str, &str)]) -> TextForm {
        TextForm {
            session: String::new(),
            text: String::new(),
            body: body.into(),
            change: rows.iter().map(|(c, _)| c.to_string()).collect(),
            input: rows.iter().map(|(_, i)| i.to_string()).collect(),
        }
    }

    #[test]
    fn a_summary_links_input_to_known_versions_and_blank_rows_are_skipped() {
        let sent = form(
            " **Räckvidden** räcker. ",
            &[("", ""), ("krav:2", " Tre visade 300 km. "), (" ", "")],
        );
        assert!(sent.links_sent());
        let draft = RecordDraft::parse(&sent, true, &versions()).unwrap();
        assert_eq!(draft.body(), "**Räckvidden** räcker.");
        let link = &draft.links()[0];
        assert_eq!(draft.links().len(), 1);
        assert_eq!(
            (link.requirement(), link.version(), link.input()),
            (RequirementId(5), 2, "Tre visade 300 km.")
        );
        assert!(!form("Protokoll", &[("", " ")]).links_sent());
    }

    #[test]
    fn each_refused_link_is_named_by_its_row_and_the_body_comes_back() {
        let sent = form(
            "Vi lärde oss.",
            &[("krav:2", " "), ("krav:9", "Inspel"), ("", "Bara inspel")],
        );
        let err = RecordDraft::parse(&sent, true, &versions()).unwrap_err();
        assert_eq!(err.field_problem("input_1"), Some(FieldProblem::Required));
        assert_eq!(err.field_problem("change_1"), None);
        assert_eq!(
            err.field_problem("change_2"),
            Some(FieldProblem::InvalidChoice)
        );
        assert_eq!(err.field_problem("change_3"), Some(FieldProblem::Required));
        assert_eq!(err.sent_value("body"), Some("Vi lärde oss."));
        assert_eq!(err.sent_values("change"), ["krav:2", "krav:9", ""]);
        let err = RecordDraft::parse(&form(" ", &[]), true, &versions()).unwrap_err();
        assert_eq!(err.field_problem("body"), Some(FieldProblem::Required));
    }

    #[test]
    fn minutes_link_nothing_and_a_summary_holds_only_so_many_links() {
        let on_minutes = form("Protokoll", &[("krav:2", "Inspel")]);
        assert_eq!(
            RecordDraft::parse(&on_minutes, false, &versions()),
            Err(AppError::BadRequest)
        );
        assert!(RecordDraft::parse(&form("Protokoll", &[]), false, &[]).is_ok());
        let rows = vec![("krav:1", "Inspel"); CHANGES_MAX + 1];
        assert_eq!(
            RecordDraft::parse(&form("Sammanfattning", &rows), true, &versions()),
            Err(AppError::BadRequest)
        );
        let new_version = NewVersionForm {
            text: "t".into(),
            body: "Ny version".into(),
            change: vec!["krav:1".into()],
            input: vec!["Inspel".into()],
        };
        let draft = RecordDraft::parse_new_version(&new_version, true, &versions()).unwrap();
        assert_eq!(draft.links()[0].version(), 1);
        let err = RecordDraft::parse_new_version(
            &NewVersionForm {
                body: String::new(),
                ..new_version
            },
            true,
            &versions(),
        )
        .unwrap_err();
        assert_eq!(err.sent_value("text"), Some("t"));
    }
}
