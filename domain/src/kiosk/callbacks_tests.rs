//! The rules of the coordinators' callback lists.

use super::*;
use crate::event::Recorder;
use crate::ids::{CampaignId, DeviceId};
use crate::kiosk::{KioskLanguage, Topic};

const T0: u64 = 1_790_000_000_000;

fn request(name: &str, phone: &str) -> CallbackRequest {
    CallbackRequest {
        first_name: name.into(),
        phone: Some(phone.into()),
        email: None,
        language: KioskLanguage::Ar,
        topic: Some(Topic::LandlordServices),
        question: Some("Qui appeler pour une fuite ?".into()),
    }
}

struct Log {
    kiosk: Recorder,
    server: Recorder,
    events: Vec<EventEnvelope>,
}

impl Log {
    fn new() -> Log {
        Log {
            kiosk: Recorder::new(DeviceId::from_random([1; 16])),
            server: Recorder::new(DeviceId::from_random([2; 16])),
            events: Vec::new(),
        }
    }

    fn opened(&mut self, at: u64, body: CallbackRequest) -> EventId {
        let e = self.kiosk.record(
            at,
            [at as u8; 10],
            Actor::Kiosk,
            CampaignId::demo(),
            EventBody::KioskCallbackOpened(body),
        );
        let id = e.id.clone();
        self.events.push(e);
        id
    }

    /// The server records each "handled" under a device id of its own, as `db` does.
    fn handled(&mut self, at: u64, who: Actor, callback: &EventId) {
        self.server = Recorder::new(DeviceId::from_random([self.events.len() as u8 + 2; 16]));
        let e = self.server.record(
            at,
            [at as u8; 10],
            who,
            CampaignId::demo(),
            EventBody::KioskCallbackHandled(CallbackHandled {
                callback: callback.clone(),
            }),
        );
        self.events.push(e);
    }
}

fn claire() -> Actor {
    Actor::Coordinator {
        name: "Claire Roux".into(),
    }
}

fn ids(rows: &[CallbackRow]) -> Vec<&EventId> {
    rows.iter().map(|r| &r.id).collect()
}

#[test]
fn open_requests_come_newest_first_and_handled_ones_leave_them() {
    let mut log = Log::new();
    let awa = log.opened(T0, request("Awa", "+33612345678"));
    let bilal = log.opened(T0 + 60_000, request("Bilal", "+33698765432"));
    let chloe = log.opened(T0 + 120_000, request("Chloé", "+33611111111"));
    assert_eq!(
        ids(&callback_list(&log.events).to_call),
        [&chloe, &bilal, &awa]
    );
    log.handled(T0 + 600_000, claire(), &awa);
    log.handled(T0 + 300_000, claire(), &chloe);
    let list = callback_list(&log.events);
    assert_eq!(ids(&list.to_call), [&bilal]);
    // Most recently handled first: Awa (T0+10 min), then Chloé (T0+5 min).
    assert_eq!(ids(&list.handled), [&awa, &chloe]);
    let awa_row = &list.handled[0];
    assert_eq!(
        awa_row.handled,
        Some(Handling {
            by: "Claire Roux".into(),
            at_ms: T0 + 600_000
        })
    );
    assert_eq!(awa_row.requested_at_ms, T0);
    assert_eq!(awa_row.request.first_name, "Awa");
    assert_eq!(
        awa_row.request.question.as_deref(),
        Some("Qui appeler pour une fuite ?")
    );
    assert!(!awa_row.is_open() && list.to_call[0].is_open());
}

#[test]
fn the_first_handling_counts_whatever_the_order_and_copies_count_once() {
    let mut log = Log::new();
    let awa = log.opened(T0, request("Awa", "+33612345678"));
    log.handled(
        T0 + 9_000,
        Actor::Coordinator {
            name: "Karim".into(),
        },
        &awa,
    );
    log.handled(T0 + 5_000, claire(), &awa);
    let mut shuffled = log.events.clone();
    shuffled.reverse();
    shuffled.push(log.events[0].clone());
    for events in [&log.events, &shuffled] {
        let list = callback_list(events.iter());
        assert_eq!(list.to_call, vec![]);
        assert_eq!(list.handled.len(), 1, "the copy counts once");
        assert_eq!(list.handled[0].handled.as_ref().unwrap().by, "Claire Roux");
    }
}

#[test]
fn only_a_coordinator_handles_and_only_known_requests() {
    let mut log = Log::new();
    let awa = log.opened(T0, request("Awa", "+33612345678"));
    log.handled(T0 + 1, Actor::Kiosk, &awa);
    log.handled(
        T0 + 2,
        Actor::Volunteer {
            name: "Inès".into(),
        },
        &awa,
    );
    let stranger = EventId::new_v7(T0, [9; 10]);
    log.handled(T0 + 3, claire(), &stranger);
    let list = callback_list(&log.events);
    assert_eq!(ids(&list.to_call), [&awa], "still to call");
    assert!(
        list.handled.is_empty(),
        "an unknown request is not invented"
    );
    assert!(find_callback(&list, &awa).is_some());
    assert!(find_callback(&list, &stranger).is_none());
}

#[test]
fn an_erased_request_cannot_be_called_back() {
    let mut log = Log::new();
    let awa = log.opened(T0, request("Awa", "+33612345678"));
    let blank = blank_callback(&request("Awa", "+33612345678"));
    assert!(is_erased_callback(&blank));
    assert!(!is_erased_callback(&request("Awa", "+33612345678")));
    assert_eq!(
        (blank.language, blank.topic),
        (KioskLanguage::Ar, Some(Topic::LandlordServices)),
        "what it was about stays for the counts"
    );
    if let EventBody::KioskCallbackOpened(r) = &mut log.events[0].body {
        *r = blank;
    }
    let list = callback_list(&log.events);
    assert!(list.to_call.is_empty());
    assert_eq!(ids(&list.handled), [&awa]);
    assert!(list.handled[0].erased && list.handled[0].handled.is_none());
}

#[test]
fn the_list_reads_back_from_its_json() {
    let mut log = Log::new();
    let awa = log.opened(T0, request("Awa", "+33612345678"));
    log.handled(T0 + 1_000, claire(), &awa);
    log.opened(T0 + 2_000, request("Bilal", "+33698765432"));
    let list = callback_list(&log.events);
    let json = serde_json::to_string(&list).unwrap();
    assert_eq!(serde_json::from_str::<CallbackList>(&json).unwrap(), list);
}
