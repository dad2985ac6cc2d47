//! The device's IndexedDB layout as data: which object stores and indexes exist at each database
//! version. The app carries the steps out in `onupgradeneeded`; what the steps are is decided here,
//! where it can be tested without a browser.
//!
//! Migrations are only ever appended: a device may open the app after months offline, on any
//! earlier version, and must walk through every step between its version and ours.

use crate::event::EventEnvelope;

/// The IndexedDB database name.
pub const DB_NAME: &str = "palier";

/// Every recorded event, keyed by its id. Records carry `device_seq` (see [`device_seq`]) for its
/// index, and `hlc` (its sortable text), indexed until version 5.
pub const EVENTS: &str = "events";

/// The `device_seq` index value: device id and zero-padded sequence number, so that text order
/// is sequence order within a device and two devices' sequences never collide.
pub fn device_seq(device: &str, seq: u64) -> String {
    format!("{device}:{seq:020}")
}
/// Events waiting to be pushed, keyed by event id; written in the same transaction as the event.
pub const OUTBOX: &str = "outbox";
/// Small device state (the recorder, enrollment, sync cursor), one record per `key`.
pub const META: &str = "meta";
/// The campaign's territory, one record per résidence (its bâtiments, entrées and portes inside):
/// campaign content rather than events, replaced whole on import.
pub const RESIDENCES: &str = "residences";
/// Unfinished forms (a sign-up being typed), so that a reload or a crash loses nothing typed.
pub const DRAFTS: &str = "drafts";
/// Events the server refused ("À vérifier"), keyed by event id: out of the outbox so that they do
/// not block or repeat every push, kept until someone retries or exports them.
pub const NEEDS_ATTENTION: &str = "needs_attention";

/// One change to the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    CreateStore {
        name: &'static str,
        key_path: &'static str,
    },
    CreateIndex {
        store: &'static str,
        name: &'static str,
        key_path: &'static str,
        unique: bool,
    },
    DeleteIndex {
        store: &'static str,
        name: &'static str,
    },
}

/// The steps that take the database to `version`; why each was needed is said above it, in a
/// comment rather than a field, so that the reasons stay out of the app's first download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migration {
    pub version: u32,
    pub steps: &'static [Step],
}

/// Every migration, oldest first, versions 1, 2, 3… without gaps.
pub const MIGRATIONS: &[Migration] = &[
    // The event log, its outbox and the device's own state.
    Migration {
        version: 1,
        steps: &[
            Step::CreateStore {
                name: EVENTS,
                key_path: "id",
            },
            Step::CreateStore {
                name: OUTBOX,
                key_path: "event_id",
            },
            Step::CreateStore {
                name: META,
                key_path: "key",
            },
        ],
    },
    // Each device's events in sequence order (the push, and a guard against reusing a number:
    // events pulled from other devices share the store), and the timeline in HLC order.
    Migration {
        version: 2,
        steps: &[
            Step::CreateIndex {
                store: EVENTS,
                name: "by_device_seq",
                key_path: "device_seq",
                unique: true,
            },
            Step::CreateIndex {
                store: EVENTS,
                name: "by_hlc",
                key_path: "hlc",
                unique: false,
            },
        ],
    },
    // Walk lists need the territory on the device, and sign-up forms their drafts.
    Migration {
        version: 3,
        steps: &[
            Step::CreateStore {
                name: RESIDENCES,
                key_path: "id",
            },
            Step::CreateStore {
                name: DRAFTS,
                key_path: "key",
            },
        ],
    },
    // Events the server refused wait in their own list ("À vérifier"), out of the outbox, until
    // someone reads, retries or exports them.
    Migration {
        version: 4,
        steps: &[Step::CreateStore {
            name: NEEDS_ATTENTION,
            key_path: "event_id",
        }],
    },
    // The timeline is sorted by clock in memory (`in_clock_order`), which it is read whole for
    // anyway: the `by_hlc` index was one more entry for the browser's database to write with every
    // event (7 % of a plain put loop's bulk write) and read nowhere else.
    Migration {
        version: 5,
        steps: &[Step::DeleteIndex {
            store: EVENTS,
            name: "by_hlc",
        }],
    },
];

/// Puts events in the order the `by_hlc` index gave them until version 5: by clock (HLC), then by
/// id for two events with the same clock reading (an index lists equal keys by primary key). The
/// HLC's text, which the index held, sorts like the `Hlc` itself (domain/src/clock.rs tests it),
/// and ids are compared as text, as IndexedDB compares its keys (all ASCII).
pub fn in_clock_order(events: &mut [EventEnvelope]) {
    // (clock, id) is unique, since the id is the store's key: an unstable sort gives one order.
    events.sort_unstable_by(|a, b| a.hlc.cmp(&b.hlc).then_with(|| a.id.cmp(&b.id)));
}

/// Why an upgrade cannot be planned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    #[error(
        "the database is at version {old} but this app knows only up to {new}; \
         an older app cannot open data written by a newer one"
    )]
    Downgrade { old: u32, new: u32 },
    #[error("database version {requested} does not exist yet (the latest is {current})")]
    UnknownVersion { requested: u32, current: u32 },
}

/// The version the app opens the database with.
pub fn current_version() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The steps to run, in order, to go from `old` (0 for a new database) to `new`.
pub fn steps_for_upgrade(old: u32, new: u32) -> Result<Vec<&'static Step>, SchemaError> {
    if new < old {
        return Err(SchemaError::Downgrade { old, new });
    }
    let current = current_version();
    if new > current {
        return Err(SchemaError::UnknownVersion {
            requested: new,
            current,
        });
    }
    Ok(MIGRATIONS
        .iter()
        .filter(|m| old < m.version && m.version <= new)
        .flat_map(|m| m.steps)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn versions_count_up_from_one_without_gaps() {
        let versions: Vec<u32> = MIGRATIONS.iter().map(|m| m.version).collect();
        let expected: Vec<u32> = (1..=current_version()).collect();
        assert_eq!(versions, expected);
    }

    #[test]
    fn a_new_database_gets_every_step() {
        let all: Vec<&Step> = MIGRATIONS.iter().flat_map(|m| m.steps).collect();
        assert_eq!(steps_for_upgrade(0, current_version()).unwrap(), all);
        assert_eq!(all.len(), 9);
    }

    #[test]
    fn device_sequences_sort_by_number_and_never_collide_across_devices() {
        assert!(device_seq("a", 9) < device_seq("a", 10));
        assert_ne!(device_seq("a", 1), device_seq("b", 1));
    }

    #[test]
    fn upgrading_from_1_to_2_adds_only_the_indexes() {
        let steps = steps_for_upgrade(1, 2).unwrap();
        assert_eq!(steps, MIGRATIONS[1].steps.iter().collect::<Vec<_>>());
        assert!(
            steps
                .iter()
                .all(|s| matches!(s, Step::CreateIndex { store: EVENTS, .. }))
        );
        assert_eq!(steps_for_upgrade(2, 2).unwrap(), Vec::<&Step>::new());
    }

    #[test]
    fn downgrades_and_future_versions_are_refused() {
        assert_eq!(
            steps_for_upgrade(2, 1),
            Err(SchemaError::Downgrade { old: 2, new: 1 })
        );
        let next = current_version() + 1;
        assert_eq!(
            steps_for_upgrade(0, next),
            Err(SchemaError::UnknownVersion {
                requested: next,
                current: current_version()
            })
        );
    }

    /// Replays every migration and checks that each step refers to something that exists by then
    /// and never creates something twice: what IndexedDB would refuse at upgrade time on a device.
    #[test]
    fn every_step_refers_to_what_exists_by_then() {
        let mut stores = BTreeSet::new();
        let mut indexes = BTreeSet::new();
        for step in steps_for_upgrade(0, current_version()).unwrap() {
            match *step {
                Step::CreateStore { name, key_path } => {
                    assert!(!key_path.is_empty());
                    assert!(stores.insert(name), "store {name} created twice");
                }
                Step::CreateIndex {
                    store,
                    name,
                    key_path,
                    ..
                } => {
                    assert!(!key_path.is_empty());
                    assert!(stores.contains(store), "index {name} on missing {store}");
                    assert!(indexes.insert((store, name)), "index {name} created twice");
                }
                Step::DeleteIndex { store, name } => {
                    assert!(
                        indexes.remove(&(store, name)),
                        "index {name} not on {store}"
                    );
                }
            }
        }
        assert_eq!(
            stores,
            BTreeSet::from([EVENTS, OUTBOX, META, RESIDENCES, DRAFTS, NEEDS_ATTENTION])
        );
        // The one index left: the unique guard on each device's sequence numbers.
        assert_eq!(indexes, BTreeSet::from([(EVENTS, "by_device_seq")]));
    }

    #[test]
    fn upgrading_from_4_drops_only_the_clock_index_and_keeps_the_sequence_guard() {
        assert_eq!(
            steps_for_upgrade(4, 5).unwrap(),
            vec![&Step::DeleteIndex {
                store: EVENTS,
                name: "by_hlc"
            }]
        );
        // A device still on version 1 creates the index on the way and deletes it at the end.
        let from_1 = steps_for_upgrade(1, 5).unwrap();
        let created = from_1
            .iter()
            .position(|s| matches!(s, Step::CreateIndex { name: "by_hlc", .. }));
        let deleted = from_1
            .iter()
            .position(|s| matches!(s, Step::DeleteIndex { name: "by_hlc", .. }));
        assert!(matches!((created, deleted), (Some(c), Some(d)) if c < d));
        assert!(from_1.iter().any(|s| matches!(
            s,
            Step::CreateIndex {
                name: "by_device_seq",
                unique: true,
                ..
            }
        )));
    }

    /// The events of three devices as a pull and local writes mix them: wall times across a
    /// change of digit count, counters across one of hex digits, a tie on the clock broken by the
    /// device, and two records with the very same clock text (only the id tells them apart).
    fn mixed_events() -> Vec<EventEnvelope> {
        use crate::event::{Actor, EventBody, Recorder};
        use crate::ids::{CampaignId, DeviceId, EventId};
        let note = |n: u32| EventBody::FieldNoteRecorded {
            text: format!("note {n}"),
        };
        let mut events = Vec::new();
        for (k, device) in [0x11u8, 0xee, 0x42].into_iter().enumerate() {
            let mut recorder = Recorder::new(DeviceId::from_random([device; 16]));
            for n in 0..40u32 {
                // Many writes in the same few milliseconds: the counter climbs past 0x9, 0xf, 0x10.
                let wall = [9_999, 10_000, 1_764_000_000_000][n as usize % 3] + (n as u64 / 20);
                let random = [(n * 7 + k as u32) as u8; 10];
                events.push(recorder.record(
                    wall,
                    random,
                    Actor::Device,
                    CampaignId::demo(),
                    note(n),
                ));
            }
        }
        let mut twin = events[5].clone();
        twin.id = EventId::new_v7(1, [0; 10]);
        events.push(twin);
        events.reverse();
        events
    }

    #[test]
    fn in_clock_order_is_the_order_of_the_old_clock_index() {
        let mut events = mixed_events();
        // What `by_hlc` listed: its key, the HLC's text, then the record's key, the id's text.
        let mut by_index = events.clone();
        by_index.sort_by_key(|e| (e.hlc.to_string(), e.id.as_str().to_owned()));
        in_clock_order(&mut events);
        assert_eq!(events, by_index);
        assert_eq!(events.len(), 121);
        // The tie on the clock text really is there, and broken by the id.
        let tied: Vec<&EventEnvelope> = events
            .windows(2)
            .filter(|w| w[0].hlc == w[1].hlc)
            .map(|w| &w[0])
            .collect();
        assert_eq!(tied.len(), 1);
        assert_eq!(tied[0].id.as_str(), "00000000-0001-7000-8000-000000000000");
    }
}
