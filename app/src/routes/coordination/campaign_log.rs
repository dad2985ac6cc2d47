//! "Importer le journal de la campagne": every event of a campaign pulled from the server page by
//! page into this browser's memory, where the indicators and the exports are computed. The cursor
//! of each campaign is kept for the session, so an import cut short (a slow line, a lost
//! connection) resumes where it stopped, and pressing again later fetches only what is new.

use super::use_workspace;
use crate::coordination_api::{self as api, CampaignRow};
use crate::i18n::use_language;
use domain::event::EventEnvelope;
use domain::i18n::Text;
use domain::indicators::Filter;
use domain::indicators::log::{make_room, put_in_order};
use domain::sync::Cursor;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

/// Events per request: large enough that 100,000 events take about fifty round trips, small
/// enough that each answer stays a few megabytes.
const PAGE: u32 = 2_000;

/// The log held in memory, shared by the import, the indicators and the exports.
#[derive(Clone, Copy)]
pub struct CampaignLog {
    pub campaigns: RwSignal<Vec<CampaignRow>>,
    /// The campaign looked at.
    pub campaign: RwSignal<String>,
    /// Every event received, of every campaign imported, each once (an event received twice is
    /// dropped when the import ends, by [`put_in_order`]: no set of ids is kept beside the log,
    /// whose memory counts at 100,000 events). Changed without notifying: readers follow
    /// [`CampaignLog::version`], bumped when an import ends.
    pub events: StoredValue<Vec<EventEnvelope>>,
    pub version: RwSignal<u32>,
    /// The indicators' filter, which the exports use too.
    pub filter: RwSignal<Filter>,
    cursors: StoredValue<HashMap<String, Cursor>>,
    state: RwSignal<ImportState>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ImportState {
    Idle,
    Running { received: u64 },
    Done { new: u64, total: u64 },
    Interrupted { received: u64 },
}

impl CampaignLog {
    pub fn provide() -> CampaignLog {
        let log = CampaignLog {
            campaigns: RwSignal::new(Vec::new()),
            campaign: RwSignal::new(String::new()),
            events: StoredValue::new(Vec::new()),
            version: RwSignal::new(0),
            filter: RwSignal::new(Filter::default()),
            cursors: StoredValue::new(HashMap::new()),
            state: RwSignal::new(ImportState::Idle),
        };
        provide_context(log);
        log
    }

    /// Whether anything of the chosen campaign was imported (reactive).
    pub fn loaded(self) -> bool {
        let campaign = self.campaign.get();
        self.version.get();
        self.cursors.with_value(|c| c.contains_key(&campaign))
    }
}

pub fn use_campaign_log() -> CampaignLog {
    expect_context()
}

#[component]
pub fn CampaignLogImport() -> impl IntoView {
    let language = use_language();
    let workspace = use_workspace();
    let log = use_campaign_log();
    if log.campaigns.get_untracked().is_empty() {
        spawn_local(async move {
            match api::campaigns().await {
                Ok(list) => {
                    if log.campaign.get_untracked().is_empty()
                        && let Some(first) = list.first()
                    {
                        log.campaign.set(first.id.clone());
                    }
                    log.campaigns.set(list);
                }
                Err(problem) => workspace.failed(problem),
            }
        });
    }
    let running = move || matches!(log.state.get(), ImportState::Running { .. });
    let import = move |_| {
        if running() {
            return;
        }
        let campaign = log.campaign.get_untracked();
        spawn_local(async move {
            let mut received = 0u64;
            let held_before = log.events.with_value(|all| all.len() as u64);
            log.state.set(ImportState::Running { received });
            loop {
                let after = log.cursors.with_value(|c| c.get(&campaign).copied());
                // The first page says how many events follow, so the log is grown once.
                let first = received == 0;
                let page = match api::campaign_events(&campaign, after, PAGE, first).await {
                    Ok(page) => page,
                    Err(problem) => {
                        // What arrived stays, and so does the cursor: pressing again resumes.
                        log.state.set(ImportState::Interrupted { received });
                        log.events.update_value(put_in_order);
                        log.version.update(|v| *v += 1);
                        workspace.failed(problem);
                        return;
                    }
                };
                received += page.events.len() as u64;
                log.events.update_value(|all| {
                    if let Some(remaining) = page.remaining {
                        make_room(all, remaining);
                    }
                    all.extend(page.events);
                });
                log.cursors.update_value(|c| {
                    c.insert(campaign.clone(), page.next_cursor);
                });
                if !page.more {
                    break;
                }
                log.state.set(ImportState::Running { received });
            }
            // In clock order once, so that every change of filter takes the fast path; what was
            // already held is counted once.
            log.events.update_value(put_in_order);
            let new = log
                .events
                .with_value(|all| all.len() as u64)
                .saturating_sub(held_before);
            let total = log.events.with_value(|all| {
                all.iter()
                    .filter(|e| e.campaign.as_str() == campaign)
                    .count() as u64
            });
            workspace.problem.set(None);
            log.state.set(ImportState::Done { new, total });
            log.version.update(|v| *v += 1);
        });
    };

    view! {
        <section class="card campaign-log" aria-labelledby="log-heading">
            <h2 id="log-heading">{language.t(Text::IndLogHeading)}</h2>
            <p class="hint">{language.t(Text::IndLogIntro)}</p>
            <label for="log-campaign">{language.t(Text::CoordCampaign)}</label>
            <select
                id="log-campaign"
                on:change=move |ev| log.campaign.set(event_target_value(&ev))
                disabled=running
            >
                <For each=move || log.campaigns.get() key=|c| c.id.clone() let:campaign>
                    <option
                        value=campaign.id.clone()
                        selected={campaign.id == log.campaign.get_untracked()}
                    >
                        {campaign.name.clone()}
                    </option>
                </For>
            </select>
            <div class="choices">
                <button
                    type="button"
                    id="import-log"
                    on:click=import
                    disabled=move || running() || log.campaign.get().is_empty()
                >
                    {language.t(Text::IndLogImport)}
                </button>
            </div>
            {move || {
                running()
                    .then(|| {
                        view! {
                            <progress
                                class="log-progress"
                                aria-labelledby="log-status"
                            ></progress>
                        }
                    })
            }}
            <p role="status" id="log-status" class="ok" aria-live="polite">
                {move || match log.state.get() {
                    ImportState::Idle => String::new(),
                    ImportState::Running { received } => {
                        language.get().fill(Text::IndLogProgress, &[("count", &received.to_string())])
                    }
                    ImportState::Done { new, total } => {
                        language.get().fill(Text::IndLogDone, &[
                            ("total", &total.to_string()),
                            ("new", &new.to_string()),
                        ])
                    }
                    ImportState::Interrupted { received } => {
                        format!(
                            "{} {}",
                            language.get().fill(Text::IndLogProgress, &[("count", &received.to_string())]),
                            language.get().text(Text::IndLogInterrupted),
                        )
                    }
                }}
            </p>
        </section>
    }
}
