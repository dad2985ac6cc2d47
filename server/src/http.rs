//! The HTTP surface: the API under `/api/v1/`, the built app for everything else, and the
//! headers every response carries.

pub mod api;
pub mod coordinator;
pub mod device_auth;
pub mod enroll;
pub mod error;
pub mod headers;
pub mod json;
pub mod recovery;
pub mod static_files;
pub mod sync;
pub mod territory;

use crate::AppState;
use axum::Router;
use std::path::Path;

/// Largest request body accepted by the API, outbox imports excepted; sync batches set their own,
/// smaller, limits.
///
/// Enforced where bodies are read (axum's `DefaultBodyLimit`, see `api.rs`), not by a layer in
/// front of the router: such a layer answers a too-large `Content-Length` with plain text before
/// any handler runs, where a device or the coordination screen expects `{code, message}`. Routes
/// that read no body (static files, revocations) never buffer one.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

pub fn router(state: AppState, dist: &Path) -> Router {
    Router::new()
        .nest("/api/v1", api::router())
        .fallback_service(static_files::service(dist))
        .layer(axum::middleware::from_fn(headers::security_and_cache))
        .with_state(state)
}
