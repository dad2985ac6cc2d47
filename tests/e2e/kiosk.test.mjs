// The lobby kiosk, one resident after another: choose Arabic then French, sign up one question
// per screen (a mistake shown, then fixed), ask a question with a typo and get its answer, ask
// nonsense and get the honest "not sure", propose an idea and vote once, then leave the tablet
// alone until everything is wiped and the welcome screen is back with nothing of the resident.
// Each screen is captured in French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, enrollmentCode, eventsOfKind, newPage, readyOffline, screenshot, serverAndBrowser, storedEvents } from './harness.mjs';

// Kiosk sign-ups are sealed with the campaign's key: the tablet is linked to the demo campaign
// first (a kiosk without the key takes no sign-up, kiosk_sealed.test.mjs).
process.env.PALIER_DEMO = 'true';
const TABLET = { width: 1024, height: 768 };
const env = serverAndBrowser();

async function link(page) {
  const { url } = await enrollmentCode(env.server);
  await page.goto(url);
  await appReady(page);
  await page.getByLabel("Nom de l'appareil").fill('Borne hall A');
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(/^Appareil relié à la campagne/).waitFor();
}

const kiosk = (page) => page.locator('.kiosk');
const next = (page) => page.getByRole('button', { name: 'Suivant' });

async function openKiosk(page) {
  await page.goto(`${env.server.url}/borne`);
  await page.getByRole('button', { name: /^العربية/ }).waitFor({ timeout: 15_000 });
}

test('Arabic then French: sign-up, questions, ideas', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await link(page);
  await openKiosk(page);
  // The sign-up waits sealed on the tablet.
  await readyOffline(page);
  await context.setOffline(true);
  assert.equal(await page.locator('.kiosk-language').count(), 7);
  for (const [name, lang, dir] of [['Français', 'fr', 'ltr'], ['Facile à lire', 'fr', 'ltr'], ['العربية', 'ar', 'rtl'], ['Türkçe', 'tr', 'ltr']]) {
    const button = page.getByRole('button', { name: new RegExp(`^${name}`) });
    assert.equal(await button.getAttribute('lang'), lang);
    assert.equal(await button.getAttribute('dir'), dir);
  }
  await screenshot(page, 'kiosk-attract');

  // Arabic: the whole kiosk mirrors.
  await page.getByRole('button', { name: /^العربية/ }).click();
  await page.getByRole('button', { name: 'التسجيل' }).or(page.locator('.kiosk-menu-item').first()).first().waitFor();
  assert.equal(await kiosk(page).getAttribute('dir'), 'rtl');
  assert.equal(await kiosk(page).getAttribute('lang'), 'ar');
  await screenshot(page, 'kiosk-menu-ar');
  for (const [index, name] of [[0, 'signup'], [1, 'discover'], [2, 'ask'], [3, 'ideas']]) {
    await page.locator('.kiosk-menu-item').nth(index).click();
    await page.locator('.kiosk-top h1').waitFor();
    await screenshot(page, `kiosk-${name}-ar`);
    await page.locator('.kiosk-back').click();
    await page.locator('.kiosk-menu-grid').waitFor();
  }
  // Back from the menu: the languages again; now French.
  await page.locator('.kiosk-back').click();
  await page.getByRole('button', { name: /^Français/ }).click();
  assert.equal(await kiosk(page).getAttribute('dir'), 'ltr');
  await screenshot(page, 'kiosk-menu-fr');

  // Sign up, one question per screen.
  await page.getByRole('button', { name: "M'inscrire" }).click();
  await page.getByText('Question 1 sur 8').waitFor();
  await screenshot(page, 'kiosk-signup-fr');
  await next(page).click();
  await page.getByRole('alert').getByText(/prénom/i).waitFor();
  await screenshot(page, 'kiosk-signup-error-fr');
  assert.equal(await page.getByLabel('Prénom').getAttribute('autocomplete'), 'off');
  await page.getByLabel('Prénom').fill('Awa');
  await next(page).click();
  await page.getByText('Question 2 sur 8').waitFor();
  await page.getByLabel('Nom (facultatif)').fill('Diallo');
  await next(page).click();
  await page.getByLabel('Téléphone').fill('06 12');
  await next(page).click();
  assert.notEqual((await page.getByRole('alert').textContent()).trim(), '', 'a short phone number is refused');
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  await next(page).click();
  await page.getByText('Question 4 sur 8').waitFor();
  // Back at any step, and what was typed is still there.
  await page.getByRole('button', { name: 'Précédent' }).click();
  assert.equal(await page.getByLabel('Téléphone').inputValue(), '06 12 34 56 78');
  await next(page).click();
  await page.getByRole('button', { name: 'Français', exact: true }).click();
  await next(page).click();
  for (let n = 5; n <= 7; n += 1) {
    await page.getByText(`Question ${n} sur 8`).waitFor();
    const yes = page.getByRole('button', { name: 'Oui', exact: true });
    const no = page.getByRole('button', { name: 'Non', exact: true });
    assert.equal(await yes.getAttribute('aria-pressed'), 'false', 'never ticked in advance');
    assert.equal(await no.getAttribute('aria-pressed'), 'false', 'never ticked in advance');
    if (n === 5) {
      await next(page).click();
      await page.getByRole('alert').getByText(/Répondez oui ou non/).waitFor();
      await screenshot(page, 'kiosk-consent-fr');
    }
    await (n === 7 ? no : yes).click();
    await next(page).click();
  }
  await page.getByText('Question 8 sur 8').waitFor();
  await screenshot(page, 'kiosk-notice-fr');
  await page.getByRole('button', { name: "Enregistrer l'inscription" }).click();
  await page.getByText(/Merci\u00a0! Votre inscription est enregistrée/).waitFor();
  await screenshot(page, 'kiosk-thanks-fr');
  // Sealed for the server: nothing the resident typed is readable on the tablet (the server
  // opens it, kiosk_sealed.test.mjs).
  const recorded = await storedEvents(page);
  assert.equal(recorded.filter((e) => e.body.type === 'ResidentSignedUp').length, 0);
  const signup = recorded.find((e) => e.body.type === 'KioskSealed');
  assert.equal(signup.actor.role, 'kiosk');
  assert.equal(signup.body.of, 'ResidentSignedUp');
  assert.ok(!JSON.stringify(recorded).includes('612345678'));
  // "J'ai fini" ends the turn at once.
  await page.getByRole('button', { name: "J'ai fini" }).last().click();
  await page.getByRole('button', { name: /^Français/ }).click();

  // Questions: a typo still finds its answer; nonsense gets the honest "not sure".
  await page.getByRole('button', { name: 'Poser une question' }).click();
  await screenshot(page, 'kiosk-ask-fr');
  await page.getByLabel('Posez votre question').fill("combien coute l'aplication ?");
  await page.getByRole('button', { name: 'Chercher la réponse' }).click();
  await page.locator('.kiosk-answer').getByText(/gratuite/).first().waitFor();
  await screenshot(page, 'kiosk-answer-fr');
  await page.getByLabel('Posez votre question').fill('xqzw blorf tralala');
  await page.getByRole('button', { name: 'Chercher la réponse' }).click();
  await page.getByTestId('kiosk-not-sure').getByText("Je ne suis pas sûr d'avoir compris votre question.").waitFor();
  assert.ok(await page.locator('.kiosk-suggestions button').count() > 0, 'suggestions are offered');
  await screenshot(page, 'kiosk-not-sure-fr');
  await page.locator('.kiosk-suggestions button').first().click();
  await page.locator('.kiosk-answer').waitFor();
  // Judged once the campaign's questions are read: written after the answer is on screen.
  const unanswered = await eventsOfKind(page, 'KioskQuestionUnanswered', 1);
  assert.deepEqual(unanswered.map((e) => [e.actor.role, e.body.text, e.body.language]), [['kiosk', 'xqzw blorf tralala', 'fr']],
    'only the question without an answer is recorded, anonymously');

  // Ideas for the common room.
  await page.locator('.kiosk-back').click();
  await page.getByRole('button', { name: 'Donner une idée' }).click();
  await page.getByRole('heading', { name: 'Idées pour la salle commune' }).waitFor();
  await page.getByLabel('Proposer une idée').fill('Un');
  await page.getByRole('button', { name: 'Proposer une idée' }).click();
  await page.getByText('Votre idée est trop courte.').waitFor();
  await page.getByLabel('Proposer une idée').fill('Une  ludothèque pour les enfants');
  await page.getByRole('button', { name: 'Proposer une idée' }).click();
  await page.getByText('Merci\u00a0! Votre idée est ajoutée.').waitFor();
  const idea = page.locator('.kiosk-idea', { hasText: 'Une ludothèque pour les enfants' });
  await idea.getByText('Votes\u00a0: 0').waitFor();
  await page.getByLabel('Proposer une idée').fill('une ludothèque pour les enfants');
  await page.getByRole('button', { name: 'Proposer une idée' }).click();
  await page.getByText('Cette idée est déjà proposée\u00a0: vous pouvez voter pour elle.').waitFor();
  await idea.getByRole('button', { name: 'Je vote pour' }).click();
  await idea.getByText('Votes\u00a0: 1').waitFor();
  assert.equal(await page.getByLabel('Proposer une idée').inputValue(), '', 'voting for it clears the twin typed');
  await idea.getByRole('button', { name: 'Vous avez voté' }).click();
  await page.getByText('Vous avez déjà voté pour cette idée.').waitFor();
  assert.equal(await idea.getByText('Votes\u00a0: 1').count(), 1, 'a second vote in the same turn is refused');
  await screenshot(page, 'kiosk-ideas-fr');
  const votes = (await storedEvents(page)).filter((e) => e.body.type === 'IdeaVoted');
  assert.equal(votes.length, 1);

  // The back button never leads to the previous resident's screens.
  await page.goBack();
  await page.waitForTimeout(300);
  assert.ok(!new URL(page.url()).pathname.startsWith('/terrain'));

  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)), []);
  await context.close();
});

test('Arabic screens of a turn, for the eyes', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await link(page);
  await openKiosk(page);
  // The sign-up waits sealed on the tablet.
  await readyOffline(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: /^العربية/ }).click();
  await page.locator('.kiosk-menu-item').nth(0).click();
  await next(page).or(page.locator('button[type=submit]')).first().click();
  await page.getByRole('alert').locator('p').first().waitFor();
  await screenshot(page, 'kiosk-signup-error-ar');
  await page.locator('#kiosk-first-name').fill('عائشة');
  await page.locator('button[type=submit]').click();
  await page.locator('button[type=submit]').click();
  await page.locator('#kiosk-phone').fill('0612345678');
  await page.locator('button[type=submit]').click();
  await page.locator('button[type=submit]').click();
  await screenshot(page, 'kiosk-consent-ar');
  await page.locator('.kiosk-back').click();
  await page.locator('.kiosk-menu-item').nth(2).click();
  await page.locator('#kiosk-question').fill('كم تكلفة التطبيق');
  await page.locator('.kiosk-ask-form button[type=submit]').click();
  await page.locator('.kiosk-answer, .kiosk-not-sure').first().waitFor();
  await screenshot(page, 'kiosk-answer-ar');
  await context.close();
});

// Just after a start the device's log is still being read (seconds on a large one): until then the
// kiosk does not know its résidence, and an idea would be filed under none, then vanish from the
// list. The code that reads the log (split_read_log) is held back to see that moment.
// A question without an answer asked then cannot be judged against the campaign's own questions
// yet: it waits for them even once the resident has left the question screen.
test('before its log is read, the kiosk takes no idea, vote or face, then files them under its résidence', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET, serviceWorkers: 'block' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/split_read_log_[^/]*\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await openKiosk(page);
  await page.getByRole('button', { name: /^Français/ }).click();
  await page.getByRole('button', { name: 'Poser une question' }).click();
  await page.getByLabel('Posez votre question').fill('xqzw blorf tralala');
  await page.getByRole('button', { name: 'Chercher la réponse' }).click();
  await page.getByTestId('kiosk-not-sure').waitFor();
  await page.locator('.kiosk-back').click();
  await page.getByRole('button', { name: 'Donner une idée' }).click();
  await page.getByLabel('Proposer une idée').fill('Un coin lecture pour les enfants');
  const propose = page.getByRole('button', { name: 'Proposer une idée' });
  assert.equal(await propose.isDisabled(), true, 'no idea before the résidence is known');
  release();
  await propose.click();
  await page.locator('.kiosk-idea', { hasText: 'Un coin lecture pour les enfants' }).getByText('Votes\u00a0: 0').waitFor();
  const [idea] = await eventsOfKind(page, 'IdeaProposed', 1);
  assert.ok(idea.body.residence && idea.body.residence !== 'residence', `filed under the demo résidence: ${idea.body.residence}`);
  await eventsOfKind(page, 'KioskQuestionUnanswered', 1);
  // Once, not also by the question screen when it comes back.
  await page.locator('.kiosk-back').click();
  await page.getByRole('button', { name: 'Poser une question' }).click();
  await page.getByLabel('Posez votre question').waitFor();
  await page.waitForTimeout(1000);
  const unanswered = await eventsOfKind(page, 'KioskQuestionUnanswered', 1);
  assert.deepEqual(unanswered.map((e) => e.body.text), ['xqzw blorf tralala'], 'the question left before the log was read is recorded once');
  await context.close();
});

// The idle wipe on a kiosk not linked to a campaign, under Playwright's fake clock; the same on a
// linked kiosk is in kiosk_results.test.mjs (the fake clock's timer ids pass 2^31, which once left
// a request's time limit uncleared: app/src/sync/http.rs keeps them whole).
test('left alone, the kiosk warns, counts down, then wipes everything of the turn', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.clock.install();
  await openKiosk(page);
  await page.getByRole('button', { name: /^Français/ }).click();
  await page.getByRole('button', { name: 'Donner une idée' }).click();
  await page.getByLabel('Proposer une idée').fill('Une ludothèque pour les enfants');
  await page.getByRole('button', { name: 'Proposer une idée' }).click();
  const idea = page.locator('.kiosk-idea', { hasText: 'Une ludothèque pour les enfants' });
  // The list is drawn again once the idea is saved: vote on the saved one (as the test above).
  await idea.getByText('Votes\u00a0: 0').waitFor();
  await idea.getByRole('button', { name: 'Je vote pour' }).click();
  await idea.getByText('Votes\u00a0: 1').waitFor();
  // Leave the tablet alone: the warning, its countdown, then the wipe.
  await page.locator('.kiosk-back').click();
  await page.getByRole('button', { name: 'Poser une question' }).click();
  await page.getByLabel('Posez votre question').fill('où est le gardien');
  await page.clock.runFor(61_000);
  const warning = page.getByRole('alertdialog', { name: 'Vous êtes toujours là ?' });
  await warning.waitFor();
  await warning.getByText(/Tout sera effacé dans \d+ secondes?\./).waitFor();
  await screenshot(page, 'kiosk-warning-fr');
  // "Continuer" keeps the turn.
  await warning.getByRole('button', { name: 'Continuer' }).click();
  await warning.waitFor({ state: 'hidden' });
  assert.equal(await page.getByLabel('Posez votre question').inputValue(), 'où est le gardien');
  await page.clock.runFor(61_000);
  await warning.waitFor();
  await page.clock.runFor(31_000);
  await page.getByRole('button', { name: /^العربية/ }).waitFor();
  assert.equal(await warning.count(), 0);
  assert.equal(await page.locator('input').count(), 0, 'no field of the previous resident is left');
  assert.equal(await page.getByText('où est le gardien').count(), 0);
  assert.equal(new URL(page.url()).pathname, '/borne');
  // The next resident starts afresh: empty question, votes open again.
  await page.getByRole('button', { name: /^Français/ }).click();
  await page.getByRole('button', { name: 'Poser une question' }).click();
  assert.equal(await page.getByLabel('Posez votre question').inputValue(), '');
  await page.locator('.kiosk-back').click();
  await page.getByRole('button', { name: 'Donner une idée' }).click();
  await page.locator('.kiosk-idea', { hasText: 'Une ludothèque pour les enfants' }).getByRole('button', { name: 'Je vote pour' }).waitFor();
  // The back button never leads to the previous resident's screens.
  await page.goBack();
  await page.waitForTimeout(300);
  assert.ok(!new URL(page.url()).pathname.startsWith('/terrain'));
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)), []);
  await context.close();
});
