//! The event log as the indicators and exports read it: each event once, in clock order.
//!
//! The app reads its log from IndexedDB through the `hlc` index, so it nearly always arrives in
//! order and without duplicates; checking that costs one comparison per event and no copy. Only a
//! log that is not (events merged from a device file, pulled late, received twice) is sorted.

use std::cmp::Ordering;

use crate::event::EventEnvelope;

/// Each event of a log once, in HLC order (ties, which only a forged log has, broken by id).
pub struct DistinctLog<'a> {
    order: Order<'a>,
}

enum Order<'a> {
    AsGiven(&'a [EventEnvelope]),
    Sorted(Vec<&'a EventEnvelope>),
}

/// The order every fold of the log agrees on, the same as `canvass::status::door_states`.
pub fn clock_order(a: &EventEnvelope, b: &EventEnvelope) -> Ordering {
    a.hlc.cmp(&b.hlc).then_with(|| a.id.cmp(&b.id))
}

/// Puts a log the app holds in clock order, each event once, so that every later computation
/// (each change of filter) takes the fast path of [`DistinctLog::new`]. Worth calling once after
/// merging pulled or imported events, which arrive in the server's order, not the clock's.
pub fn put_in_order(events: &mut Vec<EventEnvelope>) {
    events.sort_by(clock_order);
    events.dedup_by(|a, b| a.id == b.id);
}

impl<'a> DistinctLog<'a> {
    pub fn new(events: &'a [EventEnvelope]) -> DistinctLog<'a> {
        // Strictly increasing means ordered and free of duplicates: a copy of an event has the
        // same clock and id, so it would compare equal to its neighbour.
        let strictly_increasing = events
            .windows(2)
            .all(|pair| clock_order(&pair[0], &pair[1]) == Ordering::Less);
        if strictly_increasing {
            return DistinctLog {
                order: Order::AsGiven(events),
            };
        }
        let mut sorted: Vec<&EventEnvelope> = events.iter().collect();
        sorted.sort_by(|a, b| clock_order(a, b));
        sorted.dedup_by(|a, b| a.id == b.id);
        DistinctLog {
            order: Order::Sorted(sorted),
        }
    }

    /// Whether the log had to be sorted: a figure for benchmarks and for tests.
    pub fn was_sorted(&self) -> bool {
        matches!(self.order, Order::Sorted(_))
    }

    pub fn len(&self) -> usize {
        match &self.order {
            Order::AsGiven(events) => events.len(),
            Order::Sorted(events) => events.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a EventEnvelope> + '_ {
        let (given, sorted) = match &self.order {
            Order::AsGiven(events) => (Some(events.iter()), None),
            Order::Sorted(events) => (None, Some(events.iter().copied())),
        };
        given
            .into_iter()
            .flatten()
            .chain(sorted.into_iter().flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::PartOfDay::Morning;
    use crate::canvass::DoorOutcome::Absent;
    use crate::canvass::status::tests::visit_at;

    #[test]
    fn an_ordered_log_is_read_as_given_and_a_shuffled_one_is_sorted_once() {
        let a = visit_at(1, 1, "d", Absent, 25, Morning);
        let b = visit_at(2, 1, "d", Absent, 25, Morning);
        let c = visit_at(2, 2, "d", Absent, 25, Morning);
        let in_order = [a.clone(), b.clone(), c.clone()];
        let log = DistinctLog::new(&in_order);
        assert!(!log.was_sorted());
        assert_eq!(log.len(), 3);

        let arrived = [c.clone(), a.clone(), b.clone(), a.clone(), c.clone()];
        let log = DistinctLog::new(&arrived);
        assert!(log.was_sorted());
        let ids: Vec<_> = log.iter().map(|e| &e.id).collect();
        assert_eq!(ids, [&a.id, &b.id, &c.id]);
        assert!(DistinctLog::new(&[]).is_empty());

        let mut held = arrived.to_vec();
        put_in_order(&mut held);
        assert_eq!(held, in_order);
        assert!(!DistinctLog::new(&held).was_sorted());
    }
}
