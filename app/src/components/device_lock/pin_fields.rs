//! The parts the lock's dialogs share: which volunteer (when several have a code here, and whose
//! code a new one after a forgotten one sets), and a new PIN typed twice.

use crate::i18n::use_language;
use domain::at_rest::words::Word;
use leptos::prelude::*;

/// The volunteer the unlock starts on: the one at the tablet if they have a code here, else the
/// first who has one.
pub fn first_choice(names: &[String]) -> String {
    crate::volunteer::current_first_name()
        .filter(|c| names.contains(c))
        .or_else(|| names.first().cloned())
        .unwrap_or_default()
}

/// "Bénévole": a choice shown when there is one to make (more than one name), or `always` (the
/// new-code dialog says whose code it sets).
#[component]
pub fn VolunteerChoice(
    names: RwSignal<Vec<String>>,
    who: RwSignal<String>,
    id: &'static str,
    #[prop(optional)] always: bool,
) -> impl IntoView {
    let language = use_language();
    view! {
        <Show when=move || { names.with(|n| n.len() > 1 || (always && !n.is_empty())) }>
            <label for=id>{move || Word::VolunteerLabel.text(language.get())}</label>
            <select id=id on:change=move |ev| who.set(event_target_value(&ev))>
                {move || names.get().into_iter().map(|n| {
                    let selected = who.get_untracked() == n;
                    view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
                }).collect_view()}
            </select>
        </Show>
    }
}

/// A new PIN and the same again; the fields' ids (and test ids) are `id` and `{id}-again`.
#[component]
pub fn NewPinFields(
    pin: RwSignal<String>,
    again: RwSignal<String>,
    id: &'static str,
) -> impl IntoView {
    let language = use_language();
    let again_id = format!("{id}-again");
    view! {
        <label for=id>{move || Word::PinLabel.text(language.get())}</label>
        <input id=id data-testid=id type="password" inputmode="numeric"
            autocomplete="new-password" maxlength="12" dir="ltr"
            prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
        <label for=again_id.clone()>{move || Word::PinConfirmLabel.text(language.get())}</label>
        <input id=again_id.clone() data-testid=again_id type="password" inputmode="numeric"
            autocomplete="new-password" maxlength="12" dir="ltr"
            prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
    }
}

/// Whose code a new PIN after a forgotten one sets: the volunteer at the tablet first (a code of
/// their own, even if they had none here: another volunteer's code is never replaced unseen),
/// then the volunteers who have one here.
pub fn recovery_choices(names: &[String]) -> Vec<String> {
    let mut choices = names.to_vec();
    if let Some(current) = crate::volunteer::current_first_name() {
        choices.retain(|n| *n != current);
        choices.insert(0, current);
    }
    choices
}
