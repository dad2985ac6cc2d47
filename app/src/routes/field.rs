//! The volunteer's field screen. Until walk lists arrive, it holds the field journal: notes
//! recorded as events on the device, listed back with what still waits to be sent.

use crate::i18n::use_language;
use crate::store::EventStore;
use crate::store::idb::IdbError;
use domain::event::{Actor, EventBody, EventEnvelope};
use domain::field_note::check_note;
use domain::i18n::Text;
use domain::ids::CampaignId;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the last tap on "Enregistrer" led to, shown under the form.
#[derive(Clone, PartialEq)]
enum Feedback {
    None,
    Saved,
    Refused(Text),
    StorageFailed(String),
}

#[component]
pub fn Field() -> impl IntoView {
    let language = use_language();
    let store = expect_context::<LocalResource<Result<EventStore, IdbError>>>();
    let draft = RwSignal::new(String::new());
    let feedback = RwSignal::new(Feedback::None);
    let notes = RwSignal::new(Vec::<EventEnvelope>::new());
    let pending = RwSignal::new(0u32);

    let reload = move |store: EventStore| {
        spawn_local(async move {
            if let Ok(events) = store.events().await {
                notes.set(
                    events
                        .into_iter()
                        .filter(|e| matches!(e.body, EventBody::FieldNoteRecorded { .. }))
                        .rev()
                        .collect(),
                );
            }
            if let Ok(n) = store.outbox_len().await {
                pending.set(n);
            }
        })
    };
    Effect::new(move |_| {
        if let Some(Ok(store)) = store.get() {
            reload(store);
        }
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = match check_note(&draft.get_untracked()) {
            Ok(text) => text,
            Err(problem) => return feedback.set(Feedback::Refused(problem.text())),
        };
        let Some(Ok(store)) = store.get_untracked() else {
            return feedback.set(Feedback::Refused(Text::StorageUnavailable));
        };
        spawn_local(async move {
            let body = EventBody::FieldNoteRecorded { text };
            // Volunteer accounts arrive with enrollment; until then the device records as itself.
            match store.record(Actor::Device, CampaignId::demo(), body).await {
                Ok(_) => {
                    // Clear the draft only once the write is durable: nothing typed is ever lost.
                    draft.set(String::new());
                    feedback.set(Feedback::Saved);
                    reload(store);
                }
                Err(e) => feedback.set(Feedback::StorageFailed(e.detail())),
            }
        });
    };

    let message = move || {
        let locale = language.get();
        match feedback.get() {
            Feedback::None => None,
            Feedback::Saved => Some(("ok", locale.text(Text::FieldNoteSaved).to_owned())),
            Feedback::Refused(text) => Some(("error", locale.text(text).to_owned())),
            Feedback::StorageFailed(detail) => Some((
                "error",
                locale.fill(Text::StorageWriteFailed, &[("reason", &detail)]),
            )),
        }
    };

    view! {
        <h1>{language.t(Text::ModeField)}</h1>
        <p class="lead">{language.t(Text::FieldComingSoon)}</p>
        <form class="card" on:submit=save novalidate>
            <h2>{language.t(Text::FieldNoteHeading)}</h2>
            <label for="field-note">{language.t(Text::FieldNoteLabel)}</label>
            <p class="hint" id="field-note-warning">{language.t(Text::FieldNoteSensitiveWarning)}</p>
            <textarea
                id="field-note"
                rows="4"
                aria-describedby="field-note-warning field-note-feedback"
                aria-invalid=move || matches!(feedback.get(), Feedback::Refused(_)).to_string()
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
            ></textarea>
            <p id="field-note-feedback" role="status" class=move || message().map(|(kind, _)| kind).unwrap_or("")>
                {move || message().map(|(_, text)| text)}
            </p>
            <button type="submit">{language.t(Text::FieldNoteSave)}</button>
        </form>
        <section class="card" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{language.t(Text::FieldNotesRecorded)}</h2>
            <p data-testid="outbox">
                {move || {
                    let locale = language.get();
                    match pending.get() {
                        0 => locale.text(Text::OutboxEmpty).to_owned(),
                        n => locale.fill(Text::OutboxPending, &[("count", &n.to_string())]),
                    }
                }}
            </p>
            <Show when=move || !notes.get().is_empty() fallback=move || view! { <p>{language.t(Text::FieldNotesNone)}</p> }>
                <ul class="notes">
                    <For each=move || notes.get() key=|e| e.id.clone() let:event>
                        <li>{note_text(&event)}</li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

fn note_text(event: &EventEnvelope) -> String {
    match &event.body {
        EventBody::FieldNoteRecorded { text } => text.clone(),
        _ => String::new(),
    }
}
