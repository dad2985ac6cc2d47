// A forgotten PIN (domain::at_rest::recovery), end to end: a linked tablet with a PIN holds a
// sign-up that could not be sent; locked, nobody remembers the code. "Code oublié ?" says the
// coordinator has not allowed it; the coordinator allows a new code for that tablet; the
// volunteer chooses one, the tablet unlocks with the resident's details readable, and the
// sign-up that waited is sent. The old code no longer opens; the permission served once.
// The new-code dialog and the coordinator's row are captured in French and Arabic and audited.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, createAdmin, linkDevice, newPage, readyOffline, screenshot, serverAndBrowser, serverEventCount } from './harness.mjs';
import { audit } from './axe.mjs';
import { setPin, signUp, unlockWith } from './volunteer_steps.mjs';

process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const OLD_PIN = '480913';
const NEW_PIN = '735102';
const ADMIN = { email: 'nadia.benali@bailleur.fr', name: 'Nadia Benali', password: 'la-passerelle-du-bloc-C' };

async function chooseNewPin(page, pin) {
  await page.getByTestId('recovery-pin').fill(pin);
  await page.getByTestId('recovery-pin-again').fill(pin);
  await page.getByTestId('recovery-save').click();
}

test('a tablet whose PIN is forgotten gets a new one once the coordinator allows it, and nothing is lost', async () => {
  await createAdmin(env.server, ADMIN);
  const { page } = await newPage(env.browser, { viewport: TABLET });
  await linkDevice(page, env.server, 'Tablette de Yanis');
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByLabel('Votre prénom').fill('Yanis');
  await page.getByRole('button', { name: "C'est moi" }).click();
  await setPin(page, OLD_PIN);

  // A sign-up the server does not get (the push is cut), then the tablet locks.
  await page.route('**/api/v1/sync/push', (route) => route.abort());
  await signUp(page, 0, { first: 'Inès', last: 'Moreau', phone: '06 45 67 89 01', email: 'ines.m@exemple.fr' });
  await page.getByTestId('lock-now').click();
  await page.unroute('**/api/v1/sync/push');
  await page.getByTestId('sync-status').getByRole('button', { name: 'Synchroniser' }).click();
  await page.getByTestId('lock-waiting').getByText(/^1 enregistrement/).waitFor({ timeout: 20_000 });
  const held = await serverEventCount(env.server);

  // Nobody remembers the code; the coordinator has not allowed a new one yet.
  await page.getByTestId('unlock').click();
  await page.getByTestId('forgot-pin').click();
  await page.getByRole('heading', { name: 'Choisir un nouveau code' }).waitFor();
  // It says whose code it sets: the volunteer at the tablet.
  assert.equal(await page.getByLabel('Bénévole').inputValue(), 'Yanis');
  await chooseNewPin(page, '123456');
  await page.getByTestId('recovery-message').getByText('trop facile').waitFor();
  await chooseNewPin(page, NEW_PIN);
  await page.getByTestId('recovery-message')
    .getByText("Votre coordinateur n'a pas encore autorisé de nouveau code pour cette tablette.")
    .waitFor({ timeout: 20_000 });
  await screenshot(page, 'pin-recovery-not-allowed-fr');
  await audit(page, 'new-code dialog (fr)');

  // The coordinator allows it for that tablet.
  const coordinator = (await newPage(env.browser, { viewport: TABLET })).page;
  // Playwright's clock, to see the list read again without waiting for it.
  await coordinator.clock.install();
  await coordinator.goto(`${env.server.url}/coordination`);
  await appReady(coordinator);
  await coordinator.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await coordinator.getByLabel('Mot de passe').fill(ADMIN.password);
  await coordinator.getByRole('button', { name: 'Se connecter' }).click();
  const row = coordinator.getByRole('row', { name: /Tablette de Yanis/ });
  let asked = '';
  coordinator.once('dialog', (dialog) => {
    asked = dialog.message();
    dialog.accept();
  });
  await row.getByRole('button', { name: 'Autoriser un nouveau code' }).click();
  await row.getByText(/^Nouveau code possible sur cette tablette jusqu'à /).waitFor();
  assert.match(asked, /^Autoriser un nouveau code sur «\u00a0Tablette de Yanis\u00a0» pendant 15 minutes/);
  await screenshot(coordinator, 'pin-recovery-allowed-fr');
  await coordinator.getByRole('button', { name: 'العربية' }).click();
  await row.getByText(/^يمكن اختيار رمز جديد على هذا الجهاز اللوحي حتى /).waitFor();
  await screenshot(coordinator, 'pin-recovery-allowed-ar');
  await audit(coordinator, 'devices with a new code allowed (ar)');

  // The volunteer tries again: a new code, the tablet unlocked, the details readable, and the
  // sign-up that waited goes.
  await chooseNewPin(page, NEW_PIN);
  await page.getByTestId('recovery-done').waitFor({ timeout: 20_000 });
  await page.getByTestId('lock-now').waitFor();
  // The coordinator's list, read again while a permission is open, no longer says it is.
  await coordinator.clock.runFor(31_000);
  await row.getByTestId('recovery-allowed').waitFor({ state: 'detached' });
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await unlockWith(page, NEW_PIN);
  await page.getByTestId('lock-now').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: "Confirmer l'inscription de Inès" }).waitFor();
  const bar = page.getByTestId('sync-status');
  await bar.getByRole('button', { name: 'Synchroniser' }).click();
  await bar.getByText('Tout est envoyé').waitFor({ timeout: 20_000 });
  assert.ok((await serverEventCount(env.server)) > held, 'the sign-up that waited was sent');

  // The forgotten code no longer opens; the permission served once.
  await page.getByTestId('lock-now').click();
  await unlockWith(page, OLD_PIN);
  await page.getByTestId('unlock-message').getByText('Code incorrect.').waitFor({ timeout: 20_000 });
  await page.getByTestId('forgot-pin').click();
  await chooseNewPin(page, '902417');
  await page.getByTestId('recovery-message')
    .getByText("Votre coordinateur n'a pas encore autorisé de nouveau code pour cette tablette.")
    .waitFor({ timeout: 20_000 });
  assert.deepEqual(page.problems.filter((p) => !p.includes('Failed to load resource')), []);

  // Once more on a device too full to store the new code: the server gives the key back (the
  // permission is spent), then the key ring cannot be written. The tablet stays unlocked over
  // that key and says what to do, rather than locking out again; a code chosen later holds.
  coordinator.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: 'السماح برمز جديد' }).click();
  await row.getByTestId('recovery-allowed').waitFor();
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    window.__palierPut = put;
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === 'meta') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await chooseNewPin(page, '902417');
  const notSaved = page.getByTestId('recovery-not-saved');
  await notSaved.getByText(/^Le nouveau code n'a pas pu être enregistré\u00a0: l'espace de stockage de cet appareil est plein\. La tablette reste déverrouillée/).waitFor({ timeout: 20_000 });
  // Unlocked, the details open (reading the log writes nothing); no "Verrouiller" until a code
  // is stored, since locking would lose the key.
  await page.getByTestId('add-pin').waitFor();
  await page.getByRole('button', { name: "Confirmer l'inscription de Inès" }).waitFor();
  assert.equal(await page.getByTestId('lock-now').count(), 0);
  await screenshot(page, 'pin-recovery-not-saved-fr');
  await page.getByRole('button', { name: 'العربية' }).click();
  await notSaved.getByText(/^تعذّر حفظ الرمز الجديد: مساحة التخزين/).waitFor();
  await screenshot(page, 'pin-recovery-not-saved-ar');
  await audit(page, 'new code not saved (ar)');
  await page.getByRole('button', { name: 'Français' }).click();
  // Leaving would lose the key: the browser asks first (dismissed here, the page stays).
  const leaving = new Promise((resolve) => page.once('dialog', async (dialog) => {
    resolve(dialog.type());
    await dialog.dismiss();
  }));
  await page.close({ runBeforeUnload: true });
  assert.equal(await leaving, 'beforeunload');
  // Still full, "Protéger par un code" says so in plain words, not that encryption failed.
  await page.getByTestId('add-pin').click();
  await page.getByTestId('new-pin').fill('902417');
  await page.getByTestId('new-pin-again').fill('902417');
  await page.getByTestId('set-pin-save').click();
  await page.locator('.lock-dialog').getByText(/^Le nouveau code n'a pas pu être enregistré\u00a0: l'espace de stockage/).waitFor();
  await page.locator('.lock-dialog').getByRole('button', { name: 'Annuler' }).click();
  // Nor does the tablet turn into a kiosk meanwhile: a kiosk hides the header that says not to
  // reload, and may be restarted at any time.
  await page.getByTestId('sync-status').getByRole('link', { name: 'Cet appareil' }).click();
  await page.getByTestId('enter-kiosk').click();
  const refused = page.locator('#kiosk-mode-problem');
  await refused.getByText(/^Pas maintenant.: le nouveau code n'est pas encore enregistré sur la tablette/).waitFor();
  await notSaved.waitFor();
  await screenshot(page, 'kiosk-refused-key-not-stored-fr');
  await page.getByRole('button', { name: 'العربية' }).click();
  await refused.getByText(/^ليس الآن: الرمز الجديد لم يُحفظ بعد/).waitFor();
  await screenshot(page, 'kiosk-refused-key-not-stored-ar');
  await audit(page, 'kiosk mode refused, key not stored (ar)');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.evaluate(() => { IDBObjectStore.prototype.put = window.__palierPut; });
  await page.getByTestId('add-pin').click();
  await page.getByTestId('new-pin').fill('902417');
  await page.getByTestId('new-pin-again').fill('902417');
  await page.getByTestId('set-pin-save').click();
  await page.getByTestId('recovery-not-saved').waitFor({ state: 'detached' });
  await page.getByTestId('lock-now').click();
  await page.getByTestId('unlock').waitFor();
  await unlockWith(page, '902417');
  await page.getByTestId('lock-now').waitFor({ timeout: 20_000 });
});

test('the new-code dialog in Arabic, offline', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await linkDevice(page, env.server, 'Tablette de Samia');
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('#volunteer-name').fill('Samia');
  await page.locator('.volunteer-card form button[type=submit]').click();
  await setPin(page, OLD_PIN);
  await page.getByTestId('lock-now').click();
  await readyOffline(page);
  await context.setOffline(true);
  await page.getByTestId('unlock').click();
  await page.getByTestId('forgot-pin').click();
  await chooseNewPin(page, NEW_PIN);
  await page.getByTestId('recovery-message')
    .getByText('لا توجد شبكة: يُختار الرمز الجديد مع الخادم. أعد المحاولة بعد الاتصال.')
    .waitFor({ timeout: 20_000 });
  await screenshot(page, 'pin-recovery-offline-ar');
  await audit(page, 'new-code dialog offline (ar)');
  await context.setOffline(false);
});
