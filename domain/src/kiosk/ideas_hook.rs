//! Shared-space ideas in the coordinator's indicators: ideas proposed and votes cast within the
//! filter, and each idea's tally (`Activity::idea_votes`), most voted first.
//!
//! Rules (the same as the kiosk's own list, `ideas::tally`):
//! - an idea's text is that of its earliest proposal; a vote counts for its idea whatever the
//!   order the events arrived in, and a re-synced copy counts once (the pass keeps each event
//!   once);
//! - a hidden idea leaves the table, even when it was hidden after its votes;
//! - votes for an idea whose proposal has not arrived yet are counted in `votes` but wait for the
//!   proposal to appear in the table (there is no text to show);
//! - ideas and votes carry no day: like every undated record they count when no période is
//!   chosen; a résidence filter keeps that résidence's ideas; a volunteer filter leaves them out
//!   (nobody of the team cast them);
//! - order: most votes first, then the résidence, then the oldest proposal.

use std::collections::{BTreeMap, BTreeSet};

use super::ideas::IdeaId;
use crate::clock::Hlc;
use crate::event::{EventBody, EventEnvelope};
use crate::indicators::hooks::{Activity, Hook, IdeaVotes, Place};

/// Counts ideas and votes into [`Activity`], idea by idea.
#[derive(Debug, Clone, Default)]
pub struct IdeasHook {
    /// Every proposal of the campaign, the earliest per idea: text and résidence.
    proposals: BTreeMap<IdeaId, (Hlc, String, String)>,
    hidden: BTreeSet<IdeaId>,
    /// Votes within the filter, by idea; an idea proposed within it is here with 0.
    counted: BTreeMap<IdeaId, u32>,
}

const KINDS: [&str; 3] = ["IdeaProposed", "IdeaVoted", "IdeaHidden"];

impl Hook for IdeasHook {
    fn kinds(&self) -> &[&'static str] {
        &KINDS
    }

    fn place<'a>(&self, body: &'a EventBody) -> Place<'a> {
        match body {
            EventBody::IdeaProposed(p) => Place {
                date: None,
                door: None,
                residence: Some(&p.residence),
            },
            EventBody::IdeaVoted(v) => Place {
                date: None,
                door: None,
                residence: Some(&v.residence),
            },
            _ => Place::default(),
        }
    }

    fn learn(&mut self, event: &EventEnvelope) {
        match &event.body {
            EventBody::IdeaProposed(p) => {
                let entry = self
                    .proposals
                    .entry(p.idea.clone())
                    .or_insert_with(|| (event.hlc.clone(), p.text.clone(), p.residence.0.clone()));
                if event.hlc < entry.0 {
                    *entry = (event.hlc.clone(), p.text.clone(), p.residence.0.clone());
                }
            }
            EventBody::IdeaHidden(h) => {
                self.hidden.insert(h.idea.clone());
            }
            _ => {}
        }
    }

    fn count(&mut self, event: &EventEnvelope, activity: &mut Activity) {
        match &event.body {
            EventBody::IdeaProposed(p) => {
                activity.ideas += 1;
                self.counted.entry(p.idea.clone()).or_insert(0);
            }
            EventBody::IdeaVoted(v) => {
                activity.votes += 1;
                *self.counted.entry(v.idea.clone()).or_insert(0) += 1;
            }
            _ => {}
        }
    }

    fn finish(&mut self, activity: &mut Activity) {
        let mut rows: Vec<(&Hlc, IdeaVotes)> = self
            .counted
            .iter()
            .filter(|(idea, _)| !self.hidden.contains(*idea))
            .filter_map(|(idea, votes)| {
                let (hlc, text, residence) = self.proposals.get(idea)?;
                Some((
                    hlc,
                    IdeaVotes {
                        idea: idea.as_str().to_owned(),
                        text: text.clone(),
                        residence: residence.clone(),
                        votes: *votes,
                    },
                ))
            })
            .collect();
        rows.sort_by(|(ha, a), (hb, b)| {
            b.votes
                .cmp(&a.votes)
                .then_with(|| a.residence.cmp(&b.residence))
                .then_with(|| ha.cmp(hb))
        });
        activity.idea_votes = rows.into_iter().map(|(_, row)| row).collect();
    }
}
