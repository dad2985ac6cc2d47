//! The three meta records start-up reads — the enrollment, how sync rounds went, the PIN's key
//! ring — are decoded by code that arrives on demand (the `split` feature, as in
//! routes/on_demand.rs). A device holding none of them, as on its very first load, never downloads
//! their JSON decoding; one that holds them fetches it from the service worker's cache at start.
//!
//! Each is called only after its read's transaction has committed: waiting for a file inside a
//! transaction would let the browser close it.

use super::from_json;
use super::idb::IdbResult;
use domain::at_rest::Keyring;
use domain::sync::{Enrollment, SyncRecord};
use wasm_bindgen::JsValue;

#[cfg_attr(feature = "split", leptos::lazy)]
pub(super) async fn decode_enrollment(stored: JsValue) -> IdbResult<Enrollment> {
    from_json(&stored)
}

#[cfg_attr(feature = "split", leptos::lazy)]
pub(super) async fn decode_sync_record(stored: JsValue) -> IdbResult<SyncRecord> {
    from_json(&stored)
}

#[cfg_attr(feature = "split", leptos::lazy)]
pub(super) async fn decode_keyring(stored: JsValue) -> IdbResult<Keyring> {
    from_json(&stored)
}
