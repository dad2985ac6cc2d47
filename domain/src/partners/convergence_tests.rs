//! Every delivery order of the same events, concurrent edits included, gives every device the
//! same directory, contact log and referrals: the property sync relies on.

use proptest::prelude::*;

use super::flow_tests::mixed_log;
use super::tests::{NOW, device, record};
use super::*;
use crate::event::{EventBody, EventEnvelope, Recorder};
use crate::territory::ResidenceId;

/// One value for each field from a small pool, so that concurrent writes collide.
fn field_write(field: PartnerField, pick: usize) -> PartnerFields {
    let name = ["Centre social Nord", "CS Nord", "Centre social du Nord"];
    let phone = ["+33465710001", "+33465710002", ""];
    let text = ["Lundi : 9 h – 12 h", "Fermé le mardi\nOuvert le samedi", ""];
    let themes = [
        vec![Theme::Numerique],
        vec![Theme::Emploi, Theme::Jeunesse],
        vec![],
    ];
    let people = [
        vec![ContactPerson {
            name: "Samira Benali".into(),
            ..ContactPerson::default()
        }],
        vec![],
        vec![ContactPerson {
            name: "Julien Moreau".into(),
            role: "Animateur".into(),
            phone: "+33465710003".into(),
            email: "j.moreau@example.org".into(),
        }],
    ];
    let i = pick % 3;
    let mut fields = PartnerFields::default();
    match field {
        PartnerField::Name => fields.name = Some(name[i].into()),
        PartnerField::Kind => fields.kind = Some(PartnerKind::ALL[i]),
        PartnerField::Themes => fields.themes = Some(themes[i].iter().copied().collect()),
        PartnerField::Address => fields.address = Some(["1 rue A", "2 rue B", ""][i].into()),
        PartnerField::Phone => fields.phone = Some(phone[i].into()),
        PartnerField::Email => {
            fields.email = Some(["a@example.org", "", "b@example.org"][i].into())
        }
        PartnerField::Website => fields.website = Some(["https://a.example.org", ""][i % 2].into()),
        PartnerField::Hours => fields.hours = Some(text[i].into()),
        PartnerField::Contacts => fields.contacts = Some(people[i].clone()),
        PartnerField::Residences => {
            fields.residences = Some(
                [ResidenceId(["res-a", "res-b", "res-c"][i].into())]
                    .into_iter()
                    .take(i)
                    .collect(),
            )
        }
        PartnerField::Description => fields.description = Some(text[(i + 1) % 3].into()),
        PartnerField::Archived => fields.archived = Some(i == 0),
    }
    fields
}

/// An edit of one to three fields of one of two partners, by one of three devices, at one of a
/// few times (so that wall times tie and the counter and device id decide).
fn edits() -> impl Strategy<Value = Vec<EventEnvelope>> {
    let edit = (
        0..3u8,
        0..2u8,
        0..4u64,
        prop::collection::vec((0..12usize, 0..3usize), 1..4),
    );
    prop::collection::vec(edit, 1..30).prop_map(|edits| {
        let mut recorders: Vec<Recorder> = (1..=3).map(|n| Recorder::new(device(n))).collect();
        edits
            .into_iter()
            .map(|(dev, partner, time, writes)| {
                let mut fields = PartnerFields::default();
                for (field, pick) in writes {
                    let one = field_write(PartnerField::ALL[field], pick);
                    fields = merge_fields(fields, one);
                }
                let body = EventBody::PartnerEdited(PartnerEdit {
                    partner: PartnerId::from_random([partner + 1; 16]),
                    fields,
                });
                let event = record(&mut recorders[usize::from(dev)], NOW + time, body);
                assert_eq!(event.validate(), Ok(()));
                event
            })
            .collect()
    })
}

/// `later`'s fields over `earlier`'s.
fn merge_fields(earlier: PartnerFields, later: PartnerFields) -> PartnerFields {
    let mut a = serde_json::to_value(earlier).unwrap();
    let b = serde_json::to_value(later).unwrap();
    a.as_object_mut()
        .unwrap()
        .extend(b.as_object().unwrap().clone());
    serde_json::from_value(a).unwrap()
}

/// The same events, shuffled, some of them delivered twice.
fn deliveries() -> impl Strategy<Value = (Vec<EventEnvelope>, Vec<EventEnvelope>)> {
    edits().prop_flat_map(|events| {
        let n = events.len();
        (
            Just(events.clone()),
            Just(events).prop_shuffle(),
            prop::collection::vec(0..n, 0..5),
        )
            .prop_map(|(events, mut shuffled, again)| {
                for i in again {
                    let copy = shuffled[i].clone();
                    shuffled.push(copy);
                }
                (events, shuffled)
            })
    })
}

proptest! {
    #[test]
    fn every_delivery_order_gives_the_same_directory((events, delivered) in deliveries()) {
        let a = Directory::from_events(&events);
        let b = Directory::from_events(&delivered);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.all_partners(), b.all_partners());
    }

    #[test]
    fn each_field_holds_the_write_with_the_greatest_clock(events in edits()) {
        let directory = Directory::from_events(&events);
        for partner in directory.all_partners() {
            for field in PartnerField::ALL {
                let last = events
                    .iter()
                    .filter_map(|e| match &e.body {
                        EventBody::PartnerEdited(edit)
                            if edit.partner == partner.id
                                && edit.fields.set_fields().contains(&field) =>
                        {
                            Some((e, edit))
                        }
                        _ => None,
                    })
                    .max_by(|a, b| a.0.hlc.cmp(&b.0.hlc));
                let expected = match last {
                    Some((event, edit)) => {
                        let change = directory.last_change(&partner.id, field).unwrap();
                        prop_assert_eq!(&change.at, &event.hlc);
                        prop_assert!(change.fields.contains(&field));
                        Partner::empty(partner.id.clone()).with(edit.fields.clone())
                    }
                    None => Partner::empty(partner.id.clone()),
                };
                let value = |p: &Partner| serde_json::to_value(p.all_fields()).unwrap()
                    [field.wire_name()].clone();
                prop_assert_eq!(value(&partner), value(&expected), "{:?}", field);
            }
            // The history lists each edit once, newest first.
            let changes = directory.changes(&partner.id);
            prop_assert!(changes.windows(2).all(|w| w[0].at > w[1].at));
        }
    }

    #[test]
    fn replicas_that_saw_halves_agree_once_they_exchange(
        (events, delivered) in deliveries(),
        cut in 0..30usize,
    ) {
        let cut = cut.min(delivered.len());
        let (first, second) = delivered.split_at(cut);
        let mut here = Directory::from_events(first);
        let mut there = Directory::from_events(second);
        for event in second {
            here.apply(event);
        }
        for event in first {
            there.apply(event);
        }
        prop_assert_eq!(&here, &there);
        prop_assert_eq!(here, Directory::from_events(&events));
    }

    #[test]
    fn contacts_and_referrals_do_not_depend_on_the_order_either(
        shuffled in Just(mixed_log()).prop_shuffle(),
    ) {
        prop_assert_eq!(Partners::from_events(&shuffled), Partners::from_events(&mixed_log()));
    }
}
