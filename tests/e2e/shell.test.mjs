// The app shell as a person meets it: the four modes, the languages, the headers it is served with.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, newPage, screenshot, TABLET_LANDSCAPE, serverAndBrowser } from './harness.mjs';

const MODES = [
  { name: 'Porte-à-porte (terrain)', path: '/terrain' },
  // The kiosk shows its own welcome and hides the app's header: there is no way back from it
  // on screen (leaving it is the coordinator's business), so the test comes back by address.
  { name: 'Borne (kiosque)', path: '/borne', heading: /^Bienvenue/, noWayBack: true },
  { name: 'Partenaires', path: '/partenaires' },
  { name: 'Coordination', path: '/coordination' },
];

const env = serverAndBrowser();

describe('home screen', () => {
  test('offers the four modes in French, each opening its own route', async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(env.server.url);
    await appReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await screenshot(page, 'home-fr');
    for (const mode of MODES) {
      await page.getByRole('link', { name: mode.name }).click();
      await page.waitForURL(`${env.server.url}${mode.path}`);
      await page.getByRole('heading', { level: 1, name: mode.heading ?? mode.name }).waitFor();
      if (mode.noWayBack) {
        assert.equal(await page.getByRole('link', { name: /Palier/ }).count(), 0);
        await page.goto(env.server.url);
      } else {
        await page.getByRole('link', { name: /Palier/ }).click();
      }
      await page.getByRole('heading', { level: 1, name: "Que faites-vous aujourd'hui ?" }).waitFor();
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('opens a mode directly from its address, and says so for an unknown one', async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(`${env.server.url}/partenaires`);
    await page.getByRole('heading', { level: 1, name: 'Partenaires' }).waitFor();
    await page.goto(`${env.server.url}/nulle-part`);
    await page.getByRole('heading', { level: 1, name: "Cette page n'existe pas." }).waitFor();
    await context.close();
  });

  test('every button and link of the shell is at least 44 px in both directions', async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(env.server.url);
    await appReady(page);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, a')]
        .filter((el) => el.getClientRects().length > 0 && !el.classList.contains('skip-link'))
        .map((el) => ({ text: el.textContent.trim().slice(0, 30), box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ text, box }) => `${text}: ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    assert.deepEqual(small, []);
    await context.close();
  });
});

describe('languages', () => {
  test('Arabic turns the page right to left, mirrors it, and is remembered', async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(env.server.url);
    await appReady(page);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'ماذا تفعل اليوم؟' }).waitFor();
    const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    assert.deepEqual(html, { lang: 'ar', dir: 'rtl' });
    // Mirrored: the brand sits at the right-hand end of the header.
    const brand = await page.getByRole('link', { name: /Palier/ }).boundingBox();
    assert.ok(brand.x > page.viewportSize().width / 2, `brand at x=${brand.x}`);
    await screenshot(page, 'home-ar');
    await page.getByRole('link', { name: /من باب إلى باب/ }).click();
    await page.getByRole('heading', { level: 1, name: 'من باب إلى باب (ميدان)' }).waitFor();
    await screenshot(page, 'field-ar');

    await page.reload();
    await appReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl', 'the choice persists');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Door to door (field)' }).waitFor();
    assert.deepEqual(
      await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir })),
      { lang: 'en', dir: 'ltr' },
    );
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Porte-à-porte (terrain)' }).waitFor();
    await context.close();
  });

  test('the language buttons are on every screen', async () => {
    const { context, page } = await newPage(env.browser, { viewport: TABLET_LANDSCAPE });
    for (const path of ['/', '/terrain', '/borne', '/partenaires', '/coordination', '/nulle-part']) {
      await page.goto(`${env.server.url}${path}`);
      // The kiosk hides the app's header and offers its own, larger, language buttons instead.
      if (path === '/borne') await page.getByRole('heading', { level: 1, name: /^Bienvenue/ }).waitFor();
      else await appReady(page);
      for (const name of ['Français', 'English', 'العربية']) {
        assert.ok(await page.getByRole('button', { name }).isVisible(), `${name} on ${path}`);
      }
    }
    await screenshot(page, 'field-fr-landscape');
    await context.close();
  });
});

describe('served with', () => {
  test('a strict security policy that the app runs under without a single violation', async () => {
    const res = await fetch(env.server.url);
    const csp = res.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    const html = await res.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in index.html');

    const { context, page } = await newPage(env.browser);
    await page.goto(env.server.url);
    await appReady(page);
    assert.deepEqual(page.problems, [], 'no CSP violation or error in the console');
    await context.close();
  });

  test('compressed app files and a health answer under /api/v1/', async () => {
    const html = await (await fetch(env.server.url)).text();
    const wasm = html.match(/\/app-[0-9a-f]{16}_bg\.wasm/)[0];
    const res = await fetch(`${env.server.url}${wasm}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.match(res.headers.get('cache-control'), /immutable/);
    const br = await fetch(`${env.server.url}${wasm}`, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('content-type'), 'application/wasm');

    const health = await fetch(`${env.server.url}/api/v1/health`);
    assert.equal(health.status, 200);
    const body = await health.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.storage, 'sqlite');
    assert.equal((await fetch(`${env.server.url}/api/v1/nothing`)).status, 404);
    assert.equal((await fetch(`${env.server.url}/missing-0123456789abcdef.js`)).status, 404);
  });

  test('an installable manifest with its icons', async () => {
    const manifest = await (await fetch(`${env.server.url}/manifest.webmanifest`)).json();
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.theme_color);
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
      assert.ok(icon, `a ${size} PNG icon`);
      const res = await fetch(`${env.server.url}${icon.src}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/png');
    }
  });
});
