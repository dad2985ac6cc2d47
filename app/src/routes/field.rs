//! The volunteer's field home: the résidences on the device with what is left to knock, the
//! doors to revisit, the day so far, and the field journal.

pub mod door_hangers;
pub mod entrance;
pub mod import;
pub mod presentation;
pub mod residence;
pub mod signup;
pub mod visit_panel;

use crate::browser::clock;
use crate::components::field_journal::FieldJournal;
use crate::components::follow_ups::FollowUps;
use crate::components::to_confirm::SignupsToConfirm;
use crate::field_data::use_field_data;
use crate::i18n::use_language;
use crate::volunteer::{VolunteerCard, VolunteerName};
use domain::canvass::Wellbeing;
use domain::canvass::counts::Counts;
use domain::canvass::summary::day_summary;
use domain::demo_territory::{is_practice_ground, practice_note};
use domain::i18n::Text;
use domain::volunteer::actor_for;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Field() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let states = data.door_states;

    let residences = move || {
        let today = clock::today();
        let states = states.get();
        let campaign = data.campaign.get();
        data.territory.with(|t| {
            t.residences
                .iter()
                .map(|r| {
                    let counts = Counts::for_residence(r, &states, today);
                    // Résidences named after their address already say where they are.
                    let place = format!("{} {}", r.postcode, r.commune);
                    let place = if r.name.contains(&place) {
                        String::new()
                    } else {
                        place
                    };
                    let practice = is_practice_ground(&r.id, &campaign);
                    (r.id.to_string(), r.name.clone(), place, counts, practice)
                })
                .collect::<Vec<_>>()
        })
    };
    let volunteer = use_context::<VolunteerName>()
        .unwrap_or_else(VolunteerName::load)
        .0;
    let day = Memo::new(move |_| {
        let device = data.device.get();
        let me = actor_for(volunteer.get().as_deref());
        data.events.with(|events| {
            // The team's visits, pulled from the server, are not this volunteer's day.
            let mine = events.iter().filter(|e| Some(&e.device) == device.as_ref());
            day_summary(mine, &me, clock::today())
        })
    });
    let wellbeing = move || {
        let locale = language.get();
        let answers = day.get().wellbeing;
        let faces = [
            Text::Wellbeing1,
            Text::Wellbeing2,
            Text::Wellbeing3,
            Text::Wellbeing4,
            Text::Wellbeing5,
        ]
        .into_iter()
        .zip(1u8..)
        .filter_map(|(label, value)| {
            let count = answers.count(Wellbeing::new(value)?);
            (count > 0).then(|| format!("{} {count}", locale.text(label)))
        })
        .collect::<Vec<_>>()
        .join(" · ");
        let total = locale.fill(
            Text::DaySummaryWellbeing,
            &[("total", &answers.total().to_string())],
        );
        if faces.is_empty() {
            total
        } else {
            format!("{total} — {faces}")
        }
    };
    let summary = move || {
        let s = day.get();
        language.get().fill(
            Text::DaySummaryLine,
            &[
                ("knocked", &s.knocked.to_string()),
                ("opened", &s.opened.to_string()),
                ("signups", &s.sign_ups.to_string()),
                ("presentations", &s.presentations.to_string()),
            ],
        )
    };

    view! {
        <h1>{language.t(Text::ModeField)}</h1>
        // A device whose storage cannot be read must say so, not show an empty estate.
        <p role="alert" class="error">
            {move || data.problem.get().map(|e| domain::device_storage::write_failed(&e.detail(), language.get()))}
        </p>
        <VolunteerCard/>
        <section class="card" aria-labelledby="day-heading">
            <h2 id="day-heading">{language.t(Text::DaySummaryHeading)}</h2>
            <p data-testid="day-summary">{summary}</p>
            <p data-testid="day-wellbeing" class="hint">{wellbeing}</p>
        </section>
        <section aria-labelledby="residences-heading">
            <h2 id="residences-heading">{language.t(Text::FieldResidencesHeading)}</h2>
            <Show when=move || data.territory.with(|t| t.residences.is_empty()) && data.loaded.get()>
                <p>{language.t(Text::FieldNoTerritory)}</p>
            </Show>
            <ul class="residences">
                <For each=residences key=|r| (r.0.clone(), r.3.remaining) let:r>
                    <li>
                        <A href=format!("/terrain/residence/{}", r.0) attr:class="residence-link">
                            <span class="residence-name"><bdi>{r.1.clone()}</bdi></span>
                            <span class="hint"><bdi>{r.2.clone()}</bdi></span>
                            <Show when=move || r.4>
                                <span class="practice-note" data-testid="practice-ground">
                                    {move || practice_note(language.get())}
                                </span>
                            </Show>
                            <span class="residence-count">
                                {move || language.get().fill(
                                    Text::DoorsRemaining,
                                    &[("remaining", &r.3.remaining.to_string()), ("doors", &r.3.doors.to_string())],
                                )}
                            </span>
                        </A>
                    </li>
                </For>
            </ul>
            <p class="choices">
                <A href="/terrain/presentation" attr:class="button secondary">{language.t(Text::PresentApp)}</A>
                <A href="/terrain/import" attr:class="button secondary">{language.t(Text::FieldImportLink)}</A>
            </p>
        </section>
        <FollowUps/>
        <SignupsToConfirm/>
        <FieldJournal/>
    }
}
