//! The demo estate beside a real campaign: when it leaves the walk list, and why what is recorded
//! at its doors stays practice (the demo campaign) on a linked tablet.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::{RESIDENCE_KEY, territory};
use crate::event::EventBody;
use crate::i18n::Locale;
use crate::ids::CampaignId;
use crate::import::grouping::residence_id;
use crate::territory::{DoorId, ResidenceId, Territory};

/// The résidences a device walks, given the campaign it records in: its territory without the
/// demo estate once the device is linked to a real campaign and holds résidences of its own
/// (imported, or attached to the campaign by the office).
///
/// The decision: the demo estate is there so that the first run shows a real-looking estate and
/// the walk list is never empty; it stays while it is all the device has. Beside real doors its
/// invented addresses would only mislead. It stays in the device's store (practice done there
/// keeps its doors), and comes back if the real résidences ever go.
pub fn walk_list(mut territory: Territory, campaign: &CampaignId) -> Territory {
    let demo = demo_residence();
    let has_real = territory.residences.iter().any(|r| r.id != demo);
    if *campaign != CampaignId::demo() && has_real {
        territory.residences.retain(|r| r.id != demo);
    }
    territory
}

/// The campaign an event is recorded in, given the one the device records in (`enrolled`): the
/// demo campaign for anything done at the demo estate (a visit, a sign-up or a presentation at
/// one of its doors, a presentation in its résidence), `enrolled` otherwise.
///
/// The decision: a tablet linked to a campaign that has no résidence of its own yet still shows
/// the demo estate (see [`walk_list`]), and volunteers practise there. Its doors are invented:
/// recorded under the real campaign, a visit there would reach the team as fieldwork and count in
/// its indicators. Recorded in the demo campaign it is practice, which the device keeps and never
/// sends (`sync::is_practice`), and says so on the device page.
pub fn campaign_for(body: &EventBody, enrolled: CampaignId) -> CampaignId {
    match is_at_demo_estate(body) {
        true => CampaignId::demo(),
        false => enrolled,
    }
}

/// Whether `body` was done at the demo estate: a visit, a sign-up or a presentation at one of
/// its doors, a presentation in its résidence ([`campaign_for`]).
pub fn is_at_demo_estate(body: &EventBody) -> bool {
    match body {
        EventBody::DoorVisited { door, .. } => is_demo_door(door),
        EventBody::ResidentSignedUp { door, .. } => door.as_ref().is_some_and(is_demo_door),
        EventBody::AppPresented {
            door, residence, ..
        } => {
            door.as_ref().is_some_and(is_demo_door)
                || residence.as_ref().is_some_and(|r| *r == demo_residence())
        }
        _ => false,
    }
}

/// Whether `door` is one of the demo estate's 240 doors (their ids are the same on every device).
pub fn is_demo_door(door: &DoorId) -> bool {
    static DOORS: OnceLock<HashSet<DoorId>> = OnceLock::new();
    DOORS
        .get_or_init(|| territory().doors().map(|d| d.id.clone()).collect())
        .contains(door)
}

/// Whether `residence`, in the walk list of a device recording in `campaign`, is the demo estate
/// beside a real campaign: its entry says that what is recorded there is practice
/// ([`campaign_for`]), so nobody takes it for fieldwork.
pub fn is_practice_ground(residence: &ResidenceId, campaign: &CampaignId) -> bool {
    *campaign != CampaignId::demo() && *residence == demo_residence()
}

/// What the practice ground's entry says ([`is_practice_ground`]).
pub fn practice_note(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => {
            "Résidence de démonstration : ce que vous y saisissez est un entraînement, gardé sur \
             cette tablette et jamais envoyé à l'équipe."
        }
        Locale::En => {
            "Demo estate: what you record here is practice, kept on this tablet and never sent \
             to the team."
        }
        Locale::Ar => {
            "إقامة تجريبية: ما تسجّله هنا للتدريب فقط، يبقى على هذا الجهاز ولا يُرسَل أبدًا إلى \
             الفريق."
        }
    }
}

fn demo_residence() -> ResidenceId {
    residence_id(RESIDENCE_KEY)
}

#[cfg(test)]
mod tests {
    use super::super::rpls_sample_csv;
    use super::*;
    use crate::calendar::{LocalDate, PartOfDay};
    use crate::canvass::DoorOutcome;
    use crate::consent::{ConsentAnswer, Purpose};
    use crate::import::preview;
    use crate::signup::ResidentId;

    fn real() -> CampaignId {
        CampaignId::parse("quartier-nord-k7p2").expect("an id")
    }

    fn visit(door: DoorId) -> EventBody {
        EventBody::DoorVisited {
            door,
            outcome: DoorOutcome::Absent,
            note: None,
            wellbeing: None,
            local_date: LocalDate::new(2026, 11, 26).expect("a date"),
            part_of_day: PartOfDay::Morning,
        }
    }

    fn presented(door: Option<DoorId>, residence: Option<ResidenceId>) -> EventBody {
        EventBody::AppPresented {
            door,
            residence,
            local_date: LocalDate::new(2026, 11, 26).expect("a date"),
        }
    }

    fn signed_up(door: Option<DoorId>) -> EventBody {
        EventBody::ResidentSignedUp {
            door,
            resident: ResidentId::from_random([7; 16]),
            first_name: "Samia".into(),
            last_name: None,
            phone: Some("+33612345678".into()),
            email: None,
            language: "fr".into(),
            consents: vec![ConsentAnswer {
                purpose: Purpose::ALL[0],
                granted: true,
            }],
            notice_version: crate::consent::NOTICE_VERSION.into(),
            local_date: LocalDate::new(2026, 11, 26).expect("a date"),
        }
    }

    #[test]
    fn the_demo_estate_leaves_the_walk_list_once_a_real_campaign_brought_residences() {
        let imported = preview(rpls_sample_csv().as_bytes(), None).territory;
        let mut both = territory();
        both.merge_import(imported.clone());
        let names = |t: &Territory| -> Vec<String> {
            t.residences.iter().map(|r| r.name.clone()).collect()
        };
        // Linked to a real campaign with real résidences: only those.
        assert_eq!(names(&walk_list(both.clone(), &real())), names(&imported));
        // Not linked (the demo campaign): the demo stays beside an import, for practice.
        assert_eq!(walk_list(both.clone(), &CampaignId::demo()), both);
        // Linked, but nothing real yet: the demo is all there is, the list is not emptied.
        assert_eq!(walk_list(territory(), &real()), territory());
    }

    #[test]
    fn what_is_done_at_the_demo_estate_is_practice_and_the_rest_goes_to_the_campaign() {
        let demo = territory();
        let demo_door = demo.doors().nth(17).expect("a demo door").id.clone();
        let imported = preview(rpls_sample_csv().as_bytes(), None).territory;
        let real_door = imported
            .doors()
            .next()
            .expect("an imported door")
            .id
            .clone();
        let real_residence = imported.residences[0].id.clone();

        assert_eq!(
            campaign_for(&visit(demo_door.clone()), real()),
            CampaignId::demo()
        );
        assert_eq!(campaign_for(&visit(real_door.clone()), real()), real());
        // A resident's details given at a demo door never leave the tablet as fieldwork.
        assert_eq!(
            campaign_for(&signed_up(Some(demo_door.clone())), real()),
            CampaignId::demo()
        );
        assert_eq!(
            campaign_for(&signed_up(Some(real_door.clone())), real()),
            real()
        );
        assert_eq!(campaign_for(&signed_up(None), real()), real());
        assert_eq!(
            campaign_for(&presented(Some(demo_door.clone()), None), real()),
            CampaignId::demo()
        );
        assert_eq!(
            campaign_for(
                &presented(None, Some(demo.residences[0].id.clone())),
                real()
            ),
            CampaignId::demo()
        );
        assert_eq!(
            campaign_for(&presented(None, Some(real_residence)), real()),
            real()
        );
        // Not at a door at all: the device's campaign.
        let note = EventBody::FieldNoteRecorded { text: "RAS".into() };
        assert_eq!(campaign_for(&note, real()), real());
        // Not linked: everything is in the demo campaign anyway.
        assert_eq!(
            campaign_for(&visit(real_door), CampaignId::demo()),
            CampaignId::demo()
        );
    }

    #[test]
    fn only_the_demo_estate_on_a_linked_tablet_is_said_to_be_practice() {
        let demo = territory().residences[0].id.clone();
        let imported = preview(rpls_sample_csv().as_bytes(), None).territory;
        assert!(is_practice_ground(&demo, &real()));
        assert!(!is_practice_ground(&imported.residences[0].id, &real()));
        // Not linked: everything is practice, nothing needs saying.
        assert!(!is_practice_ground(&demo, &CampaignId::demo()));
        for locale in [Locale::Fr, Locale::En, Locale::Ar] {
            assert!(practice_note(locale).chars().count() > 40);
        }
        assert!(practice_note(Locale::Fr).contains("jamais envoyé"));
    }

    #[test]
    fn every_demo_door_and_no_imported_door_is_a_demo_door() {
        assert!(territory().doors().all(|d| is_demo_door(&d.id)));
        let imported = preview(rpls_sample_csv().as_bytes(), None).territory;
        assert!(imported.door_count() > 0);
        assert!(!imported.doors().any(|d| is_demo_door(&d.id)));
    }
}
