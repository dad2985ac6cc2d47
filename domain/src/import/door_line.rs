//! One line of the file read as one door: its address as people write it, where it stands
//! (bâtiment, entrée, escalier, étage) and what the file says about it, or the problems that
//! stop it from being a door.

use super::csv::Record;
use super::mapping::{Field, Mapping};
use super::problem::{LineProblem, ProblemKind};
use super::values::{QpvStyle, Unreadable, parse_floor, parse_qpv, parse_rooms};
use super::words::{key, repetition_index, street_type, tidy_capitals};
use crate::territory::Floor;

/// A door as one line of the file describes it, before grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DoorLine {
    pub line: usize,
    /// Groupe / programme, when the file has one for this line.
    pub residence_name: Option<String>,
    /// "12 bis rue des Tilleuls".
    pub address: String,
    pub postcode: String,
    pub commune: String,
    pub commune_code: String,
    pub qpv: Option<bool>,
    /// "Bâtiment A", "Immeuble 12"; `None` when the file names no building.
    pub building: Option<String>,
    pub entrance: Option<String>,
    pub staircase: Option<String>,
    /// An empty floor cell reads as the ground floor: individual houses have none.
    pub floor: Floor,
    pub apartment: Option<String>,
    pub landlord_ref: Option<String>,
    pub rooms: Option<u8>,
}

impl DoorLine {
    /// "Entrée 2", "Escalier B", "Entrée 2, escalier B"; `None` when the file says neither.
    pub fn entrance_name(&self) -> Option<String> {
        let entrance = self
            .entrance
            .as_deref()
            .map(|e| labelled(e, ENTRANCE_WORDS, "Entrée"));
        let staircase = self
            .staircase
            .as_deref()
            .map(|s| labelled(s, STAIRCASE_WORDS, "Escalier"));
        match (entrance, staircase) {
            (Some(e), Some(s)) => {
                let mut chars = s.chars();
                let first = chars.next().map(|c| c.to_lowercase().to_string());
                Some(format!(
                    "{e}, {}{}",
                    first.unwrap_or_default(),
                    chars.as_str()
                ))
            }
            (e, s) => e.or(s),
        }
    }
}

const BUILDING_WORDS: &[&str] = &[
    "bat",
    "batiment",
    "immeuble",
    "imm",
    "tour",
    "bloc",
    "residence",
    "pavillon",
    "villa",
    "maison",
];
const ENTRANCE_WORDS: &[&str] = &["entree", "cage", "hall", "montee", "porte", "allee"];
const STAIRCASE_WORDS: &[&str] = &["esc", "escalier"];

/// "A" → "Bâtiment A", but "Tour Sud" stays "Tour Sud": the file already said what it is.
fn labelled(value: &str, own_words: &[&str], word: &str) -> String {
    let value_key = key(value);
    let first_word = value_key.split(' ').next().unwrap_or("");
    if own_words.contains(&first_word) {
        tidy_capitals(value, true)
    } else {
        format!("{word} {}", value.trim())
    }
}

/// Reads lines with one mapping: the columns are looked up once, not on every line.
pub(crate) struct LineReader {
    columns: Vec<(Field, usize)>,
    qpv_style: QpvStyle,
}

impl LineReader {
    pub fn new(mapping: &Mapping, header: &[String]) -> LineReader {
        let qpv_style = mapping
            .column(Field::Qpv)
            .and_then(|c| header.get(c))
            .map_or(QpvStyle::Flag, |name| QpvStyle::of_header(name));
        LineReader {
            columns: mapping.fields().collect(),
            qpv_style,
        }
    }

    /// The trimmed cell for `field`, empty when the field is not mapped or the line is short.
    fn cell<'r>(&self, record: &'r Record<'_>, field: Field) -> &'r str {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|&(_, column)| record.fields.get(column))
            .map_or("", |value| value.trim())
    }

    fn optional(&self, record: &Record<'_>, field: Field) -> Option<String> {
        let value = self.cell(record, field);
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// The door on this line, or `None` when a problem leaves the line out. Every problem found
    /// is pushed, so the coordinator fixes the line once.
    pub fn read(&self, record: &Record<'_>, problems: &mut Vec<LineProblem>) -> Option<DoorLine> {
        let line = record.line;
        let mut problem = |kind| problems.push(LineProblem { line, kind });
        let address = self.address(record);
        if address.is_none() {
            problem(ProblemKind::MissingAddress);
        }
        let floor_cell = self.cell(record, Field::Floor);
        let floor = parse_floor(floor_cell);
        if floor.is_err() {
            problem(ProblemKind::UnreadableFloor {
                value: floor_cell.to_owned(),
            });
        }
        let rooms_cell = self.cell(record, Field::Rooms);
        let rooms = parse_rooms(rooms_cell).unwrap_or_else(|Unreadable| {
            problem(ProblemKind::UnreadableRooms {
                value: rooms_cell.to_owned(),
            });
            None
        });
        let qpv_cell = self.cell(record, Field::Qpv);
        let qpv = if self.columns.iter().any(|(f, _)| *f == Field::Qpv) {
            parse_qpv(qpv_cell, self.qpv_style).unwrap_or_else(|Unreadable| {
                problem(ProblemKind::UnreadableQpv {
                    value: qpv_cell.to_owned(),
                });
                None
            })
        } else {
            None
        };
        let (address, Ok(floor)) = (address?, floor) else {
            return None;
        };
        let building = match (
            self.optional(record, Field::Building),
            self.optional(record, Field::Immeuble),
        ) {
            (Some(bat), _) => Some(labelled(&bat, BUILDING_WORDS, "Bâtiment")),
            (None, Some(immeuble)) => Some(labelled(&immeuble, BUILDING_WORDS, "Immeuble")),
            (None, None) => None,
        };
        Some(DoorLine {
            line,
            residence_name: self
                .optional(record, Field::ResidenceName)
                .map(|name| tidy_capitals(&name, true)),
            address,
            postcode: self.cell(record, Field::Postcode).to_owned(),
            commune: tidy_capitals(self.cell(record, Field::Commune), true),
            commune_code: self.cell(record, Field::CommuneCode).to_owned(),
            qpv,
            building,
            entrance: self.optional(record, Field::Entrance),
            staircase: self.optional(record, Field::Staircase),
            floor: floor.unwrap_or(0),
            apartment: self.optional(record, Field::Apartment),
            landlord_ref: self.optional(record, Field::LandlordRef),
            rooms,
        })
    }

    /// "12 bis rue des Tilleuls" from NUMVOIE, INDREP, TYPVOIE and NOMVOIE; else the full-address
    /// column; else the lieu-dit.
    fn address(&self, record: &Record<'_>) -> Option<String> {
        let name = self.cell(record, Field::StreetName);
        if !name.is_empty() {
            let number = self
                .cell(record, Field::StreetNumber)
                .trim_start_matches('0');
            let index = self.cell(record, Field::RepetitionIndex);
            let mut kind = street_type(self.cell(record, Field::StreetType));
            // Some files repeat the type in the name ("RUE" + "RUE DES LILAS").
            if !kind.is_empty() && key(name).starts_with(&format!("{} ", key(&kind))) {
                kind.clear();
            }
            let name = tidy_capitals(name, kind.is_empty());
            let index = (!index.is_empty()).then(|| repetition_index(index));
            let parts = [
                Some(number),
                index.as_deref(),
                Some(kind.as_str()),
                Some(&name),
            ];
            let address = parts
                .into_iter()
                .flatten()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            return Some(address);
        }
        [Field::FullAddress, Field::Locality]
            .into_iter()
            .map(|field| self.cell(record, field))
            .find(|value| !value.is_empty())
            .map(|value| tidy_capitals(value, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::csv::{Separator, records};
    use crate::import::mapping::suggest_mapping;

    /// Reads the second line of `text` with the mapping its header suggests.
    fn read(text: &str) -> (Option<DoorLine>, Vec<LineProblem>) {
        let mut all = records(text, Separator::Semicolon);
        let header: Vec<String> = all
            .next()
            .unwrap()
            .fields
            .iter()
            .map(|f| f.to_string())
            .collect();
        let reader = LineReader::new(&suggest_mapping(&header), &header);
        let mut problems = Vec::new();
        let door = reader.read(&all.next().unwrap(), &mut problems);
        (door, problems)
    }

    const HEADER: &str = "DEPCOM;CODEPOSTAL;LIBCOM;NUMVOIE;INDREP;TYPVOIE;NOMVOIE;BAT;ENTREE;ESC;ETAGE;NUMAPPT;QPV;NBPIECE\n";

    #[test]
    fn an_rpls_line_becomes_a_door() {
        let text =
            format!("{HEADER}69256;69120;VAULX-EN-VELIN;012;B;R;DES TILLEULS;A;2;;RDC;A01;1;T3\n");
        let (door, problems) = read(&text);
        assert_eq!(problems, []);
        let door = door.unwrap();
        assert_eq!(door.line, 2);
        assert_eq!(door.address, "12 bis rue des Tilleuls");
        assert_eq!(door.commune, "Vaulx-en-Velin");
        assert_eq!(door.commune_code, "69256");
        assert_eq!(door.building.as_deref(), Some("Bâtiment A"));
        assert_eq!(door.entrance_name().as_deref(), Some("Entrée 2"));
        assert_eq!(door.floor, 0);
        assert_eq!(door.apartment.as_deref(), Some("A01"));
        assert_eq!(door.qpv, Some(true));
        assert_eq!(door.rooms, Some(3));
    }

    #[test]
    fn codes_keep_their_leading_zeros() {
        let text =
            format!("{HEADER}01053;01000;BOURG-EN-BRESSE;1;;AV;ALSACE LORRAINE;;;;2;007;2;4\n");
        let door = read(&text).0.unwrap();
        assert_eq!(door.commune_code, "01053");
        assert_eq!(door.postcode, "01000");
        assert_eq!(door.apartment.as_deref(), Some("007"));
        assert_eq!(door.address, "1 avenue Alsace Lorraine");
        assert_eq!(door.qpv, Some(false));
        assert_eq!(door.building, None);
        assert_eq!(door.entrance_name(), None);
    }

    #[test]
    fn entrance_and_staircase_are_named_together() {
        let text = format!("{HEADER}2A004;20000;AJACCIO;5;;RUE;FESCH;Tour Nord;1;Esc. B;3;;;\n");
        let door = read(&text).0.unwrap();
        assert_eq!(door.commune_code, "2A004");
        assert_eq!(door.building.as_deref(), Some("Tour Nord"));
        assert_eq!(door.entrance_name().as_deref(), Some("Entrée 1, esc. B"));
        assert_eq!(door.qpv, None);
    }

    #[test]
    fn a_type_repeated_in_the_street_name_is_written_once() {
        let text = format!("{HEADER}69256;69120;VAULX;3;;RUE;RUE DES LILAS;;;;1;;;\n");
        assert_eq!(read(&text).0.unwrap().address, "3 Rue des Lilas");
    }

    #[test]
    fn a_line_without_address_and_with_a_bad_floor_says_both() {
        let text = format!("{HEADER}69256;69120;VAULX;3;;;;A;;;3B;;;\n");
        let (door, problems) = read(&text);
        assert_eq!(door, None);
        let kinds: Vec<ProblemKind> = problems.into_iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::MissingAddress,
                ProblemKind::UnreadableFloor { value: "3B".into() }
            ]
        );
    }

    #[test]
    fn unreadable_rooms_and_qpv_keep_the_door() {
        let text = format!("{HEADER}69256;69120;VAULX;3;;RUE;DES LILAS;;;;1;;peut-être;NC\n");
        let (door, problems) = read(&text);
        let door = door.unwrap();
        assert_eq!((door.rooms, door.qpv), (None, None));
        assert_eq!(problems.len(), 2);
        assert!(problems.iter().all(|p| !p.kind.leaves_line_out()));
    }

    #[test]
    fn a_full_address_column_or_a_lieu_dit_will_do() {
        let (door, _) = read("Référence;Adresse;Étage\nL-0042;12 RUE DES TILLEULS;2e\n");
        let door = door.unwrap();
        assert_eq!(door.address, "12 Rue des Tilleuls");
        assert_eq!(door.landlord_ref.as_deref(), Some("L-0042"));
        assert_eq!(door.floor, 2);
        let (door, _) = read("NOMVOIE;LIEUDIT;ETAGE;IMMEU\n;LE HAUT DES VIGNES;;12\n");
        let door = door.unwrap();
        assert_eq!(door.address, "Le Haut des Vignes");
        assert_eq!(door.floor, 0);
        assert_eq!(door.building.as_deref(), Some("Immeuble 12"));
    }

    #[test]
    fn the_recent_qpv_code_column_says_out_when_empty() {
        let (door, _) = read("NOMVOIE;ETAGE;QPV_CODE\nDES LILAS;1;\n");
        assert_eq!(door.unwrap().qpv, Some(false));
        let (door, _) = read("NOMVOIE;ETAGE;QPV_CODE\nDES LILAS;1;QN06917M\n");
        assert_eq!(door.unwrap().qpv, Some(true));
    }
}
