//! One sync round as a small state machine: push every batch of the outbox, then pull pages until
//! the server has nothing more. The app asks [`Round::next`] what to do, does it, and reports back;
//! a failure other than a batch too large ends the round (see [`super::after_failure`]).

use std::collections::VecDeque;

use crate::ids::EventId;

use super::push_plan::PushPlan;

/// The most pages one round pulls: 50 pages of [`super::MAX_PULL_EVENTS`], 50,000 events. A
/// device coming back after weeks gets the rest in the next round rather than holding the sync
/// lock (and the battery) for minutes; the cursor is saved with every page, so nothing is lost.
pub const MAX_PULL_PAGES_PER_ROUND: u32 = 50;

/// A round that stopped at [`MAX_PULL_PAGES_PER_ROUND`] with pages still waiting is followed by
/// the next one this soon: the sync lock is let go for a moment (another tab, a recording), but a
/// device back after weeks catches up in seconds, not one budget every [`ROUND_EVERY_MS`].
pub const NEXT_ROUND_AFTER_BUDGET_MS: u64 = 1_000;

/// While everything goes well, a round every 5 minutes: what the team recorded comes down within
/// minutes, and a device idle on a table costs one small request now and then.
pub const ROUND_EVERY_MS: u64 = 5 * 60 * 1_000;

/// A round 5 s after something is recorded: a visit leaves soon when there is a network, while a
/// volunteer going from door to door sends one request for several visits rather than one each.
pub const ROUND_AFTER_RECORD_MS: u64 = 5_000;

/// The Web Lock that keeps two tabs of the same device from syncing at once.
pub const SYNC_LOCK_NAME: &str = "palier-sync";

/// What the app does next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Load these events from the log and push them.
    Push(Vec<EventId>),
    /// Pull a page from the saved cursor.
    Pull,
    /// The round is over and went well.
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// Batches still to push, next first.
    batches: VecDeque<Vec<EventId>>,
    pulled_pages: u32,
    pull_finished: bool,
}

impl Round {
    pub fn new(plan: PushPlan) -> Round {
        Round {
            batches: plan.batches.into_iter().filter(|b| !b.is_empty()).collect(),
            pulled_pages: 0,
            pull_finished: false,
        }
    }

    /// Pushes come first, so that what was recorded here reaches the server even if the pull then
    /// fails; and the pull then brings back the team's latest, which may include answers to it.
    pub fn next(&self) -> Action {
        if let Some(batch) = self.batches.front() {
            Action::Push(batch.clone())
        } else if self.pull_finished || self.pulled_pages >= MAX_PULL_PAGES_PER_ROUND {
            Action::Done
        } else {
            Action::Pull
        }
    }

    /// The batch of [`Action::Push`] was answered and the answer applied to the outbox.
    pub fn pushed(&mut self) {
        self.batches.pop_front();
    }

    /// The server refused the batch as too large. It is split in two halves, sent one after the
    /// other; a single event too large even alone is returned, for the app to set aside in the
    /// "À vérifier" list (it can still leave in an exported file), and the round goes on.
    pub fn batch_too_large(&mut self) -> Option<EventId> {
        let batch = self.batches.pop_front()?;
        if batch.len() <= 1 {
            return batch.into_iter().next();
        }
        let mut first = batch;
        let second = first.split_off(first.len().div_ceil(2));
        self.batches.push_front(second);
        self.batches.push_front(first);
        None
    }

    /// When the next round should start after this one went well: soon when it stopped at its
    /// page budget with pages still waiting, else at the usual pace.
    pub fn next_round_in_ms(&self) -> u64 {
        if !self.pull_finished && self.pulled_pages >= MAX_PULL_PAGES_PER_ROUND {
            NEXT_ROUND_AFTER_BUDGET_MS
        } else {
            ROUND_EVERY_MS
        }
    }

    /// A page was saved with its cursor; `more` is the server's word on whether more wait.
    pub fn pulled(&mut self, more: bool) {
        self.pulled_pages += 1;
        if !more {
            self.pull_finished = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::OutboxEntry;
    use crate::sync::wire::tests::{NOW, events};

    fn plan(count: usize, batch: usize) -> (PushPlan, Vec<EventId>) {
        let entries: Vec<_> = events(1, count)
            .iter()
            .map(|e| OutboxEntry::for_event(e, NOW))
            .collect();
        let ids = entries.iter().map(|e| e.event_id.clone()).collect();
        (PushPlan::from_outbox(&entries, batch), ids)
    }

    #[test]
    fn pushes_every_batch_then_pulls_until_nothing_more() {
        let (plan, ids) = plan(5, 2);
        let mut round = Round::new(plan);
        assert_eq!(round.next(), Action::Push(ids[0..2].to_vec()));
        round.pushed();
        assert_eq!(round.next(), Action::Push(ids[2..4].to_vec()));
        round.pushed();
        assert_eq!(round.next(), Action::Push(ids[4..5].to_vec()));
        round.pushed();
        assert_eq!(round.next(), Action::Pull);
        round.pulled(true);
        assert_eq!(round.next(), Action::Pull);
        round.pulled(false);
        assert_eq!(round.next(), Action::Done);
    }

    #[test]
    fn an_empty_outbox_goes_straight_to_the_pull() {
        let mut round = Round::new(PushPlan { batches: vec![] });
        assert_eq!(round.next(), Action::Pull);
        round.pulled(false);
        assert_eq!(round.next(), Action::Done);
    }

    #[test]
    fn a_batch_too_large_is_halved_until_one_event_is_set_aside() {
        let (plan, ids) = plan(5, 5);
        let mut round = Round::new(plan);
        assert_eq!(round.batch_too_large(), None);
        assert_eq!(round.next(), Action::Push(ids[0..3].to_vec()));
        round.pushed();
        assert_eq!(round.next(), Action::Push(ids[3..5].to_vec()));
        assert_eq!(round.batch_too_large(), None);
        assert_eq!(round.next(), Action::Push(vec![ids[3].clone()]));
        assert_eq!(round.batch_too_large(), Some(ids[3].clone()));
        assert_eq!(round.next(), Action::Push(vec![ids[4].clone()]));
        round.pushed();
        assert_eq!(round.next(), Action::Pull);
        assert_eq!(round.batch_too_large(), None, "nothing left to split");
    }

    #[test]
    fn a_round_stops_pulling_after_its_page_budget() {
        let mut round = Round::new(PushPlan { batches: vec![] });
        for _ in 0..MAX_PULL_PAGES_PER_ROUND {
            assert_eq!(round.next(), Action::Pull);
            round.pulled(true);
        }
        assert_eq!(round.next(), Action::Done);
        // Pages still wait on the server: the next round comes at once, not in five minutes.
        assert_eq!(round.next_round_in_ms(), NEXT_ROUND_AFTER_BUDGET_MS);
    }

    #[test]
    fn a_round_that_pulled_everything_comes_back_at_the_usual_pace() {
        let mut round = Round::new(PushPlan { batches: vec![] });
        for _ in 0..MAX_PULL_PAGES_PER_ROUND - 1 {
            round.pulled(true);
        }
        round.pulled(false);
        assert_eq!(round.next(), Action::Done);
        assert_eq!(round.next_round_in_ms(), ROUND_EVERY_MS);
    }
}
