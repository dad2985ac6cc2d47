// Registers Palier's service worker and reports when a new version is waiting.
// Kept in plain JS because it is all event wiring around browser objects; the page decides
// nothing here beyond "tell the app" and "reload after the user asked for it".

let reloadRequested = false;

export function registerServiceWorker(onUpdateReady) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only the tab whose user tapped "Recharger" reloads; others keep the banner up.
    if (reloadRequested) window.location.reload();
  });
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then((registration) => {
    const announce = () => {
      if (registration.waiting && navigator.serviceWorker.controller) onUpdateReady();
    };
    announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed') announce();
      });
    });
    // A tablet may stay open for days: look for a new version when it comes back to the front.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
    window.addEventListener('online', () => registration.update().catch(() => {}));
  }).catch((error) => console.warn('Palier: service worker not registered', error));
}

// Whether this device can already work offline: a worker controls the page and answers that its
// cache holds every file of the build. `onState(supported, controlled, everyFileKept)` is called
// at start, when a worker takes control (the first visit's worker claims the page once it has
// cached everything) and when the page comes back to the front.
export function watchOfflineReady(onState) {
  if (!('serviceWorker' in navigator)) {
    onState(false, false, undefined);
    return;
  }
  const ask = () => {
    const worker = navigator.serviceWorker.controller;
    if (!worker) {
      onState(true, false, undefined);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => onState(true, true, !!(event.data && event.data.ready));
    worker.postMessage({ type: 'OFFLINE_READY?' }, [channel.port2]);
  };
  ask();
  navigator.serviceWorker.addEventListener('controllerchange', ask);
  // A worker that activates without claiming (or a claim that lands before this listener): the
  // ready registration is the second chance.
  navigator.serviceWorker.ready.then(() => setTimeout(ask, 0)).catch(() => {});
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') ask();
  });
}

export function applyUpdate() {
  navigator.serviceWorker.getRegistration().then((registration) => {
    if (registration && registration.waiting) {
      reloadRequested = true;
      registration.waiting.postMessage({ type: 'SKIP_WAITING' });
    } else {
      window.location.reload();
    }
  });
}
