//! A forgotten PIN against the real WebCrypto and IndexedDB of headless Chromium: a key ring made
//! before the device was linked gets its recovery copy at the next unlock (or at once when linked
//! while unlocked, and anew for a new campaign); the copy opens with the campaign's private key
//! (as the server opens it) into the very data key; a new PIN over that key opens everything
//! recorded before, and the other volunteers' PINs still work; a new PIN a full device cannot
//! store leaves it unlocked over that key, not locked out again.

use super::EventStore;
use super::sealed::SealingKey;
use super::sealed_tests::{campaign, campaign_pair, enrollment, linked_with_key, open_sealed};
use super::tests::device_full;
use super::vault::{LockState, VaultFailure, key_not_stored_of, lock, lock_state_of};
use domain::at_rest::LOCKED;
use domain::at_rest::recovery::recovery_aad;
use domain::calendar::LocalDate;
use domain::consent::{ConsentAnswer, Purpose};
use domain::event::{Actor, EventBody};
use domain::ids::CampaignId;
use domain::signup::ResidentId;
use domain::storage_schema;
use domain::sync::Enrollment;
use wasm_bindgen_test::*;

const PIN: &str = "480913";
const NEW_PIN: &str = "735102";

async fn open(test: &str) -> EventStore {
    let name = format!("palier-test-recovery-{test}-{}", js_sys::Math::random());
    EventStore::open_named(&name, storage_schema::current_version())
        .await
        .expect("open")
}

fn sign_up(first: &str) -> EventBody {
    EventBody::ResidentSignedUp {
        door: None,
        resident: ResidentId::from_random([7; 16]),
        first_name: first.into(),
        last_name: None,
        phone: Some("+33645678901".into()),
        email: None,
        language: "fr".into(),
        consents: vec![ConsentAnswer {
            purpose: Purpose::ALL[0],
            granted: true,
        }],
        notice_version: domain::consent::NOTICE_VERSION.into(),
        local_date: LocalDate::new(2026, 11, 27).unwrap(),
    }
}

async fn first_name(store: &EventStore) -> String {
    store
        .events()
        .await
        .unwrap()
        .into_iter()
        .find_map(|e| match e.body {
            EventBody::ResidentSignedUp { first_name, .. } => Some(first_name),
            _ => None,
        })
        .expect("the sign-up")
}

#[wasm_bindgen_test]
async fn the_copy_made_at_the_unlock_after_linking_holds_the_data_key_a_new_pin_opens_all() {
    let store = open("copy").await;
    let db = store.database().name();
    store.set_pin("Samia", PIN).await.unwrap();
    store
        .record_in(Actor::Device, CampaignId::demo(), sign_up("Inès"))
        .await
        .unwrap();
    assert_eq!(
        store.keyring().await.unwrap().unwrap().recovery,
        None,
        "not linked yet: no campaign key to seal to"
    );

    // Linked later; the next unlock makes the copy.
    let private = linked_with_key(&store).await;
    lock();
    store.unlock("Samia", PIN).await.unwrap();
    let copy = store
        .recovery_copy()
        .await
        .unwrap()
        .expect("made at the unlock");
    assert_eq!(copy.campaign, campaign());

    // The server's side: the copy opens, for this device only, into a 32-byte key.
    let device = store.device().await.unwrap();
    let raw = open_sealed(&private, &copy.sealed, &recovery_aad(&campaign(), &device)).await;
    assert_eq!(raw.len(), 32);

    // Every PIN forgotten: locked, the details unreadable; a new PIN over the returned key.
    lock();
    assert_eq!(first_name(&store).await, LOCKED);
    assert_eq!(
        store.unlock("Samia", "111999").await,
        Err(VaultFailure::WrongPin)
    );
    store
        .set_pin_over_recovered_key("Samia", NEW_PIN, raw.clone())
        .await
        .unwrap();
    assert_eq!(lock_state_of(&db), LockState::Unlocked);
    assert_eq!(first_name(&store).await, "Inès", "what was recorded opens");

    // After a reload-like lock: the new PIN opens, the forgotten one no longer does.
    lock();
    assert_eq!(
        store.unlock("Samia", PIN).await,
        Err(VaultFailure::WrongPin)
    );
    store.unlock("Samia", NEW_PIN).await.unwrap();
    assert_eq!(first_name(&store).await, "Inès");
    // The copy was kept, unchanged, for another time.
    assert_eq!(store.recovery_copy().await.unwrap(), Some(copy));
}

#[wasm_bindgen_test]
async fn a_pin_set_on_a_linked_device_comes_with_its_copy_and_others_keep_theirs() {
    let store = open("linked").await;
    let private = linked_with_key(&store).await;
    store.set_pin("Samia", PIN).await.unwrap();
    store.set_pin("Yanis", "902417").await.unwrap();
    store
        .record_in(Actor::Device, CampaignId::demo(), sign_up("Awa"))
        .await
        .unwrap();
    let copy = store
        .recovery_copy()
        .await
        .unwrap()
        .expect("made with the PIN");
    let device = store.device().await.unwrap();
    let raw = open_sealed(&private, &copy.sealed, &recovery_aad(&campaign(), &device)).await;

    lock();
    store
        .set_pin_over_recovered_key("Samia", NEW_PIN, raw)
        .await
        .unwrap();
    lock();
    // Yanis remembered his: it still opens, the same data key under it.
    store.unlock("Yanis", "902417").await.unwrap();
    assert_eq!(first_name(&store).await, "Awa");
}

#[wasm_bindgen_test]
async fn linking_an_unlocked_device_makes_the_copy_and_a_new_campaign_gets_its_own_at_the_unlock() {
    let store = open("relink").await;
    store.set_pin("Samia", PIN).await.unwrap();
    let first = linked_with_key(&store).await;
    // Linked while unlocked: no need to wait for the next unlock.
    store.keep_recovery_copy().await.unwrap();
    let copy = store
        .recovery_copy()
        .await
        .unwrap()
        .expect("made at linking");
    assert_eq!(copy.campaign, campaign());
    let device = store.device().await.unwrap();
    let raw = open_sealed(&first, &copy.sealed, &recovery_aad(&campaign(), &device)).await;

    // Linked to another campaign: its key seals a new copy at the next unlock, of the same key.
    let autumn = CampaignId::parse("tilleuls-automne").unwrap();
    store
        .save_enrollment(&Enrollment {
            campaign: autumn.clone(),
            ..enrollment()
        })
        .await
        .unwrap();
    let (second, public_key) = campaign_pair().await;
    store
        .save_sealing_key(&SealingKey {
            campaign: autumn.clone(),
            public_key,
        })
        .await
        .unwrap();
    lock();
    store.unlock("Samia", PIN).await.unwrap();
    let again = store.recovery_copy().await.unwrap().expect("a copy");
    assert_eq!(again.campaign, autumn);
    let reopened = open_sealed(&second, &again.sealed, &recovery_aad(&autumn, &device)).await;
    assert_eq!(reopened, raw, "the same data key");
}

#[wasm_bindgen_test]
async fn a_new_pin_the_full_device_cannot_store_leaves_it_unlocked_over_the_same_key() {
    let store = open("full").await;
    let db = store.database().name();
    let private = linked_with_key(&store).await;
    store.set_pin("Samia", PIN).await.unwrap();
    store
        .record_in(Actor::Device, CampaignId::demo(), sign_up("Awa"))
        .await
        .unwrap();
    let copy = store.recovery_copy().await.unwrap().expect("a copy");
    let device = store.device().await.unwrap();
    let raw = open_sealed(&private, &copy.sealed, &recovery_aad(&campaign(), &device)).await;

    // The server opened the copy (its permission is spent), then the key ring cannot be stored.
    // Before, the key was dropped with the error: locked again, and a new permission needed.
    lock();
    device_full(true);
    let result = store
        .set_pin_over_recovered_key("Samia", NEW_PIN, raw)
        .await;
    device_full(false);
    assert!(
        matches!(result, Err(VaultFailure::NewPinNotSaved(_))),
        "{result:?}"
    );
    assert_eq!(lock_state_of(&db), LockState::Unlocked, "unlocked for now");
    assert_eq!(first_name(&store).await, "Awa", "what was recorded opens");
    assert!(key_not_stored_of(&db).is_some_and(|d| d.contains("QuotaExceeded")));
    // Held in memory only, the key is never locked away: a new permission would be needed.
    lock();
    assert_eq!(lock_state_of(&db), LockState::Unlocked, "not locked away");

    // Space freed, a code chosen with "Protéger par un code" wraps that same key.
    store.set_pin("Samia", NEW_PIN).await.unwrap();
    assert_eq!(key_not_stored_of(&db), None);
    lock();
    assert_eq!(lock_state_of(&db), LockState::Locked);
    store.unlock("Samia", NEW_PIN).await.unwrap();
    assert_eq!(first_name(&store).await, "Awa");
}
