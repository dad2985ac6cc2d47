//! The coordinator's indicators, recomputed from the events of a campaign and its territory,
//! for a filter (période, résidence, bâtiment, entrée, volunteer), and the charts drawn from them.
//!
//! One pass over the log ([`tally`]) sorts each event into its counter; the doors' states are then
//! folded by the field's own rules (`canvass::status`), only over the visits the filter keeps, and
//! counted by `canvass::counts`. So a door reads "refus" here exactly when the walk list would
//! say so for those visits: over a période, the indicators say what that période did.
//!
//! Kinds defined by other modules (kiosk, partners, shared space) come in through [`hooks`].

pub mod charts;
pub mod hooks;
pub mod log;
pub mod scope;
mod tally;
pub mod wellbeing;
pub mod words;

#[cfg(test)]
mod bench;
#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod kiosk_tests;
#[cfg(test)]
mod tests;

use crate::canvass::counts::Counts;
use crate::event::EventEnvelope;
use crate::territory::Territory;

pub use hooks::{Activity, Hook, IdeaVotes, standard_hooks};
pub use log::DistinctLog;
pub use scope::{Filter, Places, Query};
pub use wellbeing::WeekAnswers;

/// A share, kept as its two counts so that nothing is divided by zero here: the screen shows
/// "—" when [`Rate::percent`] is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rate {
    pub part: u32,
    pub whole: u32,
}

impl Rate {
    pub fn percent(self) -> Option<f64> {
        (self.whole > 0).then(|| f64::from(self.part) * 100.0 / f64::from(self.whole))
    }

    /// Rounded half up to a whole percent, for the cards and the tables.
    pub fn whole_percent(self) -> Option<u32> {
        let (part, whole) = (u64::from(self.part), u64::from(self.whole));
        (whole > 0).then(|| u32::try_from((part * 200 + whole) / (2 * whole)).unwrap_or(u32::MAX))
    }
}

/// Everything the indicators screen shows for one campaign and filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indicators {
    /// Doors of the territory the filter's places take: the denominator of the door counts.
    pub doors_in_scope: u32,
    /// Doors where someone knocked at least once (an "inaccessible" visit is not a knock).
    pub knocked: u32,
    /// Doors where someone opened and talked at least once.
    pub opened: u32,
    /// Opened among knocked.
    pub contact_rate: Rate,
    /// Residents who signed up for the neighbourhood app or their résidence's group (the rule of
    /// `signup::joins_the_app`, as in the volunteer's day summary); a referral alone is not one.
    pub sign_ups: u32,
    /// Sign-ups among the doors that opened. Residents met in the hall sign up without a door,
    /// so this can pass 100 %; it is shown as is.
    pub sign_up_rate: Rate,
    /// Doors whose state is "refus".
    pub refusals: u32,
    /// Doors still absent after at least `Query::absent_attempts` tries.
    pub absent_after_attempts: u32,
    /// Doors "à revoir": a resident asked to be seen again.
    pub revisits_pending: u32,
    /// Of those, the ones whose day is before `Query::today`.
    pub revisits_overdue: u32,
    /// Times the neighbourhood app was presented.
    pub presentations: u32,
    /// Every door of the scope by its state, as the field counters have them.
    pub doors: Counts,
    /// Wellbeing answers per week.
    pub wellbeing: Vec<WeekAnswers>,
    /// Counters fed by other modules' events.
    pub activity: Activity,
    /// Visits at doors the territory does not know, left out of every count: a territory
    /// re-imported since, or visits from another campaign's file. Shown so they are not lost.
    pub visits_outside_territory: u32,
}

/// The indicators of `query.campaign` over `events` (any order, duplicates allowed), whose doors
/// are in `territory`.
pub fn compute(events: &[EventEnvelope], territory: &Territory, query: &Query) -> Indicators {
    let mut hooks = standard_hooks();
    let mut hooks: Vec<&mut dyn Hook> = hooks
        .iter_mut()
        .map(|hook| &mut **hook as &mut dyn Hook)
        .collect();
    compute_with_hooks(events, territory, query, &mut hooks)
}

/// [`compute`] with other hooks, for tests and for kinds still being written. The hooks stay the
/// caller's, with whatever they learnt.
pub fn compute_with_hooks(
    events: &[EventEnvelope],
    territory: &Territory,
    query: &Query,
    hooks: &mut [&mut dyn Hook],
) -> Indicators {
    let log = DistinctLog::new(events);
    let places = Places::new(territory, &query.filter);
    tally::tally(&log, &places, query, hooks)
}
