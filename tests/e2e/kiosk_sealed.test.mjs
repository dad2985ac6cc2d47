// Sealed kiosk sign-ups: a kiosk that is not linked to a campaign has no key to seal with and
// says it cannot take sign-ups yet (French and Arabic captured), recording nothing. Once linked,
// a resident signs up with the tablet offline: IndexedDB then holds only the sealed record, no
// name, phone or e-mail anywhere in any store. Back online, the record reaches the server, which
// opens it and stores the sign-up itself; the kiosk then deletes the sealed record.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { appReady, enrollmentCode, newPage, readyOffline, screenshot, serverAndBrowser, storedEvents, storedPlainText, storedRecords } from './harness.mjs';

// The server starts with the demo campaign, the one the enrollment code links the kiosk to.
process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const PERSONAL = ['Awa', 'Diallo', '612345678', '06 12 34 56 78', 'awa.diallo@exemple.fr'];

const next = (page) => page.getByRole('button', { name: 'Suivant' });

/** The server's stored envelopes of one kind, read from its SQLite file. */
function serverEvents(kind) {
  const file = path.join(env.server.dataDir, 'palier.sqlite');
  return new Promise((resolve, reject) => {
    execFile('sqlite3', ['-readonly', file, `SELECT envelope FROM events WHERE kind = '${kind}'`], (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))));
  });
}

async function openKiosk(page) {
  await page.goto(`${env.server.url}/borne`);
  await page.getByRole('button', { name: /^Français/ }).waitFor({ timeout: 15_000 });
}

async function startSignUp(page, language) {
  await page.getByRole('button', { name: new RegExp(`^${language}`) }).click();
  await page.locator('.kiosk-menu-item').first().click();
}

test('a kiosk without the campaign key takes no sign-up and says so', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await openKiosk(page);
  await startSignUp(page, 'Français');
  await page.getByText("Cette borne ne peut pas encore prendre d'inscriptions").waitFor({ timeout: 15_000 });
  await page.getByText(/adressez-vous à votre bailleur/).waitFor();
  assert.equal(await page.getByLabel('Prénom').count(), 0, 'no form to fill in');
  await screenshot(page, 'kiosk-sealed-unavailable-fr');
  await page.getByRole('button', { name: 'Poser une question' }).click();
  await page.getByLabel('Posez votre question').waitFor();

  await openKiosk(page);
  await startSignUp(page, 'العربية');
  await page.getByText('لا يستطيع هذا الجهاز تسجيل الاشتراكات بعد').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('.kiosk').getAttribute('dir'), 'rtl');
  await screenshot(page, 'kiosk-sealed-unavailable-ar');
  const recorded = await storedEvents(page);
  assert.deepEqual(recorded.filter((e) => /SignedUp|Sealed/.test(e.body.type)), [], 'nothing recorded');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a linked kiosk keeps only the sealed sign-up, the server opens it, the kiosk then forgets it', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  const { url } = await enrollmentCode(env.server);
  await page.goto(url);
  await appReady(page);
  await page.getByLabel("Nom de l'appareil").fill('Borne hall A');
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(/^Appareil relié à la campagne/).waitFor();

  // Offline, so that what the kiosk keeps until it syncs can be looked at.
  await openKiosk(page);
  await readyOffline(page);
  await context.setOffline(true);
  await startSignUp(page, 'Français');
  await page.getByLabel('Prénom').fill('Awa');
  await next(page).click();
  await page.getByLabel('Nom (facultatif)').fill('Diallo');
  await next(page).click();
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  await page.getByLabel('E-mail').fill('awa.diallo@exemple.fr');
  await next(page).click();
  await page.getByRole('button', { name: 'Français', exact: true }).click();
  await next(page).click();
  for (let n = 5; n <= 7; n += 1) {
    await page.getByText(`Question ${n} sur 8`).waitFor();
    await page.getByRole('button', { name: 'Oui', exact: true }).click();
    await next(page).click();
  }
  await page.getByRole('button', { name: "Enregistrer l'inscription" }).click();
  await page.locator('.kiosk-thanks').waitFor();

  const stored = await storedRecords(page);
  const text = await storedPlainText(page);
  for (const personal of PERSONAL) {
    assert.ok(!text.includes(personal), `IndexedDB holds "${personal}"`);
  }
  const sealed = (await storedEvents(page)).filter((e) => e.body.type === 'KioskSealed');
  assert.equal(sealed.length, 1);
  assert.equal(sealed[0].actor.role, 'kiosk');
  assert.equal(sealed[0].body.of, 'ResidentSignedUp');
  assert.equal(sealed[0].body.sealed.alg, 'ECDH-P256+HKDF-SHA256+A256GCM');
  assert.equal((await storedEvents(page)).filter((e) => e.body.type === 'ResidentSignedUp').length, 0);
  assert.equal(stored.outbox.filter((r) => r.includes(sealed[0].id)).length, 1, 'waiting to be sent');

  // Back online: the server opens it; the kiosk deletes it once acknowledged.
  await context.setOffline(false);
  await page.waitForFunction(async (id) => {
    const db = await new Promise((resolve) => { const o = indexedDB.open('palier'); o.onsuccess = () => resolve(o.result); });
    const found = await new Promise((resolve) => {
      const r = db.transaction('events').objectStore('events').get(id);
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return found === undefined;
  }, sealed[0].id, { timeout: 60_000, polling: 500 });
  // Read by a second process (sqlite3) that may see the server's last commit a moment late:
  // wait until it does, rather than for a fixed time.
  let opened = await serverEvents('ResidentSignedUp');
  for (let tries = 0; opened.length === 0 && tries < 40; tries += 1) {
    await new Promise((r) => setTimeout(r, 250));
    opened = await serverEvents('ResidentSignedUp');
  }
  assert.equal(opened.length, 1);
  assert.equal(opened[0].id, sealed[0].id, 'stored under the sealed event id');
  assert.equal(opened[0].actor.role, 'kiosk');
  assert.equal(opened[0].body.first_name, 'Awa');
  assert.equal(opened[0].body.last_name, 'Diallo');
  assert.equal(opened[0].body.phone, '+33612345678');
  assert.equal(opened[0].body.email, 'awa.diallo@exemple.fr');
  assert.deepEqual(await serverEvents('KioskSealed'), [], 'the server keeps nothing sealed');
  const after = await storedRecords(page);
  assert.equal(after.outbox.filter((r) => r.includes(sealed[0].id)).length, 0);
  assert.ok(!JSON.stringify(after).includes(sealed[0].body.sealed.ct), 'the ciphertext is gone too');
  assert.deepEqual(page.problems.filter((p) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|net::/.test(p)), []);
  await context.close();
});
