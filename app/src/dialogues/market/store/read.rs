//! What the pages read of the market part: the messages on the public
//! page and, for the hosts, the suppliers' questions, the registered
//! suppliers and the information log.

use crate::{
    core::ids::{DialogueId, SupplierId},
    db::Db,
    dialogues::market::{
        AskedQuestion, InformationEntry, InformationKind, PublicMessage, RegisteredSupplier,
    },
    error::AppError,
};

crate::sql!(
    MESSAGES = "SELECT at, kind, body FROM dialogue_information WHERE dialogue_id = $1 \
     AND kind IN ('message', 'changed') ORDER BY id"
);

#[derive(sqlx::FromRow)]
struct MessageRow {
    at: i64,
    kind: String,
    body: String,
}

/// The messages sent to all and the changes since the announcement,
/// oldest first, for the public page.
#[tracing::instrument(skip_all)]
pub async fn messages(db: &Db, dialogue: DialogueId) -> Result<Vec<PublicMessage>, AppError> {
    let rows: Vec<MessageRow> = sqlx::query_as(MESSAGES)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| PublicMessage {
            at: r.at,
            change: r.kind == InformationKind::Changed.code(),
            body: r.body,
        })
        .collect())
}

crate::sql!(
    QUESTIONS = "SELECT q.public_id, q.body, s.name AS supplier, q.asked_at, \
     CAST(CASE WHEN q.qa_id IS NULL THEN 0 ELSE 1 END AS BIGINT) AS answered \
     FROM supplier_questions q \
     JOIN suppliers s ON s.id = q.supplier_id WHERE q.dialogue_id = $1 \
     ORDER BY q.qa_id IS NOT NULL, q.id"
);

#[derive(sqlx::FromRow)]
struct QuestionRow {
    public_id: String,
    body: String,
    supplier: String,
    asked_at: i64,
    answered: i64,
}

/// The suppliers' questions with who asked, unanswered first: hosts only.
#[tracing::instrument(skip_all)]
pub async fn questions(db: &Db, dialogue: DialogueId) -> Result<Vec<AskedQuestion>, AppError> {
    let rows: Vec<QuestionRow> = sqlx::query_as(QUESTIONS)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| AskedQuestion {
            public_id: r.public_id,
            body: r.body,
            supplier: r.supplier,
            asked_at: r.asked_at,
            answered: r.answered == 1,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct SupplierRow {
    id: SupplierId,
    name: String,
    country: String,
    identifier: String,
    registered_at: i64,
}

crate::sql!(
    SUPPLIERS = "SELECT s.id, s.name, s.country, s.identifier, r.registered_at \
     FROM dialogue_suppliers r JOIN suppliers s ON s.id = r.supplier_id \
     WHERE r.dialogue_id = $1 AND r.withdrawn_at IS NULL ORDER BY s.name, s.id"
);
crate::sql!(
    ATTENDING_BY_START = "SELECT m.supplier_id, s.starts_at, m.attendees \
     FROM meeting_suppliers m JOIN dialogue_sessions s ON s.id = m.session_id \
     WHERE s.dialogue_id = $1 ORDER BY s.starts_at, s.id"
);

#[derive(sqlx::FromRow)]
struct AttendingByStart {
    supplier_id: SupplierId,
    starts_at: i64,
    attendees: String,
}

/// The registered suppliers with who comes when: hosts only.
#[tracing::instrument(skip_all)]
pub async fn suppliers(db: &Db, dialogue: DialogueId) -> Result<Vec<RegisteredSupplier>, AppError> {
    let rows: Vec<SupplierRow> = sqlx::query_as(SUPPLIERS)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    let coming: Vec<AttendingByStart> = sqlx::query_as(ATTENDING_BY_START)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| RegisteredSupplier {
            attending: coming
                .iter()
                .filter(|c| c.supplier_id == r.id)
                .map(|c| (c.starts_at, c.attendees.clone()))
                .collect(),
            name: r.name,
            country: r.country,
            identifier: r.identifier,
            registered_at: r.registered_at,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct InformationRow {
    id: i64,
    at: i64,
    kind: String,
    body: String,
    supplier: Option<String>,
}

#[derive(sqlx::FromRow)]
struct RecipientRow {
    information_id: i64,
    name: String,
}

crate::sql!(
    INFORMATION = "SELECT i.id, i.at, i.kind, i.body, s.name AS supplier \
     FROM dialogue_information i LEFT JOIN suppliers s ON s.id = i.supplier_id \
     WHERE i.dialogue_id = $1 ORDER BY i.id"
);
crate::sql!(
    RECIPIENTS = "SELECT r.information_id, s.name FROM dialogue_information_recipients r \
     JOIN dialogue_information i ON i.id = r.information_id \
     JOIN suppliers s ON s.id = r.supplier_id WHERE i.dialogue_id = $1 ORDER BY s.name, s.id"
);

/// The information log, oldest first, with each entry's recipients.
#[tracing::instrument(skip_all)]
pub async fn information(db: &Db, dialogue: DialogueId) -> Result<Vec<InformationEntry>, AppError> {
    let rows: Vec<InformationRow> = sqlx::query_as(INFORMATION)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    let recipients: Vec<RecipientRow> = sqlx::query_as(RECIPIENTS)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(InformationEntry {
                at: r.at,
                kind: InformationKind::parse(&r.kind)
                    .ok_or_else(|| AppError::internal("information kind"))?,
                body: r.body,
                supplier: r.supplier,
                recipients: recipients
                    .iter()
                    .filter(|x| x.information_id == r.id)
                    .map(|x| x.name.clone())
                    .collect(),
            })
        })
        .collect()
}
