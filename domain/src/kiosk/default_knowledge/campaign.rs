//! This campaign itself: the kiosk, the shared-room ideas, the volunteers at the doors.

use super::{Entry, Topic, entry, says};

pub(super) fn entries() -> Vec<Entry> {
    vec![kiosk(), ideas(), volunteers()]
}

fn kiosk() -> Entry {
    entry(
        "kiosk_what",
        Topic::ThisCampaign,
        [
            says(
                "À quoi sert cette borne ?",
                &[
                    "Qu'est-ce que je peux faire sur cette tablette ?",
                    "C'est quoi cet écran dans le hall ?",
                    "Comment utiliser cette borne ?",
                ],
                &["hall"],
                "Sur cette borne, vous pouvez :\n\
                 - découvrir {app}, l'application du quartier ;\n\
                 - vous inscrire ;\n\
                 - poser vos questions ;\n\
                 - donner vos idées pour la résidence.\n\
                 C'est gratuit, et anonyme si vous ne vous inscrivez pas. Quand vous avez fini, \
                 touchez « J'ai fini » : tout est effacé.",
            ),
            says(
                "Cette borne, c'est pour quoi ?",
                &[],
                &[],
                "Sur cette borne, vous pouvez découvrir l'application.\n\
                 Vous pouvez vous inscrire.\n\
                 Vous pouvez poser des questions.\n\
                 Vous pouvez donner vos idées.\n\
                 À la fin, touchez « J'ai fini ».\n\
                 Tout est effacé.",
            ),
            says(
                "What is this kiosk for?",
                &[
                    "What can I do on this tablet?",
                    "What is this screen in the hall?",
                    "How do I use this kiosk?",
                ],
                &["lobby"],
                "On this kiosk, you can:\n\
                 - discover {app}, the neighbourhood app;\n\
                 - sign up;\n\
                 - ask your questions;\n\
                 - share your ideas for the résidence.\n\
                 It is free, and anonymous unless you sign up. When you have finished, tap \"I'm \
                 done\": everything is erased.",
            ),
            says(
                "ما فائدة هذه الشاشة؟",
                &[
                    "ماذا يمكنني أن أفعل على هذه اللوحة؟",
                    "ما هذا الجهاز في المدخل؟",
                    "كيف أستعمل هذه الشاشة؟",
                ],
                &["مدخل"],
                "على هذه الشاشة يمكنك:\n\
                 - اكتشاف تطبيق الحي {app}؛\n\
                 - التسجيل؛\n\
                 - طرح أسئلتك؛\n\
                 - مشاركة أفكارك للإقامة.\n\
                 كل ذلك مجاني، ودون ذكر اسمك إلا إذا اخترت التسجيل. عندما تنتهي، المس «انتهيت»: \
                 يمحى كل شيء.",
            ),
        ],
    )
}

fn ideas() -> Entry {
    entry(
        "ideas_room",
        Topic::ThisCampaign,
        [
            says(
                "Comment donner une idée pour la salle commune ?",
                &[
                    "On peut proposer quoi pour le local vide ?",
                    "Je veux voter pour une idée",
                    "À quoi va servir la salle du rez-de-chaussée ?",
                ],
                &["coloration"],
                "Touchez « Donner une idée » sur l'écran d'accueil. Vous pouvez proposer une \
                 idée pour la salle, et voter pour les idées des autres habitants. C'est \
                 anonyme : votre nom n'est pas demandé. L'équipe de {landlord} reçoit les idées et \
                 les votes.",
            ),
            says(
                "Je veux donner une idée pour la salle.",
                &[],
                &[],
                "Touchez « Donner une idée ».\n\
                 Écrivez votre idée.\n\
                 Vous pouvez aussi voter pour une idée.\n\
                 Votre nom n'est pas demandé.",
            ),
            says(
                "How do I share an idea for the shared room?",
                &[
                    "What can we suggest for the empty room?",
                    "I want to vote for an idea",
                    "What will the ground-floor room be used for?",
                ],
                &[],
                "Tap \"Share an idea\" on the welcome screen. You can suggest an idea for the \
                 room, and vote for other residents' ideas. It is anonymous: your name is not \
                 asked. The team at {landlord} receives the ideas and the votes.",
            ),
            says(
                "كيف أشارك فكرة للقاعة المشتركة؟",
                &[
                    "ماذا يمكن أن نقترح للقاعة الفارغة؟",
                    "أريد التصويت لفكرة",
                    "ما استعمال القاعة في الطابق الأرضي؟",
                ],
                &[],
                "المس «شارك فكرة» في الشاشة الأولى. يمكنك اقتراح فكرة للقاعة، والتصويت لأفكار \
                 السكان الآخرين. لا يطلب منك اسمك. يتلقى فريق {landlord} الأفكار والأصوات.",
            ),
        ],
    )
}

fn volunteers() -> Entry {
    entry(
        "volunteers_who",
        Topic::ThisCampaign,
        [
            says(
                "Qui sont les jeunes qui frappent aux portes ?",
                &[
                    "Des bénévoles sont passés chez moi, c'est qui ?",
                    "C'est normal que quelqu'un sonne pour l'application ?",
                    "Les personnes en gilet viennent de la part de qui ?",
                ],
                &["sonner", "gilet", "démarchage"],
                "Ce sont des jeunes en service civique et des habitants relais, qui travaillent \
                 avec {landlord}. Ils présentent {app}, écoutent vos besoins et peuvent vous \
                 orienter. Ils ne demandent jamais d'argent et ne vendent rien. Vous n'êtes pas \
                 obligé(e) de leur ouvrir ni de leur répondre.",
            ),
            says(
                "Qui sont les jeunes qui viennent chez moi ?",
                &[],
                &[],
                "Ce sont des bénévoles.\n\
                 Ils travaillent avec {landlord}.\n\
                 Ils présentent l'application.\n\
                 Ils ne demandent jamais d'argent.\n\
                 Vous pouvez ne pas ouvrir.",
            ),
            says(
                "Who are the young people knocking on doors?",
                &[
                    "Volunteers came to my door, who are they?",
                    "Is it normal that someone rang about the app?",
                    "Who sent the people in vests?",
                ],
                &["doorbell", "vest"],
                "They are young people in civic service (service civique) and resident \
                 volunteers (habitants relais) working with {landlord}. They present {app}, \
                 listen to your needs and can point you to the right place. They never ask for \
                 money and sell nothing. You do not have to open the door or answer.",
            ),
            says(
                "من هم الشباب الذين يطرقون الأبواب؟",
                &[
                    "جاء متطوعون إلى بيتي، من هم؟",
                    "هل من الطبيعي أن يطرق أحد بابي بسبب التطبيق؟",
                    "من أرسل الأشخاص الذين يرتدون السترات؟",
                ],
                &["كيدقو", "يطرقون", "سترة"],
                "هم شباب في الخدمة المدنية (service civique) وسكان متطوعون (habitants relais) \
                 يعملون مع {landlord}. يقدمون تطبيق {app}، ويستمعون إلى احتياجاتك، ويمكنهم \
                 توجيهك. لا يطلبون المال أبدا ولا يبيعون شيئا. لست مجبرا على فتح الباب لهم أو \
                 الإجابة.",
            ),
        ],
    )
}
