//! The current campaign's settings on this device, as the coordinator last set them: folded from
//! the `CampaignSettingsChanged` events this device pulled (`domain::campaign`), for the
//! campaign it is enrolled in (the demo campaign before enrollment, which has none: defaults).
//!
//! Use from any component under the app root (the field screens, the kiosk):
//!
//! ```ignore
//! pub fn use_campaign_settings() -> Memo<domain::campaign::CampaignSettings>
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

use crate::field_data::use_field_counts;
use crate::sync::use_sync;
use domain::campaign::{CampaignSettings, campaign_settings};
use domain::sync::Enrollment;
use leptos::prelude::*;

/// One fold for the whole page, made by the app root: the kiosk gate reads it on every screen.
#[derive(Clone, Copy)]
struct CurrentSettings(Memo<CampaignSettings>);

/// Called once by the app root, after the sync engine (which holds the enrollment).
pub fn provide_campaign_settings() {
    // The log is asked for when the settings are first read, not when they are made: the home
    // screen alone never needs the log (nor the code that reads it, field_data.rs).
    let data = use_field_counts();
    let engine = use_sync();
    let settings = Memo::new(move |_| {
        data.want();
        let campaign = engine
            .enrollment
            .with(|e| Enrollment::campaign_for_new_events(e.as_ref()));
        data.events
            .with(|events| campaign_settings(&campaign, events.iter()))
    });
    provide_context(CurrentSettings(settings));
}

/// The settings of the campaign this device works for, kept up to date with its log.
pub fn use_campaign_settings() -> Memo<CampaignSettings> {
    expect_context::<CurrentSettings>().0
}
