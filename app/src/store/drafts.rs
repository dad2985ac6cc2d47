//! Unfinished forms kept on the device, so that a reload, a crash or a dead battery loses nothing
//! that was typed. One record per form instance, as the form's own JSON.

use super::idb::{IdbResult, WriteTx, record};
use super::{EventStore, from_json, to_json};
use domain::storage_schema::DRAFTS;
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::JsValue;

impl EventStore {
    pub async fn save_draft<T: Serialize>(&self, key: &str, draft: &T) -> IdbResult<()> {
        let tx = WriteTx::begin(self.database(), &[DRAFTS])?;
        tx.put(
            DRAFTS,
            &record(&[
                ("key", JsValue::from_str(key)),
                ("json", to_json(draft)?.into()),
            ]),
        )?;
        tx.committed().await
    }

    pub async fn draft<T: DeserializeOwned>(&self, key: &str) -> IdbResult<Option<T>> {
        let tx = WriteTx::begin(self.database(), &[DRAFTS])?;
        let stored = tx.get(DRAFTS, &JsValue::from_str(key)).await?;
        tx.committed().await?;
        if stored.is_undefined() {
            return Ok(None);
        }
        from_json(&stored).map(Some)
    }

    pub async fn delete_draft(&self, key: &str) -> IdbResult<()> {
        let tx = WriteTx::begin(self.database(), &[DRAFTS])?;
        tx.store(DRAFTS)?
            .delete(&JsValue::from_str(key))
            .map_err(|e| super::idb::IdbError::from_js(&e))?;
        tx.committed().await
    }
}
