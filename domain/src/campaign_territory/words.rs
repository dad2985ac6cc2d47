//! How the coordinator's territory screen says things, in each interface language. One
//! exhaustive `match`, so a missing translation does not compile.

use super::TerritoryProblem;
use crate::i18n::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TerritoryText {
    Heading,
    Hint,
    NothingAttached,
    /// `{residences}`, `{buildings}`, `{entrances}`, `{doors}`.
    AttachedCounts,
    /// `{when}`, `{name}`.
    LastChange,
    ResidencesHeading,
    /// `{doors}`.
    ResidenceDoors,
    AttachAll,
    /// `{count}`.
    AttachValid,
    Attaching,
    /// `{added}`, `{known}`.
    Done,
    FileUnreadable,
    NothingValid,
    TooLarge,
    Invalid,
    NotSignedIn,
    CampaignUnknown,
    Network,
    ServerFailed,
}

impl TerritoryText {
    pub const ALL: [TerritoryText; 19] = [
        TerritoryText::Heading,
        TerritoryText::Hint,
        TerritoryText::NothingAttached,
        TerritoryText::AttachedCounts,
        TerritoryText::LastChange,
        TerritoryText::ResidencesHeading,
        TerritoryText::ResidenceDoors,
        TerritoryText::AttachAll,
        TerritoryText::AttachValid,
        TerritoryText::Attaching,
        TerritoryText::Done,
        TerritoryText::FileUnreadable,
        TerritoryText::NothingValid,
        TerritoryText::TooLarge,
        TerritoryText::Invalid,
        TerritoryText::NotSignedIn,
        TerritoryText::CampaignUnknown,
        TerritoryText::Network,
        TerritoryText::ServerFailed,
    ];

    pub fn text(self, locale: Locale) -> &'static str {
        use TerritoryText as T;
        match (self, locale) {
            (T::Heading, Locale::Fr) => "Territoire de la campagne",
            (T::Heading, Locale::En) => "Campaign territory",
            (T::Heading, Locale::Ar) => "منطقة الحملة",
            (T::Hint, Locale::Fr) => {
                "Choisissez le fichier des logements (RPLS ou export du bailleur). Ses résidences \
                 arrivent sur toutes les tablettes de la campagne à leur prochaine synchronisation, \
                 sans import sur place. Un deuxième fichier s'ajoute au premier ; le même fichier \
                 rattaché deux fois ne crée aucun doublon."
            }
            (T::Hint, Locale::En) => {
                "Choose the dwelling file (RPLS or the landlord's export). Its résidences reach \
                 every tablet of the campaign at their next sync, with nothing to import on site. \
                 A second file adds to the first; the same file attached twice makes no duplicates."
            }
            (T::Hint, Locale::Ar) => {
                "اختر ملف المساكن (RPLS أو ملف المؤجر). تصل إقاماته إلى كل أجهزة الحملة اللوحية \
                 عند مزامنتها التالية، دون أي استيراد في الميدان. الملف الثاني يُضاف إلى الأول، \
                 وإرفاق الملف نفسه مرتين لا يُنشئ أي تكرار."
            }
            (T::NothingAttached, Locale::Fr) => {
                "Aucun fichier rattaché : les tablettes n'ont que ce qu'elles importent elles-mêmes."
            }
            (T::NothingAttached, Locale::En) => {
                "No file attached yet: tablets only have what they import themselves."
            }
            (T::NothingAttached, Locale::Ar) => {
                "لم يُرفق أي ملف بعد: لا تملك الأجهزة اللوحية إلا ما تستورده بنفسها."
            }
            (T::AttachedCounts, Locale::Fr) => {
                "Rattaché : {residences} {residences|résidence|résidences}, {buildings} {buildings|bâtiment|bâtiments}, {entrances} {entrances|entrée|entrées}, {doors} {doors|porte|portes}."
            }
            (T::AttachedCounts, Locale::En) => {
                "Attached: {residences} {residences|residence|residences}, {buildings} {buildings|building|buildings}, {entrances} {entrances|entrance|entrances}, {doors} {doors|door|doors}."
            }
            (T::AttachedCounts, Locale::Ar) => {
                "المرفق — المساكن: {residences}، المباني: {buildings}، المداخل: {entrances}، الأبواب: {doors}."
            }
            (T::LastChange, Locale::Fr) => "Dernier ajout le {when} par {name}.",
            (T::LastChange, Locale::En) => "Last added on {when} by {name}.",
            (T::LastChange, Locale::Ar) => "آخر إضافة في {when} بواسطة {name}.",
            (T::ResidencesHeading, Locale::Fr) => "Résidences rattachées",
            (T::ResidencesHeading, Locale::En) => "Attached residences",
            (T::ResidencesHeading, Locale::Ar) => "الإقامات المرفقة",
            (T::ResidenceDoors, Locale::Fr) => "{doors} {doors|porte|portes}",
            (T::ResidenceDoors, Locale::En) => "{doors} {doors|door|doors}",
            (T::ResidenceDoors, Locale::Ar) => "الأبواب: {doors}",
            (T::AttachAll, Locale::Fr) => "Rattacher à la campagne",
            (T::AttachAll, Locale::En) => "Attach to the campaign",
            (T::AttachAll, Locale::Ar) => "إرفاق بالحملة",
            (T::AttachValid, Locale::Fr) => {
                "Rattacher seulement {count|la ligne valide|les {count} lignes valides}"
            }
            (T::AttachValid, Locale::En) => {
                "Attach only {count|the valid line|the {count} valid lines}"
            }
            (T::AttachValid, Locale::Ar) => "إرفاق الأسطر الصالحة فقط ({count})",
            (T::Attaching, Locale::Fr) => "Envoi du territoire au serveur…",
            (T::Attaching, Locale::En) => "Sending the territory to the server…",
            (T::Attaching, Locale::Ar) => "جارٍ إرسال المنطقة إلى الخادم…",
            (T::Done, Locale::Fr) => {
                "Fichier rattaché : {added} nouvelles portes, {known} déjà connues. Les tablettes les reçoivent à leur prochaine synchronisation."
            }
            (T::Done, Locale::En) => {
                "File attached: {added} new doors, {known} already known. Tablets receive them at their next sync."
            }
            (T::Done, Locale::Ar) => {
                "تم إرفاق الملف: {added} باب جديد، و{known} معروف من قبل. تستلمها الأجهزة اللوحية عند مزامنتها التالية."
            }
            (T::FileUnreadable, Locale::Fr) => {
                "Ce fichier n'a pas pu être lu. Choisissez un fichier CSV ou texte, puis réessayez."
            }
            (T::FileUnreadable, Locale::En) => {
                "This file could not be read. Choose a CSV or text file and try again."
            }
            (T::FileUnreadable, Locale::Ar) => {
                "تعذّرت قراءة هذا الملف. اختر ملف CSV أو ملفًا نصيًا ثم أعد المحاولة."
            }
            (T::NothingValid, Locale::Fr) => {
                "Aucune ligne de ce fichier ne donne une porte : corrigez le fichier ou le choix des colonnes, puis réessayez."
            }
            (T::NothingValid, Locale::En) => {
                "No line of this file gives a door: correct the file or the choice of columns, then try again."
            }
            (T::NothingValid, Locale::Ar) => {
                "لا يعطي أي سطر من هذا الملف بابًا: صحّح الملف أو اختيار الأعمدة ثم أعد المحاولة."
            }
            (T::TooLarge, Locale::Fr) => {
                "Ce territoire est trop grand : une campagne compte au plus 100 000 portes. Rien n'a été rattaché."
            }
            (T::TooLarge, Locale::En) => {
                "This territory is too large: a campaign holds at most 100,000 doors. Nothing was attached."
            }
            (T::TooLarge, Locale::Ar) => {
                "هذه المنطقة كبيرة جدًا: تضم الحملة 100000 باب على الأكثر. لم يُرفق شيء."
            }
            (T::Invalid, Locale::Fr) => {
                "Le serveur a refusé ce territoire (données incomplètes). Rien n'a été rattaché."
            }
            (T::Invalid, Locale::En) => {
                "The server refused this territory (incomplete data). Nothing was attached."
            }
            (T::Invalid, Locale::Ar) => "رفض الخادم هذه المنطقة (بيانات ناقصة). لم يُرفق شيء.",
            (T::NotSignedIn, Locale::Fr) => {
                "Vous n'êtes plus connecté·e : reconnectez-vous, puis rattachez le fichier à nouveau."
            }
            (T::NotSignedIn, Locale::En) => {
                "You are no longer signed in: sign in again, then attach the file again."
            }
            (T::NotSignedIn, Locale::Ar) => {
                "لم تعد متصلًا بحسابك: سجّل الدخول من جديد ثم أرفق الملف مرة أخرى."
            }
            (T::CampaignUnknown, Locale::Fr) => {
                "Cette campagne n'existe pas sur le serveur. Rien n'a été rattaché."
            }
            (T::CampaignUnknown, Locale::En) => {
                "This campaign does not exist on the server. Nothing was attached."
            }
            (T::CampaignUnknown, Locale::Ar) => "هذه الحملة غير موجودة على الخادم. لم يُرفق شيء.",
            (T::Network, Locale::Fr) => {
                "Pas de réponse du serveur : rien n'a été rattaché. Réessayez une fois en ligne."
            }
            (T::Network, Locale::En) => {
                "No answer from the server: nothing was attached. Try again once online."
            }
            (T::Network, Locale::Ar) => {
                "لا رد من الخادم: لم يُرفق شيء. أعد المحاولة عند الاتصال بالإنترنت."
            }
            (T::ServerFailed, Locale::Fr) => {
                "Le serveur n'a pas pu enregistrer ce territoire. Rien n'a été rattaché ; réessayez."
            }
            (T::ServerFailed, Locale::En) => {
                "The server could not save this territory. Nothing was attached; try again."
            }
            (T::ServerFailed, Locale::Ar) => {
                "تعذّر على الخادم حفظ هذه المنطقة. لم يُرفق شيء؛ أعد المحاولة."
            }
        }
    }

    pub fn fill(self, locale: Locale, values: &[(&str, &str)]) -> String {
        locale.fill_text(self.text(locale), values)
    }
}

impl TerritoryProblem {
    /// What the coordinator reads when the check in the browser refuses the file.
    pub fn text(&self) -> TerritoryText {
        match self {
            TerritoryProblem::Empty => TerritoryText::NothingValid,
            TerritoryProblem::TooLarge { .. } => TerritoryText::TooLarge,
            TerritoryProblem::Malformed { .. } => TerritoryText::Invalid,
        }
    }
}

/// What the screen says for an API answer's code (or its absence: no answer at all).
pub fn for_code(status: Option<u16>, code: Option<&str>) -> TerritoryText {
    match (status, code) {
        (None, _) => TerritoryText::Network,
        (_, Some("territory_too_large" | "body_too_large")) | (Some(413), _) => {
            TerritoryText::TooLarge
        }
        (_, Some("territory_empty")) => TerritoryText::NothingValid,
        (_, Some("territory_invalid" | "bad_request")) => TerritoryText::Invalid,
        (_, Some("campaign_not_found")) => TerritoryText::CampaignUnknown,
        (Some(401 | 403), _) => TerritoryText::NotSignedIn,
        _ => TerritoryText::ServerFailed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_every_language_with_its_placeholders() {
        for text in TerritoryText::ALL {
            let french = text.text(Locale::Fr);
            let faults = crate::i18n::french_spacing_faults(french);
            assert!(faults.is_empty(), "{text:?}: {faults:?}");
            for locale in [Locale::Fr, Locale::En, Locale::Ar] {
                let words = text.text(locale);
                assert!(!words.trim().is_empty(), "{text:?} {locale:?}");
                for name in [
                    "residences",
                    "doors",
                    "count",
                    "added",
                    "known",
                    "when",
                    "name",
                ] {
                    let placeholder = format!("{{{name}}}");
                    assert_eq!(
                        words.contains(&placeholder),
                        french.contains(&placeholder),
                        "{text:?} {locale:?} {name}"
                    );
                }
            }
        }
    }

    #[test]
    fn each_refusal_has_its_own_words() {
        assert_eq!(for_code(None, None), TerritoryText::Network);
        assert_eq!(
            for_code(Some(413), Some("body_too_large")),
            TerritoryText::TooLarge
        );
        assert_eq!(
            for_code(Some(413), Some("territory_too_large")),
            TerritoryText::TooLarge
        );
        assert_eq!(
            for_code(Some(404), Some("campaign_not_found")),
            TerritoryText::CampaignUnknown
        );
        assert_eq!(
            for_code(Some(401), Some("not_signed_in")),
            TerritoryText::NotSignedIn
        );
        assert_eq!(
            for_code(Some(400), Some("territory_empty")),
            TerritoryText::NothingValid
        );
        assert_eq!(for_code(Some(503), None), TerritoryText::ServerFailed);
    }
}
