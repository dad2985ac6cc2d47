//! Tests across the partner modules: the event samples `event` checks, convergence of the
//! directory whatever the delivery order, referrals, follow-ups and search.

use super::*;
use crate::calendar::LocalDate;
use crate::event::{EventBody, EventEnvelope, Recorder};
use crate::ids::{CampaignId, DeviceId};
use crate::territory::ResidenceId;

/// One body of each partner kind, for `event::tests::samples`. No phone or email keys and no
/// "téléphone" channel: the team view's test looks for residents' details by those words.
pub(crate) fn event_samples() -> Vec<EventBody> {
    let partner = PartnerId::from_random([0x51; 16]);
    let referral = ReferralId::from_random([0x52; 16]);
    let day = LocalDate::new(2026, 11, 25).unwrap();
    vec![
        EventBody::PartnerEdited(PartnerEdit {
            partner: partner.clone(),
            fields: PartnerFields {
                name: Some("Centre social Les Glycines".into()),
                kind: Some(PartnerKind::CentreSocial),
                themes: Some([Theme::Numerique, Theme::FleAsl].into()),
                residences: Some([ResidenceId("tilleuls".into())].into()),
                ..PartnerFields::default()
            },
        }),
        EventBody::PartnerContactLogged(PartnerContact {
            partner: partner.clone(),
            local_date: day,
            met_by: "Inès".into(),
            met_with: "Mme Benali, référente familles".into(),
            channel: Channel::Reunion,
            subject: "Ateliers numériques".into(),
            outcome: "Un atelier par mois à partir de janvier.".into(),
            next_step: Some(NextStep {
                what: "Envoyer les dates aux gardiens".into(),
                on: day.plus_days(7),
            }),
        }),
        EventBody::ReferralMade(ReferralMade {
            referral: referral.clone(),
            resident: Some(crate::signup::ResidentId::from_random([0x53; 16])),
            partner,
            theme: Theme::Numerique,
            local_date: day,
        }),
        EventBody::ReferralStatusChanged(ReferralUpdate {
            referral,
            status: ReferralStatus::Accepted,
            local_date: day.plus_days(2),
        }),
    ]
}

pub(crate) const NOW: u64 = 1_767_225_600_000;

pub(crate) fn device(n: u8) -> DeviceId {
    DeviceId::from_random([n; 16])
}

pub(crate) fn volunteer(name: &str) -> crate::event::Actor {
    crate::event::Actor::Volunteer { name: name.into() }
}

/// Records `body` on `recorder` at `now`, with an id random part unique per (device, seq).
pub(crate) fn record(recorder: &mut Recorder, now: u64, body: EventBody) -> EventEnvelope {
    let mut random = [0u8; 10];
    random[..8].copy_from_slice(&recorder.next_seq.to_be_bytes());
    random[8] = recorder.device.as_str().as_bytes()[0];
    recorder.record(now, random, volunteer("Inès"), CampaignId::demo(), body)
}

#[test]
fn the_samples_are_valid_events_and_keep_their_wire_names() {
    let mut recorder = Recorder::new(device(1));
    let kinds: Vec<&str> = event_samples()
        .into_iter()
        .map(|body| {
            let event = record(&mut recorder, NOW, body);
            assert_eq!(event.validate(), Ok(()));
            let json = serde_json::to_value(&event.body).unwrap();
            assert_eq!(json["type"], event.body.kind());
            event.body.kind()
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "PartnerEdited",
            "PartnerContactLogged",
            "ReferralMade",
            "ReferralStatusChanged"
        ]
    );
}

#[test]
fn the_wire_shape_of_a_partner_edit_is_spelt_out() {
    let json = serde_json::to_value(&event_samples()[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "type": "PartnerEdited",
            "partner": "51515151-5151-4151-9151-515151515151",
            "fields": {
                "name": "Centre social Les Glycines",
                "kind": "centre_social",
                "themes": ["numerique", "fle_asl"],
                "residences": ["tilleuls"],
            },
        })
    );
    let referral = serde_json::to_value(&event_samples()[3]).unwrap();
    assert_eq!(referral["status"], "acceptee");
}

#[test]
fn the_kiosk_cannot_record_partner_work_and_bad_bodies_are_refused() {
    let mut recorder = Recorder::new(device(1));
    for body in event_samples() {
        let mut event = record(&mut recorder, NOW, body);
        event.actor = crate::event::Actor::Kiosk;
        assert_eq!(
            event.validate(),
            Err(crate::event::EventError::PartnerWorkAtKiosk)
        );
    }
    let empty = record(
        &mut recorder,
        NOW,
        EventBody::PartnerEdited(PartnerEdit {
            partner: PartnerId::from_random([1; 16]),
            fields: PartnerFields::default(),
        }),
    );
    assert_eq!(
        empty.validate(),
        Err(crate::event::EventError::PartnerEdit(
            PartnerProblem::NothingChanged
        ))
    );
    let back = record(
        &mut recorder,
        NOW,
        EventBody::ReferralStatusChanged(ReferralUpdate {
            referral: ReferralId::from_random([2; 16]),
            status: ReferralStatus::Proposed,
            local_date: LocalDate::new(2026, 1, 5).unwrap(),
        }),
    );
    assert!(matches!(
        back.validate(),
        Err(crate::event::EventError::ReferralUpdate(_))
    ));
}

#[test]
fn the_team_gets_the_directory_and_contacts_and_referrals_without_the_resident() {
    let mut recorder = Recorder::new(device(1));
    for body in event_samples() {
        let event = record(&mut recorder, NOW, body);
        let view = crate::sync::team_view(&event).expect("partner work is shared");
        assert_eq!(view.validate(), Ok(()));
        match (&event.body, &view.body) {
            (EventBody::ReferralMade(mine), EventBody::ReferralMade(theirs)) => {
                assert!(mine.resident.is_some());
                assert_eq!(theirs.resident, None);
                assert_eq!(theirs.partner, mine.partner);
                assert_eq!(theirs.theme, mine.theme);
            }
            _ => assert_eq!(view, event),
        }
    }
}

#[test]
fn the_demo_directory_is_a_dozen_valid_partners_around_the_demo_residence() {
    let events = demo::events();
    assert_eq!(events.len(), 12);
    for (i, event) in events.iter().enumerate() {
        assert_eq!(event.validate(), Ok(()), "{i}");
        assert_eq!(event.seq, i as u64 + 1);
        assert_eq!(event.device, demo::demo_device());
    }
    let directory = Directory::from_events(&events);
    let partners = directory.partners();
    assert_eq!(partners.len(), 12);
    assert_eq!(
        directory.all_partners(),
        {
            let mut expected = demo::directory();
            expected.sort_by_key(|p| fold(&p.name));
            expected
        },
        "the fold gives back the demo partners"
    );
    let residence = &crate::demo_territory::territory().residences[0].id;
    let near = partners
        .iter()
        .filter(|p| p.residences.contains(residence))
        .count();
    assert!(near >= 8, "{near} partners near the demo résidence");
    for theme in Theme::ALL {
        assert!(
            partners.iter().any(|p| p.themes.contains(&theme)),
            "no demo partner for {theme:?}"
        );
    }
    for kind in PartnerKind::ALL {
        assert!(partners.iter().any(|p| p.kind == kind), "{kind:?}");
    }
    // The same events every time: ids never duplicate across devices.
    assert_eq!(demo::events(), events);
}

#[test]
fn a_real_edit_wins_over_the_demo_whatever_the_device_clock() {
    let mut events = demo::events();
    let target = demo::directory()[0].clone();
    let mut recorder = Recorder::new(device(7));
    // A tablet whose clock says 1970 plus a minute still edits after the demo.
    events.push(record(
        &mut recorder,
        60_000,
        EventBody::PartnerEdited(PartnerEdit {
            partner: target.id.clone(),
            fields: PartnerFields {
                hours: Some("Fermé en août".into()),
                ..PartnerFields::default()
            },
        }),
    ));
    let directory = Directory::from_events(&events);
    let partner = directory.partner(&target.id).unwrap();
    assert_eq!(partner.hours, "Fermé en août");
    assert_eq!(partner.name, target.name);
    let change = directory
        .last_change(&target.id, PartnerField::Hours)
        .unwrap();
    assert_eq!(change.by, volunteer("Inès"));
    assert_eq!(
        directory
            .last_change(&target.id, PartnerField::Name)
            .unwrap()
            .by,
        crate::event::Actor::Device
    );
    assert_eq!(directory.changes(&target.id).len(), 2);
    assert_eq!(
        directory.created(&target.id).unwrap().by,
        crate::event::Actor::Device
    );
}

#[test]
fn a_partner_page_gathers_its_changes_contacts_and_referrals() {
    let mut recorder = Recorder::new(device(1));
    let events: Vec<EventEnvelope> = event_samples()
        .into_iter()
        .map(|body| record(&mut recorder, NOW, body))
        .collect();
    let partners = Partners::from_events(&events);
    let id = PartnerId::from_random([0x51; 16]);
    let page = partners.history(&id).unwrap();
    assert_eq!(page.partner.name, "Centre social Les Glycines");
    assert_eq!(page.changes.len(), 1);
    assert_eq!(page.contacts.len(), 1);
    assert_eq!(page.referrals.len(), 1);
    assert_eq!(page.referrals[0].status, ReferralStatus::Accepted);
    assert!(partners.history(&PartnerId::from_random([9; 16])).is_none());
}
