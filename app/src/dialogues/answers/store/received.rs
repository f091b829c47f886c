//! What the pages read of the answers received: the list (all, or one
//! supplier's) and one submission whole, with its parts, files and the
//! supplier's other versions.

use super::{secret, PartRow};
use crate::{
    core::ids::{DialogueId, SupplierId},
    db::Db,
    dialogues::answers::{AnswerContent, AnswerPart, AttachedFile, Received, Submission},
    error::AppError,
};

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
