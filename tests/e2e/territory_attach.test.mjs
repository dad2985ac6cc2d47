// The office prepares the territory once, every enrolled tablet gets it: a coordinator attaches
// an RPLS-style file to a new campaign (the same file again adds nothing, a second file adds its
// résidence), a tablet that had imported the first file itself is linked to the campaign, syncs,
// lists each résidence once and walks into the attached résidence's entrée without importing
// anything. Screens are captured in French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, createAdmin, enrollmentCode, newPage, screenshot, serverAndBrowser } from './harness.mjs';

process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const ADMIN = { email: 'awa.diallo@bailleur.fr', name: 'Awa Diallo', password: 'escalier-B-quatrieme' };

const HEADER = 'Groupe;DEPCOM;CODEPOSTAL;LIBCOM;NUMVOIE;TYPVOIE;NOMVOIE;BAT;ESC;ETAGE;NUMAPPT;NBPIECE';
const ERABLES = [
  HEADER,
  'Résidence Les Érables;93031;93800;ÉPINAY-SUR-SEINE;4;ALL;DES ERABLES;A;1;RDC;01;3',
  'Résidence Les Érables;93031;93800;ÉPINAY-SUR-SEINE;4;ALL;DES ERABLES;A;1;1;11;3',
  'Résidence Les Érables;93031;93800;ÉPINAY-SUR-SEINE;4;ALL;DES ERABLES;A;1;2;21;4',
  'Résidence Les Érables;93031;93800;ÉPINAY-SUR-SEINE;4;ALL;DES ERABLES;A;2;1;12;2',
].join('\r\n');
const LILAS = [
  HEADER,
  'Le Clos des Lilas;93031;93800;ÉPINAY-SUR-SEINE;9;RUE;DES LILAS;B;3;RDC;B01;2',
  'Le Clos des Lilas;93031;93800;ÉPINAY-SUR-SEINE;9;RUE;DES LILAS;B;3;1;B11;3',
  'Le Clos des Lilas;93031;93800;ÉPINAY-SUR-SEINE;9;RUE;DES LILAS;B;3;2;B21;3',
].join('\r\n');
const NOTHING_VALID = [HEADER, 'Le Clos des Lilas;93031;93800;ÉPINAY;9;RUE;DES LILAS;B;3;3B;B31;2'].join('\r\n');

/** What a 1024×768 screen shows where `locator` starts (the whole page is too long to read). */
async function viewShot(page, locator, name) {
  await locator.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const shots = process.env.PALIER_SHOTS;
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
}

const file = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('a coordinator attaches a dwelling file to a campaign and a linked tablet walks into its résidence', async () => {
  await createAdmin(env.server, ADMIN);
  const { page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/coordination`);
  await appReady(page);
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Connecté·e\u00a0: Awa Diallo').waitFor();

  const campaigns = page.locator('section.campaigns');
  await campaigns.getByLabel('Nom de la campagne').fill('Épinay, hiver 2026');
  await campaigns.getByRole('button', { name: 'Créer la campagne' }).click();
  const row = campaigns.getByRole('row', { name: /Épinay, hiver 2026/ });
  await row.waitFor();
  const campaignId = (await row.locator('.hint').textContent()).trim();

  const territory = page.locator('section.campaign-territory');
  await territory.getByRole('heading', { name: 'Territoire de la campagne' }).waitFor();
  await territory.getByText("Aucun fichier rattaché\u00a0: les tablettes n'ont que ce qu'elles importent elles-mêmes.").waitFor();

  // A file whose only line is wrong: told in words, with its line, and nothing to attach.
  await territory.getByLabel(/Fichier de logements/).setInputFiles(file('faux.csv', NOTHING_VALID));
  await territory.getByText("Ligne 2\u00a0: l'étage «\u00a03B\u00a0» n'est pas lisible (attendu\u00a0: RDC, 0, 1, -1…).").waitFor();
  await territory.getByText(/^Aucune ligne de ce fichier ne donne une porte/).waitFor();
  assert.equal(await territory.getByRole('button', { name: /^Rattacher/ }).count(), 0);

  // The first file: its summary, then attached.
  await territory.getByLabel(/Fichier de logements/).setInputFiles(file('erables.csv', ERABLES));
  assert.equal(await territory.getByTestId('import-summary').textContent(), '1 résidence, 1 bâtiment, 2 entrées, 4 portes');
  await viewShot(page, territory.locator('#preview-heading'), 'territory-preview-fr');
  await territory.getByRole('button', { name: 'Rattacher à la campagne' }).click();
  await territory.getByText(/^Fichier rattaché\u00a0: 4 nouvelles portes, 0 déjà connues\./).waitFor();
  await territory.getByText('Rattaché\u00a0: 1 résidence, 1 bâtiment, 2 entrées, 4 portes.').waitFor();
  await territory.getByText(/^Dernier ajout le .+ par \u2068Awa Diallo\u2069\.$/).waitFor();

  // The same file again adds nothing; a second file adds its résidence.
  await territory.getByLabel(/Fichier de logements/).setInputFiles(file('erables.csv', ERABLES));
  await territory.getByRole('button', { name: 'Rattacher à la campagne' }).click();
  await territory.getByText(/^Fichier rattaché\u00a0: 0 nouvelles portes, 4 déjà connues\./).waitFor();
  await territory.getByLabel(/Fichier de logements/).setInputFiles(file('lilas.csv', LILAS));
  await territory.getByRole('button', { name: 'Rattacher à la campagne' }).click();
  await territory.getByText('Rattaché\u00a0: 2 résidences, 2 bâtiments, 3 entrées, 7 portes.').waitFor();
  const listed = await territory.locator('ul.attached-residences li').allTextContents();
  assert.equal(listed.length, 2);
  assert.match(listed[0].replace(/\s+/g, ' ').trim(), /^Le Clos des Lilas — .+ · 3 portes$/);
  assert.match(listed[1].replace(/\s+/g, ' ').trim(), /^Résidence Les Érables — .+ · 4 portes$/);
  // The editor's join links list the attached résidences.
  const editor = page.locator('section.campaign-editor');
  await editor.getByLabel('Le Clos des Lilas').waitFor();
  await editor.getByLabel('Résidence Les Érables').waitFor();
  await viewShot(page, editor.locator('#campaign-app-name'), 'territory-editor-links-fr');
  await viewShot(page, territory, 'territory-attach-fr');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await territory.getByRole('heading', { name: 'منطقة الحملة' }).waitFor();
  await territory.getByText('المرفق — المساكن: 2، المباني: 2، المداخل: 3، الأبواب: 7.').waitFor();
  await viewShot(page, territory, 'territory-attach-ar');
  await territory.getByLabel(/ملف/).setInputFiles(file('lilas.csv', LILAS));
  await viewShot(page, territory.locator('#preview-heading'), 'territory-preview-ar');
  await viewShot(page, editor.locator('#campaign-app-name'), 'territory-editor-links-ar');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('html[dir="ltr"]').waitFor();

  // A tablet that imported the first file itself, then linked to the campaign.
  const tablet = (await newPage(env.browser, { viewport: TABLET })).page;
  await tablet.goto(`${env.server.url}/terrain/import`);
  await appReady(tablet);
  await tablet.getByLabel(/Fichier de logements/).setInputFiles(file('erables.csv', ERABLES));
  await tablet.getByRole('button', { name: 'Tout importer' }).click();
  await tablet.getByText("Import terminé\u00a0: 4 portes sur l'appareil.").waitFor();

  const { code } = await enrollmentCode(env.server, campaignId);
  await tablet.goto(`${env.server.url}/appareil`);
  await appReady(tablet);
  await tablet.getByLabel('Code de liaison').fill(code);
  await tablet.getByLabel("Nom de l'appareil").fill('Tablette de Samia');
  await tablet.getByRole('button', { name: 'Relier cet appareil' }).click();
  await tablet.getByText('Appareil relié à la campagne «\u00a0Épinay, hiver 2026\u00a0».').waitFor();
  await tablet.waitForFunction(() => {
    const button = document.querySelector('[data-testid="sync-status"] button');
    return button && !button.disabled;
  });
  await tablet.getByTestId('sync-status').getByRole('button', { name: 'Synchroniser' }).click();
  await tablet.getByRole('link', { name: /Palier/ }).click();
  await tablet.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  // Nothing imported for the Lilas: it came with the campaign. The Érables are there once.
  await tablet.getByRole('link', { name: /Le Clos des Lilas/ }).waitFor({ timeout: 30_000 });
  assert.equal(await tablet.getByRole('link', { name: /Résidence Les Érables/ }).count(), 1);
  // The invented demo estate leaves the walk list once the campaign brought real résidences.
  assert.equal(await tablet.getByRole('link', { name: /Résidence Les Tilleuls/ }).count(), 0);
  assert.equal(await tablet.getByRole('link', { name: /Le Clos des Lilas/ }).count(), 1);
  await screenshot(tablet, 'territory-tablet-residences-fr');
  await tablet.getByRole('button', { name: 'العربية' }).click();
  await tablet.locator('html[dir="rtl"]').waitFor();
  await screenshot(tablet, 'territory-tablet-residences-ar');
  await tablet.getByRole('button', { name: 'Français' }).click();
  await tablet.locator('html[dir="ltr"]').waitFor();
  await tablet.getByRole('link', { name: /Le Clos des Lilas/ }).click();
  await tablet.getByRole('heading', { level: 1, name: 'Le Clos des Lilas' }).waitFor();
  await tablet.locator('.entrance-link').first().click();
  await tablet.getByRole('heading', { level: 1, name: /3/ }).waitFor();
  await tablet.getByRole('button', { name: /^Porte B21 / }).waitFor();
  await screenshot(tablet, 'territory-tablet-entrance-fr');
  await tablet.getByRole('button', { name: 'العربية' }).click();
  await tablet.locator('html[dir="rtl"]').waitFor();
  await screenshot(tablet, 'territory-tablet-entrance-ar');

  // The local residences store holds each door once.
  const doors = await tablet.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('palier');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('residences').objectStore('residences').getAll();
      all.onsuccess = () => {
        const ids = all.result.flatMap((r) => JSON.parse(r.json).buildings)
          .flatMap((b) => b.entrances).flatMap((e) => e.doors).map((d) => d.id);
        open.result.close();
        resolve(ids);
      };
    };
  }));
  assert.equal(new Set(doors).size, doors.length, 'no door twice');

  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
  assert.deepEqual(tablet.problems.filter((p) => !/Failed to load resource/.test(p)), []);
});
