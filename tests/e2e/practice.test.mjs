// Practice before the real campaign: a volunteer tries the app out before the tablet is linked
// (the built-in demo campaign), then the coordinator links it to a real campaign. What was done
// for practice is never sent, never waits in "À vérifier", and the device page says it stays on
// the tablet. Screens in French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, createAdmin, enrollmentCode, newPage, screenshot, serverAndBrowser, serverEventCount } from './harness.mjs';

// A server that also has its own demo campaign: what the tablet did in the app's built-in demo
// is still practice once the tablet belongs to a real campaign. A linked tablet whose campaign
// has no résidence yet still shows the demo estate, said to be practice; what is recorded at its
// doors stays practice too, while the rest of the volunteer's work goes to the campaign.
process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const PASSWORD = 'escalier-B-quatrieme';
const bar = (page) => page.getByTestId('sync-status');

const ADMIN = { email: 'awa.diallo@bailleur.fr', name: 'Awa Diallo', password: PASSWORD };

/** A real campaign made by a coordinator in the workspace; returns its id. */
async function realCampaign() {
  await createAdmin(env.server, ADMIN);
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/coordination`);
  await appReady(page);
  await page.getByLabel('Adresse e-mail').fill('awa.diallo@bailleur.fr');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Connecté·e\u00a0: Awa Diallo').waitFor();
  const campaigns = page.locator('section.campaigns');
  await campaigns.getByLabel('Nom de la campagne').fill('Quartier Nord, hiver 2026');
  await campaigns.getByLabel('Territoire couvert').fill('Quartier Nord');
  await campaigns.getByRole('button', { name: 'Créer la campagne' }).click();
  const row = campaigns.getByRole('row', { name: /Quartier Nord, hiver 2026/ });
  await row.waitFor();
  const id = (await row.locator('.hint').textContent()).trim();
  await context.close();
  return id;
}

/** Both tests link to the same real campaign (one coordinator account per server). */
let campaignMade;
const theCampaign = () => (campaignMade ??= realCampaign());

/** Links the tablet open in `page` to `campaign` and waits for its first round. */
async function link(page, campaign, label) {
  const { url } = await enrollmentCode(env.server, campaign);
  await page.goto(url);
  await appReady(page);
  await page.getByLabel("Nom de l'appareil").fill(label);
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(/^Appareil relié à la campagne «\u00a0Quartier Nord, hiver 2026\u00a0»/).waitFor();
  await bar(page).getByText('Tout est envoyé').waitFor({ timeout: 20_000 });
}

test('what was recorded for practice before linking stays on the tablet, never sent nor waiting', async () => {
  const campaign = await theCampaign();
  // The coordinator's own work is in the log already; the tablet adds nothing to it.
  const before = await serverEventCount(env.server);
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByLabel('Votre note').fill('Essai : la note apparaît bien');
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await page.getByText('Essai : la note apparaît bien').waitFor();

  await link(page, campaign, 'Tablette de Samia');
  assert.equal(await bar(page).getByRole('link', { name: /^À vérifier/ }).count(), 0, 'practice never waits for checking');
  assert.equal(await serverEventCount(env.server), before, 'practice never reaches the server');
  const kept = page.getByTestId('practice-kept');
  assert.equal(
    await kept.textContent(),
    "1 saisie d'entraînement (campagne de démonstration) reste sur cet appareil\u00a0: elle n'est jamais envoyée à l'équipe.",
  );
  await kept.scrollIntoViewIfNeeded();
  await screenshot(page, 'device-practice-fr');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await kept.getByText(/الحملة التجريبية/).waitFor();
  await kept.scrollIntoViewIfNeeded();
  await screenshot(page, 'device-practice-ar');
  await context.close();
});

test('on a linked tablet whose campaign has no résidence yet, the demo estate is practice ground', async () => {
  const campaign = await theCampaign();
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await link(page, campaign, 'Tablette de Karim');
  const before = await serverEventCount(env.server);

  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  const estate = page.getByRole('link', { name: /Résidence Les Tilleuls/ });
  await estate.getByTestId('practice-ground').waitFor();
  assert.equal(
    await estate.getByTestId('practice-ground').textContent(),
    "Résidence de démonstration\u00a0: ce que vous y saisissez est un entraînement, gardé sur cette tablette et jamais envoyé à l'équipe.",
  );
  await screenshot(page, 'field-practice-ground-fr');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await estate.getByTestId('practice-ground').getByText(/إقامة تجريبية/).waitFor();
  await screenshot(page, 'field-practice-ground-ar');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('html[dir="ltr"]').waitFor();

  // A visit at a demo door, then a note of the day (at no door): only the note is fieldwork.
  await estate.click();
  await page.getByRole('heading', { level: 1, name: 'Résidence Les Tilleuls' }).waitFor();
  await page.locator('.entrance-link').first().click();
  await page.getByRole('heading', { level: 1, name: 'Entrée 1' }).waitFor();
  await page.getByRole('button', { name: /^Porte A171 / }).click();
  await page.getByRole('dialog', { name: 'Porte A171' }).getByRole('button', { name: 'Absent', exact: true }).click();
  await page.getByText(/^Visite enregistrée\u00a0: /).waitFor();
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByLabel('Votre note').fill('Local vélo du bâtiment C fermé');
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await page.getByText('Local vélo du bâtiment C fermé').waitFor();

  await bar(page).getByRole('button', { name: 'Synchroniser' }).click();
  for (let i = 0; i < 80 && (await serverEventCount(env.server)) < before + 1; i++) {
    await page.waitForTimeout(250);
  }
  await bar(page).getByText('Tout est envoyé').waitFor({ timeout: 20_000 });
  assert.equal(await serverEventCount(env.server), before + 1, 'the note is sent, the visit at the demo door is not');
  assert.equal(await bar(page).getByRole('link', { name: /^À vérifier/ }).count(), 0, 'practice never waits for checking');
  await page.goto(`${env.server.url}/appareil`);
  await appReady(page);
  assert.equal(
    await page.getByTestId('practice-kept').textContent(),
    "1 saisie d'entraînement (campagne de démonstration) reste sur cet appareil\u00a0: elle n'est jamais envoyée à l'équipe.",
  );
  await context.close();
});
