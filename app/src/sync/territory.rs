//! The campaign's attached territory, followed during a sync round: the last pull answer names
//! its version (`domain::sync::PullResponse::territory`); when it is not the one merged
//! here, the device fetches the whole territory with its token, merges it into its own
//! résidences (`domain::campaign_territory::receive`) and shows them at once.

use super::SyncEngine;
use super::http::get;
use super::round::{failure_of, storage, unreadable};
use crate::store::EventStore;
use domain::campaign_territory::{CampaignTerritory, needs_fetch, receive};
use domain::sync::{AfterFailure, Enrollment};

const TERRITORY_PATH: &str = "/api/v1/sync/territory";

/// Fetches and merges the campaign's territory when the last pull answer offers a version
/// (`offered`) this device has not merged yet.
pub(super) async fn follow(
    store: &EventStore,
    engine: SyncEngine,
    enrollment: &Enrollment,
    offered: Option<&str>,
) -> Result<(), AfterFailure> {
    // Most campaigns attach nothing: no IndexedDB read at the end of their rounds.
    if offered.is_none() {
        return Ok(());
    }
    let merged = store.campaign_territory_version().await.map_err(storage)?;
    if !needs_fetch(merged.as_deref(), offered) {
        return Ok(());
    }
    let answer = get(TERRITORY_PATH, Some(&enrollment.token))
        .await
        .map_err(|f| failure_of(&f))?;
    let fetched: CampaignTerritory = serde_json::from_str(&answer).map_err(|_| unreadable())?;
    let version = fetched.version.clone();
    // Merged into what the store holds (the tablet's own imports included), in one transaction
    // that reads, merges and writes, not into the screen's copy, which may be older.
    let (territory, _) = store
        .merge_into_territory(|mine| receive(mine, fetched), Some(&version))
        .await
        .map_err(storage)?;
    // The field screens show it at once (without the demo estate, if it brought résidences).
    engine.field_data().store_territory(territory);
    Ok(())
}
