//! Erasure and retention on hand-made logs: what goes, what stays, in any order, any number of
//! times.

use super::erasure::{ErasedField, ErasureProblem, ErasureReason, Erasures, ResidentErased};
use super::retention::{RetentionSummary, add_months, due_for_purge, months_from_days};
use super::*;
use crate::calendar::{LocalDate, PartOfDay};
use crate::canvass::DoorOutcome;
use crate::canvass::status::door_states;
use crate::consent::{ConsentAnswer, NOTICE_VERSION, Purpose};
use crate::event::{Actor, EventBody, EventEnvelope, Recorder};
use crate::i18n::Locale;
use crate::ids::{CampaignId, DeviceId};
use crate::indicators::log::DistinctLog;
use crate::partners::{PartnerId, ReferralId, ReferralMade, ReferralStatus, ReferralUpdate, Theme};
use crate::signup::ResidentId;
use crate::sync::team_json;
use crate::territory::DoorId;

const NOW: u64 = 1_764_000_000_000;

fn date(y: i32, m: u8, d: u8) -> LocalDate {
    LocalDate::new(y, m, d).unwrap()
}

fn awa() -> ResidentId {
    ResidentId::from_random([0xa1; 16])
}

fn bob() -> ResidentId {
    ResidentId::from_random([0xb0; 16])
}

fn door(n: u8) -> DoorId {
    DoorId(format!("tilleuls-a-1-0-{n}"))
}

fn sign_up(resident: ResidentId, name: &str, phone: &str, at: DoorId, on: LocalDate) -> EventBody {
    EventBody::ResidentSignedUp {
        door: Some(at),
        resident,
        first_name: name.into(),
        last_name: Some("Diallo".into()),
        phone: Some(phone.into()),
        email: Some(format!("{}@exemple.fr", name.to_lowercase())),
        language: "wo".into(),
        consents: Purpose::ALL
            .into_iter()
            .map(|purpose| ConsentAnswer {
                purpose,
                granted: true,
            })
            .collect(),
        notice_version: NOTICE_VERSION.into(),
        local_date: on,
    }
}

fn visit(at: DoorId, outcome: DoorOutcome, note: Option<&str>, on: LocalDate) -> EventBody {
    EventBody::DoorVisited {
        door: at,
        outcome,
        note: note.map(Into::into),
        wellbeing: None,
        local_date: on,
        part_of_day: PartOfDay::Evening,
    }
}

fn referral(n: u8, resident: ResidentId, on: LocalDate) -> EventBody {
    EventBody::ReferralMade(ReferralMade {
        referral: ReferralId::from_random([n; 16]),
        resident: Some(resident),
        partner: PartnerId::from_random([0x51; 16]),
        theme: Theme::Numerique,
        local_date: on,
    })
}

fn erasure(resident: ResidentId, fields: &[ErasedField]) -> EventBody {
    EventBody::ResidentErased(ResidentErased {
        resident,
        fields: fields.to_vec(),
        reason: ErasureReason::ResidentRequest,
        requested_on: date(2026, 12, 1),
        reference: "DPO-2026-014".into(),
        callbacks: Vec::new(),
    })
}

/// Each body recorded by its own device (volunteers' tablets and the server), in this order.
fn log(bodies: Vec<EventBody>) -> Vec<EventEnvelope> {
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let mut recorder = Recorder::new(DeviceId::from_random([i as u8 + 1; 16]));
            let actor = Actor::Volunteer {
                name: "Inès".into(),
            };
            recorder.record(
                NOW + i as u64 * 1000,
                [i as u8; 10],
                actor,
                CampaignId::demo(),
                body,
            )
        })
        .collect()
}

/// Awa at door 1 and Bob at door 2: their sign-ups, visits with notes, a referral each, and a
/// "do not disturb" at Awa's door.
fn campaign() -> Vec<EventBody> {
    let day = date(2026, 11, 20);
    vec![
        sign_up(awa(), "Awa", "+33612345678", door(1), day),
        visit(
            door(1),
            DoorOutcome::SignedUp,
            Some("Awa Diallo, aide pour les papiers"),
            day,
        ),
        sign_up(bob(), "Bob", "+33699887766", door(2), day),
        visit(
            door(2),
            DoorOutcome::SignedUp,
            Some("Bob veut le groupe"),
            day,
        ),
        referral(1, awa(), day),
        referral(2, bob(), day),
        visit(
            door(1),
            DoorOutcome::DoNotDisturb {
                reason: "Ne souhaite plus de visite.".into(),
            },
            Some("Awa fatiguée"),
            day.plus_days(2),
        ),
    ]
}

fn text_of(events: &[EventEnvelope]) -> String {
    serde_json::to_string(events).unwrap()
}

#[test]
fn an_erasure_blanks_every_named_field_everywhere_and_nothing_of_others() {
    let mut bodies = campaign();
    bodies.push(erasure(awa(), &ErasedField::ALL));
    let mut events = log(bodies);
    let before = text_of(&events);
    assert!(before.contains("Awa") && before.contains("612345678"));
    let changed = apply_erasures(&mut events);
    // Her sign-up, the two notes at her door, her referral.
    assert_eq!(changed, vec![0, 1, 4, 6]);
    let after = text_of(&events);
    for personal in ["Awa", "awa@", "612345678"] {
        assert!(!after.contains(personal), "{personal} left in {after}");
    }
    let EventBody::ResidentSignedUp {
        last_name,
        language,
        ..
    } = &events[0].body
    else {
        unreachable!()
    };
    assert_eq!((last_name, language.as_str()), (&None, ""));
    let awa_id = format!("\"resident\":\"{}\"", awa());
    // Her id stays on the sign-up (the proof) and the erasure, never on a referral.
    assert_eq!(after.matches(&awa_id).count(), 2, "{after}");
    for kept in [
        "Bob",
        "+33699887766",
        "bob@exemple.fr",
        "Bob veut le groupe",
    ] {
        assert!(after.contains(kept), "{kept} should stay");
    }
    // The "do not disturb" reason stays, so it goes on being respected.
    assert!(after.contains("Ne souhaite plus de visite."));
    for event in &events {
        assert_eq!(event.validate(), Ok(()), "{:?}", event.body);
    }
    assert!(is_erased_sign_up(&events[0].body));
    assert!(!is_erased_sign_up(&events[2].body));
}

#[test]
fn counts_outcomes_and_the_consent_proof_stay() {
    let mut bodies = campaign();
    bodies.push(erasure(awa(), &ErasedField::ALL));
    let original = log(bodies);
    let mut events = original.clone();
    apply_erasures(&mut events);
    assert_eq!(events.len(), original.len());
    for (a, b) in original.iter().zip(&events) {
        assert_eq!(
            (&a.id, &a.hlc, a.seq, a.body.kind()),
            (&b.id, &b.hlc, b.seq, b.body.kind())
        );
        // What the team's devices hold is the same: no stored team view needs rewriting.
        assert_eq!(team_json(a), team_json(b));
    }
    assert_eq!(door_states(&original), door_states(&events));
    let distinct = DistinctLog::new(&events);
    let register = crate::export::register::ConsentRegister::new(&distinct, &CampaignId::demo());
    let entry = register
        .current(&awa())
        .expect("the erased sign-up stays in the register");
    assert_eq!(entry.answer(Purpose::AppContact), Some(true));
    assert_eq!(entry.notice_version, NOTICE_VERSION);
    assert_eq!(entry.first_name, "");
    // Nobody finds her by name any more; Bob still is.
    assert!(register.find("awa").is_empty());
    assert!(register.find("0612345678").is_empty());
    assert_eq!(register.find("bob"), vec![&bob()]);
}

#[test]
fn erasing_twice_changes_nothing_the_second_time() {
    let mut bodies = campaign();
    bodies.push(erasure(awa(), &ErasedField::ALL));
    bodies.push(erasure(awa(), &ErasedField::ALL));
    let mut events = log(bodies);
    assert!(!apply_erasures(&mut events).is_empty());
    let once = events.clone();
    assert_eq!(apply_erasures(&mut events), Vec::<usize>::new());
    assert_eq!(events, once);
}

#[test]
fn an_erasure_arriving_before_the_sign_up_gives_the_same_log() {
    let mut bodies = campaign();
    bodies.push(erasure(awa(), &ErasedField::ALL));
    let events = log(bodies);
    let mut in_order = events.clone();
    apply_erasures(&mut in_order);
    // Every rotation: the erasure first, between, last.
    for start in 0..events.len() {
        let mut rotated: Vec<EventEnvelope> = events[start..]
            .iter()
            .chain(&events[..start])
            .cloned()
            .collect();
        apply_erasures(&mut rotated);
        rotated.sort_by(|a, b| a.hlc.cmp(&b.hlc));
        assert_eq!(rotated, in_order, "starting at {start}");
    }
    // A store that blanked what it held, then receives the sign-up later, blanks it then.
    let mut device = vec![events.last().unwrap().clone()];
    assert!(apply_erasures(&mut device).is_empty());
    device.push(events[0].clone());
    assert_eq!(apply_erasures(&mut device), vec![1]);
    assert_eq!(device[1], in_order[0]);
}

#[test]
fn only_the_named_kinds_of_record_lose_their_details() {
    let mut bodies = campaign();
    bodies.push(erasure(awa(), &[ErasedField::ReferralLink]));
    let mut events = log(bodies);
    assert_eq!(apply_erasures(&mut events), vec![4]);
    let erasures = Erasures::from_events(&events);
    assert_eq!(
        erasures
            .of(&awa())
            .map(|f| f.iter().copied().collect::<Vec<_>>()),
        Some(vec![ErasedField::ReferralLink])
    );
    assert_eq!(erasures.of(&bob()), None);
    assert!(text_of(&events).contains("Awa Diallo, aide"));
}

#[test]
fn an_erasure_carries_no_personal_data_and_says_so_when_refused() {
    let good = super::erasure::sample();
    assert_eq!(good.check(), Ok(()));
    let with = |change: &dyn Fn(&mut ResidentErased)| {
        let mut e = good.clone();
        change(&mut e);
        e.check()
    };
    assert_eq!(with(&|e| e.fields.clear()), Err(ErasureProblem::Fields));
    assert_eq!(
        with(&|e| e.fields = vec![ErasedField::Details, ErasedField::Details]),
        Err(ErasureProblem::Fields)
    );
    for bad in [
        "",
        " DPO-1",
        "Mme Dupont-Éloi",
        "0612345678",
        "awa@exemple.fr",
        &"x".repeat(41),
    ] {
        assert_eq!(
            with(&|e| e.reference = bad.into()),
            Err(ErasureProblem::Reference),
            "{bad:?}"
        );
    }
    assert_eq!(with(&|e| e.reference = "2026/12 #14".into()), Ok(()));
    let json = serde_json::to_value(EventBody::ResidentErased(good.clone())).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "type": "ResidentErased",
            "resident": good.resident.as_str(),
            "fields": ["details", "door_notes", "referral_link"],
            "reason": "resident_request",
            "requested_on": "2026-12-01",
            "reference": "DPO-2026-014",
        })
    );
    for locale in [Locale::Fr, Locale::En, Locale::Ar] {
        assert!(!ErasureProblem::Reference.text(locale).is_empty());
        for word in super::words::Word::ALL {
            assert!(!word.text(locale).trim().is_empty(), "{word:?}");
        }
    }
    for word in super::words::Word::ALL {
        let ar = word.text(Locale::Ar);
        assert!(crate::i18n::details_isolated(ar), "{word:?}: {ar}");
    }
}

#[test]
fn retention_counts_from_the_last_contact_to_the_day() {
    let signed = date(2023, 1, 31);
    let bodies = vec![
        sign_up(awa(), "Awa", "+33612345678", door(1), signed),
        sign_up(bob(), "Bob", "+33699887766", door(2), signed),
        // A later visit at Bob's door is a later contact with him.
        visit(door(2), DoorOutcome::Absent, None, date(2023, 6, 10)),
        // A visit elsewhere is nobody's contact.
        visit(door(3), DoorOutcome::Absent, None, date(2025, 6, 10)),
    ];
    let events = log(bodies);
    let due = |today| due_for_purge(&events, 36, today);
    // 31/01/2023 + 36 months = 31/01/2026: the day before, nobody; that day, Awa.
    assert_eq!(due(date(2026, 1, 30)), vec![]);
    let on_the_day = due(date(2026, 1, 31));
    assert_eq!(on_the_day.len(), 1);
    assert_eq!(on_the_day[0].resident, awa());
    assert_eq!(on_the_day[0].last_contact, signed);
    assert_eq!(due(date(2026, 6, 9)).len(), 1);
    let both = due(date(2026, 6, 10));
    assert_eq!(
        both.iter().map(|d| &d.resident).collect::<Vec<_>>(),
        [&awa(), &bob()]
    );
    let summary = RetentionSummary::of(&both);
    assert_eq!(
        summary.text(Locale::Fr),
        "2 résidents : coordonnées effacées, plus ancien contact le 31/01/2023."
    );
    assert_eq!(
        RetentionSummary::of(&[]).text(Locale::En),
        "No details to erase: no contact is past the retention period."
    );
    // Carrying out the purge records erasures; the next run finds nobody left.
    let mut after = events.clone();
    let mut recorder = Recorder::new(DeviceId::from_random([0xee; 16]));
    for d in &both {
        after.push(recorder.record(
            NOW + 60_000,
            [9; 10],
            Actor::Device,
            CampaignId::demo(),
            EventBody::ResidentErased(d.erasure(date(2026, 6, 10))),
        ));
    }
    assert_eq!(apply_erasures(&mut after), vec![0, 1]);
    assert_eq!(due_for_purge(&after, 36, date(2030, 1, 1)), vec![]);
    assert!(!text_of(&after).contains("Awa"));
}

#[test]
fn a_referral_and_its_progress_are_contacts_too() {
    let bodies = vec![
        sign_up(awa(), "Awa", "+33612345678", door(1), date(2023, 1, 10)),
        referral(1, awa(), date(2023, 3, 1)),
        EventBody::ReferralStatusChanged(ReferralUpdate {
            referral: ReferralId::from_random([1; 16]),
            status: ReferralStatus::Done,
            local_date: date(2024, 2, 29),
        }),
    ];
    let events = log(bodies);
    assert_eq!(due_for_purge(&events, 12, date(2025, 2, 27)), vec![]);
    let due = due_for_purge(&events, 12, date(2025, 2, 28));
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].last_contact, date(2024, 2, 29));
}

#[test]
fn months_and_days_of_the_retention_period() {
    assert_eq!(months_from_days(1095), 36);
    assert_eq!(months_from_days(365), 12);
    assert_eq!(months_from_days(0), 0);
    assert_eq!(DEFAULT_RETENTION_MONTHS, 36);
    assert_eq!(add_months(date(2023, 1, 31), 1), date(2023, 2, 28));
    assert_eq!(add_months(date(2024, 2, 29), 12), date(2025, 2, 28));
    assert_eq!(add_months(date(2023, 11, 15), 2), date(2024, 1, 15));
    assert_eq!(add_months(date(2023, 1, 31), 36), date(2026, 1, 31));
}

#[test]
fn an_erased_name_is_shown_as_such() {
    use super::words::shown_name;
    assert_eq!(shown_name("Awa", Some("Diallo"), Locale::Fr), "Awa Diallo");
    assert_eq!(shown_name("Awa", None, Locale::Fr), "Awa");
    assert_eq!(
        shown_name("", None, Locale::Fr),
        "effacé à la demande du résident"
    );
    assert_eq!(shown_name("", None, Locale::Ar), "مُحي بطلب من الساكن");
}
