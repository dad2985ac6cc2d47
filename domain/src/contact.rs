//! Ways to reach a resident: phone numbers as people write them in France, brought to one stored
//! form ("+33612345678") so that the same number is always the same text, and e-mail addresses
//! checked the practical way (no attempt at the full RFC 5322 grammar, which accepts addresses
//! no one uses and still cannot tell whether a mailbox exists).

use crate::i18n::Locale;

/// Why a typed phone number was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneProblem {
    Empty,
    /// A character that has no place in a phone number (a letter, a comma…).
    UnexpectedCharacter {
        found: char,
    },
    /// Starts with neither 0 (a French number) nor + / 00 (a country code).
    NoPrefix,
    /// A French number (0…, +33…, or an overseas one) without its 10 digits.
    FrenchLength {
        digits: usize,
    },
    /// "+" and a country code, but not the 8 to 15 digits an international number has.
    InternationalLength {
        digits: usize,
    },
}

impl PhoneProblem {
    pub fn text(&self, locale: Locale) -> String {
        match (self, locale) {
            (PhoneProblem::Empty, Locale::Fr) => "Le numéro est vide.".into(),
            (PhoneProblem::Empty, Locale::En) => "The number is empty.".into(),
            (PhoneProblem::Empty, Locale::Ar) => "الرقم فارغ.".into(),
            (PhoneProblem::UnexpectedCharacter { found }, Locale::Fr) => format!(
                "Le numéro contient « {found} ». Écrivez seulement des chiffres (les espaces, points et le + sont acceptés)."
            ),
            (PhoneProblem::UnexpectedCharacter { found }, Locale::En) => format!(
                "The number contains “{found}”. Write digits only (spaces, dots and + are fine)."
            ),
            (PhoneProblem::UnexpectedCharacter { found }, Locale::Ar) => format!(
                "الرقم يحتوي على «{found}». اكتب أرقامًا فقط (المسافات والنقاط و+ مقبولة)."
            ),
            (PhoneProblem::NoPrefix, Locale::Fr) => {
                "Un numéro commence par 0 (numéro français, par exemple 06 12 34 56 78) ou par + et l'indicatif du pays.".into()
            }
            (PhoneProblem::NoPrefix, Locale::En) => {
                "A number starts with 0 (a French number, for example 06 12 34 56 78) or with + and the country code.".into()
            }
            (PhoneProblem::NoPrefix, Locale::Ar) => {
                "يبدأ الرقم بـ 0 (رقم فرنسي، مثلًا 06 12 34 56 78) أو بـ + ورمز البلد.".into()
            }
            (PhoneProblem::FrenchLength { digits }, Locale::Fr) => format!(
                "Un numéro français a 10 chiffres (par exemple 06 12 34 56 78). Celui-ci en a {digits}."
            ),
            (PhoneProblem::FrenchLength { digits }, Locale::En) => format!(
                "A French number has 10 digits (for example 06 12 34 56 78). This one has {digits}."
            ),
            (PhoneProblem::FrenchLength { digits }, Locale::Ar) => format!(
                "الرقم الفرنسي يتكون من 10 أرقام (مثلًا 06 12 34 56 78). هذا الرقم فيه {digits}."
            ),
            (PhoneProblem::InternationalLength { digits }, Locale::Fr) => format!(
                "Un numéro international a entre 8 et 15 chiffres avec l'indicatif du pays. Celui-ci en a {digits}."
            ),
            (PhoneProblem::InternationalLength { digits }, Locale::En) => format!(
                "An international number has 8 to 15 digits including the country code. This one has {digits}."
            ),
            (PhoneProblem::InternationalLength { digits }, Locale::Ar) => format!(
                "الرقم الدولي يتكون من 8 إلى 15 رقمًا مع رمز البلد. هذا الرقم فيه {digits}."
            ),
        }
    }
}

/// Overseas départements dial like mainland France (0 and nine digits) but have their own
/// country codes: a Réunion mobile typed "0692 12 34 56" must be stored as "+262692123456", or a
/// text message sent through an international gateway goes nowhere. The four-digit national
/// prefix decides (ARCEP numbering plan).
const OVERSEAS_PREFIXES: &[(&str, &str)] = &[
    // Guadeloupe, Saint-Martin, Saint-Barthélemy: landlines, mobiles.
    ("0590", "590"),
    ("0690", "590"),
    ("0691", "590"),
    // Guyane.
    ("0594", "594"),
    ("0694", "594"),
    // Martinique.
    ("0596", "596"),
    ("0696", "596"),
    ("0697", "596"),
    // La Réunion.
    ("0262", "262"),
    ("0263", "262"),
    ("0692", "262"),
    ("0693", "262"),
    // Mayotte shares La Réunion's country code.
    ("0269", "262"),
    ("0639", "262"),
];

/// Country codes of the French numbering plan: after them come exactly nine digits.
const FRENCH_PLAN_CODES: &[&str] = &["33", "590", "594", "596", "262"];

/// Separators people type or paste between digit groups; they carry no meaning.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '.' | '-' | '/' | '(' | ')' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}'
    )
}

/// The stored form of a phone number: "+" and digits, e.g. "+33612345678".
///
/// Accepts "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678",
/// "+33 (0)6 12 34 56 78", "+33 06 12 34 56 78" (the 0 written by habit after +33 is dropped);
/// overseas numbers get their own country code; other "+…" numbers are kept as given when they
/// have a plausible length. Applying it to its own result gives the same result.
pub fn normalise_phone(typed: &str) -> Result<String, PhoneProblem> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return Err(PhoneProblem::Empty);
    }
    // "+33 (0)6…": the bracketed 0 is the national trunk prefix, written for people dialling
    // from inside France; it must not end up among the digits.
    let without_trunk = trimmed.replace("(0)", "");
    let mut plus = false;
    let mut digits = String::new();
    for (i, c) in without_trunk.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            c if is_separator(c) => {}
            found => return Err(PhoneProblem::UnexpectedCharacter { found }),
        }
    }
    if digits.is_empty() {
        return Err(PhoneProblem::Empty);
    }
    if !plus && let Some(rest) = digits.strip_prefix("00") {
        plus = true;
        digits = rest.to_owned();
    }
    if plus {
        international(&digits)
    } else if digits.starts_with('0') {
        national(&digits)
    } else {
        Err(PhoneProblem::NoPrefix)
    }
}

/// A number written with 0 and nine digits, as dialled from inside France. Callers have already
/// sent "00…" the international way.
fn national(digits: &str) -> Result<String, PhoneProblem> {
    if digits.len() != 10 {
        return Err(PhoneProblem::FrenchLength {
            digits: digits.len(),
        });
    }
    let code = OVERSEAS_PREFIXES
        .iter()
        .find(|(prefix, _)| digits.starts_with(prefix))
        .map_or("33", |(_, code)| code);
    Ok(format!("+{code}{}", &digits[1..]))
}

/// Digits after a "+" (or "00").
fn international(digits: &str) -> Result<String, PhoneProblem> {
    if let Some(code) = FRENCH_PLAN_CODES.iter().find(|c| digits.starts_with(*c)) {
        // The whole French plan is one national plan: the nine digits decide the country code,
        // whichever was typed. So "+33 692…" (an overseas mobile written with the mainland
        // code) lands on +262, and every stored number reads back the same from its display
        // form. A 0 typed by habit after the code ("+33 06…") is the trunk prefix: dropped.
        let rest = &digits[code.len()..];
        let subscriber = rest.strip_prefix('0').unwrap_or(rest);
        if subscriber.len() == 9 && !subscriber.starts_with('0') {
            return national(&format!("0{subscriber}"));
        }
        return Err(PhoneProblem::FrenchLength {
            digits: subscriber.len() + 1,
        });
    }
    if digits.starts_with('0') {
        return Err(PhoneProblem::NoPrefix);
    }
    if (8..=15).contains(&digits.len()) {
        Ok(format!("+{digits}"))
    } else {
        Err(PhoneProblem::InternationalLength {
            digits: digits.len(),
        })
    }
}

/// How a stored number is shown: French-plan numbers as dialled in France ("06 12 34 56 78",
/// "06 92 12 34 56" for a Réunion mobile), others as stored.
pub fn display_phone(stored: &str) -> String {
    let Some(digits) = stored.strip_prefix('+') else {
        return stored.to_owned();
    };
    let national_rest = FRENCH_PLAN_CODES.iter().find_map(|code| {
        let rest = digits.strip_prefix(code)?;
        (rest.len() == 9 && rest.bytes().all(|b| b.is_ascii_digit())).then_some(rest)
    });
    let Some(rest) = national_rest else {
        return stored.to_owned();
    };
    let national = format!("0{rest}");
    national
        .as_bytes()
        .chunks(2)
        .map(|pair| std::str::from_utf8(pair).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Longest address SMTP can carry (RFC 5321's 256-octet path, minus the angle brackets).
pub const MAX_EMAIL_CHARS: usize = 254;

/// Why a typed e-mail address was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailProblem {
    Empty,
    TooLong,
    HasSpace,
    NoAt,
    SeveralAts,
    /// Nothing before the @.
    NoName,
    /// Nothing usable after the @: no dot ("gmail"), or an empty part ("gmail..com", "gmail.").
    BadDomain,
}

impl EmailProblem {
    pub fn text(&self, locale: Locale) -> String {
        let text = match (self, locale) {
            (EmailProblem::Empty, Locale::Fr) => "L'adresse e-mail est vide.",
            (EmailProblem::Empty, Locale::En) => "The email address is empty.",
            (EmailProblem::Empty, Locale::Ar) => "عنوان البريد الإلكتروني فارغ.",
            (EmailProblem::TooLong, Locale::Fr) => "L'adresse e-mail est trop longue.",
            (EmailProblem::TooLong, Locale::En) => "The email address is too long.",
            (EmailProblem::TooLong, Locale::Ar) => "عنوان البريد الإلكتروني طويل جدًا.",
            (EmailProblem::HasSpace, Locale::Fr) => "Une adresse e-mail ne contient pas d'espace.",
            (EmailProblem::HasSpace, Locale::En) => "An email address has no spaces.",
            (EmailProblem::HasSpace, Locale::Ar) => "عنوان البريد الإلكتروني لا يحتوي على مسافات.",
            (EmailProblem::NoAt, Locale::Fr) => "Il manque le @ (par exemple prenom@exemple.fr).",
            (EmailProblem::NoAt, Locale::En) => "The @ is missing (for example name@example.com).",
            (EmailProblem::NoAt, Locale::Ar) => "ينقص الرمز @ (مثلًا name@example.com).",
            (EmailProblem::SeveralAts, Locale::Fr) => "Une adresse e-mail a un seul @.",
            (EmailProblem::SeveralAts, Locale::En) => "An email address has only one @.",
            (EmailProblem::SeveralAts, Locale::Ar) => "عنوان البريد الإلكتروني فيه رمز @ واحد فقط.",
            (EmailProblem::NoName, Locale::Fr) => "Il manque le nom avant le @.",
            (EmailProblem::NoName, Locale::En) => "The name before the @ is missing.",
            (EmailProblem::NoName, Locale::Ar) => "ينقص الاسم قبل الرمز @.",
            (EmailProblem::BadDomain, Locale::Fr) => {
                "La fin de l'adresse, après le @, est incomplète (par exemple exemple.fr)."
            }
            (EmailProblem::BadDomain, Locale::En) => {
                "The end of the address, after the @, is incomplete (for example example.com)."
            }
            (EmailProblem::BadDomain, Locale::Ar) => {
                "نهاية العنوان بعد الرمز @ غير مكتملة (مثلًا example.com)."
            }
        };
        text.to_owned()
    }
}

/// The stored form of an e-mail address: trimmed and lowercased, or why it can't be used.
///
/// The whole address is lowercased, not only the domain: the part before the @ is case-sensitive
/// in theory only, every mainstream provider ignores case, and one spelling per person is what
/// lets an erasure request or a duplicate sign-up find the same resident.
pub fn normalise_email(typed: &str) -> Result<String, EmailProblem> {
    let address = typed.trim();
    if address.is_empty() {
        return Err(EmailProblem::Empty);
    }
    if address.chars().count() > MAX_EMAIL_CHARS {
        return Err(EmailProblem::TooLong);
    }
    if address.chars().any(char::is_whitespace) {
        return Err(EmailProblem::HasSpace);
    }
    let (name, domain) = match address.split('@').collect::<Vec<_>>().as_slice() {
        [_] => return Err(EmailProblem::NoAt),
        [name, domain] => (*name, *domain),
        _ => return Err(EmailProblem::SeveralAts),
    };
    if name.is_empty() {
        return Err(EmailProblem::NoName);
    }
    if !domain.contains('.') || domain.split('.').any(str::is_empty) {
        return Err(EmailProblem::BadDomain);
    }
    Ok(address.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn french_numbers_in_every_usual_spelling_become_one() {
        for typed in [
            "06 12 34 56 78",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "0612345678",
            " 06 12 34 56 78 ",
            "+33 6 12 34 56 78",
            "+33612345678",
            "0033612345678",
            "00 33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "+33 (0) 6 12 34 56 78",
            "+33 06 12 34 56 78",
            "06\u{a0}12\u{a0}34\u{a0}56\u{a0}78",
        ] {
            assert_eq!(
                normalise_phone(typed).as_deref(),
                Ok("+33612345678"),
                "{typed:?}"
            );
        }
        assert_eq!(
            normalise_phone("01 45 67 89 10").as_deref(),
            Ok("+33145678910")
        );
        assert_eq!(
            normalise_phone("09 70 12 34 56").as_deref(),
            Ok("+33970123456")
        );
    }

    #[test]
    fn overseas_numbers_get_their_own_country_code() {
        for (typed, stored) in [
            ("0590 12 34 56", "+590590123456"),
            ("0690 12 34 56", "+590690123456"),
            ("0594 12 34 56", "+594594123456"),
            ("0694 12 34 56", "+594694123456"),
            ("0596 12 34 56", "+596596123456"),
            ("0696 12 34 56", "+596696123456"),
            ("0262 12 34 56", "+262262123456"),
            ("0692 12 34 56", "+262692123456"),
            ("0693 12 34 56", "+262693123456"),
            ("0269 61 23 45", "+262269612345"),
            ("0639 12 34 56", "+262639123456"),
            // Already international, or the mainland code by mistake.
            ("+262 692 12 34 56", "+262692123456"),
            ("+262 (0)692 12 34 56", "+262692123456"),
            ("+33 692 12 34 56", "+262692123456"),
            ("+590 6 12 34 56 78", "+33612345678"),
            ("00590690123456", "+590690123456"),
        ] {
            assert_eq!(normalise_phone(typed).as_deref(), Ok(stored), "{typed:?}");
        }
    }

    #[test]
    fn other_countries_are_kept_as_given_when_plausible() {
        assert_eq!(
            normalise_phone("+44 7911 123456").as_deref(),
            Ok("+447911123456")
        );
        assert_eq!(
            normalise_phone("00212 6 12 34 56 78").as_deref(),
            Ok("+212612345678")
        );
        assert_eq!(
            normalise_phone("+1 234"),
            Err(PhoneProblem::InternationalLength { digits: 4 })
        );
        assert_eq!(
            normalise_phone("+1234567890123456"),
            Err(PhoneProblem::InternationalLength { digits: 16 })
        );
    }

    #[test]
    fn wrong_numbers_say_what_is_wrong() {
        assert_eq!(normalise_phone("  "), Err(PhoneProblem::Empty));
        assert_eq!(normalise_phone("--"), Err(PhoneProblem::Empty));
        assert_eq!(
            normalise_phone("06 12 34 56 7"),
            Err(PhoneProblem::FrenchLength { digits: 9 })
        );
        assert_eq!(
            normalise_phone("06 12 34 56 789"),
            Err(PhoneProblem::FrenchLength { digits: 11 })
        );
        assert_eq!(
            normalise_phone("+33 6 12 34 56"),
            Err(PhoneProblem::FrenchLength { digits: 8 })
        );
        assert_eq!(
            normalise_phone("00 12 34 5"),
            Err(PhoneProblem::InternationalLength { digits: 5 })
        );
        assert_eq!(
            normalise_phone("6 12 34 56 78"),
            Err(PhoneProblem::NoPrefix)
        );
        assert_eq!(
            normalise_phone("06 12 34 56 7O"),
            Err(PhoneProblem::UnexpectedCharacter { found: 'O' })
        );
        assert_eq!(
            normalise_phone("06 12 + 34 56 78"),
            Err(PhoneProblem::UnexpectedCharacter { found: '+' })
        );
        for problem in [
            PhoneProblem::Empty,
            PhoneProblem::NoPrefix,
            PhoneProblem::UnexpectedCharacter { found: 'x' },
            PhoneProblem::FrenchLength { digits: 9 },
            PhoneProblem::InternationalLength { digits: 4 },
        ] {
            for locale in Locale::ALL {
                assert!(!problem.text(locale).is_empty());
            }
            assert_ne!(problem.text(Locale::Fr), problem.text(Locale::Ar));
        }
    }

    #[test]
    fn numbers_are_shown_the_french_way() {
        assert_eq!(display_phone("+33612345678"), "06 12 34 56 78");
        assert_eq!(display_phone("+262692123456"), "06 92 12 34 56");
        assert_eq!(display_phone("+447911123456"), "+447911123456");
        assert_eq!(display_phone("not a number"), "not a number");
    }

    #[test]
    fn emails_are_checked_and_lowercased() {
        assert_eq!(
            normalise_email("  Awa.Diallo@Exemple.FR ").as_deref(),
            Ok("awa.diallo@exemple.fr")
        );
        assert_eq!(
            normalise_email("a+quartier@mail.example.org").as_deref(),
            Ok("a+quartier@mail.example.org")
        );
        assert!(normalise_email("élodie@bailleur.fr").is_ok());
        for (typed, problem) in [
            ("", EmailProblem::Empty),
            ("awa diallo@exemple.fr", EmailProblem::HasSpace),
            ("awa.exemple.fr", EmailProblem::NoAt),
            ("awa@@exemple.fr", EmailProblem::SeveralAts),
            ("a@b@exemple.fr", EmailProblem::SeveralAts),
            ("@exemple.fr", EmailProblem::NoName),
            ("awa@exemple", EmailProblem::BadDomain),
            ("awa@exemple.", EmailProblem::BadDomain),
            ("awa@.fr", EmailProblem::BadDomain),
            ("awa@exemple..fr", EmailProblem::BadDomain),
            ("awa@", EmailProblem::BadDomain),
        ] {
            assert_eq!(normalise_email(typed), Err(problem), "{typed:?}");
        }
        let long = format!("{}@exemple.fr", "a".repeat(MAX_EMAIL_CHARS));
        assert_eq!(normalise_email(&long), Err(EmailProblem::TooLong));
        let longest = format!("{}@exemple.fr", "a".repeat(MAX_EMAIL_CHARS - 11));
        assert!(normalise_email(&longest).is_ok());
    }

    proptest! {
        #[test]
        fn phone_normalisation_never_panics_and_is_idempotent(typed in "\\PC{0,30}") {
            if let Ok(stored) = normalise_phone(&typed) {
                prop_assert_eq!(normalise_phone(&stored), Ok(stored.clone()));
                prop_assert!(stored.starts_with('+'));
                prop_assert!(stored[1..].bytes().all(|b| b.is_ascii_digit()));
            }
        }

        #[test]
        fn phone_like_input_is_idempotent_too(typed in "[+0]?[0-9 .()+-]{0,20}") {
            if let Ok(stored) = normalise_phone(&typed) {
                prop_assert_eq!(normalise_phone(&stored), Ok(stored.clone()));
                let shown = display_phone(&stored);
                prop_assert_eq!(normalise_phone(&shown), Ok(stored));
            }
        }

        #[test]
        fn any_mobile_in_any_spelling_is_stored_the_same(
            // Mainland mobiles: 0690–0697 and 0639 are overseas (tested above).
            rest in "[124-8][0-9]{7}",
            sep in prop::sample::select(vec!["", " ", ".", "-"]),
            form in 0..4usize,
        ) {
            let national = format!("06{rest}");
            let pairs: Vec<&str> = (0..5).map(|i| &national[2 * i..2 * i + 2]).collect();
            let typed = match form {
                0 => pairs.join(sep),
                1 => format!("+33{sep}{}", &pairs.join(sep)[1..]),
                2 => format!("0033{}", &national[1..]),
                _ => format!("+33 (0){}", &pairs.join(sep)[1..]),
            };
            prop_assert_eq!(normalise_phone(&typed), Ok(format!("+336{rest}")));
        }

        #[test]
        fn email_normalisation_never_panics_and_is_idempotent(typed in "\\PC{0,40}") {
            if let Ok(stored) = normalise_email(&typed) {
                prop_assert_eq!(normalise_email(&stored), Ok(stored.clone()));
            }
        }
    }
}
