//! The kiosk callback requests of a campaign, for its coordinators:
//!
//! - `GET /api/v1/campaigns/{id}/callbacks`: `{"to_call": [...], "handled": [...]}`, each row
//!   `{id, requested_at_ms, request: {first_name, phone, email, language, topic, question},
//!   handled: {by, at_ms} | null, erased}` (`domain::kiosk::CallbackList`): "à rappeler" newest
//!   first, "traitées" most recently handled first.
//! - `POST /api/v1/campaigns/{id}/callbacks/{event}/handled`: the signed-in coordinator marks
//!   one handled (a `KioskCallbackHandled` event by them); answers the lists as they now are.
//!   Marking an already handled request again changes nothing and answers 200 all the same.

use super::auth::{Coordinator, CoordinatorWrite};
use crate::AppState;
use crate::http::error::ApiError;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use domain::event::Actor;
use domain::ids::{CampaignId, EventId};
use domain::kiosk::{CallbackList, find_callback};

fn campaign_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "campaign_not_found",
        "There is no such campaign on this server.",
    )
}

fn callback_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "callback_not_found",
        "This campaign has no such callback request.",
    )
}

async fn known_campaign(state: &AppState, id: &str) -> Result<CampaignId, ApiError> {
    let campaign = CampaignId::parse(id).map_err(|_| campaign_not_found())?;
    if state.db.campaign(campaign.as_str()).await?.is_none() {
        return Err(campaign_not_found());
    }
    Ok(campaign)
}

pub async fn list(
    _: Coordinator,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<CallbackList>, ApiError> {
    let Ok(Path(id)) = id else {
        return Err(campaign_not_found());
    };
    let campaign = known_campaign(&state, &id).await?;
    Ok(Json(state.db.callbacks(&campaign).await?))
}

pub async fn handled(
    CoordinatorWrite(session): CoordinatorWrite,
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<CallbackList>, ApiError> {
    let Ok(Path((id, event))) = path else {
        return Err(campaign_not_found());
    };
    let campaign = known_campaign(&state, &id).await?;
    let callback = EventId::parse(&event).map_err(|_| callback_not_found())?;
    let list = state.db.callbacks(&campaign).await?;
    let Some(row) = find_callback(&list, &callback) else {
        return Err(callback_not_found());
    };
    if row.handled.is_some() || row.erased {
        return Ok(Json(list));
    }
    let actor = Actor::Coordinator {
        name: session.account.name.clone(),
    };
    state
        .db
        .record_callback_handled(&campaign, actor, callback)
        .await?;
    tracing::info!(
        "coordinator #{} marked a callback request of campaign {campaign} handled",
        session.account.id
    );
    Ok(Json(state.db.callbacks(&campaign).await?))
}
