//! The router: pages, server functions, health, static files, and the
//! middleware around them.

use crate::{
    assets,
    config::Config,
    feedback, files, health, outage, restore, security, session,
    state::{json_error, AppState},
};
use app::{context::AppContext, db::Db, error::AppError, shell, App};
use axum::{
    body::{to_bytes, Body},
    extract::Request,
    http::{header, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use leptos::prelude::*;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::{
    catch_panic::CatchPanicLayer,
    request_id::{PropagateRequestIdLayer, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

/// Largest request body accepted: forms are small, but a written answer
/// (100,000 characters and its requests for confidentiality, form-encoded)
/// must fit.
pub const BODY_LIMIT: usize = 1024 * 1024;

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("samrad")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.bind)
        .hash_files(assets::files_are_hashed())
        .build()
}

/// The app's routes, worked out once per process. Generating them sets a
/// process-wide flag that leaves any resource first polled meanwhile
/// pending forever (leptos-rs/leptos#4773), so it must never run while
/// another router in the same process serves pages, as the tests' do.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// `POST /__test/clock` for the browser tests, only when the server was
/// started with a test clock (`TEST_CLOCK`, which a loopback address
/// alone may have): `at_ms` sets the clock, `reset` gives the system's
/// time back. A browser test moves time this way instead of sleeping.
fn test_clock(clock: &app::core::clock::Clock) -> Router<AppState> {
    if !clock.is_adjustable() {
        return Router::new();
    }
    let clock = clock.clone();
    Router::new().route(
        "/__test/clock",
        post(
            move |axum::Form(form): axum::Form<std::collections::HashMap<String, String>>| async move {
                match form.get("at_ms").and_then(|at| at.parse::<i64>().ok()) {
                    Some(at) => clock.set(at),
                    None if form.contains_key("reset") => clock.reset(),
                    None => return axum::http::StatusCode::BAD_REQUEST,
                }
                axum::http::StatusCode::NO_CONTENT
            },
        ),
    )
}

pub fn router(config: &Config, db: Db) -> Router {
    // Rendering spawns tasks; they run on the server's tokio runtime.
    let _ = any_spawner::Executor::init_tokio();
    let state = AppState {
        leptos: leptos_options(config),
        trusted_proxies: config.trusted_proxies.clone().into(),
        context: AppContext {
            db: db.with_clock(config.clock.clone()),
            secure_cookies: config.is_https(),
            site_origin: config.site_origin.clone(),
            sessions: config.sessions,
            ip_allowance: config.ip_allowance,
            smtp_configured: config.smtp.is_some(),
        },
        outage: Arc::default(),
    };
    let context = state.context.clone();
    let provide = move || provide_context(context.clone());
    let leptos = state.leptos.clone();
    let site_origin: Arc<str> = config.site_origin.as_str().into();

    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/konto/mina-uppgifter.json", get(my_data))
        .route("/natverk/{id}/logg.csv", get(network_audit_csv))
        .route("/behov/{id}/efterfragan.csv", get(need_demand_csv))
        .route("/dialoger/{id}/kalender.ics", get(dialogue_ics))
        .route("/dialoger/{id}/protokoll.json", get(dialogue_record_json))
        .route("/dialoger/{id}/svar/{answer}/svar.json", get(answer_json))
        .route(
            "/marknadsdialoger/{id}/kvitto/{answer}/svar.json",
            get(own_answer_json),
        )
        .route("/kalender/{file}", get(network_feed))
        .route("/marknadsdialoger.atom", get(market_feed))
        .route(
            "/marknadsdialoger/{id}/svar/spara",
            post(files::answer_form).layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route(
            "/marknadsdialoger/{id}/svar/bilagor/{file}",
            get(files::draft_file),
        )
        .route(
            "/marknadsdialoger/{id}/kvitto/{answer}/bilagor/{n}",
            get(files::own_answer_file),
        )
        .route(
            "/dialoger/{id}/svar/{answer}/bilagor/{n}",
            get(files::answer_file),
        )
        .route("/dialoger/{id}/svar.zip", get(files::answers_zip))
        .route(
            "/dialoger/{id}/dokument/spara",
            post(files::document_form).layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route(
            "/marknadsdialoger/{id}/dokument/{document}/{version}",
            get(files::document_file),
        )
        .route("/api/{*fn_name}", post(unknown_server_fn))
        .merge(test_clock(&config.clock))
        .merge(assets::pkg_routes(&config.site_root))
        .leptos_routes_with_context(&state, route_list(), provide.clone(), move || {
            shell(leptos.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(provide, shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            restore::keep_and_restore,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            feedback::swap,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session::resolve,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), outage::guard))
        .with_state(state)
        .layer(middleware::from_fn(server_fn_status))
        .layer(middleware::from_fn(assets::island_free_pages))
        .layer(middleware::from_fn(limit_body))
        .layer(middleware::from_fn(plain_errors))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(crate::compression::layer())
        .layer(middleware::from_fn_with_state(
            site_origin,
            security::same_origin_only,
        ))
        .layer(middleware::from_fn_with_state(
            security::Https(config.is_https()),
            security::security_headers,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    let id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    let path = security::loggable_path(req.uri().path());
                    tracing::info_span!("request", id, method = %req.method(), path)
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(
            security::RequestIds::default(),
        ))
        .layer(middleware::from_fn(security::plain_request_ids))
}

/// Everything stored about the signed-in person, as a JSON download.
async fn my_data(
    axum::extract::State(state): axum::extract::State<AppState>,
    user: Option<axum::Extension<app::accounts::SessionUser>>,
) -> Response {
    let Some(axum::Extension(user)) = user else {
        return json_error(AppError::NotSignedIn);
    };
    match app::privacy::export(&state.context.db, user.account_id).await {
        Ok(data) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"samrad-mina-uppgifter.json\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            serde_json::to_string_pretty(&data).unwrap_or_default(),
        )
            .into_response(),
        Err(error) => json_error(error),
    }
}

/// A network's audit log as a CSV download, for its coordinators.
async fn network_audit_csv(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    user: Option<axum::Extension<app::accounts::SessionUser>>,
) -> Response {
    let user = user.map(|axum::Extension(u)| u);
    let csv = app::networks::api::audit_csv(&state.context, user.as_ref(), &id).await;
    csv_download(csv, "natverkslogg.csv")
}

async fn need_demand_csv(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    user: Option<axum::Extension<app::accounts::SessionUser>>,
) -> Response {
    let user = user.map(|axum::Extension(u)| u);
    let csv = app::needs::api::demand_csv(&state.context, user.as_ref(), &id).await;
    csv_download(csv, "efterfragan.csv")
}

async fn dialogue_ics(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    user: Option<axum::Extension<app::accounts::SessionUser>>,
) -> Response {
    let user = user.map(|axum::Extension(u)| u);
    let ics = app::dialogues::api::dialogue_ics(&state.context, user.as_ref(), &id).await;
    download(ics, "text/calendar; charset=utf-8", "dialog.ics")
}

/// A network's calendar feed; calendar programs cannot sign in, so the
/// secret in the address is the key.
async fn network_feed(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    let ics = app::dialogues::api::network_feed(&state.context, token).await;
    download(ics, "text/calendar; charset=utf-8", "natverk.ics")
}

/// The public board of market dialogues as an Atom feed, with the
/// board's filters; no sign-in, as the board itself.
async fn market_feed(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Query(query): axum::extract::Query<app::dialogues::market::board::BoardQuery>,
) -> Response {
    match app::dialogues::market::board::feed::board_feed(&state.context, &query).await {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            body,
        )
            .into_response(),
        Err(error) => json_error(error),
    }
}

async fn dialogue_record_json(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
    user: Option<axum::Extension<app::accounts::SessionUser>>,
) -> Response {
    let user = user.map(|axum::Extension(u)| u);
    let diarienummer = query.get("diarienummer").map(String::as_str).unwrap_or("");
    let json =
        app::dialogues::api::record_json(&state.context, user.as_ref(), &id, diarienummer).await;
    download(json, "application/json", "protokoll.json")
}

/// One written answer as JSON, for hosts and, after the deadline, members.
async fn answer_json(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path((id, answer)): axum::extract::Path<(String, String)>,
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
    user: Option<axum::Extension<app::accounts::SessionUser>>,
) -> Response {
    let user = user.map(|axum::Extension(u)| u);
    let diarienummer = query.get("diarienummer").map(String::as_str).unwrap_or("");
    let json = app::dialogues::answers::api::submission_json(
        &state.context,
        user.as_ref(),
        &id,
        &answer,
        diarienummer,
    )
    .await;
    download(json, "application/json", "svar.json")
}

/// One of the supplier's own written answers as JSON, to check its digest.
async fn own_answer_json(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::extract::Path((id, answer)): axum::extract::Path<(String, String)>,
    user: Option<axum::Extension<app::accounts::SessionUser>>,
) -> Response {
    let user = user.map(|axum::Extension(u)| u);
    let json = app::dialogues::answers::api::own_submission_json(
        &state.context,
        user.as_ref(),
        &id,
        &answer,
    )
    .await;
    download(json, "application/json", "svar.json")
}

/// A CSV file to save, never cached; or the error as JSON.
fn csv_download(csv: Result<String, AppError>, file_name: &'static str) -> Response {
    download(csv, "text/csv; charset=utf-8", file_name)
}

/// A file to save, never cached; or the error as JSON.
fn download(
    body: Result<String, AppError>,
    kind: &'static str,
    file_name: &'static str,
) -> Response {
    match body {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, kind.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file_name}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            body,
        )
            .into_response(),
        Err(error) => json_error(error),
    }
}

/// `leptos_routes` mounts every server function at its own path; what
/// reaches this wildcard names none. The stock answer would explain the
/// framework's internals.
async fn unknown_server_fn() -> Response {
    json_error(AppError::NotFound)
}

/// Gives a server function's error the status the error names; stock
/// server functions answer every error with 500. A plain form post's
/// error is a redirect back with the error in the URL; it stays one.
async fn server_fn_status(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = to_bytes(body, BODY_LIMIT).await.unwrap_or_default();
    let error: AppError = serde_json::from_slice(&bytes).unwrap_or(AppError::Internal);
    parts.status =
        StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    Response::from_parts(parts, Body::from(bytes))
}

/// Refuses a body over its limit: `BODY_LIMIT`, or `files::UPLOAD_LIMIT`
/// for a form that carries files. A body that says its length is refused
/// before it is read; one that does not is cut off at the limit.
async fn limit_body(req: Request, next: Next) -> Response {
    let limit = if files::takes_files(req.uri().path()) {
        files::UPLOAD_LIMIT
    } else {
        BODY_LIMIT
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return json_error(AppError::PayloadTooLarge);
    }
    // A server function's form that is not UTF-8 is no form, even for a
    // function that takes no fields and would not read it.
    let form = req.uri().path().starts_with("/api/")
        && req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.trim_start()
                    .to_ascii_lowercase()
                    .starts_with("application/x-www-form-urlencoded")
            });
    if form {
        let (parts, body) = req.into_parts();
        let bytes = match to_bytes(body, limit).await {
            Ok(bytes) => bytes,
            Err(error) => {
                let too_long = std::error::Error::source(&error)
                    .is_some_and(|e| e.is::<http_body_util::LengthLimitError>());
                return json_error(if too_long {
                    AppError::PayloadTooLarge
                } else {
                    AppError::BadRequest
                });
            }
        };
        if std::str::from_utf8(&bytes).is_err() {
            return json_error(AppError::BadRequest);
        }
        return next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
    }
    let req = req.map(|body| Body::new(http_body_util::Limited::new(body, limit)));
    next.run(req).await
}

/// Gives bare error statuses from the middleware (an oversized body) the
/// same JSON error body as server functions.
async fn plain_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if res.status() != StatusCode::PAYLOAD_TOO_LARGE
        || res.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return res;
    }
    json_error(AppError::PayloadTooLarge)
}

/// A panic in a handler answers like any internal error; its message goes
/// to the log only.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    json_error(AppError::internal(format!("panic: {message}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_answers_500_without_its_message() {
        let res = panic_response(Box::new(String::from("index out of bounds: secret")));
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = to_bytes(res.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], br#"{"error":"internal"}"#);
    }
}
