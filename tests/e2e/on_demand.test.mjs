// Each mode's code arrives on demand (xtask/src/split.rs, app/src/routes/on_demand.rs): the home
// screen's first visit downloads the shell alone, a mode's first visit fetches that mode's file,
// and the header says when every file is kept for offline use ("Prêt hors ligne").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, controlledByServiceWorker, linkDevice, newPage, readyOffline, serverAndBrowser } from './harness.mjs';
import { setPin } from './volunteer_steps.mjs';

const env = serverAndBrowser();
const SCREENS = /\/split_(field|device|kiosk|partners|coordination)_screen_[^/]*\.wasm$/;

/** A new device's first visit of the home screen, in French, until the network is idle: the
 * page, and the paths it has fetched so far and will fetch later (the list keeps growing). */
async function firstVisitOfHome() {
  const { context, page } = await newPage(env.browser);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(env.server.url);
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: "Que faites-vous aujourd'hui ?" }).waitFor();
  await page.waitForLoadState('networkidle');
  return { context, page, fetched };
}

test('the home screen fetches no mode\'s code; a mode fetches its own when first opened', async () => {
  const { context, page, fetched } = await firstVisitOfHome();
  assert.deepEqual(fetched.filter((p) => SCREENS.test(p)), [], 'no screen of any mode with the home screen');
  assert.equal(fetched.filter((p) => /_bg\.wasm$/.test(p)).length, 1, 'the shell');

  await page.getByRole('link', { name: 'Partenaires' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partenaires' }).waitFor();
  assert.ok(fetched.some((p) => /\/split_partners_screen_/.test(p)), 'the partners\' code, on demand');
  assert.ok(!fetched.some((p) => /\/split_(kiosk|coordination)_screen_/.test(p)), 'not the other modes\'');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the header says "Prêt hors ligne" once the service worker keeps every file, in each language', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.server.url);
  await appReady(page);
  const state = page.getByTestId('offline-ready');
  // Until then it says so: nothing tells the volunteer to leave the network too early.
  assert.match(await state.getAttribute('data-offline'), /^(preparing|ready)$/);
  await readyOffline(page);
  assert.equal(await state.textContent(), 'Prêt hors ligne');
  // What "ready" means: the cache of the controlling worker holds every file of the precache list.
  const missing = await page.evaluate(async () => {
    const sw = await (await fetch('/sw.js')).text();
    const list = JSON.parse(sw.match(/const PRECACHE = (\[.*?\]);/s)[1]);
    const [name] = await caches.keys();
    const cache = await caches.open(name);
    const out = [];
    for (const path of list) if (!(await cache.match(path, { ignoreSearch: true }))) out.push(path);
    return { missing: out, total: list.length };
  });
  assert.deepEqual(missing.missing, []);
  assert.ok(missing.total > 10, 'the mode files are in the list');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('offline-ready').getByText('Ready offline').waitFor();
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByTestId('offline-ready').getByText('جاهز للعمل دون اتصال').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

// English and Arabic texts leave the shell (domain/src/i18n/on_demand.rs, app/src/i18n.rs): a
// French first load does not fetch them, choosing another language does, and a device set to
// Arabic starts in Arabic, offline too, from the service worker's copy.
const TEXTS = /\/split_other_languages_[^/]*\.wasm$/;

test('English and Arabic texts arrive when chosen; a device set to Arabic reopens in Arabic, offline too', async () => {
  const { context, page, fetched } = await firstVisitOfHome();
  assert.deepEqual(fetched.filter((p) => TEXTS.test(p)), [], 'French needs no other language');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'What are you doing today?' }).waitFor();
  assert.ok(fetched.some((p) => TEXTS.test(p)), 'the other languages, on demand');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('heading', { level: 1, name: 'ماذا تفعل اليوم؟' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');

  await readyOffline(page);
  await controlledByServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'ماذا تفعل اليوم؟' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await context.setOffline(false);
  assert.deepEqual(page.problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});

// What every start reads besides the log — the link to a campaign, how the last sync went, the
// PIN's key ring — is decoded by code that arrives on demand (app/src/store/decoded_on_demand.rs).
// A new device, which holds none of them, never fetches it; a linked tablet with a PIN fetches it
// at each start, offline too from the service worker's copy, and reopens linked and locked.
const DECODERS = /\/split_decode_(enrollment|sync_record|keyring)_[^/]*\.wasm$/;

test('a new device fetches no decoder; a linked tablet with a PIN reopens offline linked and locked', async () => {
  const { context, page, fetched } = await firstVisitOfHome();
  assert.deepEqual(fetched.filter((p) => DECODERS.test(p)), [], 'nothing of the kind on a new device');

  await linkDevice(page, env.server, 'Tablette du hall B');
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByTestId('sync-status').getByText("Synchronisé à l'instant").waitFor();
  await page.getByLabel('Votre prénom').fill('Samia');
  await page.getByRole('button', { name: "C'est moi" }).click();
  await setPin(page, '480913');
  await readyOffline(page);
  await controlledByServiceWorker(page);

  await context.setOffline(true);
  fetched.length = 0;
  await page.reload();
  await appReady(page);
  await page.getByTestId('unlock').waitFor(); // the key ring was read: locked until the PIN
  const bar = page.getByTestId('sync-status');
  await bar.getByText(/^Synchronisé /).waitFor(); // how the last round went ("Jamais" unread)
  await bar.getByText('Tout est envoyé').waitFor(); // linked: what waits is counted
  await bar.getByRole('button', { name: 'Synchroniser' }).click();
  await bar.getByText(/^Serveur injoignable/).waitFor(); // linked: the round was tried
  const decoded = new Set(fetched.filter((p) => DECODERS.test(p)).map((p) => p.match(DECODERS)[1]));
  assert.deepEqual([...decoded].sort(), ['enrollment', 'keyring', 'sync_record']);
  await context.setOffline(false);
  assert.deepEqual(page.problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});
