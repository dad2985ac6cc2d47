//! Local partners (issue #6): the directory of structures residents can be sent to (centres
//! sociaux, régies de quartier, associations, municipal services), the log of contacts with them,
//! and referrals of residents that close the loop.
//!
//! Everything is events, folded into what the screens show:
//! - `PartnerEdited` ([`PartnerEdit`]): a partner created or changed, only the fields that
//!   changed; [`Directory`] merges them field by field (last writer by HLC wins) and keeps who
//!   changed what and when;
//! - `PartnerContactLogged` ([`PartnerContact`]): a contact, folded into the [`ContactLog`] with
//!   the follow-ups due;
//! - `ReferralMade` / `ReferralStatusChanged` ([`ReferralMade`], [`ReferralUpdate`]): folded into
//!   [`Referrals`], with the counts the indicators need.
//!
//! Offline search ([`SearchIndex`]), the forms ([`PartnerDraft`], [`ContactDraft`]), the
//! directory's CSV for spreadsheets ([`csv`]), the demo directory ([`demo`]) and the counts for
//! the coordinators' indicators ([`indicators::PartnersHook`]) complete it. Labels and problems
//! in each language are in `words`.

mod check;
pub mod contact_log;
pub mod csv;
pub mod demo;
pub mod directory;
pub mod draft;
mod ids;
pub mod indicators;
pub mod partner;
pub mod referral;
pub mod search;
mod tool_words;
pub mod vocabulary;
mod words;

#[cfg(test)]
mod archive_tests;
#[cfg(test)]
mod convergence_tests;
#[cfg(test)]
pub(crate) mod flow_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
pub(crate) mod tests;

pub use check::{PartnerProblem, normalise_website, tidy_line, tidy_text};
pub use contact_log::{
    ContactDraft, ContactEntry, ContactField, ContactLog, ContactProblem, FollowUpDue, NextStep,
    PartnerContact,
};
pub use directory::{Change, Directory};
pub use draft::{PartnerDraft, PersonDraft};
pub use ids::{IdError, PartnerId, ReferralId};
pub use partner::{ContactPerson, Partner, PartnerEdit, PartnerField, PartnerFields};
pub use referral::{
    Referral, ReferralMade, ReferralProblem, ReferralStatus, ReferralUpdate, Referrals, Refusal,
    StatusCounts, StatusStep, TransitionError, change_status, propose, referral_consent,
};
pub use search::{Filter, Hit, SearchIndex, fold};
pub use tool_words::ToolText;
pub use vocabulary::{Channel, PartnerKind, Theme};

use crate::event::EventEnvelope;

/// Everything the partner screens show, folded in one pass over the log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Partners {
    pub directory: Directory,
    pub contacts: ContactLog,
    pub referrals: Referrals,
}

impl Partners {
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a EventEnvelope>) -> Partners {
        let mut partners = Partners::default();
        for event in events {
            partners.apply(event);
        }
        partners
    }

    /// Takes in one event (a new one recorded here, or pulled); other kinds are ignored.
    pub fn apply(&mut self, event: &EventEnvelope) {
        self.directory.apply(event);
        self.contacts.apply(event);
        self.referrals.apply(event);
    }

    /// A partner's page: its details, the contacts with it (newest first) and the referrals to
    /// it (newest first).
    pub fn history<'a>(&'a self, partner: &'a PartnerId) -> Option<PartnerHistory<'a>> {
        Some(PartnerHistory {
            partner: self.directory.partner(partner)?,
            changes: self.directory.changes(partner),
            contacts: self.contacts.of_partner(partner).collect(),
            referrals: self.referrals.of_partner(partner),
        })
    }
}

/// What a partner's page shows under its details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerHistory<'a> {
    pub partner: Partner,
    /// Who changed which fields, newest first.
    pub changes: Vec<&'a Change>,
    pub contacts: Vec<&'a ContactEntry>,
    pub referrals: Vec<Referral>,
}
