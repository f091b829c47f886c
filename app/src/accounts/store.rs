//! The accounts room's SQL.

use super::{Email, SessionInfo};
use crate::{db::Db, error::AppError, i18n::Lang};

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
            .bind(db.now())
            .execute(&mut *tx)
            .await?;
        AdminOutcome::Created
    };
    tx.commit().await?;
    Ok(outcome)
}

const CREATE_ACCOUNT: &str = "INSERT INTO accounts \
     (email, name, password_hash, language, created_at, password_changed_at) \
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (email) DO NOTHING RETURNING id";

/// A new unverified account; `None` when the address already has one.
pub async fn create_account(
    db: &Db,
    email: &Email,
    name: &str,
    password_hash: &str,
    language: Lang,
) -> Result<Option<i64>, AppError> {
    let id: Option<(i64,)> = sqlx::query_as(CREATE_ACCOUNT)
        .bind(email.as_str())
        .bind(name)
        .bind(password_hash)
        .bind(language.code())
        .bind(db.now())
        .fetch_optional(db.pool())
        .await?;
    Ok(id.map(|(id,)| id))
}

/// What signing in needs to know about an account.
pub struct Credentials {
    pub account_id: i64,
    pub password_hash: String,
    pub name: String,
    pub language: Lang,
    pub two_factor: bool,
}

const CREDENTIALS: &str = "SELECT id, password_hash, name, language, totp_secret FROM accounts \
     WHERE email = $1 AND deleted_at IS NULL";

pub async fn credentials(db: &Db, email: &Email) -> Result<Option<Credentials>, AppError> {
    let row: Option<(i64, String, String, String, Option<String>)> = sqlx::query_as(CREDENTIALS)
        .bind(email.as_str())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(
        |(account_id, password_hash, name, language, totp)| Credentials {
            account_id,
            password_hash,
            name,
            language: Lang::parse(&language).unwrap_or_default(),
            two_factor: totp.is_some(),
        },
    ))
}

const PASSWORD_HASH_OF: &str =
    "SELECT password_hash FROM accounts WHERE id = $1 AND deleted_at IS NULL";

pub async fn password_hash_of(db: &Db, account_id: i64) -> Result<Option<String>, AppError> {
    let row: Option<(String,)> = sqlx::query_as(PASSWORD_HASH_OF)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|(h,)| h))
}

const SET_PASSWORD: &str =
    "UPDATE accounts SET password_hash = $1, password_changed_at = $2 WHERE id = $3";

pub async fn set_password(db: &Db, account_id: i64, password_hash: &str) -> Result<(), AppError> {
    sqlx::query(SET_PASSWORD)
        .bind(password_hash)
        .bind(db.now())
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

const MARK_VERIFIED: &str =
    "UPDATE accounts SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL";

pub async fn mark_verified(db: &Db, account_id: i64) -> Result<(), AppError> {
    sqlx::query(MARK_VERIFIED)
        .bind(db.now())
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Why an email link was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    Verify,
    Reset,
    ChangeEmail,
}

impl TokenPurpose {
    fn code(self) -> &'static str {
        match self {
            TokenPurpose::Verify => "verify",
            TokenPurpose::Reset => "reset",
            TokenPurpose::ChangeEmail => "change_email",
        }
    }
}

const INSERT_TOKEN: &str = "INSERT INTO email_tokens \
     (token_hash, account_id, purpose, new_email, created_at, expires_at) \
     VALUES ($1, $2, $3, $4, $5, $6)";

/// Stores a new link's token. A reset or an email change replaces any
/// earlier link of its kind: only the newest one works.
pub async fn insert_email_token(
    db: &Db,
    token_hash: &str,
    account_id: i64,
    purpose: TokenPurpose,
    new_email: Option<&Email>,
    lifetime_ms: i64,
) -> Result<(), AppError> {
    let now = db.now();
    if purpose != TokenPurpose::Verify {
        revoke_tokens(db, account_id, &[purpose]).await?;
    }
    sqlx::query(INSERT_TOKEN)
        .bind(token_hash)
        .bind(account_id)
        .bind(purpose.code())
        .bind(new_email.map(|e| e.as_str().to_string()))
        .bind(now)
        .bind(now + lifetime_ms)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Marks a token used in the same statement that checks it, so two
/// simultaneous uses cannot both succeed.
const CONSUME_TOKEN: &str = "UPDATE email_tokens SET used_at = $1 \
     WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
     RETURNING account_id, new_email";

pub async fn consume_email_token(
    db: &Db,
    token_hash: &str,
    purpose: TokenPurpose,
) -> Result<Option<(i64, Option<String>)>, AppError> {
    Ok(sqlx::query_as(CONSUME_TOKEN)
        .bind(db.now())
        .bind(token_hash)
        .bind(purpose.code())
        .fetch_optional(db.pool())
        .await?)
}

const REVOKE_TOKENS: &str = "UPDATE email_tokens SET used_at = $1 \
     WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL";

/// Ends every live link of these kinds: after a password reset or change
/// no earlier reset or email-change link may still work.
pub async fn revoke_tokens(
    db: &Db,
    account_id: i64,
    purposes: &[TokenPurpose],
) -> Result<(), AppError> {
    for purpose in purposes {
        sqlx::query(REVOKE_TOKENS)
            .bind(db.now())
            .bind(account_id)
            .bind(purpose.code())
            .execute(db.pool())
            .await?;
    }
    Ok(())
}

const RESET_TOKEN_EMAIL: &str = "SELECT a.email FROM email_tokens t \
     JOIN accounts a ON a.id = t.account_id \
     WHERE t.token_hash = $1 AND t.purpose = 'reset' AND t.used_at IS NULL AND t.expires_at > $2";

/// The address a live reset token belongs to, without using the token.
pub async fn reset_token_email(db: &Db, token_hash: &str) -> Result<Option<String>, AppError> {
    let row: Option<(String,)> = sqlx::query_as(RESET_TOKEN_EMAIL)
        .bind(token_hash)
        .bind(db.now())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|(e,)| e))
}

const EMAIL_OF: &str = "SELECT email FROM accounts WHERE id = $1 AND deleted_at IS NULL";

/// Applies a verified email change and returns the old address;
/// `Conflict` when another account took the address meanwhile.
pub async fn change_email(db: &Db, account_id: i64, new_email: &str) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let old: String = sqlx::query_scalar(EMAIL_OF)
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::InvalidToken)?;
    sqlx::query("UPDATE accounts SET email = $1, email_verified_at = $2 WHERE id = $3")
        .bind(new_email)
        .bind(db.now())
        .bind(account_id)
        .execute(&mut *tx)
        .await
        .map_err(crate::db::conflict_if_taken)?;
    tx.commit().await?;
    Ok(old)
}

const EMAIL_TAKEN: &str = "SELECT COUNT(*) FROM accounts WHERE email = $1";

pub async fn email_taken(db: &Db, email: &Email) -> Result<bool, AppError> {
    let (n,): (i64,) = sqlx::query_as(EMAIL_TAKEN)
        .bind(email.as_str())
        .fetch_one(db.pool())
        .await?;
    Ok(n > 0)
}

const UPDATE_PROFILE: &str =
    "UPDATE accounts SET name = $1, title = $2, language = $3 WHERE id = $4";

pub async fn update_profile(
    db: &Db,
    account_id: i64,
    name: &str,
    title: &str,
    language: Lang,
) -> Result<(), AppError> {
    sqlx::query(UPDATE_PROFILE)
        .bind(name)
        .bind(title)
        .bind(language.code())
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

const LIST_SESSIONS: &str = "SELECT id, user_agent, ip, created_at, last_seen_at FROM sessions \
     WHERE account_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC";

pub async fn sessions(
    db: &Db,
    account_id: i64,
    current_session: i64,
) -> Result<Vec<SessionInfo>, AppError> {
    let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(LIST_SESSIONS)
        .bind(account_id)
        .bind(db.now())
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, user_agent, ip, created_at, last_seen_at)| SessionInfo {
                id,
                user_agent,
                ip,
                created_at,
                last_seen_at,
                current: id == current_session,
            },
        )
        .collect())
}

const DELETE_SESSION: &str = "DELETE FROM sessions WHERE id = $1 AND account_id = $2";

/// Ends one of the account's sessions; false when it has no such session.
pub async fn end_session(db: &Db, account_id: i64, session_id: i64) -> Result<bool, AppError> {
    let done = sqlx::query(DELETE_SESSION)
        .bind(session_id)
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

const DELETE_OTHER_SESSIONS: &str = "DELETE FROM sessions WHERE account_id = $1 AND id <> $2";

pub async fn end_other_sessions(db: &Db, account_id: i64, keep: i64) -> Result<(), AppError> {
    sqlx::query(DELETE_OTHER_SESSIONS)
        .bind(account_id)
        .bind(keep)
        .execute(db.pool())
        .await?;
    Ok(())
}

const DELETE_ALL_SESSIONS: &str = "DELETE FROM sessions WHERE account_id = $1";

pub async fn end_all_sessions(db: &Db, account_id: i64) -> Result<(), AppError> {
    sqlx::query(DELETE_ALL_SESSIONS)
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

// Two-step verification.

const SET_PENDING_SECRET: &str = "UPDATE accounts SET totp_pending_secret = $1 WHERE id = $2";
const DELETE_PENDING_CODES: &str =
    "DELETE FROM recovery_codes WHERE account_id = $1 AND pending_code IS NOT NULL";
const INSERT_CODE: &str =
    "INSERT INTO recovery_codes (account_id, code_hash, pending_code) VALUES ($1, $2, $3)";

/// Starts a set-up: a pending secret and pending recovery codes, shown
/// until confirmed with a code.
pub async fn begin_two_factor(
    db: &Db,
    account_id: i64,
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
            .bind(super::tokens::hash_token(
                &super::totp::normalise_recovery_code(code),
            ))
            .bind(code)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

const PENDING_SECRET: &str = "SELECT totp_pending_secret FROM accounts WHERE id = $1";
const PENDING_CODES: &str = "SELECT pending_code FROM recovery_codes \
     WHERE account_id = $1 AND pending_code IS NOT NULL ORDER BY id";

/// The pending secret and codes, if a set-up is under way.
pub async fn pending_two_factor(
    db: &Db,
    account_id: i64,
) -> Result<Option<(String, Vec<String>)>, AppError> {
    let (secret,): (Option<String>,) = sqlx::query_as(PENDING_SECRET)
        .bind(account_id)
        .fetch_one(db.pool())
        .await?;
    let Some(secret) = secret else {
        return Ok(None);
    };
    let codes: Vec<(String,)> = sqlx::query_as(PENDING_CODES)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(Some((secret, codes.into_iter().map(|(c,)| c).collect())))
}

const CONFIRM_SECRET: &str = "UPDATE accounts SET totp_secret = totp_pending_secret, \
     totp_pending_secret = NULL, totp_last_step = $1 WHERE id = $2";
const DELETE_CONFIRMED_CODES: &str =
    "DELETE FROM recovery_codes WHERE account_id = $1 AND pending_code IS NULL";
const KEEP_PENDING_CODES: &str =
    "UPDATE recovery_codes SET pending_code = NULL WHERE account_id = $1";

/// Turns two-step verification on with the pending secret; the codes'
/// plain text is dropped, their hashes kept.
pub async fn confirm_two_factor(db: &Db, account_id: i64, step: i64) -> Result<(), AppError> {
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

const DISABLE: &str = "UPDATE accounts SET totp_secret = NULL, totp_pending_secret = NULL, \
     totp_last_step = NULL WHERE id = $1";
const DELETE_CODES: &str = "DELETE FROM recovery_codes WHERE account_id = $1";

pub async fn disable_two_factor(db: &Db, account_id: i64) -> Result<(), AppError> {
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

const TOTP_STATE: &str =
    "SELECT email, totp_secret, totp_last_step FROM accounts WHERE id = $1 AND deleted_at IS NULL";

/// (email, secret, last used step) of an account with two-step on.
pub async fn two_factor_state(
    db: &Db,
    account_id: i64,
) -> Result<Option<(String, String, Option<i64>)>, AppError> {
    let row: Option<(String, Option<String>, Option<i64>)> = sqlx::query_as(TOTP_STATE)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(|(email, secret, last)| secret.map(|s| (email, s, last))))
}

/// Spends a time step; false when it (or a later one) was already used,
/// so one code works once even when sent twice at the same moment.
const USE_STEP: &str = "UPDATE accounts SET totp_last_step = $1 \
     WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)";

pub async fn use_totp_step(db: &Db, account_id: i64, step: i64) -> Result<bool, AppError> {
    let done = sqlx::query(USE_STEP)
        .bind(step)
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

const USE_CODE: &str = "UPDATE recovery_codes SET used_at = $1 \
     WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL AND pending_code IS NULL";

pub async fn use_recovery_code(db: &Db, account_id: i64, code: &str) -> Result<bool, AppError> {
    let hash = super::tokens::hash_token(&super::totp::normalise_recovery_code(code));
    let done = sqlx::query(USE_CODE)
        .bind(db.now())
        .bind(account_id)
        .bind(hash)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

const CREATE_CHALLENGE: &str =
    "INSERT INTO mfa_challenges (token_hash, account_id, expires_at) VALUES ($1, $2, $3)";

pub async fn create_challenge(
    db: &Db,
    token_hash: &str,
    account_id: i64,
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

const CHALLENGE_ACCOUNT: &str =
    "SELECT account_id FROM mfa_challenges WHERE token_hash = $1 AND expires_at > $2";
const DELETE_CHALLENGE: &str = "DELETE FROM mfa_challenges WHERE token_hash = $1";

pub async fn challenge_account(db: &Db, token_hash: &str) -> Result<Option<i64>, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(CHALLENGE_ACCOUNT)
        .bind(token_hash)
        .bind(db.now())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|(id,)| id))
}

pub async fn end_challenge(db: &Db, token_hash: &str) -> Result<(), AppError> {
    sqlx::query(DELETE_CHALLENGE)
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Something that happened to an account's security, kept for its owner
/// (and in their data download).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecurityEvent {
    SignIn,
    SignInFailed,
    Locked,
    TwoFactorOn,
    TwoFactorOff,
    PasswordChanged,
    PasswordReset,
    EmailChanged,
}

impl SecurityEvent {
    pub fn code(self) -> &'static str {
        match self {
            SecurityEvent::SignIn => "sign_in",
            SecurityEvent::SignInFailed => "sign_in_failed",
            SecurityEvent::Locked => "locked",
            SecurityEvent::TwoFactorOn => "two_factor_on",
            SecurityEvent::TwoFactorOff => "two_factor_off",
            SecurityEvent::PasswordChanged => "password_changed",
            SecurityEvent::PasswordReset => "password_reset",
            SecurityEvent::EmailChanged => "email_changed",
        }
    }
}

const RECORD_EVENT: &str =
    "INSERT INTO security_events (account_id, kind, at, ip) VALUES ($1, $2, $3, $4)";

pub async fn record_event(
    db: &Db,
    account_id: i64,
    event: SecurityEvent,
    ip: &str,
) -> Result<(), AppError> {
    sqlx::query(RECORD_EVENT)
        .bind(account_id)
        .bind(event.code())
        .bind(db.now())
        .bind(ip)
        .execute(db.pool())
        .await?;
    Ok(())
}

const ACCOUNT_LANGUAGE: &str = "SELECT language FROM accounts WHERE id = $1";

pub async fn account_language(db: &Db, account_id: i64) -> Result<Lang, AppError> {
    let (language,): (String,) = sqlx::query_as(ACCOUNT_LANGUAGE)
        .bind(account_id)
        .fetch_one(db.pool())
        .await?;
    Ok(Lang::parse(&language).unwrap_or_default())
}
