//! The written answers' SQL. A submission is one transaction: the
//! supplier's registration is locked (so two of its people submitting at
//! once get versions one after the other), the version, its parts and its
//! digest are stored, the draft becomes what was submitted, and the
//! receipt is queued to the person who submitted.

use super::{AnswerContent, AnswerPart, AttachedFile, DraftFile, SecretRequest, WrittenAnswer};
use crate::{
    core::{
        files::{self, FILES_COUNT_MAX, FILES_MAX},
        ids::{public_id, receipt_number, DialogueId, SupplierId},
        market::SupplierActor,
    },
    db::Db,
    error::AppError,
};

mod downloads;
mod received;
pub use downloads::{draft_download, submitted_download};
pub use received::{own, received, submission};

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
