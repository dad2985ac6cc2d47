//! How the data-protection screens say things, in each interface language: one exhaustive
//! `match` per text, so a missing translation does not compile.

use crate::calendar::LocalDate;
use crate::i18n::Locale;

use super::erasure::{ErasedField, ErasureProblem, ErasureReason};

/// The texts of the privacy screen and of its confirmation dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Title,
    Intro,
    LoadFirst,
    SearchLabel,
    Search,
    NoMatch,
    Resident,
    ConsentRegister,
    Purpose,
    Answer,
    Yes,
    No,
    Date,
    NoticeVersion,
    ExportJson,
    ExportCsv,
    Erase,
    Reference,
    DialogTitle,
    WillErase,
    WillKeep,
    KeepSignUp,
    KeepOutcomes,
    KeepDoNotDisturb,
    CannotUndo,
    Confirm,
    Cancel,
    /// Shown where an erased name or note was.
    ErasedLabel,
    /// "Erased on {date}, reference {reference}."
    AlreadyErased,
    /// "Recorded. Each tablet blanks these details at its next sync."
    ErasureRecorded,
    /// "The erasure could not be recorded: {detail}"
    ErasureFailed,
    Retention,
    /// "Details are kept {months} months after the last contact; the server purges them daily."
    RetentionExplain,
}

impl Word {
    pub const ALL: [Word; 33] = [
        Word::Title,
        Word::Intro,
        Word::LoadFirst,
        Word::SearchLabel,
        Word::Search,
        Word::NoMatch,
        Word::Resident,
        Word::ConsentRegister,
        Word::Purpose,
        Word::Answer,
        Word::Yes,
        Word::No,
        Word::Date,
        Word::NoticeVersion,
        Word::ExportJson,
        Word::ExportCsv,
        Word::Erase,
        Word::Reference,
        Word::DialogTitle,
        Word::WillErase,
        Word::WillKeep,
        Word::KeepSignUp,
        Word::KeepOutcomes,
        Word::KeepDoNotDisturb,
        Word::CannotUndo,
        Word::Confirm,
        Word::Cancel,
        Word::ErasedLabel,
        Word::AlreadyErased,
        Word::ErasureRecorded,
        Word::ErasureFailed,
        Word::Retention,
        Word::RetentionExplain,
    ];

    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Fr => self.fr(),
            Locale::En => self.en(),
            Locale::Ar => self.ar(),
        }
    }

    fn fr(self) -> &'static str {
        match self {
            Word::Title => "Demandes sur les données personnelles",
            Word::Intro => {
                "Retrouvez le résident qui fait une demande : ses consentements, l'export de ses données, leur effacement."
            }
            Word::LoadFirst => {
                "Importez d'abord le journal de la campagne depuis le serveur (onglet Importer)."
            }
            Word::SearchLabel => "Nom, téléphone ou e-mail du résident",
            Word::Search => "Chercher",
            Word::NoMatch => "Aucun résident ne correspond à cette recherche.",
            Word::Resident => "Résident",
            Word::ConsentRegister => "Registre des consentements",
            Word::Purpose => "Finalité",
            Word::Answer => "Réponse",
            Word::Yes => "oui",
            Word::No => "non",
            Word::Date => "Date",
            Word::NoticeVersion => "Version de la notice",
            Word::ExportJson => "Exporter ses données (JSON)",
            Word::ExportCsv => "Exporter ses données (CSV)",
            Word::Erase => "Effacer ses données",
            Word::Reference => "Référence de la demande (registre des demandes)",
            Word::DialogTitle => "Effacer les données de ce résident ?",
            Word::WillErase => {
                "Seront effacés sur le serveur, ici et sur chaque tablette de la campagne :"
            }
            Word::WillKeep => "Resteront, sans rien qui l'identifie :",
            Word::KeepSignUp => {
                "l'inscription elle-même : ses réponses oui / non, la date et la version de la notice (la preuve du consentement)"
            }
            Word::KeepOutcomes => {
                "les résultats des passages à sa porte et les chiffres des indicateurs"
            }
            Word::KeepDoNotDisturb => {
                "une demande « ne pas déranger » et sa raison, pour continuer à la respecter"
            }
            Word::CannotUndo => "Un effacement ne peut pas être annulé.",
            Word::Confirm => "Effacer définitivement",
            Word::Cancel => "Annuler",
            Word::ErasedLabel => "effacé à la demande du résident",
            Word::AlreadyErased => "Données effacées le {date} (référence {reference}).",
            Word::ErasureRecorded => {
                "Effacement enregistré. Chaque tablette efface ces données à sa prochaine synchronisation."
            }
            Word::ErasureFailed => "L'effacement n'a pas pu être enregistré : {detail}",
            Word::Retention => "Durée de conservation",
            Word::RetentionExplain => {
                "Les coordonnées sont gardées {months} mois après le dernier contact ; le serveur efface chaque jour celles qui ont dépassé ce délai."
            }
        }
    }

    fn en(self) -> &'static str {
        match self {
            Word::Title => "Personal data requests",
            Word::Intro => {
                "Find the resident making a request: their consents, an export of their data, its erasure."
            }
            Word::LoadFirst => "First import the campaign's log from the server (Import tab).",
            Word::SearchLabel => "Resident's name, phone or email",
            Word::Search => "Search",
            Word::NoMatch => "No resident matches this search.",
            Word::Resident => "Resident",
            Word::ConsentRegister => "Consent register",
            Word::Purpose => "Purpose",
            Word::Answer => "Answer",
            Word::Yes => "yes",
            Word::No => "no",
            Word::Date => "Date",
            Word::NoticeVersion => "Notice version",
            Word::ExportJson => "Export their data (JSON)",
            Word::ExportCsv => "Export their data (CSV)",
            Word::Erase => "Erase their data",
            Word::Reference => "Request reference (register of requests)",
            Word::DialogTitle => "Erase this resident's data?",
            Word::WillErase => "Erased on the server, here and on every tablet of the campaign:",
            Word::WillKeep => "Kept, with nothing that identifies them:",
            Word::KeepSignUp => {
                "the sign-up itself: their yes / no answers, the date and the notice version (the proof of consent)"
            }
            Word::KeepOutcomes => {
                "the outcomes of the visits at their door and the indicators' figures"
            }
            Word::KeepDoNotDisturb => {
                "a \"do not disturb\" request and its reason, so that it is still respected"
            }
            Word::CannotUndo => "An erasure cannot be undone.",
            Word::Confirm => "Erase for good",
            Word::Cancel => "Cancel",
            Word::ErasedLabel => "erased at the resident's request",
            Word::AlreadyErased => "Data erased on {date} (reference {reference}).",
            Word::ErasureRecorded => {
                "Erasure recorded. Each tablet erases these details at its next sync."
            }
            Word::ErasureFailed => "The erasure could not be recorded: {detail}",
            Word::Retention => "Retention period",
            Word::RetentionExplain => {
                "Contact details are kept {months} months after the last contact; the server erases those past that period every day."
            }
        }
    }

    fn ar(self) -> &'static str {
        match self {
            Word::Title => "طلبات البيانات الشخصية",
            Word::Intro => "ابحث عن الساكن صاحب الطلب: موافقاته، وتصدير بياناته، ومحوها.",
            Word::LoadFirst => "استورد أولًا سجل الحملة من الخادم (تبويب الاستيراد).",
            Word::SearchLabel => "اسم الساكن أو هاتفه أو بريده الإلكتروني",
            Word::Search => "بحث",
            Word::NoMatch => "لا يوجد ساكن يطابق هذا البحث.",
            Word::Resident => "الساكن",
            Word::ConsentRegister => "سجل الموافقات",
            Word::Purpose => "الغرض",
            Word::Answer => "الجواب",
            Word::Yes => "نعم",
            Word::No => "لا",
            Word::Date => "التاريخ",
            Word::NoticeVersion => "نسخة الإشعار",
            Word::ExportJson => "تصدير بياناته (JSON)",
            Word::ExportCsv => "تصدير بياناته (CSV)",
            Word::Erase => "محو بياناته",
            Word::Reference => "مرجع الطلب (سجل الطلبات)",
            Word::DialogTitle => "محو بيانات هذا الساكن؟",
            Word::WillErase => "سيُمحى من الخادم ومن هنا ومن كل جهاز لوحي في الحملة:",
            Word::WillKeep => "يبقى، دون أي شيء يدل عليه:",
            Word::KeepSignUp => {
                "التسجيل نفسه: أجوبته بنعم أو لا، والتاريخ ونسخة الإشعار (دليل الموافقة)"
            }
            Word::KeepOutcomes => "نتائج الزيارات عند بابه وأرقام المؤشرات",
            Word::KeepDoNotDisturb => "طلب «عدم الإزعاج» وسببه، كي يبقى محترمًا",
            Word::CannotUndo => "لا يمكن التراجع عن المحو.",
            Word::Confirm => "محو نهائي",
            Word::Cancel => "إلغاء",
            Word::ErasedLabel => "مُحي بطلب من الساكن",
            Word::AlreadyErased => "مُحيت البيانات في {date} (المرجع {reference}).",
            Word::ErasureRecorded => {
                "سُجّل المحو. يمحو كل جهاز لوحي هذه البيانات عند مزامنته التالية."
            }
            Word::ErasureFailed => "تعذّر تسجيل المحو: \u{2068}{detail}\u{2069}",
            Word::Retention => "مدة الحفظ",
            Word::RetentionExplain => {
                "تُحفظ بيانات التواصل {months} شهرًا بعد آخر تواصل؛ ويمحو الخادم كل يوم ما تجاوز هذه المدة."
            }
        }
    }
}

impl ErasedField {
    /// What the dialog lists under "will be erased".
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (ErasedField::Details, Locale::Fr) => {
                "son prénom, son nom, son téléphone, son e-mail et sa langue"
            }
            (ErasedField::Details, Locale::En) => {
                "their first and last name, phone, email and language"
            }
            (ErasedField::Details, Locale::Ar) => "اسمه ولقبه وهاتفه وبريده الإلكتروني ولغته",
            (ErasedField::DoorNotes, Locale::Fr) => "les notes des passages à sa porte",
            (ErasedField::DoorNotes, Locale::En) => "the notes of the visits at their door",
            (ErasedField::DoorNotes, Locale::Ar) => "ملاحظات الزيارات عند بابه",
            (ErasedField::ReferralLink, Locale::Fr) => {
                "le lien entre lui et ses orientations vers des partenaires"
            }
            (ErasedField::ReferralLink, Locale::En) => {
                "the link between them and their referrals to partners"
            }
            (ErasedField::ReferralLink, Locale::Ar) => "الربط بينه وبين إحالاته إلى الشركاء",
        }
    }
}

impl ErasureReason {
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (ErasureReason::ResidentRequest, Locale::Fr) => "à la demande du résident",
            (ErasureReason::ResidentRequest, Locale::En) => "at the resident's request",
            (ErasureReason::ResidentRequest, Locale::Ar) => "بطلب من الساكن",
            (ErasureReason::RetentionPeriod, Locale::Fr) => "durée de conservation dépassée",
            (ErasureReason::RetentionPeriod, Locale::En) => "retention period over",
            (ErasureReason::RetentionPeriod, Locale::Ar) => "انتهت مدة الحفظ",
        }
    }
}

impl ErasureProblem {
    pub fn text(&self, locale: Locale) -> &'static str {
        match (self, locale) {
            (ErasureProblem::Fields, Locale::Fr) => "Choisissez au moins une donnée à effacer.",
            (ErasureProblem::Fields, Locale::En) => "Choose at least one kind of data to erase.",
            (ErasureProblem::Fields, Locale::Ar) => "اختر نوعًا واحدًا على الأقل من البيانات لمحوه.",
            (ErasureProblem::Reference, Locale::Fr) => {
                "La référence : 1 à 40 caractères (lettres sans accent, chiffres, - _ . / #), jamais un nom ni un numéro de téléphone."
            }
            (ErasureProblem::Reference, Locale::En) => {
                "The reference: 1 to 40 characters (unaccented letters, digits, - _ . / #), never a name or a phone number."
            }
            (ErasureProblem::Reference, Locale::Ar) => {
                "المرجع: من 1 إلى 40 حرفًا (حروف لاتينية وأرقام و - _ . / #)، وليس اسمًا ولا رقم هاتف أبدًا."
            }
        }
    }
}

/// dd/mm/yyyy, as French readers and Excel expect: the indicators' date format.
pub use crate::indicators::words::date as day_month_year;

/// "3 résidents : coordonnées effacées, plus ancien contact le 02/12/2023".
pub fn retention_summary(purged: usize, oldest: Option<LocalDate>, locale: Locale) -> String {
    let oldest = oldest.map(day_month_year).unwrap_or_default();
    let n = purged.to_string();
    let values = [("n", n.as_str()), ("oldest", oldest.as_str())];
    let template = match (purged, locale) {
        (0, Locale::Fr) => {
            "Aucune coordonnée à effacer : aucun contact ne dépasse la durée de conservation."
        }
        (0, Locale::En) => "No details to erase: no contact is past the retention period.",
        (0, Locale::Ar) => "لا بيانات للمحو: لا تواصل تجاوز مدة الحفظ.",
        (1, Locale::Fr) => "1 résident : coordonnées effacées, dernier contact le {oldest}.",
        (1, Locale::En) => "1 resident's details erased, last contact on {oldest}.",
        (1, Locale::Ar) => "ساكن واحد: مُحيت بياناته، آخر تواصل في {oldest}.",
        (_, Locale::Fr) => "{n} résidents : coordonnées effacées, plus ancien contact le {oldest}.",
        (_, Locale::En) => "{n} residents' details erased, oldest contact on {oldest}.",
        (_, Locale::Ar) => "{n} من السكان: مُحيت بياناتهم، أقدم تواصل في {oldest}.",
    };
    locale.fill_text(template, &values)
}

/// The same, before the run: "3 résidents : coordonnées à effacer, plus ancien contact …".
pub fn retention_due(due: usize, oldest: Option<LocalDate>, locale: Locale) -> String {
    let oldest = oldest.map(day_month_year).unwrap_or_default();
    let n = due.to_string();
    let values = [("n", n.as_str()), ("oldest", oldest.as_str())];
    let template = match (due, locale) {
        (0, Locale::Fr) => "Aucune coordonnée à effacer aujourd'hui.",
        (0, Locale::En) => "No details due for erasure today.",
        (0, Locale::Ar) => "لا بيانات يجب محوها اليوم.",
        (_, Locale::Fr) => {
            "{n} {n|résident|résidents} : coordonnées à effacer, plus ancien contact le {oldest}."
        }
        (_, Locale::En) => {
            "{n} {n|resident|residents} due for erasure, oldest contact on {oldest}."
        }
        (_, Locale::Ar) => "{n} من السكان: بياناتهم للمحو، أقدم تواصل في {oldest}.",
    };
    locale.fill_text(template, &values)
}

/// The name a screen shows for a sign-up: "Awa Diallo", or "effacé à la demande du résident"
/// once an erasure blanked it (`erasure::is_erased_sign_up`), never an empty line.
pub fn shown_name(first_name: &str, last_name: Option<&str>, locale: Locale) -> String {
    match (first_name.is_empty(), last_name) {
        (true, _) => Word::ErasedLabel.text(locale).to_owned(),
        (false, Some(last)) if !last.is_empty() => format!("{first_name} {last}"),
        (false, _) => first_name.to_owned(),
    }
}
