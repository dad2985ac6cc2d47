//! The volunteer's follow-up list: "à revoir" doors due this week (or overdue) and absent doors
//! with their suggested next attempt, arranged by part of the day so that an evening round can
//! be planned at a glance.

use std::collections::BTreeMap;

use crate::calendar::{LocalDate, PartOfDay};
use crate::canvass::status::{DoorState, DoorStatus};
use crate::canvass::words;
use crate::territory::DoorId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpReason {
    /// The resident said when to come back.
    ComeBack,
    /// Nobody opened; `on` and `part` are the suggested next attempt.
    Absent { attempts: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub door: DoorId,
    pub reason: FollowUpReason,
    /// When to go: the agreed day (possibly already past), or the suggested one.
    pub on: LocalDate,
    /// `None` when the resident gave a day without a time.
    pub part: Option<PartOfDay>,
}

impl FollowUp {
    /// An "à revoir" whose day has passed: shown first in its group, so it is not forgotten.
    pub fn overdue(&self, today: LocalDate) -> bool {
        self.on < today
    }
}

/// The Sunday ending `today`'s week: "this week" the way French calendars have it (Monday to
/// Sunday), not the next seven days.
pub fn end_of_week(today: LocalDate) -> LocalDate {
    today.plus_days(6 - i64::from(today.weekday()))
}

/// Follow-ups due by the end of this week, ordered by part of the day (morning, afternoon,
/// evening, then "any time"), then by day (overdue first), then by door. Refused, signed-up,
/// interested, "ne pas déranger" and inaccessible doors never appear.
pub fn due_follow_ups(states: &BTreeMap<DoorId, DoorState>, today: LocalDate) -> Vec<FollowUp> {
    let last_day = end_of_week(today);
    let mut due: Vec<FollowUp> = states
        .iter()
        .filter_map(|(door, state)| {
            let (reason, on, part) = match &state.status {
                DoorStatus::ComeBack { on, part } => (FollowUpReason::ComeBack, *on, *part),
                DoorStatus::Absent { attempts } => {
                    let next = state.next_attempt(today)?;
                    let reason = FollowUpReason::Absent {
                        attempts: *attempts,
                    };
                    (reason, next.on, Some(next.part))
                }
                _ => return None,
            };
            (on <= last_day).then(|| FollowUp {
                door: door.clone(),
                reason,
                on,
                part,
            })
        })
        .collect();
    due.sort_by(|a, b| {
        (part_order(a.part), a.on, &a.door).cmp(&(part_order(b.part), b.on, &b.door))
    });
    due
}

fn part_order(part: Option<PartOfDay>) -> u8 {
    part.map_or(3, words::rank)
}

/// The follow-ups cut into their part-of-day groups, in order, each group non-empty.
pub fn by_part_of_day(follow_ups: &[FollowUp]) -> Vec<(Option<PartOfDay>, Vec<&FollowUp>)> {
    let mut groups: Vec<(Option<PartOfDay>, Vec<&FollowUp>)> = Vec::new();
    for follow_up in follow_ups {
        match groups.last_mut() {
            Some((part, group)) if *part == follow_up.part => group.push(follow_up),
            _ => groups.push((follow_up.part, vec![follow_up])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvass::DoorOutcome;
    use crate::canvass::status::door_states;
    use crate::canvass::status::tests::{date, visit_at};
    use PartOfDay::{Afternoon, Evening, Morning};

    #[test]
    fn this_week_ends_on_sunday() {
        // 25 November 2026 is a Wednesday.
        assert_eq!(end_of_week(date(25)), date(29));
        assert_eq!(end_of_week(date(29)), date(29));
        assert_eq!(end_of_week(date(30)), LocalDate::new(2026, 12, 6).unwrap());
    }

    #[test]
    fn come_backs_this_week_and_absent_doors_by_part_of_day() {
        let come_back = |day, part| DoorOutcome::ComeBack {
            on: date(day),
            part,
        };
        let events = [
            visit_at(1, 1, "a-overdue", come_back(24, Some(Evening)), 23, Morning),
            visit_at(
                2,
                1,
                "b-thursday",
                come_back(26, Some(Morning)),
                24,
                Morning,
            ),
            visit_at(
                3,
                1,
                "c-next-week",
                come_back(30, Some(Morning)),
                24,
                Morning,
            ),
            visit_at(4, 1, "d-any-time", come_back(27, None), 24, Morning),
            visit_at(5, 1, "e-absent", DoorOutcome::Absent, 24, Morning),
            visit_at(6, 1, "e-absent", DoorOutcome::Absent, 25, Morning),
            visit_at(7, 1, "f-refused", DoorOutcome::Refused, 24, Morning),
            visit_at(8, 1, "g-absent", DoorOutcome::Absent, 25, Evening),
        ];
        let today = date(25);
        let due = due_follow_ups(&door_states(&events), today);
        let seen: Vec<_> = due
            .iter()
            .map(|f| (f.door.as_str(), f.on, f.part))
            .collect();
        assert_eq!(
            seen,
            [
                ("b-thursday", date(26), Some(Morning)),
                ("g-absent", date(26), Some(Afternoon)),
                ("a-overdue", date(24), Some(Evening)),
                ("e-absent", date(25), Some(Evening)),
                ("d-any-time", date(27), None),
            ]
        );
        assert!(due[2].overdue(today));
        assert_eq!(due[3].reason, FollowUpReason::Absent { attempts: 2 });
        let groups: Vec<_> = by_part_of_day(&due)
            .into_iter()
            .map(|(part, group)| (part, group.len()))
            .collect();
        assert_eq!(
            groups,
            [
                (Some(Morning), 1),
                (Some(Afternoon), 1),
                (Some(Evening), 2),
                (None, 1)
            ]
        );
    }

    #[test]
    fn on_sunday_evening_an_absent_door_waits_for_next_week() {
        let events = [visit_at(1, 1, "d", DoorOutcome::Absent, 29, Evening)];
        let due = due_follow_ups(&door_states(&events), date(29));
        assert!(due.is_empty(), "{due:?}");
    }
}
