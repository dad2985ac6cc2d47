//! The kiosk exit PIN made into what is stored and synced: PBKDF2-HMAC-SHA-256 in WebCrypto with
//! a fresh 16-byte salt and `PIN_ITERATIONS`, the record format of `domain::kiosk::PinRecord`
//! (salt and hash in lowercase hex; the salt's bytes, not its hex, go into PBKDF2, as the
//! kiosk's lock checks it). The PIN itself never leaves this function.

use domain::kiosk::{PIN_ITERATIONS, PinRecord};
use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The record for `pin` (already checked with `campaign::check_pin_pair`).
pub async fn hash_pin(pin: &str) -> Result<PinRecord, JsValue> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into())?;
    let subtle = Reflect::get(&crypto, &"subtle".into())?;
    if subtle.is_undefined() {
        return Err("no WebCrypto (the page must be served over https)".into());
    }
    let call = |name: &str, args: Array| -> Result<js_sys::Promise, JsValue> {
        let f: Function = Reflect::get(&subtle, &name.into())?.dyn_into()?;
        f.apply(&subtle, &args)?.dyn_into()
    };
    let mut salt = [0u8; 16];
    crate::store::fill_random(&mut salt);
    let key = JsFuture::from(call(
        "importKey",
        Array::of5(
            &"raw".into(),
            &Uint8Array::from(pin.as_bytes()),
            &"PBKDF2".into(),
            &false.into(),
            &Array::of1(&"deriveBits".into()),
        ),
    )?)
    .await?;
    let params = Object::new();
    Reflect::set(&params, &"name".into(), &"PBKDF2".into())?;
    Reflect::set(&params, &"hash".into(), &"SHA-256".into())?;
    Reflect::set(&params, &"salt".into(), &Uint8Array::from(&salt[..]))?;
    Reflect::set(
        &params,
        &"iterations".into(),
        &f64::from(PIN_ITERATIONS).into(),
    )?;
    let bits = JsFuture::from(call("deriveBits", Array::of3(&params, &key, &256.into()))?).await?;
    Ok(PinRecord {
        salt: hex(&salt),
        iterations: PIN_ITERATIONS,
        hash: hex(&Uint8Array::new(&bits).to_vec()),
    })
}
