//! Two-step verification's SQL: the secret, the recovery codes (only
//! their hashes once confirmed), the last time step used, and the sign-in
//! challenges between password and code.

use super::totp::normalise_recovery_code;
use crate::{
    core::ids::{hash_token, AccountId},
    db::Db,
    error::AppError,
};

crate::sql!(SET_PENDING_SECRET = "UPDATE accounts SET totp_pending_secret = $1 WHERE id = $2");
crate::sql!(
    DELETE_PENDING_CODES =
        "DELETE FROM recovery_codes WHERE account_id = $1 AND pending_code IS NOT NULL"
);
crate::sql!(
    INSERT_CODE =
        "INSERT INTO recovery_codes (account_id, code_hash, pending_code) VALUES ($1, $2, $3)"
);

/// Starts a set-up: a pending secret and pending recovery codes, shown
/// until confirmed with a code.
#[tracing::instrument(skip_all)]
pub async fn begin_two_factor(
    db: &Db,
    account_id: AccountId,
    secret: &str,
    codes: &[String],
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(SET_PENDING_SECRET)
        .bind(secret)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(DELETE_PENDING_CODES)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    for code in codes {
        sqlx::query(INSERT_CODE)
            .bind(account_id)
            .bind(hash_token(&normalise_recovery_code(code)))
            .bind(code)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A set-up under way: the secret and the codes, not yet confirmed.
#[derive(Debug)]
pub struct PendingSetup {
    pub secret: String,
    pub recovery_codes: Vec<String>,
}

crate::sql!(PENDING_SECRET = "SELECT totp_pending_secret FROM accounts WHERE id = $1");
crate::sql!(
    PENDING_CODES = "SELECT pending_code FROM recovery_codes \
     WHERE account_id = $1 AND pending_code IS NOT NULL ORDER BY id"
);

/// The pending secret and codes, if a set-up is under way.
#[tracing::instrument(skip_all)]
pub async fn pending_two_factor(
    db: &Db,
    account_id: AccountId,
) -> Result<Option<PendingSetup>, AppError> {
    let secret: Option<String> = sqlx::query_scalar(PENDING_SECRET)
        .bind(account_id)
        .fetch_one(db.pool())
        .await?;
    let Some(secret) = secret else {
        return Ok(None);
    };
    let recovery_codes: Vec<String> = sqlx::query_scalar(PENDING_CODES)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(Some(PendingSetup {
        secret,
        recovery_codes,
    }))
}

crate::sql!(
    CONFIRM_SECRET = "UPDATE accounts SET totp_secret = totp_pending_secret, \
     totp_pending_secret = NULL, totp_last_step = $1 WHERE id = $2"
);
crate::sql!(
    DELETE_CONFIRMED_CODES =
        "DELETE FROM recovery_codes WHERE account_id = $1 AND pending_code IS NULL"
);
crate::sql!(
    KEEP_PENDING_CODES = "UPDATE recovery_codes SET pending_code = NULL WHERE account_id = $1"
);

/// Turns two-step verification on with the pending secret; the codes'
/// plain text is dropped, their hashes kept.
#[tracing::instrument(skip_all)]
pub async fn confirm_two_factor(db: &Db, account_id: AccountId, step: i64) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(CONFIRM_SECRET)
        .bind(step)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(DELETE_CONFIRMED_CODES)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(KEEP_PENDING_CODES)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    DISABLE = "UPDATE accounts SET totp_secret = NULL, totp_pending_secret = NULL, \
     totp_last_step = NULL WHERE id = $1"
);
crate::sql!(DELETE_CODES = "DELETE FROM recovery_codes WHERE account_id = $1");

#[tracing::instrument(skip_all)]
pub async fn disable_two_factor(db: &Db, account_id: AccountId) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(DISABLE)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(DELETE_CODES)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// An account with two-step on, as its sign-in's second step needs it.
#[derive(Debug)]
pub struct TwoFactorState {
    pub email: String,
    pub secret: String,
    pub last_step: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct StateRow {
    email: String,
    totp_secret: Option<String>,
    totp_last_step: Option<i64>,
}

crate::sql!(
    TOTP_STATE = "SELECT email, totp_secret, totp_last_step FROM accounts \
     WHERE id = $1 AND deleted_at IS NULL"
);

/// The account's state, if it has two-step on.
#[tracing::instrument(skip_all)]
pub async fn two_factor_state(
    db: &Db,
    account_id: AccountId,
) -> Result<Option<TwoFactorState>, AppError> {
    let row: Option<StateRow> = sqlx::query_as(TOTP_STATE)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(|row| {
        row.totp_secret.map(|secret| TwoFactorState {
            email: row.email,
            secret,
            last_step: row.totp_last_step,
        })
    }))
}

crate::sql!(
    /// Spends a time step; false when it (or a later one) was already
    /// used, so one code works once even when sent twice at the same
    /// moment.
    USE_STEP = "UPDATE accounts SET totp_last_step = $1 \
     WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)"
);

#[tracing::instrument(skip_all)]
pub async fn use_totp_step(db: &Db, account_id: AccountId, step: i64) -> Result<bool, AppError> {
    let done = sqlx::query(USE_STEP)
        .bind(step)
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

crate::sql!(
    USE_CODE = "UPDATE recovery_codes SET used_at = $1 \
     WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL AND pending_code IS NULL"
);

#[tracing::instrument(skip_all)]
pub async fn use_recovery_code(
    db: &Db,
    account_id: AccountId,
    code: &str,
) -> Result<bool, AppError> {
    let done = sqlx::query(USE_CODE)
        .bind(db.now())
        .bind(account_id)
        .bind(hash_token(&normalise_recovery_code(code)))
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

crate::sql!(
    CREATE_CHALLENGE =
        "INSERT INTO mfa_challenges (token_hash, account_id, expires_at) VALUES ($1, $2, $3)"
);

/// A sign-in that passed the password step and waits for its code.
#[tracing::instrument(skip_all)]
pub async fn create_challenge(
    db: &Db,
    token_hash: &str,
    account_id: AccountId,
    lifetime_ms: i64,
) -> Result<(), AppError> {
    sqlx::query(CREATE_CHALLENGE)
        .bind(token_hash)
        .bind(account_id)
        .bind(db.now() + lifetime_ms)
        .execute(db.pool())
        .await?;
    Ok(())
}

crate::sql!(
    CHALLENGE_ACCOUNT =
        "SELECT account_id FROM mfa_challenges WHERE token_hash = $1 AND expires_at > $2"
);

#[tracing::instrument(skip_all)]
pub async fn challenge_account(db: &Db, token_hash: &str) -> Result<Option<AccountId>, AppError> {
    Ok(sqlx::query_scalar(CHALLENGE_ACCOUNT)
        .bind(token_hash)
        .bind(db.now())
        .fetch_optional(db.pool())
        .await?)
}

crate::sql!(DELETE_CHALLENGE = "DELETE FROM mfa_challenges WHERE token_hash = $1");

#[tracing::instrument(skip_all)]
pub async fn end_challenge(db: &Db, token_hash: &str) -> Result<(), AppError> {
    sqlx::query(DELETE_CHALLENGE)
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}
