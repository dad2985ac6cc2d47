//! The volunteer's day in numbers: doors knocked, doors that opened, sign-ups, presentations of
//! the neighbourhood app, and the wellbeing answers collected.

use std::collections::{BTreeSet, HashSet};

use crate::calendar::LocalDate;
use crate::canvass::{DoorOutcome, Wellbeing};
use crate::event::{Actor, EventBody, EventEnvelope};
use crate::signup::joins_the_app;
use crate::territory::DoorId;

/// Answers to "Comment vous sentez-vous dans votre résidence ?", by face.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WellbeingAnswers {
    /// `by_face[0]` counts the saddest face (1), `by_face[4]` the happiest (5).
    pub by_face: [u32; 5],
}

impl WellbeingAnswers {
    pub fn add(&mut self, answer: Wellbeing) {
        self.by_face[usize::from(answer.value() - 1)] += 1;
    }

    pub fn count(&self, face: Wellbeing) -> u32 {
        self.by_face[usize::from(face.value() - 1)]
    }

    pub fn total(&self) -> u32 {
        self.by_face.iter().sum()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DaySummary {
    /// Different doors knocked at (a door tried morning and evening counts once; a door that
    /// could not be reached was not knocked).
    pub knocked: u32,
    /// Different doors where someone opened and talked.
    pub opened: u32,
    /// Residents who signed up for the neighbourhood app or the résidence's group: the same rule
    /// as the door's "inscrit" (`signup::outcome_for`). A partner referral alone is not one.
    pub sign_ups: u32,
    /// Times the neighbourhood app was presented.
    pub presentations: u32,
    pub wellbeing: WellbeingAnswers,
}

/// What `volunteer` recorded on their local date `on`. The volunteer is the event's actor, as
/// recorded: on a tablet shared by two volunteers, each gets their own day.
pub fn day_summary<'a>(
    events: impl IntoIterator<Item = &'a EventEnvelope>,
    volunteer: &Actor,
    on: LocalDate,
) -> DaySummary {
    let mut summary = DaySummary::default();
    let mut counted = HashSet::new();
    let mut knocked: BTreeSet<&DoorId> = BTreeSet::new();
    let mut opened: BTreeSet<&DoorId> = BTreeSet::new();
    for event in events {
        // A re-synced copy of an event is the same event.
        if event.actor != *volunteer || !counted.insert(&event.id) {
            continue;
        }
        match &event.body {
            EventBody::DoorVisited {
                door,
                outcome,
                wellbeing,
                local_date,
                ..
            } if *local_date == on => {
                if *outcome != DoorOutcome::Inaccessible {
                    knocked.insert(door);
                }
                if outcome.someone_opened() {
                    opened.insert(door);
                }
                if let Some(answer) = wellbeing {
                    summary.wellbeing.add(*answer);
                }
            }
            EventBody::ResidentSignedUp {
                consents,
                local_date,
                ..
            } if *local_date == on && joins_the_app(consents) => summary.sign_ups += 1,
            EventBody::AppPresented { local_date, .. } if *local_date == on => {
                summary.presentations += 1;
            }
            _ => {}
        }
    }
    summary.knocked = u32::try_from(knocked.len()).unwrap_or(u32::MAX);
    summary.opened = u32::try_from(opened.len()).unwrap_or(u32::MAX);
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::PartOfDay::{Evening, Morning};
    use crate::canvass::status::tests::{date, visit_at};
    use crate::consent::{ConsentAnswer, Purpose};
    use crate::signup::ResidentId;
    use crate::territory::ResidenceId;

    fn volunteer(device: u8) -> Actor {
        Actor::Volunteer {
            name: format!("bénévole {device}"),
        }
    }

    fn with_body(mut event: EventEnvelope, body: EventBody) -> EventEnvelope {
        event.body = body;
        event
    }

    fn signed_up(wall: u64, day: u8, yes: Purpose) -> EventEnvelope {
        let base = visit_at(wall, 1, "x", DoorOutcome::Absent, day, Morning);
        with_body(
            base,
            EventBody::ResidentSignedUp {
                door: None,
                resident: ResidentId::from_random([wall as u8; 16]),
                first_name: "Awa".into(),
                last_name: None,
                phone: Some("+33612345678".into()),
                email: None,
                language: "fr".into(),
                consents: Purpose::ALL
                    .into_iter()
                    .map(|purpose| ConsentAnswer {
                        purpose,
                        granted: purpose == yes,
                    })
                    .collect(),
                notice_version: "2026-01".into(),
                local_date: date(day),
            },
        )
    }

    #[test]
    fn a_day_of_knocking() {
        let presented = with_body(
            visit_at(20, 1, "x", DoorOutcome::Absent, 25, Morning),
            EventBody::AppPresented {
                door: None,
                residence: Some(ResidenceId("tilleuls".into())),
                local_date: date(25),
            },
        );
        let mut no_face = visit_at(5, 1, "c", DoorOutcome::Refused, 25, Morning);
        if let EventBody::DoorVisited { wellbeing, .. } = &mut no_face.body {
            *wellbeing = None;
        }
        let events = vec![
            visit_at(1, 1, "a", DoorOutcome::Absent, 25, Morning),
            visit_at(2, 1, "a", DoorOutcome::Interested, 25, Evening),
            visit_at(3, 1, "b", DoorOutcome::SignedUp, 25, Morning),
            visit_at(4, 1, "b", DoorOutcome::SignedUp, 25, Morning),
            no_face,
            visit_at(6, 1, "d", DoorOutcome::Inaccessible, 25, Morning),
            // Another day, another volunteer: not in this summary.
            visit_at(7, 1, "e", DoorOutcome::Interested, 24, Morning),
            visit_at(8, 2, "f", DoorOutcome::Interested, 25, Morning),
            signed_up(9, 25, Purpose::ResidenceGroup),
            signed_up(10, 25, Purpose::PartnerReferral),
            signed_up(11, 24, Purpose::AppContact),
            presented.clone(),
            presented,
        ];
        let summary = day_summary(&events, &volunteer(1), date(25));
        let mut faces = WellbeingAnswers::default();
        faces.by_face[2] = 5;
        assert_eq!(
            summary,
            DaySummary {
                knocked: 3,
                opened: 3,
                sign_ups: 1,
                presentations: 1,
                wellbeing: faces,
            }
        );
        assert_eq!(summary.wellbeing.total(), 5);
        assert_eq!(summary.wellbeing.count(Wellbeing::new(3).unwrap()), 5);
        assert_eq!(day_summary(&events, &volunteer(2), date(25)).knocked, 1);
        assert_eq!(
            day_summary(&events, &volunteer(1), date(20)),
            DaySummary::default()
        );
    }
}
