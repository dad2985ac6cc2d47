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
use routes::on_demand::{self, DeviceScreen, FieldScreen, PartnersScreen};
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
    provide_context(updates::watch_offline_ready());
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
                    <Route path=path!("/terrain") view=|| on_demand::field(FieldScreen::Field)/>
                    <Route path=path!("/terrain/import") view=|| on_demand::field(FieldScreen::Import)/>
                    <Route path=path!("/terrain/presentation") view=|| on_demand::field(FieldScreen::Presentation)/>
                    <Route path=path!("/terrain/residence/:id") view=|| on_demand::field(FieldScreen::Residence)/>
                    <Route path=path!("/terrain/entree/:id") view=|| on_demand::field(FieldScreen::Entrance)/>
                    <Route path=path!("/terrain/entree/:id/avis") view=|| on_demand::field(FieldScreen::DoorHangers)/>
                    <Route path=path!("/terrain/porte/:id/inscription") view=|| on_demand::field(FieldScreen::Signup)/>
                    <Route path=path!("/appareil") view=|| on_demand::device(DeviceScreen::Device)/>
                    <Route path=path!("/appareil/a-verifier") view=|| on_demand::device(DeviceScreen::Attention)/>
                    <Route path=path!("/borne") view=on_demand::kiosk/>
                    <Route path=path!("/partenaires") view=|| on_demand::partners(PartnersScreen::Partners)/>
                    <Route path=path!("/partenaires/nouveau") view=|| on_demand::partners(PartnersScreen::New)/>
                    <Route path=path!("/partenaires/importer") view=|| on_demand::partners(PartnersScreen::Import)/>
                    <Route path=path!("/partenaires/:id") view=|| on_demand::partners(PartnersScreen::Partner)/>
                    <Route path=path!("/partenaires/:id/modifier") view=|| on_demand::partners(PartnersScreen::Edit)/>
                    <Route path=path!("/coordination") view=on_demand::coordination/>
                </Routes>
                </routes::kiosk::lock::KioskGate>
            </main>
        </Router>
    }
}
