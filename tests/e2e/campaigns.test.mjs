// Campaigns from the coordinator's workspace to a tablet: a coordinator creates a campaign, sets
// a résidence's join link and the kiosk's exit PIN (hashed in the browser), a tablet is linked to
// the campaign, syncs, and its presentation shows the new join link as its QR code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, createAdmin, enrollmentCode, newPage, screenshot, serverAndBrowser, screenshotPart } from './harness.mjs';

process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const PASSWORD = 'escalier-B-quatrieme';
const FOLD = /\/split_fold_[^/]*\.wasm$/;
const JOIN_LINK = 'https://voisins.example/rejoindre/tilleuls-2026';

const ADMIN = { email: 'awa.diallo@bailleur.fr', name: 'Awa Diallo', password: PASSWORD };

test('a coordinator creates a campaign, sets a join link and the kiosk PIN, and a linked tablet presents the link', async () => {
  await createAdmin(env.server, ADMIN);
  const { page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/coordination`);
  await appReady(page);
  await page.getByLabel('Adresse e-mail').fill('awa.diallo@bailleur.fr');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Connecté·e\u00a0: Awa Diallo').waitFor();

  // A campaign without a name is refused in words; then created.
  const campaigns = page.locator('section.campaigns');
  await campaigns.getByRole('button', { name: 'Créer la campagne' }).click();
  await campaigns.getByText('Donnez un nom à la campagne.').waitFor();
  await campaigns.getByLabel('Nom de la campagne').fill('Les Tilleuls, automne 2026');
  await campaigns.getByLabel('Territoire couvert').fill('Quartier Nord');
  await campaigns.getByRole('button', { name: 'Créer la campagne' }).click();
  // The name is isolated (U+2068…U+2069) so that it keeps its punctuation in Arabic too.
  await campaigns.getByText(/^Campagne créée\u00a0: \u2068Les Tilleuls, automne 2026\u2069$/).waitFor();
  const row = campaigns.getByRole('row', { name: /Les Tilleuls, automne 2026/ });
  const campaignId = (await row.locator('.hint').textContent()).trim();
  assert.match(campaignId, /^les-tilleuls-automne-2026-[a-z0-9]{4}$/);

  // Its settings open below; bad values are told plainly and nothing is sent.
  const editor = page.locator('section.campaign-editor');
  await editor.getByRole('heading', { name: /^Réglages de « \u2068Les Tilleuls, automne 2026\u2069 »$/ }).waitFor();
  assert.equal(await editor.getByLabel('Nom de la campagne').inputValue(), 'Les Tilleuls, automne 2026');
  const link = editor.getByLabel(/Tilleuls/).first();
  await link.fill('http://voisins.example/tilleuls');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await editor.getByText('Un lien d\'inscription est une adresse complète qui commence par https://, sans espace.').waitFor();
  await link.fill(JOIN_LINK);
  await editor.getByLabel('Nouveau code (6 à 12 chiffres)').fill('123456');
  await editor.getByLabel('Le même code, encore une fois').fill('123456');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await editor.getByText(/Ce code est trop facile à deviner/).waitFor();
  await editor.getByLabel('Nouveau code (6 à 12 chiffres)').fill('480913');
  await editor.getByLabel('Le même code, encore une fois').fill('480914');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await editor.getByText('Les deux codes ne sont pas les mêmes.').waitFor();
  await editor.getByLabel('Le même code, encore une fois').fill('480913');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await editor.getByText(/^Enregistré\. Les appareils de la campagne/).waitFor({ timeout: 30_000 });
  await editor.getByText('Un code est défini\u00a0; seule son empreinte est enregistrée, jamais le code.').waitFor();
  assert.equal(await editor.getByLabel('Nouveau code (6 à 12 chiffres)').inputValue(), '', 'the PIN is not kept in the form');

  // What the server holds: the hash, never the PIN.
  const settings = await page.evaluate(async (id) => (await fetch(`/api/v1/campaigns/${id}/settings`)).json(), campaignId);
  assert.equal(settings.kiosk_pin.iterations, 600000);
  assert.match(settings.kiosk_pin.salt, /^[0-9a-f]{32}$/);
  assert.match(settings.kiosk_pin.hash, /^[0-9a-f]{64}$/);
  assert.ok(!JSON.stringify(settings).includes('480913'));
  assert.ok(Object.values(settings.join_links).includes(JOIN_LINK));

  // The kiosk's questions: one answer rewritten, one entry hidden, one question added.
  const entries = editor.locator('li.knowledge-entry');
  const firstId = await entries.nth(0).getAttribute('data-entry');
  const secondId = await entries.nth(1).getAttribute('data-entry');
  await entries.nth(0).getByLabel('Réponse').fill('C\'est gratuit. Demandez à {caretaker}.');
  await entries.nth(1).getByRole('button', { name: 'Masquer' }).click();
  await entries.nth(1).getByText('Masquée').waitFor();
  await editor.getByLabel('Question', { exact: true }).last().fill('Où ranger mon vélo ?');
  await editor.getByLabel('Réponse', { exact: true }).last().fill('Au local vélos du bâtiment A.');
  await editor.getByRole('button', { name: 'Ajouter une question' }).click();
  // The landlord's number, which the answers about repairs give.
  await editor.locator('#kiosk-landlord-phone').fill('01 23 45 67 89');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await editor.getByText(/^Enregistré\. Les appareils de la campagne/).waitFor();
  const after = await page.evaluate(async (id) => (await fetch(`/api/v1/campaigns/${id}/settings`)).json(), campaignId);
  assert.equal(after.knowledge[firstId].texts.fr[1], 'C\'est gratuit. Demandez à {caretaker}.');
  assert.equal(after.knowledge[secondId].hidden, true);
  assert.ok(Object.values(after.knowledge).some((e) => e.texts.fr?.[0] === 'Où ranger mon vélo ?'));
  await screenshotPart(editor.locator('fieldset.knowledge-editor'), 'campaign-editor-knowledge-fr');

  await screenshot(page, 'campaign-editor-fr');
  await screenshotPart(editor.locator('fieldset', { has: page.locator('#kiosk-idle') }).last(), 'campaign-editor-kiosk-fr');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await page.getByRole('heading', { name: 'الحملات', exact: true }).waitFor();
  await screenshot(page, 'campaign-editor-ar');
  await screenshotPart(editor.locator('fieldset', { has: page.locator('#kiosk-idle') }).last(), 'campaign-editor-kiosk-ar');
  await screenshotPart(editor.locator('fieldset.knowledge-editor'), 'campaign-editor-knowledge-ar');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('html[dir="ltr"]').waitFor();

  // A tablet linked to the campaign pulls the settings and presents the new link.
  const { code } = await enrollmentCode(env.server, campaignId);
  // No service worker: the kiosk below holds back one of the app's files with `route`.
  const tablet = (await newPage(env.browser, { viewport: TABLET, serviceWorkers: 'block' })).page;
  await tablet.goto(`${env.server.url}/appareil`);
  await appReady(tablet);
  await tablet.getByLabel('Code de liaison').fill(code);
  await tablet.getByLabel("Nom de l'appareil").fill('Tablette de Samia');
  await tablet.getByRole('button', { name: 'Relier cet appareil' }).click();
  await tablet.getByText('Appareil relié à la campagne «\u00a0Les Tilleuls, automne 2026\u00a0».').waitFor();
  await tablet.waitForFunction(() => {
    const button = document.querySelector('[data-testid="sync-status"] button');
    return button && !button.disabled;
  });
  await tablet.getByTestId('sync-status').getByRole('button', { name: 'Synchroniser' }).click();
  // Within the app (a reload would cut the sync short); the presentation follows the log, so
  // the link shows as soon as the pulled change is in.
  await tablet.getByRole('link', { name: /Palier/ }).click();
  await tablet.getByRole('link', { name: 'Porte-à-porte (terrain)' }).click();
  await tablet.getByRole('link', { name: "Présenter l'application du quartier" }).click();
  await tablet.getByRole('heading', { level: 1, name: "Présenter l'application du quartier" }).waitFor();
  while (!(await tablet.getByRole('button', { name: 'Montrer le QR code' }).isVisible())) {
    await tablet.getByRole('button', { name: 'Suivant' }).click();
  }
  await tablet.getByRole('button', { name: 'Montrer le QR code' }).click();
  await tablet.getByRole('img', { name: `QR code du lien : ${JOIN_LINK}` }).waitFor();
  await screenshot(tablet, 'campaign-presentation-join-link');

  // The kiosk answers from the campaign's questions: the one added by the coordinator included.
  await tablet.goto(`${env.server.url}/borne`);
  await tablet.getByRole('button', { name: /^Français/ }).click();
  await tablet.getByRole('button', { name: 'Poser une question' }).click();
  await tablet.getByLabel('Posez votre question').fill('ou ranger mon velo');
  await tablet.locator('.kiosk-ask-form button[type=submit]').click();
  await tablet.locator('.kiosk-answer').getByText('Au local vélos du bâtiment A.').waitFor();

  // Just after the kiosk starts, the campaign's settings may not be read yet when a resident
  // asks: the answer on screen takes the landlord's number as soon as they are. The code that
  // reads them (split_fold) is held back until the first answer shows.
  let release = await holdSettings(tablet);
  // In Arabic, the landlord's number follows Arabic words: it must keep its digit pairs in order
  // (a left-to-right isolate) and stay on one line (no-break spaces).
  await tablet.goto(`${env.server.url}/borne`);
  await tablet.getByRole('button', { name: /^العربية/ }).click();
  await tablet.locator('.kiosk-menu-item').nth(2).click();
  await tablet.locator('#kiosk-question').fill('عندي تسرب ماء في البيت');
  await tablet.locator('.kiosk-ask-form button[type=submit]').click();
  const answer = tablet.locator('.kiosk-answer').first();
  await answer.waitFor();
  assert.doesNotMatch(await answer.textContent(), /01.23.45.67.89/, 'asked before the settings were read');
  release();
  await answer.getByText(/01.23.45.67.89/).waitFor();
  assert.ok((await answer.textContent()).includes('\u206601\u00a023\u00a045\u00a067\u00a089\u2069'));
  // As drawn: "01" left of "89" (without the isolate Chromium drew "89 67 45 23 01").
  const order = await answer.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf('01\u00a023');
      if (at < 0) continue;
      const x = (i) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 2);
        return range.getBoundingClientRect().x;
      };
      return x(at) < x(node.textContent.indexOf('89', at)) ? 'left to right' : 'reversed';
    }
    return 'not found';
  });
  assert.equal(order, 'left to right');
  await screenshot(tablet, 'kiosk-answer-phone-ar');

  // Kiosk mode with the campaign's exit PIN. Tapped before the settings are read, "Passer en
  // mode borne" waits for them rather than refusing for want of a PIN.
  release = await holdSettings(tablet);
  await tablet.goto(`${env.server.url}/appareil`);
  await tablet.getByTestId('enter-kiosk').click();
  await tablet.getByText('Un instant\u00a0: la tablette lit encore ses réglages…').waitFor();
  release();
  await tablet.getByTestId('kiosk-exit').waitFor();
  // Just after a restart the exit PIN is not known yet: a code typed then is checked once the
  // settings are read — it never lets anyone out for want of a PIN.
  release = await holdSettings(tablet);
  await tablet.reload();
  await tablet.getByTestId('kiosk-exit').click();
  await typeExitPin(tablet, '480914');
  await tablet.getByTestId('pin-message').getByText(/^Un instant\u00a0: la tablette lit encore ses réglages\. Le code sera vérifié/).waitFor();
  await screenshot(tablet, 'kiosk-exit-waits-for-settings');
  assert.equal(await tablet.getByTestId('kiosk-exit').count(), 1, 'still in kiosk mode');
  release();
  await tablet.getByTestId('pin-message').getByText("Ce n'est pas le bon code.").waitFor();
  await typeExitPin(tablet, '480913');
  await tablet.getByTestId('enter-kiosk').waitFor();
  assert.equal(new URL(tablet.url()).pathname, '/appareil');
  // The same in Arabic, the right code typed while the settings are read: out once they are.
  await tablet.evaluate(() => localStorage.setItem('palier.locale', 'ar'));
  release = await holdSettings(tablet);
  await tablet.reload();
  await tablet.getByTestId('enter-kiosk').click();
  await tablet.getByText('لحظة من فضلك: الجهاز ما زال يقرأ إعداداته…').waitFor();
  await screenshot(tablet, 'kiosk-enter-waits-for-settings-ar');
  release();
  await tablet.getByTestId('kiosk-exit').waitFor();
  release = await holdSettings(tablet);
  await tablet.reload();
  await tablet.getByTestId('kiosk-exit').click();
  await typeExitPin(tablet, '480913');
  await tablet.getByTestId('pin-message').getByText(/^لحظة من فضلك/).waitFor();
  await screenshot(tablet, 'kiosk-exit-waits-for-settings-ar');
  release();
  await tablet.getByTestId('enter-kiosk').waitFor();

  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
  assert.deepEqual(tablet.problems.filter((p) => !/Failed to load resource/.test(p)), []);
});

/** Holds back the code that reads the campaign's settings from the log (`split_fold`) until the
 * returned function is called: what a large log's read looks like just after a start. */
async function holdSettings(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.unroute(FOLD);
  await page.route(FOLD, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

async function typeExitPin(page, pin) {
  const pad = page.locator('.pin-pad');
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByTestId('pin-submit').click();
}
