//! The coordinator's workspace: sign in, then enroll tablets, follow and revoke them, import a
//! tablet's export file, and import the campaign's log to see its indicators and export its
//! visits. It needs the network (the server holds the accounts); it says so plainly when offline
//! instead of showing an empty screen.

pub mod callbacks;
pub mod campaign_editor;
pub mod campaign_knowledge;
pub mod campaign_log;
pub mod campaign_pin;
pub mod campaign_territory;
pub mod campaign_volunteers;
pub mod campaigns;
pub mod devices;
pub mod enroll_device;
pub mod exports;
pub mod idea_votes;
pub mod indicators;
pub mod outbox_import;
pub mod privacy;
pub mod sign_in;

use crate::coordination_api::{self as api, Session};
use crate::i18n::use_language;
use campaign_log::{CampaignLog, CampaignLogImport};
use campaigns::Campaigns;
use devices::DeviceList;
use domain::coordination::CoordProblem;
use domain::i18n::Text;
use enroll_device::EnrollDevice;
use exports::Exports;
use indicators::IndicatorsReport;
use leptos::prelude::*;
use leptos::task::spawn_local;
use outbox_import::OutboxImport;
use privacy::PrivacyRequests;
use sign_in::SignIn;

/// Shared by the workspace's parts: the session, and where any of them reports that it ended.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub session: RwSignal<Option<Session>>,
    pub problem: RwSignal<Option<CoordProblem>>,
    /// Bumped when something changed the device list (a code redeemed, a revocation).
    pub devices_changed: RwSignal<u32>,
    /// Bumped when a campaign was created, so the lists offering campaigns show it.
    pub campaigns_changed: RwSignal<u32>,
}

impl Workspace {
    /// Reports a failed call; an ended session brings back the sign-in form.
    pub fn failed(self, problem: CoordProblem) {
        if problem == CoordProblem::SessionExpired {
            self.session.set(None);
        }
        self.problem.set(Some(problem));
    }
}

#[component]
pub fn CoordinationPage() -> impl IntoView {
    let language = use_language();
    let workspace = Workspace {
        session: RwSignal::new(None),
        problem: RwSignal::new(None),
        devices_changed: RwSignal::new(0),
        campaigns_changed: RwSignal::new(0),
    };
    provide_context(workspace);
    // The imported log outlives a sign-out and a sign-in again: held for this page.
    CampaignLog::provide();
    let checked = RwSignal::new(false);
    spawn_local(async move {
        match api::session().await {
            Ok(session) => workspace.session.set(session),
            Err(problem) => workspace.problem.set(Some(problem)),
        }
        checked.set(true);
    });
    let sign_out = move |_| {
        let Some(session) = workspace.session.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match api::sign_out(&session).await {
                Ok(()) | Err(CoordProblem::SessionExpired) => workspace.session.set(None),
                Err(problem) => workspace.problem.set(Some(problem)),
            }
        });
    };

    view! {
        <h1>{language.t(Text::CoordSignInHeading)}</h1>
        <p role="alert" class="error">
            {move || workspace.problem.get().map(|p| p.text(language.get()))}
        </p>
        {move || match workspace.session.get() {
            None if checked.get() => view! { <SignIn/> }.into_any(),
            None => ().into_any(),
            Some(session) => {
                let name = session.name.clone();
                view! {
                    <div class="signed-in">
                        <p>{move || language.get().fill(Text::CoordSignedInAs, &[("name", &name)])}</p>
                        <button type="button" class="secondary" on:click=sign_out>
                            {language.t(Text::CoordSignOut)}
                        </button>
                    </div>
                    <Campaigns/>
                    // Made again when a campaign is created, so that it can be chosen.
                    {move || { workspace.campaigns_changed.track(); view! { <EnrollDevice/> } }}
                    <DeviceList/>
                    <OutboxImport/>
                    <CampaignLogImport/>
                    <callbacks::KioskCallbacks/>
                    <IndicatorsReport/>
                    <Exports/>
                    <PrivacyRequests/>
                }
                    .into_any()
            }
        }}
    }
}

/// The workspace the parts share.
pub fn use_workspace() -> Workspace {
    expect_context()
}
