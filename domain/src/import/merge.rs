//! Adding an imported file to the territory a campaign already has: the union of both, by id.
//! What the coordinator set since the last import (join links, access notes, names) is kept;
//! the file only adds what was missing, so re-importing the same file changes nothing.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::grouping::sort_naturally;
use crate::territory::{Building, Door, DoorId, Entrance, Residence, Territory};

/// What an import added, for the coordinator's confirmation ("42 new doors").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeSummary {
    pub residences_added: usize,
    pub buildings_added: usize,
    pub entrances_added: usize,
    pub doors_added: usize,
    /// Doors of the file the territory already had.
    pub doors_already_known: usize,
}

impl Territory {
    /// Merges an imported territory into this one. Doors are matched by id across the whole
    /// territory, so a door the landlord moved to another entrance in its file stays where it
    /// was (with its history) instead of appearing twice.
    pub fn merge_import(&mut self, imported: Territory) -> MergeSummary {
        let mut known: HashSet<DoorId> = self
            .residences
            .iter()
            .flat_map(|r| &r.buildings)
            .flat_map(|b| &b.entrances)
            .flat_map(|e| &e.doors)
            .map(|d| d.id.clone())
            .collect();
        let mut summary = MergeSummary::default();
        for mut residence in imported.residences {
            let buildings = std::mem::take(&mut residence.buildings);
            let (index, is_new) = match self.residences.iter().position(|r| r.id == residence.id) {
                Some(index) => {
                    fill_in_residence(&mut self.residences[index], residence);
                    (index, false)
                }
                None => {
                    self.residences.push(residence);
                    (self.residences.len() - 1, true)
                }
            };
            let target = &mut self.residences[index];
            for building in buildings {
                merge_building(&mut target.buildings, building, &mut known, &mut summary);
            }
            if is_new {
                // A résidence whose doors were all known elsewhere brings nothing.
                if target.buildings.is_empty() {
                    self.residences.pop();
                } else {
                    summary.residences_added += 1;
                }
            }
        }
        sort_naturally(self);
        summary
    }
}

/// Facts from the file the résidence lacks; the coordinator's join link is never replaced.
fn fill_in_residence(mine: &mut Residence, theirs: Residence) {
    mine.qpv = mine.qpv.or(theirs.qpv);
    mine.join_link = mine.join_link.take().or(theirs.join_link);
    for (known, given) in [
        (&mut mine.address, theirs.address),
        (&mut mine.postcode, theirs.postcode),
        (&mut mine.commune, theirs.commune),
        (&mut mine.commune_code, theirs.commune_code),
    ] {
        if known.is_empty() {
            *known = given;
        }
    }
}

fn merge_building(
    buildings: &mut Vec<Building>,
    mut building: Building,
    known: &mut HashSet<DoorId>,
    summary: &mut MergeSummary,
) {
    let entrances = std::mem::take(&mut building.entrances);
    let (index, is_new) = match buildings.iter().position(|b| b.id == building.id) {
        Some(index) => (index, false),
        None => {
            buildings.push(building);
            (buildings.len() - 1, true)
        }
    };
    let target = &mut buildings[index];
    for entrance in entrances {
        merge_entrance(&mut target.entrances, entrance, known, summary);
    }
    if is_new {
        if target.entrances.is_empty() {
            buildings.pop();
        } else {
            summary.buildings_added += 1;
        }
    }
}

fn merge_entrance(
    entrances: &mut Vec<Entrance>,
    mut entrance: Entrance,
    known: &mut HashSet<DoorId>,
    summary: &mut MergeSummary,
) {
    let doors = std::mem::take(&mut entrance.doors);
    let (index, is_new) = match entrances.iter().position(|e| e.id == entrance.id) {
        Some(index) => {
            let mine = &mut entrances[index];
            if mine.access_notes.is_empty() {
                mine.access_notes = entrance.access_notes;
            }
            (index, false)
        }
        None => {
            entrances.push(entrance);
            (entrances.len() - 1, true)
        }
    };
    let target = &mut entrances[index];
    for door in doors {
        if known.insert(door.id.clone()) {
            target.doors.push(door);
            summary.doors_added += 1;
        } else {
            summary.doors_already_known += 1;
            if let Some(mine) = target.doors.iter_mut().find(|d| d.id == door.id) {
                fill_in_door(mine, door);
            }
        }
    }
    if is_new {
        if target.doors.is_empty() {
            entrances.pop();
        } else {
            summary.entrances_added += 1;
        }
    }
}

/// What the file knows about a door the territory lacks (rooms, reference…); never overwrites.
fn fill_in_door(mine: &mut Door, theirs: Door) {
    mine.apartment = mine.apartment.take().or(theirs.apartment);
    mine.landlord_ref = mine.landlord_ref.take().or(theirs.landlord_ref);
    mine.rooms = mine.rooms.or(theirs.rooms);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo_territory;
    use crate::import::preview;

    const HEADER: &str =
        "DEPCOM;CODEPOSTAL;LIBCOM;NUMVOIE;TYPVOIE;NOMVOIE;BAT;ESC;ETAGE;NUMAPPT;NBPIECE";

    fn import(lines: &[&str]) -> Territory {
        let text = [&[HEADER][..], lines].concat().join("\n");
        let preview = preview(text.as_bytes(), None);
        assert_eq!(preview.problems, []);
        preview.territory
    }

    const FIRST: [&str; 2] = [
        "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;1;11;3",
        "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;2;21;",
    ];

    #[test]
    fn re_importing_the_same_file_changes_nothing() {
        let mut territory = Territory::default();
        let first = territory.merge_import(import(&FIRST));
        assert_eq!(first.residences_added, 1);
        assert_eq!(first.doors_added, 2);
        let before = territory.clone();
        let again = territory.merge_import(import(&FIRST));
        assert_eq!(
            again,
            MergeSummary {
                doors_already_known: 2,
                ..MergeSummary::default()
            }
        );
        assert_eq!(territory, before);
    }

    #[test]
    fn a_bigger_file_adds_its_new_doors_and_keeps_what_the_coordinator_set() {
        let mut territory = import(&FIRST);
        territory.residences[0].join_link = Some("https://quartier.example/rejoindre/x".into());
        territory.residences[0].buildings[0].entrances[0].access_notes = "Digicode 1234".into();
        let bigger = import(&[
            FIRST[0],
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;2;21;4",
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;3;31;2",
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;2;1;11;3",
            "69256;69120;VAULX;14;RUE;DES TILLEULS;;;0;1;3",
        ]);
        let summary = territory.merge_import(bigger);
        assert_eq!(
            summary,
            MergeSummary {
                residences_added: 1,
                buildings_added: 1,
                entrances_added: 2,
                doors_added: 3,
                doors_already_known: 2,
            }
        );
        assert_eq!(territory.door_count(), 5);
        let residence = &territory.residences[0];
        assert_eq!(
            residence.join_link.as_deref(),
            Some("https://quartier.example/rejoindre/x")
        );
        let entrance = &residence.buildings[0].entrances[0];
        assert_eq!(entrance.access_notes, "Digicode 1234");
        let floors: Vec<i32> = entrance.doors.iter().map(|d| d.floor).collect();
        assert_eq!(floors, [1, 2, 3]);
        // The rooms the first file left empty come from the second one.
        assert_eq!(entrance.doors[1].rooms, Some(4));
    }

    #[test]
    fn a_door_known_in_another_entrance_is_not_added_twice() {
        let with_ref = |line: &str| {
            let text = format!("Réf;Adresse;Entrée;Étage\n{line}\n");
            preview(text.as_bytes(), None).territory
        };
        let mut territory = with_ref("L-1;12 rue des Tilleuls;1;2");
        let moved = with_ref("L-1;12 rue des Tilleuls;2;2");
        assert_ne!(
            territory.residences[0].buildings[0].entrances[0].id,
            moved.residences[0].buildings[0].entrances[0].id
        );
        let summary = territory.merge_import(moved);
        assert_eq!(summary.doors_already_known, 1);
        assert_eq!(summary.entrances_added, 0);
        assert_eq!(territory.door_count(), 1);
        assert_eq!(territory.entrance_count(), 1);
    }

    #[test]
    fn the_demo_merged_into_itself_stays_the_same() {
        let mut territory = demo_territory::territory();
        let summary = territory.merge_import(demo_territory::territory());
        assert_eq!(summary.doors_already_known, 240);
        assert_eq!(summary.doors_added, 0);
        assert_eq!(territory, demo_territory::territory());
    }

    #[test]
    fn a_file_merged_into_the_demo_is_added_beside_it() {
        let mut territory = demo_territory::territory();
        let sample = preview(demo_territory::rpls_sample_csv().as_bytes(), None).territory;
        let summary = territory.merge_import(sample);
        assert_eq!(summary.residences_added, 2);
        assert_eq!(summary.doors_added, 29);
        assert_eq!(territory.door_count(), 269);
        let tilleuls = territory
            .residences
            .iter()
            .find(|r| r.name == "Résidence Les Tilleuls");
        assert!(tilleuls.is_some_and(|r| r.join_link.is_some()));
    }
}
