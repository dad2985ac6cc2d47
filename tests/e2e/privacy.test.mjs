// A resident's data-protection requests, end to end: a tablet signs a resident up and syncs; the
// coordinator signs in, imports the campaign's log, finds the resident by name, sees their consent
// register entries, exports everything held about them (the download has their name), and erases
// their details after a confirmation that says what goes and what stays. The tablet syncs again,
// and its IndexedDB, read directly from the page, no longer holds the name, phone or email.
// The privacy screen and its dialog are captured in French and Arabic at 1024×768.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { appReady, createAdmin, enrollmentCode, newPage, screenshot, serverAndBrowser, storedText } from './harness.mjs';

process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const PASSWORD = 'escalier-B-quatrieme';

const ADMIN = { email: 'claire.roux@bailleur.fr', name: 'Claire Roux', password: PASSWORD };

async function download(page, button) {
  const pending = page.waitForEvent('download');
  await button.click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function syncTablet(page) {
  const bar = page.getByTestId('sync-status');
  await bar.getByRole('button', { name: 'Synchroniser' }).click();
  await bar.getByText('Tout est envoyé').waitFor({ timeout: 20_000 });
}

test('a resident found, exported and erased by the coordinator is erased on the tablet', async () => {
  await createAdmin(env.server, ADMIN);

  // The tablet: linked, one resident signed up at the first door, synced.
  const tablet = await newPage(env.browser, { viewport: TABLET });
  const { url } = await enrollmentCode(env.server);
  await tablet.page.goto(url);
  await appReady(tablet.page);
  await tablet.page.getByLabel("Nom de l'appareil").fill('Tablette de Samia');
  await tablet.page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await tablet.page.getByText(/^Appareil relié à la campagne/).waitFor();
  await tablet.page.goto(`${env.server.url}/terrain`);
  await appReady(tablet.page);
  await tablet.page.locator('.residence-link').first().click();
  await tablet.page.locator('.entrance-link').first().click();
  await tablet.page.getByRole('button', { name: /^Porte / }).first().click();
  await tablet.page.getByRole('dialog').getByRole('button', { name: 'Inscrire', exact: true }).click();
  await tablet.page.getByRole('heading', { level: 1, name: "Inscription d'un habitant" }).waitFor();
  await tablet.page.getByLabel('Prénom').fill('Zoé');
  await tablet.page.getByLabel('Nom (facultatif)').fill('Marchetti');
  await tablet.page.getByLabel('Téléphone').fill('06 98 76 54 32');
  const consents = tablet.page.locator('.consent');
  await consents.nth(0).getByRole('button', { name: 'Oui' }).click();
  await consents.nth(1).getByRole('button', { name: 'Non' }).click();
  await consents.nth(2).getByRole('button', { name: 'Non' }).click();
  await tablet.page.getByRole('button', { name: "Enregistrer l'inscription" }).click();
  await tablet.page.getByRole('heading', { level: 1, name: /^Entrée/ }).waitFor();
  await syncTablet(tablet.page);
  const before = await storedText(tablet.page);
  assert.ok(before.includes('Marchetti') && before.includes('698765432'), 'the tablet holds the sign-up');

  // The coordinator signs in, imports the log and finds the resident.
  const coordinator = await newPage(env.browser, { viewport: TABLET });
  const page = coordinator.page;
  await page.goto(`${env.server.url}/coordination`);
  await appReady(page);
  await page.getByLabel('Adresse e-mail').fill('claire.roux@bailleur.fr');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Connecté·e\u00a0: Claire Roux').waitFor();
  await page.getByRole('button', { name: 'Importer le journal de la campagne' }).click();
  await page.getByText(/évènements en mémoire/).waitFor();
  const privacy = page.locator('section.privacy');
  await privacy.getByLabel('Nom, téléphone ou e-mail du résident').fill('marchetti');
  await privacy.getByRole('button', { name: 'Chercher' }).click();
  const card = privacy.locator('.privacy-card');
  await card.getByRole('heading', { name: 'Zoé Marchetti' }).waitFor();
  // Their consent register entries: each purpose, yes or no, the date, the notice version.
  const register = card.getByRole('table', { name: 'Registre des consentements' });
  assert.equal(await register.locator('tbody tr').count(), 3);
  assert.match(await register.locator('tbody tr').first().textContent(), /recontacté.*oui.*\d\d\/\d\d\/\d{4}.*2026-01/);
  assert.match(await register.locator('tbody tr').nth(2).textContent(), /partenaire.*non/);
  // Found by phone as typed, too.
  await privacy.getByLabel('Nom, téléphone ou e-mail du résident').fill('06 98 76 54 32');
  await privacy.getByRole('button', { name: 'Chercher' }).click();
  await card.getByRole('heading', { name: 'Zoé Marchetti' }).waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'privacy-fr');

  // The access request: everything held, with their name.
  const json = await download(page, card.getByRole('button', { name: 'Exporter ses données (JSON)' }));
  assert.match(json.name, /^palier-demo-donnees-[0-9a-f]{8}-\d{4}-\d\d-\d\d\.json$/);
  const report = JSON.parse(json.text);
  assert.equal(report.sign_ups.length, 1);
  assert.ok(json.text.includes('Marchetti'));
  const csv = await download(page, card.getByRole('button', { name: 'Exporter ses données (CSV)' }));
  assert.equal(csv.text.charCodeAt(0), 0xfeff);
  assert.ok(csv.text.includes('Marchetti'));

  // The erasure, after a dialog that says what goes and what stays.
  await card.getByRole('button', { name: 'Effacer ses données' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Effacer les données de ce résident ?' });
  await dialog.getByText('son prénom, son nom, son téléphone, son e-mail et sa langue').waitFor();
  await dialog.getByText(/la preuve du consentement/).waitFor();
  await screenshot(page, 'privacy-dialog-fr');
  // The dialog is modal: nothing behind it answers until it is closed.
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'privacy-ar');
  await card.getByRole('button', { name: 'محو بياناته' }).click();
  await page.getByRole('alertdialog', { name: 'محو بيانات هذا الساكن؟' }).waitFor();
  await screenshot(page, 'privacy-dialog-ar');
  await page.getByRole('alertdialog').getByRole('button', { name: 'إلغاء' }).click();
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('html[dir="ltr"]').waitFor();
  await card.getByRole('button', { name: 'Effacer ses données' }).click();
  // A phone number is no reference: refused in plain words, nothing sent.
  await dialog.getByLabel('Référence de la demande (registre des demandes)').fill('0698765432');
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await dialog.getByText(/jamais un nom ni un numéro de téléphone/).waitFor();
  await dialog.getByLabel('Référence de la demande (registre des demandes)').fill('DPO-2026-001');
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await privacy.getByText(/^Effacement enregistré\./).waitFor();
  await card.getByRole('heading', { name: 'effacé à la demande du résident' }).waitFor();
  await card.getByText(/Données effacées le \d\d\/\d\d\/\d{4} \(référence DPO-2026-001\)/).waitFor();
  assert.equal(await card.getByRole('button', { name: 'Effacer ses données' }).count(), 0);
  // The proof of consent stays.
  assert.equal(await register.locator('tbody tr').count(), 3);
  await screenshot(page, 'privacy-erased-fr');

  // The server's copy of the log no longer has the details.
  const log = await page.evaluate(async () => (await fetch('/api/v1/campaigns/demo/events?limit=5000')).text());
  assert.ok(log.includes('ResidentErased'));
  assert.ok(!log.includes('Marchetti') && !log.includes('698765432'));

  // The tablet syncs: the erasure reaches it and its IndexedDB forgets the details.
  await syncTablet(tablet.page);
  let after = await storedText(tablet.page);
  for (let i = 0; i < 50 && after.includes('Marchetti'); i += 1) {
    await tablet.page.waitForTimeout(200);
    after = await storedText(tablet.page);
  }
  assert.ok(after.includes('ResidentErased'), 'the erasure was pulled');
  for (const detail of ['Marchetti', 'Zoé', '698765432']) {
    assert.ok(!after.includes(detail), `${detail} is still on the tablet`);
  }

  for (const { page: p } of [coordinator, tablet]) {
    assert.deepEqual(p.problems, []);
  }
  await coordinator.context.close();
  await tablet.context.close();
});
