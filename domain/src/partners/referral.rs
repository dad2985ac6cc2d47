//! Referrals: a signed-up resident who agreed to it is put in touch with a partner for a theme,
//! and whoever learns what came of it updates the status: proposée → acceptée → en cours →
//! réalisée, or sans suite at any point before the end.
//!
//! Steps may be skipped forwards (a volunteer who hears "c'est fait" should not have to invent
//! the steps in between) but never taken backwards, and a closed referral (réalisée, sans suite)
//! stays closed: a new attempt is a new referral, so the indicators count what really happened.
//!
//! Merge: the status is the furthest step recorded on any device, ties between the two closing
//! steps going to the later clock. Taking a maximum does not depend on arrival order, so every
//! device agrees, and a device that had not heard of the progress cannot undo it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::{PartnerId, ReferralId};
use super::partner::Partner;
use super::vocabulary::Theme;
use crate::calendar::LocalDate;
use crate::clock::Hlc;
use crate::consent::Purpose;
use crate::event::{Actor, EventBody, EventEnvelope};
use crate::ids::EventId;
use crate::signup::ResidentId;

/// Where a referral stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ReferralStatus {
    #[serde(rename = "proposee")]
    Proposed,
    #[serde(rename = "acceptee")]
    Accepted,
    #[serde(rename = "en_cours")]
    InProgress,
    #[serde(rename = "realisee")]
    Done,
    #[serde(rename = "sans_suite")]
    NoFollowUp,
}

impl ReferralStatus {
    pub const ALL: [ReferralStatus; 5] = [
        ReferralStatus::Proposed,
        ReferralStatus::Accepted,
        ReferralStatus::InProgress,
        ReferralStatus::Done,
        ReferralStatus::NoFollowUp,
    ];

    /// The serde name, also the key of `indicators::Activity::referral_status`.
    pub fn wire_name(self) -> &'static str {
        match self {
            ReferralStatus::Proposed => "proposee",
            ReferralStatus::Accepted => "acceptee",
            ReferralStatus::InProgress => "en_cours",
            ReferralStatus::Done => "realisee",
            ReferralStatus::NoFollowUp => "sans_suite",
        }
    }

    pub fn from_wire_name(name: &str) -> Option<ReferralStatus> {
        ReferralStatus::ALL
            .into_iter()
            .find(|s| s.wire_name() == name)
    }

    /// How far along the path: both closing statuses are the last step.
    pub fn step(self) -> u8 {
        match self {
            ReferralStatus::Proposed => 0,
            ReferralStatus::Accepted => 1,
            ReferralStatus::InProgress => 2,
            ReferralStatus::Done | ReferralStatus::NoFollowUp => 3,
        }
    }

    pub fn is_closed(self) -> bool {
        self.step() == 3
    }

    /// Whether a referral at `self` may be set to `to`.
    pub fn check_move(self, to: ReferralStatus) -> Result<(), TransitionError> {
        let refused = |why| {
            Err(TransitionError {
                from: self,
                to,
                why,
            })
        };
        if to == self {
            refused(Refusal::Already)
        } else if self.is_closed() {
            refused(Refusal::Closed)
        } else if to.step() <= self.step() {
            refused(Refusal::Backwards)
        } else {
            Ok(())
        }
    }

    /// The statuses the update buttons offer from here, in path order.
    pub fn next_choices(self) -> Vec<ReferralStatus> {
        ReferralStatus::ALL
            .into_iter()
            .filter(|to| self.check_move(*to).is_ok())
            .collect()
    }
}

/// A status change that is not allowed, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransitionError {
    pub from: ReferralStatus,
    pub to: ReferralStatus,
    pub why: Refusal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The referral already has this status.
    Already,
    /// Réalisée or sans suite: nothing comes after.
    Closed,
    /// Back to an earlier step.
    Backwards,
}

impl std::fmt::Display for TransitionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Locale::En))
    }
}

/// The body of a `ReferralMade` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralMade {
    pub referral: ReferralId,
    /// Always set by the device that made the referral; `None` in the copies the rest of the
    /// team pulls, which must not learn who was referred (a theme like "santé" says too much).
    pub resident: Option<ResidentId>,
    pub partner: PartnerId,
    pub theme: Theme,
    pub local_date: LocalDate,
}

/// The body of a `ReferralStatusChanged` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralUpdate {
    pub referral: ReferralId,
    /// Never `Proposed`: a referral starts proposed and never goes back to it.
    pub status: ReferralStatus,
    pub local_date: LocalDate,
}

impl ReferralUpdate {
    /// What must hold for a `ReferralStatusChanged` event, whoever wrote it.
    pub fn check(&self) -> Result<(), TransitionError> {
        if self.status == ReferralStatus::Proposed {
            return Err(TransitionError {
                from: ReferralStatus::Proposed,
                to: ReferralStatus::Proposed,
                why: Refusal::Backwards,
            });
        }
        Ok(())
    }
}

/// Why a referral cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralProblem {
    /// The resident's sign-up is not on this device (it stays on the device that recorded it).
    UnknownResident,
    /// The resident did not agree to be put in touch with partners.
    NoConsent,
    /// The structure was taken out of the directory.
    PartnerArchived,
}

impl std::fmt::Display for ReferralProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Locale::En))
    }
}

/// The resident's answer to "be put in touch with a partner", from their latest sign-up on this
/// device; `None` when this device does not know them.
pub fn referral_consent<'a>(
    events: impl IntoIterator<Item = &'a EventEnvelope>,
    resident: &ResidentId,
) -> Option<bool> {
    events
        .into_iter()
        .filter_map(|event| match &event.body {
            EventBody::ResidentSignedUp {
                resident: r,
                consents,
                ..
            } if r == resident => Some((&event.hlc, consents)),
            _ => None,
        })
        .max_by(|a, b| a.0.cmp(b.0))
        .map(|(_, consents)| {
            consents
                .iter()
                .any(|a| a.purpose == Purpose::PartnerReferral && a.granted)
        })
}

/// A new referral, if the resident agreed and the partner is still in the directory. `consent`
/// comes from [`referral_consent`]; `id` from the shell's RNG.
pub fn propose(
    id: ReferralId,
    resident: &ResidentId,
    consent: Option<bool>,
    partner: &Partner,
    theme: Theme,
    today: LocalDate,
) -> Result<ReferralMade, ReferralProblem> {
    match consent {
        None => return Err(ReferralProblem::UnknownResident),
        Some(false) => return Err(ReferralProblem::NoConsent),
        Some(true) => {}
    }
    if partner.archived {
        return Err(ReferralProblem::PartnerArchived);
    }
    Ok(ReferralMade {
        referral: id,
        resident: Some(resident.clone()),
        partner: partner.id.clone(),
        theme,
        local_date: today,
    })
}

/// The update to record when someone learns that `referral` moved to `to`.
pub fn change_status(
    referral: &Referral,
    to: ReferralStatus,
    today: LocalDate,
) -> Result<ReferralUpdate, TransitionError> {
    referral.status.check_move(to)?;
    Ok(ReferralUpdate {
        referral: referral.id.clone(),
        status: to,
        local_date: today,
    })
}

/// One status a referral went through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusStep {
    pub status: ReferralStatus,
    pub on: LocalDate,
    pub by: Actor,
    pub at: Hlc,
    pub event: EventId,
}

/// A referral as the screens show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub id: ReferralId,
    pub resident: Option<ResidentId>,
    pub partner: PartnerId,
    pub theme: Theme,
    /// The current status and when, by whom it was set.
    pub status: ReferralStatus,
    pub status_on: LocalDate,
    /// Every step recorded, the proposal first, in clock order. A step that lost the merge (a
    /// device that had not heard of the progress) is still listed: it did happen.
    pub history: Vec<StatusStep>,
}

impl Referral {
    pub fn made_on(&self) -> LocalDate {
        self.history[0].on
    }

    pub fn made_by(&self) -> &Actor {
        &self.history[0].by
    }
}

/// Every referral known to this device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Referrals {
    /// Keyed by the proposal's clock: if two proposals ever shared an id (only a forged log
    /// could), the earliest is the referral, on every device.
    made: BTreeMap<ReferralId, BTreeMap<Hlc, (ReferralMade, StatusStep)>>,
    /// Updates may arrive before their proposal; they wait here.
    updates: BTreeMap<ReferralId, BTreeMap<Hlc, StatusStep>>,
}

impl Referrals {
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a EventEnvelope>) -> Referrals {
        let mut referrals = Referrals::default();
        for event in events {
            referrals.apply(event);
        }
        referrals
    }

    /// Takes in one event; other kinds are ignored.
    pub fn apply(&mut self, event: &EventEnvelope) {
        let step = |status, on| StatusStep {
            status,
            on,
            by: event.actor.clone(),
            at: event.hlc.clone(),
            event: event.id.clone(),
        };
        match &event.body {
            EventBody::ReferralMade(made) => {
                let first = step(ReferralStatus::Proposed, made.local_date);
                self.made
                    .entry(made.referral.clone())
                    .or_default()
                    .insert(event.hlc.clone(), (made.clone(), first));
            }
            EventBody::ReferralStatusChanged(update) => {
                self.updates
                    .entry(update.referral.clone())
                    .or_default()
                    .insert(event.hlc.clone(), step(update.status, update.local_date));
            }
            _ => {}
        }
    }

    pub fn get(&self, id: &ReferralId) -> Option<Referral> {
        let (made, first) = self.made.get(id)?.values().next()?;
        let mut history = vec![first.clone()];
        if let Some(updates) = self.updates.get(id) {
            history.extend(updates.values().cloned());
        }
        let current = history
            .iter()
            .max_by(|a, b| (a.status.step(), &a.at).cmp(&(b.status.step(), &b.at)))
            .unwrap_or(first);
        Some(Referral {
            id: id.clone(),
            resident: made.resident.clone(),
            partner: made.partner.clone(),
            theme: made.theme,
            status: current.status,
            status_on: current.on,
            history,
        })
    }

    /// Every referral, newest proposal first.
    pub fn all(&self) -> Vec<Referral> {
        let mut all: Vec<Referral> = self.made.keys().filter_map(|id| self.get(id)).collect();
        all.sort_by(|a, b| (b.made_on(), &b.history[0].at).cmp(&(a.made_on(), &a.history[0].at)));
        all
    }

    pub fn of_partner(&self, partner: &PartnerId) -> Vec<Referral> {
        self.all()
            .into_iter()
            .filter(|r| &r.partner == partner)
            .collect()
    }

    pub fn of_resident(&self, resident: &ResidentId) -> Vec<Referral> {
        self.all()
            .into_iter()
            .filter(|r| r.resident.as_ref() == Some(resident))
            .collect()
    }

    /// How many referrals are at each status: the coordinators' indicator.
    pub fn counts(&self) -> StatusCounts {
        StatusCounts::of(self.all().iter())
    }

    pub fn counts_by_theme(&self) -> BTreeMap<Theme, StatusCounts> {
        let mut by = BTreeMap::<Theme, StatusCounts>::new();
        for referral in self.all() {
            by.entry(referral.theme).or_default().add(referral.status);
        }
        by
    }

    pub fn counts_by_partner(&self) -> BTreeMap<PartnerId, StatusCounts> {
        let mut by = BTreeMap::<PartnerId, StatusCounts>::new();
        for referral in self.all() {
            by.entry(referral.partner).or_default().add(referral.status);
        }
        by
    }
}

/// Referrals by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    pub proposed: u32,
    pub accepted: u32,
    pub in_progress: u32,
    pub done: u32,
    pub no_follow_up: u32,
}

impl StatusCounts {
    pub fn of<'a>(referrals: impl IntoIterator<Item = &'a Referral>) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for referral in referrals {
            counts.add(referral.status);
        }
        counts
    }

    pub fn add(&mut self, status: ReferralStatus) {
        *self.slot(status) += 1;
    }

    fn slot(&mut self, status: ReferralStatus) -> &mut u32 {
        match status {
            ReferralStatus::Proposed => &mut self.proposed,
            ReferralStatus::Accepted => &mut self.accepted,
            ReferralStatus::InProgress => &mut self.in_progress,
            ReferralStatus::Done => &mut self.done,
            ReferralStatus::NoFollowUp => &mut self.no_follow_up,
        }
    }

    pub fn get(&self, status: ReferralStatus) -> u32 {
        let mut copy = *self;
        *copy.slot(status)
    }

    pub fn total(&self) -> u32 {
        ReferralStatus::ALL.iter().map(|s| self.get(*s)).sum()
    }

    /// Proposed, accepted or in progress: someone may still have to follow them up.
    pub fn open(&self) -> u32 {
        self.proposed + self.accepted + self.in_progress
    }
}
