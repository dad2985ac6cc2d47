//! How the exports' headings and fixed values are said in each language. The keys (JSON) never
//! change with the language; the headings (CSV) do.

use crate::consent::Purpose;
use crate::event::Actor;
use crate::i18n::Locale;

use super::Column;

/// Every column an export may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Date,
    PartOfDay,
    Volunteer,
    Residence,
    Building,
    Entrance,
    Floor,
    Apartment,
    LandlordRef,
    Door,
    Outcome,
    ComeBackOn,
    Wellbeing,
    Note,
    DoNotDisturbReason,
    RecordedAt,
    Event,
    Device,
    Resident,
    FirstName,
    LastName,
    Phone,
    Email,
    Language,
    Consent(Purpose),
    NoticeVersion,
    CollectedBy,
}

impl Heading {
    pub fn key(self) -> &'static str {
        use Heading::*;
        match self {
            Date => "date",
            PartOfDay => "part_of_day",
            Volunteer => "volunteer",
            Residence => "residence",
            Building => "building",
            Entrance => "entrance",
            Floor => "floor",
            Apartment => "apartment",
            LandlordRef => "landlord_ref",
            Door => "door",
            Outcome => "outcome",
            ComeBackOn => "come_back_on",
            Wellbeing => "wellbeing",
            Note => "note",
            DoNotDisturbReason => "do_not_disturb_reason",
            RecordedAt => "recorded_at",
            Event => "event",
            Device => "device",
            Resident => "resident",
            FirstName => "first_name",
            LastName => "last_name",
            Phone => "phone",
            Email => "email",
            Language => "language",
            Consent(Purpose::AppContact) => "consent_app_contact",
            Consent(Purpose::ResidenceGroup) => "consent_residence_group",
            Consent(Purpose::PartnerReferral) => "consent_partner_referral",
            NoticeVersion => "notice_version",
            CollectedBy => "collected_by",
        }
    }

    pub fn text(self, locale: Locale) -> &'static str {
        use Heading::*;
        let [fr, en, ar] = match self {
            Date => ["Date", "Date", "التاريخ"],
            PartOfDay => ["Moment de la journée", "Part of day", "فترة اليوم"],
            Volunteer => ["Bénévole", "Volunteer", "المتطوع"],
            Residence => ["Résidence", "Résidence", "الإقامة"],
            Building => ["Bâtiment", "Building", "المبنى"],
            Entrance => ["Entrée", "Entrance", "المدخل"],
            Floor => ["Étage", "Floor", "الطابق"],
            Apartment => ["N° de porte", "Door number", "رقم الباب"],
            LandlordRef => ["Réf. logement", "Landlord's reference", "مرجع المسكن"],
            Door => ["Identifiant de la porte", "Door id", "معرّف الباب"],
            Outcome => ["Résultat", "Outcome", "النتيجة"],
            ComeBackOn => ["À revoir le", "Come back on", "العودة يوم"],
            Wellbeing => [
                "Bien-être (1 à 5)",
                "Wellbeing (1 to 5)",
                "الرفاه (من 1 إلى 5)",
            ],
            Note => ["Note", "Note", "ملاحظة"],
            DoNotDisturbReason => [
                "Raison « ne pas déranger »",
                "Do-not-disturb reason",
                "سبب عدم الإزعاج",
            ],
            RecordedAt => [
                "Enregistré le (heure UTC)",
                "Recorded at (UTC)",
                "وقت التسجيل (UTC)",
            ],
            Event => ["Identifiant de l'événement", "Event id", "معرّف الحدث"],
            Device => ["Appareil", "Device", "الجهاز"],
            Resident => ["Habitant", "Resident", "الساكن"],
            FirstName => ["Prénom", "First name", "الاسم الأول"],
            LastName => ["Nom", "Last name", "اسم العائلة"],
            Phone => ["Téléphone", "Phone", "الهاتف"],
            Email => ["E-mail", "Email", "البريد الإلكتروني"],
            Language => ["Langue", "Language", "اللغة"],
            Consent(Purpose::AppContact) => [
                "Accord : être recontacté(e) pour l'application",
                "Consent: contact about the app",
                "موافقة: التواصل بخصوص التطبيق",
            ],
            Consent(Purpose::ResidenceGroup) => [
                "Accord : groupe de la résidence",
                "Consent: résidence group",
                "موافقة: مجموعة الإقامة",
            ],
            Consent(Purpose::PartnerReferral) => [
                "Accord : mise en relation avec un partenaire",
                "Consent: referral to a partner",
                "موافقة: الربط بجهة شريكة",
            ],
            NoticeVersion => ["Version de la notice", "Notice version", "نسخة الإشعار"],
            CollectedBy => ["Recueilli par", "Collected by", "جمعها"],
        };
        match locale {
            Locale::Fr => fr,
            Locale::En => en,
            Locale::Ar => ar,
        }
    }

    pub fn column(self, locale: Locale) -> Column {
        Column {
            key: self.key(),
            heading: self.text(locale),
        }
    }
}

pub fn yes_no(value: bool, locale: Locale) -> &'static str {
    match (value, locale) {
        (true, Locale::Fr) => "oui",
        (false, Locale::Fr) => "non",
        (true, Locale::En) => "yes",
        (false, Locale::En) => "no",
        (true, Locale::Ar) => "نعم",
        (false, Locale::Ar) => "لا",
    }
}

/// Who recorded something, when it was not a named person.
pub fn actor_kind(actor: &Actor, locale: Locale) -> Option<&'static str> {
    match (actor, locale) {
        (Actor::Volunteer { .. } | Actor::Coordinator { .. }, _) => None,
        (Actor::Kiosk, Locale::Fr) => Some("Borne du hall"),
        (Actor::Kiosk, Locale::En) => Some("Lobby kiosk"),
        (Actor::Kiosk, Locale::Ar) => Some("شاشة البهو"),
        (Actor::Device, Locale::Fr) => Some("Appareil"),
        (Actor::Device, Locale::En) => Some("Device"),
        (Actor::Device, Locale::Ar) => Some("الجهاز"),
    }
}
