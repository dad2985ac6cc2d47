//! The knowledge base behind "Posez votre question": campaign content that coordinators edit and
//! that syncs to the kiosks. Each entry is one question with its answer in easy words, in as many
//! kiosk languages as someone wrote, French always. Checked before use: a kiosk must never show
//! an empty answer or mix two entries up.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::language::KioskLanguage;
use super::normalise;

/// The layout this build reads; raise it when a change would make older content mean something
/// else.
pub const KNOWLEDGE_FORMAT: u16 = 1;

/// Long enough for a few easy sentences; an answer longer than this is a leaflet, not an answer
/// a resident reads standing in a hall.
pub const MAX_ANSWER_CHARS: usize = 1200;

/// The words answers may contain, filled from the campaign's settings when shown
/// (`kiosk::settings`). Anything else between braces is refused, so that a typo such as
/// `{landlord_phon}` is caught in the editor, not read out in a hall.
pub const PLACEHOLDERS: [&str; 9] = [
    "app",
    "landlord",
    "landlord_phone",
    "emergency_phone",
    "caretaker",
    "rent_contact",
    "data_contact",
    "partners",
    "retention_years",
];

/// What a question is about, for the coordinator's editor and for grouping suggestions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// The neighbourhood app: what it is, what it costs, how to join, who sees what.
    NeighbourhoodApp,
    /// Signing up here or with a volunteer, and changing one's mind.
    SigningUp,
    /// Data protection and residents' rights.
    DataProtection,
    /// The landlord's everyday services: repairs, who to call, the caretaker, rent.
    LandlordServices,
    /// Centres sociaux, associations, public services nearby.
    LocalPartners,
    /// The kiosk itself, the shared-room ideas, the volunteers.
    ThisCampaign,
}

/// One question and its answer in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryText {
    /// As shown on a suggestion button.
    pub question: String,
    /// Other ways residents ask the same thing; they only help the matching.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrasings: Vec<String>,
    /// Single words that point to this entry (local words too: "loge" for the caretaker's office).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// In easy words; a `\n` starts a new line. May contain [`PLACEHOLDERS`].
    pub answer: String,
}

impl EntryText {
    /// The question and its phrasings: what a resident's question is compared with, sentence by
    /// sentence.
    pub fn sentences(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.question.as_str()).chain(self.phrasings.iter().map(String::as_str))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable name ("app_cost"): survives re-wording, so events and suggestions can refer to it.
    pub id: String,
    pub topic: Topic,
    /// French is required: every other language falls back to it.
    pub texts: BTreeMap<KioskLanguage, EntryText>,
}

impl Entry {
    /// The text in that language, else in French, and the language it really is in.
    pub fn text(&self, lang: KioskLanguage) -> Option<(KioskLanguage, &EntryText)> {
        self.texts.get(&lang).map(|t| (lang, t)).or_else(|| {
            self.texts
                .get(&KioskLanguage::Fr)
                .map(|t| (KioskLanguage::Fr, t))
        })
    }
}

/// The whole knowledge base of a campaign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnowledgeBase {
    /// The layout ([`KNOWLEDGE_FORMAT`]).
    pub format: u16,
    /// Raised by the editor at each published change, so a kiosk can tell which content it runs
    /// and coordinators can tell which one a resident's unanswered question was asked against.
    pub revision: u32,
    pub entries: Vec<Entry>,
    /// Groups of words that mean the same thing here, across languages and spellings
    /// (["loyer", "rent", "إيجار", "kira"]). Applied to questions and to entries alike.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
    /// Entry ids for the suggestion buttons, most asked first, per language; a language without
    /// its own list uses the French one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub suggested: BTreeMap<KioskLanguage, Vec<String>>,
}

/// Why the content cannot be used, in words that point at the entry to fix.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KnowledgeError {
    #[error(
        "this knowledge base is written in format {found}; this build reads 1 to {KNOWLEDGE_FORMAT}"
    )]
    UnknownFormat { found: u16 },
    #[error("the knowledge base has no entries")]
    NoEntries,
    #[error("entry {position} has no id")]
    NoId { position: usize },
    #[error("entry id {id:?} may only hold lowercase letters, digits, \"_\" and \"-\"")]
    BadId { id: String },
    #[error("two entries share the id {id:?}")]
    DuplicateId { id: String },
    #[error("entry {id:?} has no French text; every language falls back to French")]
    NoFrench { id: String },
    #[error("entry {id:?} has an empty question in {}", lang.own_name())]
    EmptyQuestion { id: String, lang: KioskLanguage },
    #[error("entry {id:?} has an empty answer in {}", lang.own_name())]
    EmptyAnswer { id: String, lang: KioskLanguage },
    #[error(
        "entry {id:?}: the answer in {} has {chars} characters, at most {MAX_ANSWER_CHARS}",
        lang.own_name()
    )]
    AnswerTooLong {
        id: String,
        lang: KioskLanguage,
        chars: usize,
    },
    #[error("entry {id:?}: {{{name}}} in {} is not one of the known placeholders", lang.own_name())]
    UnknownPlaceholder {
        id: String,
        lang: KioskLanguage,
        name: String,
    },
    #[error("entry {id:?}: a question or phrasing in {} has no word to match on", lang.own_name())]
    NothingToMatch { id: String, lang: KioskLanguage },
    #[error(
        "{first:?} and {second:?} both ask {sentence:?}: a resident asking it could not be answered"
    )]
    SameQuestionTwice {
        sentence: String,
        first: String,
        second: String,
    },
    #[error("synonym group {position} is empty")]
    EmptySynonyms { position: usize },
    #[error("{word:?} is in two synonym groups, the one of {first:?} and the one of {second:?}")]
    WordInTwoGroups {
        word: String,
        first: String,
        second: String,
    },
    #[error("the suggestions for {} name {id:?}, which is not an entry", lang.own_name())]
    UnknownSuggestion { lang: KioskLanguage, id: String },
}

impl KnowledgeBase {
    /// Checks everything the kiosk relies on and stops at the first problem, in reading order.
    pub fn validate(&self) -> Result<(), KnowledgeError> {
        if !(1..=KNOWLEDGE_FORMAT).contains(&self.format) {
            return Err(KnowledgeError::UnknownFormat { found: self.format });
        }
        if self.entries.is_empty() {
            return Err(KnowledgeError::NoEntries);
        }
        let mut ids = std::collections::HashSet::new();
        // Two entries answering the very same sentence would make the matcher hesitate forever.
        let mut sentences: HashMap<Vec<String>, &str> = HashMap::new();
        for (index, entry) in self.entries.iter().enumerate() {
            check_id(&entry.id, index + 1)?;
            if !ids.insert(entry.id.as_str()) {
                return Err(KnowledgeError::DuplicateId {
                    id: entry.id.clone(),
                });
            }
            if !entry.texts.contains_key(&KioskLanguage::Fr) {
                return Err(KnowledgeError::NoFrench {
                    id: entry.id.clone(),
                });
            }
            for (&lang, text) in &entry.texts {
                check_text(&entry.id, lang, text)?;
                for sentence in text.sentences() {
                    let key = normalise::meaningful_words(sentence);
                    match sentences.insert(key, &entry.id) {
                        Some(first) if first != entry.id => {
                            return Err(KnowledgeError::SameQuestionTwice {
                                sentence: sentence.trim().to_owned(),
                                first: first.to_owned(),
                                second: entry.id.clone(),
                            });
                        }
                        _ => {}
                    }
                }
            }
        }
        self.check_synonyms()?;
        for (&lang, list) in &self.suggested {
            if let Some(id) = list.iter().find(|id| !ids.contains(id.as_str())) {
                return Err(KnowledgeError::UnknownSuggestion {
                    lang,
                    id: id.clone(),
                });
            }
        }
        Ok(())
    }

    /// A word in two groups would silently join two ideas into one (and only the first group
    /// would count), so it is refused; so is a group with nothing to match on.
    fn check_synonyms(&self) -> Result<(), KnowledgeError> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, group) in self.synonyms.iter().enumerate() {
            let words: Vec<String> = group
                .iter()
                .flat_map(|w| normalise::meaningful_words(w))
                .collect();
            if words.is_empty() {
                return Err(KnowledgeError::EmptySynonyms {
                    position: index + 1,
                });
            }
            for word in words {
                match seen.insert(word.clone(), index) {
                    Some(first) if first != index => {
                        return Err(KnowledgeError::WordInTwoGroups {
                            word,
                            first: self.synonyms[first][0].clone(),
                            second: group[0].clone(),
                        });
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The suggestion buttons' entries for a language, in order.
    pub fn suggested_ids(&self, lang: KioskLanguage) -> &[String] {
        self.suggested
            .get(&lang)
            .or_else(|| self.suggested.get(&KioskLanguage::Fr))
            .map_or(&[], Vec::as_slice)
    }

    /// Entries still waiting for a translation into `lang`, for the editor.
    pub fn missing_in(&self, lang: KioskLanguage) -> Vec<&str> {
        self.entries
            .iter()
            .filter(|e| !e.texts.contains_key(&lang))
            .map(|e| e.id.as_str())
            .collect()
    }
}

fn check_id(id: &str, position: usize) -> Result<(), KnowledgeError> {
    if id.is_empty() {
        return Err(KnowledgeError::NoId { position });
    }
    let plain = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !plain || id.len() > 64 {
        return Err(KnowledgeError::BadId { id: id.to_owned() });
    }
    Ok(())
}

fn check_text(id: &str, lang: KioskLanguage, text: &EntryText) -> Result<(), KnowledgeError> {
    let id = || id.to_owned();
    if text.question.trim().is_empty() {
        return Err(KnowledgeError::EmptyQuestion { id: id(), lang });
    }
    if text.answer.trim().is_empty() {
        return Err(KnowledgeError::EmptyAnswer { id: id(), lang });
    }
    let chars = text.answer.trim().chars().count();
    if chars > MAX_ANSWER_CHARS {
        return Err(KnowledgeError::AnswerTooLong {
            id: id(),
            lang,
            chars,
        });
    }
    for piece in [&text.question, &text.answer] {
        if let Some(name) = placeholders(piece).find(|n| !PLACEHOLDERS.contains(n)) {
            return Err(KnowledgeError::UnknownPlaceholder {
                id: id(),
                lang,
                name: name.to_owned(),
            });
        }
    }
    if text
        .sentences()
        .any(|s| normalise::meaningful_words(s).is_empty())
    {
        return Err(KnowledgeError::NothingToMatch { id: id(), lang });
    }
    Ok(())
}

/// The names between braces in a text, in order.
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(question: &str, answer: &str) -> EntryText {
        EntryText {
            question: question.into(),
            phrasings: vec![],
            keywords: vec![],
            answer: answer.into(),
        }
    }

    fn entry(id: &str, question: &str) -> Entry {
        Entry {
            id: id.into(),
            topic: Topic::LandlordServices,
            texts: BTreeMap::from([(
                KioskLanguage::Fr,
                text(question, "Appelez {landlord_phone}."),
            )]),
        }
    }

    fn base(entries: Vec<Entry>) -> KnowledgeBase {
        KnowledgeBase {
            format: 1,
            revision: 1,
            entries,
            synonyms: vec![],
            suggested: BTreeMap::new(),
        }
    }

    #[test]
    fn each_mistake_has_a_clear_error() {
        let good = base(vec![
            entry("repair", "Une réparation ?"),
            entry("rent", "Mon loyer ?"),
        ]);
        assert_eq!(good.validate(), Ok(()));
        let check = |change: &dyn Fn(&mut KnowledgeBase)| {
            let mut kb = good.clone();
            change(&mut kb);
            kb.validate()
        };
        assert_eq!(
            check(&|kb| kb.format = 2),
            Err(KnowledgeError::UnknownFormat { found: 2 })
        );
        assert_eq!(
            check(&|kb| kb.entries.clear()),
            Err(KnowledgeError::NoEntries)
        );
        assert_eq!(
            check(&|kb| kb.entries[1].id = "repair".into()),
            Err(KnowledgeError::DuplicateId {
                id: "repair".into()
            })
        );
        assert_eq!(
            check(&|kb| kb.entries[1].id.clear()),
            Err(KnowledgeError::NoId { position: 2 })
        );
        assert_eq!(
            check(&|kb| kb.entries[0].id = "Répar ation".into()),
            Err(KnowledgeError::BadId {
                id: "Répar ation".into()
            })
        );
        let empty_answer = check(&|kb| {
            kb.entries[0]
                .texts
                .insert(KioskLanguage::Ar, text("إصلاح؟", "  \n"));
        });
        assert_eq!(
            empty_answer,
            Err(KnowledgeError::EmptyAnswer {
                id: "repair".into(),
                lang: KioskLanguage::Ar
            })
        );
        assert_eq!(
            empty_answer.unwrap_err().to_string(),
            "entry \"repair\" has an empty answer in العربية"
        );
        assert_eq!(
            check(&|kb| kb.entries[0]
                .texts
                .get_mut(&KioskLanguage::Fr)
                .unwrap()
                .question = " ".into()),
            Err(KnowledgeError::EmptyQuestion {
                id: "repair".into(),
                lang: KioskLanguage::Fr
            })
        );
        assert_eq!(
            check(&|kb| {
                let texts = &mut kb.entries[0].texts;
                let fr = texts.remove(&KioskLanguage::Fr).unwrap();
                texts.insert(KioskLanguage::En, fr);
            }),
            Err(KnowledgeError::NoFrench {
                id: "repair".into()
            })
        );
        assert_eq!(
            check(&|kb| kb.entries[0]
                .texts
                .get_mut(&KioskLanguage::Fr)
                .unwrap()
                .answer = "Appelez {landlord_phon}.".into()),
            Err(KnowledgeError::UnknownPlaceholder {
                id: "repair".into(),
                lang: KioskLanguage::Fr,
                name: "landlord_phon".into()
            })
        );
        assert_eq!(
            check(&|kb| kb.entries[0]
                .texts
                .get_mut(&KioskLanguage::Fr)
                .unwrap()
                .answer = "é".repeat(MAX_ANSWER_CHARS + 1)),
            Err(KnowledgeError::AnswerTooLong {
                id: "repair".into(),
                lang: KioskLanguage::Fr,
                chars: MAX_ANSWER_CHARS + 1
            })
        );
        assert_eq!(
            check(&|kb| kb.entries[0]
                .texts
                .get_mut(&KioskLanguage::Fr)
                .unwrap()
                .phrasings = vec!["Bonjour ?".into()]),
            Err(KnowledgeError::NothingToMatch {
                id: "repair".into(),
                lang: KioskLanguage::Fr
            })
        );
        assert_eq!(
            check(&|kb| kb.entries[1]
                .texts
                .get_mut(&KioskLanguage::Fr)
                .unwrap()
                .phrasings = vec!["une REPARATION".into()]),
            Err(KnowledgeError::SameQuestionTwice {
                sentence: "une REPARATION".into(),
                first: "repair".into(),
                second: "rent".into()
            })
        );
        assert_eq!(
            check(&|kb| kb.synonyms =
                vec![vec!["Loyer".into(), "rent".into()], vec!["loyers".into()]]),
            Err(KnowledgeError::WordInTwoGroups {
                word: "loyer".into(),
                first: "Loyer".into(),
                second: "loyers".into()
            })
        );
        assert_eq!(
            check(&|kb| kb.synonyms = vec![vec!["le".into(), "la".into()]]),
            Err(KnowledgeError::EmptySynonyms { position: 1 })
        );
        assert_eq!(
            check(&|kb| {
                kb.suggested
                    .insert(KioskLanguage::En, vec!["repair".into(), "cost".into()]);
            }),
            Err(KnowledgeError::UnknownSuggestion {
                lang: KioskLanguage::En,
                id: "cost".into()
            })
        );
    }

    #[test]
    fn texts_and_suggestions_fall_back_to_french() {
        let mut kb = base(vec![entry("repair", "Une réparation ?")]);
        kb.suggested
            .insert(KioskLanguage::Fr, vec!["repair".into()]);
        let (lang, text) = kb.entries[0].text(KioskLanguage::Tr).unwrap();
        assert_eq!(
            (lang, text.question.as_str()),
            (KioskLanguage::Fr, "Une réparation ?")
        );
        assert_eq!(kb.suggested_ids(KioskLanguage::Ar), ["repair"]);
        assert_eq!(kb.missing_in(KioskLanguage::En), ["repair"]);
        assert_eq!(kb.missing_in(KioskLanguage::Fr), Vec::<&str>::new());
    }

    #[test]
    fn the_stored_form_names_languages_by_their_tags() {
        let mut kb = base(vec![entry("repair", "Une réparation ?")]);
        kb.entries[0]
            .texts
            .insert(KioskLanguage::FrEasy, text("Réparer ?", "Appelez."));
        let json = serde_json::to_value(&kb).unwrap();
        assert!(
            json["entries"][0]["texts"]["fr-easy"]["answer"].is_string(),
            "{json}"
        );
        assert_eq!(json["entries"][0]["topic"], "landlord_services");
        let read: KnowledgeBase = serde_json::from_value(json).unwrap();
        assert_eq!(read, kb);
    }

    #[test]
    fn placeholders_are_read_between_braces() {
        let names: Vec<_> = placeholders("Appelez {landlord_phone} ou {caretaker}. {").collect();
        assert_eq!(names, ["landlord_phone", "caretaker"]);
    }
}
