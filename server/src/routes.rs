//! The router: pages, server functions, health, static files, and the
//! middleware around them.

use crate::{config::Config, health, security};
use app::{context::AppContext, db::Db, error::AppError, shell, App};
use axum::{
    body::{to_bytes, Body},
    extract::{FromRef, Request},
    http::{header, HeaderValue, StatusCode},
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
    limit::RequestBodyLimitLayer,
    request_id::{PropagateRequestIdLayer, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

/// Largest request body accepted; forms are small.
pub const BODY_LIMIT: usize = 256 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub context: AppContext,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("samrad")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.bind)
        .build()
}

pub fn router(config: &Config, db: Db) -> Router {
    // Rendering spawns tasks; they run on the server's tokio runtime.
    let _ = any_spawner::Executor::init_tokio();
    let state = AppState {
        leptos: leptos_options(config),
        context: AppContext {
            db,
            secure_cookies: config.is_https(),
        },
    };
    let context = state.context.clone();
    let provide = move || provide_context(context.clone());
    let leptos = state.leptos.clone();
    let site_origin: Arc<str> = config.site_origin.as_str().into();

    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/api/{*fn_name}", post(unknown_server_fn))
        .leptos_routes_with_context(&state, generate_route_list(App), provide.clone(), move || {
            shell(leptos.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            provide, shell,
        ))
        .with_state(state)
        .layer(middleware::from_fn(server_fn_status))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(middleware::from_fn(plain_errors))
        .layer(middleware::from_fn_with_state(site_origin, security::same_origin_only))
        .layer(middleware::from_fn(security::security_headers))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    let id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", id, method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(
            security::RequestIds::default(),
        ))
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

fn json_error(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(&error).unwrap_or_default();
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}
