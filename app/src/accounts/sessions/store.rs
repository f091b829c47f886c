//! The sessions' SQL: only a token's hash is stored.

use super::SessionInfo;
use crate::{core::ids::AccountId, db::Db, error::AppError};

crate::sql!(
    INSERT_SESSION = "INSERT INTO sessions \
     (token_hash, account_id, created_at, last_seen_at, expires_at, user_agent, ip) \
     VALUES ($1, $2, $3, $3, $4, $5, $6)"
);

#[tracing::instrument(skip_all)]
pub async fn insert(
    db: &Db,
    token_hash: &str,
    account_id: AccountId,
    user_agent: &str,
    ip: &str,
    lifetime_ms: i64,
) -> Result<(), AppError> {
    let now = db.now();
    sqlx::query(INSERT_SESSION)
        .bind(token_hash)
        .bind(account_id)
        .bind(now)
        .bind(now + lifetime_ms)
        .bind(user_agent)
        .bind(ip)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// A live session and the person it belongs to.
#[derive(sqlx::FromRow)]
pub struct LiveSession {
    pub session_id: i64,
    pub last_seen_at: i64,
    pub account_id: AccountId,
    pub name: String,
    pub email: String,
    pub title: String,
    pub language: String,
    pub email_verified_at: Option<i64>,
    pub is_site_admin: i64,
    pub totp_secret: Option<String>,
}

crate::sql!(
    FIND_SESSION = "SELECT s.id AS session_id, s.last_seen_at, a.id AS account_id, a.name, a.email, \
     a.title, a.language, a.email_verified_at, a.is_site_admin, a.totp_secret \
     FROM sessions s JOIN accounts a ON a.id = s.account_id \
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND a.deleted_at IS NULL"
);

/// The session with this token hash, unless it expired at `now` or was
/// last seen before `idle_since`.
#[tracing::instrument(skip_all)]
pub async fn live(
    db: &Db,
    token_hash: &str,
    now: i64,
    idle_since: i64,
) -> Result<Option<LiveSession>, AppError> {
    Ok(sqlx::query_as(FIND_SESSION)
        .bind(token_hash)
        .bind(now)
        .bind(idle_since)
        .fetch_optional(db.pool())
        .await?)
}

crate::sql!(
    /// Expired or not: only an ended (deleted) session has no owner.
    SESSION_OWNER = "SELECT s.account_id FROM sessions s JOIN accounts a ON a.id = s.account_id \
     WHERE s.token_hash = $1 AND a.deleted_at IS NULL"
);

/// The account a session token belongs to, even after it expired.
#[tracing::instrument(skip_all)]
pub async fn owner(db: &Db, token_hash: &str) -> Result<Option<AccountId>, AppError> {
    Ok(sqlx::query_scalar(SESSION_OWNER)
        .bind(token_hash)
        .fetch_optional(db.pool())
        .await?)
}

crate::sql!(TOUCH_SESSION = "UPDATE sessions SET last_seen_at = $1 WHERE id = $2");

#[tracing::instrument(skip_all)]
pub async fn touch(db: &Db, session_id: i64, now: i64) -> Result<(), AppError> {
    sqlx::query(TOUCH_SESSION)
        .bind(now)
        .bind(session_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    user_agent: String,
    ip: String,
    created_at: i64,
    last_seen_at: i64,
}

crate::sql!(
    LIST_SESSIONS = "SELECT id, user_agent, ip, created_at, last_seen_at FROM sessions \
     WHERE account_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC"
);

/// The account's live sessions, the newest first; `current_session` is
/// marked.
#[tracing::instrument(skip_all)]
pub async fn sessions(
    db: &Db,
    account_id: AccountId,
    current_session: i64,
) -> Result<Vec<SessionInfo>, AppError> {
    let rows: Vec<SessionRow> = sqlx::query_as(LIST_SESSIONS)
        .bind(account_id)
        .bind(db.now())
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| SessionInfo {
            current: row.id == current_session,
            id: row.id,
            user_agent: row.user_agent,
            ip: row.ip,
            created_at: row.created_at,
            last_seen_at: row.last_seen_at,
        })
        .collect())
}

crate::sql!(DELETE_SESSION = "DELETE FROM sessions WHERE id = $1 AND account_id = $2");

/// Ends one of the account's sessions; false when it has no such session.
#[tracing::instrument(skip_all)]
pub async fn end_session(
    db: &Db,
    account_id: AccountId,
    session_id: i64,
) -> Result<bool, AppError> {
    let done = sqlx::query(DELETE_SESSION)
        .bind(session_id)
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

crate::sql!(DELETE_OTHER_SESSIONS = "DELETE FROM sessions WHERE account_id = $1 AND id <> $2");

#[tracing::instrument(skip_all)]
pub async fn end_other_sessions(db: &Db, account_id: AccountId, keep: i64) -> Result<(), AppError> {
    sqlx::query(DELETE_OTHER_SESSIONS)
        .bind(account_id)
        .bind(keep)
        .execute(db.pool())
        .await?;
    Ok(())
}

crate::sql!(DELETE_ALL_SESSIONS = "DELETE FROM sessions WHERE account_id = $1");

#[tracing::instrument(skip_all)]
pub async fn end_all_sessions(db: &Db, account_id: AccountId) -> Result<(), AppError> {
    sqlx::query(DELETE_ALL_SESSIONS)
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(())
}
