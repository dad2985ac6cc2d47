//! The enrolled devices, with when each last synced, and "Retirer" to revoke one.

use super::use_workspace;
use crate::coordination_api::{self as api, DeviceRow};
use crate::i18n::use_language;
use domain::i18n::Text;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A date and time in the reader's language and time zone.
pub(super) fn when(ms: i64, tag: &str) -> String {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
        .to_locale_string(tag, &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default()
}

#[component]
pub fn DeviceList() -> impl IntoView {
    let language = use_language();
    let workspace = use_workspace();
    let devices = RwSignal::new(Vec::<DeviceRow>::new());
    let load = move || {
        spawn_local(async move {
            match api::devices().await {
                Ok(list) => devices.set(list),
                Err(problem) => workspace.failed(problem),
            }
        });
    };
    Effect::new(move |_| {
        workspace.devices_changed.track();
        load();
    });
    let revoke = move |device: DeviceRow| {
        let question = language
            .get_untracked()
            .fill(Text::CoordRevokeConfirm, &[("label", &device.label)]);
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(&question).ok())
            .unwrap_or(false);
        let Some(session) = workspace.session.get_untracked() else {
            return;
        };
        if !confirmed {
            return;
        }
        spawn_local(async move {
            match api::revoke(&session, &device.id).await {
                Ok(()) => workspace.devices_changed.update(|n| *n += 1),
                Err(problem) => workspace.failed(problem),
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="devices-heading">
            <h2 id="devices-heading">{language.t(Text::CoordDevicesHeading)}</h2>
            <Show
                when=move || !devices.with(Vec::is_empty)
                fallback=move || view! { <p class="hint">{language.t(Text::CoordNoDevices)}</p> }
            >
                <table class="devices">
                    <thead>
                        <tr>
                            <th scope="col">{language.t(Text::CoordDeviceName)}</th>
                            <th scope="col">{language.t(Text::CoordCampaign)}</th>
                            <th scope="col">{language.t(Text::CoordLastSeen)}</th>
                            <th scope="col">{language.t(Text::CoordDeviceState)}</th>
                            <th scope="col"><span class="visually-hidden">{language.t(Text::CoordRevoke)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || devices.get() key=|d| (d.id.clone(), d.revoked_at_ms) let:device>
                            {
                                let revoked = device.revoked_at_ms.is_some();
                                let seen = device.last_seen_ms;
                                let row = device.clone();
                                view! {
                                    <tr>
                                        <td class="names">{device.label.clone()}</td>
                                        <td>{device.campaign.clone()}</td>
                                        <td>
                                            {move || match seen {
                                                Some(ms) => when(ms, language.get().tag()),
                                                None => language.get().text(Text::CoordNeverSeen).to_owned(),
                                            }}
                                        </td>
                                        <td>
                                            {move || language.get().text(if revoked { Text::CoordDeviceRevoked } else { Text::CoordDeviceActive })}
                                        </td>
                                        <td>
                                            <Show when=move || !revoked>
                                                {
                                                    let row = row.clone();
                                                    view! {
                                                        <button type="button" class="secondary" on:click=move |_| revoke(row.clone())>
                                                            {language.t(Text::CoordRevoke)}
                                                        </button>
                                                    }
                                                }
                                            </Show>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
