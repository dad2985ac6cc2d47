//! Starts the app in the page.

fn main() {
    // A device set to English or Arabic draws its first screen in that language: its texts
    // arrive on demand (app/src/i18n.rs), at once when already there.
    let locale = app::i18n::start_locale();
    if domain::i18n::on_demand::is_loaded(locale) {
        start();
    } else {
        // Leptos' executor starts with the mount: before it, the browser's own microtasks.
        wasm_bindgen_futures::spawn_local(async move {
            app::i18n::load_texts(locale).await;
            start();
        });
    }
}

fn start() {
    leptos::mount::mount_to_body(app::App);
    // "Interactive" for the benchmarks and for anyone profiling on a real tablet: the first
    // screen is in the DOM and its handlers are attached.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("palier-interactive");
    }
}
