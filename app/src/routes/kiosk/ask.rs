//! "Posez votre question": answered at once and offline by the kiosk's matcher over the default
//! knowledge base, or honestly "not sure" with suggested questions; a question it could not
//! answer is recorded anonymously (`KioskQuestionUnanswered`) for the coordinators. The answer
//! on screen is worked out again when the campaign's settings arrive or change: just after the
//! kiosk starts, the log may still be being read when the first question comes, and the landlord's
//! number or the coordinator's own questions must not stay missing from it.

use super::unanswered::{matcher_for, record_if_unanswered, use_waiting_questions, values_for};
use super::{TopBar, use_turn};
use crate::field_data::use_field_data;
use domain::kiosk::{
    AnswerValues, KioskLanguage, KioskText, MAX_QUESTION_CHARS, Matcher, Reply, ShownAnswer,
    Suggestion, SuggestionKind,
};
use leptos::prelude::*;
use std::sync::Arc;

/// The matcher for the campaign's questions, worked out once per change rather than per
/// question: the words of every entry are prepared ahead.
fn campaign_matcher() -> Memo<Arc<Matcher>> {
    let settings = crate::campaign_settings::use_campaign_settings();
    Memo::new_with_compare(
        move |_| Arc::new(settings.with(matcher_for)),
        |old, new| !matches!((old, new), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    )
}

fn campaign_values() -> Memo<AnswerValues> {
    let settings = crate::campaign_settings::use_campaign_settings();
    Memo::new(move |_| settings.with(values_for))
}

/// What the resident asked for, in the language of the moment they asked.
#[derive(Clone, Debug, PartialEq)]
enum Asked {
    Nothing,
    Question(String, KioskLanguage),
    Entry(String, KioskLanguage),
}

#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Nothing,
    Answer(Arc<ShownAnswer>),
    NotSure(Vec<Suggestion>, SuggestionKind),
}

#[component]
pub fn KioskAsk() -> impl IntoView {
    let turn = use_turn();
    let data = use_field_data();
    let typed = RwSignal::new(String::new());
    let asked_for = RwSignal::new(Asked::Nothing);
    // The question the kiosk could not answer, offered to the callback form.
    let asked = RwSignal::new(String::new());
    let matcher_memo = campaign_matcher();
    let values_memo = campaign_values();
    // Equal answers compare equal, so a settings change that does not touch this answer redraws
    // nothing.
    let shown = Memo::new(move |_| match asked_for.get() {
        Asked::Nothing => Shown::Nothing,
        Asked::Question(question, lang) => {
            match matcher_memo
                .get()
                .reply(&question, lang, &values_memo.get())
            {
                Reply::Answer { answer, .. } => Shown::Answer(Arc::new(answer)),
                Reply::NotSure {
                    suggestions, kind, ..
                } => Shown::NotSure(suggestions, kind),
            }
        }
        Asked::Entry(entry, lang) => matcher_memo
            .get()
            .answer(&entry, lang, &values_memo.get())
            .map_or(Shown::Nothing, |answer| Shown::Answer(Arc::new(answer))),
    });
    // Made again only for another question the kiosk could not answer: the settings arriving
    // while a resident types in it must not wipe it.
    let callback_for =
        Memo::new(move |_| matches!(shown.get(), Shown::NotSure(..)).then(|| asked.get()));
    let matcher = move || matcher_memo.get_untracked();
    let values = move || values_memo.get_untracked();

    // A question the matcher cannot answer is recorded for the coordinators, judged with the
    // campaign's own questions: one asked before they are read waits for them at the kiosk
    // page's level (unanswered.rs), so that leaving this screen does not drop it.
    let read = crate::campaign_settings::use_settings_read();
    let waiting = use_waiting_questions();
    let ask = move |question: String| {
        let lang = turn.lang.get_untracked();
        asked.set(question.clone());
        if read.get_untracked() {
            record_if_unanswered(data, &question, lang, &matcher(), &values());
        } else {
            waiting.wait(question.clone(), lang);
        }
        asked_for.set(Asked::Question(question, lang));
    };
    let open = move |entry: String| asked_for.set(Asked::Entry(entry, turn.lang.get_untracked()));

    let buttons = move |suggestions: Vec<Suggestion>| {
        view! {
            <div class="kiosk-suggestions">
                {suggestions.into_iter().map(|s| {
                    let entry = s.entry.clone();
                    view! {
                        <button type="button" class="secondary" lang=s.language.html_lang()
                            dir=s.language.direction().html_value()
                            on:click=move |_| open(entry.clone())>{s.question}</button>
                    }
                }).collect_view()}
            </div>
        }
    };

    // The frequent questions follow the campaign's (read after the screen may be drawn).
    let frequent = move || {
        buttons(
            matcher_memo
                .get()
                .suggested(turn.lang.get(), &values_memo.get()),
        )
    };

    view! {
        <section class="kiosk-ask">
            <TopBar heading=Signal::derive(move || turn.says(KioskText::Ask)().to_owned())/>
            <form class="kiosk-ask-form" autocomplete="off" novalidate on:submit=move |ev| {
                ev.prevent_default();
                let q = typed.get_untracked();
                if !q.trim().is_empty() {
                    ask(q);
                }
            }>
                <label for="kiosk-question">{turn.says(KioskText::AskLabel)}</label>
                <div class="kiosk-ask-row">
                    <input id="kiosk-question" type="text" autocomplete="off" spellcheck="false"
                        maxlength=MAX_QUESTION_CHARS.to_string()
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <button type="submit" class="kiosk-big">{turn.says(KioskText::AskSubmit)}</button>
                </div>
            </form>
            <div class="kiosk-reply" aria-live="polite">
                {move || match shown.get() {
                    Shown::Nothing => view! {
                        <h2>{turn.says(KioskText::FrequentQuestions)}</h2>
                        {frequent}
                    }.into_any(),
                    Shown::Answer(answer) => {
                        let lang = answer.language;
                        view! {
                            <article class="kiosk-answer card" lang=lang.html_lang() dir=lang.direction().html_value()>
                                {answer.fell_back().then(|| view! { <p class="hint" lang=answer.asked_in.html_lang() dir=answer.asked_in.direction().html_value()>{KioskText::OnlyInFrench.says(answer.asked_in)}</p> })}
                                <h2>{answer.question.clone()}</h2>
                                {answer.lines().map(|l| view! { <p>{l.to_owned()}</p> }).collect_view()}
                            </article>
                            <h2>{turn.says(KioskText::FrequentQuestions)}</h2>
                            {frequent}
                        }.into_any()
                    }
                    Shown::NotSure(suggestions, kind) => view! {
                        <div class="kiosk-not-sure card" data-testid="kiosk-not-sure">
                            <p class="kiosk-not-sure-title">{turn.says(KioskText::NotSure)}</p>
                            <p>{move || if kind == SuggestionKind::Popular { turn.says(KioskText::NoAnswer)() } else { turn.says(KioskText::DidYouMean)() }}</p>
                        </div>
                        // "Did you mean:" reads on into its suggestions; the callback comes after, for
                        // when none of them is the question.
                        {(kind == SuggestionKind::Popular).then(|| view! { <h2>{turn.says(KioskText::FrequentQuestions)}</h2> })}
                        {buttons(suggestions)}
                    }.into_any(),
                }}
                {move || callback_for.get().map(|question| view! { <super::callback::KioskCallbackForm question/> })}
            </div>
        </section>
    }
}
