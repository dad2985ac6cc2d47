//! The event store against the real IndexedDB of headless Chromium (wasm-bindgen-test).
//! Each test opens its own database name so that tests never see each other's data.

use super::idb::{self, IdbError, WriteTx};
use super::{EventStore, event_record, outbox_record};
use domain::event::{Actor, EventBody, OutboxEntry};
use domain::ids::CampaignId;
use domain::storage_schema::{self, EVENTS, OUTBOX};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_name(test: &str) -> String {
    format!("palier-test-{test}-{}", js_sys::Math::random())
}

fn note(text: &str) -> EventBody {
    EventBody::FieldNoteRecorded {
        text: text.to_owned(),
    }
}

async fn open(name: &str) -> EventStore {
    EventStore::open_named(name, storage_schema::current_version())
        .await
        .expect("open")
}

#[wasm_bindgen_test]
async fn recorded_events_read_back_in_order_with_their_outbox_entries() {
    let name = fresh_name("write");
    let store = open(&name).await;
    for text in [
        "Hall A propre",
        "Interphone B en panne",
        "Gardien absent le mardi",
    ] {
        store
            .record_in(Actor::Device, CampaignId::demo(), note(text))
            .await
            .expect("record");
    }
    let events = store.events().await.expect("events");
    let texts: Vec<_> = events
        .iter()
        .map(|e| match &e.body {
            EventBody::FieldNoteRecorded { text } => text.as_str(),
            other => panic!("unexpected body {other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Hall A propre",
            "Interphone B en panne",
            "Gardien absent le mardi"
        ]
    );
    assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(events.iter().all(|e| e.validate().is_ok()));

    let outbox = store.outbox().await.expect("outbox");
    assert_eq!(
        outbox.iter().map(|o| &o.event_id).collect::<Vec<_>>(),
        events.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}

/// Makes every `add` and `put` throw as a full device does (or undoes it).
pub(crate) fn device_full(full: bool) {
    refuse_writes(full.then_some(""));
}

/// Makes `add` and `put` throw as on a full device: on the store named, or on every store for
/// `Some("")`; `None` undoes it.
pub(crate) fn refuse_writes(store: Option<&str>) {
    let script = match store {
        Some(name) => format!(
            "(() => {{ globalThis.__palierWrites = {{}}; \
               for (const verb of ['add', 'put']) {{ \
                 const original = IDBObjectStore.prototype[verb]; \
                 globalThis.__palierWrites[verb] = original; \
                 IDBObjectStore.prototype[verb] = function (...args) {{ \
                   if ('{name}' === '' || this.name === '{name}') \
                     throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); \
                   return original.apply(this, args); }}; }} }})()"
        ),
        None => "for (const [verb, original] of Object.entries(globalThis.__palierWrites)) \
                   IDBObjectStore.prototype[verb] = original"
            .into(),
    };
    js_sys::eval(&script).expect("patched");
}

#[wasm_bindgen_test]
async fn a_full_device_still_reads_its_id_and_its_log() {
    let name = fresh_name("full");
    let store = open(&name).await;
    let device = store.device().await.expect("device");
    store
        .record_in(Actor::Device, CampaignId::demo(), note("avant"))
        .await
        .expect("record");
    device_full(true);
    // Asking for the id wrote the recorder back each time, and the field screens' read of the
    // log asks for it: on a full device that read failed whole.
    let read = store.device().await;
    let events = store.events().await;
    let refused = store
        .record_in(Actor::Device, CampaignId::demo(), note("plein"))
        .await;
    device_full(false);
    assert_eq!(read, Ok(device));
    assert_eq!(events.expect("the log").len(), 1);
    assert!(
        matches!(refused, Err(idb::IdbError::QuotaExceeded)),
        "writes are refused: {refused:?}"
    );
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn data_and_device_id_survive_closing_and_reopening() {
    let name = fresh_name("reopen");
    let store = open(&name).await;
    let device = store.device().await.expect("device");
    store
        .record_in(Actor::Device, CampaignId::demo(), note("avant fermeture"))
        .await
        .expect("record");
    store.close();

    let again = open(&name).await;
    assert_eq!(
        again.device().await.expect("device"),
        device,
        "the device keeps its id"
    );
    let next = again
        .record_in(Actor::Device, CampaignId::demo(), note("après"))
        .await
        .expect("record");
    assert_eq!(next.seq, 2, "the sequence continues where it stopped");
    assert_eq!(next.device, device);
    assert_eq!(again.events().await.expect("events").len(), 2);
    again.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn two_connections_writing_at_once_never_share_a_sequence_number() {
    // Two tabs of the same app: IndexedDB serialises their read-write transactions.
    let name = fresh_name("concurrent");
    let (a, b) = (open(&name).await, open(&name).await);
    let (ea, eb) = futures_join(
        a.record_in(Actor::Device, CampaignId::demo(), note("onglet 1")),
        b.record_in(Actor::Device, CampaignId::demo(), note("onglet 2")),
    )
    .await;
    let (ea, eb) = (ea.expect("a"), eb.expect("b"));
    let mut seqs = [ea.seq, eb.seq];
    seqs.sort_unstable();
    assert_eq!(seqs, [1, 2]);
    assert_eq!(a.outbox_len().await.expect("count"), 2);
    a.close();
    b.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn a_failed_write_leaves_neither_the_event_nor_its_outbox_entry() {
    let name = fresh_name("atomic");
    let store = open(&name).await;
    let first = store
        .record_in(Actor::Device, CampaignId::demo(), note("premier"))
        .await
        .expect("record");

    // Same transaction shape as `record`: an outbox entry, then an event whose id already exists.
    // The event's `add` fails (ConstraintError) and must take the outbox entry down with it.
    let mut clash = first.clone();
    clash.seq = 99;
    let orphan = OutboxEntry {
        seq: 99,
        ..OutboxEntry::for_event(&clash, 0)
    };
    let orphan_record = outbox_record(&orphan).expect("record");
    // A key of its own, so that the outbox write itself succeeds and only the event write fails.
    js_sys::Reflect::set(
        &orphan_record,
        &"event_id".into(),
        &"not-the-first-event".into(),
    )
    .expect("set");
    let tx = WriteTx::begin(store.database(), &[EVENTS, OUTBOX]).expect("tx");
    tx.add(OUTBOX, &orphan_record).expect("queue outbox");
    tx.add(EVENTS, &event_record(&clash).expect("record"))
        .expect("queue event");
    let result = tx.committed().await;
    assert!(
        matches!(&result, Err(IdbError::Failed { name, .. }) if name == "ConstraintError"),
        "expected a ConstraintError, got {result:?}"
    );

    assert_eq!(
        store.outbox_len().await.expect("count"),
        1,
        "only the first event's entry remains"
    );
    assert_eq!(store.events().await.expect("events").len(), 1);
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn upgrading_from_schema_version_1_keeps_the_events_and_adds_the_indexes() {
    let name = fresh_name("upgrade");
    let old = EventStore::open_named(&name, 1).await.expect("open v1");
    // A version-1 database has no `by_seq` index: write the way version 1 did, straight in.
    let mut recorder = domain::event::Recorder::new(domain::ids::DeviceId::from_random([7; 16]));
    let event = recorder.record(
        1_764_000_000_000,
        [1; 10],
        Actor::Device,
        CampaignId::demo(),
        note("écrit en v1"),
    );
    let tx = WriteTx::begin(old.database(), &[EVENTS]).expect("tx");
    tx.add(EVENTS, &event_record(&event).expect("record"))
        .expect("add");
    tx.committed().await.expect("commit");
    old.close();

    let upgraded = open(&name).await;
    assert_eq!(
        upgraded.database().version() as u32,
        storage_schema::current_version()
    );
    assert_eq!(
        event_indexes(&upgraded),
        [true, false],
        "the sequence guard created on the way, the clock index created and dropped"
    );
    let events = upgraded.events().await.expect("read back");
    assert_eq!(events, vec![event]);
    upgraded.close();
    idb::delete_database(&name).await.expect("cleanup");
}

/// Whether the events store has, in this order, the `by_device_seq` and the `by_hlc` index.
fn event_indexes(store: &EventStore) -> [bool; 2] {
    let tx = store.database().transaction_with_str(EVENTS).expect("tx");
    let events = tx.object_store(EVENTS).expect("store");
    ["by_device_seq", "by_hlc"].map(|name| events.index(name).is_ok())
}

#[wasm_bindgen_test]
async fn upgrading_from_schema_version_4_drops_the_clock_index_and_keeps_every_event_in_clock_order()
 {
    let name = fresh_name("upgrade-v4");
    let old = EventStore::open_named(&name, 4).await.expect("open v4");
    assert_eq!(event_indexes(&old), [true, true]);
    // This device's own events, written by the store as version 4 had them...
    for text in ["avant", "pendant", "après"] {
        old.record_in(Actor::Device, CampaignId::demo(), note(text))
            .await
            .expect("record");
    }
    // ...and three other devices' events, as pulls bring them: clocks that went backwards (an id
    // of an earlier millisecond with a later clock reading), readings shared by two devices (the
    // device breaks the tie), counters past 0x9 and 0xf, and ids whose order is not the clock's.
    let tx = WriteTx::begin(old.database(), &[EVENTS]).expect("tx");
    for device in [0xeeu8, 0x11, 0x42] {
        let mut other =
            domain::event::Recorder::new(domain::ids::DeviceId::from_random([device; 16]));
        for n in 0..30u64 {
            let now = [1_764_000_000_900, 1_764_000_000_000, 1_764_000_000_500][n as usize % 3];
            // Byte 3 of the randomness lands in the id's last bytes: no two devices share an id.
            let mut random = [(200 - n as u8).wrapping_mul(7); 10];
            random[3] = device;
            let event = other.record(
                now + n / 10,
                random,
                Actor::Device,
                CampaignId::demo(),
                note(&format!("{device:02x}-{n}")),
            );
            tx.add(EVENTS, &event_record(&event).expect("record"))
                .expect("add");
        }
    }
    tx.committed().await.expect("commit");
    // The order version 4 read them in, through its index.
    let through_index: Vec<domain::event::EventEnvelope> =
        idb::get_all(old.database(), EVENTS, Some("by_hlc"))
            .await
            .expect("by_hlc")
            .iter()
            .map(|r| super::from_json(&r).expect("event"))
            .collect();
    assert_eq!(through_index.len(), 93);
    let mut by_id = through_index.clone();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    assert_ne!(by_id, through_index, "ids and clocks disagree somewhere");
    old.close();

    let upgraded = open(&name).await;
    assert_eq!(upgraded.database().version(), 5.0);
    assert_eq!(
        event_indexes(&upgraded),
        [true, false],
        "only by_hlc dropped"
    );
    assert_eq!(
        upgraded.events().await.expect("events"),
        through_index,
        "every event, in the order the index gave"
    );
    assert_eq!(upgraded.outbox_len().await.expect("outbox"), 3);
    // Writing goes on where it was: the next sequence number, last on the clock.
    let next = upgraded
        .record_in(
            Actor::Device,
            CampaignId::demo(),
            note("après la mise à jour"),
        )
        .await
        .expect("record after the upgrade");
    assert_eq!(next.seq, 4);
    let events = upgraded.events().await.expect("events");
    assert_eq!(events.len(), 94);
    assert_eq!(events.last(), Some(&next));
    // A stored id is still refused, and its whole transaction with it.
    let tx = WriteTx::begin(upgraded.database(), &[EVENTS]).expect("tx");
    tx.add(EVENTS, &event_record(&through_index[40]).expect("record"))
        .expect("queued");
    let refused = tx.committed().await;
    assert!(
        matches!(&refused, Err(IdbError::Failed { name, .. }) if name == "ConstraintError"),
        "expected a ConstraintError, got {refused:?}"
    );
    upgraded.close();
    idb::delete_database(&name).await.expect("cleanup");
}

#[wasm_bindgen_test]
async fn events_of_another_device_with_the_same_sequence_numbers_are_kept_side_by_side() {
    let name = fresh_name("two-devices");
    let store = open(&name).await;
    let mine = store
        .record_in(Actor::Device, CampaignId::demo(), note("ici"))
        .await
        .expect("record");
    // Another device's first event, as a pull brings it: sequence 1 as well.
    let mut other = domain::event::Recorder::new(domain::ids::DeviceId::from_random([5; 16]));
    let theirs = other.record(
        mine.hlc.wall_ms + 1,
        [2; 10],
        Actor::Device,
        CampaignId::demo(),
        note("là-bas"),
    );
    assert_eq!((mine.seq, theirs.seq), (1, 1));
    let tx = WriteTx::begin(store.database(), &[EVENTS]).expect("tx");
    tx.add(EVENTS, &event_record(&theirs).expect("record"))
        .expect("add");
    tx.committed()
        .await
        .expect("both devices' sequence 1 fit in the store");
    assert_eq!(
        store.events().await.expect("events"),
        vec![mine, theirs],
        "in clock order"
    );
    store.close();
    idb::delete_database(&name).await.expect("cleanup");
}

/// Polls two futures together on the single-threaded executor (no extra crate for one join).
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    use std::pin::pin;
    use std::task::Poll;
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(|cx| {
        if ra.is_none()
            && let Poll::Ready(v) = a.as_mut().poll(cx)
        {
            ra = Some(v);
        }
        if rb.is_none()
            && let Poll::Ready(v) = b.as_mut().poll(cx)
        {
            rb = Some(v);
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    (ra.expect("a done"), rb.expect("b done"))
}
