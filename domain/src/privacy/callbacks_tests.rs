//! Erasure and retention of kiosk callback requests (and of kiosk sign-ups), on hand-made logs.

use super::*;
use crate::consent::{ConsentAnswer, NOTICE_VERSION, Purpose};
use crate::event::{Actor, Recorder};
use crate::ids::{CampaignId, DeviceId};
use crate::kiosk::{CallbackHandled, CallbackRequest, KioskLanguage, Topic, callback_list};
use crate::privacy::{ErasedField, ErasureReason, ResidentErased, apply_erasures};

/// 2026-11-20, 00:00 UTC.
const NOV_20: u64 = 1_795_132_800_000;
const DAY: u64 = 86_400_000;

fn awa() -> ResidentId {
    ResidentId::from_random([0xa1; 16])
}

fn bob() -> ResidentId {
    ResidentId::from_random([0xb0; 16])
}

/// A sign-up made at the kiosk: opened by the server, no door, recorded by the kiosk.
fn kiosk_sign_up(resident: ResidentId, name: &str, phone: &str) -> EventBody {
    EventBody::ResidentSignedUp {
        door: None,
        resident,
        first_name: name.into(),
        last_name: None,
        phone: Some(phone.into()),
        email: Some(format!("{}@exemple.fr", name.to_lowercase())),
        language: "ar".into(),
        consents: Purpose::ALL
            .into_iter()
            .map(|purpose| ConsentAnswer {
                purpose,
                granted: true,
            })
            .collect(),
        notice_version: NOTICE_VERSION.into(),
        local_date: LocalDate::new(2026, 11, 20).unwrap(),
    }
}

fn callback(name: &str, phone: Option<&str>, email: Option<&str>) -> EventBody {
    EventBody::KioskCallbackOpened(CallbackRequest {
        first_name: name.into(),
        phone: phone.map(Into::into),
        email: email.map(Into::into),
        language: KioskLanguage::Ar,
        topic: Some(Topic::LandlordServices),
        question: Some(format!("{name} : une fuite dans la cuisine")),
    })
}

fn erasure(resident: ResidentId, callbacks: Vec<EventId>) -> EventBody {
    EventBody::ResidentErased(ResidentErased {
        resident,
        fields: ErasedField::ALL.to_vec(),
        reason: ErasureReason::ResidentRequest,
        requested_on: LocalDate::new(2026, 12, 1).unwrap(),
        reference: "DPO-2026-015".into(),
        callbacks,
    })
}

/// Each body by its own device (the kiosk's, then the server's), a day apart from `start`.
fn log(start: u64, bodies: Vec<(Actor, EventBody)>) -> Vec<EventEnvelope> {
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, (actor, body))| {
            Recorder::new(DeviceId::from_random([i as u8 + 1; 16])).record(
                start + i as u64 * DAY,
                [i as u8; 10],
                actor,
                CampaignId::demo(),
                body,
            )
        })
        .collect()
}

/// Awa and Bob signed up at the kiosk; four callback requests: Awa's phone, Awa's e-mail with
/// another phone, Bob's, and a stranger's.
fn kiosk_log() -> Vec<EventEnvelope> {
    log(
        NOV_20,
        vec![
            (Actor::Kiosk, kiosk_sign_up(awa(), "Awa", "+33612345678")),
            (Actor::Kiosk, kiosk_sign_up(bob(), "Bob", "+33699887766")),
            (Actor::Kiosk, callback("Awa", Some("+33612345678"), None)),
            (
                Actor::Kiosk,
                callback("Awa", Some("+33700000001"), Some("awa@exemple.fr")),
            ),
            (Actor::Kiosk, callback("Bob", Some("+33699887766"), None)),
            (Actor::Kiosk, callback("Zoé", None, Some("zoe@exemple.fr"))),
        ],
    )
}

fn text_of(events: &[EventEnvelope]) -> String {
    serde_json::to_string(events).unwrap()
}

#[test]
fn an_erasure_reaches_the_kiosk_sign_up_and_the_callbacks_that_gave_the_residents_contact() {
    let mut events = kiosk_log();
    let found = callbacks_of(&events, &awa());
    assert_eq!(found, vec![events[2].id.clone(), events[3].id.clone()]);
    let mut server = Recorder::new(DeviceId::from_random([0xee; 16]));
    events.push(server.record(
        NOV_20 + 10 * DAY,
        [7; 10],
        Actor::Coordinator {
            name: "Claire Roux".into(),
        },
        CampaignId::demo(),
        erasure(awa(), found),
    ));
    let before = text_of(&events);
    assert!(before.contains("+33700000001") && before.contains("Awa : une fuite"));
    // Her kiosk sign-up and her two callback requests.
    assert_eq!(apply_erasures(&mut events), vec![0, 2, 3]);
    let after = text_of(&events);
    for personal in [
        "\"Awa\"",
        "+33612345678",
        "+33700000001",
        "awa@exemple.fr",
        "Awa : une fuite",
    ] {
        assert!(!after.contains(personal), "{personal} left in {after}");
    }
    for kept in ["+33699887766", "Bob : une fuite", "zoe@exemple.fr"] {
        assert!(after.contains(kept), "{kept} should stay");
    }
    for event in &events {
        assert_eq!(event.validate(), Ok(()), "{:?}", event.body);
    }
    // The requests stay, blank, with what they were about; nobody is left to call back.
    let list = callback_list(&events);
    assert_eq!(list.to_call.len(), 2, "Bob's and Zoé's");
    assert_eq!(list.handled.len(), 2);
    assert!(list.handled.iter().all(|r| r.erased));
    assert_eq!(list.handled[0].request.topic, Some(Topic::LandlordServices));
    // Applying again changes nothing; nothing ties a request to her any more.
    assert_eq!(apply_erasures(&mut events), Vec::<usize>::new());
    assert_eq!(callbacks_of(&events, &awa()), vec![]);
}

#[test]
fn the_erasure_lists_its_callbacks_so_the_order_of_arrival_does_not_matter() {
    let events = kiosk_log();
    let found = callbacks_of(&events, &awa());
    let erased = log(
        NOV_20 + 30 * DAY,
        vec![(Actor::Device, erasure(awa(), found))],
    );
    let mut first = events.clone();
    first.extend(erased.clone());
    let mut late = erased;
    late.extend(events);
    apply_erasures(&mut first);
    apply_erasures(&mut late);
    late.rotate_left(1);
    assert_eq!(first, late);
}

#[test]
fn an_erasure_without_a_list_reaches_no_callback() {
    let mut events = kiosk_log();
    events.extend(log(
        NOV_20 + 30 * DAY,
        vec![(Actor::Device, erasure(awa(), vec![]))],
    ));
    assert_eq!(apply_erasures(&mut events), vec![0], "the sign-up only");
    // An erasure without callbacks keeps the wire shape it had before they existed.
    let json = serde_json::to_value(&events[6].body).unwrap();
    assert!(json.get("callbacks").is_none(), "{json}");
}

#[test]
fn retention_purges_a_callback_its_period_after_the_request_or_its_handling() {
    let day = |y, m, d| LocalDate::new(y, m, d).unwrap();
    let mut events = kiosk_log();
    // Bob's request (20/11/2026 + 4 days = 24/11/2026) handled on 01/03/2027.
    let bob_request = events[4].id.clone();
    events.extend(log(
        1_803_859_200_000, // 2027-03-01
        vec![(
            Actor::Coordinator {
                name: "Claire Roux".into(),
            },
            EventBody::KioskCallbackHandled(CallbackHandled {
                callback: bob_request.clone(),
            }),
        )],
    ));
    // Awa's first request is of 22/11/2026: 12 months later, 22/11/2027.
    assert_eq!(callbacks_due(&events, 12, day(2027, 11, 21)), vec![]);
    let due = callbacks_due(&events, 12, day(2027, 11, 25));
    assert_eq!(
        due,
        vec![
            events[2].id.clone(),
            events[3].id.clone(),
            events[5].id.clone()
        ],
        "Bob's was handled later: it waits for 01/03/2028"
    );
    assert_eq!(callbacks_due(&events, 12, day(2028, 3, 1)).len(), 4);
    let blanked = blank_callbacks(&events, &due);
    assert_eq!(blanked.len(), 3);
    for b in &blanked {
        assert_eq!(b.validate(), Ok(()));
        let text = serde_json::to_string(b).unwrap();
        assert!(
            !text.contains("une fuite") && !text.contains("+33"),
            "{text}"
        );
    }
    // Rewritten in place, they are not due again.
    for b in blanked {
        let i = events.iter().position(|e| e.id == b.id).unwrap();
        events[i] = b;
    }
    assert_eq!(callbacks_due(&events, 12, day(2027, 11, 25)), vec![]);
    assert_eq!(
        callbacks_due(&events, 12, day(2028, 3, 1)),
        vec![bob_request]
    );
}
