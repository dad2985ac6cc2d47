//! The lock's work on the store, fetched when first needed: counting what
//! waits for the unlock, sealing with a new PIN, unlocking, a new PIN after a forgotten one,
//! purging. The header is on every
//! screen, so with the `split` feature (routes/on_demand.rs) this code and the event decoding it
//! needs stay out of the first load of the home screen.

use crate::store::sync::Sendable;
use crate::store::vault::VaultFailure;
use crate::store::{EventStore, idb::IdbResult};
use crate::sync::recovery::RecoveryFailure;
use domain::at_rest::device_window_days;
use domain::campaign::campaign_settings;
use domain::sync::Enrollment;

/// How many unsent records wait for the unlock (read while locked).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn waiting_for_unlock(store: EventStore) -> usize {
    match store.outbox().await {
        Ok(outbox) => {
            let ids: Vec<_> = outbox.into_iter().map(|e| e.event_id).collect();
            store
                .events_to_send(&ids)
                .await
                .map(|found| {
                    found
                        .iter()
                        .filter(|s| matches!(s, Sendable::WaitsForUnlock))
                        .count()
                })
                .unwrap_or(0)
        }
        Err(_) => 0,
    }
}

#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn unlock(store: EventStore, volunteer: String, pin: String) -> Result<(), VaultFailure> {
    store.unlock(&volunteer, &pin).await
}

#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn set_pin(
    store: EventStore,
    volunteer: String,
    pin: String,
) -> Result<(), VaultFailure> {
    store.set_pin(&volunteer, &pin).await
}

/// A new PIN over the data key the server opens (every PIN here forgotten).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn set_new_pin(
    store: EventStore,
    volunteer: String,
    pin: String,
) -> Result<(), RecoveryFailure> {
    crate::sync::recovery::set_new_pin(&store, &volunteer, &pin).await
}

/// The key ring's copy for a forgotten PIN, made as soon as a device is linked and unlocked.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn keep_recovery_copy(store: EventStore) -> Result<(), VaultFailure> {
    crate::sync::recovery::keep_copy(&store).await
}

/// Purge after sync. `retention_days` is the campaign's, when the screens already folded the log;
/// otherwise (the home screen alone) it is folded here from the store.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn purge(
    store: EventStore,
    stored_window: Option<String>,
    retention_days: Option<u32>,
    now_ms: u64,
) -> IdbResult<usize> {
    let retention = match retention_days {
        Some(days) => days,
        None => {
            let enrollment = store.enrollment().await?;
            let campaign = Enrollment::campaign_for_new_events(enrollment.as_ref());
            let events = store.events().await?;
            campaign_settings(&campaign, events.iter()).retention_days()
        }
    };
    let window = device_window_days(stored_window.as_deref(), retention);
    store.purge_synced(now_ms, window).await
}
