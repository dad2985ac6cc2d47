//! Writing the directory for a spreadsheet.

use super::columns::{Column, FIELD_COLUMNS, PersonDetail};
use crate::contact::display_phone;
use crate::i18n::Locale;
use crate::partners::partner::{Partner, PartnerField};
use crate::territory::Residence;

use crate::export::csv::{BOM, LINE_END, SEPARATOR, write_value};

/// The file's bytes: every partner not archived, one line each, in the order given (the
/// directory's, by name). Résidences are written by name when `residences` knows them, so the
/// file reads well; contact people get as many "contact N …" column groups as the partner with
/// the most (at least one, so the file shows where to add them).
pub fn export(partners: &[Partner], residences: &[Residence]) -> Vec<u8> {
    let partners: Vec<&Partner> = partners.iter().filter(|p| !p.archived).collect();
    let people = partners
        .iter()
        .map(|p| p.contacts.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut columns: Vec<Column> = FIELD_COLUMNS.map(Column::Field).to_vec();
    for number in 1..=people {
        for detail in PersonDetail::ALL {
            columns.push(Column::Person { number, detail });
        }
    }
    columns.push(Column::Id);

    let mut out = String::from(BOM);
    let header: Vec<String> = columns.iter().map(|c| c.header()).collect();
    push_line(&mut out, header.iter().map(String::as_str));
    for partner in partners {
        let values: Vec<String> = columns
            .iter()
            .map(|column| value(partner, *column, residences))
            .collect();
        push_line(&mut out, values.iter().map(String::as_str));
    }
    out.into_bytes()
}

fn value(partner: &Partner, column: Column, residences: &[Residence]) -> String {
    let phone = |stored: &str| {
        if stored.is_empty() {
            String::new()
        } else {
            display_phone(stored)
        }
    };
    match column {
        Column::Id => partner.id.to_string(),
        Column::Field(field) => match field {
            PartnerField::Name => partner.name.clone(),
            PartnerField::Kind => partner.kind.label(Locale::Fr).to_owned(),
            PartnerField::Themes => partner
                .themes
                .iter()
                .map(|t| t.label(Locale::Fr))
                .collect::<Vec<_>>()
                .join(", "),
            PartnerField::Address => partner.address.clone(),
            PartnerField::Phone => phone(&partner.phone),
            PartnerField::Email => partner.email.clone(),
            PartnerField::Website => partner.website.clone(),
            PartnerField::Hours => partner.hours.clone(),
            PartnerField::Residences => partner
                .residences
                .iter()
                .map(|id| {
                    residences
                        .iter()
                        .find(|r| &r.id == id)
                        .map_or_else(|| id.to_string(), |r| r.name.clone())
                })
                .collect::<Vec<_>>()
                .join(", "),
            PartnerField::Description => partner.description.clone(),
            PartnerField::Contacts | PartnerField::Archived => String::new(),
        },
        Column::Person { number, detail } => {
            let Some(person) = partner.contacts.get(number - 1) else {
                return String::new();
            };
            match detail {
                PersonDetail::Name => person.name.clone(),
                PersonDetail::Role => person.role.clone(),
                PersonDetail::Phone => phone(&person.phone),
                PersonDetail::Email => person.email.clone(),
            }
        }
    }
}

fn push_line<'a>(out: &mut String, values: impl Iterator<Item = &'a str>) {
    for (i, value) in values.enumerate() {
        if i > 0 {
            out.push(SEPARATOR);
        }
        push_value(out, value);
    }
    out.push_str(LINE_END);
}

/// What a spreadsheet takes for a formula when a cell starts with it; an apostrophe first is
/// guarded too, so that a value which really starts with one comes back unchanged.
const GUARDED: [char; 5] = ['=', '+', '-', '@', '\''];

/// Quoted when it holds a separator, a quote or a line break (line breaks inside a value become
/// CRLF, as Excel writes them). A value a spreadsheet would take for a formula (`=`, `+`, `-`,
/// `@` first) gets a leading apostrophe, which spreadsheets show as text and [`read`] removes:
/// a description typed on a tablet must never run as a formula on a coordinator's computer.
///
/// [`read`]: super::read
fn push_value(out: &mut String, value: &str) {
    let value = value.replace("\r\n", "\n").replace('\n', LINE_END);
    write_value(out, &value, value.starts_with(GUARDED));
}

/// `value` without the formula guard, if it was written with one.
pub(crate) fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(GUARDED) => rest,
        _ => value,
    }
}
