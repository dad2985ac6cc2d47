//! Residents' questions as they really type them — typos, no accents, SMS spellings, Darija —
//! against the default knowledge base: those that must be answered (or must not), and a larger
//! set of paraphrases, none copied from the knowledge base, whose accuracy is measured.

use super::{AnswerValues, KioskLanguage, Matcher, Reply, SuggestionKind, default_knowledge};
use KioskLanguage::{Ar, En, Es, Fr, FrEasy, Pt, Tr};

fn matcher() -> Matcher {
    Matcher::new(default_knowledge())
}

fn answered(m: &Matcher, lang: KioskLanguage, question: &str) -> Option<String> {
    m.reply(question, lang, &AnswerValues::default())
        .entry()
        .map(str::to_owned)
}

/// Each must come out exactly so: `None` is "not sure".
const MUST: &[(KioskLanguage, &str, Option<&str>)] = &[
    (Fr, "c koi lappli", Some("app_what")),
    (Fr, "combien ca coute", Some("app_cost")),
    (Fr, "cest gratuit lapplication?", Some("app_cost")),
    (Fr, "COMMENT JE M'INSCRIS A L'APPLICATION", Some("app_join")),
    (Fr, "qui a acces a mes donnees", Some("data_who_sees")),
    (Fr, "le gardein est la quand", Some("caretaker")),
    (Fr, "fuite d'eau dans la cuisine", Some("repair")),
    (Fr, "y a le feu !!!", Some("emergency")),
    (Fr, "jarrive pas a payer mon loyer", Some("rent_difficulty")),
    (
        Fr,
        "cours de francais pour ma femme",
        Some("partners_french"),
    ),
    (En, "is the app free??", Some("app_cost")),
    (En, "who can see my data", Some("data_who_sees")),
    (En, "my sink is leaking", Some("repair")),
    (Ar, "التطبيق بفلوس؟", Some("app_cost")),
    (Ar, "شكون كيشوف المعلومات ديالي", Some("data_who_sees")),
    (Ar, "فين الحارس", Some("caretaker")),
    (Ar, "المصعد خربان", Some("repair")),
    (Es, "¿Cuánto cuesta la aplicación?", Some("app_cost")),
    (Pt, "Quem pode ver os meus dados?", Some("data_who_sees")),
    (Tr, "Kapıcı nerede?", Some("caretaker")),
    // Nothing to go on, or nothing the kiosk knows: it says so.
    (Fr, "", None),
    (Fr, "   ?!  ", None),
    (Fr, "bonjour", None),
    (Fr, "je veux adopter un chat", None),
    (Fr, "asdfgh qwerty", None),
    (Fr, "où est la piscine municipale", None),
    (Fr, "recette du couscous", None),
    (En, "tell me a joke", None),
    (En, "what time is it", None),
    (Ar, "كيف الحال", None),
];

#[test]
fn these_questions_are_answered_or_not_exactly_so() {
    let m = matcher();
    let mut wrong = Vec::new();
    for (lang, question, expected) in MUST {
        let got = answered(&m, *lang, question);
        if got.as_deref() != *expected {
            wrong.push(format!(
                "{question:?} → {got:?}, expected {expected:?}; ranking {:?}",
                &m.ranking(question)[..m.ranking(question).len().min(3)]
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// Written the way residents write, differently from the knowledge base's own sentences.
const PARAPHRASES: &[(KioskLanguage, &str, &str)] = &[
    // French, standard and SMS.
    (Fr, "Elle sert a quoi votre application ?", "app_what"),
    (Fr, "ça fait quoi cette appli du quartier", "app_what"),
    (Fr, "c payant ?", "app_cost"),
    (Fr, "faut payer combien pour l'appli", "app_cost"),
    (Fr, "je veux installer l'appli sur mon tel", "app_join"),
    (Fr, "ou on telecharge l'appli", "app_join"),
    (
        Fr,
        "comment rejoindre le groupe de ma résidence",
        "app_join",
    ),
    (Fr, "je cherche une perceuse", "app_lend"),
    (Fr, "emprunter un escabeau a un voisin", "app_lend"),
    (Fr, "jai pas de smartphone", "app_no_smartphone"),
    (Fr, "mon telephone est trop vieux", "app_no_smartphone"),
    (
        Fr,
        "quelles infos je dois donner pour m'inscrire",
        "signup_what_data",
    ),
    (Fr, "faut donner mon adresse ?", "signup_what_data"),
    (Fr, "je suis obligée de m'inscrire ?", "signup_optional"),
    (Fr, "et si je refuse ?", "signup_optional"),
    (Fr, "je veux me desinscrire", "signup_change_mind"),
    (
        Fr,
        "j'ai changé d'avis je veux plus qu'on m'appelle",
        "signup_change_mind",
    ),
    (Fr, "vous vendez mes infos ?", "data_who_sees"),
    (Fr, "mes donnees sont elles securisees", "data_who_sees"),
    (
        Fr,
        "combien de temps vous gardez mes infos",
        "data_how_long",
    ),
    (Fr, "comment supprimer mes donnees", "data_rights"),
    (Fr, "je veux porter plainte a la cnil", "data_rights"),
    (Fr, "la tablette garde ce que j'ai ecrit ?", "data_kiosk"),
    (Fr, "le radiateur marche plus", "repair"),
    (Fr, "ascenseur en panne depuis 3 jours", "repair"),
    (Fr, "ma porte d'entree ferme pas", "repair"),
    (Fr, "ca sent le gaz", "emergency"),
    (Fr, "urgence le dimanche qui appeler", "emergency"),
    (Fr, "il est ou le gardien", "caretaker"),
    (Fr, "horaires de la loge", "caretaker"),
    (Fr, "comment payer le loyer", "rent"),
    (Fr, "je comprends pas mes charges", "rent"),
    (Fr, "j'ai des impayés de loyer", "rent_difficulty"),
    (Fr, "le numero de l'office hlm", "landlord_contact"),
    (Fr, "je veux parler a mon bailleur", "landlord_contact"),
    (Fr, "ou trouver de l'aide alimentaire", "partners_help"),
    (Fr, "y a un centre social pres d'ici ?", "partners_help"),
    (Fr, "apprendre a lire et ecrire", "partners_french"),
    (Fr, "aide pour faire mes papiers caf", "partners_paperwork"),
    (
        Fr,
        "besoin d'aide sur internet pour mes impots",
        "partners_paperwork",
    ),
    (Fr, "mon fils cherche du boulot", "partners_job"),
    (Fr, "besoin d'aide pour écrire mon cv", "partners_job"),
    (Fr, "c quoi cette borne", "kiosk_what"),
    (
        Fr,
        "je peux proposer une idee pour la salle en bas ?",
        "ideas_room",
    ),
    (Fr, "voter pour la salle commune", "ideas_room"),
    (Fr, "c'est qui les jeunes en gilet orange", "volunteers_who"),
    (
        Fr,
        "mon voisin du dessus fait trop de bruit",
        "neighbour_trouble",
    ),
    (
        Fr,
        "c'est quoi le principe de cette application de voisins",
        "app_what",
    ),
    (Fr, "l'appli est gratuite ou pas", "app_cost"),
    (Fr, "faut-il prendre un abonnement payant", "app_cost"),
    (Fr, "comment on fait pour avoir l'application", "app_join"),
    (Fr, "je voudrais prêter ma tondeuse aux voisins", "app_lend"),
    (
        Fr,
        "on peut se prêter des outils entre voisins ?",
        "app_lend",
    ),
    (
        Fr,
        "je n'ai qu'un vieux portable à touches",
        "app_no_smartphone",
    ),
    (
        Fr,
        "qu'est-ce qu'il faut comme renseignements pour l'inscription",
        "signup_what_data",
    ),
    (
        Fr,
        "je suis pas obligé de m'inscrire hein",
        "signup_optional",
    ),
    (
        Fr,
        "je ne veux plus recevoir vos appels",
        "signup_change_mind",
    ),
    (
        Fr,
        "qui peut lire mes informations personnelles",
        "data_who_sees",
    ),
    (
        Fr,
        "vous gardez mes données pendant combien d'années",
        "data_how_long",
    ),
    (
        Fr,
        "je veux que vous effaciez tout ce que vous savez sur moi",
        "data_rights",
    ),
    (
        Fr,
        "ce que je tape sur l'écran est enregistré ?",
        "data_kiosk",
    ),
    (
        Fr,
        "il y a de la moisissure dans la salle de bain",
        "repair",
    ),
    (Fr, "la chasse d'eau fuit", "repair"),
    (Fr, "qui appeler la nuit si c'est grave", "emergency"),
    (Fr, "à quelle heure je peux voir le concierge", "caretaker"),
    (Fr, "où déposer le chèque du loyer", "rent"),
    (
        Fr,
        "je suis en retard pour payer le loyer",
        "rent_difficulty",
    ),
    (
        Fr,
        "comment joindre l'agence du bailleur",
        "landlord_contact",
    ),
    (
        Fr,
        "une association pour les colis alimentaires",
        "partners_help",
    ),
    (
        Fr,
        "cours d'alphabétisation pour adultes",
        "partners_french",
    ),
    (
        Fr,
        "quelqu'un peut m'aider pour ma déclaration d'impôts",
        "partners_paperwork",
    ),
    (Fr, "je cherche un emploi pres de chez moi", "partners_job"),
    (Fr, "pourquoi il y a un écran dans le hall", "kiosk_what"),
    (
        Fr,
        "on va faire quoi de la salle vide du rez-de-chaussée",
        "ideas_room",
    ),
    (
        Fr,
        "les personnes qui frappent aux portes, c'est qui ?",
        "volunteers_who",
    ),
    (
        Fr,
        "problème avec mes voisins d'à côté",
        "neighbour_trouble",
    ),
    // English.
    (En, "what's this app", "app_what"),
    (En, "what does the neighbourhood app do", "app_what"),
    (En, "how much does it cost", "app_cost"),
    (En, "how can i get the app", "app_join"),
    (En, "install on my phone", "app_join"),
    (En, "borrow a ladder", "app_lend"),
    (En, "no smartphone", "app_no_smartphone"),
    (
        En,
        "what info do you need from me to sign up",
        "signup_what_data",
    ),
    (En, "is registration mandatory", "signup_optional"),
    (En, "do you sell my personal information", "data_who_sees"),
    (En, "how long is my data kept", "data_how_long"),
    (En, "delete my data", "data_rights"),
    (En, "does the kiosk remember what i typed", "data_kiosk"),
    (En, "the heater is broken", "repair"),
    (En, "elevator not working", "repair"),
    (En, "there is a fire", "emergency"),
    (En, "gas smell", "emergency"),
    (En, "where is the caretaker", "caretaker"),
    (En, "janitor hours", "caretaker"),
    (En, "how do i pay rent", "rent"),
    (En, "can't afford rent", "rent_difficulty"),
    (En, "landlord phone number", "landlord_contact"),
    (En, "food bank near me", "partners_help"),
    (En, "french lessons", "partners_french"),
    (En, "help with my tax forms", "partners_paperwork"),
    (En, "looking for work", "partners_job"),
    (En, "what is this screen", "kiosk_what"),
    (En, "i have an idea for the room", "ideas_room"),
    (En, "who are the volunteers", "volunteers_who"),
    (En, "loud music next door every night", "neighbour_trouble"),
    (En, "tell me about this neighbourhood app", "app_what"),
    (En, "what is the app about", "app_what"),
    (En, "do i have to pay for it", "app_cost"),
    (En, "is there a fee", "app_cost"),
    (En, "how do i download the app", "app_join"),
    (En, "where can i join", "app_join"),
    (En, "can i lend my tools to neighbours", "app_lend"),
    (En, "i need to borrow a drill", "app_lend"),
    (En, "i only have an old phone", "app_no_smartphone"),
    (En, "my phone can't install apps", "app_no_smartphone"),
    (En, "do you need my address to register", "signup_what_data"),
    (En, "do i have to sign up", "signup_optional"),
    (En, "what if i say no", "signup_optional"),
    (En, "i want to unsubscribe", "signup_change_mind"),
    (En, "stop calling me", "signup_change_mind"),
    (En, "who has access to my details", "data_who_sees"),
    (En, "is my information shared", "data_who_sees"),
    (En, "how many years do you keep it", "data_how_long"),
    (En, "i want my data erased", "data_rights"),
    (
        En,
        "which rights do i have about my personal information",
        "data_rights",
    ),
    (En, "is what i type here saved", "data_kiosk"),
    (En, "water leaking from the ceiling", "repair"),
    (En, "my front door lock is broken", "repair"),
    (En, "the toilet is blocked", "repair"),
    (En, "urgent problem at the weekend", "emergency"),
    (En, "emergency at night who do i call", "emergency"),
    (En, "how do i reach the concierge", "caretaker"),
    (En, "where should my rent payment go", "rent"),
    (En, "question about my service charges", "rent"),
    (En, "i am behind on my rent", "rent_difficulty"),
    (
        En,
        "how do i contact the housing association",
        "landlord_contact",
    ),
    (En, "is there a community centre nearby", "partners_help"),
    (
        En,
        "any french classes for adults around here",
        "partners_french",
    ),
    (En, "help filling in forms online", "partners_paperwork"),
    (En, "i need a job", "partners_job"),
    (En, "help writing a cv", "partners_job"),
    (En, "what is this tablet for", "kiosk_what"),
    (En, "vote for an idea for the common room", "ideas_room"),
    (En, "who are the people knocking on doors", "volunteers_who"),
    (En, "problem with my neighbour", "neighbour_trouble"),
    // Arabic, standard and Darija as typed.
    (Ar, "شنو هو هاد التطبيق", "app_what"),
    (Ar, "ما هو التطبيق", "app_what"),
    (Ar, "التطبيق مجانا ولا لا", "app_cost"),
    (Ar, "كيف نسجل في التطبيق", "app_join"),
    (Ar, "كيف احمل التطبيق على الهاتف", "app_join"),
    (Ar, "أريد أن أستعير شيئا من جاري", "app_lend"),
    (Ar, "ما عنديش هاتف ذكي", "app_no_smartphone"),
    (Ar, "ما هي المعلومات المطلوبة للتسجيل", "signup_what_data"),
    (Ar, "واش التسجيل ضروري", "signup_optional"),
    (Ar, "بغيت نمسح التسجيل ديالي", "signup_change_mind"),
    (Ar, "هل تبيعون معلوماتي", "data_who_sees"),
    (Ar, "كم مدة الاحتفاظ بالبيانات", "data_how_long"),
    (Ar, "كيف أمسح بياناتي", "data_rights"),
    (Ar, "عندي تسريب الماء في المطبخ", "repair"),
    (Ar, "الشوفاج ما خدامش", "repair"),
    (Ar, "كاين حريق", "emergency"),
    (Ar, "ريحة الغاز في الدرج", "emergency"),
    (Ar, "اش من وقت كيكون البواب", "caretaker"),
    (Ar, "كيف نخلص الكراء", "rent"),
    (Ar, "لا أستطيع دفع الكراء", "rent_difficulty"),
    (Ar, "رقم المؤجر", "landlord_contact"),
    (Ar, "بغيت نتعلم الفرنسية", "partners_french"),
    (Ar, "مساعدة في الأوراق", "partners_paperwork"),
    (Ar, "كنقلب على خدمة", "partners_job"),
    (Ar, "شنو هاد الشاشة", "kiosk_what"),
    (Ar, "عندي فكرة للقاعة", "ideas_room"),
    (Ar, "من هؤلاء المتطوعون", "volunteers_who"),
    (Ar, "الجيران كيديرو الصداع بزاف", "neighbour_trouble"),
    (Ar, "ما الهدف من تطبيق الحي", "app_what"),
    (Ar, "شنو كيدير هاد التطبيق", "app_what"),
    (Ar, "هل يجب أن أدفع", "app_cost"),
    (Ar, "واش خاصني نخلص", "app_cost"),
    (Ar, "كيف أنضم إلى التطبيق", "app_join"),
    (Ar, "فين نلقى التطبيق", "app_join"),
    (Ar, "بغيت نسلف شي حاجة للجيران", "app_lend"),
    (Ar, "أحتاج إلى مثقاب", "app_lend"),
    (Ar, "هاتفي قديم", "app_no_smartphone"),
    (Ar, "ليس لدي هاتف ذكي", "app_no_smartphone"),
    (Ar, "شنو خاصني نعطي باش نتسجل", "signup_what_data"),
    (Ar, "هل أنا مجبر على التسجيل", "signup_optional"),
    (Ar, "إذا رفضت ماذا يحدث", "signup_optional"),
    (Ar, "لا أريد أن يتصلوا بي", "signup_change_mind"),
    (Ar, "أريد إلغاء التسجيل", "signup_change_mind"),
    (Ar, "من يستطيع رؤية بياناتي", "data_who_sees"),
    (Ar, "شكون يقدر يشوف الاسم ديالي", "data_who_sees"),
    (Ar, "كم سنة تحتفظون بمعلوماتي", "data_how_long"),
    (Ar, "أريد حذف معلوماتي", "data_rights"),
    (Ar, "عندي حقوق على المعلومات ديالي؟", "data_rights"),
    (Ar, "هل تحفظ الشاشة ما كتبته", "data_kiosk"),
    (Ar, "الضو مقطوع في الدروج", "repair"),
    (Ar, "الباب ديال الدار مكسور", "repair"),
    (Ar, "المرحاض مسدود", "repair"),
    (Ar, "حالة طارئة في الليل", "emergency"),
    (Ar, "حريق في العمارة", "emergency"),
    (Ar, "أين أجد حارس العمارة", "caretaker"),
    (Ar, "في أي ساعة يمكن أن أجد الحارس", "caretaker"),
    (Ar, "فين نخلص الإيجار ديالي", "rent"),
    (Ar, "سؤال على الشارج", "rent"),
    (Ar, "عندي ديون الكراء", "rent_difficulty"),
    (Ar, "كيف أتصل بالمؤجر", "landlord_contact"),
    (Ar, "أحتاج مساعدة غذائية", "partners_help"),
    (Ar, "واش كاين مركز اجتماعي", "partners_help"),
    (Ar, "دروس اللغة الفرنسية", "partners_french"),
    (Ar, "مساعدة في ملف الكاف", "partners_paperwork"),
    (Ar, "أبحث عن عمل", "partners_job"),
    (Ar, "مساعدة في السيرة الذاتية", "partners_job"),
    (Ar, "ما هذه الشاشة في المدخل", "kiosk_what"),
    (Ar, "أريد التصويت على فكرة", "ideas_room"),
    (Ar, "من الناس اللي كيدقو على الأبواب", "volunteers_who"),
    (Ar, "مشكل مع الجار", "neighbour_trouble"),
    // Easy-to-read French: short, plain, as said aloud.
    (FrEasy, "c'est quoi l'appli", "app_what"),
    (FrEasy, "l'application c'est pour quoi", "app_what"),
    (FrEasy, "elle fait quoi l'application", "app_what"),
    (FrEasy, "c'est sans payer ?", "app_cost"),
    (FrEasy, "il faut payer ?", "app_cost"),
    (FrEasy, "ça coûte de l'argent ?", "app_cost"),
    (FrEasy, "comment avoir l'appli", "app_join"),
    (FrEasy, "je veux l'appli sur mon téléphone", "app_join"),
    (FrEasy, "comment je mets l'appli", "app_join"),
    (FrEasy, "je veux prêter un objet", "app_lend"),
    (FrEasy, "je veux emprunter un outil", "app_lend"),
    (FrEasy, "prêter des choses aux voisins", "app_lend"),
    (FrEasy, "je n'ai pas de téléphone", "app_no_smartphone"),
    (FrEasy, "mon téléphone est vieux", "app_no_smartphone"),
    (
        FrEasy,
        "pas d'internet sur mon portable",
        "app_no_smartphone",
    ),
    (
        FrEasy,
        "il faut donner quoi pour s'inscrire",
        "signup_what_data",
    ),
    (
        FrEasy,
        "je dois écrire quoi pour m'inscrire",
        "signup_what_data",
    ),
    (FrEasy, "je suis obligé ?", "signup_optional"),
    (FrEasy, "je peux dire non ?", "signup_optional"),
    (FrEasy, "si je dis non c'est grave ?", "signup_optional"),
    (FrEasy, "je veux arrêter", "signup_change_mind"),
    (
        FrEasy,
        "je veux plus être sur la liste",
        "signup_change_mind",
    ),
    (FrEasy, "je veux partir de la liste", "signup_change_mind"),
    (FrEasy, "qui voit mon nom ?", "data_who_sees"),
    (FrEasy, "qui lit mes informations ?", "data_who_sees"),
    (FrEasy, "mes informations sont pour qui ?", "data_who_sees"),
    (
        FrEasy,
        "mes informations restent combien de temps chez vous ?",
        "data_how_long",
    ),
    (FrEasy, "mon nom reste longtemps ?", "data_how_long"),
    (FrEasy, "je veux effacer mes informations", "data_rights"),
    (FrEasy, "enlever mon nom", "data_rights"),
    (FrEasy, "l'écran garde mon nom ?", "data_kiosk"),
    (FrEasy, "la tablette se souvient de moi ?", "data_kiosk"),
    (FrEasy, "quelque chose est cassé chez moi", "repair"),
    (FrEasy, "j'ai une fuite d'eau", "repair"),
    (FrEasy, "la lumière ne marche pas dans l'escalier", "repair"),
    (FrEasy, "il y a le feu", "emergency"),
    (FrEasy, "ça sent le gaz chez moi", "emergency"),
    (FrEasy, "c'est urgent la nuit", "emergency"),
    (FrEasy, "où est le gardien ?", "caretaker"),
    (FrEasy, "quand je peux trouver le gardien ?", "caretaker"),
    (FrEasy, "je veux voir le gardien", "caretaker"),
    (FrEasy, "comment payer le loyer ?", "rent"),
    (FrEasy, "je paie le loyer où ?", "rent"),
    (FrEasy, "question sur le loyer", "rent"),
    (
        FrEasy,
        "je n'ai pas d'argent pour le loyer",
        "rent_difficulty",
    ),
    (FrEasy, "je ne peux pas payer le loyer", "rent_difficulty"),
    (
        FrEasy,
        "je dois de l'argent pour le loyer",
        "rent_difficulty",
    ),
    (FrEasy, "le numéro du bailleur", "landlord_contact"),
    (FrEasy, "je veux appeler le bailleur", "landlord_contact"),
    (FrEasy, "appeler l'office hlm", "landlord_contact"),
    (FrEasy, "je n'ai plus à manger", "partners_help"),
    (FrEasy, "où trouver à manger gratuit", "partners_help"),
    (FrEasy, "le centre social c'est où ?", "partners_help"),
    (
        FrEasy,
        "je veux des cours pour lire le français",
        "partners_french",
    ),
    (FrEasy, "cours de français", "partners_french"),
    (FrEasy, "parler mieux français", "partners_french"),
    (FrEasy, "aide pour les papiers", "partners_paperwork"),
    (
        FrEasy,
        "je ne comprends pas une lettre de la caf",
        "partners_paperwork",
    ),
    (
        FrEasy,
        "aide pour faire les papiers sur internet",
        "partners_paperwork",
    ),
    (FrEasy, "je veux un travail", "partners_job"),
    (FrEasy, "trouver un travail", "partners_job"),
    (FrEasy, "aide pour un travail", "partners_job"),
    (FrEasy, "c'est quoi cet écran ?", "kiosk_what"),
    (FrEasy, "la tablette sert à quoi ?", "kiosk_what"),
    (FrEasy, "donner une idée pour la salle", "ideas_room"),
    (FrEasy, "la salle en bas c'est pour quoi ?", "ideas_room"),
    (FrEasy, "voter pour une idée", "ideas_room"),
    (
        FrEasy,
        "qui sont les jeunes avec le gilet ?",
        "volunteers_who",
    ),
    (FrEasy, "qui vient frapper à ma porte ?", "volunteers_who"),
    (FrEasy, "mon voisin fait du bruit", "neighbour_trouble"),
    (
        FrEasy,
        "j'ai un problème avec mon voisin",
        "neighbour_trouble",
    ),
    (FrEasy, "dispute avec le voisin", "neighbour_trouble"),
    // Spanish, Portuguese, Turkish: no content of their own, yet understood.
    (Es, "¿Quién puede ver mis datos?", "data_who_sees"),
    (Es, "Tengo una fuga de agua", "repair"),
    (Es, "¿Dónde está el conserje?", "caretaker"),
    (Pt, "Quanto custa o aplicativo?", "app_cost"),
    (Pt, "Como instalar o aplicativo?", "app_join"),
    (Tr, "Uygulama ücretli mi?", "app_cost"),
    (Tr, "Kira borcum var", "rent_difficulty"),
    (Tr, "Bilgilerimi kimler görebilir?", "data_who_sees"),
];

/// The measure means something only if the knowledge base does not hold the sentences already.
#[test]
fn no_paraphrase_is_a_sentence_of_the_knowledge_base() {
    let kb = default_knowledge();
    let known: std::collections::HashSet<String> = kb
        .entries
        .iter()
        .flat_map(|e| e.texts.values())
        .flat_map(|t| std::iter::once(&t.question).chain(&t.phrasings))
        .map(|q| words_of(q))
        .collect();
    let copied: Vec<_> = PARAPHRASES
        .iter()
        .filter(|(_, q, _)| known.contains(&words_of(q)))
        .collect();
    assert!(copied.is_empty(), "{copied:?}");
}

fn words_of(text: &str) -> String {
    super::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn paraphrases_are_answered_right_at_least_nine_times_in_ten_in_each_language() {
    let m = matcher();
    let mut report = Vec::new();
    let mut misses = Vec::new();
    for lang in [Fr, FrEasy, En, Ar, Es] {
        let cases: Vec<_> = PARAPHRASES
            .iter()
            .filter(|(l, ..)| *l == lang || (lang == Es && matches!(l, Pt | Tr)))
            .collect();
        let mut right = 0;
        for (l, question, expected) in &cases {
            let got = answered(&m, *l, question);
            if got.as_deref() == Some(*expected) {
                right += 1;
            } else {
                let ranking = m.ranking(question);
                misses.push(format!(
                    "{question:?} → {got:?}, expected {expected}; {:?}",
                    &ranking[..ranking.len().min(3)]
                ));
            }
        }
        let accuracy = f64::from(right) / cases.len() as f64;
        report.push((lang, cases.len(), accuracy));
    }
    for (lang, count, accuracy) in &report {
        println!(
            "top-1 accuracy {lang:?}: {:.1} % of {count}",
            accuracy * 100.0
        );
    }
    println!("misses:\n{}", misses.join("\n"));
    for (lang, count, accuracy) in report {
        // Spanish, Portuguese and Turkish are measured together, on fewer questions.
        assert!(
            lang == Es || count >= 60,
            "{lang:?}: at least 60 paraphrases, {count} so far"
        );
        assert!(
            accuracy >= 0.9,
            "{lang:?}: {accuracy:.2} on {count}\n{}",
            misses.join("\n")
        );
    }
}

#[test]
fn a_question_without_an_answer_offers_suggestions_never_an_answer() {
    let m = matcher();
    let reply = m.reply("je veux adopter un chat", Fr, &AnswerValues::default());
    let Reply::NotSure {
        suggestions, kind, ..
    } = reply
    else {
        panic!("{reply:?}")
    };
    assert_eq!(kind, SuggestionKind::Popular);
    assert_eq!(suggestions[0].entry, "app_what");
    // A vague question: close entries are offered, none is picked.
    let reply = m.reply("aide", Fr, &AnswerValues::default());
    let Reply::NotSure {
        suggestions, kind, ..
    } = reply
    else {
        panic!("{reply:?}")
    };
    assert_eq!(kind, SuggestionKind::Close);
    assert!(suggestions.len() >= 2, "{suggestions:?}");
    assert_eq!(suggestions[0].entry, "partners_help", "{suggestions:?}");
}

#[test]
fn answers_come_in_the_chosen_language_or_in_french_saying_so() {
    let m = matcher();
    let values = AnswerValues {
        app_name: "Voisins Solidaires".into(),
        ..AnswerValues::default()
    };
    let Reply::Answer { answer, .. } = m.reply("c'est payant ?", Ar, &values) else {
        panic!()
    };
    assert_eq!((answer.language, answer.fell_back()), (Ar, false));
    assert!(
        answer.answer.contains("Voisins Solidaires"),
        "{}",
        answer.answer
    );
    // The most asked entries are written in Spanish, Portuguese and Turkish too.
    let Reply::Answer { answer, .. } = m.reply("Uygulama ücretli mi?", Tr, &values) else {
        panic!()
    };
    assert_eq!((answer.language, answer.fell_back()), (Tr, false));
    assert!(answer.answer.starts_with("Hayır"), "{}", answer.answer);
    // The others come in French, and say so.
    let Reply::Answer { answer, .. } = m.reply("Kira borcum var", Tr, &values) else {
        panic!()
    };
    assert_eq!((answer.language, answer.fell_back()), (Tr, false));
    let Reply::Answer { answer, .. } = m.reply("¿Quiero aprender francés?", Es, &values) else {
        panic!()
    };
    assert_eq!((answer.language, answer.fell_back()), (Fr, true));
    let easy = m
        .answer("app_cost", KioskLanguage::FrEasy, &values)
        .unwrap();
    assert!(easy.lines().count() >= 4, "one sentence per line");
    let buttons = m.suggested(Tr, &values);
    assert_eq!(buttons.len(), 6);
    assert!(buttons.iter().all(|b| b.language == Tr), "{buttons:?}");
    for lang in [Es, Pt, Tr] {
        let written = m
            .knowledge()
            .entries
            .iter()
            .filter(|e| e.texts.contains_key(&lang))
            .count();
        assert!(written >= 8, "{lang:?}: {written}");
    }
}
