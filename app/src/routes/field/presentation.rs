//! Presenting the neighbourhood app at a door, offline: slides in the resident's language (easy
//! French included), the résidence's join link as a full-screen QR code to scan with their own
//! phone, and "Présentation terminée", which records the presentation as an event.

use crate::browser::clock;
use crate::campaign_settings::use_campaign_settings;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::event::EventBody;
use domain::i18n::Text;
use domain::presentation::{ContentLanguage, JOIN_SLIDE_KEY, ShownText, default_presentation};
use domain::qr::qr_svg;
use domain::territory::{DoorId, ResidenceId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn PresentationPage() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let query = use_query_map();
    let navigate = use_navigate();
    let door = move || query.read().get("porte").map(DoorId);
    let content_language = RwSignal::new(ContentLanguage::from_locale(language.get_untracked()));
    let index = RwSignal::new(0usize);
    let qr_shown = RwSignal::new(false);
    let recorded = RwSignal::new(false);
    // The campaign's app name and join links, as the coordinator last set them.
    let settings = use_campaign_settings();
    let slides = Memo::new(move |_| {
        settings
            .with(|s| s.presentation(default_presentation()))
            .shown(content_language.get())
    });

    // The résidence of the door (or the first one), for its join link.
    let residence = Memo::new(move |_| {
        let door = door();
        data.territory.with(|t| {
            let residence = match &door {
                Some(d) => t.place_of_door(d).map(|(place, _)| place.residence),
                None => t.residences.first(),
            };
            residence.map(|r| {
                let link = settings.with(|s| {
                    s.join_link(&r.id, r.join_link.as_deref())
                        .map(str::to_owned)
                });
                (r.id.clone(), link)
            })
        })
    });
    let qr = move || {
        residence
            .get()
            .and_then(|(_, link)| link)
            .and_then(|link| qr_svg(&link).ok().map(|svg| (link, svg)))
    };

    let finish = move |_| {
        let Some(store) = use_store() else { return };
        let body = EventBody::AppPresented {
            door: door(),
            residence: residence
                .get_untracked()
                .map(|(id, _): (ResidenceId, _)| id),
            local_date: clock::today(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            if let Ok(event) = crate::field_data::record_one_in_place(&store, body).await {
                data.recorded([event]);
                recorded.set(true);
                navigate("/terrain", Default::default());
            }
        });
    };

    let text_view = |text: ShownText| {
        let lang = text.language.html_lang();
        let dir = text.language.direction().html_value();
        view! {
            <div lang=lang dir=dir>
                {text.lines().map(|line| view! { <p>{line.to_owned()}</p> }).collect_view()}
            </div>
        }
    };

    view! {
        <h1>{language.t(Text::PresentApp)}</h1>
        <div class="choices" role="group" aria-label=language.t(Text::PresentationLanguage)>
            {ContentLanguage::ALL.into_iter().map(|lang| view! {
                <button type="button" class="secondary" lang=lang.html_lang()
                    aria-pressed=move || (content_language.get() == lang).to_string()
                    on:click=move |_| content_language.set(lang)>
                    {lang.own_name()}
                </button>
            }).collect_view()}
        </div>
        {move || {
            let slides = slides.get();
            let total = slides.len();
            let i = index.get().min(total.saturating_sub(1));
            slides.get(i).cloned().map(|slide| {
                let is_join = slide.key == JOIN_SLIDE_KEY;
                let title_lang = slide.title.language;
                view! {
                    <section class="card slide" aria-live="polite">
                        <img src=slide.illustration_src.clone() alt="" class="slide-illustration"/>
                        <h2 lang=title_lang.html_lang() dir=title_lang.direction().html_value()>{slide.title.text.clone()}</h2>
                        {text_view(slide.text.clone())}
                        <Show when=move || is_join>
                            <button type="button" on:click=move |_| qr_shown.set(true)>{language.t(Text::ShowQr)}</button>
                        </Show>
                        <p class="hint">{move || language.get().fill(Text::SlidePosition, &[("n", &(i + 1).to_string()), ("total", &total.to_string())])}</p>
                    </section>
                    <div class="choices">
                        <button type="button" class="secondary" disabled={i == 0} on:click=move |_| index.set(i.saturating_sub(1))>{language.t(Text::Previous)}</button>
                        <button type="button" class="secondary" disabled={i + 1 >= total} on:click=move |_| index.set(i + 1)>{language.t(Text::Next)}</button>
                        <button type="button" on:click=finish.clone()>{language.t(Text::PresentationDone)}</button>
                    </div>
                }
            })
        }}
        <Show when=move || qr_shown.get()>
            <div class="qr-overlay" role="dialog" aria-modal="true" aria-labelledby="qr-caption">
                {move || match qr() {
                    Some((link, svg)) => view! {
                        <div class="qr" role="img" aria-label=move || language.get().fill(Text::QrCodeOf, &[("link", &link)]) inner_html=svg></div>
                        <p id="qr-caption" class="qr-caption">{language.t(Text::QrCaption)}</p>
                    }.into_any(),
                    None => view! { <p id="qr-caption" class="qr-caption">{language.t(Text::NoJoinLink)}</p> }.into_any(),
                }}
                <button type="button" class="secondary" on:click=move |_| qr_shown.set(false)>{language.t(Text::Close)}</button>
            </div>
        </Show>
        <p role="status" class="ok">{move || recorded.get().then(|| language.get().text(Text::PresentationRecorded))}</p>
    }
}
