//! What a screen says when the device refused to record: one rule for every screen that writes
//! (visit, sign-up, partner, imports, kiosk), so that a full device always reads the same plain
//! words — nothing was recorded, what was typed is still there, and what to do about it.

use crate::i18n::{Locale, Text};

use super::words::Say;

/// The browser's name for a write refused for lack of space (`DOMException.name`), as the app's
/// storage adapter reports it.
pub const QUOTA_EXCEEDED: &str = "QuotaExceededError";

/// The app's name for a write refused because residents' details cannot be sealed while the
/// volunteer lock is closed (`crate::at_rest`).
pub const DEVICE_LOCKED: &str = "DeviceLocked";

/// Why a write was refused, as far as the person holding the device needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteFailure {
    /// No space left for Palier on this device: syncing, freeing space or exporting helps.
    DeviceFull,
    /// The device is locked and the form holds residents' details: unlocking lets it record.
    DeviceLocked,
    /// Anything else, with the browser's detail for whoever helps.
    Other { detail: String },
}

impl WriteFailure {
    /// Reads the storage adapter's detail line ("QuotaExceededError", "AbortError: …").
    pub fn from_detail(detail: &str) -> WriteFailure {
        let name = detail.split(':').next().unwrap_or("").trim();
        if name == QUOTA_EXCEEDED {
            WriteFailure::DeviceFull
        } else if name == DEVICE_LOCKED {
            WriteFailure::DeviceLocked
        } else {
            WriteFailure::Other {
                detail: detail.to_owned(),
            }
        }
    }

    pub fn message(&self, locale: Locale) -> String {
        match self {
            WriteFailure::DeviceFull => Say::DeviceFull.text(locale).to_owned(),
            WriteFailure::DeviceLocked => Say::DeviceLocked.text(locale).to_owned(),
            WriteFailure::Other { detail } => {
                locale.fill(Text::StorageWriteFailed, &[("reason", detail)])
            }
        }
    }
}

/// The message for a refused write, from the storage adapter's detail line.
pub fn write_failed(detail: &str, locale: Locale) -> String {
    WriteFailure::from_detail(detail).message(locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_device_says_nothing_was_recorded_and_what_to_do_in_every_language() {
        assert_eq!(
            WriteFailure::from_detail("QuotaExceededError"),
            WriteFailure::DeviceFull
        );
        assert_eq!(
            WriteFailure::from_detail("QuotaExceededError: The quota has been exceeded."),
            WriteFailure::DeviceFull
        );
        let fr = write_failed("QuotaExceededError", Locale::Fr);
        assert!(fr.contains("Rien n'a été enregistré"), "{fr}");
        assert!(fr.contains("Synchronisez"), "{fr}");
        assert!(fr.contains("export"), "{fr}");
        assert!(!fr.contains("QuotaExceededError"), "no jargon: {fr}");
        let en = write_failed("QuotaExceededError", Locale::En);
        assert!(en.contains("Nothing was recorded"), "{en}");
        let ar = write_failed("QuotaExceededError", Locale::Ar);
        assert!(ar.contains("لم يُسجَّل"), "{ar}");
    }

    #[test]
    fn a_locked_device_says_to_unlock_without_jargon() {
        assert_eq!(
            WriteFailure::from_detail("DeviceLocked: the data key is not in memory"),
            WriteFailure::DeviceLocked
        );
        let fr = write_failed("DeviceLocked", Locale::Fr);
        assert!(fr.contains("Rien n'a été enregistré"), "{fr}");
        assert!(fr.contains("Déverrouillez"), "{fr}");
        assert!(!fr.contains("DeviceLocked"), "no jargon: {fr}");
        assert!(write_failed("DeviceLocked", Locale::En).contains("Unlock"));
        assert!(!write_failed("DeviceLocked", Locale::Ar).contains("DeviceLocked"));
    }

    #[test]
    fn other_failures_keep_the_general_words_with_their_detail() {
        let words = write_failed("AbortError: the transaction was aborted", Locale::Fr);
        assert!(
            words.contains("AbortError: the transaction was aborted"),
            "{words}"
        );
        assert!(!words.contains("Rien n'a été enregistré"), "{words}");
        // A name that merely mentions quota somewhere in its message is not a full device.
        assert_eq!(
            WriteFailure::from_detail("UnknownError: QuotaExceededError later"),
            WriteFailure::Other {
                detail: "UnknownError: QuotaExceededError later".into()
            }
        );
    }
}
