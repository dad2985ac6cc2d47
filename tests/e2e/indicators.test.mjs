// The coordinator's evaluation of a campaign, end to end: the admin account made on the command
// line, a tablet linked with a code records three visits (one with a resident's name in its note)
// and syncs; the coordinator signs in, imports the campaign's log from the server (and again: nothing
// new), sees the indicators match the visits, narrows the filter to an entrée nobody visited (rates
// become "—"), and downloads the visits as CSV for French Excel, named and pseudonymised (no
// resident names in the second). Screens are captured in French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { appReady, createAdmin, enrollmentCode, newPage, screenshot, serverAndBrowser, serverEventCount } from './harness.mjs';

process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const PASSWORD = 'escalier-B-quatrieme';
const CAMPAIGN = 'Démonstration — Résidence Les Tilleuls';

const ADMIN = { email: 'Awa.Diallo@bailleur.fr', name: 'Awa Diallo', password: PASSWORD };

const door = (page, number) => page.getByRole('button', { name: new RegExp(`^Porte ${number} `) });

async function visit(page, number, outcome, note) {
  await door(page, number).click();
  const panel = page.getByRole('dialog', { name: `Porte ${number}` });
  if (note) await panel.getByLabel('Note (facultatif)').fill(note);
  await panel.getByRole('button', { name: outcome, exact: true }).click();
  await page.getByText(/^Visite enregistrée\u00a0: /).waitFor();
}

const figure = (page, key) => page.locator(`[data-figure="${key}"] .figure-value`);

async function download(page, buttonName) {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: buttonName }).click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('visits recorded on a tablet become the coordinator\'s indicators and exports', async () => {
  await createAdmin(env.server, ADMIN);

  // The tablet: linked, three visits at the first entrée, synced.
  const tablet = await newPage(env.browser, { viewport: TABLET });
  const { url } = await enrollmentCode(env.server);
  await tablet.page.goto(url);
  await appReady(tablet.page);
  await tablet.page.getByLabel("Nom de l'appareil").fill('Tablette de Samia');
  await tablet.page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await tablet.page.getByText(`Appareil relié à la campagne «\u00a0${CAMPAIGN}\u00a0».`).waitFor();
  await tablet.page.getByRole('link', { name: /Palier/ }).click();
  await tablet.page.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  await tablet.page.getByRole('link', { name: /Résidence Les Tilleuls/ }).click();
  await tablet.page.locator('.entrance-link').first().click();
  await tablet.page.getByRole('heading', { level: 1, name: 'Entrée 1' }).waitFor();
  await visit(tablet.page, 'A171', 'Absent');
  await visit(tablet.page, 'A172', 'Intéressé', "Mme Benali voudrait l'atelier numérique");
  await visit(tablet.page, 'A173', 'Refus');
  const bar = tablet.page.getByTestId('sync-status');
  await bar.getByRole('button', { name: 'Synchroniser' }).click();
  await bar.getByText('Tout est envoyé').waitFor({ timeout: 20_000 });
  assert.equal(await serverEventCount(env.server), 3);

  // The coordinator signs in and imports the log.
  const coordinator = await newPage(env.browser, { viewport: TABLET });
  const page = coordinator.page;
  await page.goto(`${env.server.url}/coordination`);
  await appReady(page);
  await page.getByLabel('Adresse e-mail').fill('awa.diallo@bailleur.fr');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Connecté·e\u00a0: Awa Diallo').waitFor();
  await page.getByText("Importez d'abord le journal de la campagne.").first().waitFor();
  await page.getByRole('button', { name: 'Importer le journal de la campagne' }).click();
  await page.getByText('3 évènements en mémoire, dont 3 nouveaux.').waitFor();

  // The figures are those of the three visits, over the demo estate's 240 doors.
  assert.equal(await figure(page, 'doors-in-scope').textContent(), '240');
  assert.equal(await figure(page, 'knocked').textContent(), '3');
  assert.equal(await figure(page, 'opened').textContent(), '2');
  assert.equal(await figure(page, 'contact-rate').textContent(), '67\u202f%');
  assert.equal(await page.locator('[data-figure="contact-rate"] .figure-detail').textContent(), '2 sur 3');
  assert.equal(await figure(page, 'sign-ups').textContent(), '0');
  assert.equal(await figure(page, 'sign-up-rate').textContent(), '0\u202f%');
  assert.equal(await figure(page, 'refusals').textContent(), '1');

  // Each chart is an image with a name, and its numbers are in the table under it.
  const states = page.locator('[data-chart="door_states"]');
  await states.getByRole('img', { name: 'Portes par état' }).waitFor();
  assert.equal(await states.getByRole('row', { name: /^Refus/ }).getByRole('cell').textContent(), '1');
  assert.equal(await states.getByRole('row', { name: /^Absent/ }).getByRole('cell').textContent(), '1');
  assert.equal(await states.getByRole('row', { name: /^Intéressé/ }).getByRole('cell').textContent(), '1');
  await screenshot(page, 'indicators-fr');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await page.getByRole('img', { name: 'الأبواب حسب الحالة' }).waitFor();
  await screenshot(page, 'indicators-ar');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('html[dir="ltr"]').waitFor();

  // Printed, the report stands alone: the other sections and the filter are left out.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByRole('heading', { name: 'Indicateurs' }).isVisible());
  assert.ok(!(await page.getByRole('heading', { name: 'Relier une tablette' }).isVisible()));
  assert.ok(!(await page.getByRole('button', { name: "Imprimer le rapport d'impact" }).isVisible()));
  assert.ok(!(await page.getByRole('banner').isVisible()));
  await screenshot(page, 'indicators-print-fr');
  await page.emulateMedia({ media: 'screen' });

  // Importing again brings nothing new.
  await page.getByRole('button', { name: 'Importer le journal de la campagne' }).click();
  await page.getByText('3 évènements en mémoire, dont 0 nouveau.').waitFor();

  // CSV for French Excel: BOM, ";", the visits; the named one has the note, the other none.
  const named = await download(page, 'CSV pour Excel, nominatif');
  assert.match(named.name, /^palier-demo-passages-\d{4}-\d\d-\d\d\.csv$/);
  assert.equal(named.text.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
  const lines = named.text.slice(1).split('\r\n').filter((l) => l.length > 0);
  assert.equal(lines.length, 4, 'a header and three visits');
  assert.ok(lines[0].split(';').length > 5, lines[0]);
  assert.ok(lines[0].startsWith('Date;'), lines[0]);
  assert.ok(named.text.includes('Benali'));
  const pseudo = await download(page, 'CSV pour Excel, pseudonymisé');
  assert.match(pseudo.name, /^palier-demo-passages-pseudonymises-\d{4}-\d\d-\d\d\.csv$/);
  assert.equal(pseudo.text.charCodeAt(0), 0xfeff);
  assert.equal(pseudo.text.slice(1).split('\r\n').filter((l) => l.length > 0).length, 4);
  assert.ok(!pseudo.text.includes('Benali'), 'no resident name in a pseudonymised export');
  assert.ok(!pseudo.text.includes('Samia'));
  const jsonl = await download(page, 'JSON Lines, pseudonymisé');
  const rows = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 3);
  assert.ok(!jsonl.text.includes('Benali'));

  // An entrée nobody visited: nothing knocked, and rates with nothing to divide by say "—".
  const other = await page.locator('#f-entrance option').nth(2).getAttribute('value');
  await page.locator('#f-entrance').selectOption(other);
  await page.waitForFunction(() => document.querySelector('[data-figure="knocked"] .figure-value')?.textContent === '0');
  assert.equal(await figure(page, 'contact-rate').textContent(), '—');
  assert.equal(await figure(page, 'sign-up-rate').textContent(), '—');
  // A chart with nothing in it says so, without a table of zeros under the words.
  assert.ok(await page.locator('.chart-figure > p.hint').count() > 0, 'some chart is empty here');
  assert.equal(await page.locator('.chart-figure:has(> p.hint) table').count(), 0);
  await screenshot(page, 'indicators-filtered-fr');

  for (const { page: p } of [coordinator, tablet]) {
    assert.deepEqual(p.problems, []);
  }
  await coordinator.context.close();
  await tablet.context.close();
});
