use super::Email;
use crate::{
    db::{now_ms, Db},
    error::AppError,
};

/// What `create_site_admin` did.
#[derive(Debug, PartialEq, Eq)]
pub enum AdminOutcome {
    Created,
    Promoted,
}

const FIND_ACCOUNT: &str = "SELECT id FROM accounts WHERE email = $1";
const PROMOTE: &str = "UPDATE accounts SET is_site_admin = 1 WHERE id = $1";
const INSERT_ADMIN: &str = "INSERT INTO accounts \
     (email, name, password_hash, language, is_site_admin, email_verified_at, created_at) \
     VALUES ($1, $2, $3, 'sv', 1, $4, $4)";

/// Makes `email` a site admin: an existing account is promoted (its
/// password unchanged), otherwise a verified account is created.
pub async fn create_site_admin(
    db: &Db,
    email: &Email,
    name: &str,
    password_hash: &str,
) -> Result<AdminOutcome, AppError> {
    let mut tx = db.pool().begin().await?;
    let existing: Option<(i64,)> = sqlx::query_as(FIND_ACCOUNT)
        .bind(email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let outcome = if let Some((id,)) = existing {
        sqlx::query(PROMOTE).bind(id).execute(&mut *tx).await?;
        AdminOutcome::Promoted
    } else {
        sqlx::query(INSERT_ADMIN)
            .bind(email.as_str())
            .bind(name)
            .bind(password_hash)
            .bind(now_ms())
            .execute(&mut *tx)
            .await?;
        AdminOutcome::Created
    };
    tx.commit().await?;
    Ok(outcome)
}

const IS_SITE_ADMIN: &str = "SELECT is_site_admin FROM accounts WHERE email = $1";

/// Whether `email` has a site-admin account.
pub async fn is_site_admin(db: &Db, email: &Email) -> Result<bool, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(IS_SITE_ADMIN)
        .bind(email.as_str())
        .fetch_optional(db.pool())
        .await?;
    Ok(matches!(row, Some((1,))))
}
