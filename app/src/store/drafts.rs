//! Unfinished forms kept on the device, so that a reload, a crash or a dead battery loses nothing
//! that was typed. One record per form instance, as the form's own JSON — sealed under the
//! device's data key once a volunteer set a PIN (`vault`), since a sign-up draft holds a
//! resident's name and phone.

use super::idb::{IdbResult, WriteTx, record};
use super::vault::DraftAtRest;
use super::{EventStore, from_json, to_json};
use domain::storage_schema::DRAFTS;
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::JsValue;

impl EventStore {
    pub async fn save_draft<T: Serialize>(&self, key: &str, draft: &T) -> IdbResult<()> {
        // Sealed before the transaction opens (WebCrypto would let it commit early).
        let field = match self.prepare_draft(&to_json(draft)?).await? {
            DraftAtRest::Plain => ("json", to_json(draft)?),
            DraftAtRest::Sealed(sealed) => ("sealed", sealed),
            DraftAtRest::NotKept => return Ok(()),
        };
        let tx = WriteTx::begin(self.database(), &[DRAFTS])?;
        tx.put(
            DRAFTS,
            &record(&[("key", JsValue::from_str(key)), (field.0, field.1.into())]),
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
        if let Some(sealed) = super::idb::field_string(&stored, "sealed") {
            // Locked, or a draft sealed under a key this device no longer has: the form starts
            // empty and the sealed draft stays until it opens.
            return Ok(
                match super::vault::open_draft(&self.database().name(), &sealed).await {
                    Some(json) => serde_json::from_str(&json).ok(),
                    None => None,
                },
            );
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
