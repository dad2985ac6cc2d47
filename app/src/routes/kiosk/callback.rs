//! "Être rappelé(e) par l'équipe": when the kiosk cannot answer, a resident leaves a first name
//! and a phone or an e-mail (and, if they tick the box, the question they asked). The request is
//! checked (`CallbackDraft::validate`), sealed with the campaign's public key (`store::sealed`) and
//! recorded as `KioskCallbackRequested` with only its language and topic in the clear: the kiosk
//! can never read it back, and the form's state goes with the turn.

use super::use_turn;
use crate::field_data::{use_field_data, use_store};
use domain::event::{Actor, EventBody};
use domain::kiosk::callback_words::CallbackFormWord as W;
use domain::kiosk::{CallbackDraft, CallbackRequested, KioskText};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn KioskCallbackForm(question: String) -> impl IntoView {
    let turn = use_turn();
    let data = use_field_data();
    let open = RwSignal::new(false);
    let first_name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let attach = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<String>::new());
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let has_question = !question.trim().is_empty();
    let send = move || {
        let lang = turn.lang.get_untracked();
        let draft = CallbackDraft {
            first_name: first_name.get_untracked(),
            phone: phone.get_untracked(),
            email: email.get_untracked(),
            question: if attach.get_untracked() {
                question.clone()
            } else {
                String::new()
            },
        };
        let request = match draft.validate(lang, None) {
            Ok(request) => request,
            Err(found) => {
                return problems.set(found.iter().map(|p| p.text(lang)).collect());
            }
        };
        problems.set(Vec::new());
        let Some(store) = use_store() else {
            return problems.set(vec![W::Unavailable.says(lang).to_owned()]);
        };
        busy.set(true);
        spawn_local(async move {
            let recorded = match store.seal_callback(&request).await {
                Ok((campaign, sealed)) => {
                    let body = EventBody::KioskCallbackRequested(CallbackRequested {
                        language: request.language,
                        topic: request.topic,
                        sealed,
                    });
                    store.record_in(Actor::Kiosk, campaign, body).await.ok()
                }
                Err(_) => None,
            };
            busy.try_set(false);
            match recorded {
                Some(event) => {
                    data.recorded([event]);
                    first_name.try_set(String::new());
                    phone.try_set(String::new());
                    email.try_set(String::new());
                    sent.try_set(true);
                }
                None => {
                    problems.try_set(vec![W::Unavailable.says(lang).to_owned()]);
                }
            }
        });
    };
    view! {
        <div class="kiosk-callback card">
            {move || if sent.get() {
                view! { <p class="ok" role="status">{turn.says(KioskText::CallbackSent)}</p> }.into_any()
            } else if !open.get() {
                view! {
                    <button type="button" class="kiosk-big secondary" on:click=move |_| open.set(true)>
                        {turn.says(KioskText::CallMeBack)}
                    </button>
                }.into_any()
            } else {
                let send = send.clone();
                view! {
                    <form class="kiosk-callback-form" autocomplete="off" novalidate on:submit=move |ev| { ev.prevent_default(); send(); }>
                        <h2>{turn.says(KioskText::CallMeBack)}</h2>
                        <p class="hint">{move || W::Intro.says(turn.lang.get())}</p>
                        <label for="kiosk-callback-name">{turn.says(KioskText::FirstName)}</label>
                        <input id="kiosk-callback-name" type="text" autocomplete="off" spellcheck="false"
                            prop:value=move || first_name.get()
                            on:input=move |ev| { first_name.set(event_target_value(&ev)); problems.set(Vec::new()); }/>
                        <label for="kiosk-callback-phone">{turn.says(KioskText::Phone)}</label>
                        <input id="kiosk-callback-phone" type="tel" dir="ltr" autocomplete="off"
                            prop:value=move || phone.get()
                            on:input=move |ev| { phone.set(event_target_value(&ev)); problems.set(Vec::new()); }/>
                        <label for="kiosk-callback-email">{turn.says(KioskText::Email)}</label>
                        <input id="kiosk-callback-email" type="email" dir="ltr" autocomplete="off"
                            prop:value=move || email.get()
                            on:input=move |ev| { email.set(event_target_value(&ev)); problems.set(Vec::new()); }/>
                        {has_question.then(|| view! {
                            <label class="kiosk-callback-attach">
                                <input type="checkbox"
                                    prop:checked=move || attach.get()
                                    on:change=move |ev| attach.set(event_target_checked(&ev))/>
                                {move || W::AttachQuestion.says(turn.lang.get())}
                            </label>
                        })}
                        <ul class="error" role="alert">
                            {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                        </ul>
                        <button type="submit" class="kiosk-big" disabled=move || busy.get()>
                            {move || W::Send.says(turn.lang.get())}
                        </button>
                    </form>
                }.into_any()
            }}
        </div>
    }
}
