//! Carrying out an erasure on the device: when a pulled page brings a `ResidentErased`, the
//! events this device holds about that resident are rewritten with the details blanked
//! (`domain::privacy`), in the same transaction as the page, so that the details never outlive
//! the moment the device learnt of the erasure.
//!
//! The event log is immutable everywhere else; rewriting a stored record in place is done here
//! only, for this legal duty (GDPR art. 17). The record keeps its key, sequence, clock and
//! kind: the outbox, the walk list and the counts see the same events as before. An erased
//! sign-up still waiting in the outbox is sent blanked, which the server accepts (the erasure
//! rule lets a blanked sign-up pass the event checks) and stores once, as any repeat.

use super::idb::{self, IdbError, IdbResult, WriteTx};
use super::{event_record, from_json};
use domain::event::{EventBody, EventEnvelope};
use domain::privacy::Erasures;
use domain::storage_schema::EVENTS;
use js_sys::Array;
use wasm_bindgen::JsCast;

/// Whether any of `events` asks for an erasure.
pub fn brings_erasure(events: &[EventEnvelope]) -> bool {
    events
        .iter()
        .any(|e| matches!(e.body, EventBody::ResidentErased(_)))
}

/// Rewrites, inside `tx` (which must cover the events store), every stored event an erasure of
/// the log blanks; returns how many. Reads the whole log, so it runs only when `arrived` brings
/// an erasure.
pub(crate) async fn erase_in(tx: &WriteTx, arrived: &[EventEnvelope]) -> IdbResult<usize> {
    if !brings_erasure(arrived) {
        return Ok(0);
    }
    let request = tx
        .store(EVENTS)?
        .get_all()
        .map_err(|e| IdbError::from_js(&e))?;
    // Requests of one transaction run in order: the page's own events, added just before, are
    // in this read.
    let records: Array = idb::request(&request).await?.unchecked_into();
    let events: Vec<EventEnvelope> = records
        .iter()
        .map(|r| from_json(&r))
        .collect::<IdbResult<_>>()?;
    let erasures = Erasures::from_events(&events);
    let mut rewritten = 0;
    for event in &events {
        if let Some(blanked) = erasures.blank(event) {
            tx.put(EVENTS, &event_record(&blanked)?)?;
            rewritten += 1;
        }
    }
    Ok(rewritten)
}
