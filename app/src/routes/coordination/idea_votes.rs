//! The shared-space ideas on the indicators screen: each idea still on the list with its
//! résidence and its votes, most voted first (`domain::kiosk::IdeasHook`), drawn as bars like
//! the other charts, with the same numbers in a table under the drawing.

use crate::field_data::use_field_data;
use domain::i18n::{Locale, Text};
use domain::indicators::IdeaVotes;
use domain::indicators::charts::Label;
use domain::indicators::words::{idea_votes_title, no_ideas};
use leptos::prelude::*;

/// The drawing's box, as the other charts'.
const WIDTH: f64 = 640.0;
const LABEL: f64 = 240.0;
const BAR_AREA: f64 = 340.0;
const ROW: f64 = 30.0;
/// An idea has up to 140 characters: the drawing shows its start, the table all of it.
const LABEL_CHARS: usize = 30;

fn short(text: &str) -> String {
    if text.chars().count() <= LABEL_CHARS {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

#[component]
pub fn IdeaVotesFigure(ideas: Vec<IdeaVotes>, locale: Locale) -> impl IntoView {
    let data = use_field_data();
    let residence_name = move |id: &str| {
        data.territory.with_untracked(|t| {
            t.residences
                .iter()
                .find(|r| r.id.0 == id)
                .map_or_else(|| id.to_owned(), |r| r.name.clone())
        })
    };
    let title = idea_votes_title(locale);
    let rtl = locale == Locale::Ar;
    let max = f64::from(ideas.iter().map(|i| i.votes).max().unwrap_or(0).max(1));
    let height = ROW * ideas.len() as f64 + 8.0;
    let rows = ideas
        .iter()
        .enumerate()
        .map(|(i, idea)| {
            let y = 4.0 + ROW * i as f64;
            let w = f64::from(idea.votes) / max * BAR_AREA;
            let (bar_x, label_x, label_anchor, value_x) = if rtl {
                (WIDTH - LABEL - w, WIDTH - 4.0, "end", WIDTH - LABEL - w - 6.0)
            } else {
                (LABEL, 4.0, "start", LABEL + w + 6.0)
            };
            view! {
                <g>
                    <text x=format!("{label_x:.1}") y=format!("{:.1}", y + 19.0) text-anchor=label_anchor class="bar-label">
                        {short(&idea.text)}
                    </text>
                    <rect class="bar s0" x=format!("{bar_x:.1}") y=format!("{:.1}", y + 4.0) width=format!("{w:.1}") height="20"></rect>
                    <text x=format!("{value_x:.1}") y=format!("{:.1}", y + 19.0) text-anchor=if rtl { "end" } else { "start" } class="bar-value">
                        {idea.votes.to_string()}
                    </text>
                </g>
            }
        })
        .collect_view();
    let table_rows = ideas
        .iter()
        .map(|idea| {
            view! {
                <tr data-idea=idea.idea.clone()>
                    <th scope="row" dir="auto">{idea.text.clone()}</th>
                    <td class="idea-residence">{residence_name(&idea.residence)}</td>
                    <td>{idea.votes.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart-figure idea-votes" data-chart="idea_votes" aria-labelledby="chart-idea_votes">
            <h3 id="chart-idea_votes">{title}</h3>
            {if ideas.is_empty() {
                view! { <p class="hint">{no_ideas(locale)}</p> }.into_any()
            } else {
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
                    <table class="chart-table">
                        <caption>{locale.text(Text::IndTableSummary)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{Label::Idea.text(locale)}</th>
                                <th scope="col">{Label::Residence.text(locale)}</th>
                                <th scope="col">{Label::Votes.text(locale)}</th>
                            </tr>
                        </thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                }
                .into_any()
            }}
        </figure>
    }
}
