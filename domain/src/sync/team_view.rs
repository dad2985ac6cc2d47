//! What of one event the rest of the team may pull: door outcomes and presentations, without
//! residents' personal details. The server applies it to every row it hands out.

use crate::event::{EventBody, EventEnvelope};

/// The event as another device of the campaign may hold it, or `None` when it stays on the
/// server only.
///
/// - A visit keeps its door, outcome, wellbeing face and when; the volunteer's note is dropped,
///   since a note may name someone ("Mme X, malade") however often the app warns against it.
/// - A presentation is shared as is: it names a door or a résidence, nobody.
/// - Sign-ups (names, phone, email, consents), field notes and device starts are never shared:
///   the walk list needs the door's "inscrit" outcome, which the visit carries, not the person.
pub fn team_view(event: &EventEnvelope) -> Option<EventEnvelope> {
    let body = match &event.body {
        // The visit as the purge after sync leaves it on the device: one rule for "a visit
        // without its note".
        EventBody::DoorVisited { .. } => {
            crate::at_rest::purged(&event.body).unwrap_or_else(|| event.body.clone())
        }
        // The directory and the contact log are the team's shared work; a referral is shared
        // for its status and the indicators, without who was referred.
        EventBody::AppPresented { .. }
        | EventBody::PartnerEdited(_)
        | EventBody::PartnerContactLogged(_)
        | EventBody::ReferralStatusChanged(_) => event.body.clone(),
        // Every kiosk of a résidence shows the same ideas and tallies; ideas are checked for
        // contact details and votes are anonymous. Unanswered questions (free text, however
        // masked) and callback requests (sealed contact details) are for the coordinators, on
        // the server only.
        EventBody::IdeaProposed(_) | EventBody::IdeaVoted(_) | EventBody::IdeaHidden(_) => {
            event.body.clone()
        }
        // An erasure names a resident by id only, and every device must apply it.
        EventBody::ResidentErased(_) => event.body.clone(),
        // Every device of the campaign shows the coordinator's settings; they name nobody (the
        // kiosk PIN travels as a slow salted hash, never as the PIN).
        EventBody::CampaignSettingsChanged(_) => event.body.clone(),
        EventBody::KioskQuestionUnanswered(_) | EventBody::KioskCallbackRequested(_) => {
            return None;
        }
        // Sealed records are opened by the server, and what they hold is for coordinators only.
        EventBody::KioskSealed(_)
        | EventBody::KioskCallbackOpened(_)
        | EventBody::KioskCallbackHandled(_) => return None,
        // Anonymous, but no other device needs it: it counts for the coordinators, on the server.
        EventBody::KioskWellbeingGiven(_) => return None,
        EventBody::ReferralMade(made) => EventBody::ReferralMade(crate::partners::ReferralMade {
            resident: None,
            ..made.clone()
        }),
        // Only the device holding the sign-up can use its confirmation.
        EventBody::ResidentSignedUp { .. }
        | EventBody::SignupConfirmed { .. }
        | EventBody::FieldNoteRecorded { .. }
        | EventBody::DeviceStarted { .. } => return None,
    };
    Some(EventEnvelope {
        body,
        ..event.clone()
    })
}

/// [`team_view`] as the JSON text a pull hands out, or `None` when the event stays on the server.
/// The server stores it beside the envelope at push time, so a pull copies text instead of
/// parsing and re-serialising every event it sends.
pub fn team_json(event: &EventEnvelope) -> Option<String> {
    // An envelope always serialises (plain data, string keys); an error would be a bug, and
    // keeping the event off the team's devices is then the safe side.
    team_view(event).and_then(|view| serde_json::to_string(&view).ok())
}

/// The event kinds [`team_view`] may share, so the server can filter in SQL before parsing.
pub const TEAM_KINDS: [&str; 11] = [
    "DoorVisited",
    "AppPresented",
    "PartnerEdited",
    "PartnerContactLogged",
    "ReferralMade",
    "ReferralStatusChanged",
    "IdeaProposed",
    "IdeaVoted",
    "IdeaHidden",
    "ResidentErased",
    "CampaignSettingsChanged",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::wire::tests::{device, events};

    #[test]
    fn field_notes_and_starts_stay_on_the_server() {
        let note = events(1, 1).remove(0);
        assert_eq!(team_view(&note), None);
        let start = EventEnvelope {
            body: EventBody::DeviceStarted {
                app_version: "1".into(),
            },
            ..note
        };
        assert_eq!(team_view(&start), None);
    }

    #[test]
    fn only_the_kinds_listed_for_sql_are_ever_shared() {
        let mut recorder = crate::event::Recorder::new(device(3));
        let sample = crate::event::tests::samples();
        assert!(sample.len() >= 5, "one sample per kind");
        for body in sample {
            let event = recorder.record(
                1_700_000_000_000,
                [7; 10],
                crate::event::Actor::Device,
                crate::ids::CampaignId::demo(),
                body,
            );
            let shared = team_view(&event).is_some();
            assert_eq!(
                shared,
                TEAM_KINDS.contains(&event.body.kind()),
                "{}",
                event.body.kind()
            );
            assert_eq!(
                team_json(&event),
                team_view(&event).map(|v| serde_json::to_string(&v).unwrap())
            );
            if let Some(view) = team_view(&event) {
                assert_eq!(view.id, event.id);
                assert_eq!(view.hlc, event.hlc);
                view.validate().unwrap();
                let json = serde_json::to_string(&view).unwrap();
                for personal in ["first_name", "phone", "email", "\"note\":\""] {
                    assert!(!json.contains(personal), "{json}");
                }
            }
        }
    }
}
