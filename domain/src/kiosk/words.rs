//! What the kiosk says to residents, in its seven languages. The app's `i18n` speaks French,
//! English and Arabic; a resident who chose Español, Português or Türkçe must still understand
//! "Continuer" before everything is wiped, so the kiosk's own screens carry their words here. One
//! exhaustive `match` per language: a missing translation does not compile. Easy-to-read French
//! says some things differently and takes the rest from French.

use super::ideas::{IdeaProblem, MAX_IDEA_CHARS};
use super::language::KioskLanguage;
use super::privacy::PersonalHint;
use super::records::CallbackProblem;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KioskText {
    /// Attract screen, above the language buttons.
    Welcome,
    // The home screen's buttons; answers quote them, keep them in step.
    SignUp,
    Discover,
    Ask,
    ShareIdea,
    Finish,
    // "Posez votre question".
    AskLabel,
    AskSubmit,
    FrequentQuestions,
    NotSure,
    DidYouMean,
    /// After a question nothing came close to.
    NoAnswer,
    CallMeBack,
    /// Above the landlord's contacts, when the kiosk cannot answer.
    WhomToContact,
    /// Above an answer shown in French because the chosen language has none.
    OnlyInFrench,
    // The "still there?" warning.
    StillThere,
    /// `{seconds}`.
    Countdown,
    Continue,
    // Shared-room ideas.
    /// `{room}`.
    IdeasFor,
    ProposeIdea,
    VoteFor,
    Voted,
    /// A second tap on an idea already voted for in this turn: said, not an error.
    AlreadyVoted,
    /// `{count}`.
    Votes,
    IdeaAdded,
    AlreadyProposed,
    IdeaEmpty,
    IdeaTooShort,
    /// `{max}`.
    IdeaTooLong,
    IdeaContactDetails,
    /// Above every free-text field: the text may be read by others.
    DoNotName,
    // The callback form.
    FirstName,
    Phone,
    Email,
    FirstNameMissing,
    NoWayToContact,
    QuestionTooLong,
    CallbackSent,
    // The five-face question, anonymous at the kiosk.
    /// The home screen's button.
    Wellbeing,
    WellbeingQuestion,
    /// Under the question: no name is asked.
    WellbeingAnonymous,
    Face1,
    Face2,
    Face3,
    Face4,
    Face5,
    WellbeingThanks,
    // The "merci" screen after a sign-up, as `SignupThanks` decides.
    ThanksSignedUp,
    ThanksReferral,
    ThanksNothingKept,
}

impl KioskText {
    pub fn says(self, lang: KioskLanguage) -> &'static str {
        match lang {
            KioskLanguage::Fr => fr(self),
            KioskLanguage::FrEasy => easy(self).unwrap_or_else(|| fr(self)),
            KioskLanguage::En => en(self),
            KioskLanguage::Ar => ar(self),
            KioskLanguage::Es => es(self),
            KioskLanguage::Pt => pt(self),
            KioskLanguage::Tr => tr(self),
        }
    }

    /// With its `{placeholders}` filled.
    pub fn fill(self, lang: KioskLanguage, values: &[(&str, &str)]) -> String {
        let chosen = crate::i18n::choose(lang.plural(), self.says(lang), values);
        crate::i18n::fill(&chosen, values)
    }
}

impl IdeaProblem {
    pub fn text(self, lang: KioskLanguage) -> String {
        let text = match self {
            IdeaProblem::Empty | IdeaProblem::BadRoom => KioskText::IdeaEmpty,
            IdeaProblem::TooShort => KioskText::IdeaTooShort,
            IdeaProblem::TooLong => KioskText::IdeaTooLong,
            IdeaProblem::ContactDetails => KioskText::IdeaContactDetails,
        };
        text.fill(lang, &[("max", &MAX_IDEA_CHARS.to_string())])
    }
}

impl PersonalHint {
    pub fn text(self, lang: KioskLanguage) -> &'static str {
        match self {
            PersonalHint::ContactDetails => KioskText::IdeaContactDetails.says(lang),
            PersonalHint::NamesSomeone | PersonalHint::PointsAtAHome => {
                KioskText::DoNotName.says(lang)
            }
        }
    }
}

impl CallbackProblem {
    /// Phone and e-mail problems are explained in the app's interface language (French for the
    /// languages it does not speak): they quote what was typed and need its detail.
    pub fn text(&self, lang: KioskLanguage) -> String {
        let text = match self {
            CallbackProblem::Phone(p) => return p.text(lang.interface_locale()),
            CallbackProblem::Email(p) => return p.text(lang.interface_locale()),
            CallbackProblem::FirstNameMissing | CallbackProblem::FirstNameTooLong => {
                KioskText::FirstNameMissing
            }
            CallbackProblem::NoWayToContact => KioskText::NoWayToContact,
            CallbackProblem::QuestionTooLong => KioskText::QuestionTooLong,
        };
        text.says(lang).to_owned()
    }
}

fn fr(t: KioskText) -> &'static str {
    use KioskText::*;
    match t {
        Welcome => "Bienvenue ! Touchez votre langue pour commencer.",
        SignUp => "M'inscrire",
        Discover => "Découvrir l'application",
        Ask => "Poser une question",
        ShareIdea => "Donner une idée",
        Finish => "J'ai fini",
        AskLabel => "Posez votre question",
        AskSubmit => "Chercher la réponse",
        FrequentQuestions => "Questions fréquentes",
        NotSure => "Je ne suis pas sûr d'avoir compris votre question.",
        DidYouMean => "Vouliez-vous demander :",
        NoAnswer => {
            "Je n'ai pas de réponse à cette question. Elle est transmise à l'équipe, sans votre \
             nom, pour améliorer les réponses."
        }
        CallMeBack => "Être rappelé(e) par l'équipe",
        WhomToContact => "Qui contacter",
        OnlyInFrench => "Cette réponse n'existe qu'en français.",
        StillThere => "Vous êtes toujours là ?",
        Countdown => "Tout sera effacé dans {seconds} {seconds|seconde|secondes}.",
        Continue => "Continuer",
        IdeasFor => "Idées pour {room}",
        ProposeIdea => "Proposer une idée",
        VoteFor => "Je vote pour",
        Voted => "Vous avez voté",
        AlreadyVoted => "Vous avez déjà voté pour cette idée.",
        Votes => "Votes : {count}",
        IdeaAdded => "Merci ! Votre idée est ajoutée.",
        AlreadyProposed => "Cette idée est déjà proposée : vous pouvez voter pour elle.",
        IdeaEmpty => "Écrivez votre idée.",
        IdeaTooShort => "Votre idée est trop courte.",
        IdeaTooLong => "Votre idée est trop longue : {max} caractères au plus.",
        IdeaContactDetails => {
            "N'écrivez pas de numéro de téléphone ni d'e-mail : tout le monde peut lire les idées."
        }
        DoNotName => {
            "Attention : d'autres personnes liront ce texte. N'écrivez pas le nom d'une personne \
             ni le numéro de son logement."
        }
        FirstName => "Votre prénom",
        Phone => "Votre téléphone",
        Email => "Votre e-mail",
        FirstNameMissing => "Écrivez votre prénom.",
        NoWayToContact => "Donnez un téléphone ou un e-mail (au moins un des deux).",
        QuestionTooLong => "Votre question est trop longue.",
        CallbackSent => "Merci ! L'équipe vous rappellera.",
        Wellbeing => "Comment ça va ?",
        WellbeingQuestion => "Comment vous sentez-vous dans votre résidence ?",
        WellbeingAnonymous => "Votre réponse est anonyme : on ne vous demande pas votre nom.",
        Face1 => "Très mal",
        Face2 => "Mal",
        Face3 => "Moyen",
        Face4 => "Bien",
        Face5 => "Très bien",
        WellbeingThanks => "Merci pour votre réponse !",
        ThanksSignedUp => {
            "Merci ! Votre inscription est enregistrée. L'équipe vous contactera bientôt."
        }
        ThanksReferral => {
            "Merci ! L'équipe vous contactera pour vous mettre en lien avec une structure du \
             quartier."
        }
        ThanksNothingKept => {
            "Merci d'avoir répondu. Vous avez dit non à tout : nous ne gardons rien de ce que vous \
             avez écrit, et personne ne vous contactera."
        }
    }
}

fn easy(t: KioskText) -> Option<&'static str> {
    use KioskText::*;
    Some(match t {
        Welcome => "Bonjour !\nTouchez votre langue.",
        NotSure => "Je n'ai pas compris votre question.",
        NoAnswer => {
            "Je n'ai pas la réponse.\nL'équipe va lire votre question.\nVotre nom n'est pas envoyé."
        }
        OnlyInFrench => "Cette réponse n'est pas encore écrite en facile à lire.",
        Countdown => "Dans {seconds} {seconds|seconde|secondes}, tout est effacé.",
        DoNotName => "Attention : d'autres personnes vont lire ce texte.\nN'écrivez pas de nom.",
        WellbeingAnonymous => "Votre réponse est anonyme.\nOn ne demande pas votre nom.",
        ThanksSignedUp => "Merci !\nVous êtes inscrit.\nL'équipe va vous appeler.",
        ThanksNothingKept => {
            "Merci !\nVous avez dit non.\nNous ne gardons pas vos informations.\nPersonne ne va \
             vous appeler."
        }
        _ => return None,
    })
}

fn en(t: KioskText) -> &'static str {
    use KioskText::*;
    match t {
        Welcome => "Welcome! Tap your language to start.",
        SignUp => "Sign up",
        Discover => "Discover the app",
        Ask => "Ask a question",
        ShareIdea => "Share an idea",
        Finish => "I'm done",
        AskLabel => "Ask your question",
        AskSubmit => "Find the answer",
        FrequentQuestions => "Frequent questions",
        NotSure => "I'm not sure I understood your question.",
        DidYouMean => "Did you mean:",
        NoAnswer => {
            "I don't have an answer to this question. It is passed on to the team, without your \
             name, to improve the answers."
        }
        CallMeBack => "Ask the team to call me back",
        WhomToContact => "Who to contact",
        OnlyInFrench => "This answer is only available in French.",
        StillThere => "Are you still there?",
        Countdown => "Everything will be erased in {seconds} {seconds|second|seconds}.",
        Continue => "Continue",
        IdeasFor => "Ideas for {room}",
        ProposeIdea => "Suggest an idea",
        VoteFor => "I vote for this",
        Voted => "You voted",
        AlreadyVoted => "You have already voted for this idea.",
        Votes => "Votes: {count}",
        IdeaAdded => "Thank you! Your idea has been added.",
        AlreadyProposed => "This idea is already on the list: you can vote for it.",
        IdeaEmpty => "Write your idea.",
        IdeaTooShort => "Your idea is too short.",
        IdeaTooLong => "Your idea is too long: {max} characters at most.",
        IdeaContactDetails => {
            "Do not write a phone number or an email address: everyone can read the ideas."
        }
        DoNotName => {
            "Careful: other people will read this text. Do not write anyone's name or their \
             flat number."
        }
        FirstName => "Your first name",
        Phone => "Your phone number",
        Email => "Your email",
        FirstNameMissing => "Write your first name.",
        NoWayToContact => "Give a phone number or an email address (at least one of them).",
        QuestionTooLong => "Your question is too long.",
        CallbackSent => "Thank you! The team will call you back.",
        Wellbeing => "How are you?",
        WellbeingQuestion => "How do you feel in your residence?",
        WellbeingAnonymous => "Your answer is anonymous: we do not ask your name.",
        Face1 => "Very bad",
        Face2 => "Bad",
        Face3 => "So-so",
        Face4 => "Good",
        Face5 => "Very good",
        WellbeingThanks => "Thank you for your answer!",
        ThanksSignedUp => "Thank you! You are signed up. The team will contact you soon.",
        ThanksReferral => {
            "Thank you! The team will contact you to put you in touch with a local organisation."
        }
        ThanksNothingKept => {
            "Thank you for answering. You said no to everything: we keep nothing of what you \
             wrote, and nobody will contact you."
        }
    }
}

fn ar(t: KioskText) -> &'static str {
    use KioskText::*;
    match t {
        Welcome => "مرحبا! المس لغتك للبدء.",
        SignUp => "التسجيل",
        Discover => "اكتشف التطبيق",
        Ask => "اطرح سؤالا",
        ShareIdea => "شارك فكرة",
        Finish => "انتهيت",
        AskLabel => "اطرح سؤالك",
        AskSubmit => "ابحث عن الجواب",
        FrequentQuestions => "أسئلة متكررة",
        NotSure => "لست متأكدا من أنني فهمت سؤالك.",
        DidYouMean => "هل تقصد:",
        NoAnswer => "ليس عندي جواب عن هذا السؤال. سيرسل إلى الفريق دون اسمك، لتحسين الأجوبة.",
        CallMeBack => "أطلب أن يتصل بي الفريق",
        WhomToContact => "بمن تتصل",
        OnlyInFrench => "هذا الجواب متوفر بالفرنسية فقط.",
        StillThere => "هل ما زلت هنا؟",
        Countdown => "سيُمحى كل شيء بعد {seconds} ث.",
        Continue => "متابعة",
        IdeasFor => "أفكار من أجل {room}",
        ProposeIdea => "اقترح فكرة",
        VoteFor => "أصوت لهذه الفكرة",
        Voted => "لقد صوتت",
        AlreadyVoted => "لقد صوّتّ لهذه الفكرة من قبل.",
        Votes => "الأصوات: {count}",
        IdeaAdded => "شكرا! أضيفت فكرتك.",
        AlreadyProposed => "هذه الفكرة موجودة في القائمة: يمكنك التصويت لها.",
        IdeaEmpty => "اكتب فكرتك.",
        IdeaTooShort => "فكرتك قصيرة جدا.",
        IdeaTooLong => "فكرتك طويلة جدا: {max} حرفا على الأكثر.",
        IdeaContactDetails => "لا تكتب رقم هاتف ولا بريدا إلكترونيا: الجميع يستطيع قراءة الأفكار.",
        DoNotName => "انتبه: سيقرأ أشخاص آخرون هذا النص. لا تكتب اسم أي شخص ولا رقم مسكنه.",
        FirstName => "اسمك الأول",
        Phone => "رقم هاتفك",
        Email => "بريدك الإلكتروني",
        FirstNameMissing => "اكتب اسمك الأول.",
        NoWayToContact => "أعطِ رقم هاتف أو بريدا إلكترونيا (واحدا منهما على الأقل).",
        QuestionTooLong => "سؤالك طويل جدا.",
        CallbackSent => "شكرا! سيتصل بك الفريق.",
        Wellbeing => "كيف حالك؟",
        WellbeingQuestion => "كيف تشعر في مسكنك؟",
        WellbeingAnonymous => "جوابك بدون اسم: لا نسألك عن اسمك.",
        Face1 => "سيئ جدا",
        Face2 => "سيئ",
        Face3 => "متوسط",
        Face4 => "جيد",
        Face5 => "جيد جدا",
        WellbeingThanks => "شكرا على جوابك!",
        ThanksSignedUp => "شكرا! تم تسجيلك. سيتصل بك الفريق قريبا.",
        ThanksReferral => "شكرا! سيتصل بك الفريق ليضعك على اتصال بجهة في الحي.",
        ThanksNothingKept => {
            "شكرا على أجوبتك. قلت لا لكل شيء: لا نحتفظ بأي شيء مما كتبت، ولن يتصل بك أحد."
        }
    }
}

fn es(t: KioskText) -> &'static str {
    use KioskText::*;
    match t {
        Welcome => "¡Bienvenido! Toque su idioma para empezar.",
        SignUp => "Inscribirme",
        Discover => "Descubrir la aplicación",
        Ask => "Hacer una pregunta",
        ShareIdea => "Dar una idea",
        Finish => "He terminado",
        AskLabel => "Haga su pregunta",
        AskSubmit => "Buscar la respuesta",
        FrequentQuestions => "Preguntas frecuentes",
        NotSure => "No estoy seguro de haber entendido su pregunta.",
        DidYouMean => "¿Quería preguntar…?",
        NoAnswer => {
            "No tengo respuesta a esta pregunta. Se envía al equipo, sin su nombre, para mejorar \
             las respuestas."
        }
        CallMeBack => "Pedir que el equipo me llame",
        WhomToContact => "A quién contactar",
        OnlyInFrench => "Esta respuesta solo está disponible en francés.",
        StillThere => "¿Sigue ahí?",
        Countdown => "Todo se borrará dentro de {seconds} {seconds|segundo|segundos}.",
        Continue => "Continuar",
        IdeasFor => "Ideas para {room}",
        ProposeIdea => "Proponer una idea",
        VoteFor => "Voto por esta",
        Voted => "Ha votado",
        AlreadyVoted => "Ya ha votado por esta idea.",
        Votes => "Votos: {count}",
        IdeaAdded => "¡Gracias! Su idea se ha añadido.",
        AlreadyProposed => "Esta idea ya está en la lista: puede votar por ella.",
        IdeaEmpty => "Escriba su idea.",
        IdeaTooShort => "Su idea es demasiado corta.",
        IdeaTooLong => "Su idea es demasiado larga: {max} caracteres como máximo.",
        IdeaContactDetails => {
            "No escriba ningún teléfono ni correo electrónico: todo el mundo puede leer las ideas."
        }
        DoNotName => {
            "Atención: otras personas leerán este texto. No escriba el nombre de nadie ni el \
             número de su vivienda."
        }
        FirstName => "Su nombre",
        Phone => "Su teléfono",
        Email => "Su correo electrónico",
        FirstNameMissing => "Escriba su nombre.",
        NoWayToContact => "Indique un teléfono o un correo electrónico (al menos uno de los dos).",
        QuestionTooLong => "Su pregunta es demasiado larga.",
        CallbackSent => "¡Gracias! El equipo le llamará.",
        Wellbeing => "¿Cómo está?",
        WellbeingQuestion => "¿Cómo se siente en su residencia?",
        WellbeingAnonymous => "Su respuesta es anónima: no le pedimos su nombre.",
        Face1 => "Muy mal",
        Face2 => "Mal",
        Face3 => "Regular",
        Face4 => "Bien",
        Face5 => "Muy bien",
        WellbeingThanks => "¡Gracias por su respuesta!",
        ThanksSignedUp => "¡Gracias! Está inscrito. El equipo le contactará pronto.",
        ThanksReferral => {
            "¡Gracias! El equipo le contactará para ponerle en contacto con una entidad del barrio."
        }
        ThanksNothingKept => {
            "Gracias por responder. Ha dicho que no a todo: no guardamos nada de lo que ha \
             escrito y nadie le contactará."
        }
    }
}

fn pt(t: KioskText) -> &'static str {
    use KioskText::*;
    match t {
        Welcome => "Bem-vindo! Toque no seu idioma para começar.",
        SignUp => "Inscrever-me",
        Discover => "Descobrir a aplicação",
        Ask => "Fazer uma pergunta",
        ShareIdea => "Dar uma ideia",
        Finish => "Terminei",
        AskLabel => "Faça a sua pergunta",
        AskSubmit => "Procurar a resposta",
        FrequentQuestions => "Perguntas frequentes",
        NotSure => "Não tenho a certeza de ter compreendido a sua pergunta.",
        DidYouMean => "Queria perguntar…?",
        NoAnswer => {
            "Não tenho resposta para esta pergunta. É enviada à equipa, sem o seu nome, para \
             melhorar as respostas."
        }
        CallMeBack => "Pedir que a equipa me ligue",
        WhomToContact => "A quem contactar",
        OnlyInFrench => "Esta resposta só está disponível em francês.",
        StillThere => "Ainda está aí?",
        Countdown => "Tudo será apagado dentro de {seconds} {seconds|segundo|segundos}.",
        Continue => "Continuar",
        IdeasFor => "Ideias para {room}",
        ProposeIdea => "Propor uma ideia",
        VoteFor => "Voto nesta",
        Voted => "Votou",
        AlreadyVoted => "Já votou nesta ideia.",
        Votes => "Votos: {count}",
        IdeaAdded => "Obrigado! A sua ideia foi adicionada.",
        AlreadyProposed => "Esta ideia já está na lista: pode votar nela.",
        IdeaEmpty => "Escreva a sua ideia.",
        IdeaTooShort => "A sua ideia é demasiado curta.",
        IdeaTooLong => "A sua ideia é demasiado longa: {max} caracteres no máximo.",
        IdeaContactDetails => "Não escreva nenhum telefone nem e-mail: todos podem ler as ideias.",
        DoNotName => {
            "Atenção: outras pessoas vão ler este texto. Não escreva o nome de ninguém nem o \
             número da sua casa."
        }
        FirstName => "O seu nome próprio",
        Phone => "O seu telefone",
        Email => "O seu e-mail",
        FirstNameMissing => "Escreva o seu nome próprio.",
        NoWayToContact => "Indique um telefone ou um e-mail (pelo menos um dos dois).",
        QuestionTooLong => "A sua pergunta é demasiado longa.",
        CallbackSent => "Obrigado! A equipa vai ligar-lhe.",
        Wellbeing => "Como está?",
        WellbeingQuestion => "Como se sente na sua residência?",
        WellbeingAnonymous => "A sua resposta é anónima: não lhe pedimos o nome.",
        Face1 => "Muito mal",
        Face2 => "Mal",
        Face3 => "Mais ou menos",
        Face4 => "Bem",
        Face5 => "Muito bem",
        WellbeingThanks => "Obrigado pela sua resposta!",
        ThanksSignedUp => "Obrigado! Está inscrito. A equipa vai contactá-lo em breve.",
        ThanksReferral => {
            "Obrigado! A equipa vai contactá-lo para o pôr em contacto com uma entidade do bairro."
        }
        ThanksNothingKept => {
            "Obrigado por responder. Disse não a tudo: não guardamos nada do que escreveu e \
             ninguém o vai contactar."
        }
    }
}

fn tr(t: KioskText) -> &'static str {
    use KioskText::*;
    match t {
        Welcome => "Hoş geldiniz! Başlamak için dilinize dokunun.",
        SignUp => "Kaydol",
        Discover => "Uygulamayı keşfet",
        Ask => "Soru sor",
        ShareIdea => "Fikir ver",
        Finish => "Bitirdim",
        AskLabel => "Sorunuzu yazın",
        AskSubmit => "Cevabı bul",
        FrequentQuestions => "Sık sorulan sorular",
        NotSure => "Sorunuzu anladığımdan emin değilim.",
        DidYouMean => "Şunu mu sormak istediniz:",
        NoAnswer => {
            "Bu sorunun cevabı bende yok. Cevapları iyileştirmek için soru, adınız olmadan ekibe \
             iletilir."
        }
        CallMeBack => "Ekip beni geri arasın",
        WhomToContact => "Kime başvurmalı",
        OnlyInFrench => "Bu cevap yalnızca Fransızca olarak var.",
        StillThere => "Hâlâ orada mısınız?",
        Countdown => "{seconds} saniye sonra her şey silinecek.",
        Continue => "Devam et",
        IdeasFor => "{room} için fikirler",
        ProposeIdea => "Fikir öner",
        VoteFor => "Buna oy veriyorum",
        Voted => "Oy verdiniz",
        AlreadyVoted => "Bu fikre zaten oy verdiniz.",
        Votes => "Oylar: {count}",
        IdeaAdded => "Teşekkürler! Fikriniz eklendi.",
        AlreadyProposed => "Bu fikir zaten listede: ona oy verebilirsiniz.",
        IdeaEmpty => "Fikrinizi yazın.",
        IdeaTooShort => "Fikriniz çok kısa.",
        IdeaTooLong => "Fikriniz çok uzun: en fazla {max} karakter.",
        IdeaContactDetails => {
            "Telefon numarası veya e-posta yazmayın: fikirleri herkes okuyabilir."
        }
        DoNotName => {
            "Dikkat: bu metni başka kişiler de okuyacak. Kimsenin adını veya daire numarasını \
             yazmayın."
        }
        FirstName => "Adınız",
        Phone => "Telefonunuz",
        Email => "E-postanız",
        FirstNameMissing => "Adınızı yazın.",
        NoWayToContact => "Bir telefon veya bir e-posta verin (en az birini).",
        QuestionTooLong => "Sorunuz çok uzun.",
        CallbackSent => "Teşekkürler! Ekip sizi geri arayacak.",
        Wellbeing => "Nasılsınız?",
        WellbeingQuestion => "Sitenizde kendinizi nasıl hissediyorsunuz?",
        WellbeingAnonymous => "Cevabınız isimsizdir: adınızı sormuyoruz.",
        Face1 => "Çok kötü",
        Face2 => "Kötü",
        Face3 => "Orta",
        Face4 => "İyi",
        Face5 => "Çok iyi",
        WellbeingThanks => "Cevabınız için teşekkürler!",
        ThanksSignedUp => "Teşekkürler! Kaydınız yapıldı. Ekip yakında sizinle iletişime geçecek.",
        ThanksReferral => {
            "Teşekkürler! Ekip sizi mahalledeki bir kuruluşla buluşturmak için arayacak."
        }
        ThanksNothingKept => {
            "Cevaplarınız için teşekkürler. Her şeye hayır dediniz: yazdıklarınızdan hiçbir şey \
             saklanmıyor ve kimse sizi aramayacak."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [KioskText; 50] = {
        use KioskText::*;
        [
            Welcome,
            SignUp,
            Discover,
            Ask,
            ShareIdea,
            Finish,
            AskLabel,
            AskSubmit,
            FrequentQuestions,
            NotSure,
            DidYouMean,
            NoAnswer,
            CallMeBack,
            WhomToContact,
            OnlyInFrench,
            StillThere,
            Countdown,
            Continue,
            IdeasFor,
            ProposeIdea,
            VoteFor,
            Voted,
            AlreadyVoted,
            Votes,
            IdeaAdded,
            AlreadyProposed,
            IdeaEmpty,
            IdeaTooShort,
            IdeaTooLong,
            IdeaContactDetails,
            DoNotName,
            FirstName,
            Phone,
            Email,
            FirstNameMissing,
            NoWayToContact,
            QuestionTooLong,
            CallbackSent,
            Wellbeing,
            WellbeingQuestion,
            WellbeingAnonymous,
            Face1,
            Face2,
            Face3,
            Face4,
            Face5,
            WellbeingThanks,
            ThanksSignedUp,
            ThanksReferral,
            ThanksNothingKept,
        ]
    };

    #[test]
    fn every_text_exists_in_every_language_with_the_same_placeholders() {
        for text in ALL {
            let french = crate::i18n::placeholder_names(fr(text));
            for lang in KioskLanguage::ALL {
                let said = text.says(lang);
                assert!(!said.trim().is_empty(), "{text:?} {lang:?}");
                let names = crate::i18n::placeholder_names(said);
                assert_eq!(names, french, "{text:?} {lang:?}");
            }
        }
    }

    #[test]
    fn the_buttons_answers_quote_are_the_buttons_on_screen() {
        let kb = super::super::default_knowledge();
        let join = &kb.entry("app_join").unwrap().texts;
        for lang in [KioskLanguage::Fr, KioskLanguage::En, KioskLanguage::Ar] {
            let answer = &join[&lang].answer;
            for button in [KioskText::Discover, KioskText::SignUp] {
                assert!(
                    answer.contains(button.says(lang)),
                    "{lang:?} {button:?}: {answer}"
                );
            }
        }
        let ideas = &kb.entry("ideas_room").unwrap().texts;
        assert!(
            ideas[&KioskLanguage::Ar]
                .answer
                .contains(KioskText::ShareIdea.says(KioskLanguage::Ar))
        );
        assert!(
            ideas[&KioskLanguage::En]
                .answer
                .contains(KioskText::ShareIdea.says(KioskLanguage::En))
        );
        let kiosk = &kb.entry("kiosk_what").unwrap().texts;
        assert!(
            kiosk[&KioskLanguage::Fr]
                .answer
                .contains(KioskText::Finish.says(KioskLanguage::Fr))
        );
    }

    #[test]
    fn problems_read_in_the_resident_s_language() {
        assert_eq!(
            IdeaProblem::TooLong.text(KioskLanguage::Es),
            "Su idea es demasiado larga: 140 caracteres como máximo."
        );
        assert!(
            PersonalHint::NamesSomeone
                .text(KioskLanguage::Tr)
                .starts_with("Dikkat")
        );
        assert_eq!(
            CallbackProblem::NoWayToContact.text(KioskLanguage::Pt),
            "Indique um telefone ou um e-mail (pelo menos um dos dois)."
        );
        assert_eq!(
            KioskText::Countdown.fill(KioskLanguage::Ar, &[("seconds", "20")]),
            "سيُمحى كل شيء بعد 20 ث."
        );
        // The last second of the countdown agrees with its count.
        assert_eq!(
            KioskText::Countdown.fill(KioskLanguage::Fr, &[("seconds", "1")]),
            "Tout sera effacé dans 1 seconde."
        );
        assert_eq!(
            KioskText::Countdown.fill(KioskLanguage::En, &[("seconds", "2")]),
            "Everything will be erased in 2 seconds."
        );
    }
}
