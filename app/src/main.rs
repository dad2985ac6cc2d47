//! Starts the app in the page.

fn main() {
    leptos::mount::mount_to_body(app::App);
    // "Interactive" for the benchmarks and for anyone profiling on a real tablet: the first
    // screen is in the DOM and its handlers are attached.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("palier-interactive");
    }
}
