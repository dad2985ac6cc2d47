// Kiosk mode and its lock. Without an exit PIN the device refuses kiosk mode and says why; with
// one, "Passer en mode borne" opens the kiosk, which a reload or another address keeps; a
// resident answers the five-face question (recorded anonymously); after an idle reset the back
// button shows nothing of them; leaving takes the PIN on the pad (wrong ones refused, then a
// wait after three), and the right one brings the device settings back.
//
// The exit PIN record is seeded into the device's storage (`palier.kiosk-pin`), where the app's
// `kiosk_pin()` reads it until campaign settings carry it; it is hashed here with WebCrypto's
// PBKDF2-SHA-256 at 600,000 iterations, as the coordinator's workspace does.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, enrollmentCode, eventsOfKind, newPage, screenshot, serverAndBrowser, storedEvents } from './harness.mjs';

const TABLET = { width: 1024, height: 768 };
const PIN = '480913';
// The enrollment code links the kiosk to the demo campaign, whose key seals sign-ups.
process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();

/** Stores the exit PIN record for `pin`, as the coordinator's workspace would. */
async function seedPin(page, pin) {
  await page.evaluate(async (pin) => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, key, 256);
    const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem('palier.kiosk-pin', JSON.stringify({ salt: hex(salt), iterations: 600000, hash: hex(bits) }));
  }, pin);
}

async function typePin(page, pin) {
  const pad = page.locator('.pin-pad');
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByTestId('pin-submit').click();
}

async function setLanguage(page, tag) {
  await page.evaluate((tag) => localStorage.setItem('palier.locale', tag), tag);
}

test('without an exit PIN the device refuses kiosk mode and says why', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/appareil`);
  await appReady(page);
  await page.getByTestId('enter-kiosk').click();
  await page.getByText("Le coordinateur doit d'abord choisir un code de sortie.").waitFor();
  assert.equal(new URL(page.url()).pathname, '/appareil');
  assert.equal(await page.locator('.kiosk').count(), 0);
  await page.getByRole('heading', { name: 'Borne du hall' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'kiosk-lock-settings-fr');
  await setLanguage(page, 'ar');
  await page.reload();
  await appReady(page);
  await page.getByTestId('enter-kiosk').click();
  await page.getByText('يجب على المنسق أولا أن يختار رمز الخروج.').waitFor();
  await page.getByRole('heading', { name: 'شاشة البهو' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'kiosk-lock-settings-ar');
  await context.close();
});

test('kiosk mode stays on through reloads, keeps nothing of a resident, and leaves with the PIN only', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.clock.install();
  await page.goto(`${env.server.url}/`);
  await appReady(page);
  await page.goto(`${env.server.url}/appareil`);
  await appReady(page);
  await seedPin(page, PIN);
  await page.getByTestId('enter-kiosk').click();
  // In the kiosk's own screen (the header has a language button too): just after a start the
  // device first reads the campaign's settings.
  await page.locator('.kiosk-gate').getByRole('button', { name: /^العربية/ }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/borne');
  assert.equal(await page.getByRole('banner').isVisible(), false, 'no app header in kiosk mode');
  assert.equal(await page.locator('main a[href]').count(), 0, 'no link into the rest of the app');

  // A reload, or another address typed, opens the kiosk again.
  await page.reload();
  await page.getByRole('button', { name: /^العربية/ }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/borne');
  await page.goto(`${env.server.url}/appareil`);
  await page.getByRole('button', { name: /^Français/ }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/borne');
  assert.equal(await page.getByTestId('device-id').count(), 0, 'the device settings are out of reach');

  // A resident answers the five faces, anonymously.
  await page.getByRole('button', { name: /^Français/ }).click();
  await page.getByRole('button', { name: 'Comment ça va ?' }).click();
  await page.getByText('Comment vous sentez-vous dans votre résidence\u00a0?').waitFor();
  await page.getByRole('button', { name: 'Bien', exact: true }).click();
  await page.getByText('Merci pour votre réponse\u00a0!').waitFor();
  await screenshot(page, 'kiosk-wellbeing-fr');
  const faces = await eventsOfKind(page, 'KioskWellbeingGiven', 1);
  assert.equal(faces.length, 1);
  assert.equal(faces[0].body.face, 4);
  assert.deepEqual(faces[0].actor, { role: 'kiosk' });
  assert.equal(faces[0].body.door, undefined, 'no door');
  assert.equal(await page.getByRole('button', { name: 'Très bien', exact: true }).isDisabled(), true, 'one answer per turn');

  // The resident types a question, then walks away: after the reset, back shows nothing of them.
  await page.locator('.kiosk-back').click();
  await page.getByRole('button', { name: 'Poser une question' }).click();
  await page.getByLabel('Posez votre question').fill('mon voisin fait du bruit la nuit');
  await page.clock.runFor(61_000);
  await page.getByRole('alertdialog').waitFor();
  await page.clock.runFor(31_000);
  await page.getByRole('button', { name: /^العربية/ }).waitFor();
  for (let i = 0; i < 2; i += 1) {
    await page.goBack();
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).pathname, '/borne');
    await page.getByRole('button', { name: /^العربية/ }).waitFor();
    assert.equal(await page.locator('input').count(), 0, 'no field of the previous resident');
    assert.equal(await page.getByText('mon voisin fait du bruit').count(), 0);
    assert.equal(await page.getByText('Merci pour votre réponse\u00a0!').count(), 0);
    assert.equal(await page.getByTestId('device-id').count(), 0);
  }

  // Leaving: a wrong PIN is refused; three wrong ones make the next try wait.
  await page.getByTestId('kiosk-exit').click();
  await page.getByRole('dialog', { name: 'Code de sortie' }).waitFor();
  await screenshot(page, 'kiosk-lock-pad-fr');
  await typePin(page, '111111');
  await page.getByTestId('pin-message').getByText("Ce n'est pas le bon code.").waitFor({ timeout: 20_000 });
  await screenshot(page, 'kiosk-lock-wrong-fr');
  assert.equal(new URL(page.url()).pathname, '/borne');
  await typePin(page, '222222');
  await page.getByTestId('pin-message').getByText("Ce n'est pas le bon code.").waitFor({ timeout: 20_000 });
  await page.waitForTimeout(200);
  await typePin(page, '333333');
  await page.getByTestId('pin-message').getByText(/Trop d'essais\u00a0: attendez 30 s avant de réessayer\./).waitFor({ timeout: 20_000 });
  assert.equal(await page.getByTestId('pin-submit').isDisabled(), true);
  await screenshot(page, 'kiosk-lock-wait-fr');
  // The wait survives a reload.
  await page.reload();
  await page.getByTestId('kiosk-exit').click();
  await page.getByTestId('pin-message').getByText(/Trop d'essais/).waitFor();
  await page.clock.runFor(31_000);
  await page.getByTestId('pin-message').getByText(/Trop d'essais/).waitFor({ state: 'detached' });

  // The right PIN: back to the device settings, with the header, and a reload stays there.
  await typePin(page, PIN);
  await page.getByTestId('device-id').waitFor({ timeout: 20_000 });
  assert.equal(new URL(page.url()).pathname, '/appareil');
  await appReady(page);
  await page.reload();
  await appReady(page);
  assert.equal(new URL(page.url()).pathname, '/appareil');
  assert.equal(await page.locator('.kiosk').count(), 0);

  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)), []);
  await context.close();
});

test('Arabic: the PIN pad, a wrong PIN and the faces, for the eyes', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.clock.install();
  await page.goto(`${env.server.url}/appareil`);
  await appReady(page);
  await setLanguage(page, 'ar');
  await seedPin(page, PIN);
  await page.reload();
  await appReady(page);
  await page.getByTestId('enter-kiosk').click();
  await page.locator('.kiosk-gate').getByRole('button', { name: /^العربية/ }).click();
  await page.locator('.kiosk-menu-item').nth(4).click();
  await page.getByText('كيف تشعر في مسكنك؟').waitFor();
  await screenshot(page, 'kiosk-wellbeing-menu-ar');
  await page.getByRole('button', { name: 'جيد جدا', exact: true }).click();
  await page.getByText('شكرا على جوابك!').waitFor();
  await screenshot(page, 'kiosk-wellbeing-ar');
  await page.locator('.kiosk-finish').click();
  await page.getByTestId('kiosk-exit').click();
  await page.getByRole('dialog', { name: 'رمز الخروج' }).waitFor();
  assert.equal(await page.getByRole('dialog').getAttribute('dir'), 'rtl');
  await screenshot(page, 'kiosk-lock-pad-ar');
  await typePin(page, '135790');
  await page.getByTestId('pin-message').getByText('هذا ليس الرمز الصحيح.').waitFor({ timeout: 20_000 });
  await screenshot(page, 'kiosk-lock-wrong-ar');
  await typePin(page, PIN);
  await page.getByTestId('device-id').waitFor({ timeout: 20_000 });
  await context.close();
});

test('a resident who says no to every purpose is told that nothing is kept and nobody will call', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  const { url } = await enrollmentCode(env.server);
  await page.goto(url);
  await appReady(page);
  await page.getByLabel("Nom de l'appareil").fill('Borne hall A');
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(/^Appareil relié à la campagne/).waitFor();
  await page.goto(`${env.server.url}/borne`);
  await page.getByRole('button', { name: /^Français/ }).click();
  await page.getByRole('button', { name: "M'inscrire" }).click();
  const next = () => page.getByRole('button', { name: 'Suivant' });
  await page.getByLabel('Prénom').fill('Awa');
  await next().click();
  await next().click();
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  await next().click();
  await next().click();
  for (let n = 5; n <= 7; n += 1) {
    await page.getByText(`Question ${n} sur 8`).waitFor();
    await page.getByRole('button', { name: 'Non', exact: true }).click();
    await next().click();
  }
  await page.getByRole('button', { name: "Enregistrer l'inscription" }).click();
  await page.getByText(/Vous avez dit non à tout\u00a0: nous ne gardons rien de ce que vous avez écrit, et personne ne vous contactera\./).waitFor();
  assert.equal(await page.getByText(/vous contactera bientôt/).count(), 0);
  await screenshot(page, 'kiosk-thanks-nothing-kept-fr');
  const kept = (await storedEvents(page)).filter((e) => /SignedUp|Sealed/.test(e.body.type));
  assert.deepEqual(kept, [], 'nothing recorded for a resident who said no to everything');
  await context.close();
});
