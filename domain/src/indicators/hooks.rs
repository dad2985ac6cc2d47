//! Where event kinds defined elsewhere (kiosk, partners, shared space) plug into the indicators
//! without touching the pass over the log.
//!
//! To count a new kind: implement [`Hook`] next to the event (its wire names, where and when the
//! event happened, what it adds to [`Activity`]) and add it to [`standard_hooks`]. The pass
//! already keeps each event once, in clock order, within the campaign and the filter: a hook only
//! counts. Until a kind lands its counters stay at zero, and the charts show them as such.

use std::collections::BTreeMap;

use crate::calendar::LocalDate;
use crate::event::{EventBody, EventEnvelope};
use crate::territory::{DoorId, ResidenceId};

/// What the other modules' events add up to. Map keys are the wire names of their enums
/// (a theme, a status), so this module needs none of their types; they come with their labels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Activity {
    /// Residents who signed themselves up at the lobby kiosk.
    pub kiosk_sign_ups: u32,
    /// Contacts with partner structures, by theme (digital inclusion, French classes…).
    pub partner_contacts_by_theme: BTreeMap<&'static str, u32>,
    /// Each referral's latest status, by referral id. The log comes in clock order, so the last
    /// status written is the one that stays; see [`Activity::referrals_by_status`].
    pub referral_status: BTreeMap<String, &'static str>,
    /// Kiosk questions the knowledge base had no answer for: what to add to it.
    pub unanswered_kiosk_questions: u32,
    /// Ideas proposed for the shared space.
    pub ideas: u32,
    /// Votes cast on those ideas.
    pub votes: u32,
    /// The five-face answers given at the kiosk, anonymous, kept apart from the doors' ones.
    pub kiosk_wellbeing: crate::canvass::summary::WellbeingAnswers,
    // kiosk-results (#5): the shared-space results, idea by idea.
    /// Each idea still on the list (not hidden) with the votes it got within the filter, most
    /// voted first (`kiosk::IdeasHook`).
    pub idea_votes: Vec<IdeaVotes>,
}

/// One shared-space idea and its votes, for the indicators' table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdeaVotes {
    /// The idea's id (`kiosk::IdeaId`), for the screen's keys.
    pub idea: String,
    pub text: String,
    /// The résidence's id; the screen shows its name from the territory.
    pub residence: String,
    pub votes: u32,
}

impl Activity {
    /// Referrals by their current status.
    pub fn referrals_by_status(&self) -> BTreeMap<&'static str, u32> {
        let mut counts = BTreeMap::new();
        for status in self.referral_status.values() {
            *counts.entry(*status).or_insert(0) += 1;
        }
        counts
    }

    /// One more under `key` in a "by theme" or "by status" map, without allocating.
    pub fn bump(map: &mut BTreeMap<&'static str, u32>, key: &'static str) {
        *map.entry(key).or_insert(0) += 1;
    }
}

/// Where and when an event happened, as far as the filter needs it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place<'a> {
    /// The device's local date; `None` leaves the event out whenever a période is chosen.
    pub date: Option<LocalDate>,
    pub door: Option<&'a DoorId>,
    /// Enough when the filter stops at the résidence.
    pub residence: Option<&'a ResidenceId>,
}

/// A way into the indicators for event kinds defined elsewhere. A hook may keep its own state:
/// counting partner contacts by theme needs each partner's themes, learnt from the directory's
/// events, which carry no date and must be seen whatever the filter.
pub trait Hook {
    /// The wire names (`EventBody::kind`) this hook reads.
    fn kinds(&self) -> &[&'static str];

    /// Where and when an event happened, for the filter.
    fn place<'a>(&self, body: &'a EventBody) -> Place<'a>;

    /// Every event of these kinds in the campaign, once, in clock order, before the filter (of
    /// any période, place or volunteer), and before [`Hook::count`] for the same event.
    fn learn(&mut self, _event: &EventEnvelope) {}

    /// Each event of these kinds that the filter keeps, once, in clock order.
    fn count(&mut self, event: &EventEnvelope, activity: &mut Activity);

    /// Once the whole log was read: for what needs every event first (an idea hidden after its
    /// votes were counted).
    fn finish(&mut self, _activity: &mut Activity) {}
}

/// The hooks [`super::compute`] uses. None until the kiosk, partner and shared-space events
/// exist; each module adds its own here.
pub fn standard_hooks() -> Vec<Box<dyn Hook>> {
    vec![
        Box::new(crate::partners::indicators::PartnersHook::default()),
        Box::new(crate::kiosk::KioskWellbeingHook),
        Box::new(crate::kiosk::IdeasHook::default()),
    ]
}

/// The hook reading `kind`, if any. A linear search: the list stays short, and comparing a few
/// static strings is cheaper than hashing one.
pub(super) fn hook_for<'h, 'k>(
    kind: &str,
    hooks: &'h mut [&'k mut dyn Hook],
) -> Option<&'h mut &'k mut dyn Hook> {
    hooks.iter_mut().find(|hook| hook.kinds().contains(&kind))
}
