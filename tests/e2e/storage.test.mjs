// The device's storage when things go wrong or come to an end: a full device refuses a visit
// with plain words, keeps what was typed and writes nothing half-way; "Effacer cet appareil" is
// refused while visits wait unsent, allowed once an encrypted export of them is saved, and leaves
// no Palier database behind; the coordinator opens that file with its passphrase and imports it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { appReady, createAdmin, newPage, screenshot, serverAndBrowser, serverEventCount } from './harness.mjs';

// The demo campaign exists on the server: the coordinator imports the tablet's demo visits.
process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const PASSWORD = 'escalier-B-quatrieme';
const PASSPHRASE = 'cage B, troisième étage';

const door = (page, number) => page.getByRole('button', { name: new RegExp(`^Porte ${number} `) });

async function openEntrance(page) {
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByRole('link', { name: /Résidence Les Tilleuls/ }).click();
  await page.locator('.entrance-link').first().click();
  await page.getByRole('heading', { level: 1, name: 'Entrée 1' }).waitFor();
}

/** How many events and outbox entries the device holds, read from IndexedDB itself. */
async function stored(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('palier');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['events', 'outbox']);
      const events = tx.objectStore('events').count();
      const outbox = tx.objectStore('outbox').count();
      // Closed at once: an open connection here would hold up a later wipe.
      tx.oncomplete = () => { db.close(); resolve({ events: events.result, outbox: outbox.result }); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    };
  }));
}

/** The browser's own refusal, as a full disk gives it: every add/put throws while
 * `window.__palierQuotaFull` is true; a number lets that many through first (the disk fills up
 * half-way through a write). */
async function simulateFullDevice(context) {
  await context.addInitScript(() => {
    // Still full after a reload when the test says so.
    if (sessionStorage.getItem('palier-test-full') === 'true') window.__palierQuotaFull = true;
    for (const name of ['add', 'put']) {
      const original = IDBObjectStore.prototype[name];
      IDBObjectStore.prototype[name] = function (...args) {
        const full = window.__palierQuotaFull;
        if (typeof full === 'number' && full > 0) window.__palierQuotaFull = full - 1;
        else if (full === true || full === 0) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      };
    }
  });
}

/** How many records a store holds, read from IndexedDB itself. */
async function count(page, store) {
  return page.evaluate((store) => new Promise((resolve, reject) => {
    const open = indexedDB.open('palier');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction(store).objectStore(store).count();
      req.onsuccess = () => { db.close(); resolve(req.result); };
      req.onerror = () => { db.close(); reject(req.error); };
    };
  }), store);
}

/** Screens are saved as `storage-<name>` (and under $PALIER_SHOTS when set). */
async function shot(page, name) {
  await screenshot(page, `storage-${name}`);
}

async function inArabic(page, name) {
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await shot(page, name);
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('html[dir="ltr"]').waitFor();
}

test('a full device refuses a visit in plain words, keeps the note typed, writes nothing, then records it', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await simulateFullDevice(context);
  await openEntrance(page);
  const before = await stored(page);

  await door(page, 'A171').click();
  const panel = page.getByRole('dialog', { name: 'Porte A171' });
  await panel.getByLabel('Note (facultatif)').fill('Boîte aux lettres cassée');
  await page.evaluate(() => { window.__palierQuotaFull = true; });
  await panel.getByRole('button', { name: 'Absent', exact: true }).click();
  const message = panel.getByTestId('visit-problem');
  await message.getByText(/^Rien n'a été enregistré\u00a0: l'espace de stockage de cet appareil est plein\./).waitFor();
  assert.match(await message.textContent(), /Synchronisez.*exportez les envois en attente/);
  await shot(page, 'quota-fr');
  await inArabic(page, 'quota-ar');

  // Nothing half-written: neither the event nor its outbox entry; the panel and the note stay.
  assert.deepEqual(await stored(page), before);
  assert.equal(await panel.getByLabel('Note (facultatif)').inputValue(), 'Boîte aux lettres cassée');

  // Space again: the same tap records the visit, with its note, exactly once.
  await page.evaluate(() => { window.__palierQuotaFull = false; });
  await panel.getByRole('button', { name: 'Absent', exact: true }).click();
  await page.getByText(/^Visite enregistrée\u00a0: /).waitFor();
  assert.deepEqual(await stored(page), { events: before.events + 1, outbox: before.outbox + 1 });

  // Restarted while still full: the tablet shows what it holds. Reading the device's id wrote it
  // back, so the whole log failed to read and the entrée looked never visited.
  await page.evaluate(() => sessionStorage.setItem('palier-test-full', 'true'));
  await page.reload();
  await appReady(page);
  await door(page, 'A171').filter({ hasText: 'Absent' }).waitFor();
  assert.equal(await page.getByText(/^Rien n'a été enregistré/).count(), 0, 'no storage problem shown for a read');
  await context.close();
});

const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../domain/src/import/fixtures');
const PARTNERS_CSV = 'nom;type;thèmes;téléphone\r\nRepair café Zéphyr;association;Parentalité;04 65 71 12 34\r\n'
  + 'Atelier vélo solidaire;autre;Culture et loisirs;\r\n';

test('on a full device, imports of doors and of partners record nothing and keep the file to try again', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await simulateFullDevice(context);
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByRole('link', { name: /Résidence Les Tilleuls/ }).waitFor();

  // Doors: one transaction for the whole file.
  const residences = await count(page, 'residences');
  await page.getByRole('link', { name: 'Importer une liste de logements' }).click();
  await page.getByLabel(/Fichier de logements/).setInputFiles(path.join(FIXTURES, 'rpls_2024_vaulx.csv'));
  await page.getByTestId('import-summary').waitFor();
  await page.evaluate(() => { window.__palierQuotaFull = true; });
  await page.getByRole('button', { name: 'Tout importer' }).click();
  await page.getByText(/^Rien n'a été enregistré\u00a0: l'espace de stockage de cet appareil est plein\./).waitFor();
  assert.equal(await count(page, 'residences'), residences);
  await page.evaluate(() => { window.__palierQuotaFull = false; });
  await page.getByRole('button', { name: 'Tout importer' }).click();
  await page.getByText("Import terminé\u00a0: 29 portes sur l'appareil.").waitFor();
  assert.ok(await count(page, 'residences') > residences);

  // Partners: every line of the file in one transaction too.
  await page.goto(`${env.server.url}/partenaires`);
  await appReady(page);
  await page.getByRole('link', { name: 'Importer un tableur (CSV)' }).click();
  await page.locator('#partners-import-file').setInputFiles({ name: 'structures.csv', mimeType: 'text/csv', buffer: Buffer.from(PARTNERS_CSV, 'utf8') });
  await page.getByRole('heading', { level: 2, name: "Ce que l'import va faire" }).waitFor();
  const before = await stored(page);
  // Space for the first partner's event, its outbox entry and one more write, not for the rest:
  // one record at a time would leave the first partner recorded and the second not.
  await page.evaluate(() => { window.__palierQuotaFull = 3; });
  await page.getByRole('button', { name: 'Importer les lignes valides (2)' }).click();
  await page.getByText(/^Rien n'a été enregistré\u00a0: l'espace de stockage de cet appareil est plein\./).waitFor();
  assert.deepEqual(await stored(page), before, 'no partner of the file half-recorded');
  await shot(page, 'quota-partners-import-fr');
  await page.evaluate(() => { window.__palierQuotaFull = false; });
  await page.getByRole('button', { name: 'Importer les lignes valides (2)' }).click();
  await page.getByText('Import terminé. Nouvelles structures\u00a0: 2 · mises à jour\u00a0: 0.').waitFor();
  assert.deepEqual(await stored(page), { events: before.events + 2, outbox: before.outbox + 2 });
  await context.close();
});

test('wiping is refused while a visit waits, allowed after an encrypted export, and the coordinator imports that file', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await openEntrance(page);
  await door(page, 'A172').click();
  await page.getByRole('dialog', { name: 'Porte A172' }).getByRole('button', { name: 'Intéressé', exact: true }).click();
  await page.getByText(/^Visite enregistrée\u00a0: /).waitFor();

  await page.goto(`${env.server.url}/appareil`);
  await appReady(page);
  // The storage state is on the device page too.
  // The browser's estimate comes after the panel is drawn.
  await page.getByTestId('storage-usage').filter({ hasText: /\d/ }).waitFor();

  const decision = page.getByTestId('wipe-decision');
  await decision.getByText(/^Effacement impossible\u00a0: 1 enregistrement pas encore envoyé serait perdu/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Effacer cet appareil' }).count(), 0);
  await shot(page, 'device-refused-fr');
  await inArabic(page, 'device-refused-ar');

  // The passphrase is typed twice, long enough.
  const status = page.getByTestId('protected-export-status');
  await page.getByLabel('Phrase de passe (au moins 10 caractères)').fill('court');
  await page.getByLabel('La même phrase de passe, encore une fois').fill('court');
  await page.getByRole('button', { name: "Enregistrer l'export chiffré (1)" }).click();
  await status.getByText('La phrase de passe doit compter au moins 10 caractères.').waitFor();
  await page.getByLabel('Phrase de passe (au moins 10 caractères)').fill(PASSPHRASE);
  await page.getByLabel('La même phrase de passe, encore une fois').fill(`${PASSPHRASE}.`);
  await page.getByRole('button', { name: "Enregistrer l'export chiffré (1)" }).click();
  await status.getByText('Les deux phrases de passe ne sont pas identiques.').waitFor();
  await page.getByLabel('La même phrase de passe, encore une fois').fill(PASSPHRASE);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: "Enregistrer l'export chiffré (1)" }).click();
  const saved = await download;
  assert.match(saved.suggestedFilename(), /^palier-envois-chiffres-[0-9a-f]{8}-\d{4}-\d\d-\d\d\.json$/);
  // Kept apart: the browser's copy goes with the tablet's context, which the wipe test closes.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'palier-storage-')), saved.suggestedFilename());
  await saved.saveAs(file);
  const text = await readFile(file, 'utf8');
  const header = JSON.parse(text);
  assert.equal(header.format, 'palier-outbox-protected');
  assert.equal(header.kdf, 'PBKDF2-SHA256');
  assert.ok(header.iterations >= 600_000);
  assert.equal(header.events, 1);
  assert.doesNotMatch(text, /A172|DoorVisited|interested/, 'nothing of the visit in the clear');
  await status.getByText(/^Export chiffré enregistré\u00a0: palier-envois-chiffres-/).waitFor();

  // Now the wipe is offered, behind a typed word.
  await decision.getByText(/^1 enregistrement pas encore envoyé, dans l'export chiffré/).waitFor();
  await shot(page, 'device-allowed-fr');
  await inArabic(page, 'device-allowed-ar');
  await page.getByLabel('Pour confirmer, tapez EFFACER').fill('effacé');
  await page.getByRole('button', { name: 'Effacer cet appareil' }).click();
  await page.getByText('Tapez exactement EFFACER pour confirmer.').waitFor();
  assert.ok((await stored(page)).events > 0, 'nothing wiped on a wrong word');
  await page.getByLabel('Pour confirmer, tapez EFFACER').fill('effacer');
  await page.getByRole('button', { name: 'Effacer cet appareil' }).click();
  await page.getByRole('heading', { level: 1, name: 'Appareil effacé' }).waitFor();
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    local: localStorage.length,
  }));
  assert.deepEqual(left, { databases: [], local: 0 });
  await shot(page, 'device-wiped-fr');
  await inArabic(page, 'device-wiped-ar');
  await context.close();

  // The coordinator opens the file with its passphrase; a wrong one imports nothing.
  await createAdmin(env.server, { email: 'awa.diallo@bailleur.fr', name: 'Awa Diallo', password: PASSWORD });
  const coordinator = await newPage(env.browser, { viewport: TABLET });
  const desk = coordinator.page;
  await desk.goto(`${env.server.url}/coordination`);
  await appReady(desk);
  await desk.getByLabel('Adresse e-mail').fill('awa.diallo@bailleur.fr');
  await desk.getByLabel('Mot de passe').fill(PASSWORD);
  await desk.getByRole('button', { name: 'Se connecter' }).click();
  await desk.getByText('Connecté·e\u00a0: Awa Diallo').waitFor();
  const before = await serverEventCount(env.server);
  await desk.getByLabel('Choisir le fichier').setInputFiles(file);
  await desk.getByText('Ce fichier est chiffré\u00a0: tapez la phrase de passe choisie sur la tablette.').waitFor();
  await desk.getByLabel('Phrase de passe du fichier').fill('cage C, troisième étage');
  await desk.getByRole('button', { name: 'Ouvrir et importer' }).click();
  await desk.getByText("Phrase de passe incorrecte, ou fichier modifié\u00a0: rien n'a été importé.").waitFor();
  assert.equal(await serverEventCount(env.server), before);
  await shot(desk, 'import-wrong-passphrase-fr');
  await inArabic(desk, 'import-wrong-passphrase-ar');
  await desk.getByLabel('Phrase de passe du fichier').fill(PASSPHRASE);
  await desk.getByRole('button', { name: 'Ouvrir et importer' }).click();
  await desk.getByText('1 nouveau, 0 déjà reçu, 0 refusé.').waitFor();
  assert.equal(await serverEventCount(env.server), before + 1);
  await coordinator.context.close();
});

// The browser answers the storage estimate in its own time: until then the panel says it is
// reading, not "inconnu" nor "not protected" with a button to protect it.
test('the storage panel says it is reading until the browser has answered', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.addInitScript(() => {
    const manager = Object.getPrototypeOf(navigator.storage);
    const estimate = manager.estimate;
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    window.__releaseEstimate = release;
    manager.estimate = async function () { await held; return estimate.call(this); };
  });
  await page.goto(`${env.server.url}/appareil`);
  await appReady(page);
  const usage = page.getByTestId('storage-usage');
  await usage.getByText("Lecture de l'état du stockage…").waitFor();
  assert.equal(await page.getByRole('button', { name: 'Protéger le stockage' }).count(), 0);
  assert.equal((await page.getByTestId('storage-persistence').textContent()).trim(), '');
  await screenshot(page, 'storage-reading-fr');
  await page.evaluate(() => window.__releaseEstimate());
  await usage.filter({ hasText: /\d/ }).waitFor();
  assert.doesNotMatch(await usage.textContent(), /inconnu|Lecture/);
  await context.close();
});
