//! The password's SQL: only its hash is ever stored.

use crate::{core::ids::AccountId, db::Db, error::AppError};

crate::sql!(
    PASSWORD_HASH_OF = "SELECT password_hash FROM accounts WHERE id = $1 AND deleted_at IS NULL"
);

/// The stored hash of a live account.
#[tracing::instrument(skip_all)]
pub async fn password_hash_of(db: &Db, account_id: AccountId) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(PASSWORD_HASH_OF)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?)
}

crate::sql!(
    SET_PASSWORD = "UPDATE accounts SET password_hash = $1, password_changed_at = $2 WHERE id = $3"
);

#[tracing::instrument(skip_all)]
pub async fn set_password(
    db: &Db,
    account_id: AccountId,
    password_hash: &str,
) -> Result<(), AppError> {
    sqlx::query(SET_PASSWORD)
        .bind(password_hash)
        .bind(db.now())
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(())
}
