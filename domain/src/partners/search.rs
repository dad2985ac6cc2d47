//! Searching the directory offline, as the volunteer types: by name, kind or theme (and, less
//! strongly, address, contact people and description), ignoring case and accents ("epicerie"
//! finds "Épicerie", "oeuvre" finds "Œuvre"), each typed word matching the start of a word.
//!
//! Ranking: every typed word must match somewhere (small words like "de" or "la" may match
//! nothing); each counts for its best match, a whole word before a word's start, the name before
//! a theme before the rest; a name that starts with what was typed comes first. Ties go by name.

use super::partner::Partner;
use super::vocabulary::{PartnerKind, Theme};
use crate::i18n::Locale;
use crate::territory::ResidenceId;

/// Lowercase, without accents, punctuation and blanks made single spaces: the form both the
/// query and the directory are compared in. Arabic loses its short vowels and tatweel, and its
/// alef forms become one, as Arabic search boxes usually do.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if crate::letters::is_dropped_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            crate::letters::push_plain(&mut out, c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// Small French words that a query may contain without the partner having them.
const SMALL_WORDS: &[&str] = &[
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "pour", "sur",
    "un", "une",
];

/// Where a word of the directory was found, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    NameStart,
    Name,
    Theme,
    Other,
}

impl Place {
    /// Points for a whole word and for the start of a word.
    fn points(self) -> (u32, u32) {
        match self {
            Place::NameStart => (120, 100),
            Place::Name => (90, 70),
            Place::Theme => (60, 50),
            Place::Other => (30, 20),
        }
    }
}

/// Narrows the directory before the words are matched (the theme chips, "near this résidence").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub theme: Option<Theme>,
    pub kind: Option<PartnerKind>,
    pub residence: Option<ResidenceId>,
    pub include_archived: bool,
}

impl Filter {
    fn keeps(&self, partner: &Partner) -> bool {
        (self.include_archived || !partner.archived)
            && self.theme.is_none_or(|t| partner.themes.contains(&t))
            && self.kind.is_none_or(|k| partner.kind == k)
            && self
                .residence
                .as_ref()
                .is_none_or(|r| partner.residences.contains(r))
    }
}

/// One result, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    pub partner: &'a Partner,
    pub score: u32,
}

struct Indexed {
    partner: Partner,
    name: String,
    /// Each folded word with its strongest place, deduplicated.
    words: Vec<(String, Place)>,
}

/// The directory prepared for searching: folded once when the directory changes, not on every
/// keystroke.
pub struct SearchIndex {
    partners: Vec<Indexed>,
}

impl SearchIndex {
    pub fn new(partners: impl IntoIterator<Item = Partner>) -> SearchIndex {
        let mut partners: Vec<Indexed> = partners.into_iter().map(index).collect();
        partners.sort_by(|a, b| (&a.name, &a.partner.id).cmp(&(&b.name, &b.partner.id)));
        SearchIndex { partners }
    }

    /// The partners matching `query` and `filter`, best first; every kept partner, by name,
    /// when the query has no word yet.
    pub fn search(&self, query: &str, filter: &Filter) -> Vec<Hit<'_>> {
        let folded = fold(query);
        let typed: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let only_small = typed.iter().all(|w| SMALL_WORDS.contains(w));
        let mut hits: Vec<Hit<'_>> = self
            .partners
            .iter()
            .filter(|p| filter.keeps(&p.partner))
            .filter_map(|p| {
                let mut score = 0;
                for word in &typed {
                    match best(&p.words, word) {
                        Some(points) => score += points,
                        None if !only_small && SMALL_WORDS.contains(word) => {}
                        None => return None,
                    }
                }
                if !folded.is_empty() && p.name.starts_with(&folded) {
                    score += 50;
                }
                Some(Hit {
                    partner: &p.partner,
                    score,
                })
            })
            .collect();
        // Stable: equal scores keep the index's name order.
        hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
        hits
    }
}

fn best(words: &[(String, Place)], typed: &str) -> Option<u32> {
    words
        .iter()
        .filter_map(|(word, place)| {
            let (whole, start) = place.points();
            if word == typed {
                Some(whole)
            } else if word.starts_with(typed) {
                Some(start)
            } else {
                None
            }
        })
        .max()
}

fn index(partner: Partner) -> Indexed {
    let name = fold(&partner.name);
    let mut words: Vec<(String, Place)> = Vec::new();
    let mut add = |text: &str, place: Place| {
        for word in fold(text).split(' ').filter(|w| !w.is_empty()) {
            words.push((word.to_owned(), place));
        }
    };
    for (i, word) in name.split(' ').enumerate() {
        add(
            word,
            if i == 0 {
                Place::NameStart
            } else {
                Place::Name
            },
        );
    }
    for locale in Locale::ALL {
        add(partner.kind.label(locale), Place::Theme);
    }
    for keyword in partner.kind.keywords() {
        add(keyword, Place::Theme);
    }
    for theme in &partner.themes {
        for locale in Locale::ALL {
            add(theme.label(locale), Place::Theme);
        }
        for keyword in theme.keywords() {
            add(keyword, Place::Theme);
        }
    }
    add(&partner.address, Place::Other);
    add(&partner.description, Place::Other);
    for person in &partner.contacts {
        add(&person.name, Place::Other);
        add(&person.role, Place::Other);
    }
    // Strongest place first, then one entry per word.
    words.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    words.dedup_by(|later, kept| later.0 == kept.0);
    Indexed {
        partner,
        name,
        words,
    }
}
