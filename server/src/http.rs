//! The HTTP surface: the API under `/api/v1/`, the built app for everything else, and the
//! headers every response carries.

pub mod api;
pub mod device_auth;
pub mod enroll;
pub mod error;
pub mod headers;
pub mod json;
pub mod static_files;
pub mod sync;

use crate::AppState;
use axum::Router;
use std::path::Path;

/// Largest request body accepted anywhere; sync batches set their own, smaller, limits.
const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

pub fn router(state: AppState, dist: &Path) -> Router {
    Router::new()
        .nest("/api/v1", api::router())
        .fallback_service(static_files::service(dist))
        .layer(axum::middleware::from_fn(headers::security_and_cache))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            MAX_BODY_BYTES,
        ))
        .with_state(state)
}
