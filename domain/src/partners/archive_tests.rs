//! Archiving a partner that closed or stopped working with the landlord: an edit of the
//! `archived` field merged like any other field, hidden from search and referrals unless asked,
//! and the history says who took it out and who put it back.

use super::tests::{NOW, device, volunteer};
use super::*;
use crate::calendar::LocalDate;
use crate::event::{Actor, EventBody, EventEnvelope, Recorder};
use crate::ids::CampaignId;
use crate::signup::ResidentId;

fn edit(recorder: &mut Recorder, now: u64, by: Actor, edit: PartnerEdit) -> EventEnvelope {
    let mut random = [0u8; 10];
    random[..8].copy_from_slice(&recorder.next_seq.to_be_bytes());
    random[8] = recorder.device.as_str().as_bytes()[0];
    recorder.record(
        now,
        random,
        by,
        CampaignId::demo(),
        EventBody::PartnerEdited(edit),
    )
}

#[test]
fn an_archiving_merges_with_a_concurrent_edit_and_says_who_did_it() {
    let panier = demo::directory()[2].clone();
    let mut events = demo::events();
    let mut karim = Recorder::new(device(1));
    let mut ines = Recorder::new(device(2));
    // Offline at the same time: Karim archives, Inès corrects the phone number.
    let archived = edit(
        &mut karim,
        NOW,
        volunteer("Karim"),
        PartnerEdit::archive(panier.id.clone(), true),
    );
    let phone = edit(
        &mut ines,
        NOW + 1,
        volunteer("Inès"),
        PartnerEdit {
            partner: panier.id.clone(),
            fields: PartnerFields {
                phone: Some("+33465719999".into()),
                ..PartnerFields::default()
            },
        },
    );
    events.push(archived.clone());
    events.push(phone.clone());
    let one_way = Directory::from_events(&events);
    events.reverse();
    assert_eq!(Directory::from_events(&events), one_way, "any order");

    let merged = one_way.partner(&panier.id).unwrap();
    assert!(merged.archived);
    assert_eq!(merged.phone, "+33465719999", "neither edit is lost");
    assert!(one_way.partners().iter().all(|p| p.id != panier.id));
    assert!(one_way.all_partners().iter().any(|p| p.id == panier.id));

    let by = one_way
        .last_change(&panier.id, PartnerField::Archived)
        .unwrap();
    assert_eq!(by.by, volunteer("Karim"));
    assert_eq!(by.archived, Some(true));
    let history = one_way.changes(&panier.id);
    assert_eq!(history[0].by, volunteer("Inès"));
    assert_eq!(
        history[0].archived, None,
        "a phone change is not an archiving"
    );
    assert_eq!(history[1].event, archived.id);
}

#[test]
fn a_restored_partner_is_back_in_search_and_referrals() {
    let panier = demo::directory()[2].clone();
    let mut events = demo::events();
    let mut karim = Recorder::new(device(1));
    events.push(edit(
        &mut karim,
        NOW,
        volunteer("Karim"),
        PartnerEdit::archive(panier.id.clone(), true),
    ));
    let resident = ResidentId::from_random([7; 16]);
    let day = LocalDate::new(2026, 11, 25).unwrap();
    let referral = ReferralId::from_random([8; 16]);

    let search = |events: &[EventEnvelope], filter: &Filter| {
        let directory = Directory::from_events(events);
        let index = SearchIndex::new(directory.all_partners());
        index
            .search("panier", filter)
            .iter()
            .map(|h| (h.partner.id.clone(), h.partner.archived))
            .collect::<Vec<_>>()
    };
    let shown = Filter::default();
    let with_archived = Filter {
        include_archived: true,
        ..Filter::default()
    };
    assert_eq!(search(&events, &shown), []);
    assert_eq!(search(&events, &with_archived), [(panier.id.clone(), true)]);
    let archived = Directory::from_events(&events).partner(&panier.id).unwrap();
    assert_eq!(
        propose(
            referral.clone(),
            &resident,
            Some(true),
            &archived,
            Theme::Alimentation,
            day
        ),
        Err(ReferralProblem::PartnerArchived)
    );

    events.push(edit(
        &mut karim,
        NOW + 60_000,
        Actor::Coordinator {
            name: "Mme Roux".into(),
        },
        PartnerEdit::archive(panier.id.clone(), false),
    ));
    assert_eq!(search(&events, &shown), [(panier.id.clone(), false)]);
    let directory = Directory::from_events(&events);
    let restored = directory.partner(&panier.id).unwrap();
    assert!(
        propose(
            referral,
            &resident,
            Some(true),
            &restored,
            Theme::Alimentation,
            day
        )
        .is_ok()
    );
    let last = directory
        .last_change(&panier.id, PartnerField::Archived)
        .unwrap();
    assert_eq!(last.archived, Some(false));
    assert!(matches!(&last.by, Actor::Coordinator { name } if name == "Mme Roux"));
}
