//! The current interface language, shared by every screen through a context; it keeps `<html
//! lang dir>` in step and remembers the choice on this device. English and Arabic texts arrive on
//! demand in the release build (`domain::i18n::on_demand`): the language changes once they are here.

use crate::browser::preferences;
use domain::i18n::{Locale, Text, on_demand};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Language(RwSignal<Locale>, StoredValue<Locale>);

impl Language {
    pub fn get(self) -> Locale {
        self.0.get()
    }

    pub fn get_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    /// Switches at once when the language's texts are here, else once they are (a quick tap on
    /// another language meanwhile wins).
    pub fn set(self, locale: Locale) {
        self.1.set_value(locale);
        if on_demand::is_loaded(locale) {
            self.0.set(locale);
            return;
        }
        leptos::task::spawn_local(async move {
            load_texts(locale).await;
            if self.1.get_value() == locale {
                self.0.set(locale);
            }
        });
    }

    /// A reactive text: re-read whenever the language changes.
    pub fn t(self, key: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.0.get().text(key)
    }
}

pub fn provide_language() -> Language {
    // main.rs loaded the stored language's texts before mounting; French if that failed.
    let stored = start_locale();
    let locale = if on_demand::is_loaded(stored) {
        stored
    } else {
        Locale::Fr
    };
    let language = Language(RwSignal::new(locale), StoredValue::new(locale));
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

/// The language this device starts in (its stored choice, else French).
pub fn start_locale() -> Locale {
    Locale::at_start(preferences::stored_locale().as_deref())
}

/// Makes `locale`'s texts readable: at once for French and in builds without the split; else
/// fetches English and Arabic together (one small file, precached by the service worker like
/// every piece, so this works offline too).
pub async fn load_texts(locale: Locale) {
    #[cfg(feature = "split")]
    if !on_demand::is_loaded(locale) {
        let (english, arabic) = other_languages().await;
        on_demand::install(Locale::En, english);
        on_demand::install(Locale::Ar, arabic);
    }
    #[cfg(not(feature = "split"))]
    let _ = locale;
}

/// Screens of the modes may show texts in a language other than the interface's (a door hanger
/// printed in Arabic, the kiosk in the resident's language): they wait for these too.
pub async fn load_all_texts() {
    load_texts(Locale::En).await;
    load_texts(Locale::Ar).await;
}

/// The only caller of the English and Arabic `match`es: wasm-split moves them, with their texts,
/// into this function's own file.
#[cfg(feature = "split")]
#[leptos::lazy]
fn other_languages() -> (on_demand::Table, on_demand::Table) {
    (on_demand::english(), on_demand::arabic())
}
