//! Where Palier's write time goes, measured (issue #9): the bulk write cut into its parts (making
//! the events and their records in wasm, the packed texts added with `add` or with `put` for the
//! events, a plain JS loop of prebuilt records with `put` or `add`, the same loop with the
//! `by_hlc` index that schema version 5 dropped, the whole `record_batch`), and the single visit write against a bare JS
//! transaction of the same three records, back to back and spaced, with no read, the recorder
//! read, or the recorder and the enrollment read as Palier does, with the browser's default
//! durability and with "strict"; and the batch write with its ids ascending against the same
//! ids in random order. Prints `PALIER_PROFILE {json}` lines; a diagnosis for BENCHMARKS.md, not
//! a figure the bench command collects.

use super::compare::{
    bare_visit_write, bare_visit_write_reads, default_durability, list, pause, put_loop_into,
    raw_put_loop_with_hlc,
};
use super::{now, percentile, visit};
use crate::store::idb::{self, WriteTx};
use crate::store::{EventStore, event_record, outbox_record, recorder_record};
use domain::event::{Actor, OutboxEntry, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::storage_schema::{self, EVENTS, OUTBOX};
use js_sys::Array;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

/// Full size under `PALIER_BENCH_EVENTS`; tiny in the test command (its browser run has 20 s).
const SIZE: usize = match option_env!("PALIER_BENCH_EVENTS") {
    Some(_) => 10_000,
    None => 100,
};
const RUNS: usize = match option_env!("PALIER_BENCH_EVENTS") {
    Some(_) => 5,
    None => 1,
};
const WRITES: usize = match option_env!("PALIER_BENCH_EVENTS") {
    Some(_) => 100,
    None => 10,
};

async fn fresh() -> (EventStore, String) {
    let name = format!("palier-profile-{}", js_sys::Math::random());
    let store = EventStore::open_named(&name, storage_schema::current_version())
        .await
        .expect("open");
    (store, name)
}

async fn dispose(store: EventStore, name: &str) {
    store.close();
    idb::delete_database(name).await.expect("cleanup");
}

fn build(size: usize, device: u8) -> (Array, Array) {
    let mut recorder = Recorder::new(DeviceId::from_random([device; 16]));
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

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    percentile(xs, 50.0)
}

#[wasm_bindgen_test]
async fn profile_where_the_write_time_goes() {
    let mut build_ms = Vec::new();
    let mut json_only_ms = Vec::new();
    let mut js_loop_ms = Vec::new();
    let mut js_loop_add_ms = Vec::new();
    let mut js_loop_with_hlc_ms = Vec::new();
    let mut packed_ms = Vec::new();
    let mut packed_put_ms = Vec::new();
    let mut pack_ms = Vec::new();
    let mut batch_ms = Vec::new();
    for run in 0..RUNS {
        // Making the records alone, and the JSON alone (no JS object).
        let start = now();
        let records = build(SIZE, 7 + run as u8);
        build_ms.push(now() - start);
        let start = now();
        let mut recorder = Recorder::new(DeviceId::from_random([1; 16]));
        let mut bytes = 0;
        for n in 0..SIZE as u64 {
            let event = recorder.record(n, [5; 10], Actor::Device, CampaignId::demo(), visit(n));
            bytes += serde_json::to_string(&event).expect("json").len();
            bytes += serde_json::to_string(&OutboxEntry::for_event(&event, 0))
                .expect("json")
                .len();
        }
        json_only_ms.push(now() - start);
        assert!(bytes > 0);
        // The packed texts Palier's batch hands to JS, made before the clock (and timed alone).
        let start = now();
        let mut texts = Vec::new();
        let mut packed = crate::store::idb_records::Packed::default();
        let mut recorder = Recorder::new(DeviceId::from_random([2 + run as u8; 16]));
        for n in 0..SIZE as u64 {
            let event = recorder.record(
                1_764_100_000_000 + n,
                [5; 10],
                Actor::Device,
                CampaignId::demo(),
                visit(n),
            );
            if packed
                .pack(&event, &OutboxEntry::for_event(&event, 0))
                .expect("pack")
            {
                let (text, count) = packed.text();
                texts.push((text.to_owned(), count));
                packed = Default::default();
            }
        }
        let (text, count) = packed.text();
        texts.push((text.to_owned(), count));
        pack_ms.push(now() - start);
        for k in 0..6 {
            let (store, name) = fresh().await;
            match (run + k) % 6 {
                // The packed texts added as Palier's batch adds them: events with `add`, or with
                // `put` as a batch whose ids were checked first.
                k @ (4 | 5) => {
                    let put = k == 5;
                    let start = now();
                    let tx = WriteTx::begin(store.database(), &[EVENTS, OUTBOX]).expect("tx");
                    let (events, outbox) =
                        (tx.store(EVENTS).expect("s"), tx.store(OUTBOX).expect("s"));
                    let later = js_sys::Array::new();
                    for (text, count) in &texts {
                        crate::store::idb_records::add_events_with_outbox(
                            &events, &later, text, *count, put,
                        )
                        .expect("add");
                    }
                    crate::store::idb_records::put_all(&outbox, &later).expect("put");
                    tx.committed().await.expect("commit");
                    if put {
                        packed_put_ms.push(now() - start);
                    } else {
                        packed_ms.push(now() - start);
                    }
                }
                // The plain loop, and the same loop with `add` for the events.
                k @ (0 | 3) => {
                    let p = put_loop_into(store.database(), &records.0, &records.1, k == 3);
                    let ms = JsFuture::from(p).await.expect("loop").as_f64().expect("ms");
                    if k == 3 {
                        js_loop_add_ms.push(ms);
                    } else {
                        js_loop_ms.push(ms);
                    }
                }
                // The plain loop into the layout with the `by_hlc` index (schema versions 2 to
                // 4): what one index costs.
                1 => {
                    let other = format!("{name}-with-hlc");
                    let p = raw_put_loop_with_hlc(&other, &records.0, &records.1, true);
                    let result = JsFuture::from(p).await.expect("loop");
                    let field = |k: &str| {
                        js_sys::Reflect::get(&result, &k.into())
                            .ok()
                            .and_then(|v| v.as_f64())
                            .expect("figure")
                    };
                    assert_eq!(field("events") as usize, SIZE);
                    js_loop_with_hlc_ms.push(field("ms"));
                    dispose(store, &name).await;
                    continue;
                }
                _ => {
                    let bodies = (0..SIZE as u64).map(visit).collect();
                    let start = now();
                    store
                        .record_batch(Actor::Device, bodies)
                        .await
                        .expect("batch");
                    batch_ms.push(now() - start);
                }
            }
            assert_eq!(
                idb::count(store.database(), EVENTS).await.expect("n"),
                SIZE as u32
            );
            dispose(store, &name).await;
        }
    }

    // Single writes on one store: Palier's `record`, then bare JS transactions of the same three
    // records (with the recorder read inside, without it, and "strict"), interleaved write by write.
    let (store, name) = fresh().await;
    let durability = default_durability(store.database());
    let mut reference = Recorder::new(DeviceId::from_random([8; 16]));
    let mut times: [Vec<f64>; 6] = Default::default();
    let mut spaced: [Vec<f64>; 2] = Default::default();
    for n in 0..(2 * WRITES) as u64 {
        let spacing = n >= WRITES as u64;
        for k in 0..6usize {
            let which = (n as usize + k) % 6;
            if spacing && which > 1 {
                continue;
            }
            if spacing {
                JsFuture::from(pause(20)).await.expect("pause");
            }
            let ms = if which == 0 {
                let start = now();
                store.record(Actor::Device, visit(n)).await.expect("record");
                now() - start
            } else {
                let event = reference.record(
                    // Distinct ids: the clock part differs for each write.
                    1_764_200_000_000 + 6 * n + which as u64,
                    [4; 10],
                    Actor::Device,
                    CampaignId::demo(),
                    visit(n),
                );
                let entry = OutboxEntry::for_event(&event, 0);
                let rec = recorder_record(&reference).expect("rec");
                let _ = js_sys::Reflect::set(&rec, &"key".into(), &"bench-recorder".into());
                let (event, entry) = (
                    event_record(&event).expect("r"),
                    outbox_record(&entry).expect("r"),
                );
                let p = match which {
                    // The recorder and the enrollment read first by two requests answered
                    // together (Palier until 2026-11-26), or by one over their keys (since).
                    4 | 5 => bare_visit_write_reads(
                        store.database(),
                        &event,
                        &entry,
                        &rec,
                        which as u32 - 2,
                        "default",
                    ),
                    _ => bare_visit_write(
                        store.database(),
                        &event,
                        &entry,
                        &rec,
                        which == 1,
                        if which == 3 { "strict" } else { "default" },
                    ),
                };
                JsFuture::from(p).await.expect("bare").as_f64().expect("ms")
            };
            if spacing {
                spaced[which].push(ms);
            } else {
                times[which].push(ms);
            }
        }
    }
    dispose(store, &name).await;
    let p = |xs: &mut Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        format!("[{:.3},{:.3}]", percentile(xs, 50.0), percentile(xs, 95.0))
    };
    let [mut a, mut b, mut c, mut d, mut g, mut h] = times;
    let [mut e, mut f] = spaced;
    web_sys::console::log_1(
        &format!(
            "PALIER_PROFILE {{\"size\":{SIZE},\"runs\":{RUNS},\"build\":{:.1},\"json_only\":{:.1},\"js_loop\":{:.1},\"js_loop_add\":{:.1},\"js_loop_with_hlc\":{:.1},\"pack\":{:.1},\"packed_add\":{:.1},\"packed_put\":{:.1},\"record_batch\":{:.1},\"durability\":\"{durability}\",\"single_p50_p95\":{{\"palier\":{},\"bare_read\":{},\"bare_two_reads\":{},\"bare_one_range_read\":{},\"bare\":{},\"bare_strict\":{},\"spaced_palier\":{},\"spaced_bare_read\":{}}}}}",
            median(&mut build_ms),
            median(&mut json_only_ms),
            median(&mut js_loop_ms),
            median(&mut js_loop_add_ms),
            median(&mut js_loop_with_hlc_ms),
            median(&mut pack_ms),
            median(&mut packed_ms),
            median(&mut packed_put_ms),
            median(&mut batch_ms),
            p(&mut a), p(&mut b), p(&mut g), p(&mut h), p(&mut c), p(&mut d), p(&mut e), p(&mut f)
        )
        .into(),
    );
}

/// Reading the whole log (`EventStore::events`, what the field app and the projections do when
/// they start) as until schema version 5, through the `by_hlc` index, against reading it in key
/// order and sorting it by clock in wasm, as since: the same database, kept at version 4 (which
/// still has the index), the two reads alternated; and the sort alone on the log shuffled (a log
/// read in key order is nearly in clock order already: ids are UUIDv7s, their millisecond first).
/// Prints one `PALIER_PROFILE_READ {json}` line; a diagnosis, not a figure the bench collects.
#[wasm_bindgen_test]
async fn profile_reading_the_whole_log() {
    let name = format!("palier-profile-read-{}", js_sys::Math::random());
    let store = EventStore::open_named(&name, 4).await.expect("open v4");
    let mut other = Recorder::new(DeviceId::from_random([9; 16]));
    super::fill(&store, &mut other, 0, super::STORED).await;
    JsFuture::from(pause(super::SETTLE_MS))
        .await
        .expect("pause");
    let (mut through_index_ms, mut sorted_ms, mut sort_ms) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..2 * RUNS {
        let start = now();
        let events = if run % 2 == 0 {
            let records: Vec<wasm_bindgen::JsValue> =
                idb::get_all(store.database(), EVENTS, Some("by_hlc"))
                    .await
                    .expect("by_hlc")
                    .iter()
                    .collect();
            let events = crate::store::vault::open_all(&name, &records)
                .await
                .expect("open");
            through_index_ms.push(now() - start);
            events
        } else {
            let events = store.events().await.expect("events");
            sorted_ms.push(now() - start);
            events
        };
        assert_eq!(events.len() as u64, super::STORED);
        let n = events.len();
        let mut shuffled: Vec<_> = (0..n).map(|i| events[(i * 7_919) % n].clone()).collect();
        let start = now();
        storage_schema::in_clock_order(&mut shuffled);
        sort_ms.push(now() - start);
        assert!(
            shuffled == events,
            "the sort found another order than the index"
        );
    }
    dispose(store, &name).await;
    web_sys::console::log_1(
        &format!(
            "PALIER_PROFILE_READ {{\"events\":{},\"runs\":{RUNS},\"through_by_hlc\":{:.1},\"key_order_sorted\":{:.1},\"sort_of_shuffled_log\":{:.1},\"through_by_hlc_all\":{:?},\"key_order_sorted_all\":{:?}}}",
            super::STORED,
            median(&mut through_index_ms.clone()),
            median(&mut sorted_ms.clone()),
            median(&mut sort_ms),
            through_index_ms.iter().map(|x| x.round()).collect::<Vec<_>>(),
            sorted_ms.iter().map(|x| x.round()).collect::<Vec<_>>(),
        )
        .into(),
    );
}

/// What dropping the `by_hlc` index (schema version 5) changed for Palier itself, in one page so
/// that the machine's load falls on both alike: `record_batch` into a fresh database at version 4
/// (with the index) and at the current version, in the order A B B A…, first at `SIZE` events
/// then at ten times that; and single visit writes (`EventStore::record`) into two databases, one
/// at each version, each holding `SIZE` events, interleaved write by write. Prints one
/// `PALIER_PROFILE_INDEX {json}` line; a diagnosis for BENCHMARKS.md.
#[wasm_bindgen_test]
async fn profile_the_clock_index() {
    let versions = [4, storage_schema::current_version()];
    let open = |version: u32| async move {
        let name = format!("palier-profile-v{version}-{}", js_sys::Math::random());
        let store = EventStore::open_named(&name, version).await.expect("open");
        (store, name)
    };
    let mut bulk: [[Vec<f64>; 2]; 2] = Default::default();
    for (s, (size, runs)) in [(SIZE, 2 * RUNS), (10 * SIZE, 2)].into_iter().enumerate() {
        for run in 0..2 * runs {
            // A B B A: a drift of the machine's load, and the browser compacting after the last
            // run's database was deleted (one LevelDB per origin), fall on both versions alike.
            let v = [0, 1, 1, 0][run % 4];
            let (store, name) = open(versions[v]).await;
            let bodies = (0..size as u64).map(visit).collect();
            let start = now();
            store
                .record_batch(Actor::Device, bodies)
                .await
                .expect("batch");
            bulk[s][v].push(now() - start);
            assert_eq!(
                idb::count(store.database(), EVENTS).await.expect("n"),
                size as u32
            );
            dispose(store, &name).await;
            JsFuture::from(pause(super::SETTLE_MS))
                .await
                .expect("pause");
        }
    }
    let (old, old_name) = open(versions[0]).await;
    let (new, new_name) = open(versions[1]).await;
    for (i, store) in [&old, &new].into_iter().enumerate() {
        let mut other = Recorder::new(DeviceId::from_random([20 + i as u8; 16]));
        super::fill(store, &mut other, 0, SIZE as u64).await;
    }
    JsFuture::from(pause(super::SETTLE_MS))
        .await
        .expect("pause");
    let mut single: [Vec<f64>; 2] = Default::default();
    for n in 0..(6 * WRITES) as u64 {
        for k in 0..2 {
            let v = (n as usize + k) % 2;
            let store = [&old, &new][v];
            let start = now();
            store.record(Actor::Device, visit(n)).await.expect("record");
            // The first writes of each store warm up, unmeasured.
            if n >= 20 {
                single[v].push(now() - start);
            }
        }
    }
    dispose(old, &old_name).await;
    dispose(new, &new_name).await;
    let all = |xs: &[f64]| {
        let parts: Vec<String> = xs.iter().map(|x| format!("{x:.0}")).collect();
        format!("[{}]", parts.join(","))
    };
    let p = |xs: &mut Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        format!("[{:.3},{:.3}]", percentile(xs, 50.0), percentile(xs, 95.0))
    };
    let [[small_v4, small_v5], [large_v4, large_v5]] = &bulk;
    let [mut single_v4, mut single_v5] = single;
    web_sys::console::log_1(
        &format!(
            "PALIER_PROFILE_INDEX {{\"size\":{SIZE},\"batch_v4\":{},\"batch_v5\":{},\"batch_x10_v4\":{},\"batch_x10_v5\":{},\"single_p50_p95_v4\":{},\"single_p50_p95_v5\":{},\"single_writes\":{}}}",
            all(small_v4),
            all(small_v5),
            all(large_v4),
            all(large_v5),
            p(&mut single_v4),
            p(&mut single_v5),
            6 * WRITES - 20,
        )
        .into(),
    );
}

/// (events, runs of each order) for [`profile_the_order_of_a_batch_ids`]; tiny in the test command.
const ORDER_SIZES: &[(usize, usize)] = match option_env!("PALIER_BENCH_EVENTS") {
    Some(_) => &[(10_000, 6), (100_000, 4)],
    None => &[(100, 1)],
};

/// Palier's batch write with its ids as made since 2026-11-28 (one draw counted up: ascending)
/// against ids each drawn apart (as before: random order within the batch's millisecond),
/// alternated run by run, each into a fresh database 2 s after it opened (the previous run's
/// deletion settles). Prints one `PALIER_PROFILE_ORDER {json}` line.
#[wasm_bindgen_test]
async fn profile_the_order_of_a_batch_ids() {
    let settle = if option_env!("PALIER_BENCH_EVENTS").is_some() {
        2_000
    } else {
        0
    };
    let mut sizes = Vec::new();
    for &(size, runs) in ORDER_SIZES {
        let (mut ascending, mut apart) = (Vec::new(), Vec::new());
        for run in 0..runs * 2 {
            let drawn_apart = run % 4 == 1 || run % 4 == 2;
            let (store, name) = fresh().await;
            JsFuture::from(pause(settle)).await.expect("pause");
            let bodies = (0..size as u64).map(visit).collect();
            let start = now();
            let random = match drawn_apart {
                true => {
                    let mut random = vec![0u8; 10 * size];
                    random
                        .chunks_mut(65_530)
                        .for_each(crate::store::fill_random);
                    random
                }
                false => {
                    let mut first = [0u8; 10];
                    crate::store::fill_random(&mut first);
                    domain::ids::EventId::ascending_randomness(first, size)
                }
            };
            let at = crate::sync::clock::stamping_now_ms();
            let written = store
                .record_drawn(Actor::Device, None, bodies, at, &random)
                .await
                .expect("batch");
            let ms = now() - start;
            assert_eq!(written.len(), size);
            assert_eq!(
                written.windows(2).all(|pair| pair[0].id < pair[1].id),
                !drawn_apart || size < 2,
                "ids ascend only when counted up from one draw"
            );
            assert_eq!(
                idb::count(store.database(), EVENTS).await.expect("n"),
                size as u32
            );
            dispose(store, &name).await;
            match drawn_apart {
                true => apart.push(ms),
                false => ascending.push(ms),
            }
        }
        sizes.push(format!(
            "{{\"events\":{size},\"ascending\":{},\"drawn_apart\":{}}}",
            list(&ascending),
            list(&apart)
        ));
    }
    web_sys::console::log_1(&format!("PALIER_PROFILE_ORDER [{}]", sizes.join(",")).into());
}
