//! Signing a resident up at their door: the minimum (a first name and one way to be contacted),
//! the language they prefer, and an explicit yes or no for each purpose, with the notice shown.
//! Every keystroke is kept as a draft on the device, so nothing typed is lost on a reload.

use crate::browser::clock;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::consent::{NoticeSettings, Purpose, current_notice};
use domain::event::EventBody;
use domain::i18n::{Locale, Text};
use domain::signup::{SignupDraft, SignupField, outcome_for, validate};
use domain::territory::DoorId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn SignupPage() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let params = use_params_map();
    let navigate = use_navigate();
    let door_id = move || DoorId(params.read_untracked().get("id").unwrap_or_default());
    let draft_key = move || format!("signup:{}", door_id());
    let draft = RwSignal::new(SignupDraft {
        language: language.get_untracked().tag().to_owned(),
        door: Some(door_id()),
        ..SignupDraft::default()
    });
    let problems = RwSignal::new(Vec::new());
    let saved_failed = RwSignal::new(None::<String>);

    // Bring back what was typed before a reload.
    Effect::new(move |loaded: Option<bool>| {
        if loaded == Some(true) {
            return true;
        }
        let Some(store) = use_store() else {
            return false;
        };
        spawn_local(async move {
            if let Ok(Some(stored)) = store.draft::<SignupDraft>(&draft_key()).await {
                draft.set(stored);
            }
        });
        true
    });
    let keep = move |change: Box<dyn FnOnce(&mut SignupDraft)>| {
        draft.update(|d| change(d));
        if let Some(store) = use_store() {
            let snapshot = draft.get_untracked();
            spawn_local(async move {
                let _ = store.save_draft(&draft_key(), &snapshot).await;
            });
        }
    };

    let problem_for = move |field: SignupField| {
        problems.with(|ps: &Vec<domain::signup::SignupProblem>| {
            ps.iter()
                .filter(|p| p.field() == field)
                .map(|p| p.text(language.get()))
                .collect::<Vec<_>>()
                .join(" ")
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = draft.get_untracked();
        match validate(&current) {
            Err(found) => {
                problems.set(found);
                // To the first field to correct, so the keyboard is where the work is.
                crate::components::focus::focus_soon("form.signup [aria-invalid=\"true\"]");
            }
            Ok(valid) => {
                problems.set(Vec::new());
                let Some(store) = use_store() else {
                    return saved_failed.set(Some("IndexedDB".into()));
                };
                let door = door_id();
                let mut random = [0u8; 16];
                crate::store::fill_random(&mut random);
                let outcome = outcome_for(&valid);
                let body = valid.into_event_body(
                    domain::signup::ResidentId::from_random(random),
                    current_notice().version.to_owned(),
                    clock::today(),
                );
                let navigate = navigate.clone();
                spawn_local(async move {
                    let visit = EventBody::DoorVisited {
                        door: door.clone(),
                        outcome,
                        note: None,
                        wellbeing: None,
                        local_date: clock::today(),
                        part_of_day: clock::part_of_day(),
                    };
                    let result = async {
                        // No details are kept when the resident said no to every purpose. The
                        // sign-up and its visit in one transaction: both, or neither (a full
                        // device must not keep a sign-up without its door's visit).
                        let bodies = body.into_iter().chain([visit]).collect();
                        let recorded = crate::field_data::record_in_place(&store, bodies).await?;
                        store.delete_draft(&format!("signup:{door}")).await?;
                        Ok::<_, crate::store::idb::IdbError>(recorded)
                    }
                    .await;
                    match result {
                        Ok(recorded) => {
                            data.recorded(recorded);
                            navigate(&back_to_entrance(&data, &door), Default::default());
                        }
                        Err(e) => saved_failed.set(Some(e.detail())),
                    }
                });
            }
        }
    };

    let text_input = move |id: &'static str,
                           label: Text,
                           field: SignupField,
                           kind: &'static str,
                           autocomplete: &'static str| {
        let read = move || field.read(&draft.get());
        view! {
            <div class="field">
                <label for=id>{language.t(label)}</label>
                <input
                    id=id
                    type=kind
                    autocomplete=autocomplete
                    aria-invalid=move || (!problem_for(field).is_empty()).to_string()
                    aria-describedby=format!("{id}-problem")
                    prop:value=read
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        keep(Box::new(move |d| field.write(d, value)));
                    }
                />
                <p id=format!("{id}-problem") class="error">{move || problem_for(field)}</p>
            </div>
        }
    };

    view! {
        <h1>{language.t(Text::SignupHeading)}</h1>
        <form class="card signup" on:submit=submit novalidate>
            {text_input("first-name", Text::FirstName, SignupField::FirstName, "text", "given-name")}
            {text_input("last-name", Text::LastName, SignupField::LastName, "text", "family-name")}
            <p class="hint" id="contact-hint">{language.t(Text::ContactHint)}</p>
            {text_input("phone", Text::Phone, SignupField::Phone, "tel", "tel")}
            {text_input("email", Text::Email, SignupField::Email, "email", "email")}
            <p class="error">{move || problem_for(SignupField::Contact)}</p>
            <div class="field">
                <label for="language">{language.t(Text::PreferredLanguage)}</label>
                <select id="language" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    keep(Box::new(move |d| d.language = value));
                }>
                    {Locale::ALL.into_iter().map(|l| view! {
                        <option value=l.tag() selected=move || draft.with(|d| d.language == l.tag())>{l.own_name()}</option>
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="consents">
                <legend>{language.t(Text::ConsentHeading)}</legend>
                <p class="hint">{language.t(Text::ConsentHint)}</p>
                {Purpose::ALL.into_iter().map(|purpose| {
                    let answer = move || draft.with(|d| d.answer(purpose));
                    view! {
                        <div class="consent" role="group" aria-label=move || purpose.label(language.get())>
                            <p>{move || purpose.label(language.get())}</p>
                            <div class="choices">
                                <button type="button" class="secondary" aria-pressed=move || (answer() == Some(true)).to_string()
                                    on:click=move |_| keep(Box::new(move |d| d.set_answer(purpose, true)))>{language.t(Text::Yes)}</button>
                                <button type="button" class="secondary" aria-pressed=move || (answer() == Some(false)).to_string()
                                    on:click=move |_| keep(Box::new(move |d| d.set_answer(purpose, false)))>{language.t(Text::No)}</button>
                            </div>
                        </div>
                    }
                }).collect_view()}
                <p class="error">{move || problem_for(SignupField::Consents)}</p>
            </fieldset>
            <details class="notice">
                <summary>{language.t(Text::NoticeHeading)}</summary>
                {move || current_notice().sections(language.get(), &NoticeSettings::demo()).into_iter().map(|(title, text)| view! {
                    <h3>{title}</h3>
                    <p>{text}</p>
                }).collect_view()}
            </details>
            <p role="alert" class="error">
                {move || {
                    let n = problems.with(Vec::len);
                    (n > 0).then(|| language.get().fill(Text::SignupHasProblems, &[("count", &n.to_string())]))
                }}
                {move || saved_failed.get().map(|d| domain::device_storage::write_failed(&d, language.get()))}
            </p>
            <button type="submit">{language.t(Text::SignupSave)}</button>
        </form>
    }
}

/// After a sign-up, back to the entrée the door belongs to (or the field home).
fn back_to_entrance(data: &crate::field_data::FieldData, door: &DoorId) -> String {
    data.territory.with_untracked(|t| {
        t.place_of_door(door)
            .map(|(place, _)| format!("/terrain/entree/{}", place.entrance.id))
            .unwrap_or_else(|| "/terrain".to_owned())
    })
}
