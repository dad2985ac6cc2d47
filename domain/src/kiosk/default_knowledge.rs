//! The knowledge base a new campaign starts with: first-level questions residents ask in a lobby,
//! answered in French, easy-to-read French, English and Arabic. Answers name the landlord's
//! contacts only through placeholders (`{landlord_phone}`…) filled from the campaign's settings;
//! the only numbers written here are the national emergency ones (15, 17, 18, 112).
//!
//! Button names quoted in answers ("Poser une question"…) are those of `kiosk::words`.

mod app;
mod campaign;
mod data;
mod landlord;
mod more_languages;
mod partners;
mod signing_up;

use std::collections::BTreeMap;

use super::default_synonyms::default_synonyms;
use super::knowledge::{Entry, EntryText, KNOWLEDGE_FORMAT, KnowledgeBase, Topic};
use super::language::KioskLanguage;

pub fn default_knowledge() -> KnowledgeBase {
    let mut entries: Vec<Entry> = [
        app::entries(),
        signing_up::entries(),
        data::entries(),
        landlord::entries(),
        partners::entries(),
        campaign::entries(),
    ]
    .concat();
    more_languages::add_to(&mut entries);
    // Most asked first, as lobby kiosks and volunteers report them.
    let top = [
        "app_what",
        "app_cost",
        "app_join",
        "data_who_sees",
        "repair",
        "caretaker",
    ];
    KnowledgeBase {
        format: KNOWLEDGE_FORMAT,
        revision: 1,
        entries,
        synonyms: default_synonyms(),
        // The same most-asked questions in every language: those are the ones written in
        // Spanish, Portuguese and Turkish too (`more_languages`).
        suggested: BTreeMap::from([(
            KioskLanguage::Fr,
            top.iter().map(|id| (*id).to_owned()).collect(),
        )]),
    }
}

/// One language of an entry, as written below: question, other phrasings, keywords, answer.
struct Says<'a> {
    q: &'a str,
    also: &'a [&'a str],
    words: &'a [&'a str],
    a: &'a str,
}

fn says<'a>(q: &'a str, also: &'a [&'a str], words: &'a [&'a str], a: &'a str) -> Says<'a> {
    Says { q, also, words, a }
}

/// An entry in the four languages of the default content, in the order French, easy-to-read
/// French, English, Arabic.
fn entry(id: &str, topic: Topic, [fr, easy, en, ar]: [Says<'_>; 4]) -> Entry {
    let text = |s: Says<'_>| EntryText {
        question: s.q.to_owned(),
        phrasings: s.also.iter().map(|p| (*p).to_owned()).collect(),
        keywords: s.words.iter().map(|k| (*k).to_owned()).collect(),
        answer: s.a.to_owned(),
    };
    Entry {
        id: id.to_owned(),
        topic,
        texts: BTreeMap::from([
            (KioskLanguage::Fr, text(fr)),
            (KioskLanguage::FrEasy, text(easy)),
            (KioskLanguage::En, text(en)),
            (KioskLanguage::Ar, text(ar)),
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_content_is_valid_and_complete_in_four_languages() {
        let kb = default_knowledge();
        assert_eq!(kb.validate(), Ok(()));
        assert!(kb.entries.len() >= 15, "{} entries", kb.entries.len());
        for lang in [
            KioskLanguage::Fr,
            KioskLanguage::FrEasy,
            KioskLanguage::En,
            KioskLanguage::Ar,
        ] {
            assert_eq!(kb.missing_in(lang), Vec::<&str>::new(), "{lang:?}");
        }
        for topic in [
            Topic::NeighbourhoodApp,
            Topic::SigningUp,
            Topic::DataProtection,
            Topic::LandlordServices,
            Topic::LocalPartners,
            Topic::ThisCampaign,
        ] {
            assert!(kb.entries.iter().any(|e| e.topic == topic), "{topic:?}");
        }
    }

    #[test]
    fn no_phone_number_is_made_up() {
        // Landlord numbers come from settings; only the national emergency numbers are written.
        for entry in &default_knowledge().entries {
            for text in entry.texts.values() {
                let digits: String = text
                    .answer
                    .chars()
                    .map(|c| if c.is_ascii_digit() { c } else { ' ' })
                    .collect();
                for number in digits.split_whitespace() {
                    assert!(
                        ["18", "15", "17", "112", "16", "25", "1", "2", "3"].contains(&number),
                        "{}: {number} in {:?}",
                        entry.id,
                        text.answer
                    );
                }
            }
        }
    }

    #[test]
    fn french_questions_and_answers_keep_their_marks_with_the_word_before() {
        for entry in &default_knowledge().entries {
            for lang in [KioskLanguage::Fr, KioskLanguage::FrEasy] {
                let text = &entry.texts[&lang];
                let shown = format!("{}\n{}", text.question, text.answer);
                let faults = crate::i18n::french_spacing_faults(&shown);
                assert!(faults.is_empty(), "{} {lang:?}: {faults:?}", entry.id);
            }
        }
    }

    #[test]
    fn easy_to_read_answers_put_one_short_sentence_per_line() {
        for entry in &default_knowledge().entries {
            let easy = &entry.texts[&KioskLanguage::FrEasy].answer;
            for line in easy.lines() {
                assert!(
                    line.split_whitespace().count() <= 16,
                    "{}: too long for easy-to-read: {line:?}",
                    entry.id
                );
            }
        }
    }

    #[test]
    fn arabic_answers_do_not_start_with_a_latin_placeholder() {
        // A reader or a page guessing the direction from the first letter would turn the whole
        // paragraph left to right.
        for entry in &default_knowledge().entries {
            let ar = &entry.texts[&KioskLanguage::Ar];
            for line in ar.answer.lines().chain([ar.q_line()]) {
                assert!(
                    !line.trim_start().starts_with('{'),
                    "{}: {line:?}",
                    entry.id
                );
            }
        }
    }

    impl EntryText {
        fn q_line(&self) -> &str {
            &self.question
        }
    }
}
