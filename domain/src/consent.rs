//! Consent, purpose by purpose, and the information notice shown when it is asked (GDPR arts. 7
//! and 13): what a resident may say yes or no to, and the plain-words text that tells them who
//! keeps their details, why, for how long, and how to change their mind.

use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, fill};
use crate::in_sentence::in_sentence;

/// What a resident's details may be used for. Each purpose is asked separately: a yes to one says
/// nothing about the others (consent must be specific, GDPR art. 4(11)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Be contacted again about the neighbourhood app (an invitation, help to install it).
    AppContact,
    /// Join the résidence's group in the neighbourhood app.
    ResidenceGroup,
    /// Be put in touch with a partner structure (centre social, association…).
    PartnerReferral,
}

impl Purpose {
    /// In the order the form asks them.
    pub const ALL: [Purpose; 3] = [
        Purpose::AppContact,
        Purpose::ResidenceGroup,
        Purpose::PartnerReferral,
    ];

    /// The question next to the yes / no buttons, in the resident's words.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Purpose::AppContact, Locale::Fr) => {
                "Être recontacté(e) au sujet de l'application du quartier"
            }
            (Purpose::AppContact, Locale::En) => "Be contacted again about the neighbourhood app",
            (Purpose::AppContact, Locale::Ar) => "أن يتم التواصل معي مجددًا بخصوص تطبيق الحي",
            (Purpose::ResidenceGroup, Locale::Fr) => {
                "Rejoindre le groupe de ma résidence dans l'application du quartier"
            }
            (Purpose::ResidenceGroup, Locale::En) => {
                "Join my résidence's group in the neighbourhood app"
            }
            (Purpose::ResidenceGroup, Locale::Ar) => "الانضمام إلى مجموعة إقامتي في تطبيق الحي",
            (Purpose::PartnerReferral, Locale::Fr) => {
                "Être mis(e) en relation avec une structure partenaire (centre social, association…)"
            }
            (Purpose::PartnerReferral, Locale::En) => {
                "Be put in touch with a partner organisation (community centre, association…)"
            }
            (Purpose::PartnerReferral, Locale::Ar) => {
                "أن يتم ربطي بجهة شريكة (مركز اجتماعي، جمعية…)"
            }
        }
    }
}

/// One explicit answer. There is no default: a purpose the resident has not answered is simply
/// absent, never a `false` nor a `true` filled in for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentAnswer {
    pub purpose: Purpose,
    pub granted: bool,
}

/// The version of the notice text below. Stored with every sign-up, so that what a resident was
/// told can be shown again years later: change it whenever the meaning of the text changes.
pub const NOTICE_VERSION: &str = "2026-01";

/// The information notice (GDPR art. 13) as shown when consent is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notice {
    pub version: &'static str,
    /// Years details are kept after the last contact: the CNIL's reference for people contacted
    /// who did not go further.
    pub retention_years: u8,
}

/// Who the landlord is and how to reach them. A campaign setting in time; until then the demo
/// values below fill the notice, so that the text is never shown with holes in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeSettings {
    /// The data controller: the landlord's name.
    pub controller: String,
    /// Where to write or call for anything about one's details.
    pub contact: String,
    /// The data protection officer's contact.
    pub dpo_contact: String,
}

impl NoticeSettings {
    pub fn demo() -> NoticeSettings {
        NoticeSettings {
            controller: "Habitat Démo (bailleur de démonstration)".to_owned(),
            contact: "contact@habitat-demo.example, 01 23 45 67 89".to_owned(),
            dpo_contact: "dpo@habitat-demo.example".to_owned(),
        }
    }
}

pub fn current_notice() -> Notice {
    Notice {
        version: NOTICE_VERSION,
        retention_years: 3,
    }
}

impl Notice {
    /// The notice as (heading, text) pairs, in the order a reader needs them: who, why, who sees,
    /// how long, your rights, how to say no later, where to complain, and that nothing is required.
    pub fn sections(
        &self,
        locale: Locale,
        settings: &NoticeSettings,
    ) -> Vec<(&'static str, String)> {
        let years = self.retention_years.to_string();
        let rtl = locale.is_rtl();
        let contact = in_sentence(&settings.contact, rtl);
        let dpo = in_sentence(&settings.dpo_contact, rtl);
        let values = [
            ("controller", settings.controller.as_str()),
            ("contact", contact.as_str()),
            ("dpo", dpo.as_str()),
            ("years", years.as_str()),
        ];
        notice_texts(locale)
            .iter()
            .map(|(title, text)| (*title, fill(text, &values)))
            .collect()
    }
}

type Section = (&'static str, &'static str);

fn notice_texts(locale: Locale) -> &'static [Section] {
    match locale {
        Locale::Fr => FRENCH,
        Locale::En => ENGLISH,
        Locale::Ar => ARABIC,
    }
}

const FRENCH: &[Section] = &[
    (
        "Qui est responsable de vos données ?",
        "{controller}. Pour toute question sur vos données : {contact}.",
    ),
    (
        "Délégué à la protection des données",
        "Vous pouvez aussi écrire au délégué à la protection des données : {dpo}.",
    ),
    (
        "Pourquoi nous demandons vos données",
        "Nous notons votre prénom, votre téléphone ou votre e-mail, votre langue et votre logement. Nous les utilisons seulement pour ce que vous acceptez : vous recontacter au sujet de l'application du quartier, vous inscrire au groupe de votre résidence, vous mettre en relation avec une structure partenaire. Nous le faisons parce que vous êtes d'accord (votre consentement).",
    ),
    (
        "Qui voit vos données",
        "L'équipe de {controller} qui s'occupe de la vie des résidences, et les bénévoles de cette action. Si vous l'acceptez : l'équipe de l'application du quartier, et la structure partenaire choisie. Personne d'autre. Vos données ne sont jamais vendues.",
    ),
    (
        "Où sont vos données",
        "Vos données restent dans l'Union européenne. Elles ne sont pas envoyées hors de l'Union européenne.",
    ),
    (
        "Combien de temps",
        "Nous gardons vos données {years} ans après notre dernier contact avec vous, puis nous les effaçons. Si vous ne voulez plus être contacté(e), nous gardons seulement cette information, pour ne plus vous déranger.",
    ),
    (
        "Vos droits",
        "Vous pouvez voir vos données, les corriger, les faire effacer, limiter leur utilisation, vous opposer à leur utilisation, et les recevoir pour les donner à quelqu'un d'autre. Écrivez à {contact}. La réponse est gratuite et arrive en un mois au plus.",
    ),
    (
        "Changer d'avis",
        "Vous pouvez retirer votre accord à tout moment, aussi simplement que vous l'avez donné : dites-le à un bénévole, à la borne du hall, ou écrivez à {contact}. Ce qui a été fait avant reste valable.",
    ),
    (
        "Faire une réclamation",
        "Si vous pensez que vos droits ne sont pas respectés, vous pouvez vous plaindre à la CNIL (www.cnil.fr).",
    ),
    (
        "Rien n'est obligatoire",
        "Vous n'êtes pas obligé(e) de donner vos données. Si vous dites non, cela ne change rien pour votre logement ni pour vos relations avec {controller}.",
    ),
];

const ENGLISH: &[Section] = &[
    (
        "Who is responsible for your data?",
        "{controller}. For any question about your data: {contact}.",
    ),
    (
        "Data protection officer",
        "You can also write to the data protection officer: {dpo}.",
    ),
    (
        "Why we ask for your data",
        "We note your first name, your phone or email, your language and your home. We use them only for what you agree to: contact you again about the neighbourhood app, add you to your résidence's group, put you in touch with a partner organisation. We do this because you agree (your consent).",
    ),
    (
        "Who sees your data",
        "The team at {controller} that looks after life in the résidences, and the volunteers of this campaign. If you agree: the neighbourhood app's team, and the partner organisation chosen. Nobody else. Your data is never sold.",
    ),
    (
        "Where your data is",
        "Your data stays in the European Union. It is not sent outside the European Union.",
    ),
    (
        "For how long",
        "We keep your data for {years} years after our last contact with you, then we delete it. If you do not want to be contacted any more, we keep only that fact, so that we do not disturb you again.",
    ),
    (
        "Your rights",
        "You can see your data, correct it, have it deleted, limit its use, object to its use, and receive it to give it to someone else. Write to {contact}. The answer is free and comes within one month.",
    ),
    (
        "Changing your mind",
        "You can withdraw your agreement at any time, as easily as you gave it: tell a volunteer, use the kiosk in the hall, or write to {contact}. What was done before stays valid.",
    ),
    (
        "Making a complaint",
        "If you think your rights are not respected, you can complain to the CNIL, the French data protection authority (www.cnil.fr).",
    ),
    (
        "Nothing is required",
        "You do not have to give your data. If you say no, nothing changes for your home or for your relations with {controller}.",
    ),
];

const ARABIC: &[Section] = &[
    (
        "من المسؤول عن بياناتك؟",
        "{controller}. لأي سؤال عن بياناتك: {contact}.",
    ),
    (
        "مسؤول حماية البيانات",
        "يمكنك أيضًا مراسلة مسؤول حماية البيانات: {dpo}.",
    ),
    (
        "لماذا نطلب بياناتك",
        "نسجل اسمك الأول، ورقم هاتفك أو بريدك الإلكتروني، ولغتك، ومسكنك. نستعملها فقط لما توافق عليه: التواصل معك مجددًا بخصوص تطبيق الحي، وضمك إلى مجموعة إقامتك، وربطك بجهة شريكة. نفعل ذلك لأنك موافق (موافقتك).",
    ),
    (
        "من يرى بياناتك",
        "فريق {controller} المكلف بالحياة في الإقامات، ومتطوعو هذه الحملة. وإذا وافقت: فريق تطبيق الحي، والجهة الشريكة المختارة. لا أحد غيرهم. بياناتك لا تُباع أبدًا.",
    ),
    (
        "أين توجد بياناتك",
        "تبقى بياناتك داخل الاتحاد الأوروبي. لا تُرسل إلى خارج الاتحاد الأوروبي.",
    ),
    (
        "إلى متى",
        "نحتفظ ببياناتك {years} سنوات بعد آخر تواصل معك، ثم نحذفها. إذا لم تعد تريد أن نتواصل معك، نحتفظ فقط بهذه المعلومة حتى لا نزعجك مرة أخرى.",
    ),
    (
        "حقوقك",
        "يمكنك الاطلاع على بياناتك، وتصحيحها، وحذفها، وتقييد استعمالها، والاعتراض على استعمالها، واستلامها لإعطائها لجهة أخرى. راسل {contact}. الرد مجاني ويصل خلال شهر على الأكثر.",
    ),
    (
        "تغيير رأيك",
        "يمكنك سحب موافقتك في أي وقت، بنفس سهولة إعطائها: أخبر أحد المتطوعين، أو استعمل الشاشة في البهو، أو راسل {contact}. ما تم قبل ذلك يبقى صحيحًا.",
    ),
    (
        "تقديم شكوى",
        "إذا رأيت أن حقوقك غير محترمة، يمكنك تقديم شكوى إلى CNIL، الهيئة الفرنسية لحماية البيانات (www.cnil.fr).",
    ),
    (
        "لا شيء إلزامي",
        "لست ملزمًا بإعطاء بياناتك. إذا قلت لا، فلن يتغير شيء بالنسبة لمسكنك أو لعلاقتك مع {controller}.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_tells_the_same_ten_things() {
        let notice = current_notice();
        let settings = NoticeSettings::demo();
        for locale in Locale::ALL {
            let sections = notice.sections(locale, &settings);
            assert_eq!(sections.len(), 10, "{locale:?}");
            for (title, text) in &sections {
                assert!(!title.trim().is_empty() && !text.trim().is_empty());
                assert!(!text.contains('{'), "{locale:?} left a placeholder: {text}");
            }
        }
    }

    #[test]
    fn the_french_notice_keeps_its_marks_with_the_word_before() {
        let sections = current_notice().sections(Locale::Fr, &NoticeSettings::demo());
        for (title, text) in &sections {
            let faults = crate::i18n::french_spacing_faults(&format!("{title}\n{text}"));
            assert!(faults.is_empty(), "{title}: {faults:?}");
        }
    }

    #[test]
    fn the_notice_names_the_landlord_its_dpo_the_retention_and_the_cnil() {
        let settings = NoticeSettings {
            controller: "Logis du Nord".into(),
            contact: "vie.residences@logisdunord.example".into(),
            dpo_contact: "dpo@logisdunord.example".into(),
        };
        for locale in Locale::ALL {
            let all: String = current_notice()
                .sections(locale, &settings)
                .into_iter()
                .map(|(title, text)| format!("{title}\n{text}\n"))
                .collect();
            for needle in [
                "Logis du Nord",
                "vie.residences@logisdunord.example",
                "dpo@logisdunord.example",
                "CNIL",
                "3",
            ] {
                assert!(all.contains(needle), "{locale:?} misses {needle}");
            }
        }
        let french: String = current_notice()
            .sections(Locale::Fr, &settings)
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        for right in [
            "voir vos données",
            "corriger",
            "effacer",
            "limiter",
            "vous opposer",
            "recevoir",
            "retirer votre accord",
            "aussi simplement",
            "hors de l'Union européenne",
            "pas obligé(e)",
            "consentement",
        ] {
            assert!(french.contains(right), "the French notice misses {right:?}");
        }
    }

    /// The demo contact ends with a phone number: in Arabic its digit pairs must not come out
    /// reversed, and in every language it must not break across two lines.
    #[test]
    fn the_contact_number_reads_whole_and_left_to_right_in_every_language() {
        let settings = NoticeSettings::demo();
        let text = |locale| {
            current_notice()
                .sections(locale, &settings)
                .into_iter()
                .map(|(_, text)| text)
                .collect::<String>()
        };
        let whole = "01\u{a0}23\u{a0}45\u{a0}67\u{a0}89";
        assert!(text(Locale::Fr).contains(whole));
        assert!(
            !text(Locale::Fr).contains('\u{2066}'),
            "no isolate in French"
        );
        assert!(text(Locale::En).contains(whole));
        assert!(text(Locale::Ar).contains(&format!("\u{2066}{whole}\u{2069}")));
        assert!(text(Locale::Ar).contains("\u{2068}contact@habitat-demo.example, "));
    }

    #[test]
    fn each_purpose_has_its_own_label_in_each_language() {
        for locale in Locale::ALL {
            let labels: std::collections::HashSet<_> =
                Purpose::ALL.iter().map(|p| p.label(locale)).collect();
            assert_eq!(labels.len(), Purpose::ALL.len());
        }
        assert_eq!(
            Purpose::AppContact.label(Locale::Fr),
            "Être recontacté(e) au sujet de l'application du quartier"
        );
    }

    #[test]
    fn answers_are_stored_with_stable_names() {
        let answer = ConsentAnswer {
            purpose: Purpose::PartnerReferral,
            granted: false,
        };
        let json = serde_json::to_string(&answer).unwrap();
        assert_eq!(json, r#"{"purpose":"partner_referral","granted":false}"#);
        assert_eq!(
            serde_json::from_str::<ConsentAnswer>(&json).unwrap(),
            answer
        );
    }
}
