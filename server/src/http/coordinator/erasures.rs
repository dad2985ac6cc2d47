//! `POST /api/v1/campaigns/{id}/erasures`: a coordinator records a resident's erasure request.
//! The server stores a `ResidentErased` event (which every device of the campaign pulls and
//! applies) and rewrites its own stored events at once (`db::erasure`).
//!
//! Body: `{"resident": "<uuid>", "reference": "DPO-2026-014", "fields": [...]}`, `fields`
//! optional (every kind of record by default). Answer 201:
//! `{"event": {…the ResidentErased event…}, "rewritten": 4}`, so the coordinator's browser can
//! apply it to the log it holds at once.

use super::auth::CoordinatorWrite;
use crate::AppState;
use crate::db::erasure::today;
use crate::http::error::ApiError;
use crate::http::json::ApiJson;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use domain::event::Actor;
use domain::i18n::Locale;
use domain::ids::CampaignId;
use domain::privacy::{ErasedField, ErasureReason, ResidentErased};
use domain::signup::ResidentId;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct ErasureRequest {
    resident: String,
    reference: String,
    fields: Option<Vec<ErasedField>>,
}

#[derive(Serialize)]
pub struct ErasureRecorded {
    event: domain::event::EventEnvelope,
    rewritten: usize,
}

fn campaign_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "campaign_not_found",
        "There is no such campaign on this server.",
    )
}

pub async fn record(
    CoordinatorWrite(session): CoordinatorWrite,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    ApiJson(request): ApiJson<ErasureRequest>,
) -> Result<(StatusCode, Json<ErasureRecorded>), ApiError> {
    let Ok(Path(id)) = id else {
        return Err(campaign_not_found());
    };
    let campaign = CampaignId::parse(&id).map_err(|_| campaign_not_found())?;
    if state.db.campaign(campaign.as_str()).await?.is_none() {
        return Err(campaign_not_found());
    }
    let resident = ResidentId::parse(request.resident.trim()).map_err(|_| {
        ApiError::bad_request(
            "bad_resident",
            "`resident` is the resident id of a sign-up (a lowercase UUID).",
        )
    })?;
    let erased = ResidentErased {
        resident,
        fields: request.fields.unwrap_or_else(|| ErasedField::ALL.to_vec()),
        reason: ErasureReason::ResidentRequest,
        requested_on: today(),
        reference: request.reference,
        // Found by `Db::record_erasure`: the callback requests that gave the resident's contact.
        callbacks: Vec::new(),
    };
    erased.check().map_err(|problem| {
        let code = match problem {
            domain::privacy::ErasureProblem::Fields => "bad_fields",
            domain::privacy::ErasureProblem::Reference => "bad_reference",
        };
        ApiError::bad_request(code, problem.text(Locale::En))
    })?;
    if !state.db.resident_known(&campaign, &erased.resident).await? {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "resident_not_found",
            "No sign-up of this resident has reached the server for this campaign.",
        ));
    }
    let actor = Actor::Coordinator {
        name: session.account.name.clone(),
    };
    let outcome = state.db.record_erasure(&campaign, actor, erased).await?;
    tracing::info!(
        "coordinator #{} recorded an erasure in campaign {campaign} ({} event(s) rewritten)",
        session.account.id,
        outcome.rewritten
    );
    Ok((
        StatusCode::CREATED,
        Json(ErasureRecorded {
            event: outcome.event,
            rewritten: outcome.rewritten,
        }),
    ))
}
