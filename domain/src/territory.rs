//! The territory a campaign covers, in the words of the field: résidence → bâtiment → entrée (cage
//! d'escalier) → étage → porte. Ids are derived from what identifies a door in the landlord's files
//! (address, entrée, floor, apartment number, or the landlord's own reference), so that importing
//! the same file twice lands on the same doors instead of duplicating them.

use serde::{Deserialize, Serialize};

macro_rules! text_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_id!(
    /// A résidence (groupe, programme): stable across imports of the same landlord file.
    ResidenceId
);
text_id!(
    /// A bâtiment within its résidence.
    BuildingId
);
text_id!(
    /// An entrée / cage d'escalier within its bâtiment: the unit a volunteer walks.
    EntranceId
);
text_id!(
    /// A porte / logement.
    DoorId
);

/// Floors as the French count them: RDC = 0, upper floors 1, 2…, basements -1, -2…
pub type Floor = i32;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Residence {
    pub id: ResidenceId,
    pub name: String,
    /// Street address as people write it ("12 rue des Tilleuls").
    pub address: String,
    pub postcode: String,
    pub commune: String,
    /// INSEE commune code: a string ("2A004", "01053"), never a number.
    pub commune_code: String,
    /// In a quartier prioritaire de la politique de la ville; `None` when the file does not say.
    pub qpv: Option<bool>,
    /// The neighbourhood app's join link for this résidence, set by the coordinator.
    pub join_link: Option<String>,
    pub buildings: Vec<Building>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Building {
    pub id: BuildingId,
    /// "Bâtiment A", or the address when the file names no building.
    pub name: String,
    pub entrances: Vec<Entrance>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entrance {
    pub id: EntranceId,
    /// "Entrée 2", "Escalier B", or the street address of the door.
    pub name: String,
    /// Digicode hints, caretaker's hours…: what a volunteer needs to get in.
    pub access_notes: String,
    pub doors: Vec<Door>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Door {
    pub id: DoorId,
    pub floor: Floor,
    /// The apartment number as written on the door or in the file ("12", "B21"), if known.
    pub apartment: Option<String>,
    /// The landlord's own dwelling reference, when the file has one.
    pub landlord_ref: Option<String>,
    /// Main rooms (NBPIECE), when known.
    pub rooms: Option<u8>,
}

/// Everything a campaign covers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Territory {
    pub residences: Vec<Residence>,
}

impl Territory {
    pub fn building_count(&self) -> usize {
        self.residences.iter().map(|r| r.buildings.len()).sum()
    }

    pub fn entrance_count(&self) -> usize {
        self.entrances().count()
    }

    pub fn door_count(&self) -> usize {
        self.residences.iter().map(Residence::door_count).sum()
    }

    pub fn entrances(&self) -> impl Iterator<Item = &Entrance> {
        self.residences
            .iter()
            .flat_map(|r| &r.buildings)
            .flat_map(|b| &b.entrances)
    }

    pub fn doors(&self) -> impl Iterator<Item = &Door> {
        self.entrances().flat_map(|e| &e.doors)
    }

    pub fn entrance(&self, id: &EntranceId) -> Option<&Entrance> {
        self.entrances().find(|e| &e.id == id)
    }

    pub fn door(&self, id: &DoorId) -> Option<&Door> {
        self.doors().find(|d| &d.id == id)
    }

    /// Every entrée with the bâtiment and résidence it stands in.
    pub fn places(&self) -> impl Iterator<Item = Place<'_>> {
        self.residences.iter().flat_map(|residence| {
            residence.buildings.iter().flat_map(move |building| {
                building.entrances.iter().map(move |entrance| Place {
                    residence,
                    building,
                    entrance,
                })
            })
        })
    }

    /// Where an entrée is: what a screen about it needs for its title and its way back.
    pub fn place_of_entrance(&self, id: &EntranceId) -> Option<Place<'_>> {
        self.places().find(|p| &p.entrance.id == id)
    }

    /// Where a door is, and the door itself.
    pub fn place_of_door(&self, id: &DoorId) -> Option<(Place<'_>, &Door)> {
        self.places().find_map(|p| {
            p.entrance
                .doors
                .iter()
                .find(|d| &d.id == id)
                .map(|d| (p, d))
        })
    }
}

/// An entrée in its bâtiment and résidence.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub residence: &'a Residence,
    pub building: &'a Building,
    pub entrance: &'a Entrance,
}

impl Residence {
    pub fn door_count(&self) -> usize {
        self.buildings
            .iter()
            .flat_map(|b| &b.entrances)
            .map(|e| e.doors.len())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_find_an_entrance_and_a_door_with_their_building_and_residence() {
        let territory = crate::demo_territory::territory();
        let door = territory.doors().nth(37).expect("a door").clone();
        let (place, found) = territory.place_of_door(&door.id).expect("found");
        assert_eq!(found, &door);
        assert!(place.entrance.doors.contains(&door));
        assert!(
            place
                .building
                .entrances
                .iter()
                .any(|e| e.id == place.entrance.id)
        );
        assert!(
            place
                .residence
                .buildings
                .iter()
                .any(|b| b.id == place.building.id)
        );
        let again = territory
            .place_of_entrance(&place.entrance.id)
            .expect("entrance");
        assert_eq!(again.entrance.id, place.entrance.id);
        assert!(
            territory
                .place_of_door(&DoorId("door-none".into()))
                .is_none()
        );
        assert_eq!(territory.places().count(), territory.entrance_count());
    }
}
