//! Palier's bulk write against its references in the same page and run (issue #9): N events with
//! their outbox entries through `EventStore::record_batch`, against a plain IndexedDB put loop in
//! one transaction (the limit) and Dexie 4 `bulkPut` (compare.js). Each run writes into a fresh
//! database, deleted afterwards; the order of the three rotates from run to run so that a busy
//! moment of the machine does not always land on the same one. Prints one
//! `PALIER_BENCH_BULK {json}` line with every run's time, for `cargo xtask bench` to collect.
//!
//! Dexie is compiled into this test binary from `tests/node_modules` (`npm ci` in tests/, which
//! `cargo xtask test` and `cargo xtask bench` run first): no CDN, and nothing of it reaches the
//! app's bundle, since this whole module exists only under `cfg(test)`.

use super::{now, visit};
use crate::store::{EventStore, event_record, idb, outbox_record};
use domain::event::{Actor, EventBody, OutboxEntry, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::storage_schema::{self, EVENTS, OUTBOX};
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

const DEXIE_JS: &str = include_str!("../../../../tests/node_modules/dexie/dist/dexie.min.js");

#[wasm_bindgen(module = "/src/store/bench/compare.js")]
extern "C" {
    #[wasm_bindgen(js_name = rawPutLoop)]
    fn raw_put_loop(name: &str, events: &Array, outbox: &Array) -> js_sys::Promise;
    /// The same loop into the layout of schema versions 2 to 4, with the `by_hlc` index (the
    /// profile's measure of what one index costs).
    #[wasm_bindgen(js_name = rawPutLoop)]
    pub(super) fn raw_put_loop_with_hlc(
        name: &str,
        events: &Array,
        outbox: &Array,
        with_hlc: bool,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = loadDexie)]
    fn load_dexie(source: &str) -> String;
    #[wasm_bindgen(js_name = dexieBulkPut)]
    fn dexie_bulk_put(name: &str, events: &Array, outbox: &Array) -> js_sys::Promise;
    #[wasm_bindgen(js_name = bareVisitWrite)]
    pub(super) fn bare_visit_write(
        db: &web_sys::IdbDatabase,
        event: &JsValue,
        outbox: &JsValue,
        recorder: &JsValue,
        read: bool,
        durability: &str,
    ) -> js_sys::Promise;
    /// The same with the recorder and the enrollment read first (`reads` 2), as Palier does.
    #[wasm_bindgen(js_name = bareVisitWrite)]
    pub(super) fn bare_visit_write_reads(
        db: &web_sys::IdbDatabase,
        event: &JsValue,
        outbox: &JsValue,
        recorder: &JsValue,
        reads: u32,
        durability: &str,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = putLoopInto)]
    pub(super) fn put_loop_into(
        db: &web_sys::IdbDatabase,
        events: &Array,
        outbox: &Array,
        add_events: bool,
    ) -> js_sys::Promise;
    pub(super) fn pause(ms: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = defaultDurability)]
    pub(super) fn default_durability(db: &web_sys::IdbDatabase) -> String;
}

/// (events written per run, runs): full size under `cargo xtask bench`, tiny in the test command.
const SIZES: &[(usize, usize)] = match option_env!("PALIER_BENCH_EVENTS") {
    Some(_) => &[(10_000, 5), (100_000, 5)],
    None => &[(300, 2)],
};

/// Milliseconds waited before each run at full size, after the previous run's database was
/// deleted (the browser keeps all of a page's databases in one store and clears the deleted
/// records in the background): without the wait, the nine 100,000-event runs of 2026-11-28
/// 00:16 took longer the later they came, 12.5 s for the first and 13.4 to 15.6 s for the last
/// five, whoever wrote (BENCHMARKS.md, history).
const SETTLE_MS: u32 = match option_env!("PALIER_BENCH_EVENTS") {
    Some(_) => 2_000,
    None => 0,
};

#[derive(Clone, Copy)]
enum Writer {
    Palier,
    Raw,
    Dexie,
}

/// One run: milliseconds until the transaction is complete; checks that every record landed.
async fn write_once(writer: Writer, size: usize) -> f64 {
    let name = format!("palier-bulk-{}", js_sys::Math::random());
    let figures = match writer {
        Writer::Palier => {
            let store = EventStore::open_named(&name, storage_schema::current_version())
                .await
                .expect("open");
            let bodies: Vec<EventBody> = (0..size as u64).map(visit).collect();
            let start = now();
            let written = store
                .record_batch(Actor::Device, bodies)
                .await
                .expect("record_batch");
            let ms = now() - start;
            assert_eq!(written.len(), size);
            assert_eq!(
                idb::count(store.database(), EVENTS).await.expect("n"),
                size as u32
            );
            assert_eq!(
                idb::count(store.database(), OUTBOX).await.expect("n"),
                size as u32
            );
            store.close();
            idb::delete_database(&name).await.expect("cleanup");
            return ms;
        }
        // Built for this run only, before its clock starts: kept across runs, 200,000 live JS
        // objects would weigh on every garbage collection of Palier's runs too.
        Writer::Raw => {
            let records = reference_records(size);
            raw_put_loop(&name, &records.0, &records.1)
        }
        Writer::Dexie => {
            let records = reference_records(size);
            dexie_bulk_put(&name, &records.0, &records.1)
        }
    };
    let result = JsFuture::from(figures).await.expect("reference write");
    let field = |k: &str| {
        Reflect::get(&result, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
            .expect("figure")
    };
    assert_eq!(field("events") as usize, size, "events written");
    assert_eq!(field("outbox") as usize, size, "outbox entries written");
    field("ms")
}

/// The same records Palier writes (`event_record`, `outbox_record`), built before any clock starts.
pub(super) fn reference_records(size: usize) -> (Array, Array) {
    let mut recorder = Recorder::new(DeviceId::from_random([7; 16]));
    let (events, outbox) = (Array::new(), Array::new());
    for n in 0..size as u64 {
        let event = recorder.record(
            1_764_100_000_000 + n,
            [5; 10],
            Actor::Device,
            CampaignId::demo(),
            visit(n),
        );
        events.push(&event_record(&event).expect("record"));
        let entry = OutboxEntry::for_event(&event, 1_764_100_000_000);
        outbox.push(&outbox_record(&entry).expect("record"));
    }
    (events, outbox)
}

/// Times in ms as a JSON array, one decimal each.
pub(super) fn list(times: &[f64]) -> String {
    let parts: Vec<String> = times.iter().map(|t| format!("{t:.1}")).collect();
    format!("[{}]", parts.join(","))
}

#[wasm_bindgen_test]
async fn bench_bulk_writes_against_raw_indexeddb_and_dexie() {
    let dexie = load_dexie(DEXIE_JS);
    assert!(dexie.starts_with("4."), "Dexie {dexie} is not Dexie 4");
    let mut sizes = Vec::new();
    for &(size, runs) in SIZES {
        let mut times = [Vec::new(), Vec::new(), Vec::new()];
        for run in 0..runs {
            for k in 0..3 {
                let which = (run + k) % 3;
                let writer = [Writer::Palier, Writer::Raw, Writer::Dexie][which];
                JsFuture::from(pause(SETTLE_MS)).await.expect("pause");
                let ms = write_once(writer, size).await;
                assert!(ms.is_finite() && ms > 0.0, "a run gave {ms} ms");
                times[which].push(ms);
            }
        }
        sizes.push(format!(
            "{{\"events\":{size},\"runs\":{runs},\"palier\":{},\"raw\":{},\"dexie\":{}}}",
            list(&times[0]),
            list(&times[1]),
            list(&times[2])
        ));
    }
    web_sys::console::log_1(
        &format!(
            "PALIER_BENCH_BULK {{\"dexie\":\"{dexie}\",\"sizes\":[{}]}}",
            sizes.join(",")
        )
        .into(),
    );
}
