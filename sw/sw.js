// Palier's service worker: keeps every file of one build so the app opens with no network.
//
// `cargo xtask` fills in BUILD (a hash of all the build's files) and PRECACHE (their paths) when it
// writes this file into dist/. One build, one cache named after its hash:
// - install: fetch every file of the build into the new cache; a single failure fails the
//   install, so a half-cached version is never the one that serves.
// - the new version then WAITS: the page shows "Nouvelle version disponible — Recharger" and
//   sends SKIP_WAITING only when the user taps it.
// - activate: delete the caches of older builds (IndexedDB, where the data lives, is never touched).
// - fetch: /api/ always goes to the network and is never cached; app navigations get the cached
//   index.html; other files of the build come from the cache first.
// - message OFFLINE_READY?: answers on the message's port whether every file of the build is in
//   this worker's cache; the page then shows "Prêt hors ligne" (app/js/sw_client.js). Each mode's
//   code is its own file, fetched on demand: until the worker holds them all, a mode never opened
//   online would not open offline.

const BUILD = '__PALIER_BUILD__';
const PRECACHE = __PALIER_PRECACHE__;
const CACHE = 'palier-' + BUILD;
const CACHE_PREFIX = 'palier-';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' }))))
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'OFFLINE_READY?' && event.ports[0]) {
    const port = event.ports[0];
    event.waitUntil(everyFileKept().then((ready) => port.postMessage({ type: 'OFFLINE_READY', ready, build: BUILD })));
  }
});

/** True when the cache of this build holds every file of the precache list. */
function everyFileKept() {
  return caches.open(CACHE)
    .then((cache) => Promise.all(PRECACHE.map((path) => cache.match(path, { ignoreSearch: true }))))
    .then((found) => found.every(Boolean))
    .catch(() => false);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE)
        .then((cache) => cache.match('/index.html'))
        .then((cached) => cached || fetch(request))
    );
    return;
  }

  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((cached) => cached || fetch(request))
  );
});
