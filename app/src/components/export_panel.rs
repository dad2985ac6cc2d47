//! "Pas de réseau depuis longtemps ?": exports what has not been sent (outbox and "À vérifier")
//! as a file for the coordinator. Shown on the device screen and the "À vérifier" list.

use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use crate::sync::export::export_unsent;
use crate::sync::use_sync;
use domain::i18n::Text;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, PartialEq)]
enum Feedback {
    None,
    Saved(String),
    Failed(String),
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let engine = use_sync();
    let feedback = RwSignal::new(Feedback::None);
    let unsent = move || data.outbox_len.get() + engine.attention_len.get();
    let export = move |_| {
        let Some(store) = use_store() else {
            return feedback.set(Feedback::Failed(
                language
                    .get_untracked()
                    .text(Text::StorageUnavailable)
                    .to_owned(),
            ));
        };
        spawn_local(async move {
            feedback.set(match export_unsent(&store).await {
                Ok((name, _count)) => Feedback::Saved(name),
                Err(detail) => Feedback::Failed(detail),
            });
        });
    };
    let message = move || {
        let locale = language.get();
        match feedback.get() {
            Feedback::None => None,
            Feedback::Saved(file) => {
                Some(("ok", locale.fill(Text::ExportDone, &[("file", &file)])))
            }
            Feedback::Failed(reason) => Some((
                "error",
                domain::device_storage::write_failed(&reason, locale),
            )),
        }
    };
    view! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{language.t(Text::ExportHeading)}</h2>
            <p class="hint">{language.t(Text::ExportHint)}</p>
            <Show
                when=move || { unsent() > 0 }
                fallback=move || view! { <p data-testid="export-nothing">{language.t(Text::ExportNothing)}</p> }
            >
                <button type="button" class="secondary" on:click=export>
                    {move || language.get().fill(Text::ExportButton, &[("count", &unsent().to_string())])}
                </button>
            </Show>
            <p role="status" class=move || message().map(|(kind, _)| kind).unwrap_or("")>
                {move || message().map(|(_, text)| text)}
            </p>
        </section>
    }
}
