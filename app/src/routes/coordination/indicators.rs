//! The indicators of the imported log: a filter (période, résidence, bâtiment, entrée,
//! volunteer), cards with the main figures and their rates ("—" when there is nothing to divide
//! by), and the charts, drawn as SVG with the same numbers as a table under each. "Imprimer"
//! prints this section alone, as the impact report.

use super::campaign_log::use_campaign_log;
use crate::browser::clock::today;
use crate::field_data::use_field_data;
use crate::i18n::use_language;
use domain::calendar::LocalDate;
use domain::i18n::{Locale, Text};
use domain::ids::CampaignId;
use domain::indicators::charts::{Chart, Shape, charts};
use domain::indicators::scope::volunteers;
use domain::indicators::{Filter, Indicators, Query, Rate, compute};
use domain::territory::{BuildingId, EntranceId, ResidenceId};
use leptos::prelude::*;

/// "Absent after N attempts": the field's own rule of three tries at different times of day.
const ABSENT_ATTEMPTS: u32 = 3;

fn percent(rate: Rate, locale: Locale) -> String {
    match rate.whole_percent() {
        None => "—".to_owned(),
        Some(p) if locale == Locale::Fr => format!("{p}\u{202f}%"),
        Some(p) => format!("{p}%"),
    }
}

fn date_input(value: &str) -> Option<LocalDate> {
    LocalDate::try_from(value.to_owned()).ok()
}

fn non_empty(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

#[component]
pub fn IndicatorsReport() -> impl IntoView {
    let language = use_language();
    let log = use_campaign_log();
    let data = use_field_data();
    let today = today();

    let indicators = Memo::new(move |_| {
        log.version.get();
        let campaign = CampaignId::parse(&log.campaign.get()).ok()?;
        let query = Query {
            campaign,
            filter: log.filter.get(),
            absent_attempts: ABSENT_ATTEMPTS,
            today,
        };
        let started = performance().and_then(|p| p.mark(INDICATORS_START).ok());
        let ind = data
            .territory
            .with(|t| log.events.with_value(|events| compute(events, t, &query)));
        // Read by the benchmarks (tests/bench/run.mjs): one pass over the whole log.
        if let (Some(()), Some(performance)) = (started, performance()) {
            let _ = performance.measure_with_start_mark("palier-indicators", INDICATORS_START);
        }
        Some(ind)
    });
    let volunteer_names = Memo::new(move |_| {
        log.version.get();
        let Ok(campaign) = CampaignId::parse(&log.campaign.get()) else {
            return Vec::new();
        };
        log.events.with_value(|events| {
            volunteers(events, &campaign)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
    });
    let set = move |change: fn(&mut Filter, String), value: String| {
        log.filter.update(|f| change(f, value));
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };

    view! {
        <section class="card impact-report" aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{language.t(Text::IndHeading)}</h2>
            // Which campaign and which day: what a printed report needs to be read later.
            <p class="report-meta">
                {move || {
                    let id = log.campaign.get();
                    let name = log
                        .campaigns
                        .with(|all| all.iter().find(|c| c.id == id).map(|c| c.name.clone()))
                        .unwrap_or(id);
                    domain::indicators::words::report_for(language.get(), &name, today)
                }}
            </p>
            <Show
                // The territory is read from this browser's store: until it is, every door
                // count would be 0 and a place column empty.
                when=move || log.loaded() && data.loaded.get()
                fallback=move || view! { <p class="hint">{language.t(Text::IndNeedLog)}</p> }
            >
                <fieldset class="indicator-filter no-print">
                    <legend>{language.t(Text::IndFilter)}</legend>
                    <div class="filter-grid">
                        <div>
                            <label for="f-from">{language.t(Text::IndFrom)}</label>
                            <input id="f-from" type="date" on:change=move |ev| {
                                set(|f, v| f.from = date_input(&v), event_target_value(&ev))
                            }/>
                        </div>
                        <div>
                            <label for="f-to">{language.t(Text::IndTo)}</label>
                            <input id="f-to" type="date" on:change=move |ev| {
                                set(|f, v| f.to = date_input(&v), event_target_value(&ev))
                            }/>
                        </div>
                        <div>
                            <label for="f-residence">{language.t(Text::IndResidence)}</label>
                            <select id="f-residence" on:change=move |ev| {
                                set(
                                    |f, v| {
                                        f.residence = non_empty(v).map(ResidenceId);
                                        f.building = None;
                                        f.entrance = None;
                                    },
                                    event_target_value(&ev),
                                )
                            }>
                                <option value="">{language.t(Text::IndAll)}</option>
                                {move || data.territory.with(|t| {
                                    t.residences.iter().map(|r| view! {
                                        <option value=r.id.0.clone()>{r.name.clone()}</option>
                                    }).collect_view()
                                })}
                            </select>
                        </div>
                        <div>
                            <label for="f-building">{language.t(Text::IndBuilding)}</label>
                            <select id="f-building" on:change=move |ev| {
                                set(
                                    |f, v| {
                                        f.building = non_empty(v).map(BuildingId);
                                        f.entrance = None;
                                    },
                                    event_target_value(&ev),
                                )
                            }>
                                <option value="">{language.t(Text::IndAll)}</option>
                                {move || {
                                    let residence = log.filter.with(|f| f.residence.clone());
                                    data.territory.with(|t| {
                                        t.residences.iter()
                                            .filter(|r| residence.as_ref().is_none_or(|id| *id == r.id))
                                            .flat_map(|r| r.buildings.iter().map(move |b| (r, b)))
                                            .map(|(r, b)| view! {
                                                <option value=b.id.0.clone()>{format!("{} — {}", r.name, b.name)}</option>
                                            })
                                            .collect_view()
                                    })
                                }}
                            </select>
                        </div>
                        <div>
                            <label for="f-entrance">{language.t(Text::IndEntrance)}</label>
                            <select id="f-entrance" on:change=move |ev| {
                                set(|f, v| f.entrance = non_empty(v).map(EntranceId), event_target_value(&ev))
                            }>
                                <option value="">{language.t(Text::IndAll)}</option>
                                {move || {
                                    let (residence, building) =
                                        log.filter.with(|f| (f.residence.clone(), f.building.clone()));
                                    data.territory.with(|t| {
                                        t.residences.iter()
                                            .filter(|r| residence.as_ref().is_none_or(|id| *id == r.id))
                                            .flat_map(|r| r.buildings.iter())
                                            .filter(|b| building.as_ref().is_none_or(|id| *id == b.id))
                                            .flat_map(|b| b.entrances.iter().map(move |e| (b, e)))
                                            .map(|(b, e)| view! {
                                                <option value=e.id.0.clone()>{format!("{} — {}", b.name, e.name)}</option>
                                            })
                                            .collect_view()
                                    })
                                }}
                            </select>
                        </div>
                        <div>
                            <label for="f-volunteer">{language.t(Text::IndVolunteer)}</label>
                            <select id="f-volunteer" on:change=move |ev| {
                                set(|f, v| f.volunteer = non_empty(v), event_target_value(&ev))
                            }>
                                <option value="">{language.t(Text::IndAll)}</option>
                                {move || volunteer_names.get().into_iter().map(|name| view! {
                                    <option value=name.clone()>{name.clone()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                </fieldset>
                <div class="choices no-print">
                    <button type="button" class="secondary" on:click=print>
                        {language.t(Text::IndPrint)}
                    </button>
                </div>
                {move || {
                    let locale = language.get();
                    indicators.get().map(|ind| view! { <Figures ind locale/> })
                }}
            </Show>
        </section>
    }
}

#[component]
fn Figures(ind: Indicators, locale: Locale) -> impl IntoView {
    let label = |l: domain::indicators::charts::Label| l.text(locale);
    use domain::indicators::charts::Label;
    let count = |n: u32| n.to_string();
    let rate_detail = |rate: Rate| {
        locale.fill(
            Text::IndRateOf,
            &[
                ("part", &rate.part.to_string()),
                ("whole", &rate.whole.to_string()),
            ],
        )
    };
    let cards: Vec<(&'static str, String, String, Option<String>)> = vec![
        (
            "doors-in-scope",
            label(Label::DoorsInScope),
            count(ind.doors_in_scope),
            None,
        ),
        ("knocked", label(Label::Knocked), count(ind.knocked), None),
        ("opened", label(Label::Opened), count(ind.opened), None),
        (
            "contact-rate",
            locale.text(Text::IndContactRate).to_owned(),
            percent(ind.contact_rate, locale),
            Some(rate_detail(ind.contact_rate)),
        ),
        ("sign-ups", label(Label::SignUps), count(ind.sign_ups), None),
        (
            "sign-up-rate",
            locale.text(Text::IndSignUpRate).to_owned(),
            percent(ind.sign_up_rate, locale),
            Some(rate_detail(ind.sign_up_rate)),
        ),
        (
            "refusals",
            locale.text(Text::IndRefusals).to_owned(),
            count(ind.refusals),
            None,
        ),
        (
            "absent",
            locale.fill(Text::IndAbsentAfter, &[("n", &ABSENT_ATTEMPTS.to_string())]),
            count(ind.absent_after_attempts),
            None,
        ),
        (
            "revisits",
            locale.text(Text::IndRevisits).to_owned(),
            count(ind.revisits_pending),
            (ind.revisits_overdue > 0).then(|| {
                locale.fill(
                    Text::IndRevisitsOverdue,
                    &[("n", &ind.revisits_overdue.to_string())],
                )
            }),
        ),
        (
            "presentations",
            locale.text(Text::IndPresentations).to_owned(),
            count(ind.presentations),
            None,
        ),
    ];
    let outside = ind.visits_outside_territory;
    view! {
        <ul class="figures">
            {cards.into_iter().map(|(key, name, value, detail)| view! {
                <li class="figure" data-figure=key>
                    <span class="figure-value">{value}</span>
                    <span class="figure-name">{name}</span>
                    {detail.map(|d| view! { <span class="figure-detail">{d}</span> })}
                </li>
            }).collect_view()}
        </ul>
        {(outside > 0).then(|| view! {
            <p class="hint">{locale.fill(Text::IndOutsideTerritory, &[("n", &outside.to_string())])}</p>
        })}
        {charts(&ind).into_iter().map(|chart| view! { <ChartFigure chart locale/> }).collect_view()}
        // kiosk-results (#5): each shared-space idea and its votes.
        <super::idea_votes::IdeaVotesFigure ideas=ind.activity.idea_votes.clone() locale/>
    }
}

/// Bars drawn in a 640-wide box; labels take the first 220 units (the last, right to left).
const WIDTH: f64 = 640.0;
const LABEL: f64 = 220.0;
const BAR_AREA: f64 = 360.0;
const ROW: f64 = 30.0;

#[component]
fn ChartFigure(chart: Chart, locale: Locale) -> impl IntoView {
    let title = chart.id.title(locale);
    let key = chart.id.key();
    let heading_id = format!("chart-{key}");
    let table = chart.table();
    let rtl = locale == Locale::Ar;
    let drawing = if chart.is_empty() {
        view! { <p class="hint">{locale.text(Text::IndChartEmpty)}</p> }.into_any()
    } else {
        let max = f64::from(chart.max_bar().max(1));
        let height = ROW * chart.categories.len() as f64 + 8.0;
        let stacked = chart.shape == Shape::StackedBars;
        let rows = chart
            .categories
            .iter()
            .enumerate()
            .map(|(i, category)| {
                let y = 4.0 + ROW * i as f64;
                let mut start = 0.0;
                let segments = chart
                    .series
                    .iter()
                    .enumerate()
                    .map(|(s, series)| {
                        let value = series.values[i];
                        let w = f64::from(value) / max * BAR_AREA;
                        let x = if rtl {
                            WIDTH - LABEL - start - w
                        } else {
                            LABEL + start
                        };
                        if stacked {
                            start += w;
                        }
                        view! {
                            <rect
                                class=format!("bar s{s}")
                                x=format!("{x:.1}")
                                y=format!("{:.1}", y + 4.0)
                                width=format!("{w:.1}")
                                height="20"
                            ></rect>
                        }
                    })
                    .collect_view();
                let total: u32 = if stacked {
                    chart.series.iter().map(|s| s.values[i]).sum()
                } else {
                    chart.series.first().map_or(0, |s| s.values[i])
                };
                let end = f64::from(total) / max * BAR_AREA;
                // The box is left to right whatever the language ("end" anchors on the right).
                let (label_x, label_anchor, value_x, value_anchor) = if rtl {
                    (WIDTH - 4.0, "end", WIDTH - LABEL - end - 6.0, "end")
                } else {
                    (4.0, "start", LABEL + end + 6.0, "start")
                };
                view! {
                    <g>
                        <text x=format!("{label_x:.1}") y=format!("{:.1}", y + 19.0) text-anchor=label_anchor class="bar-label">
                            {category.text(locale)}
                        </text>
                        {segments}
                        <text x=format!("{value_x:.1}") y=format!("{:.1}", y + 19.0) text-anchor=value_anchor class="bar-value">
                            {total.to_string()}
                        </text>
                    </g>
                }
            })
            .collect_view();
        let legend = stacked.then(|| {
            view! {
                <ul class="legend" aria-hidden="true">
                    {chart.series.iter().enumerate().map(|(s, series)| view! {
                        <li><span class=format!("swatch s{s}")></span>{series.name.text(locale)}</li>
                    }).collect_view()}
                </ul>
            }
        });
        view! {
            <svg
                class="chart"
                role="img"
                aria-label=title
                viewBox=format!("0 0 {WIDTH} {height}")
                preserveAspectRatio="xMinYMin meet"
                direction="ltr"
            >
                {rows}
            </svg>
            {legend}
        }
        .into_any()
    };
    let labelled_by = heading_id.clone();
    view! {
        <figure class="chart-figure" data-chart=key aria-labelledby=labelled_by>
            <h3 id=heading_id>{title}</h3>
            {drawing}
            // An empty chart says so; a table of zeros under it would only repeat that.
            {(!table.rows.is_empty() && !chart.is_empty()).then(|| view! {
                <table class="chart-table">
                    <caption>{locale.text(Text::IndTableSummary)}</caption>
                    <thead>
                        <tr>
                            {table.columns.iter().map(|c| view! { <th scope="col">{c.text(locale)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {table.rows.iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.head.text(locale)}</th>
                                {row.cells.iter().map(|n| view! { <td>{n.to_string()}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </figure>
    }
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

const INDICATORS_START: &str = "palier-indicators-start";
