//! The columns of the directory's file: their French headers as written on export, and the other
//! spellings recognised on import (compared without case, accents, blanks or punctuation, so
//! "Site Web", "site_web" and "SITE-WEB" are one column).

use crate::partners::partner::PartnerField;
use crate::partners::search::fold;

/// A person's detail in the "contact N …" columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PersonDetail {
    Name,
    Role,
    Phone,
    Email,
}

impl PersonDetail {
    pub const ALL: [PersonDetail; 4] = [
        PersonDetail::Name,
        PersonDetail::Role,
        PersonDetail::Phone,
        PersonDetail::Email,
    ];

    fn header(self) -> &'static str {
        match self {
            PersonDetail::Name => "nom",
            PersonDetail::Role => "fonction",
            PersonDetail::Phone => "téléphone",
            PersonDetail::Email => "e-mail",
        }
    }
}

/// One column of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// The partner's id, so that re-importing an exported file updates instead of duplicating.
    Id,
    /// A field of the partner (never `Contacts` nor `Archived`: contacts have their own columns,
    /// and archived partners are not exported).
    Field(PartnerField),
    /// "contact 2 téléphone": `number` counts from 1.
    Person { number: usize, detail: PersonDetail },
}

/// The partner's fields, in the order of the file.
pub(crate) const FIELD_COLUMNS: [PartnerField; 10] = [
    PartnerField::Name,
    PartnerField::Kind,
    PartnerField::Themes,
    PartnerField::Address,
    PartnerField::Phone,
    PartnerField::Email,
    PartnerField::Website,
    PartnerField::Hours,
    PartnerField::Residences,
    PartnerField::Description,
];

impl Column {
    /// The header written on export.
    pub fn header(self) -> String {
        match self {
            Column::Id => "identifiant".into(),
            Column::Field(field) => match field {
                PartnerField::Name => "nom",
                PartnerField::Kind => "type",
                PartnerField::Themes => "thèmes",
                PartnerField::Address => "adresse",
                PartnerField::Phone => "téléphone",
                PartnerField::Email => "e-mail",
                PartnerField::Website => "site web",
                PartnerField::Hours => "horaires",
                PartnerField::Residences => "résidences desservies",
                PartnerField::Description => "présentation",
                PartnerField::Contacts => "contacts",
                PartnerField::Archived => "retirée de l'annuaire",
            }
            .into(),
            Column::Person { number, detail } => format!("contact {number} {}", detail.header()),
        }
    }

    /// The column a header names, if any.
    pub fn recognise(header: &str) -> Option<Column> {
        let key: String = fold(header).chars().filter(|c| *c != ' ').collect();
        let field = |f| Some(Column::Field(f));
        match key.as_str() {
            "identifiant" | "id" | "ref" | "reference" => Some(Column::Id),
            "nom" | "nomdelastructure" | "structure" | "partenaire" | "raisonsociale" | "name" => {
                field(PartnerField::Name)
            }
            "type" | "typedestructure" | "categorie" | "nature" | "kind" => {
                field(PartnerField::Kind)
            }
            "themes" | "theme" | "thematiques" | "thematique" | "domaines" => {
                field(PartnerField::Themes)
            }
            "adresse" | "adressepostale" | "address" => field(PartnerField::Address),
            "telephone" | "tel" | "telephonestandard" | "phone" => field(PartnerField::Phone),
            "email" | "mail" | "courriel" | "adresseemail" | "adressemail" => {
                field(PartnerField::Email)
            }
            "siteweb" | "site" | "siteinternet" | "web" | "url" | "website" => {
                field(PartnerField::Website)
            }
            "horaires" | "horairesdouverture" | "heuresdouverture" | "hours" => {
                field(PartnerField::Hours)
            }
            "residences" | "residencesdesservies" | "residence" => field(PartnerField::Residences),
            "presentation" | "description" => field(PartnerField::Description),
            _ => person(&key),
        }
    }
}

/// "contact2telephone" → the second person's phone.
fn person(key: &str) -> Option<Column> {
    let rest = key.strip_prefix("contact")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number: usize = digits.parse().ok().filter(|n| *n >= 1)?;
    let detail = match &rest[digits.len()..] {
        "nom" | "name" => PersonDetail::Name,
        "fonction" | "role" | "poste" => PersonDetail::Role,
        "telephone" | "tel" | "phone" => PersonDetail::Phone,
        "email" | "mail" | "courriel" => PersonDetail::Email,
        _ => return None,
    };
    Some(Column::Person { number, detail })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exported_header_is_recognised_and_so_are_common_spellings() {
        let mut columns: Vec<Column> = FIELD_COLUMNS.map(Column::Field).to_vec();
        columns.push(Column::Id);
        for number in [1, 2, 12] {
            for detail in PersonDetail::ALL {
                columns.push(Column::Person { number, detail });
            }
        }
        for column in columns {
            assert_eq!(Column::recognise(&column.header()), Some(column));
        }
        assert_eq!(
            Column::recognise(" Site_Web "),
            Some(Column::Field(PartnerField::Website))
        );
        assert_eq!(
            Column::recognise("Contact 1 - Tél."),
            Some(Column::Person {
                number: 1,
                detail: PersonDetail::Phone
            })
        );
        assert_eq!(Column::recognise("contact 0 nom"), None);
        assert_eq!(Column::recognise("couleur préférée"), None);
    }
}
