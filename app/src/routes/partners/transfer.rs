//! The directory as a spreadsheet, both ways, offline: the export button (the domain writes the
//! Excel-FR bytes, the browser saves them) and the import screen. The file is read here, the
//! domain reads it line by line and plans the edits against the directory; the screen shows
//! what will be added, updated, left as it is and every problem with its line number, and
//! nothing is recorded before "import the valid lines". Each partner is then one
//! `PartnerEdited`, recorded like the form's, so imports sync and merge field by field.
//!
//! The stable key is the domain's (`csv::plan`): the "identifiant" column an export writes,
//! else the name ignoring case and accents; re-importing a file therefore adds nothing twice.

use super::use_partners;
use crate::browser::clock;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::event::EventBody;
use domain::i18n::Text;
use domain::import::decode::Encoding;
use domain::partners::csv::{self, ImportPlan, Reading};
use domain::partners::{PartnerId, ToolText};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen_futures::JsFuture;

/// Saves the directory (partners not archived, by name) as `partenaires-AAAA-MM-JJ.csv`;
/// returns the file's name to tell the user where to look.
pub fn export_directory(
    partners: &domain::partners::Partners,
    residences: &[domain::territory::Residence],
) -> Result<String, String> {
    let bytes = csv::export(&partners.directory.partners(), residences);
    // The writer only writes UTF-8; the BOM survives as U+FEFF, which the Blob encodes back.
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    let name = csv::file_name(clock::today());
    crate::sync::download::save_text_file(&name, "text/csv;charset=utf-8", &text)?;
    Ok(name)
}

/// A new partner's id, from the browser's random source, as the form draws one.
fn new_partner_id() -> PartnerId {
    let mut random = [0u8; 16];
    crate::store::fill_random(&mut random);
    PartnerId::from_random(random)
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Imported {
        new: usize,
        updated: usize,
    },
    /// The import was refused by the device (a full device above all): one transaction, so
    /// nothing of it was recorded and the file stays chosen to try again.
    NotRecorded(String),
    Unreadable(String),
}

#[component]
pub fn ImportPartnersPage() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let partners = use_partners();
    let bytes = RwSignal::new(None::<Vec<u8>>);
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    let reading = Memo::new(move |_| {
        bytes.with(|b| {
            b.as_ref()
                .map(|b| data.territory.with(|t| csv::read(b, &t.residences)))
        })
    });
    // For the summary only: new partners get their real ids when the import is confirmed.
    let preview = Memo::new(move |_| {
        reading.with(|r| {
            r.as_ref().map(|r| {
                partners
                    .with(|p| csv::plan(&r.lines, &p.directory, || PartnerId::from_random([0; 16])))
            })
        })
    });

    let on_file = move |ev: leptos::ev::Event| {
        let el: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = el.files().and_then(|f| f.get(0)) else {
            return;
        };
        outcome.set(None);
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => bytes.set(Some(js_sys::Uint8Array::new(&buffer).to_vec())),
                Err(e) => outcome.set(Some(Outcome::Unreadable(format!("{e:?}")))),
            }
        });
    };

    let import = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some(lines) = reading.with_untracked(|r| r.as_ref().map(|r| r.lines.clone())) else {
            return;
        };
        let Some(store) = use_store() else {
            return outcome.set(Some(Outcome::Unreadable("IndexedDB".into())));
        };
        // Planned again against the directory as it is now (a sync may have brought edits).
        let plan = partners.with_untracked(|p| csv::plan(&lines, &p.directory, new_partner_id));
        busy.set(true);
        spawn_local(async move {
            // Every partner of the file in one transaction: all recorded, or none (no half
            // directory when the device runs out of space half-way).
            let bodies = plan
                .edits
                .into_iter()
                .map(EventBody::PartnerEdited)
                .collect();
            match store
                .record_batch(crate::volunteer::current_actor(), bodies)
                .await
            {
                Ok(events) => data.recorded(events),
                Err(e) => {
                    outcome.set(Some(Outcome::NotRecorded(e.detail())));
                    busy.set(false);
                    return;
                }
            }
            outcome.set(Some(Outcome::Imported {
                new: plan.created,
                updated: plan.updated,
            }));
            bytes.set(None);
            // The same file chosen again must fire `change` again.
            if let Some(el) = input.get_untracked() {
                el.set_value("");
            }
            busy.set(false);
        });
    };

    let outcome_view = move || {
        let locale = language.get();
        outcome.get().map(|o| match o {
            Outcome::Imported { new, updated } => view! {
                <p role="status" class="ok">{ToolText::Imported { new, updated }.text(locale)}</p>
            }
            .into_any(),
            Outcome::NotRecorded(reason) | Outcome::Unreadable(reason) => view! {
                <p role="alert" class="error">
                    {domain::device_storage::write_failed(&reason, locale)}
                </p>
            }
            .into_any(),
        })
    };

    let preview_view = move || {
        let locale = language.get();
        let reading = reading.get()?;
        let plan = preview.get()?;
        Some(view! { <PreviewView reading plan locale busy import/> })
    };

    view! {
        <p class="crumbs"><A href="/partenaires">{language.t(Text::PartBackToList)}</A></p>
        <h1>{move || ToolText::ImportHeading.text(language.get())}</h1>
        <section class="card partners-import">
            <p class="hint">{move || ToolText::ImportHow.text(language.get())}</p>
            <div class="field">
                <label for="partners-import-file">{move || ToolText::FileLabel.text(language.get())}</label>
                <input id="partners-import-file" type="file" node_ref=input
                    accept=".csv,.txt,text/csv,text/plain" on:change=on_file/>
            </div>
        </section>
        {outcome_view}
        {preview_view}
    }
}

#[component]
fn PreviewView<F>(
    reading: Reading,
    plan: ImportPlan,
    locale: domain::i18n::Locale,
    busy: RwSignal<bool>,
    import: F,
) -> impl IntoView
where
    F: Fn(leptos::ev::MouseEvent) + Clone + 'static,
{
    let blocked = reading.file_problems.iter().any(|p| p.blocks_import());
    let file_problems = reading
        .file_problems
        .iter()
        .map(|p| {
            let class = if p.blocks_import() { "error" } else { "hint" };
            view! { <li class=class>{p.text(locale)}</li> }
        })
        .collect_view();
    let problem_count = reading.problems.len();
    let problems = reading
        .problems
        .iter()
        .map(|p| {
            let class = if p.kind.leaves_line_out() {
                "error"
            } else {
                "warning"
            };
            view! { <li class=class>{p.text(locale)}</li> }
        })
        .collect_view();
    let to_record = plan.edits.len();
    let summary = [
        ToolText::New {
            count: plan.created,
        },
        ToolText::Updated {
            count: plan.updated,
        },
        ToolText::Unchanged {
            count: plan.unchanged,
        },
        ToolText::LeftOut {
            count: reading.lines_left_out(),
        },
    ]
    .into_iter()
    .map(|t| view! { <li>{t.text(locale)}</li> })
    .collect_view();
    let action = if blocked {
        None
    } else if to_record == 0 {
        Some(view! { <p class="hint">{ToolText::NothingToImport.text(locale)}</p> }.into_any())
    } else {
        Some(
            view! {
                <div class="actions">
                    <button type="button" on:click=import disabled=move || busy.get()>
                        {ToolText::ImportValid { count: to_record }.text(locale)}
                    </button>
                </div>
            }
            .into_any(),
        )
    };
    view! {
        <section class="card partners-import-preview" aria-labelledby="import-summary-heading">
            <h2 id="import-summary-heading">{ToolText::SummaryHeading.text(locale)}</h2>
            {(reading.encoding == Encoding::Windows1252)
                .then(|| view! { <p class="hint">{ToolText::ReadAsWindows1252.text(locale)}</p> })}
            {(!reading.file_problems.is_empty()).then(|| view! { <ul class="import-file-problems">{file_problems}</ul> })}
            {(!blocked).then(|| view! { <ul class="import-summary">{summary}</ul> })}
            {(problem_count > 0).then(|| view! {
                <h3>{ToolText::ProblemsHeading { count: problem_count }.text(locale)}</h3>
                <ul class="import-problems">{problems}</ul>
            })}
            {action}
        </section>
    }
}
