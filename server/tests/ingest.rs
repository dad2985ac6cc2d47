//! Storing a push's events (server/src/db/events/insert.rs): a batch of fresh events goes in with
//! a plain insert, and a batch mixing fresh events with ones already stored, or with a sequence
//! number already taken, is stored again skipping those. Both must answer the same as one
//! `ON CONFLICT DO NOTHING` insert always did. Runs on SQLite, and on PostgreSQL when
//! `PALIER_TEST_DATABASE_URL` is set.

mod common;

use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId, EventId};
use std::collections::HashSet;

fn notes(recorder: &mut Recorder, count: usize) -> Vec<EventEnvelope> {
    (0..count)
        .map(|i| {
            recorder.record(
                1_790_000_000_000 + i as u64,
                common::random(),
                Actor::Volunteer {
                    name: "Inès".into(),
                },
                CampaignId::demo(),
                EventBody::FieldNoteRecorded {
                    text: format!("note {i}"),
                },
            )
        })
        .collect()
}

fn ids<'a>(events: impl IntoIterator<Item = &'a EventEnvelope>) -> HashSet<EventId> {
    events.into_iter().map(|e| e.id.clone()).collect()
}

#[tokio::test]
async fn a_batch_mixing_new_stored_and_taken_events_stores_only_the_new_ones() {
    let t = common::test_db().await;
    let mut recorder = Recorder::new(DeviceId::from_random(common::random()));
    let events = notes(&mut recorder, 6);

    // A fresh batch: every event is new.
    let first: Vec<&EventEnvelope> = events[..3].iter().collect();
    let stored = t.db.store_events(&first).await.unwrap();
    assert_eq!(stored.new, ids(first.iter().copied()));
    assert!(stored.seq_taken.is_empty());

    // Two already stored, two new, and one reusing a stored sequence number under a new id.
    let mut forged = events[0].clone();
    forged.id = EventId::new_v7(1_790_000_000_100, common::random());
    let mixed = [&events[1], &events[3], &events[2], &forged, &events[4]];
    let stored = t.db.store_events(&mixed).await.unwrap();
    assert_eq!(stored.new, ids([&events[3], &events[4]]));
    assert_eq!(stored.seq_taken, ids([&forged]));
    assert_eq!(t.db.event_count().await.unwrap(), 5);

    // The same batch again: nothing new, the forged one still refused.
    let stored = t.db.store_events(&mixed).await.unwrap();
    assert!(stored.new.is_empty());
    assert_eq!(stored.seq_taken, ids([&forged]));

    // A batch of one after all that is a fresh batch again.
    let stored = t.db.store_events(&[&events[5]]).await.unwrap();
    assert_eq!(stored.new, ids([&events[5]]));
    assert_eq!(t.db.event_count().await.unwrap(), 6);
}

#[tokio::test]
async fn stored_rows_read_back_as_they_were_written() {
    // PostgreSQL gets each column as one text split inside the statement: every value, the
    // envelope's JSON included, must come back whole, and events without a team view get none.
    let t = common::test_db().await;
    let mut recorder = Recorder::new(DeviceId::from_random(common::random()));
    let mut events = notes(&mut recorder, 2);
    events.push(recorder.record(
        1_790_000_000_500,
        common::random(),
        Actor::Volunteer {
            name: "Inès \"la grande\" \\ \u{1e} ;,".into(),
        },
        CampaignId::demo(),
        EventBody::DeviceStarted {
            app_version: "0.1".into(),
        },
    ));
    let batch: Vec<&EventEnvelope> = events.iter().collect();
    t.db.store_events(&batch).await.unwrap();
    let rows =
        t.db.campaign_events(&CampaignId::demo(), domain::sync::Cursor::START, 10)
            .await
            .unwrap();
    let stored: Vec<EventEnvelope> = rows
        .iter()
        .map(|(_, text)| serde_json::from_str(text).unwrap())
        .collect();
    assert_eq!(stored, events);
    // Positions follow the batch's order.
    assert!(rows.windows(2).all(|w| w[0].0 < w[1].0));
}
