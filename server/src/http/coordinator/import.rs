//! `/api/v1/imports/outbox`: a coordinator imports the outbox file a device exported when it had
//! no network for weeks.
//!
//! An import is the device's pushes, replayed: the file is cut into requests of at most
//! `MAX_PUSH_EVENTS` events ([`OutboxFile::push_requests`]), each checked by the same
//! [`check_push`] with the file's device as the pushing device, and stored by the same code as a
//! push. So importing a file twice, or a file whose events the device pushed meanwhile, stores
//! nothing twice and answers `duplicate`.
//!
//! Which campaigns the events may name:
//! - a device the server knows (enrolled, even if revoked since): the campaign it was enrolled
//!   in, exactly as its own push would be checked. Revocation stops a token, not the work done
//!   before: a coordinator holding the file vouches for it.
//! - a device the server has never seen (a tablet set up on another server, or whose enrollment
//!   was lost): any campaign that exists on this server, since the coordinator vouches for it.
//!
//! Each request is its own transaction: a file cut off by a failure can simply be imported again.

use super::auth::CoordinatorWrite;
use crate::AppState;
use crate::db::now_ms;
use crate::http::error::ApiError;
use crate::http::sync::store_checked;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use domain::accounts::ImportReport;
use domain::ids::CampaignId;
use domain::sync::{OutboxFile, OutboxFileError, check_push};
use std::collections::HashSet;

/// The largest outbox file accepted: 20 MiB, some 10,000 events, months of one tablet's work.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

pub async fn outbox(
    CoordinatorWrite(session): CoordinatorWrite,
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ImportReport>, ApiError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "json_expected",
            "Send the outbox file as JSON, with Content-Type: application/json.",
        ));
    }
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!(
                    "This file is larger than {} MiB; export the device's outbox in several \
                     files or let it sync.",
                    MAX_IMPORT_BYTES / (1024 * 1024)
                ),
            )
        } else {
            ApiError::bad_request("bad_request", "The request body could not be read.")
        }
    })?;
    let text = std::str::from_utf8(&body).map_err(|_| {
        ApiError::bad_request(
            "not_an_outbox_file",
            "This file is not text (UTF-8): it is not a Palier outbox file.",
        )
    })?;
    let file = OutboxFile::parse(text).map_err(|e| {
        let code = match e {
            OutboxFileError::UnsupportedVersion { .. } => "outbox_file_version_unsupported",
            OutboxFileError::NotAnOutboxFile { .. } | OutboxFileError::WrongFormat { .. } => {
                "not_an_outbox_file"
            }
        };
        ApiError::bad_request(code, e.to_string())
    })?;

    let enrolled_in = state
        .db
        .devices()
        .await?
        .into_iter()
        .find(|d| d.id == file.device.as_str())
        .map(|d| d.campaign);
    let known: HashSet<String> = match &enrolled_in {
        Some(campaign) => HashSet::from([campaign.clone()]),
        None => state
            .db
            .campaigns()
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect(),
    };
    let known = |campaign: &CampaignId| known.contains(campaign.as_str());

    let mut results = Vec::with_capacity(file.events.len());
    for request in file.push_requests() {
        // The file's requests are made in this build's protocol version, within the batch size
        // and for the file's own device: nothing in them can refuse a whole request.
        let verdicts = check_push(&request, &file.device, &known, now_ms())
            .map_err(|e| ApiError::bad_request(e.code(), e.to_string()))?;
        results.extend(store_checked(&state.db, &request, verdicts).await?);
    }
    let report = ImportReport::new(file.device.clone(), results);
    tracing::info!(
        "coordinator #{} imported the outbox of device {} ({}): {} accepted, {} duplicate, \
         {} rejected",
        session.account.id,
        file.device,
        if enrolled_in.is_some() {
            "enrolled"
        } else {
            "not enrolled here"
        },
        report.accepted,
        report.duplicate,
        report.rejected
    );
    Ok(Json(report))
}
