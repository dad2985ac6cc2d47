//! Exports of the imported log: the visits table, with the indicators' filter, as CSV for French
//! Excel or JSON Lines, named (for the team) or pseudonymised (to share). The file is written a
//! chunk at a time into the parts of a `Blob`, so 100,000 rows never make one big string, then
//! saved through the browser's own download. A pseudonymised export draws a fresh secret from
//! `crypto.getRandomValues` and forgets it: its pseudonyms link rows inside the file only.

use super::campaign_log::use_campaign_log;
use crate::browser::clock::today;
use crate::field_data::use_field_data;
use crate::i18n::use_language;
use crate::store::fill_random;
use domain::export::{Format, Privacy, Pseudonymiser, file_name, visits};
use domain::i18n::{Locale, Text};
use domain::ids::CampaignId;
use domain::indicators::log::DistinctLog;
use domain::indicators::scope::Places;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Writes the visits export and hands it to the browser; answers the file's name.
fn export(
    log: super::campaign_log::CampaignLog,
    territory: &domain::territory::Territory,
    locale: Locale,
    format: Format,
    pseudonymised: bool,
) -> Result<String, String> {
    let campaign = CampaignId::parse(&log.campaign.get_untracked()).map_err(|e| e.to_string())?;
    let filter = log.filter.get_untracked();
    let secret = pseudonymised.then(|| {
        let mut secret = [0u8; 32];
        fill_random(&mut secret);
        secret
    });
    let pseudonymiser = match &secret {
        Some(secret) => Some(Pseudonymiser::new(secret).map_err(|e| e.to_string())?),
        None => None,
    };
    let privacy = match &pseudonymiser {
        Some(p) => Privacy::Pseudonymised(p),
        None => Privacy::Named,
    };
    let table = if pseudonymised {
        "passages-pseudonymises"
    } else {
        "passages"
    };
    let name = file_name(&campaign, table, today(), format);
    let parts = js_sys::Array::new();
    log.events.with_value(|events| {
        let distinct = DistinctLog::new(events);
        let places = Places::new(territory, &filter);
        for chunk in visits::sheet(&distinct, &places, &campaign, locale, privacy).write(format) {
            parts.push(&JsValue::from_str(&chunk));
        }
    });
    crate::sync::download::save_parts(&name, format.media_type(), &parts)?;
    Ok(name)
}

#[component]
pub fn Exports() -> impl IntoView {
    let language = use_language();
    let log = use_campaign_log();
    let data = use_field_data();
    let ready = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let run = move |format: Format, pseudonymised: bool| {
        let result = data
            .territory
            .with_untracked(|t| export(log, t, language.get_untracked(), format, pseudonymised));
        match result {
            Ok(name) => {
                problem.set(None);
                ready.set(Some(name));
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let buttons = [
        ("export-csv", Text::ExpCsvNamed, Format::CsvExcelFr, false),
        (
            "export-csv-pseudo",
            Text::ExpCsvPseudo,
            Format::CsvExcelFr,
            true,
        ),
        ("export-jsonl", Text::ExpJsonNamed, Format::JsonLines, false),
        (
            "export-jsonl-pseudo",
            Text::ExpJsonPseudo,
            Format::JsonLines,
            true,
        ),
    ];

    view! {
        <section class="card exports" aria-labelledby="exports-heading">
            <h2 id="exports-heading">{language.t(Text::ExpHeading)}</h2>
            <Show
                // The territory is read from this browser's store: until it is, every door
                // count would be 0 and a place column empty.
                when=move || log.loaded() && data.loaded.get()
                fallback=move || view! { <p class="hint">{language.t(Text::IndNeedLog)}</p> }
            >
                <p class="hint">{language.t(Text::ExpIntro)}</p>
                <div class="choices">
                    {buttons.into_iter().map(|(id, text, format, pseudonymised)| view! {
                        <button
                            type="button"
                            class="secondary"
                            id=id
                            on:click=move |_| run(format, pseudonymised)
                        >
                            {language.t(text)}
                        </button>
                    }).collect_view()}
                </div>
            </Show>
            <p role="status" class="ok">
                {move || ready.get().map(|name| language.get().fill(Text::ExpReady, &[("file", &name)]))}
            </p>
            <p role="alert" class="error">{move || problem.get()}</p>
        </section>
    }
}
