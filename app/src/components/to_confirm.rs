//! "Inscriptions à confirmer": the residents signed up on this device who wait for the
//! volunteer to check that their invitation arrived, each with the door and a "Confirmée" button.

use crate::browser::clock;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::canvass::to_confirm::signups_to_confirm;
use domain::demo_territory::is_demo_door;
use domain::event::EventBody;
use domain::i18n::Text;
use domain::ids::CampaignId;
use domain::signup::ResidentId;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SignupsToConfirm() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let problem = RwSignal::new(None::<Text>);
    let items = move || {
        let locale = language.get();
        let today = clock::today();
        // Only this device holds its sign-ups; pulled events never carry any.
        let waiting = data.events.with(|events| signups_to_confirm(events));
        data.territory.with(|t| {
            waiting
                .into_iter()
                .map(|s| {
                    let door = s
                        .door
                        .as_ref()
                        .and_then(|d| t.place_of_door(d))
                        .map(|(place, door)| {
                            format!(
                                "{} · {}",
                                locale.door_label(door.apartment.as_deref()),
                                place.entrance.name
                            )
                        })
                        .unwrap_or_default();
                    let waited = s.waited(today, locale);
                    // A sign-up at the demo estate was practice: so is its confirmation.
                    let practice = s.door.as_ref().is_some_and(is_demo_door);
                    (
                        (s.resident, practice),
                        domain::at_rest::shown_or_locked(&s.first_name, locale),
                        door,
                        waited,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let confirm = move |(resident, practice): (ResidentId, bool)| {
        let Some(store) = use_store() else {
            return problem.set(Some(Text::StorageUnavailable));
        };
        let body = EventBody::SignupConfirmed {
            resident,
            local_date: clock::today(),
        };
        spawn_local(async move {
            let actor = crate::volunteer::current_actor();
            let written = match practice {
                true => store.record_in(actor, CampaignId::demo(), body).await,
                false => store.record(actor, body).await,
            };
            match written {
                Ok(event) => {
                    problem.set(None);
                    data.recorded([event]);
                }
                Err(e) => {
                    web_sys::console::error_1(&e.detail().into());
                    problem.set(Some(Text::StorageUnavailable));
                }
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="to-confirm-heading">
            <h2 id="to-confirm-heading">{language.t(Text::ToConfirmHeading)}</h2>
            <p class="error" role="alert">{move || problem.get().map(|t| language.get().text(t))}</p>
            <Show when=move || !items().is_empty() fallback=move || view! { <p>{language.t(Text::ToConfirmNone)}</p> }>
                <p class="hint">{language.t(Text::ToConfirmHint)}</p>
                <ul class="follow-ups" data-testid="to-confirm">
                    {move || items().into_iter().map(|(resident, name, door, waited)| {
                        let label = language.get().fill(Text::ToConfirmButton, &[("name", &name)]);
                        view! {
                            <li>
                                <span class="resident-name">{name.clone()}</span>
                                <span class="hint">{format!("{door} — {waited}")}</span>
                                <button type="button" class="secondary" aria-label=label
                                    on:click=move |_| confirm(resident.clone())>
                                    {language.t(Text::ToConfirmDone)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
