//! The seven languages a resident can pick on the kiosk's first screen. The kiosk speaks more
//! languages than the rest of the app: its content (answers, ideas) may be written in any of them,
//! and what is not written in a language is shown in French, saying so.

use serde::{Deserialize, Serialize};

use crate::i18n::{Direction, Locale};
use crate::presentation::ContentLanguage;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum KioskLanguage {
    #[serde(rename = "fr")]
    Fr,
    /// Easy-to-read French ("facile à lire"): short sentences, common words, one per line.
    #[serde(rename = "fr-easy")]
    FrEasy,
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ar")]
    Ar,
    #[serde(rename = "es")]
    Es,
    #[serde(rename = "pt")]
    Pt,
    #[serde(rename = "tr")]
    Tr,
}

impl KioskLanguage {
    /// In the order of the buttons on the attract screen: French first (the kiosk's own
    /// language), its easy-to-read form right after, then the others.
    pub const ALL: [KioskLanguage; 7] = [
        KioskLanguage::Fr,
        KioskLanguage::FrEasy,
        KioskLanguage::En,
        KioskLanguage::Ar,
        KioskLanguage::Es,
        KioskLanguage::Pt,
        KioskLanguage::Tr,
    ];

    /// Which counts take the singular (`crate::i18n::Plural`); the Arabic and Turkish texts
    /// need no choice (a count does not change the Turkish noun; see i18n/plural.rs for Arabic).
    pub fn plural(self) -> crate::i18n::Plural {
        match self {
            KioskLanguage::Fr | KioskLanguage::FrEasy => crate::i18n::Plural::ZeroAndOne,
            _ => crate::i18n::Plural::OnlyOne,
        }
    }

    /// Stored with content and events ("fr-easy" is ours, see [`KioskLanguage::html_lang`]).
    pub fn tag(self) -> &'static str {
        match self {
            KioskLanguage::Fr => "fr",
            KioskLanguage::FrEasy => "fr-easy",
            KioskLanguage::En => "en",
            KioskLanguage::Ar => "ar",
            KioskLanguage::Es => "es",
            KioskLanguage::Pt => "pt",
            KioskLanguage::Tr => "tr",
        }
    }

    pub fn from_tag(tag: &str) -> Option<KioskLanguage> {
        let tag = tag.trim();
        KioskLanguage::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// The button's label, written so that its own readers recognise it.
    pub fn own_name(self) -> &'static str {
        match self {
            KioskLanguage::Fr => "Français",
            KioskLanguage::FrEasy => "Facile à lire",
            KioskLanguage::En => "English",
            KioskLanguage::Ar => "العربية",
            KioskLanguage::Es => "Español",
            KioskLanguage::Pt => "Português",
            KioskLanguage::Tr => "Türkçe",
        }
    }

    /// For `lang` attributes, so that a screen reader picks the right voice.
    pub fn html_lang(self) -> &'static str {
        match self {
            KioskLanguage::Fr | KioskLanguage::FrEasy => "fr",
            other => other.tag(),
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            KioskLanguage::Ar => Direction::RightToLeft,
            _ => Direction::LeftToRight,
        }
    }

    pub fn is_rtl(self) -> bool {
        self.direction() == Direction::RightToLeft
    }

    /// The language shown when a text is missing in this one: French, which every piece of
    /// campaign content must have (easy-to-read French falls back to plain French too).
    pub fn fallback(self) -> Option<KioskLanguage> {
        (self != KioskLanguage::Fr).then_some(KioskLanguage::Fr)
    }

    /// The presentation's language for this choice (the slides exist in four languages); Spanish,
    /// Portuguese and Turkish readers get the French slides.
    pub fn content_language(self) -> ContentLanguage {
        match self {
            KioskLanguage::FrEasy => ContentLanguage::FrEasy,
            KioskLanguage::En => ContentLanguage::En,
            KioskLanguage::Ar => ContentLanguage::Ar,
            KioskLanguage::Fr | KioskLanguage::Es | KioskLanguage::Pt | KioskLanguage::Tr => {
                ContentLanguage::Fr
            }
        }
    }

    /// The app's interface language for the words around the content that the kiosk does not
    /// carry itself (see `kiosk::words`).
    pub fn interface_locale(self) -> Locale {
        self.content_language().interface_locale()
    }

    /// Whether [`KioskLanguage::content_language`] really is this language.
    pub fn has_presentation(self) -> bool {
        !matches!(
            self,
            KioskLanguage::Es | KioskLanguage::Pt | KioskLanguage::Tr
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_languages_each_with_its_own_name_and_direction() {
        let names: Vec<_> = KioskLanguage::ALL.iter().map(|l| l.own_name()).collect();
        assert_eq!(
            names,
            [
                "Français",
                "Facile à lire",
                "English",
                "العربية",
                "Español",
                "Português",
                "Türkçe"
            ]
        );
        for lang in KioskLanguage::ALL {
            assert_eq!(KioskLanguage::from_tag(lang.tag()), Some(lang));
            assert_eq!(lang.is_rtl(), lang == KioskLanguage::Ar);
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.tag()));
        }
        assert_eq!(KioskLanguage::FrEasy.html_lang(), "fr");
        assert_eq!(KioskLanguage::Tr.html_lang(), "tr");
        assert_eq!(KioskLanguage::from_tag(" PT "), Some(KioskLanguage::Pt));
        assert_eq!(KioskLanguage::from_tag("de"), None);
    }

    #[test]
    fn french_is_everyone_s_fallback() {
        assert_eq!(KioskLanguage::Fr.fallback(), None);
        for lang in &KioskLanguage::ALL[1..] {
            assert_eq!(lang.fallback(), Some(KioskLanguage::Fr));
        }
        assert_eq!(KioskLanguage::Es.content_language(), ContentLanguage::Fr);
        assert!(!KioskLanguage::Es.has_presentation());
        assert_eq!(
            KioskLanguage::FrEasy.content_language(),
            ContentLanguage::FrEasy
        );
        assert_eq!(KioskLanguage::Ar.interface_locale(), Locale::Ar);
        assert_eq!(KioskLanguage::Tr.interface_locale(), Locale::Fr);
    }
}
