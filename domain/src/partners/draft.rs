//! The partner form: what was typed (`PartnerDraft`, saved as a draft so nothing is lost when
//! the tablet sleeps), checked all at once with every problem next to its input, and turned into
//! the edit to record: a whole new partner, or only the fields that changed.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::check::{
    PartnerProblem, normalise_email, normalise_phone, normalise_website, tidy_line, tidy_text,
};
use super::ids::PartnerId;
use super::partner::{
    ContactPerson, MAX_ADDRESS_CHARS, MAX_CONTACTS, MAX_DESCRIPTION_CHARS, MAX_HOURS_CHARS,
    MAX_PARTNER_NAME_CHARS, MAX_PERSON_NAME_CHARS, MAX_ROLE_CHARS, Partner, PartnerEdit,
    PartnerField, PartnerFields,
};
use super::vocabulary::{PartnerKind, Theme};
use crate::contact::display_phone;
use crate::territory::ResidenceId;

/// One contact person as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonDraft {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// The form as typed so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerDraft {
    pub name: String,
    /// "Autre" when not chosen.
    pub kind: Option<PartnerKind>,
    pub themes: BTreeSet<Theme>,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub hours: String,
    /// Rows left entirely empty are ignored (the form shows one empty row to fill in).
    pub contacts: Vec<PersonDraft>,
    pub residences: BTreeSet<ResidenceId>,
    pub description: String,
}

fn shown_phone(stored: &str) -> String {
    if stored.is_empty() {
        String::new()
    } else {
        display_phone(stored)
    }
}

impl PartnerDraft {
    /// The form filled with a partner's details, to edit them.
    pub fn from_partner(partner: &Partner) -> PartnerDraft {
        PartnerDraft {
            name: partner.name.clone(),
            kind: Some(partner.kind),
            themes: partner.themes.clone(),
            address: partner.address.clone(),
            phone: shown_phone(&partner.phone),
            email: partner.email.clone(),
            website: partner.website.clone(),
            hours: partner.hours.clone(),
            contacts: partner
                .contacts
                .iter()
                .map(|p| PersonDraft {
                    name: p.name.clone(),
                    role: p.role.clone(),
                    phone: shown_phone(&p.phone),
                    email: p.email.clone(),
                })
                .collect(),
            residences: partner.residences.clone(),
            description: partner.description.clone(),
        }
    }

    /// Every problem at once, or the partner as it will be stored (`id` is kept; `archived` is
    /// not the form's business and stays false here).
    pub fn check(&self, id: PartnerId) -> Result<Partner, Vec<PartnerProblem>> {
        let mut problems = Vec::new();
        let mut limit = |text: String, field: PartnerField, max: usize| {
            if text.chars().count() > max {
                problems.push(PartnerProblem::TooLong { field, max });
            }
            text
        };
        let name = limit(
            tidy_line(&self.name),
            PartnerField::Name,
            MAX_PARTNER_NAME_CHARS,
        );
        let address = limit(
            tidy_line(&self.address),
            PartnerField::Address,
            MAX_ADDRESS_CHARS,
        );
        let hours = limit(tidy_text(&self.hours), PartnerField::Hours, MAX_HOURS_CHARS);
        let description = limit(
            tidy_text(&self.description),
            PartnerField::Description,
            MAX_DESCRIPTION_CHARS,
        );
        if name.is_empty() {
            problems.insert(0, PartnerProblem::NameMissing);
        }
        let phone = normalise_phone(&self.phone).unwrap_or_else(|p| {
            problems.push(PartnerProblem::Phone(p));
            String::new()
        });
        let email = normalise_email(&self.email).unwrap_or_else(|p| {
            problems.push(PartnerProblem::Email(p));
            String::new()
        });
        let website = normalise_website(&self.website).unwrap_or_else(|p| {
            problems.push(p);
            String::new()
        });
        let contacts = self.people(&mut problems);
        let partner = Partner {
            name,
            kind: self.kind.unwrap_or(PartnerKind::Autre),
            themes: self.themes.clone(),
            address,
            phone,
            email,
            website,
            hours,
            contacts,
            residences: self.residences.clone(),
            description,
            ..Partner::empty(id)
        };
        if problems.is_empty() {
            Ok(partner)
        } else {
            problems.sort_by_key(|p| p.field());
            Err(problems)
        }
    }

    fn people(&self, problems: &mut Vec<PartnerProblem>) -> Vec<ContactPerson> {
        let filled: Vec<&PersonDraft> = self
            .contacts
            .iter()
            .filter(|p| {
                [&p.name, &p.role, &p.phone, &p.email]
                    .iter()
                    .any(|v| !v.trim().is_empty())
            })
            .collect();
        if filled.len() > MAX_CONTACTS {
            problems.push(PartnerProblem::TooManyContacts);
        }
        let mut people = Vec::new();
        for (index, person) in filled.into_iter().enumerate() {
            let contact = index + 1;
            let name = tidy_line(&person.name);
            let role = tidy_line(&person.role);
            if name.is_empty() {
                problems.push(PartnerProblem::ContactNameMissing { contact });
            } else if name.chars().count() > MAX_PERSON_NAME_CHARS
                || role.chars().count() > MAX_ROLE_CHARS
            {
                problems.push(PartnerProblem::ContactTooLong { contact });
            }
            let phone = normalise_phone(&person.phone).unwrap_or_else(|problem| {
                problems.push(PartnerProblem::ContactPhone { contact, problem });
                String::new()
            });
            let email = normalise_email(&person.email).unwrap_or_else(|problem| {
                problems.push(PartnerProblem::ContactEmail { contact, problem });
                String::new()
            });
            people.push(ContactPerson {
                name,
                role,
                phone,
                email,
            });
        }
        people
    }

    /// The edit to record when the form is saved: every field for a new partner (`before` is
    /// `None`), only the changed ones otherwise. `Ok(None)`: nothing changed, nothing to record.
    pub fn edit(
        &self,
        id: PartnerId,
        before: Option<&Partner>,
    ) -> Result<Option<PartnerEdit>, Vec<PartnerProblem>> {
        let after = self.check(id.clone())?;
        let fields = match before {
            None => after.all_fields(),
            Some(before) => {
                // The form does not show "archived": keep whatever it is.
                let after = Partner {
                    archived: before.archived,
                    ..after
                };
                before.changes_to(&after)
            }
        };
        Ok((!fields.is_empty()).then_some(PartnerEdit {
            partner: id,
            fields,
        }))
    }
}

impl PartnerEdit {
    /// Takes a partner out of the directory (closed, merged, entered twice), or puts it back.
    /// Its history, contacts and referrals stay.
    pub fn archive(partner: PartnerId, archived: bool) -> PartnerEdit {
        PartnerEdit {
            partner,
            fields: PartnerFields {
                archived: Some(archived),
                ..PartnerFields::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partners::demo;

    fn draft() -> PartnerDraft {
        PartnerDraft {
            name: "  Centre social   Nord ".into(),
            kind: Some(PartnerKind::CentreSocial),
            themes: [Theme::Numerique].into(),
            phone: "04.65.71.00.01".into(),
            email: " Accueil@CS-Nord.example.org ".into(),
            website: "cs-nord.example.org".into(),
            hours: "Lundi : 9 h\r\nMardi : 14 h  ".into(),
            contacts: vec![
                PersonDraft {
                    name: "Samira Benali".into(),
                    phone: "06 12 34 56 78".into(),
                    ..PersonDraft::default()
                },
                PersonDraft::default(),
            ],
            ..PartnerDraft::default()
        }
    }

    #[test]
    fn the_form_stores_tidy_normalised_values() {
        let id = PartnerId::from_random([1; 16]);
        let partner = draft().check(id.clone()).unwrap();
        assert_eq!(partner.name, "Centre social Nord");
        assert_eq!(partner.phone, "+33465710001");
        assert_eq!(partner.email, "accueil@cs-nord.example.org");
        assert_eq!(partner.website, "https://cs-nord.example.org");
        assert_eq!(partner.hours, "Lundi : 9 h\nMardi : 14 h");
        assert_eq!(partner.contacts.len(), 1, "the empty row is ignored");
        assert_eq!(partner.contacts[0].phone, "+33612345678");
        let edit = draft().edit(id, None).unwrap().unwrap();
        assert_eq!(edit.fields.set_fields(), PartnerField::ALL);
        assert_eq!(edit.check(), Ok(()));
    }

    #[test]
    fn the_form_lists_every_problem_in_form_order() {
        let bad = PartnerDraft {
            name: " ".into(),
            phone: "12".into(),
            website: "nulle part".into(),
            contacts: vec![PersonDraft {
                email: "x@".into(),
                ..PersonDraft::default()
            }],
            ..PartnerDraft::default()
        };
        let problems = bad.check(PartnerId::from_random([1; 16])).unwrap_err();
        assert_eq!(
            problems
                .iter()
                .map(PartnerProblem::field)
                .collect::<Vec<_>>(),
            [
                PartnerField::Name,
                PartnerField::Phone,
                PartnerField::Website,
                PartnerField::Contacts,
                PartnerField::Contacts
            ]
        );
        assert_eq!(problems[0], PartnerProblem::NameMissing);
        assert_eq!(
            problems[3],
            PartnerProblem::ContactNameMissing { contact: 1 }
        );
    }

    #[test]
    fn editing_records_only_what_changed_and_nothing_when_nothing_did() {
        let partner = demo::directory().remove(0);
        let id = partner.id.clone();
        let mut form = PartnerDraft::from_partner(&partner);
        assert_eq!(form.phone, "04 65 71 00 01");
        assert_eq!(form.edit(id.clone(), Some(&partner)), Ok(None));
        form.hours.push_str("\nFermé en août");
        form.themes.insert(Theme::Emploi);
        let edit = form.edit(id.clone(), Some(&partner)).unwrap().unwrap();
        assert_eq!(
            edit.fields.set_fields(),
            [PartnerField::Themes, PartnerField::Hours]
        );
        let archived = Partner {
            archived: true,
            ..partner.clone()
        };
        let unchanged = PartnerDraft::from_partner(&archived);
        assert_eq!(unchanged.edit(id.clone(), Some(&archived)), Ok(None));
        assert_eq!(
            PartnerEdit::archive(id, true).fields.set_fields(),
            [PartnerField::Archived]
        );
    }
}
