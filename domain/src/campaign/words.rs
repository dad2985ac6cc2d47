//! How the campaign screens say things, in each interface language: the editor's labels and
//! every problem of a change in plain words. One exhaustive `match`, three languages per line,
//! so a missing translation does not compile.

use super::edit::{
    MAX_APP_NAME_CHARS, MAX_CONTACT_CHARS, MAX_JOIN_LINK_CHARS, MAX_NAME_CHARS,
    MAX_TERRITORY_CHARS, SettingProblem,
};
use crate::i18n::{Locale, fill};
use crate::kiosk::{MAX_ANSWER_CHARS, PinProblem};

fn say(locale: Locale, fr: &'static str, en: &'static str, ar: &'static str) -> &'static str {
    match locale {
        Locale::Fr => fr,
        Locale::En => en,
        Locale::Ar => ar,
    }
}

/// The campaign editor's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CampaignText {
    Heading,
    General,
    NewCampaign,
    CampaignName,
    TerritoryLabel,
    TerritoryHint,
    Create,
    Created,
    Edit,
    SettingsOf,
    Presentation,
    AppName,
    AppNameHint,
    JoinLinks,
    JoinLinksHint,
    OtherResidence,
    Kiosk,
    IdleDelay,
    LandlordName,
    LandlordPhone,
    EmergencyPhone,
    Caretaker,
    RentContact,
    DataContact,
    Pin,
    NewPin,
    PinAgain,
    PinSet,
    PinNotSet,
    PinHashing,
    Knowledge,
    KnowledgeHint,
    Question,
    Answer,
    Hide,
    PutBack,
    HiddenEntry,
    Changed,
    AddEntry,
    Language,
    Retention,
    RetentionMonths,
    Save,
    Saved,
    Volunteers,
    VolunteersHint,
    NoVolunteers,
    VolunteerName,
    LastActivity,
    Records,
    Tablets,
    Close,
    LastChange,
    Loading,
    Saving,
    KnowledgeUnusable,
    NewEntryHint,
    Residence,
    ImportedLink,
}

impl CampaignText {
    pub fn text(self, l: Locale) -> &'static str {
        use CampaignText::*;
        match self {
            Heading => say(l, "Campagnes", "Campaigns", "الحملات"),
            General => say(l, "La campagne", "The campaign", "الحملة"),
            NewCampaign => say(l, "Nouvelle campagne", "New campaign", "حملة جديدة"),
            CampaignName => say(l, "Nom de la campagne", "Campaign name", "اسم الحملة"),
            TerritoryLabel => say(
                l,
                "Territoire couvert",
                "Territory covered",
                "المنطقة المشمولة",
            ),
            TerritoryHint => say(
                l,
                "Un simple nom. Les portes viennent du fichier du bailleur rattaché dans « Territoire de la campagne », ou importé sur un appareil.",
                "Just a name. The doors come from the landlord's file attached in \"Campaign territory\", or imported on a device.",
                "مجرد اسم. تأتي الأبواب من ملف الجهة المؤجرة المرفق في «منطقة الحملة»، أو المستورد على جهاز.",
            ),
            Create => say(
                l,
                "Créer la campagne",
                "Create the campaign",
                "إنشاء الحملة",
            ),
            Created => say(
                l,
                "Campagne créée : {name}",
                "Campaign created: {name}",
                "تم إنشاء الحملة: {name}",
            ),
            Edit => say(l, "Réglages", "Settings", "الإعدادات"),
            SettingsOf => say(
                l,
                "Réglages de « {name} »",
                "Settings of \"{name}\"",
                "إعدادات «{name}»",
            ),
            Presentation => say(
                l,
                "Présentation de l'application du quartier",
                "Neighbourhood app presentation",
                "تقديم تطبيق الحي",
            ),
            AppName => say(l, "Nom de l'application", "App name", "اسم التطبيق"),
            AppNameHint => say(
                l,
                "Vide : le nom par défaut des diapositives.",
                "Empty: the slides' default name.",
                "فارغ: الاسم الافتراضي في الشرائح.",
            ),
            JoinLinks => say(
                l,
                "Liens d'inscription par résidence",
                "Join links per résidence",
                "روابط التسجيل حسب الإقامة",
            ),
            JoinLinksHint => say(
                l,
                "Une adresse https:// complète, montrée en QR code à la fin de la présentation. Vide : le lien du fichier importé.",
                "A full https:// address, shown as a QR code at the end of the presentation. Empty: the imported file's link.",
                "عنوان https:// كامل يظهر كرمز QR في نهاية التقديم. فارغ: رابط الملف المستورد.",
            ),
            OtherResidence => say(
                l,
                "Autre résidence (identifiant)",
                "Other résidence (id)",
                "إقامة أخرى (المعرّف)",
            ),
            Kiosk => say(l, "Borne du hall", "Lobby kiosk", "شاشة المدخل"),
            IdleDelay => say(
                l,
                "Secondes sans toucher l'écran avant « Vous êtes toujours là ? » (20 à 600)",
                "Seconds without a touch before \"Are you still there?\" (20 to 600)",
                "عدد الثواني دون لمس قبل «هل ما زلت هنا؟» (من 20 إلى 600)",
            ),
            LandlordName => say(l, "Nom du bailleur", "Landlord's name", "اسم الجهة المؤجرة"),
            LandlordPhone => say(
                l,
                "Service clientèle (numéro, horaires)",
                "Customer service (number, hours)",
                "خدمة الزبائن (الرقم، المواعيد)",
            ),
            EmergencyPhone => say(
                l,
                "Urgences (nuits, week-ends)",
                "Emergencies (nights, week-ends)",
                "الطوارئ (الليل، نهاية الأسبوع)",
            ),
            Caretaker => say(
                l,
                "Gardien (où, quand, comment l'appeler)",
                "Caretaker (where, when, how to call)",
                "الحارس (أين، متى، كيف يُتصل به)",
            ),
            RentContact => say(
                l,
                "Loyer et charges",
                "Rent and charges",
                "الإيجار والتكاليف",
            ),
            DataContact => say(
                l,
                "Contact données personnelles",
                "Personal data contact",
                "جهة الاتصال للبيانات الشخصية",
            ),
            Pin => say(
                l,
                "Code de sortie de la borne",
                "Kiosk exit PIN",
                "رمز الخروج من الشاشة",
            ),
            NewPin => say(
                l,
                "Nouveau code (6 à 12 chiffres)",
                "New PIN (6 to 12 digits)",
                "رمز جديد (من 6 إلى 12 رقمًا)",
            ),
            PinAgain => say(
                l,
                "Le même code, encore une fois",
                "The same PIN again",
                "الرمز نفسه مرة أخرى",
            ),
            PinSet => say(
                l,
                "Un code est défini ; seule son empreinte est enregistrée, jamais le code.",
                "A PIN is set; only its hash is stored, never the PIN.",
                "تم تعيين رمز؛ تُحفظ بصمته فقط، وليس الرمز نفسه.",
            ),
            PinNotSet => say(
                l,
                "Aucun code défini par la coordination.",
                "No PIN set by the coordination.",
                "لم تحدد التنسيقية أي رمز.",
            ),
            PinHashing => say(
                l,
                "Protection du code…",
                "Protecting the PIN…",
                "جارٍ حماية الرمز…",
            ),
            Knowledge => say(
                l,
                "Questions et réponses de la borne",
                "Kiosk questions and answers",
                "أسئلة وأجوبة الشاشة",
            ),
            KnowledgeHint => say(
                l,
                "Mots remplacés à l'affichage : {app}, {landlord}, {landlord_phone}, {emergency_phone}, {caretaker}, {rent_contact}, {data_contact}, {partners}, {retention_years}.",
                "Words filled in when shown: {app}, {landlord}, {landlord_phone}, {emergency_phone}, {caretaker}, {rent_contact}, {data_contact}, {partners}, {retention_years}.",
                "كلمات تُستبدل عند العرض: {app}، {landlord}، {landlord_phone}، {emergency_phone}، {caretaker}، {rent_contact}، {data_contact}، {partners}، {retention_years}.",
            ),
            Question => say(l, "Question", "Question", "السؤال"),
            Answer => say(l, "Réponse", "Answer", "الجواب"),
            Hide => say(l, "Masquer", "Hide", "إخفاء"),
            PutBack => say(l, "Remettre", "Put back", "إرجاع"),
            HiddenEntry => say(l, "Masquée", "Hidden", "مخفي"),
            Changed => say(l, "Modifiée", "Changed", "معدّل"),
            AddEntry => say(l, "Ajouter une question", "Add a question", "إضافة سؤال"),
            Language => say(l, "Langue", "Language", "اللغة"),
            Retention => say(
                l,
                "Conservation des données",
                "Data retention",
                "مدة حفظ البيانات",
            ),
            RetentionMonths => say(
                l,
                "Mois de conservation après le dernier contact (1 à 120 ; 36 = 3 ans)",
                "Months kept after the last contact (1 to 120; 36 = 3 years)",
                "عدد أشهر الحفظ بعد آخر تواصل (من 1 إلى 120؛ 36 = 3 سنوات)",
            ),
            Save => say(l, "Enregistrer", "Save", "حفظ"),
            Saved => say(
                l,
                "Enregistré. Les appareils de la campagne le recevront à leur prochaine synchronisation.",
                "Saved. The campaign's devices get it at their next sync.",
                "تم الحفظ. ستتلقاه أجهزة الحملة عند المزامنة التالية.",
            ),
            Volunteers => say(l, "Bénévoles", "Volunteers", "المتطوعون"),
            VolunteersHint => say(
                l,
                "Les prénoms vus dans le journal importé de la campagne, avec leur dernière activité.",
                "First names seen in the campaign's imported log, with their last activity.",
                "الأسماء الظاهرة في سجل الحملة المستورد، مع آخر نشاط لكل منهم.",
            ),
            NoVolunteers => say(
                l,
                "Aucun bénévole dans le journal importé : importez le journal de la campagne.",
                "No volunteer in the imported log: import the campaign's log.",
                "لا يوجد متطوع في السجل المستورد: استورد سجل الحملة.",
            ),
            VolunteerName => say(l, "Prénom", "First name", "الاسم"),
            LastActivity => say(l, "Dernière activité", "Last activity", "آخر نشاط"),
            Records => say(l, "Enregistrements", "Records", "التسجيلات"),
            Tablets => say(l, "Tablettes", "Tablets", "الأجهزة اللوحية"),
            Close => say(l, "Fermer", "Close", "إغلاق"),
            LastChange => say(
                l,
                "Dernière modification : {name}",
                "Last changed by {name}",
                "آخر تعديل: {name}",
            ),
            Loading => say(l, "Chargement…", "Loading…", "جارٍ التحميل…"),
            Saving => say(l, "Enregistrement…", "Saving…", "جارٍ الحفظ…"),
            KnowledgeUnusable => say(
                l,
                "La borne ne pourrait pas utiliser ces questions (détail technique ci-après) :",
                "The kiosk could not use these questions (technical detail follows):",
                "لن تتمكن الشاشة من استعمال هذه الأسئلة (التفاصيل التقنية بعده):",
            ),
            NewEntryHint => say(
                l,
                "Écrivez-la d'abord en français : les autres langues s'ajoutent ensuite, en choisissant la langue ci-dessus.",
                "Write it in French first: other languages are added afterwards, by choosing the language above.",
                "اكتبه أولًا بالفرنسية: تُضاف اللغات الأخرى بعد ذلك باختيار اللغة أعلاه.",
            ),
            Residence => say(l, "Résidence", "Résidence", "الإقامة"),
            ImportedLink => say(
                l,
                "Lien du fichier importé : {link}",
                "Imported file's link: {link}",
                "رابط الملف المستورد: {link}",
            ),
        }
    }
}

impl SettingProblem {
    /// The problem in plain words, saying what to do.
    pub fn message(&self, l: Locale) -> String {
        let n = |v: usize| v.to_string();
        let with = |template: &str, values: &[(&str, &str)]| fill(template, values);
        match self {
            SettingProblem::NoEdits => say(l, "Rien n'a changé.", "Nothing changed.", "لم يتغير شيء.").into(),
            SettingProblem::UnknownField { key } => with(
                say(l, "Réglage inconnu : {key}.", "Unknown setting: {key}.", "إعداد غير معروف: {key}."),
                &[("key", key)],
            ),
            SettingProblem::NameEmpty => say(l, "Donnez un nom à la campagne.", "Give the campaign a name.", "أعطِ الحملة اسمًا.").into(),
            SettingProblem::NameTooLong => with(
                say(l, "Le nom a au plus {n} caractères.", "The name has at most {n} characters.", "الاسم لا يتجاوز {n} حرفًا."),
                &[("n", &n(MAX_NAME_CHARS))],
            ),
            SettingProblem::TerritoryTooLong => with(
                say(l, "Le territoire a au plus {n} caractères.", "The territory has at most {n} characters.", "وصف المنطقة لا يتجاوز {n} حرفًا."),
                &[("n", &n(MAX_TERRITORY_CHARS))],
            ),
            SettingProblem::AppNameTooLong => with(
                say(l, "Le nom de l'application a au plus {n} caractères.", "The app name has at most {n} characters.", "اسم التطبيق لا يتجاوز {n} حرفًا."),
                &[("n", &n(MAX_APP_NAME_CHARS))],
            ),
            SettingProblem::ResidenceEmpty => say(l, "Indiquez la résidence du lien.", "Say which résidence the link is for.", "حدد الإقامة الخاصة بالرابط.").into(),
            SettingProblem::JoinLinkNotHttps => say(
                l,
                "Un lien d'inscription est une adresse complète qui commence par https://, sans espace.",
                "A join link is a full address starting with https://, without spaces.",
                "رابط التسجيل عنوان كامل يبدأ بـ https:// ودون مسافات.",
            ).into(),
            SettingProblem::JoinLinkTooLong => with(
                say(l, "Un lien d'inscription a au plus {n} caractères (il doit tenir dans un QR code lisible).", "A join link has at most {n} characters (it must fit a readable QR code).", "رابط التسجيل لا يتجاوز {n} حرفًا (ليتسع له رمز QR مقروء)."),
                &[("n", &n(MAX_JOIN_LINK_CHARS))],
            ),
            SettingProblem::IdleOutOfRange { seconds } => with(
                say(l, "Le délai de la borne va de 20 à 600 secondes ; {s} n'en fait pas partie.", "The kiosk's delay is 20 to 600 seconds; {s} is not.", "مهلة الشاشة بين 20 و600 ثانية؛ والقيمة {s} خارجها."),
                &[("s", &seconds.to_string())],
            ),
            SettingProblem::ContactTooLong => with(
                say(l, "Chaque contact du bailleur a au plus {n} caractères.", "Each landlord contact has at most {n} characters.", "كل جهة اتصال للمؤجر لا تتجاوز {n} حرفًا."),
                &[("n", &n(MAX_CONTACT_CHARS))],
            ),
            SettingProblem::PinRecordMalformed => say(
                l,
                "Le code n'a pas été protégé correctement ; saisissez-le à nouveau.",
                "The PIN was not protected properly; type it again.",
                "لم تتم حماية الرمز بشكل صحيح؛ أدخله مرة أخرى.",
            ).into(),
            SettingProblem::EntryIdBad { entry } => with(
                say(l, "« {id} » n'est pas un identifiant de question (lettres minuscules, chiffres, _ et -).", "\"{id}\" is not a question id (lowercase letters, digits, _ and -).", "«{id}» ليس معرّف سؤال (أحرف لاتينية صغيرة وأرقام و_ و-)."),
                &[("id", entry)],
            ),
            SettingProblem::QuestionEmpty => say(l, "Écrivez la question.", "Write the question.", "اكتب السؤال.").into(),
            SettingProblem::AnswerEmpty => say(l, "Écrivez la réponse.", "Write the answer.", "اكتب الجواب.").into(),
            SettingProblem::AnswerTooLong { chars } => with(
                say(l, "Une réponse a au plus {max} caractères ; celle-ci en a {n}.", "An answer has at most {max} characters; this one has {n}.", "الجواب لا يتجاوز {max} حرفًا؛ وهذا فيه {n}."),
                &[("max", &n(MAX_ANSWER_CHARS)), ("n", &n(*chars))],
            ),
            SettingProblem::UnknownPlaceholder { name } => with(
                say(l, "{{name}} n'est pas un mot que la borne sait remplacer.", "{{name}} is not a word the kiosk can fill in.", "{{name}} ليست كلمة تعرف الشاشة استبدالها."),
                &[("name", name)],
            ),
            SettingProblem::RetentionOutOfRange { months } => with(
                say(l, "La conservation va de 1 à 120 mois ; {m} n'en fait pas partie.", "Retention is 1 to 120 months; {m} is not.", "مدة الحفظ بين 1 و120 شهرًا؛ والقيمة {m} خارجها."),
                &[("m", &months.to_string())],
            ),
            SettingProblem::Pin(problem) => pin_problem(*problem, l).into(),
            SettingProblem::PinsDiffer => say(l, "Les deux codes ne sont pas les mêmes.", "The two PINs are not the same.", "الرمزان غير متطابقين.").into(),
        }
    }
}

fn pin_problem(problem: PinProblem, l: Locale) -> &'static str {
    match problem {
        PinProblem::Empty => say(l, "Saisissez un code.", "Type a PIN.", "أدخل رمزًا."),
        PinProblem::NotDigits => say(
            l,
            "Le code n'a que des chiffres.",
            "The PIN has digits only.",
            "الرمز أرقام فقط.",
        ),
        PinProblem::TooShort => say(
            l,
            "Le code a au moins 6 chiffres.",
            "The PIN has at least 6 digits.",
            "الرمز 6 أرقام على الأقل.",
        ),
        PinProblem::TooLong => say(
            l,
            "Le code a au plus 12 chiffres.",
            "The PIN has at most 12 digits.",
            "الرمز 12 رقمًا على الأكثر.",
        ),
        PinProblem::TooEasy => say(
            l,
            "Ce code est trop facile à deviner (chiffres répétés ou qui se suivent) ; choisissez-en un autre.",
            "This PIN is too easy to guess (repeated or consecutive digits); choose another.",
            "هذا الرمز سهل التخمين (أرقام مكررة أو متتالية)؛ اختر رمزًا آخر.",
        ),
    }
}
