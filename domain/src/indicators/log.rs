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
///
/// Sorted in place: a stable sort would borrow a buffer of half the log (11 MB for 100,000
/// events in the browser, whose memory never shrinks back), and stability buys nothing here,
/// since two events that compare equal have the same id and only one of them is kept.
pub fn put_in_order(events: &mut Vec<EventEnvelope>) {
    let in_order = events
        .windows(2)
        .all(|pair| clock_order(&pair[0], &pair[1]) == Ordering::Less);
    if !in_order {
        events.sort_unstable_by(clock_order);
        events.dedup_by(|a, b| a.id == b.id);
    }
}

/// Makes room for `coming` more events in one allocation, when the server said how many follow.
/// A log grown page by page doubles its buffer: at 65,536 events the old and the new buffers
/// (15 and 30 MB in the browser) are held at once, and up to half the last one stays unused.
/// Counts the server cannot promise (more than memory can hold) are left to the usual growth.
pub fn make_room(events: &mut Vec<EventEnvelope>, coming: u64) {
    let free = events.capacity() - events.len();
    if let Ok(coming) = usize::try_from(coming)
        && coming > free
    {
        // A count too large to hold is a server's mistake; the pages then grow the log as usual.
        let _ = events.try_reserve_exact(coming);
    }
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
        // Already in order: left as it is.
        put_in_order(&mut held);
        assert_eq!(held, in_order);
    }

    #[test]
    fn room_for_the_announced_events_is_made_once_and_exactly() {
        let events: Vec<EventEnvelope> = (1..=5)
            .map(|n| visit_at(n, 1, "d", Absent, 25, Morning))
            .collect();
        let mut held = vec![events[0].clone()];
        make_room(&mut held, 4);
        assert_eq!(held.capacity(), 5);
        let buffer = held.as_ptr();
        for page in events[1..].chunks(2) {
            held.extend(page.iter().cloned());
        }
        // Filled without moving, and no room left over.
        assert_eq!(held.as_ptr(), buffer);
        assert_eq!((held.len(), held.capacity()), (5, 5));
        // Room already there, or a count no memory could hold: nothing changes.
        make_room(&mut held, 0);
        make_room(&mut held, u64::MAX);
        assert_eq!((held.len(), held.capacity()), (5, 5));
    }

    #[test]
    fn a_log_held_as_the_import_holds_it_gives_the_same_indicators() {
        use crate::indicators::fixture::{estate, log, today};
        use crate::indicators::{Filter, Query, compute};
        let query = Query {
            campaign: crate::ids::CampaignId::demo(),
            filter: Filter::default(),
            absent_attempts: 2,
            today: today(),
        };
        let events = log();
        let expected = compute(&events, &estate(), &query);
        // Pages in the server's order (not the clock's), room made from the first page's count,
        // one event received twice (an erasure applied locally, then pulled).
        let mut arrived = events.clone();
        arrived.reverse();
        arrived.push(arrived[3].clone());
        let mut held = Vec::new();
        for (n, page) in arrived.chunks(4).enumerate() {
            if n == 0 {
                make_room(&mut held, arrived.len() as u64);
            }
            held.extend(page.iter().cloned());
        }
        assert_eq!(held.capacity(), arrived.len());
        put_in_order(&mut held);
        // Each event once (the fixture itself holds one twice).
        assert_eq!(held.len(), DistinctLog::new(&events).len());
        assert!(!DistinctLog::new(&held).was_sorted());
        assert_eq!(compute(&held, &estate(), &query), expected);
    }
}
