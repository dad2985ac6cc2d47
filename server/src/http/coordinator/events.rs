//! `GET /api/v1/campaigns/{id}/events`: the whole log of a campaign, page by page, for the
//! coordinator's browser (indicators and exports are computed there). Coordinators see every
//! event, personal details included, unlike a device's pull which gets the team's view only.
//!
//! The answer has the shape of a device's pull (`{events, next_cursor, more}`); the stored
//! envelopes are written into it as they are (they were checked on the way in), so a page of
//! 5,000 events costs no parsing.

use super::auth::Coordinator;
use crate::AppState;
use crate::http::error::ApiError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::ids::CampaignId;
use domain::sync::Cursor;
use serde::Deserialize;

/// The most events one page holds; a larger `limit` is read as this.
pub const MAX_EVENTS_PAGE: u32 = 5_000;

/// A page without `limit` holds this many.
pub const DEFAULT_EVENTS_PAGE: u32 = 1_000;

#[derive(Deserialize)]
pub struct PageQuery {
    after: Option<String>,
    limit: Option<u32>,
    /// `count=true`: the page also says how many events follow `after` (this page's included),
    /// so that the browser makes room for the whole log once instead of growing it page by page.
    #[serde(default)]
    count: bool,
}

fn campaign_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "campaign_not_found",
        "There is no such campaign on this server.",
    )
}

pub async fn page(
    _: Coordinator,
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Path(id)) = id else {
        return Err(campaign_not_found());
    };
    let campaign = CampaignId::parse(&id).map_err(|_| campaign_not_found())?;
    let Query(query) = query.map_err(|e| {
        ApiError::bad_request(
            "bad_request",
            format!("{e}: `after` is a cursor, `limit` a number of events"),
        )
    })?;
    let after = match query.after.as_deref() {
        None | Some("") => Cursor::START,
        Some(text) => {
            Cursor::parse(text).map_err(|e| ApiError::bad_request("bad_cursor", e.to_string()))?
        }
    };
    let limit = query
        .limit
        .unwrap_or(DEFAULT_EVENTS_PAGE)
        .clamp(1, MAX_EVENTS_PAGE);
    if state.db.campaign(campaign.as_str()).await?.is_none() {
        return Err(campaign_not_found());
    }
    // One more than asked tells whether more wait.
    let mut rows = state
        .db
        .campaign_events(&campaign, after, limit + 1)
        .await?;
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = rows.last().map_or(after, |(cursor, _)| *cursor);
    let remaining = if query.count {
        Some(count_after(&state, &campaign, after).await?)
    } else {
        None
    };
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        page_json(&rows, next_cursor, more, remaining),
    )
        .into_response())
}

/// How many events of `campaign` follow `after`: one count on the index the pages are read by.
async fn count_after(
    state: &AppState,
    campaign: &CampaignId,
    after: Cursor,
) -> Result<u64, sqlx::Error> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE campaign = $1 AND position > $2")
            .bind(campaign.as_str().to_owned())
            .bind(after.position().min(i64::MAX as u64) as i64)
            .fetch_one(state.db.pool())
            .await?;
    Ok(count.max(0) as u64)
}

/// `{"events":[…],"next_cursor":"42","more":false}`, with each stored envelope as it is, and
/// `"remaining":N` when it was asked for.
fn page_json(
    rows: &[(Cursor, String)],
    next_cursor: Cursor,
    more: bool,
    remaining: Option<u64>,
) -> String {
    let size = rows.iter().map(|(_, e)| e.len() + 1).sum::<usize>() + 64;
    let mut out = String::with_capacity(size);
    out.push_str("{\"events\":[");
    for (i, (_, envelope)) in rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(envelope);
    }
    out.push_str("],\"next_cursor\":\"");
    out.push_str(&next_cursor.to_string());
    out.push_str("\",\"more\":");
    out.push_str(if more { "true" } else { "false" });
    if let Some(remaining) = remaining {
        out.push_str(",\"remaining\":");
        out.push_str(&remaining.to_string());
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_as_a_pull_response() {
        let rows = vec![(Cursor::from_position(7), "{\"a\":1}".to_owned())];
        let json = page_json(&rows, Cursor::from_position(7), true, None);
        assert_eq!(
            json,
            r#"{"events":[{"a":1}],"next_cursor":"7","more":true}"#
        );
        let empty = page_json(&[], Cursor::START, false, None);
        assert_eq!(empty, r#"{"events":[],"next_cursor":"0","more":false}"#);
        let counted = page_json(&rows, Cursor::from_position(7), false, Some(1));
        assert_eq!(
            counted,
            r#"{"events":[{"a":1}],"next_cursor":"7","more":false,"remaining":1}"#
        );
    }
}
