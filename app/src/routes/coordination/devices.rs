//! The enrolled devices, with when each last synced, "Retirer" to revoke one, and "Autoriser un
//! nouveau code" for a tablet whose volunteers forgot their PIN (`domain::at_rest::recovery`).
//! While such a permission is open the list is read again (`next_look_ms`), so that its "until"
//! line goes once it is used on the tablet or its 15 minutes pass.

use super::use_workspace;
use crate::coordination_api::{self as api, DeviceRow};
use crate::i18n::use_language;
use domain::at_rest::recovery::{next_look_ms, open_until};
use domain::at_rest::words::Word;
use domain::i18n::Text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// A date and time in the reader's language and time zone.
pub(super) fn when(ms: i64, tag: &str) -> String {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
        .to_locale_string(tag, &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default()
}

/// What a coordinator may do to a device of the list.
#[derive(Clone, Copy)]
enum Action {
    Revoke,
    AllowNewPin,
}

#[component]
pub fn DeviceList() -> impl IntoView {
    let language = use_language();
    let workspace = use_workspace();
    let devices = RwSignal::new(Vec::<DeviceRow>::new());
    // Each load that ended, failed ones too: the next look is planned after each.
    let loads = RwSignal::new(0u32);
    let load = move || {
        spawn_local(async move {
            match api::devices().await {
                Ok(list) => devices.set(list),
                Err(problem) => workspace.failed(problem),
            }
            // The list may be gone (another screen): nothing to plan then.
            loads.try_update(|n| *n += 1);
        });
    };
    Effect::new(move |_| {
        workspace.devices_changed.track();
        load();
    });
    // Each asks first, then reloads the list.
    let act = move |action: Action, device: DeviceRow| {
        let locale = language.get_untracked();
        let label = [("label", device.label.as_str())];
        let question = match action {
            Action::Revoke => locale.fill(Text::CoordRevokeConfirm, &label),
            Action::AllowNewPin => Word::AllowNewPinConfirm.fill(locale, &label),
        };
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
            let done = match action {
                Action::Revoke => api::revoke(&session, &device.id).await,
                Action::AllowNewPin => api::allow_recovery(&session, &device.id).await,
            };
            match done {
                Ok(()) => workspace.devices_changed.update(|n| *n += 1),
                Err(problem) => workspace.failed(problem),
            }
        });
    };
    // Until when a new PIN may be chosen on a device, while that is still open.
    let recovery_until = |device: &DeviceRow| {
        open_until(
            device.recovery_allowed_at_ms.map(|at| at as u64),
            crate::store::now_ms(),
        )
    };
    Effect::new(move |_| {
        loads.track();
        let allowed: Vec<Option<u64>> = devices.with_untracked(|list| {
            list.iter()
                .filter(|d| d.revoked_at_ms.is_none())
                .map(|d| d.recovery_allowed_at_ms.map(|at| at as u64))
                .collect()
        });
        let Some(delay) = next_look_ms(allowed, crate::store::now_ms()) else {
            return;
        };
        let look_again = move || workspace.devices_changed.update(|n| *n += 1);
        if let Ok(timer) = set_timeout_with_handle(look_again, Duration::from_millis(delay)) {
            on_cleanup(move || timer.clear());
        }
    });

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
                        <For each=move || devices.get() key=move |d| (d.id.clone(), d.revoked_at_ms, recovery_until(d)) let:device>
                            {
                                let revoked = device.revoked_at_ms.is_some();
                                let seen = device.last_seen_ms;
                                let row = device.clone();
                                let for_recovery = device.clone();
                                let until = recovery_until(&device);
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
                                            {until.filter(|_| !revoked).map(|until| view! {
                                                <p class="hint" data-testid="recovery-allowed">
                                                    {move || {
                                                        let locale = language.get();
                                                        let time = super::callbacks::clock_reading(until, locale, false);
                                                        Word::NewPinAllowedUntil.fill(locale, &[("time", &time)])
                                                    }}
                                                </p>
                                            })}
                                        </td>
                                        <td class="device-actions">
                                            <Show when=move || !revoked>
                                                {
                                                    let row = row.clone();
                                                    view! {
                                                        <button type="button" class="secondary" on:click=move |_| act(Action::Revoke, row.clone())>
                                                            {language.t(Text::CoordRevoke)}
                                                        </button>
                                                    }
                                                }
                                                {
                                                    let row = for_recovery.clone();
                                                    view! {
                                                        <button type="button" class="secondary" on:click=move |_| act(Action::AllowNewPin, row.clone())>
                                                            {move || Word::AllowNewPin.text(language.get())}
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
