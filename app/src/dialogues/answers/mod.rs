//! Written answers from suppliers (an RFI, an extern remiss, or any
//! dialogue whose hosts take them): a registered supplier answers each of
//! the dialogue's questions before the answer deadline, may ask for parts
//! to be kept confidential, and gets a receipt for each submission. Every
//! submission is a version of its own and is kept; it is an inkommen
//! handling from the moment it arrives. Hosts read answers as they come,
//! the network's other members once the deadline has passed, a supplier
//! only its own.

pub mod api;
#[cfg(feature = "ssr")]
pub mod export;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use crate::core::files::Upload;
#[cfg(feature = "ssr")]
use crate::{
    core::files::{SentFile, FILES_COUNT_MAX, FILES_MAX},
    error::{AppError, Checker, FieldProblem},
};
use serde::{Deserialize, Serialize};

/// Longest answer to one question.
pub const ANSWER_MAX: usize = 20_000;
/// Longest text of each field of a confidentiality request.
pub const SECRET_MAX: usize = 2_000;
/// Longest answer in all, over every part.
pub const TOTAL_MAX: usize = 100_000;

/// What the answer form sends: one of each field per question, in the
/// order of the dialogue's questions (`answer[]`, `what[]`, …); `intent`
/// is the button pressed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    pub supplier: String,
    #[serde(default)]
    pub answer: Vec<String>,
    #[serde(default)]
    pub what: Vec<String>,
    #[serde(default)]
    pub why: Vec<String>,
    #[serde(default)]
    pub harm: Vec<String>,
    /// The attached files' public ids, in the order the form lists them,
    /// with each one's confidentiality request (`file_what[]`, …).
    #[serde(default)]
    pub file: Vec<String>,
    #[serde(default)]
    pub file_what: Vec<String>,
    #[serde(default)]
    pub file_why: Vec<String>,
    #[serde(default)]
    pub file_harm: Vec<String>,
    /// `submit` hands the answer in; `remove:<file>` takes an attached
    /// file away; anything else saves a draft.
    #[serde(default)]
    pub intent: String,
    /// The questions the form was written against (`questions_key`).
    #[serde(default)]
    pub questions: String,
}

impl AnswerForm {
    pub fn submits(&self) -> bool {
        self.intent.trim() == "submit"
    }

    /// The attached file the button pressed takes away.
    pub fn removes(&self) -> Option<&str> {
        self.intent.trim().strip_prefix("remove:")
    }

    /// The form from a multipart body's text fields (`answer[]` and
    /// `answer` alike); fields it does not know are left out.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> AnswerForm {
        let mut form = AnswerForm::default();
        for (name, value) in pairs {
            match name.trim_end_matches("[]") {
                "supplier" => form.supplier = value,
                "answer" => form.answer.push(value),
                "what" => form.what.push(value),
                "why" => form.why.push(value),
                "harm" => form.harm.push(value),
                "file" => form.file.push(value),
                "file_what" => form.file_what.push(value),
                "file_why" => form.file_why.push(value),
                "file_harm" => form.file_harm.push(value),
                "intent" => form.intent = value,
                "questions" => form.questions = value,
                _ => {}
            }
        }
        form
    }
}

/// A request that a part be kept confidential: what is sensitive, why,
/// and what harm disclosure would do. The fields are in alphabetical
/// order, as the digest's JSON has them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretRequest {
    pub harm: String,
    pub what: String,
    pub why: String,
}

/// One part of an answer: the answer to one question, as the question
/// stood then. Fields in alphabetical order (the digest's JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerPart {
    pub answer: String,
    pub position: i64,
    pub question: String,
    pub secret: Option<SecretRequest>,
}

/// A file as submitted with an answer: the digest's JSON holds its
/// SHA-256, so the answer's digest binds the file's bytes too. Fields in
/// alphabetical order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachedFile {
    pub media_type: String,
    pub name: String,
    pub position: i64,
    pub secret: Option<SecretRequest>,
    pub sha256: String,
    pub size: i64,
}

/// A file attached to the answer being written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFile {
    pub public_id: String,
    pub name: String,
    pub size: i64,
    pub secret: Option<SecretRequest>,
}

/// What becomes of a file already attached: kept with this request for
/// confidentiality (none when empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEdit {
    pub public_id: String,
    pub secret: Option<SecretRequest>,
}

/// The field names of part `k` (from 1), as errors name them.
pub fn field(name: &str, k: usize) -> String {
    format!("{name}_{k}")
}

/// A short fingerprint of the questions, sent with the form, so an
/// answer is never stored under questions changed since it was written.
#[cfg(feature = "ssr")]
pub fn questions_key(questions: &[String]) -> String {
    crate::core::ids::hash_token(&questions.join("\n"))[..16].to_string()
}

/// An answer as the form sent it, checked: one part per question, each
/// within its limit, written against the questions as they are. A draft
/// may be empty or half done; a submission must answer something, and
/// each of its confidentiality requests must be complete and on a part
/// with text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenAnswer {
    parts: Vec<AnswerPart>,
    /// The files attached before, each with its request as sent now.
    kept: Vec<FileEdit>,
    /// The file taken away, if that was the button pressed.
    removed: Option<String>,
    /// Files attached with this post.
    uploads: Vec<Upload>,
}

/// The name a refused file's name is echoed under, for the form to list
/// them.
pub const REFUSED_FILE: &str = "refused_file";
/// The name a good file's name is echoed under when the form was refused
/// for something else: it was not attached either, and must be chosen
/// again.
pub const UNSENT_FILE: &str = "unsent_file";

impl WrittenAnswer {
    /// `attached` are the files the draft holds now; `sent` the files
    /// this post brings.
    #[cfg(feature = "ssr")]
    pub fn parse(
        form: &AnswerForm,
        questions: &[String],
        questions_key: &str,
        attached: &[DraftFile],
        sent: Vec<SentFile>,
    ) -> Result<WrittenAnswer, AppError> {
        let mut check = Checker::new();
        if form.questions.trim() != questions_key {
            check.refuse("questions", FieldProblem::QuestionsChanged);
        }
        let submits = form.submits();
        let at = |values: &[String], i: usize| values.get(i).cloned().unwrap_or_default();
        let mut parts = Vec::with_capacity(questions.len());
        for (i, question) in questions.iter().enumerate() {
            let k = i + 1;
            let answer = check.text(&field("answer", k), &at(&form.answer, i), false, ANSWER_MAX);
            let what = check.text(&field("what", k), &at(&form.what, i), false, SECRET_MAX);
            let why = check.text(&field("why", k), &at(&form.why, i), false, SECRET_MAX);
            let harm = check.text(&field("harm", k), &at(&form.harm, i), false, SECRET_MAX);
            let asked = !(what.is_empty() && why.is_empty() && harm.is_empty());
            if asked && submits {
                if answer.is_empty() && !check.has_problem(&field("answer", k)) {
                    check.refuse(&field("answer", k), FieldProblem::SecretWithoutAnswer);
                }
                for (name, value) in [("what", &what), ("why", &why), ("harm", &harm)] {
                    if value.is_empty() {
                        check.refuse(&field(name, k), FieldProblem::Required);
                    }
                }
            }
            parts.push(AnswerPart {
                answer,
                position: k as i64,
                question: question.clone(),
                secret: asked.then_some(SecretRequest { harm, what, why }),
            });
        }
        let removed = form
            .removes()
            .filter(|id| attached.iter().any(|f| f.public_id == *id))
            .map(str::to_owned);
        let mut kept = Vec::new();
        for (i, file) in attached.iter().enumerate() {
            if removed.as_deref() == Some(file.public_id.as_str()) {
                continue;
            }
            let k = i + 1;
            // A file the form does not list (attached in another window)
            // keeps the request it has.
            let Some(j) = form.file.iter().position(|id| *id == file.public_id) else {
                let half = file
                    .secret
                    .as_ref()
                    .filter(|r| r.what.is_empty() || r.why.is_empty() || r.harm.is_empty());
                if submits && half.is_some() {
                    check.refuse(&field("file_what", k), FieldProblem::Required);
                }
                kept.push(FileEdit {
                    public_id: file.public_id.clone(),
                    secret: file.secret.clone(),
                });
                continue;
            };
            let what = check.text(
                &field("file_what", k),
                &at(&form.file_what, j),
                false,
                SECRET_MAX,
            );
            let why = check.text(
                &field("file_why", k),
                &at(&form.file_why, j),
                false,
                SECRET_MAX,
            );
            let harm = check.text(
                &field("file_harm", k),
                &at(&form.file_harm, j),
                false,
                SECRET_MAX,
            );
            let asked = !(what.is_empty() && why.is_empty() && harm.is_empty());
            if asked && submits {
                for (name, value) in [
                    ("file_what", &what),
                    ("file_why", &why),
                    ("file_harm", &harm),
                ] {
                    if value.is_empty() {
                        check.refuse(&field(name, k), FieldProblem::Required);
                    }
                }
            }
            kept.push(FileEdit {
                public_id: file.public_id.clone(),
                secret: asked.then_some(SecretRequest { harm, what, why }),
            });
        }
        let mut uploads = Vec::new();
        let mut refused = Vec::new();
        for file in sent {
            match Upload::parse(file) {
                Ok(upload) => uploads.push(upload),
                Err((name, refusal)) => {
                    if !check.has_problem("files") {
                        check.refuse("files", refusal.problem());
                    }
                    refused.push(name);
                }
            }
        }
        let kept_size: i64 = attached
            .iter()
            .filter(|f| kept.iter().any(|k| k.public_id == f.public_id))
            .map(|f| f.size)
            .sum();
        let total = kept_size + uploads.iter().map(Upload::size).sum::<i64>();
        if !check.has_problem("files") {
            if kept.len() + uploads.len() > FILES_COUNT_MAX {
                check.refuse("files", FieldProblem::TooManyFiles);
            } else if total > FILES_MAX as i64 {
                check.refuse("files", FieldProblem::FilesTooLarge);
            }
        }
        let has_files = !kept.is_empty() || !uploads.is_empty();
        if submits && !has_files && parts.iter().all(|p| p.answer.is_empty()) {
            check.refuse(&field("answer", 1), FieldProblem::EmptyAnswer);
        }
        let total: usize = parts.iter().map(|p| p.answer.chars().count()).sum();
        if total > TOTAL_MAX && !check.has_problem(&field("answer", 1)) {
            check.refuse(
                &field("answer", 1),
                FieldProblem::TooLong {
                    max: TOTAL_MAX as u32,
                },
            );
        }
        if let Err(AppError::Validation { fields, mut values }) = check.finish_form(form) {
            values.extend(refused.into_iter().map(|n| (REFUSED_FILE.to_string(), n)));
            values.extend(
                uploads
                    .iter()
                    .map(|u| (UNSENT_FILE.to_string(), u.name().to_string())),
            );
            return Err(AppError::Validation { fields, values });
        }
        Ok(WrittenAnswer {
            parts,
            kept,
            removed,
            uploads,
        })
    }

    pub fn parts(&self) -> &[AnswerPart] {
        &self.parts
    }
    pub fn kept(&self) -> &[FileEdit] {
        &self.kept
    }
    pub fn removed(&self) -> Option<&str> {
        self.removed.as_deref()
    }
    pub fn uploads(&self) -> &[Upload] {
        &self.uploads
    }
}

/// What one submission holds, and what its digest is taken over: the
/// SHA-256 of this as compact JSON (UTF-8, serde_json's escaping, no
/// spaces), keys in alphabetical order as the fields are declared, so
/// anyone can recompute it from the JSON export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerContent {
    /// The files, in the order attached. Left out when there are none, so
    /// an answer without files has the digest it had before files were
    /// taken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachedFile>,
    /// The dialogue's public id.
    pub dialogue: String,
    pub parts: Vec<AnswerPart>,
    /// The receipt's number.
    pub receipt: String,
    /// Milliseconds since 1970 (UTC), the server's time of arrival.
    pub submitted_at: i64,
    /// The supplier's public id.
    pub supplier: String,
    pub version: i64,
}

#[cfg(feature = "ssr")]
impl AnswerContent {
    /// The SHA-256 of the content, in hexadecimal.
    pub fn digest(&self) -> Result<String, AppError> {
        let json = serde_json::to_string(self).map_err(AppError::internal)?;
        Ok(crate::core::ids::hash_token(&json))
    }
}

/// One submission as its readers see it: the receipt's facts and the
/// content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub public_id: String,
    pub receipt: String,
    pub supplier_name: String,
    pub submitted_by: String,
    pub digest: String,
    pub content: AnswerContent,
    /// The supplier's versions: (public id, version, submitted at),
    /// oldest first.
    pub versions: Vec<(String, i64, i64)>,
    /// Each part's answer rendered from its Markdown, inert.
    pub html: Vec<String>,
}

impl Submission {
    pub fn asks_confidentiality(&self) -> bool {
        self.content.parts.iter().any(|p| p.secret.is_some())
            || self.content.attachments.iter().any(|f| f.secret.is_some())
    }
}

/// A submission in a list of those received: one version of one
/// supplier's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    pub public_id: String,
    pub supplier_name: String,
    pub receipt: String,
    pub submitted_at: i64,
    pub version: i64,
    /// Whether any part of it asks for confidentiality.
    pub secret: bool,
}

/// A supplier's page for its written answer: the questions, what it has
/// written so far, and what it has submitted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerPage {
    pub dialogue: String,
    pub title: String,
    pub answer_deadline: i64,
    /// Whether answers are still taken from this supplier.
    pub open: bool,
    /// The supplier is registered for the dialogue (only then it answers).
    pub registered: bool,
    pub supplier: String,
    pub supplier_name: String,
    /// The parts as last saved or submitted (the questions' texts now).
    pub parts: Vec<AnswerPart>,
    /// The questions' fingerprint the form sends back.
    pub questions_key: String,
    pub saved_at: Option<i64>,
    /// The files attached so far, in the order attached.
    pub files: Vec<DraftFile>,
    /// Its submissions, newest first.
    pub submitted: Vec<Received>,
}

/// Who may read the answers, on the dialogue's own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedAnswers {
    pub answers: Vec<Received>,
    /// The person may read them: a host, or any member after the deadline.
    pub readable: bool,
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn form(
        answers: &[&str],
        what: &[&str],
        why: &[&str],
        harm: &[&str],
        submit: bool,
    ) -> AnswerForm {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect();
        AnswerForm {
            supplier: "s".into(),
            answer: v(answers),
            what: v(what),
            why: v(why),
            harm: v(harm),
            intent: if submit { "submit" } else { "draft" }.into(),
            questions: "k".into(),
            ..AnswerForm::default()
        }
    }

    impl WrittenAnswer {
        fn parse_for_test(form: &AnswerForm, qs: &[String]) -> Result<WrittenAnswer, AppError> {
            WrittenAnswer::parse(form, qs, "k", &[], Vec::new())
        }
    }

    fn problems(result: Result<WrittenAnswer, AppError>) -> Vec<(String, FieldProblem)> {
        match result {
            Err(AppError::Validation { fields, .. }) => {
                fields.into_iter().map(|f| (f.field, f.problem)).collect()
            }
            other => panic!("expected refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_part_asking_confidentiality_needs_what_why_and_harm_and_an_answer_to_keep() {
        let qs = vec!["Fråga ett?".to_string(), "Fråga två?".to_string()];
        let found = problems(WrittenAnswer::parse_for_test(
            &form(
                &["Svar", ""],
                &["Priset", "Allt"],
                &["", "Affärshemlighet"],
                &["", "Skada"],
                true,
            ),
            &qs,
        ));
        assert_eq!(
            found,
            vec![
                ("why_1".into(), FieldProblem::Required),
                ("harm_1".into(), FieldProblem::Required),
                ("answer_2".into(), FieldProblem::SecretWithoutAnswer),
            ]
        );
        let ok = WrittenAnswer::parse_for_test(
            &form(
                &["Svar", "Mer"],
                &["Priset", ""],
                &["Affärshemlighet", ""],
                &["Konkurrenter", ""],
                true,
            ),
            &qs,
        )
        .unwrap();
        assert_eq!(
            ok.parts()[0].secret.as_ref().unwrap().why,
            "Affärshemlighet"
        );
        assert_eq!(ok.parts()[1].secret, None);
        assert_eq!(ok.parts()[1].question, "Fråga två?");
    }

    #[test]
    fn a_draft_may_hold_half_a_confidentiality_request_and_changed_questions_are_refused() {
        let qs = vec!["Fråga?".to_string()];
        assert!(
            WrittenAnswer::parse_for_test(&form(&[""], &["Priset"], &[], &[], false), &qs).is_ok()
        );
        let mut old = form(&["Svar"], &[], &[], &[], true);
        old.questions = "före".into();
        assert_eq!(
            problems(WrittenAnswer::parse(&old, &qs, "efter", &[], Vec::new())),
            vec![("questions".into(), FieldProblem::QuestionsChanged)]
        );
    }

    #[test]
    fn a_submission_must_answer_something_and_a_draft_may_be_empty() {
        let qs = vec!["Fråga?".to_string()];
        assert_eq!(
            problems(WrittenAnswer::parse_for_test(
                &form(&["  "], &[], &[], &[], true),
                &qs
            )),
            vec![("answer_1".into(), FieldProblem::EmptyAnswer)]
        );
        assert!(WrittenAnswer::parse_for_test(&form(&[], &[], &[], &[], false), &qs).is_ok());
        let long = "x".repeat(ANSWER_MAX + 1);
        assert_eq!(
            problems(WrittenAnswer::parse_for_test(
                &form(&[&long], &[], &[], &[], false),
                &qs
            )),
            vec![(
                "answer_1".into(),
                FieldProblem::TooLong {
                    max: ANSWER_MAX as u32
                }
            )]
        );
    }

    #[test]
    fn the_digest_is_taken_over_the_content_with_its_keys_in_alphabetical_order() {
        let content = AnswerContent {
            attachments: vec![AttachedFile {
                media_type: "application/pdf".into(),
                name: "bilaga.pdf".into(),
                position: 1,
                secret: None,
                sha256: "0".repeat(64),
                size: 3,
            }],
            dialogue: "d".into(),
            parts: vec![AnswerPart {
                answer: "Ja".into(),
                position: 1,
                question: "Går det?".into(),
                secret: Some(SecretRequest {
                    harm: "h".into(),
                    what: "w".into(),
                    why: "y".into(),
                }),
            }],
            receipt: "SV-2345-6789".into(),
            submitted_at: 5,
            supplier: "s".into(),
            version: 1,
        };
        let typed = serde_json::to_string(&content).unwrap();
        let sorted = serde_json::to_value(&content).unwrap().to_string();
        assert_eq!(typed, sorted, "declared order is alphabetical order");
        assert_eq!(content.digest().unwrap().len(), 64);
        let mut other = content.clone();
        other.parts[0].answer = "Nej".into();
        assert_ne!(content.digest().unwrap(), other.digest().unwrap());
    }

    fn draft_file(id: &str, size: i64) -> DraftFile {
        DraftFile {
            public_id: id.into(),
            name: format!("{id}.pdf"),
            size,
            secret: None,
        }
    }

    fn sent_file(name: &str, bytes: &[u8]) -> SentFile {
        SentFile {
            name: name.into(),
            bytes: bytes.to_vec(),
            over_limit: false,
        }
    }

    const PDF: &[u8] = b"%PDF-1.7\n%%EOF\n";

    #[test]
    fn files_alone_answer_and_a_disguised_one_is_named_among_the_refused() {
        let qs = vec!["Fråga?".to_string()];
        let only_files = WrittenAnswer::parse(
            &form(&[""], &[], &[], &[], true),
            &qs,
            "k",
            &[],
            vec![sent_file("svar.pdf", PDF)],
        )
        .unwrap();
        assert_eq!(only_files.uploads().len(), 1);
        let refused = WrittenAnswer::parse(
            &form(&["Svar"], &[], &[], &[], false),
            &qs,
            "k",
            &[],
            vec![
                sent_file("ok.pdf", PDF),
                sent_file("program.pdf", &[0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0]),
            ],
        );
        let Err(AppError::Validation { fields, values }) = refused else {
            panic!("expected refusal");
        };
        assert_eq!(fields[0].field, "files");
        assert_eq!(fields[0].problem, FieldProblem::FileKind);
        assert!(values.contains(&(REFUSED_FILE.to_string(), "program.pdf".to_string())));
        assert!(values.contains(&("answer".to_string(), "Svar".to_string())));
    }

    #[test]
    fn the_files_limits_count_what_is_kept_and_what_is_removed_is_not() {
        let qs = vec!["Fråga?".to_string()];
        let attached = [draft_file("a", FILES_MAX as i64 - 5), draft_file("b", 1)];
        let over = WrittenAnswer::parse(
            &form(&["Svar"], &[], &[], &[], false),
            &qs,
            "k",
            &attached,
            vec![sent_file("ny.pdf", PDF)],
        );
        assert_eq!(
            problems(over),
            vec![("files".into(), FieldProblem::FilesTooLarge)]
        );
        let mut removing = form(&["Svar"], &[], &[], &[], false);
        removing.intent = "remove:a".into();
        let fits = WrittenAnswer::parse(
            &removing,
            &qs,
            "k",
            &attached,
            vec![sent_file("ny.pdf", PDF)],
        )
        .unwrap();
        assert_eq!(fits.removed(), Some("a"));
        assert_eq!(fits.kept().len(), 1);
        assert_eq!(fits.kept()[0].public_id, "b");
    }

    #[test]
    fn a_files_confidentiality_request_is_complete_when_submitted_and_read_by_its_id() {
        let qs = vec!["Fråga?".to_string()];
        let attached = [draft_file("a", 10), draft_file("b", 10)];
        let mut f = form(&["Svar"], &[], &[], &[], true);
        // The form lists b before a: the request follows the id.
        f.file = vec!["b".into(), "a".into()];
        f.file_what = vec!["".into(), "Priser".into()];
        f.file_why = vec!["".into(), "".into()];
        f.file_harm = vec!["".into(), "".into()];
        assert_eq!(
            problems(WrittenAnswer::parse(&f, &qs, "k", &attached, Vec::new())),
            vec![
                ("file_why_1".into(), FieldProblem::Required),
                ("file_harm_1".into(), FieldProblem::Required),
            ]
        );
        f.file_why[1] = "Affärshemlighet".into();
        f.file_harm[1] = "Konkurrenter ser priset".into();
        let ok = WrittenAnswer::parse(&f, &qs, "k", &attached, Vec::new()).unwrap();
        assert_eq!(ok.kept()[0].secret.as_ref().unwrap().what, "Priser");
        assert_eq!(ok.kept()[1].secret, None);
    }

    #[test]
    fn a_half_request_on_a_file_the_form_does_not_list_is_refused_when_submitted() {
        let qs = vec!["Fråga?".to_string()];
        let mut attached = draft_file("a", 10);
        attached.secret = Some(SecretRequest {
            harm: String::new(),
            what: "Priser".into(),
            why: String::new(),
        });
        let f = form(&["Svar"], &[], &[], &[], true);
        assert_eq!(
            problems(WrittenAnswer::parse(
                &f,
                &qs,
                "k",
                &[attached.clone()],
                Vec::new()
            )),
            vec![("file_what_1".into(), FieldProblem::Required)]
        );
        let draft = form(&["Svar"], &[], &[], &[], false);
        assert!(WrittenAnswer::parse(&draft, &qs, "k", &[attached], Vec::new()).is_ok());
    }

    #[test]
    fn an_answer_without_files_has_no_attachments_key_so_its_digest_is_unchanged() {
        let content = AnswerContent {
            attachments: Vec::new(),
            dialogue: "d".into(),
            parts: Vec::new(),
            receipt: "SV-2345-6789".into(),
            submitted_at: 5,
            supplier: "s".into(),
            version: 1,
        };
        let json = serde_json::to_string(&content).unwrap();
        assert!(json.starts_with("{\"dialogue\""), "{json}");
    }
}
