// The browser policy a lost tablet or a public kiosk relies on: the Content-Security-Policy really
// blocks an injected inline script, every document of a full app load carries the security headers
// (the files it loads into itself only `nosniff` and the referrer rule), every response the caching
// rule of its kind, and nothing is ever asked of another origin.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, controlledByServiceWorker, newPage, serverAndBrowser } from './harness.mjs';

const env = serverAndBrowser();

const EVERY_RESPONSE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
const DOCUMENT_HEADERS = {
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};
/** What a page only loads into itself, under its own policy (server/src/http/headers.rs). */
const SUBRESOURCE = /^(application\/wasm|text\/javascript|application\/javascript|text\/css|application\/manifest\+json|image\/(png|jpeg|webp|avif|gif)|font\/)/;

/** The caching rule server/src/http/headers.rs promises for a path of the server. */
function expectedCacheControl(pathname) {
  if (pathname.startsWith('/api/')) return 'no-store';
  const file = pathname.split('/').pop();
  const stem = file.split('.')[0].replace(/_bg$/, '');
  if (/-[0-9a-f]{8,16}$/.test(stem)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

describe('browser policy', () => {
  test('an inline script injected into the page is blocked by the Content-Security-Policy', async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(`${env.server.url}/appareil`);
    await appReady(page);
    const outcome = await page.evaluate(async () => {
      const violation = new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
        }), { once: true });
      });
      const script = document.createElement('script');
      script.textContent = 'window.__palierInjected = true;';
      document.body.append(script);
      // An inline event handler is inline script too.
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__palierHandler = true;');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      const seen = await violation;
      // Give the handler its chance to run if it were allowed (it is not).
      await new Promise((r) => img.complete ? r() : img.addEventListener('error', r, { once: true }));
      await new Promise((r) => setTimeout(r, 0));
      return { seen, injected: window.__palierInjected ?? false, handler: window.__palierHandler ?? false };
    });
    assert.equal(outcome.seen.directive, 'script-src-elem');
    assert.equal(outcome.seen.blocked, 'inline');
    assert.equal(outcome.injected, false, 'the inline script did not run');
    assert.equal(outcome.handler, false, 'the inline event handler did not run');
    // Code from strings is refused too ('wasm-unsafe-eval' allows compiling WebAssembly, nothing
    // else). A string timer is compiled later, outside DevTools' own evaluation (which may eval).
    const timerRan = await page.evaluate(async () => {
      const violation = new Promise((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }));
      setTimeout('window.__palierTimer = true;', 0);
      // Timers of equal delay run in order: this one comes after the string timer's turn.
      await new Promise((r) => setTimeout(r, 0));
      return { directive: await violation, ran: window.__palierTimer ?? false };
    });
    assert.deepEqual(timerRan, { directive: 'script-src', ran: false }, 'a string timer is refused');
    await context.close();
  });

  test('every response of a full app load carries the security headers and the right caching', async () => {
    const { context, page } = await newPage(env.browser);
    const responses = [];
    const requests = [];
    context.on('request', (req) => requests.push(req.url()));
    context.on('response', (res) => responses.push(res));
    const origin = new URL(env.server.url).origin;

    // A full load: the home page, a mode, the device page (sync status, storage), the service
    // worker registered and controlling, then a reload through it.
    await page.goto(env.server.url);
    await appReady(page);
    await controlledByServiceWorker(page);
    await page.goto(`${env.server.url}/terrain`);
    await appReady(page);
    await page.goto(`${env.server.url}/appareil`);
    await appReady(page);

    const fromNetwork = [];
    const subresources = [];
    for (const res of responses) {
      const url = new URL(res.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
      if (res.fromServiceWorker()) continue; // answered from the precache: headers checked when fetched
      fromNetwork.push(url.pathname);
      const headers = await res.allHeaders();
      for (const [name, value] of Object.entries(EVERY_RESPONSE)) {
        assert.equal(headers[name], value, `${name} on ${url.pathname}`);
      }
      if (url.pathname !== '/sw.js' && SUBRESOURCE.test(headers['content-type'] ?? '')) {
        // Runs under the page's policy: not sent again with every file.
        assert.equal(headers['content-security-policy'], undefined, `no second CSP on ${url.pathname}`);
        subresources.push(url.pathname);
      } else {
        const csp = headers['content-security-policy'] ?? '';
        assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, `CSP on ${url.pathname}`);
        assert.match(csp, /default-src 'self'/, `CSP on ${url.pathname}`);
        for (const [name, value] of Object.entries(DOCUMENT_HEADERS)) {
          assert.equal(headers[name], value, `${name} on ${url.pathname}`);
        }
        assert.ok(headers['permissions-policy']?.includes('camera=()'), `permissions-policy on ${url.pathname}`);
      }
      assert.equal(headers['cache-control'], expectedCacheControl(url.pathname), `cache-control on ${url.pathname}`);
    }
    // The load did fetch the page, the hashed build and the worker, each with its own rule.
    assert.ok(fromNetwork.includes('/'), `the page itself was checked: ${fromNetwork}`);
    assert.ok(subresources.some((p) => p.endsWith('.wasm')), `the wasm came without a policy of its own: ${subresources}`);
    const hashed = fromNetwork.filter((p) => expectedCacheControl(p).includes('immutable'));
    assert.ok(hashed.some((p) => p.endsWith('.wasm')), `the hashed wasm was checked: ${fromNetwork}`);
    assert.ok(hashed.some((p) => p.endsWith('.js')), `a hashed script was checked: ${fromNetwork}`);

    // The worker script itself is fetched by the browser outside the page's events: ask for it.
    const sw = await fetch(`${env.server.url}/sw.js`);
    assert.equal(sw.status, 200);
    assert.equal(sw.headers.get('cache-control'), 'no-cache');
    assert.match(sw.headers.get('content-security-policy'), /default-src 'self'/);
    const index = await fetch(`${env.server.url}/index.html`);
    assert.equal(index.headers.get('cache-control'), 'no-cache');

    // Nothing was ever asked of another origin.
    const foreign = requests.filter((u) => {
      const url = new URL(u);
      return url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin;
    });
    assert.deepEqual(foreign, [], 'no request to any other origin');
    assert.ok(requests.length > 5, `the load made requests: ${requests.length}`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
