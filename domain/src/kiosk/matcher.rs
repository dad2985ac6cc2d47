//! Finding the answer to a typed question, or honestly saying it was not found. The question and
//! every sentence of the knowledge base are reduced to comparable words (`normalise`), words of
//! one synonym group become one term, and unknown words are forgiven a typo or two. An entry
//! scores by how much of the question it explains and how much of one of its sentences the
//! question says, rare words counting more. Below a threshold, or when two entries are too close
//! to tell apart, the reply is "not sure" with suggestions: the kiosk never guesses.

use std::collections::{BTreeMap, HashMap};

use super::knowledge::{Entry, KnowledgeBase, Topic};
use super::language::KioskLanguage;
use super::normalise;
use super::settings::AnswerValues;

mod build;
mod lookup;

/// Longer input is cut before matching: a question is a sentence or two, and the cost of
/// matching must stay bounded whatever is pasted into the field.
pub const MAX_QUESTION_CHARS: usize = 300;
/// At most this many words of a question are compared.
const MAX_WORDS: usize = 30;

/// The least confidence for an answer.
pub const ANSWER_AT: f32 = 0.55;
/// How far ahead of the runner-up the best entry must be to be answered.
pub const MARGIN: f32 = 0.05;
/// The least confidence for an entry to be offered as "did you mean…?".
pub const SUGGEST_AT: f32 = 0.2;
/// How many suggestion buttons a "not sure" reply offers.
pub const SUGGESTIONS: usize = 3;

/// How much of the score comes from explaining the question (the rest from matching one of the
/// entry's sentences).
const QUESTION_SHARE: f32 = 0.7;
/// Weight of a word the knowledge base does not know, relative to the rarest known word: enough
/// that "comment réparer mon vélo" is not answered as a flat repair, not so much that one
/// stray word sinks a clear question.
const UNKNOWN_SHARE: f32 = 0.6;

/// What the kiosk shows after a question.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    Answer {
        answer: ShownAnswer,
        /// 0 to 1.
        confidence: f32,
    },
    NotSure {
        confidence: f32,
        suggestions: Vec<Suggestion>,
        /// Whether the suggestions are close to the question or just the most asked ones.
        kind: SuggestionKind,
    },
}

impl Reply {
    /// The entry answered, if any.
    pub fn entry(&self) -> Option<&str> {
        match self {
            Reply::Answer { answer, .. } => Some(&answer.entry),
            Reply::NotSure { .. } => None,
        }
    }

    pub fn confidence(&self) -> f32 {
        match self {
            Reply::Answer { confidence, .. } | Reply::NotSure { confidence, .. } => *confidence,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestionKind {
    /// "Vouliez-vous dire… ?": entries that came close.
    Close,
    /// Nothing came close: the questions residents ask most.
    Popular,
}

/// An answer ready for the screen: placeholders filled, in the language it is really written in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownAnswer {
    pub entry: String,
    pub topic: Topic,
    /// The language the resident chose.
    pub asked_in: KioskLanguage,
    /// The language of `question` and `answer`: French when the chosen one has no text yet.
    pub language: KioskLanguage,
    pub question: String,
    pub answer: String,
}

impl ShownAnswer {
    /// Whether to show "this answer only exists in French" above it.
    pub fn fell_back(&self) -> bool {
        self.language != self.asked_in
    }

    /// One paragraph per line, as easy-to-read texts are written.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.answer.lines().map(str::trim).filter(|l| !l.is_empty())
    }
}

/// A question offered as a button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub entry: String,
    pub question: String,
    /// For the button's `lang` and `dir`.
    pub language: KioskLanguage,
}

type TermId = u32;

/// The knowledge base and what was worked out from it once, so that each question costs little.
#[derive(Clone, Debug)]
pub struct Matcher {
    kb: KnowledgeBase,
    /// Comparable word → term (a synonym group or the word itself).
    lexicon: HashMap<String, TermId>,
    /// The same words by length in characters, for the typo search.
    by_length: Vec<Vec<(Vec<char>, TermId)>>,
    /// Terms → weight (rarer is heavier); 0 for a term no entry uses.
    idf: Vec<f32>,
    /// Term → the entries using it, for scoring only those.
    postings: Vec<Vec<u32>>,
    entries: Vec<EntryTerms>,
    unknown_weight: f32,
}

#[derive(Clone, Debug)]
struct EntryTerms {
    /// Sorted: every term of the entry's sentences and keywords, all languages.
    terms: Vec<TermId>,
    sentences: Vec<Sentence>,
}

#[derive(Clone, Debug)]
struct Sentence {
    terms: Vec<TermId>,
    weight: f32,
}

impl Matcher {
    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// The reply to a question typed (or dictated) in the kiosk language `lang`. The question may
    /// be in any language: entries are compared in all of theirs, and shown in `lang`.
    pub fn reply(&self, question: &str, lang: KioskLanguage, values: &AnswerValues) -> Reply {
        let ranking = self.rank(question);
        let best = ranking.first().map_or(0.0, |r| r.1);
        let second = ranking.get(1).map_or(0.0, |r| r.1);
        if best >= ANSWER_AT && best - second >= MARGIN {
            let entry = &self.kb.entries[ranking[0].0];
            if let Some(answer) = show(entry, lang, values) {
                return Reply::Answer {
                    answer,
                    confidence: best,
                };
            }
        }
        let close: Vec<Suggestion> = ranking
            .iter()
            .take_while(|r| r.1 >= SUGGEST_AT)
            .take(SUGGESTIONS)
            .filter_map(|&(i, _)| suggestion(&self.kb.entries[i], lang, values))
            .collect();
        if close.is_empty() {
            Reply::NotSure {
                confidence: best,
                suggestions: self.suggested(lang, values),
                kind: SuggestionKind::Popular,
            }
        } else {
            Reply::NotSure {
                confidence: best,
                suggestions: close,
                kind: SuggestionKind::Close,
            }
        }
    }

    /// The answer of one entry, for a suggestion button.
    pub fn answer(
        &self,
        entry: &str,
        lang: KioskLanguage,
        values: &AnswerValues,
    ) -> Option<ShownAnswer> {
        show(self.kb.entry(entry)?, lang, values)
    }

    /// The suggestion buttons shown before any question: the campaign's most asked questions.
    pub fn suggested(&self, lang: KioskLanguage, values: &AnswerValues) -> Vec<Suggestion> {
        self.kb
            .suggested_ids(lang)
            .iter()
            .filter_map(|id| suggestion(self.kb.entry(id)?, lang, values))
            .collect()
    }

    /// Entries and their scores, best first (ties in content order): the reply's reasoning, for
    /// tests and for the coordinator's "try a question" box in the editor.
    pub fn ranking(&self, question: &str) -> Vec<(&str, f32)> {
        self.rank(question)
            .into_iter()
            .map(|(i, score)| (self.kb.entries[i].id.as_str(), score))
            .collect()
    }

    fn rank(&self, question: &str) -> Vec<(usize, f32)> {
        let cut: String = question.chars().take(MAX_QUESTION_CHARS).collect();
        let mut words = normalise::meaningful_words(&cut);
        words.truncate(MAX_WORDS);
        words.sort_unstable();
        words.dedup();
        // Term → how surely the question holds it (1 spelt right, less through a typo). Ordered,
        // so that sums are made in the same order every time and equal questions score equal.
        let mut asked: BTreeMap<TermId, f32> = BTreeMap::new();
        let mut unknown_words = 0.0;
        for word in &words {
            match self.resolve(word) {
                Some((term, sure)) if self.idf[term as usize] > 0.0 => {
                    let slot = asked.entry(term).or_insert(0.0);
                    *slot = slot.max(sure);
                }
                _ => unknown_words += 1.0,
            }
        }
        let question_weight: f32 = asked.keys().map(|&t| self.idf[t as usize]).sum::<f32>()
            + unknown_words * self.unknown_weight;
        if question_weight <= 0.0 {
            return Vec::new();
        }
        let mut candidates: Vec<u32> = asked
            .keys()
            .flat_map(|&t| self.postings[t as usize].iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut ranking: Vec<(usize, f32)> = candidates
            .into_iter()
            .map(|i| {
                let entry = &self.entries[i as usize];
                let explained: f32 = asked
                    .iter()
                    .filter(|(t, _)| entry.terms.binary_search(t).is_ok())
                    .map(|(&t, &sure)| self.idf[t as usize] * sure)
                    .sum();
                let said = entry
                    .sentences
                    .iter()
                    .filter(|s| s.weight > 0.0)
                    .map(|s| {
                        let found: f32 = s
                            .terms
                            .iter()
                            .filter_map(|t| asked.get(t).map(|sure| self.idf[*t as usize] * sure))
                            .sum();
                        found / s.weight
                    })
                    .fold(0.0, f32::max);
                let score =
                    QUESTION_SHARE * (explained / question_weight) + (1.0 - QUESTION_SHARE) * said;
                (i as usize, score.clamp(0.0, 1.0))
            })
            .collect();
        ranking.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranking
    }
}

fn show(entry: &Entry, lang: KioskLanguage, values: &AnswerValues) -> Option<ShownAnswer> {
    let (language, text) = entry.text(lang)?;
    Some(ShownAnswer {
        entry: entry.id.clone(),
        topic: entry.topic,
        asked_in: lang,
        language,
        question: values.fill(text.question.trim(), language),
        answer: values.fill(text.answer.trim(), language),
    })
}

fn suggestion(entry: &Entry, lang: KioskLanguage, values: &AnswerValues) -> Option<Suggestion> {
    let (language, text) = entry.text(lang)?;
    Some(Suggestion {
        entry: entry.id.clone(),
        question: values.fill(text.question.trim(), language),
        language,
    })
}
