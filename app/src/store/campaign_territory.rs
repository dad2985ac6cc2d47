//! Merging doors into the device's territory (store `residences`, one record per résidence) in
//! one transaction that reads, merges and writes: a file imported here and the campaign's
//! attached territory arriving from the server at the same moment both land, and nothing is
//! ever half-merged. The version of the campaign territory merged last is kept in `meta`, in
//! the same transaction, so a tablet never records a version whose doors it does not hold.

use super::idb::{self, IdbError, IdbResult, WriteTx};
use super::meta::meta_record;
use super::territory::residence_record;
use super::{EventStore, from_json, to_json};
use domain::import::MergeSummary;
use domain::storage_schema::{META, RESIDENCES};
use domain::territory::{Residence, Territory};

const VERSION_KEY: &str = "campaign_territory_version";

impl EventStore {
    /// The version of the campaign territory last merged here; `None` before the first.
    pub async fn campaign_territory_version(&self) -> IdbResult<Option<String>> {
        self.meta_get(VERSION_KEY)
            .await?
            .map(|stored| from_json(&stored))
            .transpose()
    }

    /// Reads the stored territory, lets `merge` add to it (`Territory::merge_import`, or
    /// `domain::campaign_territory::receive`), and writes it back with `version` when given, all
    /// in one transaction. Answers the territory as it now is and what the merge added.
    pub async fn merge_into_territory(
        &self,
        merge: impl FnOnce(&mut Territory) -> MergeSummary,
        version: Option<&str>,
    ) -> IdbResult<(Territory, MergeSummary)> {
        let tx = WriteTx::begin(self.database(), &[RESIDENCES, META])?;
        let read = async {
            let request = tx
                .store(RESIDENCES)?
                .get_all()
                .map_err(|e| IdbError::from_js(&e))?;
            let records = js_sys::Array::from(&idb::request(&request).await?);
            records
                .iter()
                .map(|r| from_json(&r))
                .collect::<IdbResult<Vec<Residence>>>()
        }
        .await;
        let residences = match read {
            Ok(residences) => residences,
            Err(e) => {
                tx.abort();
                return Err(e);
            }
        };
        let mut territory = Territory { residences };
        let added = merge(&mut territory);
        let queued = (|| {
            for residence in &territory.residences {
                tx.put(RESIDENCES, &residence_record(residence)?)?;
            }
            if let Some(version) = version {
                tx.put(META, &meta_record(VERSION_KEY, &to_json(&version)?))?;
            }
            Ok(())
        })();
        match queued {
            Ok(()) => tx.committed().await?,
            Err(e) => {
                tx.abort();
                return Err(e);
            }
        }
        Ok((territory, added))
    }
}
