//! What a door hanger says when nobody opened: a friendly word, the visit's date, the
//! volunteer's first name, a number to call and how to join, in the resident's language. The
//! printed page (layout, QR code, print CSS) is the app's; the words are decided here.

mod long_date;

pub use long_date::{long_date, month_name};

use crate::calendar::LocalDate;
use crate::contact::{display_phone, normalise_phone};
use crate::i18n::fill;
use crate::in_sentence::in_sentence;
use crate::presentation::ContentLanguage;

/// The lines of one door hanger, top to bottom. In easy-to-read French a `\n` starts a new line:
/// one sentence per line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoorHanger {
    pub greeting: String,
    /// Who came, and why.
    pub message: String,
    /// The visit's date in full, and the door, so that a volunteer hanging a whole entrée's
    /// worth of pages puts each on the right door.
    pub date_line: String,
    pub volunteer_line: String,
    /// `None` when the campaign has no number to give: the page leaves the line out.
    pub contact_line: Option<String>,
    /// Next to the QR code.
    pub join_hint: String,
}

/// The words of a door hanger in one language; `{app}`, `{date}`, `{volunteer}` and `{phone}`
/// are filled in.
struct Words {
    greeting: &'static str,
    message: &'static str,
    date_line: &'static str,
    volunteer: &'static str,
    /// When the volunteer left no first name.
    volunteers: &'static str,
    contact: &'static str,
    join_hint: &'static str,
}

fn words(lang: ContentLanguage) -> Words {
    match lang {
        ContentLanguage::Fr => Words {
            greeting: "Bonjour, chers voisins !",
            message: "Nous sommes passés vous présenter {app}, l'application gratuite qui aide les \
                      voisins de votre résidence à s'entraider. Dommage, vous n'étiez pas là !",
            date_line: "Passage du {date}",
            volunteer: "{volunteer}, bénévole, vous dit à bientôt !",
            volunteers: "Les bénévoles vous disent à bientôt !",
            contact: "Une question ? Appelez le {phone}.",
            join_hint: "Pour rejoindre {app}, scannez le code QR avec l'appareil photo de votre \
                        téléphone. C'est gratuit !",
        },
        ContentLanguage::FrEasy => Words {
            greeting: "Bonjour !",
            message: "Nous sommes venus chez vous.\n\
                      Vous n'étiez pas là.\n\
                      Nous voulions vous parler de {app}.\n\
                      {app} est une application gratuite pour s'aider entre voisins.",
            date_line: "Date de notre visite : {date}",
            volunteer: "Votre bénévole : {volunteer}",
            volunteers: "Vos bénévoles vous disent à bientôt.",
            contact: "Pour poser une question, appelez le {phone}.",
            join_hint: "Vous voulez vous inscrire à {app} ?\n\
                        Visez le code QR avec l'appareil photo de votre téléphone.",
        },
        ContentLanguage::En => Words {
            greeting: "Hello, neighbour!",
            message: "We came by to tell you about {app}, the free app that helps neighbours on \
                      your estate help each other. Sorry we missed you!",
            date_line: "Visit on {date}",
            volunteer: "See you soon! {volunteer}, volunteer",
            volunteers: "See you soon! The volunteers",
            contact: "Any questions? Call {phone}.",
            join_hint: "To join {app}, scan the QR code with your phone's camera. It's free!",
        },
        ContentLanguage::Ar => Words {
            greeting: "مرحبًا يا جيراننا!",
            message: "مررنا بكم لنعرّفكم على تطبيق {app}، وهو تطبيق مجاني يساعد سكان إقامتكم على \
                      التعاون فيما بينهم. للأسف لم نجدكم في البيت!",
            date_line: "زيارة يوم {date}",
            volunteer: "إلى اللقاء قريبًا! {volunteer}، من فريق المتطوعين",
            volunteers: "إلى اللقاء قريبًا! فريق المتطوعين",
            contact: "لديكم سؤال؟ اتصلوا بالرقم {phone}.",
            join_hint: "للانضمام إلى تطبيق {app}، امسحوا رمز QR بكاميرا هاتفكم. التطبيق مجاني!",
        },
    }
}

/// The door hanger for one absent door. `door_label` is the door as the interface names it
/// ("Porte 12"), or empty; `contact_phone` is printed the French way when it is a French number.
pub fn door_hanger(
    lang: ContentLanguage,
    app_name: &str,
    volunteer_first_name: &str,
    visit_date: LocalDate,
    contact_phone: &str,
    door_label: &str,
) -> DoorHanger {
    let w = words(lang);
    // In Arabic, a Latin name or a number goes in isolates: without them the spaces in
    // "01 23 45 67 89" take the paragraph's direction and its pairs print in reverse order, and a
    // Latin name next to punctuation drags the punctuation across (`in_sentence`).
    let rtl = lang.is_rtl();
    let app = in_sentence(app_name.trim(), rtl);
    let volunteer = in_sentence(volunteer_first_name.trim(), rtl);
    let date = long_date(visit_date, lang);
    let values = [("app", app.as_str()), ("date", date.as_str())];

    let mut date_line = fill(w.date_line, &values);
    let door = door_label.trim();
    if !door.is_empty() {
        date_line = format!("{date_line} · {door}");
    }
    let volunteer_line = if volunteer.is_empty() {
        w.volunteers.to_owned()
    } else {
        fill(w.volunteer, &[("volunteer", &volunteer)])
    };
    let contact_line = printed_phone(contact_phone).map(|phone| {
        let phone = in_sentence(&phone, rtl);
        fill(w.contact, &[("phone", &phone)])
    });
    DoorHanger {
        greeting: w.greeting.to_owned(),
        message: fill(w.message, &values),
        date_line,
        volunteer_line,
        contact_line,
        join_hint: fill(w.join_hint, &values),
    }
}

/// A French number as people dial it ("01 23 45 67 89"), whichever way it was typed; anything
/// else as typed. `None` when there is no number.
fn printed_phone(typed: &str) -> Option<String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    Some(normalise_phone(typed).map_or_else(|_| typed.to_owned(), |n| display_phone(&n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thursday() -> LocalDate {
        LocalDate::new(2026, 11, 26).unwrap()
    }

    fn hanger(lang: ContentLanguage) -> DoorHanger {
        door_hanger(
            lang,
            "Voisins Solidaires",
            "Amina",
            thursday(),
            "+33 1 23 45 67 89",
            "Porte 12",
        )
    }

    fn all_text(h: &DoorHanger) -> String {
        [
            h.greeting.as_str(),
            &h.message,
            &h.date_line,
            &h.volunteer_line,
            h.contact_line.as_deref().unwrap_or_default(),
            &h.join_hint,
        ]
        .join("\n")
    }

    #[test]
    fn every_language_names_the_app_the_date_the_volunteer_and_the_phone() {
        for lang in ContentLanguage::ALL {
            let h = hanger(lang);
            assert!(
                h.message.contains("Voisins Solidaires"),
                "{lang:?}: {}",
                h.message
            );
            assert!(h.join_hint.contains("Voisins Solidaires"), "{lang:?}");
            assert!(
                h.date_line.contains(&long_date(thursday(), lang)),
                "{lang:?}: {}",
                h.date_line
            );
            assert!(h.date_line.contains("2026") && h.date_line.contains("Porte 12"));
            assert!(h.volunteer_line.contains("Amina"), "{lang:?}");
            let contact = h.contact_line.as_deref().unwrap();
            // No-break spaces: a printed number never breaks across two lines.
            assert!(
                contact.contains("01\u{a0}23\u{a0}45\u{a0}67\u{a0}89"),
                "{lang:?}: {contact}"
            );
            assert!(
                !all_text(&h).contains(['{', '}']),
                "{lang:?}: {}",
                all_text(&h)
            );
        }
    }

    #[test]
    fn french_hangers_keep_their_marks_with_the_word_before() {
        for lang in [ContentLanguage::Fr, ContentLanguage::FrEasy] {
            let faults = crate::i18n::french_spacing_faults(&all_text(&hanger(lang)));
            assert!(faults.is_empty(), "{lang:?}: {faults:?}");
        }
    }

    #[test]
    fn the_french_hanger_reads_naturally() {
        let h = hanger(ContentLanguage::Fr);
        assert_eq!(h.greeting, "Bonjour, chers voisins !");
        assert_eq!(h.date_line, "Passage du jeudi 26 novembre 2026 · Porte 12");
        assert_eq!(h.volunteer_line, "Amina, bénévole, vous dit à bientôt !");
        assert_eq!(
            h.contact_line.as_deref(),
            Some("Une question ? Appelez le 01\u{a0}23\u{a0}45\u{a0}67\u{a0}89.")
        );
    }

    #[test]
    fn arabic_keeps_the_phone_digits_in_order() {
        let h = hanger(ContentLanguage::Ar);
        let contact = h.contact_line.unwrap();
        assert!(
            contact.contains("\u{2066}01\u{a0}23\u{a0}45\u{a0}67\u{a0}89\u{2069}"),
            "{contact:?}"
        );
        assert!(h.date_line.contains("الخميس 26 نوفمبر 2026"));
        assert!(!hanger(ContentLanguage::En).message.contains('\u{2068}'));
    }

    #[test]
    fn easy_to_read_french_keeps_sentences_short() {
        let h = hanger(ContentLanguage::FrEasy);
        for line in h.message.lines().chain(h.join_hint.lines()) {
            assert!(
                line.ends_with(['.', '!', '?']),
                "one sentence per line: {line}"
            );
        }
        for sentence in all_text(&h).split(['.', '!', '?', '\n']) {
            let words = sentence.split_whitespace().count();
            assert!(words <= 15, "{words} words: {sentence}");
        }
    }

    #[test]
    fn missing_details_leave_no_holes() {
        let h = door_hanger(
            ContentLanguage::Fr,
            "Voisins Solidaires",
            " ",
            thursday(),
            "",
            "",
        );
        assert_eq!(h.volunteer_line, "Les bénévoles vous disent à bientôt !");
        assert_eq!(h.contact_line, None);
        assert_eq!(h.date_line, "Passage du jeudi 26 novembre 2026");
    }

    #[test]
    fn a_number_that_is_not_french_is_printed_as_typed() {
        let h = door_hanger(
            ContentLanguage::En,
            "Voisins Solidaires",
            "Amina",
            thursday(),
            " 3939 ",
            "Door 12",
        );
        assert_eq!(h.contact_line.as_deref(), Some("Any questions? Call 3939."));
    }
}
