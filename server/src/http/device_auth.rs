//! Who is syncing: the device whose token comes in `Authorization: Bearer …`. A missing, unknown
//! or revoked token is a 401 with a code the app turns into a plain sentence; the device keeps
//! its local data either way.

use super::error::ApiError;
use crate::AppState;
use crate::db::devices::Device;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use domain::enrollment::DeviceToken;

pub struct AuthenticatedDevice(pub Device);

impl FromRequestParts<AppState> for AuthenticatedDevice {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let sent = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| {
                ApiError::unauthorized(
                    "token_missing",
                    "This device is not enrolled: enroll it with a code from the coordinator.",
                )
            })?;
        let unknown = || {
            ApiError::unauthorized(
                "device_unknown",
                "This device's key is not known here: enroll it again with a new code.",
            )
        };
        let token = DeviceToken::parse(sent.trim()).ok_or_else(unknown)?;
        let device = state
            .db
            .device_for_token(&token)
            .await?
            .ok_or_else(unknown)?;
        if device.revoked_at_ms.is_some() {
            return Err(ApiError::unauthorized(
                "device_revoked",
                "This device was removed from the campaign by a coordinator. Its data stays on it; \
                 enroll it again to sync.",
            ));
        }
        Ok(AuthenticatedDevice(device))
    }
}
