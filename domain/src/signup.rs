//! Signing a resident up: the form as typed (`SignupDraft`, kept as a draft so nothing is lost),
//! the rules it must meet (`validate`), and what gets recorded. The minimum is a first name, one
//! way to be contacted and an explicit yes or no for every purpose; nothing is ever pre-ticked.

use serde::{Deserialize, Serialize};

use crate::calendar::LocalDate;
use crate::canvass::DoorOutcome;
use crate::consent::{ConsentAnswer, Purpose};
use crate::contact::{self, EmailProblem, PhoneProblem};
use crate::event::EventBody;
use crate::i18n::Locale;
use crate::ids::DeviceId;
use crate::territory::DoorId;

/// Enough for "Marie-Christine" or two given names; a first name longer than this is a sentence
/// typed in the wrong field.
pub const MAX_NAME_CHARS: usize = 60;

/// One resident, across events (sign-up, consent withdrawal, erasure). Random, so that it says
/// nothing about the person or the door; the same canonical UUID form as device ids.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ResidentId(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a resident id (a lowercase UUID)")]
pub struct ResidentIdError(pub String);

impl ResidentId {
    /// From 16 bytes of a secure RNG, which the shell owns.
    pub fn from_random(bytes: [u8; 16]) -> ResidentId {
        ResidentId(DeviceId::from_random(bytes).into())
    }

    pub fn parse(input: &str) -> Result<ResidentId, ResidentIdError> {
        DeviceId::parse(input)
            .map(|_| ResidentId(input.to_owned()))
            .map_err(|_| ResidentIdError(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ResidentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ResidentId {
    type Error = ResidentIdError;
    fn try_from(value: String) -> Result<ResidentId, ResidentIdError> {
        ResidentId::parse(&value)
    }
}

impl From<ResidentId> for String {
    fn from(id: ResidentId) -> String {
        id.0
    }
}

/// Languages a resident may prefer to be contacted in: the tag stored, and the name written in
/// that language so a resident recognises their own. The interface languages come first; the
/// others are those most spoken in French social housing, plus French Sign Language.
pub const RESIDENT_LANGUAGES: &[(&str, &str)] = &[
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fsl", "Langue des signes française"),
    ("kab", "Taqbaylit"),
    ("tzm", "Tamaziɣt"),
    ("pt", "Português"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("tr", "Türkçe"),
    ("ro", "Română"),
    ("pl", "Polski"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("sq", "Shqip"),
    ("hy", "Հայերեն"),
    ("ka", "ქართული"),
    ("fa", "فارسی"),
    ("ps", "پښتو"),
    ("ur", "اردو"),
    ("bn", "বাংলা"),
    ("ta", "தமிழ்"),
    ("zh", "中文"),
    ("vi", "Tiếng Việt"),
    ("wo", "Wolof"),
    ("bm", "Bamanankan"),
    ("snk", "Sooninkanxanne"),
    ("ff", "Pulaar"),
    ("ln", "Lingála"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
];

/// The sign-up form as typed so far, saved as a draft on every change. Every field is the raw
/// text; nothing is checked until `validate`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignupDraft {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    /// A tag from [`RESIDENT_LANGUAGES`].
    pub language: String,
    /// The answers given so far; a purpose not listed has not been answered yet.
    pub consents: Vec<ConsentAnswer>,
    pub door: Option<DoorId>,
}

impl SignupDraft {
    /// The resident's answer for one purpose, if they gave one.
    pub fn answer(&self, purpose: Purpose) -> Option<bool> {
        self.consents
            .iter()
            .rev()
            .find(|a| a.purpose == purpose)
            .map(|a| a.granted)
    }

    /// Records (or changes) the answer for one purpose.
    pub fn set_answer(&mut self, purpose: Purpose, granted: bool) {
        self.consents.retain(|a| a.purpose != purpose);
        self.consents.push(ConsentAnswer { purpose, granted });
    }
}

/// The inputs of the form, so that each problem is shown next to the input it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignupField {
    FirstName,
    LastName,
    Phone,
    Email,
    /// Phone and e-mail together: "at least one way to be contacted".
    Contact,
    Language,
    /// The yes / no answers, shown together under the purposes.
    Consents,
}

impl SignupField {
    /// The draft's text behind a text input; empty for the fields that are not one.
    pub fn read(self, draft: &SignupDraft) -> String {
        match self {
            SignupField::FirstName => draft.first_name.clone(),
            SignupField::LastName => draft.last_name.clone(),
            SignupField::Phone => draft.phone.clone(),
            SignupField::Email => draft.email.clone(),
            SignupField::Language => draft.language.clone(),
            SignupField::Contact | SignupField::Consents => String::new(),
        }
    }

    /// Puts typed text into the draft; ignored for the fields that are not a text input.
    pub fn write(self, draft: &mut SignupDraft, value: String) {
        match self {
            SignupField::FirstName => draft.first_name = value,
            SignupField::LastName => draft.last_name = value,
            SignupField::Phone => draft.phone = value,
            SignupField::Email => draft.email = value,
            SignupField::Language => draft.language = value,
            SignupField::Contact | SignupField::Consents => {}
        }
    }
}

/// Why the form cannot be recorded yet; each says what to do in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignupProblem {
    FirstNameMissing,
    FirstNameTooLong,
    LastNameTooLong,
    NoWayToContact,
    Phone(PhoneProblem),
    Email(EmailProblem),
    LanguageMissing,
    LanguageUnknown,
    ConsentUnanswered(Purpose),
}

impl SignupProblem {
    pub fn field(&self) -> SignupField {
        match self {
            SignupProblem::FirstNameMissing | SignupProblem::FirstNameTooLong => {
                SignupField::FirstName
            }
            SignupProblem::LastNameTooLong => SignupField::LastName,
            SignupProblem::NoWayToContact => SignupField::Contact,
            SignupProblem::Phone(_) => SignupField::Phone,
            SignupProblem::Email(_) => SignupField::Email,
            SignupProblem::LanguageMissing | SignupProblem::LanguageUnknown => {
                SignupField::Language
            }
            SignupProblem::ConsentUnanswered(_) => SignupField::Consents,
        }
    }

    pub fn text(&self, locale: Locale) -> String {
        let max = MAX_NAME_CHARS;
        match (self, locale) {
            (SignupProblem::Phone(p), _) => p.text(locale),
            (SignupProblem::Email(p), _) => p.text(locale),
            (SignupProblem::ConsentUnanswered(purpose), Locale::Fr) => {
                format!("Répondez oui ou non : « {} ».", purpose.label(locale))
            }
            (SignupProblem::ConsentUnanswered(purpose), Locale::En) => {
                format!("Answer yes or no: “{}”.", purpose.label(locale))
            }
            (SignupProblem::ConsentUnanswered(purpose), Locale::Ar) => {
                format!("أجب بنعم أو لا: «{}».", purpose.label(locale))
            }
            (SignupProblem::FirstNameMissing, Locale::Fr) => "Écrivez le prénom.".into(),
            (SignupProblem::FirstNameMissing, Locale::En) => "Write the first name.".into(),
            (SignupProblem::FirstNameMissing, Locale::Ar) => "اكتب الاسم الأول.".into(),
            (SignupProblem::FirstNameTooLong, Locale::Fr) => {
                format!("Le prénom est trop long : {max} caractères au plus.")
            }
            (SignupProblem::FirstNameTooLong, Locale::En) => {
                format!("The first name is too long: {max} characters at most.")
            }
            (SignupProblem::FirstNameTooLong, Locale::Ar) => {
                format!("الاسم الأول طويل جدًا: {max} حرفًا على الأكثر.")
            }
            (SignupProblem::LastNameTooLong, Locale::Fr) => {
                format!("Le nom est trop long : {max} caractères au plus.")
            }
            (SignupProblem::LastNameTooLong, Locale::En) => {
                format!("The last name is too long: {max} characters at most.")
            }
            (SignupProblem::LastNameTooLong, Locale::Ar) => {
                format!("اسم العائلة طويل جدًا: {max} حرفًا على الأكثر.")
            }
            (SignupProblem::NoWayToContact, Locale::Fr) => {
                "Donnez un téléphone ou un e-mail (au moins un des deux).".into()
            }
            (SignupProblem::NoWayToContact, Locale::En) => {
                "Give a phone number or an email address (at least one of them).".into()
            }
            (SignupProblem::NoWayToContact, Locale::Ar) => {
                "أعطِ رقم هاتف أو بريدًا إلكترونيًا (واحدًا منهما على الأقل).".into()
            }
            (SignupProblem::LanguageMissing, Locale::Fr) => "Choisissez une langue.".into(),
            (SignupProblem::LanguageMissing, Locale::En) => "Choose a language.".into(),
            (SignupProblem::LanguageMissing, Locale::Ar) => "اختر لغة.".into(),
            (SignupProblem::LanguageUnknown, Locale::Fr) => {
                "Cette langue n'est pas dans la liste : choisissez-en une dans la liste.".into()
            }
            (SignupProblem::LanguageUnknown, Locale::En) => {
                "This language is not in the list: choose one from the list.".into()
            }
            (SignupProblem::LanguageUnknown, Locale::Ar) => {
                "هذه اللغة ليست في القائمة: اختر لغة من القائمة.".into()
            }
        }
    }
}

/// A form that met every rule, in its stored form (names tidied, phone and e-mail normalised,
/// one answer per purpose in the form's order). Only `validate` makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSignup {
    first_name: String,
    last_name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    language: String,
    consents: Vec<ConsentAnswer>,
    door: Option<DoorId>,
}

/// Surrounding blanks removed and inner runs of blanks made one space: "  Awa   Marie " and
/// "Awa Marie" are the same name.
pub fn tidy_name(typed: &str) -> String {
    typed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks the whole form at once, so the volunteer sees every problem in one go.
pub fn validate(draft: &SignupDraft) -> Result<ValidSignup, Vec<SignupProblem>> {
    let mut problems = Vec::new();

    let first_name = tidy_name(&draft.first_name);
    if first_name.is_empty() {
        problems.push(SignupProblem::FirstNameMissing);
    } else if first_name.chars().count() > MAX_NAME_CHARS {
        problems.push(SignupProblem::FirstNameTooLong);
    }
    let last_name = Some(tidy_name(&draft.last_name)).filter(|n| !n.is_empty());
    if last_name
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NAME_CHARS)
    {
        problems.push(SignupProblem::LastNameTooLong);
    }

    // A blank input is "not given"; anything typed must be right, even if the other way works,
    // or the resident would wait for a call that can never come.
    let given = |text: &str| !text.trim().is_empty();
    let phone = if given(&draft.phone) {
        contact::normalise_phone(&draft.phone)
            .map_err(|p| problems.push(SignupProblem::Phone(p)))
            .ok()
    } else {
        None
    };
    let email = if given(&draft.email) {
        contact::normalise_email(&draft.email)
            .map_err(|p| problems.push(SignupProblem::Email(p)))
            .ok()
    } else {
        None
    };
    if !given(&draft.phone) && !given(&draft.email) {
        problems.push(SignupProblem::NoWayToContact);
    }

    let language = draft.language.trim();
    let language = if language.is_empty() {
        problems.push(SignupProblem::LanguageMissing);
        None
    } else {
        let known = RESIDENT_LANGUAGES
            .iter()
            .find(|(tag, _)| tag.eq_ignore_ascii_case(language));
        if known.is_none() {
            problems.push(SignupProblem::LanguageUnknown);
        }
        known.map(|(tag, _)| (*tag).to_owned())
    };

    let mut consents = Vec::new();
    for purpose in Purpose::ALL {
        match draft.answer(purpose) {
            Some(granted) => consents.push(ConsentAnswer { purpose, granted }),
            None => problems.push(SignupProblem::ConsentUnanswered(purpose)),
        }
    }

    match language {
        Some(language) if problems.is_empty() => Ok(ValidSignup {
            first_name,
            last_name,
            phone,
            email,
            language,
            consents,
            door: draft.door.clone(),
        }),
        _ => Err(problems),
    }
}

/// Whether these answers make the resident "inscrit": a yes to hearing about the neighbourhood
/// app or to joining the résidence's group, the two purposes that are the campaign's goal. A yes
/// to a partner only is a referral, not a sign-up; all noes is a resident who listened.
pub fn joins_the_app(consents: &[ConsentAnswer]) -> bool {
    consents
        .iter()
        .any(|a| a.granted && matches!(a.purpose, Purpose::AppContact | Purpose::ResidenceGroup))
}

/// The door outcome a sign-up form stands for: `SignedUp` when the resident said yes to the app
/// or to the group ([`joins_the_app`]), else `Interested`. A resident who answered no to every
/// purpose still opened, listened and went through the form: they count as "intéressé", never as
/// a refusal, and are not knocked again (see `canvass::status`).
pub fn outcome_for(signup: &ValidSignup) -> DoorOutcome {
    if joins_the_app(&signup.consents) {
        DoorOutcome::SignedUp
    } else {
        DoorOutcome::Interested
    }
}

impl ValidSignup {
    pub fn first_name(&self) -> &str {
        &self.first_name
    }

    pub fn phone(&self) -> Option<&str> {
        self.phone.as_deref()
    }

    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }

    pub fn language(&self) -> &str {
        &self.language
    }

    pub fn consents(&self) -> &[ConsentAnswer] {
        &self.consents
    }

    pub fn door(&self) -> Option<&DoorId> {
        self.door.as_ref()
    }

    pub fn granted(&self, purpose: Purpose) -> bool {
        self.consents
            .iter()
            .any(|a| a.purpose == purpose && a.granted)
    }

    /// Whether anything was agreed to. When nothing was, the details have no purpose and must
    /// not be kept (GDPR art. 5(1)(c), data minimisation): only the door visit is recorded.
    pub fn keeps_details(&self) -> bool {
        self.consents.iter().any(|a| a.granted)
    }

    /// The `ResidentSignedUp` event to record, or `None` when the resident said no to every
    /// purpose ([`ValidSignup::keeps_details`]). Record the door visit with [`outcome_for`] in
    /// both cases: the door's state is folded from visits only. The consent's time is the
    /// event's own (its envelope's clock and this local date).
    pub fn into_event_body(
        self,
        resident: ResidentId,
        notice_version: impl Into<String>,
        local_date: LocalDate,
    ) -> Option<EventBody> {
        self.keeps_details().then(|| EventBody::ResidentSignedUp {
            door: self.door,
            resident,
            first_name: self.first_name,
            last_name: self.last_name,
            phone: self.phone,
            email: self.email,
            language: self.language,
            consents: self.consents,
            notice_version: notice_version.into(),
            local_date,
        })
    }
}

/// Whether a stored language tag has the shape of a BCP 47 tag ("fr", "ar-MA", "fsl"). Events are
/// checked by shape rather than against [`RESIDENT_LANGUAGES`], so that a list extended in a
/// later version never makes an older server refuse them.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or_default();
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(draft: &mut SignupDraft, yes: &[Purpose]) {
        for purpose in Purpose::ALL {
            draft.set_answer(purpose, yes.contains(&purpose));
        }
    }

    fn awa() -> SignupDraft {
        let mut draft = SignupDraft {
            first_name: "  Awa ".into(),
            phone: "06 12 34 56 78".into(),
            language: "fr".into(),
            door: Some(DoorId("porte-12".into())),
            ..SignupDraft::default()
        };
        answered(&mut draft, &[Purpose::AppContact]);
        draft
    }

    fn day() -> LocalDate {
        LocalDate::new(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_first_name_and_a_phone_with_every_purpose_answered_is_enough() {
        let valid = validate(&awa()).unwrap();
        assert_eq!(valid.first_name(), "Awa");
        assert_eq!(valid.phone(), Some("+33612345678"));
        assert_eq!(valid.email(), None);
        assert!(valid.granted(Purpose::AppContact));
        assert!(!valid.granted(Purpose::PartnerReferral));
        assert_eq!(
            valid
                .consents()
                .iter()
                .map(|a| a.purpose)
                .collect::<Vec<_>>(),
            Purpose::ALL
        );
        assert_eq!(outcome_for(&valid), DoorOutcome::SignedUp);
    }

    #[test]
    fn an_empty_form_lists_every_problem_next_to_its_input() {
        let problems = validate(&SignupDraft::default()).unwrap_err();
        assert_eq!(
            problems,
            vec![
                SignupProblem::FirstNameMissing,
                SignupProblem::NoWayToContact,
                SignupProblem::LanguageMissing,
                SignupProblem::ConsentUnanswered(Purpose::AppContact),
                SignupProblem::ConsentUnanswered(Purpose::ResidenceGroup),
                SignupProblem::ConsentUnanswered(Purpose::PartnerReferral),
            ]
        );
        let fields: Vec<_> = problems.iter().map(SignupProblem::field).collect();
        assert_eq!(
            fields,
            [
                SignupField::FirstName,
                SignupField::Contact,
                SignupField::Language,
                SignupField::Consents,
                SignupField::Consents,
                SignupField::Consents,
            ]
        );
        assert_eq!(
            problems[3].text(Locale::Fr),
            "Répondez oui ou non : « Être recontacté(e) au sujet de l'application du quartier »."
        );
    }

    #[test]
    fn an_unanswered_purpose_is_never_taken_as_a_yes_or_a_no() {
        let mut draft = awa();
        draft
            .consents
            .retain(|a| a.purpose != Purpose::ResidenceGroup);
        assert_eq!(
            validate(&draft),
            Err(vec![SignupProblem::ConsentUnanswered(
                Purpose::ResidenceGroup
            )])
        );
    }

    #[test]
    fn changing_an_answer_keeps_only_the_last_one() {
        let mut draft = awa();
        draft.set_answer(Purpose::AppContact, false);
        draft.set_answer(Purpose::AppContact, true);
        assert_eq!(draft.answer(Purpose::AppContact), Some(true));
        assert_eq!(draft.consents.len(), 3);
    }

    #[test]
    fn a_typed_contact_must_be_right_even_when_the_other_one_is() {
        let mut draft = awa();
        draft.email = "awa@exemple".into();
        assert_eq!(
            validate(&draft),
            Err(vec![SignupProblem::Email(EmailProblem::BadDomain)])
        );
        draft.email = "Awa@Exemple.fr".into();
        draft.phone = "06 12".into();
        assert_eq!(
            validate(&draft),
            Err(vec![SignupProblem::Phone(PhoneProblem::FrenchLength {
                digits: 4
            })])
        );
        draft.phone = "   ".into();
        let valid = validate(&draft).unwrap();
        assert_eq!(valid.email(), Some("awa@exemple.fr"));
        assert_eq!(valid.phone(), None);
    }

    #[test]
    fn names_are_tidied_and_limited() {
        let mut draft = awa();
        draft.first_name = " Marie   Christine ".into();
        draft.last_name = "  ".into();
        let body = validate(&draft)
            .unwrap()
            .into_event_body(ResidentId::from_random([1; 16]), "v", day())
            .unwrap();
        let EventBody::ResidentSignedUp {
            first_name,
            last_name,
            ..
        } = body
        else {
            panic!("not a sign-up: {body:?}");
        };
        assert_eq!(first_name, "Marie Christine");
        assert_eq!(last_name, None);
        draft.first_name = "é".repeat(MAX_NAME_CHARS + 1);
        draft.last_name = "b".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            validate(&draft),
            Err(vec![
                SignupProblem::FirstNameTooLong,
                SignupProblem::LastNameTooLong
            ])
        );
        draft.first_name = "é".repeat(MAX_NAME_CHARS);
        draft.last_name = "Diallo".into();
        assert!(validate(&draft).is_ok());
    }

    #[test]
    fn languages_come_from_the_list_whatever_their_case() {
        let mut draft = awa();
        draft.language = " AR ".into();
        assert_eq!(validate(&draft).unwrap().language(), "ar");
        draft.language = "klingon".into();
        assert_eq!(validate(&draft), Err(vec![SignupProblem::LanguageUnknown]));
        for (tag, name) in RESIDENT_LANGUAGES {
            assert!(is_language_tag(tag), "{tag}");
            assert!(!name.is_empty());
        }
        for locale in Locale::ALL {
            assert!(
                RESIDENT_LANGUAGES
                    .iter()
                    .any(|(tag, _)| *tag == locale.tag())
            );
        }
        assert!(is_language_tag("ar-MA"));
        assert!(!is_language_tag(""));
        assert!(!is_language_tag("FR"));
        assert!(!is_language_tag("fr-"));
        assert!(!is_language_tag("fr_FR"));
    }

    #[test]
    fn the_app_or_the_group_makes_an_inscrit_anything_else_an_interested_resident() {
        for (yes, outcome) in [
            (vec![Purpose::AppContact], DoorOutcome::SignedUp),
            (vec![Purpose::ResidenceGroup], DoorOutcome::SignedUp),
            (Purpose::ALL.to_vec(), DoorOutcome::SignedUp),
            (vec![Purpose::PartnerReferral], DoorOutcome::Interested),
            (vec![], DoorOutcome::Interested),
        ] {
            let mut draft = awa();
            answered(&mut draft, &yes);
            assert_eq!(outcome_for(&validate(&draft).unwrap()), outcome, "{yes:?}");
        }
    }

    #[test]
    fn details_given_for_no_purpose_are_not_kept() {
        let mut draft = awa();
        answered(&mut draft, &[]);
        let valid = validate(&draft).unwrap();
        assert!(!valid.keeps_details());
        assert_eq!(outcome_for(&valid), DoorOutcome::Interested);
        assert_eq!(
            valid.into_event_body(ResidentId::from_random([1; 16]), "v", day()),
            None
        );
    }

    #[test]
    fn the_event_carries_the_notice_version_the_answers_and_the_door() {
        let resident = ResidentId::from_random([5; 16]);
        let body = validate(&awa())
            .unwrap()
            .into_event_body(resident.clone(), crate::consent::NOTICE_VERSION, day())
            .unwrap();
        assert_eq!(
            body,
            EventBody::ResidentSignedUp {
                door: Some(DoorId("porte-12".into())),
                resident,
                first_name: "Awa".into(),
                last_name: None,
                phone: Some("+33612345678".into()),
                email: None,
                language: "fr".into(),
                consents: vec![
                    ConsentAnswer {
                        purpose: Purpose::AppContact,
                        granted: true
                    },
                    ConsentAnswer {
                        purpose: Purpose::ResidenceGroup,
                        granted: false
                    },
                    ConsentAnswer {
                        purpose: Purpose::PartnerReferral,
                        granted: false
                    },
                ],
                notice_version: crate::consent::NOTICE_VERSION.into(),
                local_date: day(),
            }
        );
    }

    #[test]
    fn fields_read_and_write_the_draft() {
        let mut draft = SignupDraft::default();
        for field in [
            SignupField::FirstName,
            SignupField::LastName,
            SignupField::Phone,
            SignupField::Email,
            SignupField::Language,
        ] {
            field.write(&mut draft, format!("{field:?}"));
            assert_eq!(field.read(&draft), format!("{field:?}"));
        }
        SignupField::Contact.write(&mut draft, "x".into());
        assert_eq!(SignupField::Contact.read(&draft), "");
    }

    #[test]
    fn a_draft_survives_a_reload_even_from_an_older_shape() {
        let draft = awa();
        let json = serde_json::to_string(&draft).unwrap();
        assert_eq!(serde_json::from_str::<SignupDraft>(&json).unwrap(), draft);
        let old: SignupDraft = serde_json::from_str(r#"{"first_name":"Awa"}"#).unwrap();
        assert_eq!(old.first_name, "Awa");
    }

    #[test]
    fn resident_ids_are_random_uuids_checked_on_the_way_in() {
        let id = ResidentId::from_random([0xab; 16]);
        assert_eq!(ResidentId::parse(id.as_str()), Ok(id.clone()));
        assert!(ResidentId::parse("awa").is_err());
        assert!(serde_json::from_str::<ResidentId>("\"awa\"").is_err());
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(serde_json::from_str::<ResidentId>(&json).unwrap(), id);
    }

    #[test]
    fn every_problem_reads_in_every_language() {
        let all = [
            SignupProblem::FirstNameMissing,
            SignupProblem::FirstNameTooLong,
            SignupProblem::LastNameTooLong,
            SignupProblem::NoWayToContact,
            SignupProblem::Phone(PhoneProblem::NoPrefix),
            SignupProblem::Email(EmailProblem::NoAt),
            SignupProblem::LanguageMissing,
            SignupProblem::LanguageUnknown,
            SignupProblem::ConsentUnanswered(Purpose::PartnerReferral),
        ];
        for problem in &all {
            for locale in Locale::ALL {
                assert!(!problem.text(locale).trim().is_empty());
            }
            assert_ne!(problem.text(Locale::Fr), problem.text(Locale::En));
            assert_ne!(problem.text(Locale::Fr), problem.text(Locale::Ar));
        }
    }
}
