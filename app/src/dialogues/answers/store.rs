//! The written answers' SQL. A submission is one transaction: the
//! supplier's registration is locked (so two of its people submitting at
//! once get versions one after the other), the version, its parts and its
//! digest are stored, the draft becomes what was submitted, and the
//! receipt is queued to the person who submitted.

use super::{
    AnswerContent, AnswerPart, AttachedFile, DraftFile, Received, SecretRequest, Submission,
    WrittenAnswer,
};
use crate::{
    core::{
        files::{self, Download, FILES_COUNT_MAX, FILES_MAX},
        ids::{public_id, receipt_number, DialogueId, SupplierId},
        market::SupplierActor,
    },
    db::Db,
    error::AppError,
};

#[derive(sqlx::FromRow)]
struct PartRow {
    position: i64,
    question: String,
    body: String,
    secret_what: String,
    secret_why: String,
    secret_harm: String,
}

impl PartRow {
    fn part(self) -> AnswerPart {
        AnswerPart {
            answer: self.body,
            position: self.position,
            question: self.question,
            secret: secret(self.secret_what, self.secret_why, self.secret_harm),
        }
    }
}

/// A confidentiality request from its three columns; none when all are
/// empty.
fn secret(what: String, why: String, harm: String) -> Option<SecretRequest> {
    let asked = !(what.is_empty() && why.is_empty() && harm.is_empty());
    asked.then_some(SecretRequest { harm, what, why })
}

#[derive(sqlx::FromRow)]
struct FileRow {
    public_id: String,
    file_id: i64,
    name: String,
    media_type: String,
    size: i64,
    sha256: String,
    secret_what: String,
    secret_why: String,
    secret_harm: String,
}

crate::sql!(
    DRAFT_FILES = "SELECT d.public_id, d.file_id, d.name, f.media_type, f.size, f.sha256, \
     d.secret_what, d.secret_why, d.secret_harm \
     FROM answer_draft_files d JOIN stored_files f ON f.id = d.file_id \
     WHERE d.dialogue_id = $1 AND d.supplier_id = $2 ORDER BY d.added_at, d.id"
);

async fn draft_file_rows<'e>(
    exec: impl sqlx::Executor<'e, Database = sqlx::Any>,
    dialogue: DialogueId,
    supplier: SupplierId,
) -> Result<Vec<FileRow>, AppError> {
    Ok(sqlx::query_as(DRAFT_FILES)
        .bind(dialogue)
        .bind(supplier)
        .fetch_all(exec)
        .await?)
}

/// The files attached to what the supplier is writing.
#[tracing::instrument(skip_all)]
pub async fn draft_files(
    db: &Db,
    dialogue: DialogueId,
    supplier: SupplierId,
) -> Result<Vec<DraftFile>, AppError> {
    let rows = draft_file_rows(db.pool(), dialogue, supplier).await?;
    Ok(rows
        .into_iter()
        .map(|r| DraftFile {
            public_id: r.public_id,
            name: r.name,
            size: r.size,
            secret: secret(r.secret_what, r.secret_why, r.secret_harm),
        })
        .collect())
}

crate::sql!(
    DRAFT_FILE = "SELECT d.file_id, d.name FROM answer_draft_files d \
     WHERE d.dialogue_id = $1 AND d.supplier_id = $2 AND d.public_id = $3"
);

#[derive(sqlx::FromRow)]
struct NamedFile {
    file_id: i64,
    name: String,
}

/// A file attached to what the supplier is writing, to download.
#[tracing::instrument(skip_all)]
pub async fn draft_download(
    db: &Db,
    dialogue: DialogueId,
    supplier: SupplierId,
    file: &str,
) -> Result<Download, AppError> {
    let row: Option<NamedFile> = sqlx::query_as(DRAFT_FILE)
        .bind(dialogue)
        .bind(supplier)
        .bind(file.trim())
        .fetch_optional(db.pool())
        .await?;
    let row = row.ok_or(AppError::NotFound)?;
    files::store::download(db, row.file_id, &row.name).await
}

crate::sql!(
    ANSWER_FILE = "SELECT f.file_id, f.name FROM supplier_answer_files f \
     JOIN supplier_answers a ON a.id = f.answer_id \
     WHERE a.dialogue_id = $1 AND a.public_id = $2 AND f.position = $3"
);

/// File `position` of a submission, to download. The caller has checked
/// that the reader may read the submission.
#[tracing::instrument(skip_all)]
pub async fn submitted_download(
    db: &Db,
    dialogue: DialogueId,
    answer: &str,
    position: i64,
) -> Result<Download, AppError> {
    let row: Option<NamedFile> = sqlx::query_as(ANSWER_FILE)
        .bind(dialogue)
        .bind(answer.trim())
        .bind(position)
        .fetch_optional(db.pool())
        .await?;
    let row = row.ok_or(AppError::NotFound)?;
    files::store::download(db, row.file_id, &row.name).await
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    position: i64,
    body: String,
    secret_what: String,
    secret_why: String,
    secret_harm: String,
    saved_at: i64,
}

crate::sql!(
    DRAFT = "SELECT position, body, secret_what, secret_why, secret_harm, saved_at \
     FROM answer_drafts WHERE dialogue_id = $1 AND supplier_id = $2 ORDER BY position"
);

/// What the supplier has written so far, fitted to the questions as they
/// are now, and when it was last saved.
#[tracing::instrument(skip_all)]
pub async fn draft(
    db: &Db,
    dialogue: DialogueId,
    supplier: SupplierId,
    questions: &[String],
) -> Result<(Vec<AnswerPart>, Option<i64>), AppError> {
    let rows: Vec<DraftRow> = sqlx::query_as(DRAFT)
        .bind(dialogue)
        .bind(supplier)
        .fetch_all(db.pool())
        .await?;
    let saved_at = rows.iter().map(|r| r.saved_at).max();
    let parts = questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let position = i as i64 + 1;
            let row = rows.iter().find(|r| r.position == position);
            PartRow {
                position,
                question: question.clone(),
                body: row.map(|r| r.body.clone()).unwrap_or_default(),
                secret_what: row.map(|r| r.secret_what.clone()).unwrap_or_default(),
                secret_why: row.map(|r| r.secret_why.clone()).unwrap_or_default(),
                secret_harm: row.map(|r| r.secret_harm.clone()).unwrap_or_default(),
            }
            .part()
        })
        .collect();
    Ok((parts, saved_at))
}

crate::sql!(
    LOCK_REGISTRATION = "UPDATE dialogue_suppliers SET account_id = account_id \
     WHERE dialogue_id = $1 AND supplier_id = $2 AND withdrawn_at IS NULL"
);
crate::sql!(
    SAVE_DRAFT = "INSERT INTO answer_drafts (dialogue_id, supplier_id, position, body, \
     secret_what, secret_why, secret_harm, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
     ON CONFLICT (dialogue_id, supplier_id, position) DO UPDATE SET body = $4, \
     secret_what = $5, secret_why = $6, secret_harm = $7, saved_at = $8"
);

crate::sql!(LOCK_DIALOGUE = "UPDATE dialogues SET supplier_places = supplier_places WHERE id = $1");
crate::sql!(
    STILL_OPEN = "SELECT d.answer_deadline, d.status, n.status AS network_status \
     FROM dialogues d JOIN networks n ON n.id = d.network_id WHERE d.id = $1"
);

#[derive(sqlx::FromRow)]
struct OpenRow {
    answer_deadline: i64,
    status: String,
    network_status: String,
}

/// Locks the dialogue, then the supplier's registration (the order
/// withdrawing takes), checks again under the locks that answers are
/// taken, and gives the time to stamp: a request that waited for the
/// lock past the deadline, an archiving or a closing is refused.
/// `Forbidden` once the supplier has withdrawn.
async fn lock(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    db: &Db,
    dialogue: DialogueId,
    supplier: SupplierId,
) -> Result<i64, AppError> {
    sqlx::query(LOCK_DIALOGUE)
        .bind(dialogue)
        .execute(&mut **tx)
        .await?;
    let open: OpenRow = sqlx::query_as(STILL_OPEN)
        .bind(dialogue)
        .fetch_one(&mut **tx)
        .await?;
    let now = db.now();
    let taking = matches!(open.status.as_str(), "announced" | "open")
        && open.network_status != "closed"
        && now < open.answer_deadline;
    if !taking {
        return Err(AppError::AnswersClosed);
    }
    let done = sqlx::query(LOCK_REGISTRATION)
        .bind(dialogue)
        .bind(supplier)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Forbidden);
    }
    Ok(now)
}

crate::sql!(
    REMOVE_DRAFT_FILE = "DELETE FROM answer_draft_files \
     WHERE dialogue_id = $1 AND supplier_id = $2 AND public_id = $3 RETURNING file_id"
);
crate::sql!(
    /// A file nothing refers to any more.
    FORGET_FILE = "DELETE FROM stored_files WHERE id = $1 \
     AND NOT EXISTS (SELECT 1 FROM answer_draft_files WHERE file_id = $1) \
     AND NOT EXISTS (SELECT 1 FROM supplier_answer_files WHERE file_id = $1)"
);
crate::sql!(
    SET_FILE_SECRET = "UPDATE answer_draft_files SET secret_what = $4, secret_why = $5, \
     secret_harm = $6 WHERE dialogue_id = $1 AND supplier_id = $2 AND public_id = $3"
);
crate::sql!(
    ATTACH = "INSERT INTO answer_draft_files (public_id, dialogue_id, supplier_id, file_id, \
     name, secret_what, secret_why, secret_harm, added_at) \
     VALUES ($1, $2, $3, $4, $5, '', '', '', $6)"
);

/// Takes away the file removed, sets each kept file's request, and
/// attaches the new ones; the limits are checked again under the lock, as
/// two windows may attach at once.
async fn save_files(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    supplier: SupplierId,
    answer: &WrittenAnswer,
    now: i64,
) -> Result<(), AppError> {
    if let Some(removed) = answer.removed() {
        let file: Option<i64> = sqlx::query_scalar(REMOVE_DRAFT_FILE)
            .bind(dialogue)
            .bind(supplier)
            .bind(removed)
            .fetch_optional(&mut **tx)
            .await?;
        if let Some(file) = file {
            sqlx::query(FORGET_FILE)
                .bind(file)
                .execute(&mut **tx)
                .await?;
        }
    }
    for edit in answer.kept() {
        let secret = edit.secret.as_ref();
        sqlx::query(SET_FILE_SECRET)
            .bind(dialogue)
            .bind(supplier)
            .bind(&edit.public_id)
            .bind(secret.map_or("", |s| s.what.as_str()))
            .bind(secret.map_or("", |s| s.why.as_str()))
            .bind(secret.map_or("", |s| s.harm.as_str()))
            .execute(&mut **tx)
            .await?;
    }
    if answer.uploads().is_empty() {
        return Ok(());
    }
    let present = draft_file_rows(&mut **tx, dialogue, supplier).await?;
    let size: i64 = present.iter().map(|f| f.size).sum::<i64>()
        + answer.uploads().iter().map(|u| u.size()).sum::<i64>();
    if present.len() + answer.uploads().len() > FILES_COUNT_MAX || size > FILES_MAX as i64 {
        return Err(AppError::Conflict);
    }
    for upload in answer.uploads() {
        let file = files::store::insert(tx, upload, now).await?;
        sqlx::query(ATTACH)
            .bind(public_id())
            .bind(dialogue)
            .bind(supplier)
            .bind(file)
            .bind(upload.name())
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn save_parts(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    supplier: SupplierId,
    answer: &WrittenAnswer,
    now: i64,
) -> Result<(), AppError> {
    save_files(tx, dialogue, supplier, answer, now).await?;
    for part in answer.parts() {
        let secret = part.secret.as_ref();
        sqlx::query(SAVE_DRAFT)
            .bind(dialogue)
            .bind(supplier)
            .bind(part.position)
            .bind(&part.answer)
            .bind(secret.map_or("", |s| s.what.as_str()))
            .bind(secret.map_or("", |s| s.why.as_str()))
            .bind(secret.map_or("", |s| s.harm.as_str()))
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Saves what the supplier has written, not submitted.
#[tracing::instrument(skip_all)]
pub async fn save_draft(
    db: &Db,
    dialogue: DialogueId,
    actor: SupplierActor,
    answer: &WrittenAnswer,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let now = lock(&mut tx, db, dialogue, actor.supplier_id).await?;
    save_parts(&mut tx, dialogue, actor.supplier_id, answer, now).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    NEXT_VERSION = "SELECT CAST(COALESCE(MAX(version), 0) + 1 AS BIGINT) FROM supplier_answers \
     WHERE dialogue_id = $1 AND supplier_id = $2"
);
crate::sql!(
    INSERT_ANSWER = "INSERT INTO supplier_answers (public_id, dialogue_id, supplier_id, version, \
     receipt, submitted_at, account_id, digest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
     RETURNING id"
);
crate::sql!(
    INSERT_PART = "INSERT INTO supplier_answer_parts (answer_id, position, question, body, \
     secret_what, secret_why, secret_harm) VALUES ($1, $2, $3, $4, $5, $6, $7)"
);
crate::sql!(
    INSERT_FILE = "INSERT INTO supplier_answer_files (answer_id, position, file_id, name, \
     secret_what, secret_why, secret_harm) VALUES ($1, $2, $3, $4, $5, $6, $7)"
);
crate::sql!(
    QUEUE_RECEIPT =
        "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4)"
);

/// A submission as stored, for its receipt.
pub struct Submitted {
    pub public_id: String,
    pub receipt: String,
    pub content: AnswerContent,
    pub digest: String,
}

/// Where a submission comes from: the dialogue and the supplier by their
/// public ids (the content names them so), and whom the receipt goes to.
pub struct Submitter<'a> {
    pub dialogue: DialogueId,
    pub dialogue_public_id: &'a str,
    pub actor: SupplierActor,
    pub supplier_public_id: &'a str,
    pub email: &'a str,
}

/// Submits the answer as a new version, stamped with the time it is
/// taken under the locks; `receipt` writes the receipt mail (subject,
/// body) from what was stored.
#[tracing::instrument(skip_all)]
pub async fn submit(
    db: &Db,
    from: Submitter<'_>,
    answer: &WrittenAnswer,
    receipt: &(dyn Fn(&Submitted) -> (String, String) + Sync),
) -> Result<Submitted, AppError> {
    let supplier = from.actor.supplier_id;
    let mut tx = db.pool().begin().await?;
    let now = lock(&mut tx, db, from.dialogue, supplier).await?;
    // The draft becomes what is handed in, files and all; the form then
    // shows what was handed in.
    save_parts(&mut tx, from.dialogue, supplier, answer, now).await?;
    let files = draft_file_rows(&mut *tx, from.dialogue, supplier).await?;
    let version: i64 = sqlx::query_scalar(NEXT_VERSION)
        .bind(from.dialogue)
        .bind(supplier)
        .fetch_one(&mut *tx)
        .await?;
    let attachments: Vec<AttachedFile> = files
        .iter()
        .enumerate()
        .map(|(i, f)| AttachedFile {
            media_type: f.media_type.clone(),
            name: f.name.clone(),
            position: i as i64 + 1,
            secret: secret(
                f.secret_what.clone(),
                f.secret_why.clone(),
                f.secret_harm.clone(),
            ),
            sha256: f.sha256.clone(),
            size: f.size,
        })
        .collect();
    let content = AnswerContent {
        attachments,
        dialogue: from.dialogue_public_id.to_string(),
        parts: answer.parts().to_vec(),
        receipt: receipt_number(),
        submitted_at: now,
        supplier: from.supplier_public_id.to_string(),
        version,
    };
    let submitted = Submitted {
        public_id: public_id(),
        receipt: content.receipt.clone(),
        digest: content.digest()?,
        content,
    };
    let id: i64 = sqlx::query_scalar(INSERT_ANSWER)
        .bind(&submitted.public_id)
        .bind(from.dialogue)
        .bind(supplier)
        .bind(version)
        .bind(&submitted.receipt)
        .bind(now)
        .bind(from.actor.account_id)
        .bind(&submitted.digest)
        .fetch_one(&mut *tx)
        .await?;
    for part in answer.parts() {
        let secret = part.secret.as_ref();
        sqlx::query(INSERT_PART)
            .bind(id)
            .bind(part.position)
            .bind(&part.question)
            .bind(&part.answer)
            .bind(secret.map_or("", |s| s.what.as_str()))
            .bind(secret.map_or("", |s| s.why.as_str()))
            .bind(secret.map_or("", |s| s.harm.as_str()))
            .execute(&mut *tx)
            .await?;
    }
    for (f, attached) in files.iter().zip(&submitted.content.attachments) {
        let secret = attached.secret.as_ref();
        sqlx::query(INSERT_FILE)
            .bind(id)
            .bind(attached.position)
            .bind(f.file_id)
            .bind(&f.name)
            .bind(secret.map_or("", |s| s.what.as_str()))
            .bind(secret.map_or("", |s| s.why.as_str()))
            .bind(secret.map_or("", |s| s.harm.as_str()))
            .execute(&mut *tx)
            .await?;
    }
    let (subject, body) = receipt(&submitted);
    sqlx::query(QUEUE_RECEIPT)
        .bind(from.email)
        .bind(subject)
        .bind(body)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    tracing::info!(version, "written answer submitted");
    Ok(submitted)
}

#[derive(sqlx::FromRow)]
struct ReceivedRow {
    public_id: String,
    supplier_name: String,
    receipt: String,
    submitted_at: i64,
    version: i64,
    secret: i64,
}

impl ReceivedRow {
    fn received(self) -> Received {
        Received {
            public_id: self.public_id,
            supplier_name: self.supplier_name,
            receipt: self.receipt,
            submitted_at: self.submitted_at,
            version: self.version,
            secret: self.secret == 1,
        }
    }
}

crate::sql!(
    /// The dialogue's submissions (of one supplier, when $2 is not 0) in
    /// the order they arrived: versions are numbered and stamped under
    /// one lock, so that is also their order.
    RECEIVED = "SELECT a.public_id, s.name AS supplier_name, a.receipt, a.submitted_at, \
     a.version, CAST(CASE WHEN EXISTS (SELECT 1 FROM supplier_answer_parts p \
         WHERE p.answer_id = a.id AND (p.secret_what <> '' OR p.secret_why <> '' \
         OR p.secret_harm <> '')) OR EXISTS (SELECT 1 FROM supplier_answer_files f \
         WHERE f.answer_id = a.id AND (f.secret_what <> '' OR f.secret_why <> '' \
         OR f.secret_harm <> '')) \
         THEN 1 ELSE 0 END AS BIGINT) AS secret \
     FROM supplier_answers a JOIN suppliers s ON s.id = a.supplier_id \
     WHERE a.dialogue_id = $1 AND (CAST($2 AS BIGINT) = 0 OR a.supplier_id = $2) \
     ORDER BY a.submitted_at, a.id"
);

async fn received_of(
    db: &Db,
    dialogue: DialogueId,
    supplier: i64,
) -> Result<Vec<Received>, AppError> {
    let rows: Vec<ReceivedRow> = sqlx::query_as(RECEIVED)
        .bind(dialogue)
        .bind(supplier)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(ReceivedRow::received).collect())
}

/// Every submission received, oldest first.
#[tracing::instrument(skip_all)]
pub async fn received(db: &Db, dialogue: DialogueId) -> Result<Vec<Received>, AppError> {
    received_of(db, dialogue, 0).await
}

/// One supplier's submissions, newest first.
#[tracing::instrument(skip_all)]
pub async fn own(
    db: &Db,
    dialogue: DialogueId,
    supplier: SupplierId,
) -> Result<Vec<Received>, AppError> {
    let mut all = received_of(db, dialogue, supplier.0).await?;
    all.reverse();
    Ok(all)
}

#[derive(sqlx::FromRow)]
struct SubmissionRow {
    id: i64,
    public_id: String,
    supplier_id: SupplierId,
    supplier_public_id: String,
    supplier_name: String,
    version: i64,
    receipt: String,
    submitted_at: i64,
    digest: String,
    person: Option<String>,
    person_deleted_at: Option<i64>,
}

crate::sql!(
    SUBMISSION = "SELECT a.id, a.public_id, a.supplier_id, s.public_id AS supplier_public_id, \
     s.name AS supplier_name, a.version, a.receipt, a.submitted_at, a.digest, \
     p.name AS person, p.deleted_at AS person_deleted_at \
     FROM supplier_answers a JOIN suppliers s ON s.id = a.supplier_id \
     LEFT JOIN accounts p ON p.id = a.account_id \
     WHERE a.public_id = $1 AND a.dialogue_id = $2"
);
crate::sql!(
    PARTS = "SELECT position, question, body, secret_what, secret_why, secret_harm \
     FROM supplier_answer_parts WHERE answer_id = $1 ORDER BY position"
);
crate::sql!(
    FILES = "SELECT a.position, a.name, f.media_type, f.size, f.sha256, a.secret_what, \
     a.secret_why, a.secret_harm FROM supplier_answer_files a \
     JOIN stored_files f ON f.id = a.file_id WHERE a.answer_id = $1 ORDER BY a.position"
);

#[derive(sqlx::FromRow)]
struct SubmittedFileRow {
    position: i64,
    name: String,
    media_type: String,
    size: i64,
    sha256: String,
    secret_what: String,
    secret_why: String,
    secret_harm: String,
}

crate::sql!(
    VERSIONS = "SELECT public_id, version, submitted_at FROM supplier_answers \
     WHERE dialogue_id = $1 AND supplier_id = $2 ORDER BY version"
);

#[derive(sqlx::FromRow)]
struct VersionRow {
    public_id: String,
    version: i64,
    submitted_at: i64,
}

/// One submission of the dialogue with its content and the supplier's
/// versions, if `of_supplier` (when given) submitted it. `deleted_user`
/// stands for a person whose account is gone.
#[tracing::instrument(skip_all)]
pub async fn submission(
    db: &Db,
    dialogue: DialogueId,
    dialogue_public_id: &str,
    answer: &str,
    of_supplier: Option<&[SupplierId]>,
    deleted_user: &str,
) -> Result<Option<Submission>, AppError> {
    let row: Option<SubmissionRow> = sqlx::query_as(SUBMISSION)
        .bind(answer.trim())
        .bind(dialogue)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row.filter(|r| of_supplier.is_none_or(|mine| mine.contains(&r.supplier_id)))
    else {
        return Ok(None);
    };
    let parts: Vec<PartRow> = sqlx::query_as(PARTS)
        .bind(row.id)
        .fetch_all(db.pool())
        .await?;
    let versions: Vec<VersionRow> = sqlx::query_as(VERSIONS)
        .bind(dialogue)
        .bind(row.supplier_id)
        .fetch_all(db.pool())
        .await?;
    let attachments: Vec<SubmittedFileRow> = sqlx::query_as(FILES)
        .bind(row.id)
        .fetch_all(db.pool())
        .await?;
    let parts: Vec<AnswerPart> = parts.into_iter().map(PartRow::part).collect();
    let html = parts
        .iter()
        .map(|p| crate::markdown::to_html(&p.answer))
        .collect();
    Ok(Some(Submission {
        public_id: row.public_id,
        receipt: row.receipt.clone(),
        supplier_name: row.supplier_name,
        submitted_by: crate::core::shown_name(
            row.person.clone().unwrap_or_default(),
            row.person_deleted_at.or(row.person.is_none().then_some(0)),
            deleted_user,
        ),
        digest: row.digest,
        content: AnswerContent {
            attachments: attachments
                .into_iter()
                .map(|f| AttachedFile {
                    media_type: f.media_type,
                    name: f.name,
                    position: f.position,
                    secret: secret(f.secret_what, f.secret_why, f.secret_harm),
                    sha256: f.sha256,
                    size: f.size,
                })
                .collect(),
            dialogue: dialogue_public_id.to_string(),
            parts,
            receipt: row.receipt.clone(),
            submitted_at: row.submitted_at,
            supplier: row.supplier_public_id,
            version: row.version,
        },
        versions: versions
            .into_iter()
            .map(|v| (v.public_id, v.version, v.submitted_at))
            .collect(),
        html,
    }))
}
