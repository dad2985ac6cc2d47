//! Walking one entrée: floors from the top down (volunteers take the lift up and walk down), each
//! door's state in words and colour, a "portes restantes" filter, and the visit panel.

use super::visit_panel::VisitPanel;
use crate::browser::clock;
use crate::components::focus;
use crate::field_data::use_field_data;
use crate::i18n::use_language;
use domain::canvass::status::DoorState;
use domain::i18n::Text;
use domain::territory::{Door, Entrance, EntranceId, Floor};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EntranceWalk() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let params = use_params_map();
    let entrance_id = move || params.read().get("id").unwrap_or_default();
    let remaining_only = RwSignal::new(false);
    let open_door = RwSignal::new(None::<(Door, Option<String>)>);
    let last_recorded = RwSignal::new(None::<Text>);

    // The entrée with its building and résidence names, found in the territory.
    let place = Memo::new(move |_| {
        let id = EntranceId(entrance_id());
        data.territory.with(|t| {
            t.place_of_entrance(&id).map(|p| {
                (
                    p.residence.id.to_string(),
                    p.residence.name.clone(),
                    p.building.name.clone(),
                    p.entrance.clone(),
                )
            })
        })
    });
    let states = data.door_states;

    let floors = move || {
        let Some((_, _, _, entrance)) = place.get() else {
            return Vec::new();
        };
        let today = clock::today();
        let states = states.get();
        floors_top_down(&entrance)
            .into_iter()
            .map(|(floor, doors)| {
                let doors: Vec<(Door, DoorState)> = doors
                    .into_iter()
                    .map(|d| {
                        let state = states.get(&d.id).cloned().unwrap_or_default();
                        (d, state)
                    })
                    .filter(|(_, state)| !remaining_only.get() || state.needs_visit(today))
                    .collect();
                (floor, doors)
            })
            .filter(|(_, doors)| !doors.is_empty())
            .collect::<Vec<_>>()
    };

    view! {
        <Show when=move || place.get().is_some() fallback=move || view! { <p>{language.t(Text::PageNotFound)}</p> }>
            {move || {
                place.get().map(|(residence_id, residence, building, entrance)| {
                    view! {
                        <nav class="crumbs">
                            <A href=format!("/terrain/residence/{residence_id}")>{residence} " · " {building}</A>
                        </nav>
                        <h1>{entrance.name.clone()}</h1>
                        <Show when={
                            let notes = entrance.access_notes.clone();
                            move || !notes.trim().is_empty()
                        }>
                            // The notes are French whatever the interface's language: isolated (`bdi`) so an
                            // Arabic line does not carry their full stop to its other end.
                            <p class="hint"><strong>{language.t(Text::AccessNotes)}{move || language.get().label_colon()}</strong><bdi>{entrance.access_notes.clone()}</bdi></p>
                        </Show>
                    }
                })
            }}
            <p><A href=move || format!("/terrain/entree/{}/avis", entrance_id()) attr:class="button secondary">{language.t(Text::DoorHangersLink)}</A></p>
            <label class="toggle">
                <input type="checkbox" prop:checked=move || remaining_only.get() on:change=move |ev| remaining_only.set(event_target_checked(&ev))/>
                {language.t(Text::RemainingOnly)}
            </label>
            <p role="status" class="ok">
                {move || last_recorded.get().map(|outcome| {
                    let locale = language.get();
                    locale.fill(Text::VisitRecorded, &[("outcome", locale.text(outcome))])
                })}
            </p>
            {move || {
                open_door.get().map(|(door, next_attempt)| {
                    // Closed, the panel gives the focus back to its door (redrawn with its new state).
                    let back_to = format!(".door[data-door={}]", focus::css_string(&door.id.to_string()));
                    view! {
                        <VisitPanel door next_attempt on_close={move |recorded: Option<Text>| {
                            last_recorded.set(recorded);
                            open_door.set(None);
                            focus::focus_soon(back_to.clone());
                        }}/>
                    }
                })
            }}
            <div class="floors">
                <For each=floors key=|(floor, doors)| (*floor, doors.iter().map(|(d, s)| format!("{}{s:?}", d.id)).collect::<String>()) let:floor>
                    <section class="floor" aria-label=move || language.get().floor_label(floor.0)>
                        <h2>{move || language.get().floor_label(floor.0)}</h2>
                        <ul class="doors">
                            {floor.1.into_iter().map(|(door, state)| {
                                let label = door.apartment.clone();
                                let class = format!("door state-{}", state.css_class());
                                let door_for_click = door.clone();
                                let door_key = door.id.to_string();
                                let next = state.next_attempt(clock::today()).map(|s| s.text(language.get_untracked(), clock::today()));
                                view! {
                                    <li>
                                        <button type="button" class=class data-door=door_key on:click=move |_| {
                                            last_recorded.set(None);
                                            open_door.set(Some((door_for_click.clone(), next.clone())));
                                        }>
                                            <span class="door-number">{move || language.get().door_label(label.as_deref())}</span>
                                            <span class="door-state">{move || state.label(language.get())}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                </For>
            </div>
        </Show>
    }
}

/// Doors grouped by floor, highest floor first, in the entrée's own door order within a floor.
fn floors_top_down(entrance: &Entrance) -> Vec<(Floor, Vec<Door>)> {
    let mut floors: std::collections::BTreeMap<Floor, Vec<Door>> = Default::default();
    for door in &entrance.doors {
        floors.entry(door.floor).or_default().push(door.clone());
    }
    floors.into_iter().rev().collect()
}
