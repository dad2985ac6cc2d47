//! "Demandes de rappel (borne du hall)": the kiosk callback requests of the campaign chosen in
//! the log import, as the server opened them: "à rappeler" (newest first) with who to call, in
//! which language, about what and the question asked, and a button to mark one handled;
//! "traitées" with who handled it and when. The rules are `domain::kiosk::callbacks`; the lists
//! come from the server (`GET /campaigns/{id}/callbacks`), which alone holds the requests.

use super::campaign_log::use_campaign_log;
use super::use_workspace;
use crate::coordination_api as api;
use crate::i18n::use_language;
use domain::i18n::{Locale, fill};
use domain::kiosk::callback_words::{CallbackWord as W, topic_label};
use domain::kiosk::{CallbackList, CallbackRow};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A clock reading as the coordinator's browser writes a date and time in their language
/// (digits kept Latin in Arabic, as elsewhere in the app).
fn when(ms: u64, locale: Locale) -> String {
    clock_reading(ms, locale, true)
}

/// [`when`], or the time of day alone (`with_date: false`).
pub(super) fn clock_reading(ms: u64, locale: Locale, with_date: bool) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let tag = match locale {
        Locale::Fr => "fr-FR",
        Locale::En => "en-GB",
        Locale::Ar => "ar-u-nu-latn",
    };
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "2-digit"),
        ("month", "2-digit"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ]
    .into_iter()
    .filter(|(key, _)| with_date || matches!(*key, "hour" | "minute"))
    {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(tag, &options).into()
}

#[component]
pub fn KioskCallbacks() -> impl IntoView {
    let language = use_language();
    let workspace = use_workspace();
    let log = use_campaign_log();
    let list = RwSignal::new(None::<CallbackList>);
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let load = move |campaign: String| {
        if campaign.is_empty() {
            list.set(None);
            return;
        }
        spawn_local(async move {
            match api::callbacks(&campaign).await {
                // Another campaign may have been chosen meanwhile: its own load answers.
                Ok(found) if log.campaign.get_untracked() == campaign => {
                    list.try_set(Some(found));
                }
                Ok(_) => {}
                Err(problem) => workspace.failed(problem),
            }
        });
    };
    Effect::new(move |_| load(log.campaign.get()));
    let mark = move |id: String| {
        let Some(session) = workspace.session.get_untracked() else {
            return;
        };
        let campaign = log.campaign.get_untracked();
        busy.set(true);
        status.set(None);
        spawn_local(async move {
            let answer = api::callback_handled(&session, &campaign, &id).await;
            busy.try_set(false);
            match answer {
                Ok(found) => {
                    list.try_set(Some(found));
                    status.try_set(Some(
                        W::MarkedHandled.text(language.get_untracked()).to_owned(),
                    ));
                }
                Err(problem) => workspace.failed(problem),
            }
        });
    };
    let t = move |word: W| move || word.text(language.get());
    let card = move |row: CallbackRow, locale: Locale| {
        let request = row.request.clone();
        let name = if row.erased {
            W::Erased.text(locale).to_owned()
        } else {
            request.first_name.clone()
        };
        let id = row.id.to_string();
        let contact = request
            .phone
            .clone()
            .map(|phone| {
                let href = format!("tel:{phone}");
                view! { <bdi dir="ltr"><a href=href>{phone}</a></bdi> }.into_any()
            })
            .into_iter()
            .chain(request.email.clone().map(|email| {
                let href = format!("mailto:{email}");
                view! { <bdi dir="ltr"><a href=href>{email}</a></bdi> }.into_any()
            }))
            .collect::<Vec<_>>();
        let open = row.is_open();
        let marking = id.clone();
        let who = request.first_name.clone();
        view! {
            <li class="callback-card" data-callback=id.clone()>
                <h4 class=("erased", row.erased)><bdi>{name}</bdi></h4>
                {(!contact.is_empty()).then(|| view! { <p class="callback-contact">{contact}</p> })}
                <dl class="callback-facts">
                    <dt>{W::Asked.text(locale)}</dt>
                    <dd>{when(row.requested_at_ms, locale)}</dd>
                    <dt>{W::Language.text(locale)}</dt>
                    <dd lang=request.language.html_lang()>{request.language.own_name()}</dd>
                    {request.topic.map(|topic| view! {
                        <dt>{W::Topic.text(locale)}</dt>
                        <dd>{topic_label(topic, locale)}</dd>
                    })}
                    <dt>{W::Question.text(locale)}</dt>
                    // The question keeps its own direction and the page's alignment.
                    <dd class="callback-question">
                        <bdi>{request.question.clone().unwrap_or_else(|| W::NoQuestion.text(locale).to_owned())}</bdi>
                    </dd>
                </dl>
                {row.handled.as_ref().map(|h| view! {
                    <p class="ok callback-handled">
                        {fill(W::HandledBy.text(locale), &[("name", &h.by), ("when", &when(h.at_ms, locale))])}
                    </p>
                })}
                {open.then(|| view! {
                    <button
                        type="button"
                        class="callback-mark"
                        disabled=move || busy.get()
                        on:click=move |_| mark(marking.clone())
                    >
                        {W::MarkHandled.text(locale)}
                        <span class="visually-hidden">{format!(" — {who}")}</span>
                    </button>
                })}
            </li>
        }
    };
    let section = move |rows: Vec<CallbackRow>, title: W, empty: W, class: &'static str| {
        let locale = language.get();
        let count = fill(W::Count.text(locale), &[("n", &rows.len().to_string())]);
        let count_words = count.clone();
        let heading = format!("{class}-heading");
        let labelled_by = heading.clone();
        view! {
            <section class=class aria-labelledby=labelled_by>
                <h3 id=heading>
                    {title.text(locale)} " "
                    <span class="callback-count" title=count_words>{format!("({})", rows.len())}</span>
                    <span class="visually-hidden">{count}</span>
                </h3>
                {if rows.is_empty() {
                    view! { <p class="hint">{empty.text(locale)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="callback-list">
                            {rows.into_iter().map(|row| card(row, locale)).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        }
    };
    view! {
        <section class="card kiosk-callbacks" aria-labelledby="callbacks-heading">
            <h2 id="callbacks-heading">{t(W::Title)}</h2>
            <p class="hint">{t(W::Intro)}</p>
            {move || match list.get() {
                None => view! { <p class="hint">{t(W::ChooseCampaign)}</p> }.into_any(),
                Some(found) => view! {
                    {section(found.to_call, W::ToCall, W::NoneToCall, "callbacks-to-call")}
                    {section(found.handled, W::Handled, W::NoneHandled, "callbacks-handled")}
                }
                .into_any(),
            }}
            <div class="choices">
                <button
                    type="button"
                    class="secondary"
                    id="callbacks-refresh"
                    on:click=move |_| load(log.campaign.get_untracked())
                >
                    {t(W::Refresh)}
                </button>
            </div>
            <p role="status" class="ok" id="callbacks-status">{move || status.get()}</p>
        </section>
    }
}
