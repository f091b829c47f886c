//! Security middleware: response headers, the same-origin check for every
//! mutation, and request ids.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::sync::{
    atomic::{AtomicU64, Ordering},
    Arc,
};
use tower_http::request_id::{MakeRequestId, RequestId};

/// Whether a response is an HTML page.
pub(crate) fn is_html(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|kind| kind.as_bytes().starts_with(b"text/html"))
}

/// Whether the site is served over https (then browsers are told to use
/// nothing else).
#[derive(Clone, Copy, Debug)]
pub struct Https(pub bool);

/// Headers every response carries. Each request gets a fresh script nonce
/// in its extensions; the page renders its scripts with it, and here an
/// HTML response gets the policy that allows exactly that nonce. Setting
/// the policy here rather than from inside the render means no page can
/// leave without it (a render that set it through Leptos' response options
/// was seen, rarely, to lose the header, and the browser then blocked the
/// page's scripts). Everything else gets the policy without a nonce.
pub async fn security_headers(
    State(https): State<Https>,
    mut req: Request,
    next: Next,
) -> Response {
    let nonce = leptos::nonce::Nonce::new().to_string();
    req.extensions_mut()
        .insert(app::context::PageNonce(nonce.clone()));
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if https.0 {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    let html = is_html(headers);
    // A file to save runs nothing, even if a browser were to open it.
    let download = headers
        .get(header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("attachment"));
    let policy = if download {
        "sandbox; default-src 'none'".to_string()
    } else {
        app::context::content_security_policy(html.then_some(nonce.as_str()))
    };
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    res
}

/// Refuses a state-changing request that a browser says comes from another
/// site. Browsers send `Origin` on every POST and `Sec-Fetch-Site` on
/// modern versions; a request with neither is not from a browser page.
pub async fn same_origin_only(
    State(site_origin): State<Arc<str>>,
    req: Request,
    next: Next,
) -> Response {
    if is_safe(req.method()) || is_same_origin(&req, &site_origin) {
        return next.run(req).await;
    }
    tracing::warn!(
        origin = ?req.headers().get(header::ORIGIN),
        fetch_site = ?req.headers().get("sec-fetch-site"),
        "cross-site request refused"
    );
    refused()
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn is_same_origin(req: &Request, site_origin: &str) -> bool {
    let fetch_site = req
        .headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some(site) if site != "same-origin" && site != "none") {
        return false;
    }
    match req.headers().get(header::ORIGIN) {
        Some(origin) => origin.as_bytes() == site_origin.as_bytes(),
        None => true,
    }
}

fn refused() -> Response {
    let body = serde_json::json!({"error": "forbidden"}).to_string();
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "application/json")],
        Body::from(body),
    )
        .into_response()
}

/// A request id a client sends is kept only when it is short and plain
/// (letters, digits, `-`, `_`, `.`), so it cannot forge or flood a log
/// line; otherwise one is made here.
pub async fn plain_request_ids(mut req: Request, next: Next) -> Response {
    let plain = req
        .headers()
        .get("x-request-id")
        .map(|id| is_plain_request_id(id.as_bytes()));
    if plain == Some(false) {
        req.headers_mut().remove("x-request-id");
    }
    next.run(req).await
}

fn is_plain_request_id(id: &[u8]) -> bool {
    (1..=64).contains(&id.len())
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The path as a log line may hold it: a segment that looks like an id or
/// a secret (a calendar feed's address is its key) becomes `{id}`, so the
/// log names the route and never a secret.
pub fn loggable_path(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let stem = segment.split('.').next().unwrap_or(segment);
            let secret_like = stem.len() >= 16
                && stem
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if secret_like {
                match segment.split_once('.') {
                    Some((_, ext)) => format!("{{id}}.{ext}"),
                    None => "{id}".to_string(),
                }
            } else {
                segment.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logged_paths_name_the_route_and_never_the_secret() {
        let secret = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd";
        assert_eq!(
            loggable_path(&format!("/kalender/{secret}.ics")),
            "/kalender/{id}.ics"
        );
        assert_eq!(
            loggable_path("/dialoger/Rg0dkb0fWjvnC1U3/protokoll"),
            "/dialoger/{id}/protokoll"
        );
        assert_eq!(loggable_path("/api/needs/create"), "/api/needs/create");
    }

    #[test]
    fn only_plain_short_request_ids_are_kept() {
        assert!(is_plain_request_id(b"abc-123_4.5"));
        assert!(!is_plain_request_id(b"<script>"));
        assert!(!is_plain_request_id(b"en id"));
        assert!(!is_plain_request_id(&[b'a'; 65]));
        assert!(!is_plain_request_id(b""));
    }
}

/// Request ids: a per-process random prefix and a counter, short enough to
/// read in a log and unique across restarts.
#[derive(Clone)]
pub struct RequestIds {
    prefix: Arc<str>,
    counter: Arc<AtomicU64>,
}

impl Default for RequestIds {
    fn default() -> Self {
        Self {
            prefix: format!("{:08x}", rand::random::<u32>()).into(),
            counter: Arc::new(AtomicU64::new(1)),
        }
    }
}

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _req: &http::Request<B>) -> Option<RequestId> {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}
