//! Residents' details at rest against the real WebCrypto and IndexedDB of headless Chromium:
//! the first PIN seals what was recorded before it, later writes are sealed as they land, a
//! locked store reads `LOCKED` and refuses new details, a wrong PIN does not open, a push waits
//! for the unlock, and purge after sync removes the details of acknowledged events only.

use super::EventStore;
use super::idb;
use super::sync::Sendable;
use super::vault::{LOCKED_ERROR, LockState, VaultFailure, forget, lock, lock_state_of};
use domain::at_rest::LOCKED;
use domain::calendar::LocalDate;
use domain::consent::{ConsentAnswer, Purpose};
use domain::event::{Actor, EventBody, EventEnvelope};
use domain::ids::CampaignId;
use domain::signup::ResidentId;
use domain::storage_schema::{self, DRAFTS, EVENTS};
use domain::sync::OutboxUpdate;
use wasm_bindgen_test::*;

const PIN: &str = "480913";

async fn open(test: &str) -> EventStore {
    let name = format!("palier-test-vault-{test}-{}", js_sys::Math::random());
    EventStore::open_named(&name, storage_schema::current_version())
        .await
        .expect("open")
}

fn sign_up(first: &str, last: &str) -> EventBody {
    EventBody::ResidentSignedUp {
        door: None,
        resident: ResidentId::from_random([first.len() as u8; 16]),
        first_name: first.into(),
        last_name: Some(last.into()),
        phone: Some("+33698765432".into()),
        email: Some("zoe.m@exemple.fr".into()),
        language: "fr".into(),
        consents: Purpose::ALL
            .into_iter()
            .map(|purpose| ConsentAnswer {
                purpose,
                granted: true,
            })
            .collect(),
        notice_version: domain::consent::NOTICE_VERSION.into(),
        local_date: LocalDate::new(2026, 11, 26).unwrap(),
    }
}

async fn record(store: &EventStore, body: EventBody) -> Result<EventEnvelope, idb::IdbError> {
    store
        .record_in(Actor::Device, CampaignId::demo(), body)
        .await
}

/// Every record of a store as stored, one text.
async fn raw(store: &EventStore, name: &str) -> String {
    idb::get_all(store.database(), name, None)
        .await
        .unwrap()
        .iter()
        .map(|r| String::from(js_sys::JSON::stringify(&r).unwrap()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn first_names(events: &[EventEnvelope]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::ResidentSignedUp { first_name, .. } => Some(first_name.clone()),
            _ => None,
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_pin_seals_the_details_before_and_after_it_and_locking_hides_them() {
    let store = open("seal").await;
    let db = store.database().name();
    record(&store, sign_up("Zoé", "Marchetti")).await.unwrap();
    store
        .save_draft("signup:door-1", &"Karima Benali 0611223344")
        .await
        .unwrap();
    assert!(
        raw(&store, EVENTS).await.contains("Marchetti"),
        "no PIN yet"
    );
    assert_eq!(lock_state_of(&db), LockState::NoPin);

    store.set_pin("Samia", PIN).await.unwrap();
    // The first PIN's note went with its pass: later unlocks do not read the whole log again.
    assert!(
        !raw(&store, storage_schema::META)
            .await
            .contains("seal_owed")
    );
    assert_eq!(lock_state_of(&db), LockState::Unlocked);
    record(&store, sign_up("Awa", "Diallo")).await.unwrap();
    let events_text = raw(&store, EVENTS).await;
    let drafts_text = raw(&store, DRAFTS).await;
    for secret in [
        "Marchetti",
        "Zoé",
        "Diallo",
        "Awa",
        "698765432",
        "zoe.m@",
        PIN,
    ] {
        assert!(!events_text.contains(secret), "events hold {secret}");
    }
    assert!(!drafts_text.contains("Benali"), "the draft was sealed too");
    let draft: Option<String> = store.draft("signup:door-1").await.unwrap();
    assert_eq!(draft.as_deref(), Some("Karima Benali 0611223344"));
    assert_eq!(
        first_names(&store.events().await.unwrap()),
        ["Zoé", "Awa"],
        "unlocked: read back whole"
    );

    lock();
    assert_eq!(lock_state_of(&db), LockState::Locked);
    assert_eq!(
        first_names(&store.events().await.unwrap()),
        [LOCKED, LOCKED]
    );
    assert_eq!(store.draft::<String>("signup:door-1").await.unwrap(), None);
    let refused = record(&store, sign_up("Inès", "Roux")).await.unwrap_err();
    assert!(matches!(refused, idb::IdbError::Failed { ref name, .. } if name == LOCKED_ERROR));
    record(
        &store,
        EventBody::DeviceStarted {
            app_version: "1".into(),
        },
    )
    .await
    .expect("nothing personal records while locked");
    assert_eq!(
        store.outbox_len().await.unwrap(),
        3,
        "the refused one left nothing"
    );

    // A push while locked: the sign-ups wait, the rest goes.
    let ids: Vec<_> = store
        .outbox()
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.event_id)
        .collect();
    let sendable = store.events_to_send(&ids).await.unwrap();
    let waits = sendable
        .iter()
        .filter(|s| matches!(s, Sendable::WaitsForUnlock))
        .count();
    let ready = sendable
        .iter()
        .filter(|s| matches!(s, Sendable::Ready(_)))
        .count();
    assert_eq!((waits, ready), (2, 1));
    assert!(
        store.unsent_events().await.is_err(),
        "no export while locked"
    );

    assert_eq!(
        store.unlock("Samia", "111999").await,
        Err(VaultFailure::WrongPin)
    );
    assert_eq!(
        store.unlock("Karim", PIN).await,
        Err(VaultFailure::OtherVolunteerFirst)
    );
    assert_eq!(
        store.set_pin("Karim", "135790").await,
        Err(VaultFailure::OtherVolunteerFirst),
        "a second volunteer needs the device unlocked"
    );
    store.unlock("Samia", PIN).await.unwrap();
    assert_eq!(first_names(&store.events().await.unwrap()), ["Zoé", "Awa"]);
    store.set_pin("Karim", "135790").await.unwrap();
    lock();
    store.unlock("Karim", "135790").await.unwrap();
    let sendable = store.events_to_send(&ids).await.unwrap();
    assert!(sendable.iter().all(|s| matches!(s, Sendable::Ready(_))));
    store.close();
}

#[wasm_bindgen_test]
async fn purge_after_sync_takes_the_details_of_acknowledged_events_only() {
    let store = open("purge").await;
    store.set_pin("Samia", PIN).await.unwrap();
    let sent = record(&store, sign_up("Zoé", "Marchetti")).await.unwrap();
    let waiting = record(&store, sign_up("Awa", "Diallo")).await.unwrap();
    let update = OutboxUpdate {
        acknowledged: vec![sent.id.clone()],
        ..OutboxUpdate::default()
    };
    store.apply_push_update(&update, 1).await.unwrap();
    let now = super::now_ms();
    assert_eq!(
        store.purge_synced(now, 30).await.unwrap(),
        0,
        "younger than the window"
    );
    lock();
    assert_eq!(
        store.purge_synced(now, 0).await.unwrap(),
        1,
        "purged while locked"
    );
    store.unlock("Samia", PIN).await.unwrap();
    let events = store.events().await.unwrap();
    assert_eq!(
        first_names(&events),
        ["", "Awa"],
        "the unsent one keeps its details"
    );
    assert!(domain::privacy::is_erased_sign_up(&events[0].body));
    assert_eq!(events[0].id, sent.id);
    assert_eq!(events[1].id, waiting.id);
    assert_eq!(store.purge_synced(now, 0).await.unwrap(), 0, "once");
    store.close();
}

#[wasm_bindgen_test]
async fn an_erasure_pulled_while_locked_blanks_a_sealed_sign_up_and_team_details_are_not_kept() {
    use domain::event::Recorder;
    use domain::ids::DeviceId;
    use domain::privacy::{ErasedField, ErasureReason, ResidentErased};
    use domain::sync::{Cursor, PullResponse};
    let store = open("erase").await;
    store.set_pin("Samia", PIN).await.unwrap();
    let mine = record(&store, sign_up("Zoé", "Marchetti")).await.unwrap();
    let EventBody::ResidentSignedUp { resident, .. } = &mine.body else {
        panic!()
    };
    lock();
    let mut team = Recorder::new(DeviceId::from_random([9; 16]));
    let at = mine.hlc.wall_ms + 1_000;
    let erased = team.record(
        at,
        [1; 10],
        Actor::Coordinator {
            name: "Claire".into(),
        },
        CampaignId::demo(),
        EventBody::ResidentErased(ResidentErased {
            resident: resident.clone(),
            fields: ErasedField::ALL.to_vec(),
            reason: ErasureReason::ResidentRequest,
            requested_on: LocalDate::new(2026, 11, 27).unwrap(),
            reference: "DPO-2026-014".into(),
            callbacks: Vec::new(),
        }),
    );
    let theirs = team.record(
        at + 1,
        [2; 10],
        Actor::Device,
        CampaignId::demo(),
        sign_up("Inès", "Roux"),
    );
    let page = PullResponse {
        events: vec![erased, theirs.clone()],
        next_cursor: Cursor::from_position(2),
        more: false,
        territory: None,
    };
    store.save_pulled_page(&page, at + 10).await.unwrap();
    let text = raw(&store, EVENTS).await;
    assert!(
        !text.contains("Roux") && !text.contains("Inès"),
        "team details pulled while locked"
    );
    store.unlock("Samia", PIN).await.unwrap();
    let events = store.events().await.unwrap();
    let mine_now = events.iter().find(|e| e.id == mine.id).unwrap();
    assert!(
        domain::privacy::is_erased_sign_up(&mine_now.body),
        "erased, sealed or not"
    );
    let theirs_now = events.iter().find(|e| e.id == theirs.id).unwrap();
    assert!(domain::privacy::is_erased_sign_up(&theirs_now.body));
    store.close();
}

/// Writes Yasmine Haddad's sign-up in clear with the note that asks the next unlock to seal it,
/// as a write that raced the first PIN does (`seed` draws the recorder and the id).
async fn written_in_clear_with_its_note(store: &EventStore, seed: u8) {
    use super::vault::{AtRest, note_plain_details, stored_record};
    use domain::event::Recorder;
    use domain::ids::DeviceId;
    let late = Recorder::new(DeviceId::from_random([seed; 16])).record(
        1_790_000_000_000,
        [seed; 10],
        Actor::Device,
        CampaignId::demo(),
        sign_up("Yasmine", "Haddad"),
    );
    let tx = idb::WriteTx::begin(store.database(), &[EVENTS, storage_schema::META]).unwrap();
    tx.add(EVENTS, &stored_record(&late, &AtRest::Plain).unwrap())
        .unwrap();
    note_plain_details(&tx, &late, &AtRest::Plain).unwrap();
    tx.committed().await.unwrap();
}

/// A sign-up that decided "no PIN, store in clear" just before the first PIN and landed just
/// after its pass: the write notes it, and the next unlock seals it.
#[wasm_bindgen_test]
async fn details_written_in_clear_after_the_first_pass_are_sealed_at_the_next_unlock() {
    let store = open("race").await;
    store.set_pin("Samia", PIN).await.unwrap();
    written_in_clear_with_its_note(&store, 4).await;
    assert!(
        raw(&store, EVENTS).await.contains("Haddad"),
        "the race's write"
    );

    lock();
    store.unlock("Samia", PIN).await.unwrap();
    assert!(
        !raw(&store, EVENTS).await.contains("Haddad"),
        "sealed by the unlock's pass"
    );
    assert_eq!(first_names(&store.events().await.unwrap()), ["Yasmine"]);
    lock();
}

#[wasm_bindgen_test]
async fn after_a_reload_a_locked_store_is_not_taken_for_one_without_a_pin() {
    let store = open("reload").await;
    let db = store.database().name();
    store.set_pin("Samia", PIN).await.unwrap();
    // A reload forgets everything held in memory, the key and what was known of the ring.
    forget();
    // The header offered "Protéger par un code" on a locked tablet until the ring was read.
    assert_eq!(lock_state_of(&db), LockState::NotRead);
    assert!(store.keyring().await.unwrap().is_some());
    assert_eq!(lock_state_of(&db), LockState::Locked);

    let without = open("reload-no-pin").await;
    let other = without.database().name();
    assert_eq!(lock_state_of(&other), LockState::NotRead);
    assert!(without.keyring().await.unwrap().is_none());
    assert_eq!(lock_state_of(&other), LockState::NoPin);
    store.close();
    without.close();
}

/// Locks, unlocks, and checks that the details left in clear are sealed and that the note went
/// with the pass that sealed them (the note was kept until then).
async fn sealed_by_the_next_unlock(store: &EventStore) {
    lock();
    store.unlock("Samia", PIN).await.unwrap();
    assert!(
        !raw(store, EVENTS).await.contains("Haddad"),
        "sealed by the next unlock"
    );
    assert!(
        !raw(store, storage_schema::META).await.contains("seal_owed"),
        "the note goes with the pass that sealed"
    );
}

/// Details noted in clear, then an unlock on a device too full to rewrite them sealed: the
/// tablet opens all the same (the PIN was right), and the note stays, so the next unlock seals.
#[wasm_bindgen_test]
async fn an_unlock_whose_sealing_pass_fails_opens_and_the_next_one_seals() {
    let store = open("unlock-full").await;
    let db = store.database().name();
    store.set_pin("Samia", PIN).await.unwrap();
    written_in_clear_with_its_note(&store, 5).await;

    lock();
    super::tests::refuse_writes(Some(EVENTS));
    let unlocked = store.unlock("Samia", PIN).await;
    super::tests::refuse_writes(None);
    assert!(unlocked.is_ok(), "{unlocked:?}");
    assert_eq!(lock_state_of(&db), LockState::Unlocked);
    assert!(
        raw(&store, EVENTS).await.contains("Haddad"),
        "not sealed yet"
    );

    sealed_by_the_next_unlock(&store).await;
    assert_eq!(first_names(&store.events().await.unwrap()), ["Yasmine"]);
    lock();
    store.close();
}

/// The first PIN is stored, then its pass over the log cannot rewrite the details (the device
/// filled up in between): the PIN holds, and the next unlock seals them.
#[wasm_bindgen_test]
async fn a_first_pin_whose_sealing_pass_fails_holds_and_the_next_unlock_seals() {
    let store = open("first-pin-full").await;
    store
        .record_in(
            Actor::Device,
            CampaignId::demo(),
            sign_up("Yasmine", "Haddad"),
        )
        .await
        .unwrap();
    // The first PIN reads the whole log whatever the notes say: without one, only the note
    // stored with its key ring makes the next unlock read the log again.
    let tx = idb::WriteTx::begin(store.database(), &[storage_schema::META]).unwrap();
    tx.delete(storage_schema::META, &"seal_owed".into())
        .unwrap();
    tx.committed().await.unwrap();
    super::tests::refuse_writes(Some(EVENTS));
    let set = store.set_pin("Samia", PIN).await;
    super::tests::refuse_writes(None);
    assert!(set.is_ok(), "{set:?}");
    assert!(
        raw(&store, EVENTS).await.contains("Haddad"),
        "not sealed yet"
    );

    sealed_by_the_next_unlock(&store).await;
    lock();
    store.close();
}
