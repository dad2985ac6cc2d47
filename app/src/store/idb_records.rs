//! The event store's two record shapes, built in one call to a small JS module (idb_records.js)
//! rather than field by field from wasm: `{ id, seq, device_seq, hlc, json[, sealed] }` for an
//! event and `{ event_id, json }` for its outbox entry — the shapes the store always had, so
//! records already on devices read the same. Measured on 10,000 events (BENCHMARKS.md, history):
//! making the records field by field took 620 ms, their JSON alone 106 ms; packed into one text
//! per megabyte and split in JS, 47 ms with the JSON.

use super::idb::{IdbError, IdbResult};
use domain::event::{EventEnvelope, OutboxEntry};
use domain::storage_schema;
use js_sys::Array;
use std::io::Write;
use wasm_bindgen::prelude::*;
use web_sys::{IdbObjectStore, IdbRequest};

#[wasm_bindgen(module = "/src/store/idb_records.js")]
extern "C" {
    #[wasm_bindgen(js_name = eventRecord)]
    pub fn event_record(
        id: &str,
        seq: f64,
        device_seq: &str,
        hlc: &str,
        json: &str,
        sealed: Option<&str>,
    ) -> JsValue;

    #[wasm_bindgen(js_name = outboxRecord)]
    pub fn outbox_record(event_id: &str, json: &str) -> JsValue;

    /// Adds `count` events (without a sealed part), packed by [`Packed`]: each with `add` (a
    /// duplicate id aborts the transaction), or `put` when `put_events` (the batch checked its ids
    /// first, [`super::batch`]); their outbox entries are appended to `later`, for [`put_all`].
    #[wasm_bindgen(js_name = addEventsWithOutbox, catch)]
    pub fn add_events_with_outbox(
        events: &IdbObjectStore,
        later: &Array,
        packed: &str,
        count: u32,
        put_events: bool,
    ) -> Result<(), JsValue>;

    /// Puts every record of `records` into `store` and empties `records`.
    #[wasm_bindgen(js_name = putAll, catch)]
    pub fn put_all(store: &IdbObjectStore, records: &Array) -> Result<(), JsValue>;

    /// The request reading `store`'s records from key `lower` to key `upper`, both included.
    #[wasm_bindgen(js_name = getAllBetween, catch)]
    pub fn get_all_between(
        store: &IdbObjectStore,
        lower: &str,
        upper: &str,
    ) -> Result<IdbRequest, JsValue>;

    /// The request counting `store`'s keys from `lower` to `upper`, both included.
    #[wasm_bindgen(js_name = countKeysBetween, catch)]
    pub fn count_keys_between(
        store: &IdbObjectStore,
        lower: &str,
        upper: &str,
    ) -> Result<IdbRequest, JsValue>;
}

/// Events and their outbox entries waiting to be added, packed into one text for
/// `addEventsWithOutbox`: per event six NUL-ended fields, the JSON written straight into the text.
/// Flushed every [`Packed::FLUSH_BYTES`] so that a 100,000-event batch never holds its whole text;
/// the outbox entries wait in JS until [`Packed::finish`], after every event.
#[derive(Default)]
pub struct Packed {
    bytes: Vec<u8>,
    count: u32,
    /// The outbox records of the events added so far, for the end of the batch.
    outbox_later: Array,
    /// Events go in with `put`: their batch made sure that none of their ids is stored or repeated.
    put_events: bool,
}

impl Packed {
    const FLUSH_BYTES: usize = 1 << 20;

    /// A packer whose events are written with `put`: only for ids known to be new (see above).
    pub fn putting_events() -> Packed {
        Packed {
            put_events: true,
            ..Packed::default()
        }
    }

    /// Appends `event` and `outbox`; adds what is packed once the text is large enough.
    pub fn push(
        &mut self,
        events: &IdbObjectStore,
        event: &EventEnvelope,
        entry: &OutboxEntry,
    ) -> IdbResult<()> {
        if self.pack(event, entry)? {
            self.flush(events)?;
        }
        Ok(())
    }

    /// Appends `event` and `outbox`; true once the text is large enough to be added.
    pub fn pack(&mut self, event: &EventEnvelope, entry: &OutboxEntry) -> IdbResult<bool> {
        let bytes = &mut self.bytes;
        let written = (|| -> Result<(), Box<dyn std::error::Error>> {
            write!(
                bytes,
                "{}\0{}\0{}\0{}\0",
                event.id.as_str(),
                event.seq,
                storage_schema::device_seq(event.device.as_str(), event.seq),
                event.hlc
            )?;
            serde_json::to_writer(&mut *bytes, event)?;
            bytes.push(0);
            serde_json::to_writer(&mut *bytes, entry)?;
            bytes.push(0);
            Ok(())
        })();
        written.map_err(|e| IdbError::Failed {
            name: "SerialiseError".into(),
            message: e.to_string(),
        })?;
        self.count += 1;
        Ok(self.bytes.len() >= Self::FLUSH_BYTES)
    }

    /// The packed text and how many events it holds (the benchmarks' profile adds it later).
    pub fn text(&self) -> (&str, u32) {
        (
            std::str::from_utf8(&self.bytes).unwrap_or_default(),
            self.count,
        )
    }

    /// Adds every event packed so far (before an event that goes another way, and at the end).
    pub fn flush(&mut self, events: &IdbObjectStore) -> IdbResult<()> {
        if self.count == 0 {
            return Ok(());
        }
        let text = std::str::from_utf8(&self.bytes).map_err(|e| IdbError::Failed {
            name: "SerialiseError".into(),
            message: e.to_string(),
        })?;
        add_events_with_outbox(
            events,
            &self.outbox_later,
            text,
            self.count,
            self.put_events,
        )
        .map_err(|e| IdbError::from_js(&e))?;
        self.bytes.clear();
        self.count = 0;
        Ok(())
    }

    /// Adds what is still packed, then every outbox entry of the events added.
    pub fn finish(&mut self, events: &IdbObjectStore, outbox: &IdbObjectStore) -> IdbResult<()> {
        self.flush(events)?;
        put_all(outbox, &self.outbox_later).map_err(|e| IdbError::from_js(&e))
    }
}
