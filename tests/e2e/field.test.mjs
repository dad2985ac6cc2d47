// A volunteer's morning, with no network: import a dwelling list, walk an entrée from the top
// floor down, record twenty visits including a sign-up with consent, reload, and find everything
// there and counted. Screens are captured in French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { appReady, controlledByServiceWorker, newPage, readyOffline, screenshot, serverAndBrowser } from './harness.mjs';

const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../domain/src/import/fixtures');
const TABLET = { width: 1024, height: 768 };

const env = serverAndBrowser();

/** The visits of the morning: door → what happened. A101 is the sign-up, done through the form. */
const PLAN = [
  ['A171', 'Absent'], ['A172', 'Refus'], ['A173', 'Intéressé'], ['A174', 'Absent'],
  ['A161', 'Refus'], ['A162', 'Intéressé'], ['A163', 'Absent'], ['A164', 'Absent'],
  ['A151', 'Intéressé'], ['A152', 'Refus'], ['A153', 'Absent'], ['A154', 'Inaccessible'],
  ['A141', 'Absent'], ['A142', 'Intéressé'], ['A143', 'Refus'], ['A144', 'Absent'],
  ['A131', 'Absent'], ['A132', 'Ne pas déranger'], ['A133', 'À revoir'],
];
const LABEL_AFTER = { Absent: 'Absent (1 passage)', Refus: 'Refus', 'Intéressé': 'Intéressé', Inaccessible: 'Inaccessible', 'Ne pas déranger': 'Ne pas déranger' };

const door = (page, number) => page.getByRole('button', { name: new RegExp(`^Porte ${number} `) });

async function openEntrance(page) {
  await page.getByRole('link', { name: /Palier/ }).click();
  await page.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  await page.getByRole('link', { name: /Résidence Les Tilleuls/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Résidence Les Tilleuls' }).waitFor();
  await page.locator('.entrance-link').first().click();
  await page.getByRole('heading', { level: 1, name: 'Entrée 1' }).waitFor();
}

test('import, walk an entrée, record twenty visits with a sign-up, all offline, all there after a reload', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await controlledByServiceWorker(page);
  await readyOffline(page);
  await env.server.stop();

  // Whoever holds the tablet says who they are once; their visits then carry their first name,
  // which the day summary below relies on.
  await page.getByLabel('Votre prénom').fill('06 12 34');
  await page.getByRole('button', { name: "C'est moi" }).click();
  await page.getByText('Écrivez seulement un prénom, sans chiffres ni adresse e-mail.').waitFor();
  await page.getByLabel('Votre prénom').fill('  Inès ');
  await page.getByRole('button', { name: "C'est moi" }).click();
  assert.equal(await page.getByTestId('volunteer-is').textContent(), 'Bénévole\u00a0: Inès');

  // Import an RPLS-style file.
  await page.getByRole('link', { name: 'Importer une liste de logements' }).click();
  await page.getByLabel(/Fichier de logements/).setInputFiles(path.join(FIXTURES, 'rpls_2024_vaulx.csv'));
  assert.equal(await page.getByTestId('import-summary').textContent(), '2 résidences, 2 bâtiments, 3 entrées, 29 portes');
  assert.equal(await page.getByLabel('Étage').inputValue(), String(await page.locator('#map-Floor option', { hasText: 'ETAGE' }).getAttribute('value')));
  await screenshot(page, 'import-fr');
  await page.getByRole('button', { name: 'Tout importer' }).click();
  await page.getByText("Import terminé\u00a0: 29 portes sur l'appareil.").waitFor();

  // A file with faulty lines can only be imported knowingly, valid lines only.
  await page.getByLabel(/Fichier de logements/).setInputFiles(path.join(FIXTURES, 'rpls_2024_with_problems.csv'));
  await page.getByText("Ligne 3\u00a0: l'étage «\u00a03B\u00a0» n'est pas lisible (attendu\u00a0: RDC, 0, 1, -1…).").waitFor();
  assert.equal(await page.getByRole('button', { name: 'Tout importer' }).count(), 0);
  assert.ok(await page.getByRole('button', { name: 'Importer seulement les 3 lignes valides' }).isVisible());

  // Walk Bâtiment A, Entrée 1, top floor first.
  await openEntrance(page);
  const floors = await page.locator('.floor h2').allTextContents();
  assert.equal(floors[0], '7e étage');
  assert.equal(floors.at(-1), 'RDC');

  for (const [number, outcome] of PLAN) {
    await door(page, number).click();
    const panel = page.getByRole('dialog', { name: `Porte ${number}` });
    if (number === 'A171') {
      await panel.getByRole('button', { name: 'Bien', exact: true }).click();
      await panel.getByLabel('Note (facultatif)').fill('Interphone à réparer');
    }
    await panel.getByRole('button', { name: outcome, exact: true }).click();
    if (outcome === 'Ne pas déranger') {
      await panel.getByRole('button', { name: 'Ne plus déranger cette porte' }).click();
      await panel.getByText('Indiquez la raison pour ne plus déranger cette porte.').waitFor();
      await panel.getByLabel('Raison').fill('Demande du locataire');
      await panel.getByRole('button', { name: 'Ne plus déranger cette porte' }).click();
    }
    if (outcome === 'À revoir') {
      await panel.getByRole('button', { name: 'Soirée' }).click();
      await panel.getByRole('button', { name: 'Enregistrer « à revoir »' }).click();
    }
    await page.getByText(/^Visite enregistrée\u00a0: /).waitFor();
  }
  // The last visit's line follows the interface language, its outcome included.
  await page.getByRole('banner').getByRole('button', { name: 'العربية' }).click();
  await page.getByText('تم حفظ الزيارة: العودة لاحقًا', { exact: true }).waitFor();
  await page.getByRole('banner').getByRole('button', { name: 'Français' }).click();
  await page.getByText('Visite enregistrée\u00a0: À revoir', { exact: true }).waitFor();

  // The sign-up, with an attempt that is refused first.
  await door(page, 'A101').click();
  await page.getByRole('dialog', { name: 'Porte A101' }).getByRole('button', { name: 'Inscrire', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: "Inscription d'un habitant" }).waitFor();
  await page.getByRole('button', { name: "Enregistrer l'inscription" }).click();
  await page.getByText(/^À corriger\u00a0: \d+$/).waitFor();
  assert.equal(await page.getByLabel('Prénom').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'signup-errors-fr');
  await page.getByLabel('Prénom').fill('Amina');
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  // Nothing typed is lost on a reload: the draft is on the device.
  await page.waitForTimeout(300);
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: "Inscription d'un habitant" }).waitFor();
  await page.waitForFunction(() => document.querySelector('#first-name')?.value === 'Amina');
  const consents = page.locator('.consent');
  assert.equal(await consents.count(), 3);
  assert.equal(await page.locator('.consent button[aria-pressed="true"]').count(), 0, 'nothing is pre-ticked');
  await consents.nth(0).getByRole('button', { name: 'Oui' }).click();
  await consents.nth(1).getByRole('button', { name: 'Oui' }).click();
  await consents.nth(2).getByRole('button', { name: 'Non' }).click();
  await page.getByText('Informations sur les données').click();
  await screenshot(page, 'signup-fr');
  await page.getByRole('button', { name: "Enregistrer l'inscription" }).click();
  await page.getByRole('heading', { level: 1, name: 'Entrée 1' }).waitFor();
  await door(page, 'A101').getByText('Inscrit').waitFor();

  // Reload: every state is still there, and counted.
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Entrée 1' }).waitFor();
  for (const [number, outcome] of PLAN) {
    const expected = outcome === 'À revoir' ? /^À revoir / : LABEL_AFTER[outcome];
    const text = await door(page, number).locator('.door-state').textContent();
    assert.ok(typeof expected === 'string' ? text === expected : expected.test(text), `${number}: ${text}`);
  }
  await door(page, 'A171').click();
  await page.getByTestId('next-attempt').waitFor();
  await page.getByRole('button', { name: 'Fermer' }).click();
  await screenshot(page, 'entrance-fr');

  // Door hangers for the absent doors, one A6 page each.
  await page.getByRole('link', { name: 'Avis de passage à imprimer' }).click();
  assert.equal(await page.getByLabel('Votre prénom').inputValue(), 'Inès', 'the volunteer is already known');
  const hangers = page.locator('article.hanger');
  assert.equal(await hangers.count(), PLAN.filter(([, o]) => o === 'Absent').length);
  await hangers.first().getByText('Inès, bénévole, vous dit à bientôt\u00a0!').waitFor();
  assert.match(await hangers.first().textContent(), /Passage du \S+ \d+ \S+ 20\d\d · Porte A1\d\d/);
  assert.equal(await hangers.first().locator('.hanger-qr svg').count(), 1);
  await screenshot(page, 'door-hangers-fr');
  // In Arabic, the number to call reads left to right inside the sentence (isolated) and keeps
  // its digit groups on one line.
  const hangerLanguage = page.getByRole('group', { name: 'Langue des avis' });
  await hangerLanguage.getByRole('button', { name: 'العربية' }).click();
  await hangers.first().getByText('مرحبًا يا جيراننا!').waitFor();
  assert.ok((await hangers.first().textContent()).includes('\u206601\u00a023\u00a045\u00a067\u00a089\u2069'));
  await screenshot(page, 'door-hangers-ar');
  await hangerLanguage.getByRole('button', { name: 'Français' }).click();
  await hangers.first().getByText('Bonjour, chers voisins\u00a0!').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('banner').isVisible(), false, 'printing shows the hangers only');
  await page.emulateMedia({ media: 'screen' });
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Entrée 1' }).waitFor();

  await page.getByLabel('Portes restantes seulement').check();
  const absent = PLAN.filter(([, o]) => o === 'Absent').length;
  const untouched = 30 - PLAN.length - 1;
  assert.equal(await page.locator('.door').count(), absent + untouched, 'remaining: not visited and absent');

  await page.getByRole('link', { name: /Palier/ }).click();
  await page.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  // An unreachable door was not knocked; the sign-up's door was opened.
  const knocked = PLAN.filter(([, o]) => o !== 'Inaccessible').length + 1;
  const opened = PLAN.filter(([, o]) => ['Refus', 'Intéressé', 'À revoir'].includes(o)).length + 1;
  assert.equal(
    await page.getByTestId('day-summary').textContent(),
    `${knocked} portes frappées · ${opened} ouvertes · 1 inscription · 0 présentation`,
  );
  assert.equal(await page.getByTestId('outbox').textContent(), `${PLAN.length + 2} en attente d'envoi`, 'twenty visits and one sign-up');
  // One wellbeing answer was given, "Bien", at A171.
  assert.equal(await page.getByTestId('day-wellbeing').textContent(), 'Bien-être\u00a0: 1 réponse — Bien 1');
  await page.getByRole('link', { name: /Porte A133/ }).waitFor();
  await screenshot(page, 'field-home-fr');

  // Amina asked to be contacted: she waits in "Inscriptions à confirmer" until the volunteer
  // checks that her invitation arrived.
  const toConfirm = page.getByTestId('to-confirm');
  assert.match(await toConfirm.textContent(), /^Amina.*Porte A101 · Entrée 1 — inscrit aujourd.hui/);
  await toConfirm.getByRole('button', { name: "Confirmer l'inscription de Amina" }).click();
  await page.getByText('Aucune inscription à confirmer.').waitFor();
  assert.equal(await page.getByTestId('outbox').textContent(), `${PLAN.length + 3} en attente d'envoi`, 'the confirmation is recorded');

  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('heading', { level: 1, name: 'من باب إلى باب (ميدان)' }).waitFor();
  await screenshot(page, 'field-home-ar');
  await page.getByRole('link', { name: /Résidence Les Tilleuls/ }).click();
  await page.locator('.entrance-link').first().click();
  await page.getByRole('heading', { level: 1, name: 'Entrée 1' }).waitFor();
  await door(page, 'A172').waitFor().catch(() => {});
  await screenshot(page, 'entrance-ar');
  await page.locator('.door').first().click();
  await screenshot(page, 'visit-ar');
  await page.getByRole('button', { name: 'Français' }).click();

  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)), []);
  await context.close();
  await env.server.start();
});

test('presenting the neighbourhood app: easy-read slides, the join QR code full screen, recorded', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByRole('link', { name: "Présenter l'application du quartier" }).click();
  await page.getByRole('heading', { level: 1, name: "Présenter l'application du quartier" }).waitFor();
  await page.getByRole('button', { name: 'Facile à lire' }).click();
  assert.equal(await page.locator('.slide [lang]').first().getAttribute('lang'), 'fr');
  await screenshot(page, 'presentation-fr-easy');
  // Walk to the "how to join" slide and show its QR code.
  while (!(await page.getByRole('button', { name: 'Montrer le QR code' }).isVisible())) {
    await page.getByRole('button', { name: 'Suivant' }).click();
  }
  await page.getByRole('button', { name: 'Montrer le QR code' }).click();
  const qr = page.getByRole('img', { name: /^QR code du lien : https:\/\// });
  await qr.waitFor();
  assert.ok(await qr.locator('svg').count(), 'the QR code is drawn as SVG');
  const box = await qr.boundingBox();
  assert.ok(box.width >= 500, `full-screen QR code (${box.width}px wide)`);
  await screenshot(page, 'presentation-qr');
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();

  // The interface's language (header) and the presentation's are chosen apart.
  await page.getByRole('banner').getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('group').getByRole('button', { name: 'العربية' }).click();
  assert.equal(await page.locator('.slide h2').getAttribute('dir'), 'rtl');
  await screenshot(page, 'presentation-ar');
  await page.getByRole('banner').getByRole('button', { name: 'Français' }).click();

  await page.getByRole('button', { name: 'Présentation terminée' }).click();
  await page.getByRole('heading', { level: 1, name: 'Porte-à-porte (terrain)' }).waitFor();
  assert.match(await page.getByTestId('day-summary').textContent(), / 1 présentation$/);
  await context.close();
});
