//! Grouping the doors of a file into résidences → bâtiments → entrées → portes, with ids derived
//! from what identifies each of them, so that the same file always gives the same ids and a
//! re-import lands on the doors already known.
//!
//! Identities, all in normalised form ([`key`]), under the commune (its INSEE code, else postcode
//! and name):
//! - résidence: the groupe / programme name when the file has one, else the street address;
//! - bâtiment: BAT (else IMMEU) within the résidence, else the street address;
//! - entrée: the street address, ENTREE and ESC within the bâtiment;
//! - porte: the landlord's reference when the file has one; else address, bâtiment, entrée,
//!   escalier, floor and apartment number; and when there is no apartment number either, the
//!   door's rank among the doors of that floor in file order (the public RPLS file has no
//!   apartment numbers, and its doors would otherwise all be duplicates of each other).

use std::cmp::Ordering;
use std::collections::HashMap;

use super::door_line::DoorLine;
use super::problem::{LineProblem, ProblemKind};
use super::words::{key, natural_cmp};
use crate::territory::{
    Building, BuildingId, Door, DoorId, Entrance, EntranceId, Residence, ResidenceId, Territory,
};

/// Separates the parts of an identity, so that ("ab", "c") and ("a", "bc") differ. No key
/// contains it: [`key`] keeps letters, digits and spaces only.
const PART: &str = "\u{1f}";

/// `prefix-` and the FNV-1a 64 hash of the parts, in 16 hex digits. FNV is tiny, has no
/// dependency and is stable across versions and targets; 64 bits make a collision between the
/// doors of one campaign (a few thousand) vanishingly unlikely.
pub(crate) fn hashed_id(prefix: &str, parts: &[&str]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for (i, part) in parts.iter().enumerate() {
        let separator = if i == 0 { "" } else { PART };
        for byte in separator.bytes().chain(part.bytes()) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
        }
    }
    format!("{prefix}-{hash:016x}")
}

pub(crate) fn residence_id(identity: &str) -> ResidenceId {
    ResidenceId(hashed_id("res", &[identity]))
}

pub(crate) fn building_id(identity: &str) -> BuildingId {
    BuildingId(hashed_id("bat", &[identity]))
}

pub(crate) fn entrance_id(identity: &str) -> EntranceId {
    EntranceId(hashed_id("ent", &[identity]))
}

pub(crate) fn door_id(identity: &[&str]) -> DoorId {
    DoorId(hashed_id("door", identity))
}

/// Builds the territory line by line; duplicates are reported, not added.
#[derive(Default)]
pub(crate) struct Grouping {
    territory: Territory,
    residences: HashMap<String, usize>,
    buildings: HashMap<String, (usize, usize)>,
    entrances: HashMap<String, (usize, usize, usize)>,
    /// Each door's first line, to name it when the door comes again.
    doors: HashMap<DoorId, usize>,
    /// Doors without apartment number nor reference seen so far on each floor of each entrance.
    unnumbered: HashMap<String, u32>,
}

impl Grouping {
    /// Adds the door on `line`; returns false (and says why) when the door is already there.
    pub fn add(&mut self, line: DoorLine, problems: &mut Vec<LineProblem>) -> bool {
        let commune = if line.commune_code.is_empty() {
            format!("{} {}", line.postcode, key(&line.commune))
        } else {
            line.commune_code.clone()
        };
        let address = key(&line.address);
        let building = line.building.as_deref().map(key);
        let entrance = line.entrance.as_deref().map(key).unwrap_or_default();
        let staircase = line.staircase.as_deref().map(key).unwrap_or_default();

        let door_id = self.identify_door(
            &line,
            &commune,
            &address,
            building.as_deref(),
            &entrance,
            &staircase,
        );
        if let Some(&first_line) = self.doors.get(&door_id) {
            problems.push(LineProblem {
                line: line.line,
                kind: ProblemKind::DuplicateDoor { first_line },
            });
            return false;
        }
        self.doors.insert(door_id.clone(), line.line);

        let residence_key = match &line.residence_name {
            Some(name) => [commune.as_str(), "groupe", &key(name)].join(PART),
            None => [commune.as_str(), "adresse", &address].join(PART),
        };
        let building_key = match &building {
            Some(building) => [residence_key.as_str(), "bat", building].join(PART),
            None => [residence_key.as_str(), "adresse", &address].join(PART),
        };
        let entrance_key = [building_key.as_str(), &address, &entrance, &staircase].join(PART);

        let r = self.residence(&residence_key, &line);
        let b = self.building(&building_key, r, &line);
        let e = self.entrance(&entrance_key, r, b, &line);
        self.territory.residences[r].buildings[b].entrances[e]
            .doors
            .push(Door {
                id: door_id,
                floor: line.floor,
                apartment: line.apartment,
                landlord_ref: line.landlord_ref,
                rooms: line.rooms,
            });
        true
    }

    fn identify_door(
        &mut self,
        line: &DoorLine,
        commune: &str,
        address: &str,
        building: Option<&str>,
        entrance: &str,
        staircase: &str,
    ) -> DoorId {
        if let Some(reference) = &line.landlord_ref {
            return door_id(&["ref", &key(reference)]);
        }
        let floor = line.floor.to_string();
        let spot = [
            commune,
            address,
            building.unwrap_or(""),
            entrance,
            staircase,
            &floor,
        ];
        let number = match &line.apartment {
            Some(apartment) => key(apartment),
            None => {
                let rank = self.unnumbered.entry(spot.join(PART)).or_insert(0);
                *rank += 1;
                format!("#{rank}")
            }
        };
        door_id(&[&spot[..], &[number.as_str()]].concat())
    }

    fn residence(&mut self, residence_key: &str, line: &DoorLine) -> usize {
        let residences = &mut self.territory.residences;
        let index = *self
            .residences
            .entry(residence_key.to_owned())
            .or_insert_with(|| {
                let place = format!("{} {}", line.postcode, line.commune);
                let name = match &line.residence_name {
                    Some(name) => name.clone(),
                    None if place.trim().is_empty() => line.address.clone(),
                    None => format!("{}, {}", line.address, place.trim()),
                };
                residences.push(Residence {
                    id: residence_id(residence_key),
                    name,
                    address: line.address.clone(),
                    postcode: line.postcode.clone(),
                    commune: line.commune.clone(),
                    commune_code: line.commune_code.clone(),
                    qpv: None,
                    join_link: None,
                    buildings: Vec::new(),
                });
                residences.len() - 1
            });
        let residence = &mut residences[index];
        residence.qpv = either_qpv(residence.qpv, line.qpv);
        for (known, given) in [
            (&mut residence.postcode, &line.postcode),
            (&mut residence.commune, &line.commune),
            (&mut residence.commune_code, &line.commune_code),
        ] {
            if known.is_empty() && !given.is_empty() {
                known.clone_from(given);
            }
        }
        index
    }

    fn building(&mut self, building_key: &str, r: usize, line: &DoorLine) -> usize {
        let buildings = &mut self.territory.residences[r].buildings;
        self.buildings
            .entry(building_key.to_owned())
            .or_insert_with(|| {
                buildings.push(Building {
                    id: building_id(building_key),
                    name: line
                        .building
                        .clone()
                        .unwrap_or_else(|| line.address.clone()),
                    entrances: Vec::new(),
                });
                (r, buildings.len() - 1)
            })
            .1
    }

    fn entrance(&mut self, entrance_key: &str, r: usize, b: usize, line: &DoorLine) -> usize {
        let entrances = &mut self.territory.residences[r].buildings[b].entrances;
        self.entrances
            .entry(entrance_key.to_owned())
            .or_insert_with(|| {
                entrances.push(Entrance {
                    id: entrance_id(entrance_key),
                    name: line.entrance_name().unwrap_or_else(|| line.address.clone()),
                    access_notes: String::new(),
                    doors: Vec::new(),
                });
                (r, b, entrances.len() - 1)
            })
            .2
    }

    /// Whether some doors were told apart only by their order in the file: then re-importing a
    /// re-sorted file would swap their ids, and the coordinator must be told.
    pub fn counted_doors_in_file_order(&self) -> bool {
        self.unnumbered.values().any(|&rank| rank > 1)
    }

    pub fn finish(self) -> Territory {
        let mut territory = self.territory;
        sort_naturally(&mut territory);
        territory
    }
}

/// In a priority neighbourhood if any line says so; out if a line says so and none says in.
pub(crate) fn either_qpv(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), _) | (_, Some(false)) => Some(false),
        (None, None) => None,
    }
}

/// Names in natural order ("Bâtiment A" < "Bâtiment B", "2 rue" < "10 rue"); doors by floor, then
/// apartment number ("2" < "10"), doors without a number last, in file order.
pub(crate) fn sort_naturally(territory: &mut Territory) {
    let by_name =
        |a: &str, b: &str, id_a: &str, id_b: &str| natural_cmp(a, b).then_with(|| id_a.cmp(id_b));
    territory
        .residences
        .sort_by(|a, b| by_name(&a.name, &b.name, a.id.as_str(), b.id.as_str()));
    for residence in &mut territory.residences {
        residence
            .buildings
            .sort_by(|a, b| by_name(&a.name, &b.name, a.id.as_str(), b.id.as_str()));
        for building in &mut residence.buildings {
            building
                .entrances
                .sort_by(|a, b| by_name(&a.name, &b.name, a.id.as_str(), b.id.as_str()));
            for entrance in &mut building.entrances {
                entrance.doors.sort_by(door_order);
            }
        }
    }
}

fn door_order(a: &Door, b: &Door) -> Ordering {
    a.floor
        .cmp(&b.floor)
        .then_with(|| match (&a.apartment, &b.apartment) {
            (Some(x), Some(y)) => natural_cmp(x, y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_fnv_1a_64_in_sixteen_hex_digits() {
        // The reference FNV-1a 64 value of "a".
        assert_eq!(hashed_id("door", &["a"]), "door-af63dc4c8601ec8c");
        assert_eq!(hashed_id("door", &[""]), "door-cbf29ce484222325");
        assert_ne!(hashed_id("x", &["ab", "c"]), hashed_id("x", &["a", "bc"]));
    }

    #[test]
    fn qpv_in_wins_over_out_and_out_over_unknown() {
        assert_eq!(either_qpv(Some(false), Some(true)), Some(true));
        assert_eq!(either_qpv(None, Some(false)), Some(false));
        assert_eq!(either_qpv(None, None), None);
    }

    #[test]
    fn doors_sort_by_floor_then_apartment_naturally() {
        let door = |floor, apartment: Option<&str>| Door {
            id: DoorId(format!("{floor}{apartment:?}")),
            floor,
            apartment: apartment.map(str::to_owned),
            landlord_ref: None,
            rooms: None,
        };
        let mut doors = [
            door(1, Some("10")),
            door(1, None),
            door(0, Some("3")),
            door(1, Some("2")),
            door(-1, None),
        ];
        doors.sort_by(door_order);
        let order: Vec<(i32, Option<&str>)> = doors
            .iter()
            .map(|d| (d.floor, d.apartment.as_deref()))
            .collect();
        assert_eq!(
            order,
            [
                (-1, None),
                (0, Some("3")),
                (1, Some("2")),
                (1, Some("10")),
                (1, None)
            ]
        );
    }
}
