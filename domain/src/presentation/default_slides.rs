//! The presentation a new campaign starts with: six slides in French, easy-to-read French,
//! English and Arabic, written for residents of a social-housing estate. The coordinator replaces
//! the app name and adapts the wording; the slide keys stay.

use super::{Presentation, Slide, Translated};

/// A neutral name until the coordinator sets the real one.
pub const PLACEHOLDER_APP_NAME: &str = "Voisins Solidaires";

/// The slide next to which the app shows the résidence's QR code.
pub const JOIN_SLIDE_KEY: &str = "how_to_join";

pub fn default_presentation() -> Presentation {
    Presentation {
        app_name: PLACEHOLDER_APP_NAME.to_owned(),
        slides: vec![
            what_it_is(),
            lending(),
            mutual_help(),
            neighbourhood_life(),
            how_to_join(),
            your_data(),
        ],
    }
}

fn slide(key: &str, illustration: &str, title: Translated, text: Translated) -> Slide {
    Slide {
        key: key.to_owned(),
        illustration: illustration.to_owned(),
        title,
        text,
    }
}

// The Arabic sentences start with an Arabic word, never with `{app}`: a page or a reader that
// guesses the direction from the first letter would otherwise set them left to right.

fn what_it_is() -> Slide {
    slide(
        "what_it_is",
        "app.svg",
        Translated::new(
            "{app}, l'application de votre résidence",
            "{app}, c'est quoi ?",
            "{app}: the app for your estate",
            "ما هو تطبيق {app}؟",
        ),
        Translated::new(
            "{app} est une application gratuite pour les habitants de votre résidence. Sur votre \
             téléphone, vous pouvez vous entraider, vous prêter des objets et suivre la vie du \
             quartier.",
            "{app} est une application pour votre téléphone.\n\
             Cette application est pour les habitants de votre résidence.\n\
             L'application est gratuite.\n\
             Avec l'application, vous pouvez aider vos voisins.\n\
             Vos voisins peuvent aussi vous aider.",
            "{app} is a free app for the people who live on your estate. On your phone, you can \
             help each other, lend and borrow things, and keep up with life in the neighbourhood.",
            "تطبيق {app} تطبيق مجاني لسكان إقامتك. على هاتفك، يمكنك التعاون مع جيرانك، وإعارة \
             الأغراض واستعارتها، ومتابعة حياة الحي.",
        ),
    )
}

fn lending() -> Slide {
    slide(
        "lending",
        "lending.svg",
        Translated::new(
            "Prêter et emprunter",
            "Prêter des objets",
            "Lend and borrow",
            "إعارة الأغراض واستعارتها",
        ),
        Translated::new(
            "Besoin d'une perceuse, d'un escabeau ou d'une poussette pour quelques jours ? \
             Demandez à vos voisins. Et ce qui dort dans vos placards peut rendre service à \
             quelqu'un.",
            "Vous avez besoin d'un objet ?\n\
             Par exemple une perceuse ou une échelle.\n\
             Vous demandez l'objet à vos voisins dans l'application.\n\
             Un voisin vous prête l'objet.\n\
             Après, vous rendez l'objet.\n\
             Vous aussi, vous pouvez prêter vos objets.",
            "Need a drill, a stepladder or a pushchair for a few days? Ask your neighbours. And \
             the things gathering dust in your cupboards can help someone else.",
            "تحتاج إلى مثقاب أو سلّم أو عربة أطفال لبضعة أيام؟ اطلبها من جيرانك. والأغراض التي \
             لا تستعملها في خزائنك قد تنفع غيرك.",
        ),
    )
}

fn mutual_help() -> Slide {
    slide(
        "mutual_help",
        "mutual-help.svg",
        Translated::new(
            "S'entraider entre voisins",
            "S'aider entre voisins",
            "Help each other",
            "التعاون بين الجيران",
        ),
        Translated::new(
            "Porter des courses, arroser les plantes pendant les vacances, aider à remplir un \
             papier : proposez un coup de main ou demandez-en un. Les petits services rendent la \
             vie plus douce.",
            "Vous avez besoin d'aide ?\n\
             Par exemple pour porter vos courses.\n\
             Vous demandez de l'aide dans l'application.\n\
             Un voisin peut vous aider.\n\
             Vous aussi, vous pouvez aider un voisin.",
            "Carrying the shopping, watering plants during the holidays, filling in a form: offer \
             a hand or ask for one. Small favours make everyday life easier.",
            "حمل المشتريات، سقي النباتات أثناء العطلة، المساعدة في ملء استمارة: اعرض المساعدة أو \
             اطلبها. الخدمات الصغيرة تجعل الحياة اليومية أسهل.",
        ),
    )
}

fn neighbourhood_life() -> Slide {
    slide(
        "neighbourhood_life",
        "neighbourhood-life.svg",
        Translated::new(
            "La vie du quartier",
            "La vie du quartier",
            "Neighbourhood life",
            "حياة الحي",
        ),
        Translated::new(
            "Fête des voisins, vide-grenier, activités du centre social : retrouvez ce qui se \
             passe près de chez vous, et proposez vos propres idées.",
            "Dans l'application, vous voyez les fêtes du quartier.\n\
             Vous voyez aussi les activités près de chez vous.\n\
             Vous pouvez proposer une activité à vos voisins.",
            "Neighbours' parties, jumble sales, activities at the community centre: see what's \
             happening near you, and share your own ideas.",
            "حفلة الجيران، سوق الأغراض المستعملة، أنشطة المركز الاجتماعي: اكتشف ما يحدث قرب \
             بيتك، وشارك أفكارك أنت أيضًا.",
        ),
    )
}

fn how_to_join() -> Slide {
    slide(
        JOIN_SLIDE_KEY,
        "join.svg",
        Translated::new(
            "Comment s'inscrire",
            "Comment s'inscrire ?",
            "How to join",
            "كيف تنضم؟",
        ),
        Translated::new(
            "Scannez le code QR avec l'appareil photo de votre téléphone, puis suivez les étapes. \
             Pas de smartphone, ou besoin d'un coup de main ? Si vous êtes d'accord, nous pouvons \
             noter vos coordonnées maintenant et vous aider à vous inscrire.",
            "Prenez votre téléphone.\n\
             Ouvrez l'appareil photo.\n\
             Visez le code QR avec l'appareil photo.\n\
             Touchez le lien sur l'écran.\n\
             Suivez les étapes.\n\
             Vous avez besoin d'aide ?\n\
             Nous pouvons vous aider maintenant.",
            "Scan the QR code with your phone's camera, then follow the steps. No smartphone, or \
             need a hand? With your agreement, we can take your details now and help you join.",
            "امسح رمز QR بكاميرا هاتفك، ثم اتبع الخطوات. ليس لديك هاتف ذكي أو تحتاج إلى مساعدة؟ \
             يمكننا، بموافقتك، تسجيل بياناتك الآن ومساعدتك على الانضمام.",
        ),
    )
}

/// Says only what holds whatever app the landlord picked: neighbours see what you post, the
/// campaign keeps contact details with consent only (see `consent`), and the GDPR rights. Who
/// runs the app and where its data lives is the coordinator's to add, from that app's notice.
fn your_data() -> Slide {
    slide(
        "your_data",
        "data.svg",
        Translated::new(
            "Qui voit mes informations ?",
            "Qui voit mes informations ?",
            "Who sees my information?",
            "من يرى معلوماتي؟",
        ),
        Translated::new(
            "Vos voisins voient ce que vous publiez dans l'application : c'est vous qui \
             choisissez. Nous gardons vos coordonnées seulement si vous êtes d'accord, et vous \
             pouvez changer d'avis à tout moment. Vous pouvez aussi demander à voir, corriger ou \
             effacer vos informations.",
            "Vos voisins voient ce que vous mettez dans l'application.\n\
             Vous choisissez ce que vous mettez dans l'application.\n\
             Nous gardons votre nom et votre téléphone seulement si vous êtes d'accord.\n\
             Vous pouvez changer d'avis à tout moment.\n\
             Vous pouvez demander à voir vos informations.\n\
             Vous pouvez demander à effacer vos informations.",
            "Your neighbours see what you post in the app: you decide what that is. We only keep \
             your contact details if you agree, and you can change your mind at any time. You \
             can also ask to see, correct or delete your information.",
            "يرى جيرانك ما تنشره في التطبيق، وأنت من يختار ما تنشره. لا نحتفظ ببيانات الاتصال \
             الخاصة بك إلا بموافقتك، ويمكنك تغيير رأيك في أي وقت. ويمكنك أيضًا أن تطلب الاطلاع \
             على معلوماتك أو تصحيحها أو حذفها.",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presentation::ContentLanguage;

    /// Easy-to-read French keeps sentences short enough to read in one breath.
    const MAX_EASY_WORDS: usize = 15;

    fn sentences(text: &str) -> Vec<&str> {
        text.split(['.', '!', '?'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }

    #[test]
    fn six_slides_in_the_order_of_the_talk() {
        let p = default_presentation();
        let keys: Vec<&str> = p.slides.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "what_it_is",
                "lending",
                "mutual_help",
                "neighbourhood_life",
                JOIN_SLIDE_KEY,
                "your_data"
            ]
        );
        assert_eq!(p.validate(), Ok(()));
    }

    #[test]
    fn every_slide_is_written_in_every_language() {
        for slide in default_presentation().slides {
            assert_eq!(slide.title.missing(), [], "title of {}", slide.key);
            assert_eq!(slide.text.missing(), [], "text of {}", slide.key);
        }
    }

    #[test]
    fn only_the_app_name_is_left_to_fill() {
        let p = default_presentation();
        for lang in ContentLanguage::ALL {
            for shown in p.shown(lang) {
                for text in [&shown.title, &shown.text] {
                    assert!(!text.text.contains(['{', '}']), "{lang:?}: {}", text.text);
                    assert_eq!(text.language, lang, "no fallback needed: {}", text.text);
                }
            }
        }
    }

    #[test]
    fn the_first_slide_says_it_is_free_in_every_language() {
        let first = &default_presentation().slides[0];
        for (lang, free) in [
            (ContentLanguage::Fr, "gratuite"),
            (ContentLanguage::FrEasy, "gratuite"),
            (ContentLanguage::En, "free"),
            (ContentLanguage::Ar, "مجاني"),
        ] {
            assert!(first.text.get(lang).contains(free), "{lang:?}");
        }
    }

    #[test]
    fn easy_to_read_french_has_one_short_sentence_per_line() {
        for shown in default_presentation().shown(ContentLanguage::FrEasy) {
            for line in shown.text.lines() {
                assert!(line.ends_with(['.', '?', '!']), "unfinished: {line}");
                assert_eq!(sentences(line).len(), 1, "one sentence per line: {line}");
            }
            for sentence in sentences(&shown.title.text)
                .into_iter()
                .chain(sentences(&shown.text.text))
            {
                let words = sentence.split_whitespace().count();
                assert!(words <= MAX_EASY_WORDS, "{words} words: {sentence}");
            }
        }
    }

    #[test]
    fn easy_to_read_french_speaks_to_the_reader() {
        let shown = default_presentation().shown(ContentLanguage::FrEasy);
        let text: String = shown.iter().map(|s| s.text.text.as_str()).collect();
        assert!(text.contains("vous") || text.contains("Vous"));
        assert!(!text.contains(" tu ") && !text.contains("Tu "), "{text}");
        assert!(!text.contains("etc"), "no abbreviations: {text}");
    }

    /// The content names files the app serves: they must exist and stay light and self-contained
    /// (they are cached for offline use and shown next to text, so they carry no words).
    #[test]
    fn every_illustration_ships_with_the_app() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join("public")
            .join("illustrations");
        for slide in default_presentation().slides {
            let path = folder.join(&slide.illustration);
            let svg = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                svg.len() < 3 * 1024,
                "{} is {} bytes",
                slide.illustration,
                svg.len()
            );
            assert!(svg.contains("viewBox="), "{}", slide.illustration);
            // The namespace is a name, not a link; anything else pointing outside is refused.
            let body = svg.replace("http://www.w3.org/2000/svg", "");
            for forbidden in ["<text", "href", "http", "<script", "<image", "<style"] {
                assert!(
                    !body.contains(forbidden),
                    "{} contains {forbidden}",
                    slide.illustration
                );
            }
        }
    }
}
