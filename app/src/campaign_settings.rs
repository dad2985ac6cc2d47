//! The current campaign's settings on this device, as the coordinator last set them: folded from
//! the `CampaignSettingsChanged` events this device pulled (`domain::campaign`), for the
//! campaign it is enrolled in (the demo campaign before enrollment, which has none: defaults).
//!
//! Use from any component under the app root (the field screens, the kiosk):
//!
//! ```ignore
//! pub fn use_campaign_settings() -> Memo<domain::campaign::CampaignSettings>
//! pub fn use_settings_read() -> Memo<bool>
//! ```
//!
//! The memo follows the device's log (`FieldData::events`): a sync that pulls a change updates
//! every screen using it. What it gives:
//! - `settings.join_link(&residence_id, imported_link)`: the coordinator's join link, else the
//!   one imported with the territory;
//! - `settings.presentation(default_presentation())`: the presentation with the campaign's app name;
//! - `settings.kiosk` (`KioskSettings`: `idle_ms()`, `warning_ms()`, `contacts`);
//! - `settings.kiosk_pin`: `Option<PinRecord>`, `None` until a coordinator sets one;
//! - `settings.knowledge_base(&default_knowledge())`: the kiosk's questions and answers;
//! - `settings.retention_months`.

use crate::field_data::{FieldData, use_field_counts};
use crate::sync::use_sync;
use domain::campaign::{CampaignSettings, campaign_settings};
use domain::ids::CampaignId;
use domain::sync::Enrollment;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One fold for the whole page, made by the app root: the kiosk gate reads it on every screen.
/// `read`: whether the log was folded once since the start (until then the settings are the
/// defaults, which say "no kiosk PIN" whatever the coordinator chose).
#[derive(Clone, Copy)]
struct CurrentSettings {
    settings: Memo<CampaignSettings>,
    read: Memo<bool>,
}

/// Called once by the app root, after the sync engine (which holds the enrollment).
pub fn provide_campaign_settings() {
    let data = use_field_counts();
    let engine = use_sync();
    // Folded only once the log was read (by a screen that needs it): until then the defaults,
    // and the home screen alone neither reads the log nor downloads the fold (`fold` below).
    let folded = RwSignal::new(CampaignSettings::default());
    let read = RwSignal::new(false);
    // Folds finish in any order (the first waits for the fold's code): only the latest counts.
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        if !data.loaded.get() {
            // The store could not be opened: nothing will be read, the defaults are all there is
            // (a kiosk must not wait for ever to be left).
            if data.problem.with(Option::is_some) && !read.get_untracked() {
                read.set(true);
            }
            return;
        }
        data.events.track();
        // The enrollment is read by the sync engine, apart from the log: until it is, the fold is
        // the demo campaign's, whose defaults say "no exit PIN" for a linked kiosk.
        let enrollment_read = engine.loaded.get();
        let campaign = engine
            .enrollment
            .with(|e| Enrollment::campaign_for_new_events(e.as_ref()));
        let this = latest.try_update_value(|n| {
            *n += 1;
            *n
        });
        spawn_local(async move {
            let settings = fold(data, campaign).await;
            if this.is_none() || latest.try_get_value() != this {
                return;
            }
            if folded.with_untracked(|now| *now != settings) {
                folded.set(settings);
            }
            if enrollment_read && !read.get_untracked() {
                read.set(true);
            }
        });
    });
    // The log is asked for when the settings are first read, not when they are made: the kiosk
    // gate and the header make them on every page.
    let settings = Memo::new(move |_| {
        data.want();
        folded.get()
    });
    let read = Memo::new(move |_| {
        data.want();
        read.get()
    });
    provide_context(CurrentSettings { settings, read });
}

/// The fold of the campaign's settings over the log; with the `split` feature its code arrives
/// with the first screen that reads the log (routes/on_demand.rs).
#[cfg_attr(feature = "split", leptos::lazy)]
async fn fold(data: FieldData, campaign: CampaignId) -> CampaignSettings {
    data.events
        .with_untracked(|events| campaign_settings(&campaign, events.iter()))
}

/// The settings of the campaign this device works for, kept up to date with its log.
pub fn use_campaign_settings() -> Memo<CampaignSettings> {
    expect_context::<CurrentSettings>().settings
}

/// Whether the settings were read from the log since the start: before, they are the defaults.
pub fn use_settings_read() -> Memo<bool> {
    expect_context::<CurrentSettings>().read
}
