//! Door hangers for the absent doors of an entrée: one A6 page each, with a friendly word, the
//! date, the volunteer's first name, a number to call and the résidence's join QR code, printed
//! all at once with the browser's print dialog (the print CSS hides everything else).

use crate::browser::clock;
use crate::field_data::use_field_data;
use crate::i18n::use_language;
use domain::canvass::status::DoorStatus;
use domain::consent::NoticeSettings;
use domain::door_hanger::door_hanger;
use domain::i18n::Text;
use domain::presentation::{ContentLanguage, PLACEHOLDER_APP_NAME};
use domain::qr::qr_svg;
use domain::territory::EntranceId;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DoorHangersPage() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let params = use_params_map();
    let volunteer = RwSignal::new(crate::volunteer::current_first_name().unwrap_or_default());
    let phone = RwSignal::new(
        NoticeSettings::demo()
            .contact
            .split(", ")
            .last()
            .unwrap_or_default()
            .to_owned(),
    );
    let hanger_language = RwSignal::new(ContentLanguage::from_locale(language.get_untracked()));

    // The absent doors of this entrée, with the join link of its résidence.
    let doors = Memo::new(move |_| {
        let id = EntranceId(params.read().get("id").unwrap_or_default());
        data.door_states.with(|states| {
            data.territory.with(|t| {
                t.place_of_entrance(&id).map(|place| {
                    let absent = place
                        .entrance
                        .doors
                        .iter()
                        .filter(|d| {
                            matches!(
                                states.get(&d.id).map(|s| &s.status),
                                Some(DoorStatus::Absent { .. })
                            )
                        })
                        .map(|d| d.apartment.clone())
                        .collect::<Vec<_>>();
                    (
                        place.entrance.name.clone(),
                        place.residence.join_link.clone(),
                        absent,
                    )
                })
            })
        })
    });
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };

    view! {
        <div class="no-print">
            <h1>{language.t(Text::DoorHangersHeading)} {move || doors.get().map(|(name, _, _)| format!(" — {name}"))}</h1>
            <p class="lead">{language.t(Text::DoorHangersHint)}</p>
            <div class="card">
                <div class="field">
                    <label for="hanger-volunteer">{language.t(Text::VolunteerFirstName)}</label>
                    <input id="hanger-volunteer" type="text" autocomplete="given-name" prop:value=move || volunteer.get()
                        on:input=move |ev| volunteer.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="hanger-phone">{language.t(Text::ContactPhone)}</label>
                    <input id="hanger-phone" type="tel" prop:value=move || phone.get() on:input=move |ev| phone.set(event_target_value(&ev))/>
                </div>
                <div class="choices" role="group" aria-label=language.t(Text::HangerLanguage)>
                    {ContentLanguage::ALL.into_iter().map(|lang| view! {
                        <button type="button" class="secondary" lang=lang.html_lang()
                            aria-pressed=move || (hanger_language.get() == lang).to_string()
                            on:click=move |_| hanger_language.set(lang)>{lang.own_name()}</button>
                    }).collect_view()}
                </div>
                <button type="button" on:click=print>{language.t(Text::Print)}</button>
            </div>
        </div>
        {move || {
            let Some((_, link, absent)) = doors.get() else { return view! { <p>{language.t(Text::PageNotFound)}</p> }.into_any() };
            if absent.is_empty() {
                return view! { <p>{language.t(Text::DoorHangersNone)}</p> }.into_any();
            }
            let lang = hanger_language.get();
            let qr = link.as_deref().and_then(|l| qr_svg(l).ok());
            let today = clock::today();
            let hangers = absent.into_iter().map(|apartment| {
                let door_label = lang.interface_locale().door_label(apartment.as_deref());
                let h = door_hanger(lang, PLACEHOLDER_APP_NAME, &volunteer.get(), today, &phone.get(), &door_label);
                let lines = |text: &str| text.lines().map(|l| view! { <p>{l.to_owned()}</p> }).collect_view();
                view! {
                    <article class="hanger" lang=lang.html_lang() dir=lang.direction().html_value()>
                        <h2>{h.greeting.clone()}</h2>
                        {lines(&h.message)}
                        <p class="hanger-date">{h.date_line.clone()}</p>
                        {qr.clone().map(|svg| view! { <div class="hanger-qr" role="img" aria-label=link.clone().unwrap_or_default() inner_html=svg></div> })}
                        {lines(&h.join_hint)}
                        {h.contact_line.clone().map(|c| view! { <p class="hanger-contact">{c}</p> })}
                        <p class="hanger-volunteer">{h.volunteer_line.clone()}</p>
                    </article>
                }
            }).collect_view();
            view! { <div class="hangers">{hangers}</div> }.into_any()
        }}
    }
}
