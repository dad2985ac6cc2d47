//! A JSON body extractor whose every refusal is an API error `{code, message}`, instead of axum's
//! plain-text rejections: a device shows the code, a coordinator reads the message.
//!
//! A body is read with plain `serde_json` first: axum's `Json` reads through
//! `serde_path_to_error`, which tracks the path of every value it reads, a good part of the
//! server's CPU on a push of 500 events (BENCHMARKS.md). Only a body that fails is read again
//! through axum's `Json`, for the message to name the field at fault.

use super::error::ApiError;
use axum::body::Bytes;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode, header};
use serde::de::DeserializeOwned;

pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !json_content_type(req.headers()) {
            return Err(json_expected());
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                unreadable()
            }
        })?;
        if let Ok(value) = serde_json::from_slice(&bytes) {
            return Ok(ApiJson(value));
        }
        match axum::Json::<T>::from_bytes(&bytes) {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(refusal(&rejection)),
        }
    }
}

/// `application/json`, or a `+json` type (`application/problem+json`), parameters aside: what
/// axum's `Json` accepts.
fn json_content_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    match super::headers::media_type(value).split_once('/') {
        Some(("application", subtype)) => subtype == "json" || subtype.ends_with("+json"),
        _ => false,
    }
}

fn json_expected() -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "json_expected",
        "Send the body as JSON, with Content-Type: application/json.",
    )
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        "The request is too large; send fewer events per request.",
    )
}

fn unreadable() -> ApiError {
    ApiError::bad_request("bad_request", "The request body could not be read.")
}

fn refusal(rejection: &JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => json_expected(),
        JsonRejection::BytesRejection(_) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            too_large()
        }
        // Syntax and shape errors name the line, column and field, never the values sent.
        JsonRejection::JsonSyntaxError(_) | JsonRejection::JsonDataError(_) => {
            ApiError::bad_request("bad_request", rejection.body_text())
        }
        _ => unreadable(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, value.parse().unwrap());
        headers
    }

    #[test]
    fn json_and_json_suffixed_types_are_accepted_whatever_their_parameters() {
        for accepted in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/problem+json",
        ] {
            assert!(json_content_type(&with(accepted)), "{accepted}");
        }
        for refused in ["text/json", "application/jsonx", "text/plain", "json", ""] {
            assert!(!json_content_type(&with(refused)), "{refused}");
        }
        assert!(!json_content_type(&HeaderMap::new()));
    }
}
