//! Sealed kiosk records on the device: the campaign's public key (kept with the enrollment), the
//! WebCrypto sealing of what a resident typed (format and rules: `domain::sealed`), and recording
//! the sealed event. The ephemeral private key is made non-extractable and forgotten once the
//! record is sealed, so nothing on the kiosk can open it again; once the server acknowledged the
//! record, it is deleted from the device (`sync.rs`, `apply_push_update`).

use super::idb::{IdbError, IdbResult, WriteTx};
use super::{EventStore, from_json};
use domain::event::{Actor, EventBody, EventEnvelope};
use domain::ids::CampaignId;
use domain::sealed::{
    HKDF_INFO, IV_BYTES, SealedEnvelope, SealedKind, SealedRecord, additional_data,
    parse_public_key,
};
use domain::storage_schema::META;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, CryptoKeyPair, SubtleCrypto};

const SEALING_KEY: &str = "sealing_key";

/// The campaign's public key as the server gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealingKey {
    pub campaign: CampaignId,
    /// base64url of the raw P-256 point.
    pub public_key: String,
}

/// Why a record could not be sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealFailure {
    /// No key yet (not enrolled, or enrolled with a server that did not give one), or a key for
    /// another campaign than the device's: nothing may be recorded in the clear instead.
    NoKey,
    /// WebCrypto refused (a browser without P-256 ECDH, a broken key).
    Crypto(String),
    Storage(IdbError),
}

impl SealFailure {
    pub fn detail(&self) -> String {
        match self {
            SealFailure::NoKey => "no sealing key".into(),
            SealFailure::Crypto(d) => format!("WebCrypto: {d}"),
            SealFailure::Storage(e) => e.detail(),
        }
    }
}

impl EventStore {
    /// The key to seal with for the campaign the device is enrolled in, if the server gave one;
    /// `None` when not enrolled, revoked, or the key belongs to an earlier enrollment.
    pub async fn sealing_key(&self) -> IdbResult<Option<SealingKey>> {
        let tx = WriteTx::begin(self.database(), &[META])?;
        let enrollment = super::sync::read_enrollment(&tx).await?;
        let stored = tx.get(META, &JsValue::from_str(SEALING_KEY)).await?;
        tx.committed().await?;
        let key: Option<SealingKey> = if stored.is_undefined() {
            None
        } else {
            Some(from_json(&stored)?)
        };
        Ok(match (enrollment, key) {
            (Some(e), Some(k)) if !e.revoked && e.campaign == k.campaign => Some(k),
            _ => None,
        })
    }

    /// Keeps the campaign's public key (from the enrollment answer or `GET …/sealing-key`).
    pub async fn save_sealing_key(&self, key: &SealingKey) -> IdbResult<()> {
        if parse_public_key(&key.public_key).is_err() {
            return Err(IdbError::Failed {
                name: "DataError".into(),
                message: "the server's sealing key is not a P-256 public key".into(),
            });
        }
        self.meta_put(SEALING_KEY, key).await
    }

    /// Seals a kiosk sign-up (a `ResidentSignedUp` body) and records only the sealed event, under
    /// the campaign of the key. The plaintext never reaches IndexedDB.
    pub async fn record_sealed_sign_up(
        &self,
        body: &EventBody,
    ) -> Result<EventEnvelope, SealFailure> {
        let key = self
            .sealing_key()
            .await
            .map_err(SealFailure::Storage)?
            .ok_or(SealFailure::NoKey)?;
        let plaintext = serde_json::to_vec(body).map_err(|e| SealFailure::Crypto(e.to_string()))?;
        let aad = additional_data(&key.campaign, SealedKind::ResidentSignedUp);
        let sealed = seal(&key, &aad, &plaintext).await?;
        self.record_in(
            Actor::Kiosk,
            key.campaign,
            EventBody::KioskSealed(SealedRecord {
                of: SealedKind::ResidentSignedUp,
                sealed,
            }),
        )
        .await
        .map_err(SealFailure::Storage)
    }

    /// Seals a callback request for `KioskCallbackRequested.sealed` (the compact form); the
    /// caller records the event with its clear routing fields.
    pub async fn seal_callback(
        &self,
        request: &domain::kiosk::CallbackRequest,
    ) -> Result<(CampaignId, String), SealFailure> {
        let key = self
            .sealing_key()
            .await
            .map_err(SealFailure::Storage)?
            .ok_or(SealFailure::NoKey)?;
        let plaintext =
            serde_json::to_vec(request).map_err(|e| SealFailure::Crypto(e.to_string()))?;
        let aad = additional_data(&key.campaign, SealedKind::KioskCallbackRequested);
        let sealed = seal(&key, &aad, &plaintext).await?;
        Ok((key.campaign, sealed.to_compact()))
    }
}

fn subtle() -> Result<SubtleCrypto, SealFailure> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| SealFailure::Crypto("no WebCrypto in this browser".into()))
}

fn crypto_err(e: JsValue) -> SealFailure {
    SealFailure::Crypto(super::idb::IdbError::from_js(&e).detail())
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (name, value) in fields {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(name), value);
    }
    o
}

fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).into()
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, SealFailure> {
    JsFuture::from(promise.map_err(crypto_err)?)
        .await
        .map_err(crypto_err)
}

/// ECDH P-256 with a fresh ephemeral key, HKDF-SHA256, AES-256-GCM: `domain::sealed`'s recipe,
/// with `aad` saying what is sealed (a kiosk record's kind, or a device's data key).
pub(crate) async fn seal(
    key: &SealingKey,
    aad: &[u8],
    plaintext: &[u8],
) -> Result<SealedEnvelope, SealFailure> {
    let point = parse_public_key(&key.public_key).map_err(|_| SealFailure::NoKey)?;
    let subtle = subtle()?;
    let ec = || object(&[("name", "ECDH".into()), ("namedCurve", "P-256".into())]);
    let no_usages: JsValue = Array::new().into();
    let campaign_key: CryptoKey = call(subtle.import_key_with_object(
        "raw",
        &Uint8Array::from(&point[..]),
        &ec(),
        false,
        &no_usages,
    ))
    .await?
    .unchecked_into();
    // Not extractable: the private half cannot leave WebCrypto, and is dropped below.
    let usages: JsValue = Array::of1(&"deriveBits".into()).into();
    let pair: CryptoKeyPair = call(subtle.generate_key_with_object(&ec(), false, &usages))
        .await?
        .unchecked_into();
    let ephemeral_private: CryptoKey = pair.get_private_key();
    let ephemeral_public: CryptoKey = pair.get_public_key();
    let epk = Uint8Array::new(
        &call(subtle.export_key("raw", &ephemeral_public))
            .await?
            .unchecked_into::<ArrayBuffer>(),
    )
    .to_vec();
    let shared = call(subtle.derive_bits_with_object(
        &object(&[("name", "ECDH".into()), ("public", campaign_key.into())]),
        &ephemeral_private,
        256,
    ))
    .await?;
    drop(ephemeral_private);
    drop(pair);
    let hkdf_usages: JsValue = Array::of1(&"deriveKey".into()).into();
    let shared_key: CryptoKey = call(subtle.import_key_with_str(
        "raw",
        shared.unchecked_ref::<Object>(),
        "HKDF",
        false,
        &hkdf_usages,
    ))
    .await?
    .unchecked_into();
    let encrypt_usages: JsValue = Array::of1(&"encrypt".into()).into();
    let aes: CryptoKey = call(subtle.derive_key_with_object_and_object(
        &object(&[
            ("name", "HKDF".into()),
            ("hash", "SHA-256".into()),
            ("salt", bytes(&epk)),
            ("info", bytes(HKDF_INFO)),
        ]),
        &shared_key,
        &object(&[("name", "AES-GCM".into()), ("length", 256.into())]),
        false,
        &encrypt_usages,
    ))
    .await?
    .unchecked_into();
    let mut iv = [0u8; IV_BYTES];
    super::fill_random(&mut iv);
    let ct = call(subtle.encrypt_with_object_and_u8_array(
        &object(&[
            ("name", "AES-GCM".into()),
            ("iv", bytes(&iv)),
            ("additionalData", bytes(aad)),
        ]),
        &aes,
        plaintext,
    ))
    .await?;
    let ct = Uint8Array::new(&ct).to_vec();
    Ok(SealedEnvelope::from_parts(&epk, &iv, &ct))
}
