//! Kiosk callback requests under data protection: which requests a resident's erasure reaches,
//! and which ones the retention period purges.
//!
//! A callback request (`KioskCallbackOpened`, on the server and in the coordinator's browser only)
//! names no resident id: the kiosk does not know who is in front of it. A resident's erasure
//! reaches the requests that gave one of the phone numbers or e-mails of their sign-ups; the
//! server lists them in the erasure event when it records it ([`callbacks_of`]), so the rule
//! stays a function of the log once the sign-up is blank.
//!
//! Retention: a request is kept for the campaign's period after its last contact (the request, or
//! the day a coordinator marked it handled), then its personal fields are blanked in place
//! ([`callbacks_due`], [`blank_callbacks`]). Nobody else holds them, so no event is needed to
//! carry the purge to devices.

use std::collections::{BTreeMap, BTreeSet};

use crate::calendar::LocalDate;
use crate::event::{EventBody, EventEnvelope};
use crate::ids::EventId;
use crate::kiosk::{blank_callback, is_erased_callback};
use crate::signup::ResidentId;

use super::retention::add_months;

/// The day (UTC) of a clock reading in ms: the request's and the handling's day.
fn day_of(ms: u64) -> LocalDate {
    LocalDate::from_days_since_epoch((ms / 86_400_000) as i64)
}

/// The callback requests of `events` that gave a phone number or an e-mail of one of
/// `resident`'s sign-ups (still holding their details), not erased yet, in id order.
pub fn callbacks_of<'a>(
    events: impl IntoIterator<Item = &'a EventEnvelope> + Clone,
    resident: &ResidentId,
) -> Vec<EventId> {
    let mut phones: BTreeSet<&str> = BTreeSet::new();
    let mut emails: BTreeSet<&str> = BTreeSet::new();
    for event in events.clone() {
        if let EventBody::ResidentSignedUp {
            resident: who,
            phone,
            email,
            ..
        } = &event.body
            && who == resident
        {
            phones.extend(phone.as_deref());
            emails.extend(email.as_deref());
        }
    }
    let mut found: BTreeSet<EventId> = BTreeSet::new();
    for event in events {
        if let EventBody::KioskCallbackOpened(request) = &event.body
            && !is_erased_callback(request)
            && (request.phone.as_deref().is_some_and(|p| phones.contains(p))
                || request.email.as_deref().is_some_and(|e| emails.contains(e)))
        {
            found.insert(event.id.clone());
        }
    }
    found.into_iter().collect()
}

/// The callback requests whose last contact (the request, or its handling) is `months` or more
/// before `today` and that still hold details, in id order.
pub fn callbacks_due<'a>(
    events: impl IntoIterator<Item = &'a EventEnvelope>,
    months: u32,
    today: LocalDate,
) -> Vec<EventId> {
    let mut last: BTreeMap<&EventId, LocalDate> = BTreeMap::new();
    let mut held: BTreeSet<&EventId> = BTreeSet::new();
    let mut handled: Vec<(&EventId, LocalDate)> = Vec::new();
    for event in events {
        match &event.body {
            EventBody::KioskCallbackOpened(request) => {
                let on = day_of(event.hlc.wall_ms);
                let entry = last.entry(&event.id).or_insert(on);
                *entry = (*entry).max(on);
                if !is_erased_callback(request) {
                    held.insert(&event.id);
                }
            }
            EventBody::KioskCallbackHandled(h) => {
                handled.push((&h.callback, day_of(event.hlc.wall_ms)))
            }
            _ => {}
        }
    }
    for (id, on) in handled {
        if let Some(entry) = last.get_mut(id) {
            *entry = (*entry).max(on);
        }
    }
    last.into_iter()
        .filter(|(id, on)| held.contains(id) && add_months(*on, months) <= today)
        .map(|(id, _)| id.clone())
        .collect()
}

/// The events of `ids` among `events` with their personal fields blank, each once, for a store
/// to rewrite in place. Id, device, sequence, clock, actor and kind stay.
pub fn blank_callbacks<'a>(
    events: impl IntoIterator<Item = &'a EventEnvelope>,
    ids: &[EventId],
) -> Vec<EventEnvelope> {
    let ids: BTreeSet<&EventId> = ids.iter().collect();
    let mut done: BTreeSet<&EventId> = BTreeSet::new();
    let mut out = Vec::new();
    for event in events {
        if let EventBody::KioskCallbackOpened(request) = &event.body
            && ids.contains(&event.id)
            && !is_erased_callback(request)
            && done.insert(&event.id)
        {
            out.push(EventEnvelope {
                body: EventBody::KioskCallbackOpened(blank_callback(request)),
                ..event.clone()
            });
        }
    }
    out
}

#[cfg(test)]
#[path = "callbacks_tests.rs"]
mod tests;
