//! "Code oublié ?": the dialog where a volunteer whose tablet holds residents' details under a
//! PIN nobody remembers chooses a new one, once their coordinator allowed it on the server
//! (`domain::at_rest::recovery`). It needs the network; nothing recorded is touched.

use super::pin_fields::{NewPinFields, VolunteerChoice, recovery_choices};
use super::{load_guard, on_demand, save_guard, store_of};
use crate::i18n::use_language;
use crate::store::vault::VaultFailure;
use crate::sync::recovery::RecoveryFailure;
use domain::at_rest::recovery::RecoveryProblem;
use domain::at_rest::words::Word;
use domain::i18n::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the volunteer reads when it did not work.
fn failure_text(failure: &RecoveryFailure, locale: Locale) -> String {
    let word = match failure {
        RecoveryFailure::Problem(problem) => match problem {
            RecoveryProblem::NoCopy => Word::RecoveryNoCopy,
            RecoveryProblem::NotLinked => Word::RecoveryNotLinked,
            RecoveryProblem::NotAllowed => Word::RecoveryNotAllowed,
            RecoveryProblem::Expired => Word::RecoveryExpired,
            RecoveryProblem::Offline => Word::RecoveryOffline,
            RecoveryProblem::Refused { detail } => {
                return Word::RecoveryRefused.fill(locale, &[("detail", detail)]);
            }
        },
        RecoveryFailure::Vault(f) => return super::failure_text(f, locale),
    };
    word.text(locale).to_owned()
}

#[component]
pub fn RecoveryDialog(
    names: RwSignal<Vec<String>>,
    /// Unlocked: `true` with the new PIN stored, `false` when it could not be (the header says
    /// what to do; the key is held in memory only).
    on_done: Callback<bool>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let language = use_language();
    let say = move |w: Word| move || w.text(language.get());
    let resource = use_context::<crate::field_data::StoreResource>();
    let choices = RwSignal::new(recovery_choices(&names.get_untracked()));
    let who = RwSignal::new(choices.with_untracked(|c| c.first().cloned().unwrap_or_default()));
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    super::super::focus::focus_soon("#recovery-pin");

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let l = language.get_untracked();
        let checked = match Word::check_pin_pair(&pin.get_untracked(), &again.get_untracked()) {
            Ok(p) => p,
            Err(w) => {
                message.set(Some(w.text(l).to_owned()));
                return;
            }
        };
        let volunteer = who.get_untracked();
        if volunteer.is_empty() {
            message.set(Some(Word::NoVolunteerYet.text(l).to_owned()));
            return;
        }
        let Some(store) = store_of(resource) else {
            return;
        };
        busy.set(true);
        message.set(Some(Word::RecoveryChecking.text(l).to_owned()));
        spawn_local(async move {
            let result = on_demand::set_new_pin(store, volunteer, checked).await;
            busy.set(false);
            let saved = match result {
                Ok(()) => Some(true),
                Err(RecoveryFailure::Vault(VaultFailure::NewPinNotSaved(_))) => Some(false),
                Err(f) => {
                    message.set(Some(failure_text(&f, language.get_untracked())));
                    None
                }
            };
            // Unlocked either way.
            if let Some(saved) = saved {
                // The wrong tries before were with a forgotten code: the new one starts fresh.
                let mut guard = load_guard();
                guard.succeeded();
                save_guard(&guard);
                pin.set(String::new());
                again.set(String::new());
                message.set(None);
                on_done.run(saved);
            }
        });
    };

    view! {
        <div class="lock-dialog" role="dialog" aria-modal="true" aria-labelledby="recovery-title"
            lang=move || language.get().tag() dir=move || language.get().direction().html_value()>
            <form on:submit=submit novalidate>
                <h2 id="recovery-title">{say(Word::RecoveryTitle)}</h2>
                <p class="hint">{say(Word::RecoveryHint)}</p>
                <VolunteerChoice names=choices who id="recovery-who" always=true/>
                <NewPinFields pin again id="recovery-pin"/>
                <p class="error" role="alert" data-testid="recovery-message">{move || message.get()}</p>
                <div class="lock-actions">
                    <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{say(Word::Cancel)}</button>
                    <button type="submit" data-testid="recovery-save" disabled=move || busy.get()>{say(Word::RecoverySave)}</button>
                </div>
            </form>
        </div>
    }
}
