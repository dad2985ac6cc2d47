//! One campaign's settings: its name and territory, the neighbourhood app's name and the join
//! link of each résidence, the kiosk's idle delay, landlord contacts and exit PIN, its questions
//! and answers, and the retention period. "Enregistrer" sends only what changed, checked here
//! with the domain's rules first (the server checks them again), as one settings change.

use super::campaign_knowledge::KnowledgeEditor;
use super::campaign_pin::hash_pin;
use super::use_workspace;
use crate::coordination_api::{self as api, CampaignRow};
use crate::field_data::use_field_data;
use crate::i18n::use_language;
use domain::campaign::{CampaignSettings, CampaignText as T, SettingEdit, check_pin_pair};
use domain::i18n::fill;
use domain::kiosk::LandlordContacts;
use domain::territory::ResidenceId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// A name inside a sentence, isolated so that a French name in an Arabic sentence (or the
/// reverse) keeps its punctuation on the right side.
pub fn isolated(name: &str) -> String {
    format!("\u{2068}{name}\u{2069}")
}

/// Which landlord contact a field edits.
#[derive(Clone, Copy)]
enum Contact {
    Name,
    Phone,
    Emergency,
    Caretaker,
    Rent,
    Data,
}

impl Contact {
    const ALL: [Contact; 6] = [
        Contact::Name,
        Contact::Phone,
        Contact::Emergency,
        Contact::Caretaker,
        Contact::Rent,
        Contact::Data,
    ];

    fn label(self) -> T {
        match self {
            Contact::Name => T::LandlordName,
            Contact::Phone => T::LandlordPhone,
            Contact::Emergency => T::EmergencyPhone,
            Contact::Caretaker => T::Caretaker,
            Contact::Rent => T::RentContact,
            Contact::Data => T::DataContact,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Contact::Name => "kiosk-landlord",
            Contact::Phone => "kiosk-landlord-phone",
            Contact::Emergency => "kiosk-emergency-phone",
            Contact::Caretaker => "kiosk-caretaker",
            Contact::Rent => "kiosk-rent-contact",
            Contact::Data => "kiosk-data-contact",
        }
    }

    fn of(self, c: &mut LandlordContacts) -> &mut String {
        match self {
            Contact::Name => &mut c.name,
            Contact::Phone => &mut c.phone,
            Contact::Emergency => &mut c.emergency_phone,
            Contact::Caretaker => &mut c.caretaker,
            Contact::Rent => &mut c.rent_contact,
            Contact::Data => &mut c.data_contact,
        }
    }
}

/// What the form holds, as typed.
#[derive(Clone, Default)]
struct Form {
    name: String,
    territory: String,
    app_name: String,
    links: BTreeMap<ResidenceId, String>,
    other_residence: String,
    other_link: String,
    idle: String,
    contacts: LandlordContacts,
    pin: String,
    pin_again: String,
    retention: String,
}

impl Form {
    fn of(s: &CampaignSettings) -> Form {
        Form {
            name: s.name.clone().unwrap_or_default(),
            territory: s.territory.clone(),
            app_name: s.app_name.clone().unwrap_or_default(),
            links: s.join_links.clone(),
            idle: s.kiosk.idle_s.to_string(),
            contacts: s.kiosk.contacts.clone(),
            retention: s.retention_months.to_string(),
            ..Form::default()
        }
    }

    /// The edits that make `current` into what the form says.
    fn edits(&self, current: &CampaignSettings) -> Vec<SettingEdit> {
        let mut edits = Vec::new();
        if self.name.trim() != current.name.as_deref().unwrap_or_default() {
            edits.push(SettingEdit::Name {
                value: self.name.clone(),
            });
        }
        if self.territory.trim() != current.territory {
            edits.push(SettingEdit::Territory {
                value: self.territory.clone(),
            });
        }
        if self.app_name.trim() != current.app_name.as_deref().unwrap_or_default() {
            edits.push(SettingEdit::AppName {
                value: self.app_name.clone(),
            });
        }
        let mut links = self.links.clone();
        if !self.other_residence.trim().is_empty() {
            links.insert(
                ResidenceId(self.other_residence.trim().to_owned()),
                self.other_link.clone(),
            );
        }
        for (residence, link) in links {
            let now = current.join_links.get(&residence).map(String::as_str);
            let link = link.trim();
            if link.is_empty() && now.is_some() {
                edits.push(SettingEdit::JoinLink {
                    residence,
                    link: None,
                });
            } else if !link.is_empty() && Some(link) != now {
                edits.push(SettingEdit::JoinLink {
                    residence,
                    link: Some(link.to_owned()),
                });
            }
        }
        let idle = self.idle.trim().parse::<u32>().unwrap_or(0);
        if idle != current.kiosk.idle_s {
            edits.push(SettingEdit::KioskIdle { seconds: idle });
        }
        if self.contacts != current.kiosk.contacts {
            edits.push(SettingEdit::KioskContacts {
                contacts: self.contacts.clone(),
            });
        }
        let months = self.retention.trim().parse::<u16>().unwrap_or(0);
        if months != current.retention_months {
            edits.push(SettingEdit::RetentionMonths { months });
        }
        edits
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Saving {
    Idle,
    Hashing,
    Sending,
    Saved,
}

#[component]
pub fn CampaignEditor(
    campaign: CampaignRow,
    /// The résidences attached to the campaign (`campaign_territory`): each gets its join link.
    attached: RwSignal<Option<domain::campaign_territory::Attached>>,
) -> impl IntoView {
    let language = use_language();
    let t = move |key: T| move || key.text(language.get());
    let workspace = use_workspace();
    let data = use_field_data();
    let id = campaign.id.clone();
    let loaded = RwSignal::new(None::<CampaignSettings>);
    let form = RwSignal::new(Form::default());
    let knowledge = RwSignal::new(BTreeMap::<String, SettingEdit>::new());
    let problem = RwSignal::new(None::<String>);
    let saving = RwSignal::new(Saving::Idle);
    {
        let id = id.clone();
        spawn_local(async move {
            match api::campaign_settings(&id).await {
                Ok(settings) => {
                    form.set(Form::of(&settings));
                    loaded.set(Some(settings));
                }
                Err(p) => workspace.failed(p),
            }
        });
    }
    let save = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(current) = loaded.get_untracked() else {
                return;
            };
            let locale = language.get_untracked();
            let typed = form.get_untracked();
            let mut edits = typed.edits(&current);
            edits.extend(knowledge.get_untracked().into_values());
            if let Some(p) = edits.iter().find_map(|e| e.check().err()) {
                problem.set(Some(p.message(locale)));
                return;
            }
            if edits.iter().any(|e| e.key().starts_with("knowledge/"))
                && let Err(e) = current
                    .with_edits(&edits)
                    .knowledge_base(&domain::kiosk::default_knowledge())
                    .validate()
            {
                problem.set(Some(format!("{} {e}", T::KnowledgeUnusable.text(locale))));
                return;
            }
            let pin = if typed.pin.is_empty() && typed.pin_again.is_empty() {
                None
            } else {
                match check_pin_pair(&typed.pin, &typed.pin_again) {
                    Ok(pin) => Some(pin),
                    Err(p) => {
                        problem.set(Some(p.message(locale)));
                        return;
                    }
                }
            };
            if edits.is_empty() && pin.is_none() {
                problem.set(Some(
                    domain::campaign::SettingProblem::NoEdits.message(locale),
                ));
                return;
            }
            problem.set(None);
            let Some(session) = workspace.session.get_untracked() else {
                return;
            };
            let id = id.clone();
            spawn_local(async move {
                if let Some(pin) = pin {
                    saving.set(Saving::Hashing);
                    match hash_pin(&pin).await {
                        Ok(record) => edits.push(SettingEdit::KioskPin { pin: record }),
                        Err(_) => {
                            saving.set(Saving::Idle);
                            problem.set(Some(
                                domain::campaign::SettingProblem::PinRecordMalformed
                                    .message(language.get_untracked()),
                            ));
                            return;
                        }
                    }
                }
                saving.set(Saving::Sending);
                match api::change_settings(&session, &id, &edits).await {
                    Ok(settings) => {
                        workspace.problem.set(None);
                        form.set(Form::of(&settings));
                        knowledge.set(BTreeMap::new());
                        loaded.set(Some(settings));
                        saving.set(Saving::Saved);
                    }
                    Err(p) => {
                        saving.set(Saving::Idle);
                        workspace.failed(p);
                    }
                }
            });
        }
    };

    // The résidences of the territory imported in this browser, those attached to the campaign,
    // and any other one that already has a link of its own.
    let residences = Memo::new(move |_| {
        let mut rows: Vec<(ResidenceId, String, Option<String>)> = data.territory.with(|t| {
            t.residences
                .iter()
                .map(|r| (r.id.clone(), r.name.clone(), r.join_link.clone()))
                .collect()
        });
        attached.with(|a| {
            for r in a.iter().flat_map(|a| &a.residences) {
                if !rows.iter().any(|(known, _, _)| known == &r.id) {
                    rows.push((r.id.clone(), r.name.clone(), None));
                }
            }
        });
        loaded.with(|s| {
            for id in s.iter().flat_map(|s| s.join_links.keys()) {
                if !rows.iter().any(|(known, _, _)| known == id) {
                    rows.push((id.clone(), id.0.clone(), None));
                }
            }
        });
        rows
    });
    let text_field = move |field_id: &'static str,
                           label: T,
                           read: fn(&Form) -> String,
                           write: fn(&mut Form, String),
                           ltr: bool| {
        view! {
            <label for=field_id>{t(label)}</label>
            <input id=field_id type="text" dir=if ltr { "ltr" } else { "auto" }
                prop:value=move || form.with(read)
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| write(f, v)); saving.set(Saving::Idle); }/>
        }
    };
    let name = campaign.name.clone();

    view! {
        <section class="card campaign-editor" aria-labelledby="campaign-editor-heading">
            <h2 id="campaign-editor-heading">
                {move || fill(T::SettingsOf.text(language.get()), &[("name", &isolated(&name))])}
            </h2>
            <Show when=move || loaded.with(Option::is_some)
                fallback=move || view! { <p class="hint">{t(T::Loading)}</p> }>
            <form on:submit=save.clone() novalidate>
                <fieldset>
                    <legend>{t(T::General)}</legend>
                    {text_field("campaign-name", T::CampaignName, |f| f.name.clone(), |f, v| f.name = v, false)}
                    {text_field("campaign-territory", T::TerritoryLabel, |f| f.territory.clone(), |f, v| f.territory = v, false)}
                    <p class="hint">{t(T::TerritoryHint)}</p>
                </fieldset>
                <fieldset>
                    <legend>{t(T::Presentation)}</legend>
                    {text_field("campaign-app-name", T::AppName, |f| f.app_name.clone(), |f, v| f.app_name = v, false)}
                    <p class="hint">{t(T::AppNameHint)}</p>
                    <h3>{t(T::JoinLinks)}</h3>
                    <p class="hint">{t(T::JoinLinksHint)}</p>
                    <For each=move || residences.get() key=|(id, _, _)| id.clone() let:row>
                        {
                            let (residence, label, imported) = row;
                            let field_id = format!("join-link-{}", residence.0);
                            let read_id = residence.clone();
                            let write_id = residence.clone();
                            view! {
                                <label for=field_id.clone()>{label}</label>
                                <input id=field_id type="url" dir="ltr" inputmode="url"
                                    placeholder=imported.clone().unwrap_or_else(|| "https://".into())
                                    prop:value=move || form.with(|f| f.links.get(&read_id).cloned().unwrap_or_default())
                                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| { f.links.insert(write_id.clone(), v); }); saving.set(Saving::Idle); }/>
                                {imported.map(|link| view! {
                                    <p class="hint" dir="auto">{move || fill(T::ImportedLink.text(language.get()), &[("link", &link)])}</p>
                                })}
                            }
                        }
                    </For>
                    <details>
                        <summary>{t(T::OtherResidence)}</summary>
                        {text_field("join-link-other-residence", T::Residence, |f| f.other_residence.clone(), |f, v| f.other_residence = v, true)}
                        {text_field("join-link-other", T::JoinLinks, |f| f.other_link.clone(), |f, v| f.other_link = v, true)}
                    </details>
                </fieldset>
                <fieldset>
                    <legend>{t(T::Kiosk)}</legend>
                    <label for="kiosk-idle">{t(T::IdleDelay)}</label>
                    <input id="kiosk-idle" type="number" min="20" max="600" step="1" dir="ltr" inputmode="numeric"
                        prop:value=move || form.with(|f| f.idle.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.idle = v); saving.set(Saving::Idle); }/>
                    {Contact::ALL.into_iter().map(|c| view! {
                        <label for=c.id()>{t(c.label())}</label>
                        <input id=c.id() type="text" dir="auto"
                            prop:value=move || form.with(|f| { let mut copy = f.contacts.clone(); c.of(&mut copy).clone() })
                            on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| *c.of(&mut f.contacts) = v); saving.set(Saving::Idle); }/>
                    }).collect_view()}
                    <h3>{t(T::Pin)}</h3>
                    <p class="hint">
                        {move || loaded.with(|s| if s.as_ref().is_some_and(|s| s.kiosk_pin.is_some()) { T::PinSet } else { T::PinNotSet }).text(language.get())}
                    </p>
                    <label for="kiosk-pin">{t(T::NewPin)}</label>
                    <input id="kiosk-pin" type="password" inputmode="numeric" autocomplete="new-password" dir="ltr" maxlength="12"
                        prop:value=move || form.with(|f| f.pin.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.pin = v); saving.set(Saving::Idle); }/>
                    <label for="kiosk-pin-again">{t(T::PinAgain)}</label>
                    <input id="kiosk-pin-again" type="password" inputmode="numeric" autocomplete="new-password" dir="ltr" maxlength="12"
                        prop:value=move || form.with(|f| f.pin_again.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.pin_again = v); saving.set(Saving::Idle); }/>
                </fieldset>
                <KnowledgeEditor loaded=loaded pending=knowledge/>
                <fieldset>
                    <legend>{t(T::Retention)}</legend>
                    <label for="campaign-retention">{t(T::RetentionMonths)}</label>
                    <input id="campaign-retention" type="number" min="1" max="120" step="1" dir="ltr" inputmode="numeric"
                        prop:value=move || form.with(|f| f.retention.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.retention = v); saving.set(Saving::Idle); }/>
                </fieldset>
                <p role="alert" class="error">{move || problem.get()}</p>
                <div class="choices">
                    <button type="submit" disabled=move || matches!(saving.get(), Saving::Hashing | Saving::Sending)>{t(T::Save)}</button>
                </div>
                <p role="status" class="ok">
                    {move || match saving.get() {
                        Saving::Idle => "",
                        Saving::Hashing => T::PinHashing.text(language.get()),
                        Saving::Sending => T::Saving.text(language.get()),
                        Saving::Saved => T::Saved.text(language.get()),
                    }}
                </p>
                <p class="hint">
                    {move || loaded.with(|s| s.as_ref().and_then(|s| s.last_change.clone())).map(|(_, actor)| {
                        let who = match actor {
                            domain::event::Actor::Coordinator { name } => name,
                            _ => String::new(),
                        };
                        fill(T::LastChange.text(language.get()), &[("name", &who)])
                    })}
                </p>
            </form>
            </Show>
        </section>
    }
}
