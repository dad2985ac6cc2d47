//! Importing a tablet's export file: the events it could not send, stored exactly like a push.

use super::use_workspace;
use crate::coordination_api as api;
use crate::i18n::use_language;
use domain::coordination::CoordProblem;
use domain::i18n::Text;
use domain::sync::OutboxFile;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, PartialEq)]
enum Outcome {
    Imported(api::ImportTotals),
    NotAFile,
}

#[component]
pub fn OutboxImport() -> impl IntoView {
    let language = use_language();
    let workspace = use_workspace();
    let outcome = RwSignal::new(None::<Outcome>);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let Some(session) = workspace.session.get_untracked() else {
            return;
        };
        outcome.set(None);
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            // Checked here first, so a wrong file gets its own message rather than a server error.
            let Some(text) = text.filter(|t| OutboxFile::parse(t).is_ok()) else {
                return outcome.set(Some(Outcome::NotAFile));
            };
            match api::import_outbox(&session, text).await {
                Ok(totals) => {
                    outcome.set(Some(Outcome::Imported(totals)));
                    workspace.devices_changed.update(|n| *n += 1);
                }
                Err(CoordProblem::Server) => outcome.set(Some(Outcome::NotAFile)),
                Err(problem) => workspace.failed(problem),
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{language.t(Text::CoordImportHeading)}</h2>
            <p class="hint">{language.t(Text::CoordImportIntro)}</p>
            <label for="outbox-file">{language.t(Text::CoordImportChoose)}</label>
            <input id="outbox-file" type="file" accept=".json,application/json" on:change=on_file/>
            <p role="status" class="ok">
                {move || match outcome.get() {
                    Some(Outcome::Imported(t)) => Some(language.get().fill(Text::CoordImportResult, &[
                        ("new", &t.accepted.to_string()),
                        ("duplicate", &t.duplicate.to_string()),
                        ("rejected", &t.rejected.to_string()),
                    ])),
                    _ => None,
                }}
            </p>
            <p role="alert" class="error">
                {move || matches!(outcome.get(), Some(Outcome::NotAFile)).then(|| language.get().text(Text::CoordImportNotAFile))}
            </p>
        </section>
    }
}
