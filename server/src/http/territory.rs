//! A campaign's attached territory: the coordinator attaches dwelling files
//! (`POST /api/v1/campaigns/{id}/territory`, up to `MAX_ATTACH_BYTES`) and reads what is attached
//! (`GET` the same path); enrolled devices fetch the whole document (`GET /api/v1/sync/territory`)
//! when the version their pull answer names is not the one they merged last. The rules
//! (checks, merge, version) are `domain::campaign_territory`.

use super::coordinator::auth::{Coordinator, CoordinatorWrite};
use super::coordinator::campaigns::known_campaign;
use super::device_auth::AuthenticatedDevice;
use super::error::ApiError;
use super::json::ApiJson;
use crate::AppState;
use crate::db::now_ms;
use crate::db::territories::AttachError;
use axum::extract::rejection::PathRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use domain::campaign_territory::{
    AttachRequest, AttachResponse, Attached, MAX_ATTACH_BYTES, MAX_DOORS,
};
use domain::territory::Territory;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/campaigns/{id}/territory",
            get(attached)
                .post(attach)
                .layer(DefaultBodyLimit::max(MAX_ATTACH_BYTES)),
        )
        .route("/sync/territory", get(fetch))
}

fn too_large(detail: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "territory_too_large", detail)
}

/// What is attached to the campaign (an empty summary while nothing is).
async fn attached(
    _: Coordinator,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<Attached>, ApiError> {
    let campaign = known_campaign(&state, id).await?;
    Ok(Json(state.db.attached_territory(&campaign).await?))
}

/// Merges one file's territory into the campaign's.
async fn attach(
    write: CoordinatorWrite,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    request: Result<ApiJson<AttachRequest>, ApiError>,
) -> Result<Json<AttachResponse>, ApiError> {
    let campaign = known_campaign(&state, id).await?;
    let ApiJson(request) = request.map_err(|e| {
        if e.status == StatusCode::PAYLOAD_TOO_LARGE {
            too_large(format!(
                "A territory is sent in at most {} MiB (about {MAX_DOORS} doors).",
                MAX_ATTACH_BYTES / 1024 / 1024
            ))
        } else {
            e
        }
    })?;
    let incoming = Territory {
        residences: request.residences,
    };
    let by = write.0.account.name.clone();
    match state.db.attach_territory(&campaign, incoming, &by).await {
        Ok((attached, added)) => {
            tracing::info!(
                "coordinator #{} attached {} new doors to campaign {campaign} ({} in all)",
                write.0.account.id,
                added.doors_added,
                attached.counts.doors
            );
            Ok(Json(AttachResponse { attached, added }))
        }
        Err(AttachError::Refused(problem)) if problem.is_too_large() => {
            Err(too_large(problem.to_string()))
        }
        Err(AttachError::Refused(problem)) => {
            Err(ApiError::bad_request(problem.code(), problem.to_string()))
        }
        Err(AttachError::Storage(e)) => Err(e.into()),
        Err(AttachError::Busy) => Err(ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "Other files were being attached to this campaign; try again.",
            )
        }),
    }
}

/// The device's campaign territory, as stored (no parsing): `{campaign, version, residences}`.
async fn fetch(
    State(state): State<AppState>,
    device: AuthenticatedDevice,
) -> Result<impl IntoResponse, ApiError> {
    state
        .limits
        .device_sync
        .check(device.0.id.as_str(), now_ms())
        .map_err(ApiError::rate_limited)?;
    let campaign = &device.0.campaign;
    let Some((version, document)) = state.db.territory_document(campaign).await? else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "territory_not_attached",
            "No territory is attached to this device's campaign.",
        ));
    };
    // The document is a `Territory` (`{"residences": [...]}`): the answer adds its campaign and
    // version in front of the stored text instead of parsing megabytes to write them again.
    let Some(rest) = document.strip_prefix('{') else {
        return Err(ApiError::unavailable(format!(
            "the territory of campaign {campaign} is not a JSON object"
        )));
    };
    let head = serde_json::json!({ "campaign": campaign.as_str(), "version": version }).to_string();
    let body = format!("{},{rest}", &head[..head.len() - 1]);
    state.db.device_seen(&device.0.id).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body))
}
