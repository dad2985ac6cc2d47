//! Where the keyboard focus goes when a screen changes without a page load: to the new screen,
//! so that someone using a keyboard or a screen reader goes on from there instead of from the
//! top of the page (a replaced element takes the focus down with it, to `<body>`).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector` once the screen is drawn; the element must be
/// focusable (a control, or `tabindex="-1"` for a heading). Nothing happens if there is none.
pub fn focus_soon(selector: impl Into<String>) {
    let selector = selector.into();
    request_animation_frame(move || {
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// Like `focus_soon`, with the first selector that matches anything winning (not the first
/// element in the page): the screen's own target, else its heading.
pub fn focus_first_soon(selectors: &'static [&'static str]) {
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(element) = selectors
            .iter()
            .find_map(|s| document.query_selector(s).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// `value` as a quoted CSS string, for an attribute selector (`[data-door="…"]`).
pub fn css_string(value: &str) -> String {
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// The element that has the focus now, to give it back later (after a dialog, say).
pub fn focused_now() -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// After each move to another address (not the first load, where the skip link comes first),
/// the focus goes to `<main>`: the next Tab reaches the new screen's first control.
#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            focus_soon("main");
        }
        path
    });
}
