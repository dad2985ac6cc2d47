//! The home screen: the four modes as large buttons, and the device's storage state.

use crate::components::storage_panel::StoragePanel;
use crate::i18n::use_language;
use domain::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::A;

/// The modes in the order people meet them: the volunteer's field work first.
const MODES: [(&str, Text, Text, &str); 4] = [
    ("/terrain", Text::ModeField, Text::ModeFieldHint, "field"),
    ("/borne", Text::ModeKiosk, Text::ModeKioskHint, "kiosk"),
    (
        "/partenaires",
        Text::ModePartners,
        Text::ModePartnersHint,
        "partners",
    ),
    (
        "/coordination",
        Text::ModeCoordination,
        Text::ModeCoordinationHint,
        "coordination",
    ),
];

#[component]
pub fn Home() -> impl IntoView {
    let language = use_language();
    view! {
        <h1>{language.t(Text::HomeHeading)}</h1>
        <p class="lead">{language.t(Text::HomeIntro)}</p>
        <ul class="modes">
            {MODES
                .into_iter()
                .map(|(href, name, hint, icon)| {
                    view! {
                        <li>
                            <A href=href attr:class=format!("mode mode-{icon}")>
                                <span class="mode-name">{language.t(name)}</span>
                                <span class="mode-hint">{language.t(hint)}</span>
                            </A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <StoragePanel/>
    }
}
