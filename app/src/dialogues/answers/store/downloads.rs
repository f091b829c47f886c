//! A file attached to a draft or to a submission, to download.

use crate::{
    core::{
        files::{self, Download},
        ids::{DialogueId, SupplierId},
    },
    db::Db,
    error::AppError,
};

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
