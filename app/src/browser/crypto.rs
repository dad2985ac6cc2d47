//! The app's one door to WebCrypto for secrets kept on the device: PBKDF2-SHA-256 from a PIN
//! (the kiosk's exit PIN, the campaign PIN form, the volunteer's lock) and AES-256-GCM with a
//! random data key (residents' details at rest, `store::vault`). Called through `js_sys` so the
//! app needs no more `web-sys` features; every failure comes back as the browser's words.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why WebCrypto refused, in words for the detail line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CryptoError(pub String);

impl CryptoError {
    fn of(value: JsValue) -> CryptoError {
        if let Some(e) = value.dyn_ref::<js_sys::Error>() {
            return CryptoError(format!(
                "{}: {}",
                String::from(e.name()),
                String::from(e.message())
            ));
        }
        if let Some(e) = value.dyn_ref::<web_sys::DomException>() {
            return CryptoError(format!("{}: {}", e.name(), e.message()));
        }
        CryptoError(value.as_string().unwrap_or_else(|| format!("{value:?}")))
    }
}

impl From<JsValue> for CryptoError {
    fn from(value: JsValue) -> Self {
        CryptoError::of(value)
    }
}

pub type CryptoResult<T> = Result<T, CryptoError>;

fn subtle() -> CryptoResult<JsValue> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into())?;
    let subtle = Reflect::get(&crypto, &"subtle".into())?;
    if subtle.is_undefined() {
        return Err(CryptoError(
            "no WebCrypto (the page must be served over https)".into(),
        ));
    }
    Ok(subtle)
}

async fn call(name: &str, args: Array) -> CryptoResult<JsValue> {
    let subtle = subtle()?;
    let f: Function = Reflect::get(&subtle, &name.into())?.dyn_into()?;
    let promise: Promise = f.apply(&subtle, &args)?.dyn_into()?;
    Ok(JsFuture::from(promise).await?)
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

fn usages(names: &[&str]) -> JsValue {
    names
        .iter()
        .map(|n| JsValue::from_str(n))
        .collect::<Array>()
        .into()
}

/// PBKDF2-HMAC-SHA-256(pin, salt, iterations), 32 bytes.
pub async fn pbkdf2_bits(pin: &str, salt: &[u8], iterations: u32) -> CryptoResult<Vec<u8>> {
    let key = call(
        "importKey",
        Array::of5(
            &"raw".into(),
            &bytes(pin.as_bytes()),
            &"PBKDF2".into(),
            &false.into(),
            &usages(&["deriveBits"]),
        ),
    )
    .await?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", bytes(salt)),
        ("iterations", f64::from(iterations).into()),
    ]);
    let bits = call("deriveBits", Array::of3(&params, &key, &256.into())).await?;
    Ok(Uint8Array::new(&bits).to_vec())
}

/// Lowercase hex, as the kiosk's PIN records keep hashes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn hex_bytes(hex: &str) -> Option<Vec<u8>> {
    hex.len()
        .is_multiple_of(2)
        .then(|| {
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                .collect()
        })
        .flatten()
}

/// An AES-256-GCM key from its 32 raw bytes. `extractable` only for the device's data key, which
/// an unlocked device wraps again for a new volunteer.
pub async fn aes_key(raw: &[u8], extractable: bool) -> CryptoResult<JsValue> {
    call(
        "importKey",
        Array::of5(
            &"raw".into(),
            &bytes(raw),
            &"AES-GCM".into(),
            &extractable.into(),
            &usages(&["encrypt", "decrypt"]),
        ),
    )
    .await
}

/// The raw bytes of an extractable key.
pub async fn export_raw(key: &JsValue) -> CryptoResult<Vec<u8>> {
    let raw = call("exportKey", Array::of2(&"raw".into(), key)).await?;
    Ok(Uint8Array::new(&raw).to_vec())
}

fn gcm(iv: &[u8], aad: &[u8]) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", bytes(iv)),
        ("additionalData", bytes(aad)),
    ])
}

/// AES-GCM ciphertext with its tag.
pub async fn encrypt(key: &JsValue, iv: &[u8], aad: &[u8], plain: &[u8]) -> CryptoResult<Vec<u8>> {
    let ct = call("encrypt", Array::of3(&gcm(iv, aad), key, &bytes(plain))).await?;
    Ok(Uint8Array::new(&ct).to_vec())
}

/// The plaintext, or an error when the key, iv or additional data is not the one it was
/// sealed with (a wrong PIN's key, a tampered record).
pub async fn decrypt(key: &JsValue, iv: &[u8], aad: &[u8], sealed: &[u8]) -> CryptoResult<Vec<u8>> {
    let pt = call("decrypt", Array::of3(&gcm(iv, aad), key, &bytes(sealed))).await?;
    Ok(Uint8Array::new(&pt).to_vec())
}

/// Many decryptions at once: every promise is started before the first is awaited, so reading a
/// log of many sealed records costs one wait, not one per record. `None` where one failed.
pub async fn decrypt_all(
    key: &JsValue,
    items: &[(Vec<u8>, Vec<u8>)],
    aad: &[u8],
) -> CryptoResult<Vec<Option<Vec<u8>>>> {
    let subtle = subtle()?;
    let f: Function = Reflect::get(&subtle, &"decrypt".into())?.dyn_into()?;
    let promises = Array::new();
    for (iv, sealed) in items {
        let p: Promise = f
            .apply(&subtle, &Array::of3(&gcm(iv, aad), key, &bytes(sealed)))?
            .dyn_into()?;
        promises.push(&Promise::all_settled(&Array::of1(&p)).into());
    }
    let settled: Array = JsFuture::from(Promise::all(&promises))
        .await?
        .unchecked_into();
    Ok(settled
        .iter()
        .map(|one| {
            let one = Array::from(&one).get(0);
            let ok = Reflect::get(&one, &"status".into())
                .ok()
                .and_then(|s| s.as_string())
                .is_some_and(|s| s == "fulfilled");
            ok.then(|| Reflect::get(&one, &"value".into()).ok())
                .flatten()
                .map(|v| Uint8Array::new(&v).to_vec())
        })
        .collect())
}
