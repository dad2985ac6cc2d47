//! The status bar under the header, on every screen: what waits to be sent, when the device last
//! synced, what went wrong in plain words, the "Synchroniser" button, and the way to the device
//! screen and the "À vérifier" list. The words come from `domain::sync::status`.

use crate::browser::clock;
use crate::field_data::use_field_counts;
use crate::i18n::use_language;
use crate::sync::use_sync;
use domain::i18n::Text;
use domain::sync::reachability::RoundAsked;
use domain::sync::status::{Link, StatusWords, SyncSnapshot, describe};
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

/// The bar's words, kept in step with the store, the clock and the language; shared with the
/// device screen.
pub fn status_words() -> Memo<StatusWords> {
    let language = use_language();
    let engine = use_sync();
    let data = use_field_counts();
    let now = clock::ticking_now(Duration::from_secs(20));
    Memo::new(move |_| {
        let snapshot = SyncSnapshot {
            link: Link::of(engine.enrollment.get().as_ref()),
            pending: data.outbox_len.get(),
            attention: engine.attention_len.get(),
            running: engine.running.get(),
            record: engine.record.get(),
        };
        describe(&snapshot, now.get(), language.get())
    })
}

#[component]
pub fn SyncStatus() -> impl IntoView {
    let language = use_language();
    let engine = use_sync();
    let words = status_words();
    let enrolled = move || Link::of(engine.enrollment.get().as_ref()) == Link::Enrolled;
    let device_link = move || {
        words
            .get()
            .link_device
            .unwrap_or_else(|| language.get().text(Text::DeviceHeading).to_owned())
    };
    view! {
        <Show when=move || engine.loaded.get()>
            <section
                class=move || format!("sync-status {}", words.get().tone.css_class())
                aria-label=language.t(Text::DeviceSyncHeading)
                data-testid="sync-status"
            >
                <div class="sync-text">
                    <p class="sync-headline" role="status" data-testid="sync-headline">
                        {move || words.get().headline}
                    </p>
                    {move || words.get().detail.map(|d| view! { <p class="sync-detail" data-testid="sync-detail">{d}</p> })}
                    {move || words.get().problem.map(|p| view! { <p class="sync-problem" data-testid="sync-problem">{p}</p> })}
                </div>
                <div class="sync-actions">
                    {move || words.get().attention.map(|a| view! {
                        <A href="/appareil/a-verifier" attr:class="button secondary attention-link">{a}</A>
                    })}
                    <A href="/appareil" attr:class="button secondary">{device_link}</A>
                    <Show when=enrolled>
                        <button
                            type="button"
                            disabled=move || !words.get().can_sync
                            on:click=move |_| engine.request(RoundAsked::ByHand)
                        >
                            {language.t(Text::SyncNow)}
                        </button>
                    </Show>
                </div>
            </section>
        </Show>
    }
}
