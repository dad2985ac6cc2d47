//! The field journal: free notes recorded as events on the device, listed back with what still
//! waits to be sent.

use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::event::EventBody;
use domain::field_note::check_note;
use domain::i18n::Text;
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
pub fn FieldJournal() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let draft = RwSignal::new(String::new());
    let feedback = RwSignal::new(Feedback::None);
    let notes = move || {
        data.events.with(|events| {
            events
                .iter()
                .rev()
                .filter_map(|e| match &e.body {
                    EventBody::FieldNoteRecorded { text } => Some((
                        e.id.to_string(),
                        // "verrouillé" while the device is locked (`domain::at_rest`).
                        domain::at_rest::shown_or_locked(text, language.get()),
                    )),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = match check_note(&draft.get_untracked()) {
            Ok(text) => text,
            Err(problem) => return feedback.set(Feedback::Refused(problem.text())),
        };
        let Some(store) = use_store() else {
            return feedback.set(Feedback::Refused(Text::StorageUnavailable));
        };
        spawn_local(async move {
            let body = EventBody::FieldNoteRecorded { text };
            // Volunteers have no accounts yet: the device records as itself, in its enrolled campaign.
            match store.record(crate::volunteer::current_actor(), body).await {
                Ok(event) => {
                    // Clear the draft only once the write is durable: nothing typed is ever lost.
                    draft.set(String::new());
                    feedback.set(Feedback::Saved);
                    data.recorded([event]);
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
                domain::device_storage::write_failed(&detail, locale),
            )),
        }
    };

    view! {
        <form class="card" on:submit=save novalidate>
            <h2>{language.t(Text::FieldNoteHeading)}</h2>
            <label for="field-note">{language.t(Text::FieldNoteLabel)}</label>
            <p class="hint" id="field-note-warning">{language.t(Text::FieldNoteSensitiveWarning)}</p>
            <textarea
                id="field-note"
                rows="3"
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
                    match data.outbox_len.get() {
                        0 => locale.text(Text::OutboxEmpty).to_owned(),
                        n => locale.fill(Text::OutboxPending, &[("count", &n.to_string())]),
                    }
                }}
            </p>
            <Show when=move || !notes().is_empty() fallback=move || view! { <p>{language.t(Text::FieldNotesNone)}</p> }>
                <ul class="notes">
                    <For each=notes key=|(id, _)| id.clone() let:note>
                        <li>{note.1}</li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
