// The partners' directory, with no network: search the demo directory ignoring accents, add a
// structure, log a contact with a follow-up, refer a resident signed up at their door (and see why
// one who said no cannot be), move the referral on, reload, and find it all there. Screens are
// captured in French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, controlledByServiceWorker, newPage, readyOffline, screenshot, serverAndBrowser } from './harness.mjs';

const TABLET = { width: 1024, height: 768 };

const env = serverAndBrowser();

/** Today as `<input type=date>` wants it, in the browser's own time zone. */
const today = (page) => page.evaluate(() => {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
});

/** Signs a resident up at the `nth` door of the demo estate's first entrée; `referral` is their
 * answer to "être mis(e) en relation avec une structure partenaire". */
async function signUp(page, nth, firstName, referral) {
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.locator('.residence-link').first().click();
  await page.locator('.entrance-link').first().click();
  await page.getByRole('button', { name: /^Porte / }).nth(nth).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Inscrire', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: "Inscription d'un habitant" }).waitFor();
  await page.getByLabel('Prénom').fill(firstName);
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  const consents = page.locator('.consent');
  await consents.nth(0).getByRole('button', { name: 'Oui' }).click();
  await consents.nth(1).getByRole('button', { name: 'Non' }).click();
  await consents.nth(2).getByRole('button', { name: referral ? 'Oui' : 'Non' }).click();
  await page.getByRole('button', { name: "Enregistrer l'inscription" }).click();
  await page.getByRole('heading', { level: 1, name: /^Entrée/ }).waitFor();
}

test('directory offline: search without accents, add a partner, log a contact, refer a resident, reload', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/partenaires`);
  await appReady(page);
  await controlledByServiceWorker(page);
  await readyOffline(page);
  await env.server.stop();

  // The demo directory is there on first start, searchable as you type, accents or not.
  await page.getByRole('heading', { level: 1, name: 'Partenaires' }).waitFor();
  await page.getByText('12 partenaires').waitFor();
  const search = page.getByLabel('Rechercher (nom, thème, quartier…)');
  await search.fill('regie');
  await page.getByText('1 partenaire').waitFor();
  assert.ok(await page.getByRole('link', { name: /Régie de quartier Rives de l'Est/ }).isVisible());
  await search.fill('LUDOTHEQUE');
  await page.getByRole('link', { name: /Ludothèque Pirouette/ }).waitFor();
  await search.fill('');
  await page.getByRole('group', { name: 'Thèmes' }).getByRole('button', { name: 'Emploi', exact: true }).click();
  await page.getByRole('link', { name: /Tremplin Emploi Est Lyonnais/ }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Ludothèque Pirouette/ }).count(), 0);
  await screenshot(page, 'partners-list-fr');

  // Two residents signed up at their door: one agrees to be referred, the other does not.
  await signUp(page, 0, 'Amina', true);
  await signUp(page, 1, 'Karim', false);

  // A new partner; the form says what is missing next to the field.
  await page.goto(`${env.server.url}/partenaires`);
  await appReady(page);
  await page.getByRole('link', { name: 'Ajouter un partenaire' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nouveau partenaire' }).waitFor();
  await page.getByRole('button', { name: 'Enregistrer le partenaire' }).click();
  await page.getByText(/\d+ points? à corriger/).waitFor();
  assert.equal(await page.locator('#partner-name').getAttribute('aria-invalid'), 'true');
  await page.locator('#partner-name').fill('Épicerie du Cœur');
  await page.locator('#partner-kind').selectOption({ label: 'Association' });
  await page.locator('.partner-form .chips').getByRole('button', { name: 'Alimentation' }).click();
  await page.locator('#partner-phone').fill('04 65 71 99 99');
  await page.locator('#person-0-name').fill('Fatou Diallo');
  await page.locator('#person-0-role').fill('Bénévole');
  // Nothing typed is lost on a reload: the new partner's form is kept on the device.
  await page.waitForTimeout(300);
  await page.reload();
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('#partner-name')?.value === 'Épicerie du Cœur'
    && document.querySelector('#person-0-role')?.value === 'Bénévole');
  assert.equal(await page.locator('#partner-kind').inputValue(), 'association');
  await screenshot(page, 'partners-form-fr');
  await page.getByRole('button', { name: 'Enregistrer le partenaire' }).click();
  await page.getByRole('heading', { level: 1, name: 'Épicerie du Cœur' }).waitFor();

  // A contact with a next step due today.
  await page.getByRole('button', { name: 'Noter un contact' }).click();
  await page.getByRole('button', { name: 'Enregistrer le contact' }).click();
  await page.getByText(/\d+ points? à corriger/).waitFor();
  assert.equal(await page.locator('#contact-met-by').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Rencontré par').fill('Samia');
  await page.getByLabel('Personne rencontrée').fill('Fatou Diallo');
  await page.getByLabel('Comment').selectOption({ label: 'Téléphone' });
  await page.getByLabel('Sujet').fill('Colis du jeudi');
  await page.getByLabel('Prochaine étape').fill('Rappeler pour les inscriptions');
  await page.getByLabel('Date de relance').fill(await today(page));
  // The contact being typed survives a reload too.
  await page.waitForTimeout(300);
  await page.reload();
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('#contact-subject')?.value === 'Colis du jeudi');
  await page.getByRole('button', { name: 'Enregistrer le contact' }).click();
  await page.locator('.contact-log').getByText('Colis du jeudi').waitFor();

  // The referral: only the resident who agreed can be chosen; the other is listed with why.
  const referrals = page.locator('section', { has: page.getByRole('heading', { name: 'Orientations' }) });
  const residents = await page.locator('#refer-resident option').allTextContents();
  assert.deepEqual(residents.slice(1), ['Amina']);
  await referrals.getByText(/Karim — Cette personne n'a pas donné son accord/).waitFor();
  await page.locator('#refer-resident').selectOption({ label: 'Amina' });
  await page.locator('#refer-theme').selectOption({ label: 'Alimentation' });
  await page.getByRole('button', { name: 'Orienter', exact: true }).click();
  await referrals.getByText("Proposée depuis aujourd'hui").waitFor();
  await page.getByRole('button', { name: 'Passer à « Acceptée »' }).click();
  await referrals.getByText("Acceptée depuis aujourd'hui").waitFor();
  assert.equal(await page.getByRole('button', { name: 'Passer à « Proposée »' }).count(), 0);

  // An edit records only what changed, and the record says who changed what and when.
  await page.getByRole('link', { name: 'Modifier la fiche' }).click();
  await page.getByRole('heading', { level: 1, name: 'Modifier la fiche' }).waitFor();
  await page.waitForFunction(() => document.querySelector('#partner-name')?.value === 'Épicerie du Cœur');
  await page.locator('#partner-address').fill('12 rue des Tilleuls, Vaulx-en-Velin');
  await page.getByRole('button', { name: 'Enregistrer le partenaire' }).click();
  await page.getByRole('heading', { level: 1, name: 'Épicerie du Cœur' }).waitFor();
  await page.getByText('12 rue des Tilleuls, Vaulx-en-Velin').waitFor();
  await page.getByText('Historique de la fiche').click();
  await page.getByText(/^Modifiée par cet appareil .* à \d\d:\d\d\u00a0: Adresse$/).waitFor();
  await page.getByText(/^Créée par cet appareil .* à \d\d:\d\d$/).waitFor();
  await screenshot(page, 'partners-page-fr');

  // Everything is still there after a reload, offline.
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Épicerie du Cœur' }).waitFor();
  await page.locator('.contact-log').getByText('Colis du jeudi').waitFor();
  await page.getByText(/Prochaine étape\u00a0: Rappeler pour les inscriptions, aujourd'hui/).waitFor();
  await referrals.getByText("Acceptée depuis aujourd'hui").waitFor();
  await referrals.locator('.referral-list strong').getByText('Amina').waitFor();

  // The follow-up is due today on the directory, and the new partner is found without accents.
  await page.getByRole('link', { name: 'Tous les partenaires' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partenaires' }).waitFor();
  await page.locator('.follow-up-list').getByRole('link', { name: 'Épicerie du Cœur' }).waitFor();
  await search.fill('epicerie coeur');
  await page.getByText('1 partenaire').waitFor();
  await page.locator('.partner-list').getByRole('link', { name: /Épicerie du Cœur/ }).waitFor();
  await search.fill('');

  // Arabic, right to left.
  await page.getByRole('banner').getByRole('button', { name: 'العربية' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.getByRole('heading', { level: 2, name: 'للمتابعة' }).waitFor();
  await screenshot(page, 'partners-list-ar');
  await page.locator('.partner-list').getByRole('link', { name: /Épicerie du Cœur/ }).click();
  await page.getByRole('heading', { level: 2, name: 'التوجيهات' }).waitFor();
  await screenshot(page, 'partners-page-ar');
  await page.getByRole('banner').getByRole('button', { name: 'Français' }).click();

  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)), []);
  await context.close();
});
