//! Reading the log while something happens (wasm-bindgen-test, real IndexedDB): what was
//! written during the read is still on screen once the read is done; a lock during it hides details.

use super::FieldData;
use crate::store::EventStore;
use domain::event::{Actor, EventBody};
use domain::ids::CampaignId;
use domain::storage_schema;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn note(n: usize) -> EventBody {
    EventBody::FieldNoteRecorded {
        text: format!("Hall {n} propre"),
    }
}

/// A log long enough for its read to take a good part of a second.
const STORED: usize = 20_000;

/// A store of its own holding `STORED` notes, under a reactive owner for the field data.
async fn store_with_a_long_log() -> (EventStore, Owner) {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    let name = format!("palier-test-reload-{}", js_sys::Math::random());
    let store = EventStore::open_named(&name, storage_schema::current_version())
        .await
        .expect("open");
    store
        .record_batch_in(
            Actor::Device,
            CampaignId::demo(),
            (0..STORED).map(note).collect(),
        )
        .await
        .expect("fill");
    (store, owner)
}

#[wasm_bindgen_test]
async fn what_is_saved_while_the_log_is_read_is_shown_once_the_read_is_done() {
    let (store, _owner) = store_with_a_long_log().await;

    let data = FieldData::new();
    data.reload(store.clone());
    // The read is under way (its events fetched, or being decoded) when a partner is saved, as
    // when someone taps "Enregistrer" right after a reload. Without the second read, the
    // read's result replaced the log on screen without it: (20000, 0) here, for delays from
    // 200 to 450 ms on this machine.
    pause(300).await;
    let saved = store
        .record_in(Actor::Device, CampaignId::demo(), note(STORED))
        .await
        .expect("save");
    data.recorded([saved.clone()]);

    for _ in 0..500 {
        if data.loaded.get_untracked() {
            break;
        }
        pause(20).await;
    }
    assert!(data.loaded.get_untracked(), "the log was read");
    let shown = data.events.with_untracked(|events| {
        (
            events.len(),
            events.iter().filter(|e| e.id == saved.id).count(),
        )
    });
    assert_eq!(
        shown,
        (STORED + 1, 1),
        "every event once, the saved one included"
    );
    assert_eq!(data.outbox_len.get_untracked() as usize, STORED + 1);
    store.close();
}

#[wasm_bindgen_test]
async fn the_log_is_shown_while_visits_keep_arriving_during_its_read() {
    let (store, _owner) = store_with_a_long_log().await;

    let data = FieldData::new();
    data.reload(store.clone());
    // Something arrives every 25 ms, as pages of a long pull or a busy kiosk do, for up to ten
    // seconds: the read of 20,000 events takes far longer than 25 ms. Reading again until
    // nothing arrived under the read kept the screens "loading" for as long as this lasted.
    const MOST: usize = 400;
    let deadline = js_sys::Date::now() + 10_000.0;
    let mut saved = Vec::new();
    while saved.len() < MOST && js_sys::Date::now() < deadline && !data.loaded.get_untracked() {
        let event = store
            .record_in(
                Actor::Device,
                CampaignId::demo(),
                note(STORED + saved.len()),
            )
            .await
            .expect("save");
        data.recorded([event.clone()]);
        saved.push(event);
        pause(25).await;
    }
    assert!(
        data.loaded.get_untracked(),
        "the log was still loading after {} arrivals",
        saved.len()
    );
    // A few more once it is shown: they are added on screen like any visit.
    for n in 0..3 {
        let event = store
            .record_in(
                Actor::Device,
                CampaignId::demo(),
                note(STORED + saved.len() + n),
            )
            .await
            .expect("save");
        data.recorded([event.clone()]);
        saved.push(event);
    }
    let shown: std::collections::HashSet<String> = data.events.with_untracked(|events| {
        assert_eq!(events.len(), STORED + saved.len(), "every event once");
        events.iter().map(|e| e.id.as_str().to_owned()).collect()
    });
    assert_eq!(shown.len(), STORED + saved.len());
    assert!(saved.iter().all(|e| shown.contains(e.id.as_str())));
    assert_eq!(
        data.outbox_len.get_untracked() as usize,
        STORED + saved.len()
    );
    store.close();
}

#[wasm_bindgen_test]
async fn a_read_begun_before_the_lock_brings_no_resident_detail_back() {
    let (store, _owner) = store_with_a_long_log().await;

    let data = FieldData::new();
    data.reload(store.clone());
    // "Verrouiller" is tapped while the read is under way; the lock's own read would come later.
    // Without the mark, the read ended and put every note back in clear under a locked header.
    pause(300).await;
    assert!(!data.loaded.get_untracked(), "the read is still under way");
    data.hide_personal(domain::at_rest::hide_personal);

    for _ in 0..500 {
        if data.loaded.get_untracked() {
            break;
        }
        pause(20).await;
    }
    assert!(data.loaded.get_untracked(), "the log was read");
    let (shown, in_clear) = data.events.with_untracked(|events| {
        let in_clear = events
            .iter()
            .filter(|e| matches!(&e.body, EventBody::FieldNoteRecorded { text } if text != domain::at_rest::LOCKED))
            .count();
        (events.len(), in_clear)
    });
    assert_eq!(shown, STORED, "every event is still listed");
    assert_eq!(in_clear, 0, "no note in clear after the lock");
    store.close();
}

/// A device holding its recorder but no résidence yet (its first read stopped half-way), full:
/// the first read shows the demo estate though it cannot store it, later reads too; the first
/// read once there is room stores it.
#[wasm_bindgen_test]
async fn a_full_device_without_a_territory_still_shows_the_demo_estate() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let name = format!("palier-test-demo-full-{}", js_sys::Math::random());
    let store = EventStore::open_named(&name, storage_schema::current_version())
        .await
        .expect("open");
    store.device().await.expect("recorder stored");
    let demo = domain::demo_territory::territory().residences.len();

    crate::store::tests::device_full(true);
    let read = super::read_log(store.clone(), false).await;
    crate::store::tests::device_full(false);
    let (territory, ..) = read.expect("the log read on a full device");
    assert_eq!(territory.residences.len(), demo);
    assert!(store.territory().await.unwrap().residences.is_empty());
    // A later read of the same page (after a lock, a sync round), still full: still shown.
    crate::store::tests::device_full(true);
    let again = super::read_log(store.clone(), true).await;
    crate::store::tests::device_full(false);
    assert_eq!(again.expect("read again").0.residences.len(), demo);

    super::read_log(store.clone(), true).await.expect("read");
    assert_eq!(store.territory().await.unwrap().residences.len(), demo);
    store.close();
}
