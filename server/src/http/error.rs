//! The API's one error type: each variant is one status, answered as `{code, message}`.
//! Internal details go to the log, never to the client.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug)]
pub enum ApiError {
    NotFound,
    /// Storage is down: the device should keep its outbox and retry later.
    Unavailable(String),
}

#[derive(Serialize)]
struct Body {
    code: &'static str,
    message: &'static str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message) = match self {
            ApiError::NotFound => (StatusCode::NOT_FOUND, "not_found", "No such API endpoint."),
            ApiError::Unavailable(detail) => {
                tracing::error!("storage unavailable: {detail}");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "storage_unavailable",
                    "The server cannot reach its storage right now; nothing was lost, try again later.",
                )
            }
        };
        (status, Json(Body { code, message })).into_response()
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::Unavailable(e.to_string())
    }
}
