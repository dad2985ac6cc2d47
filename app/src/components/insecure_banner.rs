//! Opened over plain http on a network address, the browser withholds the service worker and may
//! withhold storage: the app would seem to work and then lose its offline copy. Say so on every
//! screen instead of failing silently.

use crate::i18n::use_language;
use domain::i18n::Text;
use leptos::prelude::*;

#[component]
pub fn InsecureBanner() -> impl IntoView {
    let language = use_language();
    // `isSecureContext` is true on https and on loopback (127.0.0.1, localhost).
    let insecure = web_sys::window().is_some_and(|w| !w.is_secure_context());
    view! {
        <Show when=move || insecure>
            <p class="insecure-banner" role="alert" data-testid="insecure-banner">
                {language.t(Text::InsecureContext)}
            </p>
        </Show>
    }
}
