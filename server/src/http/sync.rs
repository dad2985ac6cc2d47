//! `/api/v1/sync/push` and `/api/v1/sync/pull`: the device side of sync protocol v1 (the rules are
//! `domain::sync`; this file only authenticates, rate-limits, stores and answers).

use super::device_auth::AuthenticatedDevice;
use super::error::ApiError;
use super::json::ApiJson;
use crate::AppState;
use crate::db::now_ms;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::{Json, Router};
use domain::ids::CampaignId;
use domain::sync::{
    PullRequest, PullResponse, PushRequest, PushResponse, PushResult, Verdict, check_pull,
    check_push, sequence_taken,
};
use std::collections::HashSet;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/push", post(push))
        .route("/pull", post(pull))
}

fn limit(state: &AppState, device: &AuthenticatedDevice) -> Result<(), ApiError> {
    state
        .limits
        .device_sync
        .check(device.0.id.as_str(), now_ms())
        .map_err(ApiError::rate_limited)
}

async fn push(
    State(state): State<AppState>,
    device: AuthenticatedDevice,
    ApiJson(request): ApiJson<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    limit(&state, &device)?;
    // A device pushes into the campaign it was enrolled in, and that campaign only: an event
    // naming another one is refused like an unknown campaign.
    let own_campaign = device.0.campaign.clone();
    let known = |campaign: &CampaignId| *campaign == own_campaign;
    let verdicts = check_push(&request, &device.0.id, &known, now_ms()).map_err(|e| {
        ApiError::new(
            if matches!(e, domain::sync::PushError::TooManyEvents { .. }) {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            },
            e.code(),
            e.to_string(),
        )
    })?;
    let results = store_checked(&state.db, &request, verdicts).await?;
    state.db.device_seen(&device.0.id).await?;
    Ok(Json(PushResponse { results }))
}

/// Stores the events of `request` that `verdicts` (from [`check_push`], in the request's order)
/// let through, and answers one result per event. A device's push and a coordinator's import of
/// an outbox file both go through here, so the two can never store or answer differently.
pub(crate) async fn store_checked(
    db: &crate::db::Db,
    request: &PushRequest,
    verdicts: Vec<Verdict>,
) -> Result<Vec<PushResult>, sqlx::Error> {
    // Sealed kiosk records are opened first: what is stored is what they hold (sealing.rs).
    let (request, verdicts, refused) = crate::sealing::open_sealed(db, request, verdicts).await?;
    let request = &*request;
    let to_store: HashSet<&domain::ids::EventId> = verdicts
        .iter()
        .filter_map(|v| match v {
            Verdict::Store { event_id } => Some(event_id),
            Verdict::Reject { .. } => None,
        })
        .collect();
    // An id repeated inside one request is stored once; the later copies answer "duplicate".
    let mut seen = HashSet::new();
    let events: Vec<_> = request
        .events
        .iter()
        .filter(|e| to_store.contains(&e.id) && seen.insert(&e.id))
        .collect();
    let stored = db.store_events(&events).await?;
    let mut reported_new = HashSet::new();
    let results = verdicts
        .into_iter()
        .map(|verdict| {
            let id = verdict.event_id().clone();
            if stored.seq_taken.contains(&id) {
                return sequence_taken(id);
            }
            let new = stored.new.contains(&id) && reported_new.insert(id.clone());
            verdict.into_result(new)
        })
        .collect();
    Ok(refused.answer(results))
}

/// Answers a [`domain::sync::PullResponse`] as JSON, written from the stored team views without
/// parsing them ([`domain::sync::PullResponse::json_from_rows`]).
async fn pull(
    State(state): State<AppState>,
    device: AuthenticatedDevice,
    ApiJson(request): ApiJson<PullRequest>,
) -> Result<impl IntoResponse, ApiError> {
    limit(&state, &device)?;
    let page = check_pull(&request, &device.0.id)
        .map_err(|e| ApiError::bad_request(e.code(), e.to_string()))?;
    let rows = state
        .db
        .pull_page_rows(&device.0.campaign, &device.0.id, page)
        .await?;
    // territory (#7): the version of the campaign's attached territory, for the device to fetch
    // after its last page; not looked up for the pages before it.
    let territory = if PullResponse::more_after(page, rows.len()) {
        None
    } else {
        state.db.territory_version(&device.0.campaign).await?
    };
    let body = PullResponse::json_from_rows(page, &rows, territory.as_deref());
    state.db.device_seen(&device.0.id).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body))
}
