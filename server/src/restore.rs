//! A form sent after the session ended is not lost (WCAG 2.2.1).
//!
//! Sessions end after hours without a request. Someone who wrote a long
//! text and then sends it finds the session gone: the server function
//! answers "not signed in". Instead of that answer, the values sent wait
//! here for the same person (the owner of the expired session, in this
//! browser: a cookie holds the key) while they sign in again; the sign-in
//! page returns them to the form, which shows what they wrote and says
//! why. Passwords and codes are never kept, and nothing waits longer than
//! a refused form's values do (`feedback::KEPT_MS`).

use crate::{feedback::KEPT_MS, state::AppState};
use app::{
    accounts::{session, tokens, ReturnPath, SessionUser},
    core::ids::AccountId,
    db::Db,
    error::AppError,
};
use axum::{
    body::{to_bytes, Body},
    extract::{Request, State},
    http::{header, HeaderValue, Method, StatusCode, Uri},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use base64::{engine::general_purpose::URL_SAFE, Engine};
use leptos::server_fn::error::FromServerFnError;

/// Larger bodies are files, not typed text: they pass untouched.
const KEPT_BODY_MAX: usize = 256 * 1024;

app::sql!(
    KEEP = "INSERT INTO form_feedback \
     (key_hash, session_hash, error, created_at, account_id, page, action) \
     VALUES ($1, NULL, $2, $3, $4, $5, $6)"
);
app::sql!(
    TAKE = "DELETE FROM form_feedback WHERE key_hash = $1 AND account_id = $2 AND page = $3 \
     AND created_at > $4 RETURNING action, error"
);

#[derive(sqlx::FromRow)]
struct Kept {
    action: String,
    error: String,
}

fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-samrad_kept"
    } else {
        "samrad_kept"
    }
}

fn set_cookie(key: &str, secure: bool) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}={key}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure_attr}",
        cookie_name(secure),
        KEPT_MS / 1000
    )
}

fn clear_cookie(secure: bool) -> String {
    let secure_attr = if secure { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure_attr}",
        cookie_name(secure)
    )
}

/// A field never kept: secrets, and the confirming step of an action that
/// cannot be undone (it is confirmed again).
fn is_secret(field: &str) -> bool {
    field.contains("password") || matches!(field, "code" | "token" | "confirm")
}

/// The middleware, inside the session's: keeps what an expired session
/// sent, and gives it back on the form's page once signed in again.
pub async fn keep_and_restore(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let secure = state.context.secure_cookies;
    let signed_in = req
        .extensions()
        .get::<SessionUser>()
        .map(|u| AccountId(u.account_id));
    let cookies = req
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let kept_key = session::cookie_value(cookies, cookie_name(secure)).map(str::to_owned);
    let session_token =
        session::cookie_value(cookies, session::cookie_name(secure)).map(str::to_owned);
    match (req.method().clone(), signed_in) {
        (Method::GET, Some(account)) if kept_key.is_some() => {
            restore(
                &state,
                account,
                kept_key.as_deref().unwrap_or_default(),
                req,
                next,
            )
            .await
        }
        (Method::POST, None) if is_form(&req) && session_token.is_some() => {
            let token = session_token.unwrap_or_default();
            keep(&state, &token, req, next).await
        }
        _ => next.run(req).await,
    }
}

fn content_type(req: &Request) -> &str {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// A form of typed text: a server function's, or the written answer's
/// multipart form when it is small enough to hold only text (its files,
/// which no page can give back, are dropped).
fn is_form(req: &Request) -> bool {
    let path = req.uri().path();
    if path.starts_with("/api/") {
        return content_type(req).starts_with("application/x-www-form-urlencoded");
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    crate::files::takes_files(path)
        && content_type(req).starts_with("multipart/form-data")
        && declared.is_some_and(|n| n <= KEPT_BODY_MAX)
}

/// The text fields of a form body, in order.
async fn typed_values(content_type: &str, bytes: &axum::body::Bytes) -> Vec<(String, String)> {
    let Ok(boundary) = multer::parse_boundary(content_type) else {
        return form_urlencoded::parse(bytes)
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
    };
    let body = bytes.clone();
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut values = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.file_name().is_some() {
            continue;
        }
        let name = field.name().unwrap_or_default().to_string();
        let Ok(value) = field.text().await else {
            break;
        };
        values.push((name, value));
    }
    values
}

async fn keep(state: &AppState, token: &str, req: Request, next: Next) -> Response {
    let db = &state.context.db;
    let action = req.uri().path().to_string();
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, KEPT_BODY_MAX).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let kind = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let values: Vec<(String, String)> = typed_values(&kind, &bytes)
        .await
        .into_iter()
        .filter(|(name, _)| !is_secret(name))
        .collect();
    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let Some((page, form)) = refused_for_sign_in(&res) else {
        return res;
    };
    // The form is known by the server function it stands for, which a
    // form posting elsewhere (one with files) names in its refusal.
    let action = form.unwrap_or(action);
    let owner = session::owner_of_expired(db, token, state.context.sessions).await;
    let Ok(Some(owner)) = owner else {
        return res;
    };
    let error = URL_SAFE.encode(AppError::Restored { values }.ser());
    let (key, hash) = tokens::new_token();
    let stored = sqlx::query(KEEP)
        .bind(hash)
        .bind(error)
        .bind(db.now())
        .bind(owner)
        .bind(page.as_str())
        .bind(action)
        .execute(db.pool())
        .await;
    if stored.is_err() {
        tracing::warn!("a form sent after its session ended could not be kept");
        return res;
    }
    let to = format!(
        "/konto/logga-in?till={}",
        app::ui::url_encode(page.as_str())
    );
    let mut res = Redirect::to(&to).into_response();
    if let Ok(value) = HeaderValue::from_str(&set_cookie(&key, state.context.secure_cookies)) {
        res.headers_mut().insert(header::SET_COOKIE, value);
    }
    res
}

/// The form's page, when the answer sends the browser back to it because
/// nobody is signed in, and the server function the refusal names.
fn refused_for_sign_in(res: &Response) -> Option<(ReturnPath, Option<String>)> {
    if !res.status().is_redirection() {
        return None;
    }
    let location = res.headers().get(header::LOCATION)?.to_str().ok()?;
    let uri: Uri = location.parse().ok()?;
    let query = uri.query()?;
    let value = |name: &str| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let bytes = URL_SAFE.decode(value("__err")?.as_bytes()).ok()?;
    if AppError::de(bytes.into()) != AppError::NotSignedIn {
        return None;
    }
    let page = ReturnPath::parse(uri.path_and_query()?.as_str())?;
    Some((page, value("__path")))
}

async fn restore(
    state: &AppState,
    account: AccountId,
    key: &str,
    mut req: Request,
    next: Next,
) -> Response {
    let db = &state.context.db;
    let page = req
        .uri()
        .path_and_query()
        .and_then(|p| ReturnPath::parse(p.as_str()));
    let Some(page) = page else {
        return next.run(req).await;
    };
    let Ok(Some(kept)) = take(db, key, account, page.as_str()).await else {
        return next.run(req).await;
    };
    let separator = if req.uri().query().is_some() {
        '&'
    } else {
        '?'
    };
    let with_values = format!(
        "{}{separator}__path={}&__err={}",
        req.uri(),
        app::ui::url_encode(&kept.action),
        app::ui::url_encode(&kept.error)
    );
    if let Ok(uri) = with_values.parse() {
        *req.uri_mut() = uri;
    }
    let mut res = next.run(req).await;
    if let Ok(value) = HeaderValue::from_str(&clear_cookie(state.context.secure_cookies)) {
        res.headers_mut().append(header::SET_COOKIE, value);
    }
    res
}

async fn take(
    db: &Db,
    key: &str,
    account: AccountId,
    page: &str,
) -> Result<Option<Kept>, AppError> {
    Ok(sqlx::query_as(TAKE)
        .bind(tokens::hash_token(key))
        .bind(account)
        .bind(page)
        .bind(db.now() - KEPT_MS)
        .fetch_optional(db.pool())
        .await?)
}
