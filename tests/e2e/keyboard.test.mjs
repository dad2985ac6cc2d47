// Keyboard only (Tab, Shift+Tab, Enter, Space; no mouse): a volunteer signs a resident up at a
// door of the demo estate, and a resident signs up at the kiosk. After every step the focus is
// where the next step starts — the new screen, the dialog, the field to correct, the next
// question — and it can be seen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, linkDevice, newPage, serverAndBrowser } from './harness.mjs';

const TABLET = { width: 1024, height: 768 };
const env = serverAndBrowser();

/** The focused element, for messages. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  const text = (a.textContent || a.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.className ? `.${String(a.className).replace(/ /g, '.')}` : ''}> "${text}"`;
});

/** Asserts the focus is on `selector` and shows: an outline of at least 2 px (main, which takes
 * the focus after a move to another address only to start the Tab order there, has none). */
async function focusIsOn(page, selector, step) {
  // A new screen takes the focus once drawn (the next animation frame).
  await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout: 5_000 }).catch(() => {});
  const state = await page.evaluate((s) => {
    const a = document.activeElement;
    const style = getComputedStyle(a);
    return {
      on: a.matches(s),
      main: a.tagName === 'MAIN',
      visible: a.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      outline: `${a.matches(':focus-visible') ? ':focus-visible' : 'not :focus-visible'}, outline ${style.outlineStyle} ${style.outlineWidth}`,
    };
  }, selector);
  assert.ok(state.on, `${step}: the focus should be on ${selector}, is on ${await focused(page)}`);
  if (!state.main) assert.ok(state.visible, `${step}: the focus on ${await focused(page)} is not visible (${state.outline})`);
}

/** Presses Tab (or Shift+Tab) until `selector` has the focus, at most `max` times; returns how
 * many presses it took. */
async function tabTo(page, selector, { max = 15, back = false } = {}) {
  const trail = [];
  for (let n = 1; n <= max; n += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) {
      await focusIsOn(page, selector, `Tab to ${selector}`);
      return n;
    }
    trail.push(await focused(page));
  }
  throw new Error(`${selector} not reached in ${max} ${back ? 'Shift+Tab' : 'Tab'}:\n  ${trail.join('\n  ')}`);
}

test('field sign-up with the keyboard only: from a door of the demo estate to "Inscrit"', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.locator('.residence-link').first().waitFor();

  // The first Tab offers the skip link, which leads into the screen.
  await page.keyboard.press('Tab');
  await focusIsOn(page, '.skip-link', 'first Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, '.residence-link');
  await page.keyboard.press('Enter');
  await page.locator('.entrance-link').first().waitFor();
  await focusIsOn(page, 'main', 'the residence opened');
  await tabTo(page, '.entrance-link');
  await page.keyboard.press('Enter');
  await page.locator('.door').first().waitFor();
  await focusIsOn(page, 'main', 'the entrée opened');
  await tabTo(page, '.door');
  const door = await page.evaluate(() => document.activeElement.dataset.door);
  assert.ok(door, 'each door says which it is');

  // The door's dialog takes the focus; closed, it gives it back to the door.
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  await focusIsOn(page, '#visit-title', 'the door dialog opened');
  await tabTo(page, '.visit-panel .panel-head button');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await focusIsOn(page, `.door[data-door="${door}"]`, 'the dialog closed');
  await page.keyboard.press('Space');
  await page.getByRole('dialog').waitFor();
  await focusIsOn(page, '#visit-title', 'the door dialog opened again');
  await tabTo(page, '.outcome-signed_up', { max: 20 });
  await page.keyboard.press('Enter');
  await page.locator('form.signup').waitFor();
  await focusIsOn(page, 'main', 'the sign-up opened');

  // Saving an empty form sends the focus to the first field to correct.
  await tabTo(page, 'form.signup button[type=submit]', { max: 25 });
  await page.keyboard.press('Enter');
  await page.locator('#first-name[aria-invalid="true"]').waitFor();
  await focusIsOn(page, '#first-name', 'the form refused');
  await page.keyboard.type('Amina');
  await tabTo(page, '#phone', { max: 3 });
  await page.keyboard.type('06 12 34 56 78');
  // Each purpose answered with Space on its button: yes, yes, no.
  const consents = page.locator('.consent');
  for (const [i, answer] of [[0, 'Oui'], [1, 'Oui'], [2, 'Non']]) {
    const button = consents.nth(i).getByRole('button', { name: answer, exact: true });
    const selector = `.consent:nth-of-type(${i + 1}) button:nth-child(${answer === 'Oui' ? 1 : 2})`;
    assert.equal(await page.locator(selector).textContent(), answer);
    await tabTo(page, selector, { max: 6 });
    await page.keyboard.press('Space');
    assert.equal(await button.getAttribute('aria-pressed'), 'true', `consent ${i + 1}: ${answer}`);
  }
  // Shift+Tab goes back: the third purpose's "Oui" is just before its "Non".
  await tabTo(page, '.consent:nth-of-type(3) button:nth-child(1)', { max: 1, back: true });
  await tabTo(page, 'form.signup button[type=submit]', { max: 4 });
  await page.keyboard.press('Enter');

  // Back on the entrée: the door says "Inscrit", a few Tabs away.
  await page.locator(`.door[data-door="${door}"]`).getByText('Inscrit').waitFor();
  await focusIsOn(page, 'main', 'the entrée after the sign-up');
  await tabTo(page, `.door[data-door="${door}"]`, { max: 45 });
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the open door panel never hides the door that has the keyboard focus (WCAG 2.4.11)', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.locator('.residence-link').first().click();
  await page.locator('.entrance-link').first().click();
  // The last door, low on the page: the panel opens over the list, and the focus goes round
  // all the doors, forwards then backwards.
  await page.locator('.door').last().click();
  await page.getByRole('dialog').waitFor();
  const doors = await page.locator('.door').count();
  const hidden = [];
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let n = 0; n < doors + 15; n += 1) {
      await page.keyboard.press(key);
      const covered = await page.evaluate(() => {
        const focused = document.activeElement;
        if (!focused.matches('.door')) return null;
        const box = focused.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return focused.contains(top) ? null : focused.textContent.trim();
      });
      if (covered) hidden.push(`${key}: ${covered}`);
    }
  }
  assert.deepEqual(hidden, []);
  await context.close();
});

test('kiosk sign-up with the keyboard only: attract, menu, each question, merci', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await linkDevice(page, env.server, 'Borne du hall'); // a kiosk takes sign-ups only when linked
  await page.goto(`${env.server.url}/borne`);
  await page.locator('.kiosk-language').first().waitFor({ timeout: 15_000 });

  await tabTo(page, '.kiosk-language[lang="fr"]');
  await page.keyboard.press('Enter');
  await page.locator('.kiosk-menu-grid').waitFor();
  await focusIsOn(page, '.kiosk-top h1', 'the menu');
  await tabTo(page, '.kiosk-menu-item');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "✍M'inscrire");
  await page.keyboard.press('Enter');

  // A text question: its field has the focus; Enter goes on, or says what is wrong.
  await page.locator('#kiosk-first-name').waitFor();
  await focusIsOn(page, '#kiosk-first-name', 'question 1');
  await page.keyboard.press('Enter');
  await page.locator('#kiosk-signup-problems p').first().waitFor();
  await focusIsOn(page, '#kiosk-first-name', 'question 1 refused');
  await page.keyboard.type('Awa');
  await page.keyboard.press('Enter');
  await page.getByText('Question 2 sur 8').waitFor();
  await focusIsOn(page, '#kiosk-last-name', 'question 2');
  await page.keyboard.press('Enter');
  await page.getByText('Question 3 sur 8').waitFor();
  await focusIsOn(page, '#kiosk-phone', 'question 3');
  await page.keyboard.type('06 12 34 56 78');
  await page.keyboard.press('Enter');

  // A choice question: its words have the focus, the choices come next.
  await page.getByText('Question 4 sur 8').waitFor();
  await focusIsOn(page, '#kiosk-language-question', 'question 4');
  await tabTo(page, '.kiosk-choices button[lang="fr"]');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true', 'the kiosk language is offered');
  await tabTo(page, '.kiosk-step button[type=submit]', { max: 12 });
  await page.keyboard.press('Enter');
  for (const [n, answer] of [[5, 1], [6, 1], [7, 2]]) {
    await page.getByText(`Question ${n} sur 8`).waitFor();
    await focusIsOn(page, '#kiosk-consent-question', `question ${n}`);
    await tabTo(page, `.kiosk-yes-no button:nth-child(${answer})`, { max: 3 });
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
    await tabTo(page, '.kiosk-step button[type=submit]', { max: 3 });
    await page.keyboard.press('Enter');
  }

  // The notice can be scrolled with the keyboard, then saved.
  await page.getByText('Question 8 sur 8').waitFor();
  await focusIsOn(page, '.kiosk-notice', 'question 8, the notice');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, '.kiosk-step button[type=submit]', { max: 3 });
  await page.keyboard.press('Enter');

  // "Merci" has the focus, and "J'ai fini" is next: the turn ends, the welcome is back.
  await page.locator('.kiosk-thanks').waitFor();
  await focusIsOn(page, '.kiosk-thanks', 'merci');
  await tabTo(page, '.kiosk-thanks button', { max: 2 });
  await page.keyboard.press('Enter');
  await page.locator('.kiosk-language').first().waitFor();
  assert.equal(await page.locator('#kiosk-first-name').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('kiosk idle warning with the keyboard: the focus goes to "Continuer", then back', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.clock.install();
  await page.goto(`${env.server.url}/borne`);
  await page.locator('.kiosk-language').first().waitFor({ timeout: 15_000 });
  await tabTo(page, '.kiosk-language[lang="fr"]');
  await page.keyboard.press('Enter');
  await focusIsOn(page, '.kiosk-top h1', 'the menu');
  await tabTo(page, '.kiosk-menu-item:nth-child(3)', { max: 6 });
  await page.keyboard.press('Enter');
  await page.locator('#kiosk-question').waitFor();
  await focusIsOn(page, '.kiosk-top h1', 'the questions');
  await tabTo(page, '#kiosk-question', { max: 6 });
  await page.keyboard.type('où est le gardien');
  await page.clock.runFor(61_000);
  await page.getByRole('alertdialog').waitFor();
  await focusIsOn(page, '.kiosk-warning button', 'the warning');
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  await focusIsOn(page, '#kiosk-question', 'the turn goes on');
  assert.equal(await page.locator('#kiosk-question').inputValue(), 'où est le gardien');
  await context.close();
});
