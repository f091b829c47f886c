//! Resolves the session cookie once per request, and records who is
//! asking, so pages and server functions read both from the request.

use crate::routes::AppState;
use app::{accounts::session, context::ClientInfo};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::header,
    middleware::Next,
    response::Response,
};
use std::net::SocketAddr;

pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path.starts_with("/pkg/") || path == "/healthz" {
        return next.run(req).await;
    }
    let ctx = &state.context;
    let token = req
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|cookies| session::token_from_cookie_header(cookies, ctx.secure_cookies))
        .map(str::to_owned);
    if let Some(token) = token {
        match session::lookup(&ctx.db, &token, ctx.sessions).await {
            Ok(Some(user)) => {
                req.extensions_mut().insert(user);
            }
            Ok(None) => {}
            Err(_) => tracing::warn!("session lookup failed; serving as signed out"),
        }
    }
    let client = ClientInfo {
        ip: req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_string())
            .unwrap_or_default(),
        user_agent: req
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string(),
    };
    req.extensions_mut().insert(client);
    next.run(req).await
}
