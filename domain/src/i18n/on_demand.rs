//! English and Arabic texts as tables filled at run time, so that the app's first load carries
//! French alone (BENCHMARKS.md, first load). With the feature `texts_on_demand` (the app's split
//! release build) [`Locale::text`](super::Locale::text) reads English and Arabic from here, and
//! only [`english`] and [`arabic`] reach their `match`: the app calls those two from a function
//! loaded on demand, so wasm-split moves the texts out of the shell with them. Without the
//! feature (tests, the server, debug builds) `Locale::text` reads the `match` directly.

use super::{ALL_KEYS, Locale, Text, ar, en, fr};
use std::sync::OnceLock;

/// Every text of a language, indexed by `Text as usize`.
pub type Table = Box<[&'static str]>;

static ENGLISH: OnceLock<Table> = OnceLock::new();
static ARABIC: OnceLock<Table> = OnceLock::new();

/// Every English text, for [`install`].
pub fn english() -> Table {
    table(en::text)
}

/// Every Arabic text, for [`install`].
pub fn arabic() -> Table {
    table(ar::text)
}

fn table(text: impl Fn(Text) -> &'static str) -> Table {
    let mut table = vec![""; ALL_KEYS.len()].into_boxed_slice();
    for &key in ALL_KEYS {
        table[key as usize] = text(key);
    }
    table
}

/// Keeps a language's texts for the rest of the page's life; a second call changes nothing.
pub fn install(locale: Locale, table: Table) {
    if let Some(slot) = slot(locale) {
        let _ = slot.set(table);
    }
}

/// Whether [`Locale::text`](super::Locale::text) can answer in `locale` now. Always true
/// without the feature, and for French.
pub fn is_loaded(locale: Locale) -> bool {
    !cfg!(feature = "texts_on_demand") || slot(locale).is_none_or(|slot| slot.get().is_some())
}

fn slot(locale: Locale) -> Option<&'static OnceLock<Table>> {
    match locale {
        Locale::Fr => None,
        Locale::En => Some(&ENGLISH),
        Locale::Ar => Some(&ARABIC),
    }
}

/// `key` in `locale` from the installed table; French until that table is there (the app loads
/// it before it switches language, so this is a last resort, never a blank).
pub fn text(locale: Locale, key: Text) -> &'static str {
    lookup(slot(locale).and_then(OnceLock::get), key)
}

fn lookup(table: Option<&Table>, key: Text) -> &'static str {
    table
        .and_then(|t| t.get(key as usize).copied())
        .unwrap_or_else(|| fr::text(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_hold_the_same_texts_as_the_match() {
        let (english, arabic) = (english(), arabic());
        for &key in ALL_KEYS {
            assert_eq!(lookup(Some(&english), key), en::text(key), "{key:?}");
            assert_eq!(lookup(Some(&arabic), key), ar::text(key), "{key:?}");
        }
    }

    #[test]
    fn a_language_not_loaded_yet_reads_french_not_a_blank() {
        assert_eq!(lookup(None, Text::AppName), fr::text(Text::AppName));
        assert_eq!(
            lookup(None, Text::ToConfirmNone),
            fr::text(Text::ToConfirmNone)
        );
    }

    #[test]
    fn french_needs_no_loading() {
        assert!(is_loaded(Locale::Fr));
    }
}
