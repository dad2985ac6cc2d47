//! The device page's last two cards: the encrypted export of what has not been sent (a passphrase
//! typed twice), and "Effacer cet appareil" — refused while records wait that no saved export
//! holds (`domain::device_storage::may_wipe`), confirmed by typing a word, then a result screen.

use crate::browser::wipe::wipe_device;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use crate::store::EventStore;
use crate::sync::protected_export::{export_protected, exported_this_session};
use crate::sync::use_sync;
use domain::device_storage::protected_export::check_passphrase;
use domain::device_storage::{ProtectedExportProblem, Say, WipeDecision, may_wipe};
use domain::ids::EventId;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The decision as of now: the unsent events read again from the store (never from a count
/// that might lag), against what the export saved in this session holds.
async fn decide(store: &EventStore) -> Result<WipeDecision, String> {
    let (events, _missing) = store.unsent_events().await.map_err(|e| e.detail())?;
    let waiting: Vec<EventId> = events.into_iter().map(|e| e.id).collect();
    Ok(may_wipe(&waiting, exported_this_session().as_ref()))
}

#[derive(Clone, PartialEq)]
enum ExportFeedback {
    None,
    Working,
    Saved(String),
    Refused(ProtectedExportProblem),
    Failed(String),
}

/// "Export chiffré des envois en attente": shown while something waits.
#[component]
pub fn ProtectedExportCard(
    /// Bumped after a saved export, so that the wipe card decides again.
    changed: RwSignal<u32>,
) -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let engine = use_sync();
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let feedback = RwSignal::new(ExportFeedback::None);
    let unsent = move || data.outbox_len.get() + engine.attention_len.get();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if feedback.get_untracked() == ExportFeedback::Working {
            return;
        }
        let passphrase = first.get_untracked();
        if let Err(p) = check_passphrase(&passphrase, &second.get_untracked()) {
            return feedback.set(ExportFeedback::Refused(p));
        }
        let Some(store) = use_store() else {
            return feedback.set(ExportFeedback::Failed("IndexedDB".into()));
        };
        feedback.set(ExportFeedback::Working);
        spawn_local(async move {
            match export_protected(&store, &passphrase).await {
                Ok((name, _count)) => {
                    // The passphrase leaves the page once the file is saved.
                    first.set(String::new());
                    second.set(String::new());
                    feedback.set(ExportFeedback::Saved(name));
                    changed.update(|n| *n += 1);
                }
                Err(detail) => feedback.set(ExportFeedback::Failed(detail)),
            }
        });
    };
    let message = move || {
        let locale = language.get();
        match feedback.get() {
            ExportFeedback::None => None,
            ExportFeedback::Working => Some(("", Say::ProtectedWorking.text(locale).to_owned())),
            ExportFeedback::Saved(file) => {
                Some(("ok", Say::ProtectedDone.fill(locale, &[("file", &file)])))
            }
            ExportFeedback::Refused(problem) => Some(("error", problem.message(locale))),
            ExportFeedback::Failed(reason) => Some((
                "error",
                Say::ProtectedFailed.fill(locale, &[("reason", &reason)]),
            )),
        }
    };
    view! {
        <Show when=move || { unsent() > 0 }>
            <section class="card protected-export" aria-labelledby="protected-export-heading">
                <h2 id="protected-export-heading">{move || Say::ProtectedHeading.text(language.get())}</h2>
                <p class="hint">{move || Say::ProtectedHint.text(language.get())}</p>
                <form on:submit=submit>
                    <label for="export-passphrase">{move || Say::PassphraseLabel.text(language.get())}</label>
                    <input id="export-passphrase" type="password" autocomplete="new-password"
                        prop:value=move || first.get()
                        on:input=move |ev| first.set(event_target_value(&ev))/>
                    <label for="export-passphrase-again">{move || Say::PassphraseAgainLabel.text(language.get())}</label>
                    <input id="export-passphrase-again" type="password" autocomplete="new-password"
                        prop:value=move || second.get()
                        on:input=move |ev| second.set(event_target_value(&ev))/>
                    <p class="choices">
                        <button type="submit" class="secondary"
                            disabled=move || feedback.get() == ExportFeedback::Working>
                            {move || Say::ProtectedButton.fill(language.get(), &[("count", &unsent().to_string())])}
                        </button>
                    </p>
                </form>
                <p role="status" class=move || message().map(|(kind, _)| kind).unwrap_or("")
                    data-testid="protected-export-status">
                    {move || message().map(|(_, text)| text)}
                </p>
            </section>
        </Show>
    }
}

#[derive(Clone, PartialEq)]
enum WipeStep {
    Idle,
    WrongWord,
    Working,
    Failed(String),
}

/// "Effacer cet appareil". `wiped` is set once everything is gone: the page shows the result.
#[component]
pub fn WipeCard(changed: RwSignal<u32>, wiped: RwSignal<bool>) -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let engine = use_sync();
    let decision = RwSignal::new(None::<Result<WipeDecision, String>>);
    let word = RwSignal::new(String::new());
    let step = RwSignal::new(WipeStep::Idle);
    // Decided again whenever what waits may have changed: a record, a sync, a saved export.
    Effect::new(move |_| {
        data.outbox_len.track();
        engine.attention_len.track();
        changed.track();
        if let Some(store) = use_store() {
            spawn_local(async move { decision.set(Some(decide(&store).await)) });
        }
    });
    let allowed = move || matches!(decision.get(), Some(Ok(d)) if d.allowed());
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if step.get_untracked() == WipeStep::Working {
            return;
        }
        let expected = Say::WipeWord.text(language.get_untracked());
        if word.get_untracked().trim().to_uppercase() != expected.to_uppercase() {
            return step.set(WipeStep::WrongWord);
        }
        let Some(store) = use_store() else {
            return step.set(WipeStep::Failed("IndexedDB".into()));
        };
        step.set(WipeStep::Working);
        spawn_local(async move {
            // Checked once more at the last moment: a visit recorded in another tab since counts.
            match decide(&store).await {
                Ok(d) if d.allowed() => {}
                Ok(d) => {
                    decision.set(Some(Ok(d)));
                    return step.set(WipeStep::Idle);
                }
                Err(detail) => return step.set(WipeStep::Failed(detail)),
            }
            store.close();
            match wipe_device().await {
                Ok(()) => {
                    // Nothing of before is left: the status bar says so too, until the restart.
                    data.wiped();
                    engine.attention_len.set(0);
                    engine.enrollment.set(None);
                    wiped.set(true);
                }
                Err(detail) => step.set(WipeStep::Failed(detail)),
            }
        });
    };
    view! {
        <section class="card wipe" aria-labelledby="wipe-heading">
            <h2 id="wipe-heading">{move || Say::WipeHeading.text(language.get())}</h2>
            <p class="hint">{move || Say::WipeIntro.text(language.get())}</p>
            <p data-testid="wipe-decision" class=move || if allowed() { "" } else { "error" }>
                {move || match decision.get() {
                    Some(Ok(d)) => Some(d.message(language.get())),
                    Some(Err(detail)) => Some(domain::device_storage::write_failed(&detail, language.get())),
                    None => None,
                }}
            </p>
            <Show when=allowed>
                <form on:submit=confirm>
                    <label for="wipe-word">
                        {move || {
                            let locale = language.get();
                            Say::WipeConfirmLabel.fill(locale, &[("word", Say::WipeWord.text(locale))])
                        }}
                    </label>
                    <input id="wipe-word" type="text" autocomplete="off" autocapitalize="characters"
                        prop:value=move || word.get()
                        on:input=move |ev| word.set(event_target_value(&ev))/>
                    <p class="choices">
                        <button type="submit" class="danger" disabled=move || step.get() == WipeStep::Working>
                            {move || Say::WipeButton.text(language.get())}
                        </button>
                    </p>
                </form>
            </Show>
            <p role="alert" class="error">
                {move || {
                    let locale = language.get();
                    match step.get() {
                        WipeStep::WrongWord => Some(Say::WipeWrongWord.fill(locale, &[("word", Say::WipeWord.text(locale))])),
                        WipeStep::Failed(reason) => Some(Say::WipeFailed.fill(locale, &[("reason", &reason)])),
                        _ => None,
                    }
                }}
            </p>
            <p role="status">
                {move || (step.get() == WipeStep::Working).then(|| Say::WipeWorking.text(language.get()))}
            </p>
        </section>
    }
}

/// What the page shows once the device is wiped: nothing of before is left to show.
#[component]
pub fn WipedScreen() -> impl IntoView {
    let language = use_language();
    let restart = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign("/appareil");
        }
    };
    crate::components::focus::focus_soon("#wiped-heading");
    view! {
        <section class="card wiped" aria-labelledby="wiped-heading" data-testid="wiped">
            <h1 id="wiped-heading" tabindex="-1">{move || Say::WipeDoneHeading.text(language.get())}</h1>
            <p>{move || Say::WipeDone.text(language.get())}</p>
            <p class="choices">
                <button type="button" on:click=restart>{move || Say::WipeRestart.text(language.get())}</button>
            </p>
        </section>
    }
}
