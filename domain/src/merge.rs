//! Field-level last-writer-wins for editable records (partners, residents' contact details,
//! campaign content): each field keeps the write with the greatest HLC, so every device and the
//! server end up with the same record whatever order the writes reach them in.
//!
//! Why that converges: keeping the maximum of a total order is commutative, associative and
//! idempotent, and `Hlc`'s order is total (wall time, then counter, then device id).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::clock::Hlc;

/// A value and the timestamp of the write that set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lww<T> {
    pub value: T,
    pub at: Hlc,
}

impl<T> Lww<T> {
    /// Keeps whichever write is later. Two writes at the same time and counter are ordered by device
    /// id, so no tie is left to arrival order. On an identical `Hlc` `self` is kept: a device never
    /// issues the same timestamp twice, so an identical `Hlc` means the same write seen twice (by
    /// two sync paths, or a re-imported outbox file), and keeping either copy gives the same value.
    pub fn merge(&mut self, other: Lww<T>) {
        if other.at > self.at {
            *self = other;
        }
    }
}

/// An editable record: its fields by name, each with its own last write.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub fields: BTreeMap<String, Lww<Value>>,
}

impl Record {
    /// Takes in one field write. An older write than the one already kept changes nothing, which is
    /// what lets events be folded in any order.
    pub fn apply(&mut self, field: &str, value: Value, at: Hlc) {
        let write = Lww { value, at };
        match self.fields.get_mut(field) {
            Some(kept) => kept.merge(write),
            None => {
                self.fields.insert(field.to_owned(), write);
            }
        }
    }

    /// Takes in every field of another copy of the same record (from another device or the server).
    pub fn merge(&mut self, other: &Record) {
        for (field, write) in &other.fields {
            self.apply(field, write.value.clone(), write.at.clone());
        }
    }

    pub fn value(&self, field: &str) -> Option<&Value> {
        self.fields.get(field).map(|write| &write.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::DeviceId;
    use proptest::prelude::*;
    use serde_json::json;

    fn at(wall_ms: u64, counter: u32, device: u8) -> Hlc {
        Hlc {
            wall_ms,
            counter,
            device: DeviceId::from_random([device; 16]),
        }
    }

    #[test]
    fn the_later_write_wins_whatever_the_order() {
        let mut a = Record::default();
        a.apply("phone", json!("01 23"), at(10, 0, 1));
        a.apply("phone", json!("06 45"), at(20, 0, 1));
        let mut b = Record::default();
        b.apply("phone", json!("06 45"), at(20, 0, 1));
        b.apply("phone", json!("01 23"), at(10, 0, 1));
        assert_eq!(a.value("phone"), Some(&json!("06 45")));
        assert_eq!(a, b);
        assert_eq!(a.value("email"), None);
    }

    #[test]
    fn simultaneous_writes_are_settled_by_device_id() {
        let mut a = Lww {
            value: "Centre social Nord",
            at: at(10, 0, 2),
        };
        a.merge(Lww {
            value: "CS Nord",
            at: at(10, 0, 1),
        });
        assert_eq!(a.value, "Centre social Nord");
        let mut b = Lww {
            value: "CS Nord",
            at: at(10, 0, 1),
        };
        b.merge(Lww {
            value: "Centre social Nord",
            at: at(10, 0, 2),
        });
        assert_eq!(a, b);
    }

    #[test]
    fn fields_merge_independently() {
        let mut here = Record::default();
        here.apply("name", json!("Régie de quartier"), at(30, 0, 1));
        here.apply("phone", json!("01"), at(10, 0, 1));
        let mut there = Record::default();
        there.apply("name", json!("Régie"), at(20, 0, 2));
        there.apply("phone", json!("02"), at(40, 0, 2));
        here.merge(&there);
        assert_eq!(here.value("name"), Some(&json!("Régie de quartier")));
        assert_eq!(here.value("phone"), Some(&json!("02")));
    }

    /// A write: (field, value, timestamp).
    type Write = (String, Value, Hlc);

    /// Writes over few fields, times and devices so that they collide. One (field, timestamp) pair
    /// gets one value, as in real logs: a device never issues the same timestamp twice.
    fn writes() -> impl Strategy<Value = Vec<Write>> {
        let write = (0..3usize, 0..5i64, 0..3u64, 0..2u32, 0..3u8);
        prop::collection::vec(write, 0..40).prop_map(|raw| {
            let mut unique = BTreeMap::new();
            for (field, value, wall, counter, device) in raw {
                let key = (
                    ["name", "phone", "hours"][field].to_owned(),
                    at(wall, counter, device),
                );
                unique.entry(key).or_insert(json!(value));
            }
            unique
                .into_iter()
                .map(|((field, hlc), value)| (field, value, hlc))
                .collect()
        })
    }

    fn record_of(writes: &[Write]) -> Record {
        let mut record = Record::default();
        for (field, value, hlc) in writes {
            record.apply(field, value.clone(), hlc.clone());
        }
        record
    }

    /// Three replicas, each having received some of the same writes.
    fn replicas() -> impl Strategy<Value = (Record, Record, Record)> {
        writes()
            .prop_flat_map(|ws| {
                let n = ws.len();
                (Just(ws), prop::collection::vec(0..8u8, n))
            })
            .prop_map(|(ws, seen_by)| {
                let pick = |bit: u8| -> Vec<Write> {
                    ws.iter()
                        .zip(&seen_by)
                        .filter(|(_, mask)| *mask & bit != 0)
                        .map(|(w, _)| w.clone())
                        .collect()
                };
                (
                    record_of(&pick(1)),
                    record_of(&pick(2)),
                    record_of(&pick(4)),
                )
            })
    }

    fn merged(a: &Record, b: &Record) -> Record {
        let mut out = a.clone();
        out.merge(b);
        out
    }

    proptest! {
        #[test]
        fn arrival_order_does_not_matter(
            (ws, shuffled) in
                writes().prop_flat_map(|ws| (Just(ws.clone()), Just(ws).prop_shuffle())),
        ) {
            prop_assert_eq!(record_of(&ws), record_of(&shuffled));
        }

        #[test]
        fn merge_is_commutative((a, b, _) in replicas()) {
            prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        }

        #[test]
        fn merge_is_associative((a, b, c) in replicas()) {
            prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
        }

        #[test]
        fn merge_is_idempotent((a, b, _) in replicas()) {
            prop_assert_eq!(merged(&a, &a), a.clone());
            let ab = merged(&a, &b);
            prop_assert_eq!(merged(&ab, &b), ab);
        }

        #[test]
        fn merging_replicas_equals_applying_every_write(ws in writes()) {
            let (first, second) = ws.split_at(ws.len() / 2);
            prop_assert_eq!(merged(&record_of(first), &record_of(second)), record_of(&ws));
        }
    }
}
