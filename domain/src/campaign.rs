//! A campaign's content that coordinators change from the coordination workspace: its name and
//! territory label, the neighbourhood app's name and join links per résidence, the kiosk's idle
//! delay, landlord contacts, exit PIN and knowledge-base edits, and the retention period.
//!
//! Each change is a `CampaignSettingsChanged` event holding only the fields it sets; fields merge
//! one by one, last writer (by HLC) wins, with the same `merge::Record` as the partner directory.
//! The server writes these events for the coordinator, under the campaign's own writer device
//! ([`settings_writer`]); devices pull them like any team event and fold them here.

mod edit;
mod new_campaign;
mod settings;
mod volunteers;
mod words;

#[cfg(test)]
pub(crate) mod tests;

pub use edit::{
    MAX_CONTACT_CHARS, MAX_JOIN_LINK_CHARS, MAX_NAME_CHARS, MAX_TERRITORY_CHARS, RETENTION_MONTHS,
    SettingEdit, SettingProblem, SettingsChange, check_pin_pair,
};
pub use new_campaign::{NewCampaign, new_campaign_id};
pub use settings::{
    CampaignSettings, DEFAULT_RETENTION_MONTHS, KnowledgeEdit, campaign_settings, retention_days,
    settings_writer,
};
pub use volunteers::{VolunteerActivity, volunteers};
pub use words::CampaignText;
