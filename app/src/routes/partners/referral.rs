//! Referrals to one partner: those made, with a button for each status they may move to
//! (`ReferralStatus::next_choices`), and the form to refer a resident signed up on this device,
//! offered only to those who agreed to it (`referral_consent`); the others are listed with why.

use super::day_label;
use crate::browser::clock;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::event::{EventBody, EventEnvelope};
use domain::i18n::Text;
use domain::partners::{
    PartnerId, Partners, ReferralId, ReferralProblem, Theme, change_status, propose,
    referral_consent,
};
use domain::signup::ResidentId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// A resident signed up on this device: their name and whether they agreed to be referred.
#[derive(Clone, PartialEq)]
struct Resident {
    id: ResidentId,
    name: String,
    consent: Option<bool>,
}

fn residents(events: &[EventEnvelope]) -> Vec<Resident> {
    let mut names = BTreeMap::new();
    for event in events {
        // Erased at the resident's request: nobody left to refer.
        if domain::privacy::is_erased_sign_up(&event.body) {
            continue;
        }
        if let EventBody::ResidentSignedUp {
            resident,
            first_name,
            last_name,
            ..
        } = &event.body
        {
            let name = match last_name {
                Some(last) if !last.is_empty() => format!("{first_name} {last}"),
                _ => first_name.clone(),
            };
            names.insert(resident.clone(), name);
        }
    }
    let mut all: Vec<Resident> = names
        .into_iter()
        .map(|(id, name)| Resident {
            consent: referral_consent(events, &id),
            id,
            name,
        })
        .collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all
}

#[component]
pub fn Referrals(partners: Memo<Partners>, partner: PartnerId) -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let residents = Memo::new(move |_| data.events.with(|e| residents(e)));
    let chosen_resident = RwSignal::new(String::new());
    let chosen_theme = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);

    let record = move |body: EventBody| {
        let Some(store) = use_store() else {
            return problem.set(Some("IndexedDB".into()));
        };
        spawn_local(async move {
            match store.record(crate::volunteer::current_actor(), body).await {
                Ok(event) => {
                    data.recorded([event]);
                    problem.set(None);
                    saved.set(true);
                }
                Err(e) => problem.set(Some(domain::device_storage::write_failed(
                    &e.detail(),
                    language.get_untracked(),
                ))),
            }
        });
    };

    let list = {
        let partner = partner.clone();
        move || {
            let locale = language.get();
            let referrals = partners.with(|p| p.referrals.of_partner(&partner));
            if referrals.is_empty() {
                return view! { <p class="hint">{locale.text(Text::PartNoReferrals)}</p> }
                    .into_any();
            }
            let known = residents.get();
            let items = referrals
                .into_iter()
                .map(|r| {
                    let name = r
                        .resident
                        .as_ref()
                        .and_then(|id| known.iter().find(|k| &k.id == id))
                        .map(|k| k.name.clone())
                        .unwrap_or_else(|| locale.text(Text::PartUnknownResident).to_owned());
                    let made = locale.fill(
                        Text::PartReferralMadeOn,
                        &[("day", &domain::canvass::words::day(r.made_on(), locale))],
                    );
                    let status = locale.fill(
                        Text::PartStatusSince,
                        &[
                            ("status", r.status.label(locale)),
                            ("day", &day_label(r.status_on, locale)),
                        ],
                    );
                    let buttons = r
                        .status
                        .next_choices()
                        .into_iter()
                        .map(|to| {
                            let referral = r.clone();
                            view! {
                                <button type="button" class="secondary"
                                    on:click=move |_| {
                                        saved.set(false);
                                        match change_status(&referral, to, clock::today()) {
                                            Ok(update) => record(EventBody::ReferralStatusChanged(update)),
                                            Err(e) => problem.set(Some(e.text(language.get_untracked()))),
                                        }
                                    }>
                                    {locale.fill(Text::PartMoveTo, &[("status", to.label(locale))])}
                                </button>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="referral">
                            <p><strong>{name}</strong> " · " {r.theme.label(locale)} " · " {made}</p>
                            <p class=format!("referral-status status-{}", r.status.wire_name())>{status}</p>
                            <div class="actions">{buttons}</div>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="referral-list">{items}</ul> }.into_any()
        }
    };

    let submit = {
        let partner = partner.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            saved.set(false);
            let locale = language.get_untracked();
            let Ok(resident) = ResidentId::parse(&chosen_resident.get_untracked()) else {
                return problem.set(Some(ReferralProblem::UnknownResident.text(locale)));
            };
            let theme = chosen_theme.get_untracked();
            let Some(theme) = Theme::ALL.into_iter().find(|t| t.wire_name() == theme) else {
                return problem.set(Some(locale.fill(Text::PartHasProblems, &[("count", "1")])));
            };
            let Some(target) = partners.with_untracked(|p| p.directory.partner(&partner)) else {
                return;
            };
            let consent = data
                .events
                .with_untracked(|e| referral_consent(e, &resident));
            let mut random = [0u8; 16];
            crate::store::fill_random(&mut random);
            match propose(
                ReferralId::from_random(random),
                &resident,
                consent,
                &target,
                theme,
                clock::today(),
            ) {
                Ok(made) => {
                    chosen_resident.set(String::new());
                    record(EventBody::ReferralMade(made));
                }
                Err(p) => problem.set(Some(p.text(locale))),
            }
        }
    };

    let form = {
        let partner = partner.clone();
        move || {
            let locale = language.get();
            // An archived partner takes no new referral (the domain refuses it too); the ones
            // already made stay listed and can still be moved on.
            if partners.with(|p| p.directory.partner(&partner).is_some_and(|p| p.archived)) {
                return view! { <p class="hint">{ReferralProblem::PartnerArchived.text(locale)}</p> }
                    .into_any();
            }
            let all = residents.get();
            if all.is_empty() {
                return view! { <p class="hint">{locale.text(Text::PartNoResidents)}</p> }
                    .into_any();
            }
            let themes = partners.with(|p| {
                p.directory
                    .partner(&partner)
                    .map(|p| p.themes.iter().copied().collect::<Vec<_>>())
                    .unwrap_or_default()
            });
            // The partner's own themes first, then the others.
            let ordered: Vec<Theme> = themes
                .iter()
                .copied()
                .chain(Theme::ALL.into_iter().filter(|t| !themes.contains(t)))
                .collect();
            let (can, cannot): (Vec<_>, Vec<_>) =
                all.into_iter().partition(|r| r.consent == Some(true));
            let without = cannot
                .into_iter()
                .map(|r| {
                    let why = match r.consent {
                        Some(false) => ReferralProblem::NoConsent,
                        _ => ReferralProblem::UnknownResident,
                    };
                    view! { <li><strong>{r.name}</strong> " — " {why.text(locale)}</li> }
                })
                .collect::<Vec<_>>();
            view! {
                <form class="refer-form" on:submit=submit.clone() novalidate>
                    <h3>{locale.text(Text::PartReferHeading)}</h3>
                    <div class="form-grid">
                        <div class="field">
                            <label for="refer-resident">{locale.text(Text::PartResident)}</label>
                            <select id="refer-resident" on:change=move |ev| chosen_resident.set(event_target_value(&ev))>
                                <option value="" selected=move || chosen_resident.get().is_empty()>{locale.text(Text::PartChoose)}</option>
                                {can.into_iter().map(|r| {
                                    let value = r.id.as_str().to_owned();
                                    let check = value.clone();
                                    view! { <option value=value selected=move || chosen_resident.get() == check>{r.name}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="refer-theme">{locale.text(Text::PartTheme)}</label>
                            <select id="refer-theme" on:change=move |ev| chosen_theme.set(event_target_value(&ev))>
                                <option value="" selected=move || chosen_theme.get().is_empty()>{locale.text(Text::PartChoose)}</option>
                                {ordered.into_iter().map(|t| view! {
                                    <option value=t.wire_name() selected=move || chosen_theme.get() == t.wire_name()>{t.label(locale)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <button type="submit">{locale.text(Text::PartRefer)}</button>
                    {(!without.is_empty()).then(|| view! {
                        <p class="hint">{locale.text(Text::PartWithoutConsent)}</p>
                        <ul class="without-consent">{without}</ul>
                    })}
                </form>
            }
            .into_any()
        }
    };

    view! {
        <section class="card" aria-labelledby="referrals-heading">
            <h2 id="referrals-heading">{language.t(Text::PartReferralsHeading)}</h2>
            {list}
            <p role="alert" class="error">{move || problem.get()}</p>
            <p role="status" class="ok">{move || saved.get().then(|| language.get().text(Text::PartSaved))}</p>
            {form}
        </section>
    }
}
