//! What sync keeps on the device besides the log and the outbox: the enrollment (token and
//! campaign), the pull cursor, how the last rounds went, and the "À vérifier" list. The two writes
//! that matter each happen in one transaction: applying a push answer to the outbox, and saving a
//! pulled page with its cursor.

use super::idb::{self, IdbError, IdbResult, WriteTx, record};
use super::meta::{finish, meta_record};
use super::{
    EventStore, decoded_on_demand, from_json, read_recorder, read_recorder_noting_if_stored,
    recorder_cache, recorder_record, to_json,
};
use domain::event::{EventEnvelope, OutboxEntry};
use domain::ids::EventId;
use domain::storage_schema::{EVENTS, META, NEEDS_ATTENTION, OUTBOX};
use domain::sync::{
    AttentionEntry, Cursor, Enrollment, NeedsAttention, OutboxUpdate, PullResponse, SyncRecord,
    merge_pulled, still_waiting,
};
use std::collections::HashSet;
use wasm_bindgen::JsValue;

/// Meta keys. The cursor has its own record so that a pulled page and its cursor are one small
/// write, apart from the record of how rounds went.
pub(crate) const ENROLLMENT_KEY: &str = "enrollment";
const CURSOR_KEY: &str = "pull_cursor";
const SYNC_RECORD_KEY: &str = "sync_record";

/// One outbox entry's event as a push finds it. Short-lived, one per entry of a batch: the size
/// difference between the variants costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub enum Sendable {
    Ready(EventEnvelope),
    /// Its details are sealed and the device is locked: sent after the unlock.
    WaitsForUnlock,
    Missing,
}

/// Why an entry the answer did not mention is still in the outbox.
const NOT_IN_ANSWER: &str = "not in the server's answer; sent again at the next round";

impl EventStore {
    pub async fn enrollment(&self) -> IdbResult<Option<Enrollment>> {
        let Some(stored) = self.meta_get(ENROLLMENT_KEY).await? else {
            return Ok(None);
        };
        decoded_on_demand::decode_enrollment(stored).await.map(Some)
    }

    /// Saves a new enrollment and forgets the pull cursor in the same transaction: the cursor
    /// belonged to the previous campaign's log (pulling again from the start is harmless).
    pub async fn save_enrollment(&self, enrollment: &Enrollment) -> IdbResult<()> {
        let database = self.database().name();
        recorder_cache::while_changing(&database, async {
            let tx = WriteTx::begin(self.database(), &[META])?;
            let written = (|| {
                tx.put(META, &meta_record(ENROLLMENT_KEY, &to_json(enrollment)?))?;
                tx.delete(META, &JsValue::from_str(CURSOR_KEY))
            })();
            finish(tx, written).await
        })
        .await
    }

    /// The server refused the token: keep the enrollment (its campaign still names new events)
    /// but mark it, so that nothing is sent until the device is enrolled again.
    pub async fn mark_revoked(&self) -> IdbResult<Option<Enrollment>> {
        let database = self.database().name();
        recorder_cache::while_changing(&database, async {
            let tx = WriteTx::begin(self.database(), &[META])?;
            let mut enrollment = match read_enrollment(&tx).await {
                Ok(Some(e)) => e,
                Ok(None) => return tx.committed().await.map(|()| None),
                Err(e) => {
                    tx.abort();
                    return Err(e);
                }
            };
            enrollment.revoked = true;
            let written = to_json(&enrollment)
                .and_then(|json| tx.put(META, &meta_record(ENROLLMENT_KEY, &json)));
            finish(tx, written).await.map(|()| Some(enrollment))
        })
        .await
    }

    pub async fn sync_record(&self) -> IdbResult<SyncRecord> {
        let Some(stored) = self.meta_get(SYNC_RECORD_KEY).await? else {
            return Ok(SyncRecord::default());
        };
        decoded_on_demand::decode_sync_record(stored).await
    }

    pub async fn save_sync_record(&self, sync_record: &SyncRecord) -> IdbResult<()> {
        self.meta_put(SYNC_RECORD_KEY, sync_record).await
    }

    pub async fn pull_cursor(&self) -> IdbResult<Option<Cursor>> {
        let tx = WriteTx::begin(self.database(), &[META])?;
        let cursor = read_cursor(&tx).await?;
        tx.committed().await?;
        Ok(cursor)
    }

    /// The events of `ids`, in the same order; `None` for an id with no event in the log.
    pub async fn events_by_id(&self, ids: &[EventId]) -> IdbResult<Vec<Option<EventEnvelope>>> {
        let keys: Vec<JsValue> = ids.iter().map(|id| id.as_str().into()).collect();
        let records = idb::get_many(self.database(), EVENTS, &keys).await?;
        super::vault::open_records(&self.database().name(), &records).await
    }

    /// The events of `ids` as a push sends them: an event whose details are sealed waits while
    /// the device is locked (it stays in the outbox, and the lock bar says so).
    pub async fn events_to_send(&self, ids: &[EventId]) -> IdbResult<Vec<Sendable>> {
        Ok(self
            .events_by_id(ids)
            .await?
            .into_iter()
            .map(|event| match event {
                None => Sendable::Missing,
                Some(e) if super::vault::is_locked(&e) => Sendable::WaitsForUnlock,
                Some(e) => Sendable::Ready(e),
            })
            .collect())
    }

    /// Applies a push answer to the outbox in ONE transaction: acknowledged entries deleted,
    /// refused ones moved to "À vérifier", the others kept with one more attempt. Either all of it
    /// lands or none, so an entry is never both sent-and-deleted and still listed, nor lost.
    /// An acknowledged sealed kiosk record leaves the log too: the kiosk cannot read it and the
    /// server holds it, so keeping it would only keep a resident's details on the tablet.
    pub async fn apply_push_update(&self, update: &OutboxUpdate, now_ms: u64) -> IdbResult<()> {
        let tx = WriteTx::begin(self.database(), &[OUTBOX, NEEDS_ATTENTION, EVENTS])?;
        let result = async {
            for id in &update.acknowledged {
                tx.delete(OUTBOX, &id.as_str().into())?;
            }
            delete_sealed(&tx, &update.acknowledged).await?;
            for reason in &update.needs_attention {
                // The entry as it is now; absent only if another tab moved it meanwhile.
                if let Some(entry) = read_outbox_entry(&tx, &reason.event_id).await? {
                    let aside = AttentionEntry::set_aside(&entry, reason, now_ms);
                    tx.put(NEEDS_ATTENTION, &attention_record(&aside)?)?;
                    tx.delete(OUTBOX, &reason.event_id.as_str().into())?;
                }
            }
            // Practice never leaves the device: out of both lists, kept in the log.
            for id in &update.practice {
                tx.delete(OUTBOX, &id.as_str().into())?;
                tx.delete(NEEDS_ATTENTION, &id.as_str().into())?;
            }
            for id in &update.retry {
                if let Some(entry) = read_outbox_entry(&tx, id).await? {
                    tx.put(
                        OUTBOX,
                        &super::outbox_record(&still_waiting(&entry, NOT_IN_ANSWER))?,
                    )?;
                }
            }
            Ok(())
        }
        .await;
        finish(tx, result).await
    }

    /// Moves one outbox entry to "À vérifier" with a reason found on the device (an event too
    /// large to send, an entry whose event is missing).
    pub async fn set_aside(
        &self,
        event_id: &EventId,
        code: &str,
        message: &str,
        now_ms: u64,
    ) -> IdbResult<()> {
        let update = OutboxUpdate {
            needs_attention: vec![NeedsAttention {
                event_id: event_id.clone(),
                code: code.to_owned(),
                message: message.to_owned(),
            }],
            ..OutboxUpdate::default()
        };
        self.apply_push_update(&update, now_ms).await
    }

    /// Brings this device's clock back to `server_now_ms` when it ran more than a day ahead
    /// (`HlcClock::leave_the_future`), so that new events are stamped with the real time.
    pub async fn leave_the_future(&self, server_now_ms: u64) -> IdbResult<()> {
        let database = self.database().name();
        recorder_cache::while_changing(&database, async {
            let tx = WriteTx::begin(self.database(), &[META])?;
            let mut recorder = match read_recorder(&tx).await {
                Ok(r) => r,
                Err(e) => {
                    tx.abort();
                    return Err(e);
                }
            };
            if !recorder.clock.leave_the_future(server_now_ms) {
                return tx.committed().await;
            }
            let written = recorder_record(&recorder).and_then(|r| tx.put(META, &r));
            finish(tx, written).await
        })
        .await
    }

    /// Saves a pulled page in ONE transaction: the events this device does not hold yet (never
    /// into the outbox: they are other devices' to send), the device's clock moved past them, and
    /// the cursor. Returns the events added.
    pub async fn save_pulled_page(
        &self,
        page: &PullResponse,
        now_ms: u64,
    ) -> IdbResult<Vec<EventEnvelope>> {
        // The team's details are sealed before the transaction opens, as a recording's are.
        let mut at_rest = std::collections::HashMap::new();
        for event in &page.events {
            at_rest.insert(event.id.clone(), self.prepare(&event.body, true).await?);
        }
        // The clock moves past the pulled events: this tab's copy of the recorder is replaced by
        // what this transaction writes, and no visit written meanwhile keeps an older one.
        let database = self.database().name();
        let copy = recorder_cache::change_begins(&database);
        let tx = WriteTx::begin(self.database(), &[EVENTS, META])?;
        let result = async {
            // Every id of the page looked up at once, by a count (no record to copy back): the
            // browser answers them one after the other without waiting for this page's code in
            // between, where awaiting each before asking the next cost a round trip per event.
            let events_store = tx.store(EVENTS)?;
            let lookups = page
                .events
                .iter()
                .map(|event| {
                    events_store
                        .count_with_key(&event.id.as_str().into())
                        .map_err(|e| IdbError::from_js(&e))
                })
                .collect::<IdbResult<Vec<_>>>()?;
            let mut known = HashSet::new();
            for (event, lookup) in page.events.iter().zip(&lookups) {
                if idb::request(lookup).await?.as_f64() != Some(0.0) {
                    known.insert(event.id.clone());
                }
            }
            let outcome = merge_pulled(&known, page);
            // Written only when something changes: a round that brings nothing new must end
            // well on a full device too (after its push freed the outbox).
            let (mut recorder, already_stored) = read_recorder_noting_if_stored(&tx).await?;
            let recorder_changed = !already_stored || !outcome.new_events.is_empty();
            // Added in key order, which IndexedDB takes faster than keys in the page's order
            // (a batch of ids in random order wrote about a fifth slower; BENCHMARKS.md).
            let mut in_key_order: Vec<&EventEnvelope> = outcome.new_events.iter().collect();
            in_key_order.sort_unstable_by(|a, b| a.id.cmp(&b.id));
            for event in in_key_order {
                let stored = at_rest
                    .get(&event.id)
                    .unwrap_or(&super::vault::AtRest::Plain);
                tx.add(EVENTS, &super::vault::stored_record(event, stored)?)?;
                super::vault::note_plain_details(&tx, event, stored)?;
                // Later local events must sort after what the team did; a remote clock too far
                // ahead is not followed (the event is kept all the same).
                let _ = recorder.clock.observe(&event.hlc, now_ms);
            }
            if recorder_changed {
                tx.put(META, &recorder_record(&recorder)?)?;
            }
            // An erasure among them blanks what this device holds, in this same transaction.
            super::erasure::erase_in(&tx, &outcome.new_events).await?;
            if let Some(cursor) = outcome.cursor_change(read_cursor(&tx).await?) {
                tx.put(META, &meta_record(CURSOR_KEY, &to_json(&cursor)?))?;
            }
            Ok((outcome.new_events, recorder))
        }
        .await;
        let done = match result {
            Ok((added, recorder)) => tx.committed().await.map(|()| (added, recorder)),
            Err(e) => {
                tx.abort();
                Err(e)
            }
        };
        let now = match (&done, copy) {
            (Ok((_, recorder)), Some(copy)) => Some(recorder_cache::Known {
                recorder: recorder.clone(),
                enrollment: copy.enrollment,
            }),
            _ => None,
        };
        recorder_cache::change_ends(&database, now);
        done.map(|(added, _)| added)
    }

    /// The "À vérifier" list, oldest recorded first.
    pub async fn attention(&self) -> IdbResult<Vec<AttentionEntry>> {
        let mut entries: Vec<AttentionEntry> = idb::get_all(self.database(), NEEDS_ATTENTION, None)
            .await?
            .iter()
            .map(|r| from_json(&r))
            .collect::<IdbResult<_>>()?;
        entries.sort_by_key(|e| e.seq);
        Ok(entries)
    }

    pub async fn attention_len(&self) -> IdbResult<u32> {
        idb::count(self.database(), NEEDS_ATTENTION).await
    }

    /// "Réessayer": puts these entries back in the outbox, in ONE transaction.
    pub async fn retry_attention(&self, ids: &[EventId]) -> IdbResult<()> {
        let tx = WriteTx::begin(self.database(), &[OUTBOX, NEEDS_ATTENTION])?;
        let result = async {
            for id in ids {
                let stored = tx.get(NEEDS_ATTENTION, &id.as_str().into()).await?;
                if stored.is_undefined() {
                    continue;
                }
                let entry: AttentionEntry = from_json(&stored)?;
                tx.put(OUTBOX, &super::outbox_record(&entry.back_to_outbox())?)?;
                tx.delete(NEEDS_ATTENTION, &id.as_str().into())?;
            }
            Ok(())
        }
        .await;
        finish(tx, result).await
    }

    /// Every event the server has not acknowledged: the outbox and the "À vérifier" list, for the
    /// export file. Ids whose event is missing are returned apart, so the caller can say so.
    pub async fn unsent_events(&self) -> IdbResult<(Vec<EventEnvelope>, Vec<EventId>)> {
        let mut ids: Vec<EventId> = self
            .outbox()
            .await?
            .into_iter()
            .map(|e| e.event_id)
            .collect();
        ids.extend(self.attention().await?.into_iter().map(|e| e.event_id));
        let found = self.events_to_send(&ids).await?;
        let mut events = Vec::new();
        let mut missing = Vec::new();
        for (id, event) in ids.into_iter().zip(found) {
            match event {
                Sendable::Ready(event) => events.push(event),
                // An export must hold the details: it cannot be written while locked.
                Sendable::WaitsForUnlock => {
                    return Err(IdbError::Failed {
                        name: super::vault::LOCKED_ERROR.into(),
                        message: "unlock the device to export what is not sent yet".into(),
                    });
                }
                Sendable::Missing => missing.push(id),
            }
        }
        Ok((events, missing))
    }
}

pub(crate) async fn read_enrollment(tx: &WriteTx) -> IdbResult<Option<Enrollment>> {
    let stored = tx.get(META, &JsValue::from_str(ENROLLMENT_KEY)).await?;
    if stored.is_undefined() {
        return Ok(None);
    }
    from_json(&stored).map(Some)
}

/// Deletes the sealed kiosk records among `ids` from the log. Every read is queued before the
/// first is awaited (one round trip for the batch, not one per event).
async fn delete_sealed(tx: &WriteTx, ids: &[EventId]) -> IdbResult<()> {
    let events = tx.store(EVENTS)?;
    let requests = ids
        .iter()
        .map(|id| {
            events
                .get(&id.as_str().into())
                .map_err(|e| IdbError::from_js(&e))
        })
        .collect::<IdbResult<Vec<_>>>()?;
    for (id, request) in ids.iter().zip(&requests) {
        let stored = idb::request(request).await?;
        // Only a sealed record's JSON names these kinds; parsing every acknowledged event would
        // cost a big push dearly for nothing.
        let sealed = idb::field_string(&stored, "json").is_some_and(|json| {
            json.contains(r#""type":"KioskSealed""#)
                || json.contains(r#""type":"KioskCallbackRequested""#)
        });
        if sealed {
            tx.delete(EVENTS, &id.as_str().into())?;
        }
    }
    Ok(())
}

async fn read_cursor(tx: &WriteTx) -> IdbResult<Option<Cursor>> {
    let stored = tx.get(META, &JsValue::from_str(CURSOR_KEY)).await?;
    if stored.is_undefined() {
        return Ok(None);
    }
    from_json(&stored).map(Some)
}

async fn read_outbox_entry(tx: &WriteTx, id: &EventId) -> IdbResult<Option<OutboxEntry>> {
    let stored = tx.get(OUTBOX, &id.as_str().into()).await?;
    if stored.is_undefined() {
        return Ok(None);
    }
    from_json(&stored).map(Some)
}

fn attention_record(entry: &AttentionEntry) -> IdbResult<JsValue> {
    Ok(record(&[
        ("event_id", entry.event_id.as_str().into()),
        ("json", to_json(entry)?.into()),
    ]))
}
