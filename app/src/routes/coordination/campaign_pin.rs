//! The kiosk exit PIN made into what is stored and synced: PBKDF2-HMAC-SHA-256 in WebCrypto with
//! a fresh 16-byte salt and `PIN_ITERATIONS`, the record format of `domain::kiosk::PinRecord`
//! (salt and hash in lowercase hex; the salt's bytes, not its hex, go into PBKDF2, as the
//! kiosk's lock checks it). The PIN itself never leaves this function.

use crate::browser::crypto::{hex, pbkdf2_bits};
use domain::kiosk::{PIN_ITERATIONS, PinRecord};
use wasm_bindgen::JsValue;

/// The record for `pin` (already checked with `campaign::check_pin_pair`).
pub async fn hash_pin(pin: &str) -> Result<PinRecord, JsValue> {
    let mut salt = [0u8; 16];
    crate::store::fill_random(&mut salt);
    let bits = pbkdf2_bits(pin, &salt, PIN_ITERATIONS)
        .await
        .map_err(|e| JsValue::from_str(&e.0))?;
    Ok(PinRecord {
        salt: hex(&salt),
        iterations: PIN_ITERATIONS,
        hash: hex(&bits),
    })
}
