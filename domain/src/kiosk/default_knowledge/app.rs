//! The neighbourhood app: what it is, what it costs, how to join, lending, without a smartphone.

use super::{Entry, Topic, entry, says};

pub(super) fn entries() -> Vec<Entry> {
    vec![what(), cost(), join(), lend(), no_smartphone()]
}

fn what() -> Entry {
    entry(
        "app_what",
        Topic::NeighbourhoodApp,
        [
            says(
                "C'est quoi, l'application du quartier ?",
                &[
                    "À quoi sert l'application ?",
                    "Qu'est-ce que {app} ?",
                    "Je ne connais pas cette application, elle sert à quoi ?",
                    "C'est quoi ce réseau social du quartier ?",
                ],
                &["présentation", "découvrir"],
                "Avec {app}, les habitants du quartier s'entraident depuis leur téléphone. Vous \
                 pouvez prêter et emprunter des objets, demander ou proposer un coup de main, et \
                 suivre la vie du quartier. L'application est gratuite.",
            ),
            says(
                "L'application du quartier, c'est quoi ?",
                &["Elle sert à quoi, l'application ?"],
                &[],
                "C'est une application pour votre téléphone.\n\
                 Elle s'appelle {app}.\n\
                 Elle est gratuite.\n\
                 Avec l'application, vous pouvez aider vos voisins.\n\
                 Vos voisins peuvent aussi vous aider.\n\
                 Vous pouvez prêter des objets à vos voisins.",
            ),
            says(
                "What is the neighbourhood app?",
                &[
                    "What is {app}?",
                    "What is this app for?",
                    "What can I do with the app?",
                ],
                &["presentation", "discover"],
                "With {app}, people in the neighbourhood help each other from their phones. You \
                 can lend and borrow things, ask for or offer a hand, and keep up with life in \
                 the neighbourhood. The app is free.",
            ),
            says(
                "ما هو تطبيق الحي؟",
                &[
                    "ما فائدة التطبيق؟",
                    "ماذا أفعل بهذا التطبيق؟",
                    "لا أعرف هذا التطبيق، ما هو؟",
                ],
                &["تعريف", "اكتشاف"],
                "تطبيق {app} يساعد سكان الحي على التعاون فيما بينهم عبر الهاتف. يمكنك إعارة \
                 الأغراض واستعارتها، وطلب المساعدة أو تقديمها، ومتابعة حياة الحي. التطبيق مجاني.",
            ),
        ],
    )
}

fn cost() -> Entry {
    entry(
        "app_cost",
        Topic::NeighbourhoodApp,
        [
            says(
                "Est-ce que l'application est payante ?",
                &[
                    "Combien coûte l'application ?",
                    "C'est gratuit ?",
                    "Faut-il payer pour {app} ?",
                    "Il y a un abonnement à payer ?",
                    "Y a-t-il un abonnement à payer ?",
                ],
                &["abonnement", "payant"],
                "Non, l'application {app} est gratuite. Vous ne payez rien pour l'installer ni \
                 pour l'utiliser. Il faut seulement un téléphone avec internet. Personne ne doit \
                 vous demander d'argent pour vous inscrire.",
            ),
            says(
                "Est-ce que l'application coûte de l'argent ?",
                &[],
                &[],
                "Non.\n\
                 L'application est gratuite.\n\
                 Vous ne payez rien.\n\
                 Il faut seulement un téléphone avec internet.\n\
                 Si quelqu'un vous demande de l'argent pour l'application, dites non.",
            ),
            says(
                "Does the app cost anything?",
                &[
                    "How much is the app?",
                    "Is it free?",
                    "Do I have to pay for {app}?",
                ],
                &[],
                "No, the {app} app is free. You pay nothing to install it or to use it. You only \
                 need a phone with internet. Nobody should ask you for money to sign up.",
            ),
            says(
                "هل التطبيق مجاني؟",
                &[
                    "كم ثمن التطبيق؟",
                    "هل يجب أن أدفع مالا مقابل التطبيق؟",
                    "بكم هذا التطبيق؟",
                ],
                &[],
                "نعم، تطبيق {app} مجاني. لا تدفع شيئا لتثبيته أو لاستعماله. تحتاج فقط إلى هاتف \
                 متصل بالإنترنت. لا يحق لأحد أن يطلب منك مالا مقابل التسجيل.",
            ),
        ],
    )
}

fn join() -> Entry {
    entry(
        "app_join",
        Topic::NeighbourhoodApp,
        [
            says(
                "Comment rejoindre l'application du quartier ?",
                &[
                    "Comment on s'inscrit sur {app} ?",
                    "Comment installer l'application sur mon téléphone ?",
                    "Où je télécharge l'appli ?",
                    "Qui peut m'aider à installer l'application ?",
                ],
                &["avoir", "obtenir", "qr", "code"],
                "Deux façons simples :\n\
                 1. Touchez « Découvrir l'application » : un code QR s'affiche. Scannez-le avec \
                 l'appareil photo de votre téléphone, puis suivez les étapes.\n\
                 2. Ou touchez « M'inscrire » et laissez votre prénom et votre téléphone ou votre \
                 e-mail : quelqu'un vous recontactera pour vous aider à installer {app}.\n\
                 Les bénévoles qui passent dans la résidence peuvent aussi vous aider.",
            ),
            says(
                "Comment avoir l'application sur mon téléphone ?",
                &["Comment je fais pour avoir l'application sur mon téléphone ?"],
                &["avoir", "mettre", "mets"],
                "Touchez « Découvrir l'application ».\n\
                 Un code QR s'affiche.\n\
                 Prenez le code en photo avec votre téléphone.\n\
                 Vous pouvez aussi toucher « M'inscrire ».\n\
                 Écrivez votre prénom et votre téléphone.\n\
                 Une personne vous appellera pour vous aider.",
            ),
            says(
                "How do I join the neighbourhood app?",
                &[
                    "How do I sign up to {app}?",
                    "How do I install the app on my phone?",
                    "Where can I download the app?",
                    "Who can help me install it?",
                ],
                &["get", "qr", "code"],
                "Two simple ways:\n\
                 1. Tap \"Discover the app\": a QR code appears. Scan it with your phone's camera \
                 and follow the steps.\n\
                 2. Or tap \"Sign up\" and leave your first name and your phone number or email: \
                 someone will contact you to help you install {app}.\n\
                 The volunteers who visit the résidence can help you too.",
            ),
            says(
                "كيف أنضم إلى تطبيق الحي؟",
                &[
                    "كيف أسجل في التطبيق؟",
                    "كيف أثبت التطبيق على هاتفي؟",
                    "من أين أحمل التطبيق؟",
                    "من يساعدني في تثبيت التطبيق؟",
                ],
                &["نلقى", "نجيب", "qr", "كود"],
                "طريقتان سهلتان:\n\
                 1. المس «اكتشف التطبيق»: يظهر رمز QR. صوّره بكاميرا هاتفك ثم اتبع الخطوات.\n\
                 2. أو المس «التسجيل» واترك اسمك الأول ورقم هاتفك أو بريدك الإلكتروني: سيتصل بك \
                 شخص ليساعدك على تثبيت التطبيق.\n\
                 يمكن للمتطوعين الذين يزورون الإقامة أن يساعدوك أيضا.",
            ),
        ],
    )
}

fn lend() -> Entry {
    entry(
        "app_lend",
        Topic::NeighbourhoodApp,
        [
            says(
                "Comment prêter ou emprunter un objet ?",
                &[
                    "Je cherche une perceuse, comment faire ?",
                    "Je peux prêter mes affaires aux voisins ?",
                    "Comment demander un coup de main à un voisin ?",
                ],
                &["escabeau", "échange"],
                "Dans {app}, dites ce que vous pouvez prêter (une perceuse, un escabeau…) ou ce \
                 que vous cherchez. Un voisin vous répond et vous vous mettez d'accord ensemble. \
                 Vous pouvez aussi demander ou proposer un coup de main.",
            ),
            says(
                "Comment prêter un objet à un voisin ?",
                &[],
                &[],
                "Ouvrez l'application.\n\
                 Écrivez ce que vous prêtez.\n\
                 Ou écrivez ce que vous cherchez.\n\
                 Un voisin vous répond.\n\
                 Vous choisissez ensemble le jour.",
            ),
            says(
                "How do I lend or borrow something?",
                &[
                    "I need a drill, how do I find one?",
                    "Can I lend my things to neighbours?",
                    "How do I ask a neighbour for a hand?",
                ],
                &["ladder", "swap"],
                "In {app}, say what you can lend (a drill, a ladder…) or what you are looking \
                 for. A neighbour answers and you agree together. You can also ask for or offer \
                 a hand.",
            ),
            says(
                "كيف أعير أو أستعير غرضا؟",
                &[
                    "أحتاج إلى مثقب، ماذا أفعل؟",
                    "هل يمكنني إعارة أغراضي للجيران؟",
                    "كيف أطلب المساعدة من جاري؟",
                ],
                &["نسلف", "سلف", "سلم"],
                "في تطبيق {app}، اكتب ما يمكنك إعارته (مثقب، سلم…) أو ما تبحث عنه. يرد عليك أحد \
                 الجيران وتتفقان معا. يمكنك أيضا طلب المساعدة أو تقديمها.",
            ),
        ],
    )
}

fn no_smartphone() -> Entry {
    entry(
        "app_no_smartphone",
        Topic::NeighbourhoodApp,
        [
            says(
                "Je n'ai pas de smartphone, comment faire ?",
                &[
                    "Je n'ai pas internet sur mon téléphone",
                    "Mon portable est trop vieux pour l'application",
                    "Sans smartphone, je peux participer ?",
                ],
                &[],
                "L'application {app} s'utilise sur un téléphone avec internet. Sans smartphone, \
                 vous pouvez quand même participer à la vie du quartier : parlez aux bénévoles, \
                 venez aux activités du centre social, ou demandez à un proche de vous aider. Sur \
                 cette borne, vous pouvez aussi poser vos questions et donner vos idées.",
            ),
            says(
                "Je n'ai pas de smartphone.",
                &[],
                &[],
                "L'application marche sur un téléphone avec internet.\n\
                 Vous n'avez pas ce téléphone ?\n\
                 Vous pouvez quand même participer.\n\
                 Parlez aux bénévoles.\n\
                 Venez au centre social.\n\
                 Sur cette borne, vous pouvez poser vos questions.",
            ),
            says(
                "I don't have a smartphone, what can I do?",
                &[
                    "My phone has no internet",
                    "My mobile is too old for the app",
                    "Can I take part without a smartphone?",
                ],
                &[],
                "The {app} app works on a phone with internet. Without a smartphone, you can \
                 still take part in neighbourhood life: talk to the volunteers, come to the \
                 community centre's activities, or ask someone close to you for help. On this \
                 kiosk, you can also ask your questions and share your ideas.",
            ),
            says(
                "ليس عندي هاتف ذكي، ماذا أفعل؟",
                &[
                    "هاتفي ليس فيه إنترنت",
                    "هاتفي قديم جدا للتطبيق",
                    "هل يمكنني المشاركة بدون هاتف ذكي؟",
                ],
                &[],
                "تطبيق {app} يعمل على هاتف متصل بالإنترنت. بدون هاتف ذكي، يمكنك رغم ذلك أن تشارك \
                 في حياة الحي: تحدث مع المتطوعين، أو احضر أنشطة المركز الاجتماعي، أو اطلب \
                 المساعدة من أحد أقاربك. على هذه الشاشة، يمكنك أيضا طرح أسئلتك ومشاركة أفكارك.",
            ),
        ],
    )
}
