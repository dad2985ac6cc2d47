//! Interface languages and every text the app shows. A missing translation is a compile error:
//! each language is one exhaustive `match` over [`Text`].

mod ar;
mod en;
mod fr;

use serde::{Deserialize, Serialize};

/// The languages the interface speaks. French first: it is the language of the landlords, the
/// volunteers and the legal notices; the others are for residents and volunteers who read them better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Fr,
    En,
    Ar,
}

/// Writing direction, for `<html dir>`: Arabic mirrors the whole layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    pub fn html_value(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Fr, Locale::En, Locale::Ar];

    /// BCP 47 tag, for `<html lang>` and for storing the choice.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
            Locale::Ar => "ar",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Locale::Ar => Direction::RightToLeft,
            Locale::Fr | Locale::En => Direction::LeftToRight,
        }
    }

    /// The language's name written in that language: a resident who does not read French must
    /// still recognise the button for their own language.
    pub fn own_name(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::En => "English",
            Locale::Ar => "العربية",
        }
    }

    /// Reads a stored or browser tag ("ar", "ar-MA", "EN_gb"); `None` for a language we don't speak.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The language to start in: the one the user chose on this device, else French. The
    /// browser's language is deliberately not used: kiosks and shared tablets are set up in
    /// French by the landlord, and each person then picks their own language on screen.
    pub fn at_start(stored_choice: Option<&str>) -> Locale {
        stored_choice.and_then(Locale::from_tag).unwrap_or_default()
    }

    pub fn text(self, key: Text) -> &'static str {
        match self {
            Locale::Fr => fr::text(key),
            Locale::En => en::text(key),
            Locale::Ar => ar::text(key),
        }
    }

    /// A text with `{name}` placeholders filled in.
    pub fn fill(self, key: Text, values: &[(&str, &str)]) -> String {
        fill(self.text(key), values)
    }
}

/// Replaces each `{name}` by its value; unknown placeholders are left visible so that a mistake
/// shows on screen instead of silently dropping words.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Every text of the interface, named after what it says or where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    AppName,
    SkipToContent,
    LanguageLabel,
    BackHome,
    HomeHeading,
    HomeIntro,
    ModeField,
    ModeFieldHint,
    ModeKiosk,
    ModeKioskHint,
    ModePartners,
    ModePartnersHint,
    ModeCoordination,
    ModeCoordinationHint,
    ComingSoon,
    FieldComingSoon,
    KioskComingSoon,
    PartnersComingSoon,
    CoordinationComingSoon,
    Online,
    Offline,
    UpdateAvailable,
    UpdateReload,
    FieldNoteHeading,
    FieldNoteLabel,
    FieldNoteSensitiveWarning,
    FieldNoteSave,
    FieldNoteSaved,
    FieldNoteEmpty,
    FieldNoteTooLong,
    FieldNotesRecorded,
    FieldNotesNone,
    /// `{count}`: how many events wait to be sent.
    OutboxPending,
    OutboxEmpty,
    StorageHeading,
    StoragePersistent,
    StorageNotPersistent,
    StorageAskPersistent,
    /// `{used}` and `{quota}`: sizes already formatted.
    StorageUsage,
    StorageUnknown,
    /// `{reason}`: the browser's own message.
    StorageWriteFailed,
    StorageUnavailable,
    PageNotFound,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key, so that tests can walk all texts. Kept in step with `Text` by the exhaustive
    /// match in `every_key_is_listed`.
    const ALL_KEYS: &[Text] = &[
        Text::AppName,
        Text::SkipToContent,
        Text::LanguageLabel,
        Text::BackHome,
        Text::HomeHeading,
        Text::HomeIntro,
        Text::ModeField,
        Text::ModeFieldHint,
        Text::ModeKiosk,
        Text::ModeKioskHint,
        Text::ModePartners,
        Text::ModePartnersHint,
        Text::ModeCoordination,
        Text::ModeCoordinationHint,
        Text::ComingSoon,
        Text::FieldComingSoon,
        Text::KioskComingSoon,
        Text::PartnersComingSoon,
        Text::CoordinationComingSoon,
        Text::Online,
        Text::Offline,
        Text::UpdateAvailable,
        Text::UpdateReload,
        Text::FieldNoteHeading,
        Text::FieldNoteLabel,
        Text::FieldNoteSensitiveWarning,
        Text::FieldNoteSave,
        Text::FieldNoteSaved,
        Text::FieldNoteEmpty,
        Text::FieldNoteTooLong,
        Text::FieldNotesRecorded,
        Text::FieldNotesNone,
        Text::OutboxPending,
        Text::OutboxEmpty,
        Text::StorageHeading,
        Text::StoragePersistent,
        Text::StorageNotPersistent,
        Text::StorageAskPersistent,
        Text::StorageUsage,
        Text::StorageUnknown,
        Text::StorageWriteFailed,
        Text::StorageUnavailable,
        Text::PageNotFound,
    ];

    #[test]
    fn every_key_is_listed() {
        // Adding a `Text` variant breaks this match until the key is added to ALL_KEYS too.
        for key in ALL_KEYS {
            match key {
                Text::AppName
                | Text::SkipToContent
                | Text::LanguageLabel
                | Text::BackHome
                | Text::HomeHeading
                | Text::HomeIntro
                | Text::ModeField
                | Text::ModeFieldHint
                | Text::ModeKiosk
                | Text::ModeKioskHint
                | Text::ModePartners
                | Text::ModePartnersHint
                | Text::ModeCoordination
                | Text::ModeCoordinationHint
                | Text::ComingSoon
                | Text::FieldComingSoon
                | Text::KioskComingSoon
                | Text::PartnersComingSoon
                | Text::CoordinationComingSoon
                | Text::Online
                | Text::Offline
                | Text::UpdateAvailable
                | Text::UpdateReload
                | Text::FieldNoteHeading
                | Text::FieldNoteLabel
                | Text::FieldNoteSensitiveWarning
                | Text::FieldNoteSave
                | Text::FieldNoteSaved
                | Text::FieldNoteEmpty
                | Text::FieldNoteTooLong
                | Text::FieldNotesRecorded
                | Text::FieldNotesNone
                | Text::OutboxPending
                | Text::OutboxEmpty
                | Text::StorageHeading
                | Text::StoragePersistent
                | Text::StorageNotPersistent
                | Text::StorageAskPersistent
                | Text::StorageUsage
                | Text::StorageUnknown
                | Text::StorageWriteFailed
                | Text::StorageUnavailable
                | Text::PageNotFound => {}
            }
        }
        let unique: std::collections::HashSet<_> = ALL_KEYS.iter().collect();
        assert_eq!(unique.len(), ALL_KEYS.len(), "a key is listed twice");
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut found: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_language_has_a_non_empty_text_for_every_key() {
        for locale in Locale::ALL {
            for &key in ALL_KEYS {
                assert!(
                    !locale.text(key).trim().is_empty(),
                    "{locale:?} {key:?} is empty"
                );
            }
        }
    }

    #[test]
    fn translations_keep_the_same_placeholders_as_french() {
        for &key in ALL_KEYS {
            let french = placeholders(Locale::Fr.text(key));
            for locale in [Locale::En, Locale::Ar] {
                assert_eq!(placeholders(locale.text(key)), french, "{locale:?} {key:?}");
            }
        }
    }

    #[test]
    fn translations_are_not_french_left_untranslated() {
        // Names shared on purpose across languages (the product, mode names kept in French as
        // vocabulary of the field) are the only texts allowed to be identical.
        let shared = [Text::AppName];
        for &key in ALL_KEYS.iter().filter(|k| !shared.contains(k)) {
            assert_ne!(Locale::Ar.text(key), Locale::Fr.text(key), "Arabic {key:?}");
        }
    }

    #[test]
    fn arabic_is_right_to_left_and_the_others_left_to_right() {
        assert_eq!(Locale::Ar.direction().html_value(), "rtl");
        assert_eq!(Locale::Fr.direction().html_value(), "ltr");
        assert_eq!(Locale::En.direction().html_value(), "ltr");
    }

    #[test]
    fn start_language_is_the_stored_choice_or_french() {
        assert_eq!(Locale::at_start(None), Locale::Fr);
        assert_eq!(Locale::at_start(Some("ar")), Locale::Ar);
        assert_eq!(Locale::at_start(Some("en-GB")), Locale::En);
        assert_eq!(Locale::at_start(Some("AR_ma")), Locale::Ar);
        assert_eq!(Locale::at_start(Some("klingon")), Locale::Fr);
        assert_eq!(Locale::at_start(Some("")), Locale::Fr);
    }

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }

    #[test]
    fn fill_replaces_named_placeholders_and_leaves_unknown_ones_visible() {
        assert_eq!(
            Locale::Fr.fill(Text::OutboxPending, &[("count", "3")]),
            "3 en attente d'envoi"
        );
        assert_eq!(fill("{a} et {b}", &[("a", "1")]), "1 et {b}");
    }
}
