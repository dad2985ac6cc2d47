//! One partner: its details, who changed them and when, the contact log (newest first) with the
//! form to log a contact, and the referrals made to it with their status buttons.

use super::contact::{ContactForm, ContactList};
use super::referral::Referrals;
use super::{use_partners, who};
use crate::browser::clock;
use crate::field_data::use_field_data;
use crate::field_data::use_store;
use crate::i18n::use_language;
use domain::event::EventBody;
use domain::i18n::Text;
use domain::partners::{PartnerEdit, PartnerField, PartnerId, ToolText};
use domain::sync::words::day_and_time;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PartnerPage() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let partners = use_partners();
    let params = use_params_map();
    let id =
        Memo::new(move |_| PartnerId::parse(&params.read().get("id").unwrap_or_default()).ok());
    let partner = Memo::new(move |_| {
        let id = id.get()?;
        partners.with(|p| p.directory.partner(&id))
    });
    let shown = Memo::new(move |_| partner.with(|p| p.as_ref().map(|p| p.id.clone())));

    let archive_failed = RwSignal::new(None::<String>);
    // Archiving is an edit of one field, merged like the others: a colleague's concurrent change
    // of the phone number is kept, and the history says who archived it.
    let toggle_archive = move |_| {
        let Some(p) = partner.get_untracked() else {
            return;
        };
        let Some(store) = use_store() else {
            return archive_failed.set(Some("IndexedDB".into()));
        };
        spawn_local(async move {
            let edit = PartnerEdit::archive(p.id, !p.archived);
            match store
                .record(
                    crate::volunteer::current_actor(),
                    EventBody::PartnerEdited(edit),
                )
                .await
            {
                Ok(event) => {
                    archive_failed.set(None);
                    data.recorded([event]);
                }
                Err(e) => archive_failed.set(Some(e.detail())),
            }
        });
    };

    let details = move || {
        let locale = language.get();
        let p = partner.get()?;
        let archive_label = if p.archived {
            ToolText::Restore
        } else {
            ToolText::Archive
        };
        let row = |field: PartnerField, value: AnyView| {
            view! { <dt>{field.label(locale)}</dt><dd>{value}</dd> }
        };
        let mut rows = Vec::new();
        if !p.address.is_empty() {
            rows.push(row(PartnerField::Address, p.address.clone().into_any()));
        }
        if !p.phone.is_empty() {
            let shown = domain::contact::display_phone(&p.phone);
            let href = format!("tel:{}", p.phone);
            rows.push(row(
                PartnerField::Phone,
                view! { <a href=href dir="ltr">{shown}</a> }.into_any(),
            ));
        }
        if !p.email.is_empty() {
            let href = format!("mailto:{}", p.email);
            rows.push(row(
                PartnerField::Email,
                view! { <a href=href dir="ltr">{p.email.clone()}</a> }.into_any(),
            ));
        }
        if !p.website.is_empty() {
            rows.push(row(
                PartnerField::Website,
                view! { <a href=p.website.clone() rel="noopener" target="_blank" dir="ltr">{p.website.clone()}</a> }.into_any(),
            ));
        }
        if !p.hours.is_empty() {
            rows.push(row(
                PartnerField::Hours,
                view! { <span class="pre">{p.hours.clone()}</span> }.into_any(),
            ));
        }
        if !p.contacts.is_empty() {
            let people = p
                .contacts
                .iter()
                .map(|c| {
                    let mut parts = vec![c.name.clone()];
                    if !c.role.is_empty() {
                        parts.push(c.role.clone());
                    }
                    if !c.phone.is_empty() {
                        parts.push(domain::contact::display_phone(&c.phone));
                    }
                    if !c.email.is_empty() {
                        parts.push(c.email.clone());
                    }
                    view! { <li>{parts.join(" · ")}</li> }
                })
                .collect_view();
            rows.push(row(
                PartnerField::Contacts,
                view! { <ul class="people">{people}</ul> }.into_any(),
            ));
        }
        if !p.residences.is_empty() {
            let names = data.territory.with(|t| {
                p.residences
                    .iter()
                    .map(|id| {
                        t.residences
                            .iter()
                            .find(|r| &r.id == id)
                            .map(|r| r.name.clone())
                            .unwrap_or_else(|| id.0.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            rows.push(row(PartnerField::Residences, names.into_any()));
        }
        if !p.description.is_empty() {
            rows.push(row(
                PartnerField::Description,
                view! { <span class="pre">{p.description.clone()}</span> }.into_any(),
            ));
        }
        let themes = p
            .themes
            .iter()
            .map(|t| view! { <li>{t.label(locale)}</li> })
            .collect_view();
        Some(view! {
            <h1>{p.name.clone()}</h1>
            {p.archived.then(|| view! {
                <p class="partner-archived-banner" role="note">{ToolText::ArchivedBanner.text(locale)}</p>
            })}
            <p class="partner-kind">{p.kind.label(locale)}</p>
            <ul class="partner-themes">{themes}</ul>
            <section class="card">
                <dl class="partner-details">{rows}</dl>
                <div class="actions">
                    <A href=format!("/partenaires/{}/modifier", p.id.as_str()) attr:class="button secondary">
                        {language.t(Text::PartEdit)}
                    </A>
                    <button type="button" class="secondary" on:click=toggle_archive>
                        {archive_label.text(locale)}
                    </button>
                </div>
                <p role="alert" class="error">
                    {move || archive_failed.get().map(|d| domain::device_storage::write_failed(&d, language.get()))}
                </p>
            </section>
        })
    };

    // The lines follow the directory; the <details> around them is made once per partner, so a
    // change saved or pulled while it is open does not shut it.
    let history_lines = move || {
        let locale = language.get();
        let id = id.get()?;
        let me = data.device.get();
        let lines = partners.with(|p| {
            let created = p.directory.created(&id).map(|c| c.at.clone());
            p.directory
                .changes(&id)
                .into_iter()
                .map(|change| {
                    let first = created.as_ref() == Some(&change.at);
                    let fields = change
                        .fields
                        .iter()
                        .map(|f| f.label(locale))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let from_demo = change.at.device == domain::partners::demo::demo_device();
                    // The demo directory has no real time: its changes say only where they come from.
                    let when = if from_demo {
                        "\u{0}".to_owned()
                    } else {
                        let (date, hour, minute) = clock::local_date_time(change.at.wall_ms);
                        day_and_time(date, hour, minute, locale)
                    };
                    // The first change made the record: every field, not worth listing.
                    let who = who(change, me.as_ref(), locale);
                    let only_archiving =
                        change.fields.len() == 1 && change.fields.contains(&PartnerField::Archived);
                    match change.archived {
                        Some(true) if only_archiving => {
                            return ToolText::ArchivedBy { who, when }
                                .text(locale)
                                .replace(" \u{0}", "");
                        }
                        Some(false) if only_archiving => {
                            return ToolText::RestoredBy { who, when }
                                .text(locale)
                                .replace(" \u{0}", "");
                        }
                        _ => {}
                    }
                    let template = if first {
                        Text::PartCreatedBy
                    } else {
                        Text::PartChangedBy
                    };
                    locale
                        .fill(
                            template,
                            &[("who", &who), ("when", &when), ("fields", &fields)],
                        )
                        .replace(" \u{0}", "")
                })
                .collect::<Vec<_>>()
        });
        Some(lines)
    };
    let history = move || {
        id.with(Option::is_some).then(|| {
            view! {
                <details class="card partner-history">
                    <summary>{language.t(Text::PartHistoryHeading)}</summary>
                    <ul>
                        {move || history_lines().unwrap_or_default().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                </details>
            }
        })
    };

    view! {
        <p class="crumbs"><A href="/partenaires">{language.t(Text::PartBackToList)}</A></p>
        {move || {
            if !data.loaded.get() {
                return view! { <p class="hint">{language.t(Text::PartLoading)}</p> }.into_any();
            }
            // Drawn again only when another partner is shown: an edit saved or pulled while a
            // contact is typed or the history is open keeps both as they are.
            let Some(pid) = shown.get() else {
                return view! { <p class="error">{language.t(Text::PartNotFound)}</p> }.into_any();
            };
            view! {
                {details}
                <section class="card" aria-labelledby="contacts-heading">
                    <h2 id="contacts-heading">{language.t(Text::PartContactsHeading)}</h2>
                    <ContactForm partner=pid.clone()/>
                    <ContactList partners partner=pid.clone()/>
                </section>
                <Referrals partners partner=pid/>
                {history}
            }
            .into_any()
        }}
    }
}
