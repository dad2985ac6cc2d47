// The kiosk's results reach the coordinators, end to end: a kiosk linked to the demo campaign
// (offline while residents use it) takes a callback request after a question it could not answer
// (sealed: IndexedDB holds no name or phone), a wellbeing face, and an idea with a vote; back
// online it syncs. The coordinator signs in, sees the request "à rappeler" with the name, phone,
// language and the question asked, marks it handled (it moves to "traitées" with who and when),
// imports the log and finds the kiosk's faces and the idea's vote in the indicators, each as a
// drawing with its table. Screens captured in French and Arabic on a 1024×768 tablet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { appReady, createAdmin, enrollmentCode, newPage, readyOffline, screenshot, serverAndBrowser, storedPlainText } from './harness.mjs';
import { violations } from './axe.mjs';

process.env.PALIER_DEMO = 'true';
const env = serverAndBrowser();
const TABLET = { width: 1024, height: 768 };
const ADMIN = { email: 'claire.roux@bailleur.fr', name: 'Claire Roux', password: 'hall-B-rez-de-chaussee' };
const QUESTION = 'Je veux adopter un chat';
const IDEA = 'Une ludothèque pour les enfants';

/** The server's stored envelopes of one kind, read from its SQLite file. */
function serverEvents(kind) {
  const file = path.join(env.server.dataDir, 'palier.sqlite');
  return new Promise((resolve, reject) => {
    execFile('sqlite3', ['-readonly', file, `SELECT envelope FROM events WHERE kind = '${kind}'`], (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))));
  });
}

async function waitForServer(kind, count) {
  for (let i = 0; i < 120; i += 1) {
    if ((await serverEvents(kind)).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`the server never got ${count} ${kind}`);
}

/** One part of the screen, captured apart (to be looked at closely) when PALIER_SHOTS is set. */
async function part(locator, name) {
  if (process.env.PALIER_SHOTS) await locator.screenshot({ path: path.join(process.env.PALIER_SHOTS, `${name}.png`) });
}

/** No WCAG 2.2 A/AA violation on the page as it is. */
async function accessible(page, screen) {
  const found = await violations(page);
  assert.deepEqual(found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], screen);
}

const back = (page) => page.locator('.kiosk-back');
const menuItem = (page, name) => page.locator('.kiosk-menu-item', { hasText: name });

test('what residents leave at a linked kiosk reaches the coordinator: callbacks, faces, ideas', async () => {
  await createAdmin(env.server, ADMIN);

  // The kiosk: linked with a code, then used offline by a resident.
  const kiosk = await newPage(env.browser, { viewport: TABLET });
  const { url } = await enrollmentCode(env.server);
  await kiosk.page.goto(url);
  await appReady(kiosk.page);
  await kiosk.page.getByLabel("Nom de l'appareil").fill('Borne hall A');
  await kiosk.page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await kiosk.page.getByText(/^Appareil relié à la campagne/).waitFor();
  const k = kiosk.page;
  await k.goto(`${env.server.url}/borne`);
  await k.getByRole('button', { name: /^Français/ }).waitFor({ timeout: 15_000 });
  await readyOffline(k);
  await kiosk.context.setOffline(true);
  await k.getByRole('button', { name: /^Français/ }).click();

  // A question the kiosk cannot answer; the resident asks to be called back about it.
  await menuItem(k, 'Poser une question').click();
  await k.getByLabel('Posez votre question').fill(QUESTION);
  await k.getByRole('button', { name: 'Chercher la réponse' }).click();
  await k.getByTestId('kiosk-not-sure').waitFor();
  await k.getByRole('button', { name: "Être rappelé(e) par l'équipe" }).click();
  await k.getByRole('button', { name: 'Envoyer la demande' }).click();
  await k.getByText('Écrivez votre prénom.').waitFor();
  await k.getByText('Donnez un téléphone ou un e-mail (au moins un des deux).').waitFor();
  await k.getByLabel('Votre prénom').fill('Awa');
  await k.getByLabel('Votre téléphone').fill('06 12 34 56 78');
  await k.getByLabel('Joindre ma question à la demande').check();
  await screenshot(k, 'kiosk-callback-form-fr');
  await part(k.locator('.kiosk-callback'), 'part-kiosk-callback-form-fr');
  await accessible(k, 'kiosk callback form');
  await k.getByRole('button', { name: 'Envoyer la demande' }).click();
  await k.getByText("Merci\u00a0! L'équipe vous rappellera.").waitFor();
  const stored = await storedPlainText(k);
  // (The question itself is also recorded apart, anonymously, as a question without an answer.)
  for (const personal of ['Awa', '612345678']) {
    assert.ok(!stored.includes(personal), `IndexedDB holds "${personal}"`);
  }
  assert.ok(stored.includes('KioskCallbackRequested'), 'the sealed request waits to be sent');

  // A face, then an idea and a vote for it.
  await back(k).click();
  await menuItem(k, 'Comment ça va\u00a0?').click();
  await k.locator('.kiosk-faces .face-4').click();
  await k.getByText('Merci pour votre réponse\u00a0!').waitFor();
  await back(k).click();
  await menuItem(k, 'Donner une idée').click();
  await k.locator('#kiosk-idea').fill(IDEA);
  await k.locator('.kiosk-idea-form button[type="submit"]').click();
  await k.getByText('Merci\u00a0! Votre idée est ajoutée.').waitFor();
  await k.locator('.kiosk-idea', { hasText: IDEA }).getByRole('button', { name: 'Je vote pour' }).click();
  await k.locator('.kiosk-idea', { hasText: IDEA }).getByText('Votes\u00a0: 1').waitFor();

  // Back online, the kiosk syncs; the server opens the request.
  await kiosk.context.setOffline(false);
  await waitForServer('KioskCallbackOpened', 1);
  await waitForServer('KioskWellbeingGiven', 1);
  await waitForServer('IdeaVoted', 1);
  const [opened] = await serverEvents('KioskCallbackOpened');
  assert.equal(opened.body.first_name, 'Awa');
  assert.equal(opened.body.phone, '+33612345678');
  assert.equal(opened.body.question, QUESTION);
  assert.deepEqual(await serverEvents('KioskCallbackRequested'), [], 'nothing sealed is kept');
  assert.deepEqual(kiosk.page.problems.filter((p) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|net::/.test(p)), []);

  // The coordinator signs in: the request is "à rappeler".
  const coordinator = await newPage(env.browser, { viewport: TABLET });
  const page = coordinator.page;
  await page.goto(`${env.server.url}/coordination`);
  await appReady(page);
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText(`Connecté·e\u00a0: ${ADMIN.name}`).waitFor();
  const section = page.getByRole('region', { name: 'Demandes de rappel (borne du hall)' });
  const toCall = section.getByRole('region', { name: /^À rappeler/ });
  const card = toCall.locator('.callback-card', { hasText: 'Awa' });
  await card.waitFor({ timeout: 15_000 });
  assert.equal(await card.getByRole('link', { name: '+33612345678' }).getAttribute('href'), 'tel:+33612345678');
  await card.getByText(QUESTION).waitFor();
  await card.getByText('Français').waitFor();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'coordinator-callbacks-fr');
  await part(section, 'part-coordinator-callbacks-fr');
  await accessible(page, 'coordinator callbacks');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await page.getByRole('heading', { name: 'طلبات معاودة الاتصال (شاشة البهو)' }).waitFor();
  await screenshot(page, 'coordinator-callbacks-ar');
  await part(page.locator('.kiosk-callbacks'), 'part-coordinator-callbacks-ar');
  await accessible(page, 'coordinator callbacks, Arabic');
  await page.getByRole('button', { name: 'Français' }).click();
  await page.locator('html[dir="ltr"]').waitFor();

  // Marked handled: it moves to "traitées", with who handled it.
  await card.getByRole('button', { name: /^Marquer comme traitée/ }).click();
  await section.getByText('Demande marquée comme traitée.').waitFor();
  const handled = section.getByRole('region', { name: /^Traitées/ }).locator('.callback-card', { hasText: 'Awa' });
  await handled.getByText(/^Traitée par Claire Roux le /).waitFor();
  assert.equal(await toCall.locator('.callback-card').count(), 0);
  await section.getByText('Personne à rappeler pour l\'instant.').waitFor();
  assert.equal((await serverEvents('KioskCallbackHandled')).length, 1);
  await screenshot(page, 'coordinator-callbacks-handled-fr');
  await part(section, 'part-coordinator-callbacks-handled-fr');

  // The indicators: the kiosk's face and the idea's vote, each drawn and in a table.
  await page.getByRole('button', { name: 'Importer le journal de la campagne' }).click();
  const faces = page.locator('[data-chart="kiosk_wellbeing"]');
  await faces.waitFor({ timeout: 30_000 });
  await faces.getByRole('img', { name: 'Bien-être donné à la borne du hall (anonyme)' }).waitFor();
  assert.equal(await faces.getByRole('row', { name: /^Bien\b/ }).getByRole('cell').textContent(), '1');
  assert.equal(await faces.getByRole('row', { name: /^Très bien/ }).getByRole('cell').textContent(), '0');
  const ideas = page.locator('[data-chart="idea_votes"]');
  await ideas.getByRole('img', { name: 'Idées pour la salle commune : votes par idée' }).waitFor();
  const row = ideas.getByRole('row', { name: new RegExp(IDEA) });
  const cells = await row.getByRole('cell').allTextContents();
  assert.equal(cells[1], '1', `${cells}`);
  await ideas.scrollIntoViewIfNeeded();
  await screenshot(page, 'indicators-kiosk-fr');
  await part(faces, 'part-indicators-kiosk-wellbeing-fr');
  await part(ideas, 'part-indicators-ideas-fr');
  await accessible(page, 'indicators with the kiosk results');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await page.getByRole('img', { name: 'أفكار للقاعة المشتركة: الأصوات لكل فكرة' }).waitFor();
  await screenshot(page, 'indicators-kiosk-ar');
  await part(faces, 'part-indicators-kiosk-wellbeing-ar');
  await part(ideas, 'part-indicators-ideas-ar');
  assert.deepEqual(page.problems, []);
  await kiosk.context.close();
  await coordinator.context.close();
});

// The idle wipe on a kiosk linked to a campaign, under Playwright's fake clock: a linked kiosk
// syncs, and each request's time limit is a timer. The fake clock numbers its timers from 10^12,
// past web-sys's i32 ids: a time limit cleared by a cut-down id stayed scheduled and, once the
// clock ran past it, called its freed closure ("closure invoked recursively or after being
// dropped"). The wipe must come, and nothing of the kind be reported.
test('left alone, a linked kiosk warns, counts down and wipes the turn, under a fake clock', async () => {
  const { context, page } = await newPage(env.browser, { viewport: TABLET });
  await page.clock.install();
  const { url } = await enrollmentCode(env.server);
  await page.goto(url);
  await appReady(page);
  await page.getByLabel("Nom de l'appareil").fill('Borne hall B');
  await page.getByRole('button', { name: 'Relier cet appareil' }).click();
  await page.getByText(/^Appareil relié à la campagne/).waitFor();
  await page.goto(`${env.server.url}/borne`);
  await page.getByRole('button', { name: /^Français/ }).click();
  await menuItem(page, 'Poser une question').click();
  await page.getByLabel('Posez votre question').fill('où est le gardien');
  await page.clock.runFor(61_000);
  const warning = page.getByRole('alertdialog', { name: 'Vous êtes toujours là ?' });
  await warning.waitFor();
  await page.clock.runFor(31_000);
  await page.getByRole('button', { name: /^العربية/ }).waitFor();
  assert.equal(await warning.count(), 0);
  assert.equal(await page.locator('input').count(), 0, 'no field of the previous resident is left');
  assert.equal(await page.getByText('où est le gardien').count(), 0);
  // More time passes with the kiosk idle and syncing: still nothing reported.
  await page.clock.runFor(120_000);
  await page.getByRole('button', { name: /^Français/ }).click();
  await menuItem(page, 'Poser une question').click();
  assert.equal(await page.getByLabel('Posez votre question').inputValue(), '');
  // The callback form in Arabic, mirrored.
  await back(page).click();
  await back(page).click();
  await page.getByRole('button', { name: /^العربية/ }).click();
  await page.locator('.kiosk-menu-item').nth(2).click();
  await page.locator('#kiosk-question').fill('أريد أن أتبنى قطة');
  await page.locator('.kiosk-ask-form button[type=submit]').click();
  await page.getByTestId('kiosk-not-sure').waitFor();
  await page.getByRole('button', { name: 'أطلب أن يتصل بي الفريق' }).click();
  await page.locator('.kiosk-callback-form').waitFor();
  assert.equal(await page.locator('.kiosk').getAttribute('dir'), 'rtl');
  await screenshot(page, 'kiosk-callback-form-ar');
  await part(page.locator('.kiosk-callback'), 'part-kiosk-callback-form-ar');
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED|Failed to fetch/.test(p)), []);
  await context.close();
});
