//! `POST /api/v1/devices/recover`: a tablet whose volunteers all forgot their PIN sends the copy
//! of its data key sealed to the campaign's key; the server opens it only for that device, once,
//! within minutes of a coordinator allowing it (`domain::at_rest::recovery`), and answers the key
//! so that the volunteer can wrap it under a new PIN. Nothing of it is stored or logged.

use super::device_auth::AuthenticatedDevice;
use super::error::ApiError;
use super::json::ApiJson;
use crate::AppState;
use crate::db::now_ms;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::at_rest::DATA_KEY_BYTES;
use domain::at_rest::recovery::{
    RecoveryAnswer, RecoveryRefused, RecoveryRequest, may_recover, recovery_aad,
};
use domain::sealed::{SealedProblem, base64url_encode};

fn refused(why: RecoveryRefused) -> ApiError {
    ApiError::new(StatusCode::FORBIDDEN, why.code(), why.to_string())
}

fn unopenable(problem: &SealedProblem) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "sealed_unopenable",
        format!("the device's copy of its key cannot be opened: {problem}"),
    )
}

pub async fn recover(
    State(state): State<AppState>,
    AuthenticatedDevice(device): AuthenticatedDevice,
    ApiJson(request): ApiJson<RecoveryRequest>,
) -> Result<Json<RecoveryAnswer>, ApiError> {
    let allowed_at = state.db.recovery_allowed_at(&device.id).await?;
    may_recover(allowed_at, now_ms()).map_err(refused)?;
    let Some(allowed_at) = allowed_at else {
        return Err(refused(RecoveryRefused::NotAllowed));
    };
    // Sealed under the key of the campaign named in the copy: the device's campaign now, or an
    // earlier one if it was linked to another campaign while locked. The additional data binds
    // the copy to this device whatever the campaign.
    let copy = &request.copy;
    let secret = crate::sealing::stored_key(&state.db, &copy.campaign)
        .await?
        .ok_or_else(|| unopenable(&SealedProblem::NoKey))?;
    let key = crate::sealing::open(
        &secret,
        &copy.sealed,
        &recovery_aad(&copy.campaign, &device.id),
    )
    .map_err(|p| unopenable(&p))?;
    if key.len() != DATA_KEY_BYTES {
        return Err(unopenable(&SealedProblem::WrongContents {
            expected: "data key",
        }));
    }
    // Used up only once the copy opened: a damaged copy does not cost the coordinator's
    // permission. Two requests racing with one permission: the second is refused.
    if !state.db.use_recovery(&device.id, allowed_at).await? {
        return Err(refused(RecoveryRefused::NotAllowed));
    }
    tracing::info!(
        "device {} chose a new PIN with a coordinator's permission",
        device.id
    );
    Ok(Json(RecoveryAnswer {
        data_key: base64url_encode(&key),
    }))
}
