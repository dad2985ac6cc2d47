//! How the lock, unlock and PIN screens say things, in each interface language: one exhaustive
//! `match` per language, so a missing translation does not compile.

use crate::i18n::Locale;
use crate::kiosk::PinProblem;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// Shown where a personal value is while the device is locked.
    Locked,
    LockButton,
    UnlockButton,
    /// The header's state while locked.
    LockedState,
    UnlockTitle,
    UnlockHint,
    VolunteerLabel,
    PinLabel,
    PinConfirmLabel,
    PinWrong,
    /// "Too many tries: wait {wait}."
    PinWait,
    PinChecking,
    PinMismatch,
    PinEmpty,
    PinNotDigits,
    PinTooShort,
    PinTooLong,
    PinTooEasy,
    SetPinButton,
    SetPinTitle,
    SetPinHint,
    SetPinSave,
    /// "Code saved: residents' details on this tablet are encrypted."
    PinSaved,
    /// Someone who already has a code must unlock first.
    OtherVolunteerFirst,
    NoVolunteerYet,
    /// "{count} records wait for the unlock to be sent."
    WaitingForUnlock,
    /// "The device is locked: unlock it to record residents' details."
    RecordNeedsUnlock,
    /// "Encryption failed: {detail}"
    CryptoFailed,
    Cancel,
    AutoLockLabel,
    /// The unlock dialog's way to the new-code dialog.
    ForgotPin,
    RecoveryTitle,
    RecoveryHint,
    RecoverySave,
    RecoveryChecking,
    RecoveryNotAllowed,
    RecoveryExpired,
    RecoveryOffline,
    RecoveryNoCopy,
    RecoveryNotLinked,
    /// "The server refused the request ({detail})."
    RecoveryRefused,
    RecoveryDone,
    /// "The new code could not be saved ({detail}) …": the tablet stays unlocked until locked.
    RecoveryNotSaved,
    /// The same when the device is full, in plain words.
    RecoveryNotSavedFull,
    /// The key ring is stored but could not be read: no lock button can be offered.
    KeyringUnreadable,
    /// The coordinator's button on a device of the list.
    AllowNewPin,
    /// The coordinator's devices list: "A new code can be chosen until {time}."
    NewPinAllowedUntil,
    /// The coordinator's question before allowing: "… on «{label}» for 15 minutes?"
    AllowNewPinConfirm,
    /// "{minutes} min"
    Minutes,
}

impl Word {
    pub const ALL: [Word; 49] = [
        Word::Locked,
        Word::LockButton,
        Word::UnlockButton,
        Word::LockedState,
        Word::UnlockTitle,
        Word::UnlockHint,
        Word::VolunteerLabel,
        Word::PinLabel,
        Word::PinConfirmLabel,
        Word::PinWrong,
        Word::PinWait,
        Word::PinChecking,
        Word::PinMismatch,
        Word::PinEmpty,
        Word::PinNotDigits,
        Word::PinTooShort,
        Word::PinTooLong,
        Word::PinTooEasy,
        Word::SetPinButton,
        Word::SetPinTitle,
        Word::SetPinHint,
        Word::SetPinSave,
        Word::PinSaved,
        Word::OtherVolunteerFirst,
        Word::NoVolunteerYet,
        Word::WaitingForUnlock,
        Word::RecordNeedsUnlock,
        Word::CryptoFailed,
        Word::Cancel,
        Word::AutoLockLabel,
        Word::ForgotPin,
        Word::RecoveryTitle,
        Word::RecoveryHint,
        Word::RecoverySave,
        Word::RecoveryChecking,
        Word::RecoveryNotAllowed,
        Word::RecoveryExpired,
        Word::RecoveryOffline,
        Word::RecoveryNoCopy,
        Word::RecoveryNotLinked,
        Word::RecoveryRefused,
        Word::RecoveryDone,
        Word::RecoveryNotSaved,
        Word::RecoveryNotSavedFull,
        Word::KeyringUnreadable,
        Word::AllowNewPin,
        Word::NewPinAllowedUntil,
        Word::AllowNewPinConfirm,
        Word::Minutes,
    ];

    pub fn of_problem(problem: PinProblem) -> Word {
        match problem {
            PinProblem::Empty => Word::PinEmpty,
            PinProblem::NotDigits => Word::PinNotDigits,
            PinProblem::TooShort => Word::PinTooShort,
            PinProblem::TooLong => Word::PinTooLong,
            PinProblem::TooEasy => Word::PinTooEasy,
        }
    }

    /// A new PIN typed twice: the PIN, or the words saying what is wrong with it.
    pub fn check_pin_pair(first: &str, second: &str) -> Result<String, Word> {
        let pin = crate::kiosk::check_new_pin(first).map_err(Word::of_problem)?;
        if second.trim() != pin {
            return Err(Word::PinMismatch);
        }
        Ok(pin)
    }

    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Fr => self.fr(),
            Locale::En => self.en(),
            Locale::Ar => self.ar(),
        }
    }

    pub fn fill(self, locale: Locale, values: &[(&str, &str)]) -> String {
        locale.fill_text(self.text(locale), values)
    }

    fn fr(self) -> &'static str {
        match self {
            Word::Locked => "verrouillé",
            Word::LockButton => "Verrouiller",
            Word::UnlockButton => "Déverrouiller",
            Word::LockedState => "Coordonnées verrouillées",
            Word::UnlockTitle => "Déverrouiller la tablette",
            Word::UnlockHint => {
                "Les résultats des portes restent visibles. Tapez votre code pour voir les noms, téléphones, e-mails et notes."
            }
            Word::VolunteerLabel => "Bénévole",
            Word::PinLabel => "Code (6 à 12 chiffres)",
            Word::PinConfirmLabel => "Le même code, encore une fois",
            Word::PinWrong => "Code incorrect.",
            Word::PinWait => "Trop d'essais : réessayez dans {wait}.",
            Word::PinChecking => "Vérification du code…",
            Word::PinMismatch => "Les deux codes ne sont pas les mêmes.",
            Word::PinEmpty => "Tapez un code.",
            Word::PinNotDigits => "Le code ne contient que des chiffres.",
            Word::PinTooShort => "Le code a au moins 6 chiffres.",
            Word::PinTooLong => "Le code a au plus 12 chiffres.",
            Word::PinTooEasy => "Ce code est trop facile à deviner (000000, 123456…).",
            Word::SetPinButton => "Protéger par un code",
            Word::SetPinTitle => "Choisir votre code",
            Word::SetPinHint => {
                "Les coordonnées des résidents seront chiffrées sur cette tablette, y compris celles déjà enregistrées. Sans le code, personne ne peut les lire."
            }
            Word::SetPinSave => "Enregistrer le code",
            Word::PinSaved => {
                "Code enregistré : les coordonnées sur cette tablette sont chiffrées."
            }
            Word::OtherVolunteerFirst => {
                "Un bénévole qui a déjà un code doit d'abord déverrouiller cette tablette."
            }
            Word::NoVolunteerYet => "Dites d'abord qui vous êtes (carte Bénévole).",
            Word::WaitingForUnlock => {
                "{count} {count|enregistrement avec coordonnées attend|enregistrements avec coordonnées attendent} le déverrouillage pour être {count|envoyé|envoyés}."
            }
            Word::RecordNeedsUnlock => {
                "La tablette est verrouillée : déverrouillez-la pour enregistrer des coordonnées ou des notes. Rien n'est perdu."
            }
            Word::CryptoFailed => "Le chiffrement a échoué : {detail}",
            Word::Cancel => "Annuler",
            Word::AutoLockLabel => "Verrouillage automatique sans utilisation après",
            Word::ForgotPin => "Code oublié ?",
            Word::RecoveryTitle => "Choisir un nouveau code",
            Word::RecoveryHint => {
                "Votre coordinateur peut autoriser un nouveau code pour cette tablette pendant 15 minutes. Demandez-le-lui, puis choisissez votre nouveau code ici, avec du réseau. Rien de ce qui est enregistré n'est perdu."
            }
            Word::RecoverySave => "Enregistrer le nouveau code",
            Word::RecoveryChecking => "Demande au serveur…",
            Word::RecoveryNotAllowed => {
                "Votre coordinateur n'a pas encore autorisé de nouveau code pour cette tablette."
            }
            Word::RecoveryExpired => {
                "L'autorisation de votre coordinateur a expiré (15 minutes). Demandez-lui de l'accorder à nouveau."
            }
            Word::RecoveryOffline => {
                "Pas de réseau : un nouveau code se choisit avec le serveur. Réessayez une fois connecté."
            }
            Word::RecoveryNoCopy => {
                "Cette tablette n'a pas encore de copie de secours de sa clé. Un bénévole qui a un code ici peut la déverrouiller ; sinon, prévenez votre coordinateur."
            }
            Word::RecoveryNotLinked => {
                "Cette tablette n'est pas (ou plus) reliée à une campagne : demandez à votre coordinateur."
            }
            Word::RecoveryRefused => {
                "Le serveur a refusé la demande ({detail}). Prévenez votre coordinateur."
            }
            Word::RecoveryDone => "Nouveau code enregistré : la tablette est déverrouillée.",
            Word::RecoveryNotSaved => {
                "Le nouveau code n'a pas pu être enregistré sur la tablette ({detail}). Elle reste \
                 déverrouillée et rien n'a été perdu ; ne fermez pas et ne rechargez pas \
                 l'application. Synchronisez, libérez de la place, puis choisissez un code avec \
                 « Protéger par un code »."
            }
            Word::RecoveryNotSavedFull => {
                "Le nouveau code n'a pas pu être enregistré : l'espace de stockage de cet appareil \
                 est plein. La tablette reste déverrouillée et rien n'a été perdu ; ne fermez pas \
                 et ne rechargez pas l'application. Synchronisez (« Cet appareil »), libérez de la \
                 place, puis choisissez un code avec « Protéger par un code »."
            }
            Word::KeyringUnreadable => {
                "Le verrou de cette tablette n'a pas pu être lu ({detail}) : les inscriptions et \
                 les notes ne peuvent pas être enregistrées, les visites sans note si. Rechargez \
                 l'application ; si cela continue, prévenez votre coordinateur."
            }
            Word::AllowNewPin => "Autoriser un nouveau code",
            Word::NewPinAllowedUntil => "Nouveau code possible sur cette tablette jusqu'à {time}.",
            Word::AllowNewPinConfirm => {
                "Autoriser un nouveau code sur « {label} » pendant 15 minutes ? Faites-le seulement à la demande du bénévole qui a cette tablette en main."
            }
            Word::Minutes => "{minutes} min",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Word::Locked => "locked",
            Word::LockButton => "Lock",
            Word::UnlockButton => "Unlock",
            Word::LockedState => "Details locked",
            Word::UnlockTitle => "Unlock the tablet",
            Word::UnlockHint => {
                "Door outcomes stay visible. Type your code to see names, phones, emails and notes."
            }
            Word::VolunteerLabel => "Volunteer",
            Word::PinLabel => "Code (6 to 12 digits)",
            Word::PinConfirmLabel => "The same code again",
            Word::PinWrong => "Wrong code.",
            Word::PinWait => "Too many tries: try again in {wait}.",
            Word::PinChecking => "Checking the code…",
            Word::PinMismatch => "The two codes are not the same.",
            Word::PinEmpty => "Type a code.",
            Word::PinNotDigits => "The code has digits only.",
            Word::PinTooShort => "The code has at least 6 digits.",
            Word::PinTooLong => "The code has at most 12 digits.",
            Word::PinTooEasy => "This code is too easy to guess (000000, 123456…).",
            Word::SetPinButton => "Protect with a code",
            Word::SetPinTitle => "Choose your code",
            Word::SetPinHint => {
                "Residents' details will be encrypted on this tablet, including those already recorded. Without the code nobody can read them."
            }
            Word::SetPinSave => "Save the code",
            Word::PinSaved => "Code saved: the details on this tablet are encrypted.",
            Word::OtherVolunteerFirst => {
                "A volunteer who already has a code must unlock this tablet first."
            }
            Word::NoVolunteerYet => "First say who you are (Volunteer card).",
            Word::WaitingForUnlock => {
                "{count} {count|record with personal details waits|records with personal details wait} for the unlock to be sent."
            }
            Word::RecordNeedsUnlock => {
                "The tablet is locked: unlock it to record personal details or notes. Nothing is lost."
            }
            Word::CryptoFailed => "Encryption failed: {detail}",
            Word::Cancel => "Cancel",
            Word::AutoLockLabel => "Lock automatically when unused for",
            Word::ForgotPin => "Forgot your code?",
            Word::RecoveryTitle => "Choose a new code",
            Word::RecoveryHint => {
                "Your coordinator can allow a new code for this tablet for 15 minutes. Ask them, then choose your new code here, with a network connection. Nothing recorded is lost."
            }
            Word::RecoverySave => "Save the new code",
            Word::RecoveryChecking => "Asking the server…",
            Word::RecoveryNotAllowed => {
                "Your coordinator has not allowed a new code for this tablet yet."
            }
            Word::RecoveryExpired => {
                "Your coordinator's permission has expired (15 minutes). Ask them to allow it again."
            }
            Word::RecoveryOffline => {
                "No network: a new code is chosen with the server. Try again once connected."
            }
            Word::RecoveryNoCopy => {
                "This tablet has no backup copy of its key yet. A volunteer with a code here can unlock it; otherwise, tell your coordinator."
            }
            Word::RecoveryNotLinked => {
                "This tablet is not (or no longer) linked to a campaign: ask your coordinator."
            }
            Word::RecoveryRefused => {
                "The server refused the request ({detail}). Tell your coordinator."
            }
            Word::RecoveryDone => "New code saved: the tablet is unlocked.",
            Word::RecoveryNotSaved => {
                "The new code could not be saved on the tablet ({detail}). It stays unlocked and \
                 nothing was lost; do not close or reload the app. Sync, free some space, then \
                 choose a code with “Protect with a code”."
            }
            Word::RecoveryNotSavedFull => {
                "The new code could not be saved: this device's storage is full. The tablet stays \
                 unlocked and nothing was lost; do not close or reload the app. Sync (“This \
                 device”), free up space, then choose a code with “Protect with a code”."
            }
            Word::KeyringUnreadable => {
                "This tablet's lock could not be read ({detail}): sign-ups and notes cannot be \
                 recorded, visits without a note can. Reload the app; if it goes on, tell your \
                 coordinator."
            }
            Word::AllowNewPin => "Allow a new code",
            Word::NewPinAllowedUntil => "A new code can be chosen on this tablet until {time}.",
            Word::AllowNewPinConfirm => {
                "Allow a new code on “{label}” for 15 minutes? Only do this when the volunteer holding this tablet asks for it."
            }
            Word::Minutes => "{minutes} min",
        }
    }

    fn ar(self) -> &'static str {
        match self {
            Word::Locked => "مقفل",
            Word::LockButton => "قفل",
            Word::UnlockButton => "فتح القفل",
            Word::LockedState => "البيانات الشخصية مقفلة",
            Word::UnlockTitle => "فتح قفل الجهاز اللوحي",
            Word::UnlockHint => {
                "تبقى نتائج الزيارات ظاهرة. اكتب رمزك لرؤية الأسماء والهواتف والبريد الإلكتروني والملاحظات."
            }
            Word::VolunteerLabel => "المتطوع",
            Word::PinLabel => "الرمز (من 6 إلى 12 رقمًا)",
            Word::PinConfirmLabel => "الرمز نفسه مرة أخرى",
            Word::PinWrong => "الرمز غير صحيح.",
            Word::PinWait => "محاولات كثيرة: أعد المحاولة بعد {wait}.",
            Word::PinChecking => "جارٍ التحقق من الرمز…",
            Word::PinMismatch => "الرمزان غير متطابقين.",
            Word::PinEmpty => "اكتب رمزًا.",
            Word::PinNotDigits => "الرمز أرقام فقط.",
            Word::PinTooShort => "الرمز 6 أرقام على الأقل.",
            Word::PinTooLong => "الرمز 12 رقمًا على الأكثر.",
            Word::PinTooEasy => "هذا الرمز سهل التخمين (000000، 123456…).",
            Word::SetPinButton => "الحماية برمز",
            Word::SetPinTitle => "اختر رمزك",
            Word::SetPinHint => {
                "ستُشفَّر بيانات السكان على هذا الجهاز، بما فيها المسجلة من قبل. بدون الرمز لا يمكن لأحد قراءتها."
            }
            Word::SetPinSave => "حفظ الرمز",
            Word::PinSaved => "حُفظ الرمز: البيانات على هذا الجهاز مشفرة.",
            Word::OtherVolunteerFirst => "يجب أن يفتح القفل أولًا متطوع لديه رمز.",
            Word::NoVolunteerYet => "قل أولًا من أنت (بطاقة المتطوع).",
            Word::WaitingForUnlock => "تسجيلات ببيانات شخصية تنتظر فتح القفل لإرسالها: {count}.",
            Word::RecordNeedsUnlock => {
                "الجهاز مقفل: افتح القفل لتسجيل البيانات الشخصية أو الملاحظات. لا يضيع شيء."
            }
            Word::CryptoFailed => "فشل التشفير: \u{2068}{detail}\u{2069}",
            Word::Cancel => "إلغاء",
            Word::AutoLockLabel => "القفل التلقائي بعد عدم الاستخدام لمدة",
            Word::ForgotPin => "نسيت الرمز؟",
            Word::RecoveryTitle => "اختيار رمز جديد",
            Word::RecoveryHint => {
                "يمكن لمنسّقك أن يسمح برمز جديد لهذا الجهاز اللوحي لمدة 15 دقيقة. اطلب ذلك منه، ثم اختر رمزك الجديد هنا مع اتصال بالشبكة. لا يضيع شيء مما سُجّل."
            }
            Word::RecoverySave => "حفظ الرمز الجديد",
            Word::RecoveryChecking => "جارٍ سؤال الخادم…",
            Word::RecoveryNotAllowed => "لم يسمح منسّقك بعد برمز جديد لهذا الجهاز اللوحي.",
            Word::RecoveryExpired => "انتهت صلاحية إذن منسّقك (15 دقيقة). اطلب منه أن يسمح مرة أخرى.",
            Word::RecoveryOffline => {
                "لا توجد شبكة: يُختار الرمز الجديد مع الخادم. أعد المحاولة بعد الاتصال."
            }
            Word::RecoveryNoCopy => {
                "لا يملك هذا الجهاز اللوحي بعدُ نسخة احتياطية من مفتاحه. يمكن لمتطوع لديه رمز هنا أن يفتحه، وإلا فأخبر منسّقك."
            }
            Word::RecoveryNotLinked => {
                "هذا الجهاز اللوحي غير مرتبط بحملة (أو لم يعد كذلك): اسأل منسّقك."
            }
            Word::RecoveryRefused => "رفض الخادم الطلب (\u{2068}{detail}\u{2069}). أخبر منسّقك.",
            Word::RecoveryDone => "تم حفظ الرمز الجديد: الجهاز اللوحي مفتوح.",
            Word::RecoveryNotSaved => {
                "تعذّر حفظ الرمز الجديد على الجهاز اللوحي (\u{2068}{detail}\u{2069}). يبقى مفتوحًا ولم يضِع شيء؛ لا \
                 تُغلق التطبيق ولا تُعِد تحميله. زامِن، وحرِّر بعض المساحة، ثم اختر رمزًا عبر «الحماية برمز»."
            }
            Word::RecoveryNotSavedFull => {
                "تعذّر حفظ الرمز الجديد: مساحة التخزين في هذا الجهاز ممتلئة. يبقى الجهاز اللوحي مفتوحًا ولم \
                 يضِع شيء؛ لا تُغلق التطبيق ولا تُعِد تحميله. زامِن («هذا الجهاز»)، وحرِّر بعض المساحة، ثم \
                 اختر رمزًا عبر «الحماية برمز»."
            }
            Word::KeyringUnreadable => {
                "تعذّرت قراءة قفل هذا الجهاز (\u{2068}{detail}\u{2069}): لا يمكن حفظ التسجيلات ولا الملاحظات، أما \
                 الزيارات بلا ملاحظة فتُسجَّل. أعِد تحميل التطبيق؛ وإن استمر ذلك فأخبر منسقك."
            }
            Word::AllowNewPin => "السماح برمز جديد",
            Word::NewPinAllowedUntil => "يمكن اختيار رمز جديد على هذا الجهاز اللوحي حتى {time}.",
            Word::AllowNewPinConfirm => {
                "السماح برمز جديد على «{label}» لمدة 15 دقيقة؟ افعل ذلك فقط بطلب من المتطوع الذي يحمل هذا الجهاز اللوحي."
            }
            Word::Minutes => "{minutes} د",
        }
    }
}
