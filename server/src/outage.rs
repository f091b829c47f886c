//! While the database is away, every request is answered at once with
//! 503 and a page that says so, instead of hanging or showing a page that
//! only looks empty; when it is back, service resumes by itself (the pool
//! reconnects), without a restart.

use crate::state::AppState;
use app::{db::Db, error::AppError};
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

app::sql!(PROBE = "SELECT 1");

/// How long one check of the database may take.
const PROBE_TIMEOUT: Duration = Duration::from_millis(500);
/// A check's answer is reused this long, so that a burst of requests
/// during an outage costs one check, not one each.
const PROBE_REUSE: Duration = Duration::from_millis(250);

/// What the last check of the database found.
#[derive(Default)]
pub struct Outage {
    last: Mutex<Option<(Instant, bool)>>,
    /// Whether the last check failed; read without waiting for the lock.
    down: std::sync::atomic::AtomicBool,
}

impl Outage {
    fn is_down(&self) -> bool {
        self.down.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether the database answers now (or did within `PROBE_REUSE`).
    async fn reachable(&self, db: &Db) -> bool {
        let mut last = self.last.lock().await;
        if let Some((at, ok)) = *last {
            if at.elapsed() < PROBE_REUSE {
                return ok;
            }
        }
        let ok = matches!(
            tokio::time::timeout(PROBE_TIMEOUT, sqlx::query(PROBE).execute(db.pool())).await,
            Ok(Ok(_))
        );
        if ok == self.is_down() {
            if ok {
                tracing::info!("the database answers again");
            } else {
                tracing::warn!("the database does not answer; serving 503 until it does");
            }
        }
        self.down.store(!ok, std::sync::atomic::Ordering::Relaxed);
        *last = Some((Instant::now(), ok));
        ok
    }
}

pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path.starts_with("/pkg/") || path == "/healthz" {
        return next.run(req).await;
    }
    let html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    let db = &state.context.db;
    if state.outage.is_down() && !state.outage.reachable(db).await {
        return unavailable(html);
    }
    let before = app::error::unreachable_count();
    let res = next.run(req).await;
    // A server function's own errors all leave as 500 with this header (the
    // status is fixed further out); those from the database were counted.
    let unexplained_500 = res.status() == StatusCode::INTERNAL_SERVER_ERROR
        && !res
            .headers()
            .contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER);
    let suspicious = app::error::unreachable_count() != before || unexplained_500;
    if suspicious && !state.outage.reachable(db).await {
        return unavailable(html);
    }
    res
}

/// 503: a page for people, the JSON error for scripts.
fn unavailable(html: bool) -> Response {
    let mut res = if html {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            PAGE,
        )
            .into_response()
    } else {
        crate::state::json_error(AppError::Unavailable)
    };
    let headers = res.headers_mut();
    headers.insert(header::RETRY_AFTER, HeaderValue::from_static("10"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Made without the database or the app: nothing here may need either.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tillfälligt otillgängligt – Samråd</title>
</head>
<body>
<main>
<h1>Samråd är tillfälligt otillgängligt</h1>
<p>Vi når inte databasen just nu. Det du sparat tidigare finns kvar. Försök igen om en liten stund; om du nyss skickade ett formulär, kontrollera efteråt att det sparades.</p>
<p lang="en">Samråd is temporarily unavailable: the database does not answer. What you saved earlier is kept. Please try again in a moment; if you just sent a form, check afterwards that it was saved.</p>
</main>
</body>
</html>
"#;
