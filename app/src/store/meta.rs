//! The `meta` store's lone records (the enrollment, the sync record, the key ring, the campaign's
//! sealing key, the territory's version): each read or written by itself, in a transaction of
//! its own.

use super::idb::{IdbError, IdbResult, WriteTx, record};
use super::{EventStore, to_json};
use domain::storage_schema::META;
use serde::Serialize;
use wasm_bindgen::JsValue;

impl EventStore {
    /// The record under `key` (`{key, json}`), returned once its transaction committed, so that
    /// decoding it may wait on anything (a file loaded on demand) without the browser closing a
    /// transaction under it; `None` when there is none.
    pub(crate) async fn meta_get(&self, key: &str) -> IdbResult<Option<JsValue>> {
        let tx = WriteTx::begin(self.database(), &[META])?;
        let stored = tx.get(META, &JsValue::from_str(key)).await?;
        tx.committed().await?;
        Ok((!stored.is_undefined()).then_some(stored))
    }

    /// Puts `value`, as JSON, under `key`.
    pub(crate) async fn meta_put(&self, key: &str, value: &impl Serialize) -> IdbResult<()> {
        let tx = WriteTx::begin(self.database(), &[META])?;
        let queued = to_json(value).and_then(|json| tx.put(META, &meta_record(key, &json)));
        finish(tx, queued).await
    }
}

pub(super) fn meta_record(key: &str, json: &str) -> JsValue {
    record(&[("key", key.into()), ("json", json.into())])
}

/// Commits when everything was queued, aborts otherwise: a half-queued transaction never lands.
pub(super) async fn finish(tx: WriteTx, queued: Result<(), IdbError>) -> IdbResult<()> {
    match queued {
        Ok(()) => tx.committed().await,
        Err(e) => {
            tx.abort();
            Err(e)
        }
    }
}
