//! The languages campaign content is written in, and a text in several of them with its fallback
//! rule. Content languages are not interface languages: easy-to-read French is a way of writing
//! the content, while buttons and labels around it stay in plain French.

use crate::i18n::{Direction, Locale};
use serde::{Deserialize, Serialize};

/// A language of campaign content (the presentation, door hangers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ContentLanguage {
    #[serde(rename = "fr")]
    Fr,
    /// Easy-to-read French ("facile à lire"): short sentences, common words, one sentence per line,
    /// for residents who read French with difficulty.
    #[serde(rename = "fr-easy")]
    FrEasy,
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ar")]
    Ar,
}

impl ContentLanguage {
    pub const ALL: [ContentLanguage; 4] = [
        ContentLanguage::Fr,
        ContentLanguage::FrEasy,
        ContentLanguage::En,
        ContentLanguage::Ar,
    ];

    /// The tag stored with the content and used on the wire ("fr-easy" is ours, not BCP 47: see
    /// [`ContentLanguage::html_lang`] for the attribute).
    pub fn tag(self) -> &'static str {
        match self {
            ContentLanguage::Fr => "fr",
            ContentLanguage::FrEasy => "fr-easy",
            ContentLanguage::En => "en",
            ContentLanguage::Ar => "ar",
        }
    }

    pub fn from_tag(tag: &str) -> Option<ContentLanguage> {
        let tag = tag.trim();
        ContentLanguage::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// For `lang` attributes: easy-to-read French is French to a screen reader's voice.
    pub fn html_lang(self) -> &'static str {
        match self {
            ContentLanguage::Fr | ContentLanguage::FrEasy => "fr",
            ContentLanguage::En => "en",
            ContentLanguage::Ar => "ar",
        }
    }

    /// The name on the language button, written so that its own readers recognise it.
    pub fn own_name(self) -> &'static str {
        match self {
            ContentLanguage::Fr => "Français",
            ContentLanguage::FrEasy => "Facile à lire",
            ContentLanguage::En => "English",
            ContentLanguage::Ar => "العربية",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == ContentLanguage::Ar
    }

    pub fn direction(self) -> Direction {
        self.interface_locale().direction()
    }

    /// The content language matching the interface language the person chose.
    pub fn from_locale(locale: Locale) -> ContentLanguage {
        match locale {
            Locale::Fr => ContentLanguage::Fr,
            Locale::En => ContentLanguage::En,
            Locale::Ar => ContentLanguage::Ar,
        }
    }

    /// The interface language whose words (weekdays, buttons) go with this content.
    pub fn interface_locale(self) -> Locale {
        match self {
            ContentLanguage::Fr | ContentLanguage::FrEasy => Locale::Fr,
            ContentLanguage::En => Locale::En,
            ContentLanguage::Ar => Locale::Ar,
        }
    }
}

/// One text in each content language. French is the one that must be there: the coordinator
/// writes it first, and every other language falls back to it until someone translates. An empty
/// (or blank) text counts as "not translated yet".
///
/// In every language a `\n` starts a new line: easy-to-read texts put one sentence per line.
/// `{app}` stands for the neighbourhood app's name, filled in when shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translated {
    pub fr: String,
    #[serde(rename = "fr-easy", default, skip_serializing_if = "String::is_empty")]
    pub fr_easy: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ar: String,
}

impl Translated {
    pub fn new(fr: &str, fr_easy: &str, en: &str, ar: &str) -> Translated {
        Translated {
            fr: fr.to_owned(),
            fr_easy: fr_easy.to_owned(),
            en: en.to_owned(),
            ar: ar.to_owned(),
        }
    }

    /// A text the coordinator has written in French only, so far.
    pub fn french(fr: &str) -> Translated {
        Translated {
            fr: fr.to_owned(),
            ..Translated::default()
        }
    }

    /// The text in that language, else in French.
    pub fn get(&self, lang: ContentLanguage) -> &str {
        self.resolve(lang).1
    }

    /// The text to show and the language it is really in, so that the page can set `lang` and
    /// `dir` on it: a French fallback inside an Arabic page must still read left to right.
    pub fn resolve(&self, lang: ContentLanguage) -> (ContentLanguage, &str) {
        match self.own(lang) {
            Some(text) => (lang, text),
            None => (ContentLanguage::Fr, self.fr.as_str()),
        }
    }

    /// The text written in that very language, without fallback; `None` when not translated.
    pub fn own(&self, lang: ContentLanguage) -> Option<&str> {
        let text = match lang {
            ContentLanguage::Fr => &self.fr,
            ContentLanguage::FrEasy => &self.fr_easy,
            ContentLanguage::En => &self.en,
            ContentLanguage::Ar => &self.ar,
        };
        (!text.trim().is_empty()).then_some(text.as_str())
    }

    pub fn set(&mut self, lang: ContentLanguage, text: &str) {
        let slot = match lang {
            ContentLanguage::Fr => &mut self.fr,
            ContentLanguage::FrEasy => &mut self.fr_easy,
            ContentLanguage::En => &mut self.en,
            ContentLanguage::Ar => &mut self.ar,
        };
        text.clone_into(slot);
    }

    /// The languages still waiting for a translation, for the coordinator's editing screen.
    pub fn missing(&self) -> Vec<ContentLanguage> {
        ContentLanguage::ALL
            .into_iter()
            .filter(|&l| self.own(l).is_none())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_names_and_directions() {
        for lang in ContentLanguage::ALL {
            assert_eq!(ContentLanguage::from_tag(lang.tag()), Some(lang));
            assert!(!lang.own_name().is_empty());
        }
        assert_eq!(
            ContentLanguage::from_tag(" FR-Easy "),
            Some(ContentLanguage::FrEasy)
        );
        assert_eq!(ContentLanguage::from_tag("de"), None);
        assert_eq!(ContentLanguage::FrEasy.html_lang(), "fr");
        assert!(ContentLanguage::Ar.is_rtl());
        assert!(!ContentLanguage::FrEasy.is_rtl());
        assert_eq!(ContentLanguage::Ar.direction(), Direction::RightToLeft);
        assert_eq!(
            serde_json::to_string(&ContentLanguage::FrEasy).unwrap(),
            "\"fr-easy\""
        );
    }

    #[test]
    fn interface_locales_map_both_ways() {
        for locale in Locale::ALL {
            assert_eq!(
                ContentLanguage::from_locale(locale).interface_locale(),
                locale
            );
        }
        assert_eq!(ContentLanguage::FrEasy.interface_locale(), Locale::Fr);
    }

    #[test]
    fn a_missing_translation_falls_back_to_french() {
        let mut text = Translated::new("Bonjour", "", "Hello", "  ");
        assert_eq!(text.get(ContentLanguage::En), "Hello");
        assert_eq!(text.get(ContentLanguage::FrEasy), "Bonjour");
        assert_eq!(
            text.resolve(ContentLanguage::Ar),
            (ContentLanguage::Fr, "Bonjour"),
            "a blank translation is no translation, and the fallback says it is French"
        );
        assert_eq!(
            text.missing(),
            vec![ContentLanguage::FrEasy, ContentLanguage::Ar]
        );
        text.set(ContentLanguage::FrEasy, "Bonjour !");
        assert_eq!(
            text.resolve(ContentLanguage::FrEasy),
            (ContentLanguage::FrEasy, "Bonjour !")
        );
        assert_eq!(
            Translated::french("Salut").get(ContentLanguage::En),
            "Salut"
        );
    }

    #[test]
    fn untranslated_languages_stay_out_of_the_stored_form() {
        let json = serde_json::to_value(Translated::french("Bonjour")).unwrap();
        assert_eq!(json, serde_json::json!({ "fr": "Bonjour" }));
        let read: Translated =
            serde_json::from_str(r#"{"fr": "Bonjour", "fr-easy": "Bonjour !"}"#).unwrap();
        assert_eq!(read.get(ContentLanguage::FrEasy), "Bonjour !");
        assert_eq!(read.get(ContentLanguage::En), "Bonjour");
    }
}
