//! Self sign-up at the kiosk: one question per screen, big buttons, back at any step; the same
//! minimal fields and rules as at the doors (`domain::signup::validate`), each purpose answered
//! yes or no with nothing ticked in advance, the notice in plain words, then "merci". Nothing is
//! kept as a draft: the form lives only in this turn's memory and goes with it.

use super::{TopBar, use_turn};
use crate::browser::clock;
use crate::field_data::{use_field_data, use_store};
use crate::store::sealed::SealFailure;
use domain::consent::{NoticeSettings, Purpose, current_notice};
use domain::i18n::Text;
use domain::kiosk::{KioskText, SignupThanks};
use domain::signup::{RESIDENT_LANGUAGES, ResidentId, SignupDraft, SignupField, validate};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Question {
    FirstName,
    LastName,
    Contact,
    Language,
    Consent(Purpose),
    Notice,
}

const QUESTIONS: [Question; 8] = [
    Question::FirstName,
    Question::LastName,
    Question::Contact,
    Question::Language,
    Question::Consent(Purpose::ALL[0]),
    Question::Consent(Purpose::ALL[1]),
    Question::Consent(Purpose::ALL[2]),
    Question::Notice,
];

impl Question {
    /// The fields whose problems stop the resident on this screen.
    fn fields(self) -> &'static [SignupField] {
        match self {
            Question::FirstName => &[SignupField::FirstName],
            Question::LastName => &[SignupField::LastName],
            Question::Contact => &[SignupField::Phone, SignupField::Email, SignupField::Contact],
            Question::Language => &[SignupField::Language],
            Question::Consent(_) | Question::Notice => &[SignupField::Consents],
        }
    }
}

#[component]
pub fn KioskSignup() -> impl IntoView {
    let turn = use_turn();
    let data = use_field_data();
    let draft = RwSignal::new(SignupDraft {
        language: turn.lang.get_untracked().html_lang().to_owned(),
        ..SignupDraft::default()
    });
    let at = RwSignal::new(0usize);
    let problems = RwSignal::new(Vec::<String>::new());
    let done = RwSignal::new(false);
    // What "merci" promises depends on the answers (`SignupThanks`).
    let thanks = RwSignal::new(SignupThanks::NothingKept);
    let failed = RwSignal::new(None::<String>);
    // Sign-ups are sealed for the server (store/sealed.rs): without the campaign's key the kiosk
    // takes none, rather than keep a resident's details in the clear. `None` while checking.
    let can_seal = RwSignal::new(None::<bool>);
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) {
            return true;
        }
        let Some(store) = use_store() else {
            return false;
        };
        spawn_local(async move {
            let key = match store.sealing_key().await {
                Ok(Some(key)) => Some(key),
                _ => crate::sync::enroll::fetch_sealing_key(&store).await,
            };
            can_seal.try_set(Some(key.is_some()));
        });
        true
    });
    let locale = move || turn.lang.get().interface_locale();
    // Each question, and the "merci", takes the focus: its field, or its words (`focus_screen`).
    Effect::new(move |previous: Option<(usize, bool)>| {
        let now = (at.get(), done.get());
        if previous.is_some_and(|p| p != now) {
            super::focus_screen();
        }
        now
    });

    let problems_here = move |q: Question, d: &SignupDraft| -> Vec<String> {
        let locale = turn.lang.get_untracked().interface_locale();
        match (q, validate(d)) {
            (_, Ok(_)) => Vec::new(),
            (Question::Consent(purpose), Err(found)) => found
                .iter()
                .filter(|p| matches!(p, domain::signup::SignupProblem::ConsentUnanswered(x) if *x == purpose))
                .map(|p| p.text(locale))
                .collect(),
            (q, Err(found)) => found
                .iter()
                .filter(|p| q.fields().contains(&p.field()))
                .map(|p| p.text(locale))
                .collect(),
        }
    };

    let save = move || {
        let current = draft.get_untracked();
        let valid = match validate(&current) {
            Ok(valid) => valid,
            Err(found) => {
                // Back to the first screen with a problem.
                let locale = turn.lang.get_untracked().interface_locale();
                if let Some(i) = QUESTIONS
                    .iter()
                    .position(|q| !problems_here(*q, &current).is_empty())
                {
                    at.set(i);
                }
                problems.set(found.iter().map(|p| p.text(locale)).collect());
                return;
            }
        };
        let Some(store) = use_store() else {
            return failed.set(Some("IndexedDB".into()));
        };
        let mut random = [0u8; 16];
        crate::store::fill_random(&mut random);
        thanks.set(SignupThanks::after(valid.consents()));
        let body = valid.into_event_body(
            ResidentId::from_random(random),
            current_notice().version.to_owned(),
            clock::today(),
        );
        spawn_local(async move {
            // No details are kept when the resident said no to every purpose.
            let result = match body {
                // Only the sealed event is stored; the kiosk cannot open it again.
                Some(body) => store.record_sealed_sign_up(&body).await.map(|e| vec![e]),
                None => Ok(Vec::new()),
            };
            match result {
                Ok(recorded) => {
                    data.recorded(recorded);
                    draft.set(SignupDraft::default());
                    done.set(true);
                }
                Err(SealFailure::NoKey) => can_seal.set(Some(false)),
                Err(e) => failed.set(Some(e.detail())),
            }
        });
    };

    let next = move || {
        let q = QUESTIONS[at.get_untracked()];
        let found = problems_here(q, &draft.get_untracked());
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        problems.set(Vec::new());
        if q == Question::Notice {
            save();
        } else {
            at.update(|i| *i += 1);
        }
    };
    let previous = move || {
        problems.set(Vec::new());
        at.update(|i| *i = i.saturating_sub(1));
    };

    let text_input = move |id: &'static str,
                           label: Text,
                           field: SignupField,
                           kind: &'static str| {
        view! {
            <div class="field kiosk-field">
                <label for=id>{turn.t(label)}</label>
                <input id=id type=kind autocomplete="off" autocapitalize="off" spellcheck="false" data-focus-here=""
                    prop:value=move || field.read(&draft.get())
                    aria-invalid=move || (!problems.with(Vec::is_empty)).to_string()
                    aria-describedby="kiosk-signup-problems"
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        draft.update(|d| field.write(d, value));
                    }/>
            </div>
        }
    };

    let question_view = move |q: Question| {
        match q {
        Question::FirstName => text_input("kiosk-first-name", Text::FirstName, SignupField::FirstName, "text").into_any(),
        Question::LastName => text_input("kiosk-last-name", Text::LastName, SignupField::LastName, "text").into_any(),
        Question::Contact => view! {
            <p class="kiosk-question">{turn.t(Text::ContactHint)}</p>
            {text_input("kiosk-phone", Text::Phone, SignupField::Phone, "tel")}
            {text_input("kiosk-email", Text::Email, SignupField::Email, "email")}
        }.into_any(),
        Question::Language => view! {
            <p class="kiosk-question" id="kiosk-language-question" tabindex="-1" data-focus-here="">{turn.t(Text::PreferredLanguage)}</p>
            <div class="kiosk-choices" role="group" aria-labelledby="kiosk-language-question">
                {RESIDENT_LANGUAGES.iter().take(10).map(|&(tag, name)| view! {
                    <button type="button" class="secondary" lang=tag
                        aria-pressed=move || draft.with(|d| d.language == tag).to_string()
                        on:click=move |_| draft.update(|d| d.language = tag.to_owned())>{name}</button>
                }).collect_view()}
            </div>
        }.into_any(),
        Question::Consent(purpose) => view! {
            <p class="kiosk-question" id="kiosk-consent-question" tabindex="-1" data-focus-here="">{move || purpose.label(locale())}</p>
            <p class="hint">{turn.t(Text::KioskConsentAsk)}</p>
            <div class="kiosk-choices kiosk-yes-no" role="group" aria-labelledby="kiosk-consent-question">
                <button type="button" class="secondary kiosk-big"
                    aria-pressed=move || (draft.with(|d| d.answer(purpose)) == Some(true)).to_string()
                    on:click=move |_| { draft.update(|d| d.set_answer(purpose, true)); problems.set(Vec::new()); }>{turn.t(Text::Yes)}</button>
                <button type="button" class="secondary kiosk-big"
                    aria-pressed=move || (draft.with(|d| d.answer(purpose)) == Some(false)).to_string()
                    on:click=move |_| { draft.update(|d| d.set_answer(purpose, false)); problems.set(Vec::new()); }>{turn.t(Text::No)}</button>
            </div>
        }.into_any(),
        Question::Notice => view! {
            <div class="kiosk-notice" tabindex="0" role="region" aria-labelledby="kiosk-notice-heading" data-focus-here="">
                <h2 id="kiosk-notice-heading">{turn.t(Text::NoticeHeading)}</h2>
                {move || current_notice().sections(locale(), &NoticeSettings::demo()).into_iter().map(|(title, text)| view! {
                    <h3>{title}</h3>
                    <p>{text}</p>
                }).collect_view()}
            </div>
        }.into_any(),
    }
    };

    view! {
        <section class="kiosk-signup">
            <TopBar heading=Signal::derive(move || turn.says(KioskText::SignUp)().to_owned())/>
            <Show when=move || can_seal.get() != Some(false) fallback=SealingUnavailable>
            <Show when=move || !done.get() fallback=move || view! {
                <div class="kiosk-thanks" role="status" tabindex="-1" data-focus-here="">
                    <p class="kiosk-thanks-mark" aria-hidden="true">"✓"</p>
                    <p class="kiosk-thanks-text">{move || thanks.get().text().says(turn.lang.get())}</p>
                    <button type="button" class="kiosk-big" on:click=move |_| turn.finish.run(())>{turn.says(KioskText::Finish)}</button>
                </div>
            }>
                <form class="kiosk-step" novalidate autocomplete="off" on:submit=move |ev| { ev.prevent_default(); next(); }>
                    <p class="hint kiosk-progress">{move || locale().fill(Text::KioskStep, &[("n", &(at.get() + 1).to_string()), ("total", &QUESTIONS.len().to_string())])}</p>
                    {move || question_view(QUESTIONS[at.get()])}
                    <div id="kiosk-signup-problems" role="alert" class="error">
                        {move || problems.get().into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                        {move || failed.get().map(|d| domain::device_storage::write_failed(&d, locale()))}
                    </div>
                    <div class="kiosk-nav">
                        <button type="button" class="secondary kiosk-big" disabled=move || at.get() == 0 on:click=move |_| previous()>{turn.t(Text::Previous)}</button>
                        <button type="submit" class="kiosk-big">{move || if QUESTIONS[at.get()] == Question::Notice { turn.t(Text::SignupSave)() } else { turn.t(Text::Next)() }}</button>
                    </div>
                </form>
            </Show>
            </Show>
        </section>
    }
}

/// What the kiosk says instead of the sign-up when it cannot seal (not enrolled yet, no key from
/// the server): whom to go to, and the way to the questions, which know the landlord's contacts.
#[component]
fn SealingUnavailable() -> impl IntoView {
    let turn = use_turn();
    view! {
        <div class="kiosk-thanks kiosk-sealed-unavailable" role="status" tabindex="-1" data-focus-here="">
            <p class="kiosk-thanks-text">{turn.t(Text::KioskSealedUnavailable)}</p>
            <p class="kiosk-question">{turn.t(Text::KioskSealedUnavailableContact)}</p>
            <div class="kiosk-nav">
                <button type="button" class="secondary kiosk-big" on:click=move |_| turn.step.set(super::Step::Ask)>{turn.t(Text::KioskSealedUnavailableAsk)}</button>
                <button type="button" class="kiosk-big" on:click=move |_| turn.finish.run(())>{turn.says(KioskText::Finish)}</button>
            </div>
        </div>
    }
}
