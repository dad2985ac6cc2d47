//! Shows whether this device's storage is protected from eviction and how full it is, with a
//! button to ask for protection again (browsers may grant it later, after more use).

use crate::browser::storage::{self, StorageState};
use crate::i18n::use_language;
use domain::i18n::Text;
use domain::sizes::human_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn StoragePanel() -> impl IntoView {
    let language = use_language();
    let state = RwSignal::new(None::<StorageState>);
    let refresh = move || spawn_local(async move { state.set(Some(storage::state().await)) });
    refresh();
    let ask = move |_| {
        spawn_local(async move {
            storage::request_persistence().await;
            state.set(Some(storage::state().await));
        })
    };
    let usage = move || {
        let locale = language.get();
        match state.get() {
            Some(StorageState {
                used_bytes: Some(used),
                quota_bytes: Some(quota),
                ..
            }) => locale.fill(
                Text::StorageUsage,
                &[
                    ("used", &human_bytes(used, locale)),
                    ("quota", &human_bytes(quota, locale)),
                ],
            ),
            Some(_) => locale.text(Text::StorageUnknown).to_owned(),
            // Until the browser answers: neither "unknown" nor "not protected" before it did.
            None => locale.text(Text::StorageReading).to_owned(),
        }
    };
    let persisted = move || state.get().is_some_and(|s| s.persisted);
    let answered = move || state.with(Option::is_some);
    view! {
        <section class="card storage" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{language.t(Text::StorageHeading)}</h2>
            <p data-testid="storage-persistence">
                {move || match (answered(), persisted()) {
                    (false, _) => "",
                    (true, true) => language.t(Text::StoragePersistent)(),
                    (true, false) => language.t(Text::StorageNotPersistent)(),
                }}
            </p>
            <p data-testid="storage-usage">{usage}</p>
            <Show when=move || answered() && !persisted()>
                <button type="button" class="secondary" on:click=ask>
                    {language.t(Text::StorageAskPersistent)}
                </button>
            </Show>
        </section>
    }
}
