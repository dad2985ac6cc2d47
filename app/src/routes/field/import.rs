//! Importing a dwelling list from a file, in the browser and offline: the file is read here, the
//! domain decodes it, suggests which column is what, and previews the result; the user checks the
//! columns, sees the summary and the lines in error, then imports everything or, knowingly, only
//! the valid lines. Writing is one transaction: nothing is ever half-imported.

use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use domain::i18n::Text;
use domain::import::{self, Field, Mapping, Preview};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, PartialEq)]
enum Outcome {
    Imported(usize),
    Failed(String),
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let language = use_language();
    let data = use_field_data();
    let bytes = RwSignal::new(None::<Vec<u8>>);
    let mapping = RwSignal::new(None::<Mapping>);
    let outcome = RwSignal::new(None::<Outcome>);
    let preview =
        Memo::new(move |_| bytes.with(|b| b.as_ref().map(|b| import::preview(b, mapping.get()))));

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        outcome.set(None);
        mapping.set(None);
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => bytes.set(Some(js_sys::Uint8Array::new(&buffer).to_vec())),
                Err(e) => outcome.set(Some(Outcome::Failed(format!("{e:?}")))),
            }
        });
    };

    let import = move |only_valid: bool| {
        let Some(preview) = preview.get_untracked() else {
            return;
        };
        if !only_valid && !preview.can_import_all() {
            return;
        }
        let Some(store) = use_store() else { return };
        spawn_local(async move {
            let mut territory = data.territory.get_untracked();
            let doors = preview.summary.doors;
            territory.merge_import(preview.territory);
            match store.save_residences(&territory.residences).await {
                Ok(()) => {
                    outcome.set(Some(Outcome::Imported(doors)));
                    bytes.set(None);
                    data.reload(store);
                }
                Err(e) => outcome.set(Some(Outcome::Failed(e.detail()))),
            }
        });
    };

    view! {
        <h1>{language.t(Text::ImportHeading)}</h1>
        <div class="card">
            <label for="import-file">{language.t(Text::ImportFileLabel)}</label>
            <input id="import-file" type="file" accept=".csv,.txt,text/csv,text/plain" on:change=on_file/>
        </div>
        <p role="status" class=move || match outcome.get() { Some(Outcome::Failed(_)) => "error", _ => "ok" }>
            {move || outcome.get().map(|o| match o {
                Outcome::Imported(doors) => language.get().fill(Text::ImportDone, &[("doors", &doors.to_string())]),
                Outcome::Failed(detail) => domain::device_storage::write_failed(&detail, language.get()),
            })}
        </p>
        {move || preview.get().map(|p| view! { <PreviewView preview=p mapping import/> })}
    }
}

#[component]
fn PreviewView(
    preview: Preview,
    mapping: RwSignal<Option<Mapping>>,
    import: impl Fn(bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let language = use_language();
    if preview.header.is_empty() {
        return view! { <p class="error" role="alert">{language.t(Text::ImportEmptyFile)}</p> }
            .into_any();
    }
    let locale = language.get_untracked();
    let current = preview.mapping.clone();
    let header = preview.header.clone();
    let missing = preview.mapping.missing_required();
    let problems = preview.problems.clone();
    let summary = preview.summary;
    let valid_lines = summary.valid_lines;
    let can_all = preview.can_import_all();
    view! {
        <p class="hint">{locale.fill(Text::ImportDetected, &[("encoding", preview.encoding.label()), ("separator", &preview.separator.as_char().to_string())])}</p>
        <section class="card" aria-labelledby="mapping-heading">
            <h2 id="mapping-heading">{language.t(Text::ImportMappingHeading)}</h2>
            <div class="mapping">
                {Field::ALL.into_iter().map(|field| {
                    let chosen = current.column(field);
                    let id = format!("map-{field:?}");
                    let header = header.clone();
                    let current = current.clone();
                    view! {
                        <div class="field">
                            <label for=id.clone()>{field.label(locale)}</label>
                            <select id=id on:change=move |ev| {
                                let value = event_target_value(&ev);
                                let mut next = current.clone();
                                next.set(field, value.parse::<usize>().ok());
                                mapping.set(Some(next));
                            }>
                                <option value="" selected=chosen.is_none()>{locale.text(Text::ImportNotMapped)}</option>
                                {header.iter().enumerate().map(|(i, name)| view! {
                                    <option value=i.to_string() selected=chosen == Some(i)>{name.clone()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </div>
            <Show when={let m = missing.clone(); move || !m.is_empty()}>
                <p class="error" role="alert">{language.t(Text::ImportMissingColumns)}</p>
                <ul>{missing.iter().map(|m| view! { <li>{m.text(locale)}</li> }).collect_view()}</ul>
            </Show>
        </section>
        <section class="card" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{language.t(Text::ImportPreviewHeading)}</h2>
            // Scrolls sideways on a narrow screen: focusable so a keyboard can scroll it too.
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="preview-heading">
                <table>
                    <thead><tr>{preview.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {preview.sample_rows.iter().map(|row| view! {
                            <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class="card" aria-labelledby="summary-heading">
            <h2 id="summary-heading" data-testid="import-summary">
                {locale.fill(Text::ImportSummary, &[
                    ("residences", &summary.residences.to_string()),
                    ("buildings", &summary.buildings.to_string()),
                    ("entrances", &summary.entrances.to_string()),
                    ("doors", &summary.doors.to_string()),
                ])}
            </h2>
            <Show when={let p = problems.clone(); move || !p.is_empty()}>
                <h3>{locale.fill(Text::ImportProblemsHeading, &[("count", &summary.invalid_lines.to_string())])}</h3>
                <ul class="problems">
                    {problems.iter().take(200).map(|p| view! { <li>{p.text(locale)}</li> }).collect_view()}
                </ul>
            </Show>
            <div class="choices">
                <Show when=move || can_all>
                    <button type="button" on:click=move |_| import(false)>{language.t(Text::ImportAll)}</button>
                </Show>
                <Show when={move || !can_all && valid_lines > 0}>
                    <button type="button" on:click=move |_| import(true)>
                        {move || language.get().fill(Text::ImportValidOnly, &[("count", &valid_lines.to_string())])}
                    </button>
                </Show>
            </div>
        </section>
    }
    .into_any()
}
