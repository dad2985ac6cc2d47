//! Palier's single-page app: the screens, the language wiring, and adapters to the browser
//! (IndexedDB, service worker, storage). Decisions come from the `domain` crate.

pub mod browser;
pub mod campaign_settings;
pub mod components;
pub mod coordination_api;
pub mod field_data;
pub mod i18n;
pub mod routes;
pub mod store;
pub mod sync;
pub mod volunteer;

use browser::{network, storage, updates};
use components::{
    header::Header, insecure_banner::InsecureBanner, sync_status::SyncStatus,
    update_banner::UpdateBanner,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use routes::coordination::CoordinationPage;
use routes::device::{DevicePage, attention::AttentionPage};
use routes::field::{
    Field, door_hangers::DoorHangersPage, entrance::EntranceWalk, import::ImportPage,
    presentation::PresentationPage, residence::ResidencePage, signup::SignupPage,
};
use routes::{home::Home, not_found::NotFound};
use store::EventStore;

#[component]
pub fn App() -> impl IntoView {
    i18n::provide_language();
    // One connection for the whole page; screens read it from context.
    let store = LocalResource::new(EventStore::open);
    provide_context(store);
    let data = field_data::provide_field_data(store);
    provide_context(volunteer::VolunteerName::load());
    // Sync starts with the page: the outbox drains as soon as the store is open.
    sync::provide_sync(store, data);
    campaign_settings::provide_campaign_settings();
    let online = network::online_signal();
    let update_ready = updates::watch_for_updates();
    // Browsers evict non-persistent sites under storage pressure: ask at every start until granted.
    spawn_local(async {
        if !storage::state().await.persisted {
            storage::request_persistence().await;
        }
    });

    view! {
        <Router>
            <components::focus::RouteFocus/>
            <Header online/>
            <InsecureBanner/>
            <SyncStatus/>
            <UpdateBanner update_ready/>
            <main id="main" tabindex="-1">
                // In kiosk mode the kiosk only, whatever the address (routes/kiosk/lock.rs).
                <routes::kiosk::lock::KioskGate>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/terrain") view=Field/>
                    <Route path=path!("/terrain/import") view=ImportPage/>
                    <Route path=path!("/terrain/presentation") view=PresentationPage/>
                    <Route path=path!("/terrain/residence/:id") view=ResidencePage/>
                    <Route path=path!("/terrain/entree/:id") view=EntranceWalk/>
                    <Route path=path!("/terrain/entree/:id/avis") view=DoorHangersPage/>
                    <Route path=path!("/terrain/porte/:id/inscription") view=SignupPage/>
                    <Route path=path!("/appareil") view=DevicePage/>
                    <Route path=path!("/appareil/a-verifier") view=AttentionPage/>
                    <Route path=path!("/borne") view=routes::kiosk::KioskPage/>
                    <Route path=path!("/partenaires") view=routes::partners::PartnersPage/>
                    <Route path=path!("/partenaires/nouveau") view=routes::partners::form::NewPartnerPage/>
                    <Route path=path!("/partenaires/importer") view=routes::partners::transfer::ImportPartnersPage/>
                    <Route path=path!("/partenaires/:id") view=routes::partners::page::PartnerPage/>
                    <Route path=path!("/partenaires/:id/modifier") view=routes::partners::form::EditPartnerPage/>
                    <Route path=path!("/coordination") view=CoordinationPage/>
                </Routes>
                </routes::kiosk::lock::KioskGate>
            </main>
        </Router>
    }
}
