//! The demonstration territory (Résidence Les Tilleuls, Vaulx-en-Velin: three bâtiments, eight
//! entrées, 240 doors) and sample dwelling files for trying the import and for the app's
//! end-to-end tests. Everything here is fixed: the same doors and ids on every device.
//!
//! The addresses are invented; the communes, their codes and the file layouts are real.

use crate::import::grouping::{building_id, door_id, entrance_id, residence_id};
use crate::territory::{Building, Door, Entrance, Floor, Residence, Territory};

mod practice;
pub use practice::{
    campaign_for, is_at_demo_estate, is_demo_door, is_practice_ground, practice_note, walk_list,
};

/// Bâtiments and how many entrées each has.
const BUILDINGS: [(char, u8); 3] = [('A', 3), ('B', 2), ('C', 3)];
/// RDC to 7th floor.
const TOP_FLOOR: Floor = 7;
/// The ground floor keeps two flats (the rest is the hall and the caretaker's lodge).
const DOORS_ON_GROUND_FLOOR: u8 = 2;
const DOORS_PER_FLOOR: u8 = 4;
/// Main rooms by position on the landing: the same plan on every floor.
const ROOMS_BY_POSITION: [u8; 4] = [2, 4, 3, 5];

/// The demo estate's identity, from which every id of its résidence, bâtiments, entrées and
/// doors is derived.
pub(crate) const RESIDENCE_KEY: &str = "demo tilleuls";

pub fn territory() -> Territory {
    let residence_key = RESIDENCE_KEY;
    let buildings = BUILDINGS
        .iter()
        .map(|&(letter, entrances)| building(residence_key, letter, entrances))
        .collect();
    Territory {
        residences: vec![Residence {
            id: residence_id(residence_key),
            name: "Résidence Les Tilleuls".into(),
            address: "12 rue des Tilleuls".into(),
            postcode: "69120".into(),
            commune: "Vaulx-en-Velin".into(),
            commune_code: "69256".into(),
            qpv: Some(true),
            join_link: Some("https://quartier.example/rejoindre/tilleuls".into()),
            buildings,
        }],
    }
}

fn building(residence_key: &str, letter: char, entrances: u8) -> Building {
    let building_key = format!("{residence_key} {letter}");
    Building {
        id: building_id(&building_key),
        name: format!("Bâtiment {letter}"),
        entrances: (1..=entrances)
            .map(|number| entrance(&building_key, letter, number))
            .collect(),
    }
}

fn entrance(building_key: &str, letter: char, number: u8) -> Entrance {
    let entrance_key = format!("{building_key} {number}");
    let access_notes = match (letter, number) {
        ('A', 1) => "Loge du gardien au RDC, ouverte de 9 h à 12 h. Digicode à lui demander.",
        (_, 1) => "Digicode à demander au gardien (loge au RDC du bâtiment A).",
        _ => "",
    };
    let mut doors = Vec::new();
    for floor in 0..=TOP_FLOOR {
        let on_floor = if floor == 0 {
            DOORS_ON_GROUND_FLOOR
        } else {
            DOORS_PER_FLOOR
        };
        for position in 1..=on_floor {
            // "A132": bâtiment A, entrée 1, 3rd floor, 2nd door on the landing.
            let apartment = format!("{letter}{number}{floor}{position}");
            doors.push(Door {
                id: door_id(&["demo", &apartment]),
                floor,
                apartment: Some(apartment.clone()),
                landlord_ref: Some(format!("TIL-{apartment}")),
                rooms: Some(ROOMS_BY_POSITION[usize::from(position - 1)]),
            });
        }
    }
    Entrance {
        id: entrance_id(&entrance_key),
        name: format!("Entrée {number}"),
        access_notes: access_notes.into(),
        doors,
    }
}

/// A recent-style RPLS file (2023+ header, UTF-8 without BOM): 29 dwellings at two addresses of
/// Vaulx-en-Velin, with the usual quirks: "RDC" and "00" for the ground floor, a flat at "-1",
/// a bâtiment without ESC, a QPV code on one address and none on the other, a quoted `;`.
pub fn rpls_sample_csv() -> &'static str {
    include_str!("import/fixtures/rpls_2024_vaulx.csv")
}

/// The same layout with one mistake a line: an unreadable floor, a missing address, a duplicate
/// door, a short line, and unreadable rooms (which keeps its door): 3 doors, 4 lines left out.
pub fn rpls_sample_with_problems_csv() -> &'static str {
    include_str!("import/fixtures/rpls_2024_with_problems.csv")
}

/// An old-style RPLS file (2017–2019 header, ISO-8859-1, CRLF): six dwellings at "3 allée des
/// Érables", Vénissieux.
pub fn rpls_2018_latin1_sample() -> &'static [u8] {
    include_bytes!("import/fixtures/rpls_2018_latin1.csv")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::import::{Encoding, ProblemKind, Separator, preview};

    #[test]
    fn the_demo_has_three_buildings_eight_entrances_and_240_doors() {
        let territory = territory();
        assert_eq!(territory.residences.len(), 1);
        assert_eq!(territory.building_count(), 3);
        assert_eq!(territory.entrance_count(), 8);
        assert_eq!(territory.door_count(), 240);
        let floors: HashSet<Floor> = territory.doors().map(|d| d.floor).collect();
        assert_eq!(floors, (0..=7).collect());
        let residence = &territory.residences[0];
        assert_eq!(residence.commune_code, "69256");
        assert_eq!(residence.qpv, Some(true));
        assert!(residence.join_link.is_some());
    }

    #[test]
    fn the_demo_is_the_same_every_time_and_its_ids_are_unique() {
        assert_eq!(territory(), territory());
        let territory = territory();
        let doors: HashSet<&str> = territory.doors().map(|d| d.id.as_str()).collect();
        assert_eq!(doors.len(), 240);
        let apartments: HashSet<&str> = territory
            .doors()
            .filter_map(|d| d.apartment.as_deref())
            .collect();
        assert_eq!(apartments.len(), 240);
        assert!(apartments.contains("A132"));
        let door = territory.door(&territory.residences[0].buildings[0].entrances[0].doors[0].id);
        assert_eq!(door.and_then(|d| d.apartment.as_deref()), Some("A101"));
    }

    #[test]
    fn the_recent_sample_imports_whole() {
        let preview = preview(rpls_sample_csv().as_bytes(), None);
        assert_eq!(preview.encoding, Encoding::Utf8);
        assert_eq!(preview.separator, Separator::Semicolon);
        assert_eq!(preview.problems, []);
        assert_eq!(preview.file_problems, []);
        assert!(preview.can_import_all());
        let summary = preview.summary;
        assert_eq!(
            (
                summary.residences,
                summary.buildings,
                summary.entrances,
                summary.doors
            ),
            (2, 2, 3, 29)
        );
        assert_eq!((summary.valid_lines, summary.invalid_lines), (29, 0));
        let names: Vec<&str> = preview
            .territory
            .residences
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "8 rue des Lilas, 69120 Vaulx-en-Velin",
                "10 bis rue des Lilas, 69120 Vaulx-en-Velin"
            ]
        );
        let [in_qpv, out_of_qpv] = &preview.territory.residences[..] else {
            panic!("two résidences");
        };
        assert_eq!((in_qpv.qpv, out_of_qpv.qpv), (Some(true), Some(false)));
        let entrances: Vec<&str> = in_qpv.buildings[0]
            .entrances
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(entrances, ["Escalier 1", "Escalier 2"]);
        // Escalier 1 has the flat at -1 first, then RDC ("RDC") and escalier 2 its RDC ("00").
        let first_floors: Vec<Floor> = in_qpv.buildings[0]
            .entrances
            .iter()
            .map(|e| e.doors[0].floor)
            .collect();
        assert_eq!(first_floors, [-1, 0]);
        assert_eq!(out_of_qpv.buildings[0].name, "Bâtiment B");
        assert_eq!(
            out_of_qpv.buildings[0].entrances[0].name,
            "10 bis rue des Lilas"
        );
        assert_eq!(preview.sample_rows.len(), 10);
        assert_eq!(
            preview.sample_rows[0][13],
            "Résidence Les Lilas; accès par le parking"
        );
    }

    #[test]
    fn the_sample_with_problems_names_each_one() {
        let preview = preview(rpls_sample_with_problems_csv().as_bytes(), None);
        let problems: Vec<(usize, ProblemKind)> = preview
            .problems
            .iter()
            .map(|p| (p.line, p.kind.clone()))
            .collect();
        assert_eq!(
            problems,
            [
                (3, ProblemKind::UnreadableFloor { value: "3B".into() }),
                (4, ProblemKind::MissingAddress),
                (5, ProblemKind::DuplicateDoor { first_line: 2 }),
                (
                    6,
                    ProblemKind::WrongFieldCount {
                        expected: 27,
                        found: 24
                    }
                ),
                (7, ProblemKind::UnreadableRooms { value: "NC".into() }),
            ]
        );
        assert_eq!(
            (preview.summary.valid_lines, preview.summary.invalid_lines),
            (3, 4)
        );
        assert_eq!(preview.summary.doors, 3);
        assert!(!preview.can_import_all());
        assert!(preview.can_import_valid_lines());
    }

    #[test]
    fn the_old_latin1_sample_keeps_its_accents() {
        let preview = preview(rpls_2018_latin1_sample(), None);
        assert_eq!(preview.encoding, Encoding::Windows1252);
        assert_eq!(preview.header.len(), 41);
        assert_eq!(preview.problems, []);
        assert!(preview.can_import_all());
        let residence = &preview.territory.residences[0];
        assert_eq!(residence.name, "3 allée des Érables, 69200 Vénissieux");
        assert_eq!(residence.commune_code, "69259");
        assert_eq!(residence.qpv, Some(true));
        let entrance = &residence.buildings[0].entrances[0];
        assert_eq!(entrance.name, "Escalier A");
        let apartments: Vec<&str> = entrance
            .doors
            .iter()
            .filter_map(|d| d.apartment.as_deref())
            .collect();
        assert_eq!(apartments, ["0001", "0002", "0011", "0012", "0021", "0022"]);
    }
}
