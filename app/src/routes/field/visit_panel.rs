//! The panel that opens on a door: optional wellbeing answer and note first, then one tap on what
//! happened records the visit (two taps in all: the door, then the outcome). "À revoir" and "Ne
//! pas déranger" ask for their one detail before recording.

use crate::browser::clock;
use crate::components::face::Face;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::calendar::{LocalDate, PartOfDay};
use domain::canvass::{DoorOutcome, Wellbeing};
use domain::event::EventBody;
use domain::field_note::check_note;
use domain::i18n::Text;
use domain::territory::Door;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// The outcome buttons, in the order a volunteer needs them most on a stairwell landing.
const QUICK_OUTCOMES: [(Text, &str, DoorOutcome); 4] = [
    (Text::OutcomeAbsent, "absent", DoorOutcome::Absent),
    (Text::OutcomeRefused, "refused", DoorOutcome::Refused),
    (
        Text::OutcomeInterested,
        "interested",
        DoorOutcome::Interested,
    ),
    (
        Text::OutcomeInaccessible,
        "inaccessible",
        DoorOutcome::Inaccessible,
    ),
];

const FACES: [(u8, Text); 5] = [
    (1, Text::Wellbeing1),
    (2, Text::Wellbeing2),
    (3, Text::Wellbeing3),
    (4, Text::Wellbeing4),
    (5, Text::Wellbeing5),
];

/// Which detail step is open, if any.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Outcomes,
    ComeBack,
    DoNotDisturb,
}

#[component]
pub fn VisitPanel(
    door: Door,
    /// For a door found absent before: when to try next (another part of the day).
    next_attempt: Option<String>,
    #[prop(into)] on_close: Callback<Option<Text>>,
) -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let navigate = use_navigate();
    let wellbeing = RwSignal::new(None::<u8>);
    let note = RwSignal::new(String::new());
    let step = RwSignal::new(Step::Outcomes);
    let problem = RwSignal::new(None::<Text>);
    // A write the device refused (a full device above all): the panel stays open with what was
    // chosen and typed, and says nothing was recorded (domain::device_storage::write_failed).
    let not_recorded = RwSignal::new(None::<String>);
    let come_back_date = RwSignal::new(clock::today().plus_days(1).to_string());
    let come_back_part = RwSignal::new(None::<PartOfDay>);
    let dnd_reason = RwSignal::new(String::new());
    let door_id = door.id.clone();
    let title = {
        let apartment = door.apartment.clone();
        move || language.get().door_label(apartment.as_deref())
    };

    let record = {
        let door_id = door_id.clone();
        move |outcome: DoorOutcome| {
            let note_text = note.get_untracked();
            let note = if note_text.trim().is_empty() {
                None
            } else {
                match check_note(&note_text) {
                    Ok(text) => Some(text),
                    Err(p) => return problem.set(Some(p.text())),
                }
            };
            let Some(store) = use_store() else {
                return problem.set(Some(Text::StorageUnavailable));
            };
            let body = EventBody::DoorVisited {
                door: door_id.clone(),
                outcome: outcome.clone(),
                note,
                wellbeing: wellbeing.get_untracked().and_then(Wellbeing::new),
                local_date: clock::today(),
                part_of_day: clock::part_of_day(),
            };
            not_recorded.set(None);
            spawn_local(async move {
                match crate::field_data::record_one_in_place(&store, body).await {
                    Ok(event) => {
                        not_recorded.set(None);
                        data.recorded([event]);
                        on_close.run(Some(outcome_text(&outcome)));
                    }
                    Err(e) => {
                        web_sys::console::warn_1(&e.detail().into());
                        problem.set(None);
                        not_recorded.set(Some(e.detail()));
                    }
                }
            });
        }
    };

    let sign_up = {
        let door_id = door_id.clone();
        move |_| {
            navigate(
                &format!("/terrain/porte/{door_id}/inscription"),
                Default::default(),
            )
        }
    };
    let record_quick = record.clone();
    let record_come_back = record.clone();
    let record_dnd = record;

    // The panel opens above the list: the focus goes into it, not on down the doors.
    crate::components::focus::focus_soon("#visit-title");
    view! {
        <section class="visit-panel card" role="dialog" aria-modal="false" aria-labelledby="visit-title">
            <div class="panel-head">
                <h2 id="visit-title" tabindex="-1">{title}</h2>
                <button type="button" class="secondary" on:click=move |_| on_close.run(None)>
                    {language.t(Text::Close)}
                </button>
            </div>
            {next_attempt.map(|text| view! { <p class="next-attempt" data-testid="next-attempt">{text}</p> })}
            <fieldset class="faces">
                <legend>{language.t(Text::WellbeingQuestion)}</legend>
                {FACES
                    .into_iter()
                    .map(|(value, label)| {
                        view! {
                            <button
                                type="button"
                                class=format!("face face-{value}")
                                aria-pressed=move || (wellbeing.get() == Some(value)).to_string()
                                on:click=move |_| wellbeing.set(if wellbeing.get() == Some(value) { None } else { Some(value) })
                            >
                                <Face value size=36/>
                                <span class="face-label">{language.t(label)}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label for="visit-note">{language.t(Text::VisitNoteLabel)}</label>
            <p class="hint" id="visit-note-warning">{language.t(Text::FieldNoteSensitiveWarning)}</p>
            <textarea
                id="visit-note"
                rows="2"
                aria-describedby="visit-note-warning"
                prop:value=move || note.get()
                on:input=move |ev| note.set(event_target_value(&ev))
            ></textarea>
            <p role="alert" class="error" data-testid="visit-problem">
                {move || problem.get().map(|t| language.get().text(t).to_owned()).or_else(|| {
                    not_recorded.get().map(|d| domain::device_storage::write_failed(&d, language.get()))
                })}
            </p>
            <Show when=move || step.get() == Step::Outcomes>
                <h3>{language.t(Text::OutcomeHeading)}</h3>
                <div class="outcomes">
                    {QUICK_OUTCOMES
                        .into_iter()
                        .map(|(label, kind, outcome)| {
                            let record = record_quick.clone();
                            view! {
                                <button type="button" class=format!("outcome outcome-{kind}") on:click=move |_| record(outcome.clone())>
                                    {language.t(label)}
                                </button>
                            }
                        })
                        .collect_view()}
                    <button type="button" class="outcome outcome-signed_up" on:click=sign_up.clone()>
                        {language.t(Text::OutcomeSignUp)}
                    </button>
                    <button type="button" class="outcome outcome-present" on:click={
                        let door_id = door_id.clone();
                        let navigate = use_navigate();
                        move |_| navigate(&format!("/terrain/presentation?porte={door_id}"), Default::default())
                    }>
                        {language.t(Text::PresentApp)}
                    </button>
                    <button type="button" class="outcome outcome-come_back" on:click=move |_| step.set(Step::ComeBack)>
                        {language.t(Text::OutcomeComeBack)}
                    </button>
                    <button type="button" class="outcome outcome-do_not_disturb" on:click=move |_| step.set(Step::DoNotDisturb)>
                        {language.t(Text::OutcomeDoNotDisturb)}
                    </button>
                </div>
            </Show>
            <Show when=move || step.get() == Step::ComeBack>
                <fieldset>
                    <legend>{language.t(Text::ComeBackWhen)}</legend>
                    <label for="come-back-date">{language.t(Text::ComeBackDate)}</label>
                    <input
                        id="come-back-date"
                        type="date"
                        prop:value=move || come_back_date.get()
                        on:input=move |ev| come_back_date.set(event_target_value(&ev))
                    />
                    <div class="choices">
                        {[(PartOfDay::Morning, Text::PartMorning), (PartOfDay::Afternoon, Text::PartAfternoon), (PartOfDay::Evening, Text::PartEvening)]
                            .into_iter()
                            .map(|(part, label)| view! {
                                <button
                                    type="button"
                                    class="secondary"
                                    aria-pressed=move || (come_back_part.get() == Some(part)).to_string()
                                    on:click=move |_| come_back_part.set(Some(part))
                                >
                                    {language.t(label)}
                                </button>
                            })
                            .collect_view()}
                    </div>
                    <button
                        type="button"
                        on:click={
                            let record = record_come_back.clone();
                            move |_| match LocalDate::try_from(come_back_date.get_untracked()) {
                                Ok(on) => record(DoorOutcome::ComeBack { on, part: come_back_part.get_untracked() }),
                                Err(_) => problem.set(Some(Text::ComeBackDateMissing)),
                            }
                        }
                    >
                        {language.t(Text::ComeBackConfirm)}
                    </button>
                </fieldset>
            </Show>
            <Show when=move || step.get() == Step::DoNotDisturb>
                <label for="dnd-reason">{language.t(Text::DoNotDisturbReason)}</label>
                <input
                    id="dnd-reason"
                    type="text"
                    prop:value=move || dnd_reason.get()
                    on:input=move |ev| dnd_reason.set(event_target_value(&ev))
                />
                <button
                    type="button"
                    on:click={
                        let record = record_dnd.clone();
                        move |_| {
                            let reason = dnd_reason.get_untracked().trim().to_owned();
                            if reason.is_empty() {
                                problem.set(Some(Text::DoNotDisturbReasonMissing));
                            } else {
                                record(DoorOutcome::DoNotDisturb { reason });
                            }
                        }
                    }
                >
                    {language.t(Text::DoNotDisturbConfirm)}
                </button>
            </Show>
        </section>
    }
}

/// The outcome's words, as a key: the entrée says them in the language of the moment, not in
/// the one the visit was recorded in.
fn outcome_text(outcome: &DoorOutcome) -> Text {
    match outcome {
        DoorOutcome::Absent => Text::OutcomeAbsent,
        DoorOutcome::Refused => Text::OutcomeRefused,
        DoorOutcome::Interested => Text::OutcomeInterested,
        DoorOutcome::SignedUp => Text::OutcomeSignUp,
        DoorOutcome::ComeBack { .. } => Text::OutcomeComeBack,
        DoorOutcome::DoNotDisturb { .. } => Text::OutcomeDoNotDisturb,
        DoorOutcome::Inaccessible => Text::OutcomeInaccessible,
    }
}
