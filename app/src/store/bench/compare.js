// The references Palier's bulk write is compared with, in the same page and the same run
// (app/src/store/bench/compare.rs): a plain IndexedDB put loop in one transaction (the limit)
// and Dexie 4's bulkPut. Both write the same records as Palier (the same stores and indexes),
// built before the clock starts, and are timed until the transaction is complete.

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Palier's layout for these two stores (domain/src/storage_schema.rs, version 5: the `by_hlc`
 * index of versions 2 to 4 dropped); `withHlc` puts that index back (the profile's measure of what
 * one index costs). */
function createStores(db, withHlc) {
  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('by_device_seq', 'device_seq', { unique: true });
  if (withHlc) events.createIndex('by_hlc', 'hlc', { unique: false });
  db.createObjectStore('outbox', { keyPath: 'event_id' });
}

async function counts(db) {
  const tx = db.transaction(['events', 'outbox']);
  return [
    await request(tx.objectStore('events').count()),
    await request(tx.objectStore('outbox').count()),
  ];
}

/** The limit: one readwrite transaction, one `put` per record, nothing else. */
export async function rawPutLoop(name, events, outbox, withHlc) {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => createStores(open.result, withHlc);
  const db = await request(open);
  const start = performance.now();
  const tx = db.transaction(['events', 'outbox'], 'readwrite');
  const done = new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const eventStore = tx.objectStore('events');
  const outboxStore = tx.objectStore('outbox');
  for (let i = 0; i < events.length; i++) {
    eventStore.put(events[i]);
    outboxStore.put(outbox[i]);
  }
  tx.commit();
  await done;
  const ms = performance.now() - start;
  const [eventCount, outboxCount] = await counts(db);
  db.close();
  await request(indexedDB.deleteDatabase(name));
  return { ms, events: eventCount, outbox: outboxCount };
}

/** Evaluates Dexie's UMD build (from tests/node_modules, compiled into the test binary) once;
 * returns its version. */
export function loadDexie(source) {
  if (!globalThis.Dexie) (0, eval)(source);
  return globalThis.Dexie.semVer;
}

/** The peer most web apps use: Dexie 4, both stores' `bulkPut` in one Dexie transaction. */
export async function dexieBulkPut(name, events, outbox) {
  const Dexie = globalThis.Dexie;
  const db = new Dexie(name);
  db.version(1).stores({ events: 'id, &device_seq', outbox: 'event_id' });
  await db.open();
  const start = performance.now();
  // Resolves once IndexedDB reports the transaction complete.
  await db.transaction('rw', db.table('events'), db.table('outbox'), async () => {
    await Promise.all([db.table('events').bulkPut(events), db.table('outbox').bulkPut(outbox)]);
  });
  const ms = performance.now() - start;
  const eventCount = await db.table('events').count();
  const outboxCount = await db.table('outbox').count();
  await db.delete();
  return { ms, events: eventCount, outbox: outboxCount };
}

/** The bare reference of one durable visit write: the same three records as `EventStore::record`
 * (event, outbox entry, recorder) in one readwrite transaction of the same stores, waited until
 * `complete`; with `read`, the recorder is first read inside the transaction as Palier does, and
 * with `read` 2 the enrollment too, both requests answered together as Palier did until
 * 2026-11-26, with `read` 3 both by one `getAll` over their keys, as Palier does since.
 * `durability` is the transaction's hint ('default': what Palier uses, the browser's own choice).
 * Returns the milliseconds from opening the transaction to `complete`. */
export async function bareVisitWrite(db, event, outbox, recorder, read, durability) {
  const start = performance.now();
  const tx = db.transaction(['events', 'outbox', 'meta'], 'readwrite', { durability });
  const done = new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  if (read === 2) {
    const meta = tx.objectStore('meta');
    await Promise.all([request(meta.get(recorder.key)), request(meta.get('enrollment'))]);
  } else if (read === 3) {
    // Both by one request over a key range, as Palier now reads them ('bench-recorder' sorts
    // before 'enrollment', where Palier's 'recorder' sorts after).
    await request(tx.objectStore('meta').getAll(IDBKeyRange.bound(recorder.key, 'enrollment')));
  } else if (read) await request(tx.objectStore('meta').get(recorder.key));
  tx.objectStore('events').add(event);
  tx.objectStore('outbox').add(outbox);
  tx.objectStore('meta').put(recorder);
  tx.commit();
  await done;
  return performance.now() - start;
}

/** The plain loop's puts into an open database (the profile of where Palier's bulk time goes);
 * with `addEvents`, the events with `add` as Palier's small batches do. */
export async function putLoopInto(db, events, outbox, addEvents) {
  const start = performance.now();
  const tx = db.transaction(['events', 'outbox'], 'readwrite');
  const done = new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const eventStore = tx.objectStore('events');
  const outboxStore = tx.objectStore('outbox');
  for (let i = 0; i < events.length; i++) {
    if (addEvents) eventStore.add(events[i]);
    else eventStore.put(events[i]);
    outboxStore.put(outbox[i]);
  }
  tx.commit();
  await done;
  return performance.now() - start;
}

/** Resolves after `ms` milliseconds (a pause between writes, as between a volunteer's visits). */
export function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The durability the browser reports for a readwrite transaction opened without the option. */
export function defaultDurability(db) {
  const tx = db.transaction(['meta'], 'readwrite');
  const durability = tx.durability ?? 'unsupported';
  tx.abort();
  return durability;
}
