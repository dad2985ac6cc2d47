//! The sync side of the store against the real IndexedDB of headless Chromium: a push answer
//! applied in one transaction, the "À vérifier" list and its retry, a pulled page saved with its
//! cursor and never queued (a page with nothing new writes nothing), the enrollment naming new
//! events' campaign, the version 3 → 4 upgrade.

use super::EventStore;
use super::idb;
use domain::event::{Actor, EventBody, EventEnvelope, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::storage_schema;
use domain::sync::{
    Cursor, Enrollment, PullResponse, PushOutcome, PushResponse, PushResult, SyncProblem,
    SyncRecord, apply_push_response,
};
use wasm_bindgen_test::*;

fn fresh_name(test: &str) -> String {
    format!("palier-test-sync-{test}-{}", js_sys::Math::random())
}

async fn open(name: &str) -> EventStore {
    EventStore::open_named(name, storage_schema::current_version())
        .await
        .expect("open")
}

async fn record(store: &EventStore, text: &str) -> EventEnvelope {
    store
        .record(
            Actor::Device,
            EventBody::FieldNoteRecorded { text: text.into() },
        )
        .await
        .expect("record")
}

fn answer(event: &EventEnvelope, outcome: PushOutcome) -> PushResult {
    PushResult {
        event_id: event.id.clone(),
        outcome,
    }
}

fn refused() -> PushOutcome {
    PushOutcome::Rejected {
        code: "clock_too_far_ahead".into(),
        message: "check the tablet's date".into(),
    }
}

/// Another device's events, as a pull brings them.
fn team_events(count: usize, from_ms: u64) -> Vec<EventEnvelope> {
    let mut other = Recorder::new(DeviceId::from_random([5; 16]));
    (0..count)
        .map(|i| {
            other.record(
                from_ms + i as u64,
                [i as u8; 10],
                Actor::Device,
                CampaignId::demo(),
                EventBody::FieldNoteRecorded {
                    text: format!("équipe {i}"),
                },
            )
        })
        .collect()
}

fn enrollment(campaign: &str) -> Enrollment {
    Enrollment {
        token: "a".repeat(64),
        campaign: CampaignId::parse(campaign).unwrap(),
        campaign_name: "Les Tilleuls".into(),
        label: "Tablette de Samia".into(),
        enrolled_at_ms: 1,
        revoked: false,
    }
}

#[wasm_bindgen_test]
async fn a_push_answer_deletes_the_acknowledged_sets_aside_the_refused_and_keeps_the_rest() {
    let name = fresh_name("push");
    let store = open(&name).await;
    let mut events = Vec::new();
    for text in ["un", "deux", "trois", "quatre"] {
        events.push(record(&store, text).await);
    }
    let outbox = store.outbox().await.expect("outbox");
    let response = PushResponse {
        results: vec![
            answer(&events[0], PushOutcome::Accepted),
            answer(&events[1], PushOutcome::Duplicate),
            answer(&events[2], refused()),
        ],
    };
    let update = apply_push_response(&outbox, &response);
    store
        .apply_push_update(&update, 1_000)
        .await
        .expect("apply");

    let left = store.outbox().await.expect("outbox");
    assert_eq!(left.len(), 1, "only the entry the answer forgot stays");
    assert_eq!(left[0].event_id, events[3].id);
    assert_eq!(left[0].attempts, 1);
    let aside = store.attention().await.expect("attention");
    assert_eq!(aside.len(), 1);
    assert_eq!(aside[0].event_id, events[2].id);
    assert_eq!(aside[0].code, "clock_too_far_ahead");
    assert_eq!(aside[0].set_aside_at_ms, 1_000);
    assert_eq!(
        store.events().await.expect("events").len(),
        4,
        "the log keeps every event"
    );

    // Export reads both lists; "Réessayer" puts the refused one back in its place.
    let (unsent, missing) = store.unsent_events().await.expect("unsent");
    assert!(missing.is_empty());
    let mut unsent_ids: Vec<_> = unsent.iter().map(|e| e.seq).collect();
    unsent_ids.sort_unstable();
    assert_eq!(unsent_ids, [3, 4]);
    store
        .retry_attention(&[events[2].id.clone()])
        .await
        .expect("retry");
    assert_eq!(store.attention_len().await.expect("len"), 0);
    let back = store.outbox().await.expect("outbox");
    assert_eq!(
        back.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [3, 4],
        "back in seq order"
    );
    assert!(
        back[0]
            .last_error
            .as_deref()
            .unwrap()
            .starts_with("clock_too_far_ahead")
    );
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn an_outbox_entry_can_be_set_aside_by_the_device_itself() {
    let name = fresh_name("aside");
    let store = open(&name).await;
    let event = record(&store, "très long").await;
    store
        .set_aside(&event.id, domain::sync::TOO_LARGE, "", 5)
        .await
        .expect("set aside");
    assert_eq!(store.outbox_len().await.expect("len"), 0);
    let aside = store.attention().await.expect("attention");
    assert_eq!(aside[0].code, "too_large");
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn a_pulled_page_is_saved_with_its_cursor_and_never_queued() {
    let name = fresh_name("pull");
    let store = open(&name).await;
    let mine = record(&store, "ici").await;
    let team = team_events(3, mine.hlc.wall_ms + 60_000);
    let page = PullResponse {
        events: team.clone(),
        next_cursor: Cursor::from_position(30),
        more: false,
        territory: None,
    };
    let added = store
        .save_pulled_page(&page, mine.hlc.wall_ms + 60_000)
        .await
        .expect("save page");
    assert_eq!(added, team);
    assert_eq!(
        store.outbox_len().await.expect("len"),
        1,
        "only my event waits"
    );
    assert_eq!(
        store.pull_cursor().await.expect("cursor"),
        Some(Cursor::from_position(30))
    );
    assert_eq!(store.events().await.expect("events").len(), 4);

    // The same page again adds nothing; an older cursor does not move the saved one back.
    let replay = PullResponse {
        next_cursor: Cursor::from_position(12),
        ..page
    };
    // On a full device too: a page that brings nothing new writes nothing (the recorder and the
    // cursor were written back on every page, and every round ended in a storage failure).
    super::tests::device_full(true);
    let again = store.save_pulled_page(&replay, mine.hlc.wall_ms).await;
    super::tests::device_full(false);
    let again = again.expect("save again");
    assert!(again.is_empty());
    assert_eq!(
        store.pull_cursor().await.expect("cursor"),
        Some(Cursor::from_position(30))
    );
    // A page mixing a known event with new ones, newest first: the new ones are stored (in key
    // order) and answered in the page's order, the known one not twice.
    let more = team_events(5, mine.hlc.wall_ms + 60_000);
    let mixed = PullResponse {
        events: vec![more[4].clone(), more[1].clone(), more[3].clone()],
        next_cursor: Cursor::from_position(45),
        more: false,
        territory: None,
    };
    let added = store
        .save_pulled_page(&mixed, mine.hlc.wall_ms + 60_000)
        .await
        .expect("save mixed page");
    assert_eq!(added, vec![more[4].clone(), more[3].clone()]);
    let stored = store.events().await.expect("events");
    assert_eq!(stored.len(), 6);
    assert_eq!(stored.iter().filter(|e| e.id == more[1].id).count(), 1);
    // The device's clock moved past the team's: what it records next sorts after.
    let next = record(&store, "après").await;
    assert!(next.hlc > more[4].hlc, "{} after {}", next.hlc, more[4].hlc);
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn new_events_are_recorded_under_the_enrolled_campaign_even_once_revoked() {
    let name = fresh_name("enroll");
    let store = open(&name).await;
    assert_eq!(store.enrollment().await.expect("read"), None);
    assert_eq!(
        record(&store, "avant").await.campaign,
        CampaignId::demo(),
        "demo until linked"
    );
    // A cursor from an earlier link is forgotten with the new one.
    let page = PullResponse {
        events: vec![],
        next_cursor: Cursor::from_position(9),
        more: false,
        territory: None,
    };
    store.save_pulled_page(&page, 1).await.expect("page");
    store
        .save_enrollment(&enrollment("tilleuls-2026"))
        .await
        .expect("save");
    assert_eq!(store.pull_cursor().await.expect("cursor"), None);
    assert_eq!(
        record(&store, "après").await.campaign.as_str(),
        "tilleuls-2026"
    );

    let revoked = store
        .mark_revoked()
        .await
        .expect("revoke")
        .expect("enrolled");
    assert!(revoked.revoked);
    assert!(store.enrollment().await.expect("read").unwrap().revoked);
    assert_eq!(
        record(&store, "retiré").await.campaign.as_str(),
        "tilleuls-2026"
    );
    assert_eq!(
        store.events().await.expect("events").len(),
        3,
        "nothing is lost"
    );

    let mut sync_record = SyncRecord::default();
    sync_record.failed(
        SyncProblem::Revoked {
            code: "device_revoked".into(),
        },
        7,
    );
    store.save_sync_record(&sync_record).await.expect("save");
    assert_eq!(store.sync_record().await.expect("read"), sync_record);
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn upgrading_from_schema_version_3_keeps_the_outbox_and_adds_the_attention_list() {
    let name = fresh_name("upgrade-4");
    let old = EventStore::open_named(&name, 3).await.expect("open v3");
    old.record_in(
        Actor::Device,
        CampaignId::demo(),
        EventBody::FieldNoteRecorded {
            text: "écrit en v3".into(),
        },
    )
    .await
    .expect("record");
    assert!(old.attention_len().await.is_err(), "no list in version 3");
    old.close();

    let upgraded = open(&name).await;
    assert_eq!(
        upgraded.database().version() as u32,
        storage_schema::current_version()
    );
    assert_eq!(upgraded.outbox_len().await.expect("len"), 1);
    assert_eq!(upgraded.attention_len().await.expect("len"), 0);
    upgraded.close();
    idb::delete_database(&name).await.expect("cleanup");
}
