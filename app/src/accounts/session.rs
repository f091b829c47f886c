//! Sessions kept in the database: an opaque token in a cookie, its hash in
//! the `sessions` table, idle and absolute expiry.

use super::{tokens, SessionUser};
use crate::{db::Db, error::AppError, i18n::Lang};

const HOUR_MS: i64 = 60 * 60 * 1000;

/// How long sessions live; set from the server's configuration.
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    pub idle_ms: i64,
    pub absolute_ms: i64,
    /// Site admins get their rights only with two-step verification on.
    pub admin_requires_two_factor: bool,
}

impl Default for SessionPolicy {
    /// Eight hours idle, thirty days at most.
    fn default() -> Self {
        Self {
            idle_ms: 8 * HOUR_MS,
            absolute_ms: 30 * 24 * HOUR_MS,
            admin_requires_two_factor: false,
        }
    }
}

/// `__Host-` binds the cookie to this exact origin over https.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-samrad_session"
    } else {
        "samrad_session"
    }
}

pub fn set_cookie(token: &str, secure: bool, policy: SessionPolicy) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure_attr}",
        cookie_name(secure),
        policy.absolute_ms / 1000
    )
}

pub fn clear_cookie(secure: bool) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure_attr}",
        cookie_name(secure)
    )
}

/// The session token in a `Cookie` header.
pub fn token_from_cookie_header(header: &str, secure: bool) -> Option<&str> {
    cookie_value(header, cookie_name(secure))
}

/// A cookie's value in a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

const INSERT_SESSION: &str = "INSERT INTO sessions \
     (token_hash, account_id, created_at, last_seen_at, expires_at, user_agent, ip) \
     VALUES ($1, $2, $3, $3, $4, $5, $6)";

/// Starts a session for `account_id` and returns its token, for the cookie.
pub async fn start(
    db: &Db,
    account_id: i64,
    user_agent: &str,
    ip: &str,
    policy: SessionPolicy,
) -> Result<String, AppError> {
    let (token, hash) = tokens::new_token();
    let now = db.now();
    sqlx::query(INSERT_SESSION)
        .bind(hash)
        .bind(account_id)
        .bind(now)
        .bind(now + policy.absolute_ms)
        .bind(user_agent.chars().take(300).collect::<String>())
        .bind(ip)
        .execute(db.pool())
        .await?;
    Ok(token)
}

const FIND_SESSION: &str = "SELECT s.id, s.last_seen_at, a.id, a.name, a.email, a.title, a.language, \
     a.email_verified_at, a.is_site_admin, a.totp_secret \
     FROM sessions s JOIN accounts a ON a.id = s.account_id \
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND a.deleted_at IS NULL";
const TOUCH_SESSION: &str = "UPDATE sessions SET last_seen_at = $1 WHERE id = $2";

type SessionRow = (
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    i64,
    Option<String>,
);

/// The user of a live session, refreshing its last-seen time (at most once
/// a minute, to spare the database a write per request).
pub async fn lookup(
    db: &Db,
    token: &str,
    policy: SessionPolicy,
) -> Result<Option<SessionUser>, AppError> {
    let now = db.now();
    let row: Option<SessionRow> = sqlx::query_as(FIND_SESSION)
        .bind(tokens::hash_token(token))
        .bind(now)
        .bind(now - policy.idle_ms)
        .fetch_optional(db.pool())
        .await?;
    let Some((
        session_id,
        last_seen,
        account_id,
        name,
        email,
        title,
        language,
        verified,
        admin,
        totp,
    )) = row
    else {
        return Ok(None);
    };
    if now - last_seen > 60_000 {
        sqlx::query(TOUCH_SESSION)
            .bind(now)
            .bind(session_id)
            .execute(db.pool())
            .await?;
    }
    Ok(Some(SessionUser {
        account_id,
        session_id,
        name,
        email,
        title,
        language: Lang::parse(&language).unwrap_or_default(),
        verified: verified.is_some(),
        site_admin: admin == 1 && (totp.is_some() || !policy.admin_requires_two_factor),
        admin_needs_two_factor: admin == 1 && totp.is_none() && policy.admin_requires_two_factor,
        two_factor: totp.is_some(),
    }))
}

/// The cookie that carries a sign-in between password and code.
pub fn challenge_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-samrad_mfa"
    } else {
        "samrad_mfa"
    }
}

/// Five minutes to type the code.
pub const CHALLENGE_MS: i64 = 5 * 60 * 1000;

pub fn set_challenge_cookie(token: &str, secure: bool) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure_attr}",
        challenge_cookie_name(secure),
        CHALLENGE_MS / 1000
    )
}

pub fn clear_challenge_cookie(secure: bool) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure_attr}",
        challenge_cookie_name(secure)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_http_only_lax_and_host_prefixed_over_https() {
        let plain = set_cookie("abc", false, SessionPolicy::default());
        assert_eq!(
            plain,
            "samrad_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000"
        );
        let secure = set_cookie("abc", true, SessionPolicy::default());
        assert!(secure.starts_with("__Host-samrad_session=abc; Path=/; HttpOnly; SameSite=Lax"));
        assert!(secure.ends_with("; Secure"));
        assert_eq!(
            token_from_cookie_header("a=1; samrad_session=tok; b=2", false),
            Some("tok")
        );
        assert_eq!(token_from_cookie_header("samrad_session=tok", true), None);
    }
}
