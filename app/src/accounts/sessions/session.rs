//! Sessions kept in the database: an opaque token in a cookie, its hash in
//! the `sessions` table, idle and absolute expiry.

use super::store;
use crate::{
    accounts::{tokens, SessionUser},
    core::ids::AccountId,
    db::Db,
    error::AppError,
    i18n::Lang,
};

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

/// Starts a session for `account_id` and returns its token, for the cookie.
pub async fn start(
    db: &Db,
    account_id: AccountId,
    user_agent: &str,
    ip: &str,
    policy: SessionPolicy,
) -> Result<String, AppError> {
    let (token, hash) = tokens::new_token();
    let user_agent: String = user_agent.chars().take(300).collect();
    store::insert(db, &hash, account_id, &user_agent, ip, policy.absolute_ms).await?;
    Ok(token)
}

/// Who a request comes from: the person, or a page asking by itself
/// (the header's count, live comments) while nobody touches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    Person,
    Background,
}

/// The paths a page asks by itself, every minute or so: they never keep a
/// session alive, or an open tab would outlast the idle limit.
pub const BACKGROUND_PATHS: [&str; 2] = ["/api/notifications/unread", "/api/comments/since"];

/// The user of a live session, refreshing its last-seen time for a
/// person's request (at most once a minute, to spare the database a write
/// per request).
pub async fn lookup(
    db: &Db,
    token: &str,
    policy: SessionPolicy,
    activity: Activity,
) -> Result<Option<SessionUser>, AppError> {
    let now = db.now();
    let hash = tokens::hash_token(token);
    let Some(live) = store::live(db, &hash, now, now - policy.idle_ms).await? else {
        return Ok(None);
    };
    if activity == Activity::Person && now - live.last_seen_at > 60_000 {
        store::touch(db, live.session_id, now).await?;
    }
    let admin = live.is_site_admin == 1;
    let two_factor = live.totp_secret.is_some();
    Ok(Some(SessionUser {
        account_id: live.account_id.0,
        session_id: live.session_id,
        name: live.name,
        email: live.email,
        title: live.title,
        language: Lang::parse(&live.language).unwrap_or_default(),
        verified: live.email_verified_at.is_some(),
        site_admin: admin && (two_factor || !policy.admin_requires_two_factor),
        admin_needs_two_factor: admin && !two_factor && policy.admin_requires_two_factor,
        two_factor,
    }))
}

/// Whose session a token was, if it has expired rather than been ended
/// (signing out or revoking deletes it): a form sent after it expired
/// waits for that person only.
pub async fn owner_of_expired(
    db: &Db,
    token: &str,
    policy: SessionPolicy,
) -> Result<Option<AccountId>, AppError> {
    if lookup(db, token, policy, Activity::Background)
        .await?
        .is_some()
    {
        return Ok(None);
    }
    store::owner(db, &tokens::hash_token(token)).await
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
