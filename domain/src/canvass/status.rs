//! Each door's state, folded from the visits recorded on every device.
//!
//! Visits are applied in HLC order (ties, which only a forged log could have, broken by event
//! id), and an event seen twice counts once, so every device and the server agree on a door
//! whatever order its visits arrived in. Most of the time the latest visit decides, with three
//! exceptions that keep residents from being bothered:
//!
//! - **"Ne pas déranger" sticks.** Whoever knocks later, whatever they record, the door stays
//!   out of the lists and keeps its reason. Only a later sign-up (`SignedUp`), which the resident
//!   has to ask for themselves, lifts it: they changed their mind, not the volunteer.
//! - **"Inscrit" sticks** against anything but "ne pas déranger": a signed-up resident is not
//!   knocked again, and a later absent, refusal or "à revoir" (a household member at the door,
//!   a volunteer who did not know) does not undo the sign-up. Withdrawing consent is its own
//!   event, not a door outcome.
//! - **No answer does not erase an answer.** An absent or inaccessible door after a refusal or
//!   an interested resident stays as the resident left it; after "à revoir", an absent means
//!   nobody was there at the agreed time, and the door is absent again.

use std::collections::BTreeMap;

use crate::calendar::{LocalDate, PartOfDay};
use crate::canvass::DoorOutcome;
use crate::canvass::next_attempt::{Suggestion, suggest_next_attempt};
use crate::canvass::words;
use crate::event::{EventBody, EventEnvelope};
use crate::i18n::Locale;
use crate::territory::DoorId;

/// Where a door stands, in the words of the walk list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum DoorStatus {
    #[default]
    NotVisited,
    /// Nobody opened, `attempts` times in all (the same count as `DoorState::absences`).
    Absent {
        attempts: u32,
    },
    Refused,
    Interested,
    SignedUp,
    ComeBack {
        on: LocalDate,
        part: Option<PartOfDay>,
    },
    DoNotDisturb {
        reason: String,
    },
    Inaccessible,
}

/// A door's state and the history the walk list needs from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DoorState {
    pub status: DoorStatus,
    /// The local date of the latest visit (in HLC order), whatever it changed.
    pub last_visit: Option<LocalDate>,
    /// Whether someone ever opened ([`DoorOutcome::someone_opened`]), even if the door is absent
    /// again since.
    pub opened: bool,
    /// Every visit where nobody opened, oldest first: the next-attempt suggestion reads it.
    pub absences: Vec<(LocalDate, PartOfDay)>,
}

impl DoorState {
    /// Whether the door belongs in "portes restantes" on `today`: never visited, absent (every
    /// absent door stays until someone opens; the suggestion tells when to try), or "à revoir"
    /// due today or overdue. Not a refusal, "ne pas déranger" or "inscrit" (nobody is to knock
    /// again), nor "intéressé" (the conversation happened; the follow-up goes through the
    /// contact they gave, or not at all), nor "inaccessible" (knocking again changes nothing
    /// until access does; a coordinator sorts it out with the gardien).
    pub fn needs_visit(&self, today: LocalDate) -> bool {
        match &self.status {
            DoorStatus::NotVisited | DoorStatus::Absent { .. } => true,
            DoorStatus::ComeBack { on, .. } => *on <= today,
            DoorStatus::Refused
            | DoorStatus::Interested
            | DoorStatus::SignedUp
            | DoorStatus::DoNotDisturb { .. }
            | DoorStatus::Inaccessible => false,
        }
    }

    /// When to knock next at an absent door; `None` for any other door.
    pub fn next_attempt(&self, today: LocalDate) -> Option<Suggestion> {
        matches!(self.status, DoorStatus::Absent { .. })
            .then(|| suggest_next_attempt(&self.absences, today))
    }

    /// The short text on the door's button; the colour only repeats it.
    pub fn label(&self, locale: Locale) -> String {
        match (&self.status, locale) {
            (DoorStatus::NotVisited, Locale::Fr) => "Non visitée".into(),
            (DoorStatus::NotVisited, Locale::En) => "Not visited".into(),
            (DoorStatus::NotVisited, Locale::Ar) => "لم تتم زيارته".into(),
            (DoorStatus::Absent { attempts: 1 }, Locale::Fr) => "Absent (1 passage)".into(),
            (DoorStatus::Absent { attempts }, Locale::Fr) => {
                format!("Absent ({attempts} passages)")
            }
            (DoorStatus::Absent { attempts: 1 }, Locale::En) => "Not in (1 try)".into(),
            (DoorStatus::Absent { attempts }, Locale::En) => format!("Not in ({attempts} tries)"),
            (DoorStatus::Absent { attempts }, Locale::Ar) => {
                format!("غائب (عدد المحاولات: {attempts})")
            }
            (DoorStatus::Refused, Locale::Fr) => "Refus".into(),
            (DoorStatus::Refused, Locale::En) => "Refused".into(),
            (DoorStatus::Refused, Locale::Ar) => "رفض".into(),
            (DoorStatus::Interested, Locale::Fr) => "Intéressé".into(),
            (DoorStatus::Interested, Locale::En) => "Interested".into(),
            (DoorStatus::Interested, Locale::Ar) => "مهتم".into(),
            (DoorStatus::SignedUp, Locale::Fr) => "Inscrit".into(),
            (DoorStatus::SignedUp, Locale::En) => "Signed up".into(),
            (DoorStatus::SignedUp, Locale::Ar) => "مسجَّل".into(),
            (DoorStatus::ComeBack { on, part }, _) => {
                let when = match part {
                    Some(part) => format!(
                        "{} {}",
                        words::day(*on, locale),
                        words::part_of_day(*part, locale)
                    ),
                    None => words::day(*on, locale),
                };
                match locale {
                    Locale::Fr => format!("À revoir {when}"),
                    Locale::En => format!("Come back {when}"),
                    Locale::Ar => format!("العودة {when}"),
                }
            }
            (DoorStatus::DoNotDisturb { .. }, Locale::Fr) => "Ne pas déranger".into(),
            (DoorStatus::DoNotDisturb { .. }, Locale::En) => "Do not disturb".into(),
            (DoorStatus::DoNotDisturb { .. }, Locale::Ar) => "عدم الإزعاج".into(),
            (DoorStatus::Inaccessible, Locale::Fr) => "Inaccessible".into(),
            (DoorStatus::Inaccessible, Locale::En) => "Can't reach".into(),
            (DoorStatus::Inaccessible, Locale::Ar) => "لا يمكن الوصول".into(),
        }
    }

    /// A stable snake_case name per status, for the app's CSS classes and test selectors.
    pub fn css_class(&self) -> &'static str {
        match self.status {
            DoorStatus::NotVisited => "not_visited",
            DoorStatus::Absent { .. } => "absent",
            DoorStatus::Refused => "refused",
            DoorStatus::Interested => "interested",
            DoorStatus::SignedUp => "signed_up",
            DoorStatus::ComeBack { .. } => "come_back",
            DoorStatus::DoNotDisturb { .. } => "do_not_disturb",
            DoorStatus::Inaccessible => "inaccessible",
        }
    }

    /// Takes in one more visit, later in HLC order than all the ones before.
    fn visit(&mut self, outcome: &DoorOutcome, date: LocalDate, part: PartOfDay) {
        self.last_visit = Some(date);
        self.opened |= outcome.someone_opened();
        if *outcome == DoorOutcome::Absent {
            self.absences.push((date, part));
        }
        let attempts = u32::try_from(self.absences.len()).unwrap_or(u32::MAX);
        self.status = next_status(&self.status, outcome, attempts);
    }
}

/// The rules of the module doc, as a table: the current status and a later visit give the new one.
fn next_status(current: &DoorStatus, outcome: &DoorOutcome, attempts: u32) -> DoorStatus {
    use DoorOutcome as Visit;
    use DoorStatus as Now;
    match (current, outcome) {
        (Now::DoNotDisturb { .. }, Visit::SignedUp) => Now::SignedUp,
        (Now::DoNotDisturb { .. }, Visit::DoNotDisturb { reason }) => Now::DoNotDisturb {
            // The latest reason: whoever recorded it again knew the most.
            reason: reason.clone(),
        },
        (Now::DoNotDisturb { .. }, _) => current.clone(),
        (_, Visit::DoNotDisturb { reason }) => Now::DoNotDisturb {
            reason: reason.clone(),
        },
        (Now::SignedUp, _) => Now::SignedUp,
        (Now::Refused | Now::Interested, Visit::Absent | Visit::Inaccessible) => current.clone(),
        (_, Visit::Absent) => Now::Absent { attempts },
        (_, Visit::Inaccessible) => Now::Inaccessible,
        (_, Visit::Refused) => Now::Refused,
        (_, Visit::Interested) => Now::Interested,
        (_, Visit::SignedUp) => Now::SignedUp,
        (_, Visit::ComeBack { on, part }) => Now::ComeBack {
            on: *on,
            part: *part,
        },
    }
}

/// Every visited door's state. A door missing from the map was never visited: use
/// `DoorState::default()`.
pub fn door_states<'a>(
    events: impl IntoIterator<Item = &'a EventEnvelope>,
) -> BTreeMap<DoorId, DoorState> {
    let mut visits: Vec<&EventEnvelope> = events
        .into_iter()
        .filter(|e| matches!(e.body, EventBody::DoorVisited { .. }))
        .collect();
    visits.sort_by(|a, b| a.hlc.cmp(&b.hlc).then_with(|| a.id.cmp(&b.id)));
    // The same event received twice (two sync paths, a re-imported outbox file) sorts next to
    // itself, since its id and clock are the same.
    visits.dedup_by(|a, b| a.id == b.id);

    let mut states: BTreeMap<DoorId, DoorState> = BTreeMap::new();
    for event in visits {
        if let EventBody::DoorVisited {
            door,
            outcome,
            local_date,
            part_of_day,
            ..
        } = &event.body
        {
            states
                .entry(door.clone())
                .or_default()
                .visit(outcome, *local_date, *part_of_day);
        }
    }
    states
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::canvass::Wellbeing;
    use crate::clock::Hlc;
    use crate::event::Actor;
    use crate::ids::{CampaignId, DeviceId, EventId};
    use proptest::prelude::*;

    pub(crate) fn date(day: u8) -> LocalDate {
        LocalDate::new(2026, 11, day).unwrap()
    }

    /// A visit recorded on device `device` at `wall_ms`, fully formed so that folds see what the
    /// app would send.
    pub(crate) fn visit_at(
        wall_ms: u64,
        device: u8,
        door: &str,
        outcome: DoorOutcome,
        day: u8,
        part: PartOfDay,
    ) -> EventEnvelope {
        let device_id = DeviceId::from_random([device; 16]);
        let mut random = [0u8; 10];
        random[..8].copy_from_slice(&wall_ms.to_be_bytes());
        random[9] = device;
        EventEnvelope {
            id: EventId::new_v7(wall_ms, random),
            device: device_id.clone(),
            seq: wall_ms,
            hlc: Hlc {
                wall_ms,
                counter: 0,
                device: device_id,
            },
            actor: Actor::Volunteer {
                name: format!("bénévole {device}"),
            },
            campaign: CampaignId::demo(),
            schema: 1,
            body: EventBody::DoorVisited {
                door: DoorId(door.into()),
                outcome,
                note: None,
                wellbeing: Wellbeing::new(3),
                local_date: date(day),
                part_of_day: part,
            },
        }
    }

    fn fold(visits: &[(DoorOutcome, u8, PartOfDay)]) -> DoorState {
        let events: Vec<_> = visits
            .iter()
            .enumerate()
            .map(|(i, (outcome, day, part))| {
                visit_at(1000 + i as u64, 1, "d", outcome.clone(), *day, *part)
            })
            .collect();
        door_states(&events)
            .remove(&DoorId("d".into()))
            .unwrap_or_default()
    }

    fn status(outcomes: &[DoorOutcome]) -> DoorStatus {
        let visits: Vec<_> = outcomes
            .iter()
            .map(|o| (o.clone(), 25, PartOfDay::Morning))
            .collect();
        fold(&visits).status
    }

    fn dnd() -> DoorOutcome {
        DoorOutcome::DoNotDisturb {
            reason: "Ne souhaite pas de visite".into(),
        }
    }

    use DoorOutcome::{Absent, Inaccessible, Interested, Refused, SignedUp};

    #[test]
    fn a_door_nobody_visited_needs_a_visit() {
        let state = DoorState::default();
        assert_eq!(state.status, DoorStatus::NotVisited);
        assert!(state.needs_visit(date(25)));
        assert_eq!(state.label(Locale::Fr), "Non visitée");
        assert!(door_states(&[]).is_empty());
    }

    #[test]
    fn absent_visits_are_counted() {
        let state = fold(&[
            (Absent, 24, PartOfDay::Morning),
            (Absent, 25, PartOfDay::Morning),
        ]);
        assert_eq!(state.status, DoorStatus::Absent { attempts: 2 });
        assert_eq!(state.last_visit, Some(date(25)));
        assert!(!state.opened);
        assert!(state.needs_visit(date(25)));
        assert_eq!(state.label(Locale::Fr), "Absent (2 passages)");
        assert_eq!(state.label(Locale::En), "Not in (2 tries)");
        assert_eq!(
            state.next_attempt(date(25)).map(|s| s.part),
            Some(PartOfDay::Evening)
        );
    }

    #[test]
    fn do_not_disturb_sticks_until_the_resident_signs_up_themselves() {
        for later in [
            Absent,
            Refused,
            Interested,
            Inaccessible,
            DoorOutcome::ComeBack {
                on: date(28),
                part: None,
            },
        ] {
            assert!(
                matches!(
                    status(&[dnd(), later.clone()]),
                    DoorStatus::DoNotDisturb { .. }
                ),
                "{later:?} undid ne pas déranger"
            );
        }
        assert_eq!(status(&[dnd(), Absent, SignedUp]), DoorStatus::SignedUp);
        let reasons = status(&[
            dnd(),
            DoorOutcome::DoNotDisturb {
                reason: "Demande du gardien".into(),
            },
        ]);
        assert_eq!(
            reasons,
            DoorStatus::DoNotDisturb {
                reason: "Demande du gardien".into()
            }
        );
        let state = fold(&[(dnd(), 25, PartOfDay::Morning)]);
        assert!(!state.needs_visit(date(25)));
        assert_eq!(state.css_class(), "do_not_disturb");
    }

    #[test]
    fn a_signed_up_door_is_not_knocked_again() {
        for later in [Absent, Refused, Interested, Inaccessible] {
            assert_eq!(status(&[SignedUp, later]), DoorStatus::SignedUp);
        }
        assert!(matches!(
            status(&[SignedUp, dnd()]),
            DoorStatus::DoNotDisturb { .. }
        ));
        assert!(!fold(&[(SignedUp, 25, PartOfDay::Evening)]).needs_visit(date(30)));
    }

    #[test]
    fn no_answer_does_not_erase_an_answer() {
        assert_eq!(status(&[Refused, Absent]), DoorStatus::Refused);
        assert_eq!(status(&[Interested, Inaccessible]), DoorStatus::Interested);
        // But the resident's own later answer does.
        assert_eq!(status(&[Refused, Interested]), DoorStatus::Interested);
        assert_eq!(status(&[Interested, Refused]), DoorStatus::Refused);
        // The knock still counts.
        let state = fold(&[
            (Refused, 24, PartOfDay::Morning),
            (Absent, 25, PartOfDay::Evening),
        ]);
        assert_eq!(state.absences, vec![(date(25), PartOfDay::Evening)]);
        assert_eq!(state.last_visit, Some(date(25)));
        assert!(state.opened);
    }

    #[test]
    fn nobody_at_the_agreed_time_makes_the_door_absent_again() {
        let come_back = DoorOutcome::ComeBack {
            on: date(27),
            part: Some(PartOfDay::Evening),
        };
        let state = fold(&[
            (Absent, 24, PartOfDay::Morning),
            (come_back.clone(), 25, PartOfDay::Morning),
        ]);
        assert!(!state.needs_visit(date(26)));
        assert!(state.needs_visit(date(27)));
        assert!(state.needs_visit(date(30)), "overdue is still due");
        assert_eq!(state.label(Locale::Fr), "À revoir vendredi 27/11 soir");
        let state = fold(&[
            (Absent, 24, PartOfDay::Morning),
            (come_back, 25, PartOfDay::Morning),
            (Absent, 27, PartOfDay::Evening),
        ]);
        assert_eq!(state.status, DoorStatus::Absent { attempts: 2 });
        assert!(state.opened, "someone did open on the 25th");
    }

    #[test]
    fn inaccessible_doors_leave_the_list_until_someone_reaches_them() {
        let state = fold(&[(Inaccessible, 25, PartOfDay::Morning)]);
        assert!(!state.needs_visit(date(26)));
        assert_eq!(
            status(&[Inaccessible, Absent]),
            DoorStatus::Absent { attempts: 1 }
        );
        assert_eq!(status(&[Absent, Inaccessible]), DoorStatus::Inaccessible);
    }

    #[test]
    fn remaining_doors_are_the_ones_to_knock_at() {
        let today = date(25);
        for (outcome, remaining) in [
            (Absent, true),
            (Refused, false),
            (Interested, false),
            (SignedUp, false),
            (dnd(), false),
            (Inaccessible, false),
        ] {
            assert_eq!(
                fold(&[(outcome.clone(), 24, PartOfDay::Morning)]).needs_visit(today),
                remaining,
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn the_clock_decides_not_the_arrival_order() {
        // The tablet that synced last visited first.
        let later = visit_at(2000, 1, "d", Refused, 25, PartOfDay::Evening);
        let earlier = visit_at(1000, 2, "d", Interested, 25, PartOfDay::Morning);
        let states = door_states(&[later.clone(), earlier.clone()]);
        assert_eq!(states[&DoorId("d".into())].status, DoorStatus::Refused);
        // The same event twice counts once.
        let absent = visit_at(3000, 1, "e", Absent, 25, PartOfDay::Evening);
        let states = door_states(&[absent.clone(), later, absent]);
        assert_eq!(
            states[&DoorId("e".into())].status,
            DoorStatus::Absent { attempts: 1 }
        );
    }

    #[test]
    fn every_status_has_a_label_and_a_class() {
        let statuses = [
            DoorStatus::NotVisited,
            DoorStatus::Absent { attempts: 1 },
            DoorStatus::Refused,
            DoorStatus::Interested,
            DoorStatus::SignedUp,
            DoorStatus::ComeBack {
                on: date(26),
                part: None,
            },
            DoorStatus::DoNotDisturb { reason: "x".into() },
            DoorStatus::Inaccessible,
        ];
        let classes: std::collections::HashSet<_> = statuses
            .iter()
            .map(|status| {
                let state = DoorState {
                    status: status.clone(),
                    ..DoorState::default()
                };
                for locale in Locale::ALL {
                    assert!(!state.label(locale).is_empty());
                }
                state.css_class()
            })
            .collect();
        assert_eq!(classes.len(), statuses.len());
    }

    fn any_outcome() -> impl Strategy<Value = DoorOutcome> {
        prop_oneof![
            Just(Absent),
            Just(Absent),
            Just(Refused),
            Just(Interested),
            Just(SignedUp),
            Just(Inaccessible),
            (25u8..30).prop_map(|day| DoorOutcome::ComeBack {
                on: date(day),
                part: Some(PartOfDay::Evening)
            }),
            "[a-c]".prop_map(|reason| DoorOutcome::DoNotDisturb { reason }),
        ]
    }

    fn any_part() -> impl Strategy<Value = PartOfDay> {
        prop_oneof![
            Just(PartOfDay::Morning),
            Just(PartOfDay::Afternoon),
            Just(PartOfDay::Evening),
        ]
    }

    /// Visits on four devices, whose clocks collide often (same milliseconds), on three doors.
    pub(crate) fn any_visits() -> impl Strategy<Value = Vec<EventEnvelope>> {
        prop::collection::vec(
            (
                0u64..40,
                0u8..4,
                0u8..3,
                any_outcome(),
                20u8..26,
                any_part(),
            ),
            0..40,
        )
        .prop_map(|visits| {
            let mut seen = std::collections::HashSet::new();
            visits
                .into_iter()
                // One event per (time, device): a device never issues the same clock twice.
                .filter(|(wall, device, ..)| seen.insert((*wall, *device)))
                .map(|(wall, device, door, outcome, day, part)| {
                    visit_at(
                        1000 + wall,
                        device,
                        &format!("porte-{door}"),
                        outcome,
                        day,
                        part,
                    )
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn door_states_do_not_depend_on_arrival_order(
            (events, shuffled) in any_visits().prop_flat_map(|events| {
                let shuffled = Just(events.clone()).prop_shuffle();
                (Just(events), shuffled)
            }),
            duplicate in any::<prop::sample::Index>(),
        ) {
            let mut arrived = shuffled;
            if !events.is_empty() {
                arrived.push(events[duplicate.index(events.len())].clone());
            }
            prop_assert_eq!(door_states(&events), door_states(&arrived));
        }

        #[test]
        fn attempts_count_every_absent_visit(events in any_visits()) {
            for (door, state) in door_states(&events) {
                let absent = events.iter().filter(|e| matches!(
                    &e.body,
                    EventBody::DoorVisited { door: d, outcome: DoorOutcome::Absent, .. } if *d == door
                )).count();
                prop_assert_eq!(state.absences.len(), absent);
                if let DoorStatus::Absent { attempts } = state.status {
                    prop_assert_eq!(attempts as usize, absent);
                }
            }
        }
    }
}
