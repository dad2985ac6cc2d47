//! Importing a dwelling list from a file, in the browser and offline: the shared dwelling-file
//! piece (`components::dwelling_file`) reads and previews it; this screen merges the doors taken
//! into the device's territory. Reading, merging and writing are one transaction: nothing is
//! ever half-imported.

use crate::components::dwelling_file::{Choice, DwellingFile};
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::campaign_territory::words::TerritoryText;
use domain::i18n::{Locale, Text};
use domain::import::Preview;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, PartialEq)]
enum Outcome {
    Imported(usize),
    Failed(String),
}

/// The buttons of the field import: "Importer tout", or only the valid lines.
fn words(locale: Locale, choice: Choice) -> String {
    match choice {
        Choice::All => locale.text(Text::ImportAll).to_owned(),
        Choice::ValidOnly(count) => {
            locale.fill(Text::ImportValidOnly, &[("count", &count.to_string())])
        }
        Choice::NothingValid => TerritoryText::NothingValid.text(locale).to_owned(),
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let bytes = RwSignal::new(None::<Vec<u8>>);
    let outcome = RwSignal::new(None::<Outcome>);

    let import = move |preview: Preview| {
        let Some(store) = use_store() else { return };
        outcome.set(None);
        spawn_local(async move {
            let doors = preview.summary.doors;
            // Read, merged and written in one transaction: the campaign's territory arriving
            // from a sync at the same moment is kept.
            let merged = store
                .merge_into_territory(|mine| mine.merge_import(preview.territory), None)
                .await;
            match merged {
                Ok((territory, _)) => {
                    outcome.set(Some(Outcome::Imported(doors)));
                    bytes.set(None);
                    // What the store now holds, without reading the log again.
                    data.store_territory(territory);
                }
                Err(e) => outcome.set(Some(Outcome::Failed(e.detail()))),
            }
        });
    };

    view! {
        <h1>{language.t(Text::ImportHeading)}</h1>
        <p role="status" class=move || match outcome.get() { Some(Outcome::Failed(_)) => "error", _ => "ok" }>
            {move || outcome.get().map(|o| match o {
                Outcome::Imported(doors) => language.get().fill(Text::ImportDone, &[("doors", &doors.to_string())]),
                Outcome::Failed(detail) => domain::device_storage::write_failed(&detail, language.get()),
            })}
        </p>
        <DwellingFile bytes words choose=import/>
    }
}
