//! Adding a partner or editing one: the `PartnerDraft` form, every problem shown next to its
//! field; saving records one `PartnerEdited` with only what changed (every field when new).

use super::use_partners;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::event::EventBody;
use domain::i18n::Text;
use domain::partners::{
    PartnerDraft, PartnerField, PartnerId, PartnerKind, PartnerProblem, PersonDraft, Theme,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn NewPartnerPage() -> impl IntoView {
    view! { <PartnerForm id=None/> }
}

#[component]
pub fn EditPartnerPage() -> impl IntoView {
    let params = use_params_map();
    let language = use_language();
    move || match PartnerId::parse(&params.read().get("id").unwrap_or_default()) {
        Ok(id) => view! { <PartnerForm id=Some(id)/> }.into_any(),
        Err(_) => view! { <p class="error">{language.t(Text::PartNotFound)}</p> }.into_any(),
    }
}

/// The text inputs of the form, by field.
fn text_of(draft: &PartnerDraft, field: PartnerField) -> String {
    match field {
        PartnerField::Name => draft.name.clone(),
        PartnerField::Address => draft.address.clone(),
        PartnerField::Phone => draft.phone.clone(),
        PartnerField::Email => draft.email.clone(),
        PartnerField::Website => draft.website.clone(),
        PartnerField::Hours => draft.hours.clone(),
        PartnerField::Description => draft.description.clone(),
        _ => String::new(),
    }
}

fn write_text(draft: &mut PartnerDraft, field: PartnerField, value: String) {
    match field {
        PartnerField::Name => draft.name = value,
        PartnerField::Address => draft.address = value,
        PartnerField::Phone => draft.phone = value,
        PartnerField::Email => draft.email = value,
        PartnerField::Website => draft.website = value,
        PartnerField::Hours => draft.hours = value,
        PartnerField::Description => draft.description = value,
        _ => {}
    }
}

#[component]
fn PartnerForm(id: Option<PartnerId>) -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let partners = use_partners();
    let navigate = use_navigate();
    let draft = RwSignal::new(PartnerDraft::default());
    let problems = RwSignal::new(Vec::<PartnerProblem>::new());
    let message = RwSignal::new(None::<String>);
    let filled = RwSignal::new(id.is_none());
    let editing = id.clone();
    // A new partner's form is kept on the device as it is typed (nothing lost on a reload). An
    // edit is not: a stale draft would put back values someone else changed meanwhile.
    const NEW_DRAFT: &str = "partner:new";
    let restored = RwSignal::new(id.is_some());
    if id.is_none() {
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let Some(store) = use_store() else {
                return false;
            };
            spawn_local(async move {
                if let Ok(Some(stored)) = store.draft::<PartnerDraft>(NEW_DRAFT).await {
                    draft.set(stored);
                }
                restored.set(true);
            });
            true
        });
        Effect::new(move |_| {
            let snapshot = draft.get();
            if !restored.get_untracked() {
                return;
            }
            if let Some(store) = use_store() {
                spawn_local(async move {
                    let _ = store.save_draft(NEW_DRAFT, &snapshot).await;
                });
            }
        });
    }

    // Fill the form with the partner's details once they are known.
    Effect::new({
        let id = id.clone();
        move |_| {
            if filled.get_untracked() {
                return;
            }
            if let Some(partner) = id
                .as_ref()
                .and_then(|id| partners.with(|p| p.directory.partner(id)))
            {
                draft.set(PartnerDraft::from_partner(&partner));
                filled.set(true);
            }
        }
    });

    let problem_for = move |field: PartnerField| {
        problems.with(|ps| {
            ps.iter()
                .filter(|p| p.field() == field)
                .map(|p| p.text(language.get()))
                .collect::<Vec<_>>()
                .join(" ")
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let locale = language.get_untracked();
        let id = editing.clone().unwrap_or_else(|| {
            let mut random = [0u8; 16];
            crate::store::fill_random(&mut random);
            PartnerId::from_random(random)
        });
        let is_new = editing.is_none();
        let before = partners.with_untracked(|p| p.directory.partner(&id));
        match draft.with_untracked(|d| d.edit(id.clone(), before.as_ref())) {
            Err(found) => {
                message.set(Some(locale.fill(
                    Text::PartHasProblems,
                    &[("count", &found.len().to_string())],
                )));
                problems.set(found);
            }
            Ok(None) => {
                problems.set(Vec::new());
                message.set(Some(locale.text(Text::PartNothingToSave).to_owned()));
            }
            Ok(Some(edit)) => {
                problems.set(Vec::new());
                message.set(None);
                let Some(store) = use_store() else {
                    return message.set(Some("IndexedDB".into()));
                };
                let navigate = navigate.clone();
                spawn_local(async move {
                    match store
                        .record(
                            crate::volunteer::current_actor(),
                            EventBody::PartnerEdited(edit),
                        )
                        .await
                    {
                        Ok(event) => {
                            data.recorded([event]);
                            if is_new {
                                let _ = store.delete_draft(NEW_DRAFT).await;
                            }
                            navigate(&format!("/partenaires/{}", id.as_str()), Default::default());
                        }
                        Err(e) => message.set(Some(domain::device_storage::write_failed(
                            &e.detail(),
                            locale,
                        ))),
                    }
                });
            }
        }
    };

    let text_field = move |field: PartnerField,
                           id: &'static str,
                           kind: &'static str,
                           autocomplete: &'static str| {
        let multiline = matches!(field, PartnerField::Hours | PartnerField::Description);
        let input = if multiline {
            view! {
                <textarea id=id rows="3"
                    aria-invalid=move || (!problem_for(field).is_empty()).to_string()
                    aria-describedby=format!("{id}-problem")
                    prop:value=move || draft.with(|d| text_of(d, field))
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| write_text(d, field, v)); problems.update(|ps| ps.retain(|p| p.field() != field)); }></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=id type=kind autocomplete=autocomplete
                    aria-invalid=move || (!problem_for(field).is_empty()).to_string()
                    aria-describedby=format!("{id}-problem")
                    prop:value=move || draft.with(|d| text_of(d, field))
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| write_text(d, field, v)); problems.update(|ps| ps.retain(|p| p.field() != field)); }/>
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=id>{move || field.label(language.get())}</label>
                {input}
                <p id=format!("{id}-problem") class="error">{move || problem_for(field)}</p>
            </div>
        }
    };

    // The people already listed, and one empty row to add another.
    // Keyed by position, so that typing in the empty row (which adds a person) keeps the focus.
    let rows = Memo::new(move |_| draft.with(|d| d.contacts.len()) + 1);
    let person_row = move |i: usize| {
        let cell = move |label: &'static str,
                         kind: &'static str,
                         read: fn(&PersonDraft) -> &String,
                         write: fn(&mut PersonDraft, String)| {
            let id = format!("person-{i}-{label}");
            let text = move || match label {
                "name" => language.get().text(Text::PartPersonName).to_owned(),
                "role" => language.get().text(Text::PartPersonRole).to_owned(),
                "phone" => PartnerField::Phone.label(language.get()).to_owned(),
                _ => PartnerField::Email.label(language.get()).to_owned(),
            };
            view! {
                <div class="field">
                    <label for=id.clone()>{text}</label>
                    <input id=id type=kind
                        prop:value=move || draft.with(|d| d.contacts.get(i).map(|p| read(p).clone()).unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| {
                                while d.contacts.len() <= i {
                                    d.contacts.push(PersonDraft::default());
                                }
                                write(&mut d.contacts[i], v);
                            });
                        }/>
                </div>
            }
        };
        view! {
            <div class="person-row form-grid">
                {cell("name", "text", |p| &p.name, |p, v| p.name = v)}
                {cell("role", "text", |p| &p.role, |p, v| p.role = v)}
                {cell("phone", "tel", |p| &p.phone, |p, v| p.phone = v)}
                {cell("email", "email", |p| &p.email, |p, v| p.email = v)}
            </div>
        }
    };

    let back = match &id {
        Some(id) => format!("/partenaires/{}", id.as_str()),
        None => "/partenaires".to_owned(),
    };
    let heading = match &id {
        Some(_) => Text::PartEdit,
        None => Text::PartNewHeading,
    };

    view! {
        <p class="crumbs"><A href=back>{language.t(Text::PartBackToList)}</A></p>
        <h1>{language.t(heading)}</h1>
        <form class="card partner-form" on:submit=submit novalidate>
            {text_field(PartnerField::Name, "partner-name", "text", "organization")}
            <div class="field">
                <label for="partner-kind">{move || PartnerField::Kind.label(language.get())}</label>
                <select id="partner-kind"
                    aria-invalid=move || (!problem_for(PartnerField::Kind).is_empty()).to_string()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        draft.update(|d| d.kind = PartnerKind::ALL.into_iter().find(|k| k.wire_name() == value));
                    }>
                    <option value="" selected=move || draft.with(|d| d.kind.is_none())>{language.t(Text::PartChoose)}</option>
                    {PartnerKind::ALL.into_iter().map(|k| view! {
                        <option value=k.wire_name() selected=move || draft.with(|d| d.kind == Some(k))>{move || k.label(language.get())}</option>
                    }).collect_view()}
                </select>
                <p class="error">{move || problem_for(PartnerField::Kind)}</p>
            </div>
            <fieldset class="field">
                <legend>{move || PartnerField::Themes.label(language.get())}</legend>
                <div class="chips">
                    {Theme::ALL.into_iter().map(|t| view! {
                        <button type="button" class="secondary chip"
                            aria-pressed=move || draft.with(|d| d.themes.contains(&t)).to_string()
                            on:click=move |_| draft.update(|d| if !d.themes.remove(&t) { d.themes.insert(t); })>
                            {move || t.label(language.get())}
                        </button>
                    }).collect_view()}
                </div>
                <p class="error">{move || problem_for(PartnerField::Themes)}</p>
            </fieldset>
            {text_field(PartnerField::Address, "partner-address", "text", "street-address")}
            <div class="form-grid">
                {text_field(PartnerField::Phone, "partner-phone", "tel", "tel")}
                {text_field(PartnerField::Email, "partner-email", "email", "email")}
            </div>
            {text_field(PartnerField::Website, "partner-website", "url", "url")}
            {text_field(PartnerField::Hours, "partner-hours", "text", "off")}
            <fieldset class="field">
                <legend>{move || PartnerField::Contacts.label(language.get())}</legend>
                <For each=move || 0..rows.get() key=|i| *i let:i>{person_row(i)}</For>
                <p class="error">{move || problem_for(PartnerField::Contacts)}</p>
            </fieldset>
            <fieldset class="field">
                <legend>{move || PartnerField::Residences.label(language.get())}</legend>
                {move || data.territory.with(|t| t.residences.iter().map(|r| {
                    let rid = r.id.clone();
                    let check = rid.clone();
                    view! {
                        <label class="toggle">
                            <input type="checkbox"
                                prop:checked=move || draft.with(|d| d.residences.contains(&check))
                                on:change=move |_| {
                                    let rid = rid.clone();
                                    draft.update(|d| if !d.residences.remove(&rid) { d.residences.insert(rid); });
                                }/>
                            {r.name.clone()}
                        </label>
                    }
                }).collect_view())}
            </fieldset>
            {text_field(PartnerField::Description, "partner-description", "text", "off")}
            <p role="alert" class="error">{move || message.get()}</p>
            <div class="actions">
                <button type="submit">{language.t(Text::PartSave)}</button>
            </div>
        </form>
    }
}
