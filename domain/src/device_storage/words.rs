//! How the device-storage screens say things, in each interface language: a full device, the
//! encrypted export, "Effacer cet appareil" and its confirmation. One exhaustive `match` per
//! language, so a missing translation does not compile.

use crate::i18n::Locale;

use super::protected_export::{MIN_PASSPHRASE_CHARS, ProtectedExportProblem};
use super::wipe::WipeDecision;

/// Every text of the device-storage screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Say {
    /// A write refused for lack of space.
    DeviceFull,
    /// A write holding residents' details refused while the volunteer lock is closed.
    DeviceLocked,
    ProtectedHeading,
    ProtectedHint,
    PassphraseLabel,
    PassphraseAgainLabel,
    /// `{count}` records.
    ProtectedButton,
    ProtectedWorking,
    /// `{file}`.
    ProtectedDone,
    /// `{reason}`.
    ProtectedFailed,
    WipeHeading,
    WipeIntro,
    WipeNothingWaiting,
    /// `{count}` records, all in the saved export.
    WipeCovered,
    /// `{count}` records in no saved export.
    WipeRefused,
    /// `{word}` to type.
    WipeConfirmLabel,
    /// The word typed to confirm.
    WipeWord,
    WipeButton,
    /// `{word}`.
    WipeWrongWord,
    WipeWorking,
    WipeDoneHeading,
    WipeDone,
    /// `{reason}`.
    WipeFailed,
    WipeRestart,
    ImportPassphrasePrompt,
    ImportPassphraseLabel,
    ImportOpen,
    ImportOpening,
}

impl Say {
    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Fr => fr(self),
            Locale::En => en(self),
            Locale::Ar => ar(self),
        }
    }

    pub fn fill(self, locale: Locale, values: &[(&str, &str)]) -> String {
        locale.fill_text(self.text(locale), values)
    }
}

fn fr(say: Say) -> &'static str {
    match say {
        Say::DeviceFull => {
            "Rien n'a été enregistré : l'espace de stockage de cet appareil est plein. Ce que \
             vous avez saisi est toujours là. Synchronisez (« Cet appareil »), libérez de la place \
             sur la tablette ou exportez les envois en attente, puis réessayez."
        }
        Say::DeviceLocked => {
            "Rien n'a été enregistré : l'appareil est verrouillé. Ce que vous avez saisi est \
             toujours là. Déverrouillez avec votre code (en haut de l'écran), puis réessayez."
        }
        Say::ProtectedHeading => "Export chiffré des envois en attente",
        Say::ProtectedHint => {
            "Le fichier ne s'ouvre qu'avec la phrase de passe choisie ici. Transmettez-la à la \
             coordination autrement qu'avec le fichier (de vive voix, par téléphone)."
        }
        Say::PassphraseLabel => "Phrase de passe (au moins 10 caractères)",
        Say::PassphraseAgainLabel => "La même phrase de passe, encore une fois",
        Say::ProtectedButton => "Enregistrer l'export chiffré ({count})",
        Say::ProtectedWorking => "Chiffrement en cours…",
        Say::ProtectedDone => "Export chiffré enregistré : {file}. Gardez-le jusqu'à son import.",
        Say::ProtectedFailed => "L'export chiffré n'a pas abouti : {reason}",
        Say::WipeHeading => "Effacer cet appareil",
        Say::WipeIntro => {
            "Efface toutes les données de Palier sur cette tablette : visites, inscriptions, \
             partenaires, lien à la campagne, réglages. À faire avant de rendre ou de confier la \
             tablette à quelqu'un d'autre. L'application reste installée."
        }
        Say::WipeNothingWaiting => "Tout a été envoyé : cet appareil peut être effacé.",
        Say::WipeCovered => {
            "{count} {count|enregistrement pas encore envoyé, dans|enregistrements pas encore \
             envoyés, tous dans} l'export chiffré enregistré : cet appareil peut être effacé. \
             Remettez le fichier à la coordination."
        }
        Say::WipeRefused => {
            "Effacement impossible : {count} {count|enregistrement pas encore envoyé serait \
             perdu|enregistrements pas encore envoyés seraient perdus}. Synchronisez d'abord, ou \
             enregistrez l'export chiffré ci-dessus."
        }
        Say::WipeConfirmLabel => "Pour confirmer, tapez {word}",
        Say::WipeWord => "EFFACER",
        Say::WipeButton => "Effacer cet appareil",
        Say::WipeWrongWord => "Tapez exactement {word} pour confirmer.",
        Say::WipeWorking => "Effacement en cours…",
        Say::WipeDoneHeading => "Appareil effacé",
        Say::WipeDone => {
            "Les données de Palier ont été effacées de cet appareil. Il peut être relié à une \
             nouvelle campagne."
        }
        Say::WipeFailed => {
            "L'effacement n'a pas abouti : {reason}. Fermez les autres onglets de Palier et \
             réessayez."
        }
        Say::WipeRestart => "Redémarrer Palier",
        Say::ImportPassphrasePrompt => {
            "Ce fichier est chiffré : tapez la phrase de passe choisie sur la tablette."
        }
        Say::ImportPassphraseLabel => "Phrase de passe du fichier",
        Say::ImportOpen => "Ouvrir et importer",
        Say::ImportOpening => "Déchiffrement en cours…",
    }
}

fn en(say: Say) -> &'static str {
    match say {
        Say::DeviceFull => {
            "Nothing was recorded: this device's storage is full. What you typed is still \
             here. Sync (“This device”), free up space on the tablet or export what is waiting, \
             then try again."
        }
        Say::DeviceLocked => {
            "Nothing was recorded: this device is locked. What you typed is still here. Unlock \
             it with your code (top of the screen), then try again."
        }
        Say::ProtectedHeading => "Encrypted export of what is waiting",
        Say::ProtectedHint => {
            "The file opens only with the passphrase chosen here. Give it to the coordination \
             team some other way than with the file (in person, by phone)."
        }
        Say::PassphraseLabel => "Passphrase (at least 10 characters)",
        Say::PassphraseAgainLabel => "The same passphrase again",
        Say::ProtectedButton => "Save the encrypted export ({count})",
        Say::ProtectedWorking => "Encrypting…",
        Say::ProtectedDone => "Encrypted export saved: {file}. Keep it until it is imported.",
        Say::ProtectedFailed => "The encrypted export failed: {reason}",
        Say::WipeHeading => "Erase this device",
        Say::WipeIntro => {
            "Erases all of Palier's data on this tablet: visits, sign-ups, partners, the link to \
             the campaign, settings. Do it before handing the tablet back or over to someone \
             else. The app stays installed."
        }
        Say::WipeNothingWaiting => "Everything was sent: this device can be erased.",
        Say::WipeCovered => {
            "{count} {count|record not sent yet, in|records not sent yet, all in} the saved encrypted export: this device can \
             be erased. Hand the file to the coordination team."
        }
        Say::WipeRefused => {
            "Cannot erase: {count} {count|record|records} not sent yet would be lost. Sync first, or save \
             the encrypted export above."
        }
        Say::WipeConfirmLabel => "To confirm, type {word}",
        Say::WipeWord => "ERASE",
        Say::WipeButton => "Erase this device",
        Say::WipeWrongWord => "Type exactly {word} to confirm.",
        Say::WipeWorking => "Erasing…",
        Say::WipeDoneHeading => "Device erased",
        Say::WipeDone => {
            "Palier's data was erased from this device. It can be linked to a new campaign."
        }
        Say::WipeFailed => {
            "Erasing did not finish: {reason}. Close other Palier tabs and try again."
        }
        Say::WipeRestart => "Restart Palier",
        Say::ImportPassphrasePrompt => {
            "This file is encrypted: type the passphrase chosen on the tablet."
        }
        Say::ImportPassphraseLabel => "The file's passphrase",
        Say::ImportOpen => "Open and import",
        Say::ImportOpening => "Decrypting…",
    }
}

fn ar(say: Say) -> &'static str {
    match say {
        Say::DeviceFull => {
            "لم يُسجَّل أي شيء: مساحة التخزين في هذا الجهاز ممتلئة. ما كتبته لا يزال هنا. قم \
             بالمزامنة («هذا الجهاز»)، أو حرّر مساحة على الجهاز اللوحي، أو صدّر ما ينتظر الإرسال، \
             ثم أعد المحاولة."
        }
        Say::DeviceLocked => {
            "لم يُسجَّل أي شيء: الجهاز مقفل. ما كتبته لا يزال هنا. افتح القفل برمزك (أعلى الشاشة)، \
             ثم أعد المحاولة."
        }
        Say::ProtectedHeading => "تصدير مشفّر لما ينتظر الإرسال",
        Say::ProtectedHint => {
            "لا يُفتح الملف إلا بعبارة المرور المختارة هنا. أبلِغها لفريق التنسيق بطريقة أخرى غير \
             الملف (شفهيًا، بالهاتف)."
        }
        Say::PassphraseLabel => "عبارة المرور (10 أحرف على الأقل)",
        Say::PassphraseAgainLabel => "عبارة المرور نفسها مرة أخرى",
        Say::ProtectedButton => "حفظ التصدير المشفّر ({count})",
        Say::ProtectedWorking => "جارٍ التشفير…",
        Say::ProtectedDone => "تم حفظ التصدير المشفّر: {file}. احتفظ به حتى يتم استيراده.",
        Say::ProtectedFailed => "تعذّر التصدير المشفّر: \u{2068}{reason}\u{2069}",
        Say::WipeHeading => "مسح هذا الجهاز",
        Say::WipeIntro => {
            "يمسح كل بيانات Palier على هذا الجهاز اللوحي: الزيارات، التسجيلات، الشركاء، الربط \
             بالحملة، الإعدادات. افعل ذلك قبل إرجاع الجهاز أو تسليمه لشخص آخر. يبقى التطبيق مثبّتًا."
        }
        Say::WipeNothingWaiting => "تم إرسال كل شيء: يمكن مسح هذا الجهاز.",
        Say::WipeCovered => {
            "تسجيلات لم تُرسل بعد: {count}، وكلها في التصدير المشفّر المحفوظ: يمكن مسح هذا \
             الجهاز. سلّم الملف لفريق التنسيق."
        }
        Say::WipeRefused => {
            "لا يمكن المسح: ستضيع تسجيلات لم تُرسل بعد (عددها {count}). قم بالمزامنة أولًا، أو \
             احفظ التصدير المشفّر أعلاه."
        }
        Say::WipeConfirmLabel => "للتأكيد، اكتب {word}",
        Say::WipeWord => "مسح",
        Say::WipeButton => "مسح هذا الجهاز",
        Say::WipeWrongWord => "اكتب {word} بالضبط للتأكيد.",
        Say::WipeWorking => "جارٍ المسح…",
        Say::WipeDoneHeading => "تم مسح الجهاز",
        Say::WipeDone => "تم مسح بيانات Palier من هذا الجهاز. يمكن ربطه بحملة جديدة.",
        Say::WipeFailed => {
            "لم يكتمل المسح: \u{2068}{reason}\u{2069}. أغلق علامات تبويب Palier الأخرى وأعد المحاولة."
        }
        Say::WipeRestart => "إعادة تشغيل Palier",
        Say::ImportPassphrasePrompt => {
            "هذا الملف مشفّر: اكتب عبارة المرور المختارة على الجهاز اللوحي."
        }
        Say::ImportPassphraseLabel => "عبارة مرور الملف",
        Say::ImportOpen => "فتح واستيراد",
        Say::ImportOpening => "جارٍ فك التشفير…",
    }
}

impl WipeDecision {
    /// Why the wipe may run or not, for the person holding the device.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            WipeDecision::NothingWaiting => Say::WipeNothingWaiting.text(locale).to_owned(),
            WipeDecision::CoveredByExport { waiting } => {
                Say::WipeCovered.fill(locale, &[("count", &waiting.to_string())])
            }
            WipeDecision::Refused { not_exported } => {
                Say::WipeRefused.fill(locale, &[("count", &not_exported.to_string())])
            }
        }
    }
}

impl ProtectedExportProblem {
    /// The problem in plain words; an import refused says that nothing was imported.
    pub fn message(&self, locale: Locale) -> String {
        let min = MIN_PASSPHRASE_CHARS.to_string();
        match (self, locale) {
            (ProtectedExportProblem::WrongPassphrase, Locale::Fr) => {
                "Phrase de passe incorrecte, ou fichier modifié : rien n'a été importé.".into()
            }
            (ProtectedExportProblem::WrongPassphrase, Locale::En) => {
                "Wrong passphrase, or the file was changed: nothing was imported.".into()
            }
            (ProtectedExportProblem::WrongPassphrase, Locale::Ar) => {
                "عبارة مرور غير صحيحة، أو تم تعديل الملف: لم يُستورد أي شيء.".into()
            }
            (ProtectedExportProblem::PassphraseTooShort, Locale::Fr) => {
                format!("La phrase de passe doit compter au moins {min} caractères.")
            }
            (ProtectedExportProblem::PassphraseTooShort, Locale::En) => {
                format!("The passphrase must be at least {min} characters long.")
            }
            (ProtectedExportProblem::PassphraseTooShort, Locale::Ar) => {
                format!("يجب أن تتكون عبارة المرور من {min} أحرف على الأقل.")
            }
            (ProtectedExportProblem::PassphrasesDiffer, Locale::Fr) => {
                "Les deux phrases de passe ne sont pas identiques.".into()
            }
            (ProtectedExportProblem::PassphrasesDiffer, Locale::En) => {
                "The two passphrases are not the same.".into()
            }
            (ProtectedExportProblem::PassphrasesDiffer, Locale::Ar) => {
                "عبارتا المرور غير متطابقتين.".into()
            }
            (ProtectedExportProblem::NotProtected, Locale::Fr) => {
                "Ce fichier n'est pas un export chiffré de Palier : rien n'a été importé.".into()
            }
            (ProtectedExportProblem::NotProtected, Locale::En) => {
                "This file is not an encrypted Palier export: nothing was imported.".into()
            }
            (ProtectedExportProblem::NotProtected, Locale::Ar) => {
                "هذا الملف ليس تصديرًا مشفّرًا من Palier: لم يُستورد أي شيء.".into()
            }
            (ProtectedExportProblem::UnsupportedVersion { found }, Locale::Fr) => format!(
                "Cet export chiffré est en version {found}, inconnue de cette version de Palier : \
                 mettez Palier à jour. Rien n'a été importé."
            ),
            (ProtectedExportProblem::UnsupportedVersion { found }, Locale::En) => format!(
                "This encrypted export is in version {found}, unknown to this Palier: update \
                 Palier. Nothing was imported."
            ),
            (ProtectedExportProblem::UnsupportedVersion { found }, Locale::Ar) => format!(
                "هذا التصدير المشفّر بالإصدار {found}، غير المعروف لهذه النسخة من Palier: حدّث \
                 Palier. لم يُستورد أي شيء."
            ),
            (
                ProtectedExportProblem::Damaged { .. } | ProtectedExportProblem::WeakKey { .. },
                Locale::Fr,
            ) => "Ce fichier chiffré est abîmé ou n'a pas été fait par Palier : rien n'a été \
                 importé. Demandez un nouvel export à la tablette."
                .into(),
            (
                ProtectedExportProblem::Damaged { .. } | ProtectedExportProblem::WeakKey { .. },
                Locale::En,
            ) => "This encrypted file is damaged or was not made by Palier: nothing was imported. \
                 Ask the tablet for a new export."
                .into(),
            (
                ProtectedExportProblem::Damaged { .. } | ProtectedExportProblem::WeakKey { .. },
                Locale::Ar,
            ) => "هذا الملف المشفّر تالف أو لم يُنشئه Palier: لم يُستورد أي شيء. اطلب تصديرًا جديدًا \
                 من الجهاز اللوحي."
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Say; 28] = [
        Say::DeviceFull,
        Say::DeviceLocked,
        Say::ProtectedHeading,
        Say::ProtectedHint,
        Say::PassphraseLabel,
        Say::PassphraseAgainLabel,
        Say::ProtectedButton,
        Say::ProtectedWorking,
        Say::ProtectedDone,
        Say::ProtectedFailed,
        Say::WipeHeading,
        Say::WipeIntro,
        Say::WipeNothingWaiting,
        Say::WipeCovered,
        Say::WipeRefused,
        Say::WipeConfirmLabel,
        Say::WipeWord,
        Say::WipeButton,
        Say::WipeWrongWord,
        Say::WipeWorking,
        Say::WipeDoneHeading,
        Say::WipeDone,
        Say::WipeFailed,
        Say::WipeRestart,
        Say::ImportPassphrasePrompt,
        Say::ImportPassphraseLabel,
        Say::ImportOpen,
        Say::ImportOpening,
    ];

    #[test]
    fn every_text_exists_in_every_language_with_the_same_placeholders() {
        for say in ALL {
            let holes = crate::i18n::placeholder_names;
            let fr = say.text(Locale::Fr);
            for locale in Locale::ALL {
                let text = say.text(locale);
                assert!(!text.trim().is_empty(), "{say:?} {locale:?}");
                assert_eq!(holes(text), holes(fr), "{say:?} {locale:?}");
            }
            assert_ne!(say.text(Locale::Fr), say.text(Locale::Ar), "{say:?}");
            let ar = say.text(Locale::Ar);
            assert!(crate::i18n::details_isolated(ar), "{say:?}: {ar}");
        }
    }

    #[test]
    fn a_full_device_points_to_the_device_page_by_the_name_of_its_link() {
        // The sync bar's link to that page is labelled with the page's heading: the words must
        // name what the volunteer can see and tap.
        for locale in Locale::ALL {
            let link = locale.text(crate::i18n::Text::DeviceHeading);
            let words = Say::DeviceFull.text(locale);
            assert!(words.contains(link), "{locale:?}: {words}");
        }
    }

    #[test]
    fn the_refusal_says_how_many_records_would_be_lost_and_what_to_do() {
        let words = WipeDecision::Refused { not_exported: 3 }.message(Locale::Fr);
        assert!(
            words.contains("3 enregistrements pas encore envoyés seraient perdus"),
            "{words}"
        );
        let one = WipeDecision::Refused { not_exported: 1 }.message(Locale::Fr);
        assert!(
            one.contains("1 enregistrement pas encore envoyé serait perdu"),
            "{one}"
        );
        assert!(words.contains("export chiffré"), "{words}");
        let ar = WipeDecision::Refused { not_exported: 3 }.message(Locale::Ar);
        assert!(ar.contains('3'), "{ar}");
    }
}
