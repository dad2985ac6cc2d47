//! Reading a directory file back: every line that names a structure becomes one, keeping what
//! can be read and reporting the rest line by line.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::columns::{Column, PersonDetail};
use super::export::unguard;
use super::problem::{FileProblem, LineProblem, LineProblemKind};
use crate::i18n::Locale;
use crate::import::csv::{Record, detect_separator, records};
use crate::import::decode::{Encoding, decode};
use crate::partners::check::{
    PartnerProblem, normalise_email, normalise_phone, normalise_website, tidy_line, tidy_text,
};
use crate::partners::ids::PartnerId;
use crate::partners::partner::{
    ContactPerson, MAX_ADDRESS_CHARS, MAX_CONTACTS, MAX_DESCRIPTION_CHARS, MAX_HOURS_CHARS,
    MAX_PARTNER_NAME_CHARS, MAX_PERSON_NAME_CHARS, MAX_ROLE_CHARS, PartnerField, PartnerFields,
};
use crate::partners::search::fold;
use crate::partners::vocabulary::{PartnerKind, Theme};
use crate::territory::{Residence, ResidenceId};

/// One line that became a partner: the fields of the columns the file has (a file without
/// "horaires" leaves the hours as they are), values with a problem left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedLine {
    pub line: usize,
    /// From the "identifiant" column, when the file came from an export.
    pub id: Option<PartnerId>,
    pub fields: PartnerFields,
}

/// What reading the file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub encoding: Encoding,
    pub lines: Vec<ImportedLine>,
    /// In line order.
    pub problems: Vec<LineProblem>,
    pub file_problems: Vec<FileProblem>,
}

impl Reading {
    /// Every line became a partner with every value: importing needs no warning.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.file_problems.is_empty()
    }

    /// How many lines no partner was made of.
    pub fn lines_left_out(&self) -> usize {
        let lines: BTreeSet<usize> = self
            .problems
            .iter()
            .filter(|p| p.kind.leaves_line_out())
            .map(|p| p.line)
            .collect();
        lines.len()
    }
}

/// Reads a directory file. `residences` are the campaign's, to recognise them by name.
pub fn read(bytes: &[u8], residences: &[Residence]) -> Reading {
    let decoded = decode(bytes);
    let mut reading = Reading {
        encoding: decoded.encoding,
        lines: Vec::new(),
        problems: Vec::new(),
        file_problems: Vec::new(),
    };
    let text = decoded.text.as_str();
    let mut all = records(text, detect_separator(text)).filter(|r| !r.is_blank());
    let Some(header) = all.next() else {
        reading.file_problems.push(FileProblem::Empty);
        return reading;
    };
    let columns = header_columns(&header, &mut reading.file_problems);
    if !columns
        .values()
        .any(|c| *c == Column::Field(PartnerField::Name))
    {
        reading.file_problems.push(FileProblem::NoNameColumn);
        return reading;
    }
    let mut seen = HashMap::<String, usize>::new();
    for record in all {
        let mut line = Line {
            record: &record,
            columns: &columns,
            problems: Vec::new(),
        };
        if let Some(imported) = line.read(header.fields.len(), residences, &mut seen) {
            reading.lines.push(imported);
        }
        reading
            .problems
            .extend(line.problems.into_iter().map(|kind| LineProblem {
                line: record.line,
                kind,
            }));
    }
    reading
}

/// Which column each position holds; unknown and repeated columns are reported and skipped.
fn header_columns(header: &Record<'_>, problems: &mut Vec<FileProblem>) -> BTreeMap<usize, Column> {
    let mut columns = BTreeMap::new();
    let mut taken = BTreeSet::new();
    for (position, name) in header.fields.iter().enumerate() {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        match Column::recognise(name) {
            Some(column) if taken.insert(column) => {
                columns.insert(position, column);
            }
            Some(_) => problems.push(FileProblem::DuplicateColumn {
                header: name.to_owned(),
            }),
            None => problems.push(FileProblem::UnknownColumn {
                header: name.to_owned(),
            }),
        }
    }
    columns
}

struct Line<'a, 'r> {
    record: &'a Record<'r>,
    columns: &'a BTreeMap<usize, Column>,
    problems: Vec<LineProblemKind>,
}

impl Line<'_, '_> {
    /// The cell of `column`, without the formula guard; `None` when the file has no such column.
    fn cell(&self, column: Column) -> Option<&str> {
        let (position, _) = self.columns.iter().find(|(_, c)| **c == column)?;
        Some(
            self.record
                .fields
                .get(*position)
                .map_or("", |value| unguard(value)),
        )
    }

    fn field(&self, field: PartnerField) -> Option<&str> {
        self.cell(Column::Field(field))
    }

    fn value_problem(&mut self, problem: PartnerProblem) {
        self.problems.push(LineProblemKind::Value { problem });
    }

    /// A text of at most `max` characters, or nothing when it is too long (and that reported).
    fn text(&mut self, field: PartnerField, max: usize, multiline: bool) -> Option<String> {
        let raw = self.field(field)?;
        let text = if multiline {
            tidy_text(raw)
        } else {
            tidy_line(raw)
        };
        if text.chars().count() > max {
            self.value_problem(PartnerProblem::TooLong { field, max });
            return None;
        }
        Some(text)
    }

    fn read(
        &mut self,
        header_len: usize,
        residences: &[Residence],
        seen: &mut HashMap<String, usize>,
    ) -> Option<ImportedLine> {
        let record = self.record;
        if record.unclosed_quote {
            self.problems.push(LineProblemKind::UnclosedQuote);
            return None;
        }
        // Fewer values than columns: the spreadsheet left the empty cells at the end out.
        let extra = record.fields.iter().skip(header_len);
        if extra.clone().any(|value| !value.trim().is_empty()) {
            self.problems.push(LineProblemKind::WrongFieldCount {
                expected: header_len,
                found: record.fields.len(),
            });
            return None;
        }
        let id = match self.cell(Column::Id).map(str::trim) {
            None | Some("") => None,
            Some(value) => match PartnerId::parse(value) {
                Ok(id) => Some(id),
                Err(_) => {
                    self.problems.push(LineProblemKind::BadId {
                        value: value.to_owned(),
                    });
                    return None;
                }
            },
        };
        let name = tidy_line(self.field(PartnerField::Name).unwrap_or_default());
        if name.is_empty() {
            self.problems.push(LineProblemKind::NameMissing);
            return None;
        }
        if name.chars().count() > MAX_PARTNER_NAME_CHARS {
            self.value_problem(PartnerProblem::TooLong {
                field: PartnerField::Name,
                max: MAX_PARTNER_NAME_CHARS,
            });
            return None;
        }
        let keys = [
            Some(format!("name {}", fold(&name))),
            id.as_ref().map(|id| format!("id {id}")),
        ];
        if let Some(first_line) = keys.iter().flatten().find_map(|k| seen.get(k)) {
            self.problems.push(LineProblemKind::Duplicate {
                first_line: *first_line,
            });
            return None;
        }
        for key in keys.into_iter().flatten() {
            seen.insert(key, record.line);
        }

        let fields = PartnerFields {
            name: Some(name),
            kind: self.kind(),
            themes: self.themes(),
            address: self.text(PartnerField::Address, MAX_ADDRESS_CHARS, false),
            phone: self.normalised(PartnerField::Phone),
            email: self.normalised(PartnerField::Email),
            website: self.normalised(PartnerField::Website),
            hours: self.text(PartnerField::Hours, MAX_HOURS_CHARS, true),
            contacts: self.contacts(),
            residences: self.residences(residences),
            description: self.text(PartnerField::Description, MAX_DESCRIPTION_CHARS, true),
            archived: None,
        };
        Some(ImportedLine {
            line: record.line,
            id,
            fields,
        })
    }

    fn kind(&mut self) -> Option<PartnerKind> {
        let raw = self.field(PartnerField::Kind)?.trim();
        if raw.is_empty() {
            return Some(PartnerKind::Autre);
        }
        let key = fold(raw);
        let found = PartnerKind::ALL.into_iter().find(|kind| {
            fold(kind.wire_name()) == key
                || Locale::ALL.iter().any(|l| fold(kind.label(*l)) == key)
                || kind.keywords().iter().any(|k| fold(k) == key)
        });
        if found.is_none() {
            self.problems.push(LineProblemKind::UnknownKind {
                value: raw.to_owned(),
            });
        }
        Some(found.unwrap_or(PartnerKind::Autre))
    }

    fn themes(&mut self) -> Option<BTreeSet<Theme>> {
        let raw = self.field(PartnerField::Themes)?.to_owned();
        let mut themes = BTreeSet::new();
        for item in split_list(&raw) {
            let key = fold(item);
            let found = Theme::ALL.into_iter().find(|theme| {
                fold(theme.wire_name()) == key
                    || Locale::ALL.iter().any(|l| fold(theme.label(*l)) == key)
            });
            match found {
                Some(theme) => {
                    themes.insert(theme);
                }
                None => self.problems.push(LineProblemKind::UnknownTheme {
                    value: item.to_owned(),
                }),
            }
        }
        Some(themes)
    }

    fn residences(&mut self, known: &[Residence]) -> Option<BTreeSet<ResidenceId>> {
        let raw = self.field(PartnerField::Residences)?.to_owned();
        let find = |item: &str| {
            let key = fold(item);
            known
                .iter()
                .find(|r| r.id.as_str() == item.trim() || fold(&r.name) == key)
                .map(|r| r.id.clone())
        };
        // A name may hold a comma ("Les Tilleuls, bâtiment A"): the whole cell first.
        if let Some(id) = find(&raw) {
            return Some([id].into());
        }
        let mut found = BTreeSet::new();
        for item in split_list(&raw) {
            match find(item) {
                Some(id) => {
                    found.insert(id);
                }
                None => self.problems.push(LineProblemKind::UnknownResidence {
                    value: item.to_owned(),
                }),
            }
        }
        Some(found)
    }

    fn normalised(&mut self, field: PartnerField) -> Option<String> {
        let raw = self.field(field)?;
        let result = match field {
            PartnerField::Phone => normalise_phone(raw).map_err(PartnerProblem::Phone),
            PartnerField::Email => normalise_email(raw).map_err(PartnerProblem::Email),
            _ => normalise_website(raw),
        };
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.value_problem(problem);
                None
            }
        }
    }

    fn contacts(&mut self) -> Option<Vec<ContactPerson>> {
        let numbers: BTreeSet<usize> = self
            .columns
            .values()
            .filter_map(|c| match c {
                Column::Person { number, .. } => Some(*number),
                _ => None,
            })
            .collect();
        if numbers.is_empty() {
            return None;
        }
        let mut people = Vec::new();
        for number in numbers {
            let cell = |detail| {
                self.cell(Column::Person { number, detail })
                    .unwrap_or_default()
                    .to_owned()
            };
            let [name, role, phone, email] = PersonDetail::ALL.map(cell);
            if [&name, &role, &phone, &email]
                .iter()
                .all(|v| v.trim().is_empty())
            {
                continue;
            }
            // Numbered as on screen once read, so the problem names the person it is about.
            let contact = people.len() + 1;
            let name = tidy_line(&name);
            let role = tidy_line(&role);
            if name.is_empty() {
                self.value_problem(PartnerProblem::ContactNameMissing { contact });
                continue;
            }
            if people.len() == MAX_CONTACTS {
                self.value_problem(PartnerProblem::TooManyContacts);
                break;
            }
            if name.chars().count() > MAX_PERSON_NAME_CHARS || role.chars().count() > MAX_ROLE_CHARS
            {
                self.value_problem(PartnerProblem::ContactTooLong { contact });
                continue;
            }
            let phone = normalise_phone(&phone).unwrap_or_else(|problem| {
                self.value_problem(PartnerProblem::ContactPhone { contact, problem });
                String::new()
            });
            let email = normalise_email(&email).unwrap_or_else(|problem| {
                self.value_problem(PartnerProblem::ContactEmail { contact, problem });
                String::new()
            });
            people.push(ContactPerson {
                name,
                role,
                phone,
                email,
            });
        }
        Some(people)
    }
}

/// The items of a list cell: "Numérique, FLE / ASL" or one per line.
fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([',', ';', '|', '\n', '\r'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
}
