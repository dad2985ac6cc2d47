//! The bar at the top of every screen: the way home, the network state and the language choice,
//! so that a resident or a volunteer can switch language wherever they are.

use crate::i18n::use_language;
use domain::i18n::{Locale, Text};
use domain::offline_ready::OfflineReadiness;
use domain::sync::reachability::reachable;
use domain::sync::status::Link;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header(online: ReadSignal<bool>) -> impl IntoView {
    let language = use_language();
    let t = move |key| language.t(key);
    // The browser's flag, corrected by what the last sync round learnt about the server.
    let sync = use_context::<crate::sync::SyncEngine>();
    let online = Signal::derive(move || {
        let browser = online.get();
        match sync {
            Some(s) => s.enrollment.with(|e| {
                s.record
                    .with(|r| reachable(browser, Link::of(e.as_ref()), r))
            }),
            None => browser,
        }
    });
    view! {
        <a class="skip-link" href="#main">{t(Text::SkipToContent)}</a>
        <header class="app-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <span>{t(Text::AppName)}</span>
                <span class="visually-hidden">" — " {t(Text::BackHome)}</span>
            </A>
            <p class="network" class:offline=move || !online.get() role="status">
                {move || if online.get() { language.t(Text::Online)() } else { language.t(Text::Offline)() }}
            </p>
            <OfflineReady/>
            {crate::routes::on_demand::device_lock()}
            <LanguageSwitcher/>
        </header>
    }
}

/// "Prêt hors ligne" once the service worker holds every file of the build, "Préparation hors
/// ligne…" until then (domain::offline_ready); `data-offline` carries the state for the tests.
#[component]
fn OfflineReady() -> impl IntoView {
    let language = use_language();
    let state = use_context::<ReadSignal<OfflineReadiness>>();
    let now = move || {
        state
            .map(|s| s.get())
            .unwrap_or(OfflineReadiness::Unsupported)
    };
    view! {
        <p class="offline-ready" role="status" data-testid="offline-ready"
            data-offline=move || now().tag()
            class:ready=move || now() == OfflineReadiness::Ready
            title=move || now().explains(language.get())
            hidden=move || now() == OfflineReadiness::Unsupported>
            {move || now().says(language.get())}
        </p>
    }
}

#[component]
fn LanguageSwitcher() -> impl IntoView {
    let language = use_language();
    view! {
        <nav class="languages" aria-label=language.t(Text::LanguageLabel)>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    view! {
                        <button
                            type="button"
                            lang=locale.tag()
                            aria-pressed=move || (language.get() == locale).to_string()
                            on:click=move |_| language.set(locale)
                        >
                            {locale.own_name()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
