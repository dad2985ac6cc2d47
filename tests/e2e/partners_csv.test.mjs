// The directory as a spreadsheet and archiving, with no network: import a CSV with one bad line
// (its line number is shown), import the valid lines, import the same file again (nothing twice),
// export (BOM, `;`, CRLF) and import the export back (nothing new), archive a partner (gone from
// search, found with "show archived", the history says who), put it back. Screens are captured in
// French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appReady, controlledByServiceWorker, newPage, readyOffline, screenshot, serverAndBrowser } from './harness.mjs';

const TABLET = { width: 1024, height: 768 };

const env = serverAndBrowser();

// A hand-made file as a coordinator would save it: line 3 has no name; line 4 updates a demo
// partner found by its name; the others are new.
const HAND_MADE = [
  'nom;type;thèmes;téléphone',
  'Repair café Zéphyr;association;Parentalité;04 65 71 12 34',
  ';association;Emploi;',
  'Centre social Les Glycines;centre social;Numérique;',
  'Atelier vélo solidaire;autre;Culture et loisirs;',
].join('\r\n') + '\r\n';

async function chooseFile(page, name, bytes) {
  await page.locator('#partners-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.getByRole('heading', { level: 2, name: "Ce que l'import va faire" }).waitFor();
}

const summary = (page) => page.locator('.import-summary li').allTextContents();

test('directory as CSV offline: import with a bad line, re-import, export round trip, archive', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/partenaires`);
  await appReady(page);
  await controlledByServiceWorker(page);
  await readyOffline(page);
  // The volunteer using the tablet said who they are: their name goes on what they record.
  await page.evaluate(() => localStorage.setItem('palier.volunteer', 'Samia'));
  await env.server.stop();
  await page.getByText('12 partenaires').waitFor();

  // Import: the preview says what will happen and which line is wrong, before anything is saved.
  await page.getByRole('link', { name: 'Importer un tableur (CSV)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importer des structures depuis un tableur' }).waitFor();
  await chooseFile(page, 'structures.csv', Buffer.from(HAND_MADE, 'utf8'));
  assert.deepEqual(await summary(page), [
    'Nouvelles structures\u00a0: 2',
    'Structures mises à jour\u00a0: 1',
    'Déjà à jour (rien à changer)\u00a0: 0',
    'Lignes laissées de côté\u00a0: 1',
  ]);
  await page.locator('.import-problems').getByText(/^Ligne 3\u00a0: Le nom de la structure manque/).waitFor();
  await screenshot(page, 'partners-import-fr');
  await page.getByRole('button', { name: 'Importer les lignes valides (3)' }).click();
  await page.getByText('Import terminé. Nouvelles structures\u00a0: 2 · mises à jour\u00a0: 1.').waitFor();

  // The same file again: everything is found by name, nothing is added twice.
  await chooseFile(page, 'structures.csv', Buffer.from(HAND_MADE, 'utf8'));
  assert.deepEqual(await summary(page), [
    'Nouvelles structures\u00a0: 0',
    'Structures mises à jour\u00a0: 0',
    'Déjà à jour (rien à changer)\u00a0: 3',
    'Lignes laissées de côté\u00a0: 1',
  ]);
  await page.getByText("Rien à importer\u00a0: ce fichier ne change rien à l'annuaire.").waitFor();
  assert.equal(await page.getByRole('button', { name: /^Importer les lignes valides/ }).count(), 0);

  // Export: French Excel's dialect, named after today.
  await page.getByRole('link', { name: 'Tous les partenaires' }).click();
  await page.getByText('14 partenaires').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: "Exporter l'annuaire (CSV)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^partenaires-\d{4}-\d\d-\d\d\.csv$/);
  const exported = readFileSync(await download.path());
  assert.deepEqual([...exported.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
  const text = exported.toString('utf8').slice(1);
  assert.ok(text.startsWith('nom;type;thèmes;adresse;téléphone;'), text.slice(0, 80));
  assert.ok(text.endsWith('\r\n'));
  // 14 partners, each line ending with its id (opening hours span lines, between quotes).
  const ids = text.match(/;[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\r\n/g) ?? [];
  assert.equal(ids.length, 14);
  assert.ok(text.includes('\r\nRepair café Zéphyr;Association;Parentalité;;04 65 71 12 34;'));
  await page.getByText(/^Fichier enregistré dans les téléchargements\u00a0: partenaires-/).waitFor();

  // The export imported back creates nothing: each line carries its partner's id.
  await page.getByRole('link', { name: 'Importer un tableur (CSV)' }).click();
  await chooseFile(page, download.suggestedFilename(), exported);
  assert.deepEqual(await summary(page), [
    'Nouvelles structures\u00a0: 0',
    'Structures mises à jour\u00a0: 0',
    'Déjà à jour (rien à changer)\u00a0: 14',
    'Lignes laissées de côté\u00a0: 0',
  ]);
  await page.getByText("Rien à importer\u00a0: ce fichier ne change rien à l'annuaire.").waitFor();

  // Archive a partner that closed: it leaves search and referrals, the history says who.
  await page.getByRole('link', { name: 'Tous les partenaires' }).click();
  const search = page.getByLabel('Rechercher (nom, thème, quartier…)');
  await search.fill('zephyr');
  await page.locator('.partner-list').getByRole('link', { name: /Repair café Zéphyr/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Repair café Zéphyr' }).waitFor();
  // The contact form proposes the volunteer's own name for "met by".
  await page.getByRole('button', { name: 'Noter un contact' }).click();
  assert.equal(await page.getByLabel('Rencontré par').inputValue(), 'Samia');
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('button', { name: 'Archiver cette structure' }).click();
  await page.getByText(/^Structure archivée\u00a0: elle n'apparaît plus dans la recherche/).waitFor();
  // No new referral to it (the form is replaced by the reason).
  await page.getByText("Cette structure a été retirée de l'annuaire\u00a0: choisissez-en une autre.").waitFor();
  assert.equal(await page.locator('.refer-form').count(), 0);
  await page.getByText('Historique de la fiche').click();
  await page.getByText(/^Archivée par Samia .* à \d\d:\d\d$/).waitFor();
  await page.getByText(/^Créée par Samia .* à \d\d:\d\d$/).waitFor();
  await screenshot(page, 'partners-archived-page-fr');

  await page.getByRole('link', { name: 'Tous les partenaires' }).click();
  await page.getByText('13 partenaires').waitFor();
  await search.fill('zephyr');
  await page.getByText('Aucun partenaire ne correspond.').waitFor();
  await page.getByLabel('Afficher aussi les structures archivées').check();
  const found = page.locator('.partner-list').getByRole('link', { name: /Repair café Zéphyr/ });
  await found.waitFor();
  assert.equal(await found.locator('.partner-archived').textContent(), 'Archivée');
  await screenshot(page, 'partners-archived-filter-fr');

  // Arabic, right to left: the archived filter and the import screen with its errors.
  await page.getByRole('banner').getByRole('button', { name: 'العربية' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.getByText('مؤرشفة', { exact: true }).waitFor();
  await screenshot(page, 'partners-archived-filter-ar');
  await found.click();
  await page.getByText('جهة مؤرشفة: لم تعد تظهر في البحث').waitFor();
  await page.getByText('تمت إزالة هذه الجهة من الدليل: اختر جهة أخرى.').waitFor();
  await screenshot(page, 'partners-archived-page-ar');
  await page.locator('.crumbs a[href="/partenaires"]').click();
  await page.locator('a[href="/partenaires/importer"]').click();
  await page.getByRole('heading', { level: 1, name: 'استيراد جهات من جدول' }).waitFor();
  await page.locator('#partners-import-file').setInputFiles({ name: 'structures.csv', mimeType: 'text/csv', buffer: Buffer.from(HAND_MADE, 'utf8') });
  await page.locator('.import-problems').getByText(/^السطر 3: /).waitFor();
  await screenshot(page, 'partners-import-ar');
  await page.getByRole('banner').getByRole('button', { name: 'Français' }).click();

  // Put back: found again without the filter, and the history says so.
  await page.getByRole('link', { name: 'Tous les partenaires' }).click();
  await page.getByLabel('Afficher aussi les structures archivées').check();
  await search.fill('zephyr');
  await page.locator('.partner-list').getByRole('link', { name: /Repair café Zéphyr/ }).click();
  // The history opened before the change stays open while it is saved and gets its line.
  await page.getByText('Historique de la fiche').click();
  await page.getByText(/^Archivée par Samia .* à \d\d:\d\d$/).waitFor();
  await page.getByRole('button', { name: "Remettre dans l'annuaire" }).click();
  await page.getByRole('button', { name: 'Archiver cette structure' }).waitFor();
  await page.getByText(/^Remise dans l'annuaire par Samia .* à \d\d:\d\d$/).waitFor();
  await page.getByText('Aucun habitant inscrit sur cet appareil.').waitFor();
  assert.equal(await page.getByText("Cette structure a été retirée de l'annuaire").count(), 0);
  await page.getByRole('link', { name: 'Tous les partenaires' }).click();
  await page.getByText('14 partenaires').waitFor();

  // Everything is still there after a reload, offline.
  await page.reload();
  await appReady(page);
  await page.getByText('14 partenaires').waitFor();

  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)), []);
  await context.close();
});
