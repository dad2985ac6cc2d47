//! Storing a push's events (server/src/db/events/insert.rs): a batch of fresh events goes in with
//! a plain insert, and a batch mixing fresh events with ones already stored, or with a sequence
//! number already taken, is stored again skipping those. Both must answer the same as one
//! `ON CONFLICT DO NOTHING` insert always did. On PostgreSQL a batch of at least
//! `COPY_FROM_ROWS` events goes in with `COPY` (server/src/db/events/copy.rs) instead: the long
//! batches below take that path, with the same answers. Runs on SQLite, and on PostgreSQL when
//! `PALIER_TEST_DATABASE_URL` is set.

mod common;

use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId, EventId};
use server::db::events::COPY_FROM_ROWS;
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

#[tokio::test]
async fn a_long_batch_mixing_new_stored_and_taken_events_stores_only_the_new_ones() {
    // On PostgreSQL the fresh long batch is copied in; the mixed one fails to copy as a whole and
    // is inserted again skipping what is there.
    let t = common::test_db().await;
    let mut recorder = Recorder::new(DeviceId::from_random(common::random()));
    let events = notes(&mut recorder, 2 * COPY_FROM_ROWS + 1);
    let (first, rest) = events.split_at(COPY_FROM_ROWS);

    let batch: Vec<&EventEnvelope> = first.iter().collect();
    let stored = t.db.store_events(&batch).await.unwrap();
    assert_eq!(stored.new, ids(first));
    assert!(stored.seq_taken.is_empty());

    // The last stored event again, every other one new, and one reusing a stored sequence number.
    let mut forged = first[0].clone();
    forged.id = EventId::new_v7(1_790_000_000_100, common::random());
    let mut mixed: Vec<&EventEnvelope> = vec![&first[COPY_FROM_ROWS - 1]];
    mixed.extend(rest.iter());
    mixed.insert(COPY_FROM_ROWS / 2, &forged);
    let stored = t.db.store_events(&mixed).await.unwrap();
    assert_eq!(stored.new, ids(rest));
    assert_eq!(stored.seq_taken, ids([&forged]));
    assert_eq!(t.db.event_count().await.unwrap(), events.len() as i64);

    // The same long batch again: nothing new, the forged one still refused.
    let stored = t.db.store_events(&mixed).await.unwrap();
    assert!(stored.new.is_empty());
    assert_eq!(stored.seq_taken, ids([&forged]));
    assert_eq!(t.db.event_count().await.unwrap(), events.len() as i64);
}

#[tokio::test]
async fn a_long_batch_reads_back_as_written_with_its_reception_time() {
    // COPY sends every value as its length and bytes, and writes the reception time itself rather
    // than through the column's default: both must come out as the insert writes them.
    let t = common::test_db().await;
    let mut recorder = Recorder::new(DeviceId::from_random(common::random()));
    let short = notes(&mut recorder, 1);
    t.db.store_events(&[&short[0]]).await.unwrap();
    let mut events = notes(&mut recorder, COPY_FROM_ROWS);
    events.insert(
        COPY_FROM_ROWS / 2,
        recorder.record(
            1_790_000_000_500,
            common::random(),
            Actor::Volunteer {
                name: "Inès \"la grande\" \\ \t\n \u{1e} ;, ٣ é".into(),
            },
            CampaignId::demo(),
            EventBody::DeviceStarted {
                app_version: "0.1".into(),
            },
        ),
    );
    // One shared event, whose team view is stored beside it.
    events.push(recorder.record(
        1_790_000_000_600,
        common::random(),
        Actor::Volunteer {
            name: "Inès".into(),
        },
        CampaignId::demo(),
        EventBody::AppPresented {
            door: None,
            residence: None,
            local_date: domain::calendar::LocalDate::new(2026, 11, 26).unwrap(),
        },
    ));
    let batch: Vec<&EventEnvelope> = events.iter().collect();
    t.db.store_events(&batch).await.unwrap();
    let rows =
        t.db.campaign_events(&CampaignId::demo(), domain::sync::Cursor::START, 1000)
            .await
            .unwrap();
    let stored: Vec<EventEnvelope> = rows
        .iter()
        .map(|(_, text)| serde_json::from_str(text).unwrap())
        .collect();
    let mut all = short.clone();
    all.extend(events.iter().cloned());
    assert_eq!(stored, all);
    assert!(rows.windows(2).all(|w| w[0].0 < w[1].0));

    // The reception time, read straight from the table: the short batch's comes from the column's
    // default, the long batch's written by the server's statement: the same shape.
    let url = match &t.postgres_url {
        Some(url) => url.clone(),
        None => format!("sqlite://{}", t.data_dir().join("palier.sqlite").display()),
    };
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    let times: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT received_at, team_json FROM events ORDER BY position")
            .fetch_all(&raw)
            .await
            .unwrap();
    raw.close().await;
    assert_eq!(times.len(), all.len());
    let shape = |time: &str| {
        time.len() == "2026-11-26T10:00:00.000Z".len()
            && time.as_bytes()[10] == b'T'
            && time.as_bytes()[19] == b'.'
            && time.ends_with('Z')
    };
    assert!(times.iter().all(|(time, _)| shape(time)), "{times:?}");
    // Field notes and the device start stay on the server (no team view); the last one is shared.
    let shared: Vec<usize> = (0..all.len()).filter(|&i| times[i].1.is_some()).collect();
    assert_eq!(shared, [all.len() - 1]);
    let team = times[all.len() - 1].1.as_deref().unwrap();
    assert!(team.contains("\"AppPresented\""), "{team}");
}

#[tokio::test]
async fn the_cursor_never_skips_a_row_while_long_batches_are_copied_concurrently() {
    // The push lock must order COPY's commits as it orders the insert's: a long batch committing
    // after a later one, below a cursor already handed out, would never be pulled.
    const WRITERS: usize = 6;
    const BATCHES: usize = 6;
    let t = common::test_db().await;
    let reader = DeviceId::from_random(common::random());
    let mut expected = HashSet::new();
    let mut writers = Vec::new();
    for _ in 0..WRITERS {
        let mut recorder = Recorder::new(DeviceId::from_random(common::random()));
        let batches: Vec<Vec<EventEnvelope>> = (0..BATCHES)
            .map(|b| {
                (0..COPY_FROM_ROWS)
                    .map(|i| {
                        recorder.record(
                            1_790_000_000_000 + (b * COPY_FROM_ROWS + i) as u64,
                            common::random(),
                            Actor::Volunteer {
                                name: "Inès".into(),
                            },
                            CampaignId::demo(),
                            EventBody::AppPresented {
                                door: None,
                                residence: None,
                                local_date: domain::calendar::LocalDate::new(2026, 11, 26).unwrap(),
                            },
                        )
                    })
                    .collect()
            })
            .collect();
        expected.extend(ids(batches.iter().flatten()));
        let db = t.db.clone();
        writers.push(tokio::spawn(async move {
            for batch in batches {
                let batch: Vec<&EventEnvelope> = batch.iter().collect();
                let stored = db.store_events(&batch).await.unwrap();
                assert_eq!(stored.new.len(), batch.len());
            }
        }));
    }
    let total = (WRITERS * BATCHES * COPY_FROM_ROWS) as i64;
    let mut seen = Vec::new();
    let mut after = domain::sync::Cursor::START;
    let mut idle_rounds_after_done = 0;
    while idle_rounds_after_done < 2 {
        let page = domain::sync::PullPage { after, limit: 1000 };
        let rows =
            t.db.pull_page_rows(&CampaignId::demo(), &reader, page)
                .await
                .unwrap();
        let more = rows.len() > 1000;
        for (cursor, team) in rows.iter().take(1000) {
            let event: EventEnvelope = serde_json::from_str(team).unwrap();
            seen.push(event.id);
            after = *cursor;
        }
        if t.db.event_count().await.unwrap() == total && !more {
            idle_rounds_after_done += 1;
        }
    }
    for writer in writers {
        writer.await.unwrap();
    }
    assert_eq!(seen.len(), expected.len(), "every event pulled once");
    assert_eq!(seen.into_iter().collect::<HashSet<_>>(), expected);
}
