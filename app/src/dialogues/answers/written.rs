//! A written answer as the form sent it, checked: the parts, the
//! confidentiality requests and the files, refused field by field.

#[cfg(feature = "ssr")]
use super::{field, AnswerForm, DraftFile, SecretRequest, ANSWER_MAX, SECRET_MAX, TOTAL_MAX};
use super::{AnswerPart, FileEdit};
use crate::core::files::Upload;
#[cfg(feature = "ssr")]
use crate::{
    core::files::{SentFile, FILES_COUNT_MAX, FILES_MAX},
    error::{AppError, Checker, FieldProblem},
};

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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::dialogues::answers::*;

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
