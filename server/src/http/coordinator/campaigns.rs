//! Campaigns from the coordinator's side: creating one (`POST /api/v1/campaigns`), reading its
//! settings and changing them (`/api/v1/campaigns/{id}/settings`). A change is stored as a
//! `CampaignSettingsChanged` event of the campaign's log, which every device of the campaign
//! pulls: the server checks it with the domain's rules first, and says what is wrong otherwise.

use super::auth::{Coordinator, CoordinatorWrite};
use crate::AppState;
use crate::db::Campaign;
use crate::db::campaigns::SettingsWriteError;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use domain::campaign::{
    CampaignSettings, DEFAULT_RETENTION_MONTHS, NewCampaign, SettingEdit, SettingProblem,
    new_campaign_id, retention_days,
};
use domain::event::Actor;
use domain::i18n::Locale;
use domain::ids::CampaignId;
use serde::Deserialize;

/// The most edits one request carries: a whole knowledge base in three languages fits.
pub const MAX_EDITS: usize = 500;

#[derive(Deserialize)]
pub struct SettingsRequest {
    pub edits: Vec<SettingEdit>,
}

fn campaign_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "campaign_not_found",
        "There is no such campaign on this server.",
    )
}

/// The problem's stable code and its English words; the app says it in the user's language.
fn refused(problem: &SettingProblem) -> ApiError {
    ApiError::bad_request(problem.code(), problem.message(Locale::En))
}

fn write_failed(e: SettingsWriteError) -> ApiError {
    match e {
        SettingsWriteError::Storage(e) => e.into(),
        SettingsWriteError::Busy => ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "Another change of this campaign was being saved; try again.",
            )
        },
    }
}

fn coordinator(write: &CoordinatorWrite) -> Actor {
    Actor::Coordinator {
        name: write.0.account.name.clone(),
    }
}

/// The campaign named in the path, or 404 `campaign_not_found` (also for the territory's routes).
pub(crate) async fn known_campaign(
    state: &AppState,
    id: Result<Path<String>, PathRejection>,
) -> Result<CampaignId, ApiError> {
    let Ok(Path(id)) = id else {
        return Err(campaign_not_found());
    };
    let campaign = CampaignId::parse(&id).map_err(|_| campaign_not_found())?;
    if state.db.campaign(campaign.as_str()).await?.is_none() {
        return Err(campaign_not_found());
    }
    Ok(campaign)
}

/// Creates a campaign from a name (and a territory label): its id is made from the name, its
/// first settings change records both.
pub async fn create(
    write: CoordinatorWrite,
    State(state): State<AppState>,
    ApiJson(request): ApiJson<NewCampaign>,
) -> Result<(StatusCode, Json<Campaign>), ApiError> {
    let edits = request.edits().map_err(|p| refused(&p))?;
    let days = retention_days(DEFAULT_RETENTION_MONTHS);
    for _ in 0..5 {
        let id = new_campaign_id(&request.name, crate::db::devices::random_bytes());
        if !state.db.create_campaign(&id, &request.name, days).await? {
            continue;
        }
        state
            .db
            .write_settings(&id, coordinator(&write), &edits)
            .await
            .map_err(write_failed)?;
        tracing::info!("coordinator #{} created campaign {id}", write.0.account.id);
        let campaign = state.db.campaign(id.as_str()).await?.ok_or_else(|| {
            ApiError::unavailable(format!("campaign {id} vanished right after its creation"))
        })?;
        return Ok((StatusCode::CREATED, Json(campaign)));
    }
    Err(ApiError::unavailable(
        "five campaign ids in a row were taken",
    ))
}

pub async fn settings(
    _: Coordinator,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<CampaignSettings>, ApiError> {
    let campaign = known_campaign(&state, id).await?;
    Ok(Json(state.db.campaign_settings(&campaign).await?))
}

/// Checks and stores one change made of `edits`; answers the settings as they now are.
pub async fn change_settings(
    write: CoordinatorWrite,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    ApiJson(request): ApiJson<SettingsRequest>,
) -> Result<Json<CampaignSettings>, ApiError> {
    let campaign = known_campaign(&state, id).await?;
    if request.edits.is_empty() {
        return Err(refused(&SettingProblem::NoEdits));
    }
    if request.edits.len() > MAX_EDITS {
        return Err(ApiError::bad_request(
            "too_many_edits",
            format!("A change carries at most {MAX_EDITS} edits; send it in parts."),
        ));
    }
    for edit in &request.edits {
        edit.check().map_err(|p| refused(&p))?;
    }
    let touches_knowledge = request
        .edits
        .iter()
        .any(|e| e.key().starts_with("knowledge/"));
    if touches_knowledge {
        // The kiosk must still be able to use the whole base once the change is in: a question
        // asked twice or an entry with nothing to match on is caught here, not in a hall.
        let shipped = domain::kiosk::default_knowledge();
        if let Err(e) = state
            .db
            .campaign_settings(&campaign)
            .await?
            .with_edits(&request.edits)
            .knowledge_base(&shipped)
            .validate()
        {
            return Err(ApiError::bad_request("knowledge_invalid", e.to_string()));
        }
    }
    state
        .db
        .write_settings(&campaign, coordinator(&write), &request.edits)
        .await
        .map_err(write_failed)?;
    tracing::info!(
        "coordinator #{} changed {} setting(s) of campaign {campaign}",
        write.0.account.id,
        request.edits.len()
    );
    Ok(Json(state.db.campaign_settings(&campaign).await?))
}
