//! Each mode's screens arrive on demand. With the `split` feature (the release build, see
//! xtask/src/split.rs) each function below and everything only it reaches goes into its own wasm
//! file, fetched on the first visit to that mode: a device opening the home screen downloads the
//! shell alone. The service worker precaches every file of the build, so all modes still open
//! offline. Without the feature (tests, clippy, debug builds) the screens are called directly.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

/// A route's screen, drawn once its mode's code is there (at once when it already is).
#[cfg_attr(not(feature = "split"), allow(dead_code))]
fn when_loaded(load: impl Future<Output = AnyView> + 'static) -> impl IntoView {
    // A mode may show texts in another language than the interface's (a door hanger in Arabic,
    // the kiosk in the resident's language): its screen shows once English and Arabic are here
    // too, fetched beside the mode's own file (crate::i18n::load_texts).
    leptos::task::spawn_local(crate::i18n::load_all_texts());
    let load = async move {
        let view = load.await;
        crate::i18n::load_all_texts().await;
        view
    };
    // The split loader's future is tied to the page's single thread; Suspend wants Send.
    let load = SendWrapper::new(load);
    let language = crate::i18n::use_language();
    let waiting = move || {
        view! {
            <p class="screen-loading" role="status" data-testid="screen-loading">
                {move || domain::offline_ready::screen_loading(language.get())}
            </p>
        }
    };
    view! { <Suspense fallback=waiting>{Suspend::new(load)}</Suspense> }
}

#[derive(Clone, Copy)]
pub enum FieldScreen {
    Field,
    Import,
    Presentation,
    Residence,
    Entrance,
    DoorHangers,
    Signup,
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn field_screen(screen: FieldScreen) -> AnyView {
    use super::field::{
        Field, door_hangers::DoorHangersPage, entrance::EntranceWalk, import::ImportPage,
        presentation::PresentationPage, residence::ResidencePage, signup::SignupPage,
    };
    match screen {
        FieldScreen::Field => view! { <Field/> }.into_any(),
        FieldScreen::Import => view! { <ImportPage/> }.into_any(),
        FieldScreen::Presentation => view! { <PresentationPage/> }.into_any(),
        FieldScreen::Residence => view! { <ResidencePage/> }.into_any(),
        FieldScreen::Entrance => view! { <EntranceWalk/> }.into_any(),
        FieldScreen::DoorHangers => view! { <DoorHangersPage/> }.into_any(),
        FieldScreen::Signup => view! { <SignupPage/> }.into_any(),
    }
}

#[derive(Clone, Copy)]
pub enum DeviceScreen {
    Device,
    Attention,
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn device_screen(screen: DeviceScreen) -> AnyView {
    use super::device::{DevicePage, attention::AttentionPage};
    match screen {
        DeviceScreen::Device => view! { <DevicePage/> }.into_any(),
        DeviceScreen::Attention => view! { <AttentionPage/> }.into_any(),
    }
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn kiosk_screen() -> AnyView {
    view! { <super::kiosk::KioskPage/> }.into_any()
}

#[derive(Clone, Copy)]
pub enum PartnersScreen {
    Partners,
    New,
    Import,
    Partner,
    Edit,
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn partners_screen(screen: PartnersScreen) -> AnyView {
    use super::partners::{
        PartnersPage,
        form::{EditPartnerPage, NewPartnerPage},
        page::PartnerPage,
        transfer::ImportPartnersPage,
    };
    match screen {
        PartnersScreen::Partners => view! { <PartnersPage/> }.into_any(),
        PartnersScreen::New => view! { <NewPartnerPage/> }.into_any(),
        PartnersScreen::Import => view! { <ImportPartnersPage/> }.into_any(),
        PartnersScreen::Partner => view! { <PartnerPage/> }.into_any(),
        PartnersScreen::Edit => view! { <EditPartnerPage/> }.into_any(),
    }
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn coordination_screen() -> AnyView {
    view! { <super::coordination::CoordinationPage/> }.into_any()
}

// With the feature the functions above are async (the macro makes them so); without it they
// return at once. These keep one shape for the router either way.
#[cfg(feature = "split")]
macro_rules! screen {
    ($call:expr) => {
        when_loaded($call)
    };
}
#[cfg(not(feature = "split"))]
macro_rules! screen {
    ($call:expr) => {
        $call
    };
}

pub fn field(screen: FieldScreen) -> impl IntoView {
    screen!(field_screen(screen))
}

pub fn device(screen: DeviceScreen) -> impl IntoView {
    screen!(device_screen(screen))
}

pub fn kiosk() -> impl IntoView {
    // The kiosk hides the app's header (routes/kiosk.rs sets this class too); set here, before
    // its code arrives, so that the header's buttons never show over the kiosk while it loads.
    kiosk_class(true);
    on_cleanup(|| kiosk_class(false));
    screen!(kiosk_screen())
}

fn kiosk_class(on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let classes = root.class_list();
        let _ = if on {
            classes.add_1("kiosk-mode")
        } else {
            classes.remove_1("kiosk-mode")
        };
    }
}

pub fn partners(screen: PartnersScreen) -> impl IntoView {
    screen!(partners_screen(screen))
}

pub fn coordination() -> impl IntoView {
    screen!(coordination_screen())
}

/// The header's volunteer lock (components/device_lock.rs): its dialogs, timers and purge serve a
/// device with a PIN, a volunteer or a link, so a fresh device's first load does not fetch them.
/// Once shown it stays, so that its timers are never reset by a passing change.
pub fn device_lock() -> impl IntoView {
    use crate::store::vault::{LockState, lock_state};
    let volunteer = use_context::<crate::volunteer::VolunteerName>();
    let sync = use_context::<crate::sync::SyncEngine>();
    // Whether a volunteer set a PIN here is known once the key ring was read from the store.
    let has_pin = RwSignal::new(false);
    if let Some(store) = use_context::<crate::field_data::StoreResource>() {
        Effect::new(move |_| {
            if let Some(Ok(store)) = store.get() {
                leptos::task::spawn_local(async move {
                    let _ = store.keyring().await;
                    has_pin.set(matches!(
                        lock_state(),
                        LockState::Locked | LockState::Unlocked
                    ));
                });
            }
        });
    }
    let needed = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false)
            || has_pin.get()
            || volunteer.is_some_and(|v| v.0.with(Option::is_some))
            || sync.is_some_and(|s| s.enrollment.with(Option::is_some))
    });
    view! { <Show when=move || needed.get()>{quietly(device_lock_view())}</Show> }
}

#[cfg_attr(feature = "split", leptos::lazy)]
fn device_lock_view() -> AnyView {
    view! { <crate::components::device_lock::DeviceLock/> }.into_any()
}

/// Like `when_loaded`, with no words while it loads: for a part of a screen, not a screen.
#[cfg(feature = "split")]
fn quietly(load: impl Future<Output = AnyView> + 'static) -> impl IntoView {
    let load = SendWrapper::new(load);
    view! { <Suspense fallback=|| ()>{Suspend::new(load)}</Suspense> }
}
#[cfg(not(feature = "split"))]
fn quietly(view: AnyView) -> AnyView {
    view
}
