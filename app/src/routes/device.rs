//! `/appareil`: this device's link to a campaign. Enroll with a typed code or the `code` of the
//! coordinator's QR code (`/appareil?code=K7P2-9XQM`), see the campaign and the device's id, sync
//! by hand, and export what waits when there is no network at all.

pub mod attention;
pub mod kiosk_mode;
pub mod wipe;

use crate::components::export_panel::ExportPanel;
use crate::components::storage_panel::StoragePanel;
use crate::components::sync_status::status_words;
use crate::field_data::{use_field_data, use_store};
use crate::i18n::use_language;
use crate::sync::enroll::enroll;
use crate::sync::use_sync;
use domain::enrollment::EnrollmentCode;
use domain::i18n::Text;
use domain::sync::reachability::RoundAsked;
use domain::sync::status::Link;
use domain::sync::{EnrollProblem, is_practice, words};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn DevicePage() -> impl IntoView {
    let language = use_language();
    let engine = use_sync();
    let words = status_words();
    let device_id = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(store) = use_store() {
            spawn_local(async move {
                if let Ok(device) = store.device().await {
                    device_id.set(Some(device.to_string()));
                }
            });
        }
    });
    let link = move || Link::of(engine.enrollment.get().as_ref());
    // What was recorded in the demo campaign before this device joined a real one: kept here,
    // never sent, and said so (domain::sync::is_practice).
    let data = use_field_data();
    let practice = Memo::new(move |_| {
        let Some(enrollment) = engine.enrollment.get() else {
            return 0;
        };
        data.events.with(|events| {
            events
                .iter()
                .filter(|e| is_practice(e, &enrollment.campaign))
                .count()
        })
    });

    // Once wiped, nothing of before is shown: the result screen takes the whole page.
    let wiped = RwSignal::new(false);
    let export_saved = RwSignal::new(0u32);

    view! {
        <Show when=move || !wiped.get() fallback=|| view! { <wipe::WipedScreen/> }>
        <h1>{language.t(Text::DeviceHeading)}</h1>
        <section class="card" aria-labelledby="device-link-heading">
            <h2 id="device-link-heading">{language.t(Text::DeviceSyncHeading)}</h2>
            <p class=move || format!("device-status {}", words.get().tone.css_class()) data-testid="device-status">
                {move || words.get().headline}
            </p>
            {move || words.get().detail.map(|d| view! { <p>{d}</p> })}
            {move || words.get().problem.map(|p| view! { <p class="error">{p}</p> })}
            <Show when=move || link() == Link::NotEnrolled>
                <p class="hint">{language.t(Text::DeviceNotLinkedHint)}</p>
            </Show>
            <Show when=move || { practice.get() > 0 }>
                <p class="hint" data-testid="practice-kept">
                    {move || words::practice_kept(practice.get(), language.get())}
                </p>
            </Show>
            <dl class="facts">
                {move || engine.enrollment.get().map(|e| view! {
                    <dt>{language.t(Text::DeviceCampaignLabel)}</dt>
                    <dd data-testid="device-campaign">{e.campaign_name.clone()} " (" {e.campaign.to_string()} ")"</dd>
                    <dt>{language.t(Text::DeviceNameLabel)}</dt>
                    <dd>{e.label.clone()}</dd>
                })}
                <dt>{language.t(Text::DeviceIdLabel)}</dt>
                <dd class="device-id" data-testid="device-id" dir="ltr">{move || device_id.get().unwrap_or_default()}</dd>
            </dl>
            <p class="choices">
                <Show when=move || link() == Link::Enrolled>
                    <button
                        type="button"
                        disabled=move || !words.get().can_sync
                        on:click=move |_| engine.request(RoundAsked::ByHand)
                    >
                        {language.t(Text::SyncNow)}
                    </button>
                </Show>
                <Show when=move || { engine.attention_len.get() > 0 }>
                    <A href="/appareil/a-verifier" attr:class="button secondary">
                        {move || words.get().attention.unwrap_or_default()}
                    </A>
                </Show>
            </p>
        </section>
        <EnrollForm/>
        <kiosk_mode::KioskModeSection/>
        <ExportPanel/>
        <StoragePanel/>
        <wipe::ProtectedExportCard changed=export_saved/>
        <wipe::WipeCard changed=export_saved wiped=wiped/>
        </Show>
    }
}

#[derive(Clone, PartialEq)]
enum Feedback {
    None,
    Running,
    Done(String),
    Failed(EnrollProblem),
}

/// The enrollment form; open at once when not linked (or revoked), or when a QR code brought a
/// code; folded under "Relier à une autre campagne" otherwise.
#[component]
fn EnrollForm() -> impl IntoView {
    let language = use_language();
    let engine = use_sync();
    let query = use_query_map();
    // Kept in the arena so that the form's handlers stay `Copy`.
    let navigate = StoredValue::new_local(use_navigate());
    let from_qr = query.get_untracked().get("code").unwrap_or_default();
    let opened_by_qr = !from_qr.is_empty();
    let code = RwSignal::new(from_qr);
    let label = RwSignal::new(String::new());
    let feedback = RwSignal::new(Feedback::None);
    let live = move || Link::of(engine.enrollment.get().as_ref()) == Link::Enrolled;

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if feedback.get_untracked() == Feedback::Running {
            return;
        }
        let parsed = match EnrollmentCode::parse(&code.get_untracked()) {
            Ok(parsed) => parsed,
            Err(_) => return feedback.set(Feedback::Failed(EnrollProblem::Malformed)),
        };
        let Some(store) = use_store() else {
            return feedback.set(Feedback::Failed(EnrollProblem::Other {
                code: "storage_unavailable".into(),
            }));
        };
        feedback.set(Feedback::Running);
        spawn_local(async move {
            match enroll(&store, &parsed, &label.get_untracked()).await {
                Ok(enrollment) => {
                    let name = enrollment.campaign_name.clone();
                    engine.enrolled(&store, enrollment).await;
                    code.set(String::new());
                    feedback.set(Feedback::Done(name));
                    // The one-time code is spent: a reload must not offer it again.
                    if opened_by_qr {
                        navigate.with_value(|navigate| {
                            navigate(
                                "/appareil",
                                NavigateOptions {
                                    replace: true,
                                    ..NavigateOptions::default()
                                },
                            )
                        });
                    }
                }
                Err(problem) => feedback.set(Feedback::Failed(problem)),
            }
        });
    };
    let message = move || {
        let locale = language.get();
        match feedback.get() {
            Feedback::None => None,
            Feedback::Running => Some(("", locale.text(Text::EnrollRunning).to_owned())),
            Feedback::Done(name) => {
                Some(("ok", locale.fill(Text::EnrollDone, &[("campaign", &name)])))
            }
            Feedback::Failed(problem) => Some(("error", words::enroll_problem(&problem, locale))),
        }
    };
    let failed = move || matches!(feedback.get(), Feedback::Failed(_));

    let form = move || {
        view! {
            <form class="enroll" on:submit=submit novalidate>
                <label for="enroll-code">{language.t(Text::EnrollCodeLabel)}</label>
                <p class="hint" id="enroll-code-hint">{language.t(Text::EnrollCodeHint)}</p>
                <input
                    id="enroll-code"
                    class="code-input"
                    dir="ltr"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    aria-describedby="enroll-code-hint enroll-feedback"
                    aria-invalid=move || failed().to_string()
                    prop:value=move || code.get()
                    on:input=move |ev| code.set(event_target_value(&ev))
                />
                <label for="enroll-label">{language.t(Text::DeviceNameLabel)}</label>
                <p class="hint" id="enroll-label-hint">{language.t(Text::EnrollNameHint)}</p>
                <input
                    id="enroll-label"
                    autocomplete="off"
                    aria-describedby="enroll-label-hint"
                    prop:value=move || label.get()
                    on:input=move |ev| label.set(event_target_value(&ev))
                />
                <button type="submit" disabled=move || feedback.get() == Feedback::Running>
                    {language.t(Text::SyncLinkDevice)}
                </button>
            </form>
        }
    };

    view! {
        <section class="card" aria-labelledby="enroll-heading">
            <Show
                when=live
                fallback=move || view! {
                    <h2 id="enroll-heading">{language.t(Text::EnrollHeading)}</h2>
                    {form()}
                }
            >
                <details class="notice" open=move || opened_by_qr && !matches!(feedback.get(), Feedback::Done(_))>
                    <summary id="enroll-heading">{language.t(Text::EnrollOtherCampaign)}</summary>
                    {form()}
                </details>
            </Show>
            // Outside the form: a success folds the form away, and its message must stay in view.
            <p id="enroll-feedback" role="status" class=move || message().map(|(kind, _)| kind).unwrap_or("")>
                {move || message().map(|(_, text)| text)}
            </p>
        </section>
    }
}
