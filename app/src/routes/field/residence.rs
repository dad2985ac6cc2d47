//! One résidence: its bâtiments and their entrées, each with how many doors are left to knock.

use crate::browser::clock;
use crate::field_data::use_field_data;
use crate::i18n::use_language;
use domain::canvass::counts::Counts;
use domain::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ResidencePage() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let params = use_params_map();
    let residence = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        data.territory
            .with(|t| t.residences.iter().find(|r| r.id.as_str() == id).cloned())
    });
    let states = data.door_states;
    let remaining = move |counts: Counts| {
        language.get().fill(
            Text::DoorsRemaining,
            &[
                ("remaining", &counts.remaining.to_string()),
                ("doors", &counts.doors.to_string()),
            ],
        )
    };

    view! {
        {move || match residence.get() {
            None => view! { <p>{language.t(Text::PageNotFound)}</p> }.into_any(),
            Some(residence) => {
                let today = clock::today();
                let states = states.get();
                view! {
                    <nav class="crumbs"><A href="/terrain">{language.t(Text::ModeField)}</A></nav>
                    <h1>{residence.name.clone()}</h1>
                    <p class="lead"><bdi>{format!("{}, {} {}", residence.address, residence.postcode, residence.commune)}</bdi></p>
                    {residence.buildings.clone().into_iter().map(|building| {
                        let building_counts = Counts::for_building(&building, &states, today);
                        view! {
                            <section class="card">
                                <h2>{building.name.clone()}</h2>
                                <p class="hint">{remaining(building_counts)}</p>
                                <ul class="entrances">
                                    {building.entrances.clone().into_iter().map(|entrance| {
                                        let counts = Counts::for_entrance(&entrance, &states, today);
                                        view! {
                                            <li>
                                                <A href=format!("/terrain/entree/{}", entrance.id) attr:class="entrance-link">
                                                    <span class="entrance-name"><bdi>{entrance.name.clone()}</bdi></span>
                                                    <span class="entrance-count">{remaining(counts)}</span>
                                                </A>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    }).collect_view()}
                }.into_any()
            }
        }}
    }
}
