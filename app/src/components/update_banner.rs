//! "Nouvelle version disponible — Recharger": shown while a new version waits; reloading happens
//! only when the user taps, never while they are typing.

use crate::browser::updates;
use crate::i18n::use_language;
use domain::i18n::Text;
use leptos::prelude::*;

#[component]
pub fn UpdateBanner(update_ready: ReadSignal<bool>) -> impl IntoView {
    let language = use_language();
    view! {
        <Show when=move || update_ready.get()>
            <div class="update-banner" role="status">
                <span>{language.t(Text::UpdateAvailable)}</span>
                <button type="button" on:click=|_| updates::apply_update()>
                    {language.t(Text::UpdateReload)}
                </button>
            </div>
        </Show>
    }
}
