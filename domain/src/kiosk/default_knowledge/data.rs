//! Data protection: who sees what, for how long, residents' rights, what the kiosk keeps. The
//! answers repeat the sign-up notice (`consent`) in fewer words and must change with it.

use super::{Entry, Topic, entry, says};

pub(super) fn entries() -> Vec<Entry> {
    vec![who_sees(), how_long(), rights(), kiosk_keeps()]
}

fn who_sees() -> Entry {
    entry(
        "data_who_sees",
        Topic::DataProtection,
        [
            says(
                "Qui voit mes données ?",
                &[
                    "Qui a accès à mes informations ?",
                    "Vous allez vendre mes données ?",
                    "Mes infos personnelles sont partagées avec qui ?",
                    "Est-ce que c'est sécurisé ?",
                ],
                &["confidentiel"],
                "Seulement l'équipe de {landlord} qui s'occupe de la vie des résidences, et les \
                 bénévoles de cette action. Si vous l'acceptez : l'équipe de l'application {app}, \
                 et la structure partenaire que vous choisissez. Personne d'autre. Vos données ne \
                 sont jamais vendues, et elles restent dans l'Union européenne.",
            ),
            says(
                "Qui peut voir mes informations ?",
                &["Qui peut voir ce que je donne ?"],
                &["lit", "lire"],
                "L'équipe de {landlord} peut les voir.\n\
                 Les bénévoles peuvent les voir.\n\
                 Si vous êtes d'accord, l'équipe de l'application aussi.\n\
                 Personne d'autre.\n\
                 Vos informations ne sont jamais vendues.",
            ),
            says(
                "Who sees my data?",
                &[
                    "Who has access to my information?",
                    "Will you sell my data?",
                    "Who do you share my personal details with?",
                    "Is it secure?",
                ],
                &["confidential"],
                "Only the team at {landlord} that looks after life in the résidences, and the \
                 volunteers of this campaign. If you agree: the {app} app's team, and the partner \
                 organisation you choose. Nobody else. Your data is never sold, and it stays in \
                 the European Union.",
            ),
            says(
                "من يرى بياناتي؟",
                &[
                    "من يستطيع الاطلاع على معلوماتي؟",
                    "هل ستبيعون بياناتي؟",
                    "مع من تشاركون معلوماتي الشخصية؟",
                    "هل هذا آمن؟",
                ],
                &["سرية"],
                "فقط فريق {landlord} المكلف بحياة الإقامات، ومتطوعو هذه المبادرة. وإذا وافقت: \
                 فريق تطبيق {app}، والجهة الشريكة التي تختارها. لا أحد غيرهم. بياناتك لا تباع \
                 أبدا، وتبقى داخل الاتحاد الأوروبي.",
            ),
        ],
    )
}

fn how_long() -> Entry {
    entry(
        "data_how_long",
        Topic::DataProtection,
        [
            says(
                "Combien de temps gardez-vous mes données ?",
                &[
                    "Mes informations sont gardées pendant combien de temps ?",
                    "Quand est-ce que mes données sont effacées ?",
                ],
                &["longtemps", "durée"],
                "Nous gardons vos données {retention_years} ans après notre dernier contact avec \
                 vous, puis nous les effaçons. Si vous ne voulez plus être contacté(e), nous \
                 gardons seulement cette information, pour ne plus vous déranger.",
            ),
            says(
                "Vous gardez mes informations combien de temps ?",
                &[],
                &["longtemps", "garder"],
                "Nous gardons vos informations {retention_years} ans.\n\
                 Les {retention_years} ans commencent après notre dernier contact avec vous.\n\
                 Ensuite, nous effaçons vos informations.",
            ),
            says(
                "How long do you keep my data?",
                &[
                    "For how long is my information stored?",
                    "When is my data deleted?",
                ],
                &[],
                "We keep your data for {retention_years} years after our last contact with you, \
                 then we erase it. If you no longer want to be contacted, we keep only that fact, \
                 so as not to disturb you again.",
            ),
            says(
                "كم من الوقت تحتفظون ببياناتي؟",
                &["ما هي مدة حفظ معلوماتي؟", "متى تحذف بياناتي؟"],
                &[],
                "نحتفظ ببياناتك {retention_years} سنوات بعد آخر تواصل معك، ثم نحذفها. إذا لم تعد \
                 تريد أن نتواصل معك، نحتفظ فقط بهذه المعلومة حتى لا نزعجك مرة أخرى.",
            ),
        ],
    )
}

fn rights() -> Entry {
    entry(
        "data_rights",
        Topic::DataProtection,
        [
            says(
                "Quels sont mes droits sur mes données ?",
                &[
                    "Comment effacer mes données ?",
                    "Je veux voir ce que vous savez sur moi",
                    "Comment faire une réclamation à la CNIL ?",
                    "Je veux corriger mes informations",
                ],
                &["rectifier", "rectification", "portabilité", "opposition"],
                "Vous pouvez voir vos données, les corriger, les faire effacer, limiter ou \
                 refuser leur utilisation, et les recevoir pour les donner à quelqu'un d'autre. \
                 Écrivez à {data_contact}. C'est gratuit, et la réponse arrive en un mois au \
                 plus. Si vous n'êtes pas satisfait(e), vous pouvez vous plaindre à la CNIL \
                 (www.cnil.fr).",
            ),
            says(
                "Quels sont mes droits ?",
                &[],
                &[],
                "Vous pouvez voir vos informations.\n\
                 Vous pouvez corriger vos informations.\n\
                 Vous pouvez faire effacer vos informations.\n\
                 Écrivez à {data_contact}.\n\
                 C'est gratuit.\n\
                 La réponse arrive en un mois au plus.",
            ),
            says(
                "What are my rights over my data?",
                &[
                    "How do I get my data deleted?",
                    "I want to see what you know about me",
                    "How do I complain to the CNIL?",
                    "I want to correct my details",
                ],
                &["rectify", "portability", "object"],
                "You can see your data, correct it, have it erased, limit or refuse its use, and \
                 receive it to give to someone else. Write to {data_contact}. It is free, and the \
                 answer comes within one month at most. If you are not satisfied, you can \
                 complain to the CNIL, the French data protection authority (www.cnil.fr).",
            ),
            says(
                "ما هي حقوقي على بياناتي؟",
                &[
                    "كيف أحذف بياناتي؟",
                    "أريد أن أرى ما تعرفونه عني",
                    "كيف أشتكي إلى CNIL؟",
                    "أريد تصحيح معلوماتي",
                ],
                &["تصحيح", "اعتراض"],
                "يمكنك أن ترى بياناتك، وأن تصححها، وأن تطلب حذفها، وأن تحد من استعمالها أو \
                 ترفضه، وأن تحصل عليها لتعطيها لجهة أخرى. اكتب إلى {data_contact}. هذا مجاني، \
                 ويصلك الرد خلال شهر على الأكثر. إذا لم تكن راضيا، يمكنك تقديم شكوى إلى CNIL، \
                 وهي الهيئة الفرنسية لحماية البيانات (www.cnil.fr).",
            ),
        ],
    )
}

fn kiosk_keeps() -> Entry {
    entry(
        "data_kiosk",
        Topic::DataProtection,
        [
            says(
                "Est-ce que la borne garde ce que j'écris ?",
                &[
                    "Quelqu'un d'autre peut voir ce que j'ai tapé ici ?",
                    "Mes réponses restent sur la tablette ?",
                    "La borne enregistre mes questions ?",
                ],
                &["souvient", "mémoire", "anonyme", "historique"],
                "Non. Quand vous touchez « J'ai fini », ou après un moment sans toucher l'écran, \
                 la borne efface tout ce que vous avez écrit : la personne suivante ne voit rien. \
                 Si vous vous inscrivez, vos informations sont fermées à clé (chiffrées) sur la \
                 borne : seule l'équipe de {landlord} peut les ouvrir. Les questions sans réponse \
                 sont envoyées à l'équipe sans votre nom, pour améliorer les réponses.",
            ),
            says(
                "La borne garde ce que j'écris ?",
                &[],
                &["souvient", "souvenir", "mémoire"],
                "Non.\n\
                 Quand vous avez fini, la borne efface tout.\n\
                 La personne suivante ne voit rien.\n\
                 Votre inscription est protégée.\n\
                 Seule l'équipe de {landlord} peut la lire.",
            ),
            says(
                "Does the kiosk keep what I type?",
                &[
                    "Can someone else see what I typed here?",
                    "Do my answers stay on the tablet?",
                    "Does the kiosk record my questions?",
                ],
                &["anonymous", "history"],
                "No. When you tap \"I'm done\", or after a moment without touching the screen, \
                 the kiosk erases everything you wrote: the next person sees nothing. If you sign \
                 up, your details are locked (encrypted) on the kiosk: only the team at \
                 {landlord} can open them. Questions without an answer are sent to the team \
                 without your name, to improve the answers.",
            ),
            says(
                "هل تحتفظ الشاشة بما أكتبه؟",
                &[
                    "هل يمكن لشخص آخر أن يرى ما كتبته هنا؟",
                    "هل تبقى إجاباتي على اللوحة؟",
                    "هل يسجل الجهاز أسئلتي؟",
                ],
                &["مجهول"],
                "لا. عندما تلمس «انتهيت»، أو بعد لحظة دون لمس الشاشة، تمحو الشاشة كل ما كتبته: \
                 الشخص التالي لا يرى شيئا. إذا سجلت نفسك، تقفل معلوماتك (مشفرة) على الجهاز: \
                 فريق {landlord} وحده يستطيع فتحها. الأسئلة التي لا جواب لها ترسل إلى الفريق \
                 دون اسمك، لتحسين الأجوبة.",
            ),
        ],
    )
}
