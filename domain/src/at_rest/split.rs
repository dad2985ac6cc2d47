//! Which fields of an event are a resident's personal details, kept encrypted on the device:
//!
//! - a sign-up's first and last name, phone and email (`ResidentSignedUp`);
//! - a visit's free-text note (`DoorVisited.note`): it is about the household and may name them;
//! - a field-journal note (`FieldNoteRecorded.text`): free text, which may name a resident.
//!
//! Everything else stays readable while the device is locked: the door, its outcome and a "do not
//! disturb" reason (honouring it must not need a PIN), the wellbeing face, dates, consents and
//! notice version, the resident's random id, the preferred language. Partner contacts name the
//! landlord's and partners' staff, not residents, and kiosk records are already sealed to the
//! campaign's key, so they stay as they are.
//!
//! The readable part keeps the event's shape with each personal value replaced by [`LOCKED`], so
//! that a locked sign-up is never mistaken for an erased one (an erased sign-up has an empty first
//! name) and the screens can say "locked" where the value would be.

use serde::{Deserialize, Serialize};

use crate::event::EventBody;

/// What the readable part holds where a personal value was.
pub const LOCKED: &str = "\u{1F512}";

/// The personal fields taken out of one event body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Personal {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A visit's note or a field-journal note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Why a personal part cannot be put back into a readable body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SplitProblem {
    #[error("this personal part does not belong to an event of this kind")]
    WrongKind,
}

/// Whether an event's stored JSON may hold personal fields, told without parsing it: passes over
/// a whole log (sealing what was written before the first PIN, at every unlock) skip the many
/// visits without a note this way. Never false for an event [`split`] takes a personal part from
/// (tested on every kind); true for some that have none, which are then parsed and checked.
pub fn may_hold_personal(envelope_json: &str) -> bool {
    envelope_json.contains("\"ResidentSignedUp\"")
        || envelope_json.contains("\"FieldNoteRecorded\"")
        // A note left empty is written `"note":null`; inside a text the quotes would be escaped.
        || (envelope_json.contains("\"DoorVisited\"") && !envelope_json.contains("\"note\":null"))
}

fn locked_if(value: &Option<String>) -> Option<String> {
    value.as_ref().map(|_| LOCKED.to_owned())
}

/// The readable body and, when the body holds personal fields, its personal part.
pub fn split(body: &EventBody) -> (EventBody, Option<Personal>) {
    match body {
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
        } if !crate::privacy::is_erased_sign_up(body) => (
            EventBody::ResidentSignedUp {
                door: door.clone(),
                resident: resident.clone(),
                first_name: LOCKED.to_owned(),
                last_name: locked_if(last_name),
                phone: locked_if(phone),
                email: locked_if(email),
                language: language.clone(),
                consents: consents.clone(),
                notice_version: notice_version.clone(),
                local_date: *local_date,
            },
            Some(Personal {
                first_name: Some(first_name.clone()),
                last_name: last_name.clone(),
                phone: phone.clone(),
                email: email.clone(),
                note: None,
            }),
        ),
        EventBody::DoorVisited {
            door,
            outcome,
            note: Some(note),
            wellbeing,
            local_date,
            part_of_day,
        } => (
            EventBody::DoorVisited {
                door: door.clone(),
                outcome: outcome.clone(),
                note: Some(LOCKED.to_owned()),
                wellbeing: *wellbeing,
                local_date: *local_date,
                part_of_day: *part_of_day,
            },
            Some(Personal {
                note: Some(note.clone()),
                ..Personal::default()
            }),
        ),
        EventBody::FieldNoteRecorded { text } if !text.is_empty() => (
            EventBody::FieldNoteRecorded {
                text: LOCKED.to_owned(),
            },
            Some(Personal {
                note: Some(text.clone()),
                ..Personal::default()
            }),
        ),
        other => (other.clone(), None),
    }
}

/// The body back with its personal part: `join(&split(b).0, &split(b).1.unwrap()) == b`.
pub fn join(readable: &EventBody, personal: &Personal) -> Result<EventBody, SplitProblem> {
    let mut body = readable.clone();
    match &mut body {
        EventBody::ResidentSignedUp {
            first_name,
            last_name,
            phone,
            email,
            ..
        } => {
            *first_name = personal.first_name.clone().ok_or(SplitProblem::WrongKind)?;
            *last_name = personal.last_name.clone();
            *phone = personal.phone.clone();
            *email = personal.email.clone();
        }
        EventBody::DoorVisited { note, .. } => {
            *note = Some(personal.note.clone().ok_or(SplitProblem::WrongKind)?);
        }
        EventBody::FieldNoteRecorded { text } => {
            *text = personal.note.clone().ok_or(SplitProblem::WrongKind)?;
        }
        _ => return Err(SplitProblem::WrongKind),
    }
    Ok(body)
}

/// A text as a screen shows it: the value, or the word for "locked" where the readable part
/// holds [`LOCKED`].
/// What the screens hold once the device is locked: every personal field replaced by [`LOCKED`],
/// as a read of the sealed log would give. Done at once when locking, so that the names on
/// screen do not wait for that read (seconds on a large log) to go.
pub fn hide_personal(events: &mut [crate::event::EventEnvelope]) {
    for event in events {
        if let (readable, Some(_)) = split(&event.body) {
            event.body = readable;
        }
    }
}

pub fn shown_or_locked(value: &str, locale: crate::i18n::Locale) -> String {
    if value == LOCKED {
        super::words::Word::Locked.text(locale).to_owned()
    } else {
        value.to_owned()
    }
}
