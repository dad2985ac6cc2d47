//! Sealed kiosk records against the real WebCrypto and IndexedDB of headless Chromium: no key, no
//! sealing; what is stored holds nothing readable and opens with the campaign's private key by
//! `domain::sealed`'s recipe (the server's RustCrypto side is proved by kiosk_sealed.test.mjs);
//! an acknowledged sealed record leaves the log, other acknowledged events stay.

use super::EventStore;
use super::sealed::{SealFailure, SealingKey};
use domain::calendar::LocalDate;
use domain::consent::{ConsentAnswer, Purpose};
use domain::event::{Actor, EventBody};
use domain::ids::CampaignId;
use domain::sealed::{HKDF_INFO, SealedKind, additional_data, base64url_encode};
use domain::signup::ResidentId;
use domain::storage_schema;
use domain::sync::{Enrollment, OutboxUpdate};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CryptoKey, CryptoKeyPair, SubtleCrypto};

async fn open(test: &str) -> EventStore {
    let name = format!("palier-test-sealed-{test}-{}", js_sys::Math::random());
    EventStore::open_named(&name, storage_schema::current_version())
        .await
        .expect("open")
}

pub(super) fn campaign() -> CampaignId {
    CampaignId::parse("tilleuls-2026").unwrap()
}

pub(super) fn enrollment() -> Enrollment {
    Enrollment {
        token: "a".repeat(64),
        campaign: campaign(),
        campaign_name: "Les Tilleuls".into(),
        label: "Borne hall A".into(),
        enrolled_at_ms: 1,
        revoked: false,
    }
}

fn sign_up() -> EventBody {
    EventBody::ResidentSignedUp {
        door: None,
        resident: ResidentId::from_random([4; 16]),
        first_name: "Awa".into(),
        last_name: Some("Diallo".into()),
        phone: Some("+33612345678".into()),
        email: None,
        language: "ar".into(),
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

fn subtle() -> SubtleCrypto {
    web_sys::window().unwrap().crypto().unwrap().subtle()
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (name, value) in fields {
        Reflect::set(&o, &JsValue::from_str(name), value).unwrap();
    }
    o
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> JsValue {
    JsFuture::from(promise.unwrap()).await.unwrap()
}

fn usages(names: &[&str]) -> JsValue {
    names
        .iter()
        .map(|n| JsValue::from_str(n))
        .collect::<Array>()
        .into()
}

/// The campaign's key pair, as the server would hold it.
pub(super) async fn campaign_pair() -> (CryptoKey, String) {
    let ec = object(&[("name", "ECDH".into()), ("namedCurve", "P-256".into())]);
    let pair: CryptoKeyPair =
        call(subtle().generate_key_with_object(&ec, false, &usages(&["deriveBits"])))
            .await
            .unchecked_into();
    let raw = call(subtle().export_key("raw", &pair.get_public_key())).await;
    let raw = Uint8Array::new(&raw).to_vec();
    (pair.get_private_key(), base64url_encode(&raw))
}

/// Links `store` to the campaign and keeps a fresh campaign key, as an enrollment does; returns
/// the private half the server would hold.
pub(super) async fn linked_with_key(store: &EventStore) -> CryptoKey {
    store.save_enrollment(&enrollment()).await.unwrap();
    let (private, public_key) = campaign_pair().await;
    store
        .save_sealing_key(&SealingKey {
            campaign: campaign(),
            public_key,
        })
        .await
        .unwrap();
    private
}

/// Opens as the server does, with WebCrypto instead of RustCrypto; `aad` says what was sealed.
pub(super) async fn open_sealed(
    private: &CryptoKey,
    sealed: &domain::sealed::SealedEnvelope,
    aad: &[u8],
) -> Vec<u8> {
    let parts = sealed.parse().expect("well-formed");
    let ec = object(&[("name", "ECDH".into()), ("namedCurve", "P-256".into())]);
    let epk: CryptoKey = call(subtle().import_key_with_object(
        "raw",
        &Uint8Array::from(&parts.epk[..]),
        &ec,
        true,
        &usages(&[]),
    ))
    .await
    .unchecked_into();
    let shared = call(subtle().derive_bits_with_object(
        &object(&[("name", "ECDH".into()), ("public", epk.into())]),
        private,
        256,
    ))
    .await;
    let hkdf: CryptoKey = call(subtle().import_key_with_str(
        "raw",
        shared.unchecked_ref(),
        "HKDF",
        false,
        &usages(&["deriveKey"]),
    ))
    .await
    .unchecked_into();
    let aes: CryptoKey = call(subtle().derive_key_with_object_and_object(
        &object(&[
            ("name", "HKDF".into()),
            ("hash", "SHA-256".into()),
            ("salt", Uint8Array::from(&parts.epk[..]).into()),
            ("info", Uint8Array::from(HKDF_INFO).into()),
        ]),
        &hkdf,
        &object(&[("name", "AES-GCM".into()), ("length", 256.into())]),
        false,
        &usages(&["decrypt"]),
    ))
    .await
    .unchecked_into();
    let plain = call(subtle().decrypt_with_object_and_u8_array(
        &object(&[
            ("name", "AES-GCM".into()),
            ("iv", Uint8Array::from(&parts.iv[..]).into()),
            ("additionalData", Uint8Array::from(aad).into()),
        ]),
        &aes,
        &parts.ct,
    ))
    .await;
    Uint8Array::new(&plain).to_vec()
}

#[wasm_bindgen_test]
async fn without_a_key_nothing_is_sealed_nor_recorded() {
    let store = open("no-key").await;
    assert_eq!(
        store.record_sealed_sign_up(&sign_up()).await,
        Err(SealFailure::NoKey)
    );
    // A key kept from another campaign than the enrollment's is not used either.
    store.save_enrollment(&enrollment()).await.unwrap();
    let (_, public_key) = campaign_pair().await;
    store
        .save_sealing_key(&SealingKey {
            campaign: CampaignId::demo(),
            public_key,
        })
        .await
        .unwrap();
    assert_eq!(
        store.record_sealed_sign_up(&sign_up()).await,
        Err(SealFailure::NoKey)
    );
    assert!(store.events().await.unwrap().is_empty());
    assert!(
        store
            .save_sealing_key(&SealingKey {
                campaign: campaign(),
                public_key: "pas-une-clé".into(),
            })
            .await
            .is_err()
    );
}

#[wasm_bindgen_test]
async fn a_sealed_sign_up_holds_nothing_readable_opens_with_the_campaign_key_and_leaves_once_acknowledged()
 {
    let store = open("sealed").await;
    let private = linked_with_key(&store).await;
    let body = sign_up();
    let sealed = store.record_sealed_sign_up(&body).await.unwrap();
    let note = store
        .record(
            Actor::Device,
            EventBody::FieldNoteRecorded {
                text: "Ascenseur en panne".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (sealed.actor.clone(), &sealed.campaign),
        (Actor::Kiosk, &campaign())
    );
    let stored = store.events().await.unwrap();
    let text = serde_json::to_string(&stored).unwrap();
    for personal in ["Awa", "Diallo", "612345678"] {
        assert!(!text.contains(personal), "{personal} in {text}");
    }
    let EventBody::KioskSealed(record) = &stored[0].body else {
        panic!("{:?}", stored[0].body)
    };
    assert_eq!(record.of, SealedKind::ResidentSignedUp);
    assert_eq!(sealed.validate(), Ok(()));
    let aad = additional_data(&campaign(), SealedKind::ResidentSignedUp);
    let opened = open_sealed(&private, &record.sealed, &aad).await;
    assert_eq!(serde_json::from_slice::<EventBody>(&opened).unwrap(), body);

    let update = OutboxUpdate {
        acknowledged: vec![sealed.id.clone(), note.id.clone()],
        ..OutboxUpdate::default()
    };
    store.apply_push_update(&update, 2).await.unwrap();
    assert!(store.outbox().await.unwrap().is_empty());
    let left = store.events().await.unwrap();
    assert_eq!(
        left,
        vec![note],
        "the field note stays, the sealed record goes"
    );
}
