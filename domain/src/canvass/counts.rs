//! Counters for an entrée, a bâtiment, a résidence: how many doors, how many in each state, how
//! many remain. Computed from the territory, so a door never visited counts too.

use std::collections::BTreeMap;
use std::ops::{Add, AddAssign};

use crate::calendar::LocalDate;
use crate::canvass::status::{DoorState, DoorStatus};
use crate::territory::{Building, Door, DoorId, Entrance, Residence, Territory};

/// Each door counts once in `doors`, once in the counter of its status (or in none when never
/// visited), in `opened` if someone ever opened, and in `remaining` if it needs a visit today.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub doors: u32,
    /// Visited at least once, whatever happened.
    pub visited: u32,
    /// Someone opened at least once (see `DoorOutcome::someone_opened`).
    pub opened: u32,
    pub absent: u32,
    pub refused: u32,
    pub interested: u32,
    pub signed_up: u32,
    pub come_back: u32,
    pub do_not_disturb: u32,
    pub inaccessible: u32,
    /// "Portes restantes": see `DoorState::needs_visit`.
    pub remaining: u32,
}

impl Counts {
    pub fn for_doors<'a>(
        doors: impl IntoIterator<Item = &'a Door>,
        states: &BTreeMap<DoorId, DoorState>,
        today: LocalDate,
    ) -> Counts {
        let never_visited = DoorState::default();
        let mut counts = Counts::default();
        for door in doors {
            counts.count(states.get(&door.id).unwrap_or(&never_visited), today);
        }
        counts
    }

    pub fn for_entrance(
        entrance: &Entrance,
        states: &BTreeMap<DoorId, DoorState>,
        today: LocalDate,
    ) -> Counts {
        Counts::for_doors(&entrance.doors, states, today)
    }

    pub fn for_building(
        building: &Building,
        states: &BTreeMap<DoorId, DoorState>,
        today: LocalDate,
    ) -> Counts {
        building
            .entrances
            .iter()
            .map(|e| Counts::for_entrance(e, states, today))
            .sum()
    }

    pub fn for_residence(
        residence: &Residence,
        states: &BTreeMap<DoorId, DoorState>,
        today: LocalDate,
    ) -> Counts {
        residence
            .buildings
            .iter()
            .map(|b| Counts::for_building(b, states, today))
            .sum()
    }

    pub fn for_territory(
        territory: &Territory,
        states: &BTreeMap<DoorId, DoorState>,
        today: LocalDate,
    ) -> Counts {
        territory
            .residences
            .iter()
            .map(|r| Counts::for_residence(r, states, today))
            .sum()
    }

    fn count(&mut self, state: &DoorState, today: LocalDate) {
        self.doors += 1;
        self.opened += u32::from(state.opened);
        self.remaining += u32::from(state.needs_visit(today));
        let counter = match state.status {
            DoorStatus::NotVisited => return,
            DoorStatus::Absent { .. } => &mut self.absent,
            DoorStatus::Refused => &mut self.refused,
            DoorStatus::Interested => &mut self.interested,
            DoorStatus::SignedUp => &mut self.signed_up,
            DoorStatus::ComeBack { .. } => &mut self.come_back,
            DoorStatus::DoNotDisturb { .. } => &mut self.do_not_disturb,
            DoorStatus::Inaccessible => &mut self.inaccessible,
        };
        *counter += 1;
        self.visited += 1;
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.doors += other.doors;
        self.visited += other.visited;
        self.opened += other.opened;
        self.absent += other.absent;
        self.refused += other.refused;
        self.interested += other.interested;
        self.signed_up += other.signed_up;
        self.come_back += other.come_back;
        self.do_not_disturb += other.do_not_disturb;
        self.inaccessible += other.inaccessible;
        self.remaining += other.remaining;
    }
}

impl Add for Counts {
    type Output = Counts;
    fn add(mut self, other: Counts) -> Counts {
        self += other;
        self
    }
}

impl std::iter::Sum for Counts {
    fn sum<I: Iterator<Item = Counts>>(iter: I) -> Counts {
        iter.fold(Counts::default(), Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::PartOfDay;
    use crate::canvass::DoorOutcome;
    use crate::canvass::status::door_states;
    use crate::canvass::status::tests::{any_visits, date, visit_at};
    use proptest::prelude::*;

    fn door(id: &str) -> Door {
        Door {
            id: DoorId(id.into()),
            floor: 0,
            apartment: None,
            landlord_ref: None,
            rooms: None,
        }
    }

    fn entrance(id: &str, doors: &[&str]) -> Entrance {
        Entrance {
            id: crate::territory::EntranceId(id.into()),
            name: id.into(),
            access_notes: String::new(),
            doors: doors.iter().map(|d| door(d)).collect(),
        }
    }

    fn building() -> Building {
        Building {
            id: crate::territory::BuildingId("a".into()),
            name: "Bâtiment A".into(),
            entrances: vec![
                entrance("1", &["porte-0", "porte-1", "porte-x"]),
                entrance("2", &["porte-2", "porte-y"]),
            ],
        }
    }

    #[test]
    fn an_entree_and_its_batiment_are_counted() {
        let come_back = DoorOutcome::ComeBack {
            on: date(27),
            part: None,
        };
        let events = [
            visit_at(1, 1, "porte-0", DoorOutcome::Absent, 25, PartOfDay::Morning),
            visit_at(
                2,
                1,
                "porte-1",
                DoorOutcome::SignedUp,
                25,
                PartOfDay::Morning,
            ),
            visit_at(3, 1, "porte-2", come_back, 25, PartOfDay::Morning),
            // A door outside this bâtiment does not count here.
            visit_at(
                4,
                1,
                "ailleurs",
                DoorOutcome::Refused,
                25,
                PartOfDay::Morning,
            ),
        ];
        let states = door_states(&events);
        let today = date(25);
        let first = Counts::for_entrance(&building().entrances[0], &states, today);
        assert_eq!(
            first,
            Counts {
                doors: 3,
                visited: 2,
                opened: 1,
                absent: 1,
                signed_up: 1,
                remaining: 2,
                ..Counts::default()
            }
        );
        let all = Counts::for_building(&building(), &states, today);
        assert_eq!(all.doors, 5);
        assert_eq!(all.visited, 3);
        assert_eq!(all.opened, 2);
        assert_eq!(all.come_back, 1);
        assert_eq!(all.remaining, 3, "the come-back is not due yet");
        assert_eq!(
            Counts::for_building(&building(), &states, date(27)).remaining,
            4
        );
    }

    proptest! {
        #[test]
        fn every_door_is_in_exactly_one_status(events in any_visits()) {
            let states = door_states(&events);
            let c = Counts::for_building(&building(), &states, date(25));
            prop_assert_eq!(c.doors, 5);
            prop_assert_eq!(
                c.visited,
                c.absent + c.refused + c.interested + c.signed_up + c.come_back
                    + c.do_not_disturb + c.inaccessible
            );
            prop_assert!(c.opened <= c.visited);
            prop_assert!(c.remaining >= c.doors - c.visited + c.absent);
            let parts: Counts = building()
                .entrances
                .iter()
                .map(|e| Counts::for_entrance(e, &states, date(25)))
                .sum();
            prop_assert_eq!(parts, c);
        }
    }
}
