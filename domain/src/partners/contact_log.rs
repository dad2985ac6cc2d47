//! The log of contacts with partners: who met whom, when, how, about what, what came of it and
//! the next step. Each contact is an immutable `PartnerContactLogged` event; the latest contact
//! with a partner carries the current next step, so logging the follow-up meeting is what takes
//! the previous one off the "à relancer" list.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::directory::Directory;
use super::ids::PartnerId;
use super::search::fold;
use super::vocabulary::Channel;
use crate::calendar::LocalDate;
use crate::clock::Hlc;
use crate::event::{Actor, EventBody, EventEnvelope};
use crate::field_note::MAX_NOTE_CHARS;
use crate::ids::EventId;
use crate::partners::check::{tidy_line, tidy_text};

/// "Inès et Karim", "Mme Benali (référente familles)".
pub const MAX_WHO_CHARS: usize = 120;
pub const MAX_SUBJECT_CHARS: usize = 200;
pub const MAX_NEXT_STEP_CHARS: usize = 500;

/// The body of a `PartnerContactLogged` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerContact {
    pub partner: PartnerId,
    /// When it happened (it may be logged days later), in the device's local time.
    pub local_date: LocalDate,
    /// Who of the landlord's side took part.
    pub met_by: String,
    /// Who at the partner.
    pub met_with: String,
    pub channel: Channel,
    pub subject: String,
    /// May be empty ("no answer yet"); several lines allowed.
    pub outcome: String,
    pub next_step: Option<NextStep>,
}

/// What is to be done next, and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub what: String,
    /// The follow-up date: on this day the contact appears in the list of follow-ups due.
    pub on: LocalDate,
}

/// The inputs of the contact form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactField {
    Date,
    MetBy,
    MetWith,
    Channel,
    Subject,
    Outcome,
    NextStep,
    FollowUpDate,
}

/// Why a contact cannot be logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactProblem {
    MetByMissing,
    MetWithMissing,
    ChannelMissing,
    SubjectMissing,
    /// A next step needs its follow-up date, or nobody will be reminded of it.
    FollowUpDateMissing,
    /// A follow-up date needs the step it is for.
    NextStepMissing,
    FollowUpBeforeContact {
        on: LocalDate,
        contact: LocalDate,
    },
    TooLong {
        field: ContactField,
        max: usize,
    },
    /// Valid but not as the form stores it (only from events written by something else).
    NotStoredForm {
        field: ContactField,
    },
}

impl ContactProblem {
    pub fn field(&self) -> ContactField {
        match self {
            ContactProblem::MetByMissing => ContactField::MetBy,
            ContactProblem::MetWithMissing => ContactField::MetWith,
            ContactProblem::ChannelMissing => ContactField::Channel,
            ContactProblem::SubjectMissing => ContactField::Subject,
            ContactProblem::FollowUpDateMissing | ContactProblem::FollowUpBeforeContact { .. } => {
                ContactField::FollowUpDate
            }
            ContactProblem::NextStepMissing => ContactField::NextStep,
            ContactProblem::TooLong { field, .. } | ContactProblem::NotStoredForm { field } => {
                *field
            }
        }
    }
}

impl std::fmt::Display for ContactProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Locale::En))
    }
}

/// The contact form as typed; kept as a draft so nothing is lost when the tablet sleeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDraft {
    pub local_date: Option<LocalDate>,
    pub met_by: String,
    pub met_with: String,
    pub channel: Option<Channel>,
    pub subject: String,
    pub outcome: String,
    pub next_step: String,
    pub follow_up_on: Option<LocalDate>,
}

impl ContactDraft {
    /// A new form for `today`, with the volunteer's own name already in "met by".
    pub fn new(today: LocalDate, me: &str) -> ContactDraft {
        ContactDraft {
            local_date: Some(today),
            met_by: me.to_owned(),
            ..ContactDraft::default()
        }
    }

    /// Every problem at once, or the contact to record.
    pub fn check(&self, partner: &PartnerId) -> Result<PartnerContact, Vec<ContactProblem>> {
        let what = tidy_text(&self.next_step);
        let mut problems = Vec::new();
        let next_step = match (what.is_empty(), self.follow_up_on) {
            (true, None) => None,
            (false, None) => {
                problems.push(ContactProblem::FollowUpDateMissing);
                None
            }
            (true, Some(_)) => {
                problems.push(ContactProblem::NextStepMissing);
                None
            }
            (false, Some(on)) => Some(NextStep { what, on }),
        };
        if self.channel.is_none() {
            problems.push(ContactProblem::ChannelMissing);
        }
        let contact = PartnerContact {
            partner: partner.clone(),
            // The form always starts with a date; a draft without one is not worth a problem
            // the volunteer cannot fix, so it falls back to the follow-up's or the epoch.
            local_date: self
                .local_date
                .or(self.follow_up_on)
                .unwrap_or(LocalDate::from_days_since_epoch(0)),
            met_by: tidy_line(&self.met_by),
            met_with: tidy_line(&self.met_with),
            channel: self.channel.unwrap_or(Channel::Visite),
            subject: tidy_line(&self.subject),
            outcome: tidy_text(&self.outcome),
            next_step,
        };
        problems.extend(contact.problems());
        problems.sort_by_key(|p| p.field() as u8);
        if problems.is_empty() {
            Ok(contact)
        } else {
            Err(problems)
        }
    }
}

impl PartnerContact {
    /// What must hold for a `PartnerContactLogged` event, whoever wrote it.
    pub fn check(&self) -> Result<(), ContactProblem> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }

    /// Every rule the contact breaks, in form order.
    pub fn problems(&self) -> Vec<ContactProblem> {
        let mut problems = Vec::new();
        let mut line = |text: &str, field, max, missing: ContactProblem| {
            if text.is_empty() {
                problems.push(missing);
            } else if text.chars().count() > max {
                problems.push(ContactProblem::TooLong { field, max });
            } else if tidy_line(text) != text {
                problems.push(ContactProblem::NotStoredForm { field });
            }
        };
        line(
            &self.met_by,
            ContactField::MetBy,
            MAX_WHO_CHARS,
            ContactProblem::MetByMissing,
        );
        line(
            &self.met_with,
            ContactField::MetWith,
            MAX_WHO_CHARS,
            ContactProblem::MetWithMissing,
        );
        line(
            &self.subject,
            ContactField::Subject,
            MAX_SUBJECT_CHARS,
            ContactProblem::SubjectMissing,
        );
        problems.extend(check_text(
            &self.outcome,
            ContactField::Outcome,
            MAX_NOTE_CHARS,
        ));
        if let Some(next) = &self.next_step {
            if next.what.is_empty() {
                problems.push(ContactProblem::NextStepMissing);
            }
            problems.extend(check_text(
                &next.what,
                ContactField::NextStep,
                MAX_NEXT_STEP_CHARS,
            ));
            if next.on < self.local_date {
                problems.push(ContactProblem::FollowUpBeforeContact {
                    on: next.on,
                    contact: self.local_date,
                });
            }
        }
        problems
    }
}

fn check_text(text: &str, field: ContactField, max: usize) -> Option<ContactProblem> {
    if text.chars().count() > max {
        Some(ContactProblem::TooLong { field, max })
    } else if tidy_text(text) != text {
        Some(ContactProblem::NotStoredForm { field })
    } else {
        None
    }
}

/// One logged contact and who logged it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactEntry {
    pub event: EventId,
    pub at: Hlc,
    pub by: Actor,
    pub contact: PartnerContact,
}

/// Every contact logged, on every device that synced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactLog {
    /// By contact date, then clock: the same order everywhere, and an event seen twice is kept
    /// once (a device never issues the same clock twice).
    entries: BTreeMap<(LocalDate, Hlc), ContactEntry>,
}

impl ContactLog {
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a EventEnvelope>) -> ContactLog {
        let mut log = ContactLog::default();
        for event in events {
            log.apply(event);
        }
        log
    }

    /// Takes in one event; other kinds are ignored.
    pub fn apply(&mut self, event: &EventEnvelope) {
        if let EventBody::PartnerContactLogged(contact) = &event.body {
            self.entries.insert(
                (contact.local_date, event.hlc.clone()),
                ContactEntry {
                    event: event.id.clone(),
                    at: event.hlc.clone(),
                    by: event.actor.clone(),
                    contact: contact.clone(),
                },
            );
        }
    }

    /// Every contact, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &ContactEntry> {
        self.entries.values().rev()
    }

    /// The history of one partner, newest first.
    pub fn of_partner<'a>(
        &'a self,
        partner: &'a PartnerId,
    ) -> impl Iterator<Item = &'a ContactEntry> {
        self.newest_first()
            .filter(move |e| &e.contact.partner == partner)
    }

    /// The latest contact with each partner: the one whose next step is current.
    pub fn latest_by_partner(&self) -> BTreeMap<&PartnerId, &ContactEntry> {
        let mut latest = BTreeMap::new();
        for entry in self.entries.values() {
            latest.insert(&entry.contact.partner, entry);
        }
        latest
    }

    /// Follow-ups due on `day` or before (overdue ones included), earliest first, then by
    /// partner name. Archived partners are left out: nobody is to call a closed structure.
    pub fn follow_ups_due(&self, directory: &Directory, day: LocalDate) -> Vec<FollowUpDue> {
        let mut due: Vec<FollowUpDue> = self
            .latest_by_partner()
            .into_iter()
            .filter_map(|(partner, entry)| {
                let next = entry.contact.next_step.as_ref()?;
                let known = directory.partner(partner);
                if next.on > day || known.as_ref().is_some_and(|p| p.archived) {
                    return None;
                }
                Some(FollowUpDue {
                    partner: partner.clone(),
                    partner_name: known.map(|p| p.name).unwrap_or_default(),
                    what: next.what.clone(),
                    on: next.on,
                    overdue: next.on < day,
                    contact: entry.event.clone(),
                })
            })
            .collect();
        due.sort_by(|a, b| {
            (a.on, fold(&a.partner_name), &a.partner).cmp(&(
                b.on,
                fold(&b.partner_name),
                &b.partner,
            ))
        });
        due
    }
}

/// One line of the "à relancer" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpDue {
    pub partner: PartnerId,
    /// Empty when the partner's record has not reached this device yet.
    pub partner_name: String,
    pub what: String,
    pub on: LocalDate,
    /// The date has passed: shown first within its day and marked.
    pub overdue: bool,
    /// The contact whose next step this is.
    pub contact: EventId,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u8) -> LocalDate {
        LocalDate::new(2026, 12, d).unwrap()
    }

    fn partner() -> PartnerId {
        PartnerId::from_random([5; 16])
    }

    fn draft() -> ContactDraft {
        ContactDraft {
            met_with: " Mme  Benali ".into(),
            channel: Some(Channel::Reunion),
            subject: "Atelier numérique pour la résidence".into(),
            outcome: "D'accord pour un atelier par mois.\r\n".into(),
            next_step: "Envoyer les dates".into(),
            follow_up_on: Some(day(10)),
            ..ContactDraft::new(day(3), "Inès")
        }
    }

    #[test]
    fn the_form_tidies_what_was_typed() {
        let contact = draft().check(&partner()).unwrap();
        assert_eq!(contact.met_with, "Mme Benali");
        assert_eq!(contact.outcome, "D'accord pour un atelier par mois.");
        assert_eq!(
            contact.next_step,
            Some(NextStep {
                what: "Envoyer les dates".into(),
                on: day(10)
            })
        );
        assert_eq!(contact.check(), Ok(()));
    }

    #[test]
    fn the_form_lists_every_problem() {
        let empty = ContactDraft {
            met_by: String::new(),
            ..ContactDraft::new(day(3), "")
        };
        assert_eq!(
            empty.check(&partner()),
            Err(vec![
                ContactProblem::MetByMissing,
                ContactProblem::MetWithMissing,
                ContactProblem::ChannelMissing,
                ContactProblem::SubjectMissing,
            ])
        );
        let no_date = ContactDraft {
            follow_up_on: None,
            ..draft()
        };
        assert_eq!(
            no_date.check(&partner()),
            Err(vec![ContactProblem::FollowUpDateMissing])
        );
        let no_step = ContactDraft {
            next_step: " ".into(),
            ..draft()
        };
        assert_eq!(
            no_step.check(&partner()),
            Err(vec![ContactProblem::NextStepMissing])
        );
        let before = ContactDraft {
            follow_up_on: Some(day(2)),
            ..draft()
        };
        assert_eq!(
            before.check(&partner()),
            Err(vec![ContactProblem::FollowUpBeforeContact {
                on: day(2),
                contact: day(3)
            }])
        );
        let long = ContactDraft {
            subject: "x".repeat(MAX_SUBJECT_CHARS + 1),
            ..draft()
        };
        assert_eq!(
            long.check(&partner()),
            Err(vec![ContactProblem::TooLong {
                field: ContactField::Subject,
                max: MAX_SUBJECT_CHARS
            }])
        );
    }
}
