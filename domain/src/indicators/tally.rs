//! The one pass over the log behind [`super::compute`]. Per event: a campaign and an actor
//! comparison, a date comparison, one hash lookup of the door, then counters; the only growing
//! allocation is the list of kept visits (reserved once), which the door fold reads afterwards.

use crate::canvass::DoorOutcome;
use crate::canvass::counts::Counts;
use crate::canvass::status::{DoorStatus, door_states};
use crate::event::{EventBody, EventEnvelope};
use crate::signup::joins_the_app;

use super::hooks::{Activity, Hook, hook_for};
use super::log::DistinctLog;
use super::scope::{Places, Query, Whereabouts};
use super::wellbeing::WeeksBuilder;
use super::{Indicators, Rate};

pub(super) fn tally(
    log: &DistinctLog<'_>,
    places: &Places<'_>,
    query: &Query,
    hooks: &mut [&mut dyn Hook],
) -> Indicators {
    let filter = &query.filter;
    let mut visits: Vec<&EventEnvelope> = Vec::with_capacity(log.len());
    let mut knocked = vec![false; places.door_slots()];
    let mut weeks = WeeksBuilder::default();
    let mut activity = Activity::default();
    let (mut sign_ups, mut presentations, mut outside) = (0u32, 0u32, 0u32);

    for event in log.iter() {
        if event.campaign != query.campaign {
            continue;
        }
        // Hooks learn from events of every actor; everything else counts only the filter's.
        let by_actor = filter.by_actor(&event.actor);
        match &event.body {
            EventBody::DoorVisited {
                door,
                outcome,
                wellbeing,
                local_date,
                ..
            } => {
                if !by_actor || !filter.in_period(*local_date) {
                    continue;
                }
                let spot = match places.whereabouts(Some(door), None) {
                    Whereabouts::Door(spot) => spot,
                    Whereabouts::UnknownDoor => {
                        outside += 1;
                        continue;
                    }
                    Whereabouts::InScope | Whereabouts::OutOfScope => continue,
                };
                visits.push(event);
                if *outcome != DoorOutcome::Inaccessible {
                    knocked[spot.flat] = true;
                }
                if let Some(answer) = wellbeing {
                    weeks.add(*local_date, *answer);
                }
            }
            EventBody::ResidentSignedUp {
                door,
                consents,
                local_date,
                ..
            } => {
                if by_actor
                    && filter.in_period(*local_date)
                    && places.whereabouts(door.as_ref(), None) != Whereabouts::OutOfScope
                    && joins_the_app(consents)
                {
                    sign_ups += 1;
                }
            }
            EventBody::AppPresented {
                door,
                residence,
                local_date,
            } => {
                if by_actor
                    && filter.in_period(*local_date)
                    && places.whereabouts(door.as_ref(), residence.as_ref())
                        != Whereabouts::OutOfScope
                {
                    presentations += 1;
                }
            }
            body => {
                let Some(hook) = hook_for(body.kind(), hooks) else {
                    continue;
                };
                hook.learn(event);
                let place = hook.place(body);
                if by_actor
                    && filter.in_period_if_dated(place.date)
                    && places.whereabouts(place.door, place.residence) != Whereabouts::OutOfScope
                {
                    hook.count(event, &mut activity);
                }
            }
        }
    }

    for hook in hooks.iter_mut() {
        hook.finish(&mut activity);
    }
    // The kept visits are already distinct and in clock order, which the fold's own sort
    // recognises in one pass.
    let states = door_states(visits);
    let doors = Counts::for_doors(places.doors_in_scope(), &states, query.today);
    let (mut absent_after_attempts, mut revisits_overdue) = (0u32, 0u32);
    for state in states.values() {
        match state.status {
            DoorStatus::Absent { attempts } if attempts >= query.absent_attempts => {
                absent_after_attempts += 1;
            }
            DoorStatus::ComeBack { on, .. } if on < query.today => revisits_overdue += 1,
            _ => {}
        }
    }
    let knocked = count_true(&knocked);
    Indicators {
        doors_in_scope: doors.doors,
        knocked,
        opened: doors.opened,
        contact_rate: Rate {
            part: doors.opened,
            whole: knocked,
        },
        sign_ups,
        sign_up_rate: Rate {
            part: sign_ups,
            whole: doors.opened,
        },
        refusals: doors.refused,
        absent_after_attempts,
        revisits_pending: doors.come_back,
        revisits_overdue,
        presentations,
        doors,
        wellbeing: weeks.finish(),
        activity,
        visits_outside_territory: outside,
    }
}

fn count_true(flags: &[bool]) -> u32 {
    u32::try_from(flags.iter().filter(|f| **f).count()).unwrap_or(u32::MAX)
}
