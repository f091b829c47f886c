//! Erasing a person: every personal field goes, the account's row stays
//! so that what they wrote still has an author to show as "Borttagen
//! användare".

use crate::{core::ids::AccountId, db::Db, error::AppError};

crate::sql!(EMAIL_OF = "SELECT email FROM accounts WHERE id = $1");
crate::sql!(
    /// Refused form values wait under the hash of the session that sent
    /// them (the session's own stored hash); a form sent after the session
    /// ended waits under the account.
    FORGET_FEEDBACK = "DELETE FROM form_feedback WHERE account_id = $1 \
     OR session_hash IN (SELECT token_hash FROM sessions WHERE account_id = $1)"
);
crate::sql!(
    ERASE_ACCOUNT = "UPDATE accounts SET email = $1, name = '', title = '', \
     password_hash = '', email_verified_at = NULL, is_site_admin = 0, totp_secret = NULL, \
     totp_pending_secret = NULL, overview_seen_at = NULL, overview_previous_at = NULL, \
     deleted_at = $2 WHERE id = $3"
);
crate::sql!(FORGET_SESSIONS = "DELETE FROM sessions WHERE account_id = $1");
crate::sql!(FORGET_EMAIL_TOKENS = "DELETE FROM email_tokens WHERE account_id = $1");
crate::sql!(FORGET_RECOVERY_CODES = "DELETE FROM recovery_codes WHERE account_id = $1");
crate::sql!(FORGET_MFA_CHALLENGES = "DELETE FROM mfa_challenges WHERE account_id = $1");
crate::sql!(FORGET_SECURITY_EVENTS = "DELETE FROM security_events WHERE account_id = $1");
crate::sql!(FORGET_NOTIFICATIONS = "DELETE FROM notifications WHERE account_id = $1");
crate::sql!(FORGET_FOLLOWS = "DELETE FROM discussion_follows WHERE account_id = $1");
crate::sql!(FORGET_MAIL = "DELETE FROM outbox WHERE recipient = $1");
crate::sql!(FORGET_AUTH_EVENTS = "DELETE FROM auth_events WHERE subject = $1");
crate::sql!(
    FORGET_REPORT_ADDRESS = "UPDATE accessibility_reports SET email = NULL WHERE email = $1"
);

/// Statements keyed by the account.
const BY_ACCOUNT: [&str; 7] = [
    FORGET_SESSIONS,
    FORGET_EMAIL_TOKENS,
    FORGET_RECOVERY_CODES,
    FORGET_MFA_CHALLENGES,
    FORGET_SECURITY_EVENTS,
    FORGET_NOTIFICATIONS,
    FORGET_FOLLOWS,
];
/// Statements keyed by the old address.
const BY_EMAIL: [&str; 3] = [FORGET_MAIL, FORGET_AUTH_EVENTS, FORGET_REPORT_ADDRESS];

/// Erases the person's personal data, in one transaction.
#[tracing::instrument(skip_all)]
pub async fn person(db: &Db, account_id: AccountId) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let email: String = sqlx::query_scalar(EMAIL_OF)
        .bind(account_id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query(FORGET_FEEDBACK)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(ERASE_ACCOUNT)
        .bind(format!("deleted-{}@invalid", account_id.0))
        .bind(db.now())
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    for sql in BY_ACCOUNT {
        sqlx::query(sql).bind(account_id).execute(&mut *tx).await?;
    }
    for sql in BY_EMAIL {
        sqlx::query(sql).bind(&email).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}
