//! "Demandes sur les données personnelles": find the resident behind a request among the
//! imported log (name, phone or email), show their entries in the consent register, export
//! everything held about them (access request, JSON or CSV), erase their details after a
//! confirmation that says what goes and what stays, and the retention period's summary.
//!
//! The rules are `domain::export` (register, access request) and `domain::privacy` (erasure,
//! retention); this screen reads the log the workspace imported and asks the server to record
//! the erasure, then applies it to the log in this browser at once.

use super::campaign_log::{CampaignLog, use_campaign_log};
use super::use_workspace;
use crate::browser::clock::today;
use crate::coordination_api as api;
use crate::field_data::use_field_data;
use crate::i18n::use_language;
use crate::sync::download::save_parts;
use domain::calendar::LocalDate;
use domain::consent::Purpose;
use domain::event::{EventBody, EventEnvelope};
use domain::export::Format;
use domain::export::access::access_request;
use domain::export::register::ConsentRegister;
use domain::i18n::Locale;
use domain::ids::CampaignId;
use domain::indicators::Filter;
use domain::indicators::log::{DistinctLog, put_in_order};
use domain::indicators::scope::Places;
use domain::privacy::erasure::check_reference;
use domain::privacy::words::{Word, day_month_year, retention_due, shown_name};
use domain::privacy::{
    DEFAULT_RETENTION_MONTHS, ErasedField, ErasureReason, RetentionSummary, apply_erasures,
    due_for_purge,
};
use domain::signup::ResidentId;
use domain::territory::Territory;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// One yes / no of a sign-up, as the register shows it.
#[derive(Clone, PartialEq)]
struct ConsentLine {
    purpose: Purpose,
    granted: Option<bool>,
    on: LocalDate,
    notice: String,
}

/// What the screen shows of one resident.
#[derive(Clone, PartialEq)]
struct Card {
    resident: ResidentId,
    /// `None` once erased.
    name: Option<String>,
    contact: String,
    consents: Vec<ConsentLine>,
    /// When, with which reference, and why their details were erased.
    erased: Option<(LocalDate, String, ErasureReason)>,
}

fn campaign_of(log: CampaignLog) -> Option<CampaignId> {
    CampaignId::parse(&log.campaign.get_untracked()).ok()
}

/// The residents whose name, phone or email matches, from the consent register.
fn search(events: &[EventEnvelope], campaign: &CampaignId, query: &str) -> Vec<ResidentId> {
    let distinct = DistinctLog::new(events);
    let register = ConsentRegister::new(&distinct, campaign);
    register.find(query).into_iter().cloned().collect()
}

fn card(events: &[EventEnvelope], campaign: &CampaignId, resident: &ResidentId) -> Option<Card> {
    let distinct = DistinctLog::new(events);
    let register = ConsentRegister::new(&distinct, campaign);
    let current = register.current(resident)?;
    let erased = distinct
        .iter()
        .filter(|e| e.campaign == *campaign)
        .filter_map(|e| match &e.body {
            EventBody::ResidentErased(erased) if erased.resident == *resident => {
                Some((erased.requested_on, erased.reference.clone(), erased.reason))
            }
            _ => None,
        })
        .last();
    let name = (!current.first_name.is_empty())
        .then(|| shown_name(current.first_name, current.last_name, Locale::Fr));
    let contact = [current.phone, current.email]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let consents = register
        .of(resident)
        .flat_map(|c| {
            Purpose::ALL.into_iter().map(|purpose| ConsentLine {
                purpose,
                granted: c.answer(purpose),
                on: c.on,
                notice: c.notice_version.to_owned(),
            })
        })
        .collect();
    Some(Card {
        resident: resident.clone(),
        name,
        contact,
        consents,
        erased,
    })
}

/// Writes everything held about `resident` (the access request) and hands it to the browser.
fn export_access(
    log: CampaignLog,
    territory: &Territory,
    locale: Locale,
    resident: &ResidentId,
    format: Format,
) -> Result<String, String> {
    let campaign = campaign_of(log).ok_or("campaign")?;
    let parts = js_sys::Array::new();
    let filter = Filter::default();
    log.events.with_value(|events| {
        let distinct = DistinctLog::new(events);
        let register = ConsentRegister::new(&distinct, &campaign);
        let Some(held) = register.of(resident).next().map(|c| c.resident) else {
            return Err(Word::NoMatch.text(locale).to_owned());
        };
        let places = Places::new(territory, &filter);
        let report = access_request(&distinct, &register, &campaign, held);
        match format {
            Format::JsonLines => {
                parts.push(&JsValue::from_str(&report.to_json(&places, locale)));
            }
            Format::CsvExcelFr => {
                // The sections one after the other, each with its headings; one mark of UTF-8
                // at the very start, as Excel expects.
                for (i, sheet) in report.sheets(&places, locale).into_iter().enumerate() {
                    if i > 0 {
                        parts.push(&JsValue::from_str("\r\n"));
                    }
                    for chunk in sheet.write(Format::CsvExcelFr) {
                        let chunk = match i {
                            0 => chunk.as_str(),
                            _ => chunk.trim_start_matches('\u{feff}'),
                        };
                        parts.push(&JsValue::from_str(chunk));
                    }
                }
            }
        }
        Ok(())
    })?;
    let (extension, mime) = match format {
        Format::JsonLines => ("json", "application/json"),
        Format::CsvExcelFr => ("csv", format.media_type()),
    };
    let short: String = resident.as_str().chars().take(8).collect();
    let name = format!(
        "palier-{}-donnees-{short}-{}.{extension}",
        campaign.as_str(),
        today()
    );
    save_parts(&name, mime, &parts)?;
    Ok(name)
}

#[component]
pub fn PrivacyRequests() -> impl IntoView {
    let language = use_language();
    let workspace = use_workspace();
    let log = use_campaign_log();
    let data = use_field_data();
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Vec<ResidentId>>);
    let confirming = RwSignal::new(None::<ResidentId>);
    let reference = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let months = RwSignal::new(DEFAULT_RETENTION_MONTHS);

    // Erasures that arrive with an import (another coordinator's, the retention job's) blank
    // the copies of the events this browser imported before them.
    Effect::new(move |_| {
        log.version.track();
        log.events.update_value(|all| {
            apply_erasures(all);
        });
    });
    // The campaign's retention period, from its settings.
    Effect::new(move |_| {
        let campaign = log.campaign.get();
        if campaign.is_empty() {
            return;
        }
        spawn_local(async move {
            if let Ok(settings) = api::campaign_settings(&campaign).await {
                months.set(u32::from(settings.retention_months));
            }
        });
    });

    let run_search = move || {
        let Some(campaign) = campaign_of(log) else {
            return;
        };
        let text = query.get_untracked();
        found.set(Some(
            log.events
                .with_value(|events| search(events, &campaign, &text)),
        ));
        status.set(None);
    };
    let cards = Memo::new(move |_| {
        log.version.track();
        let ids = found.get().unwrap_or_default();
        let campaign = campaign_of(log)?;
        Some(log.events.with_value(|events| {
            ids.iter()
                .filter_map(|id| card(events, &campaign, id))
                .collect::<Vec<_>>()
        }))
    });
    let retention = Memo::new(move |_| {
        log.version.track();
        let campaign = log.campaign.get();
        let months = months.get();
        let due = log.events.with_value(|events| {
            due_for_purge(
                events.iter().filter(|e| e.campaign.as_str() == campaign),
                months,
                today(),
            )
        });
        RetentionSummary::of(&due)
    });
    let export = move |resident: ResidentId, format: Format| {
        let locale = language.get_untracked();
        let result = data
            .territory
            .with_untracked(|t| export_access(log, t, locale, &resident, format));
        match result {
            Ok(name) => {
                problem.set(None);
                status.set(Some(name));
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let confirm = move || {
        let Some(resident) = confirming.get_untracked() else {
            return;
        };
        let locale = language.get_untracked();
        let typed = reference.get_untracked().trim().to_owned();
        if let Err(p) = check_reference(&typed) {
            problem.set(Some(p.text(locale).to_owned()));
            return;
        }
        let (Some(session), Some(campaign)) = (workspace.session.get_untracked(), campaign_of(log))
        else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let answer = api::erase(&session, campaign.as_str(), resident.as_str(), &typed).await;
            busy.set(false);
            match answer {
                Ok(event) => {
                    log.events.update_value(|all| {
                        all.push(event);
                        put_in_order(all);
                        apply_erasures(all);
                    });
                    log.version.update(|v| *v += 1);
                    confirming.set(None);
                    reference.set(String::new());
                    problem.set(None);
                    status.set(Some(Word::ErasureRecorded.text(locale).to_owned()));
                }
                Err(p) => {
                    let detail = p.text(locale);
                    problem.set(Some(domain::i18n::fill(
                        Word::ErasureFailed.text(locale),
                        &[("detail", &detail)],
                    )));
                    workspace.failed(p);
                }
            }
        });
    };

    let t = move |word: Word| move || word.text(language.get());
    let consent_table = move |lines: Vec<ConsentLine>| {
        view! {
            <table class="privacy-consents">
                <caption>{t(Word::ConsentRegister)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Word::Purpose)}</th>
                        <th scope="col">{t(Word::Answer)}</th>
                        <th scope="col">{t(Word::Date)}</th>
                        <th scope="col">{t(Word::NoticeVersion)}</th>
                    </tr>
                </thead>
                <tbody>
                    {lines.into_iter().map(|line| {
                        let answer = move || match line.granted {
                            Some(true) => Word::Yes.text(language.get()),
                            Some(false) => Word::No.text(language.get()),
                            None => "—",
                        };
                        view! {
                            <tr>
                                <td>{move || line.purpose.label(language.get())}</td>
                                <td>{answer}</td>
                                <td>{day_month_year(line.on)}</td>
                                <td>{line.notice.clone()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    let show_card = move |card: Card| {
        let resident = card.resident.clone();
        let for_json = resident.clone();
        let for_csv = resident.clone();
        let for_erase = resident.clone();
        let erased = card.erased.clone();
        let name = match (&card.name, &card.erased) {
            (Some(name), _) => name.clone(),
            (None, Some((_, _, ErasureReason::RetentionPeriod))) => ErasureReason::RetentionPeriod
                .label(language.get_untracked())
                .to_owned(),
            (None, _) => Word::ErasedLabel.text(language.get_untracked()).to_owned(),
        };
        let is_erased = card.name.is_none();
        view! {
            <article class="privacy-card" data-resident=resident.as_str().to_owned()>
                <h3 class=("erased", is_erased)>{name}</h3>
                <p class="hint">
                    {t(Word::Resident)} " " <code dir="ltr">{resident.as_str().to_owned()}</code>
                    // A phone number and an email read left to right inside an Arabic page.
                    {(!card.contact.is_empty()).then(|| view! {
                        " · " <bdi dir="ltr">{card.contact.clone()}</bdi>
                    })}
                </p>
                {erased.map(|(on, reference, _)| view! {
                    <p class="ok">
                        {move || domain::i18n::fill(
                            Word::AlreadyErased.text(language.get()),
                            &[("date", &day_month_year(on)), ("reference", &reference)],
                        )}
                    </p>
                })}
                {consent_table(card.consents.clone())}
                <div class="choices">
                    <button
                        type="button"
                        class="secondary privacy-export-json"
                        on:click=move |_| export(for_json.clone(), Format::JsonLines)
                    >
                        {t(Word::ExportJson)}
                    </button>
                    <button
                        type="button"
                        class="secondary privacy-export-csv"
                        on:click=move |_| export(for_csv.clone(), Format::CsvExcelFr)
                    >
                        {t(Word::ExportCsv)}
                    </button>
                    {(!is_erased).then(|| view! {
                        <button
                            type="button"
                            class="danger privacy-erase"
                            on:click=move |_| {
                                problem.set(None);
                                confirming.set(Some(for_erase.clone()));
                            }
                        >
                            {t(Word::Erase)}
                        </button>
                    })}
                </div>
            </article>
        }
    };

    view! {
        <section class="card privacy" aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{t(Word::Title)}</h2>
            <Show
                when=move || log.loaded()
                fallback=move || view! { <p class="hint">{t(Word::LoadFirst)}</p> }
            >
                <p class="hint">{t(Word::Intro)}</p>
                <form
                    class="privacy-search"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        run_search();
                    }
                >
                    <label for="privacy-search">{t(Word::SearchLabel)}</label>
                    <div class="choices">
                        <input
                            id="privacy-search"
                            type="search"
                            dir="auto"
                            autocomplete="off"
                            prop:value=move || query.get()
                            on:input=move |ev| query.set(event_target_value(&ev))
                        />
                        <button type="submit" id="privacy-search-go">{t(Word::Search)}</button>
                    </div>
                </form>
                {move || match cards.get() {
                    Some(cards) if found.with(|f| f.is_some()) && cards.is_empty() => {
                        view! { <p class="hint">{t(Word::NoMatch)}</p> }.into_any()
                    }
                    Some(cards) => cards.into_iter().map(show_card).collect_view().into_any(),
                    None => ().into_any(),
                }}
                <h3>{t(Word::Retention)}</h3>
                <p class="hint">
                    {move || domain::i18n::fill(
                        Word::RetentionExplain.text(language.get()),
                        &[("months", &months.get().to_string())],
                    )}
                </p>
                <p id="privacy-retention">
                    {move || {
                        let summary = retention.get();
                        retention_due(summary.purged, summary.oldest_contact, language.get())
                    }}
                </p>
            </Show>
            <p role="status" class="ok" id="privacy-status">{move || status.get()}</p>
            <p role="alert" class="error">{move || problem.get()}</p>
            {move || confirming.get().map(|_| view! {
                <div class="dialog-backdrop">
                    <div
                        class="dialog privacy-dialog"
                        role="alertdialog"
                        aria-modal="true"
                        aria-labelledby="privacy-dialog-title"
                    >
                        <h2 id="privacy-dialog-title">{t(Word::DialogTitle)}</h2>
                        <p>{t(Word::WillErase)}</p>
                        <ul>
                            {ErasedField::ALL.into_iter().map(|field| view! {
                                <li>{move || field.label(language.get())}</li>
                            }).collect_view()}
                        </ul>
                        <p>{t(Word::WillKeep)}</p>
                        <ul>
                            <li>{t(Word::KeepSignUp)}</li>
                            <li>{t(Word::KeepOutcomes)}</li>
                            <li>{t(Word::KeepDoNotDisturb)}</li>
                        </ul>
                        <p><strong>{t(Word::CannotUndo)}</strong></p>
                        <label for="privacy-reference">{t(Word::Reference)}</label>
                        <input
                            id="privacy-reference"
                            type="text"
                            autocomplete="off"
                            maxlength="40"
                            prop:value=move || reference.get()
                            on:input=move |ev| reference.set(event_target_value(&ev))
                        />
                        <p role="alert" class="error">{move || problem.get()}</p>
                        <div class="choices">
                            // Like every dialog of the app: the way back first, the action last.
                            <button
                                type="button"
                                class="secondary"
                                id="privacy-cancel"
                                on:click=move |_| {
                                    problem.set(None);
                                    confirming.set(None);
                                }
                            >
                                {t(Word::Cancel)}
                            </button>
                            <button
                                type="button"
                                class="danger"
                                id="privacy-confirm"
                                disabled=move || busy.get()
                                on:click=move |_| confirm()
                            >
                                {t(Word::Confirm)}
                            </button>
                        </div>
                    </div>
                </div>
            })}
        </section>
    }
}
