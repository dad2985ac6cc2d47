//! A partner as the directory shows it, and an edit as it is recorded: only the fields that
//! changed, so that two people editing different fields of the same structure offline both keep
//! their change once their tablets sync (field-level last writer wins, `merge`).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::ids::PartnerId;
use super::vocabulary::{PartnerKind, Theme};
use crate::territory::ResidenceId;

/// Long enough for "Centre social et culturel Les Glycines — antenne du Mas du Taureau".
pub const MAX_PARTNER_NAME_CHARS: usize = 120;
pub const MAX_ADDRESS_CHARS: usize = 200;
/// A week of opening hours with the odd exception, written out.
pub const MAX_HOURS_CHARS: usize = 500;
pub const MAX_WEBSITE_CHARS: usize = 200;
/// The same size as a field note: a presentation, not a file.
pub const MAX_DESCRIPTION_CHARS: usize = crate::field_note::MAX_NOTE_CHARS;
/// Contact people per partner: a structure with more is reached through its reception desk.
pub const MAX_CONTACTS: usize = 10;
pub const MAX_PERSON_NAME_CHARS: usize = 80;
pub const MAX_ROLE_CHARS: usize = 80;

/// Someone to ask for at a partner. Professionals reached at work, not residents: their details
/// are shared with the team like the rest of the directory.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ContactPerson {
    pub name: String,
    /// "Référente famille", "Animateur numérique"; may be empty.
    #[serde(default)]
    pub role: String,
    /// Stored form ("+33465710101") or empty.
    #[serde(default)]
    pub phone: String,
    /// Checked and lowercased, or empty.
    #[serde(default)]
    pub email: String,
}

/// A partner's current details, folded from every edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub id: PartnerId,
    /// Empty only while the edit that created the partner has not arrived yet.
    pub name: String,
    pub kind: PartnerKind,
    pub themes: BTreeSet<Theme>,
    /// One line, as people write it: "3 place de la Fraternité, 69120 Vaulx-en-Velin".
    pub address: String,
    /// Stored form or empty; `contact::display_phone` shows it.
    pub phone: String,
    pub email: String,
    /// "https://…" or empty.
    pub website: String,
    /// Free text, line breaks kept: "Lundi au vendredi : 9 h – 12 h".
    pub hours: String,
    pub contacts: Vec<ContactPerson>,
    /// The résidences it works with, for "who helps near here?".
    pub residences: BTreeSet<ResidenceId>,
    pub description: String,
    /// Taken out of the directory (closed, merged, entered twice); kept so its history stays.
    pub archived: bool,
}

impl Partner {
    /// A partner with nothing filled in yet.
    pub fn empty(id: PartnerId) -> Partner {
        Partner {
            id,
            name: String::new(),
            kind: PartnerKind::Autre,
            themes: BTreeSet::new(),
            address: String::new(),
            phone: String::new(),
            email: String::new(),
            website: String::new(),
            hours: String::new(),
            contacts: Vec::new(),
            residences: BTreeSet::new(),
            description: String::new(),
            archived: false,
        }
    }

    /// Every field, for the edit that creates a partner.
    pub fn all_fields(&self) -> PartnerFields {
        PartnerFields {
            name: Some(self.name.clone()),
            kind: Some(self.kind),
            themes: Some(self.themes.clone()),
            address: Some(self.address.clone()),
            phone: Some(self.phone.clone()),
            email: Some(self.email.clone()),
            website: Some(self.website.clone()),
            hours: Some(self.hours.clone()),
            contacts: Some(self.contacts.clone()),
            residences: Some(self.residences.clone()),
            description: Some(self.description.clone()),
            archived: Some(self.archived),
        }
    }

    /// Only the fields where `edited` differs from `self`: what an edit records, so that it does
    /// not overwrite someone else's concurrent change of another field with a stale copy.
    pub fn changes_to(&self, edited: &Partner) -> PartnerFields {
        fn diff<T: PartialEq + Clone>(old: &T, new: &T) -> Option<T> {
            (old != new).then(|| new.clone())
        }
        PartnerFields {
            name: diff(&self.name, &edited.name),
            kind: diff(&self.kind, &edited.kind),
            themes: diff(&self.themes, &edited.themes),
            address: diff(&self.address, &edited.address),
            phone: diff(&self.phone, &edited.phone),
            email: diff(&self.email, &edited.email),
            website: diff(&self.website, &edited.website),
            hours: diff(&self.hours, &edited.hours),
            contacts: diff(&self.contacts, &edited.contacts),
            residences: diff(&self.residences, &edited.residences),
            description: diff(&self.description, &edited.description),
            archived: diff(&self.archived, &edited.archived),
        }
    }

    /// This partner with `fields` written over it.
    pub fn with(mut self, fields: PartnerFields) -> Partner {
        let PartnerFields {
            name,
            kind,
            themes,
            address,
            phone,
            email,
            website,
            hours,
            contacts,
            residences,
            description,
            archived,
        } = fields;
        fn set<T>(slot: &mut T, value: Option<T>) {
            if let Some(value) = value {
                *slot = value;
            }
        }
        set(&mut self.name, name);
        set(&mut self.kind, kind);
        set(&mut self.themes, themes);
        set(&mut self.address, address);
        set(&mut self.phone, phone);
        set(&mut self.email, email);
        set(&mut self.website, website);
        set(&mut self.hours, hours);
        set(&mut self.contacts, contacts);
        set(&mut self.residences, residences);
        set(&mut self.description, description);
        set(&mut self.archived, archived);
        self
    }
}

/// Some fields of a partner, each present only when the edit sets it. An empty text clears a
/// field. Lists (themes, contacts, résidences) are one field each: the last list written wins.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PartnerKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub themes: Option<BTreeSet<Theme>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<ContactPerson>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residences: Option<BTreeSet<ResidenceId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
}

impl PartnerFields {
    /// The fields this edit sets, in form order.
    pub fn set_fields(&self) -> Vec<PartnerField> {
        let PartnerFields {
            name,
            kind,
            themes,
            address,
            phone,
            email,
            website,
            hours,
            contacts,
            residences,
            description,
            archived,
        } = self;
        [
            (name.is_some(), PartnerField::Name),
            (kind.is_some(), PartnerField::Kind),
            (themes.is_some(), PartnerField::Themes),
            (address.is_some(), PartnerField::Address),
            (phone.is_some(), PartnerField::Phone),
            (email.is_some(), PartnerField::Email),
            (website.is_some(), PartnerField::Website),
            (hours.is_some(), PartnerField::Hours),
            (contacts.is_some(), PartnerField::Contacts),
            (residences.is_some(), PartnerField::Residences),
            (description.is_some(), PartnerField::Description),
            (archived.is_some(), PartnerField::Archived),
        ]
        .into_iter()
        .filter_map(|(set, field)| set.then_some(field))
        .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.set_fields().is_empty()
    }
}

/// One field of a partner, for the history ("Inès a changé les horaires le 3/12") and for
/// problems shown next to an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerField {
    Name,
    Kind,
    Themes,
    Address,
    Phone,
    Email,
    Website,
    Hours,
    Contacts,
    Residences,
    Description,
    Archived,
}

impl PartnerField {
    pub const ALL: [PartnerField; 12] = [
        PartnerField::Name,
        PartnerField::Kind,
        PartnerField::Themes,
        PartnerField::Address,
        PartnerField::Phone,
        PartnerField::Email,
        PartnerField::Website,
        PartnerField::Hours,
        PartnerField::Contacts,
        PartnerField::Residences,
        PartnerField::Description,
        PartnerField::Archived,
    ];

    /// The key of the field in [`PartnerFields`]' JSON, and in the merged record.
    pub fn wire_name(self) -> &'static str {
        match self {
            PartnerField::Name => "name",
            PartnerField::Kind => "kind",
            PartnerField::Themes => "themes",
            PartnerField::Address => "address",
            PartnerField::Phone => "phone",
            PartnerField::Email => "email",
            PartnerField::Website => "website",
            PartnerField::Hours => "hours",
            PartnerField::Contacts => "contacts",
            PartnerField::Residences => "residences",
            PartnerField::Description => "description",
            PartnerField::Archived => "archived",
        }
    }

    pub fn from_wire_name(name: &str) -> Option<PartnerField> {
        PartnerField::ALL
            .into_iter()
            .find(|f| f.wire_name() == name)
    }
}

/// The body of a `PartnerEdited` event: a new partner (every field set) or a change to one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerEdit {
    pub partner: PartnerId,
    pub fields: PartnerFields,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Partner {
        Partner {
            name: "Centre social Les Glycines".into(),
            kind: PartnerKind::CentreSocial,
            themes: [Theme::Numerique, Theme::FleAsl].into(),
            contacts: vec![ContactPerson {
                name: "Samira Benali".into(),
                ..ContactPerson::default()
            }],
            residences: [ResidenceId("res-1".into())].into(),
            archived: true,
            ..Partner::empty(PartnerId::from_random([1; 16]))
        }
    }

    #[test]
    fn field_names_are_the_json_keys() {
        let json = serde_json::to_value(sample().all_fields()).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        let mut names: Vec<&str> = PartnerField::ALL.iter().map(|f| f.wire_name()).collect();
        names.sort();
        assert_eq!(keys, names);
        for field in PartnerField::ALL {
            let json = serde_json::to_value(field).unwrap();
            assert_eq!(json, field.wire_name());
            assert_eq!(PartnerField::from_wire_name(field.wire_name()), Some(field));
        }
        assert_eq!(sample().all_fields().set_fields(), PartnerField::ALL);
    }

    #[test]
    fn an_edit_records_only_what_changed() {
        let before = sample();
        let mut after = before.clone();
        after.hours = "Lundi : 9 h – 12 h".into();
        after.themes.insert(Theme::Emploi);
        let changes = before.changes_to(&after);
        assert_eq!(
            changes.set_fields(),
            [PartnerField::Themes, PartnerField::Hours]
        );
        assert_eq!(
            serde_json::to_value(&changes).unwrap(),
            serde_json::json!({
                "themes": ["numerique", "emploi", "fle_asl"],
                "hours": "Lundi : 9 h – 12 h",
            })
        );
        assert_eq!(before.clone().with(changes), after);
        assert!(before.changes_to(&before).is_empty());
    }
}
