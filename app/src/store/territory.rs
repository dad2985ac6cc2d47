//! The campaign's territory on the device: one IndexedDB record per résidence. An import writes
//! every résidence it touches in one transaction, so a file is imported whole or not at all.

use super::idb::{self, IdbResult, WriteTx};
use super::{EventStore, from_json, to_json};
use domain::storage_schema::RESIDENCES;
use domain::territory::{Residence, Territory};
use wasm_bindgen::JsValue;

impl EventStore {
    pub async fn territory(&self) -> IdbResult<Territory> {
        let mut residences: Vec<Residence> = idb::get_all(self.database(), RESIDENCES, None)
            .await?
            .iter()
            .map(|r| from_json(&r))
            .collect::<IdbResult<_>>()?;
        residences.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Territory { residences })
    }

    /// Writes these résidences (replacing any with the same id) atomically.
    pub async fn save_residences(&self, residences: &[Residence]) -> IdbResult<()> {
        let tx = WriteTx::begin(self.database(), &[RESIDENCES])?;
        for residence in residences {
            if let Err(e) = residence_record(residence).and_then(|r| tx.put(RESIDENCES, &r)) {
                tx.abort();
                return Err(e);
            }
        }
        tx.committed().await
    }
}

/// A résidence as store `residences` keeps it: its id, and the domain's JSON.
pub(super) fn residence_record(residence: &Residence) -> IdbResult<JsValue> {
    Ok(idb::record(&[
        ("id", JsValue::from_str(residence.id.as_str())),
        ("json", to_json(residence)?.into()),
    ]))
}
