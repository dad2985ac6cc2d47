//! The partners' directory: search as you type (accent-blind, `domain::partners::SearchIndex`),
//! theme chips, the follow-ups due today, and links to each partner's page. Everything is read
//! from the device's event log; the demo directory is stored on first visit like pulled events.

pub mod contact;
pub mod form;
pub mod page;
pub mod referral;
pub mod transfer;

use crate::browser::clock;
use crate::field_data::{FieldData, use_field_data, use_store};
use crate::i18n::use_language;
use crate::store::EventStore;
use domain::calendar::LocalDate;
use domain::canvass::words::day_from;
use domain::event::Actor;
use domain::i18n::{Locale, Text};
use domain::ids::CampaignId;
use domain::partners::{Change, Filter, Partners, SearchIndex, Theme, ToolText, demo};
use domain::sync::{Cursor, Enrollment, PullResponse};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use std::cell::Cell;

thread_local! {
    /// The demo directory is looked at once per page load, whichever partners screen opens first.
    static SEEDING_CHECKED: Cell<bool> = const { Cell::new(false) };
}

/// The directory, contacts and referrals folded from the log, refolded when the log changes; and
/// the demo directory stored on a device of the demo campaign that does not hold it yet.
pub fn use_partners() -> Memo<Partners> {
    let data = use_field_data();
    Effect::new(move |_| {
        if !data.loaded.get() || SEEDING_CHECKED.get() {
            return;
        }
        let Some(store) = use_store() else {
            return;
        };
        SEEDING_CHECKED.set(true);
        // Its events have fixed ids: stored once, never twice, whatever else the team pulled.
        let demo_device = demo::demo_device();
        let has_demo = data
            .events
            .with_untracked(|events| events.iter().any(|e| e.device == demo_device));
        if !has_demo {
            spawn_local(seed_demo_directory(store, data));
        }
    });
    Memo::new(move |_| data.events.with(|events| Partners::from_events(events)))
}

/// Stores the demo directory as if pulled from the server (never in the outbox: every device has
/// it, with the same ids), on a device still in the demo campaign.
async fn seed_demo_directory(store: EventStore, data: FieldData) {
    let Ok(enrollment) = store.enrollment().await else {
        return;
    };
    if Enrollment::campaign_for_new_events(enrollment.as_ref()) != CampaignId::demo() {
        return;
    }
    let page = PullResponse {
        events: demo::events(),
        // The cursor never moves backwards: START leaves a saved one as it is.
        next_cursor: Cursor::START,
        more: false,
        territory: None,
    };
    if let Ok(added) = store.save_pulled_page(&page, crate::store::now_ms()).await
        && !added.is_empty()
    {
        data.received(added);
    }
}

/// "jeudi 26/11", "aujourd'hui", "demain".
pub fn day_label(date: LocalDate, locale: Locale) -> String {
    day_from(date, clock::today(), locale)
}

/// A `<input type=date>` value.
pub fn parse_date(value: &str) -> Option<LocalDate> {
    LocalDate::try_from(value.trim().to_owned()).ok()
}

/// Who made a change: a person's name, or which device (this one, another, the demo directory).
pub fn who(change: &Change, me: Option<&domain::ids::DeviceId>, locale: Locale) -> String {
    match &change.by {
        Actor::Volunteer { name } | Actor::Coordinator { name } if !name.is_empty() => name.clone(),
        _ if change.at.device == demo::demo_device() => {
            locale.text(Text::PartDemoDirectory).to_owned()
        }
        _ if Some(&change.at.device) == me => locale.text(Text::PartThisDevice).to_owned(),
        _ => locale.text(Text::PartAnotherDevice).to_owned(),
    }
}

#[component]
pub fn PartnersPage() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let partners = use_partners();
    let query = RwSignal::new(String::new());
    let theme = RwSignal::new(None::<Theme>);
    let show_archived = RwSignal::new(false);
    let exported = RwSignal::new(None::<Result<String, String>>);
    // Every partner, archived ones too: the filter decides, so "show archived" needs no refold.
    let everyone = Memo::new(move |_| partners.with(|p| p.directory.all_partners()));

    let export = move |_| {
        let result = partners.with_untracked(|p| {
            data.territory
                .with_untracked(|t| transfer::export_directory(p, &t.residences))
        });
        exported.set(Some(result));
    };

    let results = move || {
        let locale = language.get();
        let filter = Filter {
            theme: theme.get(),
            include_archived: show_archived.get(),
            ..Filter::default()
        };
        let index = everyone.with(|all| SearchIndex::new(all.iter().cloned()));
        let hits: Vec<_> = index
            .search(&query.get(), &filter)
            .into_iter()
            .map(|hit| hit.partner.clone())
            .collect();
        let count = hits.len();
        let list = hits
            .into_iter()
            .map(|p| {
                let href = format!("/partenaires/{}", p.id.as_str());
                let archived = p.archived.then(|| {
                    view! { <span class="partner-archived">{ToolText::ArchivedTag.text(locale)}</span> }
                });
                let themes = p
                    .themes
                    .iter()
                    .map(|t| view! { <li>{t.label(locale)}</li> })
                    .collect_view();
                view! {
                    <li>
                        <a class="partner-link" href=href>
                            <span class="partner-name">{p.name.clone()}</span>
                            <span class="partner-kind">{p.kind.label(locale)}</span>
                            {archived}
                            <ul class="partner-themes">{themes}</ul>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="hint" aria-live="polite">
                {if count == 0 {
                    locale.text(Text::PartNone).to_owned()
                } else {
                    locale.fill(Text::PartResultCount, &[("count", &count.to_string())])
                }}
            </p>
            <ul class="partner-list">{list}</ul>
        }
    };

    let follow_ups = move || {
        let locale = language.get();
        let due = partners.with(|p| p.contacts.follow_ups_due(&p.directory, clock::today()));
        if due.is_empty() {
            return view! { <p class="hint">{locale.text(Text::PartFollowUpsNone)}</p> }.into_any();
        }
        let items = due
            .into_iter()
            .map(|f| {
                let href = format!("/partenaires/{}", f.partner.as_str());
                let on = locale.fill(Text::PartFollowUpOn, &[("day", &day_label(f.on, locale))]);
                view! {
                    <li>
                        <a href=href>{f.partner_name}</a>
                        " — " {f.what} " · " <span>{on}</span>
                        {f.overdue.then(|| view! { " " <strong class="overdue">{locale.text(Text::PartOverdue)}</strong> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="follow-up-list">{items}</ul> }.into_any()
    };

    let chip = move |value: Option<Theme>| {
        let label = move || match value {
            Some(t) => t.label(language.get()).to_owned(),
            None => language.get().text(Text::PartAllThemes).to_owned(),
        };
        view! {
            <button type="button" class="secondary chip"
                aria-pressed=move || (theme.get() == value).to_string()
                on:click=move |_| theme.set(value)>{label}</button>
        }
    };

    view! {
        <h1>{language.t(Text::ModePartners)}</h1>
        <section class="card partners-follow-ups" aria-labelledby="follow-ups-heading">
            <h2 id="follow-ups-heading">{language.t(Text::PartFollowUpsHeading)}</h2>
            {follow_ups}
        </section>
        <div class="partners-tools">
            <A href="/partenaires/nouveau" attr:class="button">{language.t(Text::PartAdd)}</A>
            <A href="/partenaires/importer" attr:class="button secondary">
                {move || ToolText::ImportLink.text(language.get())}
            </A>
            <button type="button" class="secondary" on:click=export>
                {move || ToolText::ExportButton.text(language.get())}
            </button>
        </div>
        <p role="status" class=move || match exported.get() { Some(Err(_)) => "error", _ => "ok" }>
            {move || exported.get().map(|r| match r {
                Ok(file) => ToolText::Exported { file }.text(language.get()),
                Err(reason) => domain::device_storage::write_failed(&reason, language.get()),
            })}
        </p>
        <div class="field partner-search">
            <label for="partner-search">{language.t(Text::PartSearchLabel)}</label>
            <input id="partner-search" type="search" autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))/>
        </div>
        <div class="chips" role="group" aria-label=move || domain::partners::PartnerField::Themes.label(language.get())>
            {chip(None)}
            {Theme::ALL.into_iter().map(|t| chip(Some(t))).collect_view()}
        </div>
        <label class="toggle partner-show-archived">
            <input type="checkbox" prop:checked=move || show_archived.get()
                on:change=move |ev| show_archived.set(event_target_checked(&ev))/>
            {move || ToolText::ShowArchived.text(language.get())}
        </label>
        {move || if data.loaded.get() {
            results().into_any()
        } else {
            view! { <p class="hint">{language.t(Text::PartLoading)}</p> }.into_any()
        }}
    }
}
