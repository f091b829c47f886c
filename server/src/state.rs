//! What every handler and middleware shares: the app's context, Leptos'
//! options, the outage guard's state, the trusted proxies; and the one
//! way a plain route answers with an error.

use app::{context::AppContext, error::AppError};
use axum::{
    extract::FromRef,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use leptos::prelude::LeptosOptions;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub context: AppContext,
    pub outage: Arc<crate::outage::Outage>,
    pub trusted_proxies: Arc<[ipnet::IpNet]>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

/// The error as the JSON body and status every client gets.
pub fn json_error(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(&error).unwrap_or_default();
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}
