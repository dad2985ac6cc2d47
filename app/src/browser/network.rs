//! Whether the browser believes it has a network, as a signal that follows `online`/`offline`.

use leptos::prelude::*;

pub fn online_signal() -> ReadSignal<bool> {
    let (online, set_online) = signal(browser_online());
    let on = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
    let off = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    online
}

/// The browser's flag now: false only when it knows there is no network at all.
pub fn browser_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}
