//! The kiosk's questions and answers in the campaign editor: the shipped entries and the
//! campaign's own, in the language chosen, each with its question and answer to rewrite and
//! "Masquer" to take it off the kiosk; and "Ajouter une question". Changes wait in `pending`
//! until the editor's "Enregistrer" sends them with the rest.

use crate::i18n::use_language;
use domain::campaign::{CampaignSettings, CampaignText as T, SettingEdit};
use domain::kiosk::{KioskLanguage, Topic, default_knowledge};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One entry as the editor lists it, in one language.
#[derive(Clone, PartialEq, Eq)]
struct Row {
    id: String,
    question: String,
    answer: String,
}

/// A new entry's id: short, random, in the shipped entries' alphabet.
fn new_entry_id() -> String {
    const SYMBOLS: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz023456789";
    let mut random = [0u8; 6];
    crate::store::fill_random(&mut random);
    let tail: String = random
        .iter()
        .map(|b| SYMBOLS[usize::from(*b) % 32] as char)
        .collect();
    format!("q-{tail}")
}

#[component]
pub fn KnowledgeEditor(
    loaded: RwSignal<Option<CampaignSettings>>,
    pending: RwSignal<BTreeMap<String, SettingEdit>>,
) -> impl IntoView {
    let language = use_language();
    let t = move |key: T| move || key.text(language.get());
    let shipped = StoredValue::new(default_knowledge());
    let lang = RwSignal::new(KioskLanguage::Fr);
    // The settings with the changes not sent yet: what the list shows.
    let current = Memo::new(move |_| {
        let edits: Vec<SettingEdit> = pending.with(|p| p.values().cloned().collect());
        loaded.with(|s| s.as_ref().map(|s| s.with_edits(&edits)))
    });
    // Which entries exist, in order; their texts are read per row.
    let ids = Memo::new(move |_| {
        let mut ids: Vec<String> =
            shipped.with_value(|k| k.entries.iter().map(|e| e.id.clone()).collect());
        current.with(|s| {
            for id in s.iter().flat_map(|s| s.knowledge.keys()) {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        });
        ids
    });
    let row_of = move |id: &str, lang: KioskLanguage| -> Row {
        let edited = current.with(|s| {
            s.as_ref()
                .and_then(|s| s.knowledge.get(id))
                .and_then(|e| e.texts.get(&lang).cloned())
        });
        let (question, answer) = edited.unwrap_or_else(|| {
            shipped.with_value(|k| {
                k.entries
                    .iter()
                    .find(|e| e.id == id)
                    .and_then(|e| e.texts.get(&lang))
                    .map(|t| (t.question.clone(), t.answer.clone()))
                    .unwrap_or_default()
            })
        });
        Row {
            id: id.to_owned(),
            question,
            answer,
        }
    };
    let new_question = RwSignal::new(String::new());
    let new_answer = RwSignal::new(String::new());
    let add = move |_| {
        let (question, answer) = (new_question.get_untracked(), new_answer.get_untracked());
        if question.trim().is_empty() && answer.trim().is_empty() {
            return;
        }
        let id = new_entry_id();
        pending.update(|p| {
            for edit in [
                SettingEdit::KnowledgeText {
                    entry: id.clone(),
                    language: KioskLanguage::Fr,
                    question,
                    answer,
                },
                SettingEdit::KnowledgeTopic {
                    entry: id.clone(),
                    topic: Topic::ThisCampaign,
                },
            ] {
                p.insert(edit.key(), edit);
            }
        });
        new_question.set(String::new());
        new_answer.set(String::new());
    };

    view! {
        <fieldset class="knowledge-editor">
            <legend>{t(T::Knowledge)}</legend>
            <p class="hint" dir="auto">{t(T::KnowledgeHint)}</p>
            <label for="knowledge-language">{t(T::Language)}</label>
            <select id="knowledge-language"
                on:change=move |ev| if let Some(l) = KioskLanguage::from_tag(&event_target_value(&ev)) { lang.set(l) }>
                {KioskLanguage::ALL.into_iter().map(|l| view! {
                    <option value=l.tag() lang=l.html_lang() selected=move || lang.get() == l>{l.own_name()}</option>
                }).collect_view()}
            </select>
            {move || {
                let l = lang.get();
                view! {
                    <ol class="knowledge-entries">
                        <For each=move || ids.get() key=|id| id.clone() let:id>
                            {
                                let row = untrack(|| row_of(&id, l));
                                let question = RwSignal::new(row.question.clone());
                                let answer = RwSignal::new(row.answer.clone());
                                let write = {
                                    let id = id.clone();
                                    move || {
                                        let edit = SettingEdit::KnowledgeText {
                                            entry: id.clone(),
                                            language: l,
                                            question: question.get_untracked(),
                                            answer: answer.get_untracked(),
                                        };
                                        pending.update(|p| { p.insert(edit.key(), edit); });
                                    }
                                };
                                let write_q = write.clone();
                                let hidden_id = id.clone();
                                let hidden = Memo::new(move |_| current.with(|s| s.as_ref().and_then(|s| s.knowledge.get(&hidden_id)).is_some_and(|e| e.hidden)));
                                let toggle_id = id.clone();
                                let toggle = move |_| {
                                    let edit = SettingEdit::KnowledgeHidden { entry: toggle_id.clone(), hidden: !hidden.get_untracked() };
                                    pending.update(|p| { p.insert(edit.key(), edit); });
                                };
                                let qid = format!("kb-q-{id}");
                                let aid = format!("kb-a-{id}");
                                view! {
                                    <li class="knowledge-entry" class:hidden-entry=move || hidden.get() data-entry=id.clone()>
                                        <label for=qid.clone()>{t(T::Question)}</label>
                                        <input id=qid type="text" lang=l.html_lang() dir=l.direction().html_value()
                                            prop:value=move || question.get()
                                            on:input=move |ev| { question.set(event_target_value(&ev)); write_q(); }/>
                                        <label for=aid.clone()>{t(T::Answer)}</label>
                                        <textarea id=aid rows="3" lang=l.html_lang() dir=l.direction().html_value()
                                            prop:value=move || answer.get()
                                            on:input=move |ev| { answer.set(event_target_value(&ev)); write(); }></textarea>
                                        <div class="choices">
                                            <button type="button" class="secondary" aria-pressed=move || hidden.get().to_string() on:click=toggle>
                                                {move || if hidden.get() { T::PutBack } else { T::Hide }.text(language.get())}
                                            </button>
                                            <Show when=move || hidden.get()>
                                                <span class="hint">{t(T::HiddenEntry)}</span>
                                            </Show>
                                        </div>
                                    </li>
                                }
                            }
                        </For>
                    </ol>
                }
            }}
            <h3>{t(T::AddEntry)}</h3>
            <p class="hint">{t(T::NewEntryHint)}</p>
            <label for="kb-new-question">{t(T::Question)}</label>
            <input id="kb-new-question" type="text" lang="fr" dir="ltr"
                prop:value=move || new_question.get()
                on:input=move |ev| new_question.set(event_target_value(&ev))/>
            <label for="kb-new-answer">{t(T::Answer)}</label>
            <textarea id="kb-new-answer" rows="3" lang="fr" dir="ltr"
                prop:value=move || new_answer.get()
                on:input=move |ev| new_answer.set(event_target_value(&ev))></textarea>
            <div class="choices">
                <button type="button" class="secondary" on:click=add>{t(T::AddEntry)}</button>
            </div>
        </fieldset>
    }
}
