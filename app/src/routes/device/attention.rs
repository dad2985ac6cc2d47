//! `/appareil/a-verifier`: the events the server refused, each readable (what it is, when it was
//! recorded, why it was refused) with "Réessayer", and the export of everything unsent.

use crate::browser::clock;
use crate::components::export_panel::ExportPanel;
use crate::field_data::use_store;
use crate::i18n::use_language;
use crate::store::EventStore;
use crate::sync::use_sync;
use domain::event::EventEnvelope;
use domain::i18n::Text;
use domain::ids::EventId;
use domain::sync::{AttentionEntry, words};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[derive(Clone, PartialEq)]
struct Item {
    entry: AttentionEntry,
    event: Option<EventEnvelope>,
}

async fn load(store: &EventStore) -> Result<Vec<Item>, String> {
    let entries = store.attention().await.map_err(|e| e.detail())?;
    let ids: Vec<EventId> = entries.iter().map(|e| e.event_id.clone()).collect();
    let events = store.events_by_id(&ids).await.map_err(|e| e.detail())?;
    Ok(entries
        .into_iter()
        .zip(events)
        .map(|(entry, event)| Item { entry, event })
        .collect())
}

#[component]
pub fn AttentionPage() -> impl IntoView {
    let language = use_language();
    let engine = use_sync();
    let items = RwSignal::new(None::<Result<Vec<Item>, String>>);
    // Reloaded whenever the list's size changes (a round set events aside, a retry took some out).
    Effect::new(move |_| {
        engine.attention_len.track();
        if let Some(store) = use_store() {
            spawn_local(async move { items.set(Some(load(&store).await)) });
        }
    });
    let retry = move |ids: Vec<EventId>| {
        let Some(store) = use_store() else { return };
        spawn_local(async move {
            if store.retry_attention(&ids).await.is_ok() {
                engine.refresh_counts(&store).await;
                engine.request(domain::sync::reachability::RoundAsked::ByHand);
            }
        });
    };
    let describe = move |item: &Item| {
        let locale = language.get();
        let kind = locale.text(words::kind(item.event.as_ref().map(|e| &e.body)));
        let recorded_ms = item
            .event
            .as_ref()
            .map_or(item.entry.queued_at_ms, |e| e.hlc.wall_ms);
        let (date, hour, minute) = clock::local_date_time(recorded_ms);
        let when = locale.fill(
            Text::AttentionRecorded,
            &[("when", &words::day_and_time(date, hour, minute, locale))],
        );
        let reason = words::reject_reason(&item.entry.code, locale);
        let server = (!item.entry.message.is_empty()).then(|| {
            locale.fill(
                Text::AttentionServerSaid,
                // Isolated (FSI … PDI): English inside an Arabic line keeps its own direction.
                &[(
                    "message",
                    &format!("\u{2068}{}\u{2069}", item.entry.message),
                )],
            )
        });
        let attempts = locale.fill(
            Text::AttentionAttempts,
            &[("count", &item.entry.attempts.to_string())],
        );
        (kind, when, reason, server, attempts)
    };

    view! {
        <nav class="crumbs"><A href="/appareil">{language.t(Text::DeviceHeading)}</A></nav>
        <h1>{language.t(Text::AttentionHeading)}</h1>
        <p class="lead">{language.t(Text::AttentionHint)}</p>
        {move || match items.get() {
            None => ().into_any(),
            Some(Err(detail)) => view! {
                <p role="alert" class="error">
                    {domain::device_storage::write_failed(&detail, language.get())}
                </p>
            }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! {
                <p class="card" data-testid="attention-none">{language.t(Text::AttentionNone)}</p>
            }.into_any(),
            Some(Ok(list)) => {
                let all: Vec<EventId> = list.iter().map(|i| i.entry.event_id.clone()).collect();
                view! {
                    <p class="choices">
                        <button type="button" on:click=move |_| retry(all.clone())>
                            {language.t(Text::AttentionRetryAll)}
                        </button>
                    </p>
                    <ul class="attention-list" data-testid="attention-list">
                        {list.into_iter().map(|item| {
                            let id = item.entry.event_id.clone();
                            let heading_id = format!("attention-{id}");
                            let (kind, when, reason, server, attempts) = describe(&item);
                            view! {
                                <li class="card attention-item" aria-labelledby=heading_id.clone()>
                                    <h2 id=heading_id.clone()>{kind}</h2>
                                    <p class="hint">{when}</p>
                                    <p class="hint" data-testid="attention-attempts">{attempts}</p>
                                    <p class="error">{reason}</p>
                                    {server.map(|s| view! { <p class="hint server-message">{s}</p> })}
                                    <button type="button" class="secondary" on:click=move |_| retry(vec![id.clone()])>
                                        {language.t(Text::AttentionRetry)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        <ExportPanel/>
    }
}
