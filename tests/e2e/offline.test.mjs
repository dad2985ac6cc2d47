// Without a network: once loaded, the app opens, moves between modes and records, with the
// env.server stopped; what was recorded offline is still there after another reload.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, controlledByServiceWorker, newPage, readyOffline, screenshot, serverAndBrowser } from './harness.mjs';

const env = serverAndBrowser();

async function recordNote(page, text) {
  await page.getByLabel('Votre note').fill(text);
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await page.getByText('Note enregistrée sur l\'appareil.').waitFor();
}

test('the shell, every mode and the field journal work with the env.server stopped', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.server.url);
  await appReady(page);
  await controlledByServiceWorker(page);
  // The volunteer waits for "Prêt hors ligne" before leaving the network: every mode's code is
  // then kept, although none of them was opened online.
  await readyOffline(page);
  assert.equal(await page.getByTestId('offline-ready').textContent(), 'Prêt hors ligne');

  await env.server.stop();
  assert.equal((await fetch(`${env.server.url}/api/v1/health`).catch(() => null)), null, 'the env.server is really down');

  await page.reload();
  await appReady(page);
  for (const [name, path, heading] of [
    ['Borne (kiosque)', '/borne', /^Bienvenue/],
    ['Partenaires', '/partenaires'],
    ['Coordination', '/coordination'],
    ['Porte-à-porte (terrain)', '/terrain'],
  ]) {
    // The kiosk hides the header: come back to the home screen by address, still offline.
    if (await page.getByRole('link', { name: /Palier/ }).count() === 0) await page.goto(env.server.url);
    await page.getByRole('link', { name: /Palier/ }).click();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name: heading ?? name }).waitFor();
    assert.ok(page.url().endsWith(path));
  }

  // A cold navigation to a deep route while offline: the cached index.html answers.
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await recordNote(page, 'Cage C : ascenseur en panne depuis lundi');
  assert.equal(await page.getByTestId('outbox').textContent(), '1 en attente d\'envoi');

  await page.reload();
  await appReady(page);
  await page.getByText('Cage C : ascenseur en panne depuis lundi').waitFor();
  assert.equal(await page.getByTestId('outbox').textContent(), '1 en attente d\'envoi');
  await screenshot(page, 'field-fr-offline');
  await context.close();
  await env.server.start();
});

test('an empty note is refused with a message, and nothing is recorded', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.server.url}/terrain`);
  await appReady(page);
  await page.getByLabel('Votre note').fill('   ');
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await page.getByText('La note est vide\u00a0: écrivez quelques mots avant d\'enregistrer.').waitFor();
  assert.equal(await page.getByLabel('Votre note').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('outbox').textContent(), 'Rien en attente d\'envoi.');
  await screenshot(page, 'field-fr-error');
  await context.close();
});

test('the service worker never answers API requests from its cache', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.server.url);
  await appReady(page);
  await controlledByServiceWorker(page);
  await readyOffline(page);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls = [];
    for (const name of names) {
      const cache = await caches.open(name);
      urls.push(...(await cache.keys()).map((r) => new URL(r.url).pathname));
    }
    return { names, urls };
  });
  assert.equal(cached.names.length, 1, 'one cache, named after the build');
  assert.match(cached.names[0], /^palier-[0-9a-f]{16}$/);
  assert.ok(cached.urls.includes('/index.html'));
  assert.ok(cached.urls.some((u) => /_bg\.wasm$/.test(u)));
  assert.ok(!cached.urls.some((u) => u.startsWith('/api/')));

  await env.server.stop();
  const status = await page.evaluate(async () => {
    try {
      return (await fetch('/api/v1/health')).status;
    } catch {
      return 'network error';
    }
  });
  assert.equal(status, 'network error', 'with the env.server down, the API is unreachable, not served stale');
  await env.server.start();
  await context.close();
});
