//! Files people hand in: what kinds are taken, how large, and how they are
//! kept. A file's kind is read from its bytes, never from its name; its
//! name must then agree with its kind, so a program called `.pdf` is
//! refused. The bytes live in the database (a backup holds them, every
//! instance serves them) and are stored once, unchanged.

use serde::{Deserialize, Serialize};

/// The largest file taken, in bytes.
pub const FILE_MAX: usize = 10_000_000;
/// The most a written answer's files may hold together, in bytes.
pub const FILES_MAX: usize = 25_000_000;
/// The most files one answer may carry.
pub const FILES_COUNT_MAX: usize = 20;
/// The longest file name kept, in characters.
pub const NAME_MAX: usize = 200;
/// What the file input offers (the server checks the bytes regardless).
pub const ACCEPT: &str = ".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg";

/// The kinds of file taken: documents and pictures every office opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Pdf,
    Docx,
    Xlsx,
    Odt,
    Ods,
    Png,
    Jpeg,
}

impl FileKind {
    pub const ALL: [FileKind; 7] = [
        FileKind::Pdf,
        FileKind::Docx,
        FileKind::Xlsx,
        FileKind::Odt,
        FileKind::Ods,
        FileKind::Png,
        FileKind::Jpeg,
    ];

    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
            FileKind::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
        }
    }

    pub fn from_media_type(media_type: &str) -> Option<FileKind> {
        FileKind::ALL
            .into_iter()
            .find(|k| k.media_type() == media_type)
    }

    /// The endings a name of this kind may have.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Docx => &["docx"],
            FileKind::Xlsx => &["xlsx"],
            FileKind::Odt => &["odt"],
            FileKind::Ods => &["ods"],
            FileKind::Png => &["png"],
            FileKind::Jpeg => &["jpg", "jpeg"],
        }
    }

    /// The kind a name claims by its ending.
    pub fn claimed_by(name: &str) -> Option<FileKind> {
        let (_, ext) = name.rsplit_once('.')?;
        let ext = ext.to_ascii_lowercase();
        FileKind::ALL
            .into_iter()
            .find(|k| k.extensions().contains(&ext.as_str()))
    }

    /// The kind the bytes are, if one of those taken.
    #[cfg(feature = "ssr")]
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        let found = infer::get(bytes)?;
        FileKind::from_media_type(found.mime_type())
    }
}

/// A size as people read it: "850 kB", "3,4 MB" (decimal units, as the
/// limits are stated).
pub fn size_text(bytes: i64, lang: crate::i18n::Lang) -> String {
    let comma = |s: String| match lang {
        crate::i18n::Lang::Sv => s.replace('.', ","),
        crate::i18n::Lang::En => s,
    };
    if bytes < 1_000 {
        format!("{bytes} B")
    } else if bytes < 1_000_000 {
        format!("{} kB", (bytes + 999) / 1_000)
    } else {
        comma(format!("{:.1} MB", bytes as f64 / 1_000_000.0))
    }
}

/// A file name as it is kept and shown: the last part of whatever path a
/// browser sends, without control characters or characters a file system
/// refuses, and not longer than `NAME_MAX`. Empty when nothing is left.
pub fn clean_name(sent: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*')
                && !is_invisible(*c)
        })
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.').trim();
    let count = trimmed.chars().count();
    if count <= NAME_MAX {
        return trimmed.to_string();
    }
    // Keep the ending, which says the kind.
    let ext = trimmed
        .rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| e.chars().count() <= 5)
        .unwrap_or_default();
    let head: String = trimmed
        .chars()
        .take(NAME_MAX - ext.chars().count() - usize::from(!ext.is_empty()))
        .collect();
    if ext.is_empty() {
        head
    } else {
        format!("{head}.{ext}")
    }
}

/// Characters that change how a name reads without showing: direction
/// overrides (which make `exe.pdf` look like `fdp.exe`) and zero-width
/// marks.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Why a file was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRefusal {
    /// Nothing in it, or no name.
    Empty,
    /// Over `FILE_MAX`.
    TooLarge,
    /// The bytes are none of the kinds taken.
    Kind,
    /// The bytes are of a kind taken, but not the one the name says.
    Disguised,
}

impl FileRefusal {
    /// The refusal as a form field's problem.
    pub fn problem(self) -> crate::error::FieldProblem {
        use crate::error::FieldProblem;
        match self {
            FileRefusal::Empty => FieldProblem::FileEmpty,
            FileRefusal::TooLarge => FieldProblem::FileTooLarge,
            FileRefusal::Kind => FieldProblem::FileKind,
            FileRefusal::Disguised => FieldProblem::FileDisguised,
        }
    }
}

/// A file as sent: its name as the browser gave it, its bytes, or only how
/// many bytes there were when it was over the limit (those are not kept).
#[derive(Debug)]
pub struct SentFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub over_limit: bool,
}

/// A file taken: a kind from those allowed, a name that agrees with it,
/// within the limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    name: String,
    kind: FileKind,
    bytes: Vec<u8>,
    sha256: String,
}

#[cfg(feature = "ssr")]
impl Upload {
    pub fn parse(sent: SentFile) -> Result<Upload, (String, FileRefusal)> {
        let name = clean_name(&sent.name);
        if sent.over_limit || sent.bytes.len() > FILE_MAX {
            return Err((name, FileRefusal::TooLarge));
        }
        if name.is_empty() || sent.bytes.is_empty() {
            return Err((name, FileRefusal::Empty));
        }
        let Some(kind) = FileKind::sniff(&sent.bytes) else {
            return Err((name, FileRefusal::Kind));
        };
        if FileKind::claimed_by(&name) != Some(kind) {
            return Err((name, FileRefusal::Disguised));
        }
        let sha256 = sha256_hex(&sent.bytes);
        Ok(Upload {
            name,
            kind,
            bytes: sent.bytes,
            sha256,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn kind(&self) -> FileKind {
        self.kind
    }
    pub fn size(&self) -> i64 {
        self.bytes.len() as i64
    }
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
}

/// The SHA-256 of bytes, in hexadecimal.
#[cfg(feature = "ssr")]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file to hand to its reader: always as a download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

#[cfg(feature = "ssr")]
pub mod store {
    //! The stored files' SQL. Rooms refer to a file by its id and give it
    //! its name; a room that lets go of a file deletes it, in the same
    //! transaction, when nothing else refers to it.

    use super::{Download, Upload};
    use crate::{db::Db, error::AppError};

    crate::sql!(
        INSERT = "INSERT INTO stored_files (media_type, size, sha256, bytes, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id"
    );
    crate::sql!(BYTES = "SELECT media_type, bytes FROM stored_files WHERE id = $1");

    /// Stores the file's bytes; its id.
    pub async fn insert(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        upload: &Upload,
        now: i64,
    ) -> Result<i64, AppError> {
        Ok(sqlx::query_scalar(INSERT)
            .bind(upload.kind.media_type())
            .bind(upload.size())
            .bind(&upload.sha256)
            .bind(&upload.bytes[..])
            .bind(now)
            .fetch_one(&mut **tx)
            .await?)
    }

    #[derive(sqlx::FromRow)]
    struct BytesRow {
        media_type: String,
        bytes: Vec<u8>,
    }

    /// The file `id` to download under `name`.
    pub async fn download(db: &Db, id: i64, name: &str) -> Result<Download, AppError> {
        let row: Option<BytesRow> = sqlx::query_as(BYTES)
            .bind(id)
            .fetch_optional(db.pool())
            .await?;
        let row = row.ok_or(AppError::NotFound)?;
        Ok(Download {
            name: name.to_string(),
            media_type: row.media_type,
            bytes: row.bytes,
        })
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn sent(name: &str, bytes: &[u8]) -> SentFile {
        SentFile {
            name: name.into(),
            bytes: bytes.to_vec(),
            over_limit: false,
        }
    }

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
    ];
    const ELF: &[u8] = &[0x7F, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0];

    #[test]
    fn the_kind_comes_from_the_bytes_and_the_name_must_agree_with_it() {
        let pdf = Upload::parse(sent("Svar.PDF", PDF)).unwrap();
        assert_eq!(pdf.kind(), FileKind::Pdf);
        assert_eq!(pdf.sha256().len(), 64);
        assert_eq!(
            Upload::parse(sent("svar.pdf", ELF)).unwrap_err().1,
            FileRefusal::Kind
        );
        assert_eq!(
            Upload::parse(sent("bild.pdf", PNG)).unwrap_err().1,
            FileRefusal::Disguised
        );
        assert_eq!(
            Upload::parse(sent("bild", PNG)).unwrap_err().1,
            FileRefusal::Disguised
        );
        assert_eq!(
            Upload::parse(sent("tom.pdf", b"")).unwrap_err().1,
            FileRefusal::Empty
        );
        let mut big = sent("stor.pdf", PDF);
        big.over_limit = true;
        assert_eq!(Upload::parse(big).unwrap_err().1, FileRefusal::TooLarge);
    }

    #[test]
    fn a_name_keeps_its_last_part_without_control_characters_and_within_the_limit() {
        assert_eq!(clean_name("C:\\fakepath\\Offert 1.pdf"), "Offert 1.pdf");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("a\u{0}b\r\n\"c\".pdf"), "abc.pdf");
        assert_eq!(clean_name("...."), "");
        assert_eq!(clean_name("x\u{202E}fdp.exe"), "xfdp.exe");
        assert_eq!(clean_name(&"b".repeat(300)).len(), NAME_MAX);
        let long = format!("{}.docx", "å".repeat(300));
        let kept = clean_name(&long);
        assert_eq!(kept.chars().count(), NAME_MAX);
        assert!(kept.ends_with("å.docx"));
    }

    #[test]
    fn sizes_read_in_decimal_units_with_a_swedish_comma() {
        use crate::i18n::Lang;
        assert_eq!(size_text(512, Lang::Sv), "512 B");
        assert_eq!(size_text(1_500, Lang::Sv), "2 kB");
        assert_eq!(size_text(3_400_000, Lang::Sv), "3,4 MB");
        assert_eq!(size_text(3_400_000, Lang::En), "3.4 MB");
    }
}
