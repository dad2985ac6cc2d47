// Shared by the end-to-end tests and the benchmarks: starts the real server process on a free
// loopback port with a throwaway data folder, and Debian's headless Chromium with the flags that
// work on this machine. Nothing here is mocked.

import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const SERVER_BIN = need('PALIER_SERVER_BIN');
export const DIST = need('PALIER_DIST');
export const DIST_NEXT = process.env.PALIER_DIST_NEXT;
export const ARTIFACTS = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'artifacts');

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through \`cargo xtask test\``);
  return value;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A running server process; `stop()` ends it, `start()` again reuses the same port and data. */
export class Server {
  constructor({ port, dist = DIST, dataDir } = {}) {
    this.port = port;
    this.dist = dist;
    this.dataDir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'palier-e2e-data-'));
    this.proc = null;
  }

  static async start(options = {}) {
    const server = new Server({ ...options, port: options.port ?? (await freePort()) });
    await server.start();
    return server;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(dist = this.dist) {
    this.dist = dist;
    this.output = '';
    this.proc = spawn(SERVER_BIN, ['--addr', `127.0.0.1:${this.port}`, '--dist', dist, '--data-dir', this.dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => { this.output += chunk; };
    this.proc.stdout.on('data', keep);
    this.proc.stderr.on('data', keep);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (this.proc.exitCode !== null) throw new Error(`server exited early:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/api/v1/health`);
        if (res.ok) return;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server not healthy after 20 s:\n${this.output}`);
  }

  async stop() {
    if (!this.proc || this.proc.exitCode !== null) return;
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.proc.kill('SIGTERM');
    await exited;
    this.proc = null;
  }

  async dispose() {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** A tablet held upright (iPad-like), where Palier is used most. */
export const TABLET_PORTRAIT = { width: 820, height: 1180 };
export const TABLET_LANDSCAPE = { width: 1180, height: 820 };

/** Collects the page's console errors and CSP violations in `page.problems`. */
function watchProblems(page) {
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(msg.text());
  });
  page.on('pageerror', (err) => page.problems.push(String(err)));
  return page;
}

/** A page that fails the test on any console error or CSP violation. `serviceWorkers: 'block'`
 * lets `page.route` see every file the app fetches (a worker would answer from its cache). */
export async function newPage(browser, { viewport = TABLET_PORTRAIT, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', serviceWorkers });
  const page = watchProblems(await context.newPage());
  return { context, page };
}

/** A tablet whose browser keeps its profile on disk, in `dir`: the contexts of `newPage` keep
 * IndexedDB in memory (Chromium's incognito profile), which a timed durable write must not. */
export async function tabletOnDisk(dir, { viewport = TABLET_PORTRAIT } = {}) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport, locale: 'fr-FR',
  });
  const page = watchProblems(context.pages()[0] ?? await context.newPage());
  return { context, page };
}

/** Waits until the Leptos app has rendered its header. */
export async function appReady(page) {
  await page.getByRole('banner').waitFor({ state: 'visible', timeout: 15_000 });
}

/** Waits until a service worker controls the page (after the first load, a reload is needed). */
export async function controlledByServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await appReady(page);
  }
  const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
  if (!controlled) throw new Error('no service worker controls the page');
}

/** Waits until the app says "Prêt hors ligne": the service worker controls the page and holds
 * every file of the build (each mode's code is its own file, fetched on demand). Tests that cut
 * the network or stop the server wait for this, as a volunteer would, instead of sleeping. The
 * state is read from the header's `data-offline`, present (hidden) in kiosk mode too. */
export async function readyOffline(page, { timeout = 60_000 } = {}) {
  await page.locator('[data-testid="offline-ready"][data-offline="ready"]').waitFor({ state: 'attached', timeout });
}

/** A full-page PNG under tests/artifacts/, and also under $PALIER_SHOTS when it is set (to look
 * at one test file's screens without the others'). */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.PALIER_SHOTS) {
    mkdirSync(process.env.PALIER_SHOTS, { recursive: true });
    copyFileSync(file, path.join(process.env.PALIER_SHOTS, `${name}.png`));
  }
}

/** One part of a page (`locator`), captured alone: a full-page screenshot of a long screen
 * shows the same picture wherever it is scrolled. */
export async function screenshotPart(locator, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await locator.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Creates a coordinator administrator with the server's own command line, as on the first day. */
export async function createAdmin(server, { email, name, password }) {
  const { execFile } = await import('node:child_process');
  await new Promise((resolve, reject) => {
    const child = execFile(
      SERVER_BIN,
      ['--data-dir', server.dataDir, 'admin', 'create', '--email', email, '--name', name],
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    );
    child.stdin.end(`${password}\n`);
  });
}

/** Starts a server and a browser before a test file's tests and ends them after; the returned
 * object's `server` and `browser` are set once `before` has run. */
export function serverAndBrowser(options = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await Server.start(options);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.dispose();
  });
  return env;
}

/** A one-time enrollment code for `campaign`, made by the server's own command line on the
 * server's data folder (as an administrator would on the first day): `{ code, url }`. */
export async function enrollmentCode(server, campaign = 'demo') {
  const { execFile } = await import('node:child_process');
  const args = ['--data-dir', server.dataDir, '--addr', `127.0.0.1:${server.port}`, 'enrollment-code', '--campaign', campaign];
  const stdout = await new Promise((resolve, reject) => {
    execFile(SERVER_BIN, args, { env: { ...process.env, PALIER_DEMO: 'true' } }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out));
  });
  const [code, url] = stdout.trim().split('\n').map((line) => line.trim());
  return { code, url };
}

/** Links the page's device to `campaign` as a volunteer does, with the coordinator's QR code
 * (its address carries a fresh code) and a device name, and waits until the app says it is
 * linked (in whatever language the device is set to). */
export async function linkDevice(page, server, name, campaign = 'demo') {
  const { url } = await enrollmentCode(server, campaign);
  await page.goto(url);
  await appReady(page);
  await page.locator('#enroll-label').fill(name);
  await page.locator('form.enroll button[type=submit]').click();
  await page.locator('#enroll-feedback.ok').waitFor();
}

/** Every record of every object store of the app's IndexedDB database, read in the page:
 * `{ store: [record as JSON text, …] }` (to find what a device keeps, or must not keep). */
export function storedRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('palier');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names);
      const out = {};
      let left = names.length;
      for (const name of names) {
        const all = tx.objectStore(name).getAll();
        all.onsuccess = () => {
          out[name] = all.result.map((r) => JSON.stringify(r));
          left -= 1;
          if (left === 0) { db.close(); resolve(out); }
        };
        all.onerror = () => reject(all.error);
      }
    };
  }));
}

/** The events recorded on the device, as the domain wrote them. */
export async function storedEvents(page) {
  const stored = await storedRecords(page);
  return stored.events.map((r) => JSON.parse(JSON.parse(r).json));
}

/** The device's events of one kind, once there are `count` of them (or what there is after
 * `timeout`, for the test's assertion to say): some are written after the screen has answered. */
export async function eventsOfKind(page, type, count, { timeout = 10_000 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const found = (await storedEvents(page)).filter((e) => e.body.type === type);
    if (found.length >= count || Date.now() > until) return found;
    await page.waitForTimeout(100);
  }
}

/** The same as one text, to search for a word that must be stored. */
export async function storedText(page) {
  return JSON.stringify(await storedRecords(page));
}

/** What a person reading the stored records could make out, to search for a detail that must
 * NOT be stored: the same text with every run of 24 or more base64url characters (sealed parts,
 * keys, ids) blanked. A random run of base64 holds any given three letters once in about 260,000
 * places, so a short name such as "Awa" turns up by chance in the ciphertext now and then (it
 * failed a kiosk test once); a detail stored readably sits between quotes, shorter than that. */
export async function storedPlainText(page) {
  return (await storedText(page)).replace(/[A-Za-z0-9_-]{24,}/g, '…');
}

/** How many events the server holds, all campaigns together (from /api/v1/health). */
export async function serverEventCount(server) {
  const res = await fetch(`${server.url}/api/v1/health`);
  return (await res.json()).events;
}
