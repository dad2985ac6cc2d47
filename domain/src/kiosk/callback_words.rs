//! The words of the coordinators' "Demandes de rappel (borne)" screen, in every interface
//! language.

use super::knowledge::Topic;
use crate::i18n::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackWord {
    Title,
    Intro,
    ToCall,
    Handled,
    NoneToCall,
    NoneHandled,
    MarkHandled,
    Refresh,
    Asked,
    Question,
    NoQuestion,
    Language,
    Topic,
    /// "Traitée par {name} le {when}".
    HandledBy,
    Erased,
    MarkedHandled,
    /// "{n}" requests.
    Count,
    ChooseCampaign,
}

impl CallbackWord {
    pub const ALL: [CallbackWord; 18] = [
        CallbackWord::Title,
        CallbackWord::Intro,
        CallbackWord::ToCall,
        CallbackWord::Handled,
        CallbackWord::NoneToCall,
        CallbackWord::NoneHandled,
        CallbackWord::MarkHandled,
        CallbackWord::Refresh,
        CallbackWord::Asked,
        CallbackWord::Question,
        CallbackWord::NoQuestion,
        CallbackWord::Language,
        CallbackWord::Topic,
        CallbackWord::HandledBy,
        CallbackWord::Erased,
        CallbackWord::MarkedHandled,
        CallbackWord::Count,
        CallbackWord::ChooseCampaign,
    ];

    pub fn text(self, locale: Locale) -> &'static str {
        use CallbackWord::*;
        match (self, locale) {
            (Title, Locale::Fr) => "Demandes de rappel (borne du hall)",
            (Title, Locale::En) => "Callback requests (lobby kiosk)",
            (Title, Locale::Ar) => "طلبات معاودة الاتصال (شاشة البهو)",
            (Intro, Locale::Fr) => {
                "Les habitants qui ont demandé à être rappelés depuis la borne. Appelez-les dans \
                 leur langue, puis marquez la demande comme traitée."
            }
            (Intro, Locale::En) => {
                "Residents who asked at the kiosk to be called back. Call them in their language, \
                 then mark the request as handled."
            }
            (Intro, Locale::Ar) => {
                "السكان الذين طلبوا من الشاشة أن نعاود الاتصال بهم. اتصلوا بهم بلغتهم، ثم ضعوا \
                 علامة على أن الطلب عولج."
            }
            (ToCall, Locale::Fr) => "À rappeler",
            (ToCall, Locale::En) => "To call back",
            (ToCall, Locale::Ar) => "للاتصال",
            (Handled, Locale::Fr) => "Traitées",
            (Handled, Locale::En) => "Handled",
            (Handled, Locale::Ar) => "عولجت",
            (NoneToCall, Locale::Fr) => "Personne à rappeler pour l'instant.",
            (NoneToCall, Locale::En) => "Nobody to call back for now.",
            (NoneToCall, Locale::Ar) => "لا أحد للاتصال به حاليًا.",
            (NoneHandled, Locale::Fr) => "Aucune demande traitée.",
            (NoneHandled, Locale::En) => "No request handled yet.",
            (NoneHandled, Locale::Ar) => "لم يُعالج أي طلب بعد.",
            (MarkHandled, Locale::Fr) => "Marquer comme traitée",
            (MarkHandled, Locale::En) => "Mark as handled",
            (MarkHandled, Locale::Ar) => "وضع علامة: عولج",
            (Refresh, Locale::Fr) => "Actualiser",
            (Refresh, Locale::En) => "Refresh",
            (Refresh, Locale::Ar) => "تحديث",
            (Asked, Locale::Fr) => "Demandé le",
            (Asked, Locale::En) => "Asked on",
            (Asked, Locale::Ar) => "طُلب في",
            (Question, Locale::Fr) => "Question posée",
            (Question, Locale::En) => "Question asked",
            (Question, Locale::Ar) => "السؤال المطروح",
            (NoQuestion, Locale::Fr) => "(pas de question jointe)",
            (NoQuestion, Locale::En) => "(no question attached)",
            (NoQuestion, Locale::Ar) => "(لا يوجد سؤال مرفق)",
            (Language, Locale::Fr) => "Langue",
            (Language, Locale::En) => "Language",
            (Language, Locale::Ar) => "اللغة",
            (Topic, Locale::Fr) => "Sujet",
            (Topic, Locale::En) => "Topic",
            (Topic, Locale::Ar) => "الموضوع",
            (HandledBy, Locale::Fr) => "Traitée par {name} le {when}",
            (HandledBy, Locale::En) => "Handled by {name} on {when}",
            (HandledBy, Locale::Ar) => "عالجه {name} في {when}",
            (Erased, Locale::Fr) => "Coordonnées effacées (protection des données)",
            (Erased, Locale::En) => "Contact details erased (data protection)",
            (Erased, Locale::Ar) => "بيانات الاتصال محذوفة (حماية البيانات)",
            (MarkedHandled, Locale::Fr) => "Demande marquée comme traitée.",
            (MarkedHandled, Locale::En) => "Request marked as handled.",
            (MarkedHandled, Locale::Ar) => "تم وضع علامة: الطلب عولج.",
            (Count, Locale::Fr) => "{n} demande(s)",
            (Count, Locale::En) => "{n} request(s)",
            (Count, Locale::Ar) => "{n} طلب",
            (ChooseCampaign, Locale::Fr) => {
                "Choisissez la campagne dans « Importer le journal de la campagne »."
            }
            (ChooseCampaign, Locale::En) => "Choose the campaign in “Import the campaign's log”.",
            (ChooseCampaign, Locale::Ar) => "اختاروا الحملة في «استيراد سجل الحملة».",
        }
    }
}

/// The kiosk's callback form words the kiosk's own `KioskText` does not carry, in its seven
/// languages (easy-to-read French as French).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackFormWord {
    /// Under the form: who will read it.
    Intro,
    /// The box that sends the question along; never ticked in advance.
    AttachQuestion,
    Send,
    /// The kiosk has no campaign key yet: no request can be taken.
    Unavailable,
}

impl CallbackFormWord {
    pub const ALL: [CallbackFormWord; 4] = [
        CallbackFormWord::Intro,
        CallbackFormWord::AttachQuestion,
        CallbackFormWord::Send,
        CallbackFormWord::Unavailable,
    ];

    pub fn says(self, lang: super::KioskLanguage) -> &'static str {
        use super::KioskLanguage as L;
        use CallbackFormWord::*;
        match (self, lang) {
            (Intro, L::Fr | L::FrEasy) => {
                "Laissez votre prénom et un téléphone ou un e-mail : l'équipe du bailleur vous                  rappellera. Seule l'équipe peut lire ces informations."
            }
            (Intro, L::En) => {
                "Leave your first name and a phone number or e-mail: the landlord's team will call                  you back. Only the team can read this."
            }
            (Intro, L::Ar) => {
                "اترك اسمك الأول ورقم هاتف أو بريدًا إلكترونيًا: سيتصل بك فريق المؤجر. الفريق وحده                  يمكنه قراءة هذه المعلومات."
            }
            (Intro, L::Es) => {
                "Deje su nombre y un teléfono o un e-mail: el equipo del arrendador le llamará.                  Solo el equipo puede leerlo."
            }
            (Intro, L::Pt) => {
                "Deixe o seu nome e um telefone ou e-mail: a equipa do senhorio vai ligar-lhe. Só                  a equipa pode ler isto."
            }
            (Intro, L::Tr) => {
                "Adınızı ve bir telefon ya da e-posta bırakın: ev sahibinin ekibi sizi arayacak.                  Bunu yalnızca ekip okuyabilir."
            }
            (AttachQuestion, L::Fr | L::FrEasy) => "Joindre ma question à la demande",
            (AttachQuestion, L::En) => "Send my question with the request",
            (AttachQuestion, L::Ar) => "إرفاق سؤالي بالطلب",
            (AttachQuestion, L::Es) => "Enviar mi pregunta con la solicitud",
            (AttachQuestion, L::Pt) => "Enviar a minha pergunta com o pedido",
            (AttachQuestion, L::Tr) => "Sorumu talebe ekle",
            (Send, L::Fr | L::FrEasy) => "Envoyer la demande",
            (Send, L::En) => "Send the request",
            (Send, L::Ar) => "إرسال الطلب",
            (Send, L::Es) => "Enviar la solicitud",
            (Send, L::Pt) => "Enviar o pedido",
            (Send, L::Tr) => "Talebi gönder",
            (Unavailable, L::Fr | L::FrEasy) => {
                "Cette borne ne peut pas encore prendre de demande de rappel : adressez-vous à                  votre bailleur."
            }
            (Unavailable, L::En) => {
                "This kiosk cannot take callback requests yet: please contact your landlord."
            }
            (Unavailable, L::Ar) => {
                "لا تستطيع هذه الشاشة استقبال طلبات معاودة الاتصال بعد: يرجى التواصل مع المؤجر."
            }
            (Unavailable, L::Es) => {
                "Este terminal aún no puede recibir solicitudes: diríjase a su arrendador."
            }
            (Unavailable, L::Pt) => {
                "Este terminal ainda não pode receber pedidos: contacte o seu senhorio."
            }
            (Unavailable, L::Tr) => {
                "Bu terminal henüz geri arama talebi alamıyor: lütfen ev sahibinize başvurun."
            }
        }
    }
}

/// What a request is about, as the coordinators read it.
pub fn topic_label(topic: Topic, locale: Locale) -> &'static str {
    match (topic, locale) {
        (Topic::NeighbourhoodApp, Locale::Fr) => "L'application de quartier",
        (Topic::NeighbourhoodApp, Locale::En) => "The neighbourhood app",
        (Topic::NeighbourhoodApp, Locale::Ar) => "تطبيق الحي",
        (Topic::SigningUp, Locale::Fr) => "L'inscription",
        (Topic::SigningUp, Locale::En) => "Signing up",
        (Topic::SigningUp, Locale::Ar) => "التسجيل",
        (Topic::DataProtection, Locale::Fr) => "Données personnelles et droits",
        (Topic::DataProtection, Locale::En) => "Personal data and rights",
        (Topic::DataProtection, Locale::Ar) => "البيانات الشخصية والحقوق",
        (Topic::LandlordServices, Locale::Fr) => "Services du bailleur",
        (Topic::LandlordServices, Locale::En) => "The landlord's services",
        (Topic::LandlordServices, Locale::Ar) => "خدمات المؤجر",
        (Topic::LocalPartners, Locale::Fr) => "Partenaires du quartier",
        (Topic::LocalPartners, Locale::En) => "Local partners",
        (Topic::LocalPartners, Locale::Ar) => "شركاء الحي",
        (Topic::ThisCampaign, Locale::Fr) => "La borne et la campagne",
        (Topic::ThisCampaign, Locale::En) => "The kiosk and the campaign",
        (Topic::ThisCampaign, Locale::Ar) => "الشاشة والحملة",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_written_in_every_language_with_its_placeholders() {
        for locale in Locale::ALL {
            for word in CallbackWord::ALL {
                assert!(!word.text(locale).trim().is_empty(), "{word:?} {locale:?}");
            }
            for hole in ["{name}", "{when}"] {
                assert!(CallbackWord::HandledBy.text(locale).contains(hole));
            }
            assert!(CallbackWord::Count.text(locale).contains("{n}"));
            assert!(!topic_label(Topic::LandlordServices, locale).is_empty());
        }
        for lang in super::super::KioskLanguage::ALL {
            for word in CallbackFormWord::ALL {
                assert!(!word.says(lang).trim().is_empty(), "{word:?} {lang:?}");
            }
        }
    }
}
