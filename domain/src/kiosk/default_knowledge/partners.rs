//! Local partners: where to turn for help, French classes, paperwork, work. The names and
//! addresses come from the partner directory through `{partners}`; the public services named here
//! (France Services, France Travail, Mission locale, the CAF) exist everywhere in France.

use super::{Entry, Topic, entry, says};

pub(super) fn entries() -> Vec<Entry> {
    vec![help_nearby(), french_classes(), paperwork(), work()]
}

fn help_nearby() -> Entry {
    entry(
        "partners_help",
        Topic::LocalPartners,
        [
            says(
                "Quelles associations peuvent m'aider près d'ici ?",
                &[
                    "Il y a un centre social dans le quartier ?",
                    "Je cherche de l'aide pour ma famille",
                    "Où trouver une aide alimentaire ?",
                    "Qui aide les personnes âgées ?",
                ],
                &[
                    "manger",
                    "nourriture",
                    "faim",
                    "alimentaire",
                    "colis",
                    "famille",
                    "enfants",
                    "âgées",
                    "devoirs",
                    "isolement",
                ],
                "Où vous adresser : {partners}. Le centre social accueille tout le monde. Il \
                 propose souvent de l'aide pour les démarches, des activités pour les enfants et \
                 les familles, des cours de français et des sorties.",
            ),
            says(
                "Qui peut m'aider dans le quartier ?",
                &[],
                &["manger", "nourriture", "faim", "repas"],
                "Des associations peuvent vous aider.\n\
                 Le centre social peut vous aider.\n\
                 Où aller : {partners}.",
            ),
            says(
                "Which organisations can help me nearby?",
                &[
                    "Is there a community centre in the neighbourhood?",
                    "I'm looking for help for my family",
                    "Where can I find food aid?",
                    "Who helps older people?",
                ],
                &[
                    "food", "family", "children", "elderly", "homework", "lonely",
                ],
                "Where to go: {partners}. The community centre (centre social) welcomes \
                 everyone. It often offers help with paperwork, activities for children and \
                 families, French classes and outings.",
            ),
            says(
                "ما هي الجمعيات التي يمكن أن تساعدني قرب هنا؟",
                &[
                    "هل يوجد مركز اجتماعي في الحي؟",
                    "أبحث عن مساعدة لعائلتي",
                    "أين أجد مساعدة غذائية؟",
                    "من يساعد كبار السن؟",
                ],
                &["غذاء", "طعام", "عائلة", "أطفال", "مسنين"],
                "أين تتوجه: {partners}. المركز الاجتماعي (centre social) يستقبل الجميع. وغالبا \
                 ما يقدم المساعدة في الإجراءات، وأنشطة للأطفال والعائلات، ودروسا في الفرنسية، \
                 ونزهات.",
            ),
        ],
    )
}

fn french_classes() -> Entry {
    entry(
        "partners_french",
        Topic::LocalPartners,
        [
            says(
                "Où apprendre le français ?",
                &[
                    "Je veux prendre des cours de français",
                    "Il y a des cours de langue pour adultes ?",
                    "Ma mère veut apprendre à lire le français",
                ],
                &["lire", "écrire"],
                "Des cours de français pour adultes existent près de chez vous, souvent gratuits \
                 ou peu chers : au centre social ou dans des associations. Où vous adresser : \
                 {partners}.",
            ),
            says(
                "Je veux apprendre le français.",
                &[],
                &["parler", "apprendre"],
                "Il y a des cours de français près de chez vous.\n\
                 Les cours sont souvent gratuits.\n\
                 Où aller : {partners}.",
            ),
            says(
                "Where can I learn French?",
                &[
                    "I want to take French lessons",
                    "Are there language classes for adults?",
                    "My mother wants to learn to read French",
                ],
                &["read", "write"],
                "French classes for adults exist near you, often free or cheap: at the community \
                 centre or in associations. Where to go: {partners}.",
            ),
            says(
                "أين أتعلم اللغة الفرنسية؟",
                &[
                    "أريد دروسا في الفرنسية",
                    "هل توجد دروس لغة للكبار؟",
                    "أمي تريد أن تتعلم قراءة الفرنسية",
                ],
                &["قراءة", "كتابة"],
                "توجد دروس فرنسية للكبار قرب مسكنك، غالبا مجانية أو بثمن بسيط: في المركز \
                 الاجتماعي أو لدى الجمعيات. أين تتوجه: {partners}.",
            ),
        ],
    )
}

fn paperwork() -> Entry {
    entry(
        "partners_paperwork",
        Topic::LocalPartners,
        [
            says(
                "Qui peut m'aider pour mes papiers ou pour internet ?",
                &[
                    "J'ai besoin d'aide pour un dossier CAF",
                    "Je ne sais pas faire mes démarches en ligne",
                    "Qui peut m'aider à remplir un formulaire ?",
                    "Où imprimer un document ?",
                ],
                &["lettre", "courrier", "caf", "imprimer", "retraite", "ameli"],
                "Pour vos démarches (CAF, impôts, retraite, assurance maladie…) et pour utiliser \
                 internet, vous pouvez être aidé(e) gratuitement dans un espace France Services \
                 ou au centre social. Où vous adresser : {partners}.",
            ),
            says(
                "J'ai besoin d'aide pour mes papiers.",
                &[],
                &["lettre", "courrier", "comprends"],
                "Des personnes peuvent vous aider pour vos papiers.\n\
                 Elles peuvent aussi vous aider sur internet.\n\
                 C'est gratuit.\n\
                 Allez dans un espace France Services ou au centre social.\n\
                 Où aller : {partners}.",
            ),
            says(
                "Who can help me with paperwork or the internet?",
                &[
                    "I need help with a CAF application",
                    "I don't know how to do things online",
                    "Who can help me fill in a form?",
                    "Where can I print a document?",
                ],
                &["caf", "print", "pension", "taxes"],
                "For your paperwork (CAF, taxes, pension, health insurance…) and to use the \
                 internet, you can get free help at a France Services centre or at the community \
                 centre. Where to go: {partners}.",
            ),
            says(
                "من يساعدني في الأوراق الإدارية أو الإنترنت؟",
                &[
                    "أحتاج مساعدة في ملف CAF",
                    "لا أعرف القيام بالإجراءات عبر الإنترنت",
                    "من يساعدني في ملء استمارة؟",
                    "أين أطبع وثيقة؟",
                ],
                &["caf", "طباعة", "ضرائب", "تقاعد"],
                "لإجراءاتك (CAF، الضرائب، التقاعد، التأمين الصحي…) ولاستعمال الإنترنت، يمكنك \
                 الحصول على مساعدة مجانية في فضاء France Services أو في المركز الاجتماعي. أين \
                 تتوجه: {partners}.",
            ),
        ],
    )
}

fn work() -> Entry {
    entry(
        "partners_job",
        Topic::LocalPartners,
        [
            says(
                "Je cherche un emploi, qui peut m'aider ?",
                &[
                    "Où trouver du travail ?",
                    "Mon fils cherche une formation",
                    "Comment faire un CV ?",
                    "Qui peut m'aider à écrire un CV ?",
                ],
                &["mission locale", "apprentissage", "embauche"],
                "Pour chercher un emploi ou une formation : France Travail \
                 (www.francetravail.fr), et la Mission locale si vous avez entre 16 et 25 ans. La \
                 régie de quartier et le centre social peuvent aussi vous aider. Où vous \
                 adresser : {partners}.",
            ),
            says(
                "Je cherche du travail.",
                &[],
                &[],
                "France Travail peut vous aider.\n\
                 Vous avez entre 16 et 25 ans ?\n\
                 La Mission locale peut vous aider.\n\
                 Où aller : {partners}.",
            ),
            says(
                "I'm looking for a job, who can help?",
                &[
                    "Where can I find work?",
                    "My son is looking for training",
                    "How do I write a CV?",
                ],
                &["apprenticeship", "hiring", "employment"],
                "To look for a job or training: France Travail (www.francetravail.fr), and the \
                 Mission locale if you are between 16 and 25. The régie de quartier and the \
                 community centre can help you too. Where to go: {partners}.",
            ),
            says(
                "أبحث عن عمل، من يمكنه مساعدتي؟",
                &["أين أجد شغلا؟", "ابني يبحث عن تكوين", "كيف أكتب سيرة ذاتية؟"],
                &["توظيف"],
                "للبحث عن عمل أو تكوين: France Travail (www.francetravail.fr)، والبعثة المحلية \
                 (Mission locale) إذا كان عمرك بين 16 و25 سنة. يمكن لهيئة الحي (régie de \
                 quartier) وللمركز الاجتماعي أيضا مساعدتك. أين تتوجه: {partners}.",
            ),
        ],
    )
}
