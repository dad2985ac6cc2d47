//! Kiosk mode and its lock, as the device's settings and the kiosk's exit pad need them: a device
//! enters kiosk mode only when the coordinator has chosen an exit PIN (otherwise nobody could
//! leave it); the exit pad takes digits only, up to the longest PIN; a wait after wrong tries is
//! said in minutes and seconds. Until the device has read the campaign's settings after a start,
//! it does not know the exit PIN, and neither enters nor leaves on that ignorance. The words are
//! the coordinator's, in the app's three languages.

use super::pin::{PIN_ITERATIONS, PIN_LENGTH, PinRecord};
use crate::i18n::Locale;

/// Why a device may not enter kiosk mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnterProblem {
    /// The coordinator has not chosen an exit PIN yet.
    NoPin,
    /// The stored record is not one this app wrote (a bad sync, a hand edit): a PIN could never
    /// match it, so entering would lock the tablet for good.
    UnreadablePin,
    /// The campaign's settings are still being read (just after a start).
    StillReading,
    /// The key of the residents' details is held in this tab's memory only (a forgotten PIN
    /// replaced on a full device): the kiosk hides the header that asks not to reload, and a
    /// restart in kiosk mode would lose the key.
    KeyNotStored,
}

/// Where the key of the residents' details is kept, as far as entering kiosk mode goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailsKey {
    /// Stored under a volunteer's PIN, or no PIN at all: a restart loses nothing.
    Stored,
    /// In this tab's memory only, until a PIN can be stored.
    InMemoryOnly,
}

/// The exit PIN as this device knows it. The campaign's settings are read from the device's log
/// after each start, which takes seconds on a large log; until then "the coordinator chose no
/// PIN" cannot be told from "not read yet", and taking one for the other would let anyone out of
/// a kiosk that was just restarted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KnownPin {
    StillReading,
    Read(Option<PinRecord>),
}

/// Whether the device may enter kiosk mode with the exit PIN it knows.
pub fn may_enter(known: &KnownPin, key: DetailsKey) -> Result<(), EnterProblem> {
    if key == DetailsKey::InMemoryOnly {
        return Err(EnterProblem::KeyNotStored);
    }
    let pin = match known {
        KnownPin::StillReading => return Err(EnterProblem::StillReading),
        KnownPin::Read(pin) => pin.as_ref().ok_or(EnterProblem::NoPin)?,
    };
    let hex = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit());
    // Fewer iterations than this app ever wrote would make the hash quick to brute-force.
    let strong = (PIN_ITERATIONS / 6..=PIN_ITERATIONS * 10).contains(&pin.iterations);
    if hex(&pin.salt, 32) && hex(&pin.hash, 64) && strong {
        Ok(())
    } else {
        Err(EnterProblem::UnreadablePin)
    }
}

/// What the exit pad does with a complete entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitStep {
    /// The settings are still being read: the digits are kept and checked once they are.
    WaitForSettings,
    /// The coordinator removed the PIN: the tablet must not stay locked with no way out.
    Leave,
    /// The digits are hashed and compared with this record.
    Check(PinRecord),
}

pub fn exit_step(known: KnownPin) -> ExitStep {
    match known {
        KnownPin::StillReading => ExitStep::WaitForSettings,
        KnownPin::Read(None) => ExitStep::Leave,
        KnownPin::Read(Some(record)) => ExitStep::Check(record),
    }
}

/// The digits typed on the exit pad so far. Anything but a digit is ignored, and nothing is
/// typed past the longest PIN.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PinEntry(String);

impl PinEntry {
    pub fn push(&mut self, key: char) {
        if key.is_ascii_digit() && self.0.len() < *PIN_LENGTH.end() {
            self.0.push(key);
        }
    }

    pub fn erase(&mut self) {
        self.0.pop();
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Long enough to be tried: shorter is never a PIN, and is not counted as a wrong try.
    pub fn complete(&self) -> bool {
        self.0.len() >= *PIN_LENGTH.start()
    }

    /// The digits, for hashing; the entry is emptied, so the PIN stays in memory no longer.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

/// A wait in words: "45 s", "2 min 30 s", rounded up to the second.
pub fn wait_words(ms: u64) -> String {
    let s = ms.div_ceil(1000);
    match (s / 60, s % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockText {
    /// The device settings' section.
    KioskHeading,
    EnterKiosk,
    EnterKioskHint,
    NoPinYet,
    UnreadablePin,
    /// The discreet button on the attract screen.
    ExitButton,
    PinTitle,
    PinHint,
    /// `{count}` digits typed (the digits themselves are never shown).
    PinTyped,
    PinErase,
    PinCancel,
    PinSubmit,
    PinChecking,
    PinWrong,
    /// `{wait}`.
    PinWait,
    PinTooShort,
    /// The checking failed (no WebCrypto): the try does not count.
    PinCannotCheck,
    /// Entering kiosk mode just after a start, before the campaign's settings are read: tried
    /// again once they are.
    StillReading,
    /// Entering kiosk mode while the data key is held in memory only (see `EnterProblem`).
    KeyNotStored,
    /// A code submitted on the exit pad then: it is checked once they are.
    PinWaitsForSettings,
}

impl EnterProblem {
    pub fn text(self) -> LockText {
        match self {
            EnterProblem::NoPin => LockText::NoPinYet,
            EnterProblem::UnreadablePin => LockText::UnreadablePin,
            EnterProblem::StillReading => LockText::StillReading,
            EnterProblem::KeyNotStored => LockText::KeyNotStored,
        }
    }
}

impl LockText {
    pub const ALL: [LockText; 20] = {
        use LockText::*;
        [
            KioskHeading,
            EnterKiosk,
            EnterKioskHint,
            NoPinYet,
            UnreadablePin,
            ExitButton,
            PinTitle,
            PinHint,
            PinTyped,
            PinErase,
            PinCancel,
            PinSubmit,
            PinChecking,
            PinWrong,
            PinWait,
            PinTooShort,
            PinCannotCheck,
            StillReading,
            PinWaitsForSettings,
            KeyNotStored,
        ]
    };

    pub fn says(self, locale: Locale) -> &'static str {
        use LockText::*;
        match (self, locale) {
            (KioskHeading, Locale::Fr) => "Borne du hall",
            (KioskHeading, Locale::En) => "Lobby kiosk",
            (KioskHeading, Locale::Ar) => "شاشة البهو",
            (EnterKiosk, Locale::Fr) => "Passer en mode borne",
            (EnterKiosk, Locale::En) => "Switch to kiosk mode",
            (EnterKiosk, Locale::Ar) => "التحويل إلى وضع الشاشة العامة",
            (EnterKioskHint, Locale::Fr) => {
                "La tablette n'affichera plus que la borne, en plein écran, même après un \
                 redémarrage. Pour en sortir, il faudra le code de sortie choisi par le \
                 coordinateur."
            }
            (EnterKioskHint, Locale::En) => {
                "The tablet will show only the kiosk, full screen, even after a restart. Leaving \
                 it will take the exit code chosen by the coordinator."
            }
            (EnterKioskHint, Locale::Ar) => {
                "لن يعرض الجهاز بعد الآن إلا الشاشة العامة، بملء الشاشة، حتى بعد إعادة التشغيل. \
                 للخروج منها يلزم رمز الخروج الذي اختاره المنسق."
            }
            (NoPinYet, Locale::Fr) => "Le coordinateur doit d'abord choisir un code de sortie.",
            (NoPinYet, Locale::En) => "The coordinator must first choose an exit code.",
            (NoPinYet, Locale::Ar) => "يجب على المنسق أولا أن يختار رمز الخروج.",
            (UnreadablePin, Locale::Fr) => {
                "Le code de sortie reçu est illisible : demandez au coordinateur de le choisir à \
                 nouveau."
            }
            (UnreadablePin, Locale::En) => {
                "The exit code received cannot be read: ask the coordinator to choose it again."
            }
            (UnreadablePin, Locale::Ar) => {
                "رمز الخروج الذي وصل غير مقروء: اطلب من المنسق أن يختاره من جديد."
            }
            (ExitButton, Locale::Fr) => "Sortie (coordinateur)",
            (ExitButton, Locale::En) => "Exit (coordinator)",
            (ExitButton, Locale::Ar) => "خروج (المنسق)",
            (PinTitle, Locale::Fr) => "Code de sortie",
            (PinTitle, Locale::En) => "Exit code",
            (PinTitle, Locale::Ar) => "رمز الخروج",
            (PinHint, Locale::Fr) => "Tapez le code choisi par le coordinateur.",
            (PinHint, Locale::En) => "Type the code chosen by the coordinator.",
            (PinHint, Locale::Ar) => "اكتب الرمز الذي اختاره المنسق.",
            (PinTyped, Locale::Fr) => "{count} {count|chiffre tapé|chiffres tapés}",
            (PinTyped, Locale::En) => "{count} {count|digit|digits} typed",
            (PinTyped, Locale::Ar) => "عدد الأرقام المكتوبة: {count}",
            (PinErase, Locale::Fr) => "Effacer",
            (PinErase, Locale::En) => "Erase",
            (PinErase, Locale::Ar) => "مسح",
            (PinCancel, Locale::Fr) => "Annuler",
            (PinCancel, Locale::En) => "Cancel",
            (PinCancel, Locale::Ar) => "إلغاء",
            (PinSubmit, Locale::Fr) => "Sortir du mode borne",
            (PinSubmit, Locale::En) => "Leave kiosk mode",
            (PinSubmit, Locale::Ar) => "الخروج من وضع الشاشة العامة",
            (PinChecking, Locale::Fr) => "Vérification du code…",
            (PinChecking, Locale::En) => "Checking the code…",
            (PinChecking, Locale::Ar) => "جار التحقق من الرمز…",
            (PinWrong, Locale::Fr) => "Ce n'est pas le bon code.",
            (PinWrong, Locale::En) => "That is not the right code.",
            (PinWrong, Locale::Ar) => "هذا ليس الرمز الصحيح.",
            (PinWait, Locale::Fr) => "Trop d'essais : attendez {wait} avant de réessayer.",
            (PinWait, Locale::En) => "Too many tries: wait {wait} before trying again.",
            (PinWait, Locale::Ar) => "محاولات كثيرة: انتظر {wait} قبل أن تحاول من جديد.",
            (PinTooShort, Locale::Fr) => "Le code a au moins 6 chiffres.",
            (PinTooShort, Locale::En) => "The code has at least 6 digits.",
            (PinTooShort, Locale::Ar) => "الرمز يتكون من 6 أرقام على الأقل.",
            (PinCannotCheck, Locale::Fr) => {
                "Ce navigateur ne peut pas vérifier le code (WebCrypto absent). Cet essai ne compte \
                 pas."
            }
            (PinCannotCheck, Locale::En) => {
                "This browser cannot check the code (no WebCrypto). This try does not count."
            }
            (PinCannotCheck, Locale::Ar) => {
                "هذا المتصفح لا يستطيع التحقق من الرمز (WebCrypto غير متوفر). هذه المحاولة لا تحسب."
            }
            (StillReading, Locale::Fr) => "Un instant : la tablette lit encore ses réglages…",
            (StillReading, Locale::En) => "One moment: the tablet is still reading its settings…",
            (StillReading, Locale::Ar) => "لحظة من فضلك: الجهاز ما زال يقرأ إعداداته…",
            (PinWaitsForSettings, Locale::Fr) => {
                "Un instant : la tablette lit encore ses réglages. Le code sera vérifié dès \
                 qu'ils seront lus."
            }
            (PinWaitsForSettings, Locale::En) => {
                "One moment: the tablet is still reading its settings. The code will be checked \
                 as soon as they are read."
            }
            (KeyNotStored, Locale::Fr) => {
                "Pas maintenant : le nouveau code n'est pas encore enregistré sur la tablette. Une \
                 borne peut être redémarrée à tout moment, et la tablette se verrouillerait alors \
                 sans code connu. Libérez de la place, choisissez un code avec « Protéger par un \
                 code », puis passez en mode borne."
            }
            (KeyNotStored, Locale::En) => {
                "Not now: the new code is not saved on the tablet yet. A kiosk may be restarted at \
                 any time, and the tablet would then lock with no code anyone knows. Free up space, \
                 choose a code with “Protect with a code”, then switch to kiosk mode."
            }
            (KeyNotStored, Locale::Ar) => {
                "ليس الآن: الرمز الجديد لم يُحفظ بعد على الجهاز. قد يُعاد تشغيل الشاشة العامة في أي \
                 وقت، فيُقفل الجهاز عندها دون رمز يعرفه أحد. حرِّر بعض المساحة، واختر رمزًا عبر \
                 «الحماية برمز»، ثم انتقل إلى وضع الشاشة العامة."
            }
            (PinWaitsForSettings, Locale::Ar) => {
                "لحظة من فضلك: الجهاز ما زال يقرأ إعداداته. سيتم التحقق من الرمز فور قراءتها."
            }
        }
    }

    pub fn fill(self, locale: Locale, values: &[(&str, &str)]) -> String {
        locale.fill_text(self.says(locale), values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> PinRecord {
        PinRecord {
            salt: "0f".repeat(16),
            iterations: PIN_ITERATIONS,
            hash: "ab".repeat(32),
        }
    }

    #[test]
    fn no_kiosk_mode_without_an_exit_pin_nobody_could_leave() {
        assert_eq!(
            may_enter(&KnownPin::Read(None), DetailsKey::Stored),
            Err(EnterProblem::NoPin)
        );
        assert_eq!(
            may_enter(&KnownPin::Read(Some(record())), DetailsKey::Stored),
            Ok(())
        );
        assert_eq!(
            LockText::NoPinYet.says(Locale::Fr),
            "Le coordinateur doit d'abord choisir un code de sortie."
        );
        for broken in [
            PinRecord {
                salt: "0f".into(),
                ..record()
            },
            PinRecord {
                hash: "zz".repeat(32),
                ..record()
            },
            PinRecord {
                iterations: 1_000,
                ..record()
            },
        ] {
            assert_eq!(
                may_enter(&KnownPin::Read(Some(broken.clone())), DetailsKey::Stored),
                Err(EnterProblem::UnreadablePin),
                "{broken:?}"
            );
        }
    }

    #[test]
    fn no_kiosk_mode_while_the_details_key_is_held_in_memory_only() {
        // A forgotten PIN replaced on a full device: a restart, which a kiosk may meet at any
        // time, would lose the key; the refusal comes first, whatever the exit PIN.
        for known in [
            KnownPin::Read(Some(record())),
            KnownPin::Read(None),
            KnownPin::StillReading,
        ] {
            assert_eq!(
                may_enter(&known, DetailsKey::InMemoryOnly),
                Err(EnterProblem::KeyNotStored)
            );
        }
        for locale in Locale::ALL {
            let words = EnterProblem::KeyNotStored.text().says(locale);
            assert_eq!(words, LockText::KeyNotStored.says(locale));
            assert!(
                words.contains(crate::at_rest::words::Word::SetPinButton.text(locale)),
                "{locale:?}: {words}"
            );
        }
    }

    #[test]
    fn before_the_settings_are_read_a_kiosk_neither_enters_nor_lets_anyone_out() {
        // Just after a restart the PIN is not known yet: "no PIN" would let anyone leave.
        assert_eq!(exit_step(KnownPin::StillReading), ExitStep::WaitForSettings);
        assert_eq!(
            may_enter(&KnownPin::StillReading, DetailsKey::Stored),
            Err(EnterProblem::StillReading)
        );
        assert_eq!(
            EnterProblem::StillReading.text().says(Locale::Ar),
            LockText::StillReading.says(Locale::Ar)
        );
        // Once read: no PIN any more lets the coordinator out; a PIN is checked.
        assert_eq!(exit_step(KnownPin::Read(None)), ExitStep::Leave);
        assert_eq!(
            exit_step(KnownPin::Read(Some(record()))),
            ExitStep::Check(record())
        );
    }

    #[test]
    fn the_pad_takes_digits_only_up_to_the_longest_pin() {
        let mut entry = PinEntry::default();
        for key in "48a0 9-13".chars() {
            entry.push(key);
        }
        assert_eq!((entry.len(), entry.complete()), (6, true));
        entry.erase();
        assert!(!entry.complete(), "five digits are never a PIN");
        for _ in 0..20 {
            entry.push('7');
        }
        assert_eq!(entry.len(), 12);
        assert_eq!(entry.take(), "480917777777");
        assert!(entry.is_empty());
    }

    #[test]
    fn waits_are_said_in_minutes_and_seconds_rounded_up() {
        assert_eq!(wait_words(29_001), "30 s");
        assert_eq!(wait_words(60_000), "1 min");
        assert_eq!(wait_words(150_000), "2 min 30 s");
        assert_eq!(
            LockText::PinWait.fill(Locale::Ar, &[("wait", &wait_words(900_000))]),
            "محاولات كثيرة: انتظر 15 min قبل أن تحاول من جديد."
        );
    }

    #[test]
    fn every_lock_text_is_said_in_each_language_with_its_placeholders() {
        for text in LockText::ALL {
            let fr = crate::i18n::placeholder_names(text.says(Locale::Fr));
            let faults = crate::i18n::french_spacing_faults(text.says(Locale::Fr));
            assert!(faults.is_empty(), "{text:?}: {faults:?}");
            for locale in [Locale::En, Locale::Ar] {
                assert!(!text.says(locale).trim().is_empty());
                let here = crate::i18n::placeholder_names(text.says(locale));
                assert_eq!(here, fr, "{text:?} {locale:?}");
            }
        }
    }
}
