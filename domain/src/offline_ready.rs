//! Whether this device can already work with no network: the service worker controls the page
//! and holds every file of the build (each mode's code arrives on demand, so a mode never opened
//! online still needs its files in the worker's cache). A volunteer about to leave the Wi-Fi sees
//! "Prêt hors ligne" once that is true, and "Préparation hors ligne…" until then.

use crate::i18n::Locale;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfflineReadiness {
    /// The browser keeps no service worker here (an insecure address, an old browser): the
    /// insecure-address banner already says why; nothing more to show.
    Unsupported,
    /// The worker is still fetching the build, or does not control this page yet.
    Preparing,
    /// Every file of the build is in the cache of the worker that controls the page.
    Ready,
}

impl OfflineReadiness {
    /// From what the page sees: `every_file_kept` is the controlling worker's answer, `None`
    /// while it has not answered (or no worker controls the page yet).
    pub fn of(worker_supported: bool, controlled: bool, every_file_kept: Option<bool>) -> Self {
        match (worker_supported, controlled, every_file_kept) {
            (false, _, _) => OfflineReadiness::Unsupported,
            (true, true, Some(true)) => OfflineReadiness::Ready,
            _ => OfflineReadiness::Preparing,
        }
    }

    /// The name the page's state attribute carries (`data-offline`), for tests and styles.
    pub fn tag(self) -> &'static str {
        match self {
            OfflineReadiness::Unsupported => "unsupported",
            OfflineReadiness::Preparing => "preparing",
            OfflineReadiness::Ready => "ready",
        }
    }

    /// What the header says; nothing when there is nothing the volunteer can wait for.
    pub fn says(self, locale: Locale) -> Option<&'static str> {
        Some(match (self, locale) {
            (OfflineReadiness::Unsupported, _) => return None,
            (OfflineReadiness::Preparing, Locale::Fr) => "Préparation hors ligne…",
            (OfflineReadiness::Preparing, Locale::En) => "Getting ready for offline…",
            (OfflineReadiness::Preparing, Locale::Ar) => "جارٍ التحضير للعمل دون اتصال…",
            (OfflineReadiness::Ready, Locale::Fr) => "Prêt hors ligne",
            (OfflineReadiness::Ready, Locale::En) => "Ready offline",
            (OfflineReadiness::Ready, Locale::Ar) => "جاهز للعمل دون اتصال",
        })
    }

    /// The longer sentence for screen readers and the tooltip.
    pub fn explains(self, locale: Locale) -> Option<&'static str> {
        Some(match (self, locale) {
            (OfflineReadiness::Unsupported, _) => return None,
            (OfflineReadiness::Preparing, Locale::Fr) => {
                "L'application se télécharge sur cet appareil : restez connecté jusqu'à « Prêt hors ligne »."
            }
            (OfflineReadiness::Preparing, Locale::En) => {
                "The app is downloading onto this device: stay connected until \"Ready offline\"."
            }
            (OfflineReadiness::Preparing, Locale::Ar) => {
                "يجري تنزيل التطبيق على هذا الجهاز: ابقَ متصلًا حتى تظهر «جاهز للعمل دون اتصال»."
            }
            (OfflineReadiness::Ready, Locale::Fr) => {
                "Toute l'application est sur cet appareil : elle marche sans réseau."
            }
            (OfflineReadiness::Ready, Locale::En) => {
                "The whole app is on this device: it works with no network."
            }
            (OfflineReadiness::Ready, Locale::Ar) => "التطبيق كله على هذا الجهاز: يعمل دون شبكة.",
        })
    }
}

/// What a screen shows while its mode's code arrives (the first visit of a mode, online).
pub fn screen_loading(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "Chargement de cet écran…",
        Locale::En => "Loading this screen…",
        Locale::Ar => "جارٍ تحميل هذه الشاشة…",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_only_when_a_controlling_worker_keeps_every_file() {
        use OfflineReadiness::*;
        assert_eq!(OfflineReadiness::of(true, true, Some(true)), Ready);
        assert_eq!(OfflineReadiness::of(true, true, Some(false)), Preparing);
        assert_eq!(OfflineReadiness::of(true, true, None), Preparing);
        // A worker that keeps everything but does not control the page yet would not serve it.
        assert_eq!(OfflineReadiness::of(true, false, Some(true)), Preparing);
        assert_eq!(OfflineReadiness::of(false, false, None), Unsupported);
    }

    #[test]
    fn every_shown_state_has_words_in_every_language() {
        for state in [OfflineReadiness::Preparing, OfflineReadiness::Ready] {
            for locale in [Locale::Fr, Locale::En, Locale::Ar] {
                assert!(state.says(locale).is_some_and(|s| !s.is_empty()));
                assert!(state.explains(locale).is_some_and(|s| !s.is_empty()));
            }
        }
        assert_eq!(OfflineReadiness::Unsupported.says(Locale::Fr), None);
        for locale in [Locale::Fr, Locale::En, Locale::Ar] {
            assert!(!screen_loading(locale).is_empty());
        }
        assert_ne!(
            OfflineReadiness::Ready.says(Locale::Fr),
            OfflineReadiness::Preparing.says(Locale::Fr)
        );
    }
}
