//! Who has worked on a campaign: the volunteers named in its events, each with their last
//! activity, for the coordinator's list. Names are first names as each volunteer typed them on
//! their tablet, so "Inès" and " inès " are one person and "Ines" another.

use std::collections::{BTreeMap, BTreeSet};

use crate::event::{Actor, EventEnvelope};
use crate::ids::DeviceId;
use crate::kiosk::fold;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VolunteerActivity {
    /// As last written.
    pub name: String,
    /// The wall time of their latest event, by their tablet's clock.
    pub last_ms: u64,
    pub events: usize,
    /// Tablets they used.
    pub devices: usize,
}

/// The volunteers of a log, the most recently active first.
pub fn volunteers<'a>(
    events: impl IntoIterator<Item = &'a EventEnvelope>,
) -> Vec<VolunteerActivity> {
    struct Seen {
        name: String,
        last_ms: u64,
        events: usize,
        devices: BTreeSet<DeviceId>,
    }
    let mut by_name: BTreeMap<String, Seen> = BTreeMap::new();
    for event in events {
        let Actor::Volunteer { name } = &event.actor else {
            continue;
        };
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        // Case only: accents tell names apart ("Inès" is not "Ines").
        let seen = by_name.entry(name.to_lowercase()).or_insert_with(|| Seen {
            name: name.to_owned(),
            last_ms: 0,
            events: 0,
            devices: BTreeSet::new(),
        });
        seen.events += 1;
        seen.devices.insert(event.device.clone());
        if event.hlc.wall_ms >= seen.last_ms {
            seen.last_ms = event.hlc.wall_ms;
            seen.name = name.to_owned();
        }
    }
    let mut list: Vec<VolunteerActivity> = by_name
        .into_values()
        .map(|s| VolunteerActivity {
            name: s.name,
            last_ms: s.last_ms,
            events: s.events,
            devices: s.devices.len(),
        })
        .collect();
    list.sort_by(|a, b| {
        b.last_ms
            .cmp(&a.last_ms)
            .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
    });
    list
}
