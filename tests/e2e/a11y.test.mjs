// The accessibility gate: every route and its main states — home, each mode, forms showing their
// errors, dialogs, the kiosk's idle warning — audited by axe-core against WCAG 2.2 A/AA, in French
// and in Arabic (right to left), on a 1024×768 tablet. Any violation fails, all of them listed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { appReady, createAdmin, linkDevice, newPage, serverAndBrowser } from './harness.mjs';
import { describe, violations } from './axe.mjs';

const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../domain/src/import/fixtures');
const TABLET = { width: 1024, height: 768 };
const env = serverAndBrowser();

/** Audits screen after screen and keeps every violation, so one run shows all there is to fix. */
class Audit {
  constructor(lang) {
    this.lang = lang;
    this.found = [];
    this.screens = [];
  }

  async check(page, screen) {
    // Let the reactive view settle (a language switch, a dialog opening) before measuring.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const found = await violations(page);
    this.screens.push(screen);
    if (found.length) this.found.push(`${screen} (${this.lang}):\n${describe(found)}`);
  }

  /** axe went in without tripping the page's CSP, and the page logged no error. */
  clean(page) {
    assert.deepEqual(page.problems.filter((p) => !/401 \(Unauthorized\)|400 \(Bad Request\)|404 \(Not Found\)/.test(p)), []);
  }

  done(t) {
    t.diagnostic(`${this.screens.length} screens audited in ${this.lang}: ${this.screens.join(', ')}`);
    assert.ok(this.screens.length >= 20, `only ${this.screens.length} screens audited`);
    assert.equal(this.found.length, 0, `WCAG 2.2 A/AA violations:\n${this.found.join('\n')}`);
  }
}

/** The first screen in `lang`: the header's language choice is remembered on the device. */
async function start(lang) {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(env.server.url);
  await appReady(page);
  if (lang === 'ar') {
    await page.getByRole('banner').getByRole('button', { name: 'العربية' }).click();
    await page.locator('html[lang="ar"][dir="rtl"]').waitFor();
  }
  return { context, page };
}

async function visit(page, route) {
  await page.goto(`${env.server.url}${route}`);
  await appReady(page);
  await page.locator('main h1').first().waitFor();
}

/** The server's own command line makes the coordinator account, as on the first day. */
const ADMIN = { email: 'awa@bailleur.fr', name: 'Awa Diallo', password: 'escalier-B-quatrieme' };

async function auditApp(t, lang) {
  const audit = new Audit(lang);
  const { context, page } = await start(lang);

  await audit.check(page, 'home /');

  // Field mode: home, a residence, an entrée's walk list, the door dialog, the sign-up with errors.
  await visit(page, '/terrain');
  await audit.check(page, 'field home /terrain');
  await page.locator('.residence-link').first().click();
  await page.locator('.entrance-link').first().waitFor();
  await audit.check(page, 'residence');
  await page.locator('.entrance-link').first().click();
  await page.locator('.door').first().waitFor();
  await audit.check(page, 'entrée walk list');
  await page.locator('.door').first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await audit.check(page, 'door dialog');
  await dialog.locator('.outcome-signed_up').click();
  await page.locator('form.signup').waitFor();
  await audit.check(page, 'field sign-up');
  await page.locator('form.signup button[type=submit]').click();
  await page.locator('#first-name[aria-invalid="true"]').waitFor();
  await audit.check(page, 'field sign-up with errors');

  await visit(page, '/terrain/import');
  await audit.check(page, 'import');
  await page.locator('input[type=file]').first().setInputFiles(path.join(FIXTURES, 'rpls_2024_with_problems.csv'));
  await page.locator('#summary-heading').waitFor();
  await audit.check(page, 'import with a file and its problems');

  await visit(page, '/terrain/presentation');
  await audit.check(page, 'presentation');
  const next = page.locator('.slide ~ .choices button').nth(1);
  for (let i = 0; i < 20 && !(await page.locator('.qr-overlay').count()); i += 1) {
    const show = page.locator('.slide button:not([disabled])');
    if (await show.count()) {
      await show.first().click();
      break;
    }
    if (await next.isDisabled()) break;
    await next.click();
  }
  if (await page.locator('.qr-overlay').count()) await audit.check(page, 'presentation QR code dialog');

  // Partners: the directory, a partner, the form with its errors.
  await visit(page, '/partenaires');
  await page.locator('.partner-link').first().waitFor();
  await audit.check(page, 'partners /partenaires');
  await page.locator('.partner-link').first().click();
  await page.locator('main h1').first().waitFor();
  await page.waitForURL(/\/partenaires\/[^/]+$/);
  await audit.check(page, 'partner page');
  await visit(page, '/partenaires/nouveau');
  await page.locator('form.partner-form button[type=submit]').click();
  await page.locator('#partner-name[aria-invalid="true"]').waitFor();
  await audit.check(page, 'partner form with errors');
  // The directory's CSV import, where this build has it.
  await visit(page, '/partenaires');
  if (await page.locator('a[href="/partenaires/importer"]').count()) {
    await visit(page, '/partenaires/importer');
    await audit.check(page, 'partners import');
  }

  // Coordination: the sign-in, refused.
  await visit(page, '/coordination');
  await page.locator('#coord-email').waitFor();
  await audit.check(page, 'coordination sign-in');
  await page.locator('#coord-email').fill('awa@bailleur.fr');
  await page.locator('#coord-password').fill('pas le bon');
  await page.locator('form.sign-in button[type=submit]').click();
  await page.locator('main .error:not(:empty), main [role=alert]:not(:empty)').first().waitFor();
  await audit.check(page, 'coordination sign-in with an error');
  await page.locator('#coord-password').fill('escalier-B-quatrieme');
  await page.locator('form.sign-in button[type=submit]').click();
  await page.locator('form.sign-in').waitFor({ state: 'detached' });
  await page.locator('main h2').first().waitFor();
  await audit.check(page, 'coordination workspace, signed in');

  await visit(page, '/appareil');
  await audit.check(page, 'device /appareil');
  await page.locator('form.enroll button[type=submit]').click();
  await page.locator('#enroll-feedback:not(:empty)').waitFor();
  await audit.check(page, 'device link with an error');

  await visit(page, '/nulle-part');
  await audit.check(page, 'not found');
  audit.clean(page);
  await context.close();

  // The kiosk, with its own language buttons and a clock under the test's control.
  const kiosk = await newPage(env.browser, { viewport: TABLET });
  const k = kiosk.page;
  await k.clock.install();
  await k.goto(`${env.server.url}/borne`);
  await k.locator('.kiosk-language').first().waitFor({ timeout: 15_000 });
  await audit.check(k, 'kiosk attract /borne');
  await k.locator(`.kiosk-language[lang="${lang}"]`).first().click();
  await k.locator('.kiosk-menu-grid').waitFor();
  await audit.check(k, 'kiosk menu');
  const items = await k.locator('.kiosk-menu-item').count();
  for (let i = 0; i < items; i += 1) {
    await k.locator('.kiosk-menu-item').nth(i).click();
    await k.locator('.kiosk-top h1').waitFor();
    // The first is the sign-up: on a kiosk not linked to a campaign, it says it cannot take any.
    if (i === 0) await k.locator('#kiosk-first-name').waitFor({ state: 'detached' });
    await audit.check(k, `kiosk menu item ${i + 1}`);
    if (i === 2) {
      await k.locator('#kiosk-question').fill('combien coute l application');
      await k.locator('.kiosk-ask-form button[type=submit]').click();
      await k.locator('.kiosk-answer, .kiosk-not-sure').first().waitFor();
      await audit.check(k, 'kiosk answer');
    }
    await k.locator('.kiosk-back').click();
    await k.locator('.kiosk-menu-grid').waitFor();
  }
  await k.locator('.kiosk-menu-item').nth(2).click();
  await k.clock.runFor(61_000);
  await k.getByRole('alertdialog').waitFor();
  await audit.check(k, 'kiosk idle warning');
  audit.clean(k);
  await kiosk.context.close();

  // A kiosk linked to the campaign takes sign-ups: an empty answer refused, a choice, a consent.
  const linked = await newPage(env.browser, { viewport: TABLET });
  const l = linked.page;
  await linkDevice(l, env.server, 'Borne du hall');
  await l.goto(`${env.server.url}/borne`);
  await l.locator(`.kiosk-language[lang="${lang}"]`).first().click();
  await l.locator('.kiosk-menu-item').first().click();
  await l.locator('#kiosk-first-name').waitFor();
  const submit = l.locator('.kiosk-step button[type=submit]');
  await submit.click();
  await l.locator('#kiosk-signup-problems p').first().waitFor();
  await audit.check(l, 'kiosk sign-up with an error');
  await l.locator('#kiosk-first-name').fill('Awa');
  await submit.click();
  await l.locator('#kiosk-last-name').waitFor();
  await submit.click();
  await l.locator('#kiosk-phone').fill('0612345678');
  await submit.click();
  await l.locator('#kiosk-language-question').waitFor();
  await audit.check(l, 'kiosk sign-up language');
  await submit.click();
  await l.locator('#kiosk-consent-question').waitFor();
  await audit.check(l, 'kiosk sign-up consent');
  for (let n = 0; n < 3; n += 1) {
    await l.locator('.kiosk-yes-no button').first().click();
    await submit.click();
  }
  await l.locator('.kiosk-notice').waitFor();
  await audit.check(l, 'kiosk sign-up notice');
  await submit.click();
  await l.locator('.kiosk-thanks').waitFor();
  await audit.check(l, 'kiosk sign-up merci');
  audit.clean(l);
  await linked.context.close();

  audit.done(t);
}

test('the audit finds what it should: a picture without words, a field without a label', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(env.server.url);
  await appReady(page);
  await page.evaluate(() => {
    const main = document.querySelector('main');
    main.insertAdjacentHTML('beforeend', '<img src="/icons/icon-192.png"><input type="text">');
  });
  const found = (await violations(page)).map((v) => v.id).sort();
  assert.deepEqual(found, ['image-alt', 'label']);
  await context.close();
});

test('every screen passes axe-core (WCAG 2.2 A/AA) in French', async (t) => {
  await createAdmin(env.server, ADMIN);
  await auditApp(t, 'fr');
});

test('every screen passes axe-core (WCAG 2.2 A/AA) in Arabic', async (t) => {
  await auditApp(t, 'ar');
});
