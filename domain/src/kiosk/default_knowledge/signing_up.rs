//! Signing up: what is asked, that nothing is required, and changing one's mind. The answers say
//! what `signup` and the consent notice (`consent`) do, and must change with them.

use super::{Entry, Topic, entry, says};

pub(super) fn entries() -> Vec<Entry> {
    vec![what_is_asked(), optional(), change_mind()]
}

fn what_is_asked() -> Entry {
    entry(
        "signup_what_data",
        Topic::SigningUp,
        [
            says(
                "Que faut-il donner pour s'inscrire ?",
                &[
                    "Quelles informations vous demandez pour l'inscription ?",
                    "Il faut mon nom et mon adresse ?",
                    "Vous avez besoin de quoi pour m'inscrire ?",
                ],
                &[],
                "Seulement votre prénom et un moyen de vous joindre : votre téléphone ou votre \
                 e-mail. On vous demande aussi votre langue, et votre accord pour chaque \
                 utilisation, par oui ou par non. Votre nom de famille n'est pas obligatoire. \
                 Rien d'autre : ni papiers, ni argent.",
            ),
            says(
                "Pour m'inscrire, que dois-je donner ?",
                &[],
                &["écrire", "donner"],
                "Votre prénom.\n\
                 Votre téléphone ou votre e-mail.\n\
                 Votre langue.\n\
                 C'est tout.\n\
                 Pour chaque question, vous répondez oui ou non.",
            ),
            says(
                "What do I need to give to sign up?",
                &[
                    "What information do you ask for?",
                    "Do you need my name and address?",
                    "What details do I have to give?",
                ],
                &[],
                "Only your first name and one way to reach you: your phone number or your email. \
                 We also ask your language, and your yes or no for each use of your details. Your \
                 surname is optional. Nothing else: no papers, no money.",
            ),
            says(
                "ماذا يجب أن أعطي للتسجيل؟",
                &[
                    "ما هي المعلومات التي تطلبونها؟",
                    "هل تحتاجون اسمي وعنواني؟",
                    "ما المطلوب مني للتسجيل؟",
                ],
                &[],
                "فقط اسمك الأول ووسيلة للتواصل معك: رقم هاتفك أو بريدك الإلكتروني. نسألك أيضا عن \
                 لغتك، وعن موافقتك بنعم أو لا على كل استعمال لبياناتك. اسم العائلة ليس إجباريا. \
                 لا شيء غير ذلك: لا وثائق ولا مال.",
            ),
        ],
    )
}

fn optional() -> Entry {
    entry(
        "signup_optional",
        Topic::SigningUp,
        [
            says(
                "Est-ce que je suis obligé de m'inscrire ?",
                &[
                    "C'est obligatoire ?",
                    "Si je ne m'inscris pas, il se passe quoi ?",
                    "Je peux refuser ?",
                ],
                &["non", "refuser"],
                "Non. Vous choisissez, et vous pouvez dire non. Dire non ne change rien pour \
                 votre logement ni pour vos relations avec {landlord}.",
            ),
            says(
                "Est-ce obligatoire ?",
                &[],
                &["non", "refuser", "obligé"],
                "Non.\n\
                 Vous choisissez.\n\
                 Vous pouvez dire non.\n\
                 Dire non ne change rien pour votre logement.",
            ),
            says(
                "Is it compulsory to sign up?",
                &[
                    "Is it mandatory?",
                    "What happens if I don't sign up?",
                    "Can I refuse?",
                ],
                &["obliged"],
                "No. You choose, and you can say no. Saying no changes nothing for your home or \
                 for your relationship with {landlord}.",
            ),
            says(
                "هل التسجيل إجباري؟",
                &[
                    "هل أنا مضطر للتسجيل؟",
                    "ماذا يحدث إذا لم أسجل؟",
                    "هل يمكنني أن أرفض؟",
                ],
                &[],
                "لا. أنت من يختار، ويمكنك أن تقول لا. قولك لا لن يغير شيئا في سكنك ولا في علاقتك \
                 مع {landlord}.",
            ),
        ],
    )
}

fn change_mind() -> Entry {
    entry(
        "signup_change_mind",
        Topic::SigningUp,
        [
            says(
                "Comment me désinscrire ?",
                &[
                    "J'ai changé d'avis, je ne veux plus être contacté",
                    "Comment retirer mon accord ?",
                    "Je veux arrêter mon inscription",
                ],
                &["liste", "consentement"],
                "Vous pouvez changer d'avis à tout moment, aussi simplement que vous avez dit \
                 oui : dites-le à un bénévole, ou écrivez à {data_contact}. Nous arrêtons alors \
                 de vous contacter. Vous pouvez aussi demander que vos données soient effacées.",
            ),
            says(
                "Je ne veux plus être inscrit.",
                &["Je ne veux plus être dans votre liste."],
                &["liste", "partir", "arrêter"],
                "Vous pouvez changer d'avis.\n\
                 C'est possible à tout moment.\n\
                 Dites-le à un bénévole.\n\
                 Ou écrivez à {data_contact}.\n\
                 On ne vous contactera plus.",
            ),
            says(
                "How do I unsubscribe?",
                &[
                    "I changed my mind, I don't want to be contacted any more",
                    "How do I withdraw my consent?",
                    "I want to stop my sign-up",
                ],
                &[],
                "You can change your mind at any time, as easily as you said yes: tell a \
                 volunteer, or write to {data_contact}. We then stop contacting you. You can also \
                 ask for your data to be erased.",
            ),
            says(
                "كيف ألغي تسجيلي؟",
                &[
                    "غيرت رأيي، لا أريد أن يتصلوا بي",
                    "كيف أسحب موافقتي؟",
                    "أريد إيقاف تسجيلي",
                ],
                &[],
                "يمكنك أن تغير رأيك في أي وقت، بنفس السهولة التي قبلت بها: أخبر أحد المتطوعين، أو \
                 اكتب إلى {data_contact}. عندها نتوقف عن التواصل معك. يمكنك أيضا أن تطلب حذف \
                 بياناتك.",
            ),
        ],
    )
}
