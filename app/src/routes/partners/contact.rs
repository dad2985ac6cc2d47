//! The contact log of one partner: the form to log a contact (`ContactDraft`, every problem next
//! to its field) and the contacts, newest first, with their next step.

use super::{day_label, parse_date};
use crate::browser::clock;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::event::EventBody;
use domain::i18n::Text;
use domain::partners::{Channel, ContactDraft, ContactField, ContactProblem, PartnerId, Partners};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A new contact dated today, "met by" the volunteer using the tablet when they said who they
/// are (they can still write a colleague's name).
fn blank_contact() -> ContactDraft {
    let me = crate::volunteer::current_first_name().unwrap_or_default();
    ContactDraft::new(clock::today(), &me)
}

#[component]
pub fn ContactForm(partner: PartnerId) -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let open = RwSignal::new(false);
    let draft = RwSignal::new(blank_contact());
    let problems = RwSignal::new(Vec::<ContactProblem>::new());
    let failed = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    // What is typed is kept on the device, so nothing is lost when the tablet sleeps.
    let draft_key = format!("partner-contact:{}", partner.as_str());
    let restored = RwSignal::new(false);
    Effect::new({
        let key = draft_key.clone();
        move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let Some(store) = use_store() else {
                return false;
            };
            let key = key.clone();
            spawn_local(async move {
                if let Ok(Some(stored)) = store.draft::<ContactDraft>(&key).await {
                    draft.set(stored);
                    open.set(true);
                }
                restored.set(true);
            });
            true
        }
    });
    Effect::new({
        let key = draft_key.clone();
        move |_| {
            let snapshot = draft.get();
            // Only a form being filled in is worth keeping.
            if !restored.get_untracked() || !open.get() {
                return;
            }
            if let Some(store) = use_store() {
                let key = key.clone();
                spawn_local(async move {
                    let _ = store.save_draft(&key, &snapshot).await;
                });
            }
        }
    });

    let problem_for = move |field: ContactField| {
        problems.with(|ps| {
            ps.iter()
                .filter(|p| p.field() == field)
                .map(|p| p.text(language.get()))
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let submit = {
        let partner = partner.clone();
        let draft_key = draft_key.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            saved.set(false);
            match draft.with_untracked(|d| d.check(&partner)) {
                Err(found) => problems.set(found),
                Ok(contact) => {
                    problems.set(Vec::new());
                    let Some(store) = use_store() else {
                        return failed.set(Some("IndexedDB".into()));
                    };
                    let key = draft_key.clone();
                    spawn_local(async move {
                        let body = EventBody::PartnerContactLogged(contact);
                        match store.record(crate::volunteer::current_actor(), body).await {
                            Ok(event) => {
                                data.recorded([event]);
                                let _ = store.delete_draft(&key).await;
                                open.set(false);
                                draft.set(blank_contact());
                                failed.set(None);
                                saved.set(true);
                            }
                            Err(e) => failed.set(Some(e.detail())),
                        }
                    });
                }
            }
        }
    };

    let input = move |id: &'static str, field: ContactField, kind: &'static str| {
        let read = move || {
            draft.with(|d| match field {
                ContactField::Date => d.local_date.map(|x| x.to_string()).unwrap_or_default(),
                ContactField::MetBy => d.met_by.clone(),
                ContactField::MetWith => d.met_with.clone(),
                ContactField::Subject => d.subject.clone(),
                ContactField::NextStep => d.next_step.clone(),
                ContactField::FollowUpDate => {
                    d.follow_up_on.map(|x| x.to_string()).unwrap_or_default()
                }
                ContactField::Outcome => d.outcome.clone(),
                ContactField::Channel => String::new(),
            })
        };
        view! {
            <div class="field">
                <label for=id>{move || field.label(language.get())}</label>
                <input id=id type=kind
                    aria-invalid=move || (!problem_for(field).is_empty()).to_string()
                    aria-describedby=format!("{id}-problem")
                    prop:value=read
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        problems.update(|ps| ps.retain(|p| p.field() != field));
                        draft.update(|d| match field {
                            ContactField::Date => d.local_date = parse_date(&value),
                            ContactField::MetBy => d.met_by = value,
                            ContactField::MetWith => d.met_with = value,
                            ContactField::Subject => d.subject = value,
                            ContactField::NextStep => d.next_step = value,
                            ContactField::FollowUpDate => d.follow_up_on = parse_date(&value),
                            ContactField::Outcome => d.outcome = value,
                            ContactField::Channel => {}
                        });
                    }/>
                <p id=format!("{id}-problem") class="error">{move || problem_for(field)}</p>
            </div>
        }
    };

    let cancel = move |_| {
        open.set(false);
        problems.set(Vec::new());
        draft.set(blank_contact());
        if let Some(store) = use_store() {
            let key = draft_key.clone();
            spawn_local(async move {
                let _ = store.delete_draft(&key).await;
            });
        }
    };

    view! {
        <p role="status" class="ok">{move || saved.get().then(|| language.get().text(Text::PartSaved))}</p>
        <Show when=move || open.get() fallback=move || view! {
            <button type="button" on:click=move |_| open.set(true)>{language.t(Text::PartLogContact)}</button>
        }>
            <form class="contact-form" on:submit=submit.clone() novalidate>
                <h3>{language.t(Text::PartLogContact)}</h3>
                <div class="form-grid">
                    {input("contact-date", ContactField::Date, "date")}
                    <div class="field">
                        <label for="contact-channel">{move || ContactField::Channel.label(language.get())}</label>
                        <select id="contact-channel"
                            aria-invalid=move || (!problem_for(ContactField::Channel).is_empty()).to_string()
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                draft.update(|d| d.channel = Channel::ALL.into_iter().find(|c| c.wire_name() == value));
                            }>
                            <option value="" selected=move || draft.with(|d| d.channel.is_none())>{language.t(Text::PartChoose)}</option>
                            {Channel::ALL.into_iter().map(|c| view! {
                                <option value=c.wire_name() selected=move || draft.with(|d| d.channel == Some(c))>
                                    {move || c.label(language.get())}
                                </option>
                            }).collect_view()}
                        </select>
                        <p class="error">{move || problem_for(ContactField::Channel)}</p>
                    </div>
                    {input("contact-met-by", ContactField::MetBy, "text")}
                    {input("contact-met-with", ContactField::MetWith, "text")}
                </div>
                {input("contact-subject", ContactField::Subject, "text")}
                <div class="field">
                    <label for="contact-outcome">{move || ContactField::Outcome.label(language.get())}</label>
                    <textarea id="contact-outcome" rows="3"
                        aria-invalid=move || (!problem_for(ContactField::Outcome).is_empty()).to_string()
                        prop:value=move || draft.with(|d| d.outcome.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.outcome = v); }></textarea>
                    <p class="error">{move || problem_for(ContactField::Outcome)}</p>
                </div>
                <div class="form-grid">
                    {input("contact-next-step", ContactField::NextStep, "text")}
                    {input("contact-follow-up", ContactField::FollowUpDate, "date")}
                </div>
                <p role="alert" class="error">
                    {move || {
                        let n = problems.with(Vec::len);
                        (n > 0).then(|| language.get().fill(Text::PartHasProblems, &[("count", &n.to_string())]))
                    }}
                    {move || failed.get().map(|d| domain::device_storage::write_failed(&d, language.get()))}
                </p>
                <div class="actions">
                    <button type="submit">{language.t(Text::PartContactSave)}</button>
                    <button type="button" class="secondary" on:click=cancel.clone()>
                        {language.t(Text::PartCancel)}
                    </button>
                </div>
            </form>
        </Show>
    }
}

#[component]
pub fn ContactList(partners: Memo<Partners>, partner: PartnerId) -> impl IntoView {
    let language = use_language();
    move || {
        let locale = language.get();
        let entries = partners.with(|p| {
            p.contacts
                .of_partner(&partner)
                .map(|e| e.contact.clone())
                .collect::<Vec<_>>()
        });
        if entries.is_empty() {
            return view! { <p class="hint">{locale.text(Text::PartNoContacts)}</p> }.into_any();
        }
        let items = entries
            .into_iter()
            .map(|c| {
                let line = locale.fill(
                    Text::PartContactLine,
                    &[("by", &c.met_by), ("with", &c.met_with)],
                );
                let next = c.next_step.as_ref().map(|n| {
                    locale.fill(
                        Text::PartNextStep,
                        &[("what", &n.what), ("day", &day_label(n.on, locale))],
                    )
                });
                view! {
                    <li class="contact-entry">
                        <p class="contact-head">
                            <strong>{day_label(c.local_date, locale)}</strong>
                            " · " {c.channel.label(locale)} " · " {line}
                        </p>
                        <p class="contact-subject">{c.subject.clone()}</p>
                        {(!c.outcome.is_empty()).then(|| view! { <p class="pre">{c.outcome.clone()}</p> })}
                        {next.map(|n| view! { <p class="next-step">{n}</p> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="contact-log">{items}</ol> }.into_any()
    }
}
