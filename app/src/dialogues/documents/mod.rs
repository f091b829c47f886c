//! Documents from the hosts on a dialogue's public part — for an extern
//! remiss, the draft procurement documents suppliers are asked to comment
//! on — with the written answers' file rules (`core::files`). A document
//! has versions and every version is kept; publishing one is an entry in
//! the information log and a mail to every registered supplier. Registered
//! suppliers (and the network's members) download them; which supplier
//! downloaded which version, and when, is the hosts' register alone.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

#[cfg(feature = "ssr")]
use crate::{
    core::files::{SentFile, Upload},
    error::{AppError, Checker, FieldProblem},
};
use serde::{Deserialize, Serialize};

/// Longest title of a document.
pub const TITLE_MAX: usize = 200;
/// Longest note on what a version changes.
pub const NOTE_MAX: usize = 2000;
/// Documents one dialogue may have, and versions one document.
pub const DOCUMENTS_MAX: usize = 50;
pub const VERSIONS_MAX: usize = 20;
/// The key a refused document form is kept under (it has no server
/// function: its multipart body goes to `/dialoger/<id>/dokument/spara`).
pub const FORM_PATH: &str = "/dialoger/dokument/spara";

/// One version of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DocumentVersion {
    pub version: i64,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub note: String,
    pub published_at: i64,
}

/// A document with its versions, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub public_id: String,
    pub title: String,
    pub versions: Vec<DocumentVersion>,
}

/// The documents on a dialogue's public page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicDocuments {
    pub documents: Vec<Document>,
    /// The person may download them: a registered supplier, or a member.
    pub may_download: bool,
}

/// Who downloaded one version: a supplier, first and last, how often.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Downloaded {
    pub document: String,
    pub version: i64,
    pub supplier: String,
    pub first_at: i64,
    pub last_at: i64,
    pub times: i64,
}

/// The documents for hosts, with the register of downloads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostDocuments {
    pub documents: Vec<Document>,
    pub downloads: Vec<Downloaded>,
    /// A document or a version may be published now: announced, not
    /// archived, and the person hosts.
    pub may_publish: bool,
}

/// The text fields of the document form: for a new version, the document;
/// for a new document, its title; and a note on what changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentForm {
    #[serde(default)]
    pub document: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub note: String,
}

impl DocumentForm {
    /// The form from a multipart body's text fields; unknown ones are left.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> DocumentForm {
        let mut form = DocumentForm::default();
        for (name, value) in pairs {
            match name.as_str() {
                "document" => form.document = value,
                "title" => form.title = value,
                "note" => form.note = value,
                _ => {}
            }
        }
        form
    }
}

/// What is published: a new document with its title, or a new version
/// of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    New(String),
    Version(String),
}

/// A document or version to publish, checked: one file of a kind taken,
/// whose bytes agree with its name.
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub struct Publication {
    pub target: Target,
    pub note: String,
    pub upload: Upload,
}

#[cfg(feature = "ssr")]
impl Publication {
    /// `full`: the dialogue has as many documents, or the document as many
    /// versions, as it may.
    pub fn parse(
        form: &DocumentForm,
        files: Vec<SentFile>,
        full: bool,
    ) -> Result<Publication, AppError> {
        let mut check = Checker::new();
        if full {
            check.refuse("file", FieldProblem::DocumentsFull);
        }
        let target = match form.document.trim() {
            "" => Target::New(check.text("title", &form.title, true, TITLE_MAX)),
            document => Target::Version(document.to_string()),
        };
        let note = check.text("note", &form.note, false, NOTE_MAX);
        let mut files = files.into_iter();
        let upload = match (files.next(), files.next()) {
            (None, _) => {
                check.refuse("file", FieldProblem::Required);
                None
            }
            (Some(_), Some(_)) => {
                check.refuse("file", FieldProblem::OneFile);
                None
            }
            (Some(_), None) if full => None,
            (Some(sent), None) => match Upload::parse(sent) {
                Ok(upload) => Some(upload),
                Err((_, refusal)) => {
                    check.refuse("file", refusal.problem());
                    None
                }
            },
        };
        check.finish_form(form)?;
        Ok(Publication {
            target,
            note,
            upload: upload.ok_or(AppError::BadRequest)?,
        })
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

    fn sent(name: &str, bytes: &[u8]) -> SentFile {
        SentFile {
            name: name.into(),
            bytes: bytes.to_vec(),
            over_limit: false,
        }
    }

    #[test]
    fn a_new_document_needs_a_title_and_one_file_of_a_kind_taken() {
        let form = DocumentForm {
            title: "Utkast till kravspecifikation".into(),
            ..DocumentForm::default()
        };
        let ok = Publication::parse(&form, vec![sent("krav.pdf", PDF)], false).unwrap();
        assert_eq!(
            ok.target,
            Target::New("Utkast till kravspecifikation".into())
        );
        assert_eq!(ok.upload.name(), "krav.pdf");
        let err = Publication::parse(&DocumentForm::default(), vec![sent("krav.pdf", PDF)], false)
            .unwrap_err();
        assert_eq!(err.field_problem("title"), Some(FieldProblem::Required));
        let err = Publication::parse(&form, vec![], false).unwrap_err();
        assert_eq!(err.field_problem("file"), Some(FieldProblem::Required));
        assert_eq!(
            err.sent_value("title"),
            Some("Utkast till kravspecifikation")
        );
        let err = Publication::parse(&form, vec![sent("a.pdf", PDF), sent("b.pdf", PDF)], false)
            .unwrap_err();
        assert_eq!(err.field_problem("file"), Some(FieldProblem::OneFile));
        let err =
            Publication::parse(&form, vec![sent("krav.pdf", b"MZ\x90\x00")], false).unwrap_err();
        assert_eq!(err.field_problem("file"), Some(FieldProblem::FileKind));
    }

    #[test]
    fn a_new_version_names_its_document_and_the_form_reads_from_multipart_pairs() {
        let form = DocumentForm::from_pairs(vec![
            ("document".into(), "abc".into()),
            ("note".into(), "Krav 3 är struket.".into()),
            ("okänt".into(), "x".into()),
        ]);
        let ok = Publication::parse(&form, vec![sent("krav-v2.pdf", PDF)], false).unwrap();
        assert_eq!(ok.target, Target::Version("abc".into()));
        assert_eq!(ok.note, "Krav 3 är struket.");
        let err = Publication::parse(&form, vec![sent("krav-v2.pdf", PDF)], true).unwrap_err();
        assert_eq!(err.field_problem("file"), Some(FieldProblem::DocumentsFull));
        assert_eq!(err.sent_value("note"), Some("Krav 3 är struket."));
    }
}
