//! Who is using this tablet, kept on the device (localStorage) and put on every event a
//! volunteer records. The rule for a first name is `domain::volunteer`; this file keeps the
//! choice and shows the card that asks for it.

use domain::event::Actor;
use domain::i18n::Text;
use domain::volunteer::{NameProblem, actor_for, check_first_name};
use leptos::prelude::*;

use crate::i18n::use_language;

const VOLUNTEER_KEY: &str = "palier.volunteer";

use crate::browser::preferences::local_storage;

fn stored_name() -> Option<String> {
    local_storage()?.get_item(VOLUNTEER_KEY).ok().flatten()
}

/// The volunteer's name, shared by the screens that show or count it.
#[derive(Clone, Copy)]
pub struct VolunteerName(pub RwSignal<Option<String>>);

impl VolunteerName {
    pub fn load() -> VolunteerName {
        VolunteerName(RwSignal::new(
            stored_name().and_then(|n| check_first_name(&n).ok()),
        ))
    }
}

/// Read at the moment of recording, from storage rather than a signal, so that async code and
/// a second tab see the same volunteer.
pub fn current_actor() -> Actor {
    actor_for(stored_name().as_deref())
}

/// The volunteer's first name, if someone said who they are.
pub fn current_first_name() -> Option<String> {
    stored_name().and_then(|n| check_first_name(&n).ok())
}

fn problem_text(problem: NameProblem) -> Text {
    match problem {
        NameProblem::Empty => Text::VolunteerNameEmpty,
        NameProblem::TooLong => Text::VolunteerNameTooLong,
        NameProblem::NotAName => Text::VolunteerNameNotAName,
    }
}

/// "Bénévole : Karim · Changer", or the question when nobody said who they are yet.
#[component]
pub fn VolunteerCard() -> impl IntoView {
    let language = use_language();
    let name = use_context::<VolunteerName>()
        .unwrap_or_else(VolunteerName::load)
        .0;
    let editing = RwSignal::new(name.get_untracked().is_none());
    let typed = RwSignal::new(name.get_untracked().unwrap_or_default());
    let problem = RwSignal::new(None::<NameProblem>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_first_name(&typed.get_untracked()) {
            Ok(checked) => {
                let kept = local_storage()
                    .map(|s| s.set_item(VOLUNTEER_KEY, &checked).is_ok())
                    .unwrap_or(false);
                if !kept {
                    // Without storage the name would silently vanish at the next start.
                    problem.set(Some(NameProblem::Empty));
                    return;
                }
                typed.set(checked.clone());
                name.set(Some(checked));
                problem.set(None);
                editing.set(false);
            }
            Err(p) => problem.set(Some(p)),
        }
    };

    view! {
        <section class="card volunteer-card" aria-labelledby="volunteer-heading">
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <p id="volunteer-heading" class="volunteer-is" data-testid="volunteer-is">
                        {move || language.get().fill(Text::VolunteerIs, &[("name", &name.get().unwrap_or_default())])}
                    </p>
                    <button type="button" class="secondary" on:click=move |_| editing.set(true)>
                        {language.t(Text::VolunteerChange)}
                    </button>
                }
            >
                <form on:submit=save novalidate>
                    <h2 id="volunteer-heading">{language.t(Text::VolunteerWho)}</h2>
                    <p class="hint" id="volunteer-why">{language.t(Text::VolunteerWhy)}</p>
                    <label for="volunteer-name">{language.t(Text::VolunteerFirstName)}</label>
                    <input
                        id="volunteer-name"
                        type="text"
                        autocomplete="given-name"
                        maxlength="60"
                        aria-describedby="volunteer-why volunteer-problem"
                        aria-invalid=move || problem.get().is_some().to_string()
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                    <p id="volunteer-problem" class="error" role="alert">
                        {move || problem.get().map(|p| language.get().text(problem_text(p)))}
                    </p>
                    <button type="submit">{language.t(Text::VolunteerSave)}</button>
                </form>
            </Show>
        </section>
    }
}
