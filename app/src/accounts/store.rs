//! The accounts room's SQL: accounts, the single-use links mailed to
//! them, and their security events.

use super::Email;
use crate::{core::ids::AccountId, db::Db, error::AppError, i18n::Lang};

/// What `create_site_admin` did.
#[derive(Debug, PartialEq, Eq)]
pub enum AdminOutcome {
    Created,
    Promoted,
}

crate::sql!(FIND_ACCOUNT = "SELECT id FROM accounts WHERE email = $1");
crate::sql!(PROMOTE = "UPDATE accounts SET is_site_admin = 1 WHERE id = $1");
crate::sql!(
    INSERT_ADMIN = "INSERT INTO accounts \
     (email, name, password_hash, language, is_site_admin, email_verified_at, created_at) \
     VALUES ($1, $2, $3, 'sv', 1, $4, $4)"
);

/// Makes `email` a site admin: an existing account is promoted (its
/// password unchanged), otherwise a verified account is created.
#[tracing::instrument(skip_all)]
pub async fn create_site_admin(
    db: &Db,
    email: &Email,
    name: &str,
    password_hash: &str,
) -> Result<AdminOutcome, AppError> {
    let mut tx = db.pool().begin().await?;
    let existing: Option<AccountId> = sqlx::query_scalar(FIND_ACCOUNT)
        .bind(email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let outcome = if let Some(id) = existing {
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

crate::sql!(
    CREATE_ACCOUNT = "INSERT INTO accounts \
     (email, name, password_hash, language, created_at, password_changed_at) \
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (email) DO NOTHING RETURNING id"
);

/// A new unverified account; `None` when the address already has one.
#[tracing::instrument(skip_all)]
pub async fn create_account(
    db: &Db,
    email: &Email,
    name: &str,
    password_hash: &str,
    language: Lang,
) -> Result<Option<AccountId>, AppError> {
    Ok(sqlx::query_scalar(CREATE_ACCOUNT)
        .bind(email.as_str())
        .bind(name)
        .bind(password_hash)
        .bind(language.code())
        .bind(db.now())
        .fetch_optional(db.pool())
        .await?)
}

/// What signing in needs to know about an account.
pub struct Credentials {
    pub account_id: AccountId,
    pub password_hash: String,
    pub language: Lang,
    pub two_factor: bool,
}

#[derive(sqlx::FromRow)]
struct CredentialsRow {
    id: AccountId,
    password_hash: String,
    language: String,
    totp_secret: Option<String>,
}

crate::sql!(
    CREDENTIALS = "SELECT id, password_hash, language, totp_secret FROM accounts \
     WHERE email = $1 AND deleted_at IS NULL"
);

#[tracing::instrument(skip_all)]
pub async fn credentials(db: &Db, email: &Email) -> Result<Option<Credentials>, AppError> {
    let row: Option<CredentialsRow> = sqlx::query_as(CREDENTIALS)
        .bind(email.as_str())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|row| Credentials {
        account_id: row.id,
        password_hash: row.password_hash,
        language: Lang::parse(&row.language).unwrap_or_default(),
        two_factor: row.totp_secret.is_some(),
    }))
}

crate::sql!(
    MARK_VERIFIED =
        "UPDATE accounts SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL"
);

#[tracing::instrument(skip_all)]
pub async fn mark_verified(db: &Db, account_id: AccountId) -> Result<(), AppError> {
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

crate::sql!(
    INSERT_TOKEN = "INSERT INTO email_tokens \
     (token_hash, account_id, purpose, new_email, created_at, expires_at) \
     VALUES ($1, $2, $3, $4, $5, $6)"
);

/// Stores a new link's token. A reset or an email change replaces any
/// earlier link of its kind: only the newest one works.
#[tracing::instrument(skip_all)]
pub async fn insert_email_token(
    db: &Db,
    token_hash: &str,
    account_id: AccountId,
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

/// A link just used: whose it was, and the address an email change
/// moves to.
#[derive(Debug, sqlx::FromRow)]
pub struct UsedLink {
    pub account_id: AccountId,
    pub new_email: Option<String>,
}

crate::sql!(
    /// Marks a token used in the same statement that checks it, so two
    /// simultaneous uses cannot both succeed.
    CONSUME_TOKEN = "UPDATE email_tokens SET used_at = $1 \
     WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
     RETURNING account_id, new_email"
);

#[tracing::instrument(skip_all)]
pub async fn consume_email_token(
    db: &Db,
    token_hash: &str,
    purpose: TokenPurpose,
) -> Result<Option<UsedLink>, AppError> {
    Ok(sqlx::query_as(CONSUME_TOKEN)
        .bind(db.now())
        .bind(token_hash)
        .bind(purpose.code())
        .fetch_optional(db.pool())
        .await?)
}

crate::sql_with_list!(
    REVOKE_TOKENS = "UPDATE email_tokens SET used_at = $1 \
     WHERE account_id = $2 AND used_at IS NULL AND purpose IN ({list})",
    from = 3
);

/// Ends every live link of these kinds: after a password reset or change
/// no earlier reset or email-change link may still work.
#[tracing::instrument(skip_all)]
pub async fn revoke_tokens(
    db: &Db,
    account_id: AccountId,
    purposes: &[TokenPurpose],
) -> Result<(), AppError> {
    let mut revoke = sqlx::query(REVOKE_TOKENS.with(purposes.len()))
        .bind(db.now())
        .bind(account_id);
    for purpose in purposes {
        revoke = revoke.bind(purpose.code());
    }
    revoke.execute(db.pool()).await?;
    Ok(())
}

crate::sql!(
    RESET_TOKEN_EMAIL = "SELECT a.email FROM email_tokens t \
     JOIN accounts a ON a.id = t.account_id \
     WHERE t.token_hash = $1 AND t.purpose = 'reset' AND t.used_at IS NULL AND t.expires_at > $2"
);

/// The address a live reset token belongs to, without using the token.
#[tracing::instrument(skip_all)]
pub async fn reset_token_email(db: &Db, token_hash: &str) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(RESET_TOKEN_EMAIL)
        .bind(token_hash)
        .bind(db.now())
        .fetch_optional(db.pool())
        .await?)
}

crate::sql!(EMAIL_OF = "SELECT email FROM accounts WHERE id = $1 AND deleted_at IS NULL");
crate::sql!(SET_EMAIL = "UPDATE accounts SET email = $1, email_verified_at = $2 WHERE id = $3");

/// Applies a verified email change and returns the old address;
/// `Conflict` when another account took the address meanwhile.
#[tracing::instrument(skip_all)]
pub async fn change_email(
    db: &Db,
    account_id: AccountId,
    new_email: &str,
) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let old: String = sqlx::query_scalar(EMAIL_OF)
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::InvalidToken)?;
    sqlx::query(SET_EMAIL)
        .bind(new_email)
        .bind(db.now())
        .bind(account_id)
        .execute(&mut *tx)
        .await
        .map_err(crate::db::conflict_if_taken)?;
    tx.commit().await?;
    Ok(old)
}

crate::sql!(EMAIL_TAKEN = "SELECT COUNT(*) FROM accounts WHERE email = $1");

#[tracing::instrument(skip_all)]
pub async fn email_taken(db: &Db, email: &Email) -> Result<bool, AppError> {
    let n: i64 = sqlx::query_scalar(EMAIL_TAKEN)
        .bind(email.as_str())
        .fetch_one(db.pool())
        .await?;
    Ok(n > 0)
}

crate::sql!(
    UPDATE_PROFILE = "UPDATE accounts SET name = $1, title = $2, language = $3 WHERE id = $4"
);

#[tracing::instrument(skip_all)]
pub async fn update_profile(
    db: &Db,
    account_id: AccountId,
    profile: &super::Profile,
) -> Result<(), AppError> {
    sqlx::query(UPDATE_PROFILE)
        .bind(profile.name())
        .bind(profile.title())
        .bind(profile.language().code())
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

crate::sql!(ACCOUNT_LANGUAGE = "SELECT language FROM accounts WHERE id = $1");

#[tracing::instrument(skip_all)]
pub async fn account_language(db: &Db, account_id: AccountId) -> Result<Lang, AppError> {
    let language: String = sqlx::query_scalar(ACCOUNT_LANGUAGE)
        .bind(account_id)
        .fetch_one(db.pool())
        .await?;
    Ok(Lang::parse(&language).unwrap_or_default())
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

crate::sql!(
    RECORD_EVENT = "INSERT INTO security_events (account_id, kind, at, ip) VALUES ($1, $2, $3, $4)"
);

#[tracing::instrument(skip_all)]
pub async fn record_event(
    db: &Db,
    account_id: AccountId,
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
