//! `/api/v1/`: the versioned JSON API.

use super::error::ApiError;
use crate::AppState;
use crate::db::Campaign;
use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/campaigns", get(campaigns))
        .route("/devices/enroll", post(super::enroll::enroll))
        .route("/devices/recover", post(super::recovery::recover))
        .nest("/sync", super::sync::router())
        .merge(super::coordinator::router())
        .merge(crate::sealing::router())
        // Applies to the routes above only: the import below takes whole outbox files.
        .layer(axum::extract::DefaultBodyLimit::max(super::MAX_BODY_BYTES))
        .merge(super::coordinator::import_router())
        // A campaign's attached territory: its own, larger, body limit (a 50,000-door file).
        .merge(super::territory::router())
        .fallback(|| async { ApiError::not_found() })
}

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
    service: &'static str,
    version: &'static str,
    storage: &'static str,
    schema_version: i64,
    /// Events held, all campaigns together: the sync tests and benchmarks read it.
    events: i64,
}

/// Answers 200 once the database answers: load balancers and the test harness wait on this.
async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state.db.ping().await?;
    Ok(Json(Health {
        status: "ok",
        service: "palier",
        version: env!("CARGO_PKG_VERSION"),
        storage: state.db.backend().name(),
        schema_version: state.db.schema_version().await?,
        events: state.db.event_count().await?,
    }))
}

/// The campaigns this server knows. Names and retention only: nothing personal.
async fn campaigns(State(state): State<AppState>) -> Result<Json<Vec<Campaign>>, ApiError> {
    Ok(Json(state.db.campaigns().await?))
}
