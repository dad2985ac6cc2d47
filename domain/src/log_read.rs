//! A read of the whole event log that took long enough for events to arrive meanwhile (a visit
//! recorded, a page pulled from the server): what the screens show once the read is done.
//!
//! The read's transactions may or may not have seen an event that arrived under them; reading
//! the whole log again until nothing arrived never ends while a long pull brings page after page
//! (the screens said "loading" for the whole pull, and each read held a second copy of the log).
//! The read and what arrived are put together instead: every event once, in clock order.

use std::collections::HashSet;

use crate::event::EventEnvelope;
use crate::storage_schema::in_clock_order;

/// The log as read, with the events that arrived while it was read; an event both read and
/// arrived is kept once (the read's copy: the same event).
pub fn with_arrived(read: Vec<EventEnvelope>, arrived: Vec<EventEnvelope>) -> Vec<EventEnvelope> {
    if arrived.is_empty() {
        return read;
    }
    let mut log = read;
    let mut seen: HashSet<String> = log.iter().map(|e| e.id.as_str().to_owned()).collect();
    for event in arrived {
        if seen.insert(event.id.as_str().to_owned()) {
            log.push(event);
        }
    }
    in_clock_order(&mut log);
    log
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Actor, EventBody, Recorder};
    use crate::ids::{CampaignId, DeviceId};

    fn log(device: u8, count: u64, from_ms: u64) -> Vec<EventEnvelope> {
        let mut recorder = Recorder::new(DeviceId::from_random([device; 16]));
        (0..count)
            .map(|n| {
                recorder.record(
                    from_ms + n * 1_000,
                    [device; 10],
                    Actor::Device,
                    CampaignId::demo(),
                    EventBody::FieldNoteRecorded {
                        text: format!("Hall {n} propre"),
                    },
                )
            })
            .collect()
    }

    fn ids(events: &[EventEnvelope]) -> Vec<String> {
        events.iter().map(|e| e.id.as_str().to_owned()).collect()
    }

    #[test]
    fn nothing_arrived_leaves_the_read_as_it_is() {
        let read = log(1, 5, 1_764_000_000_000);
        assert_eq!(with_arrived(read.clone(), Vec::new()), read);
    }

    #[test]
    fn what_arrived_unseen_by_the_read_is_added_in_clock_order() {
        // A teammate's visits pulled during the read, some older than this device's last ones.
        let mine = log(1, 4, 1_764_000_000_000);
        let pulled = log(2, 4, 1_764_000_000_500);
        let shown = with_arrived(mine.clone(), pulled.clone());
        assert_eq!(shown.len(), 8);
        let mut expected = [mine, pulled].concat();
        in_clock_order(&mut expected);
        assert_eq!(ids(&shown), ids(&expected));
        assert!(shown.windows(2).all(|w| w[0].hlc <= w[1].hlc));
    }

    #[test]
    fn an_event_both_read_and_arrived_is_shown_once() {
        // Recorded just as the read began: its transaction saw it, and the screen was told too.
        let all = log(1, 6, 1_764_000_000_000);
        let read = all.clone();
        let arrived = vec![all[5].clone(), all[5].clone()];
        let shown = with_arrived(read, arrived);
        assert_eq!(ids(&shown), ids(&all));
    }

    #[test]
    fn the_read_and_the_arrived_events_make_the_whole_log_whichever_the_read_saw() {
        // Ten events, of which the read saw a prefix and the screens were told of a suffix that
        // overlaps it: always the ten, once each.
        let all = log(3, 10, 1_764_000_000_000);
        for seen in 0..=10 {
            for told_from in 0..=seen {
                let shown = with_arrived(all[..seen].to_vec(), all[told_from..].to_vec());
                assert_eq!(ids(&shown), ids(&all), "read {seen}, told from {told_from}");
            }
        }
    }
}
