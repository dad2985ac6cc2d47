//! The device's event store: the append-only log of what was recorded here and the outbox of
//! what the server has not acknowledged yet, kept in IndexedDB.
//!
//! The decisions (ids, sequence, clock, what an outbox entry holds, the schema) are taken by
//! `domain`; this module only reads the device's recorder state and writes the results, all in
//! one transaction so that an event never exists without its outbox entry or the other way round.

pub mod batch;
#[cfg(test)]
mod bench;
pub mod campaign_territory;
mod decoded_on_demand;
pub mod drafts;
pub mod erasure;
pub mod idb;
pub mod idb_records;
mod meta;
mod recorder_cache;
#[cfg(test)]
mod recorder_cache_tests;
#[cfg(test)]
mod recovery_tests;
pub mod sealed;
#[cfg(test)]
mod sealed_tests;
pub mod sync;
#[cfg(test)]
mod sync_tests;
pub mod territory;
#[cfg(test)]
pub(crate) mod tests;
pub mod vault;
#[cfg(test)]
mod vault_tests;

use domain::event::{Actor, EventBody, EventEnvelope, OutboxEntry, Recorder};
use domain::ids::{CampaignId, DeviceId};
use domain::storage_schema::{self, EVENTS, META, OUTBOX};
use idb::{IdbError, IdbResult, WriteTx};
use wasm_bindgen::JsValue;
use web_sys::IdbDatabase;

/// Key of the meta record holding the device's [`Recorder`] (device id, next sequence, clock).
pub(crate) const RECORDER_KEY: &str = "recorder";

#[derive(Clone)]
pub struct EventStore {
    db: IdbDatabase,
}

impl EventStore {
    /// Opens the device's store, upgrading its schema to the current version if needed.
    pub async fn open() -> IdbResult<EventStore> {
        Self::open_named(storage_schema::DB_NAME, storage_schema::current_version()).await
    }

    /// Opens a store under another name or at an older schema version (tests of upgrades).
    pub async fn open_named(name: &str, version: u32) -> IdbResult<EventStore> {
        Ok(EventStore {
            db: idb::open(name, version).await?,
        })
    }

    pub fn close(&self) {
        self.db.close();
    }

    /// Records one event and its outbox entry, durably, in a single transaction, under the
    /// campaign the device is enrolled in (the demo campaign until it is).
    pub async fn record(&self, actor: Actor, body: EventBody) -> IdbResult<EventEnvelope> {
        self.record_under(actor, None, body).await
    }

    /// Records under a given campaign, whatever the enrollment (tests, benchmarks).
    pub async fn record_in(
        &self,
        actor: Actor,
        campaign: CampaignId,
        body: EventBody,
    ) -> IdbResult<EventEnvelope> {
        self.record_under(actor, Some(campaign), body).await
    }

    /// One event is a batch of one: the same single transaction (recorder read inside it, so two
    /// tabs never hand out the same sequence number; details sealed before it opens).
    pub(crate) async fn record_under(
        &self,
        actor: Actor,
        campaign: Option<CampaignId>,
        body: EventBody,
    ) -> IdbResult<EventEnvelope> {
        let mut written = self.record_batch_under(actor, campaign, vec![body]).await?;
        written.pop().ok_or_else(|| IdbError::Failed {
            name: "DataError".into(),
            message: "a batch of one event wrote none".into(),
        })
    }

    /// Every event recorded on or received by this device, in clock (HLC) order: the order the
    /// projections fold them in, whichever device recorded them.
    /// Personal details are opened when the device is unlocked, `at_rest::LOCKED` otherwise.
    pub async fn events(&self) -> IdbResult<Vec<EventEnvelope>> {
        // Read in key order and sorted here, in the order the `by_hlc` index gave until schema
        // version 5: the log is read whole anyway, and the index cost every write an entry.
        let records: Vec<JsValue> = idb::get_all(&self.db, EVENTS, None).await?.iter().collect();
        let mut events = vault::open_all(&self.db.name(), &records).await?;
        storage_schema::in_clock_order(&mut events);
        Ok(events)
    }

    /// What still waits for the server's acknowledgement, oldest first.
    pub async fn outbox(&self) -> IdbResult<Vec<OutboxEntry>> {
        let mut entries: Vec<OutboxEntry> = idb::get_all(&self.db, OUTBOX, None)
            .await?
            .iter()
            .map(|r| from_json(&r))
            .collect::<IdbResult<_>>()?;
        entries.sort_by_key(|e| e.seq);
        Ok(entries)
    }

    pub async fn outbox_len(&self) -> IdbResult<u32> {
        idb::count(&self.db, OUTBOX).await
    }

    /// This device's id, created with its recorder the first time it is asked for. Only read
    /// once it exists: written back on every call, it made every read of the log and every sync
    /// round fail on a full device.
    pub async fn device(&self) -> IdbResult<DeviceId> {
        let key = JsValue::from_str(RECORDER_KEY);
        let stored = idb::get_many(&self.db, META, std::slice::from_ref(&key)).await?;
        if let Some(stored) = stored.first().filter(|s| !s.is_undefined()) {
            return Ok(recorder_from(stored)?.device);
        }
        // The first start: made and stored, unless another tab stored one meanwhile.
        let tx = WriteTx::begin(&self.db, &[META])?;
        let (recorder, already_stored) = read_recorder_noting_if_stored(&tx).await?;
        if !already_stored {
            tx.put(META, &recorder_record(&recorder)?)?;
        }
        tx.committed().await?;
        Ok(recorder.device)
    }

    /// The raw database, for adapters that need another store (and for tests).
    pub fn database(&self) -> &IdbDatabase {
        &self.db
    }
}

pub(crate) async fn read_recorder(tx: &WriteTx) -> IdbResult<Recorder> {
    Ok(read_recorder_noting_if_stored(tx).await?.0)
}

/// The recorder, and whether it was already stored. A new one (the first start) must be written;
/// a stored one is written back only when it changes, so that a full device, which refuses every
/// write, can still read its log and sync.
pub(crate) async fn read_recorder_noting_if_stored(tx: &WriteTx) -> IdbResult<(Recorder, bool)> {
    let stored = tx.get(META, &JsValue::from_str(RECORDER_KEY)).await?;
    Ok((recorder_from(&stored)?, !stored.is_undefined()))
}

/// The recorder in its stored record, or the device's first one when there is none yet.
pub(crate) fn recorder_from(stored: &JsValue) -> IdbResult<Recorder> {
    if stored.is_undefined() {
        let mut bytes = [0u8; 16];
        fill_random(&mut bytes);
        return Ok(Recorder::new(DeviceId::from_random(bytes)));
    }
    from_json(stored)
}

/// Records keep their payload as one JSON text (the domain's serde shape) and copy out only the
/// fields IndexedDB indexes: cheaper to write than a deep JS object, and the wire shape stays one.
/// Built by one call into JS (idb_records.rs), the same shape as ever.
pub(crate) fn event_record(event: &EventEnvelope) -> IdbResult<JsValue> {
    Ok(idb_records::event_record(
        event.id.as_str(),
        event.seq as f64,
        &storage_schema::device_seq(event.device.as_str(), event.seq),
        &event.hlc.to_string(),
        &to_json(event)?,
        None,
    ))
}

pub(crate) fn outbox_record(entry: &OutboxEntry) -> IdbResult<JsValue> {
    Ok(idb_records::outbox_record(
        entry.event_id.as_str(),
        &to_json(entry)?,
    ))
}

pub(crate) fn recorder_record(recorder: &Recorder) -> IdbResult<JsValue> {
    Ok(idb::record(&[
        ("key", RECORDER_KEY.into()),
        ("json", to_json(recorder)?.into()),
    ]))
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> IdbResult<String> {
    serde_json::to_string(value).map_err(|e| IdbError::Failed {
        name: "SerialiseError".into(),
        message: e.to_string(),
    })
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(record: &JsValue) -> IdbResult<T> {
    let text = idb::field_string(record, "json").ok_or_else(|| IdbError::Failed {
        name: "DataError".into(),
        message: "record without json".into(),
    })?;
    serde_json::from_str(&text).map_err(|e| IdbError::Failed {
        name: "DataError".into(),
        message: e.to_string(),
    })
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Cryptographic randomness from the browser; ids must not collide across devices.
pub fn fill_random(bytes: &mut [u8]) {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    match crypto {
        Some(c) if c.get_random_values_with_u8_array(bytes).is_ok() => {}
        // No WebCrypto at all is a broken browser; Math.random still keeps ids distinct in practice.
        _ => bytes
            .iter_mut()
            .for_each(|b| *b = (js_sys::Math::random() * 256.0) as u8),
    }
}
