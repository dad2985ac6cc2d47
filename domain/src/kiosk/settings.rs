//! The kiosk's campaign settings: how long it waits before the "still there?" warning, how long
//! the warning lasts, and the landlord's contacts that answers refer to. The numbers are never
//! written into answers: they are settings, filled in when an answer is shown, and an unset one
//! reads as "the number posted in your hall" rather than a made-up number.

use serde::{Deserialize, Serialize};

use super::language::KioskLanguage;
use crate::consent::current_notice;
use crate::in_sentence::in_sentence;

/// Kiosk software commonly resets after 30 to 60 s without a touch; 60 s leaves time to read an
/// answer.
pub const DEFAULT_IDLE_S: u32 = 60;
/// WCAG 2.2 SC 2.2.1 asks for at least 20 s to extend a time limit with one simple action.
pub const MIN_WARNING_S: u32 = 20;
/// A little more than the minimum, for residents who read slowly.
pub const DEFAULT_WARNING_S: u32 = 30;
/// Bounds on the idle time a coordinator may set: shorter would interrupt reading, longer would
/// leave a resident's screen open to the next person.
pub const IDLE_RANGE_S: std::ops::RangeInclusive<u32> = 20..=600;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KioskSettings {
    /// Seconds without a touch before the warning.
    pub idle_s: u32,
    /// Seconds the warning counts down before everything is wiped.
    pub warning_s: u32,
    pub contacts: LandlordContacts,
}

impl Default for KioskSettings {
    fn default() -> KioskSettings {
        KioskSettings {
            idle_s: DEFAULT_IDLE_S,
            warning_s: DEFAULT_WARNING_S,
            contacts: LandlordContacts::default(),
        }
    }
}

impl KioskSettings {
    /// The idle time in force: a stored value out of range is brought back into it rather than
    /// refused, since a kiosk must keep working with whatever it synced.
    pub fn idle_ms(&self) -> u64 {
        let s = self
            .idle_s
            .clamp(*IDLE_RANGE_S.start(), *IDLE_RANGE_S.end());
        u64::from(s) * 1000
    }

    /// Never under [`MIN_WARNING_S`], whatever was stored; never over two minutes either.
    pub fn warning_ms(&self) -> u64 {
        u64::from(self.warning_s.clamp(MIN_WARNING_S, 120)) * 1000
    }
}

/// How residents reach the landlord, as the coordinator writes it: a number with its opening
/// hours, a place ("loge au RDC du bâtiment A, du lundi au vendredi, 8 h – 12 h"). Empty means
/// not set yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LandlordContacts {
    /// `{landlord}`: the landlord's name as residents know it.
    pub name: String,
    /// `{landlord_phone}`: the customer service ("service clientèle", "agence").
    pub phone: String,
    /// `{emergency_phone}`: the line for nights, week-ends and holidays.
    pub emergency_phone: String,
    /// `{caretaker}`: where and when to find the gardien, and how to call them.
    pub caretaker: String,
    /// `{rent_contact}`: where rent and charges questions go.
    pub rent_contact: String,
    /// `{data_contact}`: where to write about one's personal data (as in the sign-up notice).
    pub data_contact: String,
}

/// What fills the placeholders of an answer at the moment it is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerValues {
    /// The neighbourhood app's name (the presentation's `app_name`).
    pub app_name: String,
    pub contacts: LandlordContacts,
    /// The local partners from the partner directory, one per line ("Centre social Nelson
    /// Mandela, 12 rue…, 01 …"), as the app lists them; empty when the directory is.
    pub partners: String,
}

impl AnswerValues {
    /// The placeholders still without a value, for the coordinator's settings screen: answers
    /// then fall back to "posted in your hall".
    pub fn missing(&self) -> Vec<&'static str> {
        super::knowledge::PLACEHOLDERS
            .into_iter()
            .filter(|name| self.value(name).is_none())
            .collect()
    }

    fn value(&self, name: &str) -> Option<String> {
        let c = &self.contacts;
        let value = match name {
            // Not a campaign setting: the notice shown at sign-up says it, and an answer must
            // never say otherwise.
            "retention_years" => return Some(current_notice().retention_years.to_string()),
            "app" => &self.app_name,
            "landlord" => &c.name,
            "landlord_phone" => &c.phone,
            "emergency_phone" => &c.emergency_phone,
            "caretaker" => &c.caretaker,
            "rent_contact" => &c.rent_contact,
            "data_contact" => &c.data_contact,
            "partners" => &self.partners,
            _ => return None,
        };
        Some(value.trim().to_owned()).filter(|v| !v.is_empty())
    }

    /// The text with each placeholder replaced by its value, or by the plain-words fallback of
    /// the language the text is written in.
    pub fn fill(&self, text: &str, written_in: KioskLanguage) -> String {
        let mut out = text.to_owned();
        for name in super::knowledge::PLACEHOLDERS {
            let pattern = format!("{{{name}}}");
            if out.contains(&pattern) {
                let value = self.value(name).map_or_else(
                    || fallback(name, written_in).to_owned(),
                    |v| in_sentence(&v, written_in.is_rtl()),
                );
                out = out.replace(&pattern, &value);
            }
        }
        out
    }
}

/// What an answer says when the coordinator has not set a value: where the information really is
/// (landlords post their numbers in every hall), never an invented number.
fn fallback(name: &str, lang: KioskLanguage) -> &'static str {
    use KioskLanguage::*;
    match (name, lang) {
        ("app", Fr | FrEasy) => "l'application du quartier",
        ("app", En) => "the neighbourhood app",
        ("app", Ar) => "تطبيق الحي",
        ("app", Es) => "la aplicación del barrio",
        ("app", Pt) => "a aplicação do bairro",
        ("app", Tr) => "mahalle uygulaması",
        ("landlord", Fr | FrEasy) => "votre bailleur",
        ("landlord", En) => "your landlord",
        ("landlord", Ar) => "الجهة المؤجرة لسكنك",
        ("landlord", Es) => "su arrendador",
        ("landlord", Pt) => "o seu senhorio",
        ("landlord", Tr) => "ev sahibiniz olan kurum",
        ("emergency_phone", Fr) => "le numéro d'urgence affiché dans le hall de votre immeuble",
        ("emergency_phone", FrEasy) => "le numéro d'urgence écrit sur l'affiche du hall",
        ("emergency_phone", En) => "the emergency number posted in your building's entrance hall",
        ("emergency_phone", Ar) => "رقم الطوارئ المعلق في مدخل عمارتك",
        ("emergency_phone", Es) => "el número de urgencias que figura en el portal de su edificio",
        ("emergency_phone", Pt) => "o número de emergência afixado na entrada do seu prédio",
        ("emergency_phone", Tr) => "binanızın girişinde asılı olan acil durum numarası",
        ("caretaker", Fr) => {
            "ses horaires et son numéro sont affichés dans le hall de votre immeuble"
        }
        ("caretaker", FrEasy) => "ses horaires et son numéro sont écrits sur l'affiche du hall",
        ("caretaker", En) => "the caretaker's hours and number are posted in your entrance hall",
        ("caretaker", Ar) => "مواعيده ورقمه معلقة في مدخل عمارتك",
        ("caretaker", Es) => "su horario y su número figuran en el portal de su edificio",
        ("caretaker", Pt) => "o horário e o número estão afixados na entrada do seu prédio",
        ("caretaker", Tr) => "çalışma saatleri ve numarası binanızın girişinde asılıdır",
        ("partners", Fr | FrEasy) => "le centre social ou la mairie de votre quartier",
        ("partners", En) => "your neighbourhood's community centre or town hall",
        ("partners", Ar) => "المركز الاجتماعي أو البلدية في حيكم",
        ("partners", Es) => "el centro social o el ayuntamiento de su barrio",
        ("partners", Pt) => "o centro social ou a câmara municipal do seu bairro",
        ("partners", Tr) => "mahallenizdeki sosyal merkez veya belediye",
        ("data_contact", Fr | FrEasy) => "l'adresse écrite dans la notice « Vos données »",
        ("data_contact", En) => "the address given in the \"Your data\" notice",
        ("data_contact", Ar) => "العنوان المكتوب في إشعار «بياناتك»",
        ("data_contact", Es) => "la dirección indicada en el aviso «Sus datos»",
        ("data_contact", Pt) => "o endereço indicado no aviso «Os seus dados»",
        ("data_contact", Tr) => "«Verileriniz» bilgilendirmesinde yazan adres",
        ("rent_contact", Fr) => {
            "le service clientèle de votre bailleur, au numéro affiché dans le hall de votre \
             immeuble"
        }
        ("rent_contact", FrEasy) => {
            "le service clientèle de votre bailleur (le numéro est écrit sur l'affiche du hall)"
        }
        ("rent_contact", En) => {
            "your landlord's customer service, at the number posted in your entrance hall"
        }
        ("rent_contact", Ar) => "خدمة الزبائن لدى الجهة المؤجرة، على الرقم المعلق في مدخل عمارتك",
        ("rent_contact", Es) => {
            "el servicio de atención de su arrendador, en el número que figura en el portal"
        }
        ("rent_contact", Pt) => {
            "o serviço de apoio do seu senhorio, no número afixado na entrada do prédio"
        }
        ("rent_contact", Tr) => {
            "ev sahibi kurumun müşteri hizmetleri (numara bina girişinde asılıdır)"
        }
        // The landlord's own number.
        (_, Fr) => "le numéro affiché dans le hall de votre immeuble",
        (_, FrEasy) => "le numéro écrit sur l'affiche du hall",
        (_, En) => "the number posted in your building's entrance hall",
        (_, Ar) => "الرقم المعلق في مدخل عمارتك",
        (_, Es) => "el número que figura en el portal de su edificio",
        (_, Pt) => "o número afixado na entrada do seu prédio",
        (_, Tr) => "binanızın girişinde asılı olan numara",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_default_to_sixty_and_thirty_seconds_and_stay_in_bounds() {
        let settings = KioskSettings::default();
        assert_eq!(
            (settings.idle_ms(), settings.warning_ms()),
            (60_000, 30_000)
        );
        let odd = KioskSettings {
            idle_s: 1,
            warning_s: 5,
            ..KioskSettings::default()
        };
        assert_eq!(odd.idle_ms(), 20_000);
        assert_eq!(odd.warning_ms(), 20_000, "WCAG 2.2.1: at least 20 s");
        let read: KioskSettings = serde_json::from_str(r#"{"idle_s": 90}"#).unwrap();
        assert_eq!((read.idle_ms(), read.warning_ms()), (90_000, 30_000));
    }

    #[test]
    fn unset_contacts_read_as_where_to_find_them_never_as_a_number() {
        let values = AnswerValues::default();
        assert_eq!(
            values.missing().len(),
            super::super::knowledge::PLACEHOLDERS.len() - 1,
            "all but the retention, which comes from the notice"
        );
        assert_eq!(
            values.fill("{retention_years} ans", KioskLanguage::Fr),
            format!("{} ans", current_notice().retention_years)
        );
        let text = "Appelez {landlord_phone}. Le gardien : {caretaker}.";
        let shown = values.fill(text, KioskLanguage::Fr);
        assert_eq!(
            shown,
            "Appelez le numéro affiché dans le hall de votre immeuble. Le gardien : ses horaires et \
             son numéro sont affichés dans le hall de votre immeuble."
        );
        assert!(!shown.chars().any(|c| c.is_ascii_digit()));
        for lang in KioskLanguage::ALL {
            for name in super::super::knowledge::PLACEHOLDERS {
                assert!(!fallback(name, lang).is_empty());
            }
        }
    }

    #[test]
    fn set_contacts_are_used_as_written() {
        let values = AnswerValues {
            app_name: "Voisins Solidaires".into(),
            contacts: LandlordContacts {
                phone: "01 00 00 00 00 (9 h – 17 h)".into(),
                ..LandlordContacts::default()
            },
            partners: " ".into(),
        };
        assert_eq!(
            values.fill("{app} : {landlord_phone}", KioskLanguage::Fr),
            "Voisins Solidaires : 01\u{a0}00\u{a0}00\u{a0}00\u{a0}00 (9 h – 17 h)"
        );
        // In Arabic, the number in its own left-to-right isolate: its pairs keep their order.
        assert_eq!(
            values.fill("{app} : {landlord_phone}", KioskLanguage::Ar),
            "\u{2068}Voisins Solidaires\u{2069} : \u{2068}\u{2066}01\u{a0}00\u{a0}00\u{a0}00\u{a0}00\u{2069} (9 h – 17 h)\u{2069}"
        );
        assert!(values.missing().contains(&"partners"), "blank is unset");
        assert!(!values.missing().contains(&"landlord_phone"));
    }
}
