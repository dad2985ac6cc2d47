// Sync as a volunteer lives it: the tablet is linked by the coordinator's QR code, visits are
// recorded with no network and the server down, the page is reloaded, the server comes back, and
// the status bar goes from "en attente" to "synchronisé" while the server now holds each event
// once; a second tablet of the team then sees those doors' outcomes. A refused event waits in
// "À vérifier", readable, retried and exported; a device the server no longer knows says so and
// keeps its data. Screens are captured in French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  appReady, controlledByServiceWorker, enrollmentCode, linkDevice, newPage, readyOffline, screenshot, serverAndBrowser,
  serverEventCount,
} from './harness.mjs';

// The server starts with the demo campaign, the one the codes below link tablets to.
process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const CAMPAIGN = 'Démonstration — Résidence Les Tilleuls';

const door = (page, number) => page.getByRole('button', { name: new RegExp(`^Porte ${number} `) });
const bar = (page) => page.getByTestId('sync-status');

async function openEntrance(page) {
  await page.getByRole('link', { name: /Palier/ }).click();
  await page.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  await page.getByRole('link', { name: /Résidence Les Tilleuls/ }).click();
  await page.locator('.entrance-link').first().click();
  await page.getByRole('heading', { level: 1, name: 'Entrée 1' }).waitFor();
}

async function visit(page, number, outcome) {
  await door(page, number).click();
  await page.getByRole('dialog', { name: `Porte ${number}` }).getByRole('button', { name: outcome, exact: true }).click();
  await page.getByText(/^Visite enregistrée\u00a0: /).waitFor();
}

async function link(page, code, name) {
  await page.getByLabel('Code de liaison').fill(code);
  await page.getByLabel("Nom de l'appareil").fill(name);
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(`Appareil relié à la campagne «\u00a0${CAMPAIGN}\u00a0».`).waitFor();
}

/** Waits until no round is running in the page (the button is offered again). */
async function settled(page) {
  await page.waitForFunction(() => {
    const button = document.querySelector('[data-testid="sync-status"] button');
    return button && !button.disabled;
  });
}

async function inArabic(page, name) {
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await screenshot(page, name);
  await page.getByRole('button', { name: 'Français' }).click();
}

test('visits recorded offline reach the server once after a reload and a restart, and come down to a second tablet', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await controlledByServiceWorker(page);
  await bar(page).getByText("Appareil non relié\u00a0: rien n'est envoyé").waitFor();
  await screenshot(page, 'sync-not-linked-fr');

  // The coordinator's QR code opens the device screen with the code filled in.
  const { code, url } = await enrollmentCode(env.server);
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal(url, `${env.server.url}/appareil?code=${code}`);
  await page.goto(url);
  await appReady(page);
  assert.equal(await page.getByLabel('Code de liaison').inputValue(), code);
  await page.getByLabel("Nom de l'appareil").fill('Tablette de Samia');
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(`Appareil relié à la campagne «\u00a0${CAMPAIGN}\u00a0».`).waitFor();
  await bar(page).getByText('Tout est envoyé').waitFor();
  await bar(page).getByText("Synchronisé à l'instant").waitFor();
  assert.match(await page.getByTestId('device-campaign').textContent(), /Démonstration.*\(demo\)/);
  assert.match(await page.getByTestId('device-id').textContent(), /^[0-9a-f-]{36}$/);
  await screenshot(page, 'device-fr');
  await inArabic(page, 'device-ar');

  // The stairwell: no network, and the server is down too.
  await readyOffline(page);
  await env.server.stop();
  // A network with no server behind it (a hall Wi-Fi without uplink): the header believes the
  // last sync round rather than the browser's flag.
  assert.equal(await page.locator('.network').textContent(), 'En ligne');
  await bar(page).getByRole('button', { name: 'Synchroniser' }).click();
  await page.locator('.network.offline').waitFor();
  await context.setOffline(true);
  await openEntrance(page);
  await visit(page, 'A171', 'Absent');
  await visit(page, 'A172', 'Intéressé');
  await visit(page, 'A173', 'Refus');
  await bar(page).getByText("3 en attente d'envoi").waitFor();
  await page.reload();
  await appReady(page);
  await bar(page).getByText("3 en attente d'envoi").waitFor();
  await screenshot(page, 'sync-pending-fr');
  await inArabic(page, 'sync-pending-ar');

  // Back in the street: the server restarted on the same data, the network returns.
  await env.server.start();
  assert.equal(await serverEventCount(env.server), 0);
  await context.setOffline(false);
  await bar(page).getByText('Tout est envoyé').waitFor({ timeout: 20_000 });
  await bar(page).getByText("Synchronisé à l'instant").waitFor();
  assert.equal(await page.locator('.network').textContent(), 'En ligne');
  assert.equal(await serverEventCount(env.server), 3, 'each visit stored once');
  await settled(page);
  await screenshot(page, 'sync-synced-fr');
  await inArabic(page, 'sync-synced-ar');

  // Syncing again by hand sends nothing twice.
  await bar(page).getByRole('button', { name: 'Synchroniser' }).click();
  await bar(page).getByText('Tout est envoyé').waitFor();
  assert.equal(await serverEventCount(env.server), 3);

  // A second tablet of the team, linked by a code typed carelessly, gets those doors' outcomes.
  const second = await newPage(env.browser, { viewport: TABLET });
  await second.page.goto(`${env.server.url}/appareil`);
  await appReady(second.page);
  const typed = (await enrollmentCode(env.server)).code.toLowerCase().replace('-', ' ');
  await link(second.page, typed, 'Tablette de Karim');
  await bar(second.page).getByText("Synchronisé à l'instant").waitFor();
  await openEntrance(second.page);
  assert.equal(await door(second.page, 'A171').locator('.door-state').textContent(), 'Absent (1 passage)');
  assert.equal(await door(second.page, 'A172').locator('.door-state').textContent(), 'Intéressé');
  await bar(second.page).getByText('Tout est envoyé').waitFor();
  await second.context.close();

  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});

// In a stairwell the browser knows it has no network: the app then starts no round of its own —
// each would read the outbox and a batch of events from the tablet's database only to fail, 5 s
// after every visit (domain::sync::reachability::round_starts). "Synchroniser" still tries at once
// and says the server is out of reach; the network back, what waits is sent without a tap.
test('with no network the app starts no round of its own; "Synchroniser" still tries; the network back, the visit is sent', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await linkDevice(page, env.server, 'Tablette de la cage B');
  await bar(page).getByText("Synchronisé à l'instant").waitFor();
  await readyOffline(page);
  await settled(page);
  const rounds = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/sync/')) rounds.push(new URL(request.url()).pathname);
  });

  await context.setOffline(true);
  await openEntrance(page);
  await visit(page, 'A164', 'Absent');
  await bar(page).getByText("1 en attente d'envoi").waitFor();
  await page.waitForTimeout(8_000); // a round was due 5 s after the visit
  assert.deepEqual(rounds, [], 'no request: no round while the browser has no network');

  await bar(page).getByRole('button', { name: 'Synchroniser' }).click();
  await bar(page).getByText(/^Serveur injoignable/).waitFor();
  assert.ok(rounds.length > 0, 'the round asked for by hand was tried');
  assert.equal(await bar(page).getByText("1 en attente d'envoi").count(), 1, 'the visit still waits, kept');

  const before = await serverEventCount(env.server);
  await context.setOffline(false);
  await bar(page).getByText('Tout est envoyé').waitFor({ timeout: 20_000 });
  assert.equal(await serverEventCount(env.server), before + 1, 'the visit, stored once');
  assert.deepEqual(page.problems.filter((p) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|net::/.test(p)), []);
  await context.close();
});

test('an event the server refuses waits in "À vérifier", readable, retried and exported', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  // A tablet whose date is three days ahead: the server refuses what it records before the
  // tablet has heard the server's time (no sync answer yet: the sync requests fail).
  await page.clock.install({ time: Date.now() + 3 * 24 * 3600 * 1000 });
  const { url } = await enrollmentCode(env.server);
  await page.route('**/api/v1/sync/**', (route) => route.abort());
  await page.goto(url);
  await appReady(page);
  await page.getByLabel("Nom de l'appareil").fill('Tablette mal réglée');
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(`Appareil relié à la campagne «\u00a0${CAMPAIGN}\u00a0».`).waitFor();
  const before = await serverEventCount(env.server);

  await page.getByRole('link', { name: /Palier/ }).click();
  await page.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  await page.getByLabel('Votre note').fill('Hall B : boîtes aux lettres forcées');
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await page.getByText('Hall B : boîtes aux lettres forcées').waitFor();
  await page.unroute('**/api/v1/sync/**');
  await settled(page);
  await bar(page).getByRole('button', { name: 'Synchroniser' }).click();
  const attention = bar(page).getByRole('link', { name: 'À vérifier : 1' });
  await attention.waitFor({ timeout: 20_000 });
  assert.equal(await serverEventCount(env.server), before, 'nothing refused is stored');
  await screenshot(page, 'sync-attention-bar-fr');

  // The bar's words are drawn again as the round ends: tapped once it has.
  await settled(page);
  await attention.click();
  await page.getByRole('heading', { level: 1, name: 'À vérifier' }).waitFor();
  const item = page.locator('.attention-item');
  // The list is read from the device after the heading is drawn.
  await item.getByRole('heading', { name: 'Note de terrain' }).waitFor();
  assert.equal(await item.count(), 1);
  await item.getByText(/^Enregistré \S+ \d+\/\d+ à \d\d:\d\d$/).waitFor();
  await item.getByText(/^La tablette était réglée à une date en avance\./).waitFor();
  await item.getByText(/^Message du serveur\u00a0: .*hours ahead/).waitFor();
  await screenshot(page, 'attention-fr');
  await inArabic(page, 'attention-ar');

  // "Réessayer" sends it again; still ahead, it comes back to the list, never lost.
  assert.equal(await item.getByTestId('attention-attempts').textContent(), "Essais d'envoi\u00a0: 1");
  await item.getByRole('button', { name: 'Réessayer' }).click();
  await page.getByTestId('attention-attempts').getByText("Essais d'envoi\u00a0: 2").waitFor({ timeout: 20_000 });
  await bar(page).getByRole('link', { name: 'À vérifier : 1' }).waitFor();
  assert.equal(await serverEventCount(env.server), before);

  // The export file holds it, in the format a coordinator imports.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter les envois en attente (1)' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^palier-envois-[0-9a-f]{8}-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(exported.format, 'palier-outbox');
  assert.equal(exported.version, 1);
  assert.equal(exported.events.length, 1);
  assert.equal(exported.events[0].body.text, 'Hall B : boîtes aux lettres forcées');
  assert.equal(exported.events[0].device, exported.device);
  await page.getByText(`Fichier enregistré\u00a0: ${file.suggestedFilename()}`).waitFor();

  // That answer told the tablet the server's time: what it records now is stamped with it and
  // accepted, while the clock of the tablet itself is still three days ahead.
  await page.getByRole('link', { name: /Palier/ }).click();
  await page.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  await page.getByLabel('Votre note').fill('Ascenseur réparé');
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await page.getByText('Ascenseur réparé').waitFor();
  await settled(page);
  await bar(page).getByRole('button', { name: 'Synchroniser' }).click();
  await expectEventCount(before + 1);
  await bar(page).getByRole('link', { name: 'À vérifier : 1' }).waitFor();
  await context.close();
});

/** Waits until the server holds `count` events. */
async function expectEventCount(count) {
  for (let i = 0; i < 100 && (await serverEventCount(env.server)) !== count; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.equal(await serverEventCount(env.server), count);
}

test('a tablet the server no longer knows says so plainly, stops sending and keeps its data', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  const { url } = await enrollmentCode(env.server);
  await page.goto(url);
  await appReady(page);
  await page.getByLabel("Nom de l'appareil").fill('Tablette perdue');
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(`Appareil relié à la campagne «\u00a0${CAMPAIGN}\u00a0».`).waitFor();
  await bar(page).getByText("Synchronisé à l'instant").waitFor();

  // The server forgets the device's key (as after a coordinator removed it).
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('palier');
    open.onsuccess = () => {
      const tx = open.result.transaction('meta', 'readwrite');
      const meta = tx.objectStore('meta');
      const get = meta.get('enrollment');
      get.onsuccess = () => {
        const enrollment = JSON.parse(get.result.json);
        enrollment.token = 'f'.repeat(64);
        meta.put({ key: 'enrollment', json: JSON.stringify(enrollment) });
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.getByRole('link', { name: /Palier/ }).click();
  await page.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  await page.getByLabel('Votre note').fill('Gardien absent le mardi');
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await bar(page).getByText(/^Cet appareil a été retiré de la campagne\./).waitFor({ timeout: 20_000 });
  await bar(page).getByText("1 en attente d'envoi").waitFor();
  assert.equal(await bar(page).getByRole('button', { name: 'Synchroniser' }).count(), 0, 'nothing is sent any more');
  await page.getByText('Gardien absent le mardi').waitFor();
  await screenshot(page, 'sync-revoked-fr');
  await inArabic(page, 'sync-revoked-ar');

  // Linking it again sends what waited.
  await bar(page).getByRole('link', { name: 'Relier à nouveau' }).click();
  await link(page, (await enrollmentCode(env.server)).code, 'Tablette retrouvée');
  await bar(page).getByText('Tout est envoyé').waitFor({ timeout: 20_000 });
  await context.close();
});

test('opened on an insecure address, every screen says the app must be opened over https', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  // Loopback is a secure context; a LAN address over http is not. Seen from the page, the
  // difference is this one property.
  await page.addInitScript(() => Object.defineProperty(window, 'isSecureContext', { value: false }));
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  const banner = page.getByTestId('insecure-banner');
  await banner.getByText(/^Adresse non sécurisée\u00a0: ouvrez Palier par une adresse en https:\/\//).waitFor();
  await page.getByRole('link', { name: /Palier/ }).click();
  await banner.waitFor();
  await screenshot(page, 'insecure-fr');
  await inArabic(page, 'insecure-ar');
  await context.close();
});
