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

/// Headers every response carries. Each request gets a fresh script nonce
/// in its extensions; the page renders its scripts with it, and here an
/// HTML response gets the policy that allows exactly that nonce. Setting
/// the policy here rather than from inside the render means no page can
/// leave without it (a render that set it through Leptos' response options
/// was seen, rarely, to lose the header, and the browser then blocked the
/// page's scripts). Everything else gets the policy without a nonce.
pub async fn security_headers(mut req: Request, next: Next) -> Response {
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
    let html = is_html(headers);
    let policy = app::context::content_security_policy(html.then_some(nonce.as_str()));
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
