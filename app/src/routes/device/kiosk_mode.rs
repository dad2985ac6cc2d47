//! The device settings' "Borne du hall" section: "Passer en mode borne", refused with its reason
//! when the coordinator has not chosen an exit PIN (nobody could leave the kiosk otherwise);
//! tapped before the campaign's settings are read (just after a start), tried again once they are.
//! Refused too while the details' key is held in memory only (a new PIN a full device could not
//! store): a kiosk may be restarted at any time, and that would lose it.

use crate::i18n::use_language;
use crate::routes::kiosk::lock::use_kiosk_mode;
use domain::kiosk::{EnterProblem, LockText};
use leptos::prelude::*;

#[component]
pub fn KioskModeSection() -> impl IntoView {
    let language = use_language();
    let problem = RwSignal::new(None::<EnterProblem>);
    let say = move |t: LockText| move || t.says(language.get());
    let enter = move || {
        let Some(mode) = use_kiosk_mode() else { return };
        // Nothing is written once the kiosk has taken over: this section is then gone, and
        // redrawing its text after its signals were dropped panics (seen as an intermittent
        // "unreachable" in kiosk_lock.test.mjs, every time once screens load on demand).
        if let Err(why) = mode.enter() {
            problem.set(Some(why));
        }
    };
    let read = crate::campaign_settings::use_settings_read();
    // The flag is looked at only after a tap found the settings unread: opening the device page
    // alone does not ask for the log to be read.
    Effect::new(move |_| {
        if problem.get() == Some(EnterProblem::StillReading) && read.get() {
            enter();
        }
    });
    view! {
        <section class="card" aria-labelledby="kiosk-mode-heading">
            <h2 id="kiosk-mode-heading">{say(LockText::KioskHeading)}</h2>
            <p class="hint" id="kiosk-mode-hint">{say(LockText::EnterKioskHint)}</p>
            <button type="button" data-testid="enter-kiosk" aria-describedby="kiosk-mode-hint kiosk-mode-problem"
                on:click=move |_| enter()>{say(LockText::EnterKiosk)}</button>
            <p id="kiosk-mode-problem" role="alert" class="error">
                {move || problem.get().map(|p| p.text().says(language.get()))}
            </p>
        </section>
    }
}
