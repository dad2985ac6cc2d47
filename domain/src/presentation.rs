//! The neighbourhood app's presentation that volunteers show at the door: campaign content (app
//! name, slides in four languages) that the coordinator can edit, its validation, and what one
//! language of it looks like on screen. The texts shipped by default are in `default_slides`.

mod default_slides;
mod language;

pub use default_slides::{JOIN_SLIDE_KEY, PLACEHOLDER_APP_NAME, default_presentation};
pub use language::{ContentLanguage, Translated};

use serde::{Deserialize, Serialize};

/// Where the app serves the illustrations (`public/illustrations/` in the repository).
pub const ILLUSTRATIONS_PATH: &str = "/illustrations/";

/// The presentation of the neighbourhood app, as stored with the campaign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    /// The neighbourhood app's name as residents will find it; `{app}` in texts stands for it.
    pub app_name: String,
    pub slides: Vec<Slide>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slide {
    /// Stable name of the slide ("lending"): survives re-wording, so the coordinator's editor,
    /// the "presented" event and the app can refer to it.
    pub key: String,
    /// A file name under [`ILLUSTRATIONS_PATH`] ("lending.svg"). The picture sits next to the
    /// text, as easy-to-read writing asks; the text carries the meaning, so it is decorative.
    pub illustration: String,
    pub title: Translated,
    pub text: Translated,
}

impl Slide {
    pub fn illustration_src(&self) -> String {
        format!("{ILLUSTRATIONS_PATH}{}", self.illustration)
    }
}

/// Why stored or edited content cannot be shown. Positions count from 1, as people do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PresentationError {
    #[error("the neighbourhood app has no name")]
    NoAppName,
    #[error("the presentation has no slides")]
    NoSlides,
    #[error("slide {position} has no key")]
    NoKey { position: usize },
    #[error("two slides share the key {key:?}")]
    DuplicateKey { key: String },
    #[error("slide {key:?} has no French title")]
    NoFrenchTitle { key: String },
    #[error("slide {key:?} has no French text")]
    NoFrenchText { key: String },
    #[error("slide {key:?}: {name:?} is not a file name in {ILLUSTRATIONS_PATH}")]
    BadIllustration { key: String, name: String },
}

impl Presentation {
    /// Checks what the screens rely on. French is required because every other language falls
    /// back to it; the illustration must stay a plain file name because it becomes a URL.
    pub fn validate(&self) -> Result<(), PresentationError> {
        if self.app_name.trim().is_empty() {
            return Err(PresentationError::NoAppName);
        }
        if self.slides.is_empty() {
            return Err(PresentationError::NoSlides);
        }
        let mut keys = std::collections::HashSet::new();
        for (index, slide) in self.slides.iter().enumerate() {
            let key = slide.key.trim();
            if key.is_empty() {
                return Err(PresentationError::NoKey {
                    position: index + 1,
                });
            }
            if !keys.insert(key) {
                return Err(PresentationError::DuplicateKey {
                    key: key.to_owned(),
                });
            }
            if slide.title.own(ContentLanguage::Fr).is_none() {
                return Err(PresentationError::NoFrenchTitle {
                    key: key.to_owned(),
                });
            }
            if slide.text.own(ContentLanguage::Fr).is_none() {
                return Err(PresentationError::NoFrenchText {
                    key: key.to_owned(),
                });
            }
            if !is_plain_file_name(&slide.illustration) {
                return Err(PresentationError::BadIllustration {
                    key: key.to_owned(),
                    name: slide.illustration.clone(),
                });
            }
        }
        Ok(())
    }

    /// The slides as the screen shows them in one language: fallbacks resolved, `{app}` filled.
    pub fn shown(&self, lang: ContentLanguage) -> Vec<ShownSlide> {
        self.slides
            .iter()
            .map(|slide| ShownSlide {
                key: slide.key.clone(),
                illustration_src: slide.illustration_src(),
                title: self.show(&slide.title, lang),
                text: self.show(&slide.text, lang),
            })
            .collect()
    }

    fn show(&self, text: &Translated, lang: ContentLanguage) -> ShownText {
        let (language, text) = text.resolve(lang);
        ShownText {
            language,
            text: crate::i18n::fill(text, &[("app", self.app_name.trim())]),
        }
    }
}

/// Letters, digits, `-`, `_` and dots, not starting with a dot: no folders, no `..`, no
/// scheme, nothing that would need escaping in a URL.
fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// One slide, ready for the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownSlide {
    pub key: String,
    pub illustration_src: String,
    pub title: ShownText,
    pub text: ShownText,
}

/// A text and the language it is really in (French when the chosen one is not translated),
/// for the element's `lang` and `dir`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownText {
    pub language: ContentLanguage,
    pub text: String,
}

impl ShownText {
    /// One paragraph per line: easy-to-read texts put each sentence on its own line.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.text.lines().map(str::trim).filter(|l| !l.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slide(key: &str) -> Slide {
        Slide {
            key: key.to_owned(),
            illustration: "lending.svg".to_owned(),
            title: Translated::french("Prêter"),
            text: Translated::french("Prêtez à {app}."),
        }
    }

    fn presentation(slides: Vec<Slide>) -> Presentation {
        Presentation {
            app_name: "Entre Voisins".to_owned(),
            slides,
        }
    }

    #[test]
    fn each_missing_piece_has_its_error() {
        assert_eq!(presentation(vec![slide("a")]).validate(), Ok(()));
        let unnamed = Presentation {
            app_name: "  ".to_owned(),
            ..presentation(vec![slide("a")])
        };
        assert_eq!(unnamed.validate(), Err(PresentationError::NoAppName));
        assert_eq!(
            presentation(vec![]).validate(),
            Err(PresentationError::NoSlides)
        );
        assert_eq!(
            presentation(vec![slide("a"), slide(" ")]).validate(),
            Err(PresentationError::NoKey { position: 2 })
        );
        assert_eq!(
            presentation(vec![slide("a"), slide("a")]).validate(),
            Err(PresentationError::DuplicateKey { key: "a".into() })
        );
        let mut untitled = slide("a");
        untitled.title = Translated::new("", "", "Lending", "");
        assert_eq!(
            presentation(vec![untitled]).validate(),
            Err(PresentationError::NoFrenchTitle { key: "a".into() })
        );
        let mut empty = slide("a");
        empty.text.fr.clear();
        assert_eq!(
            presentation(vec![empty])
                .validate()
                .unwrap_err()
                .to_string(),
            "slide \"a\" has no French text"
        );
    }

    #[test]
    fn illustrations_must_be_plain_file_names() {
        for name in [
            "../secret.svg",
            "http://x/y.svg",
            "a/b.svg",
            "",
            ".hidden",
            "a b.svg",
        ] {
            let mut bad = slide("a");
            bad.illustration = name.to_owned();
            assert!(
                matches!(
                    presentation(vec![bad]).validate(),
                    Err(PresentationError::BadIllustration { .. })
                ),
                "{name:?} must be refused"
            );
        }
        assert_eq!(slide("a").illustration_src(), "/illustrations/lending.svg");
    }

    #[test]
    fn shown_slides_fill_the_app_name_and_say_their_language() {
        let mut s = slide("a");
        s.text
            .set(ContentLanguage::En, "Lend with {app}.\n\nThen smile.");
        let shown = presentation(vec![s]).shown(ContentLanguage::En);
        assert_eq!(shown[0].title.language, ContentLanguage::Fr);
        assert_eq!(shown[0].title.text, "Prêter");
        assert_eq!(shown[0].text.language, ContentLanguage::En);
        assert_eq!(
            shown[0].text.lines().collect::<Vec<_>>(),
            ["Lend with Entre Voisins.", "Then smile."]
        );
        assert_eq!(shown[0].illustration_src, "/illustrations/lending.svg");
    }

    #[test]
    fn the_stored_form_reads_back_the_same() {
        let original = default_presentation();
        let json = serde_json::to_string(&original).unwrap();
        let read: Presentation = serde_json::from_str(&json).unwrap();
        assert_eq!(read, original);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(
            value["slides"][0]["title"]["fr-easy"].is_string(),
            "languages are stored under their tags: {value}"
        );
    }
}
