//! Importing a tablet's export file: the events it could not send, stored exactly like a push.
//! An encrypted export (`domain::device_storage::protected_export`) asks its passphrase first
//! and is opened here, in the coordinator's browser: the server only ever sees the plain file.

use super::use_workspace;
use crate::coordination_api as api;
use crate::i18n::use_language;
use crate::sync::protected_export::open_protected;
use domain::coordination::CoordProblem;
use domain::device_storage::protected_export::is_protected;
use domain::device_storage::{ProtectedExportProblem, Say};
use domain::i18n::Text;
use domain::sync::OutboxFile;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, PartialEq)]
enum Outcome {
    Imported(api::ImportTotals),
    NotAFile,
    /// An encrypted file that could not be opened (wrong passphrase, damaged).
    Locked(ProtectedExportProblem),
}

#[component]
pub fn OutboxImport() -> impl IntoView {
    let language = use_language();
    let workspace = use_workspace();
    let outcome = RwSignal::new(None::<Outcome>);
    // An encrypted file waiting for its passphrase, and the passphrase typed.
    let locked = RwSignal::new(None::<String>);
    let passphrase = RwSignal::new(String::new());
    let opening = RwSignal::new(false);
    let send = move |text: String| {
        let Some(session) = workspace.session.get_untracked() else {
            return;
        };
        spawn_local(async move {
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
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(text) = locked.get_untracked() else {
            return;
        };
        if opening.get_untracked() {
            return;
        }
        opening.set(true);
        outcome.set(None);
        spawn_local(async move {
            let opened = open_protected(&text, &passphrase.get_untracked()).await;
            opening.set(false);
            match opened {
                Ok(file) => {
                    locked.set(None);
                    passphrase.set(String::new());
                    send(file.to_json());
                }
                Err(problem) => outcome.set(Some(Outcome::Locked(problem))),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        if workspace.session.get_untracked().is_none() {
            return;
        }
        outcome.set(None);
        locked.set(None);
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            if let Some(text) = text.as_ref().filter(|t| is_protected(t)) {
                return locked.set(Some(text.clone()));
            }
            // Checked here first, so a wrong file gets its own message rather than a server error.
            let Some(text) = text.filter(|t| OutboxFile::parse(t).is_ok()) else {
                return outcome.set(Some(Outcome::NotAFile));
            };
            send(text);
        });
    };

    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{language.t(Text::CoordImportHeading)}</h2>
            <p class="hint">{language.t(Text::CoordImportIntro)}</p>
            <label for="outbox-file">{language.t(Text::CoordImportChoose)}</label>
            <input id="outbox-file" type="file" accept=".json,application/json" on:change=on_file/>
            <Show when=move || locked.get().is_some()>
                <form class="import-passphrase" on:submit=open>
                    <p class="hint">{move || Say::ImportPassphrasePrompt.text(language.get())}</p>
                    <label for="import-passphrase">{move || Say::ImportPassphraseLabel.text(language.get())}</label>
                    <input id="import-passphrase" type="password" autocomplete="off"
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    <p class="choices">
                        <button type="submit" disabled=move || opening.get()>
                            {move || Say::ImportOpen.text(language.get())}
                        </button>
                    </p>
                    <p role="status">{move || opening.get().then(|| Say::ImportOpening.text(language.get()))}</p>
                </form>
            </Show>
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
                {move || match outcome.get() {
                    Some(Outcome::NotAFile) => Some(language.get().text(Text::CoordImportNotAFile).to_owned()),
                    Some(Outcome::Locked(problem)) => Some(problem.message(language.get())),
                    _ => None,
                }}
            </p>
        </section>
    }
}
