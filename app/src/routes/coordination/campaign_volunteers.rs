//! "Bénévoles": the first names seen in the campaign's imported log, with their last activity,
//! how much they recorded and on how many tablets (`domain::campaign::volunteers`).

use super::campaign_log::use_campaign_log;
use crate::i18n::use_language;
use domain::campaign::{CampaignText as T, volunteers};
use leptos::prelude::*;

/// A date and time in the reader's language and time zone.
fn when(ms: u64, tag: &str) -> String {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
        .to_locale_string(tag, &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default()
}

#[component]
pub fn CampaignVolunteers(campaign: String) -> impl IntoView {
    let language = use_language();
    let t = move |key: T| move || key.text(language.get());
    let log = use_campaign_log();
    let list = Memo::new(move |_| {
        log.version.track();
        log.events.with_value(|events| {
            volunteers(events.iter().filter(|e| e.campaign.as_str() == campaign))
        })
    });
    view! {
        <section class="card" aria-labelledby="volunteers-heading">
            <h2 id="volunteers-heading">{t(T::Volunteers)}</h2>
            <p class="hint">{t(T::VolunteersHint)}</p>
            <Show when=move || !list.with(Vec::is_empty)
                fallback=move || view! { <p class="hint">{t(T::NoVolunteers)}</p> }>
                <table class="volunteers">
                    <thead>
                        <tr>
                            <th scope="col">{t(T::VolunteerName)}</th>
                            <th scope="col">{t(T::LastActivity)}</th>
                            <th scope="col">{t(T::Records)}</th>
                            <th scope="col">{t(T::Tablets)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || list.get() key=|v| (v.name.clone(), v.last_ms, v.events) let:volunteer>
                            <tr>
                                <td class="names">{volunteer.name.clone()}</td>
                                <td>{move || when(volunteer.last_ms, language.get().tag())}</td>
                                <td>{volunteer.events}</td>
                                <td>{volunteer.devices}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
