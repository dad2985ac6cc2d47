//! The coordinators' list of kiosk callback requests: each request the server opened
//! (`KioskCallbackOpened`) is "à rappeler" until a coordinator marks it handled
//! (`KioskCallbackHandled`), then "traitée". A fold of the log, in any order, each event once.
//!
//! Rules:
//! - a request is handled by the earliest `KioskCallbackHandled` naming it that a coordinator
//!   recorded; later ones (two coordinators pressing at once) change nothing;
//! - a "handled" naming no known request is ignored (its request may still be on its way);
//! - a request whose contact details were erased (erasure or retention) cannot be called back:
//!   it leaves "à rappeler" and is listed with the handled ones, marked as erased;
//! - "à rappeler" lists the newest request first (the kiosk's clock); "traitées" lists the most
//!   recently handled first.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::records::CallbackRequest;
use crate::event::{Actor, EventBody, EventEnvelope};
use crate::ids::EventId;

/// The body of a `KioskCallbackHandled` event: which request was dealt with. Who dealt with it
/// is the event's actor (a coordinator, by name), when is its clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackHandled {
    /// The id of the `KioskCallbackOpened` event (the kiosk's `KioskCallbackRequested` id).
    pub callback: EventId,
}

/// Who marked a request handled, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handling {
    pub by: String,
    pub at_ms: u64,
}

/// One request as the coordinators' screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackRow {
    /// What the "handled" button names.
    pub id: EventId,
    /// When the resident asked, by the kiosk's clock.
    pub requested_at_ms: u64,
    /// Who to call, in which language, about what (blank once erased).
    pub request: CallbackRequest,
    pub handled: Option<Handling>,
    /// The contact details were erased: nobody can be called back.
    pub erased: bool,
}

impl CallbackRow {
    /// Still to be called back.
    pub fn is_open(&self) -> bool {
        self.handled.is_none() && !self.erased
    }
}

/// The two lists of the screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackList {
    /// "À rappeler", newest request first.
    pub to_call: Vec<CallbackRow>,
    /// "Traitées" (and erased), most recently handled first.
    pub handled: Vec<CallbackRow>,
}

/// Whether a callback request is in the form an erasure leaves it in: nobody to call and no
/// question. A request as sealed always names someone, so this comes from an erasure only.
pub fn is_erased_callback(request: &CallbackRequest) -> bool {
    request.first_name.is_empty()
        && request.phone.is_none()
        && request.email.is_none()
        && request.question.is_none()
}

/// The request with its personal fields blank; the language and topic stay for the counts.
pub fn blank_callback(request: &CallbackRequest) -> CallbackRequest {
    CallbackRequest {
        first_name: String::new(),
        phone: None,
        email: None,
        question: None,
        ..request.clone()
    }
}

/// The coordinators' lists from the campaign's events (any order, duplicates allowed).
pub fn callback_list<'a>(events: impl IntoIterator<Item = &'a EventEnvelope>) -> CallbackList {
    let mut requests: BTreeMap<&EventId, &EventEnvelope> = BTreeMap::new();
    let mut handlings: BTreeMap<&EventId, &EventEnvelope> = BTreeMap::new();
    for event in events {
        match (&event.body, &event.actor) {
            (EventBody::KioskCallbackOpened(_), _) => {
                requests.entry(&event.id).or_insert(event);
            }
            (EventBody::KioskCallbackHandled(handled), Actor::Coordinator { .. }) => {
                let first = handlings.entry(&handled.callback).or_insert(event);
                if (&event.hlc, &event.id) < (&first.hlc, &first.id) {
                    *first = event;
                }
            }
            _ => {}
        }
    }
    let mut list = CallbackList::default();
    for (id, event) in requests {
        let EventBody::KioskCallbackOpened(request) = &event.body else {
            continue;
        };
        let handled = handlings.get(id).map(|h| Handling {
            by: match &h.actor {
                Actor::Coordinator { name } => name.clone(),
                _ => String::new(),
            },
            at_ms: h.hlc.wall_ms,
        });
        let row = CallbackRow {
            id: id.clone(),
            requested_at_ms: event.hlc.wall_ms,
            request: request.clone(),
            handled,
            erased: is_erased_callback(request),
        };
        if row.is_open() {
            list.to_call.push(row);
        } else {
            list.handled.push(row);
        }
    }
    let newest_first = |a: &CallbackRow, b: &CallbackRow| {
        (b.requested_at_ms, &b.id).cmp(&(a.requested_at_ms, &a.id))
    };
    list.to_call.sort_by(newest_first);
    list.handled.sort_by(|a, b| {
        let at = |r: &CallbackRow| r.handled.as_ref().map_or(0, |h| h.at_ms);
        at(b).cmp(&at(a)).then_with(|| newest_first(a, b))
    });
    list
}

/// Whether `id` names a request of the log, and whether it is still open: the server's check
/// before it records a "handled".
pub fn find_callback<'a>(list: &'a CallbackList, id: &EventId) -> Option<&'a CallbackRow> {
    list.to_call
        .iter()
        .chain(list.handled.iter())
        .find(|row| row.id == *id)
}

#[cfg(test)]
#[path = "callbacks_tests.rs"]
mod tests;
