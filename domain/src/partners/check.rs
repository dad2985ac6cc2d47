//! What a partner's fields must be, for the form (typed text, tidied and normalised) and for
//! events where they enter (already in stored form: a device running another version, or a
//! forged push, must not slip in what the form would have refused).

use super::partner::{
    ContactPerson, MAX_ADDRESS_CHARS, MAX_CONTACTS, MAX_DESCRIPTION_CHARS, MAX_HOURS_CHARS,
    MAX_PARTNER_NAME_CHARS, MAX_PERSON_NAME_CHARS, MAX_ROLE_CHARS, MAX_WEBSITE_CHARS, PartnerEdit,
    PartnerField, PartnerFields,
};
use crate::contact::{self, EmailProblem, PhoneProblem};
use crate::signup::tidy_name;

/// Why a partner's details cannot be recorded; each says what to do (`words`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnerProblem {
    /// An edit that sets no field: nothing to record.
    NothingChanged,
    NameMissing,
    TooLong {
        field: PartnerField,
        max: usize,
    },
    Phone(PhoneProblem),
    Email(EmailProblem),
    /// Not a web address ("www.exemple.fr", "https://exemple.fr/accueil").
    Website,
    TooManyContacts,
    /// `contact` counts from 1, as on screen.
    ContactNameMissing {
        contact: usize,
    },
    ContactTooLong {
        contact: usize,
    },
    ContactPhone {
        contact: usize,
        problem: PhoneProblem,
    },
    ContactEmail {
        contact: usize,
        problem: EmailProblem,
    },
    /// A value that is valid but not in the form the app stores (extra blanks, an un-normalised
    /// phone number): only an event written by something else than the form can have one.
    NotStoredForm {
        field: PartnerField,
    },
}

impl PartnerProblem {
    /// The input the problem is shown next to.
    pub fn field(&self) -> PartnerField {
        match self {
            PartnerProblem::NothingChanged | PartnerProblem::NameMissing => PartnerField::Name,
            PartnerProblem::TooLong { field, .. } | PartnerProblem::NotStoredForm { field } => {
                *field
            }
            PartnerProblem::Phone(_) => PartnerField::Phone,
            PartnerProblem::Email(_) => PartnerField::Email,
            PartnerProblem::Website => PartnerField::Website,
            PartnerProblem::TooManyContacts
            | PartnerProblem::ContactNameMissing { .. }
            | PartnerProblem::ContactTooLong { .. }
            | PartnerProblem::ContactPhone { .. }
            | PartnerProblem::ContactEmail { .. } => PartnerField::Contacts,
        }
    }
}

/// English, for logs and push rejections; screens use `text(locale)`.
impl std::fmt::Display for PartnerProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Locale::En))
    }
}

/// One line, blanks tidied: names, addresses, roles.
pub fn tidy_line(typed: &str) -> String {
    tidy_name(typed)
}

/// Several lines (opening hours, a description): line breaks kept and made `\n`, blanks at the
/// end of lines and around the text removed.
pub fn tidy_text(typed: &str) -> String {
    let unified = typed.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = unified.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

/// A web address as stored: "https://" added when only the host was typed, no blanks, a dot in
/// the host. Empty stays empty.
pub fn normalise_website(typed: &str) -> Result<String, PartnerProblem> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err(PartnerProblem::Website);
    }
    let lower = trimmed.to_lowercase();
    let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https://", &trimmed[trimmed.len() - rest.len()..])
    } else if let Some(rest) = lower.strip_prefix("http://") {
        ("http://", &trimmed[trimmed.len() - rest.len()..])
    } else if lower.contains("://") {
        return Err(PartnerProblem::Website);
    } else {
        ("https://", trimmed)
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let plausible_host = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || "-.:".contains(c));
    if !plausible_host {
        return Err(PartnerProblem::Website);
    }
    let website = format!("{scheme}{rest}");
    if website.chars().count() > MAX_WEBSITE_CHARS {
        return Err(PartnerProblem::TooLong {
            field: PartnerField::Website,
            max: MAX_WEBSITE_CHARS,
        });
    }
    Ok(website)
}

/// A phone number as stored, or empty.
pub fn normalise_phone(typed: &str) -> Result<String, PhoneProblem> {
    if typed.trim().is_empty() {
        Ok(String::new())
    } else {
        contact::normalise_phone(typed)
    }
}

/// An e-mail address as stored, or empty.
pub fn normalise_email(typed: &str) -> Result<String, EmailProblem> {
    if typed.trim().is_empty() {
        Ok(String::new())
    } else {
        contact::normalise_email(typed)
    }
}

fn too_long(text: &str, field: PartnerField, max: usize) -> Result<(), PartnerProblem> {
    if text.chars().count() > max {
        Err(PartnerProblem::TooLong { field, max })
    } else {
        Ok(())
    }
}

/// Checks a value that should already be in stored form: the `normalise` problem if it is not
/// acceptable at all, `NotStoredForm` if it is acceptable but written differently.
fn stored<E>(
    value: &str,
    field: PartnerField,
    normalise: impl Fn(&str) -> Result<String, E>,
    problem: impl Fn(E) -> PartnerProblem,
) -> Result<(), PartnerProblem> {
    match normalise(value) {
        Ok(normal) if normal == value => Ok(()),
        Ok(_) => Err(PartnerProblem::NotStoredForm { field }),
        Err(e) => Err(problem(e)),
    }
}

fn check_name(name: &str) -> Result<(), PartnerProblem> {
    if name.trim().is_empty() {
        return Err(PartnerProblem::NameMissing);
    }
    too_long(name, PartnerField::Name, MAX_PARTNER_NAME_CHARS)?;
    stored(
        name,
        PartnerField::Name,
        |s| Ok::<_, ()>(tidy_line(s)),
        |_| PartnerProblem::NameMissing,
    )
}

fn check_line(text: &str, field: PartnerField, max: usize) -> Result<(), PartnerProblem> {
    too_long(text, field, max)?;
    if tidy_line(text) != text {
        return Err(PartnerProblem::NotStoredForm { field });
    }
    Ok(())
}

fn check_text(text: &str, field: PartnerField, max: usize) -> Result<(), PartnerProblem> {
    too_long(text, field, max)?;
    if tidy_text(text) != text {
        return Err(PartnerProblem::NotStoredForm { field });
    }
    Ok(())
}

/// One contact person in stored form; `index` counts from 0.
pub(crate) fn check_contact(person: &ContactPerson, index: usize) -> Result<(), PartnerProblem> {
    let contact = index + 1;
    let field = PartnerField::Contacts;
    if person.name.trim().is_empty() {
        return Err(PartnerProblem::ContactNameMissing { contact });
    }
    if person.name.chars().count() > MAX_PERSON_NAME_CHARS
        || person.role.chars().count() > MAX_ROLE_CHARS
    {
        return Err(PartnerProblem::ContactTooLong { contact });
    }
    if tidy_line(&person.name) != person.name || tidy_line(&person.role) != person.role {
        return Err(PartnerProblem::NotStoredForm { field });
    }
    stored(&person.phone, field, normalise_phone, |problem| {
        PartnerProblem::ContactPhone { contact, problem }
    })?;
    stored(&person.email, field, normalise_email, |problem| {
        PartnerProblem::ContactEmail { contact, problem }
    })
}

impl PartnerFields {
    /// Every field set here is in stored form and within its limits.
    pub fn check(&self) -> Result<(), PartnerProblem> {
        if let Some(name) = &self.name {
            check_name(name)?;
        }
        if let Some(address) = &self.address {
            check_line(address, PartnerField::Address, MAX_ADDRESS_CHARS)?;
        }
        if let Some(phone) = &self.phone {
            stored(
                phone,
                PartnerField::Phone,
                normalise_phone,
                PartnerProblem::Phone,
            )?;
        }
        if let Some(email) = &self.email {
            stored(
                email,
                PartnerField::Email,
                normalise_email,
                PartnerProblem::Email,
            )?;
        }
        if let Some(website) = &self.website {
            stored(website, PartnerField::Website, normalise_website, |p| p)?;
        }
        if let Some(hours) = &self.hours {
            check_text(hours, PartnerField::Hours, MAX_HOURS_CHARS)?;
        }
        if let Some(description) = &self.description {
            check_text(
                description,
                PartnerField::Description,
                MAX_DESCRIPTION_CHARS,
            )?;
        }
        if let Some(contacts) = &self.contacts {
            if contacts.len() > MAX_CONTACTS {
                return Err(PartnerProblem::TooManyContacts);
            }
            for (index, person) in contacts.iter().enumerate() {
                check_contact(person, index)?;
            }
        }
        if let Some(residences) = &self.residences
            && residences.iter().any(|r| r.as_str().trim().is_empty())
        {
            return Err(PartnerProblem::NotStoredForm {
                field: PartnerField::Residences,
            });
        }
        Ok(())
    }
}

impl PartnerEdit {
    /// What must hold for a `PartnerEdited` event, whoever wrote it.
    pub fn check(&self) -> Result<(), PartnerProblem> {
        if self.fields.is_empty() {
            return Err(PartnerProblem::NothingChanged);
        }
        self.fields.check()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partners::ids::PartnerId;
    use crate::territory::ResidenceId;

    fn edit(fields: PartnerFields) -> Result<(), PartnerProblem> {
        PartnerEdit {
            partner: PartnerId::from_random([1; 16]),
            fields,
        }
        .check()
    }

    #[test]
    fn websites_get_their_scheme_and_must_look_like_one() {
        assert_eq!(
            normalise_website(" glycines.example.org/accueil "),
            Ok("https://glycines.example.org/accueil".into())
        );
        assert_eq!(
            normalise_website("HTTP://Glycines.example.org"),
            Ok("http://Glycines.example.org".into())
        );
        assert_eq!(normalise_website(""), Ok(String::new()));
        for bad in [
            "glycines",
            "ftp://x.org",
            "www.ex ample.fr",
            ".fr",
            "a..b",
            "x@y.fr",
        ] {
            assert_eq!(
                normalise_website(bad),
                Err(PartnerProblem::Website),
                "{bad}"
            );
        }
    }

    #[test]
    fn texts_keep_their_lines_without_stray_blanks() {
        assert_eq!(
            tidy_text("  Lundi : 9 h  \r\nMardi : fermé\r\n\r\n"),
            "Lundi : 9 h\nMardi : fermé"
        );
    }

    #[test]
    fn an_edit_must_set_something_in_stored_form() {
        assert_eq!(
            edit(PartnerFields::default()),
            Err(PartnerProblem::NothingChanged)
        );
        let name = |n: &str| PartnerFields {
            name: Some(n.into()),
            ..PartnerFields::default()
        };
        assert_eq!(edit(name("Régie de quartier")), Ok(()));
        assert_eq!(edit(name("  ")), Err(PartnerProblem::NameMissing));
        assert_eq!(
            edit(name(" Régie")),
            Err(PartnerProblem::NotStoredForm {
                field: PartnerField::Name
            })
        );
        assert_eq!(
            edit(name(&"é".repeat(MAX_PARTNER_NAME_CHARS + 1))),
            Err(PartnerProblem::TooLong {
                field: PartnerField::Name,
                max: MAX_PARTNER_NAME_CHARS
            })
        );
        let phone = |p: &str| PartnerFields {
            phone: Some(p.into()),
            ..PartnerFields::default()
        };
        assert_eq!(edit(phone("+33465710101")), Ok(()));
        assert_eq!(edit(phone("")), Ok(()), "an empty value clears the field");
        assert_eq!(
            edit(phone("04 65 71 01 01")),
            Err(PartnerProblem::NotStoredForm {
                field: PartnerField::Phone
            })
        );
        assert!(matches!(edit(phone("abc")), Err(PartnerProblem::Phone(_))));
        let contacts = |people: Vec<ContactPerson>| PartnerFields {
            contacts: Some(people),
            ..PartnerFields::default()
        };
        let samira = ContactPerson {
            name: "Samira Benali".into(),
            role: "Référente familles".into(),
            phone: "+33465710102".into(),
            email: "s.benali@glycines.example.org".into(),
        };
        assert_eq!(edit(contacts(vec![samira.clone()])), Ok(()));
        assert_eq!(
            edit(contacts(vec![
                samira.clone(),
                ContactPerson {
                    email: "S.Benali@x.org".into(),
                    ..samira.clone()
                }
            ])),
            Err(PartnerProblem::NotStoredForm {
                field: PartnerField::Contacts
            })
        );
        assert_eq!(
            edit(contacts(vec![ContactPerson::default()])),
            Err(PartnerProblem::ContactNameMissing { contact: 1 })
        );
        assert_eq!(
            edit(contacts(vec![samira; MAX_CONTACTS + 1])),
            Err(PartnerProblem::TooManyContacts)
        );
        assert_eq!(
            edit(PartnerFields {
                residences: Some([ResidenceId(String::new())].into()),
                ..PartnerFields::default()
            }),
            Err(PartnerProblem::NotStoredForm {
                field: PartnerField::Residences
            })
        );
    }
}
