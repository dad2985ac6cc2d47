//! How the partner screens say things, in each interface language: kinds, themes, channels,
//! statuses, field names, and every problem in plain words. One exhaustive `match` per text, so
//! a missing translation does not compile. The French words are the field's own (centre social,
//! régie de quartier); English glosses them where a reader abroad would not know them.

use super::check::PartnerProblem;
use super::contact_log::{ContactField, ContactProblem};
use super::partner::{MAX_CONTACTS, PartnerField};
use super::referral::{ReferralProblem, ReferralStatus, Refusal, TransitionError};
use super::vocabulary::{Channel, PartnerKind, Theme};
use crate::canvass::words::day;
use crate::i18n::Locale;

impl PartnerKind {
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (PartnerKind::CentreSocial, Locale::Fr) => "Centre social",
            (PartnerKind::CentreSocial, Locale::En) => "Community centre (centre social)",
            (PartnerKind::CentreSocial, Locale::Ar) => "مركز اجتماعي",
            (PartnerKind::RegieDeQuartier, Locale::Fr) => "Régie de quartier",
            (PartnerKind::RegieDeQuartier, Locale::En) => {
                "Neighbourhood enterprise (régie de quartier)"
            }
            (PartnerKind::RegieDeQuartier, Locale::Ar) => "مؤسسة خدمات الحي",
            (PartnerKind::Association, Locale::Fr) => "Association",
            (PartnerKind::Association, Locale::En) => "Association",
            (PartnerKind::Association, Locale::Ar) => "جمعية",
            (PartnerKind::ServiceMunicipal, Locale::Fr) => "Service municipal",
            (PartnerKind::ServiceMunicipal, Locale::En) => "Municipal service",
            (PartnerKind::ServiceMunicipal, Locale::Ar) => "خدمة بلدية",
            (PartnerKind::Autre, Locale::Fr) => "Autre",
            (PartnerKind::Autre, Locale::En) => "Other",
            (PartnerKind::Autre, Locale::Ar) => "أخرى",
        }
    }
}

impl Theme {
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Theme::AccesAuxDroits, Locale::Fr) => "Accès aux droits",
            (Theme::AccesAuxDroits, Locale::En) => "Access to rights",
            (Theme::AccesAuxDroits, Locale::Ar) => "الوصول إلى الحقوق",
            (Theme::Numerique, Locale::Fr) => "Numérique",
            (Theme::Numerique, Locale::En) => "Digital skills",
            (Theme::Numerique, Locale::Ar) => "المهارات الرقمية",
            (Theme::Emploi, Locale::Fr) => "Emploi",
            (Theme::Emploi, Locale::En) => "Employment",
            (Theme::Emploi, Locale::Ar) => "التشغيل",
            (Theme::Alimentation, Locale::Fr) => "Alimentation",
            (Theme::Alimentation, Locale::En) => "Food",
            (Theme::Alimentation, Locale::Ar) => "الغذاء",
            (Theme::Sante, Locale::Fr) => "Santé",
            (Theme::Sante, Locale::En) => "Health",
            (Theme::Sante, Locale::Ar) => "الصحة",
            (Theme::Jeunesse, Locale::Fr) => "Jeunesse",
            (Theme::Jeunesse, Locale::En) => "Youth",
            (Theme::Jeunesse, Locale::Ar) => "الشباب",
            (Theme::Seniors, Locale::Fr) => "Seniors",
            (Theme::Seniors, Locale::En) => "Older people",
            (Theme::Seniors, Locale::Ar) => "كبار السن",
            (Theme::FleAsl, Locale::Fr) => "FLE / ASL",
            (Theme::FleAsl, Locale::En) => "French classes",
            (Theme::FleAsl, Locale::Ar) => "دروس اللغة الفرنسية",
            (Theme::Parentalite, Locale::Fr) => "Parentalité",
            (Theme::Parentalite, Locale::En) => "Parenting",
            (Theme::Parentalite, Locale::Ar) => "دعم الوالدين",
            (Theme::CultureLoisirs, Locale::Fr) => "Culture et loisirs",
            (Theme::CultureLoisirs, Locale::En) => "Culture and leisure",
            (Theme::CultureLoisirs, Locale::Ar) => "الثقافة والترفيه",
            (Theme::Logement, Locale::Fr) => "Logement",
            (Theme::Logement, Locale::En) => "Housing",
            (Theme::Logement, Locale::Ar) => "السكن",
            (Theme::Tranquillite, Locale::Fr) => "Tranquillité",
            (Theme::Tranquillite, Locale::En) => "Peace and safety",
            (Theme::Tranquillite, Locale::Ar) => "الأمن والسكينة",
        }
    }
}

impl Channel {
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Channel::Visite, Locale::Fr) => "Visite",
            (Channel::Visite, Locale::En) => "Visit",
            (Channel::Visite, Locale::Ar) => "زيارة",
            (Channel::Telephone, Locale::Fr) => "Téléphone",
            (Channel::Telephone, Locale::En) => "Phone",
            (Channel::Telephone, Locale::Ar) => "هاتف",
            (Channel::Email, Locale::Fr) => "E-mail",
            (Channel::Email, Locale::En) => "Email",
            (Channel::Email, Locale::Ar) => "بريد إلكتروني",
            (Channel::Reunion, Locale::Fr) => "Réunion",
            (Channel::Reunion, Locale::En) => "Meeting",
            (Channel::Reunion, Locale::Ar) => "اجتماع",
            (Channel::Evenement, Locale::Fr) => "Événement",
            (Channel::Evenement, Locale::En) => "Event",
            (Channel::Evenement, Locale::Ar) => "فعالية",
        }
    }
}

impl ReferralStatus {
    /// On the status badge and the update buttons.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (ReferralStatus::Proposed, Locale::Fr) => "Proposée",
            (ReferralStatus::Proposed, Locale::En) => "Proposed",
            (ReferralStatus::Proposed, Locale::Ar) => "مقترَح",
            (ReferralStatus::Accepted, Locale::Fr) => "Acceptée",
            (ReferralStatus::Accepted, Locale::En) => "Accepted",
            (ReferralStatus::Accepted, Locale::Ar) => "مقبول",
            (ReferralStatus::InProgress, Locale::Fr) => "En cours",
            (ReferralStatus::InProgress, Locale::En) => "In progress",
            (ReferralStatus::InProgress, Locale::Ar) => "قيد التنفيذ",
            (ReferralStatus::Done, Locale::Fr) => "Réalisée",
            (ReferralStatus::Done, Locale::En) => "Completed",
            (ReferralStatus::Done, Locale::Ar) => "منجَز",
            (ReferralStatus::NoFollowUp, Locale::Fr) => "Sans suite",
            (ReferralStatus::NoFollowUp, Locale::En) => "Dropped",
            (ReferralStatus::NoFollowUp, Locale::Ar) => "بلا متابعة",
        }
    }
}

impl PartnerField {
    /// The label of the input, and the field's name in the history.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (PartnerField::Name, Locale::Fr) => "Nom",
            (PartnerField::Name, Locale::En) => "Name",
            (PartnerField::Name, Locale::Ar) => "الاسم",
            (PartnerField::Kind, Locale::Fr) => "Type de structure",
            (PartnerField::Kind, Locale::En) => "Kind of organisation",
            (PartnerField::Kind, Locale::Ar) => "نوع الجهة",
            (PartnerField::Themes, Locale::Fr) => "Thèmes",
            (PartnerField::Themes, Locale::En) => "Themes",
            (PartnerField::Themes, Locale::Ar) => "المواضيع",
            (PartnerField::Address, Locale::Fr) => "Adresse",
            (PartnerField::Address, Locale::En) => "Address",
            (PartnerField::Address, Locale::Ar) => "العنوان",
            (PartnerField::Phone, Locale::Fr) => "Téléphone",
            (PartnerField::Phone, Locale::En) => "Phone",
            (PartnerField::Phone, Locale::Ar) => "الهاتف",
            (PartnerField::Email, Locale::Fr) => "E-mail",
            (PartnerField::Email, Locale::En) => "Email",
            (PartnerField::Email, Locale::Ar) => "البريد الإلكتروني",
            (PartnerField::Website, Locale::Fr) => "Site web",
            (PartnerField::Website, Locale::En) => "Website",
            (PartnerField::Website, Locale::Ar) => "الموقع الإلكتروني",
            (PartnerField::Hours, Locale::Fr) => "Horaires",
            (PartnerField::Hours, Locale::En) => "Opening hours",
            (PartnerField::Hours, Locale::Ar) => "أوقات العمل",
            (PartnerField::Contacts, Locale::Fr) => "Personnes à contacter",
            (PartnerField::Contacts, Locale::En) => "Contact people",
            (PartnerField::Contacts, Locale::Ar) => "أشخاص للتواصل",
            (PartnerField::Residences, Locale::Fr) => "Résidences desservies",
            (PartnerField::Residences, Locale::En) => "Résidences served",
            (PartnerField::Residences, Locale::Ar) => "الإقامات المخدومة",
            (PartnerField::Description, Locale::Fr) => "Présentation",
            (PartnerField::Description, Locale::En) => "Description",
            (PartnerField::Description, Locale::Ar) => "الوصف",
            (PartnerField::Archived, Locale::Fr) => "Retirée de l'annuaire",
            (PartnerField::Archived, Locale::En) => "Taken out of the directory",
            (PartnerField::Archived, Locale::Ar) => "أُزيلت من الدليل",
        }
    }
}

impl ContactField {
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (ContactField::Date, Locale::Fr) => "Date",
            (ContactField::Date, Locale::En) => "Date",
            (ContactField::Date, Locale::Ar) => "التاريخ",
            (ContactField::MetBy, Locale::Fr) => "Rencontré par",
            (ContactField::MetBy, Locale::En) => "Met by",
            (ContactField::MetBy, Locale::Ar) => "من جهتنا",
            (ContactField::MetWith, Locale::Fr) => "Personne rencontrée",
            (ContactField::MetWith, Locale::En) => "Person met",
            (ContactField::MetWith, Locale::Ar) => "الشخص الذي تمت مقابلته",
            (ContactField::Channel, Locale::Fr) => "Comment",
            (ContactField::Channel, Locale::En) => "How",
            (ContactField::Channel, Locale::Ar) => "الطريقة",
            (ContactField::Subject, Locale::Fr) => "Sujet",
            (ContactField::Subject, Locale::En) => "Subject",
            (ContactField::Subject, Locale::Ar) => "الموضوع",
            (ContactField::Outcome, Locale::Fr) => "Résultat",
            (ContactField::Outcome, Locale::En) => "Outcome",
            (ContactField::Outcome, Locale::Ar) => "النتيجة",
            (ContactField::NextStep, Locale::Fr) => "Prochaine étape",
            (ContactField::NextStep, Locale::En) => "Next step",
            (ContactField::NextStep, Locale::Ar) => "الخطوة التالية",
            (ContactField::FollowUpDate, Locale::Fr) => "Date de relance",
            (ContactField::FollowUpDate, Locale::En) => "Follow-up date",
            (ContactField::FollowUpDate, Locale::Ar) => "تاريخ المتابعة",
        }
    }
}

/// "« Horaires » est trop long : 500 caractères au plus."
fn too_long(label: &str, max: usize, locale: Locale) -> String {
    match locale {
        Locale::Fr => format!("« {label} » est trop long : {max} caractères au plus."),
        Locale::En => format!("“{label}” is too long: {max} characters at most."),
        Locale::Ar => format!("«{label}» طويل جدًا: {max} حرفًا على الأكثر."),
    }
}

fn not_stored(label: &str, locale: Locale) -> String {
    match locale {
        Locale::Fr => format!("« {label} » n'est pas enregistré sous la forme attendue."),
        Locale::En => format!("“{label}” is not written the way the app stores it."),
        Locale::Ar => format!("«{label}» غير مكتوب بالشكل الذي يحفظه التطبيق."),
    }
}

/// "Personne à contacter n° 2 : " before a problem about one contact person.
fn about_contact(contact: usize, what: String, locale: Locale) -> String {
    match locale {
        Locale::Fr => format!("Personne à contacter n° {contact} : {what}"),
        Locale::En => format!("Contact person {contact}: {what}"),
        Locale::Ar => format!("الشخص رقم {contact} للتواصل: {what}"),
    }
}

impl PartnerProblem {
    pub fn text(&self, locale: Locale) -> String {
        match (self, locale) {
            (PartnerProblem::NothingChanged, Locale::Fr) => {
                "Rien n'a changé : il n'y a rien à enregistrer.".into()
            }
            (PartnerProblem::NothingChanged, Locale::En) => {
                "Nothing changed: there is nothing to save.".into()
            }
            (PartnerProblem::NothingChanged, Locale::Ar) => "لم يتغير شيء: لا يوجد ما يُحفظ.".into(),
            (PartnerProblem::NameMissing, Locale::Fr) => "Écrivez le nom de la structure.".into(),
            (PartnerProblem::NameMissing, Locale::En) => "Write the organisation's name.".into(),
            (PartnerProblem::NameMissing, Locale::Ar) => "اكتب اسم الجهة.".into(),
            (PartnerProblem::TooLong { field, max }, _) => {
                too_long(field.label(locale), *max, locale)
            }
            (PartnerProblem::Phone(problem), _) => problem.text(locale),
            (PartnerProblem::Email(problem), _) => problem.text(locale),
            (PartnerProblem::Website, Locale::Fr) => {
                "Ce n'est pas une adresse de site web (par exemple : www.exemple.fr).".into()
            }
            (PartnerProblem::Website, Locale::En) => {
                "This is not a website address (for example: www.example.org).".into()
            }
            (PartnerProblem::Website, Locale::Ar) => {
                "هذا ليس عنوان موقع إلكتروني (مثلًا: www.example.org).".into()
            }
            (PartnerProblem::TooManyContacts, Locale::Fr) => {
                format!("{MAX_CONTACTS} personnes à contacter au plus : gardez les principales.")
            }
            (PartnerProblem::TooManyContacts, Locale::En) => {
                format!("At most {MAX_CONTACTS} contact people: keep the main ones.")
            }
            (PartnerProblem::TooManyContacts, Locale::Ar) => {
                format!("{MAX_CONTACTS} أشخاص للتواصل على الأكثر: احتفظ بالأهم.")
            }
            (PartnerProblem::ContactNameMissing { contact }, _) => {
                let what = match locale {
                    Locale::Fr => "écrivez son nom.",
                    Locale::En => "write their name.",
                    Locale::Ar => "اكتب اسمه.",
                };
                about_contact(*contact, what.into(), locale)
            }
            (PartnerProblem::ContactTooLong { contact }, _) => {
                let what = match locale {
                    Locale::Fr => "le nom ou la fonction est trop long.",
                    Locale::En => "the name or role is too long.",
                    Locale::Ar => "الاسم أو الوظيفة طويل جدًا.",
                };
                about_contact(*contact, what.into(), locale)
            }
            (PartnerProblem::ContactPhone { contact, problem }, _) => {
                about_contact(*contact, problem.text(locale), locale)
            }
            (PartnerProblem::ContactEmail { contact, problem }, _) => {
                about_contact(*contact, problem.text(locale), locale)
            }
            (PartnerProblem::NotStoredForm { field }, _) => not_stored(field.label(locale), locale),
        }
    }
}

impl ContactProblem {
    pub fn text(&self, locale: Locale) -> String {
        match (self, locale) {
            (ContactProblem::MetByMissing, Locale::Fr) => {
                "Écrivez qui a participé de votre côté.".into()
            }
            (ContactProblem::MetByMissing, Locale::En) => {
                "Write who took part on your side.".into()
            }
            (ContactProblem::MetByMissing, Locale::Ar) => "اكتب من شارك من جهتكم.".into(),
            (ContactProblem::MetWithMissing, Locale::Fr) => {
                "Écrivez qui vous avez rencontré à la structure.".into()
            }
            (ContactProblem::MetWithMissing, Locale::En) => {
                "Write whom you met at the organisation.".into()
            }
            (ContactProblem::MetWithMissing, Locale::Ar) => "اكتب من قابلت في الجهة.".into(),
            (ContactProblem::ChannelMissing, Locale::Fr) => {
                "Choisissez comment : visite, téléphone, e-mail, réunion ou événement.".into()
            }
            (ContactProblem::ChannelMissing, Locale::En) => {
                "Choose how: visit, phone, email, meeting or event.".into()
            }
            (ContactProblem::ChannelMissing, Locale::Ar) => {
                "اختر الطريقة: زيارة أو هاتف أو بريد إلكتروني أو اجتماع أو فعالية.".into()
            }
            (ContactProblem::SubjectMissing, Locale::Fr) => "Écrivez le sujet.".into(),
            (ContactProblem::SubjectMissing, Locale::En) => "Write the subject.".into(),
            (ContactProblem::SubjectMissing, Locale::Ar) => "اكتب الموضوع.".into(),
            (ContactProblem::FollowUpDateMissing, Locale::Fr) => {
                "Choisissez la date de relance de la prochaine étape.".into()
            }
            (ContactProblem::FollowUpDateMissing, Locale::En) => {
                "Choose the follow-up date for the next step.".into()
            }
            (ContactProblem::FollowUpDateMissing, Locale::Ar) => {
                "اختر تاريخ المتابعة للخطوة التالية.".into()
            }
            (ContactProblem::NextStepMissing, Locale::Fr) => {
                "Écrivez la prochaine étape, ou retirez la date de relance.".into()
            }
            (ContactProblem::NextStepMissing, Locale::En) => {
                "Write the next step, or remove the follow-up date.".into()
            }
            (ContactProblem::NextStepMissing, Locale::Ar) => {
                "اكتب الخطوة التالية، أو احذف تاريخ المتابعة.".into()
            }
            (ContactProblem::FollowUpBeforeContact { on, contact }, Locale::Fr) => format!(
                "La relance ({}) ne peut pas être avant le contact ({}).",
                day(*on, locale),
                day(*contact, locale)
            ),
            (ContactProblem::FollowUpBeforeContact { on, contact }, Locale::En) => format!(
                "The follow-up ({}) cannot be before the contact ({}).",
                day(*on, locale),
                day(*contact, locale)
            ),
            (ContactProblem::FollowUpBeforeContact { on, contact }, Locale::Ar) => format!(
                "لا يمكن أن تكون المتابعة ({}) قبل اللقاء ({}).",
                day(*on, locale),
                day(*contact, locale)
            ),
            (ContactProblem::TooLong { field, max }, _) => {
                too_long(field.label(locale), *max, locale)
            }
            (ContactProblem::NotStoredForm { field }, _) => not_stored(field.label(locale), locale),
        }
    }
}

/// "En cours" in the middle of a sentence: "en cours". Arabic has no capitals.
fn in_sentence(status: ReferralStatus, locale: Locale) -> String {
    let label = status.label(locale);
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl TransitionError {
    pub fn text(&self, locale: Locale) -> String {
        let from = in_sentence(self.from, locale);
        let to = in_sentence(self.to, locale);
        match (self.why, locale) {
            (Refusal::Already, Locale::Fr) => format!("Cette orientation est déjà « {to} »."),
            (Refusal::Already, Locale::En) => format!("This referral is already “{to}”."),
            (Refusal::Already, Locale::Ar) => format!("هذا التوجيه «{to}» بالفعل."),
            (Refusal::Closed, Locale::Fr) => format!(
                "Cette orientation est « {from} » : elle est terminée et ne peut plus changer. \
                 Pour une nouvelle démarche, faites une nouvelle orientation."
            ),
            (Refusal::Closed, Locale::En) => format!(
                "This referral is “{from}”: it is closed and can no longer change. \
                 For a new attempt, make a new referral."
            ),
            (Refusal::Closed, Locale::Ar) => format!(
                "هذا التوجيه «{from}»: لقد انتهى ولا يمكن تغييره. لمحاولة جديدة، قم بتوجيه جديد."
            ),
            (Refusal::Backwards, Locale::Fr) => {
                format!("Cette orientation est « {from} » : elle ne peut pas revenir à « {to} ».")
            }
            (Refusal::Backwards, Locale::En) => {
                format!("This referral is “{from}”: it cannot go back to “{to}”.")
            }
            (Refusal::Backwards, Locale::Ar) => {
                format!("هذا التوجيه «{from}»: لا يمكن أن يعود إلى «{to}».")
            }
        }
    }
}

impl ReferralProblem {
    pub fn text(&self, locale: Locale) -> String {
        let text = match (self, locale) {
            (ReferralProblem::UnknownResident, Locale::Fr) => {
                "Cette personne n'est pas inscrite sur cette tablette : faites l'orientation \
                 depuis la tablette où elle s'est inscrite."
            }
            (ReferralProblem::UnknownResident, Locale::En) => {
                "This person is not signed up on this tablet: make the referral from the tablet \
                 they signed up on."
            }
            (ReferralProblem::UnknownResident, Locale::Ar) => {
                "هذا الشخص غير مسجَّل على هذا الجهاز اللوحي: قم بالتوجيه من الجهاز الذي سُجِّل عليه."
            }
            (ReferralProblem::NoConsent, Locale::Fr) => {
                "Cette personne n'a pas donné son accord pour être mise en relation avec une \
                 structure partenaire : l'orientation n'est pas possible."
            }
            (ReferralProblem::NoConsent, Locale::En) => {
                "This person has not agreed to be put in touch with a partner organisation: the \
                 referral is not possible."
            }
            (ReferralProblem::NoConsent, Locale::Ar) => {
                "لم يوافق هذا الشخص على ربطه بجهة شريكة: لا يمكن القيام بالتوجيه."
            }
            (ReferralProblem::PartnerArchived, Locale::Fr) => {
                "Cette structure a été retirée de l'annuaire : choisissez-en une autre."
            }
            (ReferralProblem::PartnerArchived, Locale::En) => {
                "This organisation was taken out of the directory: choose another one."
            }
            (ReferralProblem::PartnerArchived, Locale::Ar) => {
                "تمت إزالة هذه الجهة من الدليل: اختر جهة أخرى."
            }
        };
        text.into()
    }
}
