// Practice before the real campaign: a volunteer tries the app out before the tablet is linked
// (the built-in demo campaign), then the coordinator links it to a real campaign. What was done
// for practice is never sent, never waits in "À vérifier", and the device page says it stays on
// the tablet. Screens in French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, createAdmin, enrollmentCode, newPage, screenshot, serverAndBrowser, serverEventCount } from './harness.mjs';

// A server that also has its own demo campaign: what the tablet did in the app's built-in demo
// is still practice once the tablet belongs to a real campaign.
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
  await page.getByText('Connecté·e : Awa Diallo').waitFor();
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

test('what was recorded for practice before linking stays on the tablet, never sent nor waiting', async () => {
  const campaign = await realCampaign();
  // The coordinator's own work is in the log already; the tablet adds nothing to it.
  const before = await serverEventCount(env.server);
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByLabel('Votre note').fill('Essai : la note apparaît bien');
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await page.getByText('Essai : la note apparaît bien').waitFor();

  const { url } = await enrollmentCode(env.server, campaign);
  await page.goto(url);
  await appReady(page);
  await page.getByLabel("Nom de l'appareil").fill('Tablette de Samia');
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(/^Appareil relié à la campagne « Quartier Nord, hiver 2026 »/).waitFor();
  await bar(page).getByText('Tout est envoyé').waitFor({ timeout: 20_000 });
  assert.equal(await bar(page).getByRole('link', { name: /^À vérifier/ }).count(), 0, 'practice never waits for checking');
  assert.equal(await serverEventCount(env.server), before, 'practice never reaches the server');
  const kept = page.getByTestId('practice-kept');
  assert.equal(
    await kept.textContent(),
    "1 saisie d'entraînement (campagne de démonstration) reste sur cet appareil : elle n'est jamais envoyée à l'équipe.",
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
