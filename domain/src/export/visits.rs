//! The visits table ("journal des passages"): one row per door visit of the campaign, with the
//! same filter as the indicators, in clock order. Pseudonymised, it keeps what a report needs
//! (when, where down to the floor, what happened, the wellbeing face) and drops the note, the
//! "ne pas déranger" reason (free text that may name someone), the door's number and the
//! landlord's reference.

use crate::canvass::DoorOutcome;
use crate::canvass::words::part_of_day;
use crate::event::{EventBody, EventEnvelope};
use crate::i18n::Locale;
use crate::ids::CampaignId;
use crate::indicators::charts::State;
use crate::indicators::log::DistinctLog;
use crate::indicators::scope::{Places, Whereabouts};

use super::cells::{columns, person, place_columns, push_place};
use super::words::Heading;
use super::{Cell, Privacy, Row, Sheet};

pub(super) fn headings(privacy: Privacy<'_>) -> Vec<Heading> {
    let mut headings = vec![Heading::Date, Heading::PartOfDay, Heading::Volunteer];
    headings.extend(place_columns(privacy));
    headings.extend([Heading::Outcome, Heading::ComeBackOn, Heading::Wellbeing]);
    if let Privacy::Named = privacy {
        headings.extend([Heading::Note, Heading::DoNotDisturbReason]);
    }
    headings.push(Heading::RecordedAt);
    if let Privacy::Named = privacy {
        headings.push(Heading::Event);
    }
    headings
}

/// The visits of `campaign` that the filter of `places` keeps. Visits at doors the territory does not know
/// are kept (with their door id) unless a place is chosen: an export never loses a record.
pub fn sheet<'a>(
    log: &'a DistinctLog<'a>,
    places: &'a Places<'a>,
    campaign: &'a CampaignId,
    locale: Locale,
    privacy: Privacy<'a>,
) -> Sheet<'a> {
    let filter = places.filter();
    let rows = log.iter().filter_map(move |event| {
        let EventBody::DoorVisited {
            door, local_date, ..
        } = &event.body
        else {
            return None;
        };
        let kept = event.campaign == *campaign
            && filter.by_actor(&event.actor)
            && filter.in_period(*local_date)
            && places.whereabouts(Some(door), None) != Whereabouts::OutOfScope;
        kept.then(|| row(event, places, locale, privacy))
    });
    Sheet::new(columns(&headings(privacy), locale), rows)
}

pub(super) fn row<'a>(
    event: &'a EventEnvelope,
    places: &Places<'a>,
    locale: Locale,
    privacy: Privacy<'_>,
) -> Row<'a> {
    let EventBody::DoorVisited {
        door,
        outcome,
        note,
        wellbeing,
        local_date,
        part_of_day: part,
    } = &event.body
    else {
        unreachable!("only visits are given rows")
    };
    let mut row = Vec::with_capacity(18);
    row.push(Cell::Date(*local_date));
    row.push(Cell::Coded {
        code: part_code(*part),
        words: part_of_day(*part, locale),
    });
    row.push(person(&event.actor, locale, privacy));
    push_place(&mut row, places, Some(door), privacy);
    let state = State::of_outcome(outcome);
    row.push(Cell::Coded {
        code: state.code(),
        words: state.text(locale),
    });
    row.push(match outcome {
        DoorOutcome::ComeBack { on, .. } => Cell::Date(*on),
        _ => Cell::Empty,
    });
    row.push(wellbeing.map_or(Cell::Empty, |w| Cell::Integer(i64::from(w.value()))));
    if let Privacy::Named = privacy {
        row.push(Cell::optional(note.as_deref()));
        row.push(match outcome {
            DoorOutcome::DoNotDisturb { reason } => Cell::text(reason),
            _ => Cell::Empty,
        });
    }
    row.push(Cell::Instant(event.hlc.wall_ms));
    if let Privacy::Named = privacy {
        row.push(Cell::text(event.id.as_str()));
    }
    row
}

fn part_code(part: crate::calendar::PartOfDay) -> &'static str {
    use crate::calendar::PartOfDay::*;
    match part {
        Morning => "morning",
        Afternoon => "afternoon",
        Evening => "evening",
    }
}
