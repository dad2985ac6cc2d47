//! "À revoir": the doors to go back to this week, by part of the day, each a link to its entrée.

use crate::browser::clock;
use crate::field_data::use_field_data;
use crate::i18n::use_language;
use domain::canvass::follow_up::{FollowUpReason, due_follow_ups};
use domain::canvass::words;
use domain::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::A;

/// More than this is a list nobody reads on a landing; the entrée screens show the rest.
const SHOWN: usize = 30;

#[component]
pub fn FollowUps() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let items = move || {
        let locale = language.get();
        let today = clock::today();
        let follow_ups = data
            .door_states
            .with(|states| due_follow_ups(states, today));
        data.territory.with(|t| {
            follow_ups
                .iter()
                .take(SHOWN)
                .filter_map(|f| {
                    let (place, door) = t.place_of_door(&f.door)?;
                    let entrance = place.entrance;
                    let when = words::due(f.on, f.part, today, locale);
                    let why = match f.reason {
                        FollowUpReason::ComeBack => locale.text(Text::OutcomeComeBack).to_owned(),
                        FollowUpReason::Absent { attempts } => {
                            format!("{} ×{attempts}", locale.text(Text::OutcomeAbsent))
                        }
                    };
                    Some((
                        format!("/terrain/entree/{}", entrance.id),
                        format!(
                            "{} · {}",
                            locale.door_label(door.apartment.as_deref()),
                            entrance.name
                        ),
                        format!("{why} — {when}"),
                        f.overdue(today),
                    ))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="follow-ups-heading">
            <h2 id="follow-ups-heading">{language.t(Text::FollowUpsHeading)}</h2>
            <Show when=move || !items().is_empty() fallback=move || view! { <p>{language.t(Text::FollowUpsNone)}</p> }>
                <ul class="follow-ups">
                    {move || items().into_iter().map(|(href, door, when, overdue)| view! {
                        <li class:overdue=overdue>
                            <A href=href>{door}</A>
                            <span class="hint">{when}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
