//! Reading the knowledge base once into terms, weights and sentences, so that each question
//! costs little.

use std::collections::HashMap;

use super::lookup::CONTENT_START;
use super::{EntryTerms, Matcher, Sentence, TermId, UNKNOWN_SHARE};
use crate::kiosk::knowledge::KnowledgeBase;
use crate::kiosk::normalise;

impl Matcher {
    /// Works on any content, checked or not (a bad entry is then simply never found); check it
    /// with [`KnowledgeBase::validate`] before publishing.
    pub fn new(mut kb: KnowledgeBase) -> Matcher {
        let entries = std::mem::take(&mut kb.entries);
        let mut matcher = Matcher {
            kb,
            lexicon: HashMap::new(),
            by_length: Vec::new(),
            idf: Vec::new(),
            postings: Vec::new(),
            entries: Vec::new(),
            unknown_weight: 0.0,
        };
        let mut next: TermId = 0;
        for group in &matcher.kb.synonyms {
            for word in group.iter().flat_map(|w| normalise::meaningful_words(w)) {
                matcher.lexicon.entry(word).or_insert(next);
            }
            next += 1;
        }
        // The entries' own words are read the way a question will be: a word of a synonym
        // group, or another ending of one ("deleted" is "delete"), is that group.
        matcher.index_words();
        let mut sentences_of_entries = Vec::with_capacity(entries.len());
        for entry in &entries {
            let mut sentences = Vec::new();
            for text in entry.texts.values() {
                // Keywords count as one-word sentences: a keyword found is a strong pointer.
                let keywords = text.keywords.iter().map(String::as_str);
                for sentence in text.sentences().chain(keywords) {
                    let mut terms: Vec<TermId> = normalise::meaningful_words(sentence)
                        .into_iter()
                        .map(|w| matcher.term_of_content_word(w, &mut next))
                        .collect();
                    terms.sort_unstable();
                    terms.dedup();
                    if !terms.is_empty() {
                        sentences.push(terms);
                    }
                }
            }
            sentences_of_entries.push(sentences);
        }
        matcher.kb.entries = entries;
        let Matcher { kb, lexicon, .. } = matcher;
        let term_count = next as usize;
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); term_count];
        let mut entries_terms = Vec::with_capacity(kb.entries.len());
        for (index, sentences) in sentences_of_entries.iter().enumerate() {
            let mut terms: Vec<TermId> = sentences.iter().flatten().copied().collect();
            terms.sort_unstable();
            terms.dedup();
            for &t in &terms {
                postings[t as usize].push(index as u32);
            }
            entries_terms.push(terms);
        }
        // BM25's idf: a term in every entry weighs almost nothing, a term in one weighs most.
        let n = kb.entries.len() as f32;
        let idf: Vec<f32> = postings
            .iter()
            .map(|p| {
                let df = p.len() as f32;
                if df == 0.0 {
                    0.0
                } else {
                    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
                }
            })
            .collect();
        let rarest = idf.iter().copied().fold(0.0, f32::max);
        let entries = entries_terms
            .into_iter()
            .zip(sentences_of_entries)
            .map(|(terms, sentences)| EntryTerms {
                terms,
                sentences: sentences
                    .into_iter()
                    .map(|terms| Sentence {
                        weight: terms.iter().map(|&t| idf[t as usize]).sum(),
                        terms,
                    })
                    .collect(),
            })
            .collect();
        let mut matcher = Matcher {
            kb,
            lexicon,
            by_length: Vec::new(),
            idf,
            postings,
            entries,
            unknown_weight: rarest * UNKNOWN_SHARE,
        };
        matcher.index_words();
        matcher
    }

    /// Sorts the known words by length for the typo search.
    pub(super) fn index_words(&mut self) {
        let mut by_length: Vec<Vec<(Vec<char>, TermId)>> = Vec::new();
        let mut words: Vec<_> = self.lexicon.iter().collect();
        words.sort(); // the same typo always resolves to the same word
        for (word, &term) in words {
            let chars: Vec<char> = word.chars().collect();
            if by_length.len() <= chars.len() {
                by_length.resize(chars.len() + 1, Vec::new());
            }
            by_length[chars.len()].push((chars, term));
        }
        self.by_length = by_length;
    }

    /// The term of a word of the content: known already, another ending of a synonym group's word
    /// ("deleted" is "delete", "contactée" is "contacter"), or a new term of its own. Typos are
    /// not looked for here: the content is spelt right, and a short word one letter away from a
    /// group's word is usually another word ("hall" is not "call"). Only synonym groups are
    /// searched (`by_length` holds them alone while the entries are read), so the result does not
    /// depend on entry order.
    fn term_of_content_word(&mut self, word: String, next: &mut TermId) -> TermId {
        if let Some(&term) = self.lexicon.get(&word) {
            return term;
        }
        let term = match self.same_start(&word, CONTENT_START) {
            Some((term, _)) => term,
            None => {
                *next += 1;
                *next - 1
            }
        };
        self.lexicon.insert(word, term);
        term
    }
}
