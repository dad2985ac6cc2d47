//! "Relier une tablette": a one-time code for a campaign, as a QR code and as a short code.

use super::use_workspace;
use crate::coordination_api::{self as api, CampaignRow, NewCode};
use crate::i18n::use_language;
use domain::coordination::clock_time;
use domain::i18n::Text;
use domain::qr::qr_svg;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn EnrollDevice() -> impl IntoView {
    let language = use_language();
    let workspace = use_workspace();
    let campaigns = RwSignal::new(Vec::<CampaignRow>::new());
    let chosen = RwSignal::new(String::new());
    let code = RwSignal::new(None::<NewCode>);
    spawn_local(async move {
        match api::campaigns().await {
            Ok(list) => {
                if let Some(first) = list.first() {
                    chosen.set(first.id.clone());
                }
                campaigns.set(list);
            }
            Err(problem) => workspace.failed(problem),
        }
    });
    let create = move |_| {
        let Some(session) = workspace.session.get_untracked() else {
            return;
        };
        let campaign = chosen.get_untracked();
        spawn_local(async move {
            match api::create_code(&session, &campaign).await {
                Ok(new) => {
                    workspace.problem.set(None);
                    code.set(Some(new));
                    workspace.devices_changed.update(|n| *n += 1);
                }
                Err(problem) => workspace.failed(problem),
            }
        });
    };
    let offset_minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);

    view! {
        <section class="card" aria-labelledby="enroll-heading">
            <h2 id="enroll-heading">{language.t(Text::CoordEnrollHeading)}</h2>
            <p class="hint">{language.t(Text::CoordEnrollIntro)}</p>
            <label for="enroll-campaign">{language.t(Text::CoordCampaign)}</label>
            <select id="enroll-campaign" on:change=move |ev| chosen.set(event_target_value(&ev))>
                <For each=move || campaigns.get() key=|c| c.id.clone() let:campaign>
                    <option value=campaign.id.clone() selected={campaign.id == chosen.get_untracked()}>
                        {campaign.name.clone()}
                    </option>
                </For>
            </select>
            <div class="choices">
                <button type="button" on:click=create disabled=move || chosen.get().is_empty()>
                    {language.t(Text::CoordCreateCode)}
                </button>
            </div>
            {move || {
                code.get().map(|new| {
                    let svg = qr_svg(&new.url).unwrap_or_default();
                    let until = clock_time(new.expires_at_ms, offset_minutes);
                    view! {
                        <div class="enrollment-code">
                            <div class="qr" role="img" aria-label=language.t(Text::CoordCodeQrLabel) inner_html=svg></div>
                            <div>
                                <p class="short-code" dir="ltr">{new.code.clone()}</p>
                                <p class="hint">
                                    {move || language.get().fill(Text::CoordCodeValidUntil, &[("time", &until)])}
                                </p>
                                <p class="hint link" dir="ltr">{new.url.clone()}</p>
                            </div>
                        </div>
                    }
                })
            }}
        </section>
    }
}
