//! Devices, from the coordinator's side: a fresh enrollment code for a campaign (to show as a QR
//! code or read out), the list of enrolled devices, revoking one, and allowing one a new PIN.

use super::auth::{Coordinator, CoordinatorWrite};
use crate::AppState;
use crate::db::devices::{AllowRecovery, DeviceListing};
use crate::http::error::ApiError;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use domain::accounts::IssuedEnrollmentCode;
use domain::at_rest::recovery::{RECOVERY_WINDOW_MS, RecoveryAllowed};
use domain::enrollment::ENROLLMENT_CODE_TTL_MS;
use domain::ids::CampaignId;

fn campaign_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "campaign_not_found",
        "There is no such campaign on this server.",
    )
}

fn device_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "device_not_found",
        "There is no such device on this server.",
    )
}

pub async fn issue_enrollment_code(
    CoordinatorWrite(session): CoordinatorWrite,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<IssuedEnrollmentCode>, ApiError> {
    let Ok(Path(id)) = id else {
        return Err(campaign_not_found());
    };
    let campaign = CampaignId::parse(&id).map_err(|_| campaign_not_found())?;
    if state.db.campaign(campaign.as_str()).await?.is_none() {
        return Err(campaign_not_found());
    }
    let (code, created_at_ms) = state.db.create_enrollment_code(&campaign).await?;
    let url = code.url(&state.public_url.origin());
    let qr_svg = domain::qr::qr_svg(&url).map_err(|e| {
        // The link is the public URL (checked at start, at most 200 characters) and a code: this
        // cannot fail unless that check is broken.
        tracing::error!("enrollment link {url:?} does not fit a QR code: {e}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "qr_failed",
            "The enrollment link could not be drawn as a QR code; type the code instead.",
        )
    })?;
    tracing::info!(
        "coordinator #{} made an enrollment code for campaign {campaign}",
        session.account.id
    );
    Ok(Json(IssuedEnrollmentCode {
        code: code.display(),
        url,
        expires_at_ms: created_at_ms + ENROLLMENT_CODE_TTL_MS,
        qr_svg,
        campaign,
    }))
}

pub async fn list(
    _: Coordinator,
    State(state): State<AppState>,
) -> Result<Json<Vec<DeviceListing>>, ApiError> {
    Ok(Json(state.db.devices().await?))
}

/// Revokes a device: its token stops working at once (its next sync gets 401 `device_revoked`);
/// what it already sent stays. Revoking a revoked device changes nothing and succeeds.
pub async fn revoke(
    CoordinatorWrite(session): CoordinatorWrite,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let Ok(Path(id)) = id else {
        return Err(device_not_found());
    };
    if !state.db.revoke_device(&id).await? {
        return Err(device_not_found());
    }
    tracing::info!("coordinator #{} revoked device {id}", session.account.id);
    Ok(StatusCode::NO_CONTENT)
}

/// Allows a device whose volunteers forgot their PIN to choose a new one: for
/// [`RECOVERY_WINDOW_MS`], once, the server opens the copy of its data key it sends
/// (`POST /api/v1/devices/recover`). Allowing again starts the window over. A revoked device
/// cannot be allowed: link it again instead.
pub async fn allow_recovery(
    CoordinatorWrite(session): CoordinatorWrite,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<RecoveryAllowed>, ApiError> {
    let Ok(Path(id)) = id else {
        return Err(device_not_found());
    };
    let at = match state.db.allow_recovery(&id).await? {
        AllowRecovery::Allowed { at_ms } => at_ms,
        AllowRecovery::NoSuchDevice => return Err(device_not_found()),
        AllowRecovery::Revoked => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "device_revoked",
                "This device was removed from the campaign: link it again with a new code first.",
            ));
        }
    };
    tracing::info!(
        "coordinator #{} allowed a new PIN on device {id}",
        session.account.id
    );
    Ok(Json(RecoveryAllowed {
        device: id,
        allowed_until_ms: at + RECOVERY_WINDOW_MS,
    }))
}
