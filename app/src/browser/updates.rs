//! The service worker's update flow, seen from the page: a new version waits until the user
//! taps "Recharger"; the page never reloads on its own (someone may be typing).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/sw_client.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerServiceWorker)]
    fn register_service_worker(on_update_ready: &Closure<dyn FnMut()>);
    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update_js();
}

/// Registers the service worker and returns a signal that turns true when a new version waits.
pub fn watch_for_updates() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    let callback = Closure::<dyn FnMut()>::new(move || set_ready.set(true));
    register_service_worker(&callback);
    // The registration lives as long as the page: the callback must too.
    callback.forget();
    ready
}

/// Activates the waiting version, then reloads once it controls the page.
pub fn apply_update() {
    apply_update_js();
}
