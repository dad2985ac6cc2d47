//! The consent register (GDPR art. 7(1): the controller must be able to show that each person
//! consented): for every sign-up, who, to which purposes yes or no, when (the device's date and
//! the event's clock), with which version of the notice, collected by whom, on which device, and
//! the event that proves it. Read straight from the `ResidentSignedUp` events, borrowed, in
//! clock order; a resident signed up twice has two entries, the later one in force.
//!
//! When withdrawals are recorded as events, their arm goes in [`ConsentRegister::new`]: a
//! withdrawal marks the purposes of the resident's entries from its time on. An erasure
//! (`crate::privacy`) rewrites the sign-up itself wherever the log is held, so its entry stays,
//! the proof of what was agreed, with an empty name and no phone or email.

use crate::calendar::LocalDate;
use crate::consent::{ConsentAnswer, Purpose};
use crate::event::{EventBody, EventEnvelope};
use crate::i18n::Locale;
use crate::ids::CampaignId;
use crate::indicators::log::DistinctLog;
use crate::indicators::scope::{Places, Whereabouts};
use crate::signup::ResidentId;
use crate::territory::DoorId;

use super::cells::{columns, person, place_columns, push_place};
use super::pseudonym::Kind;
use super::words::{Heading, yes_no};
use super::{Cell, Privacy, Row, Sheet};

/// One sign-up as the register shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consent<'a> {
    pub resident: &'a ResidentId,
    pub first_name: &'a str,
    pub last_name: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub language: &'a str,
    pub answers: &'a [ConsentAnswer],
    pub notice_version: &'a str,
    pub door: Option<&'a DoorId>,
    /// The device's local date at the sign-up.
    pub on: LocalDate,
    /// The whole event: its clock (when), actor (collected by), device and id (the proof).
    pub event: &'a EventEnvelope,
}

impl Consent<'_> {
    /// The resident's answer for a purpose; `None` only for a purpose added after this sign-up.
    pub fn answer(&self, purpose: Purpose) -> Option<bool> {
        self.answers
            .iter()
            .find(|a| a.purpose == purpose)
            .map(|a| a.granted)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsentRegister<'a> {
    /// In clock order.
    pub entries: Vec<Consent<'a>>,
}

impl<'a> ConsentRegister<'a> {
    /// The register of `campaign`, from its log.
    pub fn new(log: &DistinctLog<'a>, campaign: &CampaignId) -> ConsentRegister<'a> {
        let entries = log
            .iter()
            .filter(|event| event.campaign == *campaign)
            .filter_map(|event| match &event.body {
                EventBody::ResidentSignedUp {
                    door,
                    resident,
                    first_name,
                    last_name,
                    phone,
                    email,
                    language,
                    consents,
                    notice_version,
                    local_date,
                } => Some(Consent {
                    resident,
                    first_name,
                    last_name: last_name.as_deref(),
                    phone: phone.as_deref(),
                    email: email.as_deref(),
                    language,
                    answers: consents,
                    notice_version,
                    door: door.as_ref(),
                    on: *local_date,
                    event,
                }),
                _ => None,
            })
            .collect();
        ConsentRegister { entries }
    }

    /// A resident's entries, oldest first.
    pub fn of(&self, resident: &ResidentId) -> impl Iterator<Item = &Consent<'a>> {
        self.entries.iter().filter(move |c| c.resident == resident)
    }

    /// The entry in force for a resident: their latest sign-up.
    pub fn current(&self, resident: &ResidentId) -> Option<&Consent<'a>> {
        self.of(resident).last()
    }

    /// Residents whose name, phone or email contains `query` (case and accents as typed, spaces
    /// in phone numbers ignored): how a coordinator finds the person behind a request.
    pub fn find(&self, query: &str) -> Vec<&'a ResidentId> {
        let query = query.trim().to_lowercase();
        let digits: String = query.chars().filter(char::is_ascii_digit).collect();
        let mut found: Vec<&'a ResidentId> = Vec::new();
        if query.is_empty() {
            return found;
        }
        for c in &self.entries {
            let name = format!("{} {}", c.first_name, c.last_name.unwrap_or_default());
            // A phone typed "06 12 34 56 78" matches the stored "+33612345678" by its last
            // nine digits, the part that does not depend on how the prefix was written.
            let phone = digits.len() >= 9
                && c.phone
                    .is_some_and(|p| p.ends_with(&digits[digits.len() - 9..]));
            let hit = name.to_lowercase().contains(&query)
                || c.email.is_some_and(|e| e.contains(&query))
                || phone;
            if hit && !found.contains(&c.resident) {
                found.push(c.resident);
            }
        }
        found
    }
}

pub(super) fn headings(privacy: Privacy<'_>) -> Vec<Heading> {
    let mut headings = vec![Heading::Date, Heading::RecordedAt, Heading::Resident];
    if let Privacy::Named = privacy {
        headings.extend([
            Heading::FirstName,
            Heading::LastName,
            Heading::Phone,
            Heading::Email,
        ]);
    }
    headings.push(Heading::Language);
    headings.extend(Purpose::ALL.map(Heading::Consent));
    headings.extend([Heading::NoticeVersion, Heading::CollectedBy]);
    headings.extend(place_columns(privacy));
    if let Privacy::Named = privacy {
        headings.extend([Heading::Device, Heading::Event]);
    }
    headings
}

/// The register as a table, with the filter of `places` (a sign-up met without a door is kept
/// unless a place is chosen).
pub fn sheet<'a>(
    register: &'a ConsentRegister<'a>,
    places: &'a Places<'a>,
    locale: Locale,
    privacy: Privacy<'a>,
) -> Sheet<'a> {
    let filter = places.filter();
    let rows = register
        .entries
        .iter()
        .filter(move |c| {
            filter.by_actor(&c.event.actor)
                && filter.in_period(c.on)
                && places.whereabouts(c.door, None) != Whereabouts::OutOfScope
        })
        .map(move |c| row(c, places, locale, privacy));
    Sheet::new(columns(&headings(privacy), locale), rows)
}

pub(super) fn row<'a>(
    c: &Consent<'a>,
    places: &Places<'a>,
    locale: Locale,
    privacy: Privacy<'_>,
) -> Row<'a> {
    let mut row = Vec::with_capacity(24);
    row.push(Cell::Date(c.on));
    row.push(Cell::Instant(c.event.hlc.wall_ms));
    row.push(match privacy {
        Privacy::Named => Cell::text(c.resident.as_str()),
        Privacy::Pseudonymised(p) => Cell::owned(p.pseudonym(Kind::Resident, c.resident.as_str())),
    });
    if let Privacy::Named = privacy {
        row.push(Cell::text(c.first_name));
        row.push(Cell::optional(c.last_name));
        row.push(Cell::optional(c.phone));
        row.push(Cell::optional(c.email));
    }
    row.push(Cell::text(c.language));
    for purpose in Purpose::ALL {
        row.push(c.answer(purpose).map_or(Cell::Empty, |value| Cell::Flag {
            value,
            words: yes_no(value, locale),
        }));
    }
    row.push(Cell::text(c.notice_version));
    row.push(person(&c.event.actor, locale, privacy));
    push_place(&mut row, places, c.door, privacy);
    if let Privacy::Named = privacy {
        row.push(Cell::text(c.event.device.as_str()));
        row.push(Cell::text(c.event.id.as_str()));
    }
    row
}
