//! Outgoing mail. Without SMTP configured every message goes to the
//! `outbox` table and to the log, so a newcomer can follow the links
//! locally (`samrad outbox`). No HTTP route reads the outbox.

use crate::{
    db::{now_ms, Db},
    error::AppError,
};

const QUEUE: &str =
    "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4)";

pub async fn send(db: &Db, to: &str, subject: &str, body: &str) -> Result<(), AppError> {
    sqlx::query(QUEUE)
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(now_ms())
        .execute(db.pool())
        .await?;
    tracing::info!(to, subject, body, "mail put in the outbox");
    Ok(())
}

/// One message in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutboxMail {
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
}

const LATEST: &str = "SELECT recipient, subject, body, created_at FROM outbox \
     ORDER BY id DESC LIMIT $1";

/// The newest messages first.
pub async fn latest(db: &Db, limit: i64) -> Result<Vec<OutboxMail>, AppError> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(LATEST)
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(recipient, subject, body, created_at)| OutboxMail {
            recipient,
            subject,
            body,
            created_at,
        })
        .collect())
}
