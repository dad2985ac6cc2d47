// Palier's in-browser benchmarks of issue #9 that run.mjs does not take: the field app's memory
// with 100,000 events on the tablet and visits recorded on it, Lighthouse's scores of the served
// app, and the section of
// BENCHMARKS.md that shows them with the event-store figures measured in the same Chromium by
// wasm-bindgen-test (app/src/store/bench.rs and bench/compare.rs: bulk writes against a plain
// IndexedDB loop and Dexie 4, a durable visit write with 0, 10,000 and 100,000 events stored).
// `cargo xtask bench browser` runs it at full size and writes the section; smoke mode (run by
// `cargo xtask test` and `cargo xtask bench smoke`) runs every piece tiny and writes nothing;
// `PALIER_BENCH_MODE=page` only writes the section again from the last full run's figures
// (target/bench/browser.json, bulk.json, wasm.json).

import { execFile, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, Server, appReady, enrollmentCode, launchBrowser, readyOffline, tabletOnDisk } from '../e2e/harness.mjs';

// The field tablet links to the demo campaign, which the server must have.
process.env.PALIER_DEMO = 'true';

const SMOKE = !['full', 'page'].includes(process.env.PALIER_BENCH_MODE);
const OUT = process.env.PALIER_BENCH_OUT;
const FIELD_EVENTS = SMOKE ? 2_000 : 100_000;
// Visits recorded through the field screen of that tablet: unmeasured ones first, then rounds.
const VISITS = SMOKE ? { warmUp: 2, rounds: 1, writes: 5 } : { warmUp: 20, rounds: 3, writes: 200 };
const READING_MS = 300;
const LIGHTHOUSE_ROUTES = SMOKE ? ['/'] : ['/', '/terrain', '/borne'];
const MARKS = ['<!-- browser-bench:begin -->', '<!-- browser-bench:end -->'];

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);

function run(bin, args) {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { maxBuffer: 1 << 24 }, (error, out, err) =>
      error ? reject(new Error(`${bin} ${args.join(' ')}: ${error.message}\n${err}`)) : resolve(out));
  });
}

/** Events in the tablet's own store (the app's IndexedDB database "palier"). */
function storedEvents(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('palier');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('events').objectStore('events').count();
      req.onsuccess = () => { open.result.close(); resolve(req.result); };
      req.onerror = () => reject(req.error);
    };
  }));
}

/** The field app on a tablet holding `events` of its team's visits: devices push them to the
 * server (loadgen seed), the tablet is linked and pulls them all into IndexedDB, then the field
 * screen is opened afresh — it loads the whole log into memory — and the page's JS heap (after a
 * garbage collection) and the wasm module's linear memory are read. Then visits are recorded on
 * that screen, offline, as in a stairwell (`visitsOnTheTablet`). The tablet's profile is on disk,
 * as a real one's: its writes are durable ones. */
async function fieldTablet(server, events) {
  const loadgen = process.env.PALIER_LOADGEN_BIN;
  if (!loadgen) throw new Error('PALIER_LOADGEN_BIN is not set: run through `cargo xtask bench`');
  const codes = [];
  for (let i = 0; i < Math.ceil(events / 20_000); i++) codes.push('--code', (await enrollmentCode(server)).code);
  await run(loadgen, ['seed', '--addr', `127.0.0.1:${server.port}`, ...codes, '--events', String(events)]);

  const dir = mkdtempSync(join(tmpdir(), 'palier-tablet-'));
  const { context, page } = await tabletOnDisk(dir, { viewport: { width: 1024, height: 768 } });
  try {
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__palierWasm = e.detail.wasm; }));
    const { url } = await enrollmentCode(server);
    const pullStart = performance.now();
    await page.goto(url);
    await appReady(page);
    await page.getByLabel("Nom de l'appareil").fill('Tablette du banc d’essai');
    await page.getByRole('button', { name: 'Relier cet appareil' }).click();
    await page.getByText(/^Appareil relié à la campagne/).waitFor();
    // The first round pulls every page of the log; the count in IndexedDB says when it is done.
    const deadline = Date.now() + 600_000;
    let stored = 0;
    while ((stored = await storedEvents(page)) < events) {
      if (Date.now() > deadline) throw new Error(`the tablet holds ${stored} of ${events} events after 10 minutes`);
      await page.waitForTimeout(500);
    }
    const pullMs = performance.now() - pullStart;

    // A fresh page on the field screen: what a volunteer's tablet holds after opening the app.
    await page.goto('about:blank');
    await page.goto(`${new URL(url).origin}/terrain`);
    await appReady(page);
    // The field data (territory and log) are set together once both are read: the residences
    // listed mean the whole log is decoded in memory.
    await page.locator('.residence-link').first().waitFor({ timeout: 300_000 });
    // Then the door states are folded over it: settled once the linear memory stops growing.
    let last = -1;
    let still = 0;
    for (let i = 0; i < 240 && still < 4; i++) {
      await page.waitForTimeout(250);
      const now = await page.evaluate(() => window.__palierWasm.memory.buffer.byteLength);
      still = now === last ? still + 1 : 0;
      last = now;
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__palierWasm.memory.buffer.byteLength);
    const memoryLoad = load();
    const visits = await visitsOnTheTablet(context, page);
    // Offline, the app's attempts to reach the server fail, as they do in a stairwell.
    const problems = page.problems.filter((p) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p));
    if (problems.length) throw new Error(`the field page reported errors: ${problems.join('\n')}`);
    return { events: stored, pullMs, jsHeap: usedSize, wasmMemory: wasm, load: memoryLoad, visits };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

/** Visits recorded by tapping "Absent" in the door panel of the field screen, on the tablet that
 * holds the whole log, offline: each tap is made inside the page and timed from the tap to the
 * `complete` of the app's own transaction that writes the event and its outbox entry (the
 * browser's IndexedDB, wrapped before the taps, notes when that transaction begins and ends);
 * the panel closing and the list redrawn are waited for between taps, untimed. */
async function visitsOnTheTablet(context, page) {
  // As a volunteer would before the stairwell: every file of the app is on the tablet.
  await readyOffline(page);
  await context.setOffline(true);
  await page.evaluate(() => {
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode, options) {
      const tx = transaction.call(this, stores, mode, options);
      const names = typeof stores === 'string' ? [stores] : [...stores];
      if (mode === 'readwrite' && names.includes('events') && names.includes('outbox')) {
        const begun = performance.now();
        tx.addEventListener('complete', () => window.__visitWritten?.({ begun, complete: performance.now() }));
      }
      return tx;
    };
  });
  await page.locator('.residence-link').first().click();
  await page.locator('.entrance-link').first().click();
  const doors = page.getByRole('button', { name: /^Porte / });
  await doors.first().waitFor();
  const doorCount = await doors.count();
  const panel = page.locator('.visit-panel');
  const tapToStored = [];
  const transaction = [];
  const total = VISITS.warmUp + VISITS.rounds * VISITS.writes;
  for (let i = 0; i < total; i++) {
    await doors.nth(i % doorCount).click();
    await panel.locator('button.outcome-absent').waitFor();
    // A volunteer reads the panel before choosing: no one taps within 300 ms of it opening (a
    // reaction to what appears on screen takes about 250 ms at the quickest). Tapped at once, the
    // tap meets the panel's own opening work still running.
    await page.waitForTimeout(READING_MS);
    const t = await page.evaluate(() => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no visit written 10 s after the tap')), 10_000);
      const tap = performance.now();
      window.__visitWritten = (w) => { clearTimeout(timer); window.__visitWritten = null; resolve({ tap, ...w }); };
      document.querySelector('.visit-panel button.outcome-absent').click();
    }));
    await panel.waitFor({ state: 'detached' });
    if (i >= VISITS.warmUp) {
      tapToStored.push(t.complete - t.tap);
      transaction.push(t.complete - t.begun);
    }
  }
  const rounds = (xs) => {
    const out = { p50: [], p95: [] };
    for (let r = 0; r < VISITS.rounds; r++) {
      const round = xs.slice(r * VISITS.writes, (r + 1) * VISITS.writes).sort((a, b) => a - b);
      out.p50.push(percentile(round, 50));
      out.p95.push(percentile(round, 95));
    }
    return { p50: median(out.p50), p95: median(out.p95), p50_all: out.p50, p95_all: out.p95 };
  };
  return { ...VISITS, readingMs: READING_MS, doors: doorCount, load: load(), tapToStored: rounds(tapToStored), transaction: rounds(transaction) };
}

/** Lighthouse's own runtime errors that say the trace was not caught and ask to run it again
 * (seen on CI: NO_NAVSTART once in a fresh-clone run); anything else fails at once. */
const LIGHTHOUSE_RETRYABLE = new Set(['NO_NAVSTART', 'NO_FCP', 'NO_LCP', 'NO_TRACING_STARTED',
  'NO_RESOURCE_REQUEST', 'PROTOCOL_TIMEOUT', 'PAGE_HUNG', 'NO_DCL', 'NO_SCREENSHOTS']);
const LIGHTHOUSE_ATTEMPTS = 3;

/** One route's report, run again (at most three times) when Lighthouse itself reports a
 * transient trace problem; the retries are printed so a flaky machine stays visible. */
async function lighthouseRun(url, port) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const { runtimeError } = result.lhr;
    if (!runtimeError) return result.lhr;
    const problem = `Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`;
    if (!LIGHTHOUSE_RETRYABLE.has(runtimeError.code) || attempt >= LIGHTHOUSE_ATTEMPTS) {
      throw new Error(`${problem} (attempt ${attempt} of ${LIGHTHOUSE_ATTEMPTS})`);
    }
    console.error(`${problem} — running it again (attempt ${attempt + 1} of ${LIGHTHOUSE_ATTEMPTS})`);
  }
}

/** Lighthouse 12 (its default: a mid-range phone, simulated slow 4G and CPU) on each route of the
 * served app, in Debian's Chromium launched by chrome-launcher (never a downloaded browser). */
async function lighthouseScores(server, routes) {
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const scores = [];
  try {
    for (const route of routes) {
      const { categories, audits } = await lighthouseRun(`${server.url}${route}`, chrome.port);
      const score = (id) => Math.round(categories[id].score * 100);
      const failing = (id) => categories[id].auditRefs
        .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 0.9)
        .map((ref) => ref.id);
      scores.push({
        route,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        fcp: audits['first-contentful-paint'].numericValue,
        lcp: audits['largest-contentful-paint'].numericValue,
        tbt: audits['total-blocking-time'].numericValue,
        failing: [...failing('accessibility'), ...failing('best-practices')],
      });
    }
  } finally {
    await chrome.kill();
  }
  for (const s of scores) {
    for (const k of ['performance', 'accessibility', 'bestPractices']) {
      if (!(Number.isFinite(s[k]) && s[k] >= 0 && s[k] <= 100)) throw new Error(`Lighthouse gave ${k} = ${s[k]} on ${s.route}`);
    }
  }
  return scores;
}

function machine(browserVersion) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const os = execSync('uname -srm').toString().trim();
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os}, Chromium ${browserVersion} (headless), Node ${process.version}`;
}

function readJson(variable) {
  const file = process.env[variable];
  return file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function bulkRows(bulk) {
  const f = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  const cell = (times) => `${f(median(times))} (${f(Math.min(...times))}–${f(Math.max(...times))})`;
  return bulk.sizes.map((s) => {
    const [p, r, d] = [median(s.palier), median(s.raw), median(s.dexie)];
    const verdict = (ok) => (ok ? 'met' : 'missed');
    // Each run writes the three one after the other: the ratio within a run shares its moment of
    // the machine's load, the median of those ratios is steadier than the ratio of medians.
    const paired = (other) => median(s.palier.map((t, i) => t / other[i])).toFixed(2);
    return `| ${s.events.toLocaleString('en')} events + ${s.events.toLocaleString('en')} outbox entries | ${cell(s.palier)} | ${cell(s.raw)} | ${cell(s.dexie)} | **${(p / r).toFixed(2)}×** (${verdict(p / r <= 1.1)}); within runs ${paired(s.raw)}× | **${(p / d).toFixed(2)}×** (${verdict(p < d)}); within runs ${paired(s.dexie)}× | ${s.runs} |`;
  }).join('\n');
}

function lockText(lock) {
  if (!lock) return '(not measured in this run)';
  return `| what | median / p50 | max / p95 | goal | runs |
|---|---|---|---|---|
| Unlock with the right PIN (PBKDF2-SHA-256 600,000 iterations, unwrapping the data key; the log is read again only if a write noted details in clear), empty log | ${lock.unlock_empty.toFixed(0)} ms | ${lock.unlock_empty_max.toFixed(0)} ms (max) | ≤ 1 s | ${lock.unlocks} |
| The same with ${lock.mid_stored.toLocaleString('en')} events stored | ${lock.unlock_mid.toFixed(0)} ms | ${lock.unlock_mid_max.toFixed(0)} ms (max) | ≤ 1 s | ${lock.unlocks} |
| The same with ${lock.unlock_stored.toLocaleString('en')} events stored | ${lock.unlock_full.toFixed(0)} ms | ${lock.unlock_full_max.toFixed(0)} ms (max) | ≤ 1 s | ${lock.unlocks} |
| A durable visit write with a note, sealed (AES-GCM before the transaction) | ${lock.sealed_p50.toFixed(2)} ms | **${lock.sealed_p95.toFixed(2)} ms** (p95) | p95 ≤ 3 ms | ${lock.writes} |`;
}

/** "median (min–max)" of a list of milliseconds, or the single figure of older runs. */
function spread(all, median) {
  if (!Array.isArray(all) || all.length < 2) return `${median.toFixed(2)} ms`;
  return `${median.toFixed(2)} ms (${Math.min(...all).toFixed(2)}–${Math.max(...all).toFixed(2)})`;
}

function visitTable(v) {
  if (!v) return '| (not measured in this run) | | | | | |';
  const rows = [
    ['an empty store', 'empty'],
    [`${v.mid_stored.toLocaleString('en')} events stored`, 'mid'],
    [`${v.stored.toLocaleString('en')} events stored`, 'full'],
  ];
  const runs = v.rounds ? `${v.rounds} × ${v.writes}` : `${v.writes}`;
  return rows.map(([what, k]) => {
    const bare = v[`bare_${k}_p95`] === undefined ? '| (not measured) | (not measured)'
      : `| ${spread(v[`bare_${k}_p50_all`], v[`bare_${k}_p50`])} | ${spread(v[`bare_${k}_p95_all`], v[`bare_${k}_p95`])}`;
    const met = v[`${k}_p95`] <= 3 ? 'met' : 'missed';
    return `| ${what} | ${spread(v[`${k}_p50_all`], v[`${k}_p50`])} | **${spread(v[`${k}_p95_all`], v[`${k}_p95`])}** (${met}) ${bare} | ${runs} |`;
  }).join('\n');
}

/** The visits recorded in the field app itself (fieldTablet's `visits`), beside the
 * wasm-bindgen-test page's figures above. */
function fieldVisitsText(field) {
  const v = field?.visits;
  if (!v) return '**A visit recorded in the field app**: (not measured in this run)';
  const row = (what, f, goal) => `| ${what} | ${spread(f.p50_all, f.p50)} | ${goal ? '**' : ''}${spread(f.p95_all, f.p95)}${goal ? `** (${f.p95 <= 3 ? 'met' : 'missed'})` : ''} | ${v.rounds} × ${v.writes} |`;
  return `**A visit recorded in the field app**, on the tablet of the field memory below, holding
${field.events.toLocaleString('en')} events: its browser keeps its profile on disk like a real
tablet's (the contexts of the end-to-end tests keep IndexedDB in memory), and it is offline, as in a
stairwell. After the memory is read, the first entrée of the first résidence is opened and its
${v.doors} doors are visited in turn: a tap on the door, then a tap on "Absent" in its panel, made
inside the page and timed until the \`complete\` of the app's transaction that writes the event,
its outbox entry and the recorder (the page's \`IDBDatabase.prototype.transaction\` is wrapped,
before the taps, to note when that transaction begins and ends). The panel closing and the list
redrawn are waited for between taps, untimed, and the tap comes ${v.readingMs} ms after the panel
opened (a volunteer reads it first; tapped at once, it meets the panel's own opening work still
running). ${v.warmUp} unmeasured visits, then ${v.rounds} rounds of ${v.writes}; the figures are
the rounds' medians with their spread (load ${v.load} after the visits). This is the app's own
page, not the test runner's: the write of the table above, with everything the app does from the
tap.

| timed | p50 | p95 | visits |
|---|---|---|---|
${row('from the tap on "Absent" to the write complete (goal p95 ≤ 3 ms)', v.tapToStored, true)}
${row("the app's transaction alone, from its creation to \`complete\`", v.transaction, false)}`;
}

function section({ bulk, visit, lock, field, scores, browserVersion, loads }) {
  const today = new Date().toISOString().slice(0, 10);
  const v = visit?.visit_write;
  const storeLoads = [['bulk writes', bulk], ['visit writes', visit], ['volunteer lock', lock]]
    .filter(([, f]) => f?.load).map(([what, f]) => `${what} ${f.load}`).join(', ');
  const bulkTable = bulk ? `| what | Palier \`record_batch\` | plain IndexedDB put loop | Dexie ${bulk.dexie} \`bulkPut\` | Palier ÷ loop (goal ≤ 1.1×) | Palier ÷ Dexie (goal < 1×) | runs |
|---|---|---|---|---|---|---|
${bulkRows(bulk)}` : '(not measured in this run)';
  const lh = scores.map((s) => `| \`${s.route}\` | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${(s.fcp / 1000).toFixed(1)} s / ${(s.lcp / 1000).toFixed(1)} s / ${s.tbt.toFixed(0)} ms | ${s.failing.map((id) => `\`${id}\``).join(', ') || 'none'} |`).join('\n');
  return `${MARKS[0]}
## In the browser: event store against raw IndexedDB and Dexie, field memory, Lighthouse

Written on ${today} by \`cargo xtask bench browser\` (app/src/store/bench.rs and bench/compare.rs through
wasm-bindgen-test in release, then tests/bench/browser.mjs against the release server on loopback);
\`cargo xtask bench store\` measures the event store alone and writes this section again with the
last full run's field memory and Lighthouse figures.
Machine: ${machine(browserVersion)}. 1-minute load average ${storeLoads ? `at the start and end of the event store's parts: ${storeLoads}; at the start of the field memory and Lighthouse parts: ` : ''}${loads.join(', ')}:
other builds were running on the same 2 cores, so every figure carries their noise.
Times are medians with the spread (min–max) over the runs.

**Bulk writes**, all three in the same page and run, each run into a fresh database and timed until
the transaction is complete; the order of the three rotates from run to run. Palier turns visits
into events (ids, sequence, clock, JSON) and writes each with its outbox entry and the recorder in
one transaction; the loop and Dexie write those same records, built before their clock starts,
into the same two stores with the same index (Palier's layout since schema version 5: the events'
unique \`by_device_seq\`; the \`by_hlc\` index of versions 2 to 4 is gone from all three, the
timeline being sorted by clock in memory). Ratios are between the medians (the verdict), then
the median of each run's own ratio.

${bulkTable}

What Palier does beyond the loop, inside its transaction: before any write, one round trip answers
two requests, the device's recorder and enrollment (one \`getAll\` over their keys) and how many
stored event ids share the batch's millisecond (a \`count\` over that key range: every id of the
batch is a UUIDv7 of that millisecond); it makes each event (id, sequence number, clock) and writes
it, its outbox entry's JSON and the indexed fields into one text per megabyte, which a small JS
function (app/src/store/idb_records.js) splits into the two records and writes, each with \`put\`
like the loop and Dexie; and it writes the recorder back. A duplicate event id is still refused:
when the count is not 0 or two ids of the batch are equal, the events go in with \`add\` (one more
read in the browser's database per event), which refuses an id already stored and takes the whole
transaction down; a single write always uses \`add\`.
The records are the shape the store always had (\`{ id, seq, device_seq, hlc, json }\` and
\`{ event_id, json }\`, checked against the older field-by-field build by a test), so nothing on
devices changes; the loop and Dexie write records built by the same function. On a shared machine
the spread of one writer's runs can be wider than the gap between writers: read the ratios with the
spreads beside them.

**A single durable visit write** (\`EventStore::record\`: event + outbox entry + recorder in one
transaction, waited until \`complete\`), goal p95 ≤ 3 ms, beside the bare reference: a JS transaction
of the same three records on the same stores, reading the recorder first (Palier reads the
recorder and the enrollment with one request), interleaved write by write with Palier's in the
same page. Both use the browser's default
durability (the \`durability\` option not set${v?.durability ? `; the transaction reports "${v.durability}"` : ''}), as the
app always has. ${v?.rounds ? `Each level: ${v.warm_up} unmeasured writes (the page and its wasm just started), then ${v.rounds} rounds of ${v.writes} writes; the figures are the rounds' medians with their spread. The bench waits ${(v.settle_ms / 1000).toFixed(0)} s before the first level (V8 compiles the page's wasm in the background) and after each fill (the browser compacts its database for a moment after 90,000 writes, which is the fill's cost, not a visit write's).${v.empty_warm_up_max === undefined ? '' : ` The slowest unmeasured write: ${v.empty_warm_up_max.toFixed(1)} ms for Palier, ${v.bare_empty_warm_up_max.toFixed(1)} ms for the bare reference (empty store).`}` : ''}

| store holds | Palier p50 | Palier p95 | bare JS p50 | bare JS p95 | writes |
|---|---|---|---|---|---|
${visitTable(v)}

${fieldVisitsText(field)}

**The volunteer lock** (\`bench_a_sealed_visit_write_and_an_unlock\` in app/src/store/bench.rs, the
app's own \`EventStore::unlock\` and \`record\` with a PIN set):

${lockText(lock)}

**Field app memory**: ${field ? `a tablet linked to a campaign of ${field.events.toLocaleString('en')} visits pulls them all into
IndexedDB (${(field.pullMs / 1000).toFixed(1)} s from the link), then opens the field screen afresh, which loads the
whole log: JS heap ${mb(field.jsHeap)} MB (after a garbage collection) + wasm linear memory
${mb(field.wasmMemory)} MB = **${mb(field.jsHeap + field.wasmMemory)} MB** (load ${field.load}).` : '(not measured in this run)'}

**Lighthouse 12.2.3** (npm, Debian's Chromium; its default profile: a mid-range phone on simulated slow
4G with a 4× slower CPU), the served release build, first visit:

| route | performance | accessibility | best practices | FCP / LCP / TBT | audits under 0.9 (a11y, best practices) |
|---|---|---|---|---|---|
${lh}
${MARKS[1]}`;
}

function replaceSection(page, section) {
  const [b, e] = [page.indexOf(MARKS[0]), page.indexOf(MARKS[1])];
  if (b >= 0 && e > b) return page.slice(0, b) + section + page.slice(e + MARKS[1].length);
  return page.replace('## History and open goals', `${section}\n\n## History and open goals`);
}

const FIGURES = process.env.PALIER_BENCH_FIGURES;
let figures;
if (process.env.PALIER_BENCH_MODE === 'page') {
  // Only the section again, from the last full run's figures (after editing its text).
  figures = JSON.parse(readFileSync(FIGURES, 'utf8'));
} else {
  const loads = [load()];
  const server = await Server.start();
  const browser = await launchBrowser();
  const browserVersion = browser.version();
  let field;
  let scores;
  try {
    field = await fieldTablet(server, FIELD_EVENTS);
    if (field.events < FIELD_EVENTS || !(field.jsHeap > 0 && field.wasmMemory > 0)) {
      throw new Error(`field memory gave ${JSON.stringify(field)}`);
    }
    const { tapToStored, transaction } = field.visits;
    if (![tapToStored.p50, tapToStored.p95, transaction.p50, transaction.p95].every((ms) => Number.isFinite(ms) && ms >= 0)
      || transaction.p50 > tapToStored.p50) {
      throw new Error(`the field app's visits gave ${JSON.stringify(field.visits)}`);
    }
    loads.push(load());
    scores = await lighthouseScores(server, LIGHTHOUSE_ROUTES);
  } finally {
    await browser.close();
    await server.dispose();
  }
  figures = { field, scores, browserVersion, loads: [process.env.PALIER_BENCH_LOAD || '?', ...loads] };
  console.log(JSON.stringify(figures, null, 2));
  if (!SMOKE && FIGURES) writeFileSync(FIGURES, JSON.stringify(figures, null, 2));
}
if (!SMOKE && OUT) {
  const text = section({ ...figures, bulk: readJson('PALIER_BENCH_BULK'), visit: readJson('PALIER_BENCH_WASM'), lock: readJson('PALIER_BENCH_LOCK') });
  writeFileSync(OUT, replaceSection(readFileSync(OUT, 'utf8'), text));
  console.log(`written to ${OUT}`);
}
