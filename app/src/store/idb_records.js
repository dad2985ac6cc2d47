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

/** Adds `count` events, packed by the batch write into one text: per event six fields (id, seq,
 * device_seq, hlc, event JSON, outbox JSON), each ended by a NUL, which no field holds (JSON
 * writes control characters escaped). One text crosses from wasm for many events, where a text
 * per field cost a decoding each. Each event with `add` (a duplicate id is refused), or with
 * `put` when `putEvents` says the batch already checked that none of its ids is stored
 * (`countKeysBetween`, in the same transaction) nor repeated. Their outbox entries are appended
 * to `later`, for `putAll` once every event of the batch is in: a batch's records grouped by
 * store wrote about 5 % faster than alternating the two stores (BENCHMARKS.md, history).
 * Throws what `add` and `put` throw. */
export function addEventsWithOutbox(events, later, packed, count, putEvents) {
  const f = packed.split('\0');
  if (f.length !== 6 * count + 1) throw new DOMException(`packed ${f.length - 1} fields for ${count} events`, 'DataError');
  for (let k = 0; k < 6 * count; k += 6) {
    const record = { id: f[k], seq: Number(f[k + 1]), device_seq: f[k + 2], hlc: f[k + 3], json: f[k + 4] };
    if (putEvents) events.put(record);
    else events.add(record);
    // `put` (in `putAll`): the event's `add` just above (or the batch's check before it) already
    // refuses a duplicate id, taking the whole transaction down; a second check per entry cost a read.
    later.push({ event_id: f[k], json: f[k + 5] });
  }
}

/** Puts every record of `records` into `store`, and empties `records`. */
export function putAll(store, records) {
  for (let i = 0; i < records.length; i++) store.put(records[i]);
  records.length = 0;
}

/** How many records of `store` have a key between `lower` and `upper` (both included): one
 * request for a whole batch's ids, which share their first 48 bits (the batch's millisecond). */
export function countKeysBetween(store, lower, upper) {
  return store.count(IDBKeyRange.bound(lower, upper));
}

/** Every record of `store` whose key lies between `lower` and `upper` (both included), in one
 * request: the single write reads the recorder and the enrollment with it (app/src/store/batch.rs). */
export function getAllBetween(store, lower, upper) {
  return store.getAll(IDBKeyRange.bound(lower, upper));
}
