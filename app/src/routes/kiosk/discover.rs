//! "Découvrir l'application" at the kiosk: the field mode's presentation slides in the kiosk
//! language (French for the languages the slides do not exist in), and the résidence's join link
//! as a QR code to scan with one's own phone.

use super::{KioskTurn, TopBar, use_turn};
use crate::field_data::use_field_data;
use domain::i18n::Text;
use domain::kiosk::KioskText;
use domain::presentation::{JOIN_SLIDE_KEY, ShownText, default_presentation};
use domain::qr::qr_svg;
use leptos::prelude::*;

#[component]
pub fn KioskDiscover() -> impl IntoView {
    let turn: KioskTurn = use_turn();
    let data = use_field_data();
    let index = RwSignal::new(0usize);
    // The coordinator's presentation and join links (campaign settings) over the shipped ones.
    let settings = crate::campaign_settings::use_campaign_settings();
    let slides = Memo::new(move |_| {
        let presentation = settings.with(|s| s.presentation(default_presentation()));
        presentation.shown(turn.lang.get().content_language())
    });
    let qr = move || {
        data.territory.with(|t| {
            let residence = t.residences.first()?;
            let link = settings.with(|s| {
                s.join_link(&residence.id, residence.join_link.as_deref())
                    .map(str::to_owned)
            })?;
            qr_svg(&link).ok()
        })
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
        <section class="kiosk-discover">
            <TopBar heading=Signal::derive(move || turn.says(KioskText::Discover)().to_owned())/>
            {move || {
                let slides = slides.get();
                let total = slides.len();
                let i = index.get().min(total.saturating_sub(1));
                slides.get(i).cloned().map(|slide| {
                    let is_join = slide.key == JOIN_SLIDE_KEY;
                    let title_lang = slide.title.language;
                    view! {
                        <div class="kiosk-slide" aria-live="polite">
                            <img src=slide.illustration_src.clone() alt="" class="slide-illustration"/>
                            <div class="kiosk-slide-text">
                                <h2 lang=title_lang.html_lang() dir=title_lang.direction().html_value()>{slide.title.text.clone()}</h2>
                                {text_view(slide.text.clone())}
                                {is_join.then(|| match qr() {
                                    Some(svg) => view! {
                                        <div class="qr kiosk-qr" role="img" aria-label=turn.t(Text::QrCaption) inner_html=svg></div>
                                        <p class="qr-caption">{turn.t(Text::QrCaption)}</p>
                                    }.into_any(),
                                    None => view! { <p class="qr-caption">{turn.t(Text::NoJoinLink)}</p> }.into_any(),
                                })}
                            </div>
                        </div>
                        <div class="kiosk-nav">
                            <button type="button" class="secondary kiosk-big" disabled={i == 0} on:click=move |_| index.set(i.saturating_sub(1))>{turn.t(Text::Previous)}</button>
                            <p class="hint">{move || turn.lang.get().interface_locale().fill(Text::SlidePosition, &[("n", &(i + 1).to_string()), ("total", &total.to_string())])}</p>
                            {if i + 1 >= total {
                                view! { <button type="button" class="kiosk-big" on:click=move |_| turn.step.set(super::Step::SignUp)>{turn.says(KioskText::SignUp)}</button> }.into_any()
                            } else {
                                view! { <button type="button" class="kiosk-big" on:click=move |_| index.set(i + 1)>{turn.t(Text::Next)}</button> }.into_any()
                            }}
                        </div>
                    }
                })
            }}
        </section>
    }
}
