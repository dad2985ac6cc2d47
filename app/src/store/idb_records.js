// The event store's records built on the JS side, one call per record (app/src/store/idb_records.rs):
// an object literal has its field names as engine constants and one shape for every record, where
// building it field by field from wasm cost a dozen calls across the boundary per record (a new
// name string and a `Reflect.set` per field), about half the time of a 10,000-event write.
// The shape is the one the store always had: { id, seq, device_seq, hlc, json[, sealed] } and
// { event_id, json }.

export function eventRecord(id, seq, deviceSeq, hlc, json, sealed) {
  const record = { id, seq, device_seq: deviceSeq, hlc, json };
  if (sealed !== undefined) record.sealed = sealed;
  return record;
}

export function outboxRecord(eventId, json) {
  return { event_id: eventId, json };
}

/** Adds `count` events and their outbox entries, packed by the batch write into one text: per
 * event six fields (id, seq, device_seq, hlc, event JSON, outbox JSON), each ended by a NUL,
 * which no field holds (JSON writes control characters escaped). One text crosses from wasm for
 * many events, where a text per field cost a decoding each. Throws what `add` and `put` throw. */
export function addEventsWithOutbox(events, outbox, packed, count) {
  const f = packed.split('\0');
  if (f.length !== 6 * count + 1) throw new DOMException(`packed ${f.length - 1} fields for ${count} events`, 'DataError');
  for (let k = 0; k < 6 * count; k += 6) {
    events.add({ id: f[k], seq: Number(f[k + 1]), device_seq: f[k + 2], hlc: f[k + 3], json: f[k + 4] });
    // `put`: the event's `add` just above already refuses a duplicate id, and takes the whole
    // transaction down with it; a second existence check per entry cost the backend a read.
    outbox.put({ event_id: f[k], json: f[k + 5] });
  }
}
