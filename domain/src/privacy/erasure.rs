//! A resident's erasure: the event that asks for it and the rule that carries it out.
//!
//! The event names the resident by the id of their sign-up and lists which kinds of records lose
//! their details; it holds no personal data itself, so it may travel to every device of the
//! campaign. What each kind of record loses, and why the rest stays:
//!
//! - **Details** — the sign-up's first and last name, phone, email and preferred language become
//!   blank. The sign-up itself stays, with its resident id, door, date, purposes answered and
//!   notice version: the proof of what was agreed (GDPR art. 7(1)) and the sign-up counts.
//! - **Door notes** — the free-text note of every visit at a door where they signed up, since a
//!   note is about the household and may name them. The outcome, face and date stay, and so does
//!   a "do not disturb" reason: keeping the wish not to be disturbed is how it is honoured.
//! - **Referral link** — which resident a referral was about; the referral, its partner, theme
//!   and status stay for the indicators.
//!
//! - **Callback requests** — the kiosk callback requests listed in the erasure (`callbacks`: those
//!   that gave one of the resident's phone numbers or e-mails, found by the server when it
//!   records the erasure, `privacy::callbacks`) lose the name, phone, e-mail and question; the
//!   language and topic stay. Listing them by id keeps the rule a function of the log: after the
//!   sign-up is blanked nothing would tie the request to the resident any more.
//!
//! Field notes and other kiosk records carry no resident id, so nothing ties them to the person;
//! they are out of an erasure's reach and are covered by the retention period instead.
//!
//! The rule is a pure function of the whole log ([`Erasures::from_events`] then
//! [`Erasures::blank`]): it gives the same result whichever arrived first, the erasure or the
//! sign-up, and applying it twice changes nothing the second time.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::calendar::LocalDate;
use crate::event::{EventBody, EventEnvelope};
use crate::ids::EventId;
use crate::partners::ReferralMade;
use crate::signup::ResidentId;
use crate::territory::DoorId;

/// Which kind of record loses the resident's details (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ErasedField {
    #[serde(rename = "details")]
    Details,
    #[serde(rename = "door_notes")]
    DoorNotes,
    #[serde(rename = "referral_link")]
    ReferralLink,
}

impl ErasedField {
    pub const ALL: [ErasedField; 3] = [
        ErasedField::Details,
        ErasedField::DoorNotes,
        ErasedField::ReferralLink,
    ];
}

/// Why the details go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ErasureReason {
    /// The resident asked (GDPR art. 17).
    #[serde(rename = "resident_request")]
    ResidentRequest,
    /// The campaign's retention period after the last contact ran out.
    #[serde(rename = "retention_period")]
    RetentionPeriod,
}

/// The body of a `ResidentErased` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidentErased {
    /// The `resident` of their sign-up(s).
    pub resident: ResidentId,
    /// At least one, each once.
    pub fields: Vec<ErasedField>,
    pub reason: ErasureReason,
    /// The day the request was received, or the retention job ran.
    pub requested_on: LocalDate,
    /// The request's reference in the landlord's register of requests ("DPO-2026-014"), so that
    /// the answer to the resident can point to it.
    pub reference: String,
    /// The ids of the kiosk callback requests that lose their details with the resident's
    /// (event ids name nobody). Absent from the wire when empty, so older erasures read the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub callbacks: Vec<EventId>,
}

/// The longest reference accepted.
pub const MAX_REFERENCE_CHARS: usize = 40;

/// The reference written by the retention job.
pub const RETENTION_REFERENCE: &str = "retention";

/// Why an erasure event is refused where it enters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErasureProblem {
    #[error("an erasure names at least one kind of record, each once")]
    Fields,
    #[error(
        "an erasure's reference is 1 to {MAX_REFERENCE_CHARS} characters among letters, digits, \
         spaces and - _ . / #, with no phone-like run of digits"
    )]
    Reference,
}

impl ResidentErased {
    /// What must hold for a `ResidentErased` event: the reference is a register number, never
    /// a name, phone or email typed in by mistake (the event goes to every device).
    pub fn check(&self) -> Result<(), ErasureProblem> {
        let distinct: BTreeSet<_> = self.fields.iter().collect();
        if self.fields.is_empty() || distinct.len() != self.fields.len() {
            return Err(ErasureProblem::Fields);
        }
        check_reference(&self.reference)
    }
}

/// A reference as the erasure form accepts it.
pub fn check_reference(reference: &str) -> Result<(), ErasureProblem> {
    let chars = reference.chars().count();
    let allowed = reference
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || " -_./#".contains(c));
    let mut run = 0;
    let mut longest_run = 0;
    for c in reference.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        longest_run = longest_run.max(run);
    }
    if reference.trim() != reference
        || !(1..=MAX_REFERENCE_CHARS).contains(&chars)
        || !allowed
        || longest_run >= 6
    {
        return Err(ErasureProblem::Reference);
    }
    Ok(())
}

/// Whether a sign-up is in the form an erasure leaves it in: no name and no way to contact.
/// A sign-up as recorded always has a first name, so this can only come from an erasure; the
/// event check lets it through for that reason.
pub fn is_erased_sign_up(body: &EventBody) -> bool {
    matches!(
        body,
        EventBody::ResidentSignedUp {
            first_name,
            last_name: None,
            phone: None,
            email: None,
            ..
        } if first_name.is_empty()
    )
}

/// Every erasure of a log, ready to be applied to its events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erasures {
    fields: BTreeMap<ResidentId, BTreeSet<ErasedField>>,
    /// The doors of the sign-ups of residents whose door notes are erased.
    doors: BTreeSet<DoorId>,
    /// The callback requests named by an erasure.
    callbacks: BTreeSet<EventId>,
}

impl Erasures {
    /// The erasures in `events`, with the doors their residents signed up at (found in the same
    /// events: an erased sign-up keeps its door, so this holds after the rewrite too).
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a EventEnvelope>) -> Erasures {
        let mut fields: BTreeMap<ResidentId, BTreeSet<ErasedField>> = BTreeMap::new();
        let mut sign_up_doors: Vec<(&ResidentId, &DoorId)> = Vec::new();
        let mut callbacks = BTreeSet::new();
        for event in events {
            match &event.body {
                EventBody::ResidentErased(erased) => {
                    fields
                        .entry(erased.resident.clone())
                        .or_default()
                        .extend(erased.fields.iter().copied());
                    callbacks.extend(erased.callbacks.iter().cloned());
                }
                EventBody::ResidentSignedUp {
                    resident,
                    door: Some(door),
                    ..
                } => sign_up_doors.push((resident, door)),
                _ => {}
            }
        }
        let doors = sign_up_doors
            .into_iter()
            .filter(|(resident, _)| {
                fields
                    .get(*resident)
                    .is_some_and(|f| f.contains(&ErasedField::DoorNotes))
            })
            .map(|(_, door)| door.clone())
            .collect();
        Erasures {
            fields,
            doors,
            callbacks,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// What was erased of a resident, if anything.
    pub fn of(&self, resident: &ResidentId) -> Option<&BTreeSet<ErasedField>> {
        self.fields.get(resident)
    }

    fn erases(&self, resident: &ResidentId, field: ErasedField) -> bool {
        self.fields
            .get(resident)
            .is_some_and(|f| f.contains(&field))
    }

    /// The event with the erased details blanked, or `None` when it holds none of them (so a
    /// store rewrites only what changes). Id, device, sequence, clock, actor and kind stay.
    pub fn blank(&self, event: &EventEnvelope) -> Option<EventEnvelope> {
        let body = match &event.body {
            EventBody::ResidentSignedUp {
                door,
                resident,
                consents,
                notice_version,
                local_date,
                ..
            } if self.erases(resident, ErasedField::Details) && !is_erased_sign_up(&event.body) => {
                EventBody::ResidentSignedUp {
                    door: door.clone(),
                    resident: resident.clone(),
                    first_name: String::new(),
                    last_name: None,
                    phone: None,
                    email: None,
                    language: String::new(),
                    consents: consents.clone(),
                    notice_version: notice_version.clone(),
                    local_date: *local_date,
                }
            }
            EventBody::DoorVisited {
                door,
                outcome,
                note: Some(_),
                wellbeing,
                local_date,
                part_of_day,
            } if self.doors.contains(door) => EventBody::DoorVisited {
                door: door.clone(),
                outcome: outcome.clone(),
                note: None,
                wellbeing: *wellbeing,
                local_date: *local_date,
                part_of_day: *part_of_day,
            },
            EventBody::ReferralMade(
                made @ ReferralMade {
                    resident: Some(resident),
                    ..
                },
            ) if self.erases(resident, ErasedField::ReferralLink) => {
                EventBody::ReferralMade(ReferralMade {
                    resident: None,
                    ..made.clone()
                })
            }
            EventBody::KioskCallbackOpened(request)
                if self.callbacks.contains(&event.id)
                    && !crate::kiosk::is_erased_callback(request) =>
            {
                EventBody::KioskCallbackOpened(crate::kiosk::blank_callback(request))
            }
            _ => return None,
        };
        Some(EventEnvelope {
            body,
            ..event.clone()
        })
    }
}

/// Applies every erasure found in `events` to them, in place; returns the indexes rewritten.
pub fn apply_erasures(events: &mut [EventEnvelope]) -> Vec<usize> {
    let erasures = Erasures::from_events(events.iter());
    if erasures.is_empty() {
        return Vec::new();
    }
    let mut changed = Vec::new();
    for (i, event) in events.iter_mut().enumerate() {
        if let Some(blanked) = erasures.blank(event) {
            *event = blanked;
            changed.push(i);
        }
    }
    changed
}

/// One erasure for the event samples of the tests.
#[cfg(test)]
pub(crate) fn sample() -> ResidentErased {
    ResidentErased {
        resident: ResidentId::from_random([4; 16]),
        fields: ErasedField::ALL.to_vec(),
        reason: ErasureReason::ResidentRequest,
        requested_on: LocalDate::new(2026, 12, 1).unwrap(),
        reference: "DPO-2026-014".to_owned(),
        callbacks: Vec::new(),
    }
}
