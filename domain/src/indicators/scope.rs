//! What the coordinator looks at: the filter (période, résidence, bâtiment, entrée, volunteer)
//! and an index of the territory that answers "is this door in it?" in one hash lookup, so that
//! a pass over 100,000 events never walks the territory tree.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use crate::calendar::LocalDate;
use crate::event::{Actor, EventEnvelope};
use crate::ids::CampaignId;
use crate::territory::{
    Building, BuildingId, Door, DoorId, Entrance, EntranceId, Residence, ResidenceId, Territory,
};

/// The indicators screen's filter. Every part is optional; the place parts narrow each other
/// (a bâtiment of another résidence than the one chosen gives an empty scope, not an error).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// First day included (the device's local date of the event).
    pub from: Option<LocalDate>,
    /// Last day included.
    pub to: Option<LocalDate>,
    pub residence: Option<ResidenceId>,
    pub building: Option<BuildingId>,
    pub entrance: Option<EntranceId>,
    /// A volunteer's name as recorded in `Actor::Volunteer`: only what they recorded.
    pub volunteer: Option<String>,
}

impl Filter {
    pub fn in_period(&self, date: LocalDate) -> bool {
        self.from.is_none_or(|from| date >= from) && self.to.is_none_or(|to| date <= to)
    }

    /// An event with no date (a kind that carries none) is in the period only when no period is
    /// set: it cannot be placed in one.
    pub fn in_period_if_dated(&self, date: Option<LocalDate>) -> bool {
        match date {
            Some(date) => self.in_period(date),
            None => self.from.is_none() && self.to.is_none(),
        }
    }

    pub fn by_actor(&self, actor: &Actor) -> bool {
        match (&self.volunteer, actor) {
            (None, _) => true,
            (Some(wanted), Actor::Volunteer { name }) => name == wanted,
            (Some(_), _) => false,
        }
    }

    /// Whether any place is chosen: then events that name no place are left out.
    pub fn has_place(&self) -> bool {
        self.residence.is_some() || self.building.is_some() || self.entrance.is_some()
    }

    fn takes(&self, residence: &Residence, building: &Building, entrance: &Entrance) -> bool {
        self.residence.as_ref().is_none_or(|id| *id == residence.id)
            && self.building.as_ref().is_none_or(|id| *id == building.id)
            && self.entrance.as_ref().is_none_or(|id| *id == entrance.id)
    }
}

/// The volunteers who recorded something in `campaign`, by name, sorted: the filter's list.
pub fn volunteers<'a>(events: &'a [EventEnvelope], campaign: &CampaignId) -> Vec<&'a str> {
    let names: BTreeSet<&str> = events
        .iter()
        .filter(|e| e.campaign == *campaign)
        .filter_map(|e| match &e.actor {
            Actor::Volunteer { name } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    names.into_iter().collect()
}

/// What a computation is asked: which campaign, what filter, and the two numbers the screen lets
/// the coordinator choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub campaign: CampaignId,
    pub filter: Filter,
    /// "Absent after N attempts": doors still absent after at least this many tries.
    pub absent_attempts: u32,
    /// The coordinator's local date: "à revoir" doors whose day is past are overdue.
    pub today: LocalDate,
}

/// Where a door of the territory stands, as positions in the territory's vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub residence: usize,
    pub building: usize,
    pub entrance: usize,
    pub door: usize,
    /// Position among all the territory's doors, for per-door flags kept in a flat vector.
    pub flat: usize,
    /// Whether the filter's places take this door.
    pub in_scope: bool,
}

/// The territory, indexed by door id, with the filter's places resolved once.
pub struct Places<'a> {
    territory: &'a Territory,
    /// The filter it was built for: its places decide what [`Places::whereabouts`] says.
    filter: Filter,
    by_door: HashMap<&'a str, Spot, BuildHasherDefault<DoorHasher>>,
    /// Residences the filter takes (for events that name a résidence but no door).
    residences_in_scope: Vec<&'a ResidenceId>,
    /// Whether the filter names a bâtiment or an entrée: then a résidence alone is too coarse.
    finer_than_residence: bool,
}

/// How an event's place relates to the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whereabouts {
    /// At a door of the territory that the filter takes.
    Door(Spot),
    /// In scope without a door (a résidence the filter takes, or no place when none is chosen).
    InScope,
    OutOfScope,
    /// At a door the territory does not know (a territory re-imported since, a forged event).
    UnknownDoor,
}

impl<'a> Places<'a> {
    pub fn new(territory: &'a Territory, filter: &Filter) -> Places<'a> {
        let mut by_door =
            HashMap::with_capacity_and_hasher(territory.door_count(), Default::default());
        let mut residences_in_scope = Vec::new();
        let mut flat = 0;
        for (r, residence) in territory.residences.iter().enumerate() {
            if filter
                .residence
                .as_ref()
                .is_none_or(|id| *id == residence.id)
            {
                residences_in_scope.push(&residence.id);
            }
            for (b, building) in residence.buildings.iter().enumerate() {
                for (e, entrance) in building.entrances.iter().enumerate() {
                    let in_scope = filter.takes(residence, building, entrance);
                    for (d, door) in entrance.doors.iter().enumerate() {
                        let spot = Spot {
                            residence: r,
                            building: b,
                            entrance: e,
                            door: d,
                            flat,
                            in_scope,
                        };
                        // The first door wins if an id repeats: the territory's own lookups
                        // (`Territory::door`) find that one too.
                        by_door.entry(door.id.as_str()).or_insert(spot);
                        flat += 1;
                    }
                }
            }
        }
        Places {
            territory,
            filter: filter.clone(),
            by_door,
            residences_in_scope,
            finer_than_residence: filter.building.is_some() || filter.entrance.is_some(),
        }
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn territory(&self) -> &'a Territory {
        self.territory
    }

    /// How many doors the flat positions run over.
    pub fn door_slots(&self) -> usize {
        self.territory.door_count()
    }

    pub fn spot(&self, door: &DoorId) -> Option<Spot> {
        self.by_door.get(door.as_str()).copied()
    }

    /// The résidence, bâtiment, entrée and door at a spot.
    pub fn at(&self, spot: Spot) -> (&'a Residence, &'a Building, &'a Entrance, &'a Door) {
        let residence = &self.territory.residences[spot.residence];
        let building = &residence.buildings[spot.building];
        let entrance = &building.entrances[spot.entrance];
        (residence, building, entrance, &entrance.doors[spot.door])
    }

    /// The doors the filter's places take, in territory order.
    pub fn doors_in_scope(&self) -> impl Iterator<Item = &'a Door> + '_ {
        self.territory.places().flat_map(move |place| {
            let taken = self
                .filter
                .takes(place.residence, place.building, place.entrance);
            place.entrance.doors.iter().filter(move |_| taken)
        })
    }

    /// Where an event happened, judged against the filter's places. A door decides when there
    /// is one; else a résidence (enough only when the filter goes no finer); else nothing, which
    /// is in scope only when no place is chosen.
    pub fn whereabouts(
        &self,
        door: Option<&DoorId>,
        residence: Option<&ResidenceId>,
    ) -> Whereabouts {
        let filter = &self.filter;
        if let Some(door) = door {
            return match self.spot(door) {
                Some(spot) if spot.in_scope => Whereabouts::Door(spot),
                Some(_) => Whereabouts::OutOfScope,
                None if filter.has_place() => Whereabouts::OutOfScope,
                None => Whereabouts::UnknownDoor,
            };
        }
        let taken = match residence {
            _ if !filter.has_place() => true,
            Some(residence) => {
                !self.finer_than_residence && self.residences_in_scope.contains(&residence)
            }
            None => false,
        };
        if taken {
            Whereabouts::InScope
        } else {
            Whereabouts::OutOfScope
        }
    }
}

/// A word-at-a-time multiplicative hash (the scheme of rustc's FxHash) for door ids. The
/// standard SipHash defends against collisions forged by whoever chooses the keys; here the keys
/// are the coordinator's own territory, and SipHash made the lookups most of the pass's time.
#[derive(Default)]
pub struct DoorHasher(u64);

impl DoorHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for DoorHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        // The multiplication mixes upward: bring the well-mixed high bits down to where the
        // table takes its bucket index.
        self.0.rotate_left(26)
    }
}
