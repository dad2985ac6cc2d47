//! The volunteer lock in the header: "Protéger par un code" until a PIN exists on the device,
//! then "Verrouiller" / "Déverrouiller"; the PIN dialogs; the automatic lock after minutes
//! without use (device setting `palier.auto-lock-minutes`, `domain::at_rest`); and purge after
//! sync, run every minute and after each push (device window `palier.purge-after-days`).
//!
//! Locking forgets the data key and reloads the field data, so that no screen keeps a resident's
//! details in memory; wrong PINs wait as the kiosk's exit PIN does (`kiosk::PinGuard`, kept in
//! the device's storage so a reload does not reset it). A PIN nobody remembers: "Code oublié ?"
//! (recovery_dialog.rs).

use crate::browser::preferences::local_storage;
use crate::field_data::FieldData;
use crate::i18n::use_language;
use crate::store::vault::{LockState, VaultFailure, key_not_stored, lock, lock_state};
use crate::store::{EventStore, now_ms};
use domain::at_rest::recovery::new_pin_not_saved;
use domain::at_rest::words::Word;
use domain::at_rest::{auto_lock_minutes, is_idle_too_long, lock_reads_again};
use domain::kiosk::{PinGuard, wait_words};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wasm_bindgen::{JsCast, closure::Closure};

mod on_demand;
mod pin_fields;
mod recovery_dialog;

use pin_fields::{NewPinFields, VolunteerChoice, first_choice};
use recovery_dialog::RecoveryDialog;

const GUARD_KEY: &str = "palier.volunteer-pin-guard";
const AUTO_LOCK_KEY: &str = "palier.auto-lock-minutes";
const WINDOW_KEY: &str = "palier.purge-after-days";

fn setting(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

fn load_guard() -> PinGuard {
    setting(GUARD_KEY)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn save_guard(guard: &PinGuard) {
    if let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(guard)) {
        let _ = storage.set_item(GUARD_KEY, &text);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dialog {
    Closed,
    SetPin,
    Unlock,
    /// Every PIN here forgotten: a new one with the coordinator's permission.
    Recover,
}

/// The open store, from the resource captured when the component was made (timers and event
/// handlers run outside any reactive owner, where `use_context` finds nothing).
fn store_of(resource: Option<crate::field_data::StoreResource>) -> Option<EventStore> {
    resource
        .and_then(|r| r.get_untracked())
        .and_then(Result::ok)
}

#[component]
pub fn DeviceLock() -> impl IntoView {
    let language = use_language();
    let say = move |w: Word| move || w.text(language.get());
    let state = RwSignal::new(lock_state());
    let dialog = RwSignal::new(Dialog::Closed);
    let names = RwSignal::new(Vec::<String>::new());
    let waiting = RwSignal::new(0usize);
    // The data key held in memory only (a new PIN could not be stored), with the storage's
    // detail: no locking then, and the header says what to do.
    let not_stored = RwSignal::new(key_not_stored());
    // Said once a new PIN replaced a forgotten one, until the next dialog opens or a lock; when
    // it could not be stored, `not_stored` says so instead.
    let recovered = RwSignal::new(false);
    // The key ring is stored but could not be read (its detail): without it no lock button can
    // be offered and details cannot be recorded, which the header says rather than stay blank.
    let ring_unreadable = RwSignal::new(None::<String>);
    let data = use_context::<FieldData>();
    let volunteer = use_context::<crate::volunteer::VolunteerName>();
    let settings = crate::campaign_settings::use_campaign_settings();
    let store_resource = use_context::<crate::field_data::StoreResource>();
    let store = move || store_of(store_resource);
    let sync = use_context::<crate::sync::SyncEngine>();

    let refresh = move || {
        let Some(store) = store() else { return };
        spawn_local(async move {
            // Set only when changed: a button redrawn for an equal state would be replaced under
            // the volunteer's tap (a second read comes right after a reload's first).
            let ring = store.keyring().await;
            // Not while this tab holds a ring read before: that copy still serves the lock and
            // the sealing of new details.
            let problem = ring
                .as_ref()
                .err()
                .filter(|_| !matches!(lock_state(), LockState::Locked | LockState::Unlocked))
                .map(|e| e.detail());
            if ring_unreadable.with_untracked(|was| *was != problem) {
                ring_unreadable.set(problem);
            }
            if let Ok(ring) = ring {
                let now: Vec<String> = ring
                    .map(|r| r.names().into_iter().map(str::to_owned).collect())
                    .unwrap_or_default();
                if names.with_untracked(|was| *was != now) {
                    names.set(now);
                }
            }
            let now = lock_state();
            if state.get_untracked() != now {
                state.set(now);
            }
            let unstored = key_not_stored();
            if not_stored.with_untracked(|was| *was != unstored) {
                not_stored.set(unstored);
            }
            // How many unsent records wait for the unlock: only while locked, so that an
            // unlocked or PIN-less device does not fetch the code that counts them.
            let count = if lock_state() == LockState::Locked {
                on_demand::waiting_for_unlock(store).await
            } else {
                0
            };
            waiting.set(count);
        });
    };
    let reload = move || {
        if let (Some(data), Some(store)) = (data, store()) {
            data.reload(store);
        }
        refresh();
    };
    // Once the store is open, learn whether a PIN exists; again when a push shrank the outbox or
    // a visit was recorded while locked, not after every visit (lock_reads_again).
    Effect::new(move |before: Option<(bool, Option<u32>)>| {
        if let Some(r) = store_resource {
            r.track();
        }
        let now = (store().is_some(), data.map(|d| d.outbox_len.get()));
        let again = before.is_none_or(|(open, count)| {
            open != now.0 || lock_reads_again(count, now.1, lock_state() == LockState::Locked)
        });
        if again {
            refresh();
        }
        now
    });

    let lock_now = move || {
        // Never while the key is held in memory only: `lock()` would keep it anyway, and the
        // screens would blank and come back under an unlocked header.
        if key_not_stored().is_some() {
            return;
        }
        lock();
        recovered.set(false);
        // The names on screen go now, not when the read of the sealed log below ends, and a
        // read begun before the lock does not bring them back.
        if let Some(data) = data {
            data.hide_personal(domain::at_rest::hide_personal);
        }
        dialog.set(Dialog::Closed);
        reload();
    };

    // Automatic lock: any touch or key is use.
    let last_use = StoredValue::new(now_ms());
    let on_use = Closure::<dyn Fn()>::new(move || last_use.set_value(now_ms()));
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        for name in ["pointerdown", "keydown"] {
            let _ =
                document.add_event_listener_with_callback(name, on_use.as_ref().unchecked_ref());
        }
    }
    on_use.forget();
    // While the key is held in memory only, a reload or a closed tab would lose it for good (a
    // new coordinator's permission would be needed): the browser asks first, the update banner's
    // "Recharger" included.
    let on_leave = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if key_not_stored().is_some() {
            ev.prevent_default();
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    }
    on_leave.forget();
    // Whether a purge could run at all yet (the store opens after the header is drawn).
    let purged_once = StoredValue::new(false);
    // A device never linked has sent nothing, so nothing of its log can be purged yet: it does not
    // fetch the purge's code (nor read the log) until it is linked.
    let linked = move || sync.is_some_and(|s| s.enrollment.with_untracked(Option::is_some));
    let purge = move || {
        let Some(store) = store() else { return };
        if !linked() {
            return;
        }
        purged_once.set_value(true);
        // The campaign's retention from the screens' fold when they read the log; otherwise the
        // purge folds it itself, so that the home screen alone never loads the log.
        let loaded = data.is_some_and(|d| d.loaded.get_untracked());
        let retention = loaded.then(|| settings.with_untracked(|s| s.retention_days()));
        let stored_window = setting(WINDOW_KEY);
        spawn_local(async move {
            if let Ok(n) = on_demand::purge(store.clone(), stored_window, retention, now_ms()).await
                && n > 0
                && let Some(data) = data
            {
                data.reload(store);
            }
        });
    };
    // Purge reads the whole log, so it runs when a push shrank the outbox (and once the store
    // is open), never after each visit recorded; the timer below catches the window running out.
    Effect::new(move |before: Option<Option<u32>>| {
        store_resource.inspect(|r| r.track());
        // Again once the device is linked (its enrollment is read after the store opens).
        if let Some(s) = sync {
            s.enrollment.track();
        }
        let now = data.map(|d| d.outbox_len.get());
        if !purged_once.get_value() || before.is_none_or(|b| b.is_none() || now < b) {
            purge();
        }
        now
    });
    let ticks = StoredValue::new(0u32);
    let _ = set_interval_with_handle(
        move || {
            let minutes = auto_lock_minutes(setting(AUTO_LOCK_KEY).as_deref());
            if lock_state() == LockState::Unlocked
                && is_idle_too_long(last_use.get_value(), now_ms(), minutes)
            {
                lock_now();
            }
            // Every ten minutes (40 ticks of 15 s).
            ticks.update_value(|t| *t = (*t + 1) % 40);
            if ticks.get_value() == 0 {
                purge();
            }
        },
        Duration::from_secs(15),
    );

    let on_done = Callback::new(move |()| {
        dialog.set(Dialog::Closed);
        reload();
        if let Some(sync) = sync {
            sync.request(domain::sync::reachability::RoundAsked::OnItsOwn);
        }
    });
    let on_recovered = Callback::new(move |saved: bool| {
        recovered.set(saved);
        on_done.run(());
    });
    Effect::new(move |_| {
        if dialog.get() != Dialog::Closed {
            recovered.set(false);
        }
    });
    // The key ring's copy for a forgotten PIN needs the campaign's key: made as soon as a
    // device with a PIN, unlocked, is linked (else at its next unlock).
    Effect::new(move |_| {
        let linked_now = sync.is_some_and(|s| s.enrollment.with(Option::is_some));
        if linked_now
            && state.get() == LockState::Unlocked
            && let Some(store) = store()
        {
            spawn_local(async move {
                if let Err(e) = on_demand::keep_recovery_copy(store).await {
                    web_sys::console::warn_1(&format!("recovery copy: {}", e.detail()).into());
                }
            });
        }
    });
    let show_waiting = move || state.get() == LockState::Locked && waiting.get() > 0;
    let has_volunteer = move || volunteer.is_some_and(|v| v.0.get().is_some());

    view! {
        <div class="device-lock" data-testid="device-lock" data-state=move || format!("{:?}", state.get())>
            {move || match state.get() {
                // Until the key ring is read (just after a reload), no button: "Protéger par un
                // code" on a locked tablet would open a dialog that can only refuse.
                LockState::NotRead => ().into_any(),
                // Offered once a volunteer said who they are (a coordinator's browser or a
                // kiosk has no volunteer, and no PIN to set).
                LockState::NoPin if !has_volunteer() => ().into_any(),
                LockState::NoPin => view! {
                    <button type="button" class="secondary" data-testid="set-pin"
                        on:click=move |_| dialog.set(Dialog::SetPin)>
                        {say(Word::SetPinButton)}
                    </button>
                }.into_any(),
                LockState::Unlocked => view! {
                    // Not while the key is held in memory only: a PIN must wrap it first.
                    <Show when=move || not_stored.with(Option::is_none)>
                        <button type="button" class="secondary" data-testid="lock-now" on:click=move |_| lock_now()>
                            {say(Word::LockButton)}
                        </button>
                    </Show>
                    <button type="button" class="secondary" data-testid="add-pin"
                        on:click=move |_| dialog.set(Dialog::SetPin)>
                        {say(Word::SetPinButton)}
                    </button>
                }.into_any(),
                LockState::Locked => view! {
                    <span class="lock-state" role="status">{say(Word::LockedState)}</span>
                    <button type="button" data-testid="unlock" on:click=move |_| dialog.set(Dialog::Unlock)>
                        {say(Word::UnlockButton)}
                    </button>
                }.into_any(),
            }}
        </div>
        <Show when=show_waiting>
            <p class="lock-waiting" role="status" data-testid="lock-waiting">
                {move || Word::WaitingForUnlock.fill(language.get(), &[("count", &waiting.get().to_string())])}
            </p>
        </Show>
        <Show when=move || recovered.get()>
            <p class="ok lock-outcome" role="status" data-testid="recovery-done">{say(Word::RecoveryDone)}</p>
        </Show>
        {move || ring_unreadable.get().map(|detail| view! {
            <p class="error lock-outcome" role="alert" data-testid="keyring-unreadable">
                {move || Word::KeyringUnreadable.fill(language.get(), &[("detail", detail.as_str())])}
            </p>
        })}
        {move || not_stored.get().map(|detail| view! {
            <p class="error lock-outcome" role="alert" data-testid="recovery-not-saved">
                {move || new_pin_not_saved(&detail, language.get())}
            </p>
        })}
        <Show when=move || dialog.get() == Dialog::Unlock>
            <UnlockDialog names on_done on_cancel=Callback::new(move |()| dialog.set(Dialog::Closed))
                on_forgot=Callback::new(move |()| dialog.set(Dialog::Recover))/>
        </Show>
        <Show when=move || dialog.get() == Dialog::Recover>
            <RecoveryDialog names on_done=on_recovered on_cancel=Callback::new(move |()| dialog.set(Dialog::Closed))/>
        </Show>
        <Show when=move || dialog.get() == Dialog::SetPin>
            <SetPinDialog on_done on_cancel=Callback::new(move |()| dialog.set(Dialog::Closed))/>
        </Show>
    }
}

/// What a PIN dialog says when it did not work. A refused write is a storage problem, not an
/// encryption one: a full device reads as such, and while the key is held in memory only, the
/// words say again that the tablet stays unlocked and must not be reloaded.
fn failure_text(f: &VaultFailure, locale: domain::i18n::Locale) -> String {
    match f {
        VaultFailure::WrongPin => Word::PinWrong.text(locale).to_owned(),
        VaultFailure::OtherVolunteerFirst => Word::OtherVolunteerFirst.text(locale).to_owned(),
        VaultFailure::NewPinNotSaved(f) => new_pin_not_saved(&f.detail(), locale),
        VaultFailure::Storage(e) if key_not_stored().is_some() => {
            new_pin_not_saved(&e.detail(), locale)
        }
        VaultFailure::Storage(e) => {
            domain::device_storage::write_failure::write_failed(&e.detail(), locale)
        }
        VaultFailure::Crypto(detail) => {
            Word::CryptoFailed.fill(locale, &[("detail", detail.as_str())])
        }
    }
}

#[component]
fn UnlockDialog(
    names: RwSignal<Vec<String>>,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
    on_forgot: Callback<()>,
) -> impl IntoView {
    let language = use_language();
    let say = move |w: Word| move || w.text(language.get());
    let resource = use_context::<crate::field_data::StoreResource>();
    let who = RwSignal::new(first_choice(&names.get_untracked()));
    let pin = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let checking = RwSignal::new(false);
    let now = crate::browser::clock::ticking_now(Duration::from_millis(500));
    let guard = RwSignal::new(load_guard());
    let wait_ms = move || guard.with(|g| g.wait_ms(now.get()));
    // The dialog is modal: the keyboard goes straight to the PIN.
    super::focus::focus_soon("#unlock-pin");
    let unlock_disabled = move || checking.get() || wait_ms() > 0;

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if checking.get_untracked() {
            return;
        }
        guard.set(load_guard());
        if guard.with_untracked(|g| g.wait_ms(now_ms())) > 0 {
            pin.set(String::new());
            return;
        }
        let typed = pin.get_untracked();
        pin.set(String::new());
        let Some(store) = store_of(resource) else {
            return;
        };
        let volunteer = who.get_untracked();
        checking.set(true);
        message.set(Some(
            Word::PinChecking.text(language.get_untracked()).to_owned(),
        ));
        spawn_local(async move {
            let result = on_demand::unlock(store, volunteer, typed).await;
            checking.set(false);
            let mut g = load_guard();
            match result {
                Ok(()) => {
                    g.succeeded();
                    save_guard(&g);
                    message.set(None);
                    on_done.run(());
                }
                Err(f) => {
                    if f == VaultFailure::WrongPin {
                        g.failed(now_ms());
                        save_guard(&g);
                        guard.set(g);
                    }
                    let l = language.get_untracked();
                    message.set(Some(failure_text(&f, l)));
                }
            }
        });
    };

    view! {
        <div class="lock-dialog" role="dialog" aria-modal="true" aria-labelledby="unlock-title"
            lang=move || language.get().tag() dir=move || language.get().direction().html_value()>
            <form on:submit=submit novalidate>
                <h2 id="unlock-title">{say(Word::UnlockTitle)}</h2>
                <p class="hint">{say(Word::UnlockHint)}</p>
                <VolunteerChoice names who id="unlock-who"/>
                <label for="unlock-pin">{say(Word::PinLabel)}</label>
                <input id="unlock-pin" data-testid="unlock-pin" type="password" inputmode="numeric"
                    autocomplete="off" maxlength="12" dir="ltr"
                    prop:value=move || pin.get()
                    on:input=move |ev| pin.set(event_target_value(&ev))/>
                <p class="error" role="alert" data-testid="unlock-message">
                    {move || {
                        let wait = wait_ms();
                        if wait > 0 {
                            Some(Word::PinWait.fill(language.get(), &[("wait", &wait_words(wait))]))
                        } else {
                            message.get()
                        }
                    }}
                </p>
                <div class="lock-actions">
                    <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{say(Word::Cancel)}</button>
                    <button type="submit" data-testid="unlock-submit"
                        disabled=unlock_disabled>{say(Word::UnlockButton)}</button>
                </div>
                <p class="lock-forgot">
                    <button type="button" class="secondary" data-testid="forgot-pin"
                        on:click=move |_| on_forgot.run(())>{say(Word::ForgotPin)}</button>
                </p>
            </form>
        </div>
    }
}

#[component]
fn SetPinDialog(on_done: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let language = use_language();
    let say = move |w: Word| move || w.text(language.get());
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let minutes = RwSignal::new(auto_lock_minutes(setting(AUTO_LOCK_KEY).as_deref()));
    let resource = use_context::<crate::field_data::StoreResource>();
    super::focus::focus_soon("#new-pin");

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = language.get_untracked();
        let Some(volunteer) = crate::volunteer::current_first_name() else {
            message.set(Some(Word::NoVolunteerYet.text(l).to_owned()));
            return;
        };
        let checked = match Word::check_pin_pair(&pin.get_untracked(), &again.get_untracked()) {
            Ok(p) => p,
            Err(w) => {
                message.set(Some(w.text(l).to_owned()));
                return;
            }
        };
        let Some(store) = store_of(resource) else {
            return;
        };
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(AUTO_LOCK_KEY, &minutes.get_untracked().to_string());
        }
        busy.set(true);
        spawn_local(async move {
            let result = on_demand::set_pin(store, volunteer, checked).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    pin.set(String::new());
                    again.set(String::new());
                    on_done.run(());
                }
                Err(f) => message.set(Some(failure_text(&f, l))),
            }
        });
    };

    view! {
        <div class="lock-dialog" role="dialog" aria-modal="true" aria-labelledby="set-pin-title"
            lang=move || language.get().tag() dir=move || language.get().direction().html_value()>
            <form on:submit=submit novalidate>
                <h2 id="set-pin-title">{say(Word::SetPinTitle)}</h2>
                <p class="hint">{say(Word::SetPinHint)}</p>
                <NewPinFields pin again id="new-pin"/>
                <label for="auto-lock">{say(Word::AutoLockLabel)}</label>
                <select id="auto-lock" on:change=move |ev| {
                    if let Ok(m) = event_target_value(&ev).parse() { minutes.set(m) }
                }>
                    {domain::at_rest::AUTO_LOCK_CHOICES.into_iter().map(|m| view! {
                        <option value=m.to_string() selected=move || minutes.get() == m>
                            {move || Word::Minutes.fill(language.get(), &[("minutes", &m.to_string())])}
                        </option>
                    }).collect_view()}
                </select>
                <p class="error" role="alert" data-testid="set-pin-message">{move || message.get()}</p>
                <div class="lock-actions">
                    <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{say(Word::Cancel)}</button>
                    <button type="submit" data-testid="set-pin-save" disabled=move || busy.get()>{say(Word::SetPinSave)}</button>
                </div>
            </form>
        </div>
    }
}
