//! What a refused form sent, kept on the server instead of in the URL.
//!
//! Without JavaScript, a server function that refuses a form redirects
//! back to the form with the error (and every value typed) in the query
//! (`__err`). That would put what people type in browser history and proxy
//! logs, and a long text makes a Location header no proxy passes. So the
//! error waits here under the hash of a random key, bound to the session
//! that sent it; the redirect carries only the key (`__fb`), and the next
//! page load swaps it back in (inside the server only) and deletes it.

use crate::state::AppState;
use app::{accounts::session, accounts::tokens, db::Db, error::AppError};
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, Method, Uri},
    middleware::Next,
    response::Response,
};

/// How long a refused form's values wait to be shown.
pub const KEPT_MS: i64 = 60 * 60 * 1000;
/// The most kept of one refusal, encoded. Every form's fields together
/// are far shorter; a refusal past it (a crafted body of a megabyte) is
/// kept as its errors alone, without what was sent.
pub const KEPT_MAX: usize = 256 * 1024;
const KEY: &str = "__fb";
const ERROR: &str = "__err";

app::sql!(
    INSERT = "INSERT INTO form_feedback (key_hash, session_hash, error, created_at) \
     VALUES ($1, $2, $3, $4)"
);
app::sql!(
    TAKE = "DELETE FROM form_feedback WHERE key_hash = $1 AND created_at > $2 \
     AND COALESCE(session_hash, '') = $3 AND account_id IS NULL RETURNING error"
);
app::sql!(PURGE = "DELETE FROM form_feedback WHERE created_at < $1");

/// Keeps an encoded error and returns the key to it.
pub async fn keep(db: &Db, session: Option<&str>, error: &str) -> Result<String, AppError> {
    let (key, hash) = tokens::new_token();
    sqlx::query(INSERT)
        .bind(hash)
        .bind(session.map(tokens::hash_token))
        .bind(error)
        .bind(db.now())
        .execute(db.pool())
        .await?;
    Ok(key)
}

/// The error kept under `key` for this session, once.
pub async fn take(db: &Db, session: Option<&str>, key: &str) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar(TAKE)
        .bind(tokens::hash_token(key))
        .bind(db.now() - KEPT_MS)
        .bind(session.map(tokens::hash_token).unwrap_or_default())
        .fetch_optional(db.pool())
        .await?)
}

/// Forgets what nobody came back for.
pub async fn purge(db: &Db) -> Result<(), AppError> {
    sqlx::query(PURGE)
        .bind(db.now() - KEPT_MS)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The middleware: keys out on the way back from a refused form post,
/// errors in on the way into the next page.
pub async fn swap(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let db = &state.context.db;
    let session = session_token(&req, state.context.secure_cookies);
    let is_post = req.method() == Method::POST;
    if req.method() == Method::GET {
        if let Some(uri) = with_error_restored(db, session.as_deref(), req.uri()).await {
            *req.uri_mut() = uri;
        }
    }
    let mut res = next.run(req).await;
    if is_post && res.status().is_redirection() {
        let location = res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if let Some(location) = location {
            if let Some(short) = with_key(db, session.as_deref(), &location).await {
                if let Ok(value) = HeaderValue::from_str(&short) {
                    res.headers_mut().insert(header::LOCATION, value);
                }
            }
        }
    }
    res
}

fn session_token(req: &Request, secure: bool) -> Option<String> {
    req.headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|cookies| session::token_from_cookie_header(cookies, secure))
        .map(str::to_owned)
}

/// `location` with its `__err` replaced by a key to it, or `None` when it
/// carries no error (or it cannot be kept: then the error stays out of
/// the URL and the form simply comes back empty).
async fn with_key(db: &Db, session: Option<&str>, location: &str) -> Option<String> {
    let (path, query) = location.split_once('?')?;
    let error = query_value(query, ERROR)?;
    // A form refused again is sent back to the address of its first
    // refusal: that refusal's key and form name go, or the page would
    // read the old (spent) key and show no errors at all.
    let form = query
        .split('&')
        .rfind(|p| p.starts_with("__path="))
        .map(str::to_owned);
    let pairs = query.split('&').filter(|p| {
        !p.starts_with("__err=") && !p.starts_with("__fb=") && !p.starts_with("__path=")
    });
    let mut kept: Vec<String> = pairs.map(str::to_owned).collect();
    kept.extend(form);
    match keep(db, session, &bounded(error)).await {
        Ok(key) => kept.push(format!("{KEY}={key}")),
        Err(_) => tracing::warn!("a refused form's values could not be kept"),
    }
    // The page opens at the summary, which takes focus there too.
    Some(format!("{path}?{}#error-summary", kept.join("&")))
}

/// The encoded error as it may be kept: whole, or without its values
/// when it is longer than `KEPT_MAX`.
fn bounded(error: &str) -> std::borrow::Cow<'_, str> {
    use base64::{engine::general_purpose::URL_SAFE, Engine};
    use leptos::server_fn::error::FromServerFnError;
    if error.len() <= KEPT_MAX {
        return error.into();
    }
    let decoded: String = form_urlencoded::parse(format!("e={error}").as_bytes())
        .map(|(_, v)| v.into_owned())
        .next()
        .unwrap_or_default();
    let refusal = match URL_SAFE.decode(decoded.as_bytes()) {
        Ok(bytes) => AppError::de(bytes.into()).without_values(),
        Err(_) => AppError::BadRequest,
    };
    let kept = app::ui::url_encode(&URL_SAFE.encode(refusal.ser()));
    // Errors alone that are still too long (a crafted body's thousands of
    // rows) say only that the form could not be read.
    if kept.len() > KEPT_MAX {
        return app::ui::url_encode(&URL_SAFE.encode(AppError::BadRequest.ser())).into();
    }
    kept.into()
}

/// The request's URI with the kept error put back in place of its key.
/// An error only ever comes from the server: one typed into the address
/// (a crafted link that would fill in a form) is dropped.
async fn with_error_restored(db: &Db, session: Option<&str>, uri: &Uri) -> Option<Uri> {
    let query = uri.query()?;
    let key = query_value(query, KEY);
    let forged = query.split('&').any(is_error);
    if key.is_none() && !forged {
        return None;
    }
    let error = match key {
        Some(key) => take(db, session, key).await.ok().flatten(),
        None => None,
    };
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.starts_with("__fb=") && !is_error(p))
        .map(str::to_owned)
        .collect();
    if let Some(error) = error {
        pairs.push(format!("{ERROR}={error}"));
    }
    format!("{}?{}", uri.path(), pairs.join("&")).parse().ok()
}

/// Whether a query pair is an error, however its name is encoded.
fn is_error(pair: &str) -> bool {
    form_urlencoded::parse(pair.as_bytes())
        .next()
        .is_some_and(|(name, _)| name == ERROR)
}

fn query_value<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}
