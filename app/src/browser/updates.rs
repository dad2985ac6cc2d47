//! The service worker's update flow, seen from the page: a new version waits until the user
//! taps "Recharger"; the page never reloads on its own (someone may be typing).

use domain::offline_ready::OfflineReadiness;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/sw_client.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerServiceWorker)]
    fn register_service_worker(on_update_ready: &Closure<dyn FnMut()>);
    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update_js();
    #[wasm_bindgen(js_name = watchOfflineReady)]
    fn watch_offline_ready_js(on_state: &Closure<dyn FnMut(bool, bool, Option<bool>)>);
}

/// Whether every file of the build is kept by the worker that controls the page: the header's
/// "Prêt hors ligne" (domain::offline_ready). Each mode's code arrives on demand, so until then a
/// mode never opened online would not open offline.
pub fn watch_offline_ready() -> ReadSignal<OfflineReadiness> {
    let (state, set_state) = signal(OfflineReadiness::Preparing);
    let callback =
        Closure::<dyn FnMut(bool, bool, Option<bool>)>::new(move |supported, controlled, kept| {
            set_state.set(OfflineReadiness::of(supported, controlled, kept));
        });
    watch_offline_ready_js(&callback);
    // Called again whenever a worker takes control: it lives as long as the page.
    callback.forget();
    state
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
