//! The five-face wellbeing question at the kiosk ("Comment vous sentez-vous dans votre
//! résidence ?"), the same faces as at the doors but anonymous: the event names no door, no
//! resident and no turn, only the face, the day and the résidence whose hall the kiosk stands in.
//! Coordinators see these answers apart from the doors' ones (`Activity::kiosk_wellbeing`), since
//! who answers a kiosk is not who opens a door.

use serde::{Deserialize, Serialize};

use crate::calendar::LocalDate;
use crate::canvass::Wellbeing;
use crate::event::{EventBody, EventEnvelope};
use crate::indicators::{Activity, Hook, hooks::Place};
use crate::territory::ResidenceId;

/// The wire name of [`EventBody::KioskWellbeingGiven`].
pub const KIOSK_WELLBEING_KIND: &str = "KioskWellbeingGiven";

/// One resident's face at the kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskWellbeing {
    pub face: Wellbeing,
    /// The kiosk's local day, for the weekly counts.
    pub local_date: LocalDate,
    /// The résidence of the hall, when the kiosk knows it: a place, not a person.
    #[serde(default)]
    pub residence: Option<ResidenceId>,
}

/// Counts kiosk faces into [`Activity::kiosk_wellbeing`], by the kiosk's day and résidence.
#[derive(Debug, Clone, Copy, Default)]
pub struct KioskWellbeingHook;

impl Hook for KioskWellbeingHook {
    fn kinds(&self) -> &[&'static str] {
        &[KIOSK_WELLBEING_KIND]
    }

    fn place<'a>(&self, body: &'a EventBody) -> Place<'a> {
        match body {
            EventBody::KioskWellbeingGiven(answer) => Place {
                date: Some(answer.local_date),
                door: None,
                residence: answer.residence.as_ref(),
            },
            _ => Place::default(),
        }
    }

    fn count(&mut self, event: &EventEnvelope, activity: &mut Activity) {
        if let EventBody::KioskWellbeingGiven(answer) = &event.body {
            activity.kiosk_wellbeing.add(answer.face);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Actor;
    use crate::ids::CampaignId;
    use crate::indicators::{Filter, Query, compute, fixture};

    fn answer(face: u8, day: u8) -> EventBody {
        EventBody::KioskWellbeingGiven(KioskWellbeing {
            face: Wellbeing::new(face).unwrap(),
            local_date: LocalDate::new(2026, 3, day).unwrap(),
            residence: None,
        })
    }

    #[test]
    fn the_wire_shape_names_no_door_and_no_person() {
        let body = answer(4, 2);
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"type": "KioskWellbeingGiven", "face": 4,
                "local_date": "2026-03-02", "residence": null})
        );
        assert_eq!(body.kind(), KIOSK_WELLBEING_KIND);
        let read: EventBody = serde_json::from_value(
            serde_json::json!({"type": "KioskWellbeingGiven", "face": 2, "local_date": "2026-03-02"}),
        )
        .unwrap();
        assert_eq!(read, answer(2, 2));
        assert!(
            serde_json::from_value::<EventBody>(
                serde_json::json!({"type": "KioskWellbeingGiven", "face": 6, "local_date": "2026-03-02"})
            )
            .is_err(),
            "five faces only"
        );
    }

    #[test]
    fn kiosk_faces_are_counted_apart_from_the_doors() {
        let at_kiosk = |wall_ms, body| EventEnvelope {
            actor: Actor::Kiosk,
            ..fixture::event(wall_ms, "borne", body)
        };
        let events = vec![
            at_kiosk(1_000, answer(5, 2)),
            at_kiosk(2_000, answer(5, 3)),
            at_kiosk(3_000, answer(1, 3)),
        ];
        let query = Query {
            campaign: CampaignId::demo(),
            filter: Filter::default(),
            absent_attempts: 2,
            today: fixture::today(),
        };
        let ind = compute(&events, &fixture::estate(), &query);
        assert_eq!(ind.activity.kiosk_wellbeing.by_face, [1, 0, 0, 0, 2]);
        assert!(
            ind.wellbeing.is_empty(),
            "the doors' weekly answers are not the kiosk's"
        );
    }

    #[test]
    fn only_the_kiosk_records_a_kiosk_face() {
        use crate::kiosk::{KioskRecordProblem, check_kiosk_event};
        assert_eq!(check_kiosk_event(&answer(3, 2), &Actor::Kiosk), Ok(()));
        assert_eq!(
            check_kiosk_event(
                &answer(3, 2),
                &Actor::Volunteer {
                    name: "Inès".into()
                }
            ),
            Err(KioskRecordProblem::WellbeingNotAtKiosk)
        );
    }
}
