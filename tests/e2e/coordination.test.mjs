// The coordinator's side of enrollment, as it happens on the first day: the admin account made on
// the server's command line, sign-in (a wrong password first), a code shown as a QR code and a
// short code, a tablet linked with it, the tablet listed, then revoked — the tablet says so and
// keeps its data — and the file it exports imported once, then again without double counting.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { appReady, createAdmin, newPage, screenshot, serverAndBrowser, serverEventCount } from './harness.mjs';

process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const PASSWORD = 'escalier-B-quatrieme';

const ADMIN = { email: 'Awa.Diallo@bailleur.fr', name: 'Awa Diallo', password: PASSWORD };

async function inArabic(page, name) {
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await screenshot(page, name);
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('html[dir="ltr"]').waitFor();
}

test('a coordinator signs in, links a tablet with a code, revokes it, and imports its file once', async () => {
  await createAdmin(env.server, ADMIN);
  const coordinator = await newPage(env.browser, { viewport: TABLET });
  const page = coordinator.page;
  await page.goto(`${env.server.url}/coordination`);
  await appReady(page);
  await page.getByRole('button', { name: 'Se connecter' }).waitFor();
  await screenshot(page, 'coordination-sign-in-fr');

  // Empty fields and a wrong password are each told plainly.
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText("Indiquez l'adresse e-mail et le mot de passe.").waitFor();
  await page.getByLabel('Adresse e-mail').fill('awa.diallo@bailleur.fr');
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
  await inArabic(page, 'coordination-sign-in-error-ar');

  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Connecté·e\u00a0: Awa Diallo').waitFor();
  await page.getByText('Aucun appareil relié pour l\'instant.').waitFor();

  await page.getByRole('button', { name: 'Créer un code' }).click();
  const shortCode = (await page.locator('.short-code').textContent()).trim();
  assert.match(shortCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await page.getByRole('img', { name: 'QR code pour relier une tablette' }).locator('svg').waitFor();
  await page.getByText(/^Pour une seule tablette, valable jusqu'à \d\d:\d\d\.$/).waitFor();
  await screenshot(page, 'coordination-code-fr');
  await inArabic(page, 'coordination-code-ar');

  // The tablet types the short code, sloppily.
  const tablet = await newPage(env.browser, { viewport: TABLET });
  await tablet.page.goto(`${env.server.url}/appareil`);
  await appReady(tablet.page);
  await tablet.page.getByLabel('Code de liaison').fill(shortCode.toLowerCase().replace('-', ' '));
  await tablet.page.getByLabel("Nom de l'appareil").fill('Tablette de Samia');
  await tablet.page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await tablet.page.getByText(/^Appareil relié à la campagne/).waitFor();

  // The coordinator sees it after a reload (still signed in), then revokes it.
  await page.reload();
  await appReady(page);
  await page.getByText('Connecté·e\u00a0: Awa Diallo').waitFor();
  const row = page.getByRole('row', { name: /Tablette de Samia/ });
  await row.getByRole('cell', { name: 'Actif' }).waitFor();
  await screenshot(page, 'coordination-devices-fr');
  await inArabic(page, 'coordination-devices-ar');
  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: 'Retirer' }).click();
  await row.getByRole('cell', { name: 'Retiré' }).waitFor();

  // The tablet records a note, learns it was removed, keeps the note and exports it.
  const before = await serverEventCount(env.server);
  await tablet.page.getByRole('link', { name: /Palier/ }).click();
  await tablet.page.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  await tablet.page.getByLabel('Votre note').fill('Ascenseur du bâtiment A en panne');
  await tablet.page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await tablet.page.getByTestId('sync-status').getByRole('button', { name: 'Synchroniser' }).click();
  await tablet.page.getByText(/Cet appareil a été retiré de la campagne/).first().waitFor({ timeout: 20_000 });
  assert.equal(await serverEventCount(env.server), before, 'a revoked tablet stores nothing');
  await tablet.page.goto(`${env.server.url}/appareil`);
  await appReady(tablet.page);
  const download = tablet.page.waitForEvent('download');
  await tablet.page.getByRole('button', { name: /^Exporter les envois en attente/ }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.ok(exported.events.some((e) => e.body.text === 'Ascenseur du bâtiment A en panne'));

  // The coordinator imports the file: new once, already received the second time.
  await page.getByLabel('Choisir le fichier').setInputFiles(file);
  const pending = exported.events.length;
  await page.getByText(`${pending} ${pending > 1 ? 'nouveaux' : 'nouveau'}, 0 déjà reçu, 0 refusé.`).waitFor();
  assert.equal(await serverEventCount(env.server), before + pending);
  await page.getByLabel('Choisir le fichier').setInputFiles([]);
  await page.getByLabel('Choisir le fichier').setInputFiles(file);
  await page.getByText(`0 nouveau, ${pending} déjà ${pending > 1 ? 'reçus' : 'reçu'}, 0 refusé.`).waitFor();
  assert.equal(await serverEventCount(env.server), before + pending);
  await screenshot(page, 'coordination-import-fr');

  // Signing out brings the form back.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('button', { name: 'Se connecter' }).waitFor();

  for (const { page: p } of [coordinator, tablet]) {
    assert.deepEqual(p.problems.filter((m) => !/401 \(Unauthorized\)/.test(m)), []);
  }
  await coordinator.context.close();
  await tablet.context.close();
});
