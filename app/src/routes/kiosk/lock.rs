//! Kiosk mode and its lock. The mode is kept in the device's storage, so a reload or a restart
//! opens the kiosk again whatever the address; while it lasts the app shows the kiosk only (no
//! header, no route into the rest of the app), keeps the address at `/borne` and turns the back
//! button into a no-op. Leaving takes the coordinator's exit PIN on a digits-only pad, hashed
//! with PBKDF2 in WebCrypto and compared with the stored `PinRecord`; wrong tries wait as
//! `domain::kiosk::PinGuard` says, and the guard is stored too, so a reload does not reset it.
//! Until the campaign's settings are read after a start the PIN is not known (`KnownPin`): a
//! code typed then is checked once they are, never taken for "no PIN".

use crate::i18n::use_language;
use domain::kiosk::{
    DetailsKey, EnterProblem, ExitStep, KnownPin, LockText, PinEntry, PinGuard, PinRecord,
    exit_step, may_enter, wait_words,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

const MODE_KEY: &str = "palier.kiosk-mode";
const GUARD_KEY: &str = "palier.kiosk-pin-guard";
/// A record placed on this device by hand (a tablet set up before its campaign settings synced,
/// the end-to-end tests): used only when the campaign settings carry none.
const PIN_KEY: &str = "palier.kiosk-pin";

use crate::browser::preferences::local_storage;

/// The campaign's exit PIN record as synced (`campaign_settings`), and whether the settings were
/// read since the start, provided by [`KioskGate`].
#[derive(Clone, Copy)]
struct SyncedPin {
    pin: Memo<Option<PinRecord>>,
    read: Memo<bool>,
}

/// The coordinator's exit PIN record, the one place the kiosk reads it from: the campaign
/// settings the coordinator edited and the device synced, else a record placed on this device
/// by hand (JSON of `PinRecord` under `palier.kiosk-pin`); not known while the settings are
/// still being read.
pub fn kiosk_pin() -> KnownPin {
    let synced = use_context::<SyncedPin>();
    if synced.is_some_and(|s| !s.read.get_untracked()) {
        return KnownPin::StillReading;
    }
    KnownPin::Read(synced.and_then(|s| s.pin.get_untracked()).or_else(|| {
        let text = local_storage()?.get_item(PIN_KEY).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }))
}

fn stored_mode() -> bool {
    local_storage()
        .and_then(|s| s.get_item(MODE_KEY).ok().flatten())
        .is_some_and(|v| v == "on")
}

fn load_guard() -> PinGuard {
    local_storage()
        .and_then(|s| s.get_item(GUARD_KEY).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn save_guard(guard: &PinGuard) {
    if let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(guard)) {
        let _ = storage.set_item(GUARD_KEY, &text);
    }
}

/// Whether this device is in kiosk mode, for every screen.
#[derive(Clone, Copy)]
pub struct KioskMode(RwSignal<bool>);

impl KioskMode {
    pub fn get(self) -> bool {
        self.0.get()
    }

    /// Enters kiosk mode when the coordinator has chosen an exit PIN and the details' key is
    /// stored; otherwise says why not.
    pub fn enter(self) -> Result<(), EnterProblem> {
        let key = match crate::store::vault::key_not_stored() {
            Some(_) => DetailsKey::InMemoryOnly,
            None => DetailsKey::Stored,
        };
        may_enter(&kiosk_pin(), key)?;
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(MODE_KEY, "on");
        }
        // Called from the button's click: the one moment the browser grants full screen.
        request_full_screen();
        self.0.set(true);
        Ok(())
    }

    fn leave(self) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(MODE_KEY);
        }
        if let Some(document) = web_sys::window().and_then(|w| w.document())
            && document.fullscreen_element().is_some()
        {
            document.exit_fullscreen();
        }
        self.0.set(false);
    }
}

pub fn use_kiosk_mode() -> Option<KioskMode> {
    use_context::<KioskMode>()
}

fn request_full_screen() {
    if let Some(document) = web_sys::window().and_then(|w| w.document())
        && document.fullscreen_element().is_none()
        && let Some(root) = document.document_element()
    {
        // Refused without a touch (after a reload): tried again on the next touch. The refusal
        // comes as a rejected promise, caught here so it is not reported as an error.
        let request = js_sys::Reflect::get(&root, &"requestFullscreen".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&root).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        if let Some(promise) = request {
            let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }
}

/// The address stays `/borne`, and one more `/borne` entry lies ahead of the back button, so
/// that going back never reaches a page from before kiosk mode.
fn pin_history() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("/borne"));
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some("/borne"));
    }
}

/// Shows the kiosk instead of the app's routes while the device is in kiosk mode.
#[component]
pub fn KioskGate(children: ChildrenFn) -> impl IntoView {
    let mode = KioskMode(RwSignal::new(stored_mode()));
    provide_context(mode);
    let settings = crate::campaign_settings::use_campaign_settings();
    provide_context(SyncedPin {
        pin: Memo::new(move |_| settings.with(|s| s.kiosk_pin.clone())),
        read: crate::campaign_settings::use_settings_read(),
    });

    // Back while in kiosk mode: the address is set back to `/borne` and the entry ahead is
    // restored; the screens (not routes) stay where the idle timer left them.
    let on_pop = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        if mode.0.get_untracked() {
            pin_history();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    }
    on_pop.forget();

    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |was: Option<bool>| {
        let now = mode.0.get();
        if now {
            pin_history();
        } else if was == Some(true) {
            navigate("/appareil", Default::default());
        }
        now
    });

    move || {
        if mode.get() {
            view! {
                <div class="kiosk-gate" on:pointerdown=move |_| request_full_screen()>
                    // Its code arrives on demand, like the `/borne` route's (routes/on_demand.rs).
                    {crate::routes::on_demand::kiosk()}
                </div>
            }
            .into_any()
        } else {
            children().into_any()
        }
    }
}

/// Hex of PBKDF2-HMAC-SHA-256(pin, salt, iterations), 32 bytes, from the shared WebCrypto
/// door (`browser::crypto`).
async fn derive(
    pin: &str,
    record: &PinRecord,
) -> Result<String, crate::browser::crypto::CryptoError> {
    use crate::browser::crypto::{CryptoError, hex, hex_bytes, pbkdf2_bits};
    let salt = hex_bytes(&record.salt).ok_or_else(|| CryptoError("salt".into()))?;
    Ok(hex(&pbkdf2_bits(pin, &salt, record.iterations).await?))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PadState {
    Typing,
    Checking,
}

/// The discreet exit button of the attract screen and, once touched, the PIN pad. Shown only in
/// kiosk mode; part of the turn, so an idle reset closes it.
#[component]
pub fn ExitPad() -> impl IntoView {
    // Outside kiosk mode (`/borne` opened as a preview) the browser's own back button leaves.
    let Some(mode) = use_kiosk_mode().filter(|m| m.0.get_untracked()) else {
        return ().into_any();
    };
    let language = use_language();
    let open = RwSignal::new(false);
    let entry = RwSignal::new(PinEntry::default());
    let state = RwSignal::new(PadState::Typing);
    let message = RwSignal::new(None::<LockText>);
    // A code submitted before the settings were read, checked as soon as they are.
    let waiting = RwSignal::new(false);
    let now = crate::browser::clock::ticking_now(std::time::Duration::from_millis(500));
    let guard = RwSignal::new(load_guard());
    let wait_ms = move || guard.with(|g| g.wait_ms(now.get()));
    let say = move |t: LockText| move || t.says(language.get());
    let locked = move || state.get() == PadState::Checking || wait_ms() > 0;

    // Typing again drops a code held for the settings: what is checked is what was submitted.
    let press = move |key: char| {
        entry.update(|e| e.push(key));
        message.set(None);
        waiting.set(false);
    };
    let submit = move || {
        if state.get_untracked() == PadState::Checking {
            return;
        }
        guard.set(load_guard());
        if guard.with_untracked(|g| g.wait_ms(crate::store::now_ms())) > 0 {
            entry.update(|e| {
                e.take();
            });
            return;
        }
        if !entry.with_untracked(PinEntry::complete) {
            message.set(Some(LockText::PinTooShort));
            return;
        }
        let record = match exit_step(kiosk_pin()) {
            ExitStep::WaitForSettings => {
                // The digits stay typed; the effect below submits them once the settings are read.
                waiting.set(true);
                message.set(Some(LockText::PinWaitsForSettings));
                return;
            }
            ExitStep::Leave => {
                entry.set(PinEntry::default());
                mode.leave();
                return;
            }
            ExitStep::Check(record) => record,
        };
        let typed = entry.try_update(PinEntry::take).unwrap_or_default();
        state.set(PadState::Checking);
        message.set(Some(LockText::PinChecking));
        spawn_local(async move {
            let derived = derive(&typed, &record).await;
            state.set(PadState::Typing);
            let Ok(derived) = derived else {
                message.set(Some(LockText::PinCannotCheck));
                return;
            };
            let mut g = load_guard();
            if record.matches(&derived) {
                g.succeeded();
                save_guard(&g);
                message.set(None);
                mode.leave();
            } else {
                g.failed(crate::store::now_ms());
                save_guard(&g);
                guard.set(g);
                message.set(Some(LockText::PinWrong));
            }
        });
    };
    let read = crate::campaign_settings::use_settings_read();
    Effect::new(move |_| {
        if read.get() && waiting.get_untracked() {
            waiting.set(false);
            submit();
        }
    });
    let close = move || {
        entry.set(PinEntry::default());
        message.set(None);
        waiting.set(false);
        open.set(false);
    };

    let key = move |k: char| {
        view! {
            <button type="button" class="pin-key" disabled=move || state.get() == PadState::Checking
                on:click=move |_| press(k)>{k.to_string()}</button>
        }
    };
    view! {
        <button type="button" class="secondary kiosk-exit" data-testid="kiosk-exit"
            lang=move || language.get().tag() on:click=move |_| open.set(true)>
            {say(LockText::ExitButton)}
        </button>
        <Show when=move || open.get()>
            <div class="kiosk-warning pin-pad" role="dialog" aria-modal="true" aria-labelledby="pin-title"
                lang=move || language.get().tag() dir=move || language.get().direction().html_value()>
                <h2 id="pin-title">{say(LockText::PinTitle)}</h2>
                <p class="hint">{say(LockText::PinHint)}</p>
                <p class="pin-dots" dir="ltr" aria-live="polite"
                    aria-label=move || LockText::PinTyped.fill(language.get(), &[("count", &entry.with(PinEntry::len).to_string())])>
                    {move || {
                        let typed = entry.with(PinEntry::len);
                        format!("{}{}", "●".repeat(typed), "○".repeat(6usize.saturating_sub(typed)))
                    }}
                </p>
                <p role="alert" class="pin-message error" data-testid="pin-message">
                    {move || {
                        let wait = wait_ms();
                        if wait > 0 {
                            Some(LockText::PinWait.fill(language.get(), &[("wait", &wait_words(wait))]))
                        } else {
                            message.get().map(|m| m.says(language.get()).to_owned())
                        }
                    }}
                </p>
                // Digits keep their order in Arabic too: a PIN pad reads like a phone's.
                <div class="pin-keys" dir="ltr">
                    {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(key).collect_view()}
                    <button type="button" class="pin-key pin-erase secondary" on:click=move |_| {
                        entry.update(PinEntry::erase);
                        message.set(None);
                        waiting.set(false);
                    }>
                        {say(LockText::PinErase)}
                    </button>
                    {key('0')}
                    <button type="button" class="pin-key" data-testid="pin-submit"
                        disabled=locked
                        on:click=move |_| submit()>"OK"</button>
                </div>
                <div class="kiosk-nav">
                    <button type="button" class="secondary" on:click=move |_| close()>{say(LockText::PinCancel)}</button>
                    <button type="button" class="kiosk-big"
                        disabled=locked
                        on:click=move |_| submit()>{say(LockText::PinSubmit)}</button>
                </div>
            </div>
        </Show>
    }
    .into_any()
}
