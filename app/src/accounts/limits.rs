//! Brute-force limits. Events are rows in the database, so the counts
//! hold across restarts and across several server instances.

use crate::{db::Db, error::AppError};

const MINUTE_MS: i64 = 60_000;

/// After this many failed sign-ins in `LOCK_WINDOW_MS`, an account's
/// sign-ins are refused until the window has passed.
pub const LOCK_FAILURES: i64 = 5;
pub const LOCK_WINDOW_MS: i64 = 15 * MINUTE_MS;

/// Events counted per client IP address, each with its limit and window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IpLimit {
    SignIn,
    SignUp,
    PasswordReset,
    /// A new verification link asked for by a signed-in person whose
    /// address is not verified yet.
    VerificationLink,
    /// Reports from the accessibility statement's form, which anyone may
    /// send without signing in.
    Report,
}

/// How many events one IP address may cause per window. A whole town
/// hall can share one address behind its NAT, so the operator may raise
/// them (SIGNIN_PER_IP and friends).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpAllowance {
    pub sign_ins_per_15_min: i64,
    pub sign_ups_per_hour: i64,
    pub resets_per_hour: i64,
    pub reports_per_hour: i64,
}

impl Default for IpAllowance {
    fn default() -> Self {
        Self {
            sign_ins_per_15_min: 100,
            sign_ups_per_hour: 10,
            resets_per_hour: 10,
            reports_per_hour: 5,
        }
    }
}

impl IpLimit {
    fn kind(self) -> &'static str {
        match self {
            IpLimit::SignIn => "signin_ip",
            IpLimit::SignUp => "signup_ip",
            IpLimit::PasswordReset => "reset_ip",
            IpLimit::VerificationLink => "verify_link_ip",
            IpLimit::Report => "report_ip",
        }
    }

    /// (events allowed, window in ms)
    fn allowance(self, allowance: IpAllowance) -> (i64, i64) {
        match self {
            IpLimit::SignIn => (allowance.sign_ins_per_15_min, 15 * MINUTE_MS),
            IpLimit::SignUp => (allowance.sign_ups_per_hour, 60 * MINUTE_MS),
            // Mails a link to an account's address, as a reset does, and
            // is allowed as often (counted on its own).
            IpLimit::PasswordReset | IpLimit::VerificationLink => {
                (allowance.resets_per_hour, 60 * MINUTE_MS)
            }
            IpLimit::Report => (allowance.reports_per_hour, 60 * MINUTE_MS),
        }
    }
}

/// Events counted per account: one person, however many addresses they
/// come from, cannot flood others' inboxes (each request mails those who
/// decide) or their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountLimit {
    /// Asking to join an organisation, a supplier or a network.
    JoinRequest,
    /// A new verification link to one's own address.
    VerificationLink,
}

impl AccountLimit {
    fn kind(self) -> &'static str {
        match self {
            AccountLimit::JoinRequest => "join_request_account",
            AccountLimit::VerificationLink => "verify_link_account",
        }
    }

    /// (events allowed, window in ms): more than anyone asks for by hand.
    pub fn allowance(self) -> (i64, i64) {
        match self {
            AccountLimit::JoinRequest => (10, 60 * MINUTE_MS),
            AccountLimit::VerificationLink => (5, 60 * MINUTE_MS),
        }
    }
}

crate::sql!(
    COUNT = "SELECT COUNT(*) FROM auth_events WHERE kind = $1 AND subject = $2 AND at > $3"
);
crate::sql!(RECORD = "INSERT INTO auth_events (kind, subject, at) VALUES ($1, $2, $3)");
crate::sql!(FORGET = "DELETE FROM auth_events WHERE kind = $1 AND subject = $2");
crate::sql!(PRUNE = "DELETE FROM auth_events WHERE at < $1");
const SIGNIN_FAILURE: &str = "signin_failure";

async fn count(db: &Db, kind: &str, subject: &str, window_ms: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(COUNT)
        .bind(kind)
        .bind(subject)
        .bind(db.now() - window_ms)
        .fetch_one(db.pool())
        .await?)
}

async fn record(db: &Db, kind: &str, subject: &str) -> Result<(), AppError> {
    let now = db.now();
    sqlx::query(RECORD)
        .bind(kind)
        .bind(subject)
        .bind(now)
        .execute(db.pool())
        .await?;
    // Old events are never counted again; sweep them now and then.
    if rand::random::<u8>() == 0 {
        sqlx::query(PRUNE)
            .bind(now - 24 * 60 * MINUTE_MS)
            .execute(db.pool())
            .await?;
    }
    Ok(())
}

/// Counts one event for `ip`, refusing it when the IP is over its limit.
#[tracing::instrument(skip_all)]
pub async fn check_ip(
    db: &Db,
    limit: IpLimit,
    allowance: IpAllowance,
    ip: &str,
) -> Result<(), AppError> {
    let (allowed, window) = limit.allowance(allowance);
    if count(db, limit.kind(), ip, window).await? >= allowed {
        tracing::warn!(limit = limit.kind(), "rate limit reached");
        return Err(AppError::TooManyRequests);
    }
    record(db, limit.kind(), ip).await
}

/// Counts one event for the account, refusing it when the account is
/// over its limit.
#[tracing::instrument(skip_all)]
pub async fn check_account(
    db: &Db,
    limit: AccountLimit,
    account: crate::core::ids::AccountId,
) -> Result<(), AppError> {
    let (allowed, window) = limit.allowance();
    let subject = account.0.to_string();
    if count(db, limit.kind(), &subject, window).await? >= allowed {
        tracing::warn!(limit = limit.kind(), "rate limit reached");
        return Err(AppError::TooManyRequests);
    }
    record(db, limit.kind(), &subject).await
}

#[tracing::instrument(skip_all)]
pub async fn is_locked(db: &Db, email: &str) -> Result<bool, AppError> {
    Ok(count(db, SIGNIN_FAILURE, email, LOCK_WINDOW_MS).await? >= LOCK_FAILURES)
}

/// Records a failed sign-in; true when this failure locks the account.
#[tracing::instrument(skip_all)]
pub async fn record_failure(db: &Db, email: &str) -> Result<bool, AppError> {
    record(db, SIGNIN_FAILURE, email).await?;
    Ok(count(db, SIGNIN_FAILURE, email, LOCK_WINDOW_MS).await? == LOCK_FAILURES)
}

/// A successful sign-in starts the count afresh.
#[tracing::instrument(skip_all)]
pub async fn clear_failures(db: &Db, email: &str) -> Result<(), AppError> {
    sqlx::query(FORGET)
        .bind(SIGNIN_FAILURE)
        .bind(email)
        .execute(db.pool())
        .await?;
    Ok(())
}
