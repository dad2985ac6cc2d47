//! One change to a campaign's settings as the coordinator makes it (`SettingEdit`), its checks,
//! and its wire form in the event (`SettingsChange`): one entry per field, keyed so that two
//! edits of the same field (the same résidence's link, the same entry's Arabic text) meet in the
//! merge and the later one wins, while edits of different fields never overwrite each other.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::kiosk::{
    KioskLanguage, KioskSettings, LandlordContacts, MAX_ANSWER_CHARS, PIN_ITERATIONS, PLACEHOLDERS,
    PinProblem, PinRecord, Topic, check_new_pin,
};
use crate::territory::ResidenceId;

/// Long enough for "Les Tilleuls et le Clos Fleuri, automne 2026".
pub const MAX_NAME_CHARS: usize = 120;
/// "Quartier Nord : Tilleuls, Clos Fleuri, Lilas (export patrimoine du 12/10)".
pub const MAX_TERRITORY_CHARS: usize = 200;
/// A link a QR code of the presentation can still hold at a size a phone reads at arm's length.
pub const MAX_JOIN_LINK_CHARS: usize = 300;
/// Each landlord contact is a few lines of the kiosk's answers, not a leaflet.
pub const MAX_CONTACT_CHARS: usize = 300;
/// The neighbourhood app's name, as on the slides.
pub const MAX_APP_NAME_CHARS: usize = 60;
/// One month at least (a short pilot), ten years at most: beyond that "until the campaign's end"
/// is no longer a period (CNIL asks for a defined one).
pub const RETENTION_MONTHS: std::ops::RangeInclusive<u16> = 1..=120;

/// One field the coordinator changes. The API takes a list of these; the event stores them as
/// [`SettingsChange`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum SettingEdit {
    /// The campaign's name as coordinators and volunteers see it.
    Name {
        value: String,
    },
    /// Which territory it covers, in the coordinator's words (the doors themselves come from the
    /// landlord's file, imported on each device).
    Territory {
        value: String,
    },
    /// The neighbourhood app's name on the presentation and in kiosk answers; empty goes back to
    /// the shipped placeholder name.
    AppName {
        value: String,
    },
    /// The join link of one résidence; `None` removes it (the résidence's imported link, if any,
    /// shows again).
    JoinLink {
        residence: ResidenceId,
        link: Option<String>,
    },
    KioskIdle {
        seconds: u32,
    },
    KioskContacts {
        contacts: LandlordContacts,
    },
    /// The kiosk's exit PIN, hashed in the coordinator's browser: the PIN itself never leaves it.
    KioskPin {
        pin: PinRecord,
    },
    /// The question and answer of one knowledge-base entry in one language: replaces a shipped
    /// entry's text, or writes a new entry (a new entry needs its French text to be shown).
    KnowledgeText {
        entry: String,
        language: KioskLanguage,
        question: String,
        answer: String,
    },
    /// What a new entry is about (shipped entries keep theirs unless changed).
    KnowledgeTopic {
        entry: String,
        topic: Topic,
    },
    /// Takes an entry off the kiosk, or puts it back.
    KnowledgeHidden {
        entry: String,
        hidden: bool,
    },
    /// Months personal details are kept after the last contact with a resident.
    RetentionMonths {
        months: u16,
    },
}

/// Why a change is refused; [`SettingProblem::message`] says it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingProblem {
    NoEdits,
    /// A field this build does not know (a typo in an API call, or a newer app's field).
    UnknownField {
        key: String,
    },
    NameEmpty,
    NameTooLong,
    TerritoryTooLong,
    AppNameTooLong,
    ResidenceEmpty,
    JoinLinkNotHttps,
    JoinLinkTooLong,
    IdleOutOfRange {
        seconds: u32,
    },
    ContactTooLong,
    PinRecordMalformed,
    EntryIdBad {
        entry: String,
    },
    QuestionEmpty,
    AnswerEmpty,
    AnswerTooLong {
        chars: usize,
    },
    UnknownPlaceholder {
        name: String,
    },
    RetentionOutOfRange {
        months: u32,
    },
    /// The PIN as typed in the coordinator's form, before hashing.
    Pin(PinProblem),
    PinsDiffer,
}

impl SettingProblem {
    /// The stable code the API answers with.
    pub fn code(&self) -> &'static str {
        match self {
            SettingProblem::NoEdits => "no_edits",
            SettingProblem::UnknownField { .. } => "unknown_field",
            SettingProblem::NameEmpty => "name_empty",
            SettingProblem::NameTooLong => "name_too_long",
            SettingProblem::TerritoryTooLong => "territory_too_long",
            SettingProblem::AppNameTooLong => "app_name_too_long",
            SettingProblem::ResidenceEmpty => "residence_empty",
            SettingProblem::JoinLinkNotHttps => "join_link_not_https",
            SettingProblem::JoinLinkTooLong => "join_link_too_long",
            SettingProblem::IdleOutOfRange { .. } => "idle_out_of_range",
            SettingProblem::ContactTooLong => "contact_too_long",
            SettingProblem::PinRecordMalformed => "pin_record_malformed",
            SettingProblem::EntryIdBad { .. } => "entry_id_bad",
            SettingProblem::QuestionEmpty => "question_empty",
            SettingProblem::AnswerEmpty => "answer_empty",
            SettingProblem::AnswerTooLong { .. } => "answer_too_long",
            SettingProblem::UnknownPlaceholder { .. } => "unknown_placeholder",
            SettingProblem::RetentionOutOfRange { .. } => "retention_out_of_range",
            SettingProblem::Pin(_) => "pin_refused",
            SettingProblem::PinsDiffer => "pins_differ",
        }
    }
}

impl std::fmt::Display for SettingProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Locale::En))
    }
}

/// The PIN typed twice in the coordinator's form: checked like the kiosk's own rules, and the
/// same both times. Returns the PIN to hash.
pub fn check_pin_pair(first: &str, second: &str) -> Result<String, SettingProblem> {
    let pin = check_new_pin(first).map_err(SettingProblem::Pin)?;
    if pin != second.trim() {
        return Err(SettingProblem::PinsDiffer);
    }
    Ok(pin)
}

fn too_long(text: &str, max: usize) -> bool {
    text.trim().chars().count() > max
}

/// A full `https://` address with a host and no spaces: what a phone opens from a QR code.
/// Plain `http` is refused: a join link carries residents to an account page.
fn is_https_link(link: &str) -> bool {
    let Some(rest) = link.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.contains('@')
        && !link.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The kiosk's own bounds (`kiosk::settings`): it brings a stored value back into them, so a
/// value it would change is one the coordinator must not be allowed to believe in.
fn idle_in_range(seconds: u32) -> bool {
    let settings = KioskSettings {
        idle_s: seconds,
        ..KioskSettings::default()
    };
    settings.idle_ms() == u64::from(seconds) * 1000
}

fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len && text.chars().all(|c| c.is_ascii_hexdigit())
}

/// Knowledge entries are named like the shipped ones ("app_cost"): they appear in keys and events.
fn check_entry_id(entry: &str) -> Result<(), SettingProblem> {
    let ok = !entry.is_empty()
        && entry.len() <= 64
        && entry
            .chars()
            .all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(SettingProblem::EntryIdBad {
            entry: entry.to_owned(),
        })
    }
}

/// Names between braces that are not placeholders the kiosk fills.
fn unknown_placeholder(text: &str) -> Option<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .find(|name| !PLACEHOLDERS.contains(name))
        .map(str::to_owned)
}

impl SettingEdit {
    /// The rules of the coordinator's form, checked again by the server and by every reader.
    pub fn check(&self) -> Result<(), SettingProblem> {
        match self {
            SettingEdit::Name { value } if value.trim().is_empty() => {
                Err(SettingProblem::NameEmpty)
            }
            SettingEdit::Name { value } if too_long(value, MAX_NAME_CHARS) => {
                Err(SettingProblem::NameTooLong)
            }
            SettingEdit::Territory { value } if too_long(value, MAX_TERRITORY_CHARS) => {
                Err(SettingProblem::TerritoryTooLong)
            }
            SettingEdit::AppName { value } if too_long(value, MAX_APP_NAME_CHARS) => {
                Err(SettingProblem::AppNameTooLong)
            }
            SettingEdit::JoinLink { residence, link } => {
                if residence.0.trim().is_empty() {
                    return Err(SettingProblem::ResidenceEmpty);
                }
                match link {
                    Some(link) if link.chars().count() > MAX_JOIN_LINK_CHARS => {
                        Err(SettingProblem::JoinLinkTooLong)
                    }
                    Some(link) if !is_https_link(link) => Err(SettingProblem::JoinLinkNotHttps),
                    _ => Ok(()),
                }
            }
            SettingEdit::KioskIdle { seconds } if !idle_in_range(*seconds) => {
                Err(SettingProblem::IdleOutOfRange { seconds: *seconds })
            }
            SettingEdit::KioskContacts { contacts } => {
                let c = contacts;
                let all = [
                    &c.name,
                    &c.phone,
                    &c.emergency_phone,
                    &c.caretaker,
                    &c.rent_contact,
                    &c.data_contact,
                ];
                if all.iter().any(|v| too_long(v, MAX_CONTACT_CHARS)) {
                    Err(SettingProblem::ContactTooLong)
                } else {
                    Ok(())
                }
            }
            SettingEdit::KioskPin { pin } => {
                let ok = is_hex(&pin.salt, 32)
                    && is_hex(&pin.hash, 64)
                    && (PIN_ITERATIONS..=10 * PIN_ITERATIONS).contains(&pin.iterations);
                if ok {
                    Ok(())
                } else {
                    Err(SettingProblem::PinRecordMalformed)
                }
            }
            SettingEdit::KnowledgeText {
                entry,
                question,
                answer,
                ..
            } => {
                check_entry_id(entry)?;
                if question.trim().is_empty() {
                    return Err(SettingProblem::QuestionEmpty);
                }
                if answer.trim().is_empty() {
                    return Err(SettingProblem::AnswerEmpty);
                }
                let chars = answer.trim().chars().count();
                if chars > MAX_ANSWER_CHARS {
                    return Err(SettingProblem::AnswerTooLong { chars });
                }
                match unknown_placeholder(question).or_else(|| unknown_placeholder(answer)) {
                    Some(name) => Err(SettingProblem::UnknownPlaceholder { name }),
                    None => Ok(()),
                }
            }
            SettingEdit::KnowledgeTopic { entry, .. }
            | SettingEdit::KnowledgeHidden { entry, .. } => check_entry_id(entry),
            SettingEdit::RetentionMonths { months } if !RETENTION_MONTHS.contains(months) => {
                Err(SettingProblem::RetentionOutOfRange {
                    months: u32::from(*months),
                })
            }
            _ => Ok(()),
        }
    }

    /// The field this edit writes: two edits with the same key compete, the later one wins.
    pub fn key(&self) -> String {
        match self {
            SettingEdit::Name { .. } => "name".into(),
            SettingEdit::Territory { .. } => "territory".into(),
            SettingEdit::AppName { .. } => "app_name".into(),
            SettingEdit::JoinLink { residence, .. } => format!("join_link/{residence}"),
            SettingEdit::KioskIdle { .. } => "kiosk_idle_s".into(),
            SettingEdit::KioskContacts { .. } => "kiosk_contacts".into(),
            SettingEdit::KioskPin { .. } => "kiosk_pin".into(),
            SettingEdit::KnowledgeText {
                entry, language, ..
            } => format!("knowledge/{entry}/text/{}", language.tag()),
            SettingEdit::KnowledgeTopic { entry, .. } => format!("knowledge/{entry}/topic"),
            SettingEdit::KnowledgeHidden { entry, .. } => format!("knowledge/{entry}/hidden"),
            SettingEdit::RetentionMonths { .. } => "retention_months".into(),
        }
    }

    /// The value stored under [`SettingEdit::key`]; texts are stored trimmed.
    pub fn value(&self) -> Value {
        let trimmed = |s: &str| Value::String(s.trim().to_owned());
        match self {
            SettingEdit::Name { value }
            | SettingEdit::Territory { value }
            | SettingEdit::AppName { value } => trimmed(value),
            SettingEdit::JoinLink { link, .. } => link.as_deref().map_or(Value::Null, trimmed),
            SettingEdit::KioskIdle { seconds } => Value::from(*seconds),
            SettingEdit::KioskContacts { contacts } => {
                let c = contacts;
                let t = |s: &str| s.trim().to_owned();
                serde_json::to_value(LandlordContacts {
                    name: t(&c.name),
                    phone: t(&c.phone),
                    emergency_phone: t(&c.emergency_phone),
                    caretaker: t(&c.caretaker),
                    rent_contact: t(&c.rent_contact),
                    data_contact: t(&c.data_contact),
                })
                .unwrap_or(Value::Null)
            }
            SettingEdit::KioskPin { pin } => serde_json::to_value(PinRecord {
                salt: pin.salt.to_ascii_lowercase(),
                iterations: pin.iterations,
                hash: pin.hash.to_ascii_lowercase(),
            })
            .unwrap_or(Value::Null),
            SettingEdit::KnowledgeText {
                question, answer, ..
            } => serde_json::json!({ "question": question.trim(), "answer": answer.trim() }),
            SettingEdit::KnowledgeTopic { topic, .. } => {
                serde_json::to_value(topic).unwrap_or(Value::Null)
            }
            SettingEdit::KnowledgeHidden { hidden, .. } => Value::Bool(*hidden),
            SettingEdit::RetentionMonths { months } => Value::from(*months),
        }
    }

    /// Reads back a stored field; `None` for a key or value this build does not know.
    pub fn from_field(key: &str, value: &Value) -> Option<SettingEdit> {
        let text = || value.as_str().map(str::to_owned);
        if let Some(residence) = key.strip_prefix("join_link/") {
            let link = match value {
                Value::Null => None,
                Value::String(s) => Some(s.clone()),
                _ => return None,
            };
            return Some(SettingEdit::JoinLink {
                residence: ResidenceId(residence.to_owned()),
                link,
            });
        }
        if let Some(rest) = key.strip_prefix("knowledge/") {
            let (entry, what) = rest.split_once('/')?;
            let entry = entry.to_owned();
            return match what {
                "topic" => Some(SettingEdit::KnowledgeTopic {
                    entry,
                    topic: parse(value)?,
                }),
                "hidden" => Some(SettingEdit::KnowledgeHidden {
                    entry,
                    hidden: value.as_bool()?,
                }),
                _ => {
                    let language = KioskLanguage::from_tag(what.strip_prefix("text/")?)?;
                    Some(SettingEdit::KnowledgeText {
                        entry,
                        language,
                        question: value.get("question")?.as_str()?.to_owned(),
                        answer: value.get("answer")?.as_str()?.to_owned(),
                    })
                }
            };
        }
        Some(match key {
            "name" => SettingEdit::Name { value: text()? },
            "territory" => SettingEdit::Territory { value: text()? },
            "app_name" => SettingEdit::AppName { value: text()? },
            "kiosk_idle_s" => SettingEdit::KioskIdle {
                seconds: u32::try_from(value.as_u64()?).ok()?,
            },
            "kiosk_contacts" => SettingEdit::KioskContacts {
                contacts: parse(value)?,
            },
            "kiosk_pin" => SettingEdit::KioskPin { pin: parse(value)? },
            "retention_months" => SettingEdit::RetentionMonths {
                months: u16::try_from(value.as_u64()?).ok()?,
            },
            _ => return None,
        })
    }
}

fn parse<T: serde::de::DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_value(value.clone()).ok()
}

/// The body of a `CampaignSettingsChanged` event: the fields it sets, by key. Kept as JSON so
/// that a field written by a newer version is still merged and kept by an older one, as partner
/// edits are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsChange {
    pub fields: BTreeMap<String, Value>,
}

impl SettingsChange {
    /// The event body for the coordinator's edits; a later edit of the same field in the list
    /// replaces an earlier one.
    pub fn from_edits(edits: &[SettingEdit]) -> SettingsChange {
        SettingsChange {
            fields: edits.iter().map(|e| (e.key(), e.value())).collect(),
        }
    }

    /// The edits, read back; a field this build does not know is an error.
    pub fn edits(&self) -> Result<Vec<SettingEdit>, SettingProblem> {
        self.fields
            .iter()
            .map(|(key, value)| {
                SettingEdit::from_field(key, value)
                    .filter(|edit| edit.key() == *key)
                    .ok_or_else(|| SettingProblem::UnknownField { key: key.clone() })
            })
            .collect()
    }

    /// What every reader checks where events enter. A field this build does not know is let
    /// through (a newer server wrote it; it is merged and kept); the server, which builds the
    /// change from typed [`SettingEdit`]s, never writes one it does not know.
    pub fn check(&self) -> Result<(), SettingProblem> {
        if self.fields.is_empty() {
            return Err(SettingProblem::NoEdits);
        }
        for (key, value) in &self.fields {
            if let Some(edit) = SettingEdit::from_field(key, value) {
                edit.check()?;
            }
        }
        Ok(())
    }
}
