//! The cells every table shares: who recorded a row, and where it happened, each written in full
//! or as pseudonyms depending on the export's [`Privacy`].

use crate::event::Actor;
use crate::i18n::Locale;
use crate::indicators::scope::Places;
use crate::territory::DoorId;

use super::pseudonym::Kind;
use super::words::{Heading, actor_kind};
use super::{Cell, Column, Privacy, Row};

/// The place columns: résidence, bâtiment, entrée, étage, then the door's number and the
/// landlord's reference when names may appear, then the door's id (or its pseudonym).
pub fn place_columns(privacy: Privacy<'_>) -> Vec<Heading> {
    let mut headings = vec![
        Heading::Residence,
        Heading::Building,
        Heading::Entrance,
        Heading::Floor,
    ];
    if let Privacy::Named = privacy {
        headings.extend([Heading::Apartment, Heading::LandlordRef]);
    }
    headings.push(Heading::Door);
    headings
}

/// The cells of [`place_columns`]. A door the territory does not know keeps its id (or
/// pseudonym) and leaves the rest empty: the row is kept, not dropped.
pub fn push_place<'a>(
    row: &mut Row<'a>,
    places: &Places<'a>,
    door: Option<&'a DoorId>,
    privacy: Privacy<'_>,
) {
    let found = door
        .and_then(|d| places.spot(d))
        .map(|spot| places.at(spot));
    match found {
        Some((residence, building, entrance, door)) => {
            row.push(Cell::text(&residence.name));
            row.push(Cell::text(&building.name));
            row.push(Cell::text(&entrance.name));
            row.push(Cell::Integer(i64::from(door.floor)));
            if let Privacy::Named = privacy {
                row.push(Cell::optional(door.apartment.as_deref()));
                row.push(Cell::optional(door.landlord_ref.as_deref()));
            }
        }
        None => {
            let empty = if let Privacy::Named = privacy { 6 } else { 4 };
            row.extend(std::iter::repeat_n(Cell::Empty, empty));
        }
    }
    row.push(match (door, privacy) {
        (None, _) => Cell::Empty,
        (Some(door), Privacy::Named) => Cell::text(door.as_str()),
        (Some(door), Privacy::Pseudonymised(p)) => {
            Cell::owned(p.pseudonym(Kind::Door, door.as_str()))
        }
    });
}

/// A volunteer or coordinator by name (or pseudonym); the kiosk and the device by what they are.
pub fn person<'a>(actor: &'a Actor, locale: Locale, privacy: Privacy<'_>) -> Cell<'a> {
    match (actor, privacy) {
        (Actor::Volunteer { name } | Actor::Coordinator { name }, Privacy::Named) => {
            Cell::text(name)
        }
        (Actor::Volunteer { name } | Actor::Coordinator { name }, Privacy::Pseudonymised(p)) => {
            Cell::owned(p.pseudonym(Kind::Volunteer, name))
        }
        _ => actor_kind(actor, locale).map_or(Cell::Empty, Cell::text),
    }
}

pub fn columns(headings: &[Heading], locale: Locale) -> Vec<Column> {
    headings.iter().map(|h| h.column(locale)).collect()
}
