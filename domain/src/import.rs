//! Importing a landlord's dwelling file (the RPLS layout, or the landlord's own export) into a
//! campaign's territory, as pure functions the browser calls.
//!
//! The coordinator's path, and the step that serves each screen:
//! 1. [`decode()`] the bytes (UTF-8 with or without BOM, else Windows-1252 / ISO-8859-1) and detect
//!    the separator from the header line ([`csv`]);
//! 2. the mapping screen starts from [`suggest_mapping`], which recognises RPLS and common French
//!    header names, and says what is still missing ([`Mapping::missing_required`]);
//! 3. [`preview`] reads every line (`door_line`), groups the doors into résidences, bâtiments
//!    and entrées with deterministic ids (`grouping`), and returns the summary, the problems of
//!    each line in plain words ([`problem`]) and the territory built from the valid lines;
//! 4. the coordinator imports everything (only when no line is left out:
//!    [`Preview::can_import_all`]) or, knowingly, only the valid lines; the result is merged into
//!    the campaign's territory with [`Territory::merge_import`], which a re-import leaves as is.
//!
//! Performance: a 50,000-line RPLS file takes about 0.15 s natively with `opt-level = 3` and
//! 0.25 s with the workspace's size-first release profile (measured on the build machine), so
//! the browser stays within its 3 s. Fields borrow from the decoded text; the cost is mostly
//! the per-door strings the territory keeps.

pub mod csv;
pub mod decode;
mod door_line;
pub(crate) mod grouping;
pub mod mapping;
pub mod merge;
pub mod problem;
pub mod values;
mod words;

use serde::{Deserialize, Serialize};

use crate::territory::Territory;
pub use csv::Separator;
pub use decode::{Decoded, Encoding, decode};
use door_line::LineReader;
use grouping::Grouping;
pub use mapping::{DuplicateColumn, Field, Mapping, RequiredColumn, suggest_mapping};
pub use merge::MergeSummary;
pub use problem::{FileProblem, LineProblem, ProblemKind};

/// How many lines the preview table shows.
pub const SAMPLE_ROWS: usize = 10;

/// What the import would give, in numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub residences: usize,
    pub buildings: usize,
    pub entrances: usize,
    pub doors: usize,
    /// Lines that became a door (possibly with a value left out, see [`ProblemKind::leaves_line_out`]).
    pub valid_lines: usize,
    /// Lines left out because of their problems. Both counts stay at zero while the columns do
    /// not allow reading doors (see [`Preview::file_problems`]).
    pub invalid_lines: usize,
}

/// Everything the import screens show, and the territory to import.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub encoding: Encoding,
    pub separator: Separator,
    /// The column names, trimmed.
    pub header: Vec<String>,
    /// The mapping used: the one given, or the suggested one; columns past the header removed.
    pub mapping: Mapping,
    /// The first [`SAMPLE_ROWS`] lines after the header, as written.
    pub sample_rows: Vec<Vec<String>>,
    pub summary: Summary,
    pub file_problems: Vec<FileProblem>,
    /// In line order.
    pub problems: Vec<LineProblem>,
    /// Built from the valid lines only.
    pub territory: Territory,
}

impl Preview {
    /// Every line of the file becomes a door: "Importer tout" needs no warning.
    pub fn can_import_all(&self) -> bool {
        self.can_import_valid_lines() && self.summary.invalid_lines == 0
    }

    /// Some doors can be imported, the lines left out being known to the coordinator.
    pub fn can_import_valid_lines(&self) -> bool {
        self.summary.doors > 0 && !self.file_problems.iter().any(FileProblem::blocks_import)
    }
}

/// Reads the whole file with `mapping`, or with the suggested one when `None`.
pub fn preview(bytes: &[u8], mapping: Option<Mapping>) -> Preview {
    let Decoded { text, encoding } = decode(bytes);
    let separator = csv::detect_separator(&text);
    let mut lines = csv::records(&text, separator).filter(|r| !r.is_blank());
    let Some(header_line) = lines.next() else {
        return Preview {
            encoding,
            separator,
            header: Vec::new(),
            mapping: mapping.unwrap_or_default(),
            sample_rows: Vec::new(),
            summary: Summary::default(),
            file_problems: vec![FileProblem::Empty],
            problems: Vec::new(),
            territory: Territory::default(),
        };
    };
    let header: Vec<String> = header_line
        .fields
        .iter()
        .map(|f| f.trim().to_owned())
        .collect();
    let (mapping, mut file_problems) = checked_mapping(mapping, &header);
    let usable = mapping.is_usable();
    // Trailing empty header cells (a final ";") are not columns a line must fill.
    let width = header.len() - header.iter().rev().take_while(|h| h.is_empty()).count();

    let reader = LineReader::new(&mapping, &header);
    let mut grouping = Grouping::default();
    let mut sample_rows = Vec::with_capacity(SAMPLE_ROWS);
    let mut problems = Vec::new();
    let (mut line_count, mut valid_lines) = (0, 0);
    for record in lines {
        line_count += 1;
        if sample_rows.len() < SAMPLE_ROWS {
            sample_rows.push(record.fields.iter().map(|f| f.to_string()).collect());
        }
        if !usable {
            continue;
        }
        let line = record.line;
        let found = record.fields.len();
        let extra_cells_empty = record
            .fields
            .iter()
            .skip(header.len())
            .all(|f| f.trim().is_empty());
        if record.unclosed_quote {
            problems.push(LineProblem {
                line,
                kind: ProblemKind::UnclosedQuote,
            });
        } else if found < width || !extra_cells_empty {
            problems.push(LineProblem {
                line,
                kind: ProblemKind::WrongFieldCount {
                    expected: width,
                    found,
                },
            });
        } else if let Some(door) = reader.read(&record, &mut problems)
            && grouping.add(door, &mut problems)
        {
            valid_lines += 1;
        }
    }
    if line_count == 0 {
        file_problems.push(FileProblem::NoDwellings);
    }
    if grouping.counted_doors_in_file_order() {
        file_problems.push(FileProblem::DoorsNumberedInFileOrder);
    }
    // Duplicates are found after the line's own checks; a stable sort keeps each line's order.
    problems.sort_by_key(|p| p.line);
    let territory = grouping.finish();
    let summary = Summary {
        residences: territory.residences.len(),
        buildings: territory.building_count(),
        entrances: territory.entrance_count(),
        doors: territory.door_count(),
        valid_lines,
        invalid_lines: if usable { line_count - valid_lines } else { 0 },
    };
    Preview {
        encoding,
        separator,
        header,
        mapping,
        sample_rows,
        summary,
        file_problems,
        problems,
        territory,
    }
}

/// The mapping to read with, and what is wrong with the columns.
fn checked_mapping(given: Option<Mapping>, header: &[String]) -> (Mapping, Vec<FileProblem>) {
    let mut problems: Vec<FileProblem> = mapping::duplicate_columns(header)
        .into_iter()
        .map(FileProblem::DuplicateColumn)
        .collect();
    let mut mapping = given.unwrap_or_else(|| suggest_mapping(header));
    let out_of_range: Vec<(Field, usize)> = mapping
        .fields()
        .filter(|&(_, column)| column >= header.len())
        .collect();
    for (field, column) in out_of_range {
        mapping.set(field, None);
        problems.push(FileProblem::ColumnOutOfRange { field, column });
    }
    problems.extend(
        mapping
            .missing_required()
            .into_iter()
            .map(|required| FileProblem::MissingColumn { required }),
    );
    (mapping, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::territory::Door;

    const HEADER: &str =
        "DEPCOM;CODEPOSTAL;LIBCOM;NUMVOIE;TYPVOIE;NOMVOIE;BAT;ESC;ETAGE;NUMAPPT;NBPIECE";

    fn file(lines: &[&str]) -> String {
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }

    fn doors(preview: &Preview) -> Vec<&Door> {
        preview.territory.doors().collect()
    }

    #[test]
    fn a_bom_file_imports_like_the_same_file_without_it() {
        let text = file(&[
            HEADER,
            "69256;69120;VAULX-EN-VELIN;12;RUE;DES TILLEULS;A;1;RDC;A01;3",
        ]);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(text.as_bytes());
        let plain = preview(text.as_bytes(), None);
        let bom = preview(&with_bom, None);
        assert_eq!(bom.encoding, Encoding::Utf8WithBom);
        assert_eq!(bom.header[0], "DEPCOM");
        assert_eq!(bom.mapping, plain.mapping);
        assert_eq!(bom.territory, plain.territory);
        assert!(bom.can_import_all());
    }

    #[test]
    fn an_iso_8859_1_file_keeps_allee_des_erables() {
        let text = file(&[
            "DEPCOM;CODEPOSTAL;LIBCOM;NUMVOIE;TYPVOIE;NOMVOIE;ETAGE;NUMAPPT",
            "93031;93800;ÉPINAY-SUR-SEINE;4;;Allée des Érables;2;21",
        ]);
        let bytes = decode::encode_windows_1252(&text);
        assert!(std::str::from_utf8(&bytes).is_err());
        let preview = preview(&bytes, None);
        assert_eq!(preview.encoding, Encoding::Windows1252);
        let residence = &preview.territory.residences[0];
        assert_eq!(residence.address, "4 Allée des Érables");
        assert_eq!(residence.commune, "Épinay-sur-Seine");
        assert_eq!(residence.commune_code, "93031");
    }

    #[test]
    fn comma_and_tab_files_are_read_when_their_header_says_so() {
        let comma = "Adresse,Étage,Porte\n\"12 rue des Tilleuls, bât. A\",1,12\n";
        let preview_comma = preview(comma.as_bytes(), None);
        assert_eq!(preview_comma.separator, Separator::Comma);
        assert_eq!(
            preview_comma.territory.residences[0].address,
            "12 rue des Tilleuls, bât. A"
        );
        let tab = "Adresse\tÉtage\tPorte\r\n12 rue des Tilleuls\t1er\t12\r\n";
        let preview_tab = preview(tab.as_bytes(), None);
        assert_eq!(preview_tab.separator, Separator::Tab);
        assert_eq!(doors(&preview_tab)[0].floor, 1);
    }

    #[test]
    fn a_quoted_separator_stays_in_its_field() {
        let text = file(&[
            "Groupe;NOMVOIE;ETAGE;NUMAPPT",
            "\"Les Tilleuls; tranche 2\";DES TILLEULS;1;11",
        ]);
        let preview = preview(text.as_bytes(), None);
        assert_eq!(preview.problems, []);
        assert_eq!(
            preview.territory.residences[0].name,
            "Les Tilleuls; tranche 2"
        );
    }

    #[test]
    fn missing_columns_block_the_import_and_say_what_is_missing() {
        let preview = preview(b"NUMVOIE;NBPIECE\n12;3\n", None);
        assert!(!preview.mapping.is_usable());
        assert_eq!(
            preview.file_problems,
            [
                FileProblem::MissingColumn {
                    required: RequiredColumn::Address
                },
                FileProblem::MissingColumn {
                    required: RequiredColumn::FloorOrDoor
                },
            ]
        );
        assert_eq!(preview.summary, Summary::default());
        assert_eq!(preview.sample_rows, [["12", "3"]]);
        assert!(!preview.can_import_valid_lines());
        assert!(!preview.can_import_all());
    }

    #[test]
    fn a_mapping_chosen_on_screen_makes_an_unknown_header_usable() {
        let text = b"Col1;Col2;Col3\n12 rue des Tilleuls;2;B21\n";
        assert!(!preview(text, None).can_import_all());
        let mut mapping = Mapping::default();
        mapping.assign(0, Some(Field::FullAddress));
        mapping.assign(1, Some(Field::Floor));
        mapping.assign(2, Some(Field::Apartment));
        let chosen = preview(text, Some(mapping.clone()));
        assert_eq!(chosen.mapping, mapping);
        assert!(chosen.can_import_all());
        assert_eq!(doors(&chosen)[0].apartment.as_deref(), Some("B21"));
    }

    #[test]
    fn a_mapping_made_for_another_file_loses_its_missing_columns() {
        let mut mapping = suggest_mapping(&["NOMVOIE".into(), "ETAGE".into(), "NBPIECE".into()]);
        mapping.set(Field::Apartment, Some(7));
        let preview = preview(b"NOMVOIE;ETAGE\nDES LILAS;1\n", Some(mapping));
        assert!(
            preview
                .file_problems
                .contains(&FileProblem::ColumnOutOfRange {
                    field: Field::Rooms,
                    column: 2
                })
        );
        assert_eq!(preview.mapping.column(Field::Apartment), None);
        assert_eq!(preview.summary.doors, 1);
        assert!(preview.can_import_all());
    }

    #[test]
    fn duplicate_columns_are_reported_without_stopping_the_import() {
        let text = file(&["NOMVOIE;ETAGE;NUMAPPT;etage", "DES LILAS;1;11;2"]);
        let preview = preview(text.as_bytes(), None);
        assert_eq!(
            preview.file_problems,
            [FileProblem::DuplicateColumn(DuplicateColumn {
                name: "ETAGE".into(),
                columns: vec![1, 3]
            })]
        );
        assert_eq!(doors(&preview)[0].floor, 1);
        assert!(preview.can_import_all());
    }

    #[test]
    fn the_same_door_twice_is_kept_once_and_reported() {
        let text = file(&[
            HEADER,
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;1;11;3",
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;2;21;3",
            // Same door spelled differently: case, accents, leading zero on the floor.
            "69256;69120;Vaulx;12;R;des tilleuls;a;1;01;11;3",
        ]);
        let preview = preview(text.as_bytes(), None);
        assert_eq!(
            preview.problems,
            [LineProblem {
                line: 4,
                kind: ProblemKind::DuplicateDoor { first_line: 2 }
            }]
        );
        assert_eq!(preview.summary.doors, 2);
        assert_eq!(
            (preview.summary.valid_lines, preview.summary.invalid_lines),
            (2, 1)
        );
        assert!(!preview.can_import_all());
        assert!(preview.can_import_valid_lines());
    }

    #[test]
    fn the_same_landlord_reference_twice_is_a_duplicate() {
        let text = file(&[
            "Réf;Adresse;Étage",
            "L1;12 rue A;1",
            "L1;14 rue B;2",
            "L2;14 rue B;2",
        ]);
        let preview = preview(text.as_bytes(), None);
        assert_eq!(preview.problems.len(), 1);
        assert_eq!(preview.problems[0].line, 3);
        assert_eq!(preview.summary.doors, 2);
    }

    #[test]
    fn lines_with_the_wrong_number_of_fields_are_left_out() {
        let text = file(&[
            "NOMVOIE;ETAGE;NUMAPPT;",
            "DES LILAS;1;11",
            "DES LILAS;1;12;;",
            "DES LILAS;2",
            // A value under the header's empty last column is tolerated; one past it is not.
            "DES LILAS;2;21;note",
            "DES LILAS;2;22;;oops",
        ]);
        let preview = preview(text.as_bytes(), None);
        let kinds: Vec<(usize, ProblemKind)> = preview
            .problems
            .iter()
            .map(|p| (p.line, p.kind.clone()))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    4,
                    ProblemKind::WrongFieldCount {
                        expected: 3,
                        found: 2
                    }
                ),
                (
                    6,
                    ProblemKind::WrongFieldCount {
                        expected: 3,
                        found: 5
                    }
                ),
            ]
        );
        assert_eq!(preview.summary.doors, 3);
    }

    #[test]
    fn an_unclosed_quote_leaves_its_line_out() {
        let text = "NOMVOIE;ETAGE;NUMAPPT\nDES LILAS;1;11\n\"DES LILAS;2;21\nDES LILAS;3;31\n";
        let preview = preview(text.as_bytes(), None);
        assert_eq!(preview.problems[0].kind, ProblemKind::UnclosedQuote);
        assert_eq!(preview.problems[0].line, 3);
        assert_eq!(preview.summary.doors, 1);
    }

    #[test]
    fn empty_files_and_header_only_files_say_so() {
        for empty in [&b""[..], b"\n\n", b"\xEF\xBB\xBF", b";;;\r\n"] {
            let preview = preview(empty, None);
            assert_eq!(preview.file_problems, [FileProblem::Empty], "{empty:?}");
            assert!(!preview.can_import_valid_lines());
        }
        let header_only = preview(b"NOMVOIE;ETAGE;NUMAPPT\r\n\r\n", None);
        assert_eq!(header_only.file_problems, [FileProblem::NoDwellings]);
        assert!(!header_only.can_import_all());
    }

    #[test]
    fn without_apartment_numbers_doors_of_a_floor_are_counted_in_file_order() {
        // The public RPLS file: no NUMAPPT, several flats on the same floor.
        let text = file(&[
            "DEPCOM_CODE;NUMVOIE;TYPVOIE;NOMVOIE;ETAGE;NBPIECE",
            "69256;8;RUE;DES LILAS;01;3",
            "69256;8;RUE;DES LILAS;01;4",
            "69256;8;RUE;DES LILAS;02;3",
        ]);
        let first = preview(text.as_bytes(), None);
        assert_eq!(first.problems, []);
        assert_eq!(first.summary.doors, 3);
        assert_eq!(first.file_problems, [FileProblem::DoorsNumberedInFileOrder]);
        assert!(first.can_import_all());
        let rooms: Vec<Option<u8>> = doors(&first).iter().map(|d| d.rooms).collect();
        assert_eq!(rooms, [Some(3), Some(4), Some(3)]);
        let again = preview(text.as_bytes(), None);
        assert_eq!(again.territory, first.territory);
        // Individual houses: one door per address, no floor, no number: nothing to warn about.
        let houses = file(&[
            "NUMVOIE;NOMVOIE;ETAGE;TYPECONST",
            "1;DES VIGNES;;I",
            "3;DES VIGNES;;I",
        ]);
        let houses = preview(houses.as_bytes(), None);
        assert_eq!(houses.file_problems, []);
        assert_eq!(houses.summary.doors, 2);
    }

    #[test]
    fn grouping_follows_address_building_and_entrance() {
        let text = file(&[
            HEADER,
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;1;11;3",
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;2;1;11;3",
            "69256;69120;VAULX;12;RUE;DES TILLEULS;B;;1;11;3",
            "69256;69120;VAULX;14;RUE;DES TILLEULS;;;1;11;3",
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;10;101;3",
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;2;21;3",
        ]);
        let preview = preview(text.as_bytes(), None);
        let summary = preview.summary;
        assert_eq!(
            (
                summary.residences,
                summary.buildings,
                summary.entrances,
                summary.doors
            ),
            (2, 3, 4, 6)
        );
        let twelve = &preview.territory.residences[0];
        assert_eq!(twelve.name, "12 rue des Tilleuls, 69120 Vaulx");
        let names: Vec<&str> = twelve.buildings.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["Bâtiment A", "Bâtiment B"]);
        let a1 = &twelve.buildings[0].entrances[0];
        assert_eq!(a1.name, "Escalier 1");
        let floors: Vec<i32> = a1.doors.iter().map(|d| d.floor).collect();
        assert_eq!(floors, [1, 2, 10]);
        assert_eq!(twelve.buildings[1].entrances[0].name, "12 rue des Tilleuls");
        let fourteen = &preview.territory.residences[1];
        assert_eq!(fourteen.buildings[0].name, "14 rue des Tilleuls");
        assert_eq!(
            fourteen.buildings[0].entrances[0].name,
            "14 rue des Tilleuls"
        );
    }

    #[test]
    fn a_group_column_gathers_addresses_into_one_residence() {
        let text = file(&[
            "Programme;Adresse;Bâtiment;Étage;Porte",
            "LES TILLEULS;12 rue des Tilleuls;A;1;11",
            "LES TILLEULS;14 rue des Tilleuls;B;1;11",
            "LES ÉRABLES;3 allée des Érables;;RDC;1",
        ]);
        let preview = preview(text.as_bytes(), None);
        let names: Vec<&str> = preview
            .territory
            .residences
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(names, ["Les Érables", "Les Tilleuls"]);
        assert_eq!(preview.territory.residences[1].buildings.len(), 2);
        assert_eq!(
            preview.territory.residences[1].address,
            "12 rue des Tilleuls"
        );
    }

    #[test]
    fn the_same_file_gives_the_same_ids() {
        let text = file(&[
            HEADER,
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;1;11;3",
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;2;21;3",
        ]);
        let first = preview(text.as_bytes(), None);
        let second = preview(text.as_bytes(), None);
        assert_eq!(first.territory, second.territory);
        let ids: Vec<&str> = doors(&first).iter().map(|d| d.id.as_str()).collect();
        assert!(
            ids.iter()
                .all(|id| id.starts_with("door-") && id.len() == 21)
        );
        assert!(
            first.territory.residences[0]
                .id
                .as_str()
                .starts_with("res-")
        );
        // Lines in another order, same doors.
        let reordered = file(&[
            HEADER,
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;2;21;3",
            "69256;69120;VAULX;12;RUE;DES TILLEULS;A;1;1;11;3",
        ]);
        assert_eq!(
            preview(reordered.as_bytes(), None).territory,
            first.territory
        );
    }

    #[test]
    fn problem_texts_carry_the_line_number() {
        let text = file(&["NOMVOIE;ETAGE;NUMAPPT", "DES LILAS;3B;31"]);
        let preview = preview(text.as_bytes(), None);
        assert_eq!(
            preview.problems[0].text(Locale::Fr),
            "Ligne 2 : l'étage « 3B » n'est pas lisible (attendu : RDC, 0, 1, -1…)."
        );
    }

    #[test]
    fn the_sample_shows_ten_lines_as_written() {
        let mut lines = vec!["NOMVOIE;ETAGE;NUMAPPT".to_owned()];
        lines.extend((1..=15).map(|n| format!("DES LILAS;{n};\"{n}1\"")));
        let text = lines.join("\n");
        let preview = preview(text.as_bytes(), None);
        assert_eq!(preview.sample_rows.len(), SAMPLE_ROWS);
        assert_eq!(preview.sample_rows[9], ["DES LILAS", "10", "101"]);
        assert_eq!(preview.summary.doors, 15);
    }

    /// A landlord's whole stock: 50,000 lines. Timing was measured by hand in release builds (see
    /// the module's performance note); this checks that nothing is lost or duplicated at scale.
    #[test]
    fn fifty_thousand_lines_import_with_exact_counts() {
        let text = big_file(50_000);
        let preview = preview(text.as_bytes(), None);
        assert_eq!(preview.problems, []);
        let summary = preview.summary;
        assert_eq!(summary.valid_lines, 50_000);
        assert_eq!(summary.doors, 50_000);
        // 250 addresses, each one résidence with 2 bâtiments of 2 entrées.
        assert_eq!(summary.residences, 250);
        assert_eq!(summary.buildings, 500);
        assert_eq!(summary.entrances, 1_000);
        assert!(preview.can_import_all());
    }

    /// 50 doors per entrée (10 floors × 5), 4 entrées per address.
    pub(crate) fn big_file(lines: usize) -> String {
        let mut text = String::with_capacity(lines * 120);
        text.push_str("DEPCOM_CODE;DEPCOM_LIBELLE;CODEPOSTAL;NUMVOIE;INDREP;TYPVOIE;NOMVOIE;BAT;ESC;ETAGE;NUMAPPT;QPV_CODE;NBPIECE;SURFHAB\r\n");
        for n in 0..lines {
            let (entrance, door) = (n / 50, n % 50);
            let (address, building, staircase) = (entrance / 4, (entrance / 2) % 2, entrance % 2);
            let (floor, position) = (door / 5, door % 5);
            let floor = if floor == 0 {
                "RDC".to_owned()
            } else {
                format!("{floor:02}")
            };
            let qpv = if address % 3 == 0 { "QN06917M" } else { "" };
            text.push_str(&format!(
                "69256;VAULX-EN-VELIN;69120;{};;AV;GABRIEL PERI;{};{};{floor};{}{};{qpv};T{};64,5\r\n",
                address + 1,
                ["A", "B"][building],
                staircase + 1,
                door / 5,
                position,
                position + 1,
            ));
        }
        text
    }
}
