//! `/api/v1/devices/enroll`: a device trades a one-time code for its token.

use super::error::ApiError;
use super::json::ApiJson;
use crate::AppState;
use crate::db::devices::EnrollError;
use crate::db::now_ms;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use domain::enrollment::{
    CampaignSummary, EnrollRequest, EnrollResponse, EnrollmentCode, RedeemError,
};
use domain::sync::PROTOCOL_VERSION;

pub async fn enroll(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<EnrollRequest>,
) -> Result<Json<EnrollResponse>, ApiError> {
    state
        .limits
        .enrollment
        .check("all", now_ms())
        .map_err(ApiError::rate_limited)?;
    if request.version != PROTOCOL_VERSION {
        return Err(ApiError::bad_request(
            "unsupported_version",
            format!(
                "this app speaks protocol version {}; the server speaks version \
                 {PROTOCOL_VERSION}: update the app",
                request.version
            ),
        ));
    }
    let code = EnrollmentCode::parse(&request.code)
        .map_err(|e| ApiError::bad_request("enrollment_code_invalid", e.to_string()))?;
    let (token, campaign) = state
        .db
        .enroll(&code, &request.device, &request.label)
        .await
        .map_err(|e| match e {
            EnrollError::Storage(e) => ApiError::from(e),
            EnrollError::Refused(refusal) => ApiError::new(
                match refusal {
                    RedeemError::Unknown => StatusCode::NOT_FOUND,
                    RedeemError::Expired | RedeemError::Used => StatusCode::GONE,
                },
                refusal.code(),
                refusal.to_string(),
            ),
        })?;
    let name = state
        .db
        .campaign(campaign.as_str())
        .await?
        .map(|c| c.name)
        .unwrap_or_else(|| campaign.as_str().to_owned());
    tracing::info!(
        "device {} enrolled in campaign {}",
        request.device,
        campaign
    );
    // Kiosks seal residents' sign-ups with it (sealing.rs); made on the campaign's first need.
    let sealing_key = crate::sealing::public_key(&state.db, &campaign).await?;
    Ok(Json(EnrollResponse {
        token: token.as_str().to_owned(),
        campaign: CampaignSummary { id: campaign, name },
        sealing_key: Some(sealing_key),
    }))
}
