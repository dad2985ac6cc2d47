//! What a resident's free text may give away about someone: a phone number, an e-mail address, a
//! name after "Madame", a door number. Kiosk texts are anonymous by design (questions without an
//! answer go to coordinators, ideas are shown to everyone), so contact details are masked or
//! refused, and names only warned about: they cannot be told from words reliably.

/// Digits in a row (separators allowed) from which a run is taken for a phone number: French
/// numbers have 10, international ones 8 to 15; a year or a door number has fewer.
const PHONE_DIGITS: usize = 8;

/// Whether the text holds something that looks like a phone number or an e-mail address.
pub fn has_contact_details(text: &str) -> bool {
    mask_contact_details(text) != text
}

/// The text with phone numbers and e-mail addresses replaced by "[numéro]" and "[e-mail]" (the
/// coordinators' words: they read these texts).
pub fn mask_contact_details(text: &str) -> String {
    let without_emails: Vec<String> = text
        .split(' ')
        .map(|word| {
            if looks_like_email(word) {
                "[e-mail]".to_owned()
            } else {
                word.to_owned()
            }
        })
        .collect();
    mask_phone_numbers(&without_emails.join(" "))
}

fn looks_like_email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    match word.split_once('@') {
        Some((user, domain)) => !user.is_empty() && domain.contains('.') && !domain.ends_with('.'),
        None => false,
    }
}

/// Runs of digits, with the separators people put between groups, long enough to be a phone
/// number; "+" and Arabic-Indic digits count too.
fn mask_phone_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if is_digit(chars[i]) || (chars[i] == '+' && chars.get(i + 1).is_some_and(|c| is_digit(*c)))
        {
            let start = i;
            let mut end = i;
            let mut digits = 0;
            let mut j = i;
            while j < chars.len()
                && (is_digit(chars[j]) || matches!(chars[j], ' ' | '.' | '-' | '/' | '+'))
            {
                if is_digit(chars[j]) {
                    digits += 1;
                    end = j + 1;
                }
                j += 1;
            }
            if digits >= PHONE_DIGITS {
                out.push_str("[numéro]");
            } else {
                out.extend(&chars[start..end]);
            }
            i = end.max(start + 1);
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('٠'..='٩').contains(&c) || ('۰'..='۹').contains(&c)
}

/// Why a text seems to point at someone, for a warning next to the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonalHint {
    /// A phone number or an e-mail address.
    ContactDetails,
    /// "Madame Diallo", "M. Martin", "السيد…".
    NamesSomeone,
    /// "porte 12", "appartement 34", "au 3e": which household is meant.
    PointsAtAHome,
}

/// The first thing in the text that may identify a person, if any.
pub fn personal_hint(text: &str) -> Option<PersonalHint> {
    if has_contact_details(text) {
        return Some(PersonalHint::ContactDetails);
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let (first, next) = (super::normalise::fold(&pair[0]), &pair[1]);
        let named = next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || is_arabic(c));
        if HONORIFICS.contains(&first.trim_end_matches('.')) && named {
            return Some(PersonalHint::NamesSomeone);
        }
        let numbered = next.chars().next().is_some_and(is_digit);
        if HOME_WORDS.contains(&first.as_str()) && numbered {
            return Some(PersonalHint::PointsAtAHome);
        }
    }
    None
}

fn is_arabic(c: char) -> bool {
    ('\u{600}'..='\u{6ff}').contains(&c)
}

/// Folded, without a final dot.
const HONORIFICS: &[&str] = &[
    "m",
    "mr",
    "mme",
    "mlle",
    "madame",
    "monsieur",
    "mademoiselle",
    "mrs",
    "ms",
    "miss",
    "sr",
    "sra",
    "senor",
    "senora",
    "dona",
    "bay",
    "bayan",
    "السيد",
    "السيده",
    "سي",
    "لالة",
    "famille",
];

const HOME_WORDS: &[&str] = &[
    "porte",
    "appartement",
    "appart",
    "apt",
    "logement",
    "door",
    "flat",
    "apartment",
    "شقة",
    "شقه",
    "الشقه",
    "باب",
    "puerta",
    "piso",
    "apartamento",
    "daire",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn phone_numbers_and_emails_are_masked() {
        assert_eq!(
            mask_contact_details("Rappelez-moi au 06 12 34 56 78 svp"),
            "Rappelez-moi au [numéro] svp"
        );
        assert_eq!(
            mask_contact_details("mon mail: awa.diallo@exemple.fr, merci"),
            "mon mail: [e-mail] merci"
        );
        assert_eq!(mask_contact_details("+33612345678"), "[numéro]");
        assert_eq!(mask_contact_details("٠٦١٢٣٤٥٦٧٨ رقمي"), "[numéro] رقمي");
        assert_eq!(
            mask_contact_details("le 3 mai 2026, porte 12, bâtiment B"),
            "le 3 mai 2026, porte 12, bâtiment B",
            "dates and door numbers are not phone numbers"
        );
        assert!(!has_contact_details("Un atelier vélo le samedi"));
    }

    #[test]
    fn hints_point_at_people_and_homes() {
        assert_eq!(
            personal_hint("Mme Diallo fait du bruit"),
            Some(PersonalHint::NamesSomeone)
        );
        assert_eq!(
            personal_hint("demander à M. Martin"),
            Some(PersonalHint::NamesSomeone)
        );
        assert_eq!(
            personal_hint("la famille Benali"),
            Some(PersonalHint::NamesSomeone)
        );
        assert_eq!(
            personal_hint("le voisin de la porte 12"),
            Some(PersonalHint::PointsAtAHome)
        );
        assert_eq!(
            personal_hint("appelez 0612345678"),
            Some(PersonalHint::ContactDetails)
        );
        assert_eq!(
            personal_hint("السيد أحمد"),
            Some(PersonalHint::NamesSomeone)
        );
        assert_eq!(personal_hint("Une salle de sport"), None);
        assert_eq!(
            personal_hint("Madame, une ludothèque svp"),
            None,
            "an address, not a name"
        );
    }

    proptest! {
        #[test]
        fn masking_never_panics_and_leaves_no_long_digit_run(text in "\\PC{0,200}") {
            let masked = mask_contact_details(&text);
            let mut run = 0;
            for c in masked.chars() {
                if is_digit(c) {
                    run += 1;
                } else if !matches!(c, ' ' | '.' | '-' | '/' | '+') {
                    run = 0;
                }
                prop_assert!(run < PHONE_DIGITS, "{masked:?}");
            }
            let _ = personal_hint(&text);
        }
    }
}
