//! `GET /healthz` for load balancers and monitoring.

use crate::state::AppState;
use axum::{extract::State, http::StatusCode, response::IntoResponse, Json};
use serde_json::json;
use std::time::Duration;

/// 200 with the engine and schema version when the database answers; 503
/// "degraded" while it does not. The pool reconnects on its own, so the
/// answer recovers without a restart.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let db = &state.context.db;
    let database = db.engine().name();
    match tokio::time::timeout(Duration::from_secs(2), crate::db::schema_version(db)).await {
        Ok(Ok(version)) => (
            StatusCode::OK,
            Json(json!({"status": "ok", "database": database, "schema_version": version})),
        ),
        Ok(Err(error)) => {
            tracing::warn!(%error, "health check: database does not answer");
            degraded(database)
        }
        Err(_) => {
            tracing::warn!("health check: database did not answer within 2 seconds");
            degraded(database)
        }
    }
}

fn degraded(database: &str) -> (StatusCode, Json<serde_json::Value>) {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({"status": "degraded", "database": database})),
    )
}
