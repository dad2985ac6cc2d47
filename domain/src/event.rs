//! The event envelope: what every recorded fact carries (who, where, when, in which order), the
//! bodies known so far, the `Recorder` that stamps new events on a device, and the outbox entry
//! that waits for sync. Events are immutable once recorded; the current state is a fold of them.

use serde::{Deserialize, Serialize};

use crate::clock::{Hlc, HlcClock};
use crate::field_note::{self, MAX_NOTE_CHARS, NoteProblem};
use crate::ids::{CampaignId, DeviceId, EventId};

/// The envelope and body layout this build writes. Readers accept `1..=SCHEMA_VERSION`; raise it
/// (and teach older layouts to the readers) when a change would make old events mean something else.
pub const SCHEMA_VERSION: u16 = 1;

/// Who did what the event records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Actor {
    /// A volunteer at the doors (service civique, habitant relais), by first name.
    Volunteer { name: String },
    /// A resident at the lobby kiosk: deliberately anonymous in the envelope.
    Kiosk,
    /// Someone of the landlord's team.
    Coordinator { name: String },
    /// The app itself (start-up, housekeeping), when no person acted.
    Device,
}

/// What happened. Each variant's wire name is spelt out with `rename` so that renaming a Rust
/// variant can never change stored or synced events. To add one: add the variant with its
/// `rename`, its arm in `kind`, its checks in `EventEnvelope::validate` and a sample in the tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum EventBody {
    /// A volunteer's free note in the field journal.
    #[serde(rename = "FieldNoteRecorded")]
    FieldNoteRecorded { text: String },
    /// The app started on this device; which version it was helps read the log afterwards.
    #[serde(rename = "DeviceStarted")]
    DeviceStarted { app_version: String },
}

impl EventBody {
    /// The wire name, the same string as the body's `"type"` field.
    pub fn kind(&self) -> &'static str {
        match self {
            EventBody::FieldNoteRecorded { .. } => "FieldNoteRecorded",
            EventBody::DeviceStarted { .. } => "DeviceStarted",
        }
    }
}

/// One recorded fact and everything needed to store, order, sync and merge it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventEnvelope {
    /// Unique across all devices; the server stores each id once, which makes pushes idempotent.
    pub id: EventId,
    pub device: DeviceId,
    /// 1, 2, 3… per device, without gaps: the push reads the outbox in this order, and a gap seen by
    /// the server means a lost event.
    pub seq: u64,
    /// Orders events across devices and decides last-writer-wins.
    pub hlc: Hlc,
    pub actor: Actor,
    pub campaign: CampaignId,
    /// The layout version this event was written with.
    pub schema: u16,
    pub body: EventBody,
}

/// Why an event was refused where it entered (a push, an import, a local write).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error("sequence numbers start at 1; this event has 0")]
    SeqZero,
    #[error("schema version {found} is not supported (this build reads 1 to {SCHEMA_VERSION})")]
    UnsupportedSchema { found: u16 },
    #[error("the event id says {id_ms} ms, later than its clock timestamp ({hlc_ms} ms)")]
    IdAfterClock { id_ms: u64, hlc_ms: u64 },
    #[error("the clock timestamp was issued by device {hlc_device}, not by the event's device")]
    ClockFromAnotherDevice { hlc_device: DeviceId },
    #[error("a field note cannot be empty")]
    FieldNoteEmpty,
    #[error("a field note has at most {MAX_NOTE_CHARS} characters; this one has {chars}")]
    FieldNoteTooLong { chars: usize },
}

impl EventEnvelope {
    /// Checks what must hold for any event, whoever wrote it.
    ///
    /// Time: the recorder takes the id's time and the HLC from the same `now_ms`, and an HLC never
    /// runs behind the clock it is given, so an id later than its HLC's wall time can only come from
    /// a forged or corrupted envelope. The other way round is legitimate (a tablet whose clock was
    /// reset to an earlier date keeps a later HLC), so it is not checked.
    pub fn validate(&self) -> Result<(), EventError> {
        if self.seq == 0 {
            return Err(EventError::SeqZero);
        }
        if !(1..=SCHEMA_VERSION).contains(&self.schema) {
            return Err(EventError::UnsupportedSchema { found: self.schema });
        }
        if self.hlc.device != self.device {
            return Err(EventError::ClockFromAnotherDevice {
                hlc_device: self.hlc.device.clone(),
            });
        }
        let id_ms = self.id.timestamp_ms();
        if id_ms > self.hlc.wall_ms {
            return Err(EventError::IdAfterClock {
                id_ms,
                hlc_ms: self.hlc.wall_ms,
            });
        }
        match &self.body {
            // The same rule as the note form, so the server refuses what a device should not send.
            EventBody::FieldNoteRecorded { text } => match field_note::check_note(text) {
                Ok(_) => {}
                Err(NoteProblem::Empty) => return Err(EventError::FieldNoteEmpty),
                Err(NoteProblem::TooLong) => {
                    let chars = text.trim().chars().count();
                    return Err(EventError::FieldNoteTooLong { chars });
                }
            },
            EventBody::DeviceStarted { .. } => {}
        }
        Ok(())
    }
}

/// The device's event-writing state, persisted in IndexedDB's `meta` store and saved in the same
/// transaction as the event it just stamped, so a sequence number is never handed out twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorder {
    pub device: DeviceId,
    /// The sequence number the next event gets.
    pub next_seq: u64,
    pub clock: HlcClock,
}

impl Recorder {
    pub fn new(device: DeviceId) -> Recorder {
        Recorder {
            clock: HlcClock::new(device.clone()),
            device,
            next_seq: 1,
        }
    }

    /// Stamps a new event. `random` feeds the id and must come from a secure RNG in the shell.
    pub fn record(
        &mut self,
        now_ms: u64,
        random: [u8; 10],
        actor: Actor,
        campaign: CampaignId,
        body: EventBody,
    ) -> EventEnvelope {
        let seq = self.next_seq;
        self.next_seq += 1;
        EventEnvelope {
            id: EventId::new_v7(now_ms, random),
            device: self.device.clone(),
            seq,
            hlc: self.clock.tick(now_ms),
            actor,
            campaign,
            schema: SCHEMA_VERSION,
            body,
        }
    }
}

/// An event waiting to be pushed. Written in the same IndexedDB transaction as the event, deleted
/// only once the server acknowledges it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub event_id: EventId,
    /// Copied from the event so the push can read the outbox in order without opening each event.
    pub seq: u64,
    pub queued_at_ms: u64,
    /// Push attempts so far, for backoff and for the "needs attention" list.
    pub attempts: u32,
    /// The last failure in words a coordinator can act on (a rejection reason, a network error).
    pub last_error: Option<String>,
}

impl OutboxEntry {
    pub fn for_event(event: &EventEnvelope, now_ms: u64) -> OutboxEntry {
        OutboxEntry {
            event_id: event.id.clone(),
            seq: event.seq,
            queued_at_ms: now_ms,
            attempts: 0,
            last_error: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: u64 = 1_700_000_000_000;

    fn recorder() -> Recorder {
        Recorder::new(DeviceId::from_random([1; 16]))
    }

    fn note(text: &str) -> EventBody {
        EventBody::FieldNoteRecorded { text: text.into() }
    }

    fn ines() -> Actor {
        Actor::Volunteer {
            name: "Inès".into(),
        }
    }

    /// One of each body. The exhaustive `match` stops compiling when a variant is added, as a
    /// reminder to add its sample here.
    fn samples() -> Vec<EventBody> {
        let all = vec![
            note("Gardien absent, repasser jeudi."),
            EventBody::DeviceStarted {
                app_version: "0.1.0".into(),
            },
        ];
        for body in &all {
            match body {
                EventBody::FieldNoteRecorded { .. } | EventBody::DeviceStarted { .. } => {}
            }
        }
        all
    }

    #[test]
    fn the_wire_shape_of_an_event_does_not_change_by_accident() {
        let event = recorder().record(NOW, [0; 10], ines(), CampaignId::demo(), note("RAS"));
        let golden = r#"{"id":"018bcfe5-6800-7000-8000-000000000000","device":"01010101-0101-4101-8101-010101010101","seq":1,"hlc":"001700000000000-00000000-01010101-0101-4101-8101-010101010101","actor":{"role":"volunteer","name":"Inès"},"campaign":"demo","schema":1,"body":{"type":"FieldNoteRecorded","text":"RAS"}}"#;
        assert_eq!(serde_json::to_string(&event).unwrap(), golden);
        assert_eq!(
            serde_json::from_str::<EventEnvelope>(golden).unwrap(),
            event
        );
    }

    #[test]
    fn every_body_and_actor_round_trips_and_kind_matches_the_wire_type() {
        let actors = [
            ines(),
            Actor::Kiosk,
            Actor::Coordinator {
                name: "Mme Diallo".into(),
            },
            Actor::Device,
        ];
        let mut rec = recorder();
        for (body, actor) in samples().into_iter().zip(actors.iter().cycle()) {
            let json = serde_json::to_value(&body).unwrap();
            assert_eq!(json["type"], body.kind());
            let event = rec.record(NOW, [9; 10], actor.clone(), CampaignId::demo(), body);
            let text = serde_json::to_string(&event).unwrap();
            assert_eq!(serde_json::from_str::<EventEnvelope>(&text).unwrap(), event);
        }
        for actor in actors {
            let text = serde_json::to_string(&actor).unwrap();
            assert_eq!(serde_json::from_str::<Actor>(&text).unwrap(), actor);
        }
    }

    #[test]
    fn recorded_events_are_valid() {
        let mut rec = recorder();
        for body in samples() {
            let event = rec.record(NOW, [3; 10], Actor::Device, CampaignId::demo(), body);
            assert_eq!(event.validate(), Ok(()));
        }
    }

    #[test]
    fn validation_explains_what_is_wrong() {
        let mut rec = recorder();
        let good = rec.record(NOW, [0; 10], ines(), CampaignId::demo(), note("ok"));
        let with = |change: &dyn Fn(&mut EventEnvelope)| {
            let mut event = good.clone();
            change(&mut event);
            event.validate()
        };
        assert_eq!(with(&|e| e.seq = 0), Err(EventError::SeqZero));
        assert_eq!(
            with(&|e| e.schema = 0),
            Err(EventError::UnsupportedSchema { found: 0 })
        );
        assert_eq!(
            with(&|e| e.schema = SCHEMA_VERSION + 1),
            Err(EventError::UnsupportedSchema {
                found: SCHEMA_VERSION + 1
            })
        );
        assert_eq!(
            with(&|e| e.id = EventId::new_v7(NOW + 1, [0; 10])),
            Err(EventError::IdAfterClock {
                id_ms: NOW + 1,
                hlc_ms: NOW
            })
        );
        let other = DeviceId::from_random([2; 16]);
        assert_eq!(
            with(&|e| e.hlc.device = other.clone()),
            Err(EventError::ClockFromAnotherDevice {
                hlc_device: other.clone()
            })
        );
        assert_eq!(
            with(&|e| e.body = note(" \n ")),
            Err(EventError::FieldNoteEmpty)
        );
        let long = "é".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            with(&|e| e.body = note(&long)),
            Err(EventError::FieldNoteTooLong { chars: 2001 })
        );
        let longest = "é".repeat(MAX_NOTE_CHARS);
        assert_eq!(with(&|e| e.body = note(&longest)), Ok(()));
    }

    #[test]
    fn an_outbox_entry_starts_untried() {
        let event = recorder().record(NOW, [0; 10], Actor::Kiosk, CampaignId::demo(), note("x"));
        let entry = OutboxEntry::for_event(&event, NOW + 5);
        assert_eq!(
            entry,
            OutboxEntry {
                event_id: event.id.clone(),
                seq: 1,
                queued_at_ms: NOW + 5,
                attempts: 0,
                last_error: None,
            }
        );
        let text = serde_json::to_string(&entry).unwrap();
        assert_eq!(serde_json::from_str::<OutboxEntry>(&text).unwrap(), entry);
    }

    proptest! {
        #[test]
        fn sequence_numbers_go_up_by_one_and_clocks_strictly_increase(
            times in prop::collection::vec(NOW - 5_000..NOW + 5_000, 1..100),
        ) {
            let mut rec = recorder();
            let mut last: Option<EventEnvelope> = None;
            for (i, now) in times.into_iter().enumerate() {
                let random = [i as u8; 10];
                let event = rec.record(now, random, Actor::Device, CampaignId::demo(), note("n"));
                prop_assert_eq!(event.validate(), Ok(()));
                match &last {
                    None => prop_assert_eq!(event.seq, 1),
                    Some(last) => {
                        prop_assert_eq!(event.seq, last.seq + 1);
                        prop_assert!(event.hlc > last.hlc);
                    }
                }
                last = Some(event);
            }
            // The saved state carries on where it stopped.
            let text = serde_json::to_string(&rec).unwrap();
            let saved: Recorder = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(saved, rec);
        }
    }
}
