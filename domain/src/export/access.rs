//! A resident's access request (GDPR art. 15, and portability, art. 20): everything the campaign
//! holds about them, gathered from the log. Their sign-ups (details, answers, notice, who and
//! when); the visits and presentations at the doors where they signed up, notes included, since
//! those are about their household; nothing is pseudonymised, since it goes to the person it is
//! about. Kinds that name a resident (referrals) add their section here when they land.
//!
//! The same report gives tables for the screen (to read and print) and one JSON document for
//! the file sent to the resident.

use crate::event::{EventBody, EventEnvelope};
use crate::i18n::Locale;
use crate::ids::CampaignId;
use crate::indicators::log::DistinctLog;
use crate::indicators::scope::Places;
use crate::signup::ResidentId;
use crate::territory::DoorId;

use super::cells::{columns, person, place_columns, push_place};
use super::register::{self, Consent, ConsentRegister};
use super::words::Heading;
use super::{Cell, Privacy, Row, Sheet, jsonl, visits};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessReport<'a> {
    pub resident: &'a ResidentId,
    /// Oldest first.
    pub sign_ups: Vec<Consent<'a>>,
    /// At the doors of their sign-ups, in clock order.
    pub visits: Vec<&'a EventEnvelope>,
    pub presentations: Vec<&'a EventEnvelope>,
}

/// The report for `resident` in `campaign`. Empty sections when nothing is held.
pub fn access_request<'a>(
    log: &DistinctLog<'a>,
    register: &ConsentRegister<'a>,
    campaign: &CampaignId,
    resident: &'a ResidentId,
) -> AccessReport<'a> {
    let sign_ups: Vec<Consent<'a>> = register.of(resident).copied().collect();
    let doors: Vec<&DoorId> = sign_ups.iter().filter_map(|c| c.door).collect();
    let at_their_door = |door: Option<&DoorId>| door.is_some_and(|d| doors.contains(&d));
    let mut visits = Vec::new();
    let mut presentations = Vec::new();
    for event in log.iter().filter(|e| e.campaign == *campaign) {
        match &event.body {
            EventBody::DoorVisited { door, .. } if at_their_door(Some(door)) => visits.push(event),
            EventBody::AppPresented { door, .. } if at_their_door(door.as_ref()) => {
                presentations.push(event);
            }
            _ => {}
        }
    }
    AccessReport {
        resident,
        sign_ups,
        visits,
        presentations,
    }
}

/// The report's sections, by the key they have in the JSON document.
pub const SECTIONS: [&str; 3] = ["sign_ups", "visits", "presentations"];

impl<'a> AccessReport<'a> {
    /// One table per section of [`SECTIONS`], in that order, everything named.
    pub fn sheets(&self, places: &'a Places<'a>, locale: Locale) -> Vec<Sheet<'a>> {
        let named = Privacy::Named;
        let sign_ups: Vec<Row<'a>> = self
            .sign_ups
            .iter()
            .map(|c| register::row(c, places, locale, named))
            .collect();
        let visit_rows: Vec<Row<'a>> = self
            .visits
            .iter()
            .map(|e| visits::row(e, places, locale, named))
            .collect();
        let presentations: Vec<Row<'a>> = self
            .presentations
            .iter()
            .map(|e| presentation_row(e, places, locale))
            .collect();
        vec![
            Sheet::new(
                columns(&register::headings(named), locale),
                sign_ups.into_iter(),
            ),
            Sheet::new(
                columns(&visits::headings(named), locale),
                visit_rows.into_iter(),
            ),
            Sheet::new(
                columns(&presentation_headings(), locale),
                presentations.into_iter(),
            ),
        ]
    }

    /// `{"resident": "…", "sign_ups": [{…}], "visits": […], "presentations": […]}`, each row
    /// written as in the JSON Lines exports.
    pub fn to_json(&self, places: &'a Places<'a>, locale: Locale) -> String {
        let mut out = String::from("{\"resident\":");
        jsonl::write_string(&mut out, self.resident.as_str());
        for (key, sheet) in SECTIONS.iter().zip(self.sheets(places, locale)) {
            out.push_str(",\n\"");
            out.push_str(key);
            out.push_str("\":[");
            let columns = sheet.columns.clone();
            for (i, row) in sheet.into_rows().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                jsonl::write_row(&mut out, &columns, &row);
                // `write_row` ends a line; inside an array the comma comes first.
                out.pop();
            }
            out.push(']');
        }
        out.push_str("}\n");
        out
    }
}

fn presentation_headings() -> Vec<Heading> {
    let mut headings = vec![Heading::Date, Heading::Volunteer];
    headings.extend(place_columns(Privacy::Named));
    headings.extend([Heading::RecordedAt, Heading::Event]);
    headings
}

fn presentation_row<'a>(event: &'a EventEnvelope, places: &Places<'a>, locale: Locale) -> Row<'a> {
    let EventBody::AppPresented {
        door, local_date, ..
    } = &event.body
    else {
        unreachable!("only presentations are given rows")
    };
    let mut row = vec![
        Cell::Date(*local_date),
        person(&event.actor, locale, Privacy::Named),
    ];
    push_place(&mut row, places, door.as_ref(), Privacy::Named);
    row.push(Cell::Instant(event.hlc.wall_ms));
    row.push(Cell::text(event.id.as_str()));
    row
}
