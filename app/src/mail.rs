//! Outgoing mail. Every message is first queued in the `outbox` table, in
//! the same request that decided to send it. With SMTP configured the
//! server's delivery worker sends the queue and marks what went; without
//! it the outbox is the end of the line, and a newcomer follows the links
//! locally with `samrad outbox`. No HTTP route reads the outbox, and no
//! log line holds a mail's text: links in it are live keys to accounts.
//! A body is kept only until it is delivered, or a day at most; the row
//! (recipient, subject, times) stays, for the person's own data download.

use crate::{context::AppContext, db::Db, error::AppError};

crate::sql!(
    QUEUE = "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4)"
);

#[tracing::instrument(skip_all)]
pub async fn send(ctx: &AppContext, to: &str, subject: &str, body: &str) -> Result<(), AppError> {
    sqlx::query(QUEUE)
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(ctx.db.now())
        .execute(ctx.db.pool())
        .await?;
    if ctx.smtp_configured {
        tracing::info!(subject, "mail queued for SMTP delivery");
    } else {
        tracing::info!(
            subject,
            "mail put in the outbox (no SMTP configured; `samrad outbox` shows it)"
        );
    }
    Ok(())
}

/// One message in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct OutboxMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

crate::sql!(
    LATEST = "SELECT id, recipient, subject, body, created_at, sent_at FROM outbox \
     ORDER BY id DESC LIMIT $1"
);

/// The newest messages first.
#[tracing::instrument(skip_all)]
pub async fn latest(db: &Db, limit: i64) -> Result<Vec<OutboxMail>, AppError> {
    Ok(sqlx::query_as(LATEST)
        .bind(limit)
        .fetch_all(db.pool())
        .await?)
}

/// A delivery that has not finished within this time is tried again (its
/// worker may have died).
const CLAIM_TIMEOUT_MS: i64 = 60_000;
/// After this many failures a mail stays in the outbox for a person to see.
pub const MAX_ATTEMPTS: i64 = 10;

crate::sql!(
    CLAIM = "UPDATE outbox SET claimed_at = $1 WHERE id IN ( \
     SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < $2 AND body <> '' \
     AND (claimed_at IS NULL OR claimed_at < $3) ORDER BY id LIMIT $4) \
     RETURNING id, recipient, subject, body, created_at, sent_at"
);

/// Takes up to `limit` unsent mails for delivery, so that two server
/// instances never send the same one at the same time.
#[tracing::instrument(skip_all)]
pub async fn claim_unsent(db: &Db, limit: i64) -> Result<Vec<OutboxMail>, AppError> {
    let now = db.now();
    Ok(sqlx::query_as(CLAIM)
        .bind(now)
        .bind(MAX_ATTEMPTS)
        .bind(now - CLAIM_TIMEOUT_MS)
        .bind(limit)
        .fetch_all(db.pool())
        .await?)
}

crate::sql!(
    MARK_SENT = "UPDATE outbox SET sent_at = $1, claimed_at = NULL, body = '' WHERE id = $2"
);

#[tracing::instrument(skip_all)]
pub async fn mark_sent(db: &Db, id: i64) -> Result<(), AppError> {
    sqlx::query(MARK_SENT)
        .bind(db.now())
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

crate::sql!(
    MARK_FAILED = "UPDATE outbox SET attempts = attempts + 1, last_error = $1, \
     claimed_at = NULL WHERE id = $2"
);

#[tracing::instrument(skip_all)]
pub async fn mark_failed(db: &Db, id: i64, error: &str) -> Result<(), AppError> {
    sqlx::query(MARK_FAILED)
        .bind(error)
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// How long an undelivered mail's body is kept: every link in it has
/// expired by then (a verification link lives a day, a reset an hour).
pub const BODY_KEPT_MS: i64 = 24 * 60 * 60 * 1000;

crate::sql!(PURGE = "UPDATE outbox SET body = '' WHERE body <> '' AND created_at < $1");

/// Erases the bodies of mails older than a day; they are not sent any
/// more. Runs now and then in the server.
#[tracing::instrument(skip_all)]
pub async fn purge(db: &Db) -> Result<u64, AppError> {
    let done = sqlx::query(PURGE)
        .bind(db.now() - BODY_KEPT_MS)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}
