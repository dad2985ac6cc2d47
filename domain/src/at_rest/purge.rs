//! Purge after sync: once the server acknowledged an event and it is older than the device's
//! window, its personal part leaves the device; the outcome, dates and counts stay.
//!
//! The window is a device setting in days (30 by default: long enough to follow a sign-up up and
//! to read back a week's notes, short enough that a lost tablet holds one month of details, not a
//! campaign's), 0 meaning "as soon as the server has it", and never longer than the campaign's
//! retention period. An event still in the outbox or in "À vérifier" is never purged: its details
//! exist nowhere else.

use crate::event::{EventBody, EventEnvelope};

pub const DEFAULT_DEVICE_WINDOW_DAYS: u32 = 30;
const DAY_MS: u64 = 24 * 3_600_000;

/// The window in days: the device setting when it is a number of days up to the default, else
/// the default; capped by the campaign's retention period.
pub fn device_window_days(stored: Option<&str>, campaign_retention_days: u32) -> u32 {
    stored
        .and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|d| *d <= DEFAULT_DEVICE_WINDOW_DAYS)
        .unwrap_or(DEFAULT_DEVICE_WINDOW_DAYS)
        .min(campaign_retention_days)
}

/// Whether `event` (readable or whole) must lose its personal part now.
pub fn is_due_for_purge(
    event: &EventEnvelope,
    acknowledged: bool,
    now_ms: u64,
    window_days: u32,
) -> bool {
    acknowledged
        && super::split(&event.body).1.is_some()
        && now_ms.saturating_sub(event.hlc.wall_ms) >= u64::from(window_days) * DAY_MS
}

/// The body without its personal fields: a sign-up in the form an erasure leaves it (so every
/// rule that knows erased sign-ups treats it alike), a visit without its note, a journal note
/// emptied. `None` when there is nothing personal in it.
pub fn purged(body: &EventBody) -> Option<EventBody> {
    super::split(body).1?;
    Some(match body {
        EventBody::ResidentSignedUp {
            door,
            resident,
            language,
            consents,
            notice_version,
            local_date,
            ..
        } => EventBody::ResidentSignedUp {
            door: door.clone(),
            resident: resident.clone(),
            first_name: String::new(),
            last_name: None,
            phone: None,
            email: None,
            language: language.clone(),
            consents: consents.clone(),
            notice_version: notice_version.clone(),
            local_date: *local_date,
        },
        EventBody::DoorVisited {
            door,
            outcome,
            wellbeing,
            local_date,
            part_of_day,
            ..
        } => EventBody::DoorVisited {
            door: door.clone(),
            outcome: outcome.clone(),
            note: None,
            wellbeing: *wellbeing,
            local_date: *local_date,
            part_of_day: *part_of_day,
        },
        EventBody::FieldNoteRecorded { .. } => EventBody::FieldNoteRecorded {
            text: String::new(),
        },
        other => other.clone(),
    })
}
