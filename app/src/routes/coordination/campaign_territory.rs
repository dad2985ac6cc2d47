//! "Territoire de la campagne": the coordinator attaches a dwelling file to the campaign once,
//! at the office, and every enrolled tablet receives its résidences at its next sync. The file
//! is read and checked with the field import's own piece (`components::dwelling_file`); the
//! server merges it into the campaign's territory (`domain::campaign_territory`), so attaching
//! the same file again adds nothing and a second file adds its doors. The screen says what is
//! attached: counts, résidences, when and by whom.

use super::devices::when;
use super::use_workspace;
use crate::components::dwelling_file::{Choice, DwellingFile};
use crate::coordination_api::{self as api, CampaignRow};
use crate::i18n::use_language;
use domain::campaign_territory::words::{TerritoryText as T, for_code};
use domain::campaign_territory::{Attached, check};
use domain::coordination::CoordProblem;
use domain::i18n::Locale;
use domain::import::{MergeSummary, Preview};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Idle,
    Sending,
    Done(MergeSummary),
    Failed(T),
}

/// The buttons under the file's summary.
fn words(locale: Locale, choice: Choice) -> String {
    match choice {
        Choice::All => T::AttachAll.text(locale).to_owned(),
        Choice::ValidOnly(count) => T::AttachValid.fill(locale, &[("count", &count.to_string())]),
        Choice::NothingValid => T::NothingValid.text(locale).to_owned(),
    }
}

/// The territory part of a campaign; `attached` is shared with the campaign editor, whose join
/// links list the attached résidences.
#[component]
pub fn CampaignTerritory(
    campaign: CampaignRow,
    attached: RwSignal<Option<Attached>>,
) -> impl IntoView {
    let language = use_language();
    let t = move |key: T| move || key.text(language.get());
    let workspace = use_workspace();
    let bytes = RwSignal::new(None::<Vec<u8>>);
    let status = RwSignal::new(Status::Idle);
    let id = StoredValue::new(campaign.id.clone());
    let refused = move |r: api::Refused| {
        if r.problem == CoordProblem::SessionExpired {
            workspace.failed(r.problem);
        }
        status.set(Status::Failed(for_code(r.status, r.code.as_deref())));
    };
    {
        let id = id.get_value();
        attached.set(None);
        spawn_local(async move {
            match api::attached_territory(&id).await {
                Ok(now) => attached.set(Some(now)),
                Err(r) => refused(r),
            }
        });
    }
    let choose = move |preview: Preview| {
        if let Err(problem) = check(&preview.territory) {
            status.set(Status::Failed(problem.text()));
            return;
        }
        let Some(session) = workspace.session.get_untracked() else {
            status.set(Status::Failed(T::NotSignedIn));
            return;
        };
        let id = id.get_value();
        status.set(Status::Sending);
        spawn_local(async move {
            match api::attach_territory(&session, &id, preview.territory).await {
                Ok(answer) => {
                    attached.set(Some(answer.attached));
                    status.set(Status::Done(answer.added));
                    bytes.set(None);
                }
                Err(r) => refused(r),
            }
        });
    };
    let counts = move || {
        attached.with(|a| {
            a.as_ref().filter(|a| a.version.is_some()).map(|a| {
                let c = a.counts;
                T::AttachedCounts.fill(
                    language.get(),
                    &[
                        ("residences", &c.residences.to_string()),
                        ("buildings", &c.buildings.to_string()),
                        ("entrances", &c.entrances.to_string()),
                        ("doors", &c.doors.to_string()),
                    ],
                )
            })
        })
    };
    let last_change = move || {
        attached.with(|a| {
            let a = a.as_ref()?;
            let (at, by) = (a.updated_at_ms?, a.updated_by.clone()?);
            let locale = language.get();
            Some(T::LastChange.fill(
                locale,
                &[
                    ("when", &when(at, locale.tag())),
                    ("name", &super::campaign_editor::isolated(&by)),
                ],
            ))
        })
    };

    view! {
        <section class="card campaign-territory" aria-labelledby="campaign-territory-heading">
            <h2 id="campaign-territory-heading">{t(T::Heading)}</h2>
            <p class="hint">{t(T::Hint)}</p>
            <div data-testid="territory-attached">
                {move || match counts() {
                    Some(counts) => view! {
                        <p class="ok"><strong>{counts}</strong></p>
                        <p class="hint">{last_change}</p>
                        <h3>{t(T::ResidencesHeading)}</h3>
                        <ul class="attached-residences">
                            {attached.with(|a| a.as_ref().map(|a| a.residences.clone()).unwrap_or_default())
                                .into_iter().map(|r| {
                                    let doors = r.doors.to_string();
                                    view! {
                                        <li>
                                            <span dir="auto">{r.name}</span>
                                            " — "
                                            <span dir="auto" class="hint">{r.address}</span>
                                            " · "
                                            {move || T::ResidenceDoors.fill(language.get(), &[("doors", &doors)])}
                                        </li>
                                    }
                                }).collect_view()}
                        </ul>
                    }.into_any(),
                    None => view! { <p class="hint">{t(T::NothingAttached)}</p> }.into_any(),
                }}
            </div>
            <p role="status" data-testid="territory-status"
                class=move || if matches!(status.get(), Status::Failed(_)) { "error" } else { "ok" }>
                {move || match status.get() {
                    Status::Idle => String::new(),
                    Status::Sending => T::Attaching.text(language.get()).to_owned(),
                    Status::Done(added) => T::Done.fill(language.get(), &[
                        ("added", &added.doors_added.to_string()),
                        ("known", &added.doors_already_known.to_string()),
                    ]),
                    Status::Failed(text) => text.text(language.get()).to_owned(),
                }}
            </p>
            <div class="territory-file">
                <DwellingFile bytes words choose/>
            </div>
        </section>
    }
}
