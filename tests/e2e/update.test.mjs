// A new version of the app reaches a device: it waits, the page offers "Recharger", never
// reloads by itself while the volunteer is typing, and nothing recorded is lost.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, DIST_NEXT, appReady, controlledByServiceWorker, newPage, readyOffline, screenshot, serverAndBrowser } from './harness.mjs';

const env = serverAndBrowser({ dist: DIST });

before(() => {
  assert.ok(DIST_NEXT, 'PALIER_DIST_NEXT is set by `cargo xtask test`');
});

const buildMarker = (page) =>
  page.evaluate(() => document.querySelector('meta[name="palier-build"]')?.content ?? 'first');

test('a new build shows the update prompt and keeps what was recorded and what is being typed', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await controlledByServiceWorker(page);
  await readyOffline(page);
  await page.getByLabel('Votre note').fill('Noté avant la mise à jour');
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await page.getByText('Note enregistrée sur l\'appareil.').waitFor();
  assert.equal(await buildMarker(page), 'first');

  // Deploy: the same env.server, same data, new files.
  await env.server.stop();
  await env.server.start(DIST_NEXT);
  await page.reload();
  await appReady(page);
  assert.equal(await buildMarker(page), 'first', 'the waiting version does not take over by itself');
  await page.getByText('Nouvelle version disponible').waitFor({ timeout: 20_000 });
  await screenshot(page, 'update-banner-fr');

  // The volunteer is typing: the page must not reload under their fingers.
  await page.getByLabel('Votre note').fill('Brouillon en cours');
  await page.waitForTimeout(1500);
  assert.equal(await page.getByLabel('Votre note').inputValue(), 'Brouillon en cours');
  assert.equal(await buildMarker(page), 'first');

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Recharger' }).click()]);
  await appReady(page);
  assert.equal(await buildMarker(page), 'next', 'the new version runs after "Recharger"');
  await page.getByText('Noté avant la mise à jour').waitFor();
  assert.equal(await page.getByTestId('outbox').textContent(), '1 en attente d\'envoi');
  assert.equal(await page.getByText('Nouvelle version disponible').count(), 0);

  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, `old caches are deleted on activate: ${caches}`);
  await context.close();
});
