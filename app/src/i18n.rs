//! The current interface language, shared by every screen through a context; it keeps `<html
//! lang dir>` in step and remembers the choice on this device.

use crate::browser::preferences;
use domain::i18n::{Locale, Text};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Language(RwSignal<Locale>);

impl Language {
    pub fn get(self) -> Locale {
        self.0.get()
    }

    pub fn get_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    pub fn set(self, locale: Locale) {
        self.0.set(locale);
    }

    /// A reactive text: re-read whenever the language changes.
    pub fn t(self, key: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.0.get().text(key)
    }
}

pub fn provide_language() -> Language {
    let language = Language(RwSignal::new(Locale::at_start(
        preferences::stored_locale().as_deref(),
    )));
    Effect::new(move |_| {
        let locale = language.get();
        preferences::apply_to_document(locale);
        preferences::store_locale(locale);
    });
    provide_context(language);
    language
}

pub fn use_language() -> Language {
    expect_context::<Language>()
}
