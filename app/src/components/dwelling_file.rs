//! Choosing a dwelling file (RPLS or a landlord's export) and checking it before its doors go
//! anywhere: the file is read in the browser, `domain::import` decodes it, suggests which column
//! is what and previews the result; the user checks the columns, sees the summary and the lines
//! in error with their numbers, then takes every line or, knowingly, only the valid ones. The
//! field tablet's import and the coordinator's "attach to the campaign" both use this one piece;
//! each says what its buttons do and does its own writing.

use crate::i18n::use_language;
use domain::campaign_territory::words::TerritoryText;
use domain::i18n::{Locale, Text};
use domain::import::{self, Field, Mapping, Preview};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// What a button or message of the preview says.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Take every line: all of them are doors.
    All,
    /// Take only the valid lines, this many.
    ValidOnly(usize),
    /// The columns are fine but no line gives a door.
    NothingValid,
}

/// The words of the caller's buttons, in the user's language.
pub type ChoiceWords = fn(Locale, Choice) -> String;

/// The file input and, once a file is read, its columns, sample, summary and problems. `bytes`
/// is the file read (the caller clears it once the doors are in); `choose` gets the preview
/// when the user takes its doors.
#[component]
pub fn DwellingFile(
    bytes: RwSignal<Option<Vec<u8>>>,
    words: ChoiceWords,
    choose: impl Fn(Preview) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let language = use_language();
    let mapping = RwSignal::new(None::<Mapping>);
    let unreadable = RwSignal::new(false);
    let preview =
        Memo::new(move |_| bytes.with(|b| b.as_ref().map(|b| import::preview(b, mapping.get()))));

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        unreadable.set(false);
        mapping.set(None);
        bytes.set(None);
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => bytes.set(Some(js_sys::Uint8Array::new(&buffer).to_vec())),
                Err(_) => unreadable.set(true),
            }
        });
    };
    let take = move |only_valid: bool| {
        let Some(preview) = preview.get_untracked() else {
            return;
        };
        if (only_valid && preview.can_import_valid_lines()) || preview.can_import_all() {
            choose(preview);
        }
    };

    view! {
        <div class="card">
            <label for="import-file">{language.t(Text::ImportFileLabel)}</label>
            <input id="import-file" type="file" accept=".csv,.txt,text/csv,text/plain" on:change=on_file/>
            <Show when=move || unreadable.get()>
                <p class="error" role="alert">{move || TerritoryText::FileUnreadable.text(language.get())}</p>
            </Show>
        </div>
        {move || preview.get().map(|p| view! { <PreviewView preview=p mapping words take/> })}
    }
}

#[component]
fn PreviewView(
    preview: Preview,
    mapping: RwSignal<Option<Mapping>>,
    words: ChoiceWords,
    take: impl Fn(bool) + Copy + Send + Sync + 'static,
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
    let can_valid = preview.can_import_valid_lines();
    let nothing_valid = missing.is_empty() && summary.doors == 0 && summary.invalid_lines > 0;
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
            <Show when=move || nothing_valid>
                <p class="error" role="alert">{move || words(language.get(), Choice::NothingValid)}</p>
            </Show>
            <div class="choices">
                <Show when=move || can_all>
                    <button type="button" on:click=move |_| take(false)>{move || words(language.get(), Choice::All)}</button>
                </Show>
                <Show when={move || !can_all && can_valid && valid_lines > 0}>
                    <button type="button" on:click=move |_| take(true)>
                        {move || words(language.get(), Choice::ValidOnly(valid_lines))}
                    </button>
                </Show>
            </div>
        </section>
    }
    .into_any()
}
