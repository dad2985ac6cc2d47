//! From a typed word to a known term: spelt as known, one or two typos away, or another ending
//! of a known word.

use super::{Matcher, TermId};
use crate::kiosk::normalise::distance_within;

/// A word recognised only through a typo or a cut counts less than one spelt right.
const ONE_TYPO: f32 = 0.8;
const TWO_TYPOS: f32 = 0.65;
const SAME_START: f32 = 0.8;

impl Matcher {
    /// The term a typed word stands for, and how sure that is: spelt as known, else the closest
    /// known word within one typo (two for long words), else a known word with another ending.
    pub(super) fn resolve(&self, word: &str) -> Option<(TermId, f32)> {
        if let Some(&term) = self.lexicon.get(word) {
            return Some((term, 1.0));
        }
        let typed: Vec<char> = word.chars().collect();
        let n = typed.len();
        // Short words have too many neighbours one letter away to guess which was meant. Arabic
        // writes short vowels nowhere, so its words are shorter for the same meaning.
        let arabic = typed
            .first()
            .is_some_and(|c| ('\u{600}'..='\u{6ff}').contains(c));
        let max = match (n, arabic) {
            (0..=3, _) | (4, false) => 0,
            (4..=6, true) | (5..=7, false) => 1,
            _ => 2,
        };
        let mut best = Best::default();
        if max > 0 {
            for len in n.saturating_sub(max)..=n + max {
                for (known, term) in self.by_length.get(len).into_iter().flatten() {
                    if !plausible_typo(&typed, known) {
                        continue;
                    }
                    match distance_within(&typed, known, max) {
                        Some(1) => best.consider(ONE_TYPO, len.abs_diff(n), *term),
                        Some(2) => best.consider(TWO_TYPOS, len.abs_diff(n), *term),
                        _ => {}
                    }
                }
            }
        }
        if let Some((term, sure)) = self.same_start(word, QUESTION_START) {
            best.consider(sure, 0, term);
        }
        best.found.map(|(sure, _, term)| (term, sure))
    }

    /// A known word that is the typed one with another ending, or cut short: "inscriptions" for
    /// "inscription", "contacted" for "contact". The shorter of the two must be long enough, and
    /// most of the longer, for the two to be the same word.
    pub(super) fn same_start(&self, word: &str, rule: StartRule) -> Option<(TermId, f32)> {
        let typed: Vec<char> = word.chars().collect();
        let n = typed.len();
        let mut best = Best::default();
        for (len, words) in self.by_length.iter().enumerate().skip(rule.shortest) {
            if len == n {
                continue;
            }
            let (short, long) = (len.min(n), len.max(n));
            if short < rule.shortest || (short as f32) < rule.share * long as f32 {
                continue;
            }
            for (known, term) in words {
                let (s, l) = if len < n {
                    (&known[..], &typed[..])
                } else {
                    (&typed[..], &known[..])
                };
                if l.starts_with(s) {
                    best.consider(SAME_START, long - short, *term);
                }
            }
        }
        best.found.map(|(sure, _, term)| (term, sure))
    }
}

/// When two words count as one with another ending.
#[derive(Clone, Copy)]
pub(super) struct StartRule {
    shortest: usize,
    share: f32,
}

/// For the knowledge base's own words: strict, since a wrong merge there misleads every question.
pub(super) const CONTENT_START: StartRule = StartRule {
    shortest: 6,
    share: 0.75,
};
/// For typed questions: the shorter may be a smaller part of the longer, for words cut short.
const QUESTION_START: StartRule = StartRule {
    shortest: 6,
    share: 0.6,
};

/// The best candidate so far: the surest, then the closest in length, then the first met (the
/// words are visited in a fixed order, so the same typo always gives the same answer).
#[derive(Default)]
struct Best {
    found: Option<(f32, usize, TermId)>,
}

impl Best {
    fn consider(&mut self, sure: f32, length_gap: usize, term: TermId) {
        let better = match self.found {
            None => true,
            Some((s, gap, _)) => sure > s || (sure == s && length_gap < gap),
        };
        if better {
            self.found = Some((sure, length_gap, term));
        }
    }
}

/// A cheap filter before the distance, which keeps typo search fast on a large knowledge base:
/// people rarely get both of a word's first two letters wrong, and a letter added or dropped at
/// the start ("lappli", "jarrive") still leaves one of them in place.
fn plausible_typo(typed: &[char], known: &[char]) -> bool {
    match (typed, known) {
        ([a, b, ..], [c, d, ..]) => a == c || b == d || a == d || b == c,
        _ => false,
    }
}
