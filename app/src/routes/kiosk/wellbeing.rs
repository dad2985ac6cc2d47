//! "Comment vous sentez-vous dans votre résidence ?" at the kiosk: the five faces of the field
//! visit, one answer per turn, recorded anonymously (`KioskWellbeingGiven`: the face, the day and
//! the hall's résidence; no door, no name, nothing that links it to the turn).

use super::{TopBar, use_turn};
use crate::browser::clock;
use crate::components::face::Face;
use crate::field_data::{use_field_data, use_store};
use domain::canvass::Wellbeing;
use domain::event::{Actor, EventBody};
use domain::kiosk::{KioskText, KioskWellbeing};
use leptos::prelude::*;
use leptos::task::spawn_local;

const FACES: [(u8, KioskText); 5] = [
    (1, KioskText::Face1),
    (2, KioskText::Face2),
    (3, KioskText::Face3),
    (4, KioskText::Face4),
    (5, KioskText::Face5),
];

#[component]
pub fn KioskWellbeing() -> impl IntoView {
    let turn = use_turn();
    let data = use_field_data();
    let given = RwSignal::new(None::<u8>);
    let failed = RwSignal::new(None::<String>);
    let residence = move || {
        data.territory
            .with_untracked(|t| t.residences.first().map(|r| r.id.clone()))
    };

    let answer = move |value: u8| {
        // Before the log is read the résidence is not known: the faces wait (a moment at start).
        if given.get_untracked().is_some() || !data.loaded.get_untracked() {
            return;
        }
        let (Some(face), Some(store)) = (Wellbeing::new(value), use_store()) else {
            return;
        };
        given.set(Some(value));
        let body = EventBody::KioskWellbeingGiven(KioskWellbeing {
            face,
            local_date: clock::today(),
            residence: residence(),
        });
        spawn_local(async move {
            match store.record(Actor::Kiosk, body).await {
                Ok(event) => data.recorded([event]),
                Err(e) => {
                    given.set(None);
                    failed.set(Some(e.detail()));
                }
            }
        });
    };

    view! {
        <section class="kiosk-wellbeing">
            <TopBar heading=Signal::derive(move || turn.says(KioskText::Wellbeing)().to_owned())/>
            <fieldset class="faces kiosk-faces" disabled=move || given.get().is_some() || !data.loaded.get()>
                <legend class="kiosk-question">{turn.says(KioskText::WellbeingQuestion)}</legend>
                <p class="hint">{turn.says(KioskText::WellbeingAnonymous)}</p>
                {FACES.into_iter().map(|(value, label)| view! {
                    <button type="button" class=format!("face face-{value}")
                        aria-pressed=move || (given.get() == Some(value)).to_string()
                        on:click=move |_| answer(value)>
                        <Face value size=72/>
                        <span class="face-label">{turn.says(label)}</span>
                    </button>
                }).collect_view()}
            </fieldset>
            <p role="status" class="ok kiosk-thanks-text">
                {move || given.get().map(|_| turn.says(KioskText::WellbeingThanks)())}
            </p>
            <p role="alert" class="error">
                {move || failed.get().map(|d| domain::device_storage::write_failed(&d, turn.lang.get().interface_locale()))}
            </p>
            <Show when=move || given.get().is_some()>
                <button type="button" class="kiosk-big" on:click=move |_| turn.finish.run(())>{turn.says(KioskText::Finish)}</button>
            </Show>
        </section>
    }
}
