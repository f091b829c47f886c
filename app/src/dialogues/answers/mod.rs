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
mod written;

#[cfg(feature = "ssr")]
use crate::error::AppError;
use serde::{Deserialize, Serialize};
pub use written::{WrittenAnswer, REFUSED_FILE, UNSENT_FILE};

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
