//! The language choice kept on this device (localStorage) and applied to `<html>`.

use domain::i18n::Locale;

const LOCALE_KEY: &str = "palier.locale";

/// This origin's localStorage, when the browser lets the page use it.
pub(crate) fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn stored_locale() -> Option<String> {
    local_storage()?.get_item(LOCALE_KEY).ok().flatten()
}

pub fn store_locale(locale: Locale) {
    if let Some(storage) = local_storage() {
        // A full or blocked localStorage only costs the choice at next start: not worth an error.
        let _ = storage.set_item(LOCALE_KEY, locale.tag());
    }
}

/// `<html lang>` drives screen readers' voice and hyphenation; `dir` mirrors the whole layout.
pub fn apply_to_document(locale: Locale) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("lang", locale.tag());
    let _ = root.set_attribute("dir", locale.direction().html_value());
}
