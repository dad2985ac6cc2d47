//! The device's side of a push: which outbox entries go in which batch, and what the server's
//! answer does to the outbox.

use std::collections::{HashMap, HashSet};

use crate::event::{EventEnvelope, OutboxEntry};
use crate::ids::{CampaignId, EventId};

use super::wire::{MAX_PUSH_EVENTS, PushOutcome, PushResponse};

/// The batches of one sync round, each a list of event ids, oldest `seq` first.
///
/// The shell loads each batch's events, sends them as a [`super::PushRequest`], applies the answer
/// with [`apply_push_response`], and goes on with the next batch; after a failure it stops and
/// waits for [`super::Backoff`]. Batches are in `seq` order so the server sees a device's events
/// in the order they were recorded, but a rejected event does not hold back the later ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushPlan {
    pub batches: Vec<Vec<EventId>>,
}

impl PushPlan {
    /// Cuts `entries` (the outbox entries still to send: not those already in the "À vérifier"
    /// list) into batches of at most `max_batch` events, itself held to 1..=[`MAX_PUSH_EVENTS`].
    pub fn from_outbox(entries: &[OutboxEntry], max_batch: usize) -> PushPlan {
        let size = max_batch.clamp(1, MAX_PUSH_EVENTS);
        let mut ordered: Vec<&OutboxEntry> = entries.iter().collect();
        // The id breaks ties so that a corrupt outbox with a repeated seq still plans the same way.
        ordered.sort_by(|a, b| (a.seq, &a.event_id).cmp(&(b.seq, &b.event_id)));
        // An id listed twice (a corrupt outbox) is sent once, where its first seq puts it.
        let mut seen = HashSet::new();
        ordered.retain(|e| seen.insert(&e.event_id));
        PushPlan {
            batches: ordered
                .chunks(size)
                .map(|chunk| chunk.iter().map(|e| e.event_id.clone()).collect())
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.batches.is_empty()
    }
}

/// Whether `event` is practice: recorded in the built-in demo campaign (the app before it was
/// linked) on a device now enrolled in a real campaign (`enrolled`).
///
/// The decision: what a volunteer did while trying the app out is practice, not fieldwork. It is
/// never sent — the campaign's server would refuse it (`unknown_campaign`) and it would wait in
/// "À vérifier" forever, and sending it under the real campaign would mix made-up doors with the
/// team's counts. It stays in the device's log, shown as practice, and leaves the outbox and the
/// "À vérifier" list so that neither counts it as waiting. A device enrolled in a server's own
/// demo campaign (a training server) sends its demo events like any others.
pub fn is_practice(event: &EventEnvelope, enrolled: &CampaignId) -> bool {
    event.campaign == CampaignId::demo() && *enrolled != CampaignId::demo()
}

/// Sorts the events of a batch before it is sent: the ones to send, in their order, and the
/// update taking the practice ones ([`is_practice`]) out of the outbox and "À vérifier" list.
pub fn keep_practice_home(
    events: Vec<EventEnvelope>,
    enrolled: &CampaignId,
) -> (Vec<EventEnvelope>, OutboxUpdate) {
    let (practice, to_send): (Vec<_>, Vec<_>) =
        events.into_iter().partition(|e| is_practice(e, enrolled));
    let update = OutboxUpdate {
        practice: practice.into_iter().map(|e| e.id).collect(),
        ..OutboxUpdate::default()
    };
    (to_send, update)
}

/// A rejected event, for the "À vérifier" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedsAttention {
    pub event_id: EventId,
    /// The server's machine code ([`super::RejectCode`]), possibly one this build does not know.
    pub code: String,
    /// The server's explanation, shown as is.
    pub message: String,
}

/// What to do to the outbox after a push answer. Every entry that was sent is in exactly one list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxUpdate {
    /// The server holds these (accepted or duplicate): delete them from the outbox.
    pub acknowledged: Vec<EventId>,
    /// Refused: move them to the "À vérifier" list, where they can be read, retried or exported.
    pub needs_attention: Vec<NeedsAttention>,
    /// The answer did not mention them: keep them, count an attempt, send them again later.
    pub retry: Vec<EventId>,
    /// Practice events ([`is_practice`]), never sent: take them out of the outbox and of the
    /// "À vérifier" list; the events themselves stay in the device's log.
    pub practice: Vec<EventId>,
}

/// Sorts the entries that were sent (`outbox`, the batch's entries) by the server's answer.
///
/// Only the answer can take an entry out of the outbox: an entry the answer forgets is retried,
/// never dropped. When the answer names an event twice, "the server holds it" wins over a
/// rejection, because deleting an event the server holds loses nothing. Results about events that
/// were not sent are ignored.
pub fn apply_push_response(outbox: &[OutboxEntry], response: &PushResponse) -> OutboxUpdate {
    let mut answers: HashMap<&EventId, &PushOutcome> = HashMap::new();
    for result in &response.results {
        answers
            .entry(&result.event_id)
            .and_modify(|kept| {
                if matches!(
                    result.outcome,
                    PushOutcome::Accepted | PushOutcome::Duplicate
                ) {
                    *kept = &result.outcome;
                }
            })
            .or_insert(&result.outcome);
    }
    let mut update = OutboxUpdate::default();
    let mut seen = HashSet::new();
    for entry in outbox {
        if !seen.insert(&entry.event_id) {
            continue;
        }
        let id = entry.event_id.clone();
        match answers.get(&entry.event_id) {
            Some(PushOutcome::Accepted | PushOutcome::Duplicate) => update.acknowledged.push(id),
            Some(PushOutcome::Rejected { code, message }) => {
                update.needs_attention.push(NeedsAttention {
                    event_id: id,
                    code: code.clone(),
                    message: message.clone(),
                })
            }
            None => update.retry.push(id),
        }
    }
    update
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::wire::PushResult;
    use crate::sync::wire::tests::{NOW, events};
    use proptest::prelude::*;

    fn outbox(count: usize) -> Vec<OutboxEntry> {
        events(1, count)
            .iter()
            .map(|e| OutboxEntry::for_event(e, NOW))
            .collect()
    }

    fn result(entry: &OutboxEntry, outcome: PushOutcome) -> PushResult {
        PushResult {
            event_id: entry.event_id.clone(),
            outcome,
        }
    }

    fn rejected() -> PushOutcome {
        PushOutcome::Rejected {
            code: "invalid_event".into(),
            message: "a field note cannot be empty".into(),
        }
    }

    #[test]
    fn practice_from_the_demo_stays_home_once_the_device_joins_a_real_campaign() {
        let real = CampaignId::parse("quartier-nord").unwrap();
        let mut batch = events(1, 4);
        batch[1].campaign = real.clone();
        batch[3].campaign = real.clone();
        // events() records in the demo campaign: 0 and 2 are practice.
        let (to_send, update) = keep_practice_home(batch.clone(), &real);
        assert_eq!(to_send, vec![batch[1].clone(), batch[3].clone()]);
        assert_eq!(
            update.practice,
            vec![batch[0].id.clone(), batch[2].id.clone()]
        );
        assert!(update.acknowledged.is_empty() && update.needs_attention.is_empty());
        assert!(update.retry.is_empty());
        // On a server's own demo campaign nothing is practice: everything is sent.
        let (all, nothing) = keep_practice_home(batch.clone(), &CampaignId::demo());
        assert_eq!(all, batch);
        assert!(nothing.practice.is_empty());
        assert!(!is_practice(&batch[1], &real) && is_practice(&batch[0], &real));
    }

    #[test]
    fn batches_follow_seq_order_and_the_size_limit() {
        let mut entries = outbox(7);
        entries.reverse();
        let plan = PushPlan::from_outbox(&entries, 3);
        let sizes: Vec<_> = plan.batches.iter().map(Vec::len).collect();
        assert_eq!(sizes, [3, 3, 1]);
        let flat: Vec<_> = plan.batches.concat();
        let mut expected: Vec<_> = entries.iter().map(|e| e.event_id.clone()).collect();
        expected.reverse();
        assert_eq!(flat, expected);
        assert!(PushPlan::from_outbox(&[], 3).is_empty());
        let twice = [entries[0].clone(), entries[0].clone()];
        assert_eq!(
            PushPlan::from_outbox(&twice, 3).batches,
            [vec![entries[0].event_id.clone()]]
        );
        assert_eq!(PushPlan::from_outbox(&entries, 0).batches.len(), 7);
        let big = PushPlan::from_outbox(&outbox(MAX_PUSH_EVENTS + 1), usize::MAX);
        assert_eq!(big.batches[0].len(), MAX_PUSH_EVENTS);
    }

    #[test]
    fn each_answer_sends_the_entry_to_its_place() {
        let entries = outbox(4);
        let response = PushResponse {
            results: vec![
                result(&entries[0], PushOutcome::Accepted),
                result(&entries[1], PushOutcome::Duplicate),
                result(&entries[2], rejected()),
            ],
        };
        let update = apply_push_response(&entries, &response);
        assert_eq!(
            update.acknowledged,
            [entries[0].event_id.clone(), entries[1].event_id.clone()]
        );
        assert_eq!(
            update.needs_attention,
            [NeedsAttention {
                event_id: entries[2].event_id.clone(),
                code: "invalid_event".into(),
                message: "a field note cannot be empty".into(),
            }]
        );
        assert_eq!(update.retry, [entries[3].event_id.clone()]);
    }

    #[test]
    fn an_empty_answer_deletes_nothing() {
        let entries = outbox(3);
        let update = apply_push_response(&entries, &PushResponse { results: vec![] });
        assert!(update.acknowledged.is_empty() && update.needs_attention.is_empty());
        assert_eq!(update.retry.len(), 3);
    }

    fn any_outcome() -> impl Strategy<Value = PushOutcome> {
        prop_oneof![
            Just(PushOutcome::Accepted),
            Just(PushOutcome::Duplicate),
            Just(rejected()),
        ]
    }

    proptest! {
        #[test]
        fn every_sent_entry_ends_up_in_exactly_one_list(
            count in 0usize..30,
            // For each answer: which entry (possibly one not sent), and what the server said.
            answers in prop::collection::vec((0usize..40, any_outcome()), 0..60),
        ) {
            let entries = outbox(40);
            let (sent, not_sent) = entries.split_at(count);
            let response = PushResponse {
                results: answers
                    .iter()
                    .map(|(i, outcome)| result(&entries[*i], outcome.clone()))
                    .collect(),
            };
            let update = apply_push_response(sent, &response);
            let mut placed: Vec<&EventId> = update
                .acknowledged
                .iter()
                .chain(update.needs_attention.iter().map(|n| &n.event_id))
                .chain(update.retry.iter())
                .collect();
            placed.sort();
            let mut expected: Vec<&EventId> = sent.iter().map(|e| &e.event_id).collect();
            expected.sort();
            prop_assert_eq!(placed, expected);
            for entry in not_sent {
                prop_assert!(!update.acknowledged.contains(&entry.event_id));
            }
            // Acknowledged only with the server's word for it.
            for id in &update.acknowledged {
                prop_assert!(response.results.iter().any(|r| &r.event_id == id
                    && matches!(r.outcome, PushOutcome::Accepted | PushOutcome::Duplicate)));
            }
        }
    }
}
