//! The recorder's copy per tab (recorder_cache.rs) against the real IndexedDB of headless
//! Chromium: a copy that fell behind what is stored never hands out a sequence number twice, and
//! the write is made all the same. (A pull moving the clock and a new enrollment are in
//! sync_tests.rs: the next visit follows them.)

use super::idb::{self, WriteTx};
use super::{EventStore, event_record, now_ms, outbox_record, read_recorder, recorder_record};
use domain::event::{Actor, EventBody, OutboxEntry};
use domain::ids::CampaignId;
use domain::storage_schema::{self, EVENTS, META, OUTBOX};
use wasm_bindgen_test::*;

async fn fresh() -> (EventStore, String) {
    let name = format!("palier-test-copy-{}", js_sys::Math::random());
    let store = EventStore::open_named(&name, storage_schema::current_version())
        .await
        .expect("open");
    (store, name)
}

fn note(text: &str) -> EventBody {
    EventBody::FieldNoteRecorded {
        text: text.to_owned(),
    }
}

async fn seqs(store: &EventStore) -> Vec<u64> {
    let mut seqs: Vec<u64> = store
        .events()
        .await
        .expect("events")
        .iter()
        .map(|e| e.seq)
        .collect();
    seqs.sort_unstable();
    seqs
}

#[wasm_bindgen_test]
async fn a_visit_recorded_in_another_tab_meanwhile_is_noticed_and_no_number_is_given_twice() {
    let (store, name) = fresh().await;
    let first = store
        .record(Actor::Device, note("un"))
        .await
        .expect("first");
    // Another tab records from what is stored, as it does: its own read, in its own transaction.
    let tx = WriteTx::begin(store.database(), &[EVENTS, OUTBOX, META]).expect("tx");
    let mut recorder = read_recorder(&tx).await.expect("recorder");
    let other = recorder.record(
        now_ms(),
        [9; 10],
        Actor::Device,
        CampaignId::demo(),
        note("dans l'autre onglet"),
    );
    tx.add(EVENTS, &event_record(&other).expect("record"))
        .expect("add");
    tx.add(
        OUTBOX,
        &outbox_record(&OutboxEntry::for_event(&other, 0)).expect("record"),
    )
    .expect("add");
    tx.put(META, &recorder_record(&recorder).expect("recorder"))
        .expect("put");
    tx.committed().await.expect("other tab");
    assert_eq!(other.seq, first.seq + 1);
    // This tab's copy still says `first.seq + 1` comes next.
    let next = store
        .record(Actor::Device, note("deux"))
        .await
        .expect("recorded all the same");
    assert_eq!(next.seq, other.seq + 1);
    assert_eq!(seqs(&store).await, vec![first.seq, other.seq, next.seq]);
    assert_eq!(store.outbox_len().await.expect("outbox"), 3);
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn two_visits_written_at_once_from_the_same_copy_get_two_numbers() {
    let (store, name) = fresh().await;
    let first = store
        .record(Actor::Device, note("un"))
        .await
        .expect("first");
    // Both start from the same copy before either commits: the second one's number is taken.
    let (a, b) = idb::both(
        store.record(Actor::Device, note("a")),
        store.record(Actor::Device, note("b")),
    )
    .await;
    let (a, b) = (a.expect("a"), b.expect("b"));
    assert_ne!(a.seq, b.seq);
    assert_eq!(
        seqs(&store).await,
        vec![first.seq, first.seq + 1, first.seq + 2]
    );
    // And the copy is right again afterwards.
    let last = store.record(Actor::Device, note("c")).await.expect("c");
    assert_eq!(last.seq, first.seq + 3);
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}
