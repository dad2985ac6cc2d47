//! "Campagnes": the server's campaigns, creating one (a name and the territory it covers), and
//! for the one chosen its attached territory, its settings editor and its volunteers.

use super::campaign_editor::CampaignEditor;
use super::campaign_log::use_campaign_log;
use super::campaign_territory::CampaignTerritory;
use super::campaign_volunteers::CampaignVolunteers;
use super::use_workspace;
use crate::coordination_api::{self as api, CampaignRow};
use crate::i18n::use_language;
use domain::campaign::{CampaignText as T, NewCampaign};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Campaigns() -> impl IntoView {
    let language = use_language();
    let t = move |key: T| move || key.text(language.get());
    let workspace = use_workspace();
    let log = use_campaign_log();
    let campaigns = RwSignal::new(Vec::<CampaignRow>::new());
    let chosen = RwSignal::new(None::<CampaignRow>);
    let name = RwSignal::new(String::new());
    let territory = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<domain::campaign::SettingProblem>);
    let created = RwSignal::new(None::<String>);
    // What is attached to the chosen campaign's territory: the editor's join links list it too.
    let attached = RwSignal::new(None::<domain::campaign_territory::Attached>);
    spawn_local(async move {
        match api::campaigns().await {
            Ok(list) => campaigns.set(list),
            Err(problem) => workspace.failed(problem),
        }
    });
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = NewCampaign {
            name: name.get_untracked(),
            territory: territory.get_untracked(),
        };
        if let Err(p) = request.edits() {
            problem.set(Some(p));
            return;
        }
        problem.set(None);
        let Some(session) = workspace.session.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match api::create_campaign(&session, &request.name, &request.territory).await {
                Ok(row) => {
                    workspace.problem.set(None);
                    created.set(Some(row.name.clone()));
                    name.set(String::new());
                    territory.set(String::new());
                    campaigns.update(|all| all.push(row.clone()));
                    // The log import and the enrollment list offer it at once.
                    log.campaigns.update(|all| all.push(row.clone()));
                    workspace.campaigns_changed.update(|n| *n += 1);
                    chosen.set(Some(row));
                }
                Err(problem) => workspace.failed(problem),
            }
        });
    };

    view! {
        <section class="card campaigns" aria-labelledby="campaigns-heading">
            <h2 id="campaigns-heading">{t(T::Heading)}</h2>
            <table class="campaign-list">
                <thead>
                    <tr>
                        <th scope="col">{t(T::CampaignName)}</th>
                        <th scope="col"><span class="visually-hidden">{t(T::Edit)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || campaigns.get() key=|c| c.id.clone() let:campaign>
                        {
                            let row = campaign.clone();
                            let id = campaign.id.clone();
                            view! {
                                <tr>
                                    <td class="names">{campaign.name.clone()}<br/><span class="hint" dir="ltr">{campaign.id.clone()}</span></td>
                                    <td>
                                        <button type="button" class="secondary"
                                            aria-pressed=move || chosen.with(|c| c.as_ref().is_some_and(|c| c.id == id)).to_string()
                                            on:click=move |_| chosen.set(Some(row.clone()))>
                                            {t(T::Edit)}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            <form class="new-campaign" on:submit=create novalidate>
                <h3>{t(T::NewCampaign)}</h3>
                <label for="campaign-new-name">{t(T::CampaignName)}</label>
                <input id="campaign-new-name" type="text" maxlength="120" required
                    aria-describedby="campaign-new-problem"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="campaign-new-territory">{t(T::TerritoryLabel)}</label>
                <input id="campaign-new-territory" type="text" maxlength="200"
                    aria-describedby="campaign-new-territory-hint"
                    prop:value=move || territory.get()
                    on:input=move |ev| territory.set(event_target_value(&ev))/>
                <p id="campaign-new-territory-hint" class="hint">{t(T::TerritoryHint)}</p>
                <p id="campaign-new-problem" role="alert" class="error">
                    {move || problem.get().map(|p| p.message(language.get()))}
                </p>
                <button type="submit">{t(T::Create)}</button>
                <p role="status" class="ok">
                    {move || created.get().map(|n| domain::i18n::fill(T::Created.text(language.get()), &[("name", &super::campaign_editor::isolated(&n))]))}
                </p>
            </form>
        </section>
        {move || chosen.get().map(|campaign| view! {
            <CampaignTerritory campaign=campaign.clone() attached/>
            <CampaignEditor campaign=campaign.clone() attached/>
            <CampaignVolunteers campaign=campaign.id.clone()/>
        })}
    }
}
