//! A small estate and a dozen-odd events whose indicators are worked out by hand in `tests`, and
//! a generator of large logs for the benchmark. Test-only.

use crate::calendar::{LocalDate, PartOfDay};
use crate::canvass::{DoorOutcome, Wellbeing};
use crate::clock::Hlc;
use crate::consent::{ConsentAnswer, Purpose};
use crate::event::{Actor, EventBody, EventEnvelope};
use crate::ids::{CampaignId, DeviceId, EventId};
use crate::signup::ResidentId;
use crate::territory::{
    Building, BuildingId, Door, DoorId, Entrance, EntranceId, Residence, ResidenceId, Territory,
};

pub const INES: &str = "Inès";
pub const KARIM: &str = "Karim";

pub fn nov(day: u8) -> LocalDate {
    LocalDate::new(2026, 11, day).unwrap()
}

pub fn dec(day: u8) -> LocalDate {
    LocalDate::new(2026, 12, day).unwrap()
}

fn door(id: &str, floor: i32) -> Door {
    Door {
        id: DoorId(id.into()),
        floor,
        apartment: Some(id.rsplit('-').next().unwrap_or(id).into()),
        landlord_ref: Some(format!("REF-{id}")),
        rooms: Some(3),
    }
}

fn entrance(id: &str, name: &str, doors: &[&str]) -> Entrance {
    Entrance {
        id: EntranceId(id.into()),
        name: name.into(),
        access_notes: String::new(),
        doors: doors
            .iter()
            .enumerate()
            .map(|(i, d)| door(d, i as i32))
            .collect(),
    }
}

fn residence(id: &str, name: &str, buildings: Vec<Building>) -> Residence {
    Residence {
        id: ResidenceId(id.into()),
        name: name.into(),
        address: format!("1 rue de {name}"),
        postcode: "69120".into(),
        commune: "Vaulx-en-Velin".into(),
        commune_code: "69256".into(),
        qpv: Some(true),
        join_link: None,
        buildings,
    }
}

/// Les Tilleuls: bâtiment A (entrée A1, 4 doors; entrée A2, 2 doors) and bâtiment B (entrée B1,
/// 3 doors). Le Parc: bâtiment C (entrée C1, 3 doors). Twelve doors.
pub fn estate() -> Territory {
    Territory {
        residences: vec![
            residence(
                "tilleuls",
                "Les Tilleuls",
                vec![
                    Building {
                        id: BuildingId("bat-a".into()),
                        name: "Bâtiment A".into(),
                        entrances: vec![
                            entrance("a1", "Entrée 1", &["a1-1", "a1-2", "a1-3", "a1-4"]),
                            entrance("a2", "Entrée 2", &["a2-1", "a2-2"]),
                        ],
                    },
                    Building {
                        id: BuildingId("bat-b".into()),
                        name: "Bâtiment B".into(),
                        entrances: vec![entrance("b1", "Entrée 1", &["b1-1", "b1-2", "b1-3"])],
                    },
                ],
            ),
            residence(
                "parc",
                "Le Parc",
                vec![Building {
                    id: BuildingId("bat-c".into()),
                    name: "Bâtiment C".into(),
                    entrances: vec![entrance("c1", "Entrée 1", &["c1-1", "c1-2", "c1-3"])],
                }],
            ),
        ],
    }
}

/// An event recorded by `who` at `wall_ms` on a device of their own, in campaign "demo".
pub fn event(wall_ms: u64, who: &str, body: EventBody) -> EventEnvelope {
    let device_byte = who.bytes().fold(7u8, |a, b| a.wrapping_add(b));
    let device = DeviceId::from_random([device_byte; 16]);
    let mut random = [0u8; 10];
    random[..8].copy_from_slice(&wall_ms.to_be_bytes());
    random[9] = device_byte;
    EventEnvelope {
        id: EventId::new_v7(wall_ms, random),
        device: device.clone(),
        seq: wall_ms,
        hlc: Hlc {
            wall_ms,
            counter: 0,
            device,
        },
        actor: Actor::Volunteer { name: who.into() },
        campaign: CampaignId::demo(),
        schema: 1,
        body,
    }
}

pub fn visit(door: &str, outcome: DoorOutcome, on: LocalDate, face: Option<u8>) -> EventBody {
    EventBody::DoorVisited {
        door: DoorId(door.into()),
        outcome,
        note: None,
        wellbeing: face.and_then(Wellbeing::new),
        local_date: on,
        part_of_day: PartOfDay::Afternoon,
    }
}

/// A sign-up answering yes to `yes` only.
pub fn signed_up(
    door: Option<&str>,
    resident: u8,
    first_name: &str,
    yes: Purpose,
    on: LocalDate,
) -> EventBody {
    EventBody::ResidentSignedUp {
        door: door.map(|d| DoorId(d.into())),
        resident: ResidentId::from_random([resident; 16]),
        first_name: first_name.into(),
        last_name: None,
        phone: Some(format!("+3361234567{resident}")),
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
        local_date: on,
    }
}

pub fn presented(door: Option<&str>, residence: Option<&str>, on: LocalDate) -> EventBody {
    EventBody::AppPresented {
        door: door.map(|d| DoorId(d.into())),
        residence: residence.map(|r| ResidenceId(r.into())),
        local_date: on,
    }
}

/// The hand-worked log, in recording order. Numbers in comments are the wall times.
pub fn log() -> Vec<EventEnvelope> {
    use DoorOutcome::*;
    let come_back = |on| ComeBack { on, part: None };
    let mut events = vec![
        // A1: a1-1 absent three times (Monday 23 to Wednesday 25).
        event(1, INES, visit("a1-1", Absent, nov(23), None)),
        event(2, INES, visit("a1-1", Absent, nov(24), None)),
        event(3, INES, visit("a1-1", Absent, nov(25), None)),
        // a1-2 refused (face 2); a1-3 signed up (face 5), with its sign-up and a presentation.
        event(4, INES, visit("a1-2", Refused, nov(23), Some(2))),
        event(5, INES, visit("a1-3", SignedUp, nov(23), Some(5))),
        event(
            6,
            INES,
            signed_up(Some("a1-3"), 6, "Awa", Purpose::AppContact, nov(23)),
        ),
        event(7, INES, presented(Some("a1-3"), None, nov(23))),
        // Karim: a1-4 to come back on Thursday 26 (face 4), a2-1 interested (face 4) and only
        // wants a partner (not a sign-up), a2-2 out of reach.
        event(
            8,
            KARIM,
            visit("a1-4", come_back(nov(26)), nov(24), Some(4)),
        ),
        event(9, KARIM, visit("a2-1", Interested, nov(24), Some(4))),
        event(
            10,
            KARIM,
            signed_up(Some("a2-1"), 10, "Bilal", Purpose::PartnerReferral, nov(24)),
        ),
        event(11, KARIM, visit("a2-2", Inaccessible, nov(24), None)),
        // The next week: B1 (b1-1 do not disturb, b1-2 absent), C1 (Inès).
        event(
            12,
            KARIM,
            visit(
                "b1-1",
                DoNotDisturb {
                    reason: "Mme Lefèvre ne souhaite pas de visite".into(),
                },
                nov(30),
                None,
            ),
        ),
        event(13, KARIM, visit("b1-2", Absent, nov(30), None)),
        event(14, INES, visit("c1-1", come_back(dec(3)), nov(30), Some(3))),
        event(15, INES, visit("c1-2", SignedUp, dec(1), Some(5))),
        event(
            16,
            INES,
            signed_up(Some("c1-2"), 16, "Chloé", Purpose::ResidenceGroup, dec(1)),
        ),
        // Met in the hall, no door; then the app presented to Le Parc as a whole.
        event(
            17,
            INES,
            signed_up(None, 17, "Dounia", Purpose::AppContact, dec(1)),
        ),
        event(18, INES, presented(None, Some("parc"), dec(1))),
        // A door the territory does not know.
        event(19, KARIM, visit("ailleurs", Refused, nov(30), None)),
        event(21, KARIM, visit("b1-2", Absent, dec(1), None)),
    ];
    // Another campaign's visit: never counted here.
    let mut other = event(20, KARIM, visit("a1-2", SignedUp, nov(30), None));
    other.campaign = CampaignId::parse("autre").unwrap();
    events.push(other);
    // The refusal received twice.
    events.push(events[3].clone());
    events
}

/// The coordinator looks on Wednesday 2 December.
pub fn today() -> LocalDate {
    dec(2)
}

/// A territory of `residences` × 5 bâtiments × 4 entrées × 10 floors × 6 doors.
pub fn big_estate(residences: usize) -> Territory {
    let doors =
        |e: &str| -> Vec<String> { (0..60).map(|d| format!("{e}-{d}")).collect::<Vec<_>>() };
    Territory {
        residences: (0..residences)
            .map(|r| {
                residence(
                    &format!("r{r}"),
                    &format!("Résidence {r}"),
                    (0..5)
                        .map(|b| Building {
                            id: BuildingId(format!("r{r}-b{b}")),
                            name: format!("Bâtiment {b}"),
                            entrances: (0..4)
                                .map(|e| {
                                    let id = format!("r{r}-b{b}-e{e}");
                                    let ids = doors(&id);
                                    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                                    entrance(&id, &format!("Entrée {e}"), &refs)
                                })
                                .collect(),
                        })
                        .collect(),
                )
            })
            .collect(),
    }
}

/// `count` events over `territory`, in clock order: mostly visits, some sign-ups and
/// presentations, over three months, by four volunteers. Deterministic (a small LCG).
pub fn big_log(territory: &Territory, count: usize) -> Vec<EventEnvelope> {
    let doors: Vec<&Door> = territory.doors().collect();
    let names = ["Inès", "Karim", "Lucie", "Moussa"];
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let start = nov(2);
    (0..count)
        .map(|i| {
            let door = doors[next() % doors.len()].id.as_str();
            let on = start.plus_days((i * 90 / count) as i64);
            let body = match next() % 20 {
                0 => signed_up(Some(door), 1, "Awa", Purpose::AppContact, on),
                1 => presented(Some(door), None, on),
                roll => {
                    let outcome = match roll % 6 {
                        0 | 1 => DoorOutcome::Absent,
                        2 => DoorOutcome::Refused,
                        3 => DoorOutcome::Interested,
                        4 => DoorOutcome::SignedUp,
                        _ => DoorOutcome::ComeBack {
                            on: on.plus_days(2),
                            part: None,
                        },
                    };
                    let face = (roll % 3 == 0).then_some((roll % 5) as u8 + 1);
                    visit(door, outcome, on, face)
                }
            };
            event(1_000 + i as u64, names[next() % names.len()], body)
        })
        .collect()
}
